//! Fixed data and a stand-in that answers the screens' requests from it, so that a screen can
//! be drawn and driven without a server (the end-to-end test runs the real one).

use std::time::Instant;

use chrono::NaiveDate;
use crm_tui::app::App;
use crm_tui::request::{Answer, Failure, FailureKind, Reply, Request};
use crm_tui::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use serde_json::{Value, json};

pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 1).expect("a date")
}

fn from<T: serde::de::DeserializeOwned>(v: Value) -> T {
    serde_json::from_value(v).expect("fixture matches the wire type")
}

pub fn deal(id: i64, name: &str, amount: &str, stage: (i64, &str), contact: Option<i64>, entered: &str) -> Value {
    json!({
        "id": id, "name": name, "amount": amount, "currency": "USD", "stage": stage.1, "stage_id": stage.0,
        "pipeline_id": 1, "probability": 10 * stage.0, "close_date": "2026-12-20", "contact_id": contact,
        "next_steps": "Send the contract", "stage_entered_at": entered, "version": id,
        "created_at": "2019-06-01T09:00:00Z", "updated_at": "2026-11-01T09:00:00Z"
    })
}

pub const STAGES: [(i64, &str, &str); 4] =
    [(1, "Prospect", "open"), (2, "Qualification", "open"), (3, "Proposal", "open"), (4, "Closed-Won", "won")];

/// Answers the TUI's requests as a server holding the fixture would, and records them.
pub struct Fake {
    pub deals: Vec<Value>,
    pub requests: Vec<Request>,
    /// The next move is refused as a stale version.
    pub stale_move: bool,
    /// Every request fails as if the server were down.
    pub offline: bool,
}

impl Fake {
    pub fn new() -> Fake {
        let mut deals = vec![
            deal(1, "Acme renewal", "12000.00", (1, "Prospect"), Some(1), "2099-01-01T00:00:00Z"),
            deal(2, "Globex pilot", "3500.50", (1, "Prospect"), Some(2), "2020-01-01T00:00:00Z"),
            deal(3, "Initech seats", "800.00", (2, "Qualification"), None, "2099-01-01T00:00:00Z"),
            deal(4, "Umbrella audit", "45000.00", (3, "Proposal"), Some(1), "2099-01-01T00:00:00Z"),
        ];
        // A long first column, to scroll.
        for id in 10..80 {
            deals.push(deal(id, &format!("Lead {id}"), "100.00", (1, "Prospect"), None, "2099-01-01T00:00:00Z"));
        }
        Fake { deals, requests: Vec::new(), stale_move: false, offline: false }
    }

    fn board(&self, per_stage: usize) -> (Value, Value) {
        let mut board = serde_json::Map::new();
        let mut stages = Vec::new();
        for (i, (id, name, kind)) in STAGES.iter().enumerate() {
            let deals: Vec<&Value> = self.deals.iter().filter(|d| d["stage_id"] == json!(id)).collect();
            board.insert(name.to_string(), json!(deals.iter().take(per_stage).collect::<Vec<_>>()));
            let total: f64 = deals.iter().filter_map(|d| d["amount"].as_str()?.parse::<f64>().ok()).sum();
            stages.push(json!({
                "stage_id": id, "stage": name, "position": i, "kind": kind, "probability": 10 * id,
                "rotting_days": 30, "count": deals.len(), "rotting": 0,
                "currencies": if deals.is_empty() { json!([]) } else { json!([{
                    "currency": "USD", "count": deals.len(), "amount": format!("{total:.2}"),
                    "weighted_amount": format!("{:.2}", total * 0.1 * *id as f64), "rotting": 0
                }]) }
            }));
        }
        (Value::Object(board), json!({ "pipeline_id": 1, "stages": stages }))
    }

    pub fn answer(&mut self, r: &Request) -> Answer {
        if self.offline {
            let f = Failure {
                kind: FailureKind::Offline,
                message: "cannot reach the server: connection refused".into(),
                fields: vec![],
            };
            return offline_answer(r, f);
        }
        match r {
            Request::Board { per_stage } => {
                let (b, s) = self.board(*per_stage as usize);
                Answer::Board(Ok((from(b), from(s))))
            }
            Request::Column { stage, after, per_stage } => {
                let deals: Vec<Value> = self
                    .deals
                    .iter()
                    .filter(|d| d["stage"] == json!(stage) && d["id"].as_i64().is_some_and(|i| i > *after))
                    .take(*per_stage as usize)
                    .cloned()
                    .collect();
                Answer::Column { stage: stage.clone(), deals: Ok(from(json!(deals))) }
            }
            Request::MoveDeal { id, stage_id, version } => {
                if std::mem::take(&mut self.stale_move) {
                    return Answer::Moved {
                        id: *id,
                        deal: Err(Failure {
                            kind: FailureKind::Stale,
                            message: "changed elsewhere since it was loaded (stale version): deal 1 is at version 9"
                                .into(),
                            fields: vec![],
                        }),
                    };
                }
                let name = STAGES.iter().find(|s| s.0 == *stage_id).map(|s| s.1).unwrap_or("?");
                let d = self.deals.iter_mut().find(|d| d["id"] == json!(id)).expect("a fixture deal");
                d["stage_id"] = json!(stage_id);
                d["stage"] = json!(name);
                d["version"] = json!(version + 1);
                Answer::Moved { id: *id, deal: Ok(from(d.clone())) }
            }
            Request::Deal { id } => {
                let deal = self.deals.iter().find(|d| d["id"] == json!(id)).cloned().expect("a fixture deal");
                Answer::Deal(Ok(Box::new(crm_tui::request::DealDetail {
                    deal: from(deal),
                    history: from(json!([
                        { "id": 1, "deal_id": id, "to_stage": "Prospect", "to_stage_id": 1, "changed_at": "2026-11-01T09:00:00Z" }
                    ])),
                    activities: from(json!([activity(7, "call", "High", "2026-11-30", "Call about the renewal")])),
                })))
            }
            Request::ContactNames { ids } => Answer::ContactNames(Ok(ids
                .iter()
                .filter_map(|id| match id {
                    1 => Some((1, "Ada Lovelace".to_string())),
                    2 => Some((2, "Grace Hopper".to_string())),
                    _ => None,
                })
                .collect())),
            Request::Queue => Answer::Queue(Ok(from(json!({
                "date": "2026-12-01", "tz": "UTC",
                "overdue": [activity(1, "call", "Urgent", "2026-11-28", "Call Ada back")],
                "today": [activity(2, "email", "Normal", "2026-12-01", "Send the proposal"),
                          activity(3, "task", "Low", "2026-12-01", "Tidy the notes")],
                "upcoming": [activity(4, "meeting", "High", "2026-12-04", "Demo at Globex")],
                "has_more": { "overdue": false, "today": false, "upcoming": false }
            })))),
            Request::Complete { id } | Request::Snooze { id, .. } => {
                let a = from(activity(*id, "call", "Normal", "2026-12-02", "done"));
                match r {
                    Request::Complete { .. } => Answer::Completed { id: *id, activity: Ok(a) },
                    _ => Answer::Snoozed { id: *id, activity: Ok(a) },
                }
            }
            Request::LogActivity(_) => Answer::Logged(Ok(from(activity(9, "call", "Normal", "2026-12-01", "logged")))),
            Request::Contacts { .. } => Answer::Contacts(Ok(from(json!({
                "data": [contact(1, "Ada Lovelace", "ada@example.com", "Analytical Engines"),
                         contact(2, "Grace Hopper", "grace@example.com", "US Navy")],
                "next_cursor": null, "total": 2
            })))),
            Request::Timeline { id } => Answer::Timeline {
                id: *id,
                items: Ok(from(json!([
                    { "at": "2026-11-30T10:00:00Z", "kind": "activity", "entity": "activities", "entity_id": 1,
                      "summary": "Call: Call Ada back", "detail": {} },
                    { "at": "2026-11-01T09:00:00Z", "kind": "created", "entity": "contacts", "entity_id": id,
                      "summary": "Contact created", "detail": {} }
                ]))),
            },
            Request::CreateContact(body) | Request::UpdateContact { body, .. } => {
                let email = body.get("email").and_then(Value::as_str).unwrap_or("ada@example.com");
                if !email.contains('@') {
                    return Answer::ContactSaved(Err(Failure {
                        kind: FailureKind::Refused,
                        message: "the request has invalid fields".into(),
                        fields: vec![crm_api::FieldError::new(
                            "email",
                            "must be an e-mail address like name@example.com",
                        )],
                    }));
                }
                Answer::ContactSaved(Ok(from(contact(1, "Ada Lovelace", email, "Analytical Engines"))))
            }
            Request::DeleteContact { id, .. } => Answer::ContactDeleted { id: *id, done: Ok(()) },
            Request::RestoreContact { id } => {
                Answer::ContactRestored(Ok(from(contact(*id, "Ada Lovelace", "ada@example.com", "Analytical Engines"))))
            }
            Request::Layout => Answer::Layout(Ok(from(json!({
                "period": "this_month", "version": 3, "updated_at": "2026-11-20T08:00:00Z",
                "widgets": ["total_contacts", "open_opportunities", "pipeline_value", "deals_won", "win_rate",
                            "average_deal_size", "sales_cycle_days", "by_stage", "forecast", "funnel", "activity_timeline"]
            })))),
            Request::SaveLayout { layout, version } => Answer::LayoutSaved(Ok(from(json!({
                "period": layout.period, "widgets": layout.widgets, "version": version + 1,
                "updated_at": "2026-12-01T08:00:00Z"
            })))),
            Request::Dashboard(_) => Answer::Dashboard(Ok(from(dashboard()))),
        }
    }
}

fn offline_answer(r: &Request, f: Failure) -> Answer {
    match r {
        Request::Board { .. } => Answer::Board(Err(f)),
        Request::Queue => Answer::Queue(Err(f)),
        Request::Contacts { .. } => Answer::Contacts(Err(f)),
        Request::Layout => Answer::Layout(Err(f)),
        Request::Dashboard(_) => Answer::Dashboard(Err(f)),
        Request::Timeline { id } => Answer::Timeline { id: *id, items: Err(f) },
        Request::ContactNames { .. } => Answer::ContactNames(Err(f)),
        other => panic!("no offline answer for {other:?}"),
    }
}

pub fn activity(id: i64, kind: &str, priority: &str, due: &str, what: &str) -> Value {
    json!({
        "id": id, "type": kind, "priority": priority, "description": what, "due_date": due,
        "contact_id": 1, "completed": false, "version": 1,
        "created_at": "2026-11-01T09:00:00Z", "updated_at": "2026-11-01T09:00:00Z"
    })
}

pub fn contact(id: i64, name: &str, email: &str, company: &str) -> Value {
    json!({
        "id": id, "name": name, "email": email, "phone": "+1 555 0100", "company": company,
        "job_title": "Founder", "status": "Lead", "source": "referral", "notes": null, "rating": 5,
        "version": 2, "created_at": "2026-11-01T09:00:00Z", "updated_at": "2026-11-01T09:00:00Z"
    })
}

fn dashboard() -> Value {
    let usd = |a: &str| json!([{ "currency": "USD", "amount": a }]);
    json!({
        "from": "2026-12-01", "to": "2026-12-31", "pipeline_id": 1,
        "total_contacts": 1284, "open_opportunities": 37, "pipeline_value": usd("412500.00"),
        "deals_won": 9, "win_rate": 0.6, "average_deal_size": usd("18250.00"), "sales_cycle_days": 23.5,
        "funnel": [
            { "stage_id": 1, "stage": "Prospect", "count": 40, "share": 1.0 },
            { "stage_id": 2, "stage": "Qualification", "count": 22, "share": 0.55 },
            { "stage_id": 3, "stage": "Proposal", "count": 11, "share": 0.275 }
        ],
        "by_stage": [
            { "stage_id": 1, "stage": "Prospect", "count": 18, "amounts": usd("90000.00") },
            { "stage_id": 2, "stage": "Qualification", "count": 11, "amounts": usd("120000.00") },
            { "stage_id": 3, "stage": "Proposal", "count": 8, "amounts": usd("202500.00") }
        ],
        "forecast": { "months": [
            { "month": "2026-12", "currencies": [{ "currency": "USD", "won": "54000.00", "weighted": "61250.00", "best_case": "150000.00", "count": 12 }] },
            { "month": "2027-01", "currencies": [{ "currency": "USD", "won": "0.00", "weighted": "22000.00", "best_case": "80000.00", "count": 5 }] },
            { "month": "2027-02", "currencies": [] }
        ] },
        "activity_timeline": (1..=10).map(|d| json!({
            "date": format!("2026-12-{d:02}"), "Call": d % 4, "Email": d % 3, "Meeting": 1, "Task": 0, "Note": d % 2
        })).collect::<Vec<_>>()
    })
}

/// An app without colour on `screen`, loaded from the fixture.
pub fn app_on(screen: usize, fake: &mut Fake) -> App {
    let mut app = App::new(Theme { color: false }, today());
    app.start(screen, Instant::now());
    pump(&mut app, fake);
    app
}

/// Answers every request the app has queued (and those the answers queue).
pub fn pump(app: &mut App, fake: &mut Fake) {
    while !app.outbox.is_empty() {
        for (ticket, request) in std::mem::take(&mut app.outbox) {
            let answer = fake.answer(&request);
            fake.requests.push(request);
            app.on_reply(Reply { ticket, answer }, Instant::now());
        }
    }
}

/// The screen as text.
pub fn screen(app: &App, width: u16, height: u16) -> String {
    let mut t = Terminal::new(TestBackend::new(width, height)).expect("a test terminal");
    t.draw(|f| app.draw(f)).expect("drawn");
    let buf = t.backend().buffer().clone();
    (0..height)
        .map(|y| (0..width).map(|x| buf[(x, y)].symbol().to_string()).collect::<String>().trim_end().to_string())
        .collect::<Vec<_>>()
        .join("\n")
}
