//! `/api/crm/integrations`: connected accounts, sync runs and the sync status.

use axum::Json;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use crm_api::integrations::{
    Account, CacheCleared, CachedParams, CachedRecord, ClearParams, NewAccount, SearchParams, Source, SyncParams,
    SyncRun, SyncStarted, SyncStatus, Trigger, WebhookAccepted, WebhookEvent,
};
use crm_api::{ListParams, Page};

use crate::app::AppState;
use crate::auth::AuthUser;
use crate::error::{ApiError, ApiResult};
use crate::extract::{ApiJson, ApiQuery, RecordId, WebhookToken};
use crate::http::entities::{json_response, page_json_with, write_json, write_row};
use crate::service::{Entity, integrations};
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

pub async fn cached_data(
    State(s): State<AppState>,
    AuthUser(actor): AuthUser,
    ApiQuery(p): ApiQuery<CachedParams>,
) -> ApiResult<Json<Page<CachedRecord>>> {
    Ok(Json(integrations::cached(&s.sync, actor, &p).await?))
}

pub async fn search(
    State(s): State<AppState>,
    AuthUser(actor): AuthUser,
    ApiQuery(p): ApiQuery<SearchParams>,
) -> ApiResult<Json<Page<CachedRecord>>> {
    Ok(Json(integrations::search(&s.sync, actor, &p).await?))
}

pub async fn clear_cache(
    State(s): State<AppState>,
    AuthUser(actor): AuthUser,
    ApiQuery(p): ApiQuery<ClearParams>,
) -> ApiResult<Json<CacheCleared>> {
    Ok(Json(integrations::clear(&s.sync, actor, &p).await?))
}

/// A page of contacts or deals, each as `{"record": ..., "sources": [...]}`, the record written
/// straight from its row as everywhere else.
pub async fn merged<E: Entity>(
    State(s): State<AppState>,
    AuthUser(actor): AuthUser,
    ApiQuery(p): ApiQuery<ListParams>,
) -> ApiResult<Response> {
    let (page, origins) = integrations::merged::<E>(&s.sync, actor, &p).await?;
    let out = page_json_with(&page, |i, row, out| {
        out.extend_from_slice(b"{\"record\":");
        write_row(E::spec(), row, out);
        out.extend_from_slice(b",\"sources\":");
        write_json(out, origins.get(i).map_or(&[][..], Vec::as_slice));
        out.push(b'}');
    });
    Ok(json_response(HeaderMap::new(), out))
}

/// A Brivity webhook delivery (no token: the path's secret says whose account it is).
pub async fn brivity_webhook(
    State(s): State<AppState>,
    WebhookToken(token): WebhookToken,
    ApiJson(event): ApiJson<WebhookEvent>,
) -> ApiResult<(StatusCode, Json<WebhookAccepted>)> {
    Ok((StatusCode::ACCEPTED, Json(integrations::webhook(&s.sync, &token, event).await?)))
}
