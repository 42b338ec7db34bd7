//! Each entity described as data: its fields (name, kind with its limits, nullability, who sets
//! them, whether they filter, sort and search) and the rules that differ between entities
//! (hooks). The server's column lists, its filters and search words, the validation, the
//! OpenAPI schemas, the CLI's per-field flags, CSV columns and table layouts all read it.
//!
//! Each entity is declared once, with its wire types, by [`crate::wire::entity!`] in its own
//! module (`contacts.rs`, ...); this module holds the vocabulary and the list.

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
    /// The name of a stage of the record's pipeline (matched case-insensitively, spaces, `-`
    /// and `_` ignored, by the server, which returns its spelling); empty: the first stage.
    StageName,
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
            FieldKind::Text { .. }
                | FieldKind::Email
                | FieldKind::Phone
                | FieldKind::Enum(_)
                | FieldKind::Currency
                | FieldKind::StageName
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
    /// Set by the server, but a create may give it (`created_at`, backdated).
    pub on_create: bool,
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
    pub const fn new(name: &'static str, kind: FieldKind, help: &'static str) -> Self {
        FieldInfo {
            name,
            kind,
            writable: true,
            required: false,
            on_create: false,
            nullable: true,
            filter: true,
            search: false,
            help,
        }
    }
    /// Must be given on create, and may not be null.
    pub const fn required(mut self) -> Self {
        self.required = true;
        self.nullable = false;
        self
    }
    /// May not be null (a default applies when a create leaves it out).
    pub const fn not_null(mut self) -> Self {
        self.nullable = false;
        self
    }
    pub const fn searched(mut self) -> Self {
        self.search = true;
        self
    }
    pub const fn no_filter(mut self) -> Self {
        self.filter = false;
        self
    }
    /// Set by the server.
    pub const fn system(mut self) -> Self {
        self.writable = false;
        self
    }
    /// Set by the server unless a create gives it.
    pub const fn on_create(mut self) -> Self {
        self.on_create = true;
        self
    }
}

/// What differs between entities beyond their fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hooks {
    /// Batches match records on e-mail unless told otherwise.
    pub match_email: bool,
    /// The record sits in a stage of a pipeline (`pipeline_id`, `stage_id`, `stage` by name,
    /// `probability` following the stage unless set, `stage_entered_at`), and every change of
    /// stage (and the first stage) is kept in this stage history.
    pub stages: Option<StageHistory>,
    /// `completed_at` is the time `completed` turned true (cleared when it turns false).
    pub completion_time: bool,
    /// A record linked to a deal (`deal_id`) is activity on it: the deal's `last_activity_at`
    /// follows (a deal with none for too long rots).
    pub deal_activity: bool,
}

/// Where the stage changes of an entity are kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StageHistory {
    /// The history's table.
    pub table: &'static str,
    /// Its column holding the record's id.
    pub key: &'static str,
    /// The record also keeps the furthest open stage it reached (the funnel) and since when
    /// it is idle (rotting): deals.
    pub funnel: bool,
}

/// No hook.
pub const NO_HOOKS: Hooks = Hooks { match_email: false, stages: None, completion_time: false, deal_activity: false };

/// The first field of every entity.
pub const ID: FieldInfo = FieldInfo::new("id", FieldKind::Id, "Record id").not_null().system();
/// The last fields of every entity.
pub const VERSION: FieldInfo =
    FieldInfo::new("version", FieldKind::Int { min: 1, max: i64::MAX }, "Row version (the ETag)")
        .not_null()
        .no_filter()
        .system();
pub const CREATED_AT: FieldInfo =
    FieldInfo::new("created_at", FieldKind::Timestamp, "When it was created (a create may backdate it)")
        .not_null()
        .system()
        .on_create();
pub const UPDATED_AT: FieldInfo =
    FieldInfo::new("updated_at", FieldKind::Timestamp, "When it last changed").not_null().system();
pub const DELETED_AT: FieldInfo =
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

    /// The fields a create may give: the writable ones and `created_at`.
    pub fn creatable(&self) -> impl Iterator<Item = &'static FieldInfo> {
        self.fields.iter().filter(|f| f.writable || f.on_create)
    }
}

pub use crate::activities::ACTIVITIES;
pub use crate::contacts::CONTACTS;
pub use crate::deals::DEALS;
pub use crate::opportunities::OPPORTUNITIES;

/// Every entity, in the order the CLI lists them.
pub const ENTITIES: [&EntityInfo; 4] = [&CONTACTS, &OPPORTUNITIES, &DEALS, &ACTIVITIES];

/// The entity served under `path`.
pub fn entity(path: &str) -> Option<&'static EntityInfo> {
    ENTITIES.into_iter().find(|e| e.path == path)
}
