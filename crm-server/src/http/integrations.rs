//! `/api/crm/integrations`: connected accounts, sync runs and the sync status.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use crm_api::integrations::{Account, NewAccount, Source, SyncParams, SyncRun, SyncStarted, SyncStatus, Trigger};

use crate::app::AppState;
use crate::auth::AuthUser;
use crate::error::{ApiError, ApiResult};
use crate::extract::{ApiJson, ApiQuery, RecordId};
use crate::service::integrations;
use crate::store::integrations as store;

pub async fn list_accounts(State(s): State<AppState>, AuthUser(actor): AuthUser) -> ApiResult<Json<Vec<Account>>> {
    Ok(Json(integrations::list(&s.sync, actor).await?))
}

pub async fn connect(
    State(s): State<AppState>,
    AuthUser(actor): AuthUser,
    ApiJson(new): ApiJson<NewAccount>,
) -> ApiResult<(StatusCode, Json<Account>)> {
    Ok((StatusCode::CREATED, Json(integrations::connect(&s.sync, actor, new).await?)))
}

pub async fn disconnect(
    State(s): State<AppState>,
    AuthUser(actor): AuthUser,
    RecordId(id): RecordId,
) -> ApiResult<StatusCode> {
    integrations::disconnect(&s.sync, actor, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

pub async fn sync_status(State(s): State<AppState>, AuthUser(actor): AuthUser) -> ApiResult<Json<SyncStatus>> {
    Ok(Json(integrations::status(&s.sync, actor).await?))
}

pub async fn run(
    State(s): State<AppState>,
    AuthUser(actor): AuthUser,
    RecordId(id): RecordId,
) -> ApiResult<Json<SyncRun>> {
    let run = s.db.read(async |c| store::run(c, actor, id).await).await?;
    Ok(Json(run.ok_or_else(|| ApiError::NotFound(format!("no sync run with id {id}")))?))
}

async fn start(
    s: &AppState,
    actor: crate::store::records::Actor,
    sources: &[Source],
    p: SyncParams,
) -> ApiResult<(StatusCode, Json<SyncStarted>)> {
    let wait = p.wait.unwrap_or(false);
    let runs = s.sync.start(actor, sources, Trigger::Manual, wait).await?;
    Ok((if wait { StatusCode::OK } else { StatusCode::ACCEPTED }, Json(SyncStarted { runs })))
}

pub async fn sync_all(
    State(s): State<AppState>,
    AuthUser(actor): AuthUser,
    ApiQuery(p): ApiQuery<SyncParams>,
) -> ApiResult<(StatusCode, Json<SyncStarted>)> {
    start(&s, actor, &[], p).await
}

pub async fn sync_brivity(
    State(s): State<AppState>,
    AuthUser(actor): AuthUser,
    ApiQuery(p): ApiQuery<SyncParams>,
) -> ApiResult<(StatusCode, Json<SyncStarted>)> {
    start(&s, actor, &[Source::Brivity], p).await
}

pub async fn sync_topproducer(
    State(s): State<AppState>,
    AuthUser(actor): AuthUser,
    ApiQuery(p): ApiQuery<SyncParams>,
) -> ApiResult<(StatusCode, Json<SyncStarted>)> {
    start(&s, actor, &[Source::TopProducer], p).await
}
