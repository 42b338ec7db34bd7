//! Accounts and their API tokens: registration, password checks, named tokens.

use crm_api::auth::{ApiToken, CreatedApiToken, User};

use crate::auth::{password, tokens};
use crate::db::Db;
use crate::error::{ApiError, ApiResult};
use crate::store::accounts;
use crate::store::records::Actor;

/// Creates an account (the e-mail is unique, case-insensitively) with its default pipeline.
pub async fn register(db: &Db, email: &str, name: Option<&str>, secret: String) -> ApiResult<User> {
    let hash = password::hash(secret).await?;
    let name = name.map(|n| n.trim().to_string()).filter(|n| !n.is_empty());
    let email = email.to_string();
    db.write(async move |c| {
        let user = accounts::create_user(c, &email, name.as_deref(), &hash).await?;
        crate::store::pipelines::create_default(c, user.id, crate::db::now_micros()).await?;
        Ok(user)
    })
    .await
}

/// The account with this e-mail and password. An unknown e-mail costs the same time as a
/// wrong password, so that the answer does not tell which accounts exist.
pub async fn check_password(db: &Db, email: &str, secret: String) -> ApiResult<User> {
    let found = db.read(async |c| accounts::find_user_by_email(c, email).await).await?;
    let (user, stored) = match found {
        Some((user, hash)) => (Some(user), hash),
        None => (None, password::dummy_hash().await.to_string()),
    };
    let ok = password::verify(secret, stored).await?;
    match user {
        Some(user) if ok => Ok(user),
        _ => Err(ApiError::Unauthorized("wrong e-mail or password".into())),
    }
}

/// The acting user's account.
pub async fn me(db: &Db, actor: Actor) -> ApiResult<User> {
    let user = db.read(async |c| accounts::get_user(c, actor.user_id).await).await?;
    user.ok_or_else(|| ApiError::Unauthorized("the account no longer exists".into()))
}

/// A new API token; its secret is in the answer only.
pub async fn create_token(
    db: &Db,
    actor: Actor,
    name: &str,
    expires_in_days: Option<i64>,
) -> ApiResult<CreatedApiToken> {
    let (secret, prefix) = tokens::generate();
    let hash = tokens::digest(&secret);
    let expires_at = expires_in_days.map(|d| crate::db::now_micros() + d * 86_400 * 1_000_000);
    let name = name.to_string();
    let info =
        db.write(async move |c| accounts::create_token(c, actor, &name, &prefix, &hash, expires_at).await).await?;
    Ok(CreatedApiToken { token: secret, info })
}

pub async fn list_tokens(db: &Db, actor: Actor) -> ApiResult<Vec<ApiToken>> {
    db.read(async |c| accounts::list_tokens(c, actor).await).await
}

/// Revokes a token of the user; revoking twice is not an error.
pub async fn revoke_token(db: &Db, actor: Actor, id: i64) -> ApiResult<()> {
    db.write(async move |c| accounts::revoke_token(c, actor, id).await).await
}

/// How often a token's `last_used_at` is refreshed.
const TOUCH_EVERY_MICROS: i64 = 60 * 1_000_000;

/// Who an API token (its secret) acts for, if it is live; its last use is recorded in the
/// background, at most once a minute.
pub async fn token_owner(db: &Db, secret: &str) -> ApiResult<Actor> {
    let hash = tokens::digest(secret);
    let found = db.read(async |c| accounts::find_live_token(c, &hash).await).await?;
    let (token_id, user_id, last_used) =
        found.ok_or_else(|| ApiError::Unauthorized("the API token is unknown, revoked or expired".into()))?;
    if last_used.is_none_or(|t| crate::db::now_micros() - t > TOUCH_EVERY_MICROS) {
        let db = db.clone();
        tokio::spawn(async move {
            let r: ApiResult<()> = db.write(async move |c| accounts::touch_token(c, token_id).await).await;
            if let Err(e) = r {
                tracing::warn!(error = %e, "could not record the token's last use");
            }
        });
    }
    Ok(Actor { user_id })
}
