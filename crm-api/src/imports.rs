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
    pub entity: String,
    /// What is imported, for people: the file name.
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
        if n == 0 || n > 500 {
            errors.push(crate::FieldError::new("name", "must be 1 to 500 characters"));
        }
        if errors.is_empty() { Ok(()) } else { Err(errors) }
    }
}
