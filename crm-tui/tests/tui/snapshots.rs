//! Each screen, the help overlay, the palette and a form in error, drawn from the fixture at
//! 80x24 and 160x48 without colour.

use std::time::Instant;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use insta::assert_snapshot;

use crate::fixtures::{Fake, app_on, pump, screen};

fn key(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
}

fn both_sizes(name: &str, app: &crm_tui::app::App) {
    assert_snapshot!(format!("{name}_80x24"), screen(app, 80, 24));
    assert_snapshot!(format!("{name}_160x48"), screen(app, 160, 48));
}

#[test]
fn dashboard_shows_the_saved_layout() {
    let app = app_on(0, &mut Fake::new());
    both_sizes("dashboard", &app);
}

#[test]
fn pipeline_shows_a_column_per_stage_with_its_totals_and_cards() {
    let app = app_on(1, &mut Fake::new());
    both_sizes("pipeline", &app);
}

#[test]
fn an_opened_deal_shows_its_history_next_steps_and_activities() {
    let mut fake = Fake::new();
    let mut app = app_on(1, &mut fake);
    app.on_key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE), Instant::now());
    pump(&mut app, &mut fake);
    both_sizes("deal", &app);
}

#[test]
fn activities_show_the_queue_by_section() {
    let app = app_on(2, &mut Fake::new());
    both_sizes("activities", &app);
}

#[test]
fn contacts_show_the_list_and_the_selected_contact_with_its_timeline() {
    let mut fake = Fake::new();
    let mut app = app_on(3, &mut fake);
    // The timeline follows the selection after a short pause.
    app.tick(Instant::now() + std::time::Duration::from_secs(1));
    pump(&mut app, &mut fake);
    both_sizes("contacts", &app);
}

#[test]
fn help_lists_the_keys_of_the_screen_and_the_global_ones() {
    let mut app = app_on(1, &mut Fake::new());
    app.on_key(key('?'), Instant::now());
    both_sizes("help_pipeline", &app);
}

#[test]
fn the_palette_finds_actions_by_fuzzy_matching() {
    let mut app = app_on(1, &mut Fake::new());
    app.on_key(key(':'), Instant::now());
    for c in "mvnxt".chars() {
        app.on_key(key(c), Instant::now());
    }
    both_sizes("palette", &app);
}

#[test]
fn a_form_shows_the_servers_field_errors_beside_the_fields() {
    let mut fake = Fake::new();
    let mut app = app_on(3, &mut fake);
    app.on_key(key('e'), Instant::now());
    app.on_key(KeyEvent::new(KeyCode::Tab, KeyModifiers::NONE), Instant::now());
    app.on_key(KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL), Instant::now());
    for c in "nope".chars() {
        app.on_key(key(c), Instant::now());
    }
    app.on_key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE), Instant::now());
    pump(&mut app, &mut fake);
    both_sizes("contact_form_error", &app);
}

#[test]
fn an_unreachable_server_shows_a_banner_and_keeps_what_was_loaded() {
    let mut fake = Fake::new();
    let mut app = app_on(1, &mut fake);
    fake.offline = true;
    app.on_key(key('r'), Instant::now());
    pump(&mut app, &mut fake);
    assert_snapshot!("pipeline_offline_80x24", screen(&app, 80, 24));
}
