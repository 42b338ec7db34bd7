//! Integrations: the accounts a user connects (Brivity, Top Producer), the sync runs that pull
//! their contacts and deals in, and the status of each source. The remote contracts are in
//! INTEGRATIONS.md.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::FieldError;
use crate::enums::closed_enum;
use crate::validate::{Errors, Validate};

closed_enum!(
    /// A CRM the contacts and deals come from.
    Source {
        Brivity => "brivity",
        TopProducer => "topproducer",
    } default Brivity
);

closed_enum!(
    /// How a sync run ended, or that it has not yet.
    RunOutcome {
        Running => "running",
        Succeeded => "succeeded",
        Failed => "failed",
    } default Running
);

closed_enum!(
    /// What started a sync run.
    Trigger {
        Manual => "manual",
        Scheduled => "scheduled",
        Webhook => "webhook",
    } default Manual
);

closed_enum!(
    /// Whether the server can read an account's stored credentials: `unreadable` when they
    /// were encrypted under a key the server no longer has (set the right
    /// `CRM_ENCRYPTION_KEY`, or connect the account again).
    Credentials {
        Stored => "stored",
        Unreadable => "unreadable",
    } default Stored
);

/// Longest API key, client id or client secret accepted.
pub const SECRET_MAX: usize = 500;
/// Shortest and longest interval of scheduled syncs, in minutes (5 minutes to a week).
pub const INTERVAL_MIN: i64 = 5;
pub const INTERVAL_MAX: i64 = 10_080;

/// Body of `POST /api/crm/integrations/accounts`: the credentials of one source, stored
/// encrypted and never returned. Connecting a source the user has already connected replaces
/// its credentials.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "source")]
pub enum NewAccount {
    /// A Brivity account, by its API key.
    #[serde(rename = "brivity")]
    Brivity(BrivityCredentials),
    /// A Top Producer account, by OAuth2 client credentials.
    #[serde(rename = "topproducer")]
    TopProducer(TopProducerCredentials),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BrivityCredentials {
    pub api_key: String,
    /// Minutes between scheduled syncs, 5 to 10080; null or absent: no scheduled sync.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sync_interval_minutes: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TopProducerCredentials {
    pub client_id: String,
    pub client_secret: String,
    /// Minutes between scheduled syncs, 5 to 10080; null or absent: no scheduled sync.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sync_interval_minutes: Option<i64>,
}

impl utoipa::PartialSchema for NewAccount {
    /// One object per source, `source` telling which.
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        use utoipa::openapi::schema::{AdditionalProperties, ObjectBuilder, OneOfBuilder, Type};
        let object = |source: Source, secrets: &[&str]| {
            let mut o = ObjectBuilder::new()
                .schema_type(Type::Object)
                .additional_properties(Some(AdditionalProperties::FreeForm(false)))
                .property("source", ObjectBuilder::new().schema_type(Type::String).enum_values(Some([source.as_str()])))
                .required("source");
            for name in secrets {
                o = o.property(*name, crate::validate::schema::required_text(SECRET_MAX)).required(*name);
            }
            o.property("sync_interval_minutes", crate::validate::schema::range(INTERVAL_MIN, INTERVAL_MAX, true))
        };
        OneOfBuilder::new()
            .item(object(Source::Brivity, &["api_key"]))
            .item(object(Source::TopProducer, &["client_id", "client_secret"]))
            .description(Some(
                "The credentials of one source (`source`), and the minutes between scheduled syncs (null: none)",
            ))
            .into()
    }
}

impl ToSchema for NewAccount {
    fn name() -> std::borrow::Cow<'static, str> {
        std::borrow::Cow::Borrowed("NewAccount")
    }
}

impl NewAccount {
    pub fn source(&self) -> Source {
        match self {
            NewAccount::Brivity(_) => Source::Brivity,
            NewAccount::TopProducer(_) => Source::TopProducer,
        }
    }

    pub fn sync_interval_minutes(&self) -> Option<i64> {
        match self {
            NewAccount::Brivity(c) => c.sync_interval_minutes,
            NewAccount::TopProducer(c) => c.sync_interval_minutes,
        }
    }
}

impl Validate for NewAccount {
    fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut e = Errors::default();
        match self {
            NewAccount::Brivity(c) => e.required_text("api_key", &c.api_key, SECRET_MAX),
            NewAccount::TopProducer(c) => {
                e.required_text("client_id", &c.client_id, SECRET_MAX);
                e.required_text("client_secret", &c.client_secret, SECRET_MAX);
            }
        }
        e.range("sync_interval_minutes", self.sync_interval_minutes(), INTERVAL_MIN, INTERVAL_MAX);
        e.into_result()
    }
}

/// A connected source, without its credentials.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Account {
    pub id: i64,
    pub source: Source,
    pub credentials: Credentials,
    /// Minutes between scheduled syncs; null: none.
    pub sync_interval_minutes: Option<i64>,
    /// Brivity: the path (on this server) to subscribe to its `new_lead` event; its secret part
    /// is the account's (keep it private). Null for other sources.
    pub webhook_path: Option<String>,
    #[serde(with = "crate::time")]
    pub created_at: DateTime<Utc>,
    #[serde(with = "crate::time")]
    pub updated_at: DateTime<Utc>,
}

/// A value of a remote vocabulary (a status, a stage, a source, a type) that maps to nothing
/// of ours, and how many records of the run had it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Unmapped {
    /// `status`, `stage`, `source` or `type`.
    pub field: String,
    /// The remote value, as the source wrote it.
    pub value: String,
    pub count: i64,
}

/// One sync of one source: when, how it ended, and what it did.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct SyncRun {
    pub id: i64,
    pub source: Source,
    pub trigger: Trigger,
    pub outcome: RunOutcome,
    #[serde(with = "crate::time")]
    pub started_at: DateTime<Utc>,
    /// Null while it runs.
    #[serde(with = "crate::time::option")]
    pub ended_at: Option<DateTime<Utc>>,
    /// Records read from the source (people and deals).
    pub fetched: i64,
    pub created: i64,
    pub updated: i64,
    /// Read and found as they were at the last sync: nothing written.
    pub unchanged: i64,
    /// Absent from a complete snapshot (or deleted at the source): marked removed, never
    /// deleted here.
    pub removed: i64,
    /// Records the CRM refused (each with its reason in `errors`).
    pub failed: i64,
    /// What went wrong, in words (at most 50).
    pub errors: Vec<String>,
    pub unmapped: Vec<Unmapped>,
}

/// Answer of the sync endpoints: the runs started (202), or finished (`?wait=true`, 200).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct SyncStarted {
    pub runs: Vec<SyncRun>,
}

/// The state of one source for the user.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct SourceStatus {
    pub source: Source,
    /// Whether the user has connected it.
    pub connected: bool,
    /// Null when not connected.
    pub credentials: Option<Credentials>,
    pub sync_interval_minutes: Option<i64>,
    /// The run in progress, if any.
    pub running: Option<i64>,
    pub last_run: Option<SyncRun>,
    /// When the last run that succeeded ended.
    #[serde(with = "crate::time::option")]
    pub last_success_at: Option<DateTime<Utc>>,
    /// Contacts and deals linked to records of the source (removed ones included).
    pub contacts: i64,
    pub deals: i64,
}

/// Answer of `GET /api/crm/integrations/sync-status`: every source, connected or not.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct SyncStatus {
    pub sources: Vec<SourceStatus>,
}

/// Query of the sync endpoints.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct SyncParams {
    /// Answer when the runs have ended (200) instead of at once (202).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wait: Option<bool>,
}

closed_enum!(
    /// The kind of records a view or search covers.
    RecordType {
        Contacts => "contacts",
        Deals => "deals",
    } default Contacts
);

impl RecordType {
    /// The kind of local record (`contact`, `deal`).
    pub fn kind(self) -> &'static str {
        match self {
            RecordType::Contacts => "contact",
            RecordType::Deals => "deal",
        }
    }
}

/// Longest search text.
pub const SEARCH_MAX: usize = 200;

/// Query of `GET /api/crm/integrations/cached-data`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct CachedParams {
    /// Only this source's records; absent: every source's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Source>,
    /// Only contacts or only deals; absent: both.
    #[serde(default, rename = "type", skip_serializing_if = "Option::is_none")]
    #[param(rename = "type")]
    pub kind: Option<RecordType>,
    /// Page size, 1 to 1000 (default 50).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[param(minimum = 1, maximum = 1000)]
    pub limit: Option<u32>,
    /// `next_cursor` of the previous page; empty means none.
    #[serde(default, deserialize_with = "crate::page::empty_is_none", skip_serializing_if = "Option::is_none")]
    #[param(format = "cursor")]
    pub cursor: Option<String>,
}

/// Query of `GET /api/crm/integrations/search`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct SearchParams {
    /// Text to find in what the sources sent (any field, any case): 1 to 200 characters, not
    /// blank; absent, every cached record matches.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[param(schema_with = search_text)]
    pub q: Option<String>,
    /// Only contacts or only deals; absent: both.
    #[serde(default, rename = "type", skip_serializing_if = "Option::is_none")]
    #[param(rename = "type")]
    pub kind: Option<RecordType>,
    /// Page size, 1 to 1000 (default 50).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[param(minimum = 1, maximum = 1000)]
    pub limit: Option<u32>,
    /// `next_cursor` of the previous page; empty means none.
    #[serde(default, deserialize_with = "crate::page::empty_is_none", skip_serializing_if = "Option::is_none")]
    #[param(format = "cursor")]
    pub cursor: Option<String>,
}

fn search_text() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
    crate::validate::schema::required_text(SEARCH_MAX)
}

/// Query of `POST /api/crm/integrations/cache/clear`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ClearParams {
    /// Only this source's cache; absent: every source's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Source>,
}

/// A record as the source last sent it (the cache), and what it is here.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct CachedRecord {
    pub source: Source,
    #[serde(rename = "type")]
    #[schema(rename = "type")]
    pub kind: RecordType,
    /// The source's id of it.
    pub external_id: String,
    /// The contact or deal it is here; null when it could not be written, or was deleted here.
    pub local_id: Option<i64>,
    /// When the source stopped having it.
    #[serde(with = "crate::time::option")]
    pub removed_at: Option<DateTime<Utc>>,
    #[serde(with = "crate::time::option")]
    pub fetched_at: Option<DateTime<Utc>>,
    /// The record as the source sent it.
    pub data: serde_json::Value,
}

/// Where a contact or deal comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Origin {
    pub source: Source,
    pub external_id: String,
    /// When the source stopped having it (the record stays here).
    #[serde(with = "crate::time::option")]
    pub removed_at: Option<DateTime<Utc>>,
}

/// A contact, local or synced, with the sources it comes from (none: made here).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct MergedContact {
    pub record: crate::contacts::Contact,
    pub sources: Vec<Origin>,
}

/// A deal, local or synced, with the sources it comes from (none: made here).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct MergedDeal {
    pub record: crate::deals::Deal,
    pub sources: Vec<Origin>,
}

/// Answer of `POST /api/crm/integrations/cache/clear`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct CacheCleared {
    /// Records whose cached copy was dropped (their links to contacts and deals stay).
    pub cleared: i64,
}

/// Body of a Brivity webhook delivery (`new_lead`): other fields are ignored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct WebhookEvent {
    /// The event's name; only `new_lead` triggers a sync.
    #[schema(schema_with = event_text)]
    pub event: String,
    /// The event's id: a delivery seen before is acknowledged and does nothing.
    #[schema(schema_with = event_id_text)]
    pub id: String,
    /// The new lead (read again by the sync, not from here).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<Object>)]
    pub person: Option<serde_json::Value>,
}

fn event_text() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
    crate::validate::schema::required_text(100)
}

fn event_id_text() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
    crate::validate::schema::required_text(200)
}

impl Validate for WebhookEvent {
    fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut e = Errors::default();
        e.required_text("event", &self.event, 100);
        e.required_text("id", &self.id, 200);
        e.into_result()
    }
}

/// Answer of a webhook delivery.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct WebhookAccepted {
    /// The event was delivered before: nothing done.
    pub duplicate: bool,
    /// The sync it started; null when none did (a duplicate, another event, or a sync
    /// already running).
    pub run_id: Option<i64>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accounts_read_by_source_and_refuse_fields_of_the_other() {
        let b: NewAccount = serde_json::from_str(r#"{"source":"brivity","api_key":"k"}"#).expect("brivity");
        assert_eq!(b.source(), Source::Brivity);
        let t: NewAccount = serde_json::from_str(
            r#"{"source":"topproducer","client_id":"i","client_secret":"s","sync_interval_minutes":60}"#,
        )
        .expect("topproducer");
        assert_eq!(t.sync_interval_minutes(), Some(60));
        assert!(serde_json::from_str::<NewAccount>(r#"{"source":"brivity","api_key":"k","client_id":"x"}"#).is_err());
        assert!(serde_json::from_str::<NewAccount>(r#"{"source":"other","api_key":"k"}"#).is_err());
        let blank = NewAccount::Brivity(BrivityCredentials { api_key: " ".into(), sync_interval_minutes: Some(1) });
        let errors = blank.validate().expect_err("invalid");
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["api_key", "sync_interval_minutes"]);
    }
}
