//! Imports: batches from one file under one id, so that an interrupted import can be resumed
//! (each batch is applied once) and a finished one undone.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// Body of `POST /api/crm/imports`.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewImport {
    /// The entity imported: `contacts`, `opportunities`, `deals` or `activities`.
    #[schema(schema_with = entity)]
    pub entity: String,
    /// What is imported, for people: the file name.
    #[schema(schema_with = import_name)]
    pub name: String,
}

/// An import and what its batches did so far.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Import {
    pub id: i64,
    pub entity: String,
    pub name: String,
    #[serde(with = "crate::time")]
    pub created_at: DateTime<Utc>,
    /// Set once the import has been undone.
    #[serde(default, with = "crate::time::option")]
    pub undone_at: Option<DateTime<Utc>>,
    /// Batches applied.
    pub batches: i64,
    pub created: i64,
    pub updated: i64,
    pub unchanged: i64,
    pub failed: i64,
}

/// A record an undo left alone, and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct UndoSkip {
    pub entity_id: i64,
    pub reason: String,
}

/// Answer of `POST /api/crm/imports/:id/undo`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct UndoReport {
    pub import_id: i64,
    /// Records the import created, now in the trash.
    pub deleted: i64,
    /// Records the import updated, with the fields it changed set back.
    pub reverted: i64,
    /// Records left as they are: changed since the import, or already gone.
    pub skipped: Vec<UndoSkip>,
}

impl crate::validate::Validate for NewImport {
    fn validate(&self) -> Result<(), Vec<crate::FieldError>> {
        let mut errors = Vec::new();
        if !crate::catalog::ENTITIES.iter().any(|e| e.path == self.entity) {
            errors.push(crate::FieldError::new("entity", "must be contacts, opportunities, deals or activities"));
        }
        let n = self.name.trim().chars().count();
        if n == 0 || n > NAME_MAX {
            errors.push(crate::FieldError::new("name", format!("must be 1 to {NAME_MAX} characters")));
        } else if crate::validate::has_control(self.name.trim()) {
            errors.push(crate::FieldError::new("name", "must not contain control characters"));
        }
        if errors.is_empty() { Ok(()) } else { Err(errors) }
    }
}

/// Longest import name, white space around it aside.
const NAME_MAX: usize = 500;

fn entity() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
    let paths = crate::catalog::ENTITIES.iter().map(|e| e.path);
    utoipa::openapi::schema::ObjectBuilder::new()
        .schema_type(utoipa::openapi::schema::Type::String)
        .enum_values(Some(paths))
        .into()
}

fn import_name() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
    // 1 to NAME_MAX characters once the white space around them is trimmed, with no control
    // characters but tab, line feed and carriage return within them.
    let ws = crate::validate::schema::WHITESPACE;
    let cc = crate::validate::schema::CONTROL;
    let inner = NAME_MAX - 2;
    let pattern = format!("^[{ws}]*[^{ws}{cc}](?:[^{cc}]{{0,{inner}}}[^{ws}{cc}])?[{ws}]*$");
    utoipa::openapi::schema::ObjectBuilder::new()
        .schema_type(utoipa::openapi::schema::Type::String)
        .pattern(Some(pattern))
        .description(Some("What is imported, for people: the file name"))
        .into()
}
