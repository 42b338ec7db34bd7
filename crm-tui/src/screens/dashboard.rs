//! The dashboard, laid out as the user saved it: KPI tiles (contacts, open opportunities,
//! pipeline value, deals won, win rate, average deal size, sales cycle), deals by stage, the
//! forecast by month, the funnel and the activity timeline. `e` edits the layout in place
//! (`a` adds, `d` removes, `K`/`J` reorder, `p` changes the period) and `s` saves it back.

use crm_api::analytics::{CurrencyAmount, Dashboard, DashboardParams};
use crm_api::dashboard::{DashboardLayout, NewDashboardLayout, Period, Widget};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Bar, BarChart, BarGroup, Block, Borders, List, ListItem, ListState, Paragraph, Sparkline};

use crate::app::centered;
use crate::keys::Action;
use crate::request::{Answer, Reply, Request, Ticket};
use crate::screens::{Cx, Screen};
use crate::theme::Theme;

/// The layout being edited: a draft until saved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    pub widgets: Vec<Widget>,
    pub period: Period,
    pub selected: usize,
}

#[derive(Debug, Default)]
pub struct DashboardScreen {
    pub layout: Option<DashboardLayout>,
    pub data: Option<Dashboard>,
    pub draft: Option<Draft>,
    pub loading: bool,
    layout_ticket: Option<Ticket>,
    data_ticket: Option<Ticket>,
    save_ticket: Option<Ticket>,
}

/// Whether a widget is a KPI tile (the others are charts).
pub fn is_tile(w: Widget) -> bool {
    !matches!(w, Widget::ByStage | Widget::Forecast | Widget::Funnel | Widget::ActivityTimeline)
}

fn money(v: &Option<Vec<CurrencyAmount>>) -> String {
    match v {
        Some(list) if !list.is_empty() => {
            list.iter().map(|c| format!("{} {}", c.amount, c.currency)).collect::<Vec<_>>().join(" · ")
        }
        _ => "—".into(),
    }
}

fn title(w: Widget) -> &'static str {
    match w {
        Widget::TotalContacts => "Contacts",
        Widget::OpenOpportunities => "Open opportunities",
        Widget::PipelineValue => "Pipeline value",
        Widget::DealsWon => "Deals won",
        Widget::WinRate => "Win rate",
        Widget::AverageDealSize => "Average deal",
        Widget::SalesCycleDays => "Sales cycle",
        Widget::ByStage => "Open deals by stage",
        Widget::Forecast => "Forecast by month (weighted)",
        Widget::Funnel => "Funnel",
        Widget::ActivityTimeline => "Activities per day",
    }
}

impl DashboardScreen {
    fn period(&self) -> Period {
        self.layout.as_ref().map(|l| l.period).unwrap_or_default()
    }

    fn load_data(&mut self, cx: &mut Cx) {
        let (from, to) = self.period().range(cx.today);
        self.loading = true;
        self.data_ticket =
            Some(cx.send(Request::Dashboard(DashboardParams { from: Some(from), to: Some(to), pipeline_id: None })));
    }

    fn save(&mut self, widgets: Vec<Widget>, period: Period, cx: &mut Cx) {
        let version = self.layout.as_ref().map_or(0, |l| l.version);
        let layout = NewDashboardLayout { period, widgets };
        self.save_ticket = Some(cx.send(Request::SaveLayout { layout, version }));
    }

    /// The widgets shown: the draft's while editing.
    pub fn widgets(&self) -> Vec<Widget> {
        match (&self.draft, &self.layout) {
            (Some(d), _) => d.widgets.clone(),
            (None, Some(l)) => l.widgets.clone(),
            (None, None) => Widget::ALL.to_vec(),
        }
    }

    fn edit(&mut self, action: Action, cx: &mut Cx) -> bool {
        let Some(d) = &mut self.draft else { return false };
        let n = d.widgets.len();
        match action {
            Action::Up => d.selected = d.selected.saturating_sub(1),
            Action::Down => d.selected = (d.selected + 1).min(n.saturating_sub(1)),
            Action::WidgetUp if d.selected > 0 => {
                d.widgets.swap(d.selected, d.selected - 1);
                d.selected -= 1;
            }
            Action::WidgetDown if d.selected + 1 < n => {
                d.widgets.swap(d.selected, d.selected + 1);
                d.selected += 1;
            }
            Action::AddWidget => match Widget::ALL.iter().find(|w| !d.widgets.contains(w)) {
                Some(w) => {
                    d.selected = (d.selected + 1).min(n);
                    d.widgets.insert(d.selected, *w);
                }
                None => cx.fail("every widget is shown already"),
            },
            Action::RemoveWidget if n > 1 => {
                d.widgets.remove(d.selected);
                d.selected = d.selected.min(n - 2);
            }
            Action::RemoveWidget => cx.fail("a dashboard shows at least one widget"),
            Action::NextPeriod => d.period = next_period(d.period),
            Action::Save => {
                let (widgets, period) = (d.widgets.clone(), d.period);
                self.save(widgets, period, cx);
            }
            Action::Back => {
                self.draft = None;
                cx.say("layout left unchanged");
            }
            Action::WidgetUp | Action::WidgetDown => {}
            _ => return false,
        }
        true
    }

    fn draw_tile(&self, f: &mut Frame, area: Rect, w: Widget, d: Option<&Dashboard>, theme: &Theme) {
        let value = match d {
            None => "…".to_string(),
            Some(d) => match w {
                Widget::TotalContacts => d.total_contacts.to_string(),
                Widget::OpenOpportunities => d.open_opportunities.to_string(),
                Widget::PipelineValue => money(&d.pipeline_value),
                Widget::DealsWon => d.deals_won.to_string(),
                Widget::WinRate => d.win_rate.map_or("—".into(), |r| format!("{:.0}%", r * 100.0)),
                Widget::AverageDealSize => money(&d.average_deal_size),
                Widget::SalesCycleDays => d.sales_cycle_days.map_or("—".into(), |v| format!("{v:.1} d")),
                _ => String::new(),
            },
        };
        let block = Block::default().borders(Borders::ALL).title(Span::styled(title(w), theme.dim()));
        f.render_widget(Paragraph::new(Span::styled(value, theme.title())).block(block), area);
    }

    fn draw_chart(&self, f: &mut Frame, area: Rect, w: Widget, d: Option<&Dashboard>, theme: &Theme) {
        let block = Block::default().borders(Borders::ALL).title(Span::styled(title(w), theme.title()));
        let Some(d) = d else {
            f.render_widget(Paragraph::new("…").block(block), area);
            return;
        };
        match w {
            Widget::ByStage => {
                let bars: Vec<Bar> = d
                    .by_stage
                    .iter()
                    .map(|s| Bar::default().label(Line::from(s.stage.clone())).value(s.count.max(0).unsigned_abs()))
                    .collect();
                let width = (area.width.saturating_sub(2) / u16::try_from(bars.len().max(1)).unwrap_or(1)).clamp(3, 12);
                let chart = BarChart::default()
                    .block(block)
                    .data(BarGroup::default().bars(&bars))
                    .bar_width(width.saturating_sub(1))
                    .bar_style(theme.accent());
                f.render_widget(chart, area);
            }
            Widget::Forecast => {
                let lines: Vec<Line> = d
                    .forecast
                    .months
                    .iter()
                    .map(|m| {
                        let figures: Vec<String> = m
                            .currencies
                            .iter()
                            .map(|c| format!("{} {} (won {})", c.weighted, c.currency, c.won))
                            .collect();
                        let text = if figures.is_empty() { "—".to_string() } else { figures.join(" · ") };
                        Line::from(vec![Span::styled(format!("{}  ", m.month), theme.accent()), Span::raw(text)])
                    })
                    .collect();
                f.render_widget(Paragraph::new(lines).block(block), area);
            }
            Widget::Funnel => {
                let inner = usize::from(area.width.saturating_sub(24));
                let lines: Vec<Line> = d
                    .funnel
                    .iter()
                    .map(|s| {
                        let share = s.share.unwrap_or(0.0).clamp(0.0, 1.0);
                        let bar = "█".repeat((share * inner as f64).round() as usize);
                        Line::from(vec![
                            Span::raw(format!("{:<12.12}", s.stage)),
                            Span::styled(bar, theme.accent()),
                            Span::raw(format!(" {}", s.count)),
                        ])
                    })
                    .collect();
                f.render_widget(Paragraph::new(lines).block(block), area);
            }
            Widget::ActivityTimeline => {
                let data: Vec<u64> = d
                    .activity_timeline
                    .iter()
                    .map(|a| (a.call + a.email + a.meeting + a.task + a.note).max(0).unsigned_abs())
                    .collect();
                f.render_widget(Sparkline::default().block(block).data(&data).style(theme.accent()), area);
            }
            _ => {}
        }
    }

    fn draw_editor(&self, f: &mut Frame, area: Rect, d: &Draft, theme: &Theme) {
        let rect = centered(area, 60, u16::try_from(d.widgets.len() + 4).unwrap_or(u16::MAX));
        f.render_widget(ratatui::widgets::Clear, rect);
        let items: Vec<ListItem> = d.widgets.iter().map(|w| ListItem::new(title(*w))).collect();
        let block = Block::default()
            .borders(Borders::ALL)
            .title(format!(" Layout · period {} (p) ", d.period))
            .title_bottom(" a add · d remove · K/J move · s save · Esc cancel ");
        let list = List::new(items).block(block).highlight_style(theme.selected());
        let mut state = ListState::default().with_selected(Some(d.selected));
        f.render_stateful_widget(list, rect, &mut state);
    }
}

fn next_period(p: Period) -> Period {
    let i = Period::ALL.iter().position(|x| *x == p).unwrap_or(0);
    Period::ALL[(i + 1) % Period::ALL.len()]
}

impl Screen for DashboardScreen {
    fn loading(&self) -> bool {
        self.loading
    }

    fn on_action(&mut self, action: Action, cx: &mut Cx) -> bool {
        if self.draft.is_some() {
            return self.edit(action, cx);
        }
        match action {
            Action::EditLayout => {
                let (widgets, period) = (self.widgets(), self.period());
                self.draft = Some(Draft { widgets, period, selected: 0 });
            }
            Action::NextPeriod => {
                let (widgets, period) = (self.widgets(), next_period(self.period()));
                self.save(widgets, period, cx);
            }
            _ => return false,
        }
        true
    }

    fn on_reply(&mut self, reply: &Reply, cx: &mut Cx) {
        match &reply.answer {
            Answer::Layout(r) if self.layout_ticket == Some(reply.ticket) => {
                self.layout_ticket = None;
                match r {
                    Ok(l) => {
                        self.layout = Some(l.clone());
                        self.load_data(cx);
                    }
                    Err(f) => {
                        self.loading = false;
                        cx.failed("dashboard layout", f);
                    }
                }
            }
            Answer::Dashboard(r) if self.data_ticket == Some(reply.ticket) => {
                self.data_ticket = None;
                self.loading = false;
                match r {
                    Ok(d) => self.data = Some(d.clone()),
                    Err(f) => cx.failed("dashboard", f),
                }
            }
            Answer::LayoutSaved(r) if self.save_ticket == Some(reply.ticket) => {
                self.save_ticket = None;
                match r {
                    Ok(l) => {
                        self.layout = Some(l.clone());
                        self.draft = None;
                        cx.say(format!("layout saved (version {}, {})", l.version, l.period));
                        self.load_data(cx);
                    }
                    Err(f) => cx.fail(format!("layout not saved: {}", f.message)),
                }
            }
            _ => {}
        }
    }

    fn refresh(&mut self, cx: &mut Cx) {
        self.loading = true;
        self.layout_ticket = Some(cx.send(Request::Layout));
    }

    fn draw(&self, f: &mut Frame, area: Rect, theme: &Theme) {
        let data = self.data.as_ref();
        let dates = match data {
            Some(d) => format!("{} to {}", d.from, d.to),
            None if self.loading => "loading…".into(),
            None => "not loaded (r retries)".into(),
        };
        let [head_area, body] = Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(area);
        f.render_widget(Paragraph::new(Span::styled(format!(" {} · {dates} ", self.period()), theme.dim())), head_area);
        // In the layout's order: a run of tiles makes rows of four, a run of charts rows of two.
        let mut rows: Vec<(bool, Vec<Widget>)> = Vec::new();
        for w in self.widgets() {
            let tile = is_tile(w);
            match rows.last_mut() {
                Some((t, ws)) if *t == tile && ws.len() < if tile { 4 } else { 2 } => ws.push(w),
                _ => rows.push((tile, vec![w])),
            }
        }
        let heights: Vec<Constraint> =
            rows.iter().map(|(tile, _)| if *tile { Constraint::Length(3) } else { Constraint::Fill(1) }).collect();
        let areas = Layout::vertical(heights).split(body);
        for ((tile, ws), row) in rows.iter().zip(areas.iter()) {
            let per_row = if *tile { 4 } else { ws.len() as u32 };
            let cells = Layout::horizontal(vec![Constraint::Ratio(1, per_row); per_row as usize]).split(*row);
            for (w, cell) in ws.iter().zip(cells.iter()) {
                if *tile {
                    self.draw_tile(f, *cell, *w, data, theme);
                } else {
                    self.draw_chart(f, *cell, *w, data, theme);
                }
            }
        }
        if let Some(d) = &self.draft {
            self.draw_editor(f, area, d, theme);
        }
    }
}
