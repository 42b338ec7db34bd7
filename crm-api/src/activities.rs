//! Activities: calls, e-mails, meetings, tasks and notes.

use chrono::NaiveDate;

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
