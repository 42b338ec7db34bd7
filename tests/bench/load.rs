//! The built-in load generator: `concurrency` keep-alive HTTP/1.1 connections, each sending
//! its next request as soon as the previous answer is read, for a fixed time.

use std::sync::Arc;
use std::time::{Duration, Instant};

use hdrhistogram::Histogram;
use http_body_util::{BodyExt, Full};
use hyper::body::Bytes;
use hyper::{Method, Request};
use hyper_util::rt::TokioIo;

/// Makes the `n`th request of a worker: method, path and query, optional JSON body.
pub type MakeRequest = Arc<dyn Fn(u64) -> (Method, String, Option<String>) + Send + Sync>;

pub struct Stats {
    pub requests: u64,
    pub errors: u64,
    pub elapsed: Duration,
    /// Latencies in microseconds.
    pub hist: Histogram<u64>,
    pub first_error: Option<String>,
}

impl Stats {
    pub fn rps(&self) -> f64 {
        self.requests as f64 / self.elapsed.as_secs_f64()
    }
    pub fn ms(&self, q: f64) -> f64 {
        self.hist.value_at_quantile(q) as f64 / 1000.0
    }
}

async fn worker(
    addr: std::net::SocketAddr,
    token: Option<Arc<str>>,
    make: MakeRequest,
    seed: u64,
    deadline: Instant,
) -> anyhow::Result<(u64, u64, Histogram<u64>, Option<String>)> {
    let stream = tokio::net::TcpStream::connect(addr).await?;
    stream.set_nodelay(true)?;
    let (mut sender, conn) = hyper::client::conn::http1::handshake(TokioIo::new(stream)).await?;
    tokio::spawn(async move {
        let _ = conn.await;
    });
    let mut hist = Histogram::<u64>::new_with_bounds(1, 60_000_000, 3)?;
    let (mut ok, mut errors, mut first_error) = (0u64, 0u64, None);
    let mut n = seed;
    while Instant::now() < deadline {
        let (method, path, body) = make(n);
        n += 1;
        let mut rb = Request::builder().method(method).uri(&path).header("host", "127.0.0.1");
        if let Some(t) = &token {
            rb = rb.header("authorization", format!("Bearer {t}"));
        }
        let req = match body {
            Some(b) => rb.header("content-type", "application/json").body(Full::new(Bytes::from(b)))?,
            None => rb.body(Full::new(Bytes::new()))?,
        };
        let start = Instant::now();
        sender.ready().await?;
        let resp = sender.send_request(req).await?;
        let status = resp.status();
        let bytes = resp.into_body().collect().await?.to_bytes();
        let micros = start.elapsed().as_micros() as u64;
        hist.record(micros.max(1))?;
        if status.is_success() {
            ok += 1;
        } else {
            errors += 1;
            if first_error.is_none() {
                first_error =
                    Some(format!("{status} {path}: {}", String::from_utf8_lossy(&bytes[..bytes.len().min(300)])));
            }
        }
    }
    Ok((ok, errors, hist, first_error))
}

/// Drives `make` against `addr` with `concurrency` connections for `duration`.
pub async fn drive(
    addr: std::net::SocketAddr,
    token: Option<&str>,
    make: MakeRequest,
    concurrency: usize,
    duration: Duration,
) -> anyhow::Result<Stats> {
    let token: Option<Arc<str>> = token.map(Arc::from);
    let start = Instant::now();
    let deadline = start + duration;
    let mut tasks = Vec::with_capacity(concurrency);
    for w in 0..concurrency {
        let seed = (w as u64) * 1_000_003;
        tasks.push(tokio::spawn(worker(addr, token.clone(), make.clone(), seed, deadline)));
    }
    let mut hist = Histogram::<u64>::new_with_bounds(1, 60_000_000, 3)?;
    let (mut requests, mut errors, mut first_error) = (0, 0, None);
    for t in tasks {
        let (ok, err, h, fe) = t.await??;
        requests += ok;
        errors += err;
        hist.add(&h)?;
        if first_error.is_none() {
            first_error = fe;
        }
    }
    Ok(Stats { requests, errors, elapsed: start.elapsed(), hist, first_error })
}
