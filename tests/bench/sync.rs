//! `crm-bench sync`: Brivity accounts synced from `crm-sim` on loopback, end to end through the
//! real server: a first sync of 10,000 and of 100,000 people (and their 0.3 deals a person),
//! then a second sync of the 100,000 with nothing changed. Targets: under 1 s, 8 s and 3 s.
//! The simulator runs in this process, on its own runtime threads.

use std::time::Instant;

use chrono::Utc;
use crm_api::integrations::{BrivityCredentials, NewAccount, RunOutcome, SyncRun};
use crm_sim::{Sim, SimConfig};

use super::{Args, Which, server_binary, settle, start_with};

/// Times a sync, from request to answer. The machine's dirty pages are written out first, so
/// that the writes of what ran before (the other backend's 100,000) do not compete with it.
async fn timed_sync(client: &crm_api::client::Client) -> anyhow::Result<(f64, SyncRun)> {
    let flushed = tokio::process::Command::new("sync").status().await;
    if !flushed.is_ok_and(|s| s.success()) {
        eprintln!("  (could not run sync(1): the disk may still be writing what ran before)");
    }
    let started = Instant::now();
    let run = client.sync_brivity(true).await?.runs.into_iter().next().ok_or_else(|| anyhow::anyhow!("no run"))?;
    let took = started.elapsed().as_secs_f64();
    if run.outcome != RunOutcome::Succeeded {
        anyhow::bail!("the sync failed: {:?}", run.errors);
    }
    Ok((took, run))
}

pub async fn run(args: &Args) -> anyhow::Result<()> {
    let server_bin = server_binary(args)?;
    let backends: &[&str] = match args.backend {
        Which::Sqlite => &["sqlite"],
        Which::Postgres => &["postgres"],
        Which::Both => &["sqlite", "postgres"],
    };
    println!("Run: {} UTC, `crm-bench sync`", Utc::now().format("%Y-%m-%d %H:%M"));
    println!();
    println!("| backend | sync | people | deals | records written | seconds | records/s | target |");
    println!("| --- | --- | ---: | ---: | ---: | ---: | ---: | --- |");
    for backend in backends {
        for (people, target) in [(10_000, 1.0), (100_000, 8.0)] {
            let sim = Sim::start(SimConfig { people, ..SimConfig::default() }).await?;
            let env = [("BRIVITY_BASE_URL", sim.brivity_url()), ("CRM_SYNC_TICK_SECS", "0".to_string())];
            let s = start_with(args, &server_bin, backend, &env).await?;
            let account = BrivityCredentials { api_key: SimConfig::default().brivity_key, sync_interval_minutes: None };
            s.client.connect_account(&NewAccount::Brivity(account)).await?;
            let deals = sim.brivity_transactions().len();
            let (took, run) = timed_sync(&s.client).await?;
            println!(
                "| {backend} | first | {people} | {deals} | {} | {took:.2} | {:.0} | < {target} s: {} |",
                run.created + run.updated,
                run.fetched as f64 / took,
                if took < target { "met" } else { "**not met**" }
            );
            if people == 100_000 {
                settle(&s).await?;
                let (took, run) = timed_sync(&s.client).await?;
                assert_eq!(run.created + run.updated, 0, "nothing changed");
                println!(
                    "| {backend} | again, nothing changed | {people} | {deals} | 0 | {took:.2} | {:.0} | < 3 s: {} |",
                    run.fetched as f64 / took,
                    if took < 3.0 { "met" } else { "**not met**" }
                );
            }
            if let Some(admin) = &s.pg_admin {
                admin.close().await;
            }
            drop(s);
            sim.stop().await;
        }
    }
    Ok(())
}
