//! `POST /api/crm/<entity>/batch`: up to 1000 creates or upserts in one transaction, with an
//! outcome per record (see [`crate::service::batch`]).

use axum::Json;
use axum::extract::State;
use crm_api::batch::{BatchRequest, BatchResponse};

use crate::app::AppState;
use crate::auth::AuthUser;
use crate::error::ApiResult;
use crate::extract::ApiJson;
use crate::service::Entity;
use crate::service::batch::{self, BatchOptions};

pub async fn batch<E: Entity>(
    State(s): State<AppState>,
    AuthUser(actor): AuthUser,
    ApiJson(req): ApiJson<BatchRequest>,
) -> ApiResult<Json<BatchResponse>> {
    let options = BatchOptions { match_on: req.match_on, dry_run: req.dry_run, import: req.import_id.zip(req.seq) };
    Ok(Json(batch::apply::<E, _>(&s.db, actor, options, req.records).await?))
}
