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
    let user = s.db.write(async move |c| accounts::create_user(c, &email, name.as_deref(), &hash).await).await?;
    Ok((StatusCode::CREATED, Json(session(&s, user)?)))
}

pub async fn login(State(s): State<AppState>, ApiJson(req): ApiJson<LoginRequest>) -> ApiResult<Json<Session>> {
    let found = s.db.read(async |c| accounts::find_user_by_email(c, &req.email).await).await?;
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
    let user = s.db.read(async |c| accounts::get_user(c, actor.user_id).await).await?;
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
    let info =
        s.db.write(async move |c| accounts::create_token(c, actor, &name, &prefix, &hash, expires_at).await).await?;
    Ok((StatusCode::CREATED, Json(CreatedApiToken { token: secret, info })))
}

pub async fn list_tokens(State(s): State<AppState>, AuthUser(actor): AuthUser) -> ApiResult<Json<Vec<ApiToken>>> {
    Ok(Json(s.db.read(async |c| accounts::list_tokens(c, actor).await).await?))
}

pub async fn revoke_token(
    State(s): State<AppState>,
    AuthUser(actor): AuthUser,
    RecordId(id): RecordId,
) -> ApiResult<StatusCode> {
    s.db.write(async move |c| accounts::revoke_token(c, actor, id).await).await?;
    Ok(StatusCode::NO_CONTENT)
}
