//! Many creates or upserts in one transaction, with an outcome per record: what the batch
//! endpoint, the CLI's import (through it) and the sync connectors share. A record that fails
//! (invalid, or linking to a record the caller does not have) is reported and skipped; the
//! others are written. A dry run reports and writes nothing.
//!
//! Records arrive as JSON (the batch endpoint) or typed ([`Upsert`]): anything that is an
//! [`Incoming`] record. They are matched on the record's id, on e-mail (contacts) or not at
//! all; a matched record is updated with the fields given, the others are created together
//! ([`crate::store::bulk`]). Batches of an import apply once each and in order.

use crm_api::FieldError;
use crm_api::batch::{BatchItem, BatchResponse, MatchOn, Outcome};
use crm_api::validate::Validate;
use serde_json::Value as Json;

use super::Entity;
use crate::db::{Col, Conn, Db, Dialect, List, SqlValue};
use crate::error::{ApiError, ApiResult};
use crate::extract::parse_value;
use crate::store::audit::IMPORT_ID;
use crate::store::bulk;
use crate::store::imports;
use crate::store::records::{self, Actor, values_of};

/// A record of a batch as it arrives.
pub trait Incoming<E: Entity>: Send + 'static {
    /// The e-mail it is matched on, as written (trimmed), when it has one.
    fn email(&self) -> Option<&str>;
    /// The id of the stored record it updates (`match: id`), taken out of the record.
    fn take_id(&mut self) -> ApiResult<i64>;
    /// The record as a create, validated.
    fn to_new(&self) -> ApiResult<E::New>;
    /// The record as an update of the record it matched, validated: fields it leaves out stay.
    fn to_patch(&self) -> ApiResult<E::Patch>;
    /// The stored record it updates, when the sender already knows it (a synced record seen
    /// before): then it is not matched on anything else.
    fn known_id(&self) -> Option<i64> {
        None
    }
}

/// A record of the batch endpoint: a JSON object as in a create body (plus `id` when matching
/// on id); as an update, the fields it has.
impl<E: Entity> Incoming<E> for Json {
    fn email(&self) -> Option<&str> {
        self.get("email").and_then(Json::as_str).map(str::trim).filter(|e| !e.is_empty())
    }

    fn take_id(&mut self) -> ApiResult<i64> {
        let Json::Object(map) = self else { return Err(ApiError::invalid("record", "must be a JSON object")) };
        map.remove("id")
            .and_then(|v| v.as_i64())
            .filter(|id| *id > 0)
            .ok_or_else(|| ApiError::invalid("id", "must be the positive id of the record to update"))
    }

    fn to_new(&self) -> ApiResult<E::New> {
        validated(self)
    }

    fn to_patch(&self) -> ApiResult<E::Patch> {
        // A create's backdated `created_at` does not change a record it matched.
        match self {
            Json::Object(map) if map.contains_key("created_at") => {
                let mut map = map.clone();
                map.remove("created_at");
                validated(&Json::Object(map))
            }
            _ => validated(self),
        }
    }
}

/// A typed record, as a sync connector has it: the record to create when nothing matches, and
/// the update of the record it matches (the fields the source owns).
#[derive(Debug, Clone)]
pub struct Upsert<E: Entity> {
    /// The stored record it updates, when known (`match: id`).
    pub id: Option<i64>,
    /// The e-mail it is matched on (`match: email`).
    pub email: Option<String>,
    pub new: E::New,
    pub patch: E::Patch,
}

impl<E: Entity> Incoming<E> for Upsert<E>
where
    E::New: Clone,
    E::Patch: Clone,
{
    fn email(&self) -> Option<&str> {
        self.email.as_deref().map(str::trim).filter(|e| !e.is_empty())
    }

    fn take_id(&mut self) -> ApiResult<i64> {
        self.id
            .take()
            .filter(|id| *id > 0)
            .ok_or_else(|| ApiError::invalid("id", "must be the positive id of the record to update"))
    }

    fn to_new(&self) -> ApiResult<E::New> {
        self.new.validate().map_err(ApiError::Validation)?;
        Ok(self.new.clone())
    }

    fn to_patch(&self) -> ApiResult<E::Patch> {
        self.patch.validate().map_err(ApiError::Validation)?;
        Ok(self.patch.clone())
    }

    fn known_id(&self) -> Option<i64> {
        self.id
    }
}

/// How a batch is applied.
#[derive(Debug, Clone, Copy, Default)]
pub struct BatchOptions {
    /// How records find the stored record they update; by default e-mail for entities that
    /// match on it (contacts), else none.
    pub match_on: Option<MatchOn>,
    /// Work out and report every outcome, then write nothing.
    pub dry_run: bool,
    /// The import (id, position of this batch from 0) it belongs to.
    pub import: Option<(i64, i64)>,
}

/// Applies a batch of records in one transaction (see the module's documentation).
pub async fn apply<E: Entity, R: Incoming<E>>(
    db: &Db,
    actor: Actor,
    options: BatchOptions,
    records: Vec<R>,
) -> ApiResult<BatchResponse> {
    let spec = E::spec();
    let match_on = options.match_on.unwrap_or(if spec.hooks.match_email { MatchOn::Email } else { MatchOn::None });
    if match_on == MatchOn::Email && !spec.hooks.match_email {
        return Err(ApiError::bad_param("match", format!("email does not apply to {} (contacts only)", spec.table)));
    }
    let BatchOptions { dry_run, import, .. } = options;
    // Parsing and checking new records needs no connection: done before taking the writer,
    // so that it overlaps with the batch being written.
    let now = crate::db::now_micros();
    let records: Vec<(R, Option<ApiResult<bulk::NewRow>>)> = records
        .into_iter()
        .map(|r| {
            let new = (match_on != MatchOn::Id).then(|| new_row::<E, R>(actor, &r, now));
            (r, new)
        })
        .collect();
    // Batches of an import are sent several at a time but must apply in file order (a later
    // row with the same e-mail updates an earlier one): wait for the one before to be applied.
    if let Some((import_id, seq)) = import
        && seq > 0
    {
        db.read(async |c| imports::check(c, actor, import_id, E::PATH).await).await?;
        wait_for_batch(db, import_id, seq - 1).await?;
    }
    let (response, applied) =
        db.write_keep(async move |c| write_batch::<E, R>(c, actor, records, match_on, import, dry_run).await).await?;
    if applied && import.is_some() {
        BATCH_APPLIED.notify_waiters();
    }
    if applied {
        let written = response.created + response.updated;
        let mut tables = vec![spec.table, "audit_log"];
        if let Some(history) = spec.hooks.stages {
            tables.push(history.table);
        }
        db.wrote_in_bulk(tables, written);
    }
    Ok(response)
}

/// Writes a batch in the caller's transaction. Returns the answer, whether it was applied now,
/// and whether the transaction is to be kept (not for a dry run or a batch already applied).
async fn write_batch<E: Entity, R: Incoming<E>>(
    c: &mut impl Conn,
    actor: Actor,
    records: Vec<(R, Option<ApiResult<bulk::NewRow>>)>,
    match_on: MatchOn,
    import: Option<(i64, i64)>,
    dry_run: bool,
) -> ApiResult<((BatchResponse, bool), bool)> {
    if match_on == MatchOn::Email {
        one_bulk_writer(c, actor).await?;
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
    // The figures' sums of the whole batch are written once, at its end.
    let results = crate::store::sums::deferred(c, actor.user_id, async |c| match import {
        Some((import_id, _)) => {
            IMPORT_ID.scope(import_id, apply_records::<E, R>(c, actor, records, match_on, false)).await
        }
        None => apply_records::<E, R>(c, actor, records, match_on, false).await,
    })
    .await?;
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

/// Applies typed records in the caller's transaction (a sync writes its page, its cache and
/// its checkpoint in one): as [`apply`] does, sums included, without its import handling.
/// `matched`: the caller has found the stored records its records update (under the user's
/// bulk-write lock), so that e-mails are matched only among the records themselves.
pub async fn write_in<E: Entity, R: Incoming<E>>(
    c: &mut impl Conn,
    actor: Actor,
    match_on: MatchOn,
    matched: bool,
    records: Vec<R>,
) -> ApiResult<Vec<BatchItem>> {
    let now = crate::db::now_micros();
    let records: Vec<(R, Option<ApiResult<bulk::NewRow>>)> = records
        .into_iter()
        .map(|r| {
            let new = (r.known_id().is_none() && match_on != MatchOn::Id).then(|| new_row::<E, R>(actor, &r, now));
            (r, new)
        })
        .collect();
    crate::store::sums::deferred(c, actor.user_id, async |c| {
        apply_records::<E, R>(c, actor, records, match_on, matched).await
    })
    .await
}

/// Makes the user's bulk writes that take it run one at a time until the transaction ends, on
/// PostgreSQL (SQLite has one writer anyway): batches that match contacts on e-mail, so that
/// two in flight cannot both create the same new contact (taken before the e-mails are looked
/// up), and the pages of syncs, so that two sources syncing at once neither do that nor
/// deadlock on the figures' sums.
pub async fn one_bulk_writer(c: &mut impl Conn, actor: Actor) -> ApiResult<()> {
    if c.dialect() == Dialect::Postgres {
        c.execute("SELECT pg_advisory_xact_lock($1)", &[SqlValue::Int(Some(actor.user_id))]).await?;
    }
    Ok(())
}

/// Woken when a batch of an import commits in this process (replicas of one PostgreSQL see
/// each other's batches by polling).
static BATCH_APPLIED: tokio::sync::Notify = tokio::sync::Notify::const_new();

/// How long a batch of an import waits for the one before it to be applied.
const PREDECESSOR_WAIT: std::time::Duration = std::time::Duration::from_secs(5);

/// Waits (up to [`PREDECESSOR_WAIT`]) until batch `seq` of the import is applied. When it is not
/// by then, the batch that waits is refused (409, [`crm_api::error::BATCH_OUT_OF_ORDER`]) and
/// nothing of it is written: applied out of order, an earlier row of the file could overwrite a
/// later one. The client sends it again (the CLI does, for a minute).
async fn wait_for_batch(db: &Db, import_id: i64, seq: i64) -> ApiResult<()> {
    let deadline = tokio::time::Instant::now() + PREDECESSOR_WAIT;
    while tokio::time::Instant::now() < deadline {
        let notified = BATCH_APPLIED.notified();
        tokio::pin!(notified);
        notified.as_mut().enable();
        let sql = "SELECT seq FROM import_batches WHERE import_id = $1 AND seq = $2";
        let binds = [SqlValue::Int(Some(import_id)), SqlValue::Int(Some(seq))];
        if db.read(async |c| c.fetch_one(sql, &binds, &[("seq", Col::Int)]).await).await?.is_some() {
            return Ok(());
        }
        let _ = tokio::time::timeout(std::time::Duration::from_millis(20), notified).await;
    }
    Err(ApiError::OutOfOrder(format!(
        "batch {seq} of import {import_id} has not been applied yet: batches of an import apply in order; send it, then this one again"
    )))
}

/// Errors that fail one record; anything else (the database failing) fails the batch.
fn record_errors(e: ApiError) -> Result<Vec<FieldError>, ApiError> {
    match e {
        ApiError::Validation(errors) | ApiError::LinkNotFound(errors) | ApiError::ConflictOn(errors) => Ok(errors),
        ApiError::BadRequest { errors, detail } if errors.is_empty() => Ok(vec![FieldError::new("record", detail)]),
        ApiError::BadRequest { errors, .. } => Ok(errors),
        ApiError::NotFound(msg) => Ok(vec![FieldError::new("id", msg)]),
        other => Err(other),
    }
}

/// On PostgreSQL, the query of the live contacts of the user whose lower-cased e-mail is one of
/// `emails` lower-cased (by PostgreSQL, as single creates and updates compare them), with
/// `columns`, and its binds: one probe of the e-mail index per e-mail (a list in `IN (...)` had
/// PostgreSQL lower-case every contact of the user).
///
/// The probe does not test `deleted_at` itself (the query does, after it), and the e-mail index
/// is whole (migration 0015): no other index with `user_id` first can serve the probe. With the
/// index and the probe partial, like `contacts_user_created`, a plan made while PostgreSQL
/// believed the table nearly empty went through `contacts_user_created` and read every contact
/// of the user for each e-mail: 3 s a page at 50,000 contacts, now and then during a first
/// sync (`auto_explain` showed `rows=1`; a table whose `reltuples` is 0 gets that plan).
/// `OFFSET 0` keeps the subquery a probe per e-mail.
///
/// An e-mail holding a NUL is left out: PostgreSQL's text cannot hold one (the statement would
/// fail), so no stored contact has it, and the record that sent it fails validation after.
pub fn live_by_email(columns: &[&str], actor: Actor, emails: &[String]) -> (String, Vec<SqlValue>) {
    let selected: Vec<String> = columns.iter().map(|c| format!("c.{c}")).collect();
    let sql = format!(
        "SELECT {} FROM unnest($2::text[]) AS e (email) CROSS JOIN LATERAL \
         (SELECT {}, deleted_at FROM contacts WHERE user_id = $1 AND lower(email) = lower(e.email) OFFSET 0) AS c \
         WHERE c.deleted_at IS NULL",
        selected.join(", "),
        columns.join(", ")
    );
    let emails = emails.iter().filter(|e| !e.contains('\0')).cloned().map(Some).collect();
    (sql, vec![SqlValue::Int(Some(actor.user_id)), SqlValue::List(List::Text(emails))])
}

const EMAIL_SHAPE: &crate::db::Shape = &[("id", Col::Int), ("email", Col::Text)];

/// The live contacts of the user with these e-mails (compared lower-cased by the database, as
/// single creates and updates do), by lower-cased e-mail.
async fn contacts_by_email(
    c: &mut impl Conn,
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
        let (sql, binds) = live_by_email(&["id", "email"], actor, chunk);
        for r in c.fetch(&sql, &binds, EMAIL_SHAPE).await? {
            let id = r.req_int("id")?;
            found
                .entry(r.req_text("email")?.trim().to_lowercase())
                .and_modify(|v: &mut i64| *v = (*v).min(id))
                .or_insert(id);
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

async fn flush<E: Entity>(
    c: &mut impl Conn,
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

/// A record checked as a create, made ready to write.
fn new_row<E: Entity, R: Incoming<E>>(actor: Actor, record: &R, now: i64) -> ApiResult<bulk::NewRow> {
    let spec = E::spec();
    let new = record.to_new()?;
    let values = values_of(spec, &new)?;
    records::check_backdate(&values, now)?;
    Ok(bulk::prepare(spec, actor, values, now))
}

/// Applies the records in order. New records are written together (see [`bulk`]); a record
/// that matches a stored one is updated on its own. `matched`: see [`write_in`].
async fn apply_records<E: Entity, R: Incoming<E>>(
    c: &mut impl Conn,
    actor: Actor,
    records: Vec<(R, Option<ApiResult<bulk::NewRow>>)>,
    match_on: MatchOn,
    matched: bool,
) -> ApiResult<Vec<BatchItem>> {
    let now = crate::db::now_micros();
    let spec = E::spec();
    let mut by_email = if match_on == MatchOn::Email && !matched {
        // As written (trimmed): the database lower-cases both sides, as single writes do.
        let emails: Vec<String> = records.iter().filter_map(|(r, _)| r.email()).map(str::to_string).collect();
        contacts_by_email(c, actor, &emails).await?
    } else {
        std::collections::HashMap::new()
    };
    let mut out: Vec<Option<BatchItem>> = vec![None; records.len()];
    let mut pending = Pending { rows: Vec::new(), emails: std::collections::HashMap::new() };
    for (index, (mut record, new)) in records.into_iter().enumerate() {
        let email = if match_on == MatchOn::Email { record.email().map(str::to_lowercase) } else { None };
        let existing = match match_on {
            MatchOn::None | MatchOn::Email if record.known_id().is_some() => record.known_id(),
            MatchOn::None => None,
            MatchOn::Id => match record.take_id() {
                Ok(id) => Some(id),
                Err(e) => {
                    out[index] = Some(failed(index, e)?);
                    continue;
                }
            },
            MatchOn::Email => match &email {
                Some(key) if pending.emails.contains_key(key) => {
                    flush::<E>(c, actor, &mut pending, &mut out, &mut by_email).await?;
                    by_email.get(key).copied()
                }
                Some(key) => by_email.get(key).copied(),
                None => None,
            },
        };
        match existing {
            None => match new.unwrap_or_else(|| new_row::<E, R>(actor, &record, now)) {
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
                    let patch = record.to_patch()?;
                    let values = values_of(spec, &patch)?;
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
    flush::<E>(c, actor, &mut pending, &mut out, &mut by_email).await?;
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

fn validated<T: serde::de::DeserializeOwned + Validate>(value: &Json) -> ApiResult<T> {
    let parsed: T = parse_value(value)?;
    parsed.validate().map_err(ApiError::Validation)?;
    Ok(parsed)
}
