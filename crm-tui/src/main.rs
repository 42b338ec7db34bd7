//! `crm-tui`: the terminal client of the CRM. It connects as the `crm` CLI does (`crm login`
//! once; `--server`, `--token`, `--profile` or their environment variables override).

use std::process::ExitCode;
use std::time::Instant;

use clap::{Parser, ValueEnum};
use crm_api::client::Client;
use crm_api::profiles::Config;
use crm_tui::app::App;
use crm_tui::net::Net;
use crm_tui::theme::Theme;

#[derive(Debug, Clone, Copy, ValueEnum)]
enum Start {
    Dashboard,
    Pipeline,
    Activities,
    Contacts,
}

/// The keyboard-driven terminal client of the CRM: dashboard, pipeline, activities, contacts.
/// Press ? for the keys of a screen, : for every action.
#[derive(Debug, Parser)]
#[command(name = "crm-tui", version)]
struct Args {
    /// The server's base URL (default: the profile's, else http://127.0.0.1:3000).
    #[arg(long, env = "CRM_SERVER")]
    server: Option<String>,
    /// An access or API token (default: the profile's, from `crm login`).
    #[arg(long, env = "CRM_TOKEN", hide_env_values = true)]
    token: Option<String>,
    /// The profile of the configuration file to use.
    #[arg(long, env = "CRM_PROFILE")]
    profile: Option<String>,
    /// The screen to open on.
    #[arg(long, value_enum, default_value = "dashboard")]
    screen: Start,
    /// Measures instead of showing: the time to the first full frame, then this many key
    /// presses redrawn on a headless 160x48 screen; prints the figures.
    #[arg(long, value_name = "KEYS")]
    bench_keys: Option<usize>,
}

fn main() -> ExitCode {
    let started = Instant::now();
    let args = Args::parse();
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(r) => r,
        Err(e) => {
            eprintln!("crm-tui: cannot start: {e}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run(args, started)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("crm-tui: {e:#}");
            ExitCode::FAILURE
        }
    }
}

async fn run(args: Args, started: Instant) -> anyhow::Result<()> {
    let config = Config::load()?;
    let conn = config.connection(args.server.as_deref(), args.token.as_deref(), args.profile.as_deref())?;
    let Some(token) = conn.token else {
        anyhow::bail!(
            "not logged in (profile {:?}): run `crm login --email ...`, or pass --token / CRM_TOKEN",
            conn.profile
        );
    };
    let client = Client::new(&conn.server)?.with_token(token);
    let (tx, rx) = tokio::sync::mpsc::unbounded_channel();
    let mut net = Net::new(client, tx);
    // A token of the profile (not of the command line) is read again after a `crm login`.
    if args.token.as_deref().is_none_or(str::is_empty) {
        let (server, profile) = (args.server.clone(), args.profile.clone());
        net = net.with_relogin(std::sync::Arc::new(move || {
            let conn = Config::load().ok()?.connection(server.as_deref(), None, profile.as_deref()).ok()?;
            Some(Client::new(&conn.server).ok()?.with_token(conn.token?))
        }));
    }
    let today = chrono::Utc::now().date_naive();
    let mut app = App::new(Theme::from_env(), today);
    app.start(args.screen as usize, Instant::now());
    if let Some(keys) = args.bench_keys {
        let report = crm_tui::bench::run(app, net, rx, started, keys).await?;
        println!("{report}");
        return Ok(());
    }
    let mut terminal = ratatui::try_init()?;
    let out = crm_tui::run::run(&mut terminal, app, net, rx).await;
    ratatui::try_restore()?;
    out
}
