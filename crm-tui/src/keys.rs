//! Keys and the actions they stand for. Each screen lists its bindings once, in a table: the
//! same table dispatches a key, fills the help overlay (`?`) and the command palette (`:`).

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// What a key (or a palette entry) asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Quit,
    NextScreen,
    PrevScreen,
    Screen(usize),
    Help,
    Palette,
    Refresh,
    Up,
    Down,
    Left,
    Right,
    Top,
    Bottom,
    Open,
    Back,
    /// Pipeline: move the selected deal to the previous / next stage.
    StagePrev,
    StageNext,
    /// Activities.
    Complete,
    Snooze,
    /// Log a call, e-mail, meeting, task or note (activities, and a deal opened on the board).
    LogActivity,
    /// Contacts.
    Search,
    New,
    Edit,
    Delete,
    Undo,
    /// Dashboard: edit the layout (add, remove, reorder widgets, period) and save it.
    EditLayout,
    AddWidget,
    RemoveWidget,
    WidgetUp,
    WidgetDown,
    NextPeriod,
    Save,
}

/// A key as a binding names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Char(char),
    Ctrl(char),
    Code(KeyCode),
}

impl Key {
    pub fn matches(self, ev: &KeyEvent) -> bool {
        match self {
            Key::Char(c) => {
                ev.code == KeyCode::Char(c) && !ev.modifiers.intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
            }
            Key::Ctrl(c) => ev.code == KeyCode::Char(c) && ev.modifiers.contains(KeyModifiers::CONTROL),
            Key::Code(code) => ev.code == code && !ev.modifiers.contains(KeyModifiers::CONTROL),
        }
    }

    pub fn label(self) -> String {
        match self {
            Key::Char(' ') => "Space".into(),
            Key::Char(c) => c.to_string(),
            Key::Ctrl(c) => format!("Ctrl-{}", c.to_ascii_uppercase()),
            Key::Code(KeyCode::Up) => "↑".into(),
            Key::Code(KeyCode::Down) => "↓".into(),
            Key::Code(KeyCode::Left) => "←".into(),
            Key::Code(KeyCode::Right) => "→".into(),
            Key::Code(KeyCode::Enter) => "Enter".into(),
            Key::Code(KeyCode::Esc) => "Esc".into(),
            Key::Code(KeyCode::Tab) => "Tab".into(),
            Key::Code(KeyCode::BackTab) => "Shift-Tab".into(),
            Key::Code(KeyCode::Home) => "Home".into(),
            Key::Code(KeyCode::End) => "End".into(),
            Key::Code(KeyCode::PageUp) => "PgUp".into(),
            Key::Code(KeyCode::PageDown) => "PgDn".into(),
            Key::Code(other) => format!("{other:?}"),
        }
    }
}

/// Keys, the action they stand for, and what it does in words.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    pub keys: &'static [Key],
    pub action: Action,
    pub help: &'static str,
}

const fn bind(keys: &'static [Key], action: Action, help: &'static str) -> Binding {
    Binding { keys, action, help }
}

use Key::{Char, Code};

/// Keys every screen has.
pub const GLOBAL: &[Binding] = &[
    bind(&[Code(KeyCode::Tab)], Action::NextScreen, "next screen"),
    bind(&[Code(KeyCode::BackTab)], Action::PrevScreen, "previous screen"),
    bind(&[Char('1')], Action::Screen(0), "dashboard"),
    bind(&[Char('2')], Action::Screen(1), "pipeline"),
    bind(&[Char('3')], Action::Screen(2), "activities"),
    bind(&[Char('4')], Action::Screen(3), "contacts"),
    bind(&[Char('?')], Action::Help, "show the keys of this screen"),
    bind(&[Char(':')], Action::Palette, "command palette: every action, fuzzy matched"),
    bind(&[Char('r')], Action::Refresh, "refresh from the server"),
    bind(&[Char('q')], Action::Quit, "quit"),
];

pub const DASHBOARD: &[Binding] = &[
    bind(&[Char('e')], Action::EditLayout, "edit the layout (widgets and period)"),
    bind(&[Char('p')], Action::NextPeriod, "next period"),
    bind(&[Char('k'), Code(KeyCode::Up)], Action::Up, "layout editor: previous widget"),
    bind(&[Char('j'), Code(KeyCode::Down)], Action::Down, "layout editor: next widget"),
    bind(&[Char('a')], Action::AddWidget, "layout editor: add a widget"),
    bind(&[Char('d')], Action::RemoveWidget, "layout editor: remove the widget"),
    bind(&[Char('K')], Action::WidgetUp, "layout editor: move the widget up"),
    bind(&[Char('J')], Action::WidgetDown, "layout editor: move the widget down"),
    bind(&[Char('s'), Key::Ctrl('s')], Action::Save, "layout editor: save the layout"),
    bind(&[Code(KeyCode::Esc)], Action::Back, "layout editor: leave without saving"),
];

pub const PIPELINE: &[Binding] = &[
    bind(&[Char('h'), Code(KeyCode::Left)], Action::Left, "previous column"),
    bind(&[Char('l'), Code(KeyCode::Right)], Action::Right, "next column"),
    bind(&[Char('k'), Code(KeyCode::Up)], Action::Up, "previous card"),
    bind(&[Char('j'), Code(KeyCode::Down)], Action::Down, "next card"),
    bind(&[Char('g'), Code(KeyCode::Home)], Action::Top, "first card"),
    bind(&[Char('G'), Code(KeyCode::End)], Action::Bottom, "last card loaded"),
    bind(&[Char('H'), Char('<')], Action::StagePrev, "move the deal to the previous stage"),
    bind(&[Char('L'), Char('>')], Action::StageNext, "move the deal to the next stage"),
    bind(&[Code(KeyCode::Enter)], Action::Open, "open the deal: stage history, next steps, activities"),
    bind(&[Char('n')], Action::LogActivity, "log an activity against the open deal"),
    bind(&[Code(KeyCode::Esc)], Action::Back, "close the deal"),
];

pub const ACTIVITIES: &[Binding] = &[
    bind(&[Char('k'), Code(KeyCode::Up)], Action::Up, "previous activity"),
    bind(&[Char('j'), Code(KeyCode::Down)], Action::Down, "next activity"),
    bind(&[Char('g'), Code(KeyCode::Home)], Action::Top, "first"),
    bind(&[Char('G'), Code(KeyCode::End)], Action::Bottom, "last"),
    bind(&[Char('x')], Action::Complete, "complete the activity"),
    bind(&[Char('s')], Action::Snooze, "snooze it to tomorrow"),
    bind(&[Char('n')], Action::LogActivity, "log a call, e-mail, meeting, task or note"),
];

pub const CONTACTS: &[Binding] = &[
    bind(&[Char('k'), Code(KeyCode::Up)], Action::Up, "previous contact"),
    bind(&[Char('j'), Code(KeyCode::Down)], Action::Down, "next contact"),
    bind(&[Char('g'), Code(KeyCode::Home)], Action::Top, "first"),
    bind(&[Char('G'), Code(KeyCode::End)], Action::Bottom, "last"),
    bind(&[Char('/')], Action::Search, "search: free text and filters (status[eq]:Lead)"),
    bind(&[Char('n')], Action::New, "new contact"),
    bind(&[Char('e')], Action::Edit, "edit the contact"),
    bind(&[Char('d')], Action::Delete, "delete the contact (asks first)"),
    bind(&[Char('u')], Action::Undo, "undo the last delete"),
    bind(&[Code(KeyCode::Esc)], Action::Back, "clear the search"),
];

/// The screens' names and keys, in tab order (`1`-`4`).
pub const SCREENS: [(&str, &[Binding]); 4] =
    [("Dashboard", DASHBOARD), ("Pipeline", PIPELINE), ("Activities", ACTIVITIES), ("Contacts", CONTACTS)];

/// What `action` does on screen `screen`, in words (its help line).
pub fn describe(screen: usize, action: Action) -> Option<&'static str> {
    let table = SCREENS.get(screen).map_or(GLOBAL, |(_, t)| *t);
    table.iter().chain(GLOBAL).find(|b| b.action == action).map(|b| b.help)
}

/// The action `ev` stands for in `table`.
pub fn lookup(table: &[Binding], ev: &KeyEvent) -> Option<Action> {
    table.iter().find(|b| b.keys.iter().any(|k| k.matches(ev))).map(|b| b.action)
}

/// The keys of a binding, as the help shows them.
pub fn labels(b: &Binding) -> String {
    b.keys.iter().map(|k| k.label()).collect::<Vec<_>>().join(" ")
}
