//! The authenticated user, as an extractor.

use axum::extract::FromRequestParts;
use axum::http::header::AUTHORIZATION;
use axum::http::request::Parts;

use super::tokens;
use crate::app::AppState;
use crate::error::ApiError;
use crate::store::accounts;
use crate::store::records::Actor;

/// The caller, identified by a session JWT or an API token in `Authorization: Bearer`.
#[derive(Debug, Clone, Copy)]
pub struct AuthUser(pub Actor);

/// How often a token's `last_used_at` is refreshed.
const TOUCH_EVERY_MICROS: i64 = 60 * 1_000_000;

impl FromRequestParts<AppState> for AuthUser {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let header = parts
            .headers
            .get(AUTHORIZATION)
            .ok_or_else(|| ApiError::Unauthorized("missing Authorization: Bearer <token>".into()))?;
        let value = header.to_str().map_err(|_| ApiError::Unauthorized("malformed Authorization header".into()))?;
        let token = value
            .strip_prefix("Bearer ")
            .or_else(|| value.strip_prefix("bearer "))
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .ok_or_else(|| ApiError::Unauthorized("Authorization must be: Bearer <token>".into()))?;
        if token.starts_with(tokens::PREFIX) {
            let hash = tokens::digest(token);
            let found = state.db.read(async |c| accounts::find_live_token(c, &hash).await).await?;
            let (token_id, user_id, last_used) =
                found.ok_or_else(|| ApiError::Unauthorized("the API token is unknown, revoked or expired".into()))?;
            if last_used.is_none_or(|t| crate::db::now_micros() - t > TOUCH_EVERY_MICROS) {
                let db = state.db.clone();
                tokio::spawn(async move {
                    let r: Result<(), ApiError> =
                        db.write(async move |c| accounts::touch_token(c, token_id).await).await;
                    if let Err(e) = r {
                        tracing::warn!(error = %e, "could not record the token's last use");
                    }
                });
            }
            return Ok(AuthUser(Actor { user_id }));
        }
        let user_id = state.jwt.verify(token).map_err(ApiError::Unauthorized)?;
        Ok(AuthUser(Actor { user_id }))
    }
}
