use std::process::ExitCode;

use tracing_subscriber::EnvFilter;

/// glibc's allocator spent a fifth of the bulk-import profile in frees and consolidation
/// across the runtime's threads; mimalloc's per-thread heaps do not (see BENCHMARKS.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[tokio::main]
async fn main() -> ExitCode {
    let filter = || EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn"));
    match std::env::var("CRM_LOG_FORMAT").ok().filter(|v| !v.trim().is_empty()).as_deref() {
        None | Some("text") => tracing_subscriber::fmt().with_env_filter(filter()).with_writer(std::io::stderr).init(),
        // A JSON object a line, each line of a request with the request's span (its id).
        Some("json") => {
            crm_server::app::log_requests();
            tracing_subscriber::fmt()
                .json()
                .with_current_span(true)
                .with_span_list(false)
                .with_env_filter(filter())
                .with_writer(std::io::stderr)
                .init();
        }
        Some(other) => {
            eprintln!("crm-server: CRM_LOG_FORMAT must be text or json (got {other:?})");
            return ExitCode::FAILURE;
        }
    }
    match run().await {
        Ok(()) => ExitCode::SUCCESS,
        // Already said what failed.
        Err(e) if e.is::<Failed>() => ExitCode::FAILURE,
        Err(e) => {
            tracing::error!("{e:#}");
            eprintln!("crm-server: {e:#}");
            ExitCode::FAILURE
        }
    }
}

/// A command that ran and reported its failure itself (`db verify` finding problems).
#[derive(Debug)]
struct Failed;

impl std::fmt::Display for Failed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("failed")
    }
}

impl std::error::Error for Failed {}

fn usage() -> String {
    format!(
        "usage: crm-server                  serve the API (configured by the environment)
       crm-server keys rotate       seal every stored secret again under a new key
{}",
        crm_server::ops::USAGE
    )
}

async fn run() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    match args.as_slice() {
        [] => serve().await,
        ["keys", "rotate"] => {
            let config = crm_server::Config::from_env()?;
            let done = crm_server::keys::rotate(&config).await?;
            println!(
                "crm-server: {} secrets sealed under key {}{}",
                done.resealed,
                done.new_key_id,
                if done.unreadable > 0 {
                    format!("; {} sealed under a key this server does not have were left as they are", done.unreadable)
                } else {
                    String::new()
                }
            );
            if matches!(config.encryption, crm_server::secrets::KeySource::Env(_)) {
                println!("crm-server: now set CRM_ENCRYPTION_KEY to the new key and restart the servers");
            }
            Ok(())
        }
        ["db", rest @ ..] => {
            let command = crm_server::ops::DbCommand::parse(rest).map_err(|e| anyhow::anyhow!("{e}\n{}", usage()))?;
            let config = crm_server::Config::from_env()?;
            if crm_server::ops::run(&config, &command, &mut std::io::stdout()).await? {
                Ok(())
            } else {
                Err(Failed.into())
            }
        }
        ["-h" | "--help" | "help"] => {
            println!("{}", usage());
            Ok(())
        }
        other => anyhow::bail!("unknown arguments {:?}\n{}", other.join(" "), usage()),
    }
}

async fn serve() -> anyhow::Result<()> {
    let config = crm_server::Config::from_env()?;
    // The certificate before anything else: a pair that does not load stops the start with a
    // line naming the variable at fault.
    let tls = config.tls.as_ref().map(crm_server::tls::Certs::load).transpose()?;
    tracing::info!(?config, "starting");
    let (router, running) = crm_server::build(&config).await?;
    let listener = tokio::net::TcpListener::bind(&config.bind)
        .await
        .map_err(|e| anyhow::anyhow!("cannot listen on {}: {e}", config.bind))?;
    if let Some(bind) = &config.metrics_bind {
        let metrics = tokio::net::TcpListener::bind(bind)
            .await
            .map_err(|e| anyhow::anyhow!("CRM_METRICS_BIND: cannot listen on {bind}: {e}"))?;
        tracing::info!(addr = %metrics.local_addr()?, "serving /metrics");
        let router = running.metrics.clone();
        tokio::spawn(async move {
            if let Err(e) = crm_server::serve(metrics, router, std::future::pending()).await {
                tracing::error!(error = %e, "the metrics listener stopped");
            }
        });
    }
    // On the signal, no sync run starts any more and those under way end at their next page,
    // while the requests in flight are answered.
    let sync = std::sync::Arc::clone(&running.sync);
    let stopping = async move {
        shutdown_signal().await;
        sync.stop_starting();
    };
    match tls {
        None => {
            tracing::info!(addr = %listener.local_addr()?, "listening");
            crm_server::serve(listener, router, stopping).await?;
        }
        Some(certs) => {
            crm_server::tls::reload_on_sighup(std::sync::Arc::clone(&certs))
                .map_err(|e| anyhow::anyhow!("cannot handle SIGHUP (reloading the TLS certificate): {e}"))?;
            tracing::info!(addr = %listener.local_addr()?, "listening (HTTPS)");
            crm_server::tls::serve(listener, router, certs, stopping).await?;
        }
    }
    running.close().await;
    tracing::info!("stopped");
    Ok(())
}

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
