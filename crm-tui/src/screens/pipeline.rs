//! The pipeline: a column per stage (count, total and weighted total in its header), a card
//! per deal (name, amount, contact, probability, a rotting marker). `H`/`L` move the selected
//! deal a stage at once, before the server answers; a refusal (a stale version, a stage gone)
//! puts it back and says why. Columns scroll and load more deals as the selection nears their
//! end. Enter opens the deal with its stage history, next steps and activities.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Utc};
use crm_api::StageKind;
use crm_api::analytics::{PipelineBoard, PipelineSummary};
use crm_api::deals::Deal;
use crossterm::event::KeyEvent;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use crate::app::centered;
use crate::keys::Action;
use crate::request::{Answer, DealDetail, Reply, Request, Ticket};
use crate::screens::{Cx, Screen};
use crate::theme::Theme;
use crate::widgets::activity_form::ActivityForm;

/// Deals a column loads at a time.
pub const PER_STAGE: u32 = 50;
/// Most deals a column of the board is read with (the API's limit).
const MAX_PER_STAGE: u32 = 500;
/// Rows a card takes.
const CARD: u16 = 3;
/// Narrowest column drawn; more stages than fit scroll sideways.
const MIN_COLUMN: u16 = 22;

#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    pub stage_id: i64,
    pub name: String,
    pub kind: StageKind,
    pub rotting_days: Option<i64>,
    /// Deals in the stage on the server.
    pub count: i64,
    /// Per currency: (currency, total, weighted total).
    pub totals: Vec<(String, String, String)>,
    pub deals: Vec<Deal>,
    pub selected: usize,
    /// Waiting for the next deals of the column.
    pub loading_more: bool,
}

impl Column {
    fn has_more(&self) -> bool {
        (self.deals.len() as i64) < self.count
    }
}

/// A move shown before the server has answered.
#[derive(Debug, Clone, PartialEq)]
struct Move {
    ticket: Ticket,
    /// The deal as it was before its first move, to put back on a refusal.
    original: Deal,
    /// A further move asked for while this one was in flight: the stage to go on to.
    then: Option<i64>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Detail {
    pub id: i64,
    pub ticket: Ticket,
    pub loaded: Option<Box<DealDetail>>,
    /// Lines scrolled past (j/k).
    pub scroll: u16,
}

#[derive(Debug, Default)]
pub struct PipelineScreen {
    pub columns: Vec<Column>,
    pub col: usize,
    pub loading: bool,
    board_ticket: Option<Ticket>,
    column_tickets: HashMap<Ticket, String>,
    moves: HashMap<i64, Move>,
    pub contact_names: HashMap<i64, String>,
    pub detail: Option<Detail>,
    pub form: Option<ActivityForm>,
    /// When the last answer came (for the rotting markers).
    pub now: Option<DateTime<Utc>>,
}

impl PipelineScreen {
    pub fn selected_deal(&self) -> Option<&Deal> {
        let c = self.columns.get(self.col)?;
        c.deals.get(c.selected)
    }

    fn load_board(&mut self, cx: &mut Cx) {
        self.loading = true;
        // As many deals a column as the longest shows now (a column scrolled far keeps them).
        let shown = self.columns.iter().map(|c| c.deals.len()).max().unwrap_or(0);
        let per_stage = u32::try_from(shown).unwrap_or(u32::MAX).clamp(PER_STAGE, MAX_PER_STAGE);
        self.board_ticket = Some(cx.send(Request::Board { per_stage }));
    }

    fn apply_board(&mut self, board: &PipelineBoard, summary: &PipelineSummary, cx: &mut Cx) {
        let keep = self.selected_deal().map(|d| d.id);
        let (stage_id, index) = self.columns.get(self.col).map_or((None, 0), |c| (Some(c.stage_id), c.selected));
        // Moves still in flight stay where they were shown, whatever the board says.
        let moving: Vec<(i64, i64)> =
            self.moves.keys().filter_map(|id| self.shown_stage(*id).map(|s| (*id, s))).collect();
        let mut by_stage: HashMap<&str, &Vec<Deal>> = board.0.iter().map(|(s, d)| (s.as_str(), d)).collect();
        self.columns = summary
            .stages
            .iter()
            .map(|s| Column {
                stage_id: s.stage_id,
                name: s.stage.clone(),
                kind: s.kind,
                rotting_days: s.rotting_days,
                count: s.count,
                totals: s
                    .currencies
                    .iter()
                    .map(|c| (c.currency.clone(), c.amount.to_string(), c.weighted_amount.to_string()))
                    .collect(),
                deals: by_stage.remove(s.stage.as_str()).cloned().unwrap_or_default(),
                selected: 0,
                loading_more: false,
            })
            .collect();
        for (id, stage) in moving {
            self.place(id, stage, None);
        }
        // The selection stays on its deal, else where it was in its column.
        self.col = stage_id.and_then(|s| self.columns.iter().position(|c| c.stage_id == s)).unwrap_or(0);
        if let Some(c) = self.columns.get_mut(self.col) {
            c.selected = index.min(c.deals.len().saturating_sub(1));
        }
        if let Some(id) = keep {
            for (ci, c) in self.columns.iter_mut().enumerate() {
                if let Some(i) = c.deals.iter().position(|d| d.id == id) {
                    c.selected = i;
                    self.col = ci;
                }
            }
        }
        // Names are read again with the board: a contact renamed elsewhere shows renamed.
        self.contact_names.clear();
        self.ask_names(cx);
    }

    fn shown_stage(&self, id: i64) -> Option<i64> {
        self.columns.iter().flat_map(|c| &c.deals).find(|d| d.id == id).and_then(|d| d.stage_id)
    }

    /// Asks for the names of the contacts the cards link that are not known yet.
    fn ask_names(&mut self, cx: &mut Cx) {
        let missing: HashSet<i64> = self
            .columns
            .iter()
            .flat_map(|c| &c.deals)
            .filter_map(|d| d.contact_id)
            .filter(|id| !self.contact_names.contains_key(id))
            .collect();
        let mut ids: Vec<i64> = missing.into_iter().collect();
        ids.sort_unstable();
        for chunk in ids.chunks(crm_api::filter::MAX_IN_VALUES) {
            cx.send(Request::ContactNames { ids: chunk.to_vec() });
        }
    }

    /// Shows deal `id` in the column of stage `stage` (at its top), taking it out of where it
    /// was; `deal` replaces the record shown when given. The selection follows it.
    fn place(&mut self, id: i64, stage: i64, deal: Option<Deal>) {
        let mut record = deal;
        for c in &mut self.columns {
            if let Some(i) = c.deals.iter().position(|d| d.id == id) {
                let d = c.deals.remove(i);
                c.count -= 1;
                c.selected = c.selected.min(c.deals.len().saturating_sub(1));
                record.get_or_insert(d);
            }
        }
        let Some(mut d) = record else { return };
        let Some(to) = self.columns.iter().position(|c| c.stage_id == stage) else { return };
        d.stage_id = Some(stage);
        d.stage = self.columns[to].name.clone();
        self.columns[to].deals.insert(0, d);
        self.columns[to].count += 1;
        self.columns[to].selected = 0;
        self.col = to;
    }

    fn move_selected(&mut self, step: isize, cx: &mut Cx) {
        let Some(deal) = self.selected_deal().cloned() else { return };
        let Some(to) = self.col.checked_add_signed(step).filter(|c| *c < self.columns.len()) else {
            cx.fail(format!("{} is in the {} stage already", deal.name, if step < 0 { "first" } else { "last" }));
            return;
        };
        let target = self.columns[to].stage_id;
        match self.moves.get_mut(&deal.id) {
            // One move of the deal at a time: this one follows when the server has answered.
            Some(m) => m.then = Some(target),
            None => {
                let ticket = cx.send(Request::MoveDeal { id: deal.id, stage_id: target, version: deal.version });
                self.moves.insert(deal.id, Move { ticket, original: deal.clone(), then: None });
            }
        }
        self.place(deal.id, target, None);
        cx.say(format!("{} → {}", deal.name, self.columns[to].name));
    }

    fn moved(&mut self, ticket: Ticket, id: i64, result: &Result<Deal, crate::request::Failure>, cx: &mut Cx) {
        let Some(m) = self.moves.get(&id).filter(|m| m.ticket == ticket).cloned() else { return };
        match result {
            Ok(deal) => match m.then.filter(|s| Some(*s) != deal.stage_id) {
                Some(next) => {
                    let ticket = cx.send(Request::MoveDeal { id, stage_id: next, version: deal.version });
                    self.moves.insert(id, Move { ticket, original: m.original, then: None });
                    self.update_card(deal.clone());
                }
                None => {
                    self.moves.remove(&id);
                    self.update_card(deal.clone());
                    // The headers' totals follow from the server.
                    self.load_board(cx);
                }
            },
            Err(f) => {
                self.moves.remove(&id);
                if let Some(stage) = m.original.stage_id {
                    self.place(id, stage, Some(m.original.clone()));
                }
                cx.fail(format!("{} not moved: {}", m.original.name, f.message));
                self.load_board(cx);
            }
        }
    }

    /// Replaces the record of a card where it is shown.
    fn update_card(&mut self, deal: Deal) {
        for c in &mut self.columns {
            if let Some(d) = c.deals.iter_mut().find(|d| d.id == deal.id) {
                let stage = (d.stage_id, d.stage.clone());
                *d = deal;
                // Where a further move has put it, it stays.
                (d.stage_id, d.stage) = stage;
                return;
            }
        }
    }

    fn select(&mut self, action: Action, cx: &mut Cx) {
        let Some(c) = self.columns.get_mut(self.col) else { return };
        let last = c.deals.len().saturating_sub(1);
        c.selected = match action {
            Action::Up => c.selected.saturating_sub(1),
            Action::Down => (c.selected + 1).min(last),
            Action::Top => 0,
            _ => last,
        };
        // Near the end of what is loaded: the next deals of the column.
        if c.selected + 5 >= c.deals.len()
            && c.has_more()
            && !c.loading_more
            && let Some(after) = c.deals.last().map(|d| d.id)
        {
            c.loading_more = true;
            let stage = c.name.clone();
            let t = cx.send(Request::Column { stage: stage.clone(), after, per_stage: PER_STAGE });
            self.column_tickets.insert(t, stage);
        }
    }

    fn rotting(&self, col: &Column, d: &Deal) -> bool {
        let (Some(days), Some(now)) = (col.rotting_days, self.now) else { return false };
        if col.kind != StageKind::Open {
            return false;
        }
        // Since it last entered its stage (or was created) or had an activity.
        let entered = d.stage_entered_at.unwrap_or(d.created_at);
        let since = d.last_activity_at.map_or(entered, |a| a.max(entered));
        (now - since).num_days() > days
    }

    fn draw_column(&self, f: &mut Frame, area: Rect, i: usize, theme: &Theme) {
        let c = &self.columns[i];
        let focused = i == self.col;
        let totals: Vec<String> = c.totals.iter().map(|(cur, t, _)| format!("{t} {cur}")).collect();
        let weighted: Vec<String> = c.totals.iter().map(|(cur, _, w)| format!("{w} {cur}")).collect();
        let title = format!(" {} ({}) ", c.name, c.count);
        let block = Block::default()
            .borders(Borders::ALL)
            .title(Span::styled(title, if focused { theme.title() } else { theme.dim() }));
        let inner = block.inner(area);
        f.render_widget(block, area);
        if inner.height == 0 {
            return;
        }
        // The header: the total, then the weighted total (amount x probability), per currency.
        let [head, cards] = Layout::vertical([Constraint::Length(2), Constraint::Min(0)]).areas(inner);
        let head_lines = if totals.is_empty() {
            vec![Line::from(Span::styled("—", theme.dim()))]
        } else {
            vec![
                Line::from(Span::styled(totals.join(" · "), theme.accent())),
                Line::from(Span::styled(format!("w {}", weighted.join(" · ")), theme.dim())),
            ]
        };
        f.render_widget(Paragraph::new(head_lines), head);
        let fit = usize::from((cards.height / CARD).max(1));
        let first = c.selected.saturating_sub(fit - 1);
        let mut lines: Vec<Line> = Vec::new();
        for (j, d) in c.deals.iter().enumerate().skip(first).take(fit) {
            let style = if focused && j == c.selected { theme.selected() } else { ratatui::style::Style::new() };
            let rot = if self.rotting(c, d) { Span::styled("⚠ ", theme.warn()) } else { Span::raw("") };
            let contact = d
                .contact_id
                .map(|id| self.contact_names.get(&id).cloned().unwrap_or_else(|| format!("contact {id}")))
                .unwrap_or_else(|| "no contact".into());
            let p = d.probability.map(|p| format!(" · {p}%")).unwrap_or_default();
            lines.push(Line::from(vec![rot, Span::styled(d.name.clone(), style)]));
            lines.push(Line::from(format!("  {} {}{p}", d.amount, d.currency)));
            lines.push(Line::from(Span::styled(format!("  {contact}"), theme.dim())));
        }
        if c.deals.is_empty() {
            lines.push(Line::from(Span::styled("no deals", theme.dim())));
        } else if c.loading_more {
            lines.push(Line::from(Span::styled("loading…", theme.dim())));
        }
        f.render_widget(Paragraph::new(lines), cards);
    }

    fn draw_detail(&self, f: &mut Frame, area: Rect, detail: &Detail, theme: &Theme) {
        let rect = centered(area, 90, area.height.saturating_sub(2));
        f.render_widget(Clear, rect);
        let mut lines: Vec<Line> = Vec::new();
        match &detail.loaded {
            None => lines.push(Line::from("loading…")),
            Some(d) => {
                let deal = &d.deal;
                lines.push(Line::from(vec![
                    Span::styled(deal.name.clone(), theme.title()),
                    Span::raw(format!("  {} {} · {}", deal.amount, deal.currency, deal.stage)),
                ]));
                let p = deal.probability.map(|p| format!("{p}%")).unwrap_or_else(|| "—".into());
                let close = deal.close_date.map(|d| d.to_string()).unwrap_or_else(|| "—".into());
                lines.push(Line::from(format!("probability {p} · closes {close} · version {}", deal.version)));
                lines.push(Line::from(Span::styled("Next steps", theme.accent())));
                lines.push(Line::from(deal.next_steps.clone().unwrap_or_else(|| "—".into())));
                lines.push(Line::from(Span::styled("Stage history", theme.accent())));
                for h in &d.history {
                    let from = h.from_stage.as_deref().unwrap_or("created");
                    lines.push(Line::from(format!(
                        "{}  {from} → {}",
                        h.changed_at.format("%Y-%m-%d %H:%M"),
                        h.to_stage
                    )));
                }
                lines.push(Line::from(Span::styled("Activities (n logs one)", theme.accent())));
                if d.activities.is_empty() {
                    lines.push(Line::from(Span::styled("none", theme.dim())));
                }
                for a in &d.activities {
                    let done = if a.completed { "✓" } else { "·" };
                    let due = a.due_date.map(|d| d.to_string()).unwrap_or_default();
                    lines.push(Line::from(format!(
                        "{done} {} {} {due} {}",
                        a.kind,
                        a.priority,
                        a.description.clone().unwrap_or_default()
                    )));
                }
            }
        }
        let block = Block::default().borders(Borders::ALL).title(" Deal (j/k scroll, Esc closes) ");
        let text = Paragraph::new(lines).block(block).wrap(Wrap { trim: false }).scroll((detail.scroll, 0));
        f.render_widget(text, rect);
    }
}

impl Screen for PipelineScreen {
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
        if self.detail.is_some() {
            match action {
                Action::Back | Action::Open => {
                    self.detail = None;
                    return true;
                }
                Action::LogActivity => {
                    let deal = self.detail.as_ref().and_then(|d| d.loaded.as_ref()).map(|d| &d.deal);
                    let mut preset = vec![("type", "call".to_string())];
                    if let Some(d) = deal {
                        preset.push(("deal_id", d.id.to_string()));
                        if let Some(c) = d.contact_id {
                            preset.push(("contact_id", c.to_string()));
                        }
                    }
                    self.form = Some(ActivityForm::open(&preset));
                    return true;
                }
                Action::Refresh => {
                    if let Some(d) = &mut self.detail {
                        d.ticket = cx.send(Request::Deal { id: d.id });
                    }
                    return true;
                }
                Action::Down | Action::Up | Action::Top => {
                    if let Some(d) = &mut self.detail {
                        d.scroll = match action {
                            Action::Down => d.scroll.saturating_add(1),
                            Action::Up => d.scroll.saturating_sub(1),
                            _ => 0,
                        };
                    }
                    return true;
                }
                _ => return matches!(action, Action::Left | Action::Right | Action::Bottom),
            }
        }
        match action {
            Action::Left => self.col = self.col.saturating_sub(1),
            Action::Right => self.col = (self.col + 1).min(self.columns.len().saturating_sub(1)),
            Action::Up | Action::Down | Action::Top | Action::Bottom => self.select(action, cx),
            Action::StagePrev => self.move_selected(-1, cx),
            Action::StageNext => self.move_selected(1, cx),
            Action::Open => {
                if let Some(id) = self.selected_deal().map(|d| d.id) {
                    let ticket = cx.send(Request::Deal { id });
                    self.detail = Some(Detail { id, ticket, loaded: None, scroll: 0 });
                }
            }
            _ => return false,
        }
        true
    }

    fn on_reply(&mut self, reply: &Reply, cx: &mut Cx) {
        match &reply.answer {
            Answer::Board(r) if self.board_ticket == Some(reply.ticket) => {
                self.loading = false;
                self.board_ticket = None;
                match r {
                    Ok((board, summary)) => {
                        self.now = Some(Utc::now());
                        self.apply_board(board, summary, cx);
                    }
                    Err(f) => cx.failed("pipeline", f),
                }
            }
            Answer::Column { stage, deals } if self.column_tickets.remove(&reply.ticket).is_some() => {
                if let Some(c) = self.columns.iter_mut().find(|c| &c.name == stage) {
                    c.loading_more = false;
                    match deals {
                        Ok(more) => {
                            let known: HashSet<i64> = c.deals.iter().map(|d| d.id).collect();
                            c.deals.extend(more.iter().filter(|d| !known.contains(&d.id)).cloned());
                        }
                        Err(f) => cx.failed(stage, f),
                    }
                }
                self.ask_names(cx);
            }
            Answer::Moved { id, deal } => self.moved(reply.ticket, *id, deal, cx),
            Answer::Deal(r) => {
                if let Some(d) = self.detail.as_mut().filter(|d| d.ticket == reply.ticket) {
                    match r {
                        Ok(detail) => d.loaded = Some(detail.clone()),
                        Err(f) => {
                            cx.failed("deal", f);
                            self.detail = None;
                        }
                    }
                }
            }
            Answer::ContactNames(Ok(names)) => self.contact_names.extend(names.iter().cloned()),
            Answer::Logged(_) if self.form.as_mut().and_then(|f| f.on_reply(reply, cx)).is_some() => {
                self.form = None;
                if let Some(d) = &mut self.detail {
                    d.ticket = cx.send(Request::Deal { id: d.id });
                }
            }
            _ => {}
        }
    }

    fn refresh(&mut self, cx: &mut Cx) {
        self.load_board(cx);
        if let Some(d) = &mut self.detail {
            d.ticket = cx.send(Request::Deal { id: d.id });
        }
    }

    fn draw(&self, f: &mut Frame, area: Rect, theme: &Theme) {
        if self.columns.is_empty() {
            let text = if self.loading { "loading the pipeline…" } else { "no stages" };
            f.render_widget(Paragraph::new(Span::styled(text, theme.dim())), area);
        } else {
            let fit = usize::from((area.width / MIN_COLUMN).max(1)).min(self.columns.len());
            let first = self.col.saturating_sub(fit - 1).min(self.columns.len() - fit);
            let widths = vec![Constraint::Ratio(1, fit as u32); fit];
            let rects = Layout::horizontal(widths).split(area);
            for (k, rect) in rects.iter().enumerate() {
                self.draw_column(f, *rect, first + k, theme);
            }
        }
        if let Some(d) = &self.detail {
            self.draw_detail(f, area, d, theme);
        }
        if let Some(form) = &self.form {
            form.draw(f, area, theme);
        }
    }
}
