//! Every row belongs to one user: a second user probing every endpoint with the first user's ids
//! gets 404 (never 403, never 200), exactly as for an id no one has, sees nothing of them in any
//! list, figure, export or cache, cannot link to them, and changes nothing of them. The dashboard
//! layout has no id: each user reads and writes their own, whatever version they name.
//!
//! The probes are data (`table::cases`): the tests here send them, and
//! `every_operation_is_probed_as_another_user_or_exempt` holds them to the OpenAPI document.

mod table;
mod world;

use std::collections::{BTreeSet, HashMap, HashSet};

use crm_api::ListParams;
use crm_api::client::Client;
use crm_api::dashboard::DashboardLayout;
use crm_api::deals::StageChange;
use crm_api::resource::{Activities, Contacts, Deals, Opportunities, Resource};
use crm_sim::{Sim, SimConfig};
use crm_tests::{Backend, TestServer, backend_tests};
use reqwest::Method;
use serde_json::{Value, json};

use crate::probe::{self, Answer};
use table::{Case, EXEMPT, Expect, Fill, MISSING, Of, Probe, cases};
use world::{World, fill_mine, fills, save_layout, seed, world};

backend_tests!(
    every_endpoint_is_404_on_another_users_records,
    another_users_record_answers_exactly_like_a_missing_one,
    another_users_probes_change_nothing_of_the_owners_records,
    what_a_user_sees_is_the_same_before_and_after_another_user_fills_their_account,
    lists_search_recent_audit_and_tokens_show_nothing_of_another_user,
    linking_to_another_users_records_is_404_naming_the_link_field,
    a_rejected_link_to_another_users_record_writes_nothing,
    imports_and_exports_show_nothing_of_another_user,
);

/// The amounts (minor units) of the deals each user's world adds: no sum of the one user's
/// figures can hold the other's.
const A_AMOUNTS: [i64; 2] = [98_765_431, 87_654_329];
const B_AMOUNTS: [i64; 2] = [1_234_567, 2_345_671];

/// A server whose connectors point at a simulator, and its two users: A (the owner) and B (the
/// prober).
struct Two {
    _sim: Sim,
    _server: TestServer,
    ua: Client,
    ub: Client,
}

async fn two_users(b: Backend) -> Two {
    let sim = Sim::start(SimConfig { people: 20, ..SimConfig::default() }).await.expect("sim");
    let s = crate::integrations::server(b, &sim).await;
    let ua = s.user("owner").await;
    let ub = s.user("prober").await;
    Two { _sim: sim, _server: s, ua, ub }
}

/// Two users and their worlds: A with Top Producer connected too, B with Brivity alone.
async fn two_worlds(b: Backend) -> (Two, World, World) {
    let two = two_users(b).await;
    let a = world(&two.ua, "a", A_AMOUNTS, true).await;
    let mine = world(&two.ub, "b", B_AMOUNTS, false).await;
    (two, a, mine)
}

/// The cases `keep` selects, each rendered with each fill (A's live records, then A's trashed
/// ones), once when the fills make the same request.
fn rendered<'c>(
    cases: &'c [Case],
    fills: &'c [Fill],
    keep: impl Fn(&Case) -> bool,
) -> Vec<(&'c Case, &'c Fill, Probe)> {
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for f in fills {
        for c in cases.iter().filter(|c| keep(c)) {
            let p = c.render(f);
            if seen.insert(p.to_string()) {
                out.push((c, f, p));
            }
        }
    }
    out
}

/// The runs of digits in `s`.
fn numbers(s: &str) -> HashSet<String> {
    s.split(|c: char| !c.is_ascii_digit()).filter(|n| !n.is_empty()).map(str::to_string).collect()
}

/// What a client sees of an answer: its status, content type and body without the per-request
/// id, each number of `swaps` written as its twin in every string (an answer may name the id it
/// was asked for).
fn visible(ans: &Answer, swaps: &HashMap<String, String>) -> Value {
    let swap = |s: &str| -> String {
        let mut out = String::new();
        let mut digits = String::new();
        for ch in s.chars().chain(std::iter::once(' ')) {
            if ch.is_ascii_digit() {
                digits.push(ch);
                continue;
            }
            if !digits.is_empty() {
                out.push_str(swaps.get(&digits).unwrap_or(&digits));
                digits.clear();
            }
            out.push(ch);
        }
        out.pop();
        out
    };
    fn walk(v: &mut Value, swap: &dyn Fn(&str) -> String) {
        match v {
            Value::String(s) => *s = swap(s),
            Value::Array(a) => a.iter_mut().for_each(|x| walk(x, swap)),
            Value::Object(m) => m.values_mut().for_each(|x| walk(x, swap)),
            _ => {}
        }
    }
    let mut body = ans.visible_problem();
    walk(&mut body, &swap);
    json!({"status": ans.status, "content_type": ans.content_type, "body": body})
}

/// At most 600 characters of `v`.
fn cut(v: &Value) -> String {
    v.to_string().chars().take(600).collect()
}

/// The table, as the tests below send it, covers every operation of the OpenAPI document but
/// those on [`EXEMPT`]; an operation with an id in its path counts as probed only by a probe
/// naming one of A's things there.
#[tokio::test]
async fn every_operation_is_probed_as_another_user_or_exempt() {
    let s = TestServer::start(Backend::Sqlite).await;
    let doc = s.anon().openapi().await.expect("the OpenAPI document");
    let mut documented = BTreeSet::new();
    for (path, item) in doc["paths"].as_object().expect("paths") {
        for method in item.as_object().expect("path item").keys() {
            documented.insert((method.to_uppercase(), path.clone()));
        }
    }
    let cases = cases();
    let probed: BTreeSet<(String, String)> =
        cases.iter().filter(|c| c.path_names_theirs() || !c.template.contains('{')).map(Case::operation).collect();
    let sent: BTreeSet<(String, String)> = cases.iter().map(Case::operation).collect();
    let exempt: BTreeSet<(String, String)> = EXEMPT.iter().map(|(m, p, _)| (m.to_string(), p.to_string())).collect();
    let show =
        |ops: Vec<&(String, String)>| ops.iter().map(|(m, p)| format!("  {m} {p}")).collect::<Vec<_>>().join("\n");

    let unprobed: Vec<_> = documented.iter().filter(|op| !probed.contains(*op) && !exempt.contains(*op)).collect();
    assert!(
        unprobed.is_empty(),
        "operations no isolation probe covers (add a case naming another user's ids to \
         tests/api/isolation/table.rs, or the operation to EXEMPT with its reason):\n{}",
        show(unprobed)
    );
    let unknown: Vec<_> = sent.union(&exempt).filter(|op| !documented.contains(*op)).collect();
    assert!(unknown.is_empty(), "probed or exempt, but not in the OpenAPI document:\n{}", show(unknown));
    let both: Vec<_> = sent.intersection(&exempt).collect();
    assert!(both.is_empty(), "both probed and exempt:\n{}", show(both));
}

/// A case expecting A's ids (a 404, or the answer of a missing id) names one of A's things,
/// and one of B's own scope names none: rendered with two sets of A's ids, the first changes and
/// the second does not.
#[test]
fn each_probe_names_another_users_things_exactly_when_it_expects_to() {
    let (one, other) = (Fill::dummy(1000), Fill::dummy(5000));
    let mut wrong = Vec::new();
    for c in cases() {
        let (x, y) = (c.render(&one).to_string(), c.render(&other).to_string());
        if c.expect.names_theirs() != (x != y) {
            wrong.push(format!("{x} ({:?})", c.expect));
        }
    }
    assert!(wrong.is_empty(), "probes whose ids do not fit what they expect:\n{}", wrong.join("\n"));
}

async fn every_endpoint_is_404_on_another_users_records(b: Backend) {
    let (two, a, mine) = two_worlds(b).await;
    let cases = cases();
    let fills = fills(&a, &mine);
    let mut wrong = Vec::new();
    for (c, f, p) in rendered(&cases, &fills, |c| matches!(c.expect, Expect::NotFound | Expect::NotFoundNaming(_))) {
        let ans = p.send(&two.ub).await;
        if let Err(why) = c.verdict(&ans, f) {
            wrong.push(format!("{p} -> {why}: {ans}"));
        }
    }
    assert!(
        wrong.is_empty(),
        "probes of another user's records that were not a problem+json 404:\n{}",
        wrong.join("\n")
    );
}

async fn another_users_record_answers_exactly_like_a_missing_one(b: Backend) {
    let (two, a, mine) = two_worlds(b).await;
    let cases = cases();
    let fills = fills(&a, &mine);
    let mut leaks = Vec::new();
    for (c, f, p) in rendered(&cases, &fills, |c| c.expect.names_theirs()) {
        let nobodys = f.missing();
        let q = c.render(&nobodys);
        let (x, y) = (p.send(&two.ub).await, q.send(&two.ub).await);
        // The ids of A's the request names: those whose twins its twin names.
        let text = |p: &Probe| format!("{} {}", p.path, p.body.as_ref().map(Value::to_string).unwrap_or_default());
        let named = numbers(&text(&q));
        let swaps: HashMap<String, String> = f
            .ids
            .iter()
            .filter(|(of, id)| matches!(of, Of::Theirs(_)) && named.contains(&(MISSING + **id).to_string()))
            .map(|(_, id)| (id.to_string(), (MISSING + id).to_string()))
            .collect();
        let (xs, ys) = (visible(&x, &swaps), visible(&y, &HashMap::new()));
        if xs != ys {
            leaks.push(format!("{p} -> {x}\n  but a missing id: {q} -> {y}"));
        } else if let Err(why) = c.verdict(&x, f) {
            leaks.push(format!("{p} -> {why}: {x}"));
        }
    }
    assert!(leaks.is_empty(), "another user's record answers differently from a missing one:\n{}", leaks.join("\n"));
}

/// A's view of everything: each reading probe of the table sent as A, on A's live records and
/// on A's trashed ones.
async fn owners_view(ua: &Client, cases: &[Case], fills: &[Fill]) -> Vec<(String, Value)> {
    let mut out = Vec::new();
    for (_, _, p) in rendered(cases, fills, |c| c.method == Method::GET) {
        let ans = p.send(ua).await;
        out.push((p.to_string(), visible(&ans, &HashMap::new())));
    }
    out
}

async fn another_users_probes_change_nothing_of_the_owners_records(b: Backend) {
    let (two, a_world, mine) = two_worlds(b).await;
    let (ua, ub) = (&two.ua, &two.ub);
    let a = &a_world.owned;
    let layout = save_layout(ua).await;
    let cases = cases();
    let fills = fills(&a_world, &mine);
    let view_before = owners_view(ua, &cases, &fills).await;
    let audit_before =
        ua.audit(&crm_api::params::AuditParams { limit: Some(1000), ..Default::default() }).await.expect("audit").data;
    let history_before: Vec<StageChange> = ua.deal_history(a.deal.id).await.expect("history");

    // B's probes of A's things, then of B's own scope.
    for (_, _, p) in rendered(&cases, &fills, |c| c.expect.names_theirs()) {
        p.send(ub).await;
    }
    let mut wrong = Vec::new();
    for (c, f, p) in rendered(&cases, &fills, |c| matches!(c.expect, Expect::Unaffected(_))) {
        let ans = p.send(ub).await;
        if let Err(why) = c.verdict(&ans, f) {
            wrong.push(format!("{p} -> {why}: {ans}"));
        }
    }
    // B's layout probes see B's layout (the default first, then B's own), never A's.
    let answers = [(200, 0), (412, 0), (412, 0), (200, 1), (200, 1)];
    for (p, (status, version)) in layout_probes().iter().zip(answers) {
        let ans = p.send(ub).await;
        assert_eq!(ans.status, status, "{p} -> {ans}");
        if status == 200 {
            assert_eq!(ans.body["version"], version, "{p} -> {ans}");
            assert_ne!(ans.body["period"], "this_year", "B sees A's layout: {p} -> {ans}");
        }
    }
    // B's writes of B's own, some with A's names: B's alone.
    for (c, f, p) in rendered(&cases, &fills, |c| matches!(c.expect, Expect::Mine(_))) {
        let ans = p.send(ub).await;
        if let Err(why) = c.verdict(&ans, f) {
            wrong.push(format!("{p} -> {why}: {ans}"));
        }
    }
    assert!(wrong.is_empty(), "B's requests in B's own scope:\n{}", wrong.join("\n"));
    assert_eq!(ua.dashboard_layout().await.expect("A's layout").record, layout, "A's layout is unchanged");

    assert_eq!(ua.get::<Contacts>(a.contact.id).await.expect("A's contact is still live").record, a.contact);
    assert_eq!(
        ua.get::<Opportunities>(a.opportunity.id).await.expect("A's opportunity is still live").record,
        a.opportunity
    );
    assert_eq!(ua.get::<Deals>(a.deal.id).await.expect("A's deal is still live").record, a.deal);
    assert_eq!(ua.get::<Activities>(a.activity.id).await.expect("A's activity is still live").record, a.activity);
    assert_eq!(ua.deal_history(a.deal.id).await.expect("history"), history_before, "no stage change was recorded");

    let trash = ListParams { deleted: Some(true), ..Default::default() };
    let ids = |v: Vec<Value>| v.iter().filter_map(|r| r["id"].as_i64()).collect::<Vec<_>>();
    let in_trash = ids(records::<Contacts>(ua, &trash).await);
    assert_eq!(in_trash, vec![a.trashed_contact.id], "A's trashed contact is still (only) in the trash");
    assert_eq!(ids(records::<Opportunities>(ua, &trash).await), vec![a.trashed_opportunity.id]);
    assert_eq!(ids(records::<Deals>(ua, &trash).await), vec![a.trashed_deal.id]);
    assert_eq!(ids(records::<Activities>(ua, &trash).await), vec![a.trashed_activity.id]);

    let tokens = ua.list_tokens().await.expect("tokens");
    assert_eq!(tokens, vec![a.token.clone()], "A's token is not revoked");

    let audit_after =
        ua.audit(&crm_api::params::AuditParams { limit: Some(1000), ..Default::default() }).await.expect("audit").data;
    assert_eq!(audit_after, audit_before, "nothing was written to A's audit trail");

    // Everything A reads (records, trash, history, timeline, pipelines, imports, integrations,
    // figures, exports) reads as before.
    let view_after = owners_view(ua, &cases, &fills).await;
    let changed: Vec<String> = view_before
        .iter()
        .zip(&view_after)
        .filter(|(x, y)| x != y)
        .map(|((p, x), (_, y))| format!("{p}\n  before: {}\n  after:  {}", cut(x), cut(y)))
        .collect();
    assert!(changed.is_empty(), "B's probes changed what A reads:\n{}", changed.join("\n"));
}

/// Every request on the dashboard layout: a user's own, so another user's probes of it read and
/// write only their own (with A's version, a stale one, or none in `If-Match`).
fn layout_probes() -> Vec<Probe> {
    const PATH: &str = "/api/crm/dashboard/layout";
    let body = json!({"period": "last_month", "widgets": ["win_rate"]});
    vec![
        Probe::new(Method::GET, PATH.into()),
        Probe::new(Method::PUT, PATH.into()).body(body.clone()).if_match("\"1\""),
        Probe::new(Method::PUT, PATH.into()).body(body.clone()).if_match("\"99\""),
        Probe::new(Method::PUT, PATH.into()).body(body),
        Probe::new(Method::GET, PATH.into()),
    ]
}

/// B's answers in B's own scope (lists, exports, figures, the queue, the audit trail, the
/// cache...) are the same before A's world exists and after it does (and after B's probes of
/// it), and no answer to B holds a name, e-mail or amount of A's.
async fn what_a_user_sees_is_the_same_before_and_after_another_user_fills_their_account(b: Backend) {
    let two = two_users(b).await;
    let (ua, ub) = (&two.ua, &two.ub);
    let mine = world(ub, "b", B_AMOUNTS, false).await;
    let cases = cases();
    let own: Vec<&Case> = cases.iter().filter(|c| matches!(c.expect, Expect::Unaffected(_))).collect();
    let alone = fill_mine(&mine);
    let mut before = Vec::new();
    for c in &own {
        before.push(c.render(&alone).send(ub).await);
    }

    let a = world(ua, "a", A_AMOUNTS, true).await;
    save_layout(ua).await;
    let fills = fills(&a, &mine);
    let mut seen = Vec::new();
    for (_, _, p) in rendered(&cases, &fills, |c| c.expect.names_theirs()) {
        let ans = p.send(ub).await;
        seen.push((p.to_string(), ans));
    }
    let mut wrong = Vec::new();
    for (c, then) in own.iter().zip(before) {
        let p = c.render(&fills[0]);
        let now = p.send(ub).await;
        if let Err(why) = c.verdict(&now, &fills[0]) {
            wrong.push(format!("{p} -> {why}: {now}"));
        }
        let (x, y) = (visible(&then, &HashMap::new()), visible(&now, &HashMap::new()));
        if x != y {
            wrong.push(format!("{p}\n  before A's world: {}\n  after:            {}", cut(&x), cut(&y)));
        }
        seen.push((p.to_string(), now));
    }
    // Where A looks, A's names and amounts show: had B been shown A's rows, they would too.
    let markers = a.markers();
    let mut owners = String::new();
    for c in own.iter().filter(|c| c.method == Method::GET) {
        let p = c.render(&fills[0]);
        owners.push_str(&p.send(ua).await.body.to_string());
    }
    let unseen: Vec<&String> = markers.iter().filter(|m| !owners.contains(m.as_str())).collect();
    assert!(unseen.is_empty(), "A's own reads of these probes show none of {unseen:?}");
    for (p, ans) in &seen {
        let text = ans.body.to_string();
        for m in markers.iter().filter(|m| text.contains(m.as_str())) {
            wrong.push(format!("{p} shows A's {m:?}: {ans}"));
        }
    }
    assert!(wrong.is_empty(), "what B sees changed with A's world:\n{}", wrong.join("\n"));
}

/// A page of records as JSON.
async fn records<R: Resource>(c: &Client, params: &ListParams) -> Vec<Value> {
    let page = c.list::<R>(params).await.expect("list");
    page.data.iter().map(|r| serde_json::to_value(r).expect("record as JSON")).collect()
}

/// The ids of the records listed for `params`.
async fn listed_ids<R: Resource>(c: &Client, params: &ListParams) -> Vec<i64> {
    records::<R>(c, params).await.iter().map(|r| r["id"].as_i64().expect("id")).collect()
}

async fn lists_search_recent_audit_and_tokens_show_nothing_of_another_user(b: Backend) {
    let s = TestServer::start(b).await;
    let ua = s.user("owner").await;
    let ub = s.user("prober").await;
    let a = seed(&ua, "a").await;
    let mine = seed(&ub, "b").await;
    save_layout(&ua).await;

    let variants = |a_ids: &[i64]| {
        let ids: Vec<String> = a_ids.iter().map(i64::to_string).collect();
        vec![
            ListParams::default(),
            ListParams { total: Some(true), ..Default::default() },
            ListParams { deleted: Some(true), ..Default::default() },
            ListParams { q: Some("zanzibar".into()), ..Default::default() },
            ListParams { q: Some("zanzibar".into()), deleted: Some(true), ..Default::default() },
            ListParams { filter: Some(format!("id[in]:({})", ids.join(","))), ..Default::default() },
            ListParams {
                filter: Some(format!("id[in]:({})", ids.join(","))),
                deleted: Some(true),
                ..Default::default()
            },
        ]
    };
    let mut leaks = Vec::new();
    macro_rules! check {
        ($r:ty, $a_ids:expr, $b_live:expr, $b_trash:expr) => {{
            let a_ids: Vec<i64> = $a_ids;
            for p in variants(&a_ids) {
                let got = listed_ids::<$r>(&ub, &p).await;
                let expected: Vec<i64> = if p.filter.is_some() {
                    vec![]
                } else if p.deleted == Some(true) {
                    vec![$b_trash]
                } else {
                    vec![$b_live]
                };
                if got != expected {
                    leaks.push(format!("{} {:?}: got ids {got:?}, expected {expected:?}", <$r>::PATH, p));
                }
            }
            let total = ub.list::<$r>(&ListParams { total: Some(true), ..Default::default() }).await.expect("list");
            if total.total != Some(1) {
                leaks.push(format!("{} total is {:?}, B has 1", <$r>::PATH, total.total));
            }
        }};
    }
    check!(Contacts, vec![a.contact.id, a.trashed_contact.id], mine.contact.id, mine.trashed_contact.id);
    check!(
        Opportunities,
        vec![a.opportunity.id, a.trashed_opportunity.id],
        mine.opportunity.id,
        mine.trashed_opportunity.id
    );
    check!(Deals, vec![a.deal.id, a.trashed_deal.id], mine.deal.id, mine.trashed_deal.id);
    check!(Activities, vec![a.activity.id, a.trashed_activity.id], mine.activity.id, mine.trashed_activity.id);

    let recent: Vec<i64> = ub.recent_activities().await.expect("recent").iter().map(|x| x.id).collect();
    if recent != vec![mine.activity.id] {
        leaks.push(format!("recent activities: got {recent:?}, expected [{}]", mine.activity.id));
    }

    // The queue, in the default zone and in zones either side of UTC: B's overdue activity only.
    for tz in [None, Some("Pacific/Kiritimati"), Some("Pacific/Pago_Pago")] {
        let params = crm_api::params::QueueParams { tz: tz.map(str::to_string), limit: Some(500) };
        let q = ub.activity_queue(&params).await.expect("queue");
        let seen: Vec<i64> = q.overdue.iter().chain(&q.today).chain(&q.upcoming).map(|x| x.id).collect();
        let overdue: Vec<i64> = q.overdue.iter().map(|x| x.id).collect();
        if seen != vec![mine.activity.id] || (tz.is_none() && overdue != vec![mine.activity.id]) {
            leaks.push(format!("queue (tz {tz:?}): got {seen:?}, expected [{}]", mine.activity.id));
        }
    }

    let audit =
        ub.audit(&crm_api::params::AuditParams { limit: Some(1000), ..Default::default() }).await.expect("audit").data;
    let b_owns = [
        ("contact", mine.contact.id),
        ("contact", mine.trashed_contact.id),
        ("opportunity", mine.opportunity.id),
        ("opportunity", mine.trashed_opportunity.id),
        ("deal", mine.deal.id),
        ("deal", mine.trashed_deal.id),
        ("activity", mine.activity.id),
        ("activity", mine.trashed_activity.id),
        ("api_token", mine.token.id),
    ];
    for e in &audit {
        if !b_owns.contains(&(e.entity.as_str(), e.entity_id)) {
            leaks.push(format!("B's audit trail has an entry about {} {}: {e:?}", e.entity, e.entity_id));
        }
    }
    // 9 creates and 4 deletes.
    if audit.len() != 13 {
        leaks.push(format!("B's audit trail has {} entries, B made 13 changes", audit.len()));
    }

    for (entity, id) in [
        ("contact", a.contact.id),
        ("opportunity", a.opportunity.id),
        ("deal", a.deal.id),
        ("activity", a.activity.id),
        ("api_token", a.token.id),
    ] {
        let path = format!("/api/crm/audit?entity={entity}&entity_id={id}");
        let ans = probe::call(&ub, Method::GET, &path, None).await;
        if ans.status != 200 || ans.body["data"] != json!([]) {
            leaks.push(format!("GET {path} as B: {ans}"));
        }
    }

    // The figures count B's records only: one live contact, opportunity, deal and activity.
    let board = ub.pipeline_board(&Default::default()).await.expect("board");
    let on_board: Vec<i64> = board.0.iter().flat_map(|(_, d)| d.iter().map(|d| d.id)).collect();
    if on_board != vec![mine.deal.id] {
        leaks.push(format!("B's board: got {on_board:?}, expected [{}]", mine.deal.id));
    }
    let summary = ub.pipeline_summary(None).await.expect("summary");
    let counted: i64 = summary.stages.iter().map(|s| s.count).sum();
    if counted != 1 || summary.pipeline_id != mine.deal.pipeline_id.unwrap_or_default() {
        leaks.push(format!("B's pipeline summary counts {counted} deals of pipeline {}", summary.pipeline_id));
    }
    let dash = ub.dashboard(&Default::default()).await.expect("dashboard");
    let activities: i64 = dash.activity_timeline.iter().map(|d| d.call + d.email + d.meeting + d.task + d.note).sum();
    let funnel = dash.funnel.first().map(|f| f.count);
    if (dash.total_contacts, dash.open_opportunities, activities, funnel) != (1, 1, 1, Some(1)) {
        leaks.push(format!(
            "B's dashboard: {} contacts, {} open opportunities, {activities} activities, funnel {funnel:?}",
            dash.total_contacts, dash.open_opportunities
        ));
    }

    let layout = ub.dashboard_layout().await.expect("B's layout").record;
    if layout != DashboardLayout::default() {
        leaks.push(format!("B's dashboard layout is not the default one B never changed: {layout:?}"));
    }

    let tokens: Vec<i64> = ub.list_tokens().await.expect("tokens").iter().map(|t| t.id).collect();
    if tokens != vec![mine.token.id] {
        leaks.push(format!("B's tokens: got {tokens:?}, expected [{}]", mine.token.id));
    }
    assert!(leaks.is_empty(), "B sees something of A's (or misses its own):\n{}", leaks.join("\n"));
}

async fn linking_to_another_users_records_is_404_naming_the_link_field(b: Backend) {
    let (two, a, mine) = two_worlds(b).await;
    let cases = cases();
    let fills = fills(&a, &mine);
    let mut wrong = Vec::new();
    for (c, f, p) in rendered(&cases, &fills, |c| matches!(c.expect, Expect::NotFoundNaming(_))) {
        let ans = p.send(&two.ub).await;
        if let (Err(why), Expect::NotFoundNaming(field)) = (c.verdict(&ans, f), c.expect) {
            wrong.push(format!("{p} -> {ans} ({why}: expected a problem+json 404 naming {field})"));
        }
    }
    assert!(wrong.is_empty(), "links to another user's records:\n{}", wrong.join("\n"));
}

/// A user's opportunities, deals and activities, live and in the trash: what a link can touch.
async fn linked_records(u: &Client, live: &ListParams, trash: &ListParams) -> [Vec<Value>; 6] {
    [
        records::<Opportunities>(u, live).await,
        records::<Deals>(u, live).await,
        records::<Activities>(u, live).await,
        records::<Opportunities>(u, trash).await,
        records::<Deals>(u, trash).await,
        records::<Activities>(u, trash).await,
    ]
}

async fn a_rejected_link_to_another_users_record_writes_nothing(b: Backend) {
    let (two, a, mine) = two_worlds(b).await;
    let ub = &two.ub;
    let everything = ListParams { limit: Some(1000), ..Default::default() };
    let trash = ListParams { limit: Some(1000), deleted: Some(true), ..Default::default() };
    let before = linked_records(ub, &everything, &trash).await;
    let audit_before = ub
        .audit(&crm_api::params::AuditParams { limit: Some(1000), ..Default::default() })
        .await
        .expect("audit")
        .data
        .len();
    let cases = cases();
    let fills = fills(&a, &mine);
    for (_, _, p) in rendered(&cases, &fills, |c| matches!(c.expect, Expect::NotFoundNaming(_))) {
        p.send(ub).await;
    }
    let after = linked_records(ub, &everything, &trash).await;
    assert_eq!(after, before, "B's records (live and trashed) are exactly as they were");
    assert_eq!(
        ub.audit(&crm_api::params::AuditParams { limit: Some(1000), ..Default::default() })
            .await
            .expect("audit")
            .data
            .len(),
        audit_before,
        "B's audit trail did not grow"
    );
}

/// Imports and exports: another user's import is a 404 to show, undo or join, and neither the
/// import list nor any export carries another user's rows.
async fn imports_and_exports_show_nothing_of_another_user(b: Backend) {
    use crm_api::batch::{BatchRequest, MatchOn};
    let s = TestServer::start(b).await;
    let ua = s.user("owner").await;
    let ub = s.user("prober").await;
    let a = seed(&ua, "a").await;
    let id = crm_tests::start_import(&ua, "contacts", "a.csv").await;
    let req = crm_tests::import_batch(id, 0, MatchOn::None, vec![json!({"name": "Imported by A"})]);
    ua.batch::<Contacts>(&req).await.expect("A's batch");
    let mut wrong = Vec::new();
    for p in [
        Probe::new(Method::GET, format!("/api/crm/imports/{id}")),
        Probe::new(Method::POST, format!("/api/crm/imports/{id}/undo")),
    ] {
        let ans = p.send(&ub).await;
        if ans.status != 404 {
            wrong.push(format!("{p} -> {ans}"));
        }
    }
    let joined = ub.batch::<Contacts>(&BatchRequest { seq: Some(1), ..req.clone() }).await;
    if joined.as_ref().err().and_then(|e| e.status()) != Some(404) {
        wrong.push(format!("B joins A's import -> {joined:?}"));
    }
    let list = ub.request(Method::GET, "/api/crm/imports").send().await.expect("list").text().await.expect("text");
    if list != "[]" {
        wrong.push(format!("B's import list: {list}"));
    }
    for entity in ["contacts", "opportunities", "deals", "activities"] {
        for deleted in ["false", "true"] {
            for format in ["csv", "ndjson"] {
                let body = ub
                    .request(Method::GET, &format!("/api/crm/{entity}/export"))
                    .query(&[("format", format), ("deleted", deleted)])
                    .send()
                    .await
                    .expect("export")
                    .text()
                    .await
                    .expect("text");
                let rows = body.lines().count() - usize::from(format == "csv");
                if rows != 0 {
                    wrong.push(format!("B's {entity} export (deleted={deleted}, {format}) has {rows} rows: {body}"));
                }
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    // A's import is intact.
    let shown: Value = ua
        .request(Method::GET, &format!("/api/crm/imports/{id}"))
        .send()
        .await
        .expect("get")
        .json()
        .await
        .expect("json");
    assert!(shown["undone_at"].is_null() && shown["created"] == 1, "{shown}");
    assert!(a.contact.id > 0);
}
