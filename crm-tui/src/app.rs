//! The application: the four screens, the overlays (help, palette), the banner and the status
//! line. Every change of state goes through [`App::update`] (a key, an answer, a tick);
//! drawing reads the state and nothing else, and requests leave through the outbox, which the
//! event loop hands to [`crate::net`].

use std::time::{Duration, Instant};

use chrono::NaiveDate;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Tabs};

use crate::keys::{self, Action};
use crate::request::{Answer, Failure, FailureKind, Reply, Request, Ticket};
use crate::screens::activities::ActivitiesScreen;
use crate::screens::contacts::ContactsScreen;
use crate::screens::dashboard::DashboardScreen;
use crate::screens::pipeline::PipelineScreen;
use crate::screens::{Cx, Message, Screen};
use crate::theme::Theme;
use crate::widgets::help;
use crate::widgets::palette::{self, Palette};

/// A screen open this long is loaded again without a key press, so that what another client
/// of the same user changed shows up.
pub const AUTO_REFRESH: Duration = Duration::from_secs(8);

pub const SCREENS: usize = 4;

/// What stands above the screens when the server cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Banner {
    pub text: String,
}

#[derive(Debug)]
pub enum Overlay {
    Help,
    Palette(Palette),
}

/// What happens to the app: a key pressed, an answer come back, the clock ticking.
#[derive(Debug)]
pub enum Msg {
    Key(KeyEvent),
    Reply(Box<Reply>),
    Tick,
}

pub struct App {
    pub current: usize,
    pub dashboard: DashboardScreen,
    pub pipeline: PipelineScreen,
    pub activities: ActivitiesScreen,
    pub contacts: ContactsScreen,
    pub overlay: Option<Overlay>,
    pub banner: Option<Banner>,
    pub message: Option<Message>,
    /// Requests to send, with their tickets.
    pub outbox: Vec<(Ticket, Request)>,
    next_ticket: Ticket,
    /// When each screen was last loaded (none: never).
    loaded: [Option<Instant>; SCREENS],
    pub quit: bool,
    pub theme: Theme,
    /// Today, UTC (fixed in tests).
    pub today: NaiveDate,
}

impl App {
    pub fn new(theme: Theme, today: NaiveDate) -> App {
        App {
            current: 0,
            dashboard: DashboardScreen::default(),
            pipeline: PipelineScreen::default(),
            activities: ActivitiesScreen::default(),
            contacts: ContactsScreen::default(),
            overlay: None,
            banner: None,
            message: None,
            outbox: Vec::new(),
            next_ticket: 0,
            loaded: [None; SCREENS],
            quit: false,
            theme,
            today,
        }
    }

    /// Opens screen `index` and loads it.
    pub fn start(&mut self, index: usize, now: Instant) {
        self.current = index.min(SCREENS - 1);
        self.refresh(now);
    }

    fn parts(&mut self, now: Instant) -> (&mut dyn Screen, Cx<'_>) {
        let cx = Cx {
            outbox: &mut self.outbox,
            next_ticket: &mut self.next_ticket,
            message: &mut self.message,
            today: self.today,
            now,
        };
        let screen: &mut dyn Screen = match self.current {
            0 => &mut self.dashboard,
            1 => &mut self.pipeline,
            2 => &mut self.activities,
            _ => &mut self.contacts,
        };
        (screen, cx)
    }

    pub fn screen(&self) -> &dyn Screen {
        match self.current {
            0 => &self.dashboard,
            1 => &self.pipeline,
            2 => &self.activities,
            _ => &self.contacts,
        }
    }

    fn refresh(&mut self, now: Instant) {
        self.loaded[self.current] = Some(now);
        let (screen, mut cx) = self.parts(now);
        screen.refresh(&mut cx);
    }

    fn switch(&mut self, index: usize, now: Instant) {
        self.current = index % SCREENS;
        // A screen loads when first opened, and again when what it shows may be old.
        if self.loaded[self.current].is_none_or(|t| now.duration_since(t) >= AUTO_REFRESH) {
            self.refresh(now);
        }
    }

    /// The one way the state changes: every event of the loop comes through here.
    pub fn update(&mut self, msg: Msg, now: Instant) {
        match msg {
            Msg::Key(key) => self.on_key(key, now),
            Msg::Reply(reply) => self.on_reply(*reply, now),
            Msg::Tick => self.tick(now),
        }
    }

    pub fn on_key(&mut self, key: KeyEvent, now: Instant) {
        if key.code == KeyCode::Char('c') && key.modifiers.contains(KeyModifiers::CONTROL) {
            self.quit = true;
            return;
        }
        match &mut self.overlay {
            Some(Overlay::Help) => {
                // Any key closes the help.
                self.overlay = None;
                return;
            }
            Some(Overlay::Palette(p)) => {
                match p.on_key(&key) {
                    palette::Outcome::Stay => {}
                    palette::Outcome::Close => self.overlay = None,
                    palette::Outcome::Run(screen, action) => {
                        self.overlay = None;
                        if let Some(s) = screen
                            && s != self.current
                        {
                            self.switch(s, now);
                        }
                        self.act(action, now);
                    }
                }
                return;
            }
            None => {}
        }
        let (screen, mut cx) = self.parts(now);
        if screen.captures() {
            screen.on_key(&key, &mut cx);
            return;
        }
        let action = keys::lookup(keys::SCREENS[self.current].1, &key).or_else(|| keys::lookup(keys::GLOBAL, &key));
        if let Some(action) = action {
            self.act(action, now);
        }
    }

    /// Runs `action` on the current screen, or as a global one when the screen has no use for it.
    pub fn act(&mut self, action: Action, now: Instant) {
        self.message = None;
        let (screen, mut cx) = self.parts(now);
        if screen.on_action(action, &mut cx) {
            return;
        }
        match action {
            Action::Quit => self.quit = true,
            Action::NextScreen => self.switch(self.current + 1, now),
            Action::PrevScreen => self.switch(self.current + SCREENS - 1, now),
            Action::Screen(i) => self.switch(i, now),
            Action::Help => self.overlay = Some(Overlay::Help),
            Action::Palette => self.overlay = Some(Overlay::Palette(Palette::new(self.current))),
            Action::Refresh => self.refresh(now),
            // Esc with nothing to close does nothing.
            Action::Back => {}
            // A key of the screen that has no use now (the palette offers every action).
            other => {
                let what = keys::describe(self.current, other).unwrap_or("that");
                self.message = Some(Message { text: format!("not available here now: {what}"), error: true });
            }
        }
    }

    pub fn on_reply(&mut self, reply: Reply, now: Instant) {
        match answer_failure(&reply.answer) {
            Some(f) if f.kind == FailureKind::Offline => {
                self.banner =
                    Some(Banner { text: format!("offline, showing what was loaded (r retries): {}", f.message) });
            }
            Some(f) if f.kind == FailureKind::Unauthorized => {
                self.banner = Some(Banner { text: format!("not logged in (run `crm login`, then r): {}", f.message) });
            }
            _ => self.banner = None,
        }
        let mut cx = Cx {
            outbox: &mut self.outbox,
            next_ticket: &mut self.next_ticket,
            message: &mut self.message,
            today: self.today,
            now,
        };
        self.dashboard.on_reply(&reply, &mut cx);
        self.pipeline.on_reply(&reply, &mut cx);
        self.activities.on_reply(&reply, &mut cx);
        self.contacts.on_reply(&reply, &mut cx);
    }

    /// Debounced searches, and the reload of a screen left open.
    pub fn tick(&mut self, now: Instant) {
        let due = self.loaded[self.current].is_some_and(|t| now.duration_since(t) >= AUTO_REFRESH);
        if due && !self.screen().captures() && !self.screen().loading() {
            self.refresh(now);
        }
        let (screen, mut cx) = self.parts(now);
        screen.tick(&mut cx);
    }

    pub fn draw(&self, f: &mut Frame) {
        let theme = &self.theme;
        let area = f.area();
        let banner = u16::from(self.banner.is_some());
        let [tabs, banner_area, body, status] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(banner),
            Constraint::Min(1),
            Constraint::Length(1),
        ])
        .areas(area);
        let titles: Vec<Line> = keys::SCREENS
            .iter()
            .map(|(name, _)| name)
            .enumerate()
            .map(|(i, t)| Line::from(format!("{} {t}", i + 1)))
            .collect();
        f.render_widget(Tabs::new(titles).select(self.current).highlight_style(theme.selected()).divider("│"), tabs);
        if let Some(b) = &self.banner {
            f.render_widget(Paragraph::new(Span::styled(b.text.as_str(), theme.error())), banner_area);
        }
        self.screen().draw(f, body, theme);
        let status_line = match &self.message {
            Some(m) if m.error => Line::from(Span::styled(m.text.as_str(), theme.error())),
            Some(m) => Line::from(Span::styled(m.text.as_str(), theme.good())),
            None => Line::from(Span::styled("? keys  : commands  q quit", theme.dim())),
        };
        f.render_widget(Paragraph::new(status_line), status);
        match &self.overlay {
            Some(Overlay::Help) => help::draw(f, body, self.current, theme),
            Some(Overlay::Palette(p)) => p.draw(f, body, theme),
            None => {}
        }
    }
}

/// The failure an answer carries, if any.
pub fn answer_failure(a: &Answer) -> Option<&Failure> {
    fn err<T>(r: &Result<T, Failure>) -> Option<&Failure> {
        r.as_ref().err()
    }
    match a {
        Answer::Dashboard(r) => err(r),
        Answer::Layout(r) | Answer::LayoutSaved(r) => err(r),
        Answer::Board(r) => err(r),
        Answer::Column { deals, .. } => err(deals),
        Answer::Moved { deal, .. } => err(deal),
        Answer::Deal(r) => err(r),
        Answer::ContactNames(r) => err(r),
        Answer::Queue(r) => err(r),
        Answer::Completed { activity, .. } | Answer::Snoozed { activity, .. } => err(activity),
        Answer::Logged(r) => err(r),
        Answer::Contacts(r) => err(r),
        Answer::Timeline { items, .. } => err(items),
        Answer::ContactSaved(r) | Answer::ContactRestored(r) => err(r),
        Answer::ContactDeleted { done, .. } => err(done),
    }
}

/// Rect of `percent_x` by `height` rows in the middle of `area`.
pub fn centered(area: Rect, percent_x: u16, height: u16) -> Rect {
    let share = u32::from(area.width) * u32::from(percent_x) / 100;
    let width = u16::try_from(share).unwrap_or(area.width).max(20).min(area.width);
    let height = height.min(area.height);
    Rect { x: area.x + (area.width - width) / 2, y: area.y + (area.height - height) / 2, width, height }
}
