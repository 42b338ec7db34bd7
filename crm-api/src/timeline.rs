//! A contact's timeline: everything that happened around them, newest first.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// One event on a timeline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct TimelineItem {
    #[serde(with = "crate::time")]
    pub at: DateTime<Utc>,
    /// `activity`, `opportunity`, `deal`, `stage_change` or `edit`.
    pub kind: String,
    /// The entity the event is about (`activity`, `deal`, `contact`, ...).
    pub entity: String,
    pub entity_id: i64,
    /// One line for a person to read.
    pub summary: String,
    /// The record or change behind the event.
    #[schema(value_type = Object)]
    pub detail: serde_json::Value,
}
