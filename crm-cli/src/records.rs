//! `crm <entity> <verb>` for contacts, opportunities, deals and activities, `crm imports` and
//! `crm audit`. Every call goes through the typed client: the field flags (from the catalog)
//! become the entity's request type, and records are printed from their typed form.

use std::io::{Read, Write};

use clap::ArgMatches;
use crm_api::ListParams;
use crm_api::activities::Snooze;
use crm_api::catalog::{EntityInfo, FieldKind};
use crm_api::params::{
    AuditParams, ExportFormat, ExportParams, ImportListParams, QueueParams, SnoozeParams, TimelineParams,
};
use crm_api::resource::{Activities, Contacts, Deals, Opportunities, Resource};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value, json};

use crate::Ctx;
use crate::exit::{CliError, Result};
use crate::output::{Column, Columns, Format, Out};

/// Runs the command on the entity's own types.
pub async fn run(ctx: &mut Ctx, e: &'static EntityInfo, m: &ArgMatches) -> Result<()> {
    match e.path {
        p if p == Contacts::PATH => run_on::<Contacts>(ctx, e, m).await,
        p if p == Opportunities::PATH => run_on::<Opportunities>(ctx, e, m).await,
        p if p == Deals::PATH => run_on::<Deals>(ctx, e, m).await,
        p if p == Activities::PATH => run_on::<Activities>(ctx, e, m).await,
        other => Err(CliError::usage(format!("unknown command {other:?}"))),
    }
}

async fn run_on<R: Resource>(ctx: &mut Ctx, e: &'static EntityInfo, m: &ArgMatches) -> Result<()> {
    ctx.need_token()?;
    let cols = Columns::of_entity(e);
    let id = |m: &ArgMatches| m.get_one::<i64>("id").copied().unwrap_or_default();
    let if_match = |m: &ArgMatches| m.get_one::<i64>("if-match").map(|v| format!("\"{v}\""));
    match m.subcommand() {
        Some(("list", m)) => list::<R>(ctx, &cols, m).await,
        Some(("get", m)) => {
            let rec = ctx.client.get::<R>(id(m)).await?.record;
            Ok(ctx.out.record(&cols, &value(&rec)?)?)
        }
        Some(("create", m)) => {
            let new: R::New = typed(body(e, m, false)?)?;
            let rec = ctx.client.create::<R>(&new).await?.record;
            Ok(ctx.out.record(&cols, &value(&rec)?)?)
        }
        Some(("update", m)) => {
            let patch: R::Patch = typed(body(e, m, true)?)?;
            let rec = ctx.client.update::<R>(id(m), &patch, if_match(m).as_deref()).await?.record;
            Ok(ctx.out.record(&cols, &value(&rec)?)?)
        }
        Some(("delete", m)) => {
            let tag = if_match(m);
            for id in m.get_many::<i64>("id").into_iter().flatten() {
                ctx.client.delete::<R>(*id, tag.as_deref()).await?;
                if ctx.out.quiet {
                    ctx.out.line(&id.to_string())?;
                } else {
                    ctx.out.line(&format!("deleted {} {id} (crm {} restore {id} undoes it)", e.name, e.path))?;
                }
            }
            Ok(())
        }
        Some(("restore", m)) => {
            let rec = ctx.client.restore::<R>(id(m)).await?.record;
            Ok(ctx.out.record(&cols, &value(&rec)?)?)
        }
        Some(("timeline", m)) => {
            let items = ctx.client.contact_timeline(id(m), &TimelineParams::default()).await?;
            print_all(&mut ctx.out, &Columns::plain(&["at", "kind", "entity", "entity_id", "summary"]), &items)
        }
        Some(("move", m)) => {
            // The stage is read as the API reads it (any case, spaces for dashes).
            let at = match m.get_one::<String>("at") {
                Some(t) => Some(
                    chrono::DateTime::parse_from_rfc3339(t.trim())
                        .map_err(|err| CliError::usage(format!("--at: not an RFC 3339 time ({err}): {t}")))?
                        .with_timezone(&chrono::Utc),
                ),
                None => None,
            };
            let req = crm_api::pipelines::MoveRequest {
                stage: m.get_one::<String>("stage").cloned(),
                stage_id: m.get_one::<i64>("stage-id").copied(),
                at,
            };
            let tag = if_match(m);
            let rec = if R::PATH == Deals::PATH {
                value(&ctx.client.move_deal(id(m), &req, tag.as_deref()).await?.record)?
            } else {
                value(&ctx.client.move_opportunity(id(m), &req, tag.as_deref()).await?.record)?
            };
            Ok(ctx.out.record(&cols, &rec)?)
        }
        Some(("history", m)) => {
            let items = ctx.client.deal_history(id(m)).await?;
            print_all(&mut ctx.out, &Columns::plain(&["id", "from_stage", "to_stage", "changed_at"]), &items)
        }
        Some(("complete", m)) => {
            let rec = ctx.client.complete_activity(id(m)).await?.record;
            Ok(ctx.out.record(&cols, &value(&rec)?)?)
        }
        Some(("export", m)) => export::<R>(ctx, e, m).await,
        Some(("import", m)) => {
            if m.get_one::<usize>("batch-size").is_some_and(|n| !(1..=crm_api::batch::MAX_BATCH).contains(n)) {
                return Err(CliError::usage("--batch-size: must be 1 to 1000"));
            }
            crate::import::run::<R>(ctx, e, m).await
        }
        Some(("recent", _)) => {
            let items = ctx.client.recent_activities().await?;
            print_all(&mut ctx.out, &cols, &items)
        }
        Some(("queue", m)) => queue(ctx, &cols, m).await,
        Some(("snooze", m)) => {
            let until = m.get_one::<chrono::NaiveDate>("until").copied().unwrap_or_default();
            let params = SnoozeParams { tz: m.get_one::<String>("tz").cloned() };
            let rec =
                ctx.client.snooze_activity(id(m), &Snooze { until }, &params, if_match(m).as_deref()).await?.record;
            Ok(ctx.out.record(&cols, &value(&rec)?)?)
        }
        _ => Err(CliError::usage(format!("{}: which subcommand?", e.path))),
    }
}

/// `crm activities queue`: the server's answer as it is with `-o json`; otherwise one list of
/// the three sections with a `section` column first (`-q`: the ids, in that order).
async fn queue(ctx: &mut Ctx, cols: &Columns, m: &ArgMatches) -> Result<()> {
    let params = QueueParams { tz: m.get_one::<String>("tz").cloned(), limit: m.get_one::<u32>("limit").copied() };
    let q = ctx.client.activity_queue(&params).await?;
    if ctx.out.format == Format::Json && !ctx.out.quiet {
        let text =
            serde_json::to_string_pretty(&q).map_err(|err| CliError::failure(format!("printing the answer: {err}")))?;
        ctx.out.line(&text)?;
    } else {
        let mut with_section = cols.clone();
        with_section.all.insert(0, Column { key: "section".into(), kind: None });
        with_section.table.insert(0, "section".into());
        let mut rows = Vec::new();
        for (section, items) in [("overdue", &q.overdue), ("today", &q.today), ("upcoming", &q.upcoming)] {
            for item in items {
                let mut row = value(item)?;
                if let Value::Object(map) = &mut row {
                    map.insert("section".into(), json!(section));
                }
                rows.push(row);
            }
        }
        ctx.out.begin(&with_section);
        ctx.out.items(&rows)?;
        ctx.out.end()?;
    }
    let more: Vec<&str> =
        [("overdue", q.has_more.overdue), ("today", q.has_more.today), ("upcoming", q.has_more.upcoming)]
            .into_iter()
            .filter_map(|(name, more)| more.then_some(name))
            .collect();
    if !more.is_empty() {
        eprintln!("crm: more activities than shown in: {} (--limit, at most 500)", more.join(", "));
    }
    Ok(())
}

/// A typed answer as the JSON the output formats print.
pub fn value<T: Serialize>(item: &T) -> Result<Value> {
    serde_json::to_value(item).map_err(|err| CliError::failure(format!("printing the answer: {err}")))
}

pub(crate) fn values<T: Serialize>(items: &[T]) -> Result<Vec<Value>> {
    items.iter().map(value).collect()
}

/// A request body as the entity's request type; a value it cannot take is bad input (exit 2)
/// naming the field, as the server would name it.
fn typed<T: DeserializeOwned>(body: Map<String, Value>) -> Result<T> {
    serde_path_to_error::deserialize(Value::Object(body)).map_err(|err| {
        let path = err.path().to_string();
        let message = err.into_inner().to_string();
        if path.is_empty() || path == "." {
            CliError::usage(message)
        } else {
            CliError::usage(format!("{path}: {message}"))
        }
    })
}

pub fn print_all<T: Serialize>(out: &mut Out, cols: &Columns, items: &[T]) -> Result<()> {
    out.begin(cols);
    out.items(&values(items)?)?;
    Ok(out.end()?)
}

/// Pages of a list endpoint, printed as they arrive.
async fn list<R: Resource>(ctx: &mut Ctx, cols: &Columns, m: &ArgMatches) -> Result<()> {
    let params = ListParams {
        filter: m.get_one::<String>("filter").cloned(),
        q: m.get_one::<String>("search").cloned(),
        sort: m.get_one::<String>("sort").cloned(),
        deleted: m.get_flag("deleted").then_some(true),
        ..Default::default()
    };
    if m.get_flag("count") {
        let page = ctx.client.list::<R>(&ListParams { total: Some(true), limit: Some(1), ..params }).await?;
        ctx.out.line(&page.total.unwrap_or_default().to_string())?;
        return Ok(());
    }
    let params = ListParams { limit: m.get_one::<u32>("limit").copied(), ..params };
    let client = ctx.client.clone();
    let cursor = m.get_one::<String>("cursor").cloned();
    follow(&mut ctx.out, cols, cursor, m.get_flag("all"), async |cursor| {
        let page = client.list::<R>(&ListParams { cursor, ..params.clone() }).await?;
        Ok((values(&page.data)?, page.next_cursor))
    })
    .await
}

/// Prints the pages from `cursor` on, one page or all of them; `page` fetches the page at a
/// cursor and returns its records and the next cursor.
pub(crate) async fn follow(
    out: &mut Out,
    cols: &Columns,
    mut cursor: Option<String>,
    all: bool,
    mut page: impl AsyncFnMut(Option<String>) -> Result<(Vec<Value>, Option<String>)>,
) -> Result<()> {
    out.begin(cols);
    loop {
        let (items, next) = page(cursor.take()).await?;
        out.items(&items)?;
        cursor = next;
        if !all || cursor.is_none() {
            break;
        }
    }
    out.end()?;
    if let Some(c) = cursor.as_ref() {
        eprintln!("crm: more records follow: --cursor {c} (or --all)");
    }
    Ok(())
}

/// The request body of a create or update: the `--json` object, then the field flags.
fn body(e: &EntityInfo, m: &ArgMatches, update: bool) -> Result<Map<String, Value>> {
    let mut body = match m.get_one::<String>("json") {
        Some(file) => read_json(file)?,
        None => Map::new(),
    };
    for f in e.writable() {
        let v = match f.kind {
            FieldKind::Int { .. } | FieldKind::Link(_) => m.get_one::<i64>(f.name).map(|v| json!(v)),
            FieldKind::Bool => m.get_one::<bool>(f.name).map(|v| json!(v)),
            _ => m.get_one::<String>(f.name).map(|v| json!(v)),
        };
        if let Some(v) = v {
            body.insert(f.name.to_string(), v);
        }
    }
    if update {
        for f in m.get_many::<String>("unset").into_iter().flatten() {
            body.insert(f.clone(), Value::Null);
        }
        if body.is_empty() {
            return Err(CliError::usage("nothing to change: give field flags (see --help), --unset or --json"));
        }
    }
    Ok(body)
}

fn read_json(file: &str) -> Result<Map<String, Value>> {
    let mut text = String::new();
    if file == "-" {
        std::io::stdin().read_to_string(&mut text)?;
    } else {
        text = std::fs::read_to_string(file).map_err(|e| CliError::usage(format!("--json: {file}: {e}")))?;
    }
    match serde_json::from_str::<Value>(&text) {
        Ok(Value::Object(map)) => Ok(map),
        Ok(_) => Err(CliError::usage(format!("--json: {file}: must hold a JSON object"))),
        Err(e) => Err(CliError::usage(format!("--json: {file}: {e}"))),
    }
}

pub async fn audit(ctx: &mut Ctx, m: &ArgMatches) -> Result<()> {
    ctx.need_token()?;
    let params = AuditParams {
        entity: m.get_one::<String>("entity").cloned(),
        entity_id: m.get_one::<i64>("record").copied(),
        limit: m.get_one::<u32>("limit").copied(),
        cursor: None,
    };
    let cols = Columns::plain(&["id", "created_at", "action", "entity", "entity_id", "changes", "request_id"]);
    let client = ctx.client.clone();
    follow(&mut ctx.out, &cols, None, m.get_flag("all"), async |cursor| {
        let page = client.audit(&AuditParams { cursor, ..params.clone() }).await?;
        Ok((values(&page.data)?, page.next_cursor))
    })
    .await
}

/// Where an export goes: a file, or standard output (no `FILE`, or `-`).
fn export_target(m: &ArgMatches) -> Option<String> {
    m.get_one::<String>("file").filter(|f| f.as_str() != "-").cloned()
}

/// The format of an export: `--format`, else the file's extension (`.ndjson`, `.jsonl`), else
/// on standard output `-o ndjson`; CSV otherwise.
fn export_format(m: &ArgMatches, file: Option<&str>, out: Format) -> ExportFormat {
    if let Some(f) = m.get_one::<String>("format") {
        return f.parse().unwrap_or_default();
    }
    match file {
        Some(path) if path.ends_with(".ndjson") || path.ends_with(".jsonl") => ExportFormat::Ndjson,
        None if out == Format::Ndjson => ExportFormat::Ndjson,
        _ => ExportFormat::Csv,
    }
}

/// Streams an export to `FILE` (written under a temporary name and renamed when complete, so
/// that an interrupted export leaves no complete-looking file) or to standard output.
async fn export<R: Resource>(ctx: &mut Ctx, e: &EntityInfo, m: &ArgMatches) -> Result<()> {
    let file = export_target(m);
    let params = ExportParams {
        format: Some(export_format(m, file.as_deref(), ctx.out.format)),
        filter: m.get_one::<String>("filter").cloned(),
        q: m.get_one::<String>("search").cloned(),
        sort: m.get_one::<String>("sort").cloned(),
        deleted: m.get_flag("deleted").then_some(true),
    };
    // Bad parameters are refused here, before any file is made.
    let mut export = ctx.client.export::<R>(&params).await?;
    match file {
        Some(path) => {
            let tmp = format!("{path}.part");
            let failed = |err: std::io::Error| CliError::failure(format!("{tmp}: {err}"));
            let mut out = std::fs::File::create(&tmp).map_err(failed)?;
            let mut bytes = 0u64;
            let copied = async {
                while let Some(chunk) = export.chunk().await? {
                    out.write_all(&chunk).map_err(failed)?;
                    bytes += chunk.len() as u64;
                }
                out.sync_all().map_err(failed)
            }
            .await;
            if let Err(err) = copied {
                let _ = std::fs::remove_file(&tmp);
                return Err(err);
            }
            std::fs::rename(&tmp, &path).map_err(|err| CliError::failure(format!("{path}: {err}")))?;
            eprintln!("crm: exported {} ({bytes} bytes) to {path}", e.path);
        }
        None => {
            while let Some(chunk) = export.chunk().await? {
                ctx.out.raw(&chunk)?;
            }
        }
    }
    Ok(())
}

const IMPORT_COLUMNS: &[&str] =
    &["id", "entity", "name", "created_at", "undone_at", "batches", "created", "updated", "unchanged", "failed"];

pub async fn imports(ctx: &mut Ctx, m: &ArgMatches) -> Result<()> {
    ctx.need_token()?;
    let cols = Columns::plain(IMPORT_COLUMNS);
    match m.subcommand() {
        Some(("list", _)) => {
            let list = ctx.client.list_imports(&ImportListParams::default()).await?;
            print_all(&mut ctx.out, &cols, &list)
        }
        Some(("get", m)) => {
            let id = m.get_one::<i64>("id").copied().unwrap_or_default();
            let imp = ctx.client.get_import(id).await?;
            Ok(ctx.out.record(&cols, &value(&imp)?)?)
        }
        Some(("undo", m)) => {
            let id = m.get_one::<i64>("id").copied().unwrap_or_default();
            // Undoing a large import is one long write: wait for its answer however long.
            let mut patient = crm_api::client::Client::builder(ctx.client.base()).read_timeout(None);
            if let Some(t) = ctx.client.token() {
                patient = patient.token(t);
            }
            let report = patient.build()?.undo_import(id).await?;
            for skip in &report.skipped {
                eprintln!("crm: left alone: {}", skip.reason);
            }
            let summary = json!({
                "id": id,
                "deleted": report.deleted,
                "reverted": report.reverted,
                "skipped": report.skipped.len(),
            });
            Ok(ctx.out.record(&Columns::plain(&["id", "deleted", "reverted", "skipped"]), &summary)?)
        }
        _ => Err(CliError::usage("imports: which subcommand?")),
    }
}
