//! Prometheus metrics (`GET /metrics`, or on `CRM_METRICS_BIND` alone): requests by endpoint
//! and status with their latency, the limits' refusals, the database's writer and pools, and
//! sync runs by outcome.
//!
//! Each endpoint's figures are atomics, found for a request by its method and path in a
//! matcher of the endpoints' paths built once (the outermost middleware, `crate::app`, asks):
//! recording a request is a lookup and a few atomic additions, no allocation and no lock. (A
//! layer on each route cost GET-by-id 5%: a boxed service cloned per request.)

use std::fmt::Write as _;
use std::sync::atomic::{AtomicU64, Ordering};

use axum::http::Method;

use crate::db::{Db, DbStats};

/// Statuses counted one by one; any other is counted as `other`.
const STATUSES: [u16; 19] =
    [200, 201, 202, 204, 304, 400, 401, 404, 405, 409, 412, 413, 415, 422, 429, 500, 503, 504, 507];

/// Upper bounds of the latency buckets, seconds.
const BUCKETS: [f64; 13] = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 10.0];

/// One endpoint's figures.
struct Figures {
    method: &'static str,
    path: String,
    /// By [`STATUSES`], then other.
    statuses: [AtomicU64; STATUSES.len() + 1],
    /// By [`BUCKETS`], then over the last (not cumulative).
    buckets: [AtomicU64; BUCKETS.len() + 1],
    micros: AtomicU64,
}

/// The server's metrics.
pub struct Metrics {
    endpoints: Vec<Figures>,
    /// Each path's endpoints, by method.
    paths: matchit::Router<Vec<(Method, usize)>>,
    /// Served on an address of their own (`CRM_METRICS_BIND`): the API's `/metrics` is 404.
    pub elsewhere: bool,
}

impl Metrics {
    /// Figures for each endpoint (method, lower case, and path template).
    pub fn new<'a>(endpoints: impl IntoIterator<Item = (&'static str, &'a str)>, elsewhere: bool) -> Metrics {
        let mut by_path: Vec<(String, Vec<(Method, usize)>)> = Vec::new();
        let endpoints: Vec<Figures> = endpoints
            .into_iter()
            .enumerate()
            .map(|(i, (method, path))| {
                let m = Method::from_bytes(method.to_uppercase().as_bytes()).unwrap_or(Method::GET);
                match by_path.iter_mut().find(|(p, _)| p == path) {
                    Some((_, methods)) => methods.push((m, i)),
                    None => by_path.push((path.to_string(), vec![(m, i)])),
                }
                Figures {
                    method,
                    path: path.to_string(),
                    statuses: std::array::from_fn(|_| AtomicU64::new(0)),
                    buckets: std::array::from_fn(|_| AtomicU64::new(0)),
                    micros: AtomicU64::new(0),
                }
            })
            .collect();
        let mut paths = matchit::Router::new();
        for (path, methods) in by_path {
            if let Err(e) = paths.insert(path.clone(), methods) {
                tracing::warn!(path, error = %e, "an endpoint's path is left out of the metrics");
            }
        }
        Metrics { endpoints, paths, elsewhere }
    }

    /// The endpoint a request goes to, if any.
    pub fn endpoint_of(&self, method: &Method, path: &str) -> Option<usize> {
        let found = self.paths.at(path).ok()?;
        found.value.iter().find(|(m, _)| m == method).map(|(_, i)| *i)
    }

    /// Counts an answer of `endpoint` ([`Metrics::endpoint_of`]).
    pub fn record(&self, endpoint: usize, status: u16, took: std::time::Duration) {
        let Some(f) = self.endpoints.get(endpoint) else { return };
        let s = STATUSES.iter().position(|x| *x == status).unwrap_or(STATUSES.len());
        f.statuses[s].fetch_add(1, Ordering::Relaxed);
        let secs = took.as_secs_f64();
        let b = BUCKETS.iter().position(|x| secs <= *x).unwrap_or(BUCKETS.len());
        f.buckets[b].fetch_add(1, Ordering::Relaxed);
        f.micros.fetch_add(u64::try_from(took.as_micros()).unwrap_or(u64::MAX), Ordering::Relaxed);
    }

    /// The text exposition of every metric, given what the other parts count.
    pub fn render(&self, db: &Db, refusals: &[(&'static str, u64)], syncs: &SyncFigures) -> String {
        let mut out = String::with_capacity(16 * 1024);
        self.render_requests(&mut out);
        head(&mut out, "crm_limits_refused_total", "counter", "Requests refused by the limits, by limit");
        for (limit, n) in refusals {
            let _ = writeln!(out, "crm_limits_refused_total{{limit=\"{limit}\"}} {n}");
        }
        render_db(&mut out, &db.stats());
        head(&mut out, "crm_sync_runs_total", "counter", "Sync runs ended in this process, by source and outcome");
        for (source, outcome, n) in &syncs.ended {
            let _ = writeln!(out, "crm_sync_runs_total{{source=\"{source}\",outcome=\"{outcome}\"}} {n}");
        }
        head(&mut out, "crm_sync_runs_running", "gauge", "Sync runs under way in this process");
        let _ = writeln!(out, "crm_sync_runs_running {}", syncs.running);
        out
    }

    fn render_requests(&self, out: &mut String) {
        head(out, "crm_http_requests_total", "counter", "Requests answered, by endpoint and status");
        for f in &self.endpoints {
            for (i, n) in f.statuses.iter().enumerate() {
                let n = n.load(Ordering::Relaxed);
                if n == 0 {
                    continue;
                }
                let status = STATUSES.get(i).map_or_else(|| "other".to_string(), u16::to_string);
                let _ = writeln!(
                    out,
                    "crm_http_requests_total{{method=\"{}\",route=\"{}\",status=\"{status}\"}} {n}",
                    f.method.to_uppercase(),
                    f.path
                );
            }
        }
        head(out, "crm_http_request_duration_seconds", "histogram", "Time to answer, by endpoint");
        for f in &self.endpoints {
            let counts: Vec<u64> = f.buckets.iter().map(|b| b.load(Ordering::Relaxed)).collect();
            let total: u64 = counts.iter().sum();
            if total == 0 {
                continue;
            }
            let labels = format!("method=\"{}\",route=\"{}\"", f.method.to_uppercase(), f.path);
            let mut cumulative = 0;
            for (le, n) in BUCKETS.iter().zip(&counts) {
                cumulative += n;
                let _ = writeln!(out, "crm_http_request_duration_seconds_bucket{{{labels},le=\"{le}\"}} {cumulative}");
            }
            let _ = writeln!(out, "crm_http_request_duration_seconds_bucket{{{labels},le=\"+Inf\"}} {total}");
            let secs = f.micros.load(Ordering::Relaxed) as f64 / 1e6;
            let _ = writeln!(out, "crm_http_request_duration_seconds_sum{{{labels}}} {secs}");
            let _ = writeln!(out, "crm_http_request_duration_seconds_count{{{labels}}} {total}");
        }
    }
}

/// What the sync service counts (`crate::service::sync`).
#[derive(Debug, Default)]
pub struct SyncFigures {
    /// Runs ended: source, outcome, how many.
    pub ended: Vec<(&'static str, &'static str, u64)>,
    pub running: usize,
}

fn head(out: &mut String, name: &str, kind: &str, help: &str) {
    let _ = writeln!(out, "# HELP {name} {help}\n# TYPE {name} {kind}");
}

fn render_db(out: &mut String, s: &DbStats) {
    let mut gauge = |name: &str, help: &str, v: Option<u64>| {
        if let Some(v) = v {
            head(out, name, "gauge", help);
            let _ = writeln!(out, "{name} {v}");
        }
    };
    gauge("crm_db_up", "Whether the database answers (1) or is found down (0)", Some(u64::from(s.up)));
    gauge("crm_sqlite_writer_queue_depth", "Writes waiting for the SQLite writer", s.writer_queue);
    gauge("crm_sqlite_read_connections_in_use", "SQLite reading connections in use", s.read_in_use);
    gauge("crm_sqlite_read_connections_idle", "SQLite reading connections idle", s.read_idle);
    gauge("crm_pg_pool_connections", "PostgreSQL connections of the pool", s.pool_size);
    gauge("crm_pg_pool_connections_idle", "PostgreSQL connections of the pool idle", s.pool_idle);
    if let Some(groups) = &s.writer_groups {
        head(out, "crm_sqlite_writer_group_size", "histogram", "Writes committed together by the SQLite writer");
        let mut cumulative = 0;
        let mut total = 0;
        for (le, n) in groups {
            cumulative += n;
            total = cumulative;
            let _ = writeln!(out, "crm_sqlite_writer_group_size_bucket{{le=\"{le}\"}} {cumulative}");
        }
        let _ = writeln!(out, "crm_sqlite_writer_group_size_bucket{{le=\"+Inf\"}} {total}");
        let _ = writeln!(out, "crm_sqlite_writer_group_size_sum {}", s.writer_writes.unwrap_or(0));
        let _ = writeln!(out, "crm_sqlite_writer_group_size_count {total}");
    }
}
