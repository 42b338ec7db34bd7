//! The activity-specific endpoints: completion and the recent list.

use axum::Json;
use axum::extract::State;
use crm_api::resource::{Activities, Resource};

use super::entities::{Tagged, tagged};
use crate::app::AppState;
use crate::auth::AuthUser;
use crate::error::ApiResult;
use crate::extract::RecordId;
use crate::service::records;

/// Marks an activity completed (now); completing it again changes nothing.
pub async fn complete_activity(
    State(s): State<AppState>,
    AuthUser(actor): AuthUser,
    RecordId(id): RecordId,
) -> ApiResult<Tagged<<Activities as Resource>::Record>> {
    Ok(tagged(records::complete_activity(&s.db, actor, id).await?))
}

/// The 5 most recently created activities.
pub async fn recent_activities(
    State(s): State<AppState>,
    AuthUser(actor): AuthUser,
) -> ApiResult<Json<Vec<<Activities as Resource>::Record>>> {
    Ok(Json(records::recent_activities(&s.db, actor).await?))
}
