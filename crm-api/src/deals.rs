//! Deals: sales being closed, moving through the pipeline stages.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::catalog::FieldKind::{Currency, Date, Enum, Int, Link, Money as Amount, Text};
use crate::catalog::{Hooks, LONG_MAX, NAME_MAX, NO_HOOKS};
use crate::{Money, Stage};

crate::wire::entity! {
    /// Deals, served under `/api/crm/deals`.
    resource Deals;
    /// Deals in the catalog.
    info DEALS = "deals", "deal", Hooks { stage_history: true, ..NO_HOOKS },
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
        stage: Stage = default, Enum(Stage::TEXTS), "Pipeline stage (default Prospect)",
        probability: i64 = optional, Int { min: 0, max: 100 }, "Probability of closing, 0 to 100",
        close_date: NaiveDate = optional, Date, "Close date, YYYY-MM-DD",
        next_steps: String = optional, Text { max: LONG_MAX }, "Next steps" [no_filter, searched],
    }
    system {}
}

/// One move of a deal from a stage to another (`from` is absent for the deal's creation).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct StageChange {
    pub id: i64,
    pub deal_id: i64,
    pub from_stage: Option<Stage>,
    pub to_stage: Stage,
    #[serde(with = "crate::time")]
    pub changed_at: DateTime<Utc>,
}
