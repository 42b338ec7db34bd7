//! Pipelines and their stages, and the moves of deals and opportunities between stages.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use crm_api::pipelines::{
    MoveRequest, NewPipeline, NewStage, Pipeline, PipelinePatch, PipelineStage, StageDeleteParams, StagePatch,
};

use super::entities::{Tagged, tagged};
use crate::app::AppState;
use crate::auth::AuthUser;
use crate::error::ApiResult;
use crate::extract::{ApiJson, ApiQuery, IfMatch, RecordId, StagePath};
use crate::service::{Entity, pipelines, records};

pub async fn list(State(s): State<AppState>, AuthUser(actor): AuthUser) -> ApiResult<Json<Vec<Pipeline>>> {
    Ok(Json(pipelines::list(&s.db, actor).await?))
}

pub async fn get(
    State(s): State<AppState>,
    AuthUser(actor): AuthUser,
    RecordId(id): RecordId,
) -> ApiResult<Json<Pipeline>> {
    Ok(Json(pipelines::get(&s.db, actor, id).await?))
}

pub async fn create(
    State(s): State<AppState>,
    AuthUser(actor): AuthUser,
    ApiJson(new): ApiJson<NewPipeline>,
) -> ApiResult<(StatusCode, Json<Pipeline>)> {
    Ok((StatusCode::CREATED, Json(pipelines::create(&s.db, actor, new).await?)))
}

pub async fn update(
    State(s): State<AppState>,
    AuthUser(actor): AuthUser,
    RecordId(id): RecordId,
    IfMatch(if_match): IfMatch,
    ApiJson(patch): ApiJson<PipelinePatch>,
) -> ApiResult<Json<Pipeline>> {
    Ok(Json(pipelines::update(&s.db, actor, id, patch, if_match).await?))
}

pub async fn delete(
    State(s): State<AppState>,
    AuthUser(actor): AuthUser,
    RecordId(id): RecordId,
    IfMatch(if_match): IfMatch,
) -> ApiResult<StatusCode> {
    pipelines::delete(&s.db, actor, id, if_match).await?;
    Ok(StatusCode::NO_CONTENT)
}

pub async fn stages(
    State(s): State<AppState>,
    AuthUser(actor): AuthUser,
    RecordId(id): RecordId,
) -> ApiResult<Json<Vec<PipelineStage>>> {
    Ok(Json(pipelines::get(&s.db, actor, id).await?.stages))
}

pub async fn add_stage(
    State(s): State<AppState>,
    AuthUser(actor): AuthUser,
    RecordId(id): RecordId,
    IfMatch(if_match): IfMatch,
    ApiJson(new): ApiJson<NewStage>,
) -> ApiResult<(StatusCode, Json<PipelineStage>)> {
    Ok((StatusCode::CREATED, Json(pipelines::add_stage(&s.db, actor, id, new, if_match).await?)))
}

pub async fn update_stage(
    State(s): State<AppState>,
    AuthUser(actor): AuthUser,
    path: StagePath,
    IfMatch(if_match): IfMatch,
    ApiJson(patch): ApiJson<StagePatch>,
) -> ApiResult<Json<PipelineStage>> {
    Ok(Json(pipelines::update_stage(&s.db, actor, path.pipeline, path.stage, patch, if_match).await?))
}

pub async fn delete_stage(
    State(s): State<AppState>,
    AuthUser(actor): AuthUser,
    path: StagePath,
    IfMatch(if_match): IfMatch,
    ApiQuery(p): ApiQuery<StageDeleteParams>,
) -> ApiResult<StatusCode> {
    pipelines::delete_stage(&s.db, actor, path.pipeline, path.stage, p.move_to, if_match).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Moves a deal or an opportunity to another stage.
pub async fn move_stage<E: Entity>(
    State(s): State<AppState>,
    AuthUser(actor): AuthUser,
    RecordId(id): RecordId,
    IfMatch(if_match): IfMatch,
    ApiJson(request): ApiJson<MoveRequest>,
) -> ApiResult<Tagged<E::Record>> {
    Ok(tagged(records::move_stage::<E>(&s.db, actor, id, &request, if_match).await?))
}
