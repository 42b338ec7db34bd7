//! `POST /api/crm/<entity>/batch`: up to 1000 creates or upserts in one transaction, with an
//! outcome per record. A record that fails (invalid, or linking to a record the caller does not
//! have) is reported and skipped; the others are written. `dry_run` reports and writes nothing.

use axum::Json;
use axum::extract::State;
use crm_api::FieldError;
use crm_api::batch::{BatchItem, BatchRequest, BatchResponse, MatchOn, Outcome};
use crm_api::validate::Validate;
use serde_json::Value as Json_;

use super::entities::Entity;
use crate::app::AppState;
use crate::auth::AuthUser;
use crate::db::{Col, Conn, Dialect, Params, SqlValue};
use crate::error::{ApiError, ApiResult};
use crate::extract::{ApiJson, parse_value};
use crate::store::audit::IMPORT_ID;
use crate::store::bulk;
use crate::store::imports;
use crate::store::records::{self, Actor, values_from_body};

pub async fn batch<E: Entity>(
    State(s): State<AppState>,
    AuthUser(actor): AuthUser,
    ApiJson(req): ApiJson<BatchRequest>,
) -> ApiResult<Json<BatchResponse>> {
    let is_contacts = E::spec().table == "contacts";
    let match_on = req.match_on.unwrap_or(if is_contacts { MatchOn::Email } else { MatchOn::None });
    if match_on == MatchOn::Email && !is_contacts {
        return Err(ApiError::bad_param("match", "email applies to contacts only"));
    }
    let dry_run = req.dry_run;
    let import = req.import_id.zip(req.seq);
    // Parsing and checking new records needs no connection: done before taking the writer,
    // so that it overlaps with the batch being written.
    let now = crate::db::now_micros();
    let records: Vec<(Json_, Option<ApiResult<bulk::NewRow>>)> = req
        .records
        .into_iter()
        .map(|r| {
            let new = (match_on != MatchOn::Id && r.is_object()).then(|| new_row::<E>(actor, &r, now));
            (r, new)
        })
        .collect();
    // Batches of an import are sent several at a time but must apply in file order (a later
    // row with the same e-mail updates an earlier one): wait for the one before to be applied.
    if let Some((import_id, seq)) = import
        && seq > 0
    {
        crate::on_read!(&s.db, c => imports::check(c, actor, import_id, E::PATH))?;
        wait_for_batch(&s.db, import_id, seq - 1).await?;
    }
    let (response, applied) =
        crate::in_tx_keep!(&s.db, c => write_batch::<E, _>(c, actor, records, match_on, import, dry_run))?;
    if applied && import.is_some() {
        BATCH_APPLIED.notify_waiters();
    }
    if applied {
        let written = response.created + response.updated;
        let mut tables = vec![E::spec().table, "audit_log"];
        if E::spec().table == "deals" {
            tables.push("deal_stage_changes");
        }
        s.db.wrote_in_bulk(tables, written);
    }
    Ok(Json(response))
}

/// Writes a batch in the caller's transaction. Returns the answer, whether it was applied now,
/// and whether the transaction is to be kept (not for a dry run or a batch already applied).
async fn write_batch<E: Entity, C: Conn>(
    c: &mut C,
    actor: Actor,
    records: Vec<(Json_, Option<ApiResult<bulk::NewRow>>)>,
    match_on: MatchOn,
    import: Option<(i64, i64)>,
    dry_run: bool,
) -> ApiResult<((BatchResponse, bool), bool)> {
    // Batches of one user that match on e-mail run one at a time on PostgreSQL (SQLite has
    // one writer anyway), so that two in flight cannot both create the same new contact.
    if match_on == MatchOn::Email && c.dialect() == Dialect::Postgres {
        c.execute("SELECT pg_advisory_xact_lock($1)", &[SqlValue::Int(Some(actor.user_id))]).await?;
    }
    if let Some((import_id, seq)) = import {
        imports::check(c, actor, import_id, E::PATH).await?;
        // Sent again (a resumed import): answer as the first time, apply nothing.
        if let Some(done) = imports::applied(c, import_id, seq).await? {
            // Its answer only fits the same rows: a resume cut into other batches would
            // be told that rows were written that never were.
            if done.results.len() != records.len() {
                return Err(ApiError::Conflict(format!(
                    "batch {seq} of import {import_id} was applied with {} records, not {}: resume with the same file and batch size",
                    done.results.len(),
                    records.len()
                )));
            }
            return Ok(((done, false), false));
        }
    }
    let results = match import {
        Some((import_id, _)) => IMPORT_ID.scope(import_id, apply::<E, _>(c, actor, records, match_on)).await?,
        None => apply::<E, _>(c, actor, records, match_on).await?,
    };
    let count = |o: Outcome| results.iter().filter(|r| r.outcome == o).count();
    let response = BatchResponse {
        created: count(Outcome::Created),
        updated: count(Outcome::Updated),
        unchanged: count(Outcome::Unchanged),
        failed: count(Outcome::Failed),
        dry_run,
        results,
    };
    if dry_run {
        return Ok(((response, false), false));
    }
    if let Some((import_id, seq)) = import {
        imports::record(c, import_id, seq, &response).await?;
    }
    Ok(((response, true), true))
}

/// Woken when a batch of an import commits in this process (replicas of one PostgreSQL see
/// each other's batches by polling).
static BATCH_APPLIED: tokio::sync::Notify = tokio::sync::Notify::const_new();

/// Waits (up to a minute) until batch `seq` of the import is applied; a batch that never comes
/// (its client stopped) delays the next one, then lets it through.
async fn wait_for_batch(db: &crate::db::Db, import_id: i64, seq: i64) -> ApiResult<()> {
    let deadline = tokio::time::Instant::now() + std::time::Duration::from_secs(60);
    while tokio::time::Instant::now() < deadline {
        let notified = BATCH_APPLIED.notified();
        tokio::pin!(notified);
        notified.as_mut().enable();
        let sql = "SELECT seq FROM import_batches WHERE import_id = $1 AND seq = $2";
        let binds = [SqlValue::Int(Some(import_id)), SqlValue::Int(Some(seq))];
        if crate::on_read!(db, c => c.fetch_one(sql, &binds, &[("seq", Col::Int)]))?.is_some() {
            return Ok(());
        }
        let _ = tokio::time::timeout(std::time::Duration::from_millis(20), notified).await;
    }
    Ok(())
}

/// Errors that fail one record; anything else (the database failing) fails the batch.
fn record_errors(e: ApiError) -> Result<Vec<FieldError>, ApiError> {
    match e {
        ApiError::Validation(errors) | ApiError::LinkNotFound(errors) => Ok(errors),
        ApiError::BadRequest { errors, detail } if errors.is_empty() => Ok(vec![FieldError::new("record", detail)]),
        ApiError::BadRequest { errors, .. } => Ok(errors),
        ApiError::NotFound(msg) => Ok(vec![FieldError::new("id", msg)]),
        other => Err(other),
    }
}

const EMAIL_SHAPE: &crate::db::Shape = &[("id", Col::Int), ("email", Col::Text)];

/// The live contacts of the user with these e-mails (compared lower-cased by the database, as
/// single creates and updates do), by lower-cased e-mail.
async fn contacts_by_email<C: Conn>(
    c: &mut C,
    actor: Actor,
    emails: &[String],
) -> ApiResult<std::collections::HashMap<String, i64>> {
    let mut found = std::collections::HashMap::new();
    if c.dialect() == Dialect::Sqlite {
        // In place, one prepared look-up per e-mail costs less than parsing a list of them.
        let sql = "SELECT id, email FROM contacts WHERE user_id = $1 AND deleted_at IS NULL AND lower(email) = lower($2) ORDER BY id LIMIT 1";
        for e in emails {
            let binds = [SqlValue::Int(Some(actor.user_id)), SqlValue::Text(Some(e.clone()))];
            if let Some(r) = c.fetch_one(sql, &binds, EMAIL_SHAPE).await? {
                found.entry(r.req_text("email")?.trim().to_lowercase()).or_insert(r.req_int("id")?);
            }
        }
        return Ok(found);
    }
    for chunk in emails.chunks(10_000) {
        let mut p = Params::new(c.dialect());
        let user = p.push(SqlValue::Int(Some(actor.user_id)));
        let list: Vec<String> =
            chunk.iter().map(|e| format!("lower({})", p.push(SqlValue::Text(Some(e.clone()))))).collect();
        let sql = format!(
            "SELECT id, email FROM contacts WHERE user_id = {user} AND deleted_at IS NULL AND lower(email) IN ({}) ORDER BY id",
            list.join(", ")
        );
        for r in c.fetch(&sql, &p.values, EMAIL_SHAPE).await? {
            found.entry(r.req_text("email")?.trim().to_lowercase()).or_insert(r.req_int("id")?);
        }
    }
    Ok(found)
}

/// Creates waiting to be written together.
struct Pending {
    rows: Vec<(usize, bulk::NewRow)>,
    /// Lower-cased e-mail of each waiting create, so that a later row with the same e-mail
    /// updates it instead of creating a second contact.
    emails: std::collections::HashMap<String, usize>,
}

async fn flush<E: Entity, C: Conn>(
    c: &mut C,
    actor: Actor,
    pending: &mut Pending,
    out: &mut [Option<BatchItem>],
    by_email: &mut std::collections::HashMap<String, i64>,
) -> ApiResult<()> {
    let rows = std::mem::take(&mut pending.rows);
    let indexes: Vec<usize> = rows.iter().map(|(i, _)| *i).collect();
    let answers = bulk::insert_many(c, E::spec(), actor, rows.into_iter().map(|(_, v)| v).collect()).await?;
    for (index, answer) in indexes.into_iter().zip(answers) {
        out[index] = Some(match answer {
            Ok(id) => BatchItem { index, outcome: Outcome::Created, id: Some(id), errors: Vec::new() },
            Err(errors) => BatchItem { index, outcome: Outcome::Failed, id: None, errors },
        });
    }
    for (email, index) in pending.emails.drain() {
        if let Some(Some(BatchItem { id: Some(id), .. })) = out.get(index) {
            by_email.insert(email, *id);
        }
    }
    Ok(())
}

fn failed(index: usize, e: ApiError) -> ApiResult<BatchItem> {
    Ok(BatchItem { index, outcome: Outcome::Failed, id: None, errors: record_errors(e)? })
}

/// A record parsed and checked as a create body, made ready to write.
fn new_row<E: Entity>(actor: Actor, body: &Json_, now: i64) -> ApiResult<bulk::NewRow> {
    let spec = E::spec();
    let new: E::New = validated(body)?;
    let values = values_from_body(spec, &serde_json::to_value(&new).map_err(anyhow::Error::from)?)?;
    Ok(bulk::prepare(spec, actor, values, now))
}

/// Applies the records in order. New records are written together (see [`bulk`]); a record
/// that matches a stored one is updated on its own.
async fn apply<E: Entity, C: Conn>(
    c: &mut C,
    actor: Actor,
    records: Vec<(Json_, Option<ApiResult<bulk::NewRow>>)>,
    match_on: MatchOn,
) -> ApiResult<Vec<BatchItem>> {
    let now = crate::db::now_micros();
    let spec = E::spec();
    let email_of =
        |r: &Json_| r.get("email").and_then(Json_::as_str).map(|e| e.trim().to_lowercase()).filter(|e| !e.is_empty());
    let mut by_email = if match_on == MatchOn::Email {
        // As written (trimmed): the database lower-cases both sides, as single writes do.
        let emails: Vec<String> = records
            .iter()
            .filter_map(|(r, _)| r.get("email").and_then(Json_::as_str).map(str::trim).filter(|e| !e.is_empty()))
            .map(str::to_string)
            .collect();
        contacts_by_email(c, actor, &emails).await?
    } else {
        std::collections::HashMap::new()
    };
    let mut out: Vec<Option<BatchItem>> = vec![None; records.len()];
    let mut pending = Pending { rows: Vec::new(), emails: std::collections::HashMap::new() };
    for (index, (record, new)) in records.into_iter().enumerate() {
        let email = if match_on == MatchOn::Email { email_of(&record) } else { None };
        let Json_::Object(mut map) = record else {
            out[index] = Some(failed(index, ApiError::invalid("record", "must be a JSON object"))?);
            continue;
        };
        let existing = match match_on {
            MatchOn::None => None,
            MatchOn::Id => match map.remove("id").and_then(|v| v.as_i64()).filter(|id| *id > 0) {
                Some(id) => Some(id),
                None => {
                    let e = ApiError::invalid("id", "must be the positive id of the record to update");
                    out[index] = Some(failed(index, e)?);
                    continue;
                }
            },
            MatchOn::Email => match &email {
                Some(key) if pending.emails.contains_key(key) => {
                    flush::<E, C>(c, actor, &mut pending, &mut out, &mut by_email).await?;
                    by_email.get(key).copied()
                }
                Some(key) => by_email.get(key).copied(),
                None => None,
            },
        };
        let body = Json_::Object(map);
        match existing {
            None => match new.unwrap_or_else(|| new_row::<E>(actor, &body, now)) {
                Ok(values) => {
                    if let Some(key) = email {
                        pending.emails.insert(key, index);
                    }
                    pending.rows.push((index, values));
                }
                Err(e) => out[index] = Some(failed(index, e)?),
            },
            Some(id) => {
                let updated = async {
                    let patch: E::Patch = validated(&body)?;
                    let values = values_from_body(spec, &serde_json::to_value(&patch).map_err(anyhow::Error::from)?)?;
                    records::update_tracked(c, spec, actor, id, values, None).await
                }
                .await;
                out[index] = Some(match updated {
                    Ok((_, changed)) => BatchItem {
                        index,
                        outcome: if changed { Outcome::Updated } else { Outcome::Unchanged },
                        id: Some(id),
                        errors: Vec::new(),
                    },
                    Err(e) => failed(index, e)?,
                });
            }
        }
    }
    flush::<E, C>(c, actor, &mut pending, &mut out, &mut by_email).await?;
    Ok(out
        .into_iter()
        .enumerate()
        .map(|(index, item)| {
            item.unwrap_or(BatchItem {
                index,
                outcome: Outcome::Failed,
                id: None,
                errors: vec![FieldError::new("record", "not processed")],
            })
        })
        .collect())
}

fn validated<T: serde::de::DeserializeOwned + Validate>(value: &Json_) -> ApiResult<T> {
    let parsed: T = parse_value(value)?;
    parsed.validate().map_err(ApiError::Validation)?;
    Ok(parsed)
}
