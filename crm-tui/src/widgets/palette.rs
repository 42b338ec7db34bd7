//! `:`: every action of every screen, found by typing a few letters of it in order (fuzzy
//! matching); Enter runs it, on its screen.

use crossterm::event::{KeyCode, KeyEvent};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, List, ListItem, ListState};

use crate::app::centered;
use crate::keys::{self, Action, Binding};
use crate::theme::Theme;
use crate::widgets::input::Input;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The screen it runs on; none for a global action.
    pub screen: Option<usize>,
    pub action: Action,
    pub label: String,
    pub keys: String,
}

#[derive(Debug)]
pub struct Palette {
    pub input: Input,
    entries: Vec<Entry>,
    /// Indexes into `entries` that match, best first.
    pub shown: Vec<usize>,
    pub selected: usize,
}

pub enum Outcome {
    Stay,
    Close,
    Run(Option<usize>, Action),
}

/// How well `query` matches `text` (lower is better), case ignored: the query as a whole
/// within the text first, the earlier the better; else its characters in order, the fewer and
/// shorter the gaps and the more of them at the start of a word, the better. None: no match.
pub fn score(query: &str, text: &str) -> Option<usize> {
    let query = query.trim().to_lowercase();
    let text = text.to_lowercase();
    if let Some(at) = text.find(&query) {
        return Some(at.min(99));
    }
    let chars: Vec<char> = text.chars().collect();
    let mut at = 0;
    let mut cost = 100;
    for q in query.chars().filter(|c| !c.is_whitespace()) {
        let found = chars[at..].iter().position(|c| *c == q)?;
        let pos = at + found;
        let word_start = pos == 0 || !chars[pos - 1].is_alphanumeric();
        cost += if found == 0 {
            0
        } else if word_start {
            2
        } else {
            4 + found.min(10)
        };
        at = pos + 1;
    }
    Some(cost)
}

impl Palette {
    /// The palette opened on screen `current`: its actions first.
    pub fn new(current: usize) -> Palette {
        let mut entries = Vec::new();
        let mut add = |screen: Option<usize>, name: &str, table: &[Binding]| {
            for b in table {
                entries.push(Entry {
                    screen,
                    action: b.action,
                    label: format!("{name}: {}", b.help),
                    keys: keys::labels(b),
                });
            }
        };
        let (name, table) = keys::SCREENS[current];
        add(Some(current), name, table);
        add(None, "Everywhere", keys::GLOBAL);
        for (i, (name, table)) in keys::SCREENS.iter().enumerate() {
            if i != current {
                add(Some(i), name, table);
            }
        }
        let mut p = Palette { input: Input::default(), shown: Vec::new(), entries, selected: 0 };
        p.filter();
        p
    }

    pub fn entries(&self) -> impl Iterator<Item = &Entry> {
        self.shown.iter().map(|i| &self.entries[*i])
    }

    fn filter(&mut self) {
        let q = self.input.value.trim();
        let mut scored: Vec<(usize, usize)> =
            self.entries.iter().enumerate().filter_map(|(i, e)| score(q, &e.label).map(|s| (s, i))).collect();
        // Stable: equal scores keep the palette's order (this screen first).
        scored.sort_by_key(|(s, _)| *s);
        self.shown = scored.into_iter().map(|(_, i)| i).collect();
        self.selected = 0;
    }

    pub fn on_key(&mut self, key: &KeyEvent) -> Outcome {
        match key.code {
            KeyCode::Esc => Outcome::Close,
            KeyCode::Enter => match self.shown.get(self.selected) {
                Some(i) => Outcome::Run(self.entries[*i].screen, self.entries[*i].action),
                None => Outcome::Stay,
            },
            KeyCode::Up => {
                self.selected = self.selected.saturating_sub(1);
                Outcome::Stay
            }
            KeyCode::Down | KeyCode::Tab => {
                self.selected = (self.selected + 1).min(self.shown.len().saturating_sub(1));
                Outcome::Stay
            }
            _ => {
                if self.input.on_key(key) {
                    self.filter();
                }
                Outcome::Stay
            }
        }
    }

    pub fn draw(&self, f: &mut Frame, area: Rect, theme: &Theme) {
        let rect = centered(area, 80, area.height.saturating_sub(2).clamp(3, 20));
        f.render_widget(Clear, rect);
        let mut items: Vec<ListItem> = self
            .entries()
            .map(|e| {
                ListItem::new(Line::from(vec![
                    Span::raw(e.label.clone()),
                    Span::styled(format!("  {}", e.keys), theme.dim()),
                ]))
            })
            .collect();
        if items.is_empty() {
            items.push(ListItem::new(Span::styled("nothing matches: Backspace, or Esc closes", theme.dim())));
        }
        let title = format!(" : {} ", self.input.with_cursor());
        let list = List::new(items)
            .block(Block::default().borders(Borders::ALL).title(title))
            .highlight_style(theme.selected());
        let mut state = ListState::default().with_selected(Some(self.selected));
        f.render_stateful_widget(list, rect, &mut state);
    }
}
