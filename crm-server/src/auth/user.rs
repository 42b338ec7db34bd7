//! The authenticated user, as an extractor.

use axum::extract::FromRequestParts;
use axum::http::header::AUTHORIZATION;
use axum::http::request::Parts;

use super::tokens;
use crate::app::AppState;
use crate::error::ApiError;
use crate::service::accounts;
use crate::store::records::Actor;

/// The caller, identified by a session JWT or an API token in `Authorization: Bearer`.
#[derive(Debug, Clone, Copy)]
pub struct AuthUser(pub Actor);

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
        let actor = if token.starts_with(tokens::PREFIX) {
            accounts::token_owner(&state.db, token).await?
        } else {
            Actor { user_id: state.jwt.verify(token).map_err(ApiError::Unauthorized)? }
        };
        // Each user's requests a second, whichever of their tokens they come with.
        state.limits.user(actor.user_id)?;
        Ok(AuthUser(actor))
    }
}
