//! `crm-sim`: serves the simulated Brivity and Top Producer APIs until killed (Ctrl-C or
//! SIGTERM end it cleanly). The first line on stdout is `crm-sim listening on http://ADDR`,
//! then the two base URLs as `BRIVITY_BASE_URL=...` and `TOPPRODUCER_BASE_URL=...`.

use std::io::Write;
use std::net::SocketAddr;
use std::process::ExitCode;

use clap::Parser;
use crm_sim::{Faults, Sim, SimConfig};
use tracing_subscriber::EnvFilter;

/// Simulates the Brivity and Top Producer APIs over HTTP, for the sync's tests and benchmarks
/// (see INTEGRATIONS.md). Faults can be changed while it runs: POST /_sim/faults.
#[derive(Parser, Debug)]
#[command(name = "crm-sim", version)]
struct Args {
    /// Address to listen on (port 0 takes a free port, printed on the first line).
    #[arg(long, env = "CRM_SIM_BIND", default_value = "127.0.0.1:8099")]
    bind: SocketAddr,
    /// People to generate in Brivity, and contacts in Top Producer.
    #[arg(long, env = "CRM_SIM_PEOPLE", default_value_t = 100)]
    people: usize,
    /// Seed of the generated records (the same seed gives the same records).
    #[arg(long, env = "CRM_SIM_SEED", default_value_t = 1)]
    seed: u64,
    /// Deals per person, in each source.
    #[arg(long, default_value_t = 0.3)]
    deals_per_person: f64,
    /// Every n-th Brivity person has the e-mail address of the person before it (in another
    /// case): with n the page size, people of one address on two pages.
    #[arg(long)]
    brivity_twins_every: Option<usize>,
    /// The Brivity API key accepted (`Authorization: Token token=<key>`).
    #[arg(long, env = "CRM_SIM_BRIVITY_KEY", default_value = "brivity-test-key", hide_env_values = true)]
    brivity_key: String,
    /// The Top Producer OAuth client id accepted.
    #[arg(long, env = "CRM_SIM_TP_CLIENT_ID", default_value = "tp-client")]
    tp_client_id: String,
    /// The Top Producer OAuth client secret accepted.
    #[arg(long, env = "CRM_SIM_TP_CLIENT_SECRET", default_value = "tp-secret", hide_env_values = true)]
    tp_client_secret: String,
    /// Milliseconds added before answering each request of both APIs.
    #[arg(long, default_value_t = 0)]
    latency_ms: u64,
    /// Every Nth data request answers 429 with Retry-After.
    #[arg(long)]
    rate_limit_every: Option<u64>,
    /// The Retry-After of the 429s, in seconds.
    #[arg(long, default_value_t = 0)]
    retry_after_secs: u64,
    /// Every Nth data request answers --error-status.
    #[arg(long)]
    error_every: Option<u64>,
    /// Status of the injected errors (a 5xx; 0 means 500).
    #[arg(long, default_value_t = 0)]
    error_status: u16,
    /// Every Nth data request waits --hang-ms before answering.
    #[arg(long)]
    hang_every: Option<u64>,
    /// How long a hanging request waits, in milliseconds.
    #[arg(long, default_value_t = 0)]
    hang_ms: u64,
    /// Every Nth data request gets only the first half of its JSON body.
    #[arg(long)]
    truncate_every: Option<u64>,
    /// A Top Producer token stops working after this many data requests.
    #[arg(long)]
    token_ttl_requests: Option<u64>,
    /// Brivity has no deals feed: GET /api/transactions answers 406.
    #[arg(long)]
    brivity_no_deals: bool,
}

impl Args {
    fn config(self) -> (SocketAddr, SimConfig) {
        let faults = Faults {
            latency_ms: self.latency_ms,
            rate_limit_every: self.rate_limit_every,
            retry_after_secs: self.retry_after_secs,
            error_every: self.error_every,
            error_status: self.error_status,
            hang_every: self.hang_every,
            hang_ms: self.hang_ms,
            truncate_every: self.truncate_every,
            token_ttl_requests: self.token_ttl_requests,
            brivity_no_deals: self.brivity_no_deals,
        };
        let config = SimConfig {
            people: self.people,
            seed: self.seed,
            brivity_key: self.brivity_key,
            tp_client_id: self.tp_client_id,
            tp_client_secret: self.tp_client_secret,
            faults,
            deals_per_person: self.deals_per_person,
            brivity_twins_every: self.brivity_twins_every,
        };
        (self.bind, config)
    }
}

#[tokio::main]
async fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("warn")))
        .with_writer(std::io::stderr)
        .init();
    let (bind, config) = Args::parse().config();
    match run(bind, config).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("crm-sim: {e:#}");
            ExitCode::FAILURE
        }
    }
}

async fn run(bind: SocketAddr, config: SimConfig) -> anyhow::Result<()> {
    let sim = Sim::start_on(bind, config).await?;
    {
        let mut out = std::io::stdout().lock();
        writeln!(out, "crm-sim listening on http://{}", sim.addr())?;
        writeln!(out, "BRIVITY_BASE_URL={}", sim.brivity_url())?;
        writeln!(out, "TOPPRODUCER_BASE_URL={}", sim.topproducer_url())?;
        out.flush()?;
    }
    shutdown_signal().await;
    sim.stop().await;
    Ok(())
}

/// Ctrl-C, or SIGTERM on Unix.
async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
}
