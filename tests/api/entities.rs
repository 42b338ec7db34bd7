//! Opportunities, deals and activities: defaults, exact money, enumerations, filters, deal stage
//! history, activity completion, the recent list, the contact timeline and the audit trail.

use crm_api::activities::{Activity, ActivityPatch, NewActivity};
use crm_api::audit::AuditEntry;
use crm_api::client::Client;
use crm_api::contacts::{ContactPatch, NewContact};
use crm_api::deals::{Deal, DealPatch, NewDeal};
use crm_api::opportunities::{NewOpportunity, Opportunity};
use crm_api::resource::{Activities, Contacts, Deals, Opportunities, Resource};
use crm_api::timeline::TimelineItem;
use crm_api::{ActivityType, ListParams, Page, Stage};
use crm_tests::{Backend, TestServer, backend_tests};
use reqwest::Method;
use serde_json::{Value, json};

use crate::probe;

backend_tests!(
    opportunity_defaults_to_usd_prospect_and_zero_value,
    deal_defaults_to_usd_prospect_and_zero_amount,
    activity_defaults_to_normal_priority_and_not_completed,
    money_reads_back_exactly_as_written,
    enums_match_case_insensitively_and_read_back_canonical,
    currency_codes_read_back_upper_case,
    filter_on_money_compares_amounts_exactly,
    filter_on_dates_compares_calendar_days,
    filter_on_booleans_matches_completed,
    filter_in_lists_match_any_value,
    deal_stage_changes_are_recorded_in_order,
    a_deal_update_that_keeps_the_stage_records_no_stage_change,
    completing_an_activity_twice_keeps_the_first_completed_at,
    uncompleting_an_activity_clears_completed_at,
    an_activity_created_completed_has_completed_at,
    recent_activities_are_the_five_newest_newest_first,
    recent_activities_leave_out_the_trash,
    contact_timeline_has_everything_newest_first,
    contact_timeline_leaves_out_other_contacts,
    audit_has_one_entry_per_mutation_with_the_changed_fields,
    audit_pages_with_cursor,
    audit_filters_by_entity_and_id,
    restoring_a_live_record_returns_it_unchanged,
);

/// `POST /api/crm/<entity>` with a hand-written body; the created record as JSON.
async fn post(u: &Client, entity: &str, body: Value) -> Value {
    let ans = probe::call(u, Method::POST, &format!("/api/crm/{entity}"), Some(&body)).await;
    assert_eq!(ans.status, 201, "POST {entity} {body}: {ans}");
    ans.body
}

/// `PATCH /api/crm/<entity>/<id>` with a hand-written body; the updated record as JSON.
async fn patch(u: &Client, entity: &str, id: i64, body: Value) -> Value {
    let ans = probe::call(u, Method::PATCH, &format!("/api/crm/{entity}/{id}"), Some(&body)).await;
    assert_eq!(ans.status, 200, "PATCH {entity}/{id} {body}: {ans}");
    ans.body
}

/// `GET /api/crm/<entity>/<id>` as JSON.
async fn get(u: &Client, entity: &str, id: i64) -> Value {
    let ans = probe::call(u, Method::GET, &format!("/api/crm/{entity}/{id}"), None).await;
    assert_eq!(ans.status, 200, "GET {entity}/{id}: {ans}");
    ans.body
}

fn id(v: &Value) -> i64 {
    v["id"].as_i64().expect("record has an id")
}

/// The value of `field` of each record listed with `filter` and `sort`.
async fn listed<R: Resource>(u: &Client, filter: &str, sort: &str, field: &str) -> Vec<Value> {
    let params = ListParams { filter: Some(filter.into()), sort: Some(sort.into()), ..Default::default() };
    let page = u.list::<R>(&params).await.unwrap_or_else(|e| panic!("{} filter={filter}: {e}", R::PATH));
    page.data.iter().map(|r| serde_json::to_value(r).expect("record as JSON")[field].clone()).collect()
}

fn strs(v: &[&str]) -> Vec<Value> {
    v.iter().map(|s| json!(s)).collect()
}

async fn opportunity_defaults_to_usd_prospect_and_zero_value(b: Backend) {
    let s = TestServer::start(b).await;
    let u = s.user("defaults").await;
    let created = post(&u, "opportunities", json!({"name": "Bare opportunity"})).await;
    let opp: Opportunity = serde_json::from_value(created).expect("an Opportunity");
    let stored = u.get::<Opportunities>(opp.id).await.expect("get").record;
    assert_eq!(stored, opp, "what was answered is what was stored");
    assert_eq!(
        (opp.currency.as_str(), opp.stage.as_str(), opp.value.to_string(), opp.probability, opp.contact_id),
        ("USD", "Prospect", "0.00".to_string(), Some(10), None),
        "the probability follows the stage's"
    );
}

async fn deal_defaults_to_usd_prospect_and_zero_amount(b: Backend) {
    let s = TestServer::start(b).await;
    let u = s.user("defaults").await;
    let created = post(&u, "deals", json!({"name": "Bare deal"})).await;
    let deal: Deal = serde_json::from_value(created).expect("a Deal");
    let stored = u.get::<Deals>(deal.id).await.expect("get").record;
    assert_eq!(stored, deal, "what was answered is what was stored");
    assert_eq!(
        (deal.currency.as_str(), deal.stage.as_str(), deal.amount.to_string(), deal.opportunity_id, deal.contact_id),
        ("USD", "Prospect", "0.00".to_string(), None, None)
    );
}

async fn activity_defaults_to_normal_priority_and_not_completed(b: Backend) {
    let s = TestServer::start(b).await;
    let u = s.user("defaults").await;
    let created = post(&u, "activities", json!({"type": "Call"})).await;
    let act: Activity = serde_json::from_value(created).expect("an Activity");
    let stored = u.get::<Activities>(act.id).await.expect("get").record;
    assert_eq!(stored, act, "what was answered is what was stored");
    assert_eq!(
        (act.kind, act.priority, act.completed, act.completed_at, act.due_date),
        (ActivityType::Call, crm_api::Priority::Normal, false, None, None)
    );
}

async fn money_reads_back_exactly_as_written(b: Backend) {
    let s = TestServer::start(b).await;
    let u = s.user("money").await;
    // (entity, field, as sent, as read back)
    let cases = [
        ("opportunities", "value", json!("0.10"), "0.10"),
        ("opportunities", "value", json!("0.1"), "0.10"),
        ("opportunities", "value", json!(0.3), "0.30"),
        ("opportunities", "value", json!("9999999999999.99"), "9999999999999.99"),
        ("deals", "amount", json!(1234.5), "1234.50"),
        ("deals", "amount", json!(19.99), "19.99"),
        ("deals", "amount", json!(100), "100.00"),
        ("deals", "amount", json!("0.01"), "0.01"),
    ];
    let mut wrong = Vec::new();
    for (entity, field, sent, expected) in cases {
        let created = post(&u, entity, json!({"name": format!("{field} {sent}"), field: sent})).await;
        let read = get(&u, entity, id(&created)).await;
        if created[field] != json!(expected) || read[field] != json!(expected) {
            wrong.push(format!(
                "{entity}.{field} sent {sent}: answered {}, read back {}, expected {expected:?}",
                created[field], read[field]
            ));
        }
    }
    let listed = listed::<Opportunities>(&u, r#"value[eq]:"0.10""#, "name", "name").await;
    if listed.len() != 2 {
        wrong.push(format!("value[eq]:\"0.10\" lists {listed:?}, expected the two 0.10 opportunities"));
    }
    assert!(wrong.is_empty(), "money that does not round-trip exactly:\n{}", wrong.join("\n"));
}

async fn enums_match_case_insensitively_and_read_back_canonical(b: Backend) {
    let s = TestServer::start(b).await;
    let u = s.user("enums").await;
    let mut wrong = Vec::new();
    let mut check = |what: &str, got: &Value, expected: &str| {
        if got != &json!(expected) {
            wrong.push(format!("{what}: read back {got}, expected {expected:?}"));
        }
    };
    let deal = post(&u, "deals", json!({"name": "D", "stage": "closed won"})).await;
    check("deal stage \"closed won\"", &get(&u, "deals", id(&deal)).await["stage"], "Closed-Won");
    let moved = patch(&u, "deals", id(&deal), json!({"stage": "CLOSED_LOST"})).await;
    check("deal stage \"CLOSED_LOST\"", &moved["stage"], "Closed-Lost");
    let opp = post(&u, "opportunities", json!({"name": "O", "stage": "NEGOTIATION"})).await;
    check("opportunity stage \"NEGOTIATION\"", &get(&u, "opportunities", id(&opp)).await["stage"], "Negotiation");
    let act = post(&u, "activities", json!({"type": "meeting", "priority": "uRgEnT"})).await;
    let act = get(&u, "activities", id(&act)).await;
    check("activity type \"meeting\"", &act["type"], "Meeting");
    check("activity priority \"uRgEnT\"", &act["priority"], "Urgent");
    let contact = post(&u, "contacts", json!({"name": "C", "status": "customer"})).await;
    check("contact status \"customer\"", &get(&u, "contacts", id(&contact)).await["status"], "Customer");
    let found = listed::<Deals>(&u, r#"stage[eq]:"closed-lost""#, "name", "name").await;
    if found != strs(&["D"]) {
        wrong.push(format!("filter stage[eq]:\"closed-lost\" lists {found:?}, expected [\"D\"]"));
    }
    assert!(wrong.is_empty(), "enumerations:\n{}", wrong.join("\n"));
}

async fn currency_codes_read_back_upper_case(b: Backend) {
    let s = TestServer::start(b).await;
    let u = s.user("currency").await;
    let opp = post(&u, "opportunities", json!({"name": "O", "currency": "eur"})).await;
    let deal = post(&u, "deals", json!({"name": "D", "currency": "gbp"})).await;
    let opp_read = get(&u, "opportunities", id(&opp)).await;
    let deal_read = get(&u, "deals", id(&deal)).await;
    let changed = patch(&u, "opportunities", id(&opp), json!({"currency": "jpy"})).await;
    assert_eq!(
        (
            opp["currency"].clone(),
            opp_read["currency"].clone(),
            deal_read["currency"].clone(),
            changed["currency"].clone()
        ),
        (json!("EUR"), json!("EUR"), json!("GBP"), json!("JPY"))
    );
}

async fn filter_on_money_compares_amounts_exactly(b: Backend) {
    let s = TestServer::start(b).await;
    let u = s.user("moneyfilter").await;
    for v in ["99.99", "100.00", "100.01", "2500", "9.5"] {
        post(&u, "opportunities", json!({"name": format!("v{v}"), "value": v})).await;
    }
    let got = [
        listed::<Opportunities>(&u, r#"value[gte]:"100.00""#, "value", "value").await,
        listed::<Opportunities>(&u, r#"value[gt]:"100.00""#, "value", "value").await,
        listed::<Opportunities>(&u, "value[lt]:100", "-value", "value").await,
        listed::<Opportunities>(&u, "value[eq]:100.01", "value", "value").await,
    ];
    let expected = [
        strs(&["100.00", "100.01", "2500.00"]),
        strs(&["100.01", "2500.00"]),
        strs(&["99.99", "9.50"]),
        strs(&["100.01"]),
    ];
    assert_eq!(got, expected, "value[gte]:\"100.00\", value[gt]:\"100.00\", value[lt]:100, value[eq]:100.01");
}

async fn filter_on_dates_compares_calendar_days(b: Backend) {
    let s = TestServer::start(b).await;
    let u = s.user("datefilter").await;
    for (name, date) in [("june", json!("2026-06-30")), ("dec", json!("2026-12-31")), ("jan", json!("2027-01-01"))] {
        post(&u, "opportunities", json!({"name": name, "expected_close_date": date})).await;
        post(&u, "activities", json!({"type": "Task", "description": name, "due_date": date})).await;
    }
    post(&u, "opportunities", json!({"name": "undated"})).await;
    post(&u, "activities", json!({"type": "Task", "description": "undated"})).await;
    let got = [
        listed::<Opportunities>(&u, r#"expected_close_date[lt]:"2027-01-01""#, "expected_close_date", "name").await,
        listed::<Opportunities>(&u, r#"expected_close_date[gte]:"2026-12-31""#, "expected_close_date", "name").await,
        listed::<Activities>(&u, r#"due_date[lte]:"2026-12-31""#, "-due_date", "description").await,
        listed::<Activities>(&u, r#"due_date[eq]:"2027-01-01""#, "due_date", "description").await,
    ];
    let expected = [strs(&["june", "dec"]), strs(&["dec", "jan"]), strs(&["dec", "june"]), strs(&["jan"])];
    assert_eq!(got, expected);
}

async fn filter_on_booleans_matches_completed(b: Backend) {
    let s = TestServer::start(b).await;
    let u = s.user("boolfilter").await;
    for (name, done) in [("done1", true), ("open1", false), ("done2", true), ("open2", false), ("open3", false)] {
        post(&u, "activities", json!({"type": "Task", "description": name, "completed": done})).await;
    }
    let got = [
        listed::<Activities>(&u, "completed[eq]:true", "description", "description").await,
        listed::<Activities>(&u, "completed[eq]:false", "description", "description").await,
        listed::<Activities>(&u, "completed[neq]:true", "description", "description").await,
    ];
    let expected = [strs(&["done1", "done2"]), strs(&["open1", "open2", "open3"]), strs(&["open1", "open2", "open3"])];
    assert_eq!(got, expected);
}

async fn filter_in_lists_match_any_value(b: Backend) {
    let s = TestServer::start(b).await;
    let u = s.user("infilter").await;
    for (name, stage, currency) in
        [("p", "Prospect", "USD"), ("q", "Proposal", "EUR"), ("w", "Closed-Won", "USD"), ("l", "Closed-Lost", "GBP")]
    {
        post(&u, "deals", json!({"name": name, "stage": stage, "currency": currency})).await;
    }
    let got = [
        listed::<Deals>(&u, r#"stage[in]:("Proposal","closed won")"#, "name", "name").await,
        listed::<Deals>(&u, "currency[in]:(eur,gbp)", "name", "name").await,
        listed::<Deals>(&u, r#"stage[in]:("Negotiation")"#, "name", "name").await,
    ];
    let expected = [strs(&["q", "w"]), strs(&["l", "q"]), vec![]];
    assert_eq!(
        got, expected,
        "stage[in]:(\"Proposal\",\"closed won\"), currency[in]:(eur,gbp), stage[in]:(\"Negotiation\")"
    );
}

/// `(from, to)` of each stage change of a deal, oldest first.
async fn moves(u: &Client, deal: i64) -> Vec<(Option<Stage>, Stage)> {
    let history = u.deal_history(deal).await.expect("history");
    assert!(history.iter().all(|c| c.deal_id == deal), "{history:?}");
    assert!(history.windows(2).all(|w| w[0].changed_at <= w[1].changed_at), "oldest first: {history:?}");
    let stage = |s: &str| Stage::parse(s).expect("a default stage");
    history.iter().map(|c| (c.from_stage.as_deref().map(stage), stage(&c.to_stage))).collect()
}

async fn deal_stage_changes_are_recorded_in_order(b: Backend) {
    let s = TestServer::start(b).await;
    let u = s.user("history").await;
    let deal = u.create::<Deals>(&NewDeal { name: "Moving".into(), ..Default::default() }).await.expect("create");
    let id = deal.record.id;
    assert_eq!(moves(&u, id).await, vec![(None, Stage::Prospect)], "creation is the first entry, from nothing");
    for stage in [Stage::Qualification, Stage::Proposal] {
        u.update::<Deals>(id, &DealPatch { stage: Some(stage.to_string()), ..Default::default() }, None)
            .await
            .expect("move");
    }
    assert_eq!(
        moves(&u, id).await,
        vec![
            (None, Stage::Prospect),
            (Some(Stage::Prospect), Stage::Qualification),
            (Some(Stage::Qualification), Stage::Proposal),
        ]
    );
}

async fn a_deal_update_that_keeps_the_stage_records_no_stage_change(b: Backend) {
    let s = TestServer::start(b).await;
    let u = s.user("history").await;
    let deal = post(&u, "deals", json!({"name": "Staying", "stage": "Proposal"})).await;
    let id = id(&deal);
    patch(&u, "deals", id, json!({"name": "Renamed", "amount": "10.00"})).await;
    patch(&u, "deals", id, json!({"stage": "proposal"})).await;
    let put = probe::call(&u, Method::PUT, &format!("/api/crm/deals/{id}"), Some(&json!({"stage": "Proposal"}))).await;
    assert_eq!(put.status, 200, "{put}");
    assert_eq!(moves(&u, id).await, vec![(None, Stage::Proposal)]);
}

async fn completing_an_activity_twice_keeps_the_first_completed_at(b: Backend) {
    let s = TestServer::start(b).await;
    let u = s.user("complete").await;
    let act = u
        .create::<Activities>(&NewActivity { kind: ActivityType::Call, ..Default::default() })
        .await
        .expect("create")
        .record;
    let first = u.complete_activity(act.id).await.expect("complete").record;
    assert!(first.completed && first.completed_at.is_some(), "completed with a time: {first:?}");
    tokio::time::sleep(std::time::Duration::from_millis(5)).await;
    let second = u.complete_activity(act.id).await.expect("complete again").record;
    assert_eq!(
        (second.completed, second.completed_at, second.version),
        (true, first.completed_at, first.version),
        "completing again changes nothing"
    );
}

async fn uncompleting_an_activity_clears_completed_at(b: Backend) {
    let s = TestServer::start(b).await;
    let u = s.user("complete").await;
    let act = u
        .create::<Activities>(&NewActivity { kind: ActivityType::Task, ..Default::default() })
        .await
        .expect("create")
        .record;
    u.complete_activity(act.id).await.expect("complete");
    let reopened = u
        .update::<Activities>(act.id, &ActivityPatch { completed: Some(false), ..Default::default() }, None)
        .await
        .expect("reopen")
        .record;
    let stored = u.get::<Activities>(act.id).await.expect("get").record;
    assert_eq!((reopened.completed, reopened.completed_at), (false, None));
    assert_eq!(stored, reopened);
}

async fn an_activity_created_completed_has_completed_at(b: Backend) {
    let s = TestServer::start(b).await;
    let u = s.user("complete").await;
    let act = u
        .create::<Activities>(&NewActivity { kind: ActivityType::Note, completed: true, ..Default::default() })
        .await
        .expect("create")
        .record;
    assert!(act.completed && act.completed_at.is_some(), "{act:?}");
}

async fn recent_activities_are_the_five_newest_newest_first(b: Backend) {
    let s = TestServer::start(b).await;
    let u = s.user("recent").await;
    let mut ids = Vec::new();
    for i in 0..7 {
        let a = NewActivity { kind: ActivityType::Email, description: Some(format!("a{i}")), ..Default::default() };
        ids.push(u.create::<Activities>(&a).await.expect("create").record.id);
    }
    let recent: Vec<i64> = u.recent_activities().await.expect("recent").iter().map(|a| a.id).collect();
    let expected: Vec<i64> = ids.iter().rev().take(5).copied().collect();
    assert_eq!(recent, expected);
}

async fn recent_activities_leave_out_the_trash(b: Backend) {
    let s = TestServer::start(b).await;
    let u = s.user("recent").await;
    let mut ids = Vec::new();
    for i in 0..7 {
        let a = NewActivity { kind: ActivityType::Email, description: Some(format!("a{i}")), ..Default::default() };
        ids.push(u.create::<Activities>(&a).await.expect("create").record.id);
    }
    u.delete::<Activities>(ids[6], None).await.expect("delete the newest");
    let recent: Vec<i64> = u.recent_activities().await.expect("recent").iter().map(|a| a.id).collect();
    assert_eq!(recent, vec![ids[5], ids[4], ids[3], ids[2], ids[1]]);
}

/// Recognises one item of a timeline.
type Matcher<'a> = Box<dyn Fn(&TimelineItem) -> bool + 'a>;

async fn contact_timeline_has_everything_newest_first(b: Backend) {
    let s = TestServer::start(b).await;
    let u = s.user("timeline").await;
    let c = u
        .create::<Contacts>(&NewContact { name: "Tim Line".into(), ..Default::default() })
        .await
        .expect("contact")
        .record;
    let edit = ContactPatch { company: Some(Some("Before Inc".into())), ..Default::default() };
    u.update::<Contacts>(c.id, &edit, None).await.expect("edit 1");
    let opp = u
        .create::<Opportunities>(&NewOpportunity { contact_id: Some(c.id), name: "Opp".into(), ..Default::default() })
        .await
        .expect("opportunity")
        .record;
    let deal = u
        .create::<Deals>(&NewDeal { contact_id: Some(c.id), name: "Deal".into(), ..Default::default() })
        .await
        .expect("deal")
        .record;
    let act = u
        .create::<Activities>(&NewActivity {
            kind: ActivityType::Meeting,
            description: Some("Kick-off".into()),
            contact_id: Some(c.id),
            ..Default::default()
        })
        .await
        .expect("activity")
        .record;
    let move_deal = DealPatch { stage: Some(Stage::Negotiation.to_string()), ..Default::default() };
    u.update::<Deals>(deal.id, &move_deal, None).await.expect("move");
    let edit = ContactPatch { notes: Some(Some("met twice".into())), ..Default::default() };
    u.update::<Contacts>(c.id, &edit, None).await.expect("edit 2");

    let items = u.contact_timeline(c.id, &Default::default()).await.expect("timeline");
    let described: Vec<String> =
        items.iter().map(|i| format!("{} {} {} {}: {}", i.at, i.kind, i.entity, i.entity_id, i.summary)).collect();
    assert!(items.windows(2).all(|w| w[0].at >= w[1].at), "newest first:\n{}", described.join("\n"));
    let action = |i: &TimelineItem| i.detail["action"].as_str().unwrap_or("").to_string();
    let changes = |i: &TimelineItem| i.detail["changes"].clone();
    // Newest first: what was done, in reverse.
    let expected: Vec<(&str, Matcher)> = vec![
        ("the second contact edit", Box::new(|i| i.kind == "edit" && changes(i).get("notes").is_some())),
        (
            "the deal's move to Negotiation",
            Box::new(|i| i.kind == "stage_change" && i.entity_id == deal.id && i.detail["to_stage"] == "Negotiation"),
        ),
        ("the activity", Box::new(|i| i.kind == "activity" && i.entity_id == act.id)),
        ("the deal", Box::new(|i| i.kind == "deal" && i.entity_id == deal.id)),
        ("the opportunity", Box::new(|i| i.kind == "opportunity" && i.entity_id == opp.id)),
        ("the first contact edit", Box::new(|i| i.kind == "edit" && changes(i).get("company").is_some())),
        ("the contact's creation", Box::new(|i| i.kind == "edit" && action(i) == "create")),
    ];
    let mut last = None;
    for (what, matches) in &expected {
        let at = items.iter().position(matches);
        let Some(at) = at else {
            panic!("the timeline lacks {what}:\n{}", described.join("\n"));
        };
        assert!(last.is_none_or(|l| at > l), "{what} is out of order:\n{}", described.join("\n"));
        last = Some(at);
    }
}

async fn contact_timeline_leaves_out_other_contacts(b: Backend) {
    let s = TestServer::start(b).await;
    let u = s.user("timeline").await;
    // (entity, id) of everything around each contact.
    let mut around: Vec<Vec<(&str, i64)>> = Vec::new();
    for name in ["Mine", "Other"] {
        let c = u
            .create::<Contacts>(&NewContact { name: name.into(), ..Default::default() })
            .await
            .expect("contact")
            .record;
        let a = NewActivity { kind: ActivityType::Call, contact_id: Some(c.id), ..Default::default() };
        let a = u.create::<Activities>(&a).await.expect("activity").record;
        let d = NewDeal { contact_id: Some(c.id), name: format!("{name} deal"), ..Default::default() };
        let d = u.create::<Deals>(&d).await.expect("deal").record;
        let move_deal = DealPatch { stage: Some(Stage::Proposal.to_string()), ..Default::default() };
        u.update::<Deals>(d.id, &move_deal, None).await.expect("move");
        u.update::<Contacts>(c.id, &ContactPatch { rating: Some(Some(2)), ..Default::default() }, None)
            .await
            .expect("edit");
        around.push(vec![("contact", c.id), ("activity", a.id), ("deal", d.id)]);
    }
    let items = u.contact_timeline(around[0][0].1, &Default::default()).await.expect("timeline");
    let foreign: Vec<String> = items
        .iter()
        .filter(|i| !around[0].contains(&(i.entity.as_str(), i.entity_id)))
        .map(|i| format!("{} {} {}: {}", i.kind, i.entity, i.entity_id, i.summary))
        .collect();
    assert!(foreign.is_empty(), "items not about this contact (the other is {:?}): {foreign:?}", around[1]);
    assert!(!items.is_empty());
}

/// The audit entries of one record, newest first, by `entity` and `entity_id`.
async fn audit_of(u: &Client, entity: &str, id: i64) -> Vec<AuditEntry> {
    let ans =
        probe::call(u, Method::GET, &format!("/api/crm/audit?entity={entity}&entity_id={id}&limit=1000"), None).await;
    assert_eq!(ans.status, 200, "audit of {entity} {id}: {ans}");
    let page: Page<AuditEntry> = serde_json::from_value(ans.body).expect("a page of audit entries");
    page.data
}

async fn audit_has_one_entry_per_mutation_with_the_changed_fields(b: Backend) {
    let s = TestServer::start(b).await;
    let u = s.user("audit").await;
    let c = post(&u, "contacts", json!({"name": "Audited", "company": "Old Co"})).await;
    patch(&u, "contacts", id(&c), json!({"company": "New Co"})).await;
    patch(&u, "contacts", id(&c), json!({"company": "New Co"})).await; // changes nothing
    u.delete::<Contacts>(id(&c), None).await.expect("delete");
    u.restore::<Contacts>(id(&c)).await.expect("restore");

    let entries = audit_of(&u, "contact", id(&c)).await;
    let actions: Vec<&str> = entries.iter().map(|e| e.action.as_str()).collect();
    assert_eq!(actions, ["restore", "delete", "update", "create"], "{entries:#?}");
    assert!(entries.iter().all(|e| e.entity == "contact" && e.entity_id == id(&c)));
    // Each entry names the request that made it (writes run in another task on SQLite).
    let ids: std::collections::HashSet<&str> = entries.iter().filter_map(|e| e.request_id.as_deref()).collect();
    assert_eq!(ids.len(), entries.len(), "a distinct request id per entry: {entries:#?}");
    let [restore, delete, update, create] = &entries[..] else { unreachable!() };
    assert_eq!(create.changes["name"], json!({"after": "Audited"}), "create: {}", create.changes);
    assert_eq!(create.changes["company"], json!({"after": "Old Co"}), "create: {}", create.changes);
    assert_eq!(update.changes, json!({"company": {"before": "Old Co", "after": "New Co"}}), "only what changed");
    let deleted_at = &delete.changes["deleted_at"];
    assert!(deleted_at["before"].is_null() && deleted_at["after"].is_string(), "delete: {}", delete.changes);
    let restored_at = &restore.changes["deleted_at"];
    assert!(restored_at["before"].is_string() && restored_at["after"].is_null(), "restore: {}", restore.changes);

    // The other entities: one entry per create, update, delete and restore too.
    for (entity, name, body, change) in [
        ("opportunities", "opportunity", json!({"name": "O"}), json!({"probability": 50})),
        ("deals", "deal", json!({"name": "D"}), json!({"close_date": "2027-01-29"})),
        ("activities", "activity", json!({"type": "Call"}), json!({"priority": "High"})),
    ] {
        let r = post(&u, entity, body).await;
        patch(&u, entity, id(&r), change.clone()).await;
        probe::call(&u, Method::DELETE, &format!("/api/crm/{entity}/{}", id(&r)), None).await;
        probe::call(&u, Method::POST, &format!("/api/crm/{entity}/{}/restore", id(&r)), None).await;
        let entries = audit_of(&u, name, id(&r)).await;
        let actions: Vec<&str> = entries.iter().map(|e| e.action.as_str()).collect();
        assert_eq!(actions, ["restore", "delete", "update", "create"], "{name}: {entries:#?}");
        let (field, after) = change.as_object().and_then(|m| m.iter().next()).expect("one field");
        let update = &entries[2].changes;
        assert_eq!(update.as_object().map(|m| m.len()), Some(1), "{name} update: {update}");
        assert_eq!(&update[field]["after"], after, "{name} update: {update}");
    }
}

async fn audit_pages_with_cursor(b: Backend) {
    let s = TestServer::start(b).await;
    let u = s.user("auditpages").await;
    for i in 0..8 {
        u.create::<Contacts>(&NewContact { name: format!("P{i}"), ..Default::default() }).await.expect("create");
    }
    let mut pages = Vec::new();
    let mut cursor = None;
    loop {
        let page = u
            .audit(&crm_api::params::AuditParams { limit: Some(3), cursor: cursor.clone(), ..Default::default() })
            .await;
        let page = page.expect("audit page");
        pages.push(page.data.iter().map(|e| e.id).collect::<Vec<_>>());
        match page.next_cursor {
            Some(c) if pages.len() < 10 => cursor = Some(c),
            _ => break,
        }
    }
    let sizes: Vec<usize> = pages.iter().map(Vec::len).collect();
    assert_eq!(sizes, [3, 3, 2], "{pages:?}");
    let all: Vec<i64> = pages.concat();
    assert!(all.windows(2).all(|w| w[0] > w[1]), "newest first, no repeats: {all:?}");
}

async fn audit_filters_by_entity_and_id(b: Backend) {
    let s = TestServer::start(b).await;
    let u = s.user("auditfilter").await;
    // In a fresh database the first contact and the first deal likely share id 1: only the
    // entity tells their entries apart.
    let c1 = post(&u, "contacts", json!({"name": "C1"})).await;
    let d = post(&u, "deals", json!({"name": "D"})).await;
    let c2 = post(&u, "contacts", json!({"name": "C2"})).await;
    patch(&u, "contacts", id(&c1), json!({"rating": 3})).await;
    patch(&u, "deals", id(&d), json!({"stage": "Proposal"})).await;
    patch(&u, "contacts", id(&c2), json!({"rating": 1})).await;

    let of_c1 = audit_of(&u, "contact", id(&c1)).await;
    let of_d = audit_of(&u, "deal", id(&d)).await;
    let describe = |v: &[AuditEntry]| -> Vec<(String, i64, String)> {
        v.iter().map(|e| (e.entity.clone(), e.entity_id, e.action.clone())).collect()
    };
    assert_eq!(
        (describe(&of_c1), describe(&of_d)),
        (
            vec![("contact".into(), id(&c1), "update".into()), ("contact".into(), id(&c1), "create".into())],
            vec![("deal".into(), id(&d), "update".into()), ("deal".into(), id(&d), "create".into())],
        )
    );
}

async fn restoring_a_live_record_returns_it_unchanged(b: Backend) {
    let s = TestServer::start(b).await;
    let u = s.user("restorelive").await;
    let mut wrong = Vec::new();
    for entity in ["contacts", "opportunities", "deals", "activities"] {
        let body = if entity == "activities" { json!({"type": "Call"}) } else { json!({"name": "Live"}) };
        let r = post(&u, entity, body).await;
        let before = get(&u, entity, id(&r)).await;
        let ans = probe::call(&u, Method::POST, &format!("/api/crm/{entity}/{}/restore", id(&r)), None).await;
        let after = get(&u, entity, id(&r)).await;
        if ans.status != 200 || ans.body != before || after != before {
            wrong.push(format!("{entity}: before {before}\n  restore answered {ans}\n  after {after}"));
        }
    }
    assert!(wrong.is_empty(), "restoring a live record:\n{}", wrong.join("\n"));
}
