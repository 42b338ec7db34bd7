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
use crate::service::imports;

pub async fn create(
    State(s): State<AppState>,
    AuthUser(actor): AuthUser,
    ApiJson(req): ApiJson<NewImport>,
) -> ApiResult<(StatusCode, Json<Import>)> {
    Ok((StatusCode::CREATED, Json(imports::create(&s.db, actor, &req.entity, &req.name).await?)))
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
    Ok(Json(imports::list(&s.db, actor, limit).await?))
}

pub async fn get(
    State(s): State<AppState>,
    AuthUser(actor): AuthUser,
    RecordId(id): RecordId,
) -> ApiResult<Json<Import>> {
    Ok(Json(imports::get(&s.db, actor, id).await?))
}

pub async fn undo(
    State(s): State<AppState>,
    AuthUser(actor): AuthUser,
    RecordId(id): RecordId,
) -> ApiResult<Json<UndoReport>> {
    Ok(Json(imports::undo(&s.db, actor, id).await?))
}
