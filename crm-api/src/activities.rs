//! Activities: calls, e-mails, meetings, tasks and notes.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::catalog::FieldKind::{Bool, Date, Enum, Link, Text};
use crate::catalog::{Hooks, LONG_MAX, NO_HOOKS, SHORT_MAX};
use crate::{ActivityType, Priority};

crate::wire::entity! {
    /// Activities, served under `/api/crm/activities`.
    resource Activities;
    /// Activities in the catalog.
    info ACTIVITIES = "activities", "activity", Hooks { completion_time: true, deal_activity: true, ..NO_HOOKS },
        ["id", "type", "priority", "description", "due_date", "completed", "contact_id"];
    /// A stored activity.
    record Activity;
    /// Body of `POST /api/crm/activities`.
    new NewActivity;
    /// Body of `PUT`/`PATCH /api/crm/activities/:id`: absent fields stay, `null` clears.
    patch ActivityPatch;
    fields {
        kind as "type": ActivityType = required, Enum(ActivityType::TEXTS), "Kind of activity",
        priority: Priority = default, Enum(Priority::TEXTS), "Priority (default Normal)",
        description: String = optional, Text { max: LONG_MAX }, "What is to be done" [searched],
        due_date: NaiveDate = optional, Date, "Due date, YYYY-MM-DD",
        assigned_to: String = optional, Text { max: SHORT_MAX }, "Who does it" [searched],
        contact_id: i64 = optional, Link("contacts"), "Contact id",
        opportunity_id: i64 = optional, Link("opportunities"), "Opportunity id",
        deal_id: i64 = optional, Link("deals"), "Deal id",
        completed: bool = default, Bool, "Done (true or false)",
    }
    system { completed_at: "When it was completed" }
}

/// Most activities a section of the queue holds.
pub const QUEUE_MAX_LIMIT: u32 = 500;
/// Activities per section of the queue when `limit` is not given.
pub const QUEUE_DEFAULT_LIMIT: u32 = 50;
/// Days after today that the queue's `upcoming` section covers.
pub const UPCOMING_DAYS: u64 = 7;

/// The activity queue (`GET /api/crm/activities/queue`): open activities with a due date,
/// cut at the current date in a time zone. Each section is ordered by priority (Urgent, High,
/// Normal, Low), then due date, then id, and holds at most `limit` activities. Completed,
/// deleted and undated activities are left out.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ActivityQueue {
    /// Today in `tz`: the date the sections are cut at.
    pub date: NaiveDate,
    /// The IANA time zone of `date` (`UTC` unless asked otherwise).
    pub tz: String,
    /// Due before `date`.
    pub overdue: Vec<Activity>,
    /// Due on `date`.
    pub today: Vec<Activity>,
    /// Due in the 7 days after `date`.
    pub upcoming: Vec<Activity>,
    /// Whether each section has more activities than it shows.
    pub has_more: QueueMore,
}

/// Whether a section of the queue was cut at its `limit`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct QueueMore {
    pub overdue: bool,
    pub today: bool,
    pub upcoming: bool,
}

/// Body of `POST /api/crm/activities/:id/snooze`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Snooze {
    /// The new due date, YYYY-MM-DD: today (in the request's `tz`, UTC by default) or later.
    pub until: NaiveDate,
}

impl crate::validate::Validate for Snooze {
    fn validate(&self) -> Result<(), Vec<crate::FieldError>> {
        use chrono::Datelike;
        // Dates are stored as YYYY-MM-DD text on SQLite, which only orders four-digit years.
        if !(1..=9999).contains(&self.until.year()) {
            return Err(vec![crate::FieldError::new("until", "must be a date between years 1 and 9999")]);
        }
        Ok(())
    }
}
