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
use crate::db::{Col, Conn, Dialect, RowExt, SqlValue};
use crate::error::{ApiError, ApiResult};
use crate::extract::{ApiJson, parse_value};
use crate::store::audit::IMPORT_ID;
use crate::store::imports;
use crate::store::records::{self, Actor, values_from_body};
use crate::with_write;

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
    let records = req.records;
    let response = with_write!(&s.db, pool => async {
        let mut tx = pool.begin().await?;
        // Batches of one user that match on e-mail run one at a time on PostgreSQL (SQLite has
        // one writer anyway), so that two in flight cannot both create the same new contact.
        if match_on == MatchOn::Email && Conn::dialect(&*tx) == Dialect::Postgres {
            Conn::execute(&mut *tx, "SELECT pg_advisory_xact_lock($1)", &[SqlValue::Int(Some(actor.user_id))]).await?;
        }
        if let Some((import_id, seq)) = import {
            imports::check(&mut *tx, actor, import_id, E::PATH).await?;
            // Sent again (a resumed import): answer as the first time, apply nothing.
            if let Some(done) = imports::applied(&mut *tx, import_id, seq).await? {
                tx.rollback().await?;
                return Ok(done);
            }
        }
        let results = match import {
            Some((import_id, _)) => IMPORT_ID.scope(import_id, apply::<E, _>(&mut *tx, actor, records, match_on)).await?,
            None => apply::<E, _>(&mut *tx, actor, records, match_on).await?,
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
            tx.rollback().await?;
        } else {
            if let Some((import_id, seq)) = import {
                imports::record(&mut *tx, import_id, seq, &response).await?;
            }
            tx.commit().await?;
        }
        Ok::<_, ApiError>(response)
    }
    .await)?;
    Ok(Json(response))
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

async fn apply<E: Entity, C: Conn>(
    c: &mut C,
    actor: Actor,
    records: Vec<Json_>,
    match_on: MatchOn,
) -> ApiResult<Vec<BatchItem>> {
    let mut out = Vec::with_capacity(records.len());
    for (index, record) in records.into_iter().enumerate() {
        let item = match one::<E, C>(c, actor, record, match_on).await {
            Ok((outcome, id)) => BatchItem { index, outcome, id: Some(id), errors: Vec::new() },
            Err(e) => BatchItem { index, outcome: Outcome::Failed, id: None, errors: record_errors(e)? },
        };
        out.push(item);
    }
    Ok(out)
}

fn validated<T: serde::de::DeserializeOwned + Validate>(value: Json_) -> ApiResult<T> {
    let parsed: T = parse_value(value)?;
    parsed.validate().map_err(ApiError::Validation)?;
    Ok(parsed)
}

async fn one<E: Entity, C: Conn>(
    c: &mut C,
    actor: Actor,
    record: Json_,
    match_on: MatchOn,
) -> ApiResult<(Outcome, i64)> {
    let Json_::Object(mut map) = record else {
        return Err(ApiError::invalid("record", "must be a JSON object"));
    };
    let spec = E::spec();
    let existing = match match_on {
        MatchOn::None => None,
        MatchOn::Id => {
            let id = map
                .remove("id")
                .and_then(|v| v.as_i64())
                .filter(|id| *id > 0)
                .ok_or_else(|| ApiError::invalid("id", "must be the positive id of the record to update"))?;
            Some(id)
        }
        MatchOn::Email => match map.get("email").and_then(Json_::as_str).filter(|e| !e.trim().is_empty()) {
            Some(email) => {
                let found = c
                    .fetch_one(
                        "SELECT id FROM contacts WHERE user_id = $1 AND deleted_at IS NULL AND lower(email) = lower($2) \
                         ORDER BY id LIMIT 1",
                        &[SqlValue::Int(Some(actor.user_id)), SqlValue::Text(Some(email.trim().to_string()))],
                        &[Col::Int],
                    )
                    .await?;
                found.and_then(|r| r.int(0))
            }
            None => None,
        },
    };
    let body = Json_::Object(map);
    match existing {
        None => {
            let new: E::New = validated(body)?;
            let values = values_from_body(spec, &serde_json::to_value(&new).map_err(anyhow::Error::from)?)?;
            let rec = records::insert(c, spec, actor, values).await?;
            Ok((Outcome::Created, rec.get("id").and_then(Json_::as_i64).unwrap_or_default()))
        }
        Some(id) => {
            let patch: E::Patch = validated(body)?;
            let values = values_from_body(spec, &serde_json::to_value(&patch).map_err(anyhow::Error::from)?)?;
            let (_, changed) = records::update_tracked(c, spec, actor, id, values, None).await?;
            Ok((if changed { Outcome::Updated } else { Outcome::Unchanged }, id))
        }
    }
}
