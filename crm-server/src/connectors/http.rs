//! The HTTP under both connectors: one request with a timeout, retried with exponential backoff
//! and jitter on what may pass (429, 5xx, timeouts, broken connections, a body cut off before
//! its end), honouring `Retry-After`; never on another 4xx.

use std::time::Duration;

use reqwest::{RequestBuilder, StatusCode};
use serde_json::Value as Json;

use super::FetchError;

/// How requests are retried.
#[derive(Debug, Clone, Copy)]
pub struct RetryPolicy {
    /// Attempts of one request, the first included.
    pub attempts: u32,
    /// The first wait; each next one doubles, with up to half again of jitter.
    pub backoff: Duration,
    /// The longest wait, `Retry-After` included.
    pub max_wait: Duration,
    /// How long one request may take.
    pub timeout: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            attempts: 5,
            backoff: Duration::from_millis(500),
            max_wait: Duration::from_secs(60),
            timeout: Duration::from_secs(30),
        }
    }
}

/// What one attempt gave.
enum Attempt {
    Done(Json),
    /// Worth another attempt, after at least this long (a `Retry-After`).
    Again(FetchError, Option<Duration>),
    Fail(FetchError),
}

/// Sends the request `build` makes (again for each attempt) and reads a JSON body. `status`
/// turns an answer that is not a success into an error of the caller's words (401, 404, ...);
/// 429 and 5xx are retried before it is asked.
pub async fn json(
    policy: &RetryPolicy,
    what: &str,
    build: impl Fn() -> RequestBuilder,
    status: impl Fn(StatusCode, &str) -> FetchError,
) -> Result<Json, FetchError> {
    let mut attempt = 0;
    loop {
        attempt += 1;
        let outcome = once(policy, what, build(), &status).await;
        let (error, after) = match outcome {
            Attempt::Done(v) => return Ok(v),
            Attempt::Fail(e) => return Err(e),
            Attempt::Again(e, after) => (e, after),
        };
        if attempt >= policy.attempts {
            return Err(FetchError::GaveUp { attempts: attempt, last: error.to_string() });
        }
        let backoff = policy.backoff.saturating_mul(1 << (attempt - 1).min(16));
        let jitter = backoff.mul_f64(rand::random::<f64>() * 0.5);
        let wait = after.unwrap_or_default().max(backoff + jitter).min(policy.max_wait);
        tracing::debug!(what, attempt, ?wait, error = %error, "retrying");
        tokio::time::sleep(wait).await;
    }
}

async fn once(
    policy: &RetryPolicy,
    what: &str,
    request: RequestBuilder,
    status: &impl Fn(StatusCode, &str) -> FetchError,
) -> Attempt {
    let response = match request.timeout(policy.timeout).send().await {
        Ok(r) => r,
        Err(e) if e.is_timeout() => return Attempt::Again(FetchError::Timeout(what.to_string()), None),
        Err(e) => return Attempt::Again(FetchError::Network(format!("{what}: {}", short(e))), None),
    };
    let code = response.status();
    if code == StatusCode::TOO_MANY_REQUESTS {
        let after = response
            .headers()
            .get(reqwest::header::RETRY_AFTER)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.trim().parse::<u64>().ok())
            .map(Duration::from_secs);
        return Attempt::Again(FetchError::Status { what: what.to_string(), status: code.as_u16() }, after);
    }
    if code.is_server_error() {
        return Attempt::Again(FetchError::Status { what: what.to_string(), status: code.as_u16() }, None);
    }
    let body = match response.bytes().await {
        Ok(b) => b,
        Err(e) if e.is_timeout() => return Attempt::Again(FetchError::Timeout(what.to_string()), None),
        Err(e) => return Attempt::Again(FetchError::Network(format!("{what}: {}", short(e))), None),
    };
    if !code.is_success() {
        return Attempt::Fail(status(code, &String::from_utf8_lossy(&body)));
    }
    match serde_json::from_slice(&body) {
        Ok(v) => Attempt::Done(v),
        // A body cut off in transit reads as JSON that ends too soon: fetch it again.
        Err(e) if e.is_eof() => Attempt::Again(FetchError::Truncated(what.to_string()), None),
        Err(e) => Attempt::Fail(FetchError::Malformed(format!("{what}: {e}"))),
    }
}

/// An error of reqwest without the URL (which may carry a query worth keeping out of logs).
fn short(e: reqwest::Error) -> String {
    let source = std::error::Error::source(&e).map(|s| s.to_string());
    let text = e.without_url().to_string();
    match source {
        Some(s) if !text.contains(&s) => format!("{text}: {s}"),
        _ => text,
    }
}
