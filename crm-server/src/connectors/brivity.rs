//! Brivity's public contract (INTEGRATIONS.md): `Authorization: Token token=<API_KEY>`, people
//! in numbered pages of a bare JSON array, no timestamps (every sync is a full refresh), and a
//! transactions endpoint that no public document describes (hypothetical: an account without
//! it has no deals feed).

use crm_api::integrations::Source;
use reqwest::StatusCode;
use serde_json::Value as Json;

use super::mapping::{brivity_deal, brivity_person, id};
use super::{Connector, FetchError, Fields, Page, RemoteRecord, RetryPolicy, Stream, http};

pub const DEFAULT_URL: &str = "https://secure.brivity.com";
/// People or transactions a page (the largest the service is assumed to give).
pub const PAGE_SIZE: usize = 500;

pub struct Brivity {
    client: reqwest::Client,
    base: String,
    api_key: String,
    retry: RetryPolicy,
}

impl Brivity {
    pub fn new(client: reqwest::Client, base: &str, api_key: String, retry: RetryPolicy) -> Brivity {
        Brivity { client, base: base.trim_end_matches('/').to_string(), api_key, retry }
    }
}

impl Connector for Brivity {
    fn source(&self) -> Source {
        Source::Brivity
    }

    fn snapshots(&self) -> bool {
        true
    }

    async fn page(
        &mut self,
        stream: Stream,
        _checkpoint: Option<&str>,
        next: Option<&str>,
    ) -> Result<Option<Page>, FetchError> {
        let page: u64 = next.and_then(|n| n.parse().ok()).unwrap_or(1);
        let path = match stream {
            Stream::People => "people",
            // Hypothetical: see the module's documentation.
            Stream::Deals => "transactions",
        };
        let url = format!("{}/api/{path}", self.base);
        let what = format!("Brivity {path} page {page}");
        let build = || {
            self.client
                .get(&url)
                .query(&[("limit", PAGE_SIZE as u64), ("page", page)])
                .header(reqwest::header::AUTHORIZATION, format!("Token token={}", self.api_key))
                .header(reqwest::header::ACCEPT, "application/json")
        };
        let answer = http::json(&self.retry, &what, build, |status, body| match status {
            StatusCode::UNAUTHORIZED => FetchError::BadCredentials(format!("Brivity answered 401 ({})", body.trim())),
            StatusCode::NOT_FOUND | StatusCode::NOT_ACCEPTABLE => {
                FetchError::Status { what: what.clone(), status: status.as_u16() }
            }
            other => FetchError::Status { what: what.clone(), status: other.as_u16() },
        })
        .await;
        let body = match answer {
            Ok(b) => b,
            // No deals feed for this account: not a failure.
            Err(FetchError::Status { status: 404 | 406, .. }) if stream == Stream::Deals => return Ok(None),
            Err(e) => return Err(e),
        };
        let Json::Array(items) = body else {
            return Err(FetchError::Malformed(format!("{what}: not a JSON array")));
        };
        let full = items.len() >= PAGE_SIZE;
        let mut records = Vec::with_capacity(items.len());
        for raw in items {
            let Some(external_id) = id(&raw, "id") else {
                return Err(FetchError::Malformed(format!("{what}: a record without an id")));
            };
            let (fields, unmapped) = match stream {
                Stream::People => {
                    let (p, u) = brivity_person(&raw, &external_id);
                    (Fields::Person(p), u)
                }
                Stream::Deals => {
                    let (d, u) = brivity_deal(&raw, &external_id);
                    (Fields::Deal(d), u)
                }
            };
            records.push(RemoteRecord {
                external_id,
                raw: raw.to_string(),
                removed: false,
                fields,
                unmapped: unmapped.0,
            });
        }
        Ok(Some(Page { records, next: full.then(|| (page + 1).to_string()), checkpoint: None }))
    }
}
