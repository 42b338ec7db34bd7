//! Users and their API tokens.

use crm_api::auth::{ApiToken, User};

use super::audit::{self, Action};
use super::records::Actor;
use crate::db::{Col, Conn, DbError, Row, Shape, SqlValue, now_micros, time_of};
use crate::error::{ApiError, ApiResult};

const USER_COLS: &Shape = &[
    ("id", Col::Int),
    ("email", Col::Text),
    ("name", Col::Text),
    ("created_at", Col::Int),
    ("password_hash", Col::Text),
];

fn user(r: &Row) -> Result<(User, String), DbError> {
    Ok((
        User {
            id: r.req_int("id")?,
            email: r.req_text("email")?.to_string(),
            name: r.text("name")?.map(str::to_string),
            created_at: time_of("created_at", r.req_int("created_at")?)?,
        },
        r.req_text("password_hash")?.to_string(),
    ))
}

/// An optional stored time of the column `name`.
fn opt_time(r: &Row, name: &str) -> Result<Option<chrono::DateTime<chrono::Utc>>, DbError> {
    r.int(name)?.map(|t| time_of(name, t)).transpose()
}

/// Creates an account; the e-mail is unique, case-insensitively.
pub async fn create_user<C: Conn>(c: &mut C, email: &str, name: Option<&str>, password_hash: &str) -> ApiResult<User> {
    let row = c
        .fetch_one(
            "INSERT INTO users (email, name, password_hash, created_at) VALUES ($1, $2, $3, $4) \
             RETURNING id, email, name, created_at, password_hash",
            &[
                SqlValue::Text(Some(email.trim().to_lowercase())),
                SqlValue::Text(name.map(str::to_string)),
                SqlValue::Text(Some(password_hash.to_string())),
                SqlValue::Int(Some(now_micros())),
            ],
            USER_COLS,
        )
        .await
        .map_err(|e| match ApiError::from(e) {
            ApiError::Conflict(_) => ApiError::Conflict("an account with this e-mail already exists".into()),
            other => other,
        })?
        .ok_or_else(|| anyhow::anyhow!("INSERT returned no row"))?;
    Ok(user(&row)?.0)
}

/// The account and its password hash.
pub async fn find_user_by_email<C: Conn>(c: &mut C, email: &str) -> ApiResult<Option<(User, String)>> {
    let row = c
        .fetch_one(
            "SELECT id, email, name, created_at, password_hash FROM users WHERE email = $1",
            &[SqlValue::Text(Some(email.trim().to_lowercase()))],
            USER_COLS,
        )
        .await?;
    Ok(row.as_ref().map(user).transpose()?)
}

pub async fn get_user<C: Conn>(c: &mut C, id: i64) -> ApiResult<Option<User>> {
    let row = c
        .fetch_one(
            "SELECT id, email, name, created_at, password_hash FROM users WHERE id = $1",
            &[SqlValue::Int(Some(id))],
            USER_COLS,
        )
        .await?;
    Ok(row.as_ref().map(|r| user(r).map(|u| u.0)).transpose()?)
}

const TOKEN_COLS: &Shape = &[
    ("id", Col::Int),
    ("name", Col::Text),
    ("prefix", Col::Text),
    ("created_at", Col::Int),
    ("expires_at", Col::Int),
    ("last_used_at", Col::Int),
    ("revoked_at", Col::Int),
];
const TOKEN_SELECT: &str = "SELECT id, name, prefix, created_at, expires_at, last_used_at, revoked_at FROM api_tokens";

fn token(r: &Row) -> Result<ApiToken, DbError> {
    Ok(ApiToken {
        id: r.req_int("id")?,
        name: r.req_text("name")?.to_string(),
        prefix: r.req_text("prefix")?.to_string(),
        created_at: time_of("created_at", r.req_int("created_at")?)?,
        expires_at: opt_time(r, "expires_at")?,
        last_used_at: opt_time(r, "last_used_at")?,
        revoked_at: opt_time(r, "revoked_at")?,
    })
}

pub async fn create_token<C: Conn>(
    c: &mut C,
    actor: Actor,
    name: &str,
    prefix: &str,
    hash: &str,
    expires_at: Option<i64>,
) -> ApiResult<ApiToken> {
    let sql = "INSERT INTO api_tokens (user_id, name, prefix, token_hash, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6) \
               RETURNING id, name, prefix, created_at, expires_at, last_used_at, revoked_at";
    let row = c
        .fetch_one(
            sql,
            &[
                SqlValue::Int(Some(actor.user_id)),
                SqlValue::Text(Some(name.trim().to_string())),
                SqlValue::Text(Some(prefix.to_string())),
                SqlValue::Text(Some(hash.to_string())),
                SqlValue::Int(Some(now_micros())),
                SqlValue::Int(expires_at),
            ],
            TOKEN_COLS,
        )
        .await?
        .ok_or_else(|| anyhow::anyhow!("INSERT returned no row"))?;
    let t = token(&row)?;
    let changes = serde_json::json!({ "name": { "after": t.name }, "prefix": { "after": t.prefix } });
    audit::write(c, actor, "api_token", t.id, Action::Create, &changes).await?;
    Ok(t)
}

pub async fn list_tokens<C: Conn>(c: &mut C, actor: Actor) -> ApiResult<Vec<ApiToken>> {
    let rows = c
        .fetch(
            &format!("{TOKEN_SELECT} WHERE user_id = $1 ORDER BY id"),
            &[SqlValue::Int(Some(actor.user_id))],
            TOKEN_COLS,
        )
        .await?;
    Ok(rows.iter().map(token).collect::<Result<_, _>>()?)
}

/// Revokes a token of the user; revoking twice is not an error.
pub async fn revoke_token<C: Conn>(c: &mut C, actor: Actor, id: i64) -> ApiResult<()> {
    let ids = [SqlValue::Int(Some(id)), SqlValue::Int(Some(actor.user_id))];
    let found = c.fetch_one(&format!("{TOKEN_SELECT} WHERE id = $1 AND user_id = $2"), &ids, TOKEN_COLS).await?;
    let Some(t) = found.as_ref().map(token).transpose()? else {
        return Err(ApiError::not_found("API token"));
    };
    if t.revoked_at.is_some() {
        return Ok(());
    }
    let now = now_micros();
    c.execute(
        "UPDATE api_tokens SET revoked_at = $1 WHERE id = $2 AND user_id = $3",
        &[SqlValue::Int(Some(now)), ids[0].clone(), ids[1].clone()],
    )
    .await?;
    let changes = serde_json::json!({ "revoked_at": { "before": null, "after": crm_api::time::format_micros(now) } });
    audit::write(c, actor, "api_token", id, Action::Revoke, &changes).await?;
    Ok(())
}

/// The token's id, owner and last use, if it is live (not revoked, not expired).
pub async fn find_live_token<C: Conn>(c: &mut C, hash: &str) -> ApiResult<Option<(i64, i64, Option<i64>)>> {
    let row = c
        .fetch_one(
            "SELECT id, user_id, last_used_at FROM api_tokens WHERE token_hash = $1 AND revoked_at IS NULL \
             AND (expires_at IS NULL OR expires_at > $2)",
            &[SqlValue::Text(Some(hash.to_string())), SqlValue::Int(Some(now_micros()))],
            &[("id", Col::Int), ("user_id", Col::Int), ("last_used_at", Col::Int)],
        )
        .await?;
    match row {
        Some(r) => Ok(Some((r.req_int("id")?, r.req_int("user_id")?, r.int("last_used_at")?))),
        None => Ok(None),
    }
}

pub async fn touch_token<C: Conn>(c: &mut C, id: i64) -> ApiResult<()> {
    c.execute(
        "UPDATE api_tokens SET last_used_at = $1 WHERE id = $2",
        &[SqlValue::Int(Some(now_micros())), SqlValue::Int(Some(id))],
    )
    .await?;
    Ok(())
}
