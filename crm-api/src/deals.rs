//! Deals: sales being closed, moving through the pipeline stages.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::Money;
use crate::catalog::FieldKind::{Currency, Date, Int, Link, Money as Amount, StageName, Text};
use crate::catalog::{Hooks, LONG_MAX, NAME_MAX, NO_HOOKS, StageHistory};

crate::wire::entity! {
    /// Deals, served under `/api/crm/deals`.
    resource Deals;
    /// Deals in the catalog.
    info DEALS = "deals", "deal", Hooks { stages: Some(StageHistory { table: "deal_stage_changes", key: "deal_id", funnel: true }), ..NO_HOOKS },
        ["id", "name", "amount", "stage", "probability", "close_date", "contact_id"];
    /// A stored deal.
    record Deal;
    /// Body of `POST /api/crm/deals`.
    new NewDeal;
    /// Body of `PUT`/`PATCH /api/crm/deals/:id`: absent fields stay, `null` clears.
    patch DealPatch;
    fields {
        opportunity_id: i64 = optional, Link("opportunities"), "Opportunity id",
        contact_id: i64 = optional, Link("contacts"), "Contact id",
        name: String = required, Text { max: NAME_MAX }, "Name" [searched],
        amount: Money = default, Amount, "Amount, e.g. 1250.00 (default 0.00)",
        currency: String = default("crate::currency::default_code", crate::currency::default_code), Currency,
            "ISO 4217 currency code (default USD)",
        pipeline_id: i64 = optional, Link("pipelines"), "Pipeline id (default: the default pipeline, or the stage's)",
        stage_id: i64 = optional, Link("stages"), "Stage id (or give the stage by name)",
        stage: String = default, StageName, "Stage name in the pipeline, any case (default: its first stage)",
        probability: i64 = optional, Int { min: 0, max: 100 },
            "Probability of closing, 0 to 100; follows the stage's unless set (null: follow it again)",
        close_date: NaiveDate = optional, Date, "Close date, YYYY-MM-DD",
        next_steps: String = optional, Text { max: LONG_MAX }, "Next steps" [no_filter, searched],
    }
    system {
        stage_entered_at: "When it last entered its current stage",
        last_activity_at: "When an activity was last logged against it",
    }
}

/// One move of a deal or an opportunity from a stage to another (`from` is absent for its
/// creation). Stages are named as they are called now (as they were called then, when the
/// stage has since been deleted).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct StageChange {
    pub id: i64,
    /// The deal (or opportunity) that moved.
    pub deal_id: i64,
    pub from_stage: Option<String>,
    pub to_stage: String,
    pub from_stage_id: Option<i64>,
    pub to_stage_id: Option<i64>,
    #[serde(with = "crate::time")]
    pub changed_at: DateTime<Utc>,
}
