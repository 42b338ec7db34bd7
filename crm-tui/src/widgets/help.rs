//! `?`: every key of the current screen, then the global ones.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use crate::app::centered;
use crate::keys::{self, Binding};
use crate::screens::Screen;
use crate::theme::Theme;

pub fn lines(screen: &dyn Screen, theme: &Theme) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    let section = |title: String, table: &[Binding], out: &mut Vec<Line<'static>>| {
        out.push(Line::from(Span::styled(title, theme.title())));
        for b in table {
            out.push(Line::from(vec![
                Span::styled(format!("{:>14}  ", keys::labels(b)), theme.accent()),
                Span::raw(b.help),
            ]));
        }
    };
    section(screen.name().to_string(), screen.bindings(), &mut out);
    out.push(Line::from(""));
    section("Everywhere".to_string(), keys::GLOBAL, &mut out);
    out
}

pub fn draw(f: &mut Frame, area: Rect, screen: &dyn Screen, theme: &Theme) {
    let lines = lines(screen, theme);
    let rect = centered(area, 80, u16::try_from(lines.len() + 2).unwrap_or(u16::MAX));
    f.render_widget(Clear, rect);
    let block = Block::default().borders(Borders::ALL).title(" Keys (any key closes) ");
    f.render_widget(Paragraph::new(lines).block(block), rect);
}
