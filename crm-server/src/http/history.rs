//! What happened: a deal's stage history, a contact's timeline and the audit trail.

use axum::Json;
use axum::extract::State;
use crm_api::audit::AuditEntry;
use crm_api::deals::StageChange;
pub use crm_api::params::{AuditParams, TimelineParams};
use crm_api::timeline::TimelineItem;
use crm_api::{MAX_LIMIT, Page};

use crate::app::AppState;
use crate::auth::AuthUser;
use crate::error::{ApiError, ApiResult};
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
    let limit = p.limit.unwrap_or(100);
    if !(1..=MAX_LIMIT).contains(&limit) {
        return Err(ApiError::bad_param("limit", format!("must be between 1 and {MAX_LIMIT}")));
    }
    Ok(Json(history::contact_timeline(&s.db, actor, id, limit).await?))
}

/// The caller's audit trail, newest first.
pub async fn audit_log(
    State(s): State<AppState>,
    AuthUser(actor): AuthUser,
    ApiQuery(p): ApiQuery<AuditParams>,
) -> ApiResult<Json<Page<AuditEntry>>> {
    let limit = p.limit.unwrap_or(crm_api::DEFAULT_LIMIT);
    if !(1..=MAX_LIMIT).contains(&limit) {
        return Err(ApiError::bad_param("limit", format!("must be between 1 and {MAX_LIMIT}")));
    }
    let before = match p.cursor.as_deref() {
        Some(c) => Some(c.parse::<i64>().map_err(|_| ApiError::bad_param("cursor", "is not a cursor of this list"))?),
        None => None,
    };
    let filter = match (&p.entity, p.entity_id) {
        (Some(e), Some(id)) => Some((e.as_str(), id)),
        (None, None) => None,
        _ => return Err(ApiError::bad_param("entity", "entity and entity_id go together")),
    };
    let mut data = history::audit_trail(&s.db, actor, filter, before, limit + 1).await?;
    let next_cursor = if data.len() > limit as usize {
        data.truncate(limit as usize);
        data.last().map(|e| e.id.to_string())
    } else {
        None
    };
    Ok(Json(Page { data, next_cursor, total: None }))
}
