//! `/api/crm/dashboard`: the layout each user chose (which widgets, in which order, over which
//! period).

use axum::extract::State;
use crm_api::dashboard::{DashboardLayout, NewDashboardLayout};

use super::entities::{Tagged, tagged};
use crate::app::AppState;
use crate::auth::AuthUser;
use crate::error::ApiResult;
use crate::extract::{ApiJson, IfMatch};
use crate::service::dashboard;
use crate::service::records::Versioned;

fn versioned(layout: DashboardLayout) -> Tagged<DashboardLayout> {
    tagged(Versioned { version: layout.version, record: layout })
}

/// The caller's layout, or the default one (version 0) until they save one.
pub async fn get_layout(State(s): State<AppState>, AuthUser(actor): AuthUser) -> ApiResult<Tagged<DashboardLayout>> {
    Ok(versioned(dashboard::layout(&s.db, actor).await?))
}

/// Saves the caller's layout (412 when `If-Match` names another version).
pub async fn put_layout(
    State(s): State<AppState>,
    AuthUser(actor): AuthUser,
    IfMatch(expected): IfMatch,
    ApiJson(body): ApiJson<NewDashboardLayout>,
) -> ApiResult<Tagged<DashboardLayout>> {
    Ok(versioned(dashboard::save_layout(&s.db, actor, body, expected).await?))
}
