//! Every figure of the pipeline summary, the forecast and the dashboard against a hand-built
//! account whose answers this test works out on its own, from the definitions: deals moved
//! forward and back, won then reopened, deleted; several currencies; events on each side of the
//! period's and the months' UTC boundaries; backdated creates and moves; stages renamed and
//! reordered after deals moved through them; and an empty account.

use std::collections::BTreeMap;

use chrono::{DateTime, Datelike, Days, NaiveDate, Utc};
use crm_api::StageKind;
use crm_api::analytics::{DashboardParams, ForecastParams, PipelineParams};
use crm_api::client::Client;
use crm_api::pipelines::{MoveRequest, StagePatch};
use crm_api::resource::{Activities, Contacts, Deals, Opportunities};
use crm_tests::{Backend, TestServer, backend_tests};
use serde_json::{Value, json};

backend_tests!(
    every_figure_matches_the_definitions,
    an_empty_account_has_nulls_not_zeros,
    bad_figure_queries_name_the_field,
);

fn t(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).expect("time").with_timezone(&Utc)
}

fn date(s: &str) -> NaiveDate {
    s.parse().expect("date")
}

/// `cents` as the API writes money.
fn money(cents: i128) -> String {
    format!("{}.{:02}", cents / 100, cents % 100)
}

/// Sum x percent / 100, rounded half away from zero (all sums here are positive).
fn percent(sum_times_percent: i128) -> i128 {
    (sum_times_percent + 50) / 100
}

/// A deal as the test builds it.
#[derive(Clone)]
struct D {
    name: &'static str,
    currency: &'static str,
    cents: i128,
    created: &'static str,
    /// Moves after its creation in the first stage (Prospect): stage as named at the time, when.
    moves: Vec<(&'static str, &'static str)>,
    probability: Option<i64>,
    /// Close date, as months from the current one and day of the month (0: the last day of
    /// the month before).
    close: Option<(u32, u32)>,
    deleted: bool,
    /// An activity is logged against it now.
    touched: bool,
}

fn deal(name: &'static str, currency: &'static str, cents: i128, created: &'static str) -> D {
    D { name, currency, cents, created, moves: vec![], probability: None, close: None, deleted: false, touched: false }
}

impl D {
    fn mv(mut self, stage: &'static str, at: &'static str) -> D {
        self.moves.push((stage, at));
        self
    }
    fn prob(mut self, p: i64) -> D {
        self.probability = Some(p);
        self
    }
    fn close(mut self, months: u32, day: u32) -> D {
        self.close = Some((months, day));
        self
    }
    fn deleted(mut self) -> D {
        self.deleted = true;
        self
    }
    fn touched(mut self) -> D {
        self.touched = true;
        self
    }
}

/// The stages after the test renames and reorders them: name then, name now, position now,
/// probability, kind.
type StageNow = (&'static str, &'static str, i64, i64, StageKind);

const STAGES: [StageNow; 6] = [
    ("Prospect", "Prospect", 0, 10, StageKind::Open),
    ("Qualification", "Qualification", 2, 20, StageKind::Open),
    ("Proposal", "Quote", 3, 50, StageKind::Open),
    ("Negotiation", "Negotiation", 1, 75, StageKind::Open),
    ("Closed-Won", "Closed-Won", 4, 100, StageKind::Won),
    ("Closed-Lost", "Closed-Lost", 5, 0, StageKind::Lost),
];

/// A stage's name, count and amounts per currency.
type StageLine = (String, i64, Vec<(String, String)>);

fn stage(then: &str) -> StageNow {
    *STAGES.iter().find(|s| s.0 == then).expect("a stage of the fixture")
}

/// The account. The dashboard's period is March 2026 (UTC).
fn fixture() -> Vec<D> {
    vec![
        deal("won in March", "USD", 100_000, "2026-03-01T00:00:00Z")
            .mv("Qualification", "2026-03-02T10:00:00Z")
            .mv("Proposal", "2026-03-05T10:00:00Z")
            .mv("Closed-Won", "2026-03-10T00:00:00Z")
            .close(0, 3),
        deal("lost in March", "EUR", 50_055, "2026-03-03T12:00:00Z")
            .mv("Proposal", "2026-03-04T00:00:00Z")
            .mv("Closed-Lost", "2026-03-20T00:00:00Z")
            .close(0, 4),
        deal("created before, won on the first", "USD", 25_025, "2026-02-28T23:59:59.999999Z")
            .mv("Closed-Won", "2026-03-01T00:00:00Z"),
        deal("won then reopened", "USD", 99_999, "2026-03-02T00:00:00Z")
            .mv("Closed-Won", "2026-03-05T00:00:00Z")
            .mv("Negotiation", "2026-03-06T00:00:00Z")
            .close(2, 28),
        deal("forward and back", "USD", 10_000, "2026-03-15T00:00:00Z")
            .mv("Negotiation", "2026-03-16T00:00:00Z")
            .mv("Qualification", "2026-03-17T00:00:00Z")
            .close(0, 1),
        deal("created last moment, won after", "GBP", 30_000, "2026-03-31T23:59:59.999999Z")
            .mv("Closed-Won", "2026-04-01T00:00:00Z"),
        deal("deleted", "USD", 70_000, "2026-03-05T00:00:00Z").mv("Closed-Won", "2026-03-06T00:00:00Z").deleted(),
        deal("won at the last moment", "EUR", 12_345, "2026-03-10T00:00:00Z")
            .mv("Closed-Won", "2026-03-31T23:59:59.999999Z")
            .prob(90),
        deal("prospect only", "USD", 5_000, "2026-03-10T00:00:00Z").close(1, 15),
        deal("explicit third", "EUR", 1_001, "2026-05-01T00:00:00Z")
            .mv("Proposal", "2026-05-02T00:00:00Z")
            .prob(33)
            .close(0, 20),
        deal("half a cent", "USD", 5, "2026-05-01T00:00:00Z").mv("Proposal", "2026-05-02T00:00:00Z").close(0, 21),
        deal("closes too late", "USD", 1_234, "2026-05-01T00:00:00Z").close(6, 1),
        deal("closed last month", "USD", 4_321, "2026-05-01T00:00:00Z").close(0, 0),
        deal("qualified long ago, touched", "USD", 2_000, "2026-03-20T00:00:00Z")
            .mv("Qualification", "2026-03-21T00:00:00Z")
            .touched(),
    ]
}

/// Where a deal is now: its stage (as named then) and when it entered it.
fn now_in(d: &D) -> (&'static str, DateTime<Utc>) {
    d.moves.last().map(|(s, at)| (*s, t(at))).unwrap_or(("Prospect", t(d.created)))
}

fn month_start(d: NaiveDate, n: u32) -> NaiveDate {
    let m = d.year() * 12 + d.month0() as i32 + n as i32;
    NaiveDate::from_ymd_opt(m.div_euclid(12), m.rem_euclid(12) as u32 + 1, 1).expect("month")
}

fn close_date(today: NaiveDate, (months, day): (u32, u32)) -> NaiveDate {
    let first = month_start(today, months);
    if day == 0 { first - Days::new(1) } else { first + Days::new(u64::from(day) - 1) }
}

async fn post(u: &Client, path: &str, body: Value) -> i64 {
    let resp = u.request(reqwest::Method::POST, path).json(&body).send().await.expect("post");
    assert_eq!(resp.status(), 201, "{path} {body}");
    resp.json::<Value>().await.expect("json")["id"].as_i64().expect("id")
}

async fn build(u: &Client, today: NaiveDate) -> Vec<D> {
    let all = fixture();
    for d in &all {
        let mut body =
            json!({"name": d.name, "currency": d.currency, "amount": money(d.cents), "created_at": d.created});
        if let Some(p) = d.probability {
            body["probability"] = json!(p);
        }
        if let Some(c) = d.close {
            body["close_date"] = json!(close_date(today, c).to_string());
        }
        let id = post(u, "/api/crm/deals", body).await;
        for (stage, at) in &d.moves {
            let req = MoveRequest { stage: Some((*stage).into()), at: Some(t(at)), ..Default::default() };
            u.move_deal(id, &req, None).await.expect("move");
        }
        if d.deleted {
            u.delete::<Deals>(id, None).await.expect("delete");
        }
        if d.touched {
            post(
                u,
                "/api/crm/activities",
                json!({"type": "Call", "deal_id": id, "created_at": "2026-04-02T00:00:00Z"}),
            )
            .await;
            // Logged later than its creation time says: now is when it touched the deal.
        }
    }
    all
}

async fn every_figure_matches_the_definitions(b: Backend) {
    let s = TestServer::start(b).await;
    let u = s.user("figures").await;
    let today = Utc::now().date_naive();
    let all = build(&u, today).await;
    let live: Vec<&D> = all.iter().filter(|d| !d.deleted).collect();
    let pipeline = u.list_pipelines().await.expect("pipelines").remove(0);
    let id_of = |then: &str| pipeline.stages.iter().find(|s| s.name == then).map(|s| s.id).expect("stage");
    // After the moves: Proposal is renamed Quote, Negotiation goes second, Qualification rots
    // after 30 days.
    let rename = StagePatch { name: Some("Quote".into()), ..Default::default() };
    u.update_stage(pipeline.id, id_of("Proposal"), &rename).await.expect("rename");
    let reorder = StagePatch { position: Some(1), ..Default::default() };
    u.update_stage(pipeline.id, id_of("Negotiation"), &reorder).await.expect("reorder");
    let rots = StagePatch { rotting_days: Some(Some(30)), ..Default::default() };
    u.update_stage(pipeline.id, id_of("Qualification"), &rots).await.expect("rotting");

    // Contacts, opportunities and activities.
    for (name, delete) in [("Ann", false), ("Bob", false), ("Gone", true)] {
        let id = post(&u, "/api/crm/contacts", json!({"name": name})).await;
        if delete {
            u.delete::<Contacts>(id, None).await.expect("delete");
        }
    }
    for (value, currency, stage, delete) in [
        (100_000, "USD", "Prospect", false),
        (20_050, "EUR", "Negotiation", false),
        (500, "USD", "Closed-Won", false),
        (7_700, "USD", "Prospect", true),
    ] {
        let id = post(
            &u,
            "/api/crm/opportunities",
            json!({"name": "O", "value": money(value), "currency": currency, "stage": stage}),
        )
        .await;
        if delete {
            u.delete::<Opportunities>(id, None).await.expect("delete");
        }
    }
    for (kind, at, delete) in [
        ("Call", "2026-03-01T00:00:00Z", false),
        ("Call", "2026-03-01T23:59:59.999999Z", false),
        ("Email", "2026-03-01T12:00:00Z", false),
        ("Meeting", "2026-03-31T23:59:59Z", false),
        ("Note", "2026-03-15T08:00:00Z", true),
        ("Task", "2026-02-28T23:59:59.999999Z", false),
        ("Task", "2026-04-01T00:00:00Z", false),
    ] {
        let id = post(&u, "/api/crm/activities", json!({"type": kind, "created_at": at})).await;
        if delete {
            u.delete::<Activities>(id, None).await.expect("delete");
        }
    }

    // --- the dashboard over March 2026 --------------------------------------------------------
    let (from, until) = (t("2026-03-01T00:00:00Z"), t("2026-04-01T00:00:00Z"));
    let in_period = |at: DateTime<Utc>| at >= from && at < until;
    let params = DashboardParams { from: Some(date("2026-03-01")), to: Some(date("2026-03-31")), pipeline_id: None };
    let dash = u.dashboard(&params).await.expect("dashboard");
    assert_eq!(dash.total_contacts, 2);
    assert_eq!(dash.open_opportunities, 2);
    let pv: Vec<(String, String)> = dash
        .pipeline_value
        .expect("open opportunities")
        .into_iter()
        .map(|c| (c.currency, c.amount.to_string()))
        .collect();
    assert_eq!(pv, [("EUR".to_string(), money(20_050)), ("USD".to_string(), money(100_000))]);

    let won: Vec<&&D> =
        live.iter().filter(|d| stage(now_in(d).0).4 == StageKind::Won && in_period(now_in(d).1)).collect();
    let lost = live.iter().filter(|d| stage(now_in(d).0).4 == StageKind::Lost && in_period(now_in(d).1)).count();
    assert_eq!(won.len(), 3, "the fixture wins three deals in March");
    assert_eq!(dash.deals_won, won.len() as i64);
    assert_eq!(dash.win_rate, Some(won.len() as f64 / (won.len() + lost) as f64));
    let mut sizes: BTreeMap<&str, (i128, i128)> = BTreeMap::new();
    for d in &won {
        let e = sizes.entry(d.currency).or_default();
        e.0 += d.cents;
        e.1 += 1;
    }
    let expected: Vec<(String, String)> =
        sizes.iter().map(|(c, (sum, n))| (c.to_string(), money((sum * 2 + n) / (2 * n)))).collect();
    let got: Vec<(String, String)> = dash
        .average_deal_size
        .expect("deals were won")
        .into_iter()
        .map(|c| (c.currency, c.amount.to_string()))
        .collect();
    assert_eq!(got, expected);
    let cycle: i64 = won.iter().map(|d| (now_in(d).1 - t(d.created)).num_microseconds().expect("micros")).sum();
    let days = cycle as f64 / won.len() as f64 / 86_400_000_000.0;
    assert!((dash.sales_cycle_days.expect("cycle") - days).abs() < 1e-9, "{:?} vs {days}", dash.sales_cycle_days);

    // The funnel: deals created in March, reach by the stages' current order.
    let mut open_now: Vec<(&str, i64)> = STAGES.iter().filter(|s| s.4 == StageKind::Open).map(|s| (s.1, s.2)).collect();
    open_now.sort_by_key(|s| s.1);
    let reach = |d: &D| -> i64 {
        if stage(now_in(d).0).4 == StageKind::Won {
            return i64::MAX;
        }
        std::iter::once("Prospect")
            .chain(d.moves.iter().map(|m| m.0))
            .map(stage)
            .filter(|s| s.4 == StageKind::Open)
            .map(|s| s.2)
            .max()
            .unwrap_or(-1)
    };
    let created: Vec<&&D> = live.iter().filter(|d| in_period(t(d.created))).collect();
    let counts: Vec<i64> =
        open_now.iter().map(|(_, pos)| created.iter().filter(|d| reach(d) >= *pos).count() as i64).collect();
    assert_eq!(counts[0], 8, "eight live deals created in March");
    let got: Vec<(String, i64, Option<f64>)> =
        dash.funnel.iter().map(|f| (f.stage.clone(), f.count, f.share)).collect();
    let expected: Vec<(String, i64, Option<f64>)> = open_now
        .iter()
        .zip(&counts)
        .map(|((name, _), n)| (name.to_string(), *n, Some(*n as f64 / counts[0] as f64)))
        .collect();
    assert_eq!(got, expected);

    // Open deals per open stage, in the current order.
    let got: Vec<StageLine> = dash
        .by_stage
        .iter()
        .map(|s| {
            (s.stage.clone(), s.count, s.amounts.iter().map(|a| (a.currency.clone(), a.amount.to_string())).collect())
        })
        .collect();
    let expected: Vec<StageLine> = open_now
        .iter()
        .map(|(name, _)| {
            let here: Vec<&&D> = live.iter().filter(|d| stage(now_in(d).0).1 == *name).collect();
            let mut per: BTreeMap<&str, i128> = BTreeMap::new();
            for d in &here {
                *per.entry(d.currency).or_default() += d.cents;
            }
            (name.to_string(), here.len() as i64, per.into_iter().map(|(c, s)| (c.to_string(), money(s))).collect())
        })
        .collect();
    assert_eq!(got, expected);

    // Activities per UTC day and type (the deal's call was logged in April).
    assert_eq!(dash.activity_timeline.len(), 31);
    let day = |n: usize| &dash.activity_timeline[n - 1];
    assert_eq!((day(1).date, day(1).call, day(1).email), (date("2026-03-01"), 2, 1));
    assert_eq!(day(31).meeting, 1);
    assert_eq!(day(15).note, 0, "a deleted activity does not count");
    let total: i64 = dash.activity_timeline.iter().map(|d| d.call + d.email + d.meeting + d.task + d.note).sum();
    assert_eq!(total, 4, "the tasks on either side of the month are outside it");

    // --- the forecast, from the current month ---------------------------------------------
    let forecast = u.forecast(&ForecastParams { months: Some(6) }).await.expect("forecast");
    assert_eq!(forecast, dash.forecast, "the dashboard's forecast is the six-month one");
    assert_eq!(forecast.months.len(), 6);
    for (i, month) in forecast.months.iter().enumerate() {
        let first = month_start(today, i as u32);
        assert_eq!(month.month, format!("{:04}-{:02}", first.year(), first.month()));
        let mut per: BTreeMap<&str, (i128, i128, i128, i64)> = BTreeMap::new();
        for d in live.iter().filter(|d| d.close.is_some_and(|c| month_start(close_date(today, c), 0) == first)) {
            let (_, _, _, stage_p, kind) = stage(now_in(d).0);
            if kind == StageKind::Lost {
                continue;
            }
            let e = per.entry(d.currency).or_default();
            if kind == StageKind::Won {
                e.0 += d.cents;
            } else {
                e.1 += d.cents * i128::from(d.probability.unwrap_or(stage_p));
                e.2 += d.cents;
            }
            e.3 += 1;
        }
        let expected: Vec<(String, String, String, String, i64)> = per
            .into_iter()
            .map(|(c, (won, w, open, n))| (c.to_string(), money(won), money(percent(w)), money(open + won), n))
            .collect();
        let got: Vec<(String, String, String, String, i64)> = month
            .currencies
            .iter()
            .map(|f| (f.currency.clone(), f.won.to_string(), f.weighted.to_string(), f.best_case.to_string(), f.count))
            .collect();
        assert_eq!(got, expected, "{}", month.month);
    }
    let usd = forecast.months[0].currencies.iter().find(|c| c.currency == "USD").expect("USD this month");
    // 100.00 x 20% + 0.05 x 50% = 20.025 -> 20.03: one rounding, of the exact sum.
    assert_eq!(usd.weighted.to_string(), "20.03");

    // --- the pipeline summary and board ---------------------------------------------------
    let summary = u.pipeline_summary(None).await.expect("summary");
    let names: Vec<&str> = summary.stages.iter().map(|s| s.stage.as_str()).collect();
    assert_eq!(names, ["Prospect", "Negotiation", "Qualification", "Quote", "Closed-Won", "Closed-Lost"]);
    for st in &summary.stages {
        let then = STAGES.iter().find(|s| s.1 == st.stage).expect("a stage").0;
        let here: Vec<&&D> = live.iter().filter(|d| now_in(d).0 == then).collect();
        let mut per: BTreeMap<&str, (i64, i128, i128, i64)> = BTreeMap::new();
        for d in &here {
            let e = per.entry(d.currency).or_default();
            e.0 += 1;
            e.1 += d.cents;
            e.2 += d.cents * i128::from(d.probability.unwrap_or(st.probability));
            let entered = now_in(d).1;
            if st.rotting_days.is_some_and(|days| entered < Utc::now() - chrono::Duration::days(days)) && !d.touched {
                e.3 += 1;
            }
        }
        let expected: Vec<(String, i64, String, String, i64)> = per
            .into_iter()
            .map(|(c, (n, sum, w, rot))| (c.to_string(), n, money(sum), money(percent(w)), rot))
            .collect();
        let got: Vec<(String, i64, String, String, i64)> = st
            .currencies
            .iter()
            .map(|c| (c.currency.clone(), c.count, c.amount.to_string(), c.weighted_amount.to_string(), c.rotting))
            .collect();
        assert_eq!(got, expected, "{}", st.stage);
        assert_eq!(st.count, here.len() as i64);
    }
    let qualification = summary.stages.iter().find(|s| s.stage == "Qualification").expect("stage");
    assert_eq!((qualification.count, qualification.rotting), (2, 1), "the touched deal is not rotting");

    let board = u.pipeline_board(&PipelineParams { per_stage: Some(2), ..Default::default() }).await.expect("board");
    let columns: Vec<(&str, usize)> = board.0.iter().map(|(s, d)| (s.as_str(), d.len())).collect();
    let full = |name: &str| live.iter().filter(|d| stage(now_in(d).0).1 == name).count().min(2);
    let expected: Vec<(&str, usize)> = names.iter().map(|n| (*n, full(n))).collect();
    assert_eq!(columns, expected);
    // A column continues after its last deal.
    let prospects = &board.0[0].1;
    let next = u
        .pipeline_board(&PipelineParams {
            stage: Some("prospect".into()),
            after: prospects.last().map(|d| d.id),
            per_stage: Some(50),
            ..Default::default()
        })
        .await
        .expect("next");
    let all_prospects = live.iter().filter(|d| now_in(d).0 == "Prospect").count();
    assert_eq!(next.0.len(), 1);
    assert_eq!(next.0[0].1.len() + prospects.len(), all_prospects);
    assert!(next.0[0].1.iter().all(|d| d.id > prospects[1].id));
    // The JSON keeps the stages in order.
    let raw =
        u.request(reqwest::Method::GET, "/api/crm/pipeline").send().await.expect("get").text().await.expect("text");
    let at = |s: &str| raw.find(&format!("\"{s}\":[")).expect("stage key");
    assert!(at("Prospect") < at("Negotiation") && at("Negotiation") < at("Qualification"));
    assert!(at("Qualification") < at("Quote") && at("Quote") < at("Closed-Won"));
}

async fn an_empty_account_has_nulls_not_zeros(b: Backend) {
    let s = TestServer::start(b).await;
    let u = s.user("empty").await;
    let dash = u.dashboard(&DashboardParams::default()).await.expect("dashboard");
    assert_eq!((dash.total_contacts, dash.open_opportunities, dash.deals_won), (0, 0, 0));
    assert_eq!(dash.pipeline_value, None);
    assert_eq!(dash.win_rate, None);
    assert_eq!(dash.average_deal_size, None);
    assert_eq!(dash.sales_cycle_days, None);
    assert_eq!(dash.funnel.len(), 4);
    assert!(dash.funnel.iter().all(|f| f.count == 0 && f.share.is_none()), "{:?}", dash.funnel);
    assert!(dash.by_stage.iter().all(|s| s.count == 0 && s.amounts.is_empty()));
    assert!(dash.forecast.months.iter().all(|m| m.currencies.is_empty()));
    let today = Utc::now().date_naive();
    assert_eq!(dash.from, month_start(today, 0));
    assert_eq!(dash.to, month_start(today, 1) - Days::new(1));
    assert!(dash.activity_timeline.iter().all(|d| d.call + d.email + d.meeting + d.task + d.note == 0));
    let summary = u.pipeline_summary(None).await.expect("summary");
    assert!(summary.stages.iter().all(|s| s.count == 0 && s.currencies.is_empty()));
    let board = u.pipeline_board(&PipelineParams::default()).await.expect("board");
    assert_eq!(board.0.len(), 6);
    assert!(board.0.iter().all(|(_, d)| d.is_empty()));
}

async fn bad_figure_queries_name_the_field(b: Backend) {
    let s = TestServer::start(b).await;
    let u = s.user("bad").await;
    let other = s.user("other").await;
    let theirs = other.list_pipelines().await.expect("pipelines")[0].id;
    for (path, status, field) in [
        ("/api/crm/dashboard?from=2026-03-10&to=2026-03-09".to_string(), 400, "to"),
        ("/api/crm/dashboard?from=2020-01-01&to=2026-01-01".to_string(), 400, "to"),
        ("/api/crm/dashboard?from=2026-02-30".to_string(), 400, "from"),
        (format!("/api/crm/dashboard?pipeline_id={theirs}"), 404, "pipeline_id"),
        ("/api/crm/forecast?months=0".to_string(), 400, "months"),
        ("/api/crm/forecast?months=37".to_string(), 400, "months"),
        ("/api/crm/pipeline?per_stage=0".to_string(), 400, "per_stage"),
        ("/api/crm/pipeline?after=0".to_string(), 400, "after"),
        ("/api/crm/pipeline?stage=Nowhere".to_string(), 404, "stage"),
        ("/api/crm/pipeline?view=columns".to_string(), 400, "view"),
        (format!("/api/crm/pipeline?pipeline_id={theirs}"), 404, "pipeline_id"),
    ] {
        let resp = u.request(reqwest::Method::GET, &path).send().await.expect("get");
        let got = resp.status().as_u16();
        let problem: Value = resp.json().await.expect("problem");
        assert_eq!((got, problem["errors"][0]["field"].as_str()), (status, Some(field)), "{path}: {problem}");
    }
}
