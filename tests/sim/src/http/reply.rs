//! The answers the handlers build: JSON bodies, `{"error": ...}` bodies, raw JSON bytes.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

const JSON: HeaderValue = HeaderValue::from_static("application/json; charset=utf-8");

/// `value` as a JSON body.
pub(crate) fn json(status: StatusCode, value: &impl Serialize) -> Response {
    match serde_json::to_vec(value) {
        Ok(body) => bytes(status, body),
        Err(e) => error(StatusCode::INTERNAL_SERVER_ERROR, &format!("cannot write the answer: {e}")),
    }
}

/// A body already written as JSON (its `Content-Length` is its length).
pub(crate) fn bytes(status: StatusCode, body: Vec<u8>) -> Response {
    (status, [(header::CONTENT_TYPE, JSON)], body).into_response()
}

/// `{"error": message}`.
pub(crate) fn error(status: StatusCode, message: &str) -> Response {
    json(status, &serde_json::json!({ "error": message }))
}

/// `{"error": code, "error_description": description}`, as OAuth errors are written.
pub(crate) fn oauth_error(status: StatusCode, code: &str, description: &str) -> Response {
    json(status, &serde_json::json!({ "error": code, "error_description": description }))
}

/// A JSON array of `items`.
pub(crate) fn array<'a, T: Serialize + 'a>(
    items: impl ExactSizeIterator<Item = &'a T>,
    per_item: usize,
) -> serde_json::Result<Vec<u8>> {
    let mut out = Vec::with_capacity(2 + items.len() * per_item);
    write_array(&mut out, items)?;
    Ok(out)
}

/// Writes a JSON array of `items` to `out`.
pub(crate) fn write_array<'a, T: Serialize + 'a>(
    out: &mut Vec<u8>,
    items: impl Iterator<Item = &'a T>,
) -> serde_json::Result<()> {
    out.push(b'[');
    for (i, item) in items.enumerate() {
        if i > 0 {
            out.push(b',');
        }
        serde_json::to_writer(&mut *out, item)?;
    }
    out.push(b']');
    Ok(())
}
