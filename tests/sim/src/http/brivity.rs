//! The Brivity API (INTEGRATIONS.md, "Brivity"): every request needs
//! `Authorization: Token token=<key>`; people and transactions come in numbered pages of a
//! bare JSON array; webhooks are registered through event subscriptions; any other path
//! answers `406`.

use std::sync::Arc;

use axum::Router;
use axum::body::Bytes;
use axum::extract::{RawQuery, Request, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::Response;
use axum::routing::{get, post};
use serde::Deserialize;

use super::faults::{self, before_page, latency};
use super::params::Paging;
use super::reply;
use crate::Source::Brivity;
use crate::locks::read;
use crate::state::Shared;
use crate::stats::Kind;

/// Rough size of a person in JSON, to size a page's buffer.
const PERSON_BYTES: usize = 600;
const TRANSACTION_BYTES: usize = 180;

pub(crate) fn router(shared: Arc<Shared>) -> Router<Arc<Shared>> {
    Router::new()
        .route("/api/people", get(people))
        .route("/api/transactions", get(transactions))
        .route("/api/event_subscriptions", post(subscribe))
        .fallback(not_acceptable)
        .method_not_allowed_fallback(not_acceptable)
        .layer(middleware::from_fn_with_state(shared, gate))
}

/// What every Brivity request goes through: counted, delayed by the latency, refused without
/// the key (`401`) or when it does not accept JSON (`406`).
async fn gate(State(shared): State<Arc<Shared>>, request: Request, next: Next) -> Response {
    shared.counters.count(Brivity, Kind::Request);
    latency(&shared).await;
    if !has_key(request.headers(), &shared.brivity_key) {
        shared.counters.count(Brivity, Kind::Unauthorized);
        return reply::error(StatusCode::UNAUTHORIZED, "Bad Credentials");
    }
    if !accepts_json(request.headers()) {
        return not_acceptable_for(&shared);
    }
    next.run(request).await
}

/// `Authorization: Token token=<key>`, exactly.
fn has_key(headers: &HeaderMap, key: &str) -> bool {
    let Some(value) = headers.get(header::AUTHORIZATION) else { return false };
    value.as_bytes().strip_prefix(b"Token token=") == Some(key.as_bytes())
}

/// True unless an `Accept` header names types and JSON is not among them.
fn accepts_json(headers: &HeaderMap) -> bool {
    let accepts: Vec<&str> = headers.get_all(header::ACCEPT).iter().filter_map(|v| v.to_str().ok()).collect();
    accepts.is_empty()
        || accepts.iter().flat_map(|v| v.split(',')).any(|t| {
            let t = t.split(';').next().unwrap_or_default().trim();
            t.is_empty() || t == "*/*" || t == "application/*" || t.eq_ignore_ascii_case("application/json")
        })
}

async fn not_acceptable(State(shared): State<Arc<Shared>>) -> Response {
    not_acceptable_for(&shared)
}

fn not_acceptable_for(shared: &Shared) -> Response {
    shared.counters.count(Brivity, Kind::NotFound);
    reply::error(StatusCode::NOT_ACCEPTABLE, "Not Acceptable")
}

fn bad_request(shared: &Shared, message: &str) -> Response {
    shared.counters.count(Brivity, Kind::BadRequest);
    reply::error(StatusCode::BAD_REQUEST, message)
}

/// `GET /api/people?limit=&page=`: a page of people in the order of their ids.
async fn people(State(shared): State<Arc<Shared>>, RawQuery(query): RawQuery) -> Response {
    let paging = match Paging::parse(query.as_deref()) {
        Ok(p) => p,
        Err(message) => return bad_request(&shared, &message),
    };
    let delivery = match before_page(&shared, Brivity).await {
        Ok(d) => d,
        Err(answer) => return answer,
    };
    let (body, n) = {
        let world = read(&shared.world);
        let page = world.brivity_people_page(paging.page, paging.limit);
        (reply::array(page.iter(), PERSON_BYTES), page.len())
    };
    faults::page(&shared, Brivity, body, n, delivery)
}

/// `GET /api/transactions?limit=&page=`: a page of deals, or `406` when the account has no
/// deals feed.
async fn transactions(State(shared): State<Arc<Shared>>, RawQuery(query): RawQuery) -> Response {
    if shared.faults().brivity_no_deals {
        return not_acceptable_for(&shared);
    }
    let paging = match Paging::parse(query.as_deref()) {
        Ok(p) => p,
        Err(message) => return bad_request(&shared, &message),
    };
    let delivery = match before_page(&shared, Brivity).await {
        Ok(d) => d,
        Err(answer) => return answer,
    };
    let (body, n) = {
        let world = read(&shared.world);
        let page = world.brivity_transactions_page(paging.page, paging.limit);
        (reply::array(page.iter(), TRANSACTION_BYTES), page.len())
    };
    faults::page(&shared, Brivity, body, n, delivery)
}

#[derive(Deserialize)]
struct NewSubscription {
    event: Option<String>,
    target_url: Option<String>,
}

/// `POST /api/event_subscriptions` `{"event": "new_lead", "target_url": "..."}`: `201` with the
/// subscription and its id; `422` for another event or a target that is not an http(s) URL.
async fn subscribe(State(shared): State<Arc<Shared>>, body: Bytes) -> Response {
    let unprocessable = |message: &str| {
        shared.counters.count(Brivity, Kind::BadRequest);
        reply::error(StatusCode::UNPROCESSABLE_ENTITY, message)
    };
    let Ok(new) = serde_json::from_slice::<NewSubscription>(&body) else {
        return unprocessable("the body must be a JSON object with event and target_url");
    };
    if new.event.as_deref() != Some("new_lead") {
        return unprocessable("event must be new_lead");
    }
    let target = new.target_url.unwrap_or_default();
    let valid = reqwest::Url::parse(&target).is_ok_and(|u| matches!(u.scheme(), "http" | "https") && u.has_host());
    if !valid {
        return unprocessable("target_url must be an http or https URL");
    }
    shared.counters.subscription();
    let subscription = shared.webhooks.subscribe("new_lead", &target);
    reply::json(StatusCode::CREATED, &subscription)
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn headers(name: header::HeaderName, value: &'static str) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert(name, HeaderValue::from_static(value));
        h
    }

    #[test]
    fn the_key_must_come_in_the_exact_format() {
        assert!(has_key(&headers(header::AUTHORIZATION, "Token token=k"), "k"));
        assert!(!has_key(&headers(header::AUTHORIZATION, "Token token=k2"), "k"));
        assert!(!has_key(&headers(header::AUTHORIZATION, "Bearer k"), "k"));
        assert!(!has_key(&headers(header::AUTHORIZATION, "token token=k"), "k"));
        assert!(!has_key(&HeaderMap::new(), "k"));
    }

    #[test]
    fn json_is_acceptable_unless_another_type_is_asked_for() {
        assert!(accepts_json(&HeaderMap::new()));
        assert!(accepts_json(&headers(header::ACCEPT, "application/json")));
        assert!(accepts_json(&headers(header::ACCEPT, "text/html, */*;q=0.1")));
        assert!(!accepts_json(&headers(header::ACCEPT, "text/html")));
    }
}
