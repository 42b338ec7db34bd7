//! Screens driven by key events: the state they reach and the requests they make.

use std::time::{Duration, Instant};

use crm_api::dashboard::Widget;
use crm_tui::keys::Action;
use crm_tui::request::Request;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::fixtures::{Fake, app_on, pump, today};

fn key(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
}

fn code(c: KeyCode) -> KeyEvent {
    KeyEvent::new(c, KeyModifiers::NONE)
}

fn press(app: &mut crm_tui::app::App, keys: &str) {
    for c in keys.chars() {
        app.on_key(key(c), Instant::now());
    }
}

fn stage_of(app: &crm_tui::app::App, id: i64) -> Option<String> {
    app.pipeline.columns.iter().find(|c| c.deals.iter().any(|d| d.id == id)).map(|c| c.name.clone())
}

#[test]
fn tab_shift_tab_and_digits_switch_screens_and_q_quits() {
    let mut fake = Fake::new();
    let mut app = app_on(0, &mut fake);
    app.on_key(code(KeyCode::Tab), Instant::now());
    assert_eq!(app.current, 1);
    app.on_key(code(KeyCode::BackTab), Instant::now());
    app.on_key(code(KeyCode::BackTab), Instant::now());
    assert_eq!(app.current, 3);
    press(&mut app, "3");
    assert_eq!(app.current, 2);
    // Opening a screen loads it.
    assert!(app.outbox.iter().any(|(_, r)| *r == Request::Queue), "{:?}", app.outbox);
    press(&mut app, "q");
    assert!(app.quit);
}

#[test]
fn l_moves_the_deal_to_the_next_stage_at_once_and_asks_the_server() {
    let mut fake = Fake::new();
    let mut app = app_on(1, &mut fake);
    assert_eq!(app.pipeline.selected_deal().map(|d| d.id), Some(1));
    press(&mut app, "L");
    // Shown moved before any answer, with the request carrying the version it was read at.
    assert_eq!(stage_of(&app, 1).as_deref(), Some("Qualification"));
    assert_eq!(app.outbox.last().map(|(_, r)| r.clone()), Some(Request::MoveDeal { id: 1, stage_id: 2, version: 1 }));
    pump(&mut app, &mut fake);
    assert_eq!(stage_of(&app, 1).as_deref(), Some("Qualification"));
    // The selection followed the card: H takes it back.
    press(&mut app, "H");
    pump(&mut app, &mut fake);
    assert_eq!(stage_of(&app, 1).as_deref(), Some("Prospect"));
}

#[test]
fn a_second_move_waits_for_the_first_and_goes_with_the_new_version() {
    let mut fake = Fake::new();
    let mut app = app_on(1, &mut fake);
    press(&mut app, ">>");
    assert_eq!(stage_of(&app, 1).as_deref(), Some("Proposal"));
    let moves: Vec<_> = app.outbox.iter().filter(|(_, r)| matches!(r, Request::MoveDeal { .. })).collect();
    assert_eq!(moves.len(), 1, "one move in flight at a time: {moves:?}");
    pump(&mut app, &mut fake);
    let sent: Vec<&Request> = fake.requests.iter().filter(|r| matches!(r, Request::MoveDeal { .. })).collect();
    assert_eq!(
        sent,
        vec![
            &Request::MoveDeal { id: 1, stage_id: 2, version: 1 },
            &Request::MoveDeal { id: 1, stage_id: 3, version: 2 }
        ]
    );
    assert_eq!(stage_of(&app, 1).as_deref(), Some("Proposal"));
}

#[test]
fn a_move_the_server_refuses_is_rolled_back_with_the_reason() {
    let mut fake = Fake::new();
    let mut app = app_on(1, &mut fake);
    fake.stale_move = true;
    press(&mut app, "L");
    pump(&mut app, &mut fake);
    assert_eq!(stage_of(&app, 1).as_deref(), Some("Prospect"));
    let message = app.message.clone().expect("a message");
    assert!(message.error && message.text.contains("stale version"), "{message:?}");
}

#[test]
fn a_column_loads_more_deals_as_the_selection_nears_its_end() {
    let mut fake = Fake::new();
    let mut app = app_on(1, &mut fake);
    let first = &app.pipeline.columns[0];
    assert_eq!((first.deals.len(), first.count), (50, 72));
    press(&mut app, "G");
    assert!(
        app.outbox.iter().any(|(_, r)| matches!(r, Request::Column { stage, after: 57, .. } if stage == "Prospect")),
        "{:?}",
        app.outbox
    );
    pump(&mut app, &mut fake);
    assert_eq!(app.pipeline.columns[0].deals.len(), 72);
}

#[test]
fn a_reload_keeps_a_scrolled_column_and_its_selection() {
    let mut fake = Fake::new();
    let mut app = app_on(1, &mut fake);
    press(&mut app, "G");
    pump(&mut app, &mut fake);
    press(&mut app, "G");
    let chosen = app.pipeline.selected_deal().map(|d| d.id);
    assert_eq!(chosen, Some(79));
    // Left open: it reloads by itself, as many deals a column as it shows.
    app.tick(Instant::now() + Duration::from_secs(9));
    assert!(app.outbox.iter().any(|(_, r)| *r == Request::Board { per_stage: 72 }), "{:?}", app.outbox);
    pump(&mut app, &mut fake);
    assert_eq!(app.pipeline.columns[0].deals.len(), 72);
    assert_eq!(app.pipeline.selected_deal().map(|d| d.id), chosen);
}

#[test]
fn a_board_reload_during_a_move_keeps_the_card_where_it_was_moved() {
    let mut fake = Fake::new();
    let mut app = app_on(1, &mut fake);
    press(&mut app, "L");
    let moves: Vec<_> = std::mem::take(&mut app.outbox);
    press(&mut app, "r");
    pump(&mut app, &mut fake);
    assert_eq!(stage_of(&app, 1).as_deref(), Some("Qualification"), "the reload put the card back");
    app.outbox = moves;
    pump(&mut app, &mut fake);
    assert_eq!(stage_of(&app, 1).as_deref(), Some("Qualification"));
}

#[test]
fn x_completes_and_s_snoozes_the_selected_activity_to_tomorrow() {
    let mut fake = Fake::new();
    let mut app = app_on(2, &mut fake);
    press(&mut app, "x");
    assert_eq!(app.outbox.last().map(|(_, r)| r.clone()), Some(Request::Complete { id: 1 }));
    pump(&mut app, &mut fake);
    press(&mut app, "js");
    let tomorrow = today().succ_opt().expect("tomorrow");
    assert_eq!(app.outbox.last().map(|(_, r)| r.clone()), Some(Request::Snooze { id: 2, until: tomorrow }));
    pump(&mut app, &mut fake);
    assert!(app.message.as_ref().is_some_and(|m| m.text.contains("snoozed")), "{:?}", app.message);
}

#[test]
fn n_logs_an_activity_from_a_form() {
    let mut fake = Fake::new();
    let mut app = app_on(2, &mut fake);
    press(&mut app, "n");
    assert!(app.activities.form.is_some());
    app.on_key(KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL), Instant::now());
    let Some((_, Request::LogActivity(body))) = app.outbox.last().cloned() else { panic!("{:?}", app.outbox) };
    assert_eq!(body.get("due_date"), Some(&serde_json::json!(today().to_string())));
    assert_eq!(body.get("type"), Some(&serde_json::json!("Call")));
    pump(&mut app, &mut fake);
    assert!(app.activities.form.is_none());
}

#[test]
fn typing_a_search_asks_once_after_a_pause_splitting_filters_from_text() {
    let mut fake = Fake::new();
    let mut app = app_on(3, &mut fake);
    let t0 = Instant::now();
    app.on_key(key('/'), t0);
    for c in "ada status[eq]:Lead".chars() {
        app.on_key(key(c), t0);
    }
    // Keys a text field holds are not commands.
    assert_eq!(app.current, 3);
    assert!(!app.outbox.iter().any(|(_, r)| matches!(r, Request::Contacts { .. })), "{:?}", app.outbox);
    app.tick(t0 + Duration::from_millis(100));
    assert!(!app.outbox.iter().any(|(_, r)| matches!(r, Request::Contacts { .. })));
    app.tick(t0 + Duration::from_millis(300));
    let searches: Vec<_> = app.outbox.iter().filter(|(_, r)| matches!(r, Request::Contacts { .. })).collect();
    assert_eq!(
        searches.iter().map(|(_, r)| r.clone()).collect::<Vec<_>>(),
        vec![Request::Contacts { q: Some("ada".into()), filter: Some("status[eq]:Lead".into()) }]
    );
}

#[test]
fn an_edit_sends_only_the_changed_fields_with_the_version_read() {
    let mut fake = Fake::new();
    let mut app = app_on(3, &mut fake);
    press(&mut app, "e");
    app.on_key(code(KeyCode::Tab), Instant::now());
    app.on_key(KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL), Instant::now());
    press(&mut app, "nope");
    app.on_key(code(KeyCode::Enter), Instant::now());
    pump(&mut app, &mut fake);
    let form = app.contacts.form.as_ref().expect("the form stays open");
    let email = form.fields.iter().find(|f| f.info.name == "email").expect("an email field");
    assert_eq!(email.error.as_deref(), Some("must be an e-mail address like name@example.com"));
    app.on_key(KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL), Instant::now());
    press(&mut app, "ada@engines.org");
    app.on_key(KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL), Instant::now());
    let Some((_, Request::UpdateContact { id, body, version })) = app.outbox.last().cloned() else {
        panic!("{:?}", app.outbox)
    };
    assert_eq!((id, version), (1, 2));
    assert_eq!(serde_json::Value::Object(body), serde_json::json!({ "email": "ada@engines.org" }));
    pump(&mut app, &mut fake);
    assert!(app.contacts.form.is_none());
}

#[test]
fn d_asks_before_deleting_and_u_restores() {
    let mut fake = Fake::new();
    let mut app = app_on(3, &mut fake);
    press(&mut app, "dn");
    assert!(!fake.requests.iter().any(|r| matches!(r, Request::DeleteContact { .. })));
    assert!(!app.outbox.iter().any(|(_, r)| matches!(r, Request::DeleteContact { .. })));
    press(&mut app, "dy");
    assert_eq!(app.outbox.last().map(|(_, r)| r.clone()), Some(Request::DeleteContact { id: 1, version: 2 }));
    pump(&mut app, &mut fake);
    press(&mut app, "u");
    assert_eq!(app.outbox.last().map(|(_, r)| r.clone()), Some(Request::RestoreContact { id: 1 }));
    pump(&mut app, &mut fake);
    assert!(app.contacts.deleted.is_empty());
}

#[test]
fn the_layout_editor_adds_reorders_removes_and_saves_with_the_version() {
    let mut fake = Fake::new();
    let mut app = app_on(0, &mut fake);
    // Every widget is shown: one removed, then moved about, then saved.
    press(&mut app, "e");
    press(&mut app, "d");
    press(&mut app, "jK");
    press(&mut app, "p");
    press(&mut app, "s");
    let Some((_, Request::SaveLayout { layout, version })) = app.outbox.last().cloned() else {
        panic!("{:?}", app.outbox)
    };
    assert_eq!(version, 3);
    assert_eq!(layout.period.as_str(), "last_month");
    assert_eq!(&layout.widgets[..2], &[Widget::PipelineValue, Widget::OpenOpportunities]);
    assert_eq!(layout.widgets.len(), Widget::ALL.len() - 1);
    pump(&mut app, &mut fake);
    assert!(app.dashboard.draft.is_none());
    assert_eq!(app.dashboard.layout.as_ref().map(|l| l.version), Some(4));
    // And a widget added back.
    press(&mut app, "ea");
    assert_eq!(app.dashboard.draft.as_ref().map(|d| d.widgets.len()), Some(Widget::ALL.len()));
}

#[test]
fn the_palette_runs_an_action_of_another_screen_there() {
    let mut fake = Fake::new();
    let mut app = app_on(1, &mut fake);
    press(&mut app, ":");
    press(&mut app, "new contact");
    app.on_key(code(KeyCode::Enter), Instant::now());
    assert_eq!(app.current, 3);
    assert!(app.contacts.form.is_some());
}

#[test]
fn the_palette_ranks_the_action_spelled_out_first() {
    let mut p = crm_tui::widgets::palette::Palette::new(1);
    for c in "add a widget".chars() {
        p.on_key(&key(c));
    }
    let first = p.entries().next().expect("a match");
    assert_eq!((first.screen, first.action), (Some(0), Action::AddWidget), "{first:?}");
}

#[test]
fn an_action_of_no_use_here_says_so() {
    let mut fake = Fake::new();
    let mut app = app_on(1, &mut fake);
    app.act(Action::AddWidget, Instant::now());
    let m = app.message.clone().expect("a message");
    assert!(m.error && m.text.contains("not available here"), "{m:?}");
}

#[test]
fn searches_keep_quoted_values_and_groups_whole() {
    use crm_tui::screens::contacts::split_query;
    assert_eq!(
        split_query(r#"ada company[eq]:"US Navy" or(rating[gte]:4, status[eq]:Lead) lovelace"#),
        (Some("ada lovelace".into()), Some(r#"company[eq]:"US Navy",or(rating[gte]:4, status[eq]:Lead)"#.into()))
    );
    assert_eq!(split_query("  "), (None, None));
}

#[test]
fn a_form_sent_twice_while_saving_is_sent_once() {
    let mut fake = Fake::new();
    let mut app = app_on(3, &mut fake);
    press(&mut app, "n");
    press(&mut app, "Ada Two");
    app.on_key(code(KeyCode::Enter), Instant::now());
    app.on_key(code(KeyCode::Enter), Instant::now());
    app.on_key(KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL), Instant::now());
    let creates = app.outbox.iter().filter(|(_, r)| matches!(r, Request::CreateContact(_))).count();
    assert_eq!(creates, 1);
}

#[test]
fn a_value_outside_its_choices_is_named_beside_its_field_before_sending() {
    let mut fake = Fake::new();
    let mut app = app_on(3, &mut fake);
    press(&mut app, "n");
    press(&mut app, "Ada");
    // name, email, phone, company, job_title, status
    for _ in 0..5 {
        app.on_key(code(KeyCode::Tab), Instant::now());
    }
    press(&mut app, "boss");
    app.on_key(code(KeyCode::Enter), Instant::now());
    assert!(!app.outbox.iter().any(|(_, r)| matches!(r, Request::CreateContact(_))));
    let form = app.contacts.form.as_ref().expect("the form");
    let status = form.fields.iter().find(|f| f.info.name == "status").expect("a status field");
    assert!(status.error.as_deref().is_some_and(|e| e.starts_with("one of: Lead")), "{:?}", status.error);
}

#[test]
fn a_snooze_moves_an_activity_later_never_earlier() {
    let mut fake = Fake::new();
    let mut app = app_on(2, &mut fake);
    let tomorrow = today().succ_opt().expect("tomorrow");
    // Overdue: to tomorrow. Due in three days: to the day after.
    press(&mut app, "s");
    assert_eq!(app.outbox.last().map(|(_, r)| r.clone()), Some(Request::Snooze { id: 1, until: tomorrow }));
    press(&mut app, "G");
    press(&mut app, "s");
    let later = chrono::NaiveDate::from_ymd_opt(2026, 12, 5).expect("a date");
    assert_eq!(app.outbox.last().map(|(_, r)| r.clone()), Some(Request::Snooze { id: 4, until: later }));
}

#[test]
fn a_refused_token_is_told_as_a_login_to_renew() {
    use crm_tui::request::{Failure, FailureKind};
    let problem: crm_api::Problem = serde_json::from_value(serde_json::json!({
        "type": "about:blank", "title": "Unauthorized", "status": 401, "detail": "the token has expired"
    }))
    .expect("a problem");
    let f = Failure::from(crm_api::client::ClientError::Api(problem));
    assert_eq!(f.kind, FailureKind::Unauthorized);
}

#[test]
fn very_wide_and_very_small_terminals_draw_without_panicking() {
    let mut fake = Fake::new();
    for screen in 0..4 {
        let mut app = app_on(screen, &mut fake);
        press(&mut app, "?");
        for (w, h) in [(1000, 60), (20, 5), (1, 1)] {
            crate::fixtures::screen(&app, w, h);
        }
        press(&mut app, "x");
        press(&mut app, ":");
        crate::fixtures::screen(&app, 1000, 60);
    }
    let mut app = app_on(3, &mut fake);
    press(&mut app, "n");
    crate::fixtures::screen(&app, 1000, 60);
}

#[test]
fn an_expired_token_says_to_log_in_again() {
    use crm_tui::request::{Answer, Failure, FailureKind, Reply};
    let mut fake = Fake::new();
    let mut app = app_on(1, &mut fake);
    press(&mut app, "r");
    let (ticket, _) = app.outbox.pop().expect("a reload");
    let f = Failure { kind: FailureKind::Unauthorized, message: "the token has expired".into(), fields: vec![] };
    app.on_reply(Reply { ticket, answer: Answer::Board(Err(f)) }, Instant::now());
    assert!(app.banner.as_ref().is_some_and(|b| b.text.contains("crm login")), "{:?}", app.banner);
    // What was loaded stays.
    assert_eq!(app.pipeline.columns.len(), 4);
}
