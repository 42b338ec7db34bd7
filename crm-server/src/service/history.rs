//! What happened: a deal's stage history, a contact's timeline, the audit trail.

use crm_api::audit::AuditEntry;
use crm_api::deals::StageChange;
use crm_api::params::{AuditParams, TimelineParams};
use crm_api::timeline::TimelineItem;
use crm_api::{DEFAULT_LIMIT, MAX_LIMIT, Page};

use crate::db::Db;
use crate::error::{ApiError, ApiResult};
use crate::store::records::Actor;
use crate::store::{audit, history};

pub async fn deal_history(db: &Db, actor: Actor, deal_id: i64) -> ApiResult<Vec<StageChange>> {
    db.read(async |c| history::deal_history(c, actor, deal_id).await).await
}

/// Everything around a contact, newest first (at most `limit` events, default 100).
pub async fn contact_timeline(
    db: &Db,
    actor: Actor,
    contact_id: i64,
    p: &TimelineParams,
) -> ApiResult<Vec<TimelineItem>> {
    let limit = checked_limit(p.limit, 100)?;
    db.read(async |c| history::contact_timeline(c, actor, contact_id, i64::from(limit)).await).await
}

/// A page of the user's audit trail, newest first; optionally of one entity, of records with
/// one id, or both (one record).
/// The cursor is the id of the last entry of the previous page.
pub async fn audit_trail(db: &Db, actor: Actor, p: &AuditParams) -> ApiResult<Page<AuditEntry>> {
    let limit = checked_limit(p.limit, DEFAULT_LIMIT)?;
    let before = match p.cursor.as_deref() {
        Some(c) => Some(c.parse::<i64>().map_err(|_| ApiError::bad_param("cursor", "is not a cursor of this list"))?),
        None => None,
    };
    let entity = p.entity.as_deref().map(str::trim);
    if entity.is_some_and(|e| e.contains('\0')) {
        // No entity is named with a NUL (and PostgreSQL's text cannot hold one).
        return Ok(Page { data: Vec::new(), next_cursor: None, total: None });
    }
    let mut data = db.read(async |c| audit::list(c, actor, entity, p.entity_id, before, limit + 1).await).await?;
    let next_cursor = if data.len() > limit as usize {
        data.truncate(limit as usize);
        data.last().map(|e| e.id.to_string())
    } else {
        None
    };
    Ok(Page { data, next_cursor, total: None })
}

/// A page size from 1 to [`MAX_LIMIT`], `default` when not given.
fn checked_limit(limit: Option<u32>, default: u32) -> ApiResult<u32> {
    let limit = limit.unwrap_or(default);
    if !(1..=MAX_LIMIT).contains(&limit) {
        return Err(ApiError::bad_param("limit", format!("must be between 1 and {MAX_LIMIT}")));
    }
    Ok(limit)
}
