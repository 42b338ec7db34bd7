//! The activity queue: overdue, today and upcoming, in priority colours. `x` completes the
//! selected activity, `s` snoozes it to tomorrow, `n` logs a call, e-mail, meeting, task or
//! note against a contact or a deal.

use crm_api::activities::{Activity, ActivityQueue};
use crossterm::event::KeyEvent;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, List, ListItem, ListState};

use crate::keys::Action;
use crate::request::{Answer, Reply, Request, Ticket};
use crate::screens::{Cx, Screen};
use crate::theme::Theme;
use crate::widgets::activity_form::ActivityForm;

/// The queue's sections, in order.
pub const SECTIONS: [&str; 3] = ["Overdue", "Today", "Upcoming"];

#[derive(Debug, Default)]
pub struct ActivitiesScreen {
    pub queue: Option<ActivityQueue>,
    /// Index into [`ActivitiesScreen::rows`].
    pub selected: usize,
    pub loading: bool,
    ticket: Option<Ticket>,
    /// Activities completed or snoozed, waiting for the server: shown struck through.
    pub pending: Vec<(Ticket, i64)>,
    pub form: Option<ActivityForm>,
}

impl ActivitiesScreen {
    /// The activities in queue order, with their section.
    pub fn rows(&self) -> Vec<(usize, &Activity)> {
        let Some(q) = &self.queue else { return Vec::new() };
        [&q.overdue, &q.today, &q.upcoming]
            .into_iter()
            .enumerate()
            .flat_map(|(s, list)| list.iter().map(move |a| (s, a)))
            .collect()
    }

    pub fn selected_activity(&self) -> Option<&Activity> {
        self.rows().get(self.selected).map(|(_, a)| *a)
    }

    fn load(&mut self, cx: &mut Cx) {
        self.loading = true;
        self.ticket = Some(cx.send(Request::Queue));
    }

    fn is_pending(&self, id: i64) -> bool {
        self.pending.iter().any(|(_, p)| *p == id)
    }
}

impl Screen for ActivitiesScreen {
    fn captures(&self) -> bool {
        self.form.is_some()
    }

    fn loading(&self) -> bool {
        self.loading
    }

    fn on_key(&mut self, key: &KeyEvent, cx: &mut Cx) -> bool {
        ActivityForm::route(&mut self.form, key, cx)
    }

    fn on_action(&mut self, action: Action, cx: &mut Cx) -> bool {
        let n = self.rows().len();
        match action {
            Action::Up => self.selected = self.selected.saturating_sub(1),
            Action::Down => self.selected = (self.selected + 1).min(n.saturating_sub(1)),
            Action::Top => self.selected = 0,
            Action::Bottom => self.selected = n.saturating_sub(1),
            Action::Complete | Action::Snooze => {
                let Some(a) = self.selected_activity().cloned() else { return true };
                let id = a.id;
                if self.is_pending(id) {
                    return true;
                }
                let request = if action == Action::Complete {
                    Request::Complete { id }
                } else {
                    // A day later than it was due, and not before tomorrow: never earlier.
                    let tomorrow = cx.today.succ_opt().unwrap_or(cx.today);
                    let later = a.due_date.and_then(|d| d.succ_opt()).unwrap_or(tomorrow);
                    Request::Snooze { id, until: later.max(tomorrow) }
                };
                let t = cx.send(request);
                self.pending.push((t, id));
            }
            Action::LogActivity => {
                let mut preset = vec![("type", "call".to_string()), ("due_date", cx.today.to_string())];
                if let Some(c) = self.selected_activity().and_then(|a| a.contact_id) {
                    preset.push(("contact_id", c.to_string()));
                }
                self.form = Some(ActivityForm::open(&preset));
            }
            _ => return false,
        }
        true
    }

    fn on_reply(&mut self, reply: &Reply, cx: &mut Cx) {
        match &reply.answer {
            Answer::Queue(r) if self.ticket == Some(reply.ticket) => {
                self.ticket = None;
                self.loading = false;
                match r {
                    Ok(q) => {
                        let keep = self.selected_activity().map(|a| a.id);
                        self.queue = Some(q.clone());
                        let rows = self.rows();
                        self.selected = keep
                            .and_then(|id| rows.iter().position(|(_, a)| a.id == id))
                            .unwrap_or(self.selected)
                            .min(rows.len().saturating_sub(1));
                    }
                    Err(f) => cx.failed("activity queue", f),
                }
            }
            Answer::Completed { id, activity } | Answer::Snoozed { id, activity } => {
                let Some(at) = self.pending.iter().position(|(t, _)| *t == reply.ticket) else { return };
                self.pending.remove(at);
                let done = matches!(reply.answer, Answer::Completed { .. });
                match activity {
                    Ok(_) => {
                        cx.say(format!("activity {id} {}", if done { "completed" } else { "snoozed to tomorrow" }));
                        self.load(cx);
                    }
                    Err(f) => cx.fail(format!("activity {id}: {}", f.message)),
                }
            }
            Answer::Logged(_) if self.form.as_mut().and_then(|f| f.on_reply(reply, cx)).is_some() => {
                self.form = None;
                self.load(cx);
            }
            _ => {}
        }
    }

    fn refresh(&mut self, cx: &mut Cx) {
        self.load(cx);
    }

    fn draw(&self, f: &mut Frame, area: Rect, theme: &Theme) {
        let mut items: Vec<ListItem> = Vec::new();
        // Rows of the list that are section headers do not count in the selection.
        let mut selected_item = None;
        let mut last_section = None;
        let more = self.queue.as_ref().map(|q| [q.has_more.overdue, q.has_more.today, q.has_more.upcoming]);
        let rows = self.rows();
        for (i, (section, a)) in rows.iter().copied().enumerate() {
            if last_section != Some(section) {
                let style = if section == 0 { theme.error() } else { theme.title() };
                items.push(ListItem::new(Line::from(Span::styled(SECTIONS[section], style))));
                last_section = Some(section);
            }
            if i == self.selected {
                selected_item = Some(items.len());
            }
            let due = a.due_date.map(|d| d.to_string()).unwrap_or_default();
            let link = match (a.contact_id, a.deal_id) {
                (_, Some(d)) => format!("deal {d}"),
                (Some(c), None) => format!("contact {c}"),
                _ => String::new(),
            };
            let mut spans = vec![
                Span::styled(format!("  {:<7}", a.priority.to_string()), theme.priority(a.priority)),
                Span::raw(format!(" {:<8} {due}  ", a.kind.to_string())),
                Span::raw(a.description.clone().unwrap_or_default()),
                Span::styled(format!("  {link}"), theme.dim()),
            ];
            if self.is_pending(a.id) {
                spans.push(Span::styled("  (saving…)", theme.dim()));
            }
            items.push(ListItem::new(Line::from(spans)));
            // The last of a section cut at the queue's limit: say there are more.
            let last_of_section = rows.get(i + 1).is_none_or(|(s, _)| *s != section);
            if last_of_section && more.is_some_and(|m| m[section]) {
                items.push(ListItem::new(Span::styled("  … more (complete or snooze some to see them)", theme.dim())));
            }
        }
        let title = match &self.queue {
            Some(q) => format!(" Activity queue, {} ({}) ", q.date, q.tz),
            None if self.loading => " Activity queue (loading…) ".to_string(),
            None => " Activity queue ".to_string(),
        };
        if items.is_empty() && self.queue.is_some() {
            items.push(ListItem::new(Span::styled("nothing due: n logs an activity", theme.dim())));
        }
        let list = List::new(items)
            .block(Block::default().borders(Borders::ALL).title(title))
            .highlight_style(theme.selected());
        let mut state = ListState::default().with_selected(selected_item);
        f.render_stateful_widget(list, area, &mut state);
        if let Some(form) = &self.form {
            form.draw(f, area, theme);
        }
    }
}
