//! Request extractors whose rejections are problem+json like every other error.

use axum::body::Bytes;
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::StatusCode;
use axum::http::header::{CONTENT_TYPE, IF_MATCH};
use axum::http::request::Parts;
use crm_api::FieldError;
use crm_api::validate::Validate;
use serde::de::DeserializeOwned;

use crate::error::ApiError;

/// A JSON body, rejected with the name of each bad field: unknown fields, wrong types,
/// missing fields and failed validation are 422; malformed JSON is 400; a body over the
/// limit is 413.
pub struct ApiJson<T>(pub T);

impl<S, T> FromRequest<S> for ApiJson<T>
where
    S: Send + Sync,
    T: DeserializeOwned + Validate,
{
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let json_type =
            req.headers().get(CONTENT_TYPE).and_then(|v| v.to_str().ok()).and_then(|v| v.split(';').next()).map(|v| {
                let v = v.trim().to_ascii_lowercase();
                v == "application/json" || (v.starts_with("application/") && v.ends_with("+json"))
            });
        if json_type != Some(true) {
            return Err(ApiError::UnsupportedMediaType(
                "the body must be JSON, sent with Content-Type: application/json".into(),
            ));
        }
        let bytes = Bytes::from_request(req, state).await.map_err(|e| {
            if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
                ApiError::PayloadTooLarge("the body is larger than this endpoint accepts".into())
            } else {
                ApiError::bad_request(format!("could not read the body: {e}"))
            }
        })?;
        let value = parse_json::<T>(&bytes)?;
        value.validate().map_err(ApiError::Validation)?;
        Ok(ApiJson(value))
    }
}

/// Deserializes JSON, naming the field at fault.
pub fn parse_json<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, ApiError> {
    // Structs would also accept a JSON array of their fields in order; bodies are objects.
    if bytes.iter().find(|b| !b.is_ascii_whitespace()).is_some_and(|b| *b != b'{') {
        return Err(ApiError::bad_param("body", "must be a JSON object"));
    }
    let de = &mut serde_json::Deserializer::from_slice(bytes);
    let value = match serde_path_to_error::deserialize(&mut *de) {
        Ok(v) => v,
        Err(e) if is_integral_float(&e) => {
            // `4.0` is an integer in JSON: read again with such numbers as integers.
            let mut json: serde_json::Value = serde_json::from_slice(bytes).map_err(|e| serde_error_plain(&e))?;
            integral_floats_as_integers(&mut json);
            return serde_path_to_error::deserialize(json).map_err(serde_error);
        }
        Err(e) => return Err(serde_error(e)),
    };
    de.end().map_err(|e| serde_error_plain(&e))?;
    Ok(value)
}

fn serde_error_plain(e: &serde_json::Error) -> ApiError {
    let message = strip_position(&e.to_string());
    ApiError::BadRequest {
        detail: format!("the body is not valid JSON: {message}"),
        errors: vec![FieldError::new("body", message)],
    }
}

/// Whether deserializing failed on a float where an integer was expected.
fn is_integral_float(e: &serde_path_to_error::Error<serde_json::Error>) -> bool {
    e.inner().is_data() && e.inner().to_string().starts_with("invalid type: floating point")
}

/// Numbers with no fraction (`4.0`, `1e3`) become integers, so that fields of integers take
/// them as JSON Schema's `integer` does.
fn integral_floats_as_integers(v: &mut serde_json::Value) {
    match v {
        serde_json::Value::Number(n) if n.is_f64() => {
            if let Some(f) = n.as_f64()
                && f.fract() == 0.0
                && f.abs() < 9.0e15
            {
                // Exact: integers up to 2^53 are exact in a float.
                *v = serde_json::Value::from(f as i64);
            }
        }
        serde_json::Value::Array(a) => a.iter_mut().for_each(integral_floats_as_integers),
        serde_json::Value::Object(m) => m.values_mut().for_each(integral_floats_as_integers),
        _ => {}
    }
}

/// Deserializes an already parsed JSON value, naming the field at fault.
pub fn parse_value<T: DeserializeOwned>(value: &serde_json::Value) -> Result<T, ApiError> {
    if !value.is_object() {
        return Err(ApiError::invalid("record", "must be a JSON object"));
    }
    match serde_path_to_error::deserialize(value) {
        Err(e) if is_integral_float(&e) => {
            let mut value = value.clone();
            integral_floats_as_integers(&mut value);
            serde_path_to_error::deserialize(value).map_err(serde_error)
        }
        other => other.map_err(serde_error),
    }
}

fn serde_error(e: serde_path_to_error::Error<serde_json::Error>) -> ApiError {
    let path = e.path().to_string();
    let inner = e.into_inner();
    let message = strip_position(&inner.to_string());
    if !inner.is_data() {
        return ApiError::BadRequest {
            detail: format!("the body is not valid JSON: {message}"),
            errors: vec![FieldError::new("body", message)],
        };
    }
    let field =
        if path.is_empty() || path == "." { backticked(&message).unwrap_or_else(|| "body".into()) } else { path };
    ApiError::Validation(vec![FieldError::new(field, message)])
}

fn strip_position(msg: &str) -> String {
    match msg.rfind(" at line ") {
        Some(i) => msg[..i].to_string(),
        None => msg.to_string(),
    }
}

/// The first `name` in a serde message like "missing field `name`".
fn backticked(msg: &str) -> Option<String> {
    let start = msg.find('`')? + 1;
    let len = msg[start..].find('`')?;
    Some(msg[start..start + len].to_string())
}

/// Query parameters; unknown or malformed ones are 400 naming them. A whole number may be
/// written with a zero fraction (`limit=20.0`): JSON Schema counts it an integer, so a client
/// made from the OpenAPI document may send one.
pub struct ApiQuery<T>(pub T);

impl<S, T> FromRequestParts<S> for ApiQuery<T>
where
    S: Send + Sync,
    T: DeserializeOwned,
{
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        let mut query = parts.uri.query().unwrap_or("").to_string();
        // Each parameter that fails as written and is a whole number with a zero fraction is
        // read again without it; a text parameter never fails, so it is never rewritten.
        let mut tries = query.matches('&').count() + 1;
        loop {
            let de = serde_urlencoded::Deserializer::new(form_urlencoded::parse(query.as_bytes()));
            let e = match serde_path_to_error::deserialize(de) {
                Ok(v) => return Ok(ApiQuery(v)),
                Err(e) => e,
            };
            let path = e.path().to_string();
            if tries > 0
                && let Some(whole) = without_zero_fraction(&query, &path)
            {
                tries -= 1;
                query = whole;
                continue;
            }
            let message = e.into_inner().to_string();
            let field = if path.is_empty() || path == "." {
                backticked(&message).unwrap_or_else(|| "query".into())
            } else {
                path
            };
            return Err(ApiError::BadRequest {
                detail: format!("invalid query parameter {field}: {message}"),
                errors: vec![FieldError::new(field, message)],
            });
        }
    }
}

/// `query` with parameter `name`'s value written without its zero fraction (`20.0` as `20`),
/// when it is a whole number written with one.
fn without_zero_fraction(query: &str, name: &str) -> Option<String> {
    let whole = |v: &str| -> Option<String> {
        let (int, frac) = v.split_once('.')?;
        let digits = int.strip_prefix(['-', '+']).unwrap_or(int);
        let ok = !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) && frac.bytes().all(|b| b == b'0');
        ok.then(|| int.to_string())
    };
    let mut changed = false;
    let mut out = form_urlencoded::Serializer::new(String::new());
    for (k, v) in form_urlencoded::parse(query.as_bytes()) {
        match whole(&v).filter(|_| k == name) {
            Some(w) => {
                changed = true;
                out.append_pair(&k, &w);
            }
            None => {
                out.append_pair(&k, &v);
            }
        }
    }
    changed.then(|| out.finish())
}

/// The id in the path.
pub struct RecordId(pub i64);

impl<S: Send + Sync> FromRequestParts<S> for RecordId {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let axum::extract::Path(raw) = axum::extract::Path::<String>::from_request_parts(parts, state)
            .await
            .map_err(|_| ApiError::bad_param("id", "missing"))?;
        match path_id(&raw) {
            Some(id) => Ok(RecordId(id)),
            None => Err(ApiError::bad_param("id", format!("must be a positive integer (got {raw:?})"))),
        }
    }
}

/// A pipeline's id and one of its stages' ids in the path (`/pipelines/{id}/stages/{stage_id}`).
pub struct StagePath {
    pub pipeline: i64,
    pub stage: i64,
}

impl<S: Send + Sync> FromRequestParts<S> for StagePath {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let axum::extract::Path((pipeline, stage)) =
            axum::extract::Path::<(String, String)>::from_request_parts(parts, state)
                .await
                .map_err(|_| ApiError::bad_param("id", "missing"))?;
        let id = |name: &str, raw: &str| {
            path_id(raw).ok_or_else(|| ApiError::bad_param(name, format!("must be a positive integer (got {raw:?})")))
        };
        Ok(StagePath { pipeline: id("id", &pipeline)?, stage: id("stage_id", &stage)? })
    }
}

/// The secret of a webhook path (`/webhooks/brivity/{token}`).
pub struct WebhookToken(pub String);

impl<S: Send + Sync> FromRequestParts<S> for WebhookToken {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let axum::extract::Path(token) = axum::extract::Path::<String>::from_request_parts(parts, state)
            .await
            .map_err(|_| ApiError::bad_param("token", "missing or not text"))?;
        Ok(WebhookToken(token))
    }
}

/// A positive integer id as a path gives it: `12`, or an integral number written with a
/// fraction or an exponent (`12.0`, `1.2e1`), as JSON Schema counts those integers too.
fn path_id(raw: &str) -> Option<i64> {
    if let Ok(id) = raw.parse::<i64>() {
        return (id > 0).then_some(id);
    }
    let n = raw.parse::<f64>().ok().filter(|n| n.is_finite() && n.fract() == 0.0 && *n >= 1.0)?;
    // Below 2^63 exactly (as i64::MAX rounds up to 2^63 as a float).
    (n < 9_223_372_036_854_775_808.0).then_some(n as i64)
}

/// The version required by `If-Match` (`"<version>"`); `None` when absent or `*`.
pub struct IfMatch(pub Option<i64>);

impl<S: Send + Sync> FromRequestParts<S> for IfMatch {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        let Some(v) = parts.headers.get(IF_MATCH) else {
            return Ok(IfMatch(None));
        };
        let v = v.to_str().map_err(|_| ApiError::bad_param("If-Match", "is not ASCII"))?.trim();
        if v == "*" {
            return Ok(IfMatch(None));
        }
        let version = v
            .strip_prefix('"')
            .and_then(|s| s.strip_suffix('"'))
            .and_then(|s| s.parse::<i64>().ok())
            // An entity tag we never issued cannot match the current one.
            .unwrap_or(-1);
        Ok(IfMatch(Some(version)))
    }
}

/// The client's address, as the limits see it (`crate::limits::Limits::client_of`).
pub struct ClientIp(pub std::net::IpAddr);

impl axum::extract::FromRequestParts<crate::app::AppState> for ClientIp {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        s: &crate::app::AppState,
    ) -> Result<Self, Self::Rejection> {
        Ok(ClientIp(s.limits.client_of(&parts.extensions, &parts.headers)))
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn path_ids_are_positive_integers_however_written() {
        assert_eq!(super::path_id("12"), Some(12));
        assert_eq!(super::path_id("12.0"), Some(12));
        assert_eq!(super::path_id("1.2e1"), Some(12));
        for bad in ["0", "-1", "1.5", "abc", "", "NaN", "inf", "1e30", "0.0"] {
            assert_eq!(super::path_id(bad), None, "{bad}");
        }
    }

    use super::parse_json;

    #[derive(Debug, serde::Deserialize)]
    struct Body {
        n: i64,
        m: Option<i64>,
    }

    #[test]
    fn integral_floats_read_as_integers_and_fractions_are_refused() {
        let b: Body = parse_json(br#"{"n": 4.0, "m": 1e3}"#).expect("integral floats");
        assert_eq!((b.n, b.m), (4, Some(1000)));
        let e = parse_json::<Body>(br#"{"n": 4.5}"#).expect_err("a fraction");
        assert_eq!(e.problem().errors[0].field, "n");
        assert_eq!(e.status().as_u16(), 422);
    }
}
