//! `crm sync all|brivity|topproducer|status` (made for cron: waits for the runs, a line per
//! source, exit 0 only when every source succeeded) and `crm integrations accounts ...`.

use std::io::{BufRead, IsTerminal};

use clap::ArgMatches;
use crm_api::ListParams;
use crm_api::integrations::{
    BrivityCredentials, ClearParams, NewAccount, Origin, RecordType, RunOutcome, SearchParams, Source, SyncRun,
    SyncStatus, TopProducerCredentials,
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
    let mut started = match what {
        "all" => ctx.client.sync_all(false).await?,
        source => {
            let source =
                Source::parse(source).ok_or_else(|| CliError::usage(format!("sync: unknown source {source:?}")))?;
            ctx.client.sync_source(source, false).await?
        }
    };
    // Waiting is polling the runs: a large account takes longer than one request should wait
    // (and than a proxy in between may let it).
    if wait {
        for run in &mut started.runs {
            while run.outcome == RunOutcome::Running {
                tokio::time::sleep(std::time::Duration::from_millis(250)).await;
                *run = ctx.client.sync_run(run.id).await?;
            }
        }
    }
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

/// `crm integrations accounts|contacts|deals|search|cache clear`.
pub async fn integrations(ctx: &mut Ctx, m: &ArgMatches) -> Result<()> {
    ctx.need_token()?;
    match m.subcommand() {
        Some(("accounts", a)) => accounts(ctx, a).await,
        Some(("contacts", l)) => merged(ctx, l, true).await,
        Some(("deals", l)) => merged(ctx, l, false).await,
        Some(("search", q)) => search(ctx, q).await,
        Some(("cache", c)) => {
            let source = match c.subcommand().and_then(|(_, m)| m.get_one::<String>("source")) {
                Some(s) => {
                    Some(Source::parse(s).ok_or_else(|| CliError::usage(format!("--source: unknown source {s:?}")))?)
                }
                None => None,
            };
            let done = ctx.client.clear_integration_cache(&ClearParams { source }).await?;
            if ctx.out.chosen && matches!(ctx.out.format, Format::Json | Format::Ndjson) {
                return Ok(ctx.out.json(&done)?);
            }
            Ok(ctx.out.line(&format!(
                "cleared the cached copies of {} records; their contacts and deals stay",
                done.cleared
            ))?)
        }
        _ => Err(CliError::usage("integrations: accounts, contacts, deals, search or cache?")),
    }
}

fn sources_text(sources: &[Origin]) -> String {
    sources
        .iter()
        .map(|o| {
            format!("{}:{}{}", o.source, o.external_id, if o.removed_at.is_some() { " (removed there)" } else { "" })
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// `crm integrations contacts|deals [list options]`: a row per record, its sources in a column.
async fn merged(ctx: &mut Ctx, m: &ArgMatches, contacts: bool) -> Result<()> {
    let params = ListParams {
        filter: m.get_one::<String>("filter").cloned(),
        q: m.get_one::<String>("search").cloned(),
        sort: m.get_one::<String>("sort").cloned(),
        deleted: m.get_flag("deleted").then_some(true),
        limit: m.get_one::<u32>("limit").copied(),
        ..Default::default()
    };
    let keys: &[&str] = if contacts {
        &["id", "name", "email", "company", "status", "sources"]
    } else {
        &["id", "name", "amount", "currency", "stage", "close_date", "sources"]
    };
    let cols = Columns::plain(keys);
    let client = ctx.client.clone();
    let cursor = m.get_one::<String>("cursor").cloned();
    crate::records::follow(&mut ctx.out, &cols, cursor, m.get_flag("all"), async |cursor| {
        let p = ListParams { cursor, ..params.clone() };
        let (rows, next) = if contacts {
            let page = client.integration_contacts(&p).await?;
            let rows = page
                .data
                .iter()
                .map(|c| (serde_json::to_value(&c.record), sources_text(&c.sources)))
                .collect::<Vec<_>>();
            (rows, page.next_cursor)
        } else {
            let page = client.integration_deals(&p).await?;
            let rows = page
                .data
                .iter()
                .map(|d| (serde_json::to_value(&d.record), sources_text(&d.sources)))
                .collect::<Vec<_>>();
            (rows, page.next_cursor)
        };
        let mut out = Vec::with_capacity(rows.len());
        for (record, sources) in rows {
            let mut record = record.map_err(|e| CliError::failure(format!("a record did not read: {e}")))?;
            record["sources"] = Value::String(sources);
            out.push(record);
        }
        Ok((out, next))
    })
    .await
}

/// `crm integrations search QUERY [--type contacts|deals]`.
async fn search(ctx: &mut Ctx, m: &ArgMatches) -> Result<()> {
    let kind = m.get_one::<String>("type").and_then(|t| RecordType::parse(t));
    let q = m.get_one::<String>("query").cloned();
    let limit = m.get_one::<u32>("limit").copied();
    let cols = Columns::plain(&["source", "type", "external_id", "local_id", "removed_at", "data"]);
    let client = ctx.client.clone();
    crate::records::follow(&mut ctx.out, &cols, None, m.get_flag("all"), async |cursor| {
        let page = client.search_integrations(&SearchParams { q: q.clone(), kind, limit, cursor }).await?;
        let rows = crate::records::values(&page.data)?;
        Ok((rows, page.next_cursor))
    })
    .await
}

/// `crm integrations accounts [list] | connect brivity|topproducer ... | disconnect ID`.
async fn accounts(ctx: &mut Ctx, m: &ArgMatches) -> Result<()> {
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
