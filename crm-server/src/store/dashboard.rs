//! The dashboard: each user's saved layout, one row per user (none: the default layout).

use crm_api::dashboard::{DashboardLayout, NewDashboardLayout};
use serde_json::{Map, Value as Json};

use super::audit::{self, Action};
use super::records::Actor;
use crate::db::{Col, Conn, DbError, Row, Shape, SqlValue, now_micros, time_of};
use crate::error::{ApiError, ApiResult};

/// The entity of the layout's audit rows; their `entity_id` is the user's id.
pub const AUDIT_ENTITY: &str = "dashboard_layout";

const SHAPE: &Shape = &[("layout", Col::Text), ("version", Col::Int), ("updated_at", Col::Int)];

fn layout_of(r: &Row) -> Result<DashboardLayout, DbError> {
    let saved: NewDashboardLayout =
        serde_json::from_str(r.req_text("layout")?).map_err(|e| DbError::decode("layout", e.to_string()))?;
    Ok(DashboardLayout {
        period: saved.period,
        widgets: saved.widgets,
        version: r.req_int("version")?,
        updated_at: Some(time_of("updated_at", r.req_int("updated_at")?)?),
    })
}

/// The user's saved layout, if they saved one; `lock` keeps its row until the transaction
/// ends (PostgreSQL; SQLite's writes are serialized).
async fn saved<C: Conn>(c: &mut C, actor: Actor, lock: bool) -> ApiResult<Option<DashboardLayout>> {
    let lock = if lock { c.dialect().for_update() } else { "" };
    let sql = format!("SELECT layout, version, updated_at FROM dashboard_layouts WHERE user_id = $1{lock}");
    let row = c.fetch_one(&sql, &[SqlValue::Int(Some(actor.user_id))], SHAPE).await?;
    Ok(row.as_ref().map(layout_of).transpose()?)
}

/// The user's layout: the saved one, or the default one (version 0).
pub async fn get<C: Conn>(c: &mut C, actor: Actor) -> ApiResult<DashboardLayout> {
    Ok(saved(c, actor, false).await?.unwrap_or_default())
}

/// Saves the user's layout, when `expected` (from `If-Match`) is its current version or not
/// given, and writes the audit row. Saving the layout as it is writes nothing.
pub async fn put<C: Conn>(
    c: &mut C,
    actor: Actor,
    new: &NewDashboardLayout,
    expected: Option<i64>,
) -> ApiResult<DashboardLayout> {
    let before = saved(c, actor, true).await?;
    let current = before.clone().unwrap_or_default();
    if let Some(v) = expected
        && v != current.version
    {
        return Err(ApiError::PreconditionFailed { current_etag: Some(format!("\"{}\"", current.version)) });
    }
    if let Some(b) = &before
        && b.period == new.period
        && b.widgets == new.widgets
    {
        return Ok(b.clone());
    }
    let text = serde_json::to_string(new).map_err(anyhow::Error::from)?;
    let now = now_micros();
    let binds = [
        SqlValue::Int(Some(actor.user_id)),
        SqlValue::Text(Some(text)),
        SqlValue::Int(Some(now)),
        SqlValue::Int(Some(current.version)),
    ];
    let row = if before.is_some() {
        c.fetch_one(
            "UPDATE dashboard_layouts SET layout = $2, updated_at = $3, version = version + 1 \
             WHERE user_id = $1 AND version = $4 RETURNING layout, version, updated_at",
            &binds,
            SHAPE,
        )
        .await?
    } else {
        // Another request may have saved the first layout meanwhile: then this one is stale.
        c.fetch_one(
            "INSERT INTO dashboard_layouts (user_id, layout, updated_at, version) VALUES ($1, $2, $3, $4 + 1) \
             ON CONFLICT (user_id) DO NOTHING RETURNING layout, version, updated_at",
            &binds,
            SHAPE,
        )
        .await?
    };
    let after = layout_of(&row.ok_or(ApiError::PreconditionFailed { current_etag: None })?)?;
    let action = if before.is_some() { Action::Update } else { Action::Create };
    audit::write(c, actor, AUDIT_ENTITY, actor.user_id, action, &audit::diff(Some(&record(&current)), &record(&after)))
        .await?;
    Ok(after)
}

/// The layout's fields as the audit trail compares them.
fn record(l: &DashboardLayout) -> Map<String, Json> {
    let mut m = Map::new();
    m.insert("period".into(), Json::from(l.period.as_str()));
    m.insert("widgets".into(), Json::from(l.widgets.iter().map(|w| w.as_str()).collect::<Vec<_>>()));
    m
}
