//! `crm <entity> import FILE|-`: streams a CSV file to the batch endpoint, 1000 rows a request
//! and several requests in flight, under one import id. Each batch is applied once (the server
//! keeps its answer), so `--resume` re-sends the file and ends with exactly its rows; `crm
//! imports undo <id>` reverts it.

use std::io::{IsTerminal, Read};
use std::path::{Path, PathBuf};

use clap::ArgMatches;
use crm_api::batch::{BatchRequest, BatchResponse, MatchOn, Outcome};
use crm_api::catalog::EntityInfo;
use crm_api::client::Client;
use crm_api::imports::{Import, NewImport};
use crm_api::resource::Resource;
use futures_util::StreamExt;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use serde_json::{Value, json};

use crate::Ctx;
use crate::csvin::{self, Mapping};
use crate::exit::{CliError, Result};
use crate::output::Columns;

/// A batch ends at this many bytes of cells even before its row count, so that memory stays
/// flat with wide rows too (a few batches are in flight, each held as cells, JSON and body).
const MAX_BATCH_BYTES: usize = 2 << 20;

/// One row of the file: its number (1 = the first row after the header), its cells, and the
/// record to send or why it cannot be sent.
struct Row {
    number: u64,
    cells: csv::StringRecord,
    record: std::result::Result<Value, String>,
}

struct Batch {
    seq: i64,
    rows: Vec<Row>,
    /// Bytes of the file read up to the end of this batch, for the progress bar.
    offset: u64,
}

/// The outcome of a row, for the results files and the dry run's plan.
struct Done {
    number: u64,
    outcome: &'static str,
    id: Option<i64>,
    error: String,
}

#[derive(Default)]
struct Totals {
    rows: u64,
    created: u64,
    updated: u64,
    unchanged: u64,
    failed: u64,
}

/// Where the import of a file is remembered, for `--resume` without an id.
fn state_path(file: &Path) -> Result<PathBuf> {
    let key: String = file.to_string_lossy().chars().map(|c| if c.is_alphanumeric() { c } else { '_' }).collect();
    let key: String = key.chars().rev().take(150).collect::<Vec<_>>().into_iter().rev().collect();
    Ok(crm_api::profiles::dir()?.join("imports").join(format!("{key}.json")))
}

fn outcome_name(o: Outcome) -> &'static str {
    match o {
        Outcome::Created => "created",
        Outcome::Updated => "updated",
        Outcome::Unchanged => "unchanged",
        Outcome::Failed => "failed",
    }
}

/// Results files: `success.csv` (row, id, outcome) and `failed.csv` (the row as it was, plus
/// an `error` column), so that failed rows can be fixed and imported again as they are.
struct Results {
    success: csv::Writer<std::fs::File>,
    failed: csv::Writer<std::fs::File>,
}

impl Results {
    fn create(dir: &Path, headers: &[String]) -> Result<Results> {
        std::fs::create_dir_all(dir).map_err(|e| CliError::failure(format!("{}: {e}", dir.display())))?;
        let open = |name: &str| {
            csv::Writer::from_path(dir.join(name))
                .map_err(|e| CliError::failure(format!("{}: {e}", dir.join(name).display())))
        };
        let mut success = open("success.csv")?;
        let mut failed = open("failed.csv")?;
        success.write_record(["row", "id", "outcome"]).map_err(csv_err)?;
        let mut head = headers.to_vec();
        head.push("error".into());
        failed.write_record(&head).map_err(csv_err)?;
        Ok(Results { success, failed })
    }

    fn write(&mut self, done: &Done, cells: &csv::StringRecord) -> Result<()> {
        if done.outcome == "failed" {
            let mut rec: Vec<&str> = cells.iter().collect();
            rec.push(&done.error);
            self.failed.write_record(&rec).map_err(csv_err)
        } else {
            let id = done.id.map(|i| i.to_string()).unwrap_or_default();
            self.success.write_record([done.number.to_string().as_str(), &id, done.outcome]).map_err(csv_err)
        }
    }

    fn flush(&mut self) -> Result<()> {
        self.success.flush()?;
        self.failed.flush()?;
        Ok(())
    }
}

fn csv_err(e: csv::Error) -> CliError {
    CliError::failure(format!("writing results: {e}"))
}

pub async fn run<R: Resource>(ctx: &mut Ctx, e: &'static EntityInfo, m: &ArgMatches) -> Result<()> {
    let file = m.get_one::<String>("file").cloned().unwrap_or_else(|| "-".into());
    let dry_run = m.get_flag("dry-run");
    let mut batch_size = m.get_one::<usize>("batch-size").copied().unwrap_or(crm_api::batch::MAX_BATCH);
    let parallel = m.get_one::<usize>("parallel").copied().unwrap_or(4);
    let match_on = match m.get_one::<String>("match").map(String::as_str) {
        Some("email") => MatchOn::Email,
        Some("id") => MatchOn::Id,
        Some("none") => MatchOn::None,
        _ if e.path == "contacts" => MatchOn::Email,
        _ => MatchOn::None,
    };
    let delimiter = match m.get_one::<String>("delimiter").map(String::as_str) {
        None => None,
        Some("tab" | "\\t" | "\t") => Some(b'\t'),
        Some(d) if d.len() == 1 => Some(d.as_bytes()[0]),
        Some(d) => return Err(CliError::usage(format!("--delimiter: one character, or tab (got {d:?})"))),
    };
    let maps: Vec<String> = m.get_many::<String>("map").into_iter().flatten().cloned().collect();

    let (input, size, path): (Box<dyn Read>, Option<u64>, Option<PathBuf>) = if file == "-" {
        (Box::new(std::io::stdin()), None, None)
    } else {
        let f = std::fs::File::open(&file).map_err(|err| CliError::usage(format!("{file}: {err}")))?;
        let size = f.metadata().ok().map(|md| md.len());
        let abs = std::fs::canonicalize(&file).unwrap_or_else(|_| PathBuf::from(&file));
        (Box::new(f), size, Some(abs))
    };
    let mut reader = csvin::open(input, delimiter)?;
    let headers: Vec<String> = reader
        .headers()
        .map_err(|err| CliError::usage(format!("{file}: reading the header row: {err}")))?
        .iter()
        .map(str::to_string)
        .collect();
    let mut mapping = Mapping::new(e, &headers, &maps)?;
    if match_on != MatchOn::Id {
        mapping.ignore_ids();
    }
    let unknown = mapping.unknown();
    if !unknown.is_empty() {
        eprintln!(
            "crm: columns not imported: {} (import one with --map \"{}=field\", or skip it with --map \"{}=-\")",
            unknown.join(", "),
            unknown[0],
            unknown[0]
        );
    }

    // The import id: a new one, or the interrupted one being resumed.
    let import: Option<Import> = if dry_run {
        None
    } else if m.contains_id("resume") {
        let id = match m.get_one::<i64>("resume") {
            Some(id) => *id,
            None => {
                let Some(p) = &path else {
                    return Err(CliError::usage("--resume: give the import id when reading stdin"));
                };
                let text = std::fs::read_to_string(state_path(p)?).map_err(|_| {
                    CliError::usage(format!("--resume: no import of {} is remembered; give its id", p.display()))
                })?;
                let state = serde_json::from_str::<Value>(&text).unwrap_or_default();
                // Batches must be cut as the first time for their answers to fit.
                if let (None, Some(n)) = (m.get_one::<usize>("batch-size"), state["batch_size"].as_u64()) {
                    batch_size = usize::try_from(n).unwrap_or(batch_size).clamp(1, crm_api::batch::MAX_BATCH);
                }
                state["import_id"]
                    .as_i64()
                    .ok_or_else(|| CliError::usage("--resume: the remembered import is unreadable; give its id"))?
            }
        };
        let imp = ctx.client.get_import(id).await?;
        if imp.entity != e.path {
            return Err(CliError::usage(format!("--resume: import {id} is of {}, not {}", imp.entity, e.path)));
        }
        eprintln!("crm: resuming import {id} ({} batches applied before)", imp.batches);
        Some(imp)
    } else {
        let name =
            path.as_ref().and_then(|p| p.file_name()).map_or("stdin".into(), |n| n.to_string_lossy().into_owned());
        let imp = ctx.client.create_import(&NewImport { entity: e.path.into(), name }).await?;
        if let Some(p) = &path {
            let state = state_path(p)?;
            if let Some(dir) = state.parent() {
                let _ = std::fs::create_dir_all(dir);
            }
            let _ =
                std::fs::write(&state, json!({"import_id": imp.id, "file": p, "batch_size": batch_size}).to_string());
        }
        eprintln!("crm: import {} of {} (undo with `crm imports undo {}`)", imp.id, e.path, imp.id);
        Some(imp)
    };

    let mut results = match m.get_one::<String>("results") {
        Some(dir) => Some(Results::create(Path::new(dir), &headers)?),
        None => None,
    };
    let progress = progress_bar(size, ctx.out.quiet);

    // Batches are read as they are needed: memory holds the batches in flight only.
    let mut number = 0u64;
    let mut seq = 0i64;
    let mut read_error: Option<CliError> = None;
    let batches = std::iter::from_fn(|| {
        if read_error.is_some() {
            return None;
        }
        let mut rows = Vec::with_capacity(batch_size);
        let mut raw = csv::ByteRecord::new();
        let mut bytes = 0usize;
        while rows.len() < batch_size && bytes < MAX_BATCH_BYTES {
            match reader.read_byte_record(&mut raw) {
                Ok(true) => {
                    number += 1;
                    bytes += raw.as_slice().len();
                    // A row that is not UTF-8 fails alone, kept as it reads for failed.csv.
                    let (cells, record) = match csv::StringRecord::from_byte_record(raw.clone()) {
                        Ok(cells) => {
                            let record = mapping.record(e, &cells);
                            (cells, record)
                        }
                        Err(_) => {
                            let lossy = raw.iter().map(|f| String::from_utf8_lossy(f).into_owned()).collect::<Vec<_>>();
                            let why = "row: is not UTF-8 text (save the file as UTF-8)".to_string();
                            (csv::StringRecord::from(lossy), Err(why))
                        }
                    };
                    rows.push(Row { number, cells, record });
                }
                Ok(false) => break,
                Err(err) => {
                    read_error = Some(CliError::usage(format!("{file}: row {}: {err}", number + 1)));
                    break;
                }
            }
        }
        if rows.is_empty() {
            return None;
        }
        let batch = Batch { seq, rows, offset: reader.position().byte() };
        seq += 1;
        Some(batch)
    });
    let client = ctx.client.clone();
    let import_id = import.as_ref().map(|i| i.id);
    let mut answers = futures_util::stream::iter(batches)
        .map(|batch| {
            let client = client.clone();
            async move {
                let resp = send::<R>(&client, &batch, match_on, dry_run, import_id).await;
                (batch, resp)
            }
        })
        .buffered(parallel.max(1));

    let mut totals = Totals::default();
    let outcome = consume(ctx, &mut answers, &mut totals, results.as_mut(), dry_run, &progress).await;
    drop(answers);
    outcome?;
    if let Some(err) = read_error {
        progress.abandon();
        return Err(err);
    }
    progress.finish_and_clear();
    if let Some(r) = results.as_mut() {
        r.flush()?;
    }
    let summary = json!({
        "id": import_id,
        "rows": totals.rows,
        "created": totals.created,
        "updated": totals.updated,
        "unchanged": totals.unchanged,
        "failed": totals.failed,
        "dry_run": dry_run,
    });
    if dry_run {
        ctx.out.end()?;
        eprintln!(
            "crm: dry run, nothing written: {} rows: {} would be created, {} updated, {} unchanged, {} invalid",
            totals.rows, totals.created, totals.updated, totals.unchanged, totals.failed
        );
    } else {
        let cols = Columns::plain(&["id", "rows", "created", "updated", "unchanged", "failed", "dry_run"]);
        ctx.out.record(&cols, &summary)?;
    }
    if totals.failed > 0 {
        let hint = match m.get_one::<String>("results") {
            Some(dir) => format!("; they are in {}/failed.csv with the reason of each", dir.trim_end_matches('/')),
            None => "; --results DIR writes them to failed.csv with the reason of each".into(),
        };
        return Err(CliError::failure(format!("{} of {} rows failed{hint}", totals.failed, totals.rows)));
    }
    Ok(())
}

fn progress_bar(size: Option<u64>, quiet: bool) -> ProgressBar {
    if quiet || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = match size {
        Some(n) => ProgressBar::new(n).with_style(
            ProgressStyle::with_template("{bar:30} {bytes}/{total_bytes}: {msg}, {eta} left")
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
        ),
        None => ProgressBar::new_spinner().with_style(
            ProgressStyle::with_template("{spinner} {msg} ({elapsed})")
                .unwrap_or_else(|_| ProgressStyle::default_spinner()),
        ),
    };
    bar.set_draw_target(ProgressDrawTarget::stderr());
    bar
}

/// Sends the batch's valid rows (none: no request).
/// Takes the answers in file order: totals, results files, the dry run's plan, progress.
async fn consume<S>(
    ctx: &mut Ctx,
    answers: &mut S,
    totals: &mut Totals,
    mut results: Option<&mut Results>,
    dry_run: bool,
    progress: &ProgressBar,
) -> Result<()>
where
    S: futures_util::Stream<Item = (Batch, Result<BatchResponse>)> + Unpin,
{
    let plan_cols = Columns::plain(&["row", "outcome", "id", "error"]);
    if dry_run {
        ctx.out.begin(&plan_cols);
    }
    while let Some((batch, resp)) = answers.next().await {
        let resp = resp?;
        let mut plan = Vec::new();
        for done in outcomes(&batch, &resp) {
            totals.rows += 1;
            match done.outcome {
                "created" => totals.created += 1,
                "updated" => totals.updated += 1,
                "unchanged" => totals.unchanged += 1,
                _ => totals.failed += 1,
            }
            if let Some(r) = results.as_deref_mut() {
                let cells = &batch.rows[(done.number - batch.rows[0].number) as usize].cells;
                r.write(&done, cells)?;
            }
            if dry_run {
                plan.push(json!({"row": done.number, "outcome": done.outcome, "id": done.id, "error": done.error}));
            }
        }
        if dry_run {
            ctx.out.items(&plan)?;
        }
        progress.set_position(batch.offset);
        let secs = progress.elapsed().as_secs_f64().max(0.001);
        progress.set_message(format!("{} rows, {:.0} rows/s", totals.rows, totals.rows as f64 / secs));
    }
    Ok(())
}

async fn send<R: Resource>(
    client: &Client,
    batch: &Batch,
    match_on: MatchOn,
    dry_run: bool,
    import_id: Option<i64>,
) -> Result<BatchResponse> {
    let records: Vec<Value> = batch.rows.iter().filter_map(|r| r.record.as_ref().ok().cloned()).collect();
    let req = BatchRequest { records, match_on: Some(match_on), dry_run, import_id, seq: import_id.map(|_| batch.seq) };
    // A batch that overtook the one before it (which is slow, or being retried) is refused
    // unapplied: sent again until its turn comes, for a minute.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    loop {
        match client.batch::<R>(&req).await {
            Err(e)
                if e.problem().is_some_and(|p| p.kind == crm_api::error::BATCH_OUT_OF_ORDER)
                    && std::time::Instant::now() < deadline =>
            {
                tokio::time::sleep(std::time::Duration::from_millis(200)).await;
            }
            other => return Ok(other?),
        }
    }
}

/// Each row's outcome: rows that failed here, and the server's answer for the others in order.
fn outcomes(batch: &Batch, resp: &BatchResponse) -> Vec<Done> {
    let mut answers = resp.results.iter();
    let mut out = Vec::with_capacity(batch.rows.len());
    for row in &batch.rows {
        let done = match &row.record {
            Err(reason) => Done { number: row.number, outcome: "failed", id: None, error: reason.clone() },
            Ok(_) => match answers.next() {
                Some(item) => Done {
                    number: row.number,
                    outcome: outcome_name(item.outcome),
                    id: item.id,
                    error: item
                        .errors
                        .iter()
                        .map(|fe| format!("{}: {}", fe.field, fe.message))
                        .collect::<Vec<_>>()
                        .join("; "),
                },
                None => Done {
                    number: row.number,
                    outcome: "failed",
                    id: None,
                    error: "the server gave no outcome for this row".into(),
                },
            },
        };
        out.push(done);
    }
    out
}
