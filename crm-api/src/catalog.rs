//! Each entity described once, as data: its fields (name, kind with its limits, nullability,
//! who sets them, whether they filter, sort and search) and the rules that differ between
//! entities (hooks). The server's column lists, its filters and search words, the validation
//! limits, the CLI's per-field flags, CSV columns and table layouts all read it.

use crate::{ActivityType, ContactStatus, Priority, Stage};

/// Longest name of a record.
pub const NAME_MAX: usize = 255;
/// Longest short text (company, job title, assignee).
pub const SHORT_MAX: usize = 255;
/// Longest source of a contact.
pub const SOURCE_MAX: usize = 100;
/// Longest free text (notes, descriptions, next steps).
pub const LONG_MAX: usize = 20_000;
/// Longest phone number.
pub const PHONE_MAX: usize = 32;
/// Longest e-mail address.
pub const EMAIL_MAX: usize = 254;

/// What a field holds, with its limits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldKind {
    Id,
    /// Id of a record of the named entity (its path, `contacts`), of the same user.
    Link(&'static str),
    /// An integer from `min` to `max`.
    Int {
        min: i64,
        max: i64,
    },
    /// Decimal amount as a string, `12.50`, not negative.
    Money,
    /// Text of at most `max` characters.
    Text {
        max: usize,
    },
    /// An e-mail address.
    Email,
    /// A phone number: digits, spaces and `+ - ( ) . x /`.
    Phone,
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

impl FieldKind {
    /// Text of some kind (compared as strings, matched by `like`).
    pub fn is_textual(self) -> bool {
        matches!(
            self,
            FieldKind::Text { .. } | FieldKind::Email | FieldKind::Phone | FieldKind::Enum(_) | FieldKind::Currency
        )
    }

    /// Held as an integer (ids, amounts in minor units, times in microseconds).
    pub fn is_integer(self) -> bool {
        matches!(
            self,
            FieldKind::Id | FieldKind::Link(_) | FieldKind::Int { .. } | FieldKind::Money | FieldKind::Timestamp
        )
    }
}

#[derive(Debug, Clone, Copy)]
pub struct FieldInfo {
    pub name: &'static str,
    pub kind: FieldKind,
    /// Set by clients (the rest are set by the server).
    pub writable: bool,
    /// Must be given on create.
    pub required: bool,
    /// May be null.
    pub nullable: bool,
    /// Usable in `filter=` and `sort=`.
    pub filter: bool,
    /// Its words are found by `q=`.
    pub search: bool,
    pub help: &'static str,
}

impl FieldInfo {
    /// A writable field that may be null, filterable.
    const fn new(name: &'static str, kind: FieldKind, help: &'static str) -> Self {
        FieldInfo { name, kind, writable: true, required: false, nullable: true, filter: true, search: false, help }
    }
    /// Must be given on create, and may not be null.
    const fn required(mut self) -> Self {
        self.required = true;
        self.nullable = false;
        self
    }
    /// May not be null (a default applies when a create leaves it out).
    const fn not_null(mut self) -> Self {
        self.nullable = false;
        self
    }
    const fn searched(mut self) -> Self {
        self.search = true;
        self
    }
    const fn no_filter(mut self) -> Self {
        self.filter = false;
        self
    }
    /// Set by the server.
    const fn system(mut self) -> Self {
        self.writable = false;
        self
    }
}

/// What differs between entities beyond their fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hooks {
    /// Batches match records on e-mail unless told otherwise.
    pub match_email: bool,
    /// Every change of `stage` (and the first stage) is kept in the stage history.
    pub stage_history: bool,
    /// `completed_at` is the time `completed` turned true (cleared when it turns false).
    pub completion_time: bool,
}

const NO_HOOKS: Hooks = Hooks { match_email: false, stage_history: false, completion_time: false };

const ID: FieldInfo = FieldInfo::new("id", FieldKind::Id, "Record id").not_null().system();
const VERSION: FieldInfo =
    FieldInfo::new("version", FieldKind::Int { min: 1, max: i64::MAX }, "Row version (the ETag)")
        .not_null()
        .no_filter()
        .system();
const CREATED_AT: FieldInfo =
    FieldInfo::new("created_at", FieldKind::Timestamp, "When it was created").not_null().system();
const UPDATED_AT: FieldInfo =
    FieldInfo::new("updated_at", FieldKind::Timestamp, "When it last changed").not_null().system();
const DELETED_AT: FieldInfo =
    FieldInfo::new("deleted_at", FieldKind::Timestamp, "When it went to the trash").no_filter().system();

/// One entity: its path under `/api/crm/` (and table), its names, its fields in column order.
#[derive(Debug, Clone, Copy)]
pub struct EntityInfo {
    pub path: &'static str,
    /// Singular, as in the audit trail.
    pub name: &'static str,
    pub fields: &'static [FieldInfo],
    pub hooks: Hooks,
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

use FieldKind::{Bool, Currency, Date, Email, Enum, Link, Money, Phone, Text, Timestamp};

pub const CONTACTS: EntityInfo = EntityInfo {
    path: "contacts",
    name: "contact",
    fields: &[
        ID,
        FieldInfo::new("name", Text { max: NAME_MAX }, "Full name").required().searched(),
        FieldInfo::new("email", Email, "E-mail address").searched(),
        FieldInfo::new("phone", Phone, "Phone number"),
        FieldInfo::new("company", Text { max: SHORT_MAX }, "Company").searched(),
        FieldInfo::new("job_title", Text { max: SHORT_MAX }, "Job title"),
        FieldInfo::new("status", Enum(ContactStatus::TEXTS), "Status (default Lead)").not_null(),
        FieldInfo::new("source", Text { max: SOURCE_MAX }, "Where the contact came from"),
        FieldInfo::new("notes", Text { max: LONG_MAX }, "Free-form notes").no_filter(),
        FieldInfo::new("rating", FieldKind::Int { min: 0, max: 5 }, "Rating, 0 to 5"),
        VERSION,
        CREATED_AT,
        UPDATED_AT,
        DELETED_AT,
    ],
    hooks: Hooks { match_email: true, ..NO_HOOKS },
    table_columns: &["id", "name", "email", "phone", "company", "status", "rating", "updated_at"],
};

pub const OPPORTUNITIES: EntityInfo = EntityInfo {
    path: "opportunities",
    name: "opportunity",
    fields: &[
        ID,
        FieldInfo::new("contact_id", Link("contacts"), "Contact id"),
        FieldInfo::new("name", Text { max: NAME_MAX }, "Name").required().searched(),
        FieldInfo::new("value", Money, "Value, e.g. 1250.00").required(),
        FieldInfo::new("currency", Currency, "ISO 4217 currency code (default USD)").not_null(),
        FieldInfo::new("probability", FieldKind::Int { min: 0, max: 100 }, "Probability of winning, 0 to 100"),
        FieldInfo::new("stage", Enum(Stage::TEXTS), "Pipeline stage (default Prospect)").not_null(),
        FieldInfo::new("expected_close_date", Date, "Expected close date, YYYY-MM-DD"),
        FieldInfo::new("description", Text { max: LONG_MAX }, "Description").no_filter().searched(),
        VERSION,
        CREATED_AT,
        UPDATED_AT,
        DELETED_AT,
    ],
    hooks: NO_HOOKS,
    table_columns: &["id", "name", "value", "stage", "probability", "expected_close_date", "contact_id"],
};

pub const DEALS: EntityInfo = EntityInfo {
    path: "deals",
    name: "deal",
    fields: &[
        ID,
        FieldInfo::new("opportunity_id", Link("opportunities"), "Opportunity id"),
        FieldInfo::new("contact_id", Link("contacts"), "Contact id"),
        FieldInfo::new("name", Text { max: NAME_MAX }, "Name").required().searched(),
        FieldInfo::new("amount", Money, "Amount, e.g. 1250.00").required(),
        FieldInfo::new("currency", Currency, "ISO 4217 currency code (default USD)").not_null(),
        FieldInfo::new("stage", Enum(Stage::TEXTS), "Pipeline stage (default Prospect)").not_null(),
        FieldInfo::new("probability", FieldKind::Int { min: 0, max: 100 }, "Probability of closing, 0 to 100"),
        FieldInfo::new("close_date", Date, "Close date, YYYY-MM-DD"),
        FieldInfo::new("next_steps", Text { max: LONG_MAX }, "Next steps").no_filter().searched(),
        VERSION,
        CREATED_AT,
        UPDATED_AT,
        DELETED_AT,
    ],
    hooks: Hooks { stage_history: true, ..NO_HOOKS },
    table_columns: &["id", "name", "amount", "stage", "probability", "close_date", "contact_id"],
};

pub const ACTIVITIES: EntityInfo = EntityInfo {
    path: "activities",
    name: "activity",
    fields: &[
        ID,
        FieldInfo::new("type", Enum(ActivityType::TEXTS), "Kind of activity").required(),
        FieldInfo::new("priority", Enum(Priority::TEXTS), "Priority (default Normal)").not_null(),
        FieldInfo::new("description", Text { max: LONG_MAX }, "What is to be done").searched(),
        FieldInfo::new("due_date", Date, "Due date, YYYY-MM-DD"),
        FieldInfo::new("assigned_to", Text { max: SHORT_MAX }, "Who does it").searched(),
        FieldInfo::new("contact_id", Link("contacts"), "Contact id"),
        FieldInfo::new("opportunity_id", Link("opportunities"), "Opportunity id"),
        FieldInfo::new("completed", Bool, "Done (true or false)").not_null(),
        FieldInfo::new("completed_at", Timestamp, "When it was completed").system(),
        VERSION,
        CREATED_AT,
        UPDATED_AT,
        DELETED_AT,
    ],
    hooks: Hooks { completion_time: true, ..NO_HOOKS },
    table_columns: &["id", "type", "priority", "description", "due_date", "completed", "contact_id"],
};

/// Every entity, in the order the CLI lists them.
pub const ENTITIES: [&EntityInfo; 4] = [&CONTACTS, &OPPORTUNITIES, &DEALS, &ACTIVITIES];

/// The entity served under `path`.
pub fn entity(path: &str) -> Option<&'static EntityInfo> {
    ENTITIES.into_iter().find(|e| e.path == path)
}
