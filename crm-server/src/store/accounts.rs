//! Users and their API tokens.

use chrono::{DateTime, Utc};
use crm_api::auth::{ApiToken, User};

use super::audit::{self, Action};
use super::records::Actor;
use crate::db::{Col, Conn, Row, RowExt, SqlValue, now_micros};
use crate::error::{ApiError, ApiResult};

fn time(micros: Option<i64>) -> Option<DateTime<Utc>> {
    micros.and_then(DateTime::from_timestamp_micros)
}

const USER_COLS: &[Col] = &[Col::Int, Col::Text, Col::Text, Col::Int, Col::Text];

fn user(r: &Row) -> (User, String) {
    (
        User {
            id: r.int(0).unwrap_or_default(),
            email: r.text(1).unwrap_or_default(),
            name: r.text(2),
            created_at: time(r.int(3)).unwrap_or_default(),
        },
        r.text(4).unwrap_or_default(),
    )
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
    Ok(user(&row).0)
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
    Ok(row.as_ref().map(user))
}

pub async fn get_user<C: Conn>(c: &mut C, id: i64) -> ApiResult<Option<User>> {
    let row = c
        .fetch_one(
            "SELECT id, email, name, created_at, password_hash FROM users WHERE id = $1",
            &[SqlValue::Int(Some(id))],
            USER_COLS,
        )
        .await?;
    Ok(row.as_ref().map(|r| user(r).0))
}

const TOKEN_COLS: &[Col] = &[Col::Int, Col::Text, Col::Text, Col::Int, Col::Int, Col::Int, Col::Int];
const TOKEN_SELECT: &str = "SELECT id, name, prefix, created_at, expires_at, last_used_at, revoked_at FROM api_tokens";

fn token(r: &Row) -> ApiToken {
    ApiToken {
        id: r.int(0).unwrap_or_default(),
        name: r.text(1).unwrap_or_default(),
        prefix: r.text(2).unwrap_or_default(),
        created_at: time(r.int(3)).unwrap_or_default(),
        expires_at: time(r.int(4)),
        last_used_at: time(r.int(5)),
        revoked_at: time(r.int(6)),
    }
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
    let t = token(&row);
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
    Ok(rows.iter().map(token).collect())
}

/// Revokes a token of the user; revoking twice is not an error.
pub async fn revoke_token<C: Conn>(c: &mut C, actor: Actor, id: i64) -> ApiResult<()> {
    let ids = [SqlValue::Int(Some(id)), SqlValue::Int(Some(actor.user_id))];
    let found = c.fetch_one(&format!("{TOKEN_SELECT} WHERE id = $1 AND user_id = $2"), &ids, TOKEN_COLS).await?;
    let Some(t) = found.as_ref().map(token) else {
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
    let changes = serde_json::json!({ "revoked_at": { "before": null, "after": crate::db::format_micros(now) } });
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
            &[Col::Int, Col::Int, Col::Int],
        )
        .await?;
    Ok(row.map(|r| (r.int(0).unwrap_or_default(), r.int(1).unwrap_or_default(), r.int(2))))
}

pub async fn touch_token<C: Conn>(c: &mut C, id: i64) -> ApiResult<()> {
    c.execute(
        "UPDATE api_tokens SET last_used_at = $1 WHERE id = $2",
        &[SqlValue::Int(Some(now_micros())), SqlValue::Int(Some(id))],
    )
    .await?;
    Ok(())
}
