//! `/api/auth/*`: registration, login, the current user and API tokens.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use crm_api::auth::{ApiToken, CreatedApiToken, LoginRequest, NewApiToken, RegisterRequest, Session, User};

use crate::app::AppState;
use crate::auth::AuthUser;
use crate::error::ApiResult;
use crate::extract::{ApiJson, ClientIp, RecordId};
use crate::service::accounts;

fn session(s: &AppState, user: User) -> ApiResult<Session> {
    Ok(Session { token: s.jwt.issue(user.id)?, token_type: "Bearer".into(), expires_in: s.jwt.ttl_secs, user })
}

pub async fn register(
    State(s): State<AppState>,
    ClientIp(ip): ClientIp,
    ApiJson(req): ApiJson<RegisterRequest>,
) -> ApiResult<(StatusCode, Json<Session>)> {
    s.limits.auth(ip, None)?;
    let user = accounts::register(&s.db, &req.email, req.name.as_deref(), req.password).await?;
    Ok((StatusCode::CREATED, Json(session(&s, user)?)))
}

pub async fn login(
    State(s): State<AppState>,
    ClientIp(ip): ClientIp,
    ApiJson(req): ApiJson<LoginRequest>,
) -> ApiResult<Json<Session>> {
    // Per address and per account named, known or not (slows guessing, tells nothing).
    s.limits.auth(ip, Some(&req.email))?;
    let user = accounts::check_password(&s.db, &req.email, req.password).await?;
    Ok(Json(session(&s, user)?))
}

pub async fn me(State(s): State<AppState>, AuthUser(actor): AuthUser) -> ApiResult<Json<User>> {
    Ok(Json(accounts::me(&s.db, actor).await?))
}

pub async fn create_token(
    State(s): State<AppState>,
    AuthUser(actor): AuthUser,
    ApiJson(req): ApiJson<NewApiToken>,
) -> ApiResult<(StatusCode, Json<CreatedApiToken>)> {
    Ok((StatusCode::CREATED, Json(accounts::create_token(&s.db, actor, &req.name, req.expires_in_days).await?)))
}

pub async fn list_tokens(State(s): State<AppState>, AuthUser(actor): AuthUser) -> ApiResult<Json<Vec<ApiToken>>> {
    Ok(Json(accounts::list_tokens(&s.db, actor).await?))
}

pub async fn revoke_token(
    State(s): State<AppState>,
    AuthUser(actor): AuthUser,
    RecordId(id): RecordId,
) -> ApiResult<StatusCode> {
    accounts::revoke_token(&s.db, actor, id).await?;
    Ok(StatusCode::NO_CONTENT)
}
