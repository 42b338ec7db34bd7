//! Contacts: the people a user sells to.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::patch::{double_option, not_null};
use crate::validate::{Errors, Validate};
use crate::{ContactStatus, FieldError};

/// A stored contact.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Contact {
    pub id: i64,
    pub name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub company: Option<String>,
    pub job_title: Option<String>,
    pub status: ContactStatus,
    pub source: Option<String>,
    pub notes: Option<String>,
    /// 0 to 5 stars.
    pub rating: Option<i64>,
    /// Row version; the `ETag` of the record is `"<version>"`.
    pub version: i64,
    #[serde(with = "crate::time")]
    pub created_at: DateTime<Utc>,
    #[serde(with = "crate::time")]
    pub updated_at: DateTime<Utc>,
    /// Set when the record is in the trash.
    #[serde(default, with = "crate::time::option")]
    pub deleted_at: Option<DateTime<Utc>>,
}

/// Body of `POST /api/crm/contacts`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewContact {
    #[schema(schema_with = crate::validate::schema::name)]
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(schema_with = crate::validate::schema::opt_email)]
    pub email: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(schema_with = crate::validate::schema::opt_phone)]
    pub phone: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(schema_with = crate::validate::schema::opt_short)]
    pub company: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(schema_with = crate::validate::schema::opt_short)]
    pub job_title: Option<String>,
    /// Defaults to Lead.
    #[serde(default)]
    pub status: ContactStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(schema_with = crate::validate::schema::opt_source)]
    pub source: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(schema_with = crate::validate::schema::opt_long)]
    pub notes: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(schema_with = crate::validate::schema::opt_rating)]
    pub rating: Option<i64>,
}

/// Body of `PUT`/`PATCH /api/crm/contacts/:id`: absent fields stay, `null` clears.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ContactPatch {
    #[serde(default, deserialize_with = "not_null", skip_serializing_if = "Option::is_none")]
    #[schema(schema_with = crate::validate::schema::name)]
    pub name: Option<String>,
    #[serde(default, deserialize_with = "double_option", skip_serializing_if = "Option::is_none")]
    #[schema(schema_with = crate::validate::schema::opt_email)]
    pub email: Option<Option<String>>,
    #[serde(default, deserialize_with = "double_option", skip_serializing_if = "Option::is_none")]
    #[schema(schema_with = crate::validate::schema::opt_phone)]
    pub phone: Option<Option<String>>,
    #[serde(default, deserialize_with = "double_option", skip_serializing_if = "Option::is_none")]
    #[schema(schema_with = crate::validate::schema::opt_short)]
    pub company: Option<Option<String>>,
    #[serde(default, deserialize_with = "double_option", skip_serializing_if = "Option::is_none")]
    #[schema(schema_with = crate::validate::schema::opt_short)]
    pub job_title: Option<Option<String>>,
    #[serde(default, deserialize_with = "not_null", skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false)]
    pub status: Option<ContactStatus>,
    #[serde(default, deserialize_with = "double_option", skip_serializing_if = "Option::is_none")]
    #[schema(schema_with = crate::validate::schema::opt_source)]
    pub source: Option<Option<String>>,
    #[serde(default, deserialize_with = "double_option", skip_serializing_if = "Option::is_none")]
    #[schema(schema_with = crate::validate::schema::opt_long)]
    pub notes: Option<Option<String>>,
    #[serde(default, deserialize_with = "double_option", skip_serializing_if = "Option::is_none")]
    #[schema(schema_with = crate::validate::schema::opt_rating)]
    pub rating: Option<Option<i64>>,
}

pub(crate) const NAME_MAX: usize = 255;
pub(crate) const SHORT_MAX: usize = 255;
pub(crate) const SOURCE_MAX: usize = 100;
pub(crate) const LONG_MAX: usize = 20_000;

#[allow(clippy::too_many_arguments)]
fn check(
    e: &mut Errors,
    email: Option<&str>,
    phone: Option<&str>,
    company: Option<&str>,
    job_title: Option<&str>,
    source: Option<&str>,
    notes: Option<&str>,
    rating: Option<i64>,
) {
    e.email("email", email);
    e.phone("phone", phone);
    e.opt_text("company", company, SHORT_MAX);
    e.opt_text("job_title", job_title, SHORT_MAX);
    e.opt_text("source", source, SOURCE_MAX);
    e.opt_text("notes", notes, LONG_MAX);
    e.range("rating", rating, 0, 5);
}

impl Validate for NewContact {
    fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut e = Errors::default();
        e.required_text("name", &self.name, NAME_MAX);
        check(
            &mut e,
            self.email.as_deref(),
            self.phone.as_deref(),
            self.company.as_deref(),
            self.job_title.as_deref(),
            self.source.as_deref(),
            self.notes.as_deref(),
            self.rating,
        );
        e.into_result()
    }
}

impl Validate for ContactPatch {
    fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut e = Errors::default();
        if let Some(name) = &self.name {
            e.required_text("name", name, NAME_MAX);
        }
        check(
            &mut e,
            self.email.as_ref().and_then(|v| v.as_deref()),
            self.phone.as_ref().and_then(|v| v.as_deref()),
            self.company.as_ref().and_then(|v| v.as_deref()),
            self.job_title.as_ref().and_then(|v| v.as_deref()),
            self.source.as_ref().and_then(|v| v.as_deref()),
            self.notes.as_ref().and_then(|v| v.as_deref()),
            self.rating.flatten(),
        );
        e.into_result()
    }
}
