//! What happened: a deal's stage history, a contact's timeline and the audit trail.

use axum::Json;
use axum::extract::State;
use crm_api::Page;
use crm_api::audit::AuditEntry;
use crm_api::deals::StageChange;
pub use crm_api::params::{AuditParams, TimelineParams};
use crm_api::timeline::TimelineItem;

use crate::app::AppState;
use crate::auth::AuthUser;
use crate::error::ApiResult;
use crate::extract::{ApiQuery, RecordId};
use crate::service::history;

pub async fn deal_history(
    State(s): State<AppState>,
    AuthUser(actor): AuthUser,
    RecordId(id): RecordId,
) -> ApiResult<Json<Vec<StageChange>>> {
    Ok(Json(history::deal_history(&s.db, actor, id).await?))
}

pub async fn contact_timeline(
    State(s): State<AppState>,
    AuthUser(actor): AuthUser,
    RecordId(id): RecordId,
    ApiQuery(p): ApiQuery<TimelineParams>,
) -> ApiResult<Json<Vec<TimelineItem>>> {
    Ok(Json(history::contact_timeline(&s.db, actor, id, &p).await?))
}

/// The caller's audit trail, newest first.
pub async fn audit_log(
    State(s): State<AppState>,
    AuthUser(actor): AuthUser,
    ApiQuery(p): ApiQuery<AuditParams>,
) -> ApiResult<Json<Page<AuditEntry>>> {
    Ok(Json(history::audit_trail(&s.db, actor, &p).await?))
}
