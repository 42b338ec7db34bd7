//! `/api/auth/*`: registration, login, the current user and API tokens.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use crm_api::auth::{ApiToken, CreatedApiToken, LoginRequest, NewApiToken, RegisterRequest, Session, User};

use crate::app::AppState;
use crate::auth::{AuthUser, password, tokens};
use crate::error::{ApiError, ApiResult};
use crate::extract::{ApiJson, RecordId};
use crate::store::accounts;
use crate::{in_tx, on_read};

fn session(s: &AppState, user: User) -> ApiResult<Session> {
    Ok(Session { token: s.jwt.issue(user.id)?, token_type: "Bearer".into(), expires_in: s.jwt.ttl_secs, user })
}

pub async fn register(
    State(s): State<AppState>,
    ApiJson(req): ApiJson<RegisterRequest>,
) -> ApiResult<(StatusCode, Json<Session>)> {
    let hash = password::hash(req.password).await?;
    let name = req.name.map(|n| n.trim().to_string()).filter(|n| !n.is_empty());
    let email = req.email;
    let user = in_tx!(&s.db, c => accounts::create_user(c, &email, name.as_deref(), &hash))?;
    Ok((StatusCode::CREATED, Json(session(&s, user)?)))
}

pub async fn login(State(s): State<AppState>, ApiJson(req): ApiJson<LoginRequest>) -> ApiResult<Json<Session>> {
    let found = on_read!(&s.db, c => accounts::find_user_by_email(c, &req.email))?;
    let (user, stored) = match found {
        Some((user, hash)) => (Some(user), hash),
        None => (None, password::dummy_hash().await.to_string()),
    };
    let ok = password::verify(req.password, stored).await?;
    match user {
        Some(user) if ok => Ok(Json(session(&s, user)?)),
        _ => Err(ApiError::Unauthorized("wrong e-mail or password".into())),
    }
}

pub async fn me(State(s): State<AppState>, AuthUser(actor): AuthUser) -> ApiResult<Json<User>> {
    let user = on_read!(&s.db, c => accounts::get_user(c, actor.user_id))?;
    user.map(Json).ok_or_else(|| ApiError::Unauthorized("the account no longer exists".into()))
}

pub async fn create_token(
    State(s): State<AppState>,
    AuthUser(actor): AuthUser,
    ApiJson(req): ApiJson<NewApiToken>,
) -> ApiResult<(StatusCode, Json<CreatedApiToken>)> {
    let (secret, prefix) = tokens::generate();
    let hash = tokens::digest(&secret);
    let expires_at = req.expires_in_days.map(|d| crate::db::now_micros() + d * 86_400 * 1_000_000);
    let name = req.name;
    let info = in_tx!(&s.db, c => accounts::create_token(c, actor, &name, &prefix, &hash, expires_at))?;
    Ok((StatusCode::CREATED, Json(CreatedApiToken { token: secret, info })))
}

pub async fn list_tokens(State(s): State<AppState>, AuthUser(actor): AuthUser) -> ApiResult<Json<Vec<ApiToken>>> {
    Ok(Json(on_read!(&s.db, c => accounts::list_tokens(c, actor))?))
}

pub async fn revoke_token(
    State(s): State<AppState>,
    AuthUser(actor): AuthUser,
    RecordId(id): RecordId,
) -> ApiResult<StatusCode> {
    in_tx!(&s.db, c => accounts::revoke_token(c, actor, id))?;
    Ok(StatusCode::NO_CONTENT)
}
