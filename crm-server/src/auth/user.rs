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

/// What every refused token is answered, whatever was wrong with it: the answer tells a forger
/// nothing (a bad signature, a refused algorithm, an expired or revoked token all read alike);
/// why is logged at debug level.
const REFUSED: &str = "the token is invalid, expired or revoked";

fn refused(why: &str) -> ApiError {
    tracing::debug!(why, "token refused");
    ApiError::Unauthorized(REFUSED.into())
}

/// A 401 of the service as [`refused`]; other errors (the database busy) as they are.
fn refused_if_unauthorized(e: ApiError) -> ApiError {
    match e {
        ApiError::Unauthorized(why) => refused(&why),
        other => other,
    }
}

impl FromRequestParts<AppState> for AuthUser {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let header = parts
            .headers
            .get(AUTHORIZATION)
            .ok_or_else(|| ApiError::Unauthorized("missing Authorization: Bearer <token>".into()))?;
        let value = header.to_str().map_err(|_| refused("the Authorization header is not visible ASCII"))?;
        let token = value
            .strip_prefix("Bearer ")
            .or_else(|| value.strip_prefix("bearer "))
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .ok_or_else(|| ApiError::Unauthorized("Authorization must be: Bearer <token>".into()))?;
        let actor = if token.starts_with(tokens::PREFIX) {
            accounts::token_owner(&state.db, token).await.map_err(refused_if_unauthorized)?
        } else if let Some(user_id) = state.jwt.remembered(token) {
            Actor { user_id }
        } else {
            let (user_id, exp, iat) = state.jwt.check_issued(token).map_err(|why| refused(&why))?;
            // A signature that holds does not make an account (one removed since, or a token
            // signed with the same secret for another database): looked up once a token. Nor
            // is a token issued before its account was made one of it: after a restore, an id
            // can be given again to someone else.
            let user = accounts::me(&state.db, Actor { user_id }).await.map_err(refused_if_unauthorized)?;
            if iat < user.created_at.timestamp() {
                return Err(refused("the token was issued before its account was made"));
            }
            state.jwt.remember(token, user_id, exp);
            Actor { user_id }
        };
        // Each user's requests a second, whichever of their tokens they come with.
        state.limits.user(actor.user_id)?;
        Ok(AuthUser(actor))
    }
}
