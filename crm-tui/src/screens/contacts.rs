//! Contacts: a list with `/` search (free text and the server's filter grammar, as you type),
//! a detail pane with the selected contact's timeline; `n` creates and `e` edits in a form
//! that shows the server's field errors beside the fields; `d` deletes after asking, `u`
//! restores the last one deleted.

use std::time::{Duration, Instant};

use crm_api::contacts::{CONTACTS, Contact};
use crm_api::timeline::TimelineItem;
use crossterm::event::{KeyCode, KeyEvent};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, List, ListItem, ListState, Paragraph, Wrap};

use crate::keys::Action;
use crate::request::{Answer, Reply, Request, Ticket};
use crate::screens::{Cx, Screen};
use crate::theme::Theme;
use crate::widgets::form::{Form, FormEvent};
use crate::widgets::input::Input;

/// How long typing pauses before the search goes out.
pub const DEBOUNCE: Duration = Duration::from_millis(250);

/// The words of a search: split at white space outside quotes and parentheses, so that
/// `company[eq]:"US Navy"` and `or(a[eq]:1, b[eq]:2)` stay whole.
fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let (mut word, mut depth, mut quoted, mut escaped) = (String::new(), 0usize, false, false);
    for c in text.chars() {
        match c {
            _ if escaped => escaped = false,
            '\\' if quoted => escaped = true,
            '"' => quoted = !quoted,
            '(' if !quoted => depth += 1,
            ')' if !quoted => depth = depth.saturating_sub(1),
            c if c.is_whitespace() && !quoted && depth == 0 => {
                if !word.is_empty() {
                    out.push(std::mem::take(&mut word));
                }
                continue;
            }
            _ => {}
        }
        word.push(c);
    }
    if !word.is_empty() {
        out.push(word);
    }
    out
}

/// Splits a search into free text and filter terms: a word of the server's filter grammar
/// (`field[op]:value`, `or(...)`, `and(...)`) is a filter, the rest is free text.
pub fn split_query(text: &str) -> (Option<String>, Option<String>) {
    let is_filter = |w: &String| w.contains("]:") || w.starts_with("or(") || w.starts_with("and(");
    let (filters, words): (Vec<String>, Vec<String>) = words(text).into_iter().partition(is_filter);
    let join = |v: Vec<String>, sep: &str| (!v.is_empty()).then(|| v.join(sep));
    (join(words, " "), join(filters, ","))
}

#[derive(Debug, Default)]
pub struct ContactsScreen {
    pub contacts: Vec<Contact>,
    pub total: Option<i64>,
    pub selected: usize,
    pub loading: bool,
    list_ticket: Option<Ticket>,
    /// The search being typed (`/`), and whether it has the keyboard.
    pub search: Input,
    pub searching: bool,
    search_due: Option<Instant>,
    pub timeline: Option<(i64, Vec<TimelineItem>)>,
    timeline_ticket: Option<Ticket>,
    timeline_due: Option<Instant>,
    pub form: Option<Form>,
    form_ticket: Option<Ticket>,
    /// Asking whether to delete this contact.
    pub confirm: Option<Contact>,
    delete_ticket: Option<Ticket>,
    /// Deleted from here, most recent last (`u` restores).
    pub deleted: Vec<(i64, String)>,
    restore_ticket: Option<Ticket>,
    /// A contact to select when the list next arrives (one just saved).
    select_id: Option<i64>,
}

impl ContactsScreen {
    pub fn selected_contact(&self) -> Option<&Contact> {
        self.contacts.get(self.selected)
    }

    fn load(&mut self, cx: &mut Cx) {
        let (q, filter) = split_query(&self.search.value);
        self.loading = true;
        self.list_ticket = Some(cx.send(Request::Contacts { q, filter }));
    }

    fn selection_moved(&mut self, cx: &mut Cx) {
        self.timeline_due = Some(cx.now + Duration::from_millis(120));
    }
}

impl Screen for ContactsScreen {
    fn captures(&self) -> bool {
        self.searching || self.form.is_some() || self.confirm.is_some()
    }

    fn loading(&self) -> bool {
        self.loading
    }

    fn on_key(&mut self, key: &KeyEvent, cx: &mut Cx) -> bool {
        if let Some(c) = self.confirm.take() {
            if key.code == KeyCode::Char('y') {
                self.delete_ticket = Some(cx.send(Request::DeleteContact { id: c.id, version: c.version }));
                self.deleted.push((c.id, c.name));
            } else {
                cx.say("not deleted");
            }
            return true;
        }
        if let Some(form) = &mut self.form {
            match form.on_key(key) {
                FormEvent::Stay => {}
                FormEvent::Cancel => self.form = None,
                FormEvent::Submit => {
                    if let Some(body) = form.body() {
                        form.saving = true;
                        let request = match form.editing {
                            Some((id, version)) => Request::UpdateContact { id, body, version },
                            None => Request::CreateContact(body),
                        };
                        self.form_ticket = Some(cx.send(request));
                    }
                }
            }
            return true;
        }
        match key.code {
            KeyCode::Enter => self.searching = false,
            KeyCode::Esc => {
                self.searching = false;
                self.search = Input::default();
                self.search_due = Some(cx.now);
            }
            KeyCode::Down | KeyCode::Up => {
                self.searching = false;
                let a = if key.code == KeyCode::Down { Action::Down } else { Action::Up };
                self.on_action(a, cx);
            }
            _ => {
                if self.search.on_key(key) {
                    self.search_due = Some(cx.now + DEBOUNCE);
                }
            }
        }
        true
    }

    fn on_action(&mut self, action: Action, cx: &mut Cx) -> bool {
        let n = self.contacts.len();
        let before = self.selected;
        match action {
            Action::Up => self.selected = self.selected.saturating_sub(1),
            Action::Down => self.selected = (self.selected + 1).min(n.saturating_sub(1)),
            Action::Top => self.selected = 0,
            Action::Bottom => self.selected = n.saturating_sub(1),
            Action::Search => self.searching = true,
            Action::Back if !self.search.value.is_empty() => {
                self.search = Input::default();
                self.load(cx);
            }
            Action::New => self.form = Some(Form::create(&CONTACTS, "New contact", &[])),
            Action::Edit => {
                let Some(c) = self.selected_contact() else { return true };
                let record = match serde_json::to_value(c) {
                    Ok(serde_json::Value::Object(m)) => m,
                    _ => return true,
                };
                self.form = Some(Form::edit(&CONTACTS, &format!("Edit {}", c.name), &record, c.id, c.version));
            }
            Action::Delete => self.confirm = self.selected_contact().cloned(),
            Action::Undo => match self.deleted.last() {
                Some((id, _)) => self.restore_ticket = Some(cx.send(Request::RestoreContact { id: *id })),
                None => cx.fail("nothing to undo"),
            },
            _ => return false,
        }
        if self.selected != before {
            self.selection_moved(cx);
        }
        true
    }

    fn on_reply(&mut self, reply: &Reply, cx: &mut Cx) {
        match &reply.answer {
            Answer::Contacts(r) if self.list_ticket == Some(reply.ticket) => {
                self.list_ticket = None;
                self.loading = false;
                match r {
                    Ok(page) => {
                        let keep = self.select_id.take().or(self.selected_contact().map(|c| c.id));
                        self.contacts = page.data.clone();
                        self.total = page.total;
                        self.selected = keep
                            .and_then(|id| self.contacts.iter().position(|c| c.id == id))
                            .unwrap_or(0)
                            .min(self.contacts.len().saturating_sub(1));
                        self.selection_moved(cx);
                    }
                    Err(f) => cx.failed("contacts", f),
                }
            }
            Answer::Timeline { id, items } if self.timeline_ticket == Some(reply.ticket) => {
                self.timeline_ticket = None;
                match items {
                    Ok(items) => self.timeline = Some((*id, items.clone())),
                    Err(f) => cx.failed("timeline", f),
                }
            }
            Answer::ContactSaved(r) if self.form_ticket == Some(reply.ticket) => {
                self.form_ticket = None;
                match r {
                    Ok(c) => {
                        self.form = None;
                        cx.say(format!("saved {} (contact {})", c.name, c.id));
                        self.select_id = Some(c.id);
                        self.load(cx);
                    }
                    Err(f) => {
                        if let Some(form) = &mut self.form {
                            form.show_errors(&f.message, &f.fields);
                            if f.kind == crate::request::FailureKind::Stale {
                                // Saving again would meet the same version: start from the current one.
                                form.error = Some(format!("{}; Esc, then e edits the current version", f.message));
                                self.load(cx);
                            }
                        }
                    }
                }
            }
            Answer::ContactDeleted { id, done } if self.delete_ticket == Some(reply.ticket) => {
                self.delete_ticket = None;
                match done {
                    Ok(()) => {
                        cx.say(format!("deleted contact {id} (u undoes)"));
                        self.load(cx);
                    }
                    Err(f) => {
                        self.deleted.retain(|(d, _)| d != id);
                        cx.fail(format!("contact {id} not deleted: {}", f.message));
                    }
                }
            }
            Answer::ContactRestored(r) if self.restore_ticket == Some(reply.ticket) => {
                self.restore_ticket = None;
                match r {
                    Ok(c) => {
                        self.deleted.retain(|(d, _)| *d != c.id);
                        cx.say(format!("restored {}", c.name));
                        self.select_id = Some(c.id);
                        self.load(cx);
                    }
                    Err(f) => cx.fail(format!("not restored: {}", f.message)),
                }
            }
            _ => {}
        }
    }

    fn refresh(&mut self, cx: &mut Cx) {
        self.load(cx);
    }

    fn tick(&mut self, cx: &mut Cx) {
        if self.search_due.is_some_and(|t| cx.now >= t) {
            self.search_due = None;
            self.load(cx);
        }
        if self.timeline_due.is_some_and(|t| cx.now >= t) {
            self.timeline_due = None;
            if let Some(id) = self.selected_contact().map(|c| c.id) {
                self.timeline_ticket = Some(cx.send(Request::Timeline { id }));
            }
        }
    }

    fn draw(&self, f: &mut Frame, area: Rect, theme: &Theme) {
        let [left, right] = Layout::horizontal([Constraint::Percentage(45), Constraint::Percentage(55)]).areas(area);
        let [search, list_area] = Layout::vertical([Constraint::Length(3), Constraint::Min(0)]).areas(left);
        let search_text = if self.searching {
            self.search.with_cursor()
        } else if self.search.value.is_empty() {
            "/ to search (text, or status[eq]:Lead)".to_string()
        } else {
            self.search.value.clone()
        };
        let style = if self.searching { theme.selected() } else { theme.dim() };
        f.render_widget(
            Paragraph::new(Span::styled(search_text, style))
                .block(Block::default().borders(Borders::ALL).title(" Search ")),
            search,
        );
        let items: Vec<ListItem> = self
            .contacts
            .iter()
            .map(|c| {
                ListItem::new(Line::from(vec![
                    Span::raw(c.name.clone()),
                    Span::styled(format!("  {}", c.company.clone().unwrap_or_default()), theme.dim()),
                ]))
            })
            .collect();
        let count = match self.total {
            Some(t) => format!(" Contacts ({} of {t}) ", self.contacts.len()),
            None => " Contacts ".to_string(),
        };
        let title = if self.loading { format!("{count}(loading…) ") } else { count };
        let list = List::new(items)
            .block(Block::default().borders(Borders::ALL).title(title))
            .highlight_style(theme.selected());
        let mut state = ListState::default().with_selected((!self.contacts.is_empty()).then_some(self.selected));
        f.render_stateful_widget(list, list_area, &mut state);

        let mut lines: Vec<Line> = Vec::new();
        if let Some(c) = self.selected_contact() {
            lines.push(Line::from(Span::styled(c.name.clone(), theme.title())));
            let field = |label: &str, v: Option<String>| {
                Line::from(vec![Span::styled(format!("{label:<10}"), theme.accent()), Span::raw(v.unwrap_or_default())])
            };
            lines.push(field("email", c.email.clone()));
            lines.push(field("phone", c.phone.clone()));
            lines.push(field("company", c.company.clone()));
            lines.push(field("job title", c.job_title.clone()));
            lines.push(field("status", Some(c.status.to_string())));
            lines.push(field("source", c.source.clone()));
            lines.push(field("rating", c.rating.map(|r| r.to_string())));
            lines.push(field("notes", c.notes.clone()));
            lines.push(Line::from(""));
            lines.push(Line::from(Span::styled("Timeline", theme.accent())));
            match &self.timeline {
                Some((id, items)) if *id == c.id => {
                    if items.is_empty() {
                        lines.push(Line::from(Span::styled("nothing yet", theme.dim())));
                    }
                    for t in items {
                        lines.push(Line::from(vec![
                            Span::styled(format!("{} ", t.at.format("%Y-%m-%d")), theme.dim()),
                            Span::raw(t.summary.clone()),
                        ]));
                    }
                }
                _ => lines.push(Line::from(Span::styled("loading…", theme.dim()))),
            }
        } else if !self.loading {
            lines.push(Line::from(Span::styled("no contact: n creates one", theme.dim())));
        }
        if let Some(c) = &self.confirm {
            lines.insert(
                0,
                Line::from(Span::styled(format!("Delete {}? y deletes, any other key keeps it", c.name), theme.warn())),
            );
        }
        f.render_widget(
            Paragraph::new(lines)
                .block(Block::default().borders(Borders::ALL).title(" Contact "))
                .wrap(Wrap { trim: false }),
            right,
        );
        if let Some(form) = &self.form {
            form.draw(f, area, theme);
        }
    }
}
