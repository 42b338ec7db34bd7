//! The activity queue (`GET /api/crm/activities/queue`) and snoozing
//! (`POST /api/crm/activities/{id}/snooze`): sections cut at the date of a time zone whose date
//! differs from UTC's at the time the test runs, ordered by priority, due date and id, capped
//! by `limit`; bad parameters named; snoozing refused for past dates, completed and missing
//! activities, and moving an activity between sections. Each expected answer is computed here
//! from the records, independently of the server's code.

use chrono::{FixedOffset, NaiveDate, TimeDelta, Utc};
use crm_api::activities::{Activity, ActivityQueue, Snooze};
use crm_api::batch::BatchRequest;
use crm_api::client::Client;
use crm_api::params::{AuditParams, QueueParams, SnoozeParams};
use crm_api::resource::Activities;
use crm_api::{ListParams, Priority};
use crm_tests::{Backend, TestServer, backend_tests};
use reqwest::Method;
use serde_json::{Value, json};

use crate::probe;

backend_tests!(
    sections_are_cut_at_the_date_of_the_zone_and_ordered_by_priority,
    sections_are_capped_by_limit_and_say_whether_more_follow,
    bad_zones_and_limits_are_400_naming_the_parameter,
    snoozing_moves_an_activity_between_sections,
    snoozing_refuses_past_dates_completed_and_missing_activities,
);

/// A zone whose date differs from UTC's now, and its offset (neither has summer time): Pacific/
/// Kiritimati (UTC+14) from 10:00 UTC on, Pacific/Pago_Pago (UTC-11) before 11:00 UTC.
fn zone_off_utc() -> (&'static str, FixedOffset) {
    let now = Utc::now();
    let kiritimati = FixedOffset::east_opt(14 * 3600).expect("offset");
    if now.with_timezone(&kiritimati).date_naive() != now.date_naive() {
        ("Pacific/Kiritimati", kiritimati)
    } else {
        ("Pacific/Pago_Pago", FixedOffset::west_opt(11 * 3600).expect("offset"))
    }
}

fn utc() -> FixedOffset {
    FixedOffset::east_opt(0).expect("offset")
}

fn today_at(offset: FixedOffset) -> NaiveDate {
    Utc::now().with_timezone(&offset).date_naive()
}

fn days(d: NaiveDate, n: i64) -> NaiveDate {
    d + TimeDelta::days(n)
}

fn rank(p: Priority) -> u8 {
    match p {
        Priority::Urgent => 0,
        Priority::High => 1,
        Priority::Normal => 2,
        Priority::Low => 3,
    }
}

/// The ids the three sections must hold, in order, for `today`: open, dated activities due
/// before today, on today, and on the 7 days after; by priority, then due date, then id.
fn expected(all: &[Activity], today: NaiveDate) -> [Vec<i64>; 3] {
    let mut sections: [Vec<&Activity>; 3] = Default::default();
    for a in all.iter().filter(|a| !a.completed && a.deleted_at.is_none()) {
        let Some(due) = a.due_date else { continue };
        let section = if due < today {
            0
        } else if due == today {
            1
        } else if due <= days(today, 7) {
            2
        } else {
            continue;
        };
        sections[section].push(a);
    }
    sections.map(|mut s| {
        s.sort_by_key(|a| (rank(a.priority), a.due_date, a.id));
        s.into_iter().map(|a| a.id).collect()
    })
}

fn ids(items: &[Activity]) -> Vec<i64> {
    items.iter().map(|a| a.id).collect()
}

fn got(q: &ActivityQueue) -> [Vec<i64>; 3] {
    [ids(&q.overdue), ids(&q.today), ids(&q.upcoming)]
}

/// Creates activities in one batch and returns their ids in order.
async fn create_all(u: &Client, records: Vec<Value>) -> Vec<i64> {
    let n = records.len();
    let answer = u.batch::<Activities>(&BatchRequest { records, ..Default::default() }).await.expect("batch");
    assert_eq!(answer.created, n, "{answer:?}");
    answer.results.iter().map(|r| r.id.expect("an id")).collect()
}

/// Every live activity of the user.
async fn live(u: &Client) -> Vec<Activity> {
    u.list::<Activities>(&ListParams { limit: Some(1000), ..Default::default() }).await.expect("list").data
}

/// The queue for `tz` together with the date the test expects it to be cut at; asked again
/// when the date changed while it was asked (at midnight in the zone).
async fn queue_on(u: &Client, tz: Option<&str>, offset: FixedOffset, limit: Option<u32>) -> (ActivityQueue, NaiveDate) {
    for _ in 0..3 {
        let before = today_at(offset);
        let params = QueueParams { tz: tz.map(str::to_string), limit };
        let q = u.activity_queue(&params).await.expect("queue");
        if today_at(offset) == before {
            return (q, before);
        }
    }
    panic!("the date kept changing");
}

async fn sections_are_cut_at_the_date_of_the_zone_and_ordered_by_priority(b: Backend) {
    let s = TestServer::start(b).await;
    let u = s.user("queue").await;
    let (zone, offset) = zone_off_utc();
    let today = today_at(offset);
    // Around the zone's today and UTC's (a day before or after it): every boundary of every
    // section, for every priority, created low priority and late dates first so that neither
    // the ids nor the creation order are the queue's order.
    let mut records = Vec::new();
    for priority in ["Low", "Normal", "High", "Urgent"] {
        for offset_days in [30, 9, 8, 7, 6, 2, 1, 0, -1, -2, -8, -40] {
            let due = days(today, offset_days);
            records.push(json!({"type": "Task", "priority": priority, "due_date": due, "description": format!("{priority} {offset_days:+}")}));
        }
        records.push(json!({"type": "Note", "priority": priority, "description": "no due date"}));
    }
    // Ties of priority and due date go by id.
    records.push(json!({"type": "Call", "priority": "High", "due_date": days(today, -1)}));
    records.push(json!({"type": "Call", "priority": "High", "due_date": today}));
    // Completed and deleted activities are left out wherever they are due.
    records.push(json!({"type": "Call", "priority": "Urgent", "due_date": days(today, -1), "completed": true}));
    records.push(json!({"type": "Call", "priority": "Urgent", "due_date": today, "completed": true}));
    records.push(json!({"type": "Call", "priority": "Urgent", "due_date": days(today, 1), "completed": true}));
    let deleted = create_all(
        &u,
        vec![
            json!({"type": "Email", "priority": "Urgent", "due_date": days(today, -1)}),
            json!({"type": "Email", "priority": "Urgent", "due_date": today}),
            json!({"type": "Email", "priority": "Urgent", "due_date": days(today, 3)}),
        ],
    )
    .await;
    for id in deleted {
        u.delete::<Activities>(id, None).await.expect("delete");
    }
    create_all(&u, records).await;
    // One completed after it was created, as the API completes one.
    let done = create_all(&u, vec![json!({"type": "Call", "priority": "High", "due_date": days(today, -2)})]).await;
    u.complete_activity(done[0]).await.expect("complete");

    let all = live(&u).await;
    let by_id = |id: i64| all.iter().find(|a| a.id == id).cloned();
    let mut answers = Vec::new();
    for (tz, offset) in [(Some(zone), offset), (None, utc()), (Some("UTC"), utc())] {
        let (q, date) = queue_on(&u, tz, offset, None).await;
        assert_eq!(q.date, date, "tz {tz:?}");
        assert_eq!(q.tz, tz.unwrap_or("UTC"));
        let want = expected(&all, date);
        assert_eq!(got(&q), want, "tz {tz:?}, today {date}");
        assert!(want.iter().all(|s| s.len() >= 4), "the fixture fills each section: {want:?}");
        assert_eq!((q.has_more.overdue, q.has_more.today, q.has_more.upcoming), (false, false, false));
        // Full records, as GET and the list give them.
        for a in q.overdue.iter().chain(&q.today).chain(&q.upcoming) {
            assert_eq!(Some(a.clone()), by_id(a.id));
        }
        answers.push(got(&q));
    }
    assert_ne!(answers[0], answers[1], "the zone's date ({zone}) gives another queue than UTC's");
    assert_eq!(answers[1], answers[2]);

    // The answer is the same JSON as GET gives for each item.
    let raw = probe::call(&u, Method::GET, "/api/crm/activities/queue", None).await;
    assert_eq!(raw.status, 200, "{raw}");
    let first = &raw.body["overdue"][0];
    let id = first["id"].as_i64().expect("id");
    let one = probe::call(&u, Method::GET, &format!("/api/crm/activities/{id}"), None).await;
    assert_eq!(first, &one.body);
}

async fn sections_are_capped_by_limit_and_say_whether_more_follow(b: Backend) {
    let s = TestServer::start(b).await;
    let u = s.user("queue-limit").await;
    let today = today_at(utc());
    let mut records = Vec::new();
    for i in 0..5 {
        records.push(json!({"type": "Task", "priority": "Urgent", "due_date": days(today, -1 - i)}));
    }
    for i in 0..3 {
        records.push(json!({"type": "Task", "priority": "High", "due_date": days(today, -1 - i)}));
    }
    records.push(json!({"type": "Task", "priority": "Low", "due_date": days(today, -3)}));
    records.push(json!({"type": "Task", "priority": "Normal", "due_date": today}));
    records.push(json!({"type": "Task", "priority": "Normal", "due_date": today}));
    create_all(&u, records).await;
    let all = live(&u).await;
    for limit in [1, 2, 3, 4, 5, 6, 8, 9, 10, 500] {
        let (q, date) = queue_on(&u, None, utc(), Some(limit)).await;
        let want = expected(&all, date);
        let n = limit as usize;
        let cut = want.clone().map(|mut s| {
            s.truncate(n);
            s
        });
        assert_eq!(got(&q), cut, "limit {limit}");
        let more = (q.has_more.overdue, q.has_more.today, q.has_more.upcoming);
        assert_eq!(more, (want[0].len() > n, want[1].len() > n, want[2].len() > n), "limit {limit}");
    }
    // The default is 50.
    let (q, _) = queue_on(&u, None, utc(), None).await;
    assert_eq!(q.overdue.len(), 9);
}

async fn bad_zones_and_limits_are_400_naming_the_parameter(b: Backend) {
    let s = TestServer::start(b).await;
    let u = s.user("queue-bad").await;
    let a = create_all(&u, vec![json!({"type": "Task", "due_date": days(today_at(utc()), -1)})]).await[0];
    let cases = [
        ("tz=Mars/Olympus_Mons", "tz"),
        ("tz=", "tz"),
        ("tz=europe/berlin", "tz"),
        ("tz=%2B02:00", "tz"),
        ("limit=0", "limit"),
        ("limit=501", "limit"),
        ("limit=-1", "limit"),
        ("limit=many", "limit"),
        ("tz=UTC&limit=1&extra=1", "extra"),
    ];
    for (query, field) in cases {
        let ans = probe::call(&u, Method::GET, &format!("/api/crm/activities/queue?{query}"), None).await;
        assert_eq!(ans.status, 400, "{query}: {ans}");
        ans.check_problem().unwrap_or_else(|why| panic!("{query}: {why}"));
        assert_eq!(ans.fields(), vec![field.to_string()], "{query}: {ans}");
    }
    let until = json!({"until": days(today_at(utc()), 1)});
    for (query, field) in [("tz=Nowhere", "tz"), ("tz=", "tz"), ("zone=UTC", "zone")] {
        let path = format!("/api/crm/activities/{a}/snooze?{query}");
        let ans = probe::call(&u, Method::POST, &path, Some(&until)).await;
        assert_eq!(ans.status, 400, "{query}: {ans}");
        ans.check_problem().unwrap_or_else(|why| panic!("{query}: {why}"));
        assert_eq!(ans.fields(), vec![field.to_string()], "{query}: {ans}");
    }
    for (query, status) in [("limit=1", 200), ("limit=500", 200), ("tz=America/Argentina/Buenos_Aires", 200)] {
        let ans = probe::call(&u, Method::GET, &format!("/api/crm/activities/queue?{query}"), None).await;
        assert_eq!(ans.status, status, "{query}: {ans}");
    }
    // Nothing was snoozed.
    assert_eq!(u.get::<Activities>(a).await.expect("get").record.version, 1);
}

async fn snoozing_moves_an_activity_between_sections(b: Backend) {
    let s = TestServer::start(b).await;
    let u = s.user("snooze").await;
    let today = today_at(utc());
    let ids = create_all(
        &u,
        vec![
            json!({"type": "Call", "priority": "High", "due_date": days(today, -3), "description": "Call back"}),
            json!({"type": "Call", "priority": "Urgent", "due_date": days(today, -5)}),
        ],
    )
    .await;
    let a = ids[0];
    let (q, _) = queue_on(&u, None, utc(), None).await;
    assert_eq!(got(&q), [vec![ids[1], a], vec![], vec![]]);

    let etag = u.get::<Activities>(a).await.expect("get").etag;
    let until = days(today, 3);
    let snoozed = u
        .snooze_activity(a, &Snooze { until }, &SnoozeParams::default(), etag.as_deref())
        .await
        .expect("snooze with If-Match");
    assert_eq!((snoozed.record.due_date, snoozed.record.version), (Some(until), 2));
    assert_eq!(snoozed.etag.as_deref(), Some("\"2\""));
    assert!(snoozed.record.updated_at > snoozed.record.created_at);
    assert_eq!(snoozed.record.description.as_deref(), Some("Call back"), "only the due date changes");
    let (q, date) = queue_on(&u, None, utc(), None).await;
    let all = live(&u).await;
    assert_eq!(got(&q), expected(&all, date));
    assert_eq!(got(&q), [vec![ids[1]], vec![], vec![a]]);

    // The version in If-Match is now stale.
    let stale = u.snooze_activity(a, &Snooze { until: today }, &SnoozeParams::default(), etag.as_deref()).await;
    assert_eq!(stale.as_ref().err().and_then(|e| e.status()), Some(412), "{stale:?}");

    // To today, without If-Match: it moves to today's section.
    let to_today = u.snooze_activity(a, &Snooze { until: today }, &SnoozeParams::default(), None).await;
    assert_eq!(to_today.expect("snooze").record.version, 3);
    let (q, _) = queue_on(&u, None, utc(), None).await;
    assert_eq!(got(&q), [vec![ids[1]], vec![a], vec![]]);
    // Snoozing to the date it already has changes nothing.
    let same = u.snooze_activity(a, &Snooze { until: today }, &SnoozeParams::default(), None).await;
    assert_eq!(same.expect("snooze").record.version, 3);
    // Beyond the 7 days it leaves the queue.
    u.snooze_activity(a, &Snooze { until: days(today, 8) }, &SnoozeParams::default(), None).await.expect("snooze");
    let (q, _) = queue_on(&u, None, utc(), None).await;
    assert_eq!(got(&q), [vec![ids[1]], vec![], vec![]]);

    // Each snooze is an update in the audit trail, naming the due date's change.
    let audit = u
        .audit(&AuditParams { entity: Some("activity".into()), entity_id: Some(a), ..Default::default() })
        .await
        .expect("audit")
        .data;
    let updates: Vec<&Value> = audit.iter().filter(|e| e.action == "update").map(|e| &e.changes).collect();
    assert_eq!(updates.len(), 3, "{audit:?}");
    assert_eq!(updates[2], &json!({"due_date": {"before": days(today, -3), "after": until}}), "{audit:?}");
}

async fn snoozing_refuses_past_dates_completed_and_missing_activities(b: Backend) {
    let s = TestServer::start(b).await;
    let u = s.user("snooze-refused").await;
    let today = today_at(utc());
    let ids = create_all(
        &u,
        vec![
            json!({"type": "Task", "due_date": days(today, -1)}),
            json!({"type": "Task", "due_date": days(today, -1)}),
            json!({"type": "Task", "due_date": days(today, -1)}),
        ],
    )
    .await;
    let (open, done, gone) = (ids[0], ids[1], ids[2]);
    let snooze = |id: i64, body: Value, query: &str| {
        let u = &u;
        let path = format!("/api/crm/activities/{id}/snooze{query}");
        async move { probe::call(u, Method::POST, &path, Some(&body)).await }
    };

    // Yesterday in UTC is in the past whatever the hour.
    for (body, field) in [
        (json!({"until": days(today, -1)}), "until"),
        (json!({"until": "2026-02-30"}), "until"),
        (json!({"until": "tomorrow"}), "until"),
        (json!({"until": null}), "until"),
        (json!({}), "until"),
        (json!({"until": days(today, 1), "note": "x"}), "note"),
    ] {
        let ans = snooze(open, body.clone(), "").await;
        assert_eq!(ans.status, 422, "{body}: {ans}");
        ans.check_problem().unwrap_or_else(|why| panic!("{body}: {why}"));
        assert_eq!(ans.fields(), vec![field.to_string()], "{body}: {ans}");
    }

    // The past is the zone's: the earlier of the zone's date and UTC's is refused where today
    // is the later one, and taken where it is today.
    let mut checked = false;
    for _ in 0..3 {
        let (zone, offset) = zone_off_utc();
        let (in_zone, in_utc) = (today_at(offset), today_at(utc()));
        let early = in_zone.min(in_utc);
        let (late_query, early_query) = if in_zone > in_utc {
            (format!("?tz={zone}"), String::new())
        } else {
            ("?tz=UTC".to_string(), format!("?tz={zone}"))
        };
        let refused = snooze(open, json!({"until": early}), &late_query).await;
        let taken = snooze(open, json!({"until": early}), &early_query).await;
        if (today_at(offset), today_at(utc())) != (in_zone, in_utc) {
            continue;
        }
        assert_eq!(refused.status, 422, "{early} with {late_query}: {refused}");
        assert_eq!(refused.fields(), vec!["until".to_string()]);
        assert_eq!(taken.status, 200, "{early} with {early_query:?}: {taken}");
        assert_eq!(taken.body["due_date"], json!(early));
        checked = true;
        break;
    }
    assert!(checked, "the date kept changing");

    // A completed activity cannot be snoozed: 409, and nothing changes.
    let completed = u.complete_activity(done).await.expect("complete").record;
    let ans = snooze(done, json!({"until": days(today, 2)}), "").await;
    assert_eq!(ans.status, 409, "{ans}");
    ans.check_problem().expect("problem");
    assert!(ans.body["detail"].as_str().is_some_and(|d| d.contains("completed")), "{ans}");
    assert_eq!(u.get::<Activities>(done).await.expect("get").record, completed);

    // Deleted and missing activities are 404.
    u.delete::<Activities>(gone, None).await.expect("delete");
    for id in [gone, 4_000_000_000] {
        let ans = snooze(id, json!({"until": days(today, 2)}), "").await;
        assert_eq!(ans.status, 404, "{id}: {ans}");
        ans.check_problem().expect("problem");
    }
}
