//! Bulk writes: `POST /api/crm/<entity>/batch` creates or upserts up to 1000 records in one
//! transaction and reports an outcome per record.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::FieldError;

/// Most records in one batch.
pub const MAX_BATCH: usize = 1000;

/// How a batch record finds the stored record it updates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum MatchOn {
    /// Contacts only: the live contact with the same e-mail, case-insensitively.
    Email,
    /// The record's `id` field.
    Id,
    /// Always create.
    None,
}

/// Body of a batch request.
#[derive(Debug, Clone, Default, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct BatchRequest {
    /// The records, as in a create body (plus `id` when matching on id). At most 1000.
    #[schema(schema_with = records)]
    pub records: Vec<serde_json::Value>,
    /// Defaults to `email` for contacts, `none` for the other entities.
    #[serde(default, rename = "match", skip_serializing_if = "Option::is_none")]
    pub match_on: Option<MatchOn>,
    /// Work out and report every outcome, then write nothing.
    #[serde(default)]
    pub dry_run: bool,
    /// The import this batch belongs to (`POST /api/crm/imports`); with `seq`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(schema_with = import_id)]
    pub import_id: Option<i64>,
    /// Position of the batch in its import, from 0: a batch already applied is not applied
    /// again, its first answer is returned.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(schema_with = seq)]
    pub seq: Option<i64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum Outcome {
    Created,
    Updated,
    /// Matched a stored record that already had these values: nothing written.
    Unchanged,
    Failed,
}

/// What happened to one record of the batch.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct BatchItem {
    /// Position of the record in the request, from 0.
    pub index: usize,
    pub outcome: Outcome,
    /// Id of the created or matched record.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<i64>,
    /// Why the record failed, field by field.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<FieldError>,
}

/// Answer of a batch request.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct BatchResponse {
    pub created: usize,
    pub updated: usize,
    pub unchanged: usize,
    pub failed: usize,
    /// Whether nothing was written (`dry_run`).
    pub dry_run: bool,
    pub results: Vec<BatchItem>,
}

impl crate::validate::Validate for BatchRequest {
    fn validate(&self) -> Result<(), Vec<FieldError>> {
        if self.import_id.is_some() != self.seq.is_some() {
            return Err(vec![FieldError::new("seq", "import_id and seq go together")]);
        }
        if self.seq.is_some_and(|s| s < 0) {
            return Err(vec![FieldError::new("seq", "must be 0 or more")]);
        }
        if self.records.len() > MAX_BATCH {
            return Err(vec![FieldError::new(
                "records",
                format!("at most {MAX_BATCH} records a batch (got {})", self.records.len()),
            )]);
        }
        Ok(())
    }
}

fn records() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
    use utoipa::openapi::schema::{ArrayBuilder, ObjectBuilder, SchemaType};
    // Any value: a record that is not an object fails alone, with its reason in the answer.
    ArrayBuilder::new()
        .items(ObjectBuilder::new().schema_type(SchemaType::AnyValue))
        .max_items(Some(MAX_BATCH))
        .description(Some(
            "The records, as in a create body (plus `id` when matching on id); one that is not \
             valid fails alone, with its reasons in its result",
        ))
        .into()
}

fn import_id() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
    crate::validate::schema::id(true)
}

fn seq() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
    crate::validate::schema::range(0, i64::MAX, true)
}
