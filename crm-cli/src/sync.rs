//! `crm sync all|brivity|topproducer|status` (made for cron: waits for the runs, a line per
//! source, exit 0 only when every source succeeded) and `crm integrations accounts ...`.

use std::io::{BufRead, IsTerminal};

use clap::ArgMatches;
use crm_api::integrations::{
    BrivityCredentials, NewAccount, RunOutcome, Source, SyncRun, SyncStatus, TopProducerCredentials,
};
use serde_json::{Value, json};

use crate::Ctx;
use crate::exit::{CliError, Code, Result};
use crate::output::{Columns, Format};

fn run_line(r: &SyncRun) -> String {
    let mut line = format!(
        "{}: {} (run {}): fetched {}, created {}, updated {}, unchanged {}, removed {}, failed {}",
        r.source, r.outcome, r.id, r.fetched, r.created, r.updated, r.unchanged, r.removed, r.failed
    );
    if let Some(first) = r.errors.first() {
        line.push_str(&format!("; {first}"));
    }
    if !r.unmapped.is_empty() {
        let n: i64 = r.unmapped.iter().map(|u| u.count).sum();
        line.push_str(&format!("; {n} values mapped to nothing (see crm sync status)"));
    }
    line
}

/// `crm sync all|brivity|topproducer [--no-wait]` (a line per source unless `-o json`),
/// `crm sync status`.
pub async fn sync(ctx: &mut Ctx, m: &ArgMatches) -> Result<()> {
    ctx.need_token()?;
    let Some((what, sub)) = m.subcommand() else {
        return Err(CliError::usage("sync: all, brivity, topproducer or status?"));
    };
    if what == "status" {
        return status(ctx).await;
    }
    let wait = !sub.get_flag("no-wait");
    let started = match what {
        "all" => ctx.client.sync_all(wait).await?,
        source => {
            let source =
                Source::parse(source).ok_or_else(|| CliError::usage(format!("sync: unknown source {source:?}")))?;
            ctx.client.sync_source(source, wait).await?
        }
    };
    // A line per source, for a person or a cron job's log, unless JSON is asked for.
    if ctx.out.chosen && matches!(ctx.out.format, Format::Json | Format::Ndjson) {
        ctx.out.json(&started)?;
    } else if !ctx.out.quiet {
        for r in &started.runs {
            ctx.out.line(&run_line(r))?;
        }
    }
    let failed: Vec<String> =
        started.runs.iter().filter(|r| r.outcome == RunOutcome::Failed).map(|r| r.source.to_string()).collect();
    if failed.is_empty() {
        Ok(())
    } else {
        Err(CliError::new(Code::Failure, format!("sync failed: {}", failed.join(", "))))
    }
}

fn status_rows(s: &SyncStatus) -> Vec<Value> {
    s.sources
        .iter()
        .map(|x| {
            json!({
                "source": x.source,
                "connected": x.connected,
                "credentials": x.credentials,
                "interval_minutes": x.sync_interval_minutes,
                "running": x.running,
                "last_run": x.last_run.as_ref().map(|r| format!("{} {}", r.outcome, crm_api::time::format(&r.started_at))),
                "last_success": x.last_success_at.as_ref().map(crm_api::time::format),
                "contacts": x.contacts,
                "deals": x.deals,
                "unmapped": x.last_run.as_ref().map(|r| r.unmapped.iter().map(|u| format!("{} {:?} x{}", u.field, u.value, u.count)).collect::<Vec<_>>().join(", ")),
            })
        })
        .collect()
}

async fn status(ctx: &mut Ctx) -> Result<()> {
    let s = ctx.client.sync_status().await?;
    if matches!(ctx.out.format, Format::Json | Format::Ndjson) {
        return Ok(ctx.out.json(&s)?);
    }
    let cols = Columns::plain(&[
        "source",
        "connected",
        "credentials",
        "interval_minutes",
        "running",
        "last_run",
        "last_success",
        "contacts",
        "deals",
        "unmapped",
    ]);
    let rows = status_rows(&s);
    Ok(ctx.out.figures(&cols, &rows)?)
}

/// A secret: the flag's value, else the first line of standard input (never echoed).
fn secret(m: &ArgMatches, flag: &str) -> Result<String> {
    if let Some(v) = m.get_one::<String>(flag) {
        return Ok(v.clone());
    }
    let value = if std::io::stdin().is_terminal() {
        rpassword::prompt_password(format!("{flag}: "))
            .map_err(|e| CliError::failure(format!("reading {flag}: {e}")))?
    } else {
        let mut line = String::new();
        std::io::stdin().lock().read_line(&mut line)?;
        line.trim_end_matches(['\r', '\n']).to_string()
    };
    if value.trim().is_empty() {
        return Err(CliError::usage(format!("{flag}: is empty")));
    }
    Ok(value)
}

/// `crm integrations accounts [list] | connect brivity|topproducer ... | disconnect ID`.
pub async fn integrations(ctx: &mut Ctx, m: &ArgMatches) -> Result<()> {
    ctx.need_token()?;
    let Some(("accounts", m)) = m.subcommand() else { return Err(CliError::usage("integrations: accounts?")) };
    match m.subcommand() {
        Some(("connect", c)) => {
            let interval = c.get_one::<i64>("interval").copied();
            let new = match c.subcommand() {
                Some(("brivity", b)) => NewAccount::Brivity(BrivityCredentials {
                    api_key: secret(b, "api-key")?,
                    sync_interval_minutes: interval,
                }),
                Some(("topproducer", t)) => NewAccount::TopProducer(TopProducerCredentials {
                    client_id: t.get_one::<String>("client-id").cloned().unwrap_or_default(),
                    client_secret: secret(t, "client-secret")?,
                    sync_interval_minutes: interval,
                }),
                _ => return Err(CliError::usage("integrations accounts connect: brivity or topproducer?")),
            };
            let account = ctx.client.connect_account(&new).await?;
            if ctx.out.quiet {
                return Ok(ctx.out.line(&account.id.to_string())?);
            }
            Ok(ctx.out.json(&account)?)
        }
        Some(("disconnect", d)) => {
            let id = d.get_one::<i64>("id").copied().unwrap_or_default();
            ctx.client.disconnect_account(id).await?;
            if !ctx.out.quiet {
                ctx.out.line(&format!("disconnected account {id}; its contacts and deals stay"))?;
            }
            Ok(())
        }
        _ => {
            let accounts = ctx.client.integration_accounts().await?;
            if ctx.out.quiet {
                for a in &accounts {
                    ctx.out.line(&a.id.to_string())?;
                }
                return Ok(());
            }
            if matches!(ctx.out.format, Format::Json | Format::Ndjson) {
                return Ok(ctx.out.json(&accounts)?);
            }
            let cols = Columns::plain(&["id", "source", "credentials", "sync_interval_minutes", "updated_at"]);
            let rows: Vec<Value> = accounts.iter().filter_map(|a| serde_json::to_value(a).ok()).collect();
            Ok(ctx.out.figures(&cols, &rows)?)
        }
    }
}
