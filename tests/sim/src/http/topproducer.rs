//! The Top Producer API (INTEGRATIONS.md, "Top Producer"): OAuth client credentials for a
//! bearer token, then contacts and transactions as changes feeds paged by cursor,
//! `{"data": [...], "meta": {"nextCursor": ...}}`.

use std::sync::Arc;

use axum::Router;
use axum::body::Bytes;
use axum::extract::{RawQuery, Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::Response;
use axum::routing::{get, post};
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use serde::Serialize;

use super::faults::{self, before_page, latency};
use super::params::{FeedQuery, encode_cursor};
use super::reply;
use crate::Source::TopProducer;
use crate::feed::{Change, Feed};
use crate::locks::read;
use crate::state::Shared;
use crate::stats::Kind;
use crate::tokens::Check;

/// What a token is said to last, in seconds (it really lasts `token_ttl_requests` requests).
const EXPIRES_IN: u64 = 3600;
const CONTACT_BYTES: usize = 330;
const TRANSACTION_BYTES: usize = 250;

pub(crate) fn router(shared: Arc<Shared>) -> Router<Arc<Shared>> {
    Router::new()
        .route("/oauth/token", post(token))
        .route("/v1/contacts", get(contacts))
        .route("/v1/transactions", get(transactions))
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(middleware::from_fn_with_state(shared, gate))
}

/// What every Top Producer request goes through: counted and delayed by the latency.
async fn gate(State(shared): State<Arc<Shared>>, request: Request, next: Next) -> Response {
    shared.counters.count(TopProducer, Kind::Request);
    latency(&shared).await;
    next.run(request).await
}

async fn not_found(State(shared): State<Arc<Shared>>) -> Response {
    shared.counters.count(TopProducer, Kind::NotFound);
    reply::error(StatusCode::NOT_FOUND, "not_found")
}

async fn method_not_allowed() -> Response {
    reply::error(StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed")
}

#[derive(Serialize)]
struct Grant {
    access_token: String,
    token_type: &'static str,
    expires_in: u64,
}

/// `POST /oauth/token`, form `grant_type=client_credentials&client_id=&client_secret=` (the
/// client may instead come as HTTP Basic): a bearer token, or `401 invalid_client`.
async fn token(State(shared): State<Arc<Shared>>, headers: HeaderMap, body: Bytes) -> Response {
    let form: Vec<(String, String)> = form_urlencoded::parse(&body).into_owned().collect();
    let field = |name: &str| form.iter().rev().find(|(k, _)| k == name).map(|(_, v)| v.as_str());
    match field("grant_type") {
        Some("client_credentials") => {}
        Some(_) => {
            shared.counters.count(TopProducer, Kind::BadRequest);
            return reply::oauth_error(StatusCode::BAD_REQUEST, "unsupported_grant_type", "only client_credentials");
        }
        None => {
            shared.counters.count(TopProducer, Kind::BadRequest);
            return reply::oauth_error(StatusCode::BAD_REQUEST, "invalid_request", "grant_type is missing");
        }
    }
    let (id, secret) = match basic_credentials(&headers) {
        Some(pair) => pair,
        None => {
            (field("client_id").unwrap_or_default().to_string(), field("client_secret").unwrap_or_default().to_string())
        }
    };
    if id != shared.tp_client_id || secret != shared.tp_client_secret {
        shared.counters.count(TopProducer, Kind::Unauthorized);
        return reply::json(StatusCode::UNAUTHORIZED, &serde_json::json!({ "error": "invalid_client" }));
    }
    shared.counters.count(TopProducer, Kind::TokenGrant);
    let grant = Grant { access_token: shared.tokens.grant(), token_type: "Bearer", expires_in: EXPIRES_IN };
    let mut answer = reply::json(StatusCode::OK, &grant);
    answer.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    answer
}

/// The client id and secret of an `Authorization: Basic` header.
fn basic_credentials(headers: &HeaderMap) -> Option<(String, String)> {
    let value = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, encoded) = value.split_once(' ')?;
    if !scheme.eq_ignore_ascii_case("basic") {
        return None;
    }
    let decoded = String::from_utf8(STANDARD.decode(encoded.trim()).ok()?).ok()?;
    let (id, secret) = decoded.split_once(':')?;
    Some((id.to_string(), secret.to_string()))
}

/// Checks the bearer token of a data request and counts the request against it; the answer
/// to send instead when it is missing, unknown or used up.
fn refusal(shared: &Shared, headers: &HeaderMap) -> Option<Response> {
    let token = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split_once(' '))
        .filter(|(scheme, _)| scheme.eq_ignore_ascii_case("bearer"))
        .map(|(_, token)| token.trim());
    let check = match token {
        Some(token) => shared.tokens.spend(token, shared.faults().token_ttl_requests),
        None => Check::Unknown,
    };
    if check == Check::Valid {
        return None;
    }
    shared.counters.count(TopProducer, Kind::Unauthorized);
    let mut answer = reply::json(StatusCode::UNAUTHORIZED, &serde_json::json!({ "error": "invalid_token" }));
    answer.headers_mut().insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer error=\"invalid_token\""));
    Some(answer)
}

/// `GET /v1/contacts?updatedSince=&limit=&cursor=`.
async fn contacts(State(shared): State<Arc<Shared>>, headers: HeaderMap, RawQuery(query): RawQuery) -> Response {
    serve_feed(&shared, &headers, query.as_deref(), "contacts", CONTACT_BYTES, |w| &w.tp_contacts).await
}

/// `GET /v1/transactions?updatedSince=&limit=&cursor=`.
async fn transactions(State(shared): State<Arc<Shared>>, headers: HeaderMap, RawQuery(query): RawQuery) -> Response {
    serve_feed(&shared, &headers, query.as_deref(), "transactions", TRANSACTION_BYTES, |w| &w.tp_transactions).await
}

/// One page of a feed, oldest change first: the records after the query's position, and the
/// cursor of the next page (`null` on the last).
async fn serve_feed<R: Change + Serialize>(
    shared: &Shared,
    headers: &HeaderMap,
    query: Option<&str>,
    list: &str,
    record_bytes: usize,
    feed: impl Fn(&crate::world::World) -> &Feed<R>,
) -> Response {
    if let Some(answer) = refusal(shared, headers) {
        return answer;
    }
    let query = match FeedQuery::parse(query, list) {
        Ok(q) => q,
        Err(message) => {
            shared.counters.count(TopProducer, Kind::BadRequest);
            return reply::oauth_error(StatusCode::BAD_REQUEST, "invalid_request", &message);
        }
    };
    let delivery = match before_page(shared, TopProducer).await {
        Ok(d) => d,
        Err(answer) => return answer,
    };
    let (body, n) = {
        let world = read(&shared.world);
        let page = feed(&world).page(query.after, query.limit as usize);
        let next = page.next.map(|p| encode_cursor(list, p));
        (write_page(&page.records, next.as_deref(), record_bytes), page.records.len())
    };
    faults::page(shared, TopProducer, body, n, delivery)
}

/// `{"data": [...], "meta": {"nextCursor": ...}}`.
fn write_page<R: Serialize>(records: &[&R], next: Option<&str>, record_bytes: usize) -> serde_json::Result<Vec<u8>> {
    let mut out = Vec::with_capacity(64 + records.len() * record_bytes);
    out.extend_from_slice(b"{\"data\":");
    reply::write_array(&mut out, records.iter().copied())?;
    out.extend_from_slice(b",\"meta\":{\"nextCursor\":");
    serde_json::to_writer(&mut out, &next)?;
    out.extend_from_slice(b"}}");
    Ok(out)
}
