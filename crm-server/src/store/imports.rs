//! Imports: their batches, applied once each, and undo from the audit rows they wrote.

use crm_api::batch::BatchResponse;
use crm_api::imports::{Import, UndoReport, UndoSkip};
use serde_json::{Map, Value as Json};

use super::records::{self, Actor, values_from_body};
use super::spec;
use crate::db::{Col, Conn, DbError, Row, Shape, SqlValue, now_micros, time_of};
use crate::error::{ApiError, ApiResult};

// Sums of BIGINT are NUMERIC on PostgreSQL: cast back.
const SELECT: &str = "SELECT i.id, i.entity, i.name, i.created_at, i.undone_at, CAST(COUNT(b.seq) AS BIGINT) AS batches, \
    CAST(COALESCE(SUM(b.created), 0) AS BIGINT) AS created, CAST(COALESCE(SUM(b.updated), 0) AS BIGINT) AS updated, \
    CAST(COALESCE(SUM(b.unchanged), 0) AS BIGINT) AS unchanged, CAST(COALESCE(SUM(b.failed), 0) AS BIGINT) AS failed \
    FROM imports i LEFT JOIN import_batches b ON b.import_id = i.id";
const GROUP: &str = "GROUP BY i.id, i.entity, i.name, i.created_at, i.undone_at";
const SHAPE: &Shape = &[
    ("id", Col::Int),
    ("entity", Col::Text),
    ("name", Col::Text),
    ("created_at", Col::Int),
    ("undone_at", Col::Int),
    ("batches", Col::Int),
    ("created", Col::Int),
    ("updated", Col::Int),
    ("unchanged", Col::Int),
    ("failed", Col::Int),
];

fn import_of(r: &Row) -> Result<Import, DbError> {
    Ok(Import {
        id: r.req_int("id")?,
        entity: r.req_text("entity")?.to_string(),
        name: r.req_text("name")?.to_string(),
        created_at: time_of("created_at", r.req_int("created_at")?)?,
        undone_at: r.int("undone_at")?.map(|t| time_of("undone_at", t)).transpose()?,
        batches: r.req_int("batches")?,
        created: r.req_int("created")?,
        updated: r.req_int("updated")?,
        unchanged: r.req_int("unchanged")?,
        failed: r.req_int("failed")?,
    })
}

pub async fn create<C: Conn>(c: &mut C, actor: Actor, entity: &str, name: &str) -> ApiResult<Import> {
    let row = c
        .fetch_one(
            "INSERT INTO imports (user_id, entity, name, created_at) VALUES ($1, $2, $3, $4) RETURNING id",
            &[
                SqlValue::Int(Some(actor.user_id)),
                SqlValue::Text(Some(entity.to_string())),
                SqlValue::Text(Some(name.to_string())),
                SqlValue::Int(Some(now_micros())),
            ],
            &[("id", Col::Int)],
        )
        .await?;
    let id = row.ok_or_else(|| ApiError::Internal(anyhow::anyhow!("no import id")))?.req_int("id")?;
    get(c, actor, id).await
}

pub async fn get<C: Conn>(c: &mut C, actor: Actor, id: i64) -> ApiResult<Import> {
    let sql = format!("{SELECT} WHERE i.id = $1 AND i.user_id = $2 {GROUP}");
    let row = c.fetch_one(&sql, &[SqlValue::Int(Some(id)), SqlValue::Int(Some(actor.user_id))], SHAPE).await?;
    Ok(import_of(&row.ok_or_else(|| ApiError::not_found("import"))?)?)
}

/// The user's imports, newest first.
pub async fn list<C: Conn>(c: &mut C, actor: Actor, limit: i64) -> ApiResult<Vec<Import>> {
    let sql = format!("{SELECT} WHERE i.user_id = $1 {GROUP} ORDER BY i.id DESC LIMIT $2");
    let rows = c.fetch(&sql, &[SqlValue::Int(Some(actor.user_id)), SqlValue::Int(Some(limit))], SHAPE).await?;
    Ok(rows.iter().map(import_of).collect::<Result<_, _>>()?)
}

/// Checks that a batch may join the import: the caller's, of this entity, not undone.
pub async fn check<C: Conn>(c: &mut C, actor: Actor, id: i64, entity: &str) -> ApiResult<()> {
    let import = get(c, actor, id).await.map_err(|e| match e {
        ApiError::NotFound(_) => {
            ApiError::LinkNotFound(vec![crm_api::FieldError::new("import_id", "no such import of yours")])
        }
        other => other,
    })?;
    if import.entity != entity {
        return Err(ApiError::Conflict(format!("import {id} is an import of {}, not {entity}", import.entity)));
    }
    if import.undone_at.is_some() {
        return Err(ApiError::Conflict(format!("import {id} has been undone")));
    }
    Ok(())
}

/// The answer a batch of the import got when it was applied, if it was.
pub async fn applied<C: Conn>(c: &mut C, id: i64, seq: i64) -> ApiResult<Option<BatchResponse>> {
    let row = c
        .fetch_one(
            "SELECT response FROM import_batches WHERE import_id = $1 AND seq = $2",
            &[SqlValue::Int(Some(id)), SqlValue::Int(Some(seq))],
            &[("response", Col::Text)],
        )
        .await?;
    match row {
        Some(r) => serde_json::from_str(r.req_text("response")?)
            .map(Some)
            .map_err(|e| ApiError::Internal(anyhow::anyhow!("stored batch answer: {e}"))),
        None => Ok(None),
    }
}

/// Records that a batch was applied, with its answer, in the batch's own transaction.
pub async fn record<C: Conn>(c: &mut C, id: i64, seq: i64, resp: &BatchResponse) -> ApiResult<()> {
    let text = serde_json::to_string(resp).map_err(anyhow::Error::from)?;
    let n = |v: usize| SqlValue::Int(Some(v as i64));
    c.execute(
        "INSERT INTO import_batches (import_id, seq, created, updated, unchanged, failed, response, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        &[
            SqlValue::Int(Some(id)),
            SqlValue::Int(Some(seq)),
            n(resp.created),
            n(resp.updated),
            n(resp.unchanged),
            n(resp.failed),
            SqlValue::Text(Some(text)),
            SqlValue::Int(Some(now_micros())),
        ],
    )
    .await?;
    Ok(())
}

/// Reverts an import, newest change first: records it created go to the trash (unless they
/// changed since), fields it updated get their old values back where they still hold the
/// imported ones. Everything else is reported, not forced.
pub async fn undo<C: Conn>(c: &mut C, actor: Actor, id: i64) -> ApiResult<UndoReport> {
    let import = get(c, actor, id).await?;
    if import.undone_at.is_some() {
        return Err(ApiError::Conflict(format!("import {id} has already been undone")));
    }
    let rows = c
        .fetch(
            "SELECT entity, entity_id, action, changes, id FROM audit_log WHERE import_id = $1 AND user_id = $2 ORDER BY id DESC",
            &[SqlValue::Int(Some(id)), SqlValue::Int(Some(actor.user_id))],
            &[
                ("entity", Col::Text),
                ("entity_id", Col::Int),
                ("action", Col::Text),
                ("changes", Col::Text),
                ("id", Col::Int),
            ],
        )
        .await?;
    // Changes the undo itself writes (reverting an update of a record the import created)
    // come after this: they are not changes "since the import".
    let last = c
        .fetch_one(
            "SELECT MAX(id) AS last FROM audit_log WHERE user_id = $1",
            &[SqlValue::Int(Some(actor.user_id))],
            &[("last", Col::Int)],
        )
        .await?
        .map(|r| r.int("last"))
        .transpose()?
        .flatten()
        .unwrap_or_default();
    let mut report = UndoReport { import_id: id, deleted: 0, reverted: 0, skipped: Vec::new() };
    for r in rows {
        let (entity, entity_id, action, audit_id) =
            (r.req_text("entity")?.to_string(), r.req_int("entity_id")?, r.req_text("action")?, r.req_int("id")?);
        let changes: Map<String, Json> =
            serde_json::from_str(r.req_text("changes")?).map_err(|e| DbError::decode("changes", e.to_string()))?;
        let Some(spec) = spec::named(&entity) else { continue };
        let skip = |reason: &str| UndoSkip { entity_id, reason: format!("{entity} {entity_id}: {reason}") };
        let current = match records::get(c, spec, actor, entity_id).await {
            Ok(rec) => rec,
            Err(ApiError::NotFound(_)) => {
                report.skipped.push(skip("already deleted"));
                continue;
            }
            Err(e) => return Err(e),
        };
        // Only fields still as the import left them are put back.
        let mut back = Map::new();
        let mut kept = Vec::new();
        for (field, change) in &changes {
            if matches!(field.as_str(), "deleted_at" | "completed_at") {
                continue;
            }
            if current.get(field) == change.get("after") {
                back.insert(field.clone(), change.get("before").cloned().unwrap_or(Json::Null));
            } else {
                kept.push(field.clone());
            }
        }
        // Written to since, other than by this import.
        let later = c
            .fetch_one(
                "SELECT id FROM audit_log WHERE user_id = $1 AND entity = $2 AND entity_id = $3 AND id > $4 \
                 AND id <= $6 AND (import_id IS NULL OR import_id <> $5) LIMIT 1",
                &[
                    SqlValue::Int(Some(actor.user_id)),
                    SqlValue::Text(Some(entity.clone())),
                    SqlValue::Int(Some(entity_id)),
                    SqlValue::Int(Some(audit_id)),
                    SqlValue::Int(Some(id)),
                    SqlValue::Int(Some(last)),
                ],
                &[("id", Col::Int)],
            )
            .await?
            .is_some();
        match action {
            "create" if later => report.skipped.push(skip("changed since the import, left as it is")),
            "create" if kept.is_empty() => {
                records::soft_delete(c, spec, actor, entity_id, None).await?;
                report.deleted += 1;
            }
            "create" => report.skipped.push(skip(&format!("changed since the import ({})", kept.join(", ")))),
            "update" => {
                if !back.is_empty() {
                    let values = values_from_body(spec, &Json::Object(back))?;
                    records::update(c, spec, actor, entity_id, values, None).await?;
                    report.reverted += 1;
                }
                if !kept.is_empty() {
                    report.skipped.push(skip(&format!("kept fields changed since the import: {}", kept.join(", "))));
                }
            }
            _ => {}
        }
    }
    c.execute(
        "UPDATE imports SET undone_at = $1 WHERE id = $2 AND user_id = $3",
        &[SqlValue::Int(Some(now_micros())), SqlValue::Int(Some(id)), SqlValue::Int(Some(actor.user_id))],
    )
    .await?;
    Ok(report)
}
