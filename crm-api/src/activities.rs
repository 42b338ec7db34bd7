//! Activities: calls, e-mails, meetings, tasks and notes.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::contacts::{LONG_MAX, SHORT_MAX};
use crate::patch::{double_option, not_null};
use crate::validate::{Errors, Validate};
use crate::{ActivityType, FieldError, Priority};

/// A stored activity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Activity {
    pub id: i64,
    #[serde(rename = "type")]
    pub kind: ActivityType,
    pub priority: Priority,
    pub description: Option<String>,
    #[schema(value_type = Option<String>, format = Date)]
    pub due_date: Option<NaiveDate>,
    pub assigned_to: Option<String>,
    pub contact_id: Option<i64>,
    pub opportunity_id: Option<i64>,
    pub completed: bool,
    #[serde(default, with = "crate::time::option")]
    pub completed_at: Option<DateTime<Utc>>,
    pub version: i64,
    #[serde(with = "crate::time")]
    pub created_at: DateTime<Utc>,
    #[serde(with = "crate::time")]
    pub updated_at: DateTime<Utc>,
    #[serde(default, with = "crate::time::option")]
    pub deleted_at: Option<DateTime<Utc>>,
}

/// Body of `POST /api/crm/activities`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewActivity {
    #[serde(rename = "type")]
    pub kind: ActivityType,
    /// Defaults to Normal.
    #[serde(default)]
    pub priority: Priority,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(schema_with = crate::validate::schema::opt_long)]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<String>, format = Date)]
    pub due_date: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(schema_with = crate::validate::schema::opt_short)]
    pub assigned_to: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(schema_with = crate::validate::schema::opt_id)]
    pub contact_id: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(schema_with = crate::validate::schema::opt_id)]
    pub opportunity_id: Option<i64>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub completed: bool,
}

/// Body of `PUT`/`PATCH /api/crm/activities/:id`: absent fields stay, `null` clears.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ActivityPatch {
    #[serde(rename = "type", default, deserialize_with = "not_null", skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false)]
    pub kind: Option<ActivityType>,
    #[serde(default, deserialize_with = "not_null", skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false)]
    pub priority: Option<Priority>,
    #[serde(default, deserialize_with = "double_option", skip_serializing_if = "Option::is_none")]
    #[schema(schema_with = crate::validate::schema::opt_long)]
    pub description: Option<Option<String>>,
    #[serde(default, deserialize_with = "double_option", skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<String>, format = Date)]
    pub due_date: Option<Option<NaiveDate>>,
    #[serde(default, deserialize_with = "double_option", skip_serializing_if = "Option::is_none")]
    #[schema(schema_with = crate::validate::schema::opt_short)]
    pub assigned_to: Option<Option<String>>,
    #[serde(default, deserialize_with = "double_option", skip_serializing_if = "Option::is_none")]
    #[schema(schema_with = crate::validate::schema::opt_id)]
    pub contact_id: Option<Option<i64>>,
    #[serde(default, deserialize_with = "double_option", skip_serializing_if = "Option::is_none")]
    #[schema(schema_with = crate::validate::schema::opt_id)]
    pub opportunity_id: Option<Option<i64>>,
    #[serde(default, deserialize_with = "not_null", skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false)]
    pub completed: Option<bool>,
}

impl Validate for NewActivity {
    fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut e = Errors::default();
        e.opt_text("description", self.description.as_deref(), LONG_MAX);
        e.opt_text("assigned_to", self.assigned_to.as_deref(), SHORT_MAX);
        e.id("contact_id", self.contact_id);
        e.id("opportunity_id", self.opportunity_id);
        e.into_result()
    }
}

impl Validate for ActivityPatch {
    fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut e = Errors::default();
        e.opt_text("description", self.description.as_ref().and_then(|v| v.as_deref()), LONG_MAX);
        e.opt_text("assigned_to", self.assigned_to.as_ref().and_then(|v| v.as_deref()), SHORT_MAX);
        e.id("contact_id", self.contact_id.flatten());
        e.id("opportunity_id", self.opportunity_id.flatten());
        e.into_result()
    }
}
