//! A form over an entity's fields as the catalog describes them (the same description the
//! server validates with and the CLI builds its flags from): Tab / Shift-Tab (or ↑/↓) move
//! between fields, Enter or Ctrl-S saves, Esc cancels. The server's field errors show beside
//! their fields.

use crm_api::FieldError;
use crm_api::catalog::{EntityInfo, FieldInfo, FieldKind};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};
use serde_json::{Map, Value};

use crate::app::centered;
use crate::theme::Theme;
use crate::widgets::input::Input;

#[derive(Debug, Clone)]
pub struct Field {
    pub info: &'static FieldInfo,
    pub input: Input,
    /// The value it was opened with (an edit sends only what changed).
    pub original: String,
    pub error: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Form {
    pub title: String,
    pub fields: Vec<Field>,
    pub focus: usize,
    /// The record edited (id and version); none for a new one.
    pub editing: Option<(i64, i64)>,
    /// Errors the server gave for no field of the form.
    pub error: Option<String>,
    /// Sent, waiting for the answer.
    pub saving: bool,
}

pub enum FormEvent {
    Stay,
    Submit,
    Cancel,
}

/// A stored value as the form shows it.
pub fn shown(v: Option<&Value>) -> String {
    match v {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => s.clone(),
        Some(other) => other.to_string(),
    }
}

impl Form {
    /// A form for a new record: the fields a create takes, with `preset` values filled in.
    pub fn create(e: &'static EntityInfo, title: &str, preset: &[(&str, String)]) -> Form {
        // A record's creation time is the server's to set here (imports give it).
        let fields = e
            .creatable()
            .filter(|info| info.name != "created_at")
            .map(|info| {
                let v = preset.iter().find(|(n, _)| *n == info.name).map(|(_, v)| v.clone()).unwrap_or_default();
                Field { info, input: Input::with(&v), original: String::new(), error: None }
            })
            .collect();
        Form { title: title.to_string(), fields, focus: 0, editing: None, error: None, saving: false }
    }

    /// A form editing `record` (its JSON), the fields a patch takes.
    pub fn edit(e: &'static EntityInfo, title: &str, record: &Map<String, Value>, id: i64, version: i64) -> Form {
        let fields = e
            .writable()
            .map(|info| {
                let v = shown(record.get(info.name));
                Field { info, input: Input::with(&v), original: v, error: None }
            })
            .collect();
        Form { title: title.to_string(), fields, focus: 0, editing: Some((id, version)), error: None, saving: false }
    }

    pub fn on_key(&mut self, key: &KeyEvent) -> FormEvent {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        let n = self.fields.len().max(1);
        // Sent, waiting for the answer: a second Enter would write it twice, and an edit now
        // would not be what was saved. Esc still closes it.
        if self.saving && key.code != KeyCode::Esc {
            return FormEvent::Stay;
        }
        match key.code {
            KeyCode::Esc => return FormEvent::Cancel,
            KeyCode::Enter => return FormEvent::Submit,
            KeyCode::Char('s') if ctrl => return FormEvent::Submit,
            KeyCode::Tab | KeyCode::Down => self.focus = (self.focus + 1) % n,
            KeyCode::BackTab | KeyCode::Up => self.focus = (self.focus + n - 1) % n,
            _ => {
                if let Some(f) = self.fields.get_mut(self.focus)
                    && f.input.on_key(key)
                {
                    f.error = None;
                }
            }
        }
        FormEvent::Stay
    }

    /// The body to send: a new record's filled fields, or an edit's changed ones (emptied:
    /// null). None when a value is not of its field's kind (the error shows beside it).
    pub fn body(&mut self) -> Option<Map<String, Value>> {
        let mut body = Map::new();
        let mut ok = true;
        for f in &mut self.fields {
            let text = f.input.value.trim();
            if self.editing.is_some() && text == f.original.trim() {
                continue;
            }
            if text.is_empty() {
                if self.editing.is_some() {
                    body.insert(f.info.name.to_string(), Value::Null);
                }
                continue;
            }
            let value = match f.info.kind {
                FieldKind::Int { .. } | FieldKind::Link(_) => match text.parse::<i64>() {
                    Ok(n) => Value::from(n),
                    Err(_) => {
                        f.error = Some("must be a whole number".into());
                        ok = false;
                        continue;
                    }
                },
                FieldKind::Enum(choices) => match choices.iter().find(|c| c.eq_ignore_ascii_case(text)) {
                    Some(c) => Value::String((*c).to_string()),
                    None => {
                        f.error = Some(format!("one of: {}", choices.join(", ")));
                        ok = false;
                        continue;
                    }
                },
                FieldKind::Bool => match text.to_lowercase().as_str() {
                    "true" | "yes" | "y" | "1" => Value::Bool(true),
                    "false" | "no" | "n" | "0" => Value::Bool(false),
                    _ => {
                        f.error = Some("must be true or false".into());
                        ok = false;
                        continue;
                    }
                },
                _ => Value::String(text.to_string()),
            };
            body.insert(f.info.name.to_string(), value);
        }
        ok.then_some(body)
    }

    /// Shows the server's errors beside their fields (and the others above them); focuses the
    /// first field in error.
    pub fn show_errors(&mut self, message: &str, errors: &[FieldError]) {
        self.saving = false;
        let mut other = Vec::new();
        let mut first = None;
        for e in errors {
            match self.fields.iter().position(|f| f.info.name == e.field) {
                Some(i) => {
                    self.fields[i].error = Some(e.message.clone());
                    first = first.or(Some(i));
                }
                None => other.push(format!("{}: {}", e.field, e.message)),
            }
        }
        if let Some(i) = first {
            self.focus = i;
        }
        self.error = match (other.is_empty(), errors.is_empty()) {
            (_, true) => Some(message.to_string()),
            (false, false) => Some(other.join("; ")),
            (true, false) => None,
        };
    }

    pub fn draw(&self, f: &mut Frame, area: Rect, theme: &Theme) {
        let rows = u16::try_from(self.fields.len() + 3).unwrap_or(u16::MAX);
        let rect = centered(area, 90, rows);
        f.render_widget(Clear, rect);
        let label_width = self.fields.iter().map(|f| f.info.name.len()).max().unwrap_or(4) + 1;
        let mut lines: Vec<Line> = Vec::new();
        if let Some(e) = &self.error {
            lines.push(Line::from(Span::styled(e.clone(), theme.error())));
        }
        for (i, field) in self.fields.iter().enumerate() {
            let focused = i == self.focus;
            let marker = if field.info.required { "*" } else { " " };
            let mut spans = vec![
                Span::styled(format!("{marker}{:<label_width$}", field.info.name), theme.accent()),
                Span::styled(
                    if focused { field.input.with_cursor() } else { field.input.value.clone() },
                    if focused { theme.selected() } else { ratatui::style::Style::new() },
                ),
            ];
            if let Some(e) = &field.error {
                spans.push(Span::styled(format!("  ✗ {e}"), theme.error()));
            }
            lines.push(Line::from(spans));
        }
        let hint = if self.saving { " saving… " } else { " Tab next · Enter/Ctrl-S save · Esc cancel " };
        let block = Block::default().borders(Borders::ALL).title(format!(" {} ", self.title)).title_bottom(hint);
        f.render_widget(Paragraph::new(lines).block(block), rect);
    }
}
