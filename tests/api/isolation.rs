//! Every row belongs to one user: a second user probing every endpoint with the first user's ids
//! gets 404 (never 403, never 200), sees nothing of them in any list, cannot link to them, and
//! changes nothing of them. The dashboard layout has no id: each user reads and writes their
//! own, whatever version they name.

use crm_api::activities::{Activity, NewActivity};
use crm_api::auth::{ApiToken, NewApiToken};
use crm_api::client::Client;
use crm_api::contacts::{Contact, NewContact};
use crm_api::dashboard::{DashboardLayout, NewDashboardLayout, Period, Widget};
use crm_api::deals::{Deal, NewDeal, StageChange};
use crm_api::opportunities::{NewOpportunity, Opportunity};
use crm_api::resource::{Activities, Contacts, Deals, Opportunities, Resource};
use crm_api::{ActivityType, ListParams, Money, Stage};
use crm_tests::{Backend, TestServer, backend_tests};
use reqwest::Method;
use serde_json::{Value, json};

use crate::probe::{self, Answer};

backend_tests!(
    every_endpoint_is_404_on_another_users_records,
    another_users_record_answers_exactly_like_a_missing_one,
    another_users_probes_change_nothing_of_the_owners_records,
    lists_search_recent_audit_and_tokens_show_nothing_of_another_user,
    linking_to_another_users_records_is_404_naming_the_link_field,
    a_rejected_link_to_another_users_record_writes_nothing,
    imports_and_exports_show_nothing_of_another_user,
);

/// What user A owns: one live record of each entity (linked together), one record of each in
/// the trash, and an API token.
struct Owned {
    contact: Contact,
    opportunity: Opportunity,
    deal: Deal,
    activity: Activity,
    token: ApiToken,
    trashed_contact: Contact,
    trashed_opportunity: Opportunity,
    trashed_deal: Deal,
    trashed_activity: Activity,
}

async fn seed(u: &Client, who: &str) -> Owned {
    let contact = u
        .create::<Contacts>(&NewContact {
            name: format!("Zanzibar {who}"),
            email: Some(format!("{who}@zanzibar.example")),
            company: Some("Zanzibar Trading".into()),
            rating: Some(4),
            ..Default::default()
        })
        .await
        .expect("create contact")
        .record;
    let opportunity = u
        .create::<Opportunities>(&NewOpportunity {
            contact_id: Some(contact.id),
            name: format!("Zanzibar expansion {who}"),
            value: Money::from_minor(1_000_000),
            probability: Some(40),
            ..Default::default()
        })
        .await
        .expect("create opportunity")
        .record;
    let deal = u
        .create::<Deals>(&NewDeal {
            opportunity_id: Some(opportunity.id),
            contact_id: Some(contact.id),
            name: format!("Zanzibar deal {who}"),
            amount: Money::from_minor(500_000),
            stage: Stage::Proposal.to_string(),
            ..Default::default()
        })
        .await
        .expect("create deal")
        .record;
    let activity = u
        .create::<Activities>(&NewActivity {
            kind: ActivityType::Call,
            description: Some(format!("Zanzibar call {who}")),
            assigned_to: Some("zanzibar rep".into()),
            contact_id: Some(contact.id),
            opportunity_id: Some(opportunity.id),
            // Overdue (in UTC, the queue's default zone) however long the test takes.
            due_date: Some(chrono::Utc::now().date_naive() - chrono::TimeDelta::days(1)),
            ..Default::default()
        })
        .await
        .expect("create activity")
        .record;
    let token = u
        .create_token(&NewApiToken { name: format!("zanzibar cron {who}"), expires_in_days: None })
        .await
        .expect("create token")
        .info;

    let trashed_contact = u
        .create::<Contacts>(&NewContact { name: format!("Zanzibar trashed {who}"), ..Default::default() })
        .await
        .expect("create contact")
        .record;
    u.delete::<Contacts>(trashed_contact.id, None).await.expect("delete contact");
    let trashed_opportunity = u
        .create::<Opportunities>(&NewOpportunity { name: format!("Zanzibar trashed {who}"), ..Default::default() })
        .await
        .expect("create opportunity")
        .record;
    u.delete::<Opportunities>(trashed_opportunity.id, None).await.expect("delete opportunity");
    let trashed_deal = u
        .create::<Deals>(&NewDeal { name: format!("Zanzibar trashed {who}"), ..Default::default() })
        .await
        .expect("create deal")
        .record;
    u.delete::<Deals>(trashed_deal.id, None).await.expect("delete deal");
    let trashed_activity = u
        .create::<Activities>(&NewActivity {
            kind: ActivityType::Task,
            description: Some(format!("Zanzibar trashed {who}")),
            ..Default::default()
        })
        .await
        .expect("create activity")
        .record;
    u.delete::<Activities>(trashed_activity.id, None).await.expect("delete activity");

    Owned {
        contact,
        opportunity,
        deal,
        activity,
        token,
        trashed_contact,
        trashed_opportunity,
        trashed_deal,
        trashed_activity,
    }
}

/// One hand-made request.
struct Probe {
    method: Method,
    path: String,
    body: Option<Value>,
    if_match: Option<&'static str>,
}

impl std::fmt::Display for Probe {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}", self.method, self.path)?;
        if let Some(tag) = self.if_match {
            write!(f, " (If-Match: {tag})")?;
        }
        if let Some(b) = &self.body {
            write!(f, " {b}")?;
        }
        Ok(())
    }
}

impl Probe {
    fn new(method: Method, path: String) -> Self {
        Probe { method, path, body: None, if_match: None }
    }
    fn body(mut self, body: Value) -> Self {
        self.body = Some(body);
        self
    }
    fn if_match(mut self, tag: &'static str) -> Self {
        self.if_match = Some(tag);
        self
    }

    async fn send(&self, c: &Client) -> Answer {
        let mut rb = c.request(self.method.clone(), &self.path);
        if let Some(b) = &self.body {
            rb = rb.json(b);
        }
        if let Some(tag) = self.if_match {
            rb = rb.header(reqwest::header::IF_MATCH, tag);
        }
        probe::send(rb).await
    }
}

/// Every request on one record of an entity: read, both updates (with and without a matching or
/// stale `If-Match`), delete and restore.
fn record_probes(entity: &str, id: i64, update: &Value) -> Vec<Probe> {
    let one = format!("/api/crm/{entity}/{id}");
    vec![
        Probe::new(Method::GET, one.clone()),
        Probe::new(Method::PUT, one.clone()).body(update.clone()),
        Probe::new(Method::PATCH, one.clone()).body(update.clone()),
        // The owner's current version: a server checking versions before owners would say 200.
        Probe::new(Method::PATCH, one.clone()).body(update.clone()).if_match("\"1\""),
        Probe::new(Method::PUT, one.clone()).body(update.clone()).if_match("\"1\""),
        // A stale version: a server checking versions before owners would say 412, a leak.
        Probe::new(Method::PATCH, one.clone()).body(update.clone()).if_match("\"99\""),
        Probe::new(Method::DELETE, one.clone()),
        Probe::new(Method::DELETE, one.clone()).if_match("\"1\""),
        Probe::new(Method::DELETE, one.clone()).if_match("\"99\""),
        Probe::new(Method::POST, format!("{one}/restore")),
    ]
}

/// Every probe of another user's records, on the given ids.
fn probes_on(contact: i64, opportunity: i64, deal: i64, activity: i64, token: Option<i64>) -> Vec<Probe> {
    let mut all = Vec::new();
    all.extend(record_probes("contacts", contact, &json!({"name": "Hijacked", "status": "Customer"})));
    all.extend(record_probes("opportunities", opportunity, &json!({"name": "Hijacked", "value": "1.00"})));
    all.extend(record_probes("deals", deal, &json!({"name": "Hijacked", "stage": "Closed-Won"})));
    all.extend(record_probes("activities", activity, &json!({"description": "Hijacked", "completed": true})));
    all.push(Probe::new(Method::POST, format!("/api/crm/activities/{activity}/complete")));
    let until = json!({"until": chrono::Utc::now().date_naive() + chrono::TimeDelta::days(30)});
    all.push(Probe::new(Method::POST, format!("/api/crm/activities/{activity}/snooze")).body(until.clone()));
    all.push(
        Probe::new(Method::POST, format!("/api/crm/activities/{activity}/snooze?tz=Europe/Berlin")).body(until.clone()),
    );
    // The owner's current version, and a stale one: checked after the owner, never before.
    all.push(
        Probe::new(Method::POST, format!("/api/crm/activities/{activity}/snooze"))
            .body(until.clone())
            .if_match("\"1\""),
    );
    all.push(Probe::new(Method::POST, format!("/api/crm/activities/{activity}/snooze")).body(until).if_match("\"99\""));
    all.push(Probe::new(Method::GET, format!("/api/crm/deals/{deal}/history")));
    all.push(Probe::new(Method::POST, format!("/api/crm/deals/{deal}/move")).body(json!({"stage": "Closed-Won"})));
    all.push(
        Probe::new(Method::POST, format!("/api/crm/opportunities/{opportunity}/move"))
            .body(json!({"stage": "Closed-Won"})),
    );
    all.push(Probe::new(Method::GET, format!("/api/crm/contacts/{contact}/timeline")));
    if let Some(t) = token {
        all.push(Probe::new(Method::DELETE, format!("/api/auth/tokens/{t}")));
    }
    all
}

/// Every probe of a pipeline and one of its stages.
fn pipeline_probes(pipeline: i64, stage: i64) -> Vec<Probe> {
    let one = format!("/api/crm/pipelines/{pipeline}");
    let st = format!("{one}/stages/{stage}");
    vec![
        Probe::new(Method::GET, one.clone()),
        Probe::new(Method::PATCH, one.clone()).body(json!({"name": "Hijacked"})),
        Probe::new(Method::PATCH, one.clone()).body(json!({"is_default": true})).if_match("\"1\""),
        Probe::new(Method::DELETE, one.clone()),
        Probe::new(Method::GET, format!("{one}/stages")),
        Probe::new(Method::POST, format!("{one}/stages")).body(json!({"name": "Hijacked"})),
        Probe::new(Method::PATCH, st.clone()).body(json!({"name": "Hijacked", "probability": 1})),
        Probe::new(Method::DELETE, st.clone()),
        Probe::new(Method::DELETE, format!("{st}?move_to=Prospect")),
    ]
}

/// A's dashboard layout, saved.
async fn save_layout(u: &Client) -> DashboardLayout {
    let new = NewDashboardLayout { period: Period::ThisYear, widgets: vec![Widget::Funnel, Widget::DealsWon] };
    u.put_dashboard_layout(&new, None).await.expect("save layout").record
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

/// Every probe of A's live records and of A's records in the trash.
fn probes(a: &Owned) -> Vec<Probe> {
    let mut all = probes_on(a.contact.id, a.opportunity.id, a.deal.id, a.activity.id, Some(a.token.id));
    all.extend(pipeline_probes(a.deal.pipeline_id.unwrap_or_default(), a.deal.stage_id.unwrap_or_default()));
    all.extend(probes_on(
        a.trashed_contact.id,
        a.trashed_opportunity.id,
        a.trashed_deal.id,
        a.trashed_activity.id,
        None,
    ));
    all
}

async fn every_endpoint_is_404_on_another_users_records(b: Backend) {
    let s = TestServer::start(b).await;
    let ua = s.user("owner").await;
    let ub = s.user("prober").await;
    let a = seed(&ua, "a").await;
    let mut wrong = Vec::new();
    for p in probes(&a) {
        let ans = p.send(&ub).await;
        if ans.status != 404 {
            wrong.push(format!("{p} -> {ans}"));
        } else if let Err(why) = ans.check_problem() {
            wrong.push(format!("{p} -> 404 but {why}: {ans}"));
        }
    }
    assert!(
        wrong.is_empty(),
        "probes of another user's records that were not a problem+json 404:\n{}",
        wrong.join("\n")
    );
}

/// The last number in a path: the id it asks for.
fn id_in(path: &str) -> i64 {
    path.split('/').filter_map(|s| s.parse::<i64>().ok()).next_back().unwrap_or_default()
}

/// What a client sees of an error answer, with the number `id` written as `other` in the detail
/// and the messages (an answer may name the id it was asked for).
fn visible(ans: &Answer, id: i64, other: i64) -> Value {
    let swap = |s: &str| -> String {
        let mut out = String::new();
        let mut digits = String::new();
        for ch in s.chars().chain(std::iter::once(' ')) {
            if ch.is_ascii_digit() {
                digits.push(ch);
                continue;
            }
            if !digits.is_empty() {
                if digits == id.to_string() {
                    out.push_str(&other.to_string());
                } else {
                    out.push_str(&digits);
                }
                digits.clear();
            }
            out.push(ch);
        }
        out.pop();
        out
    };
    let mut v = ans.visible_problem();
    if let Some(d) = v["detail"].as_str() {
        v["detail"] = Value::String(swap(d));
    }
    if let Some(errs) = v["errors"].as_array_mut() {
        for e in errs {
            if let Some(m) = e["message"].as_str() {
                e["message"] = Value::String(swap(m));
            }
        }
    }
    json!({"status": ans.status, "problem": v})
}

async fn another_users_record_answers_exactly_like_a_missing_one(b: Backend) {
    let s = TestServer::start(b).await;
    let ua = s.user("owner").await;
    let ub = s.user("prober").await;
    let a = seed(&ua, "a").await;
    let missing = 4_000_000_000_i64;
    let theirs = probes_on(a.contact.id, a.opportunity.id, a.deal.id, a.activity.id, Some(a.token.id));
    let nobodys = probes_on(missing, missing + 1, missing + 2, missing + 3, Some(missing + 4));
    assert_eq!(theirs.len(), nobodys.len());
    let mut leaks = Vec::new();
    for (p, q) in theirs.iter().zip(&nobodys) {
        let (x, y) = (p.send(&ub).await, q.send(&ub).await);
        let (xs, ys) = (visible(&x, id_in(&p.path), id_in(&q.path)), visible(&y, 0, 0));
        if xs != ys {
            leaks.push(format!("{p} -> {x}\n  but a missing id: {q} -> {y}"));
        }
    }
    assert!(leaks.is_empty(), "another user's record answers differently from a missing one:\n{}", leaks.join("\n"));
}

async fn another_users_probes_change_nothing_of_the_owners_records(b: Backend) {
    let s = TestServer::start(b).await;
    let ua = s.user("owner").await;
    let ub = s.user("prober").await;
    let a = seed(&ua, "a").await;
    let layout = save_layout(&ua).await;
    let audit_before =
        ua.audit(&crm_api::params::AuditParams { limit: Some(1000), ..Default::default() }).await.expect("audit").data;
    let history_before: Vec<StageChange> = ua.deal_history(a.deal.id).await.expect("history");
    for p in probes(&a) {
        p.send(&ub).await;
    }
    // B's layout probes see B's layout (the default first, then B's own), never A's.
    let answers = [(200, 0), (412, 0), (412, 0), (200, 1), (200, 1)];
    for (p, (status, version)) in layout_probes().iter().zip(answers) {
        let ans = p.send(&ub).await;
        assert_eq!(ans.status, status, "{p} -> {ans}");
        if status == 200 {
            assert_eq!(ans.body["version"], version, "{p} -> {ans}");
            assert_ne!(ans.body["period"], "this_year", "B sees A's layout: {p} -> {ans}");
        }
    }
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
    let in_trash = ids(records::<Contacts>(&ua, &trash).await);
    assert_eq!(in_trash, vec![a.trashed_contact.id], "A's trashed contact is still (only) in the trash");
    assert_eq!(ids(records::<Opportunities>(&ua, &trash).await), vec![a.trashed_opportunity.id]);
    assert_eq!(ids(records::<Deals>(&ua, &trash).await), vec![a.trashed_deal.id]);
    assert_eq!(ids(records::<Activities>(&ua, &trash).await), vec![a.trashed_activity.id]);

    let tokens = ua.list_tokens().await.expect("tokens");
    assert_eq!(tokens, vec![a.token.clone()], "A's token is not revoked");

    let audit_after =
        ua.audit(&crm_api::params::AuditParams { limit: Some(1000), ..Default::default() }).await.expect("audit").data;
    assert_eq!(audit_after, audit_before, "nothing was written to A's audit trail");
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

/// Creates and updates of B's own records that point a link at one of A's records, with the
/// link field the server must name.
fn link_attempts(a: &Owned, mine: &Owned) -> Vec<(Probe, &'static str)> {
    let (c, o) = (a.contact.id, a.opportunity.id);
    let mut all = vec![
        (
            Probe::new(Method::POST, "/api/crm/opportunities".into()).body(json!({"name": "Mine", "contact_id": c})),
            "contact_id",
        ),
        (
            Probe::new(Method::POST, "/api/crm/deals".into()).body(json!({"name": "Mine", "contact_id": c})),
            "contact_id",
        ),
        (
            Probe::new(Method::POST, "/api/crm/deals".into()).body(json!({"name": "Mine", "opportunity_id": o})),
            "opportunity_id",
        ),
        (
            Probe::new(Method::POST, "/api/crm/activities".into()).body(json!({"type": "Call", "contact_id": c})),
            "contact_id",
        ),
        (
            Probe::new(Method::POST, "/api/crm/activities".into()).body(json!({"type": "Call", "opportunity_id": o})),
            "opportunity_id",
        ),
        (
            Probe::new(Method::POST, "/api/crm/activities".into()).body(json!({"type": "Call", "deal_id": a.deal.id})),
            "deal_id",
        ),
        // A's pipelines and stages are not B's to place records in.
        (
            Probe::new(Method::POST, "/api/crm/deals".into())
                .body(json!({"name": "Mine", "pipeline_id": a.deal.pipeline_id})),
            "pipeline_id",
        ),
        (
            Probe::new(Method::POST, "/api/crm/deals".into())
                .body(json!({"name": "Mine", "stage_id": a.deal.stage_id})),
            "stage_id",
        ),
        (
            Probe::new(Method::POST, "/api/crm/opportunities".into())
                .body(json!({"name": "Mine", "stage_id": a.opportunity.stage_id})),
            "stage_id",
        ),
        (
            Probe::new(Method::POST, format!("/api/crm/deals/{}/move", mine.deal.id))
                .body(json!({"stage_id": a.deal.stage_id})),
            "stage_id",
        ),
        // A's trashed records are not linkable either.
        (
            Probe::new(Method::POST, "/api/crm/opportunities".into())
                .body(json!({"name": "Mine", "contact_id": a.trashed_contact.id})),
            "contact_id",
        ),
    ];
    for method in [Method::PATCH, Method::PUT] {
        let opp = format!("/api/crm/opportunities/{}", mine.opportunity.id);
        let deal = format!("/api/crm/deals/{}", mine.deal.id);
        let act = format!("/api/crm/activities/{}", mine.activity.id);
        all.push((Probe::new(method.clone(), opp).body(json!({"contact_id": c})), "contact_id"));
        all.push((Probe::new(method.clone(), deal.clone()).body(json!({"contact_id": c})), "contact_id"));
        all.push((Probe::new(method.clone(), deal).body(json!({"opportunity_id": o})), "opportunity_id"));
        all.push((Probe::new(method.clone(), act.clone()).body(json!({"contact_id": c})), "contact_id"));
        all.push((Probe::new(method.clone(), act.clone()).body(json!({"deal_id": a.deal.id})), "deal_id"));
        all.push((
            Probe::new(method.clone(), format!("/api/crm/deals/{}", mine.deal.id))
                .body(json!({"stage_id": a.deal.stage_id})),
            "stage_id",
        ));
        all.push((Probe::new(method, act).body(json!({"opportunity_id": o})), "opportunity_id"));
    }
    all
}

async fn linking_to_another_users_records_is_404_naming_the_link_field(b: Backend) {
    let s = TestServer::start(b).await;
    let ua = s.user("owner").await;
    let ub = s.user("prober").await;
    let a = seed(&ua, "a").await;
    let mine = seed(&ub, "b").await;
    let mut wrong = Vec::new();
    for (p, field) in link_attempts(&a, &mine) {
        let ans = p.send(&ub).await;
        let first = ans.fields().into_iter().next();
        if ans.status != 404 || ans.check_problem().is_err() || first.as_deref() != Some(field) {
            wrong.push(format!("{p} -> {ans} (expected a problem+json 404 naming {field})"));
        }
    }
    assert!(wrong.is_empty(), "links to another user's records:\n{}", wrong.join("\n"));
}

async fn a_rejected_link_to_another_users_record_writes_nothing(b: Backend) {
    let s = TestServer::start(b).await;
    let ua = s.user("owner").await;
    let ub = s.user("prober").await;
    let a = seed(&ua, "a").await;
    let mine = seed(&ub, "b").await;
    let everything = ListParams { limit: Some(1000), ..Default::default() };
    let trash = ListParams { limit: Some(1000), deleted: Some(true), ..Default::default() };
    let before = (
        records::<Opportunities>(&ub, &everything).await,
        records::<Deals>(&ub, &everything).await,
        records::<Activities>(&ub, &everything).await,
        records::<Opportunities>(&ub, &trash).await,
        records::<Deals>(&ub, &trash).await,
        records::<Activities>(&ub, &trash).await,
    );
    let audit_before = ub
        .audit(&crm_api::params::AuditParams { limit: Some(1000), ..Default::default() })
        .await
        .expect("audit")
        .data
        .len();
    for (p, _) in link_attempts(&a, &mine) {
        p.send(&ub).await;
    }
    let after = (
        records::<Opportunities>(&ub, &everything).await,
        records::<Deals>(&ub, &everything).await,
        records::<Activities>(&ub, &everything).await,
        records::<Opportunities>(&ub, &trash).await,
        records::<Deals>(&ub, &trash).await,
        records::<Activities>(&ub, &trash).await,
    );
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
