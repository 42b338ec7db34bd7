//! Wire types of the CRM HTTP API, shared by the server and every client.
//!
//! With the `client` feature it also provides [`client::Client`], the typed async HTTP client
//! used by the CLI, the TUI and the end-to-end tests.

pub mod activities;
pub mod analytics;
pub mod audit;
pub mod auth;
pub mod batch;
pub mod catalog;
pub mod contacts;
pub mod currency;
pub mod dashboard;
pub mod deals;
pub mod enums;
pub mod error;
pub mod filter;
pub mod imports;
pub mod integrations;
pub mod money;
pub mod opportunities;
pub mod page;
pub mod params;
pub mod patch;
pub mod pipelines;
pub mod resource;
pub mod time;
pub mod timeline;
pub mod validate;
pub mod wire;

#[cfg(feature = "client")]
pub mod client;
#[cfg(feature = "client")]
pub mod profiles;

pub use enums::{ActivityType, ContactStatus, Priority, Stage, StageKind};
pub use error::{FieldError, Problem};
pub use money::Money;
pub use page::{ListParams, Page};

/// Largest page a list endpoint returns.
pub const MAX_LIMIT: u32 = 1000;
/// Page size when `limit` is not given.
pub const DEFAULT_LIMIT: u32 = 50;

/// A JSON value as a CSV field, as exports write it and imports read it back: text as it is,
/// numbers and booleans as JSON writes them, null as the empty field.
pub fn csv_field(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::Null => String::new(),
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}
