//! Connectors: the HTTP clients of the CRMs contacts and deals are synced from (the contracts
//! are in INTEGRATIONS.md). A connector reads a stream (people, deals) a page at a time and
//! turns each remote record into our vocabulary ([`mapping`]); it knows nothing of the store.
//! The sync ([`crate::service::sync`]) decides what to write.

pub mod brivity;
pub mod http;
pub mod mapping;
pub mod topproducer;

use std::time::Duration;

use crm_api::integrations::Source;

pub use http::RetryPolicy;
pub use mapping::{DealFields, PersonFields, StagePlace};

/// Where the connectors connect, and how patiently.
#[derive(Debug, Clone)]
pub struct Remotes {
    pub brivity_url: String,
    pub topproducer_url: String,
    pub retry: RetryPolicy,
}

impl Default for Remotes {
    fn default() -> Self {
        Remotes {
            brivity_url: brivity::DEFAULT_URL.to_string(),
            topproducer_url: topproducer::DEFAULT_URL.to_string(),
            retry: RetryPolicy::default(),
        }
    }
}

/// The records of a source, read separately: people first, so that deals find their contact.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Stream {
    People,
    Deals,
}

impl Stream {
    pub const ALL: [Stream; 2] = [Stream::People, Stream::Deals];

    /// The name kept with the stream's checkpoint.
    pub fn as_str(self) -> &'static str {
        match self {
            Stream::People => "people",
            Stream::Deals => "deals",
        }
    }

    /// The kind of local record it becomes (`sync_records.kind`).
    pub fn kind(self) -> &'static str {
        match self {
            Stream::People => "contact",
            Stream::Deals => "deal",
        }
    }
}

/// A remote record in our vocabulary.
#[derive(Debug, Clone, PartialEq)]
pub enum Fields {
    Person(PersonFields),
    Deal(DealFields),
}

/// A record as the source sent it, and what it means here.
#[derive(Debug, Clone)]
pub struct RemoteRecord {
    pub external_id: String,
    /// The JSON the source sent, as text (kept in the cache; written out while the last page
    /// is written, off the write's path).
    pub raw: String,
    /// Deleted at the source (an incremental source says so; a snapshot leaves it out).
    pub removed: bool,
    pub fields: Fields,
    /// Values of remote vocabularies that map to nothing of ours: (field, value).
    pub unmapped: Vec<(&'static str, String)>,
}

/// One page of a stream.
#[derive(Debug, Clone, Default)]
pub struct Page {
    pub records: Vec<RemoteRecord>,
    /// Where the next page starts; none after the last.
    pub next: Option<String>,
    /// What to keep, once the page is written, for the next sync to start from (incremental
    /// sources only).
    pub checkpoint: Option<String>,
}

/// Why a fetch failed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FetchError {
    #[error("the source refused the credentials: {0}")]
    BadCredentials(String),
    #[error("{0} timed out")]
    Timeout(String),
    #[error("{0} ended before its end (a truncated page)")]
    Truncated(String),
    #[error("{0}")]
    Network(String),
    #[error("{what} answered {status}")]
    Status { what: String, status: u16 },
    #[error("{0}")]
    Malformed(String),
    #[error("gave up after {attempts} attempts: {last}")]
    GaveUp { attempts: u32, last: String },
}

/// A source's client.
pub trait Connector: Send {
    fn source(&self) -> Source;

    /// Whether reading a stream to its end gives every record the source has, so that a
    /// record left out was removed (a full refresh), rather than the records changed since a
    /// checkpoint (incremental).
    fn snapshots(&self) -> bool;

    /// The page of `stream` at `next` (the first when none), after `checkpoint` for an
    /// incremental source. `Ok(None)`: the account has no such stream.
    fn page(
        &mut self,
        stream: Stream,
        checkpoint: Option<&str>,
        next: Option<&str>,
    ) -> impl Future<Output = Result<Option<Page>, FetchError>> + Send;
}

/// The HTTP client of the connectors (timeouts are per request, in [`RetryPolicy`]).
pub fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .connect_timeout(Duration::from_secs(10))
        .user_agent(concat!("crm-server/", env!("CARGO_PKG_VERSION")))
        .build()
        .unwrap_or_default()
}
