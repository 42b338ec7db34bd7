//! The audit trail: one entry per change.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// One change of one record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct AuditEntry {
    pub id: i64,
    /// `contact`, `opportunity`, `deal`, `activity`, `api_token`.
    pub entity: String,
    pub entity_id: i64,
    /// `create`, `update`, `delete`, `restore`, `complete`.
    pub action: String,
    /// Changed fields: `{"field": {"before": .., "after": ..}}`.
    #[schema(value_type = Object)]
    pub changes: serde_json::Value,
    pub request_id: Option<String>,
    #[serde(with = "crate::time")]
    pub created_at: DateTime<Utc>,
}
