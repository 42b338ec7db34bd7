//! The dashboard layout: the default one until a user saves theirs, saved and read back in the
//! canonical spelling, every bad body refused naming its field, `If-Match`, and each user's
//! layout their own.

use crm_api::dashboard::{DashboardLayout, NewDashboardLayout, Period, Widget};
use crm_api::params::AuditParams;
use crm_tests::{Backend, TestServer, backend_tests};
use reqwest::Method;
use serde_json::{Value, json};

use crate::probe;

backend_tests!(
    the_default_layout_until_one_is_saved,
    a_saved_layout_reads_back_and_is_audited,
    names_in_any_case_are_answered_in_the_canonical_spelling,
    every_bad_body_is_a_422_naming_its_field,
    a_stale_if_match_is_412_and_changes_nothing,
    each_user_sees_only_their_own_layout,
);

const PATH: &str = "/api/crm/dashboard/layout";

fn layout(period: Period, widgets: &[Widget]) -> NewDashboardLayout {
    NewDashboardLayout { period, widgets: widgets.to_vec() }
}

async fn the_default_layout_until_one_is_saved(b: Backend) {
    let s = TestServer::start(b).await;
    let u = s.user("default").await;
    let got = u.dashboard_layout().await.expect("layout");
    assert_eq!(got.record, DashboardLayout::default());
    assert_eq!(got.etag.as_deref(), Some("\"0\""));
    let raw = probe::call(&u, Method::GET, PATH, None).await;
    assert_eq!(
        raw.body,
        json!({
            "period": "this_month",
            "widgets": ["total_contacts", "open_opportunities", "pipeline_value", "deals_won", "win_rate",
                "average_deal_size", "sales_cycle_days", "by_stage", "forecast", "funnel", "activity_timeline"],
            "version": 0,
            "updated_at": null
        })
    );
}

async fn a_saved_layout_reads_back_and_is_audited(b: Backend) {
    let s = TestServer::start(b).await;
    let u = s.user("saver").await;
    let first = layout(Period::ThisYear, &[Widget::Funnel, Widget::WinRate, Widget::TotalContacts]);
    let saved = u.put_dashboard_layout(&first, None).await.expect("save");
    assert_eq!((saved.record.period, &saved.record.widgets[..]), (first.period, &first.widgets[..]));
    assert_eq!((saved.record.version, saved.etag.as_deref()), (1, Some("\"1\"")));
    assert!(saved.record.updated_at.is_some());
    let got = u.dashboard_layout().await.expect("read back");
    assert_eq!(got.record, saved.record);
    assert_eq!(got.etag.as_deref(), Some("\"1\""));

    // Saving it as it is writes nothing.
    let same = u.put_dashboard_layout(&first, None).await.expect("same again");
    assert_eq!(same.record, saved.record);

    let second = layout(Period::Last90Days, &[Widget::ActivityTimeline]);
    let changed = u.put_dashboard_layout(&second, Some("\"1\"")).await.expect("change");
    assert_eq!((changed.record.version, changed.record.widgets.clone()), (2, vec![Widget::ActivityTimeline]));
    assert_eq!(u.dashboard_layout().await.expect("read").record, changed.record);

    let me = u.me().await.expect("me");
    let params = AuditParams { entity: Some("dashboard_layout".into()), ..Default::default() };
    let audit = u.audit(&params).await.expect("audit").data;
    let actions: Vec<(&str, i64)> = audit.iter().map(|e| (e.action.as_str(), e.entity_id)).collect();
    assert_eq!(actions, [("update", me.id), ("create", me.id)], "{audit:?}");
    assert_eq!(audit[0].changes["period"], json!({"before": "this_year", "after": "last_90_days"}));
    assert_eq!(audit[1].changes["widgets"]["after"], json!(["funnel", "win_rate", "total_contacts"]));
}

async fn names_in_any_case_are_answered_in_the_canonical_spelling(b: Backend) {
    let s = TestServer::start(b).await;
    let u = s.user("cases").await;
    let body = json!({"period": "Last 30 Days", "widgets": ["WIN_RATE", "Pipeline-Value", "by stage"]});
    let ans = probe::call(&u, Method::PUT, PATH, Some(&body)).await;
    assert_eq!(ans.status, 200, "{ans}");
    assert_eq!(ans.body["period"], "last_30_days");
    assert_eq!(ans.body["widgets"], json!(["win_rate", "pipeline_value", "by_stage"]));
    let got = probe::call(&u, Method::GET, PATH, None).await;
    assert_eq!(
        (got.body["period"].clone(), got.body["widgets"].clone()),
        (ans.body["period"].clone(), ans.body["widgets"].clone())
    );
}

async fn every_bad_body_is_a_422_naming_its_field(b: Backend) {
    let s = TestServer::start(b).await;
    let u = s.user("bad").await;
    let all: Vec<&str> = Widget::TEXTS.to_vec();
    let mut twelve = all.clone();
    twelve.push("funnel");
    let cases: Vec<(Value, &str, &str)> = vec![
        (json!({"period": "this_month", "widgets": []}), "widgets", "must list 1 to 11 widgets (got 0)"),
        (json!({"period": "this_month", "widgets": twelve}), "widgets", "must list 1 to 11 widgets (got 12)"),
        (
            json!({"period": "this_month", "widgets": ["funnel", "win_rate", "forecast", "Funnel"]}),
            "widgets[3]",
            "duplicate widget \"funnel\"",
        ),
        (
            json!({"period": "this_month", "widgets": ["funnel", "sparkline"]}),
            "widgets[1]",
            "unknown value \"sparkline\"",
        ),
        (json!({"period": "next_week", "widgets": ["funnel"]}), "period", "unknown value \"next_week\""),
        (json!({"period": "this_month", "widgets": "funnel"}), "widgets", "invalid type"),
        (json!({"period": "this_month"}), "widgets", "missing field `widgets`"),
        (json!({"widgets": ["funnel"]}), "period", "missing field `period`"),
        (json!({"period": "this_month", "widgets": ["funnel"], "colour": "red"}), "colour", "unknown field `colour`"),
    ];
    let mut wrong = Vec::new();
    for (body, field, message) in &cases {
        let ans = probe::call(&u, Method::PUT, PATH, Some(body)).await;
        let first = &ans.body["errors"][0];
        if ans.status != 422
            || ans.check_problem().is_err()
            || first["field"] != *field
            || !first["message"].as_str().is_some_and(|m| m.starts_with(message))
        {
            wrong.push(format!("{body} -> {ans} (expected a 422 naming {field}: {message}...)"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    let got = u.dashboard_layout().await.expect("layout");
    assert_eq!(got.record, DashboardLayout::default(), "nothing was saved");
}

async fn a_stale_if_match_is_412_and_changes_nothing(b: Backend) {
    let s = TestServer::start(b).await;
    let u = s.user("stale").await;
    // `"0"`: only if none is saved yet.
    let first = u.put_dashboard_layout(&layout(Period::ThisQuarter, &[Widget::Forecast]), Some("\"0\"")).await;
    let first = first.expect("first save");
    let err =
        u.put_dashboard_layout(&layout(Period::LastMonth, &[Widget::Funnel]), Some("\"0\"")).await.expect_err("stale");
    assert_eq!(err.status(), Some(412));
    let raw = u
        .request(Method::PUT, PATH)
        .header(reqwest::header::IF_MATCH, "\"7\"")
        .json(&json!({"period": "last_month", "widgets": ["funnel"]}))
        .send()
        .await
        .expect("send");
    assert_eq!(raw.status().as_u16(), 412);
    assert_eq!(raw.headers().get(reqwest::header::ETAG).and_then(|v| v.to_str().ok()), Some("\"1\""));
    assert_eq!(u.dashboard_layout().await.expect("layout").record, first.record, "unchanged");
    let next = u
        .put_dashboard_layout(&layout(Period::LastMonth, &[Widget::Funnel]), first.etag.as_deref())
        .await
        .expect("current version");
    assert_eq!(next.record.version, 2);
}

async fn each_user_sees_only_their_own_layout(b: Backend) {
    let s = TestServer::start(b).await;
    let ua = s.user("owner").await;
    let ub = s.user("other").await;
    let a = ua.put_dashboard_layout(&layout(Period::ThisYear, &[Widget::DealsWon]), None).await.expect("A saves");
    assert_eq!(ub.dashboard_layout().await.expect("B reads").record, DashboardLayout::default());
    // B's version 1 is A's, not B's: B has none saved.
    let err = ub.put_dashboard_layout(&layout(Period::LastMonth, &[Widget::Funnel]), Some("\"1\"")).await;
    assert_eq!(err.expect_err("B has no version 1").status(), Some(412));
    let b = ub.put_dashboard_layout(&layout(Period::LastMonth, &[Widget::Funnel]), None).await.expect("B saves");
    assert_eq!(b.record.version, 1);
    assert_eq!(ua.dashboard_layout().await.expect("A reads").record, a.record, "A's layout is A's");
    assert_eq!(ub.dashboard_layout().await.expect("B reads").record, b.record);
}
