//! `?`: every key of the current screen, then the global ones.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use crate::app::centered;
use crate::keys::{self, Binding};
use crate::theme::Theme;

fn section(title: &str, table: &[Binding], theme: &Theme) -> Vec<Line<'static>> {
    let mut out = vec![Line::from(Span::styled(title.to_string(), theme.title()))];
    for b in table {
        out.push(Line::from(vec![
            Span::styled(format!("{:>10}  ", keys::labels(b)), theme.accent()),
            Span::raw(b.help),
        ]));
    }
    out
}

/// The screen's keys, then the global ones: one column, or two side by side when one does not
/// fit `area`.
/// `screen`: its index in [`keys::SCREENS`].
pub fn draw(f: &mut Frame, area: Rect, screen: usize, theme: &Theme) {
    let (name, table) = keys::SCREENS[screen];
    let mine = section(name, table, theme);
    let global = section("Everywhere", keys::GLOBAL, theme);
    let one_column = mine.len() + global.len() + 1;
    let block = Block::default().borders(Borders::ALL).title(" Keys (any key closes) ");
    if one_column + 2 <= usize::from(area.height) {
        let mut lines = mine;
        lines.push(Line::from(""));
        lines.extend(global);
        let rect = centered(area, 80, u16::try_from(one_column + 2).unwrap_or(u16::MAX));
        f.render_widget(Clear, rect);
        f.render_widget(Paragraph::new(lines).block(block), rect);
    } else {
        let rows = mine.len().max(global.len()) + 2;
        let rect = centered(area, 100, u16::try_from(rows).unwrap_or(u16::MAX));
        f.render_widget(Clear, rect);
        let inner = block.inner(rect);
        f.render_widget(block, rect);
        let [left, right] = Layout::horizontal([Constraint::Percentage(55), Constraint::Percentage(45)]).areas(inner);
        f.render_widget(Paragraph::new(mine), left);
        f.render_widget(Paragraph::new(global), right);
    }
}
