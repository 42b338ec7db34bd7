//! The faults as a client meets them: the latency of every request, and what falls on a data
//! request (a `429`, a `5xx`, a hang, a page cut off in the middle).

use std::time::Duration;

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::Response;

use super::reply;
use crate::Source;
use crate::config::Fault;
use crate::state::Shared;
use crate::stats::Kind;

/// Waits the configured latency.
pub(crate) async fn latency(shared: &Shared) {
    let ms = shared.faults().latency_ms;
    if ms > 0 {
        tokio::time::sleep(Duration::from_millis(ms)).await;
    }
}

/// How a data request's page is to be sent.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Delivery {
    Whole,
    /// Only the first half of the body.
    Truncated,
}

/// Numbers a data request of `source` and applies the fault that falls on it: either the
/// answer to send instead of the page (`429`, `5xx`), or how to send the page (after waiting,
/// for a hang).
pub(crate) async fn before_page(shared: &Shared, source: Source) -> Result<Delivery, Response> {
    match shared.next_data_request() {
        Fault::None => Ok(Delivery::Whole),
        Fault::RateLimit { retry_after_secs } => {
            shared.counters.count(source, Kind::RateLimited);
            let mut answer = reply::error(StatusCode::TOO_MANY_REQUESTS, "Too Many Requests");
            answer.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from(retry_after_secs));
            Err(answer)
        }
        Fault::Error(status) => {
            shared.counters.count(source, Kind::ServerError);
            Err(reply::error(status, status.canonical_reason().unwrap_or("Server Error")))
        }
        Fault::Hang { ms } => {
            shared.counters.count(source, Kind::Hang);
            tokio::time::sleep(Duration::from_millis(ms)).await;
            Ok(Delivery::Whole)
        }
        Fault::Truncate => {
            shared.counters.count(source, Kind::Truncation);
            Ok(Delivery::Truncated)
        }
    }
}

/// The answer of a page of `records` records written as `body`, sent as `delivery` says.
pub(crate) fn page(
    shared: &Shared,
    source: Source,
    body: serde_json::Result<Vec<u8>>,
    records: usize,
    delivery: Delivery,
) -> Response {
    let mut body = match body {
        Ok(body) => body,
        Err(e) => return reply::error(StatusCode::INTERNAL_SERVER_ERROR, &format!("cannot write the page: {e}")),
    };
    match delivery {
        Delivery::Whole => shared.counters.page(source, records),
        Delivery::Truncated => body.truncate(body.len() / 2),
    }
    reply::bytes(StatusCode::OK, body)
}
