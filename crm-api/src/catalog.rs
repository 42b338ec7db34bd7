//! The fields of each entity as data, for clients that work on records generically: the CLI's
//! per-field flags, CSV columns and table layouts. A test keeps it equal to the server's own
//! column specification.

use crate::{ActivityType, ContactStatus, Priority, Stage};

/// How a field's value is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldKind {
    Id,
    /// Id of a record of the named entity (path segment, `contacts`).
    Link(&'static str),
    Int,
    /// Decimal amount as a string, `12.50`.
    Money,
    Text,
    /// One of these values (matched case-insensitively by the server).
    Enum(&'static [&'static str]),
    /// ISO 4217 code.
    Currency,
    /// `YYYY-MM-DD`.
    Date,
    /// RFC 3339, set by the server.
    Timestamp,
    Bool,
}

#[derive(Debug, Clone, Copy)]
pub struct FieldInfo {
    pub name: &'static str,
    pub kind: FieldKind,
    /// Set by clients (the rest are set by the server).
    pub writable: bool,
    /// Must be given on create.
    pub required: bool,
    pub help: &'static str,
}

const fn w(name: &'static str, kind: FieldKind, help: &'static str) -> FieldInfo {
    FieldInfo { name, kind, writable: true, required: false, help }
}

const fn req(name: &'static str, kind: FieldKind, help: &'static str) -> FieldInfo {
    FieldInfo { name, kind, writable: true, required: true, help }
}

const fn sys(name: &'static str, kind: FieldKind, help: &'static str) -> FieldInfo {
    FieldInfo { name, kind, writable: false, required: false, help }
}

const ID: FieldInfo = sys("id", FieldKind::Id, "Record id");
const END: [FieldInfo; 4] = [
    sys("version", FieldKind::Int, "Row version (the ETag)"),
    sys("created_at", FieldKind::Timestamp, "When it was created"),
    sys("updated_at", FieldKind::Timestamp, "When it last changed"),
    sys("deleted_at", FieldKind::Timestamp, "When it went to the trash"),
];

/// One entity: its path under `/api/crm/`, its names and its fields in column order.
#[derive(Debug, Clone, Copy)]
pub struct EntityInfo {
    pub path: &'static str,
    /// Singular, as in the audit trail.
    pub name: &'static str,
    pub fields: &'static [FieldInfo],
    /// Columns of a list shown as a table, most useful first.
    pub table_columns: &'static [&'static str],
}

impl EntityInfo {
    pub fn field(&self, name: &str) -> Option<&'static FieldInfo> {
        self.fields.iter().find(|f| f.name == name)
    }

    pub fn writable(&self) -> impl Iterator<Item = &'static FieldInfo> {
        self.fields.iter().filter(|f| f.writable)
    }
}

pub const CONTACTS: EntityInfo = EntityInfo {
    path: "contacts",
    name: "contact",
    fields: &[
        ID,
        req("name", FieldKind::Text, "Full name"),
        w("email", FieldKind::Text, "E-mail address"),
        w("phone", FieldKind::Text, "Phone number"),
        w("company", FieldKind::Text, "Company"),
        w("job_title", FieldKind::Text, "Job title"),
        w("status", FieldKind::Enum(ContactStatus::TEXTS), "Status (default Lead)"),
        w("source", FieldKind::Text, "Where the contact came from"),
        w("notes", FieldKind::Text, "Free-form notes"),
        w("rating", FieldKind::Int, "Rating, 0 to 5"),
        END[0],
        END[1],
        END[2],
        END[3],
    ],
    table_columns: &["id", "name", "email", "phone", "company", "status", "rating", "updated_at"],
};

pub const OPPORTUNITIES: EntityInfo = EntityInfo {
    path: "opportunities",
    name: "opportunity",
    fields: &[
        ID,
        w("contact_id", FieldKind::Link("contacts"), "Contact id"),
        req("name", FieldKind::Text, "Name"),
        req("value", FieldKind::Money, "Value, e.g. 1250.00"),
        w("currency", FieldKind::Currency, "ISO 4217 currency code (default USD)"),
        w("probability", FieldKind::Int, "Probability of winning, 0 to 100"),
        w("stage", FieldKind::Enum(Stage::TEXTS), "Pipeline stage (default Prospect)"),
        w("expected_close_date", FieldKind::Date, "Expected close date, YYYY-MM-DD"),
        w("description", FieldKind::Text, "Description"),
        END[0],
        END[1],
        END[2],
        END[3],
    ],
    table_columns: &["id", "name", "value", "stage", "probability", "expected_close_date", "contact_id"],
};

pub const DEALS: EntityInfo = EntityInfo {
    path: "deals",
    name: "deal",
    fields: &[
        ID,
        w("opportunity_id", FieldKind::Link("opportunities"), "Opportunity id"),
        w("contact_id", FieldKind::Link("contacts"), "Contact id"),
        req("name", FieldKind::Text, "Name"),
        req("amount", FieldKind::Money, "Amount, e.g. 1250.00"),
        w("currency", FieldKind::Currency, "ISO 4217 currency code (default USD)"),
        w("stage", FieldKind::Enum(Stage::TEXTS), "Pipeline stage (default Prospect)"),
        w("probability", FieldKind::Int, "Probability of closing, 0 to 100"),
        w("close_date", FieldKind::Date, "Close date, YYYY-MM-DD"),
        w("next_steps", FieldKind::Text, "Next steps"),
        END[0],
        END[1],
        END[2],
        END[3],
    ],
    table_columns: &["id", "name", "amount", "stage", "probability", "close_date", "contact_id"],
};

pub const ACTIVITIES: EntityInfo = EntityInfo {
    path: "activities",
    name: "activity",
    fields: &[
        ID,
        req("type", FieldKind::Enum(ActivityType::TEXTS), "Kind of activity"),
        w("priority", FieldKind::Enum(Priority::TEXTS), "Priority (default Normal)"),
        w("description", FieldKind::Text, "What is to be done"),
        w("due_date", FieldKind::Date, "Due date, YYYY-MM-DD"),
        w("assigned_to", FieldKind::Text, "Who does it"),
        w("contact_id", FieldKind::Link("contacts"), "Contact id"),
        w("opportunity_id", FieldKind::Link("opportunities"), "Opportunity id"),
        w("completed", FieldKind::Bool, "Done (true or false)"),
        sys("completed_at", FieldKind::Timestamp, "When it was completed"),
        END[0],
        END[1],
        END[2],
        END[3],
    ],
    table_columns: &["id", "type", "priority", "description", "due_date", "completed", "contact_id"],
};

/// Every entity, in the order the CLI lists them.
pub const ENTITIES: [&EntityInfo; 4] = [&CONTACTS, &OPPORTUNITIES, &DEALS, &ACTIVITIES];

/// The entity served under `path`.
pub fn entity(path: &str) -> Option<&'static EntityInfo> {
    ENTITIES.into_iter().find(|e| e.path == path)
}
