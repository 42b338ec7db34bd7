//! What happened: a deal's stage history, a contact's timeline, the audit trail.

use crm_api::audit::AuditEntry;
use crm_api::deals::StageChange;
use crm_api::timeline::TimelineItem;

use crate::db::Db;
use crate::error::ApiResult;
use crate::store::records::Actor;
use crate::store::{audit, history};

pub async fn deal_history(db: &Db, actor: Actor, deal_id: i64) -> ApiResult<Vec<StageChange>> {
    db.read(async |c| history::deal_history(c, actor, deal_id).await).await
}

/// Everything around a contact, newest first, at most `limit` events.
pub async fn contact_timeline(db: &Db, actor: Actor, contact_id: i64, limit: u32) -> ApiResult<Vec<TimelineItem>> {
    db.read(async |c| history::contact_timeline(c, actor, contact_id, i64::from(limit)).await).await
}

/// The user's audit entries, newest first, before the entry `before_id`; optionally of one
/// record (entity and id).
pub async fn audit_trail(
    db: &Db,
    actor: Actor,
    record: Option<(&str, i64)>,
    before_id: Option<i64>,
    limit: u32,
) -> ApiResult<Vec<AuditEntry>> {
    db.read(async |c| audit::list(c, actor, record, before_id, limit).await).await
}
