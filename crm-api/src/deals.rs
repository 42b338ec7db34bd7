//! Deals: sales being closed, moving through the pipeline stages.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::contacts::{LONG_MAX, NAME_MAX};
use crate::patch::{double_option, not_null};
use crate::validate::{Errors, Validate};
use crate::{FieldError, Money, Stage};

/// A stored deal.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Deal {
    pub id: i64,
    pub opportunity_id: Option<i64>,
    pub contact_id: Option<i64>,
    pub name: String,
    pub amount: Money,
    /// ISO 4217 code.
    pub currency: String,
    pub stage: Stage,
    /// 0 to 100 percent.
    pub probability: Option<i64>,
    #[schema(value_type = Option<String>, format = Date)]
    pub close_date: Option<NaiveDate>,
    pub next_steps: Option<String>,
    pub version: i64,
    #[serde(with = "crate::time")]
    pub created_at: DateTime<Utc>,
    #[serde(with = "crate::time")]
    pub updated_at: DateTime<Utc>,
    #[serde(default, with = "crate::time::option")]
    pub deleted_at: Option<DateTime<Utc>>,
}

/// Body of `POST /api/crm/deals`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewDeal {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(schema_with = crate::validate::schema::opt_id)]
    pub opportunity_id: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(schema_with = crate::validate::schema::opt_id)]
    pub contact_id: Option<i64>,
    #[schema(schema_with = crate::validate::schema::name)]
    pub name: String,
    /// Defaults to 0.00.
    #[serde(default)]
    #[schema(schema_with = crate::validate::schema::amount)]
    pub amount: Money,
    /// ISO 4217 code; defaults to USD.
    #[serde(default = "crate::currency::default_code")]
    #[schema(schema_with = crate::validate::schema::currency)]
    pub currency: String,
    /// Defaults to Prospect.
    #[serde(default)]
    pub stage: Stage,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(schema_with = crate::validate::schema::opt_percent)]
    pub probability: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<String>, format = Date)]
    pub close_date: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(schema_with = crate::validate::schema::opt_long)]
    pub next_steps: Option<String>,
}

/// Body of `PUT`/`PATCH /api/crm/deals/:id`: absent fields stay, `null` clears.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DealPatch {
    #[serde(default, deserialize_with = "double_option", skip_serializing_if = "Option::is_none")]
    #[schema(schema_with = crate::validate::schema::opt_id)]
    pub opportunity_id: Option<Option<i64>>,
    #[serde(default, deserialize_with = "double_option", skip_serializing_if = "Option::is_none")]
    #[schema(schema_with = crate::validate::schema::opt_id)]
    pub contact_id: Option<Option<i64>>,
    #[serde(default, deserialize_with = "not_null", skip_serializing_if = "Option::is_none")]
    #[schema(schema_with = crate::validate::schema::name)]
    pub name: Option<String>,
    #[serde(default, deserialize_with = "not_null", skip_serializing_if = "Option::is_none")]
    #[schema(schema_with = crate::validate::schema::amount)]
    pub amount: Option<Money>,
    #[serde(default, deserialize_with = "not_null", skip_serializing_if = "Option::is_none")]
    #[schema(schema_with = crate::validate::schema::currency)]
    pub currency: Option<String>,
    #[serde(default, deserialize_with = "not_null", skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false)]
    pub stage: Option<Stage>,
    #[serde(default, deserialize_with = "double_option", skip_serializing_if = "Option::is_none")]
    #[schema(schema_with = crate::validate::schema::opt_percent)]
    pub probability: Option<Option<i64>>,
    #[serde(default, deserialize_with = "double_option", skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<String>, format = Date)]
    pub close_date: Option<Option<NaiveDate>>,
    #[serde(default, deserialize_with = "double_option", skip_serializing_if = "Option::is_none")]
    #[schema(schema_with = crate::validate::schema::opt_long)]
    pub next_steps: Option<Option<String>>,
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

impl Default for NewDeal {
    fn default() -> Self {
        Self {
            opportunity_id: None,
            contact_id: None,
            name: String::new(),
            amount: Money::default(),
            currency: crate::currency::default_code(),
            stage: Stage::default(),
            probability: None,
            close_date: None,
            next_steps: None,
        }
    }
}

impl Validate for NewDeal {
    fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut e = Errors::default();
        e.id("opportunity_id", self.opportunity_id);
        e.id("contact_id", self.contact_id);
        e.required_text("name", &self.name, NAME_MAX);
        e.money("amount", Some(self.amount));
        e.currency("currency", Some(&self.currency));
        e.range("probability", self.probability, 0, 100);
        e.opt_text("next_steps", self.next_steps.as_deref(), LONG_MAX);
        e.into_result()
    }
}

impl Validate for DealPatch {
    fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut e = Errors::default();
        e.id("opportunity_id", self.opportunity_id.flatten());
        e.id("contact_id", self.contact_id.flatten());
        if let Some(name) = &self.name {
            e.required_text("name", name, NAME_MAX);
        }
        e.money("amount", self.amount);
        e.currency("currency", self.currency.as_deref());
        e.range("probability", self.probability.flatten(), 0, 100);
        e.opt_text("next_steps", self.next_steps.as_ref().and_then(|v| v.as_deref()), LONG_MAX);
        e.into_result()
    }
}
