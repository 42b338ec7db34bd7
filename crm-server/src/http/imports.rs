//! `/api/crm/imports`: start an import, see it, undo it. Its batches go to the entity's batch
//! endpoint with `import_id` and `seq`.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use crm_api::imports::{Import, NewImport, UndoReport};
pub use crm_api::params::ImportListParams;

use crate::app::AppState;
use crate::auth::AuthUser;
use crate::error::{ApiError, ApiResult};
use crate::extract::{ApiJson, ApiQuery, RecordId};
use crate::store::imports;
use crate::{in_tx, on_read};

pub async fn create(
    State(s): State<AppState>,
    AuthUser(actor): AuthUser,
    ApiJson(req): ApiJson<NewImport>,
) -> ApiResult<(StatusCode, Json<Import>)> {
    let Some(spec) = imports::spec_named(&req.entity).filter(|s| s.table == req.entity) else {
        return Err(ApiError::invalid("entity", "must be contacts, opportunities, deals or activities"));
    };
    let name = req.name.trim().to_string();
    let entity = spec.table;
    let import = in_tx!(&s.db, c => imports::create(c, actor, entity, &name))?;
    Ok((StatusCode::CREATED, Json(import)))
}

pub async fn list(
    State(s): State<AppState>,
    AuthUser(actor): AuthUser,
    ApiQuery(p): ApiQuery<ImportListParams>,
) -> ApiResult<Json<Vec<Import>>> {
    let limit = p.limit.unwrap_or(crm_api::DEFAULT_LIMIT);
    if !(1..=crm_api::MAX_LIMIT).contains(&limit) {
        return Err(ApiError::bad_param("limit", format!("must be between 1 and {}", crm_api::MAX_LIMIT)));
    }
    Ok(Json(on_read!(&s.db, c => imports::list(c, actor, i64::from(limit)))?))
}

pub async fn get(
    State(s): State<AppState>,
    AuthUser(actor): AuthUser,
    RecordId(id): RecordId,
) -> ApiResult<Json<Import>> {
    Ok(Json(on_read!(&s.db, c => imports::get(c, actor, id))?))
}

pub async fn undo(
    State(s): State<AppState>,
    AuthUser(actor): AuthUser,
    RecordId(id): RecordId,
) -> ApiResult<Json<UndoReport>> {
    Ok(Json(in_tx!(&s.db, c => imports::undo(c, actor, id))?))
}
