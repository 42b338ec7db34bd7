//! Opportunities: potential sales, linked to a contact.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::contacts::{LONG_MAX, NAME_MAX};
use crate::patch::{double_option, not_null};
use crate::validate::{Errors, Validate};
use crate::{FieldError, Money, Stage};

/// A stored opportunity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Opportunity {
    pub id: i64,
    pub contact_id: Option<i64>,
    pub name: String,
    pub value: Money,
    /// ISO 4217 code.
    pub currency: String,
    /// 0 to 100 percent.
    pub probability: Option<i64>,
    pub stage: Stage,
    #[schema(value_type = Option<String>, format = Date)]
    pub expected_close_date: Option<NaiveDate>,
    pub description: Option<String>,
    pub version: i64,
    #[serde(with = "crate::time")]
    pub created_at: DateTime<Utc>,
    #[serde(with = "crate::time")]
    pub updated_at: DateTime<Utc>,
    #[serde(default, with = "crate::time::option")]
    pub deleted_at: Option<DateTime<Utc>>,
}

/// Body of `POST /api/crm/opportunities`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewOpportunity {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(schema_with = crate::validate::schema::opt_id)]
    pub contact_id: Option<i64>,
    #[schema(schema_with = crate::validate::schema::name)]
    pub name: String,
    /// Defaults to 0.00.
    #[serde(default)]
    #[schema(schema_with = crate::validate::schema::amount)]
    pub value: Money,
    /// ISO 4217 code; defaults to USD.
    #[serde(default = "crate::currency::default_code")]
    #[schema(schema_with = crate::validate::schema::currency)]
    pub currency: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(schema_with = crate::validate::schema::opt_percent)]
    pub probability: Option<i64>,
    /// Defaults to Prospect.
    #[serde(default)]
    pub stage: Stage,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<String>, format = Date)]
    pub expected_close_date: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(schema_with = crate::validate::schema::opt_long)]
    pub description: Option<String>,
}

/// Body of `PUT`/`PATCH /api/crm/opportunities/:id`: absent fields stay, `null` clears.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct OpportunityPatch {
    #[serde(default, deserialize_with = "double_option", skip_serializing_if = "Option::is_none")]
    #[schema(schema_with = crate::validate::schema::opt_id)]
    pub contact_id: Option<Option<i64>>,
    #[serde(default, deserialize_with = "not_null", skip_serializing_if = "Option::is_none")]
    #[schema(schema_with = crate::validate::schema::name)]
    pub name: Option<String>,
    #[serde(default, deserialize_with = "not_null", skip_serializing_if = "Option::is_none")]
    #[schema(schema_with = crate::validate::schema::amount)]
    pub value: Option<Money>,
    #[serde(default, deserialize_with = "not_null", skip_serializing_if = "Option::is_none")]
    #[schema(schema_with = crate::validate::schema::currency)]
    pub currency: Option<String>,
    #[serde(default, deserialize_with = "double_option", skip_serializing_if = "Option::is_none")]
    #[schema(schema_with = crate::validate::schema::opt_percent)]
    pub probability: Option<Option<i64>>,
    #[serde(default, deserialize_with = "not_null", skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false)]
    pub stage: Option<Stage>,
    #[serde(default, deserialize_with = "double_option", skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<String>, format = Date)]
    pub expected_close_date: Option<Option<NaiveDate>>,
    #[serde(default, deserialize_with = "double_option", skip_serializing_if = "Option::is_none")]
    #[schema(schema_with = crate::validate::schema::opt_long)]
    pub description: Option<Option<String>>,
}

impl Default for NewOpportunity {
    fn default() -> Self {
        Self {
            contact_id: None,
            name: String::new(),
            value: Money::default(),
            currency: crate::currency::default_code(),
            probability: None,
            stage: Stage::default(),
            expected_close_date: None,
            description: None,
        }
    }
}

impl Validate for NewOpportunity {
    fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut e = Errors::default();
        e.id("contact_id", self.contact_id);
        e.required_text("name", &self.name, NAME_MAX);
        e.money("value", Some(self.value));
        e.currency("currency", Some(&self.currency));
        e.range("probability", self.probability, 0, 100);
        e.opt_text("description", self.description.as_deref(), LONG_MAX);
        e.into_result()
    }
}

impl Validate for OpportunityPatch {
    fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut e = Errors::default();
        e.id("contact_id", self.contact_id.flatten());
        if let Some(name) = &self.name {
            e.required_text("name", name, NAME_MAX);
        }
        e.money("value", self.value);
        e.currency("currency", self.currency.as_deref());
        e.range("probability", self.probability.flatten(), 0, 100);
        e.opt_text("description", self.description.as_ref().and_then(|v| v.as_deref()), LONG_MAX);
        e.into_result()
    }
}
