//! Top Producer, on the contract INTEGRATIONS.md assumes (no public document exists): an
//! OAuth2 client-credentials token, then contacts and transactions changed since a time, in
//! cursor pages, removals included (`deletedAt`). Incremental: the checkpoint is the latest
//! change read, less a second, so that changes of the same second on both sides of a page's
//! end are read again rather than missed (read again, they are unchanged).

use chrono::{DateTime, Utc};
use crm_api::integrations::Source;
use reqwest::StatusCode;
use serde_json::Value as Json;

use super::mapping::{id, topproducer_contact, topproducer_deal};
use super::{Connector, FetchError, Fields, Page, RemoteRecord, RetryPolicy, Stream, http};

pub const DEFAULT_URL: &str = "https://api.topproducer.com";
pub const PAGE_SIZE: usize = 500;

pub struct TopProducer {
    client: reqwest::Client,
    base: String,
    client_id: String,
    client_secret: String,
    retry: RetryPolicy,
    token: Option<String>,
}

impl TopProducer {
    pub fn new(
        client: reqwest::Client,
        base: &str,
        client_id: String,
        client_secret: String,
        retry: RetryPolicy,
    ) -> TopProducer {
        TopProducer {
            client,
            base: base.trim_end_matches('/').to_string(),
            client_id,
            client_secret,
            retry,
            token: None,
        }
    }

    async fn token(&mut self) -> Result<String, FetchError> {
        if let Some(t) = &self.token {
            return Ok(t.clone());
        }
        let url = format!("{}/oauth/token", self.base);
        let form = [
            ("grant_type", "client_credentials"),
            ("client_id", self.client_id.as_str()),
            ("client_secret", self.client_secret.as_str()),
        ];
        let build = || self.client.post(&url).form(&form).header(reqwest::header::ACCEPT, "application/json");
        let body = http::json(&self.retry, "Top Producer token", build, |status, body| match status {
            StatusCode::BAD_REQUEST | StatusCode::UNAUTHORIZED => {
                FetchError::BadCredentials(format!("Top Producer answered {} ({})", status.as_u16(), body.trim()))
            }
            other => FetchError::Status { what: "Top Producer token".into(), status: other.as_u16() },
        })
        .await?;
        let token = body
            .get("access_token")
            .and_then(Json::as_str)
            .ok_or_else(|| FetchError::Malformed("Top Producer token: no access_token".into()))?
            .to_string();
        self.token = Some(token.clone());
        Ok(token)
    }
}

/// Did the answer say the token is no longer good?
const EXPIRED: &str = "token expired";

impl Connector for TopProducer {
    fn source(&self) -> Source {
        Source::TopProducer
    }

    fn snapshots(&self) -> bool {
        false
    }

    async fn page(
        &mut self,
        stream: Stream,
        checkpoint: Option<&str>,
        next: Option<&str>,
    ) -> Result<Option<Page>, FetchError> {
        let path = match stream {
            Stream::People => "contacts",
            Stream::Deals => "transactions",
        };
        let url = format!("{}/v1/{path}", self.base);
        let what = format!("Top Producer {path}");
        let mut query = vec![("limit", PAGE_SIZE.to_string())];
        if let Some(since) = checkpoint {
            query.push(("updatedSince", since.to_string()));
        }
        if let Some(cursor) = next {
            query.push(("cursor", cursor.to_string()));
        }
        // A token that expired is renewed once.
        let mut renewed = false;
        let body = loop {
            let token = self.token().await?;
            let build = || {
                self.client
                    .get(&url)
                    .query(&query)
                    .bearer_auth(&token)
                    .header(reqwest::header::ACCEPT, "application/json")
            };
            match http::json(&self.retry, &what, build, |status, _| match status {
                StatusCode::UNAUTHORIZED => FetchError::BadCredentials(EXPIRED.into()),
                other => FetchError::Status { what: what.clone(), status: other.as_u16() },
            })
            .await
            {
                Err(FetchError::BadCredentials(m)) if m == EXPIRED && !renewed => {
                    self.token = None;
                    renewed = true;
                }
                Err(FetchError::BadCredentials(_)) => {
                    return Err(FetchError::BadCredentials("Top Producer refused a new token".into()));
                }
                other => break other?,
            }
        };
        let items = body
            .get("data")
            .and_then(Json::as_array)
            .ok_or_else(|| FetchError::Malformed(format!("{what}: no data array")))?;
        let next = body.get("meta").and_then(|m| m.get("nextCursor")).and_then(Json::as_str).map(str::to_string);
        let mut latest: Option<DateTime<Utc>> =
            checkpoint.and_then(|c| DateTime::parse_from_rfc3339(c).ok()).map(|t| t.to_utc());
        let mut records = Vec::with_capacity(items.len());
        for raw in items {
            let Some(external_id) = id(raw, "id") else {
                return Err(FetchError::Malformed(format!("{what}: a record without an id")));
            };
            if let Some(t) =
                raw.get("updatedAt").and_then(Json::as_str).and_then(|t| DateTime::parse_from_rfc3339(t).ok())
            {
                latest = latest.max(Some(t.to_utc()));
            }
            let removed = raw.get("deletedAt").is_some_and(|d| !d.is_null());
            let (fields, unmapped) = match stream {
                Stream::People => {
                    let (p, u) = topproducer_contact(raw, &external_id);
                    (Fields::Person(p), u)
                }
                Stream::Deals => {
                    let (d, u) = topproducer_deal(raw, &external_id);
                    (Fields::Deal(d), u)
                }
            };
            records.push(RemoteRecord { external_id, raw: raw.to_string(), removed, fields, unmapped: unmapped.0 });
        }
        let checkpoint =
            latest.map(|t| (t - chrono::Duration::seconds(1)).to_rfc3339_opts(chrono::SecondsFormat::Secs, true));
        Ok(Some(Page { records, next, checkpoint }))
    }
}
