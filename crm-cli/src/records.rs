//! `crm <entity> <verb>` for contacts, opportunities, deals and activities, and `crm audit`.

use std::io::{Read, Write};

use clap::ArgMatches;
use crm_api::catalog::{EntityInfo, FieldKind};
use reqwest::Method;
use serde_json::{Map, Value, json};

use crate::Ctx;
use crate::exit::{CliError, Result};
use crate::output::{Columns, Format};
use crm_api::client::{Client, ClientError};

pub async fn run(ctx: &mut Ctx, e: &'static EntityInfo, m: &ArgMatches) -> Result<()> {
    ctx.need_token()?;
    let base = format!("/api/crm/{}", e.path);
    let cols = Columns::of_entity(e);
    let id = |m: &ArgMatches| m.get_one::<i64>("id").copied().unwrap_or_default();
    match m.subcommand() {
        Some(("list", m)) => list(ctx, &base, &cols, m).await,
        Some(("get", m)) => {
            let rec = ctx.call(Method::GET, &format!("{base}/{}", id(m)), &[], None, None).await?;
            Ok(ctx.out.record(&cols, &rec)?)
        }
        Some(("create", m)) => {
            let body = body(e, m, false)?;
            let rec = ctx.call(Method::POST, &base, &[], Some(&body), None).await?;
            Ok(ctx.out.record(&cols, &rec)?)
        }
        Some(("update", m)) => {
            let body = body(e, m, true)?;
            let if_match = m.get_one::<i64>("if-match").copied();
            let rec = ctx.call(Method::PATCH, &format!("{base}/{}", id(m)), &[], Some(&body), if_match).await?;
            Ok(ctx.out.record(&cols, &rec)?)
        }
        Some(("delete", m)) => {
            let if_match = m.get_one::<i64>("if-match").copied();
            for id in m.get_many::<i64>("id").into_iter().flatten() {
                ctx.call(Method::DELETE, &format!("{base}/{id}"), &[], None, if_match).await?;
                if ctx.out.quiet {
                    ctx.out.line(&id.to_string())?;
                } else {
                    ctx.out.line(&format!("deleted {} {id} (crm {} restore {id} undoes it)", e.name, e.path))?;
                }
            }
            Ok(())
        }
        Some(("restore", m)) => {
            let rec = ctx.call(Method::POST, &format!("{base}/{}/restore", id(m)), &[], None, None).await?;
            Ok(ctx.out.record(&cols, &rec)?)
        }
        Some(("timeline", m)) => {
            let items = ctx.call(Method::GET, &format!("{base}/{}/timeline", id(m)), &[], None, None).await?;
            print_all(ctx, &Columns::plain(&["at", "kind", "entity", "entity_id", "summary"]), &items)
        }
        Some(("move", m)) => {
            let stage = m.get_one::<String>("stage").cloned().unwrap_or_default();
            let body = json!({ "stage": stage });
            let rec = ctx.call(Method::PATCH, &format!("{base}/{}", id(m)), &[], Some(&body), None).await?;
            Ok(ctx.out.record(&cols, &rec)?)
        }
        Some(("history", m)) => {
            let items = ctx.call(Method::GET, &format!("{base}/{}/history", id(m)), &[], None, None).await?;
            print_all(ctx, &Columns::plain(&["id", "from_stage", "to_stage", "changed_at"]), &items)
        }
        Some(("complete", m)) => {
            let rec = ctx.call(Method::POST, &format!("{base}/{}/complete", id(m)), &[], None, None).await?;
            Ok(ctx.out.record(&cols, &rec)?)
        }
        Some(("export", m)) => export(ctx, &base, e, m).await,
        Some(("import", m)) => {
            if m.get_one::<usize>("batch-size").is_some_and(|n| !(1..=crm_api::batch::MAX_BATCH).contains(n)) {
                return Err(CliError::usage("--batch-size: must be 1 to 1000"));
            }
            crate::import::run(ctx, e, m).await
        }
        Some(("recent", _)) => {
            let items = ctx.call(Method::GET, &format!("{base}/recent"), &[], None, None).await?;
            print_all(ctx, &cols, &items)
        }
        _ => Err(CliError::usage(format!("{}: which subcommand?", e.path))),
    }
}

fn print_all(ctx: &mut Ctx, cols: &Columns, items: &Value) -> Result<()> {
    ctx.out.begin(cols);
    ctx.out.items(items.as_array().map(Vec::as_slice).unwrap_or_default())?;
    Ok(ctx.out.end()?)
}

/// Pages of a list endpoint, printed as they arrive.
async fn list(ctx: &mut Ctx, base: &str, cols: &Columns, m: &ArgMatches) -> Result<()> {
    let mut query: Vec<(&str, String)> = Vec::new();
    for (arg, param) in [("filter", "filter"), ("search", "q"), ("sort", "sort")] {
        if let Some(v) = m.get_one::<String>(arg) {
            query.push((param, v.clone()));
        }
    }
    if m.get_flag("deleted") {
        query.push(("deleted", "true".into()));
    }
    if m.get_flag("count") {
        query.push(("total", "true".into()));
        query.push(("limit", "1".into()));
        let page = ctx.call(Method::GET, base, &query, None, None).await?;
        ctx.out.line(&page["total"].as_i64().unwrap_or_default().to_string())?;
        return Ok(());
    }
    if let Some(limit) = m.get_one::<u32>("limit") {
        query.push(("limit", limit.to_string()));
    }
    let mut cursor = m.get_one::<String>("cursor").cloned();
    follow(ctx, base, cols, query, &mut cursor, m.get_flag("all")).await
}

/// Prints the pages from `cursor` on: one page, or all of them.
async fn follow(
    ctx: &mut Ctx,
    path: &str,
    cols: &Columns,
    query: Vec<(&str, String)>,
    cursor: &mut Option<String>,
    all: bool,
) -> Result<()> {
    ctx.out.begin(cols);
    loop {
        let mut q = query.clone();
        if let Some(c) = cursor.as_ref() {
            q.push(("cursor", c.clone()));
        }
        let page = ctx.call(Method::GET, path, &q, None, None).await?;
        ctx.out.items(page["data"].as_array().map(Vec::as_slice).unwrap_or_default())?;
        *cursor = page["next_cursor"].as_str().map(str::to_string);
        if !all || cursor.is_none() {
            break;
        }
    }
    ctx.out.end()?;
    if let Some(c) = cursor.as_ref() {
        eprintln!("crm: more records follow: --cursor {c} (or --all)");
    }
    Ok(())
}

/// The request body of a create or update: the `--json` object, then the field flags.
fn body(e: &EntityInfo, m: &ArgMatches, update: bool) -> Result<Value> {
    let mut body = match m.get_one::<String>("json") {
        Some(file) => read_json(file)?,
        None => Map::new(),
    };
    for f in e.writable() {
        let v = match f.kind {
            FieldKind::Int | FieldKind::Link(_) => m.get_one::<i64>(f.name).map(|v| json!(v)),
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
    Ok(Value::Object(body))
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
    let mut query: Vec<(&str, String)> = Vec::new();
    if let Some(e) = m.get_one::<String>("entity") {
        query.push(("entity", e.clone()));
    }
    if let Some(id) = m.get_one::<i64>("record") {
        query.push(("entity_id", id.to_string()));
    }
    if let Some(limit) = m.get_one::<u32>("limit") {
        query.push(("limit", limit.to_string()));
    }
    let cols = Columns::plain(&["id", "created_at", "action", "entity", "entity_id", "changes", "request_id"]);
    follow(ctx, "/api/crm/audit", &cols, query, &mut None, m.get_flag("all")).await
}

/// Streams `GET /api/crm/<entity>/export` to the `-o` file (written under a temporary name and
/// renamed when complete, so an interrupted export leaves no complete-looking file) or stdout.
async fn export(ctx: &mut Ctx, base: &str, e: &EntityInfo, m: &ArgMatches) -> Result<()> {
    let file = ctx.out_file.clone();
    let format = match (m.get_one::<String>("format"), &file) {
        (Some(f), _) => f.clone(),
        (None, Some(path)) if path.ends_with(".ndjson") || path.ends_with(".jsonl") => "ndjson".into(),
        (None, None) if ctx.out.format == Format::Ndjson => "ndjson".into(),
        _ => "csv".into(),
    };
    let mut query: Vec<(&str, String)> = vec![("format", format)];
    for (arg, param) in [("filter", "filter"), ("search", "q"), ("sort", "sort")] {
        if let Some(v) = m.get_one::<String>(arg) {
            query.push((param, v.clone()));
        }
    }
    if m.get_flag("deleted") {
        query.push(("deleted", "true".into()));
    }
    let resp = ctx
        .client
        .request(Method::GET, &format!("{base}/export"))
        .query(&query)
        .send()
        .await
        .map_err(ClientError::Network)?;
    if !resp.status().is_success() {
        return Err(Client::decode::<Value>(resp)
            .await
            .err()
            .map(CliError::from)
            .unwrap_or_else(|| CliError::failure("the export answered an error without a body")));
    }
    let mut resp = resp;
    match file {
        Some(path) => {
            let tmp = format!("{path}.part");
            let mut out = std::fs::File::create(&tmp).map_err(|err| CliError::failure(format!("{tmp}: {err}")))?;
            let mut bytes = 0u64;
            while let Some(chunk) = resp.chunk().await.map_err(ClientError::Network)? {
                out.write_all(&chunk).map_err(|err| CliError::failure(format!("{tmp}: {err}")))?;
                bytes += chunk.len() as u64;
            }
            out.sync_all().map_err(|err| CliError::failure(format!("{tmp}: {err}")))?;
            std::fs::rename(&tmp, &path).map_err(|err| CliError::failure(format!("{path}: {err}")))?;
            eprintln!("crm: exported {} ({bytes} bytes) to {path}", e.path);
        }
        None => {
            while let Some(chunk) = resp.chunk().await.map_err(ClientError::Network)? {
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
            let list = ctx.call(Method::GET, "/api/crm/imports", &[], None, None).await?;
            print_all(ctx, &cols, &list)
        }
        Some(("get", m)) => {
            let id = m.get_one::<i64>("id").copied().unwrap_or_default();
            let imp = ctx.call(Method::GET, &format!("/api/crm/imports/{id}"), &[], None, None).await?;
            Ok(ctx.out.record(&cols, &imp)?)
        }
        Some(("undo", m)) => {
            let id = m.get_one::<i64>("id").copied().unwrap_or_default();
            let report = ctx.call(Method::POST, &format!("/api/crm/imports/{id}/undo"), &[], None, None).await?;
            for skip in report["skipped"].as_array().into_iter().flatten() {
                eprintln!("crm: left alone: {}", skip["reason"].as_str().unwrap_or_default());
            }
            let summary = json!({
                "id": id,
                "deleted": report["deleted"],
                "reverted": report["reverted"],
                "skipped": report["skipped"].as_array().map_or(0, Vec::len),
            });
            Ok(ctx.out.record(&Columns::plain(&["id", "deleted", "reverted", "skipped"]), &summary)?)
        }
        _ => Err(CliError::usage("imports: which subcommand?")),
    }
}
