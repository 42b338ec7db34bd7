//! Opportunities: potential sales, linked to a contact.

use chrono::NaiveDate;

use crate::catalog::FieldKind::{Currency, Date, Enum, Int, Link, Money as Amount, Text};
use crate::catalog::{LONG_MAX, NAME_MAX, NO_HOOKS};
use crate::{Money, Stage};

crate::wire::entity! {
    /// Opportunities, served under `/api/crm/opportunities`.
    resource Opportunities;
    /// Opportunities in the catalog.
    info OPPORTUNITIES = "opportunities", "opportunity", NO_HOOKS,
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
        probability: i64 = optional, Int { min: 0, max: 100 }, "Probability of winning, 0 to 100",
        stage: Stage = default, Enum(Stage::TEXTS), "Pipeline stage (default Prospect)",
        expected_close_date: NaiveDate = optional, Date, "Expected close date, YYYY-MM-DD",
        description: String = optional, Text { max: LONG_MAX }, "Description" [no_filter, searched],
    }
    system {}
}
