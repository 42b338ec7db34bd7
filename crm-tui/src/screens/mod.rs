//! The four screens. Each is a component: it turns keys into changes of its own state and into
//! requests, takes the replies meant for it, and draws itself into a `Rect`.

pub mod activities;
pub mod contacts;
pub mod dashboard;
pub mod pipeline;

use std::time::Instant;

use chrono::NaiveDate;
use crossterm::event::KeyEvent;
use ratatui::Frame;
use ratatui::layout::Rect;

use crate::keys::Action;
use crate::request::{Failure, Reply, Request, Ticket};
use crate::theme::Theme;

/// A line for the status bar: what just happened, or what went wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub text: String,
    pub error: bool,
}

/// What a screen may do while it handles an event: queue requests, say something.
pub struct Cx<'a> {
    pub outbox: &'a mut Vec<(Ticket, Request)>,
    pub next_ticket: &'a mut Ticket,
    pub message: &'a mut Option<Message>,
    /// Today (UTC), for the activity queue's snooze and the dashboard's periods.
    pub today: NaiveDate,
    pub now: Instant,
}

impl Cx<'_> {
    /// Queues `request`; returns the ticket its reply will carry.
    pub fn send(&mut self, request: Request) -> Ticket {
        *self.next_ticket += 1;
        self.outbox.push((*self.next_ticket, request));
        *self.next_ticket
    }

    pub fn say(&mut self, text: impl Into<String>) {
        *self.message = Some(Message { text: text.into(), error: false });
    }

    pub fn fail(&mut self, text: impl Into<String>) {
        *self.message = Some(Message { text: text.into(), error: true });
    }

    /// Says what went wrong, unless the banner tells it already (offline, logged out).
    pub fn failed(&mut self, what: &str, f: &Failure) {
        use crate::request::FailureKind::{Offline, Unauthorized};
        if !matches!(f.kind, Offline | Unauthorized) {
            self.fail(format!("{what}: {}", f.message));
        }
    }
}

/// Its name and keys are its row of [`crate::keys::SCREENS`].
pub trait Screen {
    /// Whether a text field (a search, a form) has the keyboard: keys go to
    /// [`Screen::on_key`] before any binding.
    fn captures(&self) -> bool {
        false
    }

    /// Waiting for the answer of its last load (an automatic reload waits for it).
    fn loading(&self) -> bool {
        false
    }

    /// A key while [`Screen::captures`]; true when it was used.
    fn on_key(&mut self, _key: &KeyEvent, _cx: &mut Cx) -> bool {
        false
    }

    /// True when the screen did something with `action`.
    fn on_action(&mut self, action: Action, cx: &mut Cx) -> bool;

    /// Every reply comes to every screen; each takes those it waits for.
    fn on_reply(&mut self, reply: &Reply, cx: &mut Cx);

    /// Loads (again) what the screen shows, keeping what it has until the answer comes.
    fn refresh(&mut self, cx: &mut Cx);

    /// Called about ten times a second (debounced searches).
    fn tick(&mut self, _cx: &mut Cx) {}

    fn draw(&self, f: &mut Frame, area: Rect, theme: &Theme);
}
