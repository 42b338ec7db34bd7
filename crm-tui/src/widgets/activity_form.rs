//! The form that logs a call, e-mail, meeting, task or note (from the activity queue, and from
//! a deal opened on the board), with its request and the answer that closes it.

use crm_api::activities::{ACTIVITIES, Activity};
use crossterm::event::KeyEvent;
use ratatui::Frame;
use ratatui::layout::Rect;

use crate::request::{Answer, Reply, Request, Ticket};
use crate::screens::Cx;
use crate::theme::Theme;
use crate::widgets::form::{Form, FormEvent};

#[derive(Debug, Clone)]
pub struct ActivityForm {
    pub form: Form,
    ticket: Option<Ticket>,
}

impl ActivityForm {
    /// The form with `preset` values (a type, the contact or deal it is about).
    pub fn open(preset: &[(&str, String)]) -> ActivityForm {
        ActivityForm { form: Form::create(&ACTIVITIES, "Log an activity", preset), ticket: None }
    }

    /// A key for the form in `slot`, if one is open (true then), which it leaves when cancelled.
    pub fn route(slot: &mut Option<ActivityForm>, key: &KeyEvent, cx: &mut Cx) -> bool {
        let Some(form) = slot else { return false };
        if !form.on_key(key, cx) {
            *slot = None;
        }
        true
    }

    /// A key for the form; false once it is cancelled.
    pub fn on_key(&mut self, key: &KeyEvent, cx: &mut Cx) -> bool {
        match self.form.on_key(key) {
            FormEvent::Stay => {}
            FormEvent::Cancel => return false,
            FormEvent::Submit => {
                if let Some(body) = self.form.body() {
                    self.form.saving = true;
                    self.ticket = Some(cx.send(Request::LogActivity(body)));
                }
            }
        }
        true
    }

    /// The activity logged, when `reply` answers this form and the server took it (the form
    /// is done); a refusal shows beside the fields.
    pub fn on_reply(&mut self, reply: &Reply, cx: &mut Cx) -> Option<Activity> {
        let Answer::Logged(r) = &reply.answer else { return None };
        if self.ticket != Some(reply.ticket) {
            return None;
        }
        self.ticket = None;
        match r {
            Ok(a) => {
                cx.say(format!("logged {} {}", a.kind, a.id));
                Some(a.clone())
            }
            Err(f) => {
                self.form.show_errors(&f.message, &f.fields);
                None
            }
        }
    }

    pub fn draw(&self, f: &mut Frame, area: Rect, theme: &Theme) {
        self.form.draw(f, area, theme);
    }
}
