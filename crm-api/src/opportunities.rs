//! Opportunities: potential sales, linked to a contact.

use chrono::NaiveDate;

use crate::Money;
use crate::catalog::FieldKind::{Currency, Date, Int, Link, Money as Amount, StageName, Text};
use crate::catalog::{Hooks, LONG_MAX, NAME_MAX, NO_HOOKS, StageHistory};

crate::wire::entity! {
    /// Opportunities, served under `/api/crm/opportunities`.
    resource Opportunities;
    /// Opportunities in the catalog.
    info OPPORTUNITIES = "opportunities", "opportunity",
        Hooks { stages: Some(StageHistory { table: "opportunity_stage_changes", key: "opportunity_id", funnel: false }), ..NO_HOOKS },
        ["id", "name", "value", "stage", "probability", "expected_close_date", "contact_id"];
    /// A stored opportunity.
    record Opportunity;
    /// Body of `POST /api/crm/opportunities`.
    new NewOpportunity;
    /// Body of `PUT`/`PATCH /api/crm/opportunities/:id`: absent fields stay, `null` clears.
    patch OpportunityPatch;
    fields {
        contact_id: i64 = optional, Link("contacts"), "Contact id",
        name: String = required, Text { max: NAME_MAX }, "Name" [searched],
        value: Money = default, Amount, "Value, e.g. 1250.00 (default 0.00)",
        currency: String = default("crate::currency::default_code", crate::currency::default_code), Currency,
            "ISO 4217 currency code (default USD)",
        probability: i64 = optional, Int { min: 0, max: 100 },
            "Probability of winning, 0 to 100; follows the stage's unless set (null: follow it again)",
        pipeline_id: i64 = optional, Link("pipelines"), "Pipeline id (default: the default pipeline, or the stage's)",
        stage_id: i64 = optional, Link("stages"), "Stage id (or give the stage by name)",
        stage: String = default, StageName, "Stage name in the pipeline, any case (default: its first stage)",
        expected_close_date: NaiveDate = optional, Date, "Expected close date, YYYY-MM-DD",
        description: String = optional, Text { max: LONG_MAX }, "Description" [no_filter, searched],
    }
    system { stage_entered_at: "When it last entered its current stage" }
}
