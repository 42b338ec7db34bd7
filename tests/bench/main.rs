//! `crm-bench`: generates an account through the bulk endpoint, drives the real `crm-server`
//! over loopback, and measures it against ceilings taken in the same run on the same machine: a
//! bare axum endpoint behind the same runtime and middleware, and raw SQLite reads and inserts.
//!
//! `scripts/bench.sh` builds it in release mode and runs it; see BENCHMARKS.md.

mod data;
mod figures;
mod io;
mod limits;
mod load;
mod raw;
mod sync;
mod tui;

use std::io::BufRead;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use clap::{Parser, Subcommand, ValueEnum};
use crm_api::auth::RegisterRequest;
use crm_api::client::Client;
use hyper::Method;
use load::{MakeRequest, Stats, drive};

#[derive(Parser)]
#[command(name = "crm-bench", about = "Benchmark of crm-server against same-run ceilings")]
pub struct Args {
    #[command(subcommand)]
    cmd: Option<Cmd>,
    /// Contacts in the generated account (opportunities, deals and activities scale with it).
    #[arg(long, default_value_t = 1_000_000)]
    contacts: u64,
    /// Concurrent connections of the load generator.
    #[arg(long, default_value_t = 64)]
    concurrency: usize,
    /// Seconds each endpoint is driven.
    #[arg(long, default_value_t = 10)]
    seconds: u64,
    #[arg(long, value_enum, default_value = "sqlite")]
    backend: Which,
    /// PostgreSQL server to create the benchmark database on (`postgres://user@host:port`).
    #[arg(long, env = "CRM_TEST_PG_URL")]
    pg_url: Option<String>,
    /// The crm-server binary (default: next to this one).
    #[arg(long)]
    server: Option<PathBuf>,
    /// Run the server with `CRM_LIMITS=off` (to measure what the limits cost); by default
    /// they are checked on every request at rates the load never reaches.
    #[arg(long)]
    no_limits: bool,
}

#[derive(Subcommand)]
enum Cmd {
    /// Serves the bare ceiling endpoint (used by the benchmark itself).
    Ceiling {
        #[arg(long)]
        bind: String,
    },
    /// The figures (dashboard, pipeline board and summary, forecast, activity queue) on an
    /// account of 1,000,000 contacts, 100,000 deals, 1,000,000 stage changes and 200,000
    /// activities (by default), at 16 connections.
    Figures {
        #[arg(long, default_value_t = 100_000)]
        deals: u64,
        /// Stage changes per deal after its first stage.
        #[arg(long, default_value_t = 9)]
        moves: u64,
        #[arg(long, default_value_t = 200_000)]
        activities: u64,
    },
    /// Drives one path of a server already running (e.g. one left by a run, to measure a
    /// change without generating the account again) and prints its figures.
    Drive {
        /// Address of the server (`127.0.0.1:PORT`).
        #[arg(long)]
        addr: std::net::SocketAddr,
        /// Bearer token of the account.
        #[arg(long, env = "CRM_TOKEN")]
        token: String,
        /// The path and query to GET, e.g. `/api/crm/pipeline`.
        path: String,
        #[arg(long, default_value_t = 16)]
        connections: usize,
    },
    /// Brivity syncs from `crm-sim` on loopback: a first sync of 10,000 and of 100,000 people
    /// (with 0.3 deals a person), and a second of the 100,000 with nothing changed.
    Sync,
    /// The terminal UI (`crm-tui --bench-keys`) on each screen against a server holding this
    /// many open deals: the first full frame, and each key press redrawn.
    Tui {
        #[arg(long, default_value_t = 5_000)]
        deals: u64,
        /// Key presses measured per screen.
        #[arg(long, default_value_t = 1_000)]
        keys: usize,
    },
    /// What the limits cost GET-by-id: the same build with them on and with `CRM_LIMITS=off`,
    /// driven in turn (`--seconds` each), pair after pair.
    Limits {
        #[arg(long, default_value_t = 8)]
        pairs: usize,
    },
    /// CSV import and export through the real `crm` binary (SQLite).
    Io {
        /// Rows of the generated contacts CSV.
        #[arg(long, default_value_t = 1_000_000)]
        rows: u64,
        /// Write the CSV as people have it: byte-order mark, `;` delimiter, CRLF, quoted
        /// newlines, accented names, 2% invalid e-mails, 2% e-mails repeated in other case.
        #[arg(long)]
        messy: bool,
    },
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Which {
    Sqlite,
    Postgres,
    Both,
}

fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let rt = tokio::runtime::Runtime::new()?;
    match &args.cmd {
        Some(Cmd::Ceiling { bind }) => return rt.block_on(ceiling(bind)),
        Some(Cmd::Drive { addr, token, path, connections }) => {
            let path = path.clone();
            let make: MakeRequest = Arc::new(move |_| (Method::GET, path.clone(), None));
            let stats =
                rt.block_on(drive(*addr, Some(token), make, *connections, Duration::from_secs(args.seconds)))?;
            println!(
                "req/s {:.0}  p50 {:.2} ms  p95 {:.2} ms  p99 {:.2} ms  errors {}",
                stats.rps(),
                stats.ms(0.50),
                stats.ms(0.95),
                stats.ms(0.99),
                stats.errors
            );
            return Ok(());
        }
        Some(Cmd::Sync) => return rt.block_on(sync::run(&args)),
        Some(Cmd::Tui { deals, keys }) => return rt.block_on(tui::run(&args, *deals, *keys)),
        Some(Cmd::Limits { pairs }) => return rt.block_on(limits::run(&args, &server_binary(&args)?, *pairs)),
        Some(Cmd::Io { rows, messy }) => return rt.block_on(io::run(&server_binary(&args)?, *rows, *messy)),
        Some(Cmd::Figures { deals, moves, activities }) => {
            let sizes = figures::Sizes { deals: *deals, moves: *moves, activities: *activities };
            return rt.block_on(figures::run(&args, sizes));
        }
        None => {}
    }
    rt.block_on(run(args))
}

/// A bare endpoint with the server's runtime and middleware, answering a contact-sized JSON.
async fn ceiling(bind: &str) -> anyhow::Result<()> {
    let body = serde_json::to_vec(&data::contact(42))?;
    // Without the limits and the metrics: the ratio of an endpoint to this one shows what
    // they cost.
    let app = crm_server::app::with_middleware(
        axum::Router::new().route(
            "/ceiling",
            axum::routing::get(move || {
                let body = body.clone();
                async move { ([("content-type", "application/json")], body) }
            }),
        ),
        crm_server::app::Outer::default(),
    );
    let listener = tokio::net::TcpListener::bind(bind).await?;
    println!("{}", listener.local_addr()?.port());
    axum::serve(listener, app).await?;
    Ok(())
}

pub struct Proc(Child);
impl Drop for Proc {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn free_port() -> anyhow::Result<u16> {
    Ok(std::net::TcpListener::bind("127.0.0.1:0")?.local_addr()?.port())
}

fn rss_mb(pid: u32) -> f64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|s| {
            s.lines().find(|l| l.starts_with("VmRSS:")).and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok())
        })
        .map(|kb| kb / 1024.0)
        .unwrap_or(f64::NAN)
}

/// CPU time (user + system, in clock ticks) the process has used.
fn cpu_ticks(pid: u32) -> Option<u64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // Fields after the command name (which is in parentheses and may hold spaces).
    let rest = stat.rsplit_once(')')?.1;
    let fields: Vec<&str> = rest.split_whitespace().collect();
    Some(fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?)
}

/// Waits (at most 120 s) until the process uses under 5% of a core over a second.
/// Lets the generated account settle before anything is measured: the server quiet (below),
/// and on PostgreSQL the database vacuumed and analyzed. Autovacuum does the same within
/// minutes of a bulk load (its launcher wakes once a minute), and would otherwise start at a
/// moment of its own choosing, in the middle of a measurement, with the dead row versions of
/// the load (a million stage changes are a million updates) still in the indexes.
pub async fn settle(s: &Started) -> anyhow::Result<()> {
    let started = Instant::now();
    wait_quiet(s.pid).await;
    eprintln!("  server quiet after {:.1}s", started.elapsed().as_secs_f64());
    if s.pg_admin.is_some() {
        let started = Instant::now();
        let mut conn = <sqlx::PgConnection as sqlx::Connection>::connect(&s.url).await?;
        sqlx::query("VACUUM (ANALYZE)").execute(&mut conn).await?;
        eprintln!("  database vacuumed and analyzed in {:.1}s", started.elapsed().as_secs_f64());
    }
    Ok(())
}

async fn wait_quiet(pid: u32) {
    let deadline = Instant::now() + Duration::from_secs(120);
    let mut last = cpu_ticks(pid);
    while Instant::now() < deadline {
        tokio::time::sleep(Duration::from_secs(1)).await;
        let now = cpu_ticks(pid);
        // Clock ticks are hundredths of a second on Linux: 5 a second is 5% of a core.
        if let (Some(a), Some(b)) = (last, now)
            && b.saturating_sub(a) < 5
        {
            return;
        }
        last = now;
    }
}

async fn wait_ready(base: &str) -> anyhow::Result<()> {
    let deadline = Instant::now() + Duration::from_secs(60);
    let http = reqwest::Client::new();
    while Instant::now() < deadline {
        if http.get(format!("{base}/readyz")).send().await.is_ok_and(|r| r.status().is_success()) {
            return Ok(());
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    anyhow::bail!("server at {base} did not become ready")
}

struct Row {
    name: String,
    stats: Stats,
}

struct Report {
    backend: &'static str,
    contacts: u64,
    load_rate: f64,
    rows: Vec<Row>,
    ceiling_rps: f64,
    raw_reads: Option<f64>,
    raw_inserts: Option<f64>,
    rss_after_load: f64,
    rss_at_rest: f64,
    db_mb: f64,
}

fn dir_size_mb(dir: &Path, prefix: &str) -> f64 {
    std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(Result::ok)
                .filter(|e| e.file_name().to_string_lossy().starts_with(prefix))
                .filter_map(|e| e.metadata().ok())
                .map(|m| m.len() as f64)
                .sum::<f64>()
        })
        .unwrap_or(0.0)
        / 1_048_576.0
}

fn server_binary(args: &Args) -> anyhow::Result<PathBuf> {
    let server_bin = match &args.server {
        Some(p) => p.clone(),
        None => std::env::current_exe()?.with_file_name("crm-server"),
    };
    anyhow::ensure!(
        server_bin.exists(),
        "no crm-server binary at {} (build it, or pass --server)",
        server_bin.display()
    );
    Ok(server_bin)
}

async fn run(args: Args) -> anyhow::Result<()> {
    let server_bin = server_binary(&args)?;
    let mut reports = Vec::new();
    if matches!(args.backend, Which::Sqlite | Which::Both) {
        reports.push(bench_backend(&args, &server_bin, "sqlite").await?);
    }
    if matches!(args.backend, Which::Postgres | Which::Both) {
        reports.push(bench_backend(&args, &server_bin, "postgres").await?);
    }
    print_report(&args, &reports);
    Ok(())
}

/// A `crm-server` on a fresh database of the backend, with a registered user.
pub struct Started {
    pub server: Proc,
    pub pid: u32,
    pub port: u16,
    pub base: String,
    pub url: String,
    pub dir: tempfile::TempDir,
    pub pg_admin: Option<sqlx::PgPool>,
    pub client: Client,
    pub token: String,
}

/// Starts the server on a fresh database of `backend` and registers the benchmark's user.
pub async fn start(args: &Args, server_bin: &Path, backend: &str) -> anyhow::Result<Started> {
    start_with(args, server_bin, backend, &[]).await
}

/// [`start`], with more environment for the server.
pub async fn start_with(
    args: &Args,
    server_bin: &Path,
    backend: &str,
    env: &[(&str, String)],
) -> anyhow::Result<Started> {
    let dir = tempfile::tempdir()?;
    let (url, pg_admin) = match backend {
        "sqlite" => (format!("sqlite:{}", dir.path().join("crm.db").display()), None),
        _ => {
            let base = args
                .pg_url
                .clone()
                .ok_or_else(|| anyhow::anyhow!("--pg-url (or CRM_TEST_PG_URL) is needed for PostgreSQL"))?;
            let name = format!("crm_bench_{}", std::process::id());
            let admin = sqlx::PgPool::connect(&format!("{base}/postgres")).await?;
            sqlx::query(sqlx::AssertSqlSafe(format!("DROP DATABASE IF EXISTS {name}"))).execute(&admin).await?;
            sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}"))).execute(&admin).await?;
            (format!("{base}/{name}"), Some(admin))
        }
    };
    eprintln!("== {backend}: {url}");
    let port = free_port()?;
    let mut command = Command::new(server_bin);
    let child = command
        .current_dir(dir.path())
        .env("DATABASE_URL", &url)
        .env("CRM_BIND", format!("127.0.0.1:{port}"))
        .env("JWT_SECRET", "benchmark-secret-benchmark-secret-0123456789")
        // The limits are checked on every request, at rates the load never reaches (or off).
        .env("CRM_RATE_USER", "1000000000/s")
        .env("CRM_RATE_ADDRESS", "1000000000/s")
        .env("CRM_RATE_AUTH", "1000000/s")
        .env("CRM_RATE_LOGIN", "1000000/s")
        .env("CRM_MAX_IN_FLIGHT", "100000")
        .env("CRM_LIMITS", if args.no_limits { "off" } else { "on" })
        // The server's log filter: warnings, unless CRM_BENCH_LOG says otherwise.
        .env("RUST_LOG", std::env::var("CRM_BENCH_LOG").unwrap_or_else(|_| "warn".into()))
        // Last: the caller's settings win.
        .envs(env.iter().map(|(k, v)| (*k, v.as_str())))
        .stdout(Stdio::null())
        .stderr(Stdio::inherit())
        .spawn()?;
    let server = Proc(child);
    let pid = server.0.id();
    let base = format!("http://127.0.0.1:{port}");
    wait_ready(&base).await?;
    let session = Client::new(&base)?
        .register(&RegisterRequest {
            email: "bench@example.com".into(),
            password: "benchmark password".into(),
            name: None,
        })
        .await?;
    let client = Client::new(&base)?.with_token(&session.token);
    Ok(Started { server, pid, port, base, url, dir, pg_admin, client, token: session.token })
}

async fn bench_backend(args: &Args, server_bin: &Path, backend: &'static str) -> anyhow::Result<Report> {
    let started = start(args, server_bin, backend).await?;
    let sizes = data::Sizes::for_contacts(args.contacts);
    eprintln!("generating {sizes:?}");
    let load_rate = data::generate(&started.client, sizes, 1).await?;
    // After the load the server merges its word indexes while no write waits; measure once it
    // is quiet, so that neither the ceiling nor our figures share the cores with that.
    settle(&started).await?;
    let Started { server, pid, port, url, dir, pg_admin, token, .. } = started;

    let ceiling_port = free_port()?;
    let mut ceiling_child = Command::new(std::env::current_exe()?)
        .args(["ceiling", "--bind", &format!("127.0.0.1:{ceiling_port}")])
        .stdout(Stdio::piped())
        .spawn()?;
    if let Some(out) = ceiling_child.stdout.take() {
        let mut line = String::new();
        std::io::BufReader::new(out).read_line(&mut line)?;
    }
    let ceiling_proc = Proc(ceiling_child);
    let secs = Duration::from_secs(args.seconds);
    let c = args.concurrency;
    let n = sizes.contacts;
    let token = token.as_str();

    let ceiling_addr = format!("127.0.0.1:{ceiling_port}").parse()?;
    let addr = format!("127.0.0.1:{port}").parse()?;
    let get = |path: &'static str| -> MakeRequest { Arc::new(move |_| (Method::GET, path.to_string(), None)) };
    let mut rows = Vec::new();
    eprintln!("measuring the bare endpoint");
    let ceiling_stats = drive(ceiling_addr, None, get("/ceiling"), c, secs).await?;
    let ceiling_rps = ceiling_stats.rps();
    rows.push(Row { name: "bare axum endpoint (ceiling)".into(), stats: ceiling_stats });
    drop(ceiling_proc);

    let cases: Vec<(&str, MakeRequest)> = vec![
        (
            "GET /contacts/:id",
            Arc::new(move |i| (Method::GET, format!("/api/crm/contacts/{}", 1 + data::mix(i) % n), None)),
        ),
        (
            "GET /contacts filtered+sorted, 50",
            Arc::new(move |i| {
                let status = ["Lead", "Prospect", "Customer", "Closed"][(i % 4) as usize];
                (
                    Method::GET,
                    format!(
                        "/api/crm/contacts?filter=status%5Beq%5D%3A%22{status}%22%2Crating%5Bgte%5D%3A3&sort=-created_at&limit=50"
                    ),
                    None,
                )
            }),
        ),
        (
            "GET /contacts?q= (one person)",
            Arc::new(move |i| {
                (Method::GET, format!("/api/crm/contacts?q=person{}%40&limit=50", data::mix(i) % n), None)
            }),
        ),
        (
            "GET /contacts?q= (common word)",
            Arc::new(move |i| {
                (
                    Method::GET,
                    format!("/api/crm/contacts?q={}&limit=50", ["hopper", "acme", "knuth", "globex"][(i % 4) as usize]),
                    None,
                )
            }),
        ),
        (
            "POST /contacts (single creates)",
            Arc::new(move |i| {
                (Method::POST, "/api/crm/contacts".to_string(), Some(data::contact(n + 10_000_000 + i).to_string()))
            }),
        ),
    ];
    for (name, make) in cases {
        eprintln!("measuring {name}");
        let stats = drive(addr, Some(token), make, c, secs).await?;
        if let Some(e) = &stats.first_error {
            eprintln!("  first error: {e}");
        }
        rows.push(Row { name: name.into(), stats });
    }
    let rss_after_load = rss_mb(pid);
    tokio::time::sleep(Duration::from_secs(5)).await;
    let rss_at_rest = rss_mb(pid);

    let (db_mb, raw_reads, raw_inserts) = match backend {
        "sqlite" => {
            drop(server);
            let me = 1;
            let cores = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(2);
            let reads = raw::reads(&url, me, n, cores, secs).await?;
            let inserts = raw::inserts(dir.path(), secs).await?;
            (dir_size_mb(dir.path(), "crm.db"), Some(reads), Some(inserts))
        }
        _ => {
            let pool = sqlx::PgPool::connect(&url).await?;
            let size: i64 = sqlx::query_scalar("SELECT pg_database_size(current_database())").fetch_one(&pool).await?;
            pool.close().await;
            drop(server);
            if let Some(admin) = pg_admin {
                admin.close().await;
            }
            (size as f64 / 1_048_576.0, None, None)
        }
    };
    Ok(Report {
        backend,
        contacts: n,
        load_rate,
        rows,
        ceiling_rps,
        raw_reads,
        raw_inserts,
        rss_after_load,
        rss_at_rest,
        db_mb,
    })
}

fn print_report(args: &Args, reports: &[Report]) {
    println!(
        "Run: {} UTC, `crm-bench --contacts {} --concurrency {} --seconds {}`",
        chrono::Utc::now().format("%Y-%m-%d %H:%M"),
        args.contacts,
        args.concurrency,
        args.seconds
    );
    println!(
        "Machine: {} cores ({}), load generator and servers on the same machine.",
        std::thread::available_parallelism().map(|n| n.get()).unwrap_or(0),
        std::env::consts::ARCH
    );
    for r in reports {
        println!();
        println!("### {} — {} contacts", r.backend, r.contacts);
        println!();
        println!("| endpoint | req/s | p50 ms | p95 ms | p99 ms | errors | vs bare endpoint |");
        println!("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        for row in &r.rows {
            let s = &row.stats;
            println!(
                "| {} | {:.0} | {:.2} | {:.2} | {:.2} | {} | {:.0}% |",
                row.name,
                s.rps(),
                s.ms(0.50),
                s.ms(0.95),
                s.ms(0.99),
                s.errors,
                100.0 * s.rps() / r.ceiling_rps
            );
        }
        println!();
        println!("- bulk load through `POST /contacts/batch`: {:.0} contacts/s", r.load_rate);
        if let Some(reads) = r.raw_reads {
            let ours =
                r.rows.iter().find(|x| x.name.starts_with("GET /contacts/:id")).map(|x| x.stats.rps()).unwrap_or(0.0);
            println!(
                "- raw SQLite point reads of the same rows (rusqlite, a thread per core, no HTTP): {reads:.0}/s; GET /contacts/:id is {:.0}% of it",
                100.0 * ours / reads
            );
        }
        if let Some(ins) = r.raw_inserts {
            let ours = r.rows.iter().find(|x| x.name.starts_with("POST")).map(|x| x.stats.rps()).unwrap_or(0.0);
            println!(
                "- raw SQLite inserts, one commit each (no HTTP): {ins:.0}/s; single creates are {:.0}% of it",
                100.0 * ours / ins
            );
        }
        println!(
            "- server resident memory: {:.0} MB after the load, {:.0} MB after 5 s at rest",
            r.rss_after_load, r.rss_at_rest
        );
        println!("- database size: {:.0} MB", r.db_mb);
    }
}
