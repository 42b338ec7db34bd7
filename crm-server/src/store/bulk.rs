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
use super::records::{Actor, Record, Values, cols, to_record};
use super::spec::{Kind, Spec, to_json};
use crate::db::{Col, Conn, Params, RowExt, SqlValue, now_micros};
use crate::error::{ApiError, ApiResult};

/// Bound parameters per statement, under SQLite's limit (32766) and PostgreSQL's (65535).
const MAX_BINDS: usize = 30_000;

/// For each row, the fields whose links point at no live record of the user.
async fn missing_links<C: Conn>(c: &mut C, actor: Actor, rows: &[Values]) -> ApiResult<Vec<Vec<FieldError>>> {
    let mut wanted: BTreeMap<&'static str, BTreeSet<i64>> = BTreeMap::new();
    let mut specs: BTreeMap<&'static str, &'static Spec> = BTreeMap::new();
    for values in rows {
        for (field, v) in values {
            if let (Kind::Link(target), SqlValue::Int(Some(id))) = (field.kind, v) {
                wanted.entry(target.table).or_default().insert(*id);
                specs.insert(target.table, target);
            }
        }
    }
    let mut found: BTreeMap<&'static str, BTreeSet<i64>> = BTreeMap::new();
    for (table, ids) in &wanted {
        let ids: Vec<i64> = ids.iter().copied().collect();
        for chunk in ids.chunks(MAX_BINDS) {
            let mut p = Params::new(c.dialect());
            let user = p.push(SqlValue::Int(Some(actor.user_id)));
            let list: Vec<String> = chunk.iter().map(|id| p.push(SqlValue::Int(Some(*id)))).collect();
            let sql = format!(
                "SELECT id FROM {table} WHERE user_id = {user} AND deleted_at IS NULL AND id IN ({})",
                list.join(", ")
            );
            for r in c.fetch(&sql, &p.values, &[Col::Int]).await? {
                if let Some(id) = r.int(0) {
                    found.entry(table).or_default().insert(id);
                }
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
                        if !found.get(target.table).is_some_and(|s| s.contains(id)) =>
                    {
                        Some(FieldError::new(field.name, format!("no {} with id {id}", target.entity)))
                    }
                    _ => None,
                })
                .collect()
        })
        .collect())
}

/// Creates the rows, in order. Each answer is the stored record, or the link errors that kept
/// that row out (the others are written).
pub async fn insert_many<C: Conn>(
    c: &mut C,
    spec: &'static Spec,
    actor: Actor,
    rows: Vec<Values>,
) -> ApiResult<Vec<Result<Record, Vec<FieldError>>>> {
    let link_errors = missing_links(c, actor, &rows).await?;
    let now = now_micros();
    // Every writable column (and a derived completed_at), the same for each row.
    let columns: Vec<&'static super::spec::Field> =
        spec.fields.iter().filter(|f| f.writable || f.name == "completed_at").collect();
    let mut answers: Vec<Option<Result<Record, Vec<FieldError>>>> = Vec::with_capacity(rows.len());
    let mut ok: Vec<(usize, Vec<SqlValue>)> = Vec::new();
    for (i, (mut values, errors)) in rows.into_iter().zip(link_errors).enumerate() {
        if !errors.is_empty() {
            answers.push(Some(Err(errors)));
            continue;
        }
        answers.push(None);
        if spec.table == "activities"
            && values.iter().any(|(f, v)| f.name == "completed" && *v == SqlValue::Bool(Some(true)))
            && let Some(field) = spec.field("completed_at")
        {
            values.push((field, SqlValue::Int(Some(now))));
        }
        let record: Record = values.iter().map(|(f, v)| (f.name.to_string(), to_json(f, v))).collect();
        let mut binds =
            vec![SqlValue::Int(Some(actor.user_id)), SqlValue::Text(Some(super::words::search_text(spec, &record)))];
        for col in &columns {
            let v = values.iter().find(|(f, _)| f.name == col.name).map(|(_, v)| v.clone());
            binds.push(v.unwrap_or_else(|| null_of(col.kind)));
        }
        ok.push((i, binds));
    }
    let per_row = columns.len() + 2;
    let chunk_rows = (MAX_BINDS / (per_row + 2)).max(1);
    for chunk in ok.chunks(chunk_rows) {
        let mut p = Params::new(c.dialect());
        let mut tuples = Vec::with_capacity(chunk.len());
        for (_, row) in chunk {
            let marks: Vec<String> = row.iter().map(|v| p.push(v.clone())).collect();
            let (created, updated) = (p.push(SqlValue::Int(Some(now))), p.push(SqlValue::Int(Some(now))));
            tuples.push(format!("({}, 1, {created}, {updated})", marks.join(", ")));
        }
        let names: Vec<&str> = columns.iter().map(|f| f.name).collect();
        let sql = format!(
            "INSERT INTO {} (user_id, search, {}, version, created_at, updated_at) VALUES {} RETURNING {}",
            spec.table,
            names.join(", "),
            tuples.join(", "),
            spec.columns()
        );
        let mut stored: Vec<Record> =
            c.fetch(&sql, &p.values, &cols(spec)).await?.iter().map(|r| to_record(spec, r)).collect();
        if stored.len() != chunk.len() {
            return Err(ApiError::Internal(anyhow::anyhow!(
                "INSERT returned {} rows of {}",
                stored.len(),
                chunk.len()
            )));
        }
        // Ids are handed out in the order of the VALUES rows (the statement holds the table's
        // write lock on SQLite; on PostgreSQL it draws from the sequence row after row), while
        // RETURNING promises no order: sort by id to pair each row with its record.
        stored.sort_by_key(|r| r.get("id").and_then(Json::as_i64).unwrap_or_default());
        audit_and_history(c, spec, actor, &stored, now).await?;
        for ((i, _), rec) in chunk.iter().zip(stored) {
            answers[*i] = Some(Ok(rec));
        }
    }
    Ok(answers.into_iter().map(|a| a.unwrap_or_else(|| Err(vec![FieldError::new("record", "not written")]))).collect())
}

/// A typed NULL: PostgreSQL wants to know what a bound NULL is.
fn null_of(kind: Kind) -> SqlValue {
    match kind {
        Kind::Id | Kind::Link(_) | Kind::Int | Kind::Money | Kind::Timestamp => SqlValue::Int(None),
        Kind::Bool => SqlValue::Bool(None),
        Kind::Date => SqlValue::Date(None),
        Kind::Text | Kind::Enum(_) | Kind::Currency => SqlValue::Text(None),
    }
}

/// The audit entries of the created records, and for deals their first stage, in one
/// statement each.
async fn audit_and_history<C: Conn>(
    c: &mut C,
    spec: &Spec,
    actor: Actor,
    stored: &[Record],
    now: i64,
) -> ApiResult<()> {
    let import = audit::IMPORT_ID.try_with(|id| *id).ok();
    let request = crate::error::request_id();
    let mut p = Params::new(c.dialect());
    let mut tuples = Vec::with_capacity(stored.len());
    for rec in stored {
        let marks = [
            p.push(SqlValue::Int(Some(actor.user_id))),
            p.push(SqlValue::Text(Some(spec.entity.to_string()))),
            p.push(SqlValue::Int(rec.get("id").and_then(Json::as_i64))),
            p.push(SqlValue::Text(Some(Action::Create.as_str().to_string()))),
            p.push(SqlValue::Text(Some(audit::diff(None, rec).to_string()))),
            p.push(SqlValue::Text(request.clone())),
            p.push(SqlValue::Int(Some(now))),
            p.push(SqlValue::Int(import)),
        ];
        tuples.push(format!("({})", marks.join(", ")));
    }
    let sql = format!(
        "INSERT INTO audit_log (user_id, entity, entity_id, action, changes, request_id, created_at, import_id) VALUES {}",
        tuples.join(", ")
    );
    c.execute(&sql, &p.values).await?;
    if spec.table == "deals" {
        let mut p = Params::new(c.dialect());
        let mut tuples = Vec::with_capacity(stored.len());
        for rec in stored {
            let marks = [
                p.push(SqlValue::Int(Some(actor.user_id))),
                p.push(SqlValue::Int(rec.get("id").and_then(Json::as_i64))),
                p.push(SqlValue::Text(None)),
                p.push(SqlValue::Text(rec.get("stage").and_then(Json::as_str).map(str::to_string))),
                p.push(SqlValue::Int(Some(now))),
            ];
            tuples.push(format!("({})", marks.join(", ")));
        }
        let sql = format!(
            "INSERT INTO deal_stage_changes (user_id, deal_id, from_stage, to_stage, changed_at) VALUES {}",
            tuples.join(", ")
        );
        c.execute(&sql, &p.values).await?;
    }
    Ok(())
}
