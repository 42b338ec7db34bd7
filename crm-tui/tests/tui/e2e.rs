//! The real `crm-tui` binary in tmux against a real server (SQLite file): keys go in with
//! `tmux send-keys`, the screen comes back with `tmux capture-pane`, and what the keys did is
//! checked on the server through the typed client.
//!
//! tmux is required: these tests fail, never skip, without it (`scripts/test.sh` installs it).

use std::path::PathBuf;
use std::process::Output;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use chrono::{Days, Utc};
use crm_api::activities::{Activities, Activity, NewActivity};
use crm_api::analytics::PipelineParams;
use crm_api::client::Client;
use crm_api::contacts::{Contact, Contacts, NewContact};
use crm_api::deals::{Deal, DealPatch, Deals, NewDeal};
use crm_api::params::QueueParams;
use crm_api::{ActivityType, Money, Priority};
use crm_tests::{Backend, TestServer};
use tokio::process::Command;

/// How long a screen may take to show what a test waits for.
const TIMEOUT: Duration = Duration::from_secs(10);
/// How often the screen is read while waiting.
const POLL: Duration = Duration::from_millis(100);
/// The pause after each key: a move in flight queues the next, and a terminal reads Escape
/// followed quickly by another key as Alt-key.
const KEY_PAUSE: Duration = Duration::from_millis(300);
/// Longer than the contacts search's debounce (250 ms).
const SEARCH_PAUSE: Duration = Duration::from_millis(500);
const WIDTH: &str = "120";
const HEIGHT: &str = "40";
/// The tmux session (one per private tmux server).
const SESSION: &str = "e2e";

static SOCKETS: AtomicU64 = AtomicU64::new(0);

/// A private tmux server (`tmux -L`) running `crm-tui` in a 120x40 session; the server, and
/// the TUI with it, is killed when this is dropped, also when a test fails.
struct Tui {
    socket: String,
    /// The socket's file, which tmux leaves behind.
    socket_path: Option<PathBuf>,
    /// The TUI's configuration directory (`CRM_CONFIG_DIR`) and tmux's configuration file.
    _dir: tempfile::TempDir,
}

impl Drop for Tui {
    fn drop(&mut self) {
        // Blocking is fine here: a drop at the end of a test. No server (it exited) is fine too.
        let _ = std::process::Command::new("tmux").args(["-L", &self.socket, "kill-server"]).output();
        if let Some(path) = &self.socket_path {
            let _ = std::fs::remove_file(path);
        }
    }
}

impl Tui {
    /// Starts `crm-tui args` against `server` as the holder of `token`.
    async fn start(server: &str, token: &str, args: &[&str]) -> Tui {
        require_tmux().await;
        let dir = tempfile::tempdir().expect("a temporary directory for the TUI");
        let config_dir = dir.path().join("config");
        std::fs::create_dir(&config_dir).expect("creating the TUI's configuration directory");
        // No user configuration; the pane's TERM is what the session says; a pane whose
        // program exits stays, so that a failure shows what it printed.
        let tmux_conf = dir.path().join("tmux.conf");
        std::fs::write(&tmux_conf, "set -g default-terminal xterm-256color\nset -g remain-on-exit on\n")
            .expect("writing tmux.conf");
        let socket = format!("crm-tui-e2e-{}-{}", std::process::id(), SOCKETS.fetch_add(1, Ordering::Relaxed));
        let mut tui = Tui { socket, socket_path: None, _dir: dir };
        let env = [
            format!("CRM_CONFIG_DIR={}", config_dir.display()),
            format!("CRM_SERVER={server}"),
            format!("CRM_TOKEN={token}"),
            "NO_COLOR=1".to_string(),
            "TERM=xterm-256color".to_string(),
        ];
        let mut cmd = Command::new("tmux");
        cmd.arg("-L").arg(&tui.socket).arg("-f").arg(&tmux_conf);
        cmd.args(["new-session", "-d", "-s", SESSION, "-x", WIDTH, "-y", HEIGHT]);
        for e in &env {
            cmd.args(["-e", e]);
        }
        cmd.arg("--").arg(env!("CARGO_BIN_EXE_crm-tui")).args(args);
        // The tmux server started here passes its own environment on to the pane.
        cmd.env_remove("CRM_PROFILE").env_remove("TMUX");
        let out = cmd.output().await.expect("running tmux new-session");
        assert!(out.status.success(), "tmux new-session failed: {}", String::from_utf8_lossy(&out.stderr));
        let out = tui.tmux(&["display-message", "-p", "#{socket_path}"]).await;
        tui.socket_path = Some(PathBuf::from(String::from_utf8_lossy(&out.stdout).trim()));
        tui
    }

    async fn tmux(&self, args: &[&str]) -> Output {
        let out = Command::new("tmux")
            .args(["-L", &self.socket])
            .args(args)
            .output()
            .await
            .unwrap_or_else(|e| panic!("running tmux {args:?}: {e}"));
        assert!(out.status.success(), "tmux {args:?} failed: {}", String::from_utf8_lossy(&out.stderr));
        out
    }

    /// The screen as text.
    async fn capture(&self) -> String {
        let out = self.tmux(&["capture-pane", "-p", "-t", SESSION]).await;
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Sends one key as tmux names it (`L`, `Enter`, `Tab`, `C-u`, `Escape`), then pauses.
    async fn press(&self, key: &str) {
        self.tmux(&["send-keys", "-t", SESSION, key]).await;
        tokio::time::sleep(KEY_PAUSE).await;
    }

    /// Types `text` as it is, then pauses.
    async fn type_text(&self, text: &str) {
        self.tmux(&["send-keys", "-t", SESSION, "-l", text]).await;
        tokio::time::sleep(KEY_PAUSE).await;
    }

    /// Waits until the screen shows `text`; returns the screen.
    async fn wait_for(&self, text: &str) -> String {
        self.wait_until(&format!("{text:?} on the screen"), |s| s.contains(text)).await
    }

    /// Waits until `ready` holds of the screen; returns the screen. Panics with the last
    /// screen after [`TIMEOUT`].
    async fn wait_until(&self, what: &str, ready: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let screen = self.capture().await;
            if ready(&screen) {
                return screen;
            }
            if start.elapsed() > TIMEOUT {
                panic!("waited {TIMEOUT:?} for {what}; the screen:\n{screen}");
            }
            tokio::time::sleep(POLL).await;
        }
    }

    /// Quits with `q` and checks that the TUI exited cleanly.
    async fn quit(&self) {
        self.press("q").await;
        let start = Instant::now();
        loop {
            // The pane dies when its terminal closes, and has its status when tmux has reaped
            // its process.
            let format = "#{pane_dead}|#{pane_dead_status}|#{pane_dead_signal}|#{pid}";
            let out = self.tmux(&["display-message", "-p", "-t", SESSION, format]).await;
            let state = String::from_utf8_lossy(&out.stdout).trim().to_string();
            let (state, tmux_pid) = state.rsplit_once('|').unwrap_or((state.as_str(), ""));
            match state {
                "1|0|" => return,
                "1||" => {
                    // tmux built with libutempter can miss the SIGCHLD of a pane's process
                    // that exits while it removes the pane's utmp record (tmux issue #311),
                    // leaving it unreaped: a SIGCHLD of our own makes it look again.
                    let _ = Command::new("kill").args(["-s", "CHLD", tmux_pid]).output().await;
                }
                s if s.starts_with("1|") => {
                    panic!("crm-tui exited with a failure ({s}); the screen:\n{}", self.capture().await)
                }
                _ => {}
            }
            if start.elapsed() > TIMEOUT {
                panic!("crm-tui did not quit on q (pane {state}); the screen:\n{}", self.capture().await);
            }
            tokio::time::sleep(POLL).await;
        }
    }
}

/// Fails, with what to do, when tmux is not installed.
async fn require_tmux() {
    match Command::new("tmux").arg("-V").output().await {
        Ok(out) if out.status.success() => {}
        Ok(out) => panic!("`tmux -V` failed: {}", String::from_utf8_lossy(&out.stderr)),
        Err(e) => panic!(
            "the end-to-end TUI tests need tmux ({e}): install it (`apt-get install tmux`; scripts/test.sh does)"
        ),
    }
}

/// What a pipeline column shows under its title: the rows of the screen between the borders
/// of the box whose top border carries ` {stage} (`. None when the column is not on screen.
fn column(screen: &str, stage: &str) -> Option<String> {
    let lines: Vec<Vec<char>> = screen.lines().map(|l| l.chars().collect()).collect();
    let title: Vec<char> = format!(" {stage} (").chars().collect();
    for (row, line) in lines.iter().enumerate() {
        let Some(at) = line.windows(title.len()).position(|w| w == title.as_slice()) else { continue };
        let left = line[..at].iter().rposition(|c| *c == '┌')?;
        let right = at + line[at..].iter().position(|c| *c == '┐')?;
        let mut text = String::new();
        for below in &lines[row + 1..] {
            if below.get(left) == Some(&'└') {
                break;
            }
            let end = right.min(below.len());
            text.extend(below.get(left + 1..end).unwrap_or_default());
            text.push('\n');
        }
        return Some(text);
    }
    None
}

/// Whether the pipeline column of `stage` shows `text`.
fn column_shows(screen: &str, stage: &str, text: &str) -> bool {
    column(screen, stage).is_some_and(|c| c.contains(text))
}

/// A user with two contacts, three deals in the first stage and two open activities (one
/// overdue, one due today).
struct Seeded {
    /// Stopped when dropped: kept to the end of the test.
    server: TestServer,
    client: Client,
    token: String,
    grace: Contact,
    /// The deal the board selects at first (the first card of the first column).
    first_deal: Deal,
    /// The activity the queue selects at first.
    first_activity: Activity,
}

async fn seed() -> Seeded {
    let server = TestServer::start(Backend::Sqlite).await;
    let client = server.user("tui").await;
    let token = client.token().expect("the registered user's token").to_string();
    let contact = |name: &str, email: &str, company: &str| NewContact {
        name: name.into(),
        email: Some(email.into()),
        company: Some(company.into()),
        ..Default::default()
    };
    let ada = client
        .create::<Contacts>(&contact("Ada Lovelace", "ada@example.com", "Analytical Engines"))
        .await
        .expect("creating Ada")
        .record;
    let grace = client
        .create::<Contacts>(&contact("Grace Hopper", "grace.hopper@example.com", "US Navy"))
        .await
        .expect("creating Grace")
        .record;
    for (name, amount, who) in
        [("Engine upgrade", 1_250_000, &ada), ("Compiler licence", 480_000, &grace), ("Punch cards", 9_900, &ada)]
    {
        let deal = NewDeal {
            name: name.into(),
            amount: Money::from_minor(amount),
            contact_id: Some(who.id),
            stage: "Prospect".into(),
            ..Default::default()
        };
        client.create::<Deals>(&deal).await.expect("creating a deal");
    }
    let today = Utc::now().date_naive();
    let yesterday = today.checked_sub_days(Days::new(1)).expect("yesterday");
    for (description, due, who) in
        [("Call Ada about the engine", yesterday, &ada), ("Send Grace the compiler notes", today, &grace)]
    {
        let activity = NewActivity {
            kind: ActivityType::Call,
            priority: Priority::High,
            description: Some(description.into()),
            due_date: Some(due),
            contact_id: Some(who.id),
            ..Default::default()
        };
        client.create::<Activities>(&activity).await.expect("creating an activity");
    }

    // What the TUI selects first, as the server orders it.
    let board = client
        .pipeline_board(&PipelineParams { per_stage: Some(50), ..PipelineParams::default() })
        .await
        .expect("the board");
    let first_deal = board
        .0
        .into_iter()
        .find(|(stage, _)| stage == "Prospect")
        .and_then(|(_, deals)| deals.into_iter().next())
        .expect("a deal in Prospect");
    let queue = client.activity_queue(&QueueParams::default()).await.expect("the activity queue");
    let first_activity = queue.overdue.into_iter().chain(queue.today).next().expect("an activity in the queue");
    Seeded { server, client, token, grace, first_deal, first_activity }
}

impl Seeded {
    async fn tui(&self, screen: &str) -> Tui {
        Tui::start(&self.server.base, &self.token, &["--screen", screen]).await
    }

    async fn deal(&self, id: i64) -> Deal {
        self.client.get::<Deals>(id).await.expect("reading the deal").record
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn keys_move_a_deal_complete_an_activity_and_edit_a_contact_on_the_server() {
    let s = seed().await;
    let tui = s.tui("pipeline").await;
    let deal = &s.first_deal;

    // The pipeline: the first card of the first column is selected; L twice moves it two
    // stages on, the second move queued behind the first.
    tui.wait_until("the first deal in the Prospect column", |screen| column_shows(screen, "Prospect", &deal.name))
        .await;
    tui.press("L").await;
    tui.press("L").await;
    // The card moves at once; it shows the probability of Proposal (50 %, the seed's) when
    // the server has answered the second move.
    let screen = tui
        .wait_until("the deal in the Proposal column, as the server answered", |screen| {
            column(screen, "Proposal").is_some_and(|c| c.contains(&deal.name) && c.contains("· 50%"))
        })
        .await;
    assert!(!column_shows(&screen, "Prospect", &deal.name), "the deal is in two columns:\n{screen}");
    assert!(!column_shows(&screen, "Qualification", &deal.name), "the deal is in two columns:\n{screen}");
    assert!(screen.contains("Prospect (2)"), "the other deals left Prospect:\n{screen}");
    let stored = s.deal(deal.id).await;
    assert_eq!(stored.stage, "Proposal", "the server has the deal elsewhere: {stored:?}");

    // Activities: the first one is selected; x completes it.
    let activity = &s.first_activity;
    let description = activity.description.clone().expect("the seeded activity's description");
    tui.press("3").await;
    tui.wait_for(&description).await;
    tui.press("x").await;
    tui.wait_for(&format!("activity {} completed", activity.id)).await;
    let stored = s.client.get::<Activities>(activity.id).await.expect("reading the activity").record;
    assert!(stored.completed, "the server has the activity open: {stored:?}");
    // The queue reloads without it.
    tui.wait_until("the completed activity gone from the queue", |screen| !screen.contains(&description)).await;

    // Contacts: search, then edit Grace's e-mail; the server's refusal shows beside the field.
    tui.press("4").await;
    tui.wait_for("Ada Lovelace").await;
    tui.press("/").await;
    tui.type_text("grace").await;
    tokio::time::sleep(SEARCH_PAUSE).await;
    tui.press("Enter").await;
    let screen = tui.wait_for("Contacts (1 of 1)").await;
    assert!(screen.contains("Grace Hopper"), "the search lost Grace:\n{screen}");
    assert!(!screen.contains("Ada Lovelace"), "the search kept Ada:\n{screen}");
    let email = s.grace.email.clone().expect("Grace's seeded e-mail");
    tui.wait_for(&email).await;

    tui.press("e").await;
    tui.wait_for("Edit Grace Hopper").await;
    tui.press("Tab").await;
    tui.press("C-u").await;
    tui.type_text("not-an-email").await;
    tui.press("Enter").await;
    let screen = tui
        .wait_until("the server's error beside the email field", |screen| {
            screen.lines().any(|l| l.contains("not-an-email") && l.contains('✗') && l.contains("e-mail"))
        })
        .await;
    assert!(screen.contains("Edit Grace Hopper"), "the form closed on a refusal:\n{screen}");
    let stored = s.client.get::<Contacts>(s.grace.id).await.expect("reading Grace").record;
    assert_eq!(stored.email.as_deref(), Some(email.as_str()), "a refused edit changed the server");

    tui.press("C-u").await;
    tui.type_text("grace@navy.mil").await;
    tui.press("C-s").await;
    tui.wait_for("saved Grace Hopper").await;
    let stored = s.client.get::<Contacts>(s.grace.id).await.expect("reading Grace").record;
    assert_eq!(stored.email.as_deref(), Some("grace@navy.mil"));
    tui.wait_for("grace@navy.mil").await;

    tui.quit().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_move_of_a_deal_changed_elsewhere_is_refused_as_stale_and_the_card_goes_back() {
    let s = seed().await;
    let tui = s.tui("pipeline").await;
    let deal = &s.first_deal;
    tui.wait_until("the first deal in the Prospect column", |screen| column_shows(screen, "Prospect", &deal.name))
        .await;

    // Another client renames the deal: the version the board holds is stale now.
    let renamed = "Renamed elsewhere";
    let patch = DealPatch { name: Some(renamed.into()), ..Default::default() };
    let changed = s.client.update::<Deals>(deal.id, &patch, None).await.expect("renaming the deal").record;
    assert!(changed.version > deal.version);
    // The board must not have reloaded meanwhile (it does every 8 s), else the move would go.
    let screen = tui.capture().await;
    assert!(!screen.contains(renamed), "the board reloaded before the move:\n{screen}");

    tui.press("L").await;
    tui.wait_for("not moved: changed elsewhere since it was loaded (stale version)").await;
    // The board reloads: the card is where the server has it, under its new name.
    tui.wait_until("the renamed deal back in the Prospect column", |screen| {
        column_shows(screen, "Prospect", renamed)
            && !column_shows(screen, "Qualification", renamed)
            && !column_shows(screen, "Qualification", &deal.name)
    })
    .await;
    let stored = s.deal(deal.id).await;
    assert_eq!(stored.stage, "Prospect", "the refused move moved the deal: {stored:?}");
    assert_eq!(stored.version, changed.version, "the refused move wrote the deal");

    tui.quit().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_contact_another_client_creates_shows_up_without_a_key_press() {
    let s = seed().await;
    let tui = s.tui("contacts").await;
    tui.wait_for("Grace Hopper").await;
    let added = NewContact { name: "Katherine Johnson".into(), ..Default::default() };
    let started = Instant::now();
    s.client.create::<Contacts>(&added).await.expect("creating a contact behind the TUI's back");
    // The open screen reloads by itself (every 8 s): the new contact within 10 s, no key pressed.
    tui.wait_for("Katherine Johnson").await;
    assert!(started.elapsed() <= TIMEOUT, "took {:?}", started.elapsed());
    tui.quit().await;
}
