//! Many creates in a few statements: what a batch (an import) does for its new records.
//!
//! Each statement crosses from the async runtime to the database and back (on SQLite, to the
//! connection's own thread), so a batch written a statement per row and per audit entry spent
//! more time in that crossing than in SQLite. Here a chunk of rows is one link check per linked
//! table, one multi-row `INSERT ... RETURNING`, one multi-row audit `INSERT` and, for deals,
//! one multi-row stage-history `INSERT`: the same rows, checks and audit entries as
//! [`super::records::insert`] row by row.

use std::collections::{BTreeMap, BTreeSet};

use crm_api::FieldError;
use serde_json::Value as Json;

use super::audit::{self, Action};
use super::records::{Actor, Record, Values, take_created_at};
use super::spec::{Kind, Spec, entity_of, to_json};
use super::stages::{self, Hidden, IDLE_SINCE, Move, PROBABILITY_EXPLICIT, REACH, UserStages};
use super::sums::{self, Sums};
use crm_api::time::format_micros;

use crate::db::{Col, Conn, Dialect, Params, SqlValue};
use crate::error::{ApiError, ApiResult};

/// Bound parameters per statement, under SQLite's limit (32766) and PostgreSQL's (65535).
const MAX_BINDS: usize = 30_000;

/// For each row, the fields whose links point at no live record of the user.
async fn missing_links<C: Conn>(c: &mut C, actor: Actor, rows: &[&Values]) -> ApiResult<Vec<Vec<FieldError>>> {
    let mut wanted: BTreeMap<&'static str, BTreeSet<i64>> = BTreeMap::new();
    for values in rows {
        for (field, v) in values.iter() {
            if let (Kind::Link(target), SqlValue::Int(Some(id))) = (field.kind, v) {
                wanted.entry(target).or_default().insert(*id);
            }
        }
    }
    let mut found: BTreeMap<&'static str, BTreeSet<i64>> = BTreeMap::new();
    for (table, ids) in &wanted {
        if c.dialect() == Dialect::Sqlite {
            // In place, a prepared look-up per id costs less than parsing a list of them.
            let sql = format!("SELECT id FROM {table} WHERE id = $1 AND user_id = $2 AND deleted_at IS NULL");
            for id in ids {
                let binds = [SqlValue::Int(Some(*id)), SqlValue::Int(Some(actor.user_id))];
                if c.fetch_one(&sql, &binds, &[("id", Col::Int)]).await?.is_some() {
                    found.entry(table).or_default().insert(*id);
                }
            }
            continue;
        }
        let ids: Vec<i64> = ids.iter().copied().collect();
        for chunk in ids.chunks(MAX_BINDS) {
            let mut p = Params::new(c.dialect());
            let user = p.push(SqlValue::Int(Some(actor.user_id)));
            let list: Vec<String> =
                chunk.iter().map(|id| format!("({}::bigint)", p.push(SqlValue::Int(Some(*id))))).collect();
            // Joined from a list of values rather than `id IN (...)`: right after a bulk load,
            // before statistics catch up, PostgreSQL tested a long IN list against every row
            // of the table (24 s a batch); a join reads each id through the primary key.
            let sql = format!(
                "SELECT t.id FROM (VALUES {}) AS wanted (id) JOIN {table} t ON t.id = wanted.id \
                 WHERE t.user_id = {user} AND t.deleted_at IS NULL",
                list.join(", ")
            );
            for r in c.fetch(&sql, &p.values, &[("id", Col::Int)]).await? {
                found.entry(table).or_default().insert(r.req_int("id")?);
            }
        }
    }
    Ok(rows
        .iter()
        .map(|values| {
            values
                .iter()
                .filter_map(|(field, v)| match (field.kind, v) {
                    (Kind::Link(target), SqlValue::Int(Some(id)))
                        if !found.get(target).is_some_and(|s| s.contains(id)) =>
                    {
                        Some(FieldError::new(field.name, format!("no {} with id {id}", entity_of(target))))
                    }
                    _ => None,
                })
                .collect()
        })
        .collect())
}

/// A new record made ready to write: everything but its id, worked out before the write
/// connection is taken, so that it overlaps with the batch being written (a staged record's
/// placement needs the user's stages: it is worked out with them, in the transaction).
pub struct NewRow {
    values: Values,
    binds: Vec<SqlValue>,
    /// A staged record's first stage.
    moved: Option<Move>,
    /// Its audit entry's changes.
    changes: String,
    /// The record as stored (but its id), for the figures' sums.
    record: Record,
    /// Its creation time (backdated, or now).
    created: i64,
    now: i64,
}

/// Every writable column, and those the server derives, bound for each row.
fn columns(spec: &'static Spec) -> Vec<&'static super::spec::Field> {
    let staged = spec.hooks.stages.is_some();
    let mut out: Vec<_> = spec
        .fields
        .iter()
        .filter(|f| f.writable || f.name == "completed_at" || (staged && f.name == "stage_entered_at"))
        .collect();
    if staged {
        out.push(&PROBABILITY_EXPLICIT);
    }
    if spec.hooks.stages.is_some_and(|h| h.funnel) {
        out.push(&REACH);
        out.push(&IDLE_SINCE);
    }
    out
}

/// Prepares a create of `values`, stamped `now`.
pub fn prepare(spec: &'static Spec, actor: Actor, mut values: Values, now: i64) -> NewRow {
    let created = take_created_at(&mut values).unwrap_or(now);
    if spec.hooks.completion_time
        && values.iter().any(|(f, v)| f.name == "completed" && *v == SqlValue::Bool(Some(true)))
        && let Some(field) = spec.field("completed_at")
    {
        values.push((field, SqlValue::Int(Some(now))));
    }
    let mut row =
        NewRow { values, binds: Vec::new(), moved: None, changes: String::new(), record: Record::new(), created, now };
    if spec.hooks.stages.is_none() {
        bind(spec, actor, &mut row);
    }
    row
}

/// Binds the row's columns and works out its audit entry.
fn bind(spec: &'static Spec, actor: Actor, row: &mut NewRow) {
    let mut record: Record = row
        .values
        .iter()
        .filter(|(f, _)| !stages::is_hidden(f))
        .map(|(f, v)| (f.name.to_string(), to_json(f, v)))
        .collect();
    let mut binds =
        vec![SqlValue::Int(Some(actor.user_id)), SqlValue::Text(Some(super::words::search_text(spec, &record)))];
    for col in columns(spec) {
        let v = row.values.iter().find(|(f, _)| std::ptr::eq(*f, col)).map(|(_, v)| v.clone());
        // What the column's default would give when a single create leaves it out.
        let v = v.unwrap_or_else(|| match col.kind {
            Kind::Bool if !col.nullable => SqlValue::Bool(Some(false)),
            kind => null_of(kind),
        });
        if !stages::is_hidden(col) {
            record.entry(col.name.to_string()).or_insert_with(|| to_json(col, &v));
        }
        binds.push(v);
    }
    // The stored record is what is bound: it is built here rather than read back.
    record.insert("version".into(), Json::from(1));
    record.insert("created_at".into(), Json::String(format_micros(row.created)));
    record.insert("updated_at".into(), Json::String(format_micros(row.now)));
    record.insert("deleted_at".into(), Json::Null);
    row.changes = audit::created(&record);
    row.binds = binds;
    row.record = record;
}

/// Places each staged row in its pipeline and stage; a row whose stage is not found fails.
async fn place_rows<C: Conn>(
    c: &mut C,
    spec: &'static Spec,
    actor: Actor,
    rows: &mut [NewRow],
) -> ApiResult<Vec<Vec<FieldError>>> {
    let stages = UserStages::load(c, actor.user_id).await?;
    let mut errors = Vec::with_capacity(rows.len());
    for row in rows.iter_mut() {
        match stages::place(spec, &stages, None, &mut row.values, row.created) {
            Ok(moved) => {
                row.moved = moved;
                bind(spec, actor, row);
                errors.push(Vec::new());
            }
            Err(ApiError::Validation(e) | ApiError::LinkNotFound(e) | ApiError::ConflictOn(e)) => errors.push(e),
            Err(ApiError::Conflict(msg)) => errors.push(vec![FieldError::new("stage", msg)]),
            Err(other) => return Err(other),
        }
    }
    Ok(errors)
}

/// Creates the rows, in order. Each answer is the new record's id, or the link errors that
/// kept that row out (the others are written).
///
/// The rows go in statements of many rows each: on PostgreSQL each statement is a round trip;
/// on SQLite each writing statement makes the full-text index flush what it holds in memory
/// to a new segment. On SQLite the statements have a few fixed sizes (see [`chunk_len`]), so
/// that each is parsed once and then kept prepared.
pub async fn insert_many<C: Conn>(
    c: &mut C,
    spec: &'static Spec,
    actor: Actor,
    rows: Vec<NewRow>,
) -> ApiResult<Vec<Result<i64, Vec<FieldError>>>> {
    let mut rows = rows;
    let placed = if spec.hooks.stages.is_some() {
        place_rows(c, spec, actor, &mut rows).await?
    } else {
        vec![Vec::new(); rows.len()]
    };
    let values: Vec<&Values> = rows.iter().map(|r| &r.values).collect();
    let mut link_errors = missing_links(c, actor, &values).await?;
    for (errors, mut placing) in link_errors.iter_mut().zip(placed) {
        if !placing.is_empty() {
            placing.append(errors);
            *errors = placing;
        }
    }
    let mut answers: Vec<Option<Result<i64, Vec<FieldError>>>> = Vec::with_capacity(rows.len());
    let mut ok: Vec<(usize, NewRow)> = Vec::new();
    for (i, (row, errors)) in rows.into_iter().zip(link_errors).enumerate() {
        if errors.is_empty() {
            answers.push(None);
            ok.push((i, row));
        } else {
            answers.push(Some(Err(errors)));
        }
    }
    let names: Vec<&str> = columns(spec).iter().map(|f| f.name).collect();
    let per_row = names.len() + 5;
    let head =
        format!("INSERT INTO {} (user_id, search, {}, version, created_at, updated_at)", spec.table, names.join(", "));
    let mut left = ok.len();
    let mut rest = ok.into_iter();
    while left > 0 {
        let chunk_rows = chunk_len(c.dialect(), left, per_row);
        left -= chunk_rows;
        let mut values = Vec::with_capacity(chunk_rows);
        let mut chunk = Vec::with_capacity(chunk_rows);
        for (i, mut row) in rest.by_ref().take(chunk_rows) {
            let mut v = std::mem::take(&mut row.binds);
            v.extend([SqlValue::Int(Some(1)), SqlValue::Int(Some(row.created)), SqlValue::Int(Some(row.now))]);
            values.push(v);
            chunk.push((i, row));
        }
        let (sql, values) = crate::db::insert_rows(c.dialect(), &head, values, "RETURNING id")?;
        let mut ids: Vec<i64> = c
            .fetch(&sql, &values, &[("id", Col::Int)])
            .await?
            .iter()
            .map(|r| r.req_int("id"))
            .collect::<Result<_, _>>()?;
        if ids.len() != chunk.len() {
            return Err(ApiError::Internal(anyhow::anyhow!(
                "INSERT returned {} ids for {} rows",
                ids.len(),
                chunk.len()
            )));
        }
        // Ids are handed out in the order of the VALUES rows (the statement holds the table's
        // write lock on SQLite; on PostgreSQL it draws from the sequence row after row), while
        // RETURNING promises no order: sorted, they pair with the rows.
        ids.sort_unstable();
        let written: Vec<(&NewRow, i64)> = chunk.iter().map(|(_, row)| row).zip(ids).collect();
        audit_and_history(c, spec, actor, &written).await?;
        if spec.hooks.deal_activity {
            touch_deals_of(c, actor, &written).await?;
        }
        let mut change = Sums::default();
        for (row, _) in &written {
            change.record(spec, &row.record, stages::hidden_after(&row.values, Hidden::default()).reach, 1);
        }
        sums::apply(c, actor, change).await?;
        for ((i, _), (_, id)) in chunk.iter().zip(written) {
            answers[*i] = Some(Ok(id));
        }
    }
    Ok(answers.into_iter().map(|a| a.unwrap_or_else(|| Err(vec![FieldError::new("record", "not written")]))).collect())
}

/// Rows in the next statement, `left` rows to go: all of them on PostgreSQL (an array per
/// column); on SQLite one of a few sizes, so that a batch of 1,000 rows takes two statements
/// and others a few more, all kept prepared.
fn chunk_len(dialect: Dialect, left: usize, per_row: usize) -> usize {
    match dialect {
        Dialect::Postgres => left.max(1),
        // Within SQLite's 32,766 parameters a statement.
        Dialect::Sqlite => [500, 100, 20, 5, 1].into_iter().find(|n| *n <= left && n * per_row <= 32_000).unwrap_or(1),
    }
}

/// A typed NULL: PostgreSQL wants to know what a bound NULL is.
fn null_of(kind: Kind) -> SqlValue {
    match kind {
        Kind::Bool => SqlValue::Bool(None),
        Kind::Date => SqlValue::Date(None),
        kind if kind.is_integer() => SqlValue::Int(None),
        _ => SqlValue::Text(None),
    }
}

/// The deals the created activities are logged against, each touched at its latest one.
async fn touch_deals_of<C: Conn>(c: &mut C, actor: Actor, written: &[(&NewRow, i64)]) -> ApiResult<()> {
    let mut latest: BTreeMap<i64, i64> = BTreeMap::new();
    for (row, _) in written {
        if let Some((_, SqlValue::Int(Some(deal)))) = row.values.iter().find(|(f, _)| f.name == "deal_id") {
            let at = latest.entry(*deal).or_default();
            *at = (*at).max(row.created.max(row.now));
        }
    }
    for (deal, at) in latest {
        super::records::touch_deals(c, actor, &[deal], at).await?;
    }
    Ok(())
}

/// The audit entries of the created records, and for staged records their first stage, in
/// one statement each.
async fn audit_and_history<C: Conn>(c: &mut C, spec: &Spec, actor: Actor, written: &[(&NewRow, i64)]) -> ApiResult<()> {
    let import = audit::IMPORT_ID.try_with(|id| *id).ok();
    let request = crate::error::request_id();
    let rows = written
        .iter()
        .map(|(row, id)| {
            vec![
                SqlValue::Int(Some(actor.user_id)),
                SqlValue::Text(Some(spec.entity.to_string())),
                SqlValue::Int(Some(*id)),
                SqlValue::Text(Some(Action::Create.as_str().to_string())),
                SqlValue::Text(Some(row.changes.clone())),
                SqlValue::Text(request.clone()),
                SqlValue::Int(Some(row.now)),
                SqlValue::Int(import),
            ]
        })
        .collect();
    let head = "INSERT INTO audit_log (user_id, entity, entity_id, action, changes, request_id, created_at, import_id)";
    let (sql, binds) = crate::db::insert_rows(c.dialect(), head, rows, "")?;
    c.execute(&sql, &binds).await?;
    if let Some(history) = spec.hooks.stages {
        let rows: Vec<Vec<SqlValue>> = written
            .iter()
            .filter_map(|(row, id)| {
                let m = row.moved.as_ref()?;
                Some(vec![
                    SqlValue::Int(Some(actor.user_id)),
                    SqlValue::Int(Some(*id)),
                    SqlValue::Text(Some(m.to.1.clone())),
                    SqlValue::Int(Some(m.to.0)),
                    SqlValue::Int(Some(row.created)),
                ])
            })
            .collect();
        if !rows.is_empty() {
            let head =
                format!("INSERT INTO {} (user_id, {}, to_stage, to_stage_id, changed_at)", history.table, history.key);
            let (sql, binds) = crate::db::insert_rows(c.dialect(), &head, rows, "")?;
            c.execute(&sql, &binds).await?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::chunk_len;
    use crate::db::Dialect;

    #[test]
    fn sqlite_statements_have_a_few_sizes() {
        let mut sizes = Vec::new();
        let mut left = 1234;
        while left > 0 {
            let n = chunk_len(Dialect::Sqlite, left, 18);
            sizes.push(n);
            left -= n;
        }
        assert_eq!(sizes, [500, 500, 100, 100, 20, 5, 5, 1, 1, 1, 1]);
        assert_eq!(chunk_len(Dialect::Postgres, 1234, 18), 1234);
        assert_eq!(chunk_len(Dialect::Postgres, 5000, 18), 5000);
    }
}
