//! The application: state, middleware and serving.

use std::future::Future;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use axum::Router;
use axum::extract::{DefaultBodyLimit, Request, State};
use axum::http::{HeaderValue, Response};
use axum::middleware::{self, Next};
use tokio::net::TcpListener;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::trace::TraceLayer;

use crate::auth::jwt::JwtKeys;
use crate::config::Config;
use crate::db::Db;
use crate::error::ApiError;
use crate::limits::Limits;
use crate::request_id::REQUEST_ID;

/// Largest request body accepted, in bytes.
pub const BODY_LIMIT: usize = 4 * 1024 * 1024;
/// Largest batch request body, in bytes (1000 records of up to 32 KiB each).
pub const BATCH_BODY_LIMIT: usize = 32 * 1024 * 1024;

#[derive(Clone)]
pub struct AppState {
    pub db: Db,
    pub jwt: Arc<JwtKeys>,
    /// Runs syncs of connected accounts (and holds the keys of their credentials).
    pub sync: Arc<crate::service::sync::Syncer>,
    /// Rate limits of users, addresses, logins (`crate::limits`).
    pub limits: Arc<crate::limits::Limits>,
    /// What `/metrics` shows (`crate::metrics`).
    pub metrics: Arc<crate::metrics::Metrics>,
}

/// Each request in its own span at INFO, with a line when answered (JSON logs); else at DEBUG,
/// which costs nothing at the default level.
static REQUEST_LOGS: AtomicBool = AtomicBool::new(false);

/// Logs every request (its span with the request id, and a line when answered).
pub fn log_requests() {
    REQUEST_LOGS.store(true, Ordering::Relaxed);
}

/// The router with its state and middleware.
pub fn router(state: AppState) -> Router {
    let limits = state.limits.enabled().then(|| Arc::clone(&state.limits));
    let metrics = Arc::clone(&state.metrics);
    with_middleware(crate::http::routes().with_state(state), Outer { limits, metrics: Some(metrics) })
}

/// `/metrics` alone, for its own address (`CRM_METRICS_BIND`).
pub fn metrics_router(state: AppState) -> Router {
    Router::new().route("/metrics", axum::routing::get(crate::http::metrics_text)).with_state(state)
}

/// What the outermost middleware does besides request ids: the limits, the metrics (none of
/// either for the benchmark's bare endpoint).
#[derive(Clone, Default)]
pub struct Outer {
    pub limits: Option<Arc<Limits>>,
    pub metrics: Option<Arc<crate::metrics::Metrics>>,
}

/// The middleware stack every request goes through (also used, without limits and metrics, by
/// the benchmark's bare endpoint, so that it measures the same stack).
pub fn with_middleware(router: Router, outer: Outer) -> Router {
    router
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .layer(CatchPanicLayer::custom(|_| {
            axum::response::IntoResponse::into_response(ApiError::Internal(anyhow::anyhow!("handler panicked")))
        }))
        .layer(middleware::from_fn(refuse_oversized))
        .layer(
            TraceLayer::new_for_http()
                .make_span_with(|req: &Request| {
                    let id = crate::request_id::current().unwrap_or_default();
                    if REQUEST_LOGS.load(Ordering::Relaxed) {
                        tracing::info_span!("request", method = %req.method(), path = %logged_path(req.uri().path()), request_id = %id)
                    } else {
                        tracing::debug_span!("request", method = %req.method(), path = %logged_path(req.uri().path()), request_id = %id)
                    }
                })
                .on_response(|resp: &Response<axum::body::Body>, took: std::time::Duration, _: &tracing::Span| {
                    if REQUEST_LOGS.load(Ordering::Relaxed) {
                        tracing::info!(status = resp.status().as_u16(), micros = took.as_micros() as u64, "answered");
                    }
                }),
        )
        .layer(middleware::from_fn_with_state(outer, request_id))
}

/// Gives every request an id (the client's `X-Request-Id` when it is sane), available to
/// logs, error bodies and audit rows, and echoed in the response; then admits it past the
/// limits (`crate::limits::admit`) and counts its answer in the metrics (in this layer rather
/// than layers of their own, which cost every request a clone of the routes' service).
async fn request_id(State(outer): State<Outer>, req: Request, next: Next) -> Response<axum::body::Body> {
    let observed = outer.metrics.as_ref().and_then(|m| Some((m, m.endpoint_of(req.method(), req.uri().path())?)));
    let started = std::time::Instant::now();
    let id = req
        .headers()
        .get("x-request-id")
        .and_then(|v| v.to_str().ok())
        .filter(|v| {
            !v.is_empty() && v.len() <= 64 && v.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        })
        .map(str::to_string)
        .unwrap_or_else(|| {
            let mut b = [0u8; 8];
            rand::fill(&mut b);
            b.iter().map(|x| format!("{x:02x}")).collect()
        });
    let header = HeaderValue::from_str(&id).ok();
    let limits = outer.limits.clone();
    let mut resp = REQUEST_ID
        .scope(id, async move {
            match &limits {
                Some(l) => crate::limits::admit(l, req, next).await,
                None => next.run(req).await,
            }
        })
        .await;
    if let Some((metrics, endpoint)) = observed {
        metrics.record(endpoint, resp.status().as_u16(), started.elapsed());
    }
    secure(resp.headers_mut());
    if let Some(h) = header {
        resp.headers_mut().insert("x-request-id", h);
    }
    resp
}

/// A request's path as logged: a webhook's path is its secret, and is not written out.
fn logged_path(path: &str) -> std::borrow::Cow<'_, str> {
    const HOOKS: &str = "/api/crm/integrations/webhooks/";
    match path.strip_prefix(HOOKS).and_then(|rest| rest.split_once('/')) {
        Some((source, _)) => format!("{HOOKS}{source}/{{secret}}").into(),
        None => path.into(),
    }
}

/// Headers every answer carries: an API answers JSON, CSV or text, never a page to frame,
/// sniff or cache (`Cache-Control` left as an endpoint set it).
fn secure(headers: &mut axum::http::HeaderMap) {
    use axum::http::header;
    headers.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    headers.insert(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static("default-src 'none'; frame-ancestors 'none'"),
    );
    headers.entry(header::CACHE_CONTROL).or_insert(HeaderValue::from_static("no-store"));
}

/// Cross-origin requests from browsers: refused (no CORS headers) unless `CRM_CORS_ORIGINS`
/// names the origins allowed, which may then call with a token and read the answers' ETag,
/// Retry-After and request id.
fn cors(router: Router, origins: &[HeaderValue]) -> Router {
    use axum::http::{Method, header};
    if origins.is_empty() {
        return router;
    }
    let layer = tower_http::cors::CorsLayer::new()
        .allow_origin(origins.to_vec())
        .allow_methods([Method::GET, Method::POST, Method::PUT, Method::PATCH, Method::DELETE])
        .allow_headers([header::AUTHORIZATION, header::CONTENT_TYPE, header::IF_MATCH, header::ACCEPT])
        .expose_headers([header::ETAG, header::RETRY_AFTER, header::HeaderName::from_static("x-request-id")])
        .max_age(std::time::Duration::from_secs(600));
    router.layer(layer)
}

/// The most a request to `path` may carry.
pub fn body_limit(path: &str) -> usize {
    if path.ends_with("/batch") { BATCH_BODY_LIMIT } else { BODY_LIMIT }
}

/// Refuses a body whose announced length is over the limit before reading any of it (and
/// before a client waiting on `Expect: 100-continue` sends it).
async fn refuse_oversized(req: Request, next: Next) -> Response<axum::body::Body> {
    let limit = body_limit(req.uri().path());
    let announced = req
        .headers()
        .get(axum::http::header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u64>().ok());
    if let Some(len) = announced
        && len > limit as u64
    {
        let msg = format!("the body ({len} bytes) is larger than the {limit} bytes this endpoint accepts");
        return axum::response::IntoResponse::into_response(ApiError::PayloadTooLarge(msg));
    }
    next.run(req).await
}

/// How long a stopping server waits for its sync runs to reach the end of a page.
const SYNC_GRACE: std::time::Duration = std::time::Duration::from_secs(20);

/// What a built server runs besides its router, stopped in order by [`Running::close`].
pub struct Running {
    pub db: Db,
    pub sync: Arc<crate::service::sync::Syncer>,
    /// `/metrics` alone, to serve on `CRM_METRICS_BIND`.
    pub metrics: Router,
}

impl Running {
    /// Once the router has stopped (its requests answered): the sync runs under way end at
    /// their next page, recorded as interrupted with their leases freed, then the database's
    /// writes still queued commit and it closes.
    pub async fn close(self) {
        self.sync.shutdown(SYNC_GRACE).await;
        self.db.close().await;
    }
}

/// Connects to the database (applying migrations) and builds the router.
pub async fn build(config: &Config) -> anyhow::Result<(Router, Running)> {
    let db = crate::store::open(&config.database_url, config.max_connections).await?;
    let keys = Arc::new(crate::secrets::load(&config.encryption)?);
    let mut syncer = crate::service::sync::Syncer::new(db.clone(), keys, config.remotes.clone());
    syncer.lease = std::time::Duration::from_secs(config.sync_lease_secs);
    let sync = Arc::new(syncer);
    if config.sync_tick_secs > 0 {
        tokio::spawn(Arc::clone(&sync).schedule(std::time::Duration::from_secs(config.sync_tick_secs)));
    }
    let limits = Arc::new(crate::limits::Limits::new(&config.limits));
    let quiet = Arc::clone(&limits);
    tokio::spawn(async move {
        let mut every = tokio::time::interval(std::time::Duration::from_secs(60));
        loop {
            every.tick().await;
            quiet.forget_quiet();
        }
    });
    let jwt = Arc::new(JwtKeys::new(&config.jwt_secret, config.jwt_ttl_secs));
    let endpoints = crate::http::endpoints();
    let metrics = Arc::new(crate::metrics::Metrics::new(
        endpoints.iter().map(|e| (e.method, e.path.as_str())),
        config.metrics_bind.is_some(),
    ));
    let state = AppState { db: db.clone(), jwt, sync: Arc::clone(&sync), limits, metrics };
    let metrics_only = metrics_router(state.clone());
    Ok((cors(router(state), &config.cors_origins), Running { db, sync, metrics: metrics_only }))
}

/// Serves `router` on `listener` until `shutdown` completes, then finishes in-flight requests.
pub async fn serve(
    listener: TcpListener,
    router: Router,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    // With each connection's peer address, for the limits per client address.
    axum::serve(listener, router.into_make_service_with_connect_info::<std::net::SocketAddr>())
        .with_graceful_shutdown(shutdown)
        .await
}

#[cfg(test)]
mod tests {
    use super::logged_path;

    #[test]
    fn a_webhooks_secret_is_not_logged() {
        assert_eq!(
            logged_path("/api/crm/integrations/webhooks/brivity/s3cr3t-t0ken"),
            "/api/crm/integrations/webhooks/brivity/{secret}"
        );
        assert_eq!(logged_path("/api/crm/contacts/1"), "/api/crm/contacts/1");
    }
}
