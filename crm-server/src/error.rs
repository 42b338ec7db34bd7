//! The one error type of the HTTP layer, rendered as `application/problem+json`.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use crm_api::{FieldError, Problem};

use crate::db::DbError;

pub use crate::request_id::current as request_id;

#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// 422: the request is well-formed but its fields are not acceptable.
    #[error("validation failed")]
    Validation(Vec<FieldError>),
    /// 400: the request cannot be understood.
    #[error("{detail}")]
    BadRequest { detail: String, errors: Vec<FieldError> },
    #[error("{0}")]
    Unauthorized(String),
    #[error("{0}")]
    NotFound(String),
    /// 404 for links to records that do not exist for the caller, naming each field.
    #[error("linked record not found")]
    LinkNotFound(Vec<FieldError>),
    #[error("{0}")]
    Conflict(String),
    /// 409 naming the fields that clash with what is stored (a stage that is not in the
    /// record's pipeline, a name already taken).
    #[error("conflict")]
    ConflictOn(Vec<FieldError>),
    /// 409: a batch of an import came before the one it follows (see
    /// [`crm_api::error::BATCH_OUT_OF_ORDER`]).
    #[error("{0}")]
    OutOfOrder(String),
    #[error("this method is not allowed on this endpoint")]
    MethodNotAllowed,
    #[error("the record changed since the version in If-Match")]
    PreconditionFailed { current_etag: Option<String> },
    #[error("{0}")]
    PayloadTooLarge(String),
    #[error("{0}")]
    UnsupportedMediaType(String),
    /// 503: the server is saturated (no database connection came free in time).
    #[error("{0}")]
    Unavailable(String),
    /// 507: the disk holding the database is full; nothing of the request was written.
    #[error("{0}")]
    InsufficientStorage(String),
    /// 400 for the whole request: it holds a value the database cannot hold (on PostgreSQL, a NUL
    /// character in a text, or one outside the database's encoding) that no check before the
    /// database refused. Never one record's
    /// failure in a batch: the statement that met it has ended the transaction.
    #[error("{0}")]
    Unstorable(String),
    /// Over a rate limit (`crate::limits`): retry after so many seconds.
    #[error("{detail}")]
    RateLimited { detail: String, retry_after: u64 },
    #[error("internal error")]
    Internal(#[from] anyhow::Error),
}

pub type ApiResult<T> = Result<T, ApiError>;

impl ApiError {
    pub fn bad_request(detail: impl Into<String>) -> Self {
        ApiError::BadRequest { detail: detail.into(), errors: Vec::new() }
    }

    /// 400 naming one field (a query parameter).
    pub fn bad_param(field: &str, message: impl Into<String>) -> Self {
        let message = message.into();
        ApiError::BadRequest {
            detail: format!("invalid {field}: {message}"),
            errors: vec![FieldError::new(field, message)],
        }
    }

    pub fn invalid(field: &str, message: impl Into<String>) -> Self {
        ApiError::Validation(vec![FieldError::new(field, message)])
    }

    /// 409 naming one field.
    pub fn conflict_on(field: &str, message: impl Into<String>) -> Self {
        ApiError::ConflictOn(vec![FieldError::new(field, message)])
    }

    /// 404 naming the field whose value names nothing the user has.
    pub fn missing(field: &str, message: impl Into<String>) -> Self {
        ApiError::LinkNotFound(vec![FieldError::new(field, message)])
    }

    pub fn not_found(what: &str) -> Self {
        ApiError::NotFound(format!("{what} not found"))
    }

    pub fn status(&self) -> StatusCode {
        match self {
            ApiError::Validation(_) => StatusCode::UNPROCESSABLE_ENTITY,
            ApiError::BadRequest { .. } | ApiError::Unstorable(_) => StatusCode::BAD_REQUEST,
            ApiError::Unauthorized(_) => StatusCode::UNAUTHORIZED,
            ApiError::NotFound(_) | ApiError::LinkNotFound(_) => StatusCode::NOT_FOUND,
            ApiError::Conflict(_) | ApiError::ConflictOn(_) | ApiError::OutOfOrder(_) => StatusCode::CONFLICT,
            ApiError::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            ApiError::PreconditionFailed { .. } => StatusCode::PRECONDITION_FAILED,
            ApiError::PayloadTooLarge(_) => StatusCode::PAYLOAD_TOO_LARGE,
            ApiError::UnsupportedMediaType(_) => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ApiError::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
            ApiError::InsufficientStorage(_) => StatusCode::INSUFFICIENT_STORAGE,
            ApiError::RateLimited { .. } => StatusCode::TOO_MANY_REQUESTS,
            ApiError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn kind(&self) -> &'static str {
        match self {
            ApiError::Validation(_) => "validation",
            ApiError::BadRequest { .. } | ApiError::Unstorable(_) => "bad-request",
            ApiError::Unauthorized(_) => "unauthorized",
            ApiError::NotFound(_) | ApiError::LinkNotFound(_) => "not-found",
            ApiError::Conflict(_) | ApiError::ConflictOn(_) => "conflict",
            ApiError::OutOfOrder(_) => "batch-out-of-order",
            ApiError::MethodNotAllowed => "method-not-allowed",
            ApiError::PreconditionFailed { .. } => "precondition-failed",
            ApiError::PayloadTooLarge(_) => "payload-too-large",
            ApiError::UnsupportedMediaType(_) => "unsupported-media-type",
            ApiError::Unavailable(_) => "unavailable",
            ApiError::InsufficientStorage(_) => "insufficient-storage",
            ApiError::RateLimited { .. } => "rate-limited",
            ApiError::Internal(_) => "internal",
        }
    }

    /// The body this error is answered with.
    pub fn problem(&self) -> Problem {
        let status = self.status();
        let (detail, errors) = match self {
            ApiError::Validation(errors) => {
                let fields: Vec<_> = errors.iter().map(|e| e.field.as_str()).collect();
                (format!("invalid field(s): {}", fields.join(", ")), errors.clone())
            }
            ApiError::BadRequest { detail, errors } => (detail.clone(), errors.clone()),
            ApiError::LinkNotFound(errors) | ApiError::ConflictOn(errors) => {
                let msgs: Vec<_> = errors.iter().map(|e| format!("{}: {}", e.field, e.message)).collect();
                (msgs.join("; "), errors.clone())
            }
            ApiError::Internal(_) => ("the server failed to handle the request; it has been logged".into(), vec![]),
            other => (other.to_string(), vec![]),
        };
        Problem {
            kind: format!("urn:crm:problem:{}", self.kind()),
            title: status.canonical_reason().unwrap_or("Error").to_string(),
            status: status.as_u16(),
            detail: Some(detail),
            errors,
            request_id: request_id(),
        }
    }
}

impl From<DbError> for ApiError {
    fn from(e: DbError) -> Self {
        match e {
            DbError::Unique(_) => ApiError::Conflict("a record with the same unique value already exists".into()),
            DbError::Busy(why) => {
                tracing::warn!(why, "the database is busy: answering 503");
                ApiError::Unavailable("the server is busy; retry shortly".into())
            }
            DbError::Unavailable(why) => {
                tracing::warn!(why, "the database is unavailable: answering 503");
                ApiError::Unavailable("the database is unavailable; retry shortly".into())
            }
            DbError::Unstorable(why) => {
                tracing::info!(why, "a value the database cannot hold: answering 400");
                ApiError::Unstorable(
                    "the request holds a character the database cannot store or search for (NUL, U+0000, or one outside its encoding)"
                        .into(),
                )
            }
            DbError::Full(why) => {
                tracing::error!(why, "the database is out of space: answering 507");
                ApiError::InsufficientStorage("the server is out of storage space; nothing was written".into())
            }
            other => ApiError::Internal(anyhow::Error::new(other)),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        if let ApiError::Internal(e) = &self {
            tracing::error!(request_id = request_id().unwrap_or_default(), error = format!("{e:#}"), "request failed");
        }
        let problem = self.problem();
        let body = serde_json::to_vec(&problem).unwrap_or_default();
        let mut resp = (self.status(), body).into_response();
        let headers = resp.headers_mut();
        headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(crm_api::error::PROBLEM_JSON));
        match &self {
            ApiError::Unauthorized(msg) => {
                let v = format!(
                    "Bearer realm=\"crm\", error=\"invalid_token\", error_description=\"{}\"",
                    msg.replace('"', "'")
                );
                if let Ok(v) = HeaderValue::from_str(&v) {
                    headers.insert(header::WWW_AUTHENTICATE, v);
                }
            }
            ApiError::Unavailable(_) => {
                headers.insert(header::RETRY_AFTER, HeaderValue::from_static("1"));
            }
            ApiError::RateLimited { retry_after, .. } => {
                headers.insert(header::RETRY_AFTER, HeaderValue::from(*retry_after));
            }
            ApiError::PreconditionFailed { current_etag: Some(tag) } => {
                if let Ok(v) = HeaderValue::from_str(tag) {
                    headers.insert(header::ETAG, v);
                }
            }
            _ => {}
        }
        resp
    }
}
