//! What one client may ask of the server: requests a second per user (or API token) and per
//! client address, stricter on login and register (password guessing); requests in flight at
//! once (beyond them, 503 at once rather than a queue without end); how long a request may take.
//! Behind a proxy, the client's address comes from `X-Forwarded-For` only when the peer is one
//! of `CRM_TRUSTED_PROXIES`.

use std::net::{IpAddr, SocketAddr};
use std::num::NonZeroU32;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::time::Duration;

use anyhow::Context;
use axum::extract::{ConnectInfo, Request};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};

use crate::error::ApiError;

/// `count` requests per `per`, in a burst or spread out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rate {
    pub count: u32,
    pub per: Duration,
}

impl Rate {
    pub const fn per_second(count: u32) -> Rate {
        Rate { count, per: Duration::from_secs(1) }
    }

    pub const fn per_minute(count: u32) -> Rate {
        Rate { count, per: Duration::from_secs(60) }
    }

    /// `100/s`, `10/min`, or `off` (none), as the environment gives it.
    pub fn parse(name: &str, value: &str) -> anyhow::Result<Option<Rate>> {
        let value = value.trim();
        if value.eq_ignore_ascii_case("off") {
            return Ok(None);
        }
        let bad = || format!("{name} must be a rate like 100/s or 10/min, or off (got {value:?})");
        let (count, unit) = value.split_once('/').with_context(bad)?;
        let count: u32 = count.trim().parse().ok().filter(|n| *n > 0).with_context(bad)?;
        let per = match unit.trim() {
            "s" | "sec" | "second" => Duration::from_secs(1),
            "min" | "minute" => Duration::from_secs(60),
            "h" | "hour" => Duration::from_secs(3600),
            _ => anyhow::bail!(bad()),
        };
        Ok(Some(Rate { count, per }))
    }

    fn quota(self) -> Quota {
        let burst = NonZeroU32::new(self.count).unwrap_or(NonZeroU32::MIN);
        let period = (self.per / self.count.max(1)).max(Duration::from_nanos(1));
        Quota::with_period(period).unwrap_or_else(|| Quota::per_second(burst)).allow_burst(burst)
    }
}

/// An address or a network (`10.0.0.0/8`, `::1`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Net {
    addr: IpAddr,
    prefix: u8,
}

impl Net {
    pub fn parse(text: &str) -> anyhow::Result<Net> {
        let text = text.trim();
        let (addr, prefix) = match text.split_once('/') {
            Some((a, p)) => (a, Some(p)),
            None => (text, None),
        };
        let addr: IpAddr = addr.parse().with_context(|| format!("{text:?} is not an IP address or network"))?;
        let max = if addr.is_ipv4() { 32 } else { 128 };
        let prefix = match prefix {
            Some(p) => p.parse::<u8>().ok().filter(|p| *p <= max).with_context(|| format!("{text:?}: bad prefix"))?,
            None => max,
        };
        Ok(Net { addr, prefix })
    }

    pub fn contains(&self, ip: IpAddr) -> bool {
        let bits = |a: IpAddr| -> (u128, u8) {
            match a {
                IpAddr::V4(v) => (u128::from(u32::from(v)) << 96, 32),
                IpAddr::V6(v) => (u128::from(v), 128),
            }
        };
        let ip = match (self.addr, ip) {
            (IpAddr::V4(_), IpAddr::V6(v)) => v.to_ipv4_mapped().map_or(ip, IpAddr::V4),
            _ => ip,
        };
        let ((net, width), (addr, addr_width)) = (bits(self.addr), bits(ip));
        if width != addr_width {
            return false;
        }
        let mask = if self.prefix == 0 { 0 } else { u128::MAX << (128 - u32::from(self.prefix)) };
        net & mask == addr & mask
    }
}

/// The limits, as configured (`CRM_RATE_*`, `CRM_MAX_IN_FLIGHT`, `CRM_REQUEST_TIMEOUT_SECS`,
/// `CRM_TRUSTED_PROXIES`); a rate of none is no limit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LimitsConfig {
    /// Per user (all their sessions and API tokens).
    pub user: Option<Rate>,
    /// Per client address, before any token is looked at.
    pub address: Option<Rate>,
    /// Logins and registrations per client address.
    pub auth: Option<Rate>,
    /// Logins per account named (whether it exists or not).
    pub login: Option<Rate>,
    pub max_in_flight: usize,
    pub request_timeout: Duration,
    pub trusted_proxies: Vec<Net>,
    /// `CRM_LIMITS=off`: none of these is checked (a gateway in front does it).
    pub enabled: bool,
}

impl Default for LimitsConfig {
    fn default() -> Self {
        LimitsConfig {
            user: Some(Rate::per_second(100)),
            address: Some(Rate::per_second(200)),
            auth: Some(Rate::per_minute(20)),
            login: Some(Rate::per_minute(10)),
            max_in_flight: 1024,
            request_timeout: Duration::from_secs(60),
            trusted_proxies: Vec::new(),
            enabled: true,
        }
    }
}

impl LimitsConfig {
    /// No rate limits (tests and benchmarks that drive one user hard set this).
    pub fn unlimited() -> LimitsConfig {
        LimitsConfig { user: None, address: None, auth: None, login: None, ..LimitsConfig::default() }
    }

    pub fn from_env(var: impl Fn(&str) -> Option<String>) -> anyhow::Result<LimitsConfig> {
        let mut c = LimitsConfig::default();
        for (name, slot) in [
            ("CRM_RATE_USER", &mut c.user),
            ("CRM_RATE_ADDRESS", &mut c.address),
            ("CRM_RATE_AUTH", &mut c.auth),
            ("CRM_RATE_LOGIN", &mut c.login),
        ] {
            if let Some(v) = var(name) {
                *slot = Rate::parse(name, &v)?;
            }
        }
        if let Some(v) = var("CRM_MAX_IN_FLIGHT") {
            c.max_in_flight =
                v.parse().ok().filter(|n| *n > 0).context("CRM_MAX_IN_FLIGHT must be a positive number")?;
        }
        if let Some(v) = var("CRM_REQUEST_TIMEOUT_SECS") {
            let secs: u64 =
                v.parse().ok().filter(|n| *n > 0).context("CRM_REQUEST_TIMEOUT_SECS must be a positive number")?;
            c.request_timeout = Duration::from_secs(secs);
        }
        if let Some(v) = var("CRM_TRUSTED_PROXIES") {
            c.trusted_proxies =
                v.split(',').filter(|s| !s.trim().is_empty()).map(Net::parse).collect::<anyhow::Result<_>>()?;
        }
        match var("CRM_LIMITS").as_deref().map(str::trim) {
            None | Some("on") => {}
            Some("off") => c = LimitsConfig { enabled: false, ..LimitsConfig::unlimited() },
            Some(other) => anyhow::bail!("CRM_LIMITS must be on or off (got {other:?})"),
        }
        Ok(c)
    }
}

type Keyed<K> = Option<DefaultKeyedRateLimiter<K>>;

pub struct Limits {
    user: Keyed<i64>,
    address: Keyed<IpAddr>,
    auth: Keyed<IpAddr>,
    login: Keyed<String>,
    /// Requests being handled, and the most at once.
    in_flight: AtomicUsize,
    max_in_flight: usize,
    timeout: Duration,
    trusted: Vec<Net>,
    /// Requests refused, by [`REFUSALS`].
    refused: [AtomicU64; REFUSALS.len()],
    enabled: bool,
}

/// What a request can be refused for, as the metrics name it.
pub const REFUSALS: [&str; 6] = ["user", "address", "auth", "login", "in_flight", "timeout"];

const USER: usize = 0;
const ADDRESS: usize = 1;
const AUTH: usize = 2;
const LOGIN: usize = 3;
const IN_FLIGHT: usize = 4;
const TIMEOUT: usize = 5;

/// Seconds to wait before `limiter` lets `key` through again, when it does not now.
fn check<K: std::hash::Hash + Eq + Clone>(limiter: &Keyed<K>, key: &K) -> Option<u64> {
    let limiter = limiter.as_ref()?;
    let not_until = limiter.check_key(key).err()?;
    let wait = not_until.wait_time_from(DefaultClock::default().now());
    Some(wait.as_secs() + u64::from(wait.subsec_nanos() > 0)).map(|s| s.max(1))
}

fn limited(what: &str, secs: u64) -> ApiError {
    ApiError::RateLimited { detail: format!("too many requests {what}; retry in {secs} s"), retry_after: secs }
}

impl Limits {
    pub fn new(c: &LimitsConfig) -> Limits {
        fn keyed<K: std::hash::Hash + Eq + Clone>(rate: Option<Rate>) -> Keyed<K> {
            rate.map(|r| RateLimiter::keyed(r.quota()))
        }
        Limits {
            user: keyed(c.user),
            address: keyed(c.address),
            auth: keyed(c.auth),
            login: keyed(c.login),
            in_flight: AtomicUsize::new(0),
            max_in_flight: c.max_in_flight,
            timeout: c.request_timeout,
            trusted: c.trusted_proxies.clone(),
            refused: std::array::from_fn(|_| AtomicU64::new(0)),
            enabled: c.enabled,
        }
    }

    /// Whether requests go through [`admit`] (`CRM_LIMITS` is not off).
    pub fn enabled(&self) -> bool {
        self.enabled
    }

    fn refuse(&self, why: usize, e: ApiError) -> ApiError {
        self.refused[why].fetch_add(1, Ordering::Relaxed);
        e
    }

    /// Requests refused so far, by reason ([`REFUSALS`]).
    pub fn refusals(&self) -> Vec<(&'static str, u64)> {
        REFUSALS.iter().zip(&self.refused).map(|(r, n)| (*r, n.load(Ordering::Relaxed))).collect()
    }

    /// A request of user `user` (checked once the token is).
    pub fn user(&self, user: i64) -> Result<(), ApiError> {
        check(&self.user, &user).map_or(Ok(()), |s| Err(self.refuse(USER, limited("for this account", s))))
    }

    /// A login or a registration from `addr`, for the account `email` (a login's).
    pub fn auth(&self, addr: IpAddr, login_of: Option<&str>) -> Result<(), ApiError> {
        if let Some(s) = check(&self.auth, &addr) {
            return Err(self.refuse(AUTH, limited("to log in or register from this address", s)));
        }
        if let Some(email) = login_of
            && let Some(s) = check(&self.login, &email.trim().to_lowercase())
        {
            return Err(self.refuse(LOGIN, limited("to log in to this account", s)));
        }
        Ok(())
    }

    /// Forgets the keys of clients quiet for a while (run every minute).
    pub fn forget_quiet(&self) {
        fn tidy<K: std::hash::Hash + Eq + Clone>(l: &Keyed<K>) {
            if let Some(l) = l {
                l.retain_recent();
                l.shrink_to_fit();
            }
        }
        tidy(&self.user);
        tidy(&self.address);
        tidy(&self.auth);
        tidy(&self.login);
    }

    /// The client of a request: its peer's address, or what a trusted proxy forwarded
    /// (unspecified when served without peer addresses, as in-process).
    pub fn client_of(&self, extensions: &axum::http::Extensions, headers: &axum::http::HeaderMap) -> IpAddr {
        let peer = extensions.get::<ConnectInfo<SocketAddr>>().map(|c| c.0.ip());
        let forwarded = headers.get("x-forwarded-for").and_then(|v| v.to_str().ok());
        self.client_addr(peer.unwrap_or(IpAddr::from([0, 0, 0, 0])), forwarded)
    }

    /// The client's address: the peer's, or, when the peer is a trusted proxy, the last
    /// address of `X-Forwarded-For` that is not one.
    pub fn client_addr(&self, peer: IpAddr, forwarded: Option<&str>) -> IpAddr {
        let trusted = |ip: IpAddr| self.trusted.iter().any(|n| n.contains(ip));
        if !trusted(peer) {
            return peer;
        }
        let hops = forwarded.map(|f| f.split(',').rev().map(str::trim).collect::<Vec<_>>()).unwrap_or_default();
        for hop in hops {
            match hop.parse::<IpAddr>() {
                Ok(ip) if trusted(ip) => continue,
                Ok(ip) => return ip,
                // A hop that is no address: trust nothing further along.
                Err(_) => break,
            }
        }
        peer
    }
}

/// A request counted in flight until dropped.
struct InFlight<'a>(&'a AtomicUsize);

impl<'a> InFlight<'a> {
    fn enter(limits: &'a Limits) -> Option<InFlight<'a>> {
        if limits.in_flight.fetch_add(1, Ordering::AcqRel) >= limits.max_in_flight {
            limits.in_flight.fetch_sub(1, Ordering::AcqRel);
            return None;
        }
        Some(InFlight(&limits.in_flight))
    }
}

impl Drop for InFlight<'_> {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::AcqRel);
    }
}

/// Paths the limits leave alone: the probes of an orchestrator.
pub fn exempt(path: &str) -> bool {
    matches!(path, "/healthz" | "/readyz")
}

/// Admits a request past the limits: requests in flight, the client address's rate, the time
/// it takes (run by the outermost middleware, `crate::app`).
pub async fn admit(limits: &Limits, req: Request, next: Next) -> Response {
    // A counter rather than a semaphore: releasing a semaphore's permit takes its lock.
    let Some(_permit) = InFlight::enter(limits) else {
        let busy = ApiError::Unavailable("the server is handling as many requests as it takes; retry shortly".into());
        return limits.refuse(IN_FLIGHT, busy).into_response();
    };
    if limits.address.is_some() && !exempt(req.uri().path()) {
        let addr = limits.client_of(req.extensions(), req.headers());
        if let Some(s) = check(&limits.address, &addr) {
            return limits.refuse(ADDRESS, limited("from this address", s)).into_response();
        }
    }
    let deadline = tokio::time::Instant::now() + limits.timeout;
    let mut answer = std::pin::pin!(next.run(req));
    // Most requests are answered at the first poll: they need no timer (arming one for every
    // request cost a tenth of the GET-by-id benchmark's throughput).
    let first = std::future::poll_fn(|cx| match answer.as_mut().poll(cx) {
        std::task::Poll::Ready(resp) => std::task::Poll::Ready(Some(resp)),
        std::task::Poll::Pending => std::task::Poll::Ready(None),
    })
    .await;
    if let Some(resp) = first {
        return resp;
    }
    match tokio::time::timeout_at(deadline, answer).await {
        Ok(resp) => resp,
        Err(_) => {
            let late = ApiError::Unavailable(format!(
                "the request took longer than {} s and was stopped; retry, or ask for less",
                limits.timeout.as_secs()
            ));
            limits.refuse(TIMEOUT, late).into_response()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crm_limits_off_turns_every_limit_off() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |k: &str| pairs.iter().find(|(n, _)| *n == k).map(|(_, v)| v.to_string())
        };
        let off = LimitsConfig::from_env(env(&[("CRM_LIMITS", "off"), ("CRM_RATE_USER", "5/s")])).expect("off");
        assert!(!off.enabled && off.user.is_none() && off.address.is_none() && off.login.is_none());
        assert!(!Limits::new(&off).enabled());
        let on = LimitsConfig::from_env(env(&[("CRM_LIMITS", "on")])).expect("on");
        assert_eq!(on, LimitsConfig::default());
        assert!(LimitsConfig::from_env(env(&[("CRM_LIMITS", "maybe")])).is_err());
    }

    #[test]
    fn rates_read_as_written_and_off_is_none() {
        assert_eq!(Rate::parse("X", "100/s").ok().flatten(), Some(Rate::per_second(100)));
        assert_eq!(Rate::parse("X", " 10/min ").ok().flatten(), Some(Rate::per_minute(10)));
        assert_eq!(Rate::parse("X", "off").ok(), Some(None));
        for bad in ["", "10", "0/s", "x/s", "10/week", "-1/s"] {
            assert!(Rate::parse("X", bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn networks_hold_their_addresses() {
        let n = Net::parse("10.0.0.0/8").expect("a network");
        assert!(n.contains("10.1.2.3".parse().expect("ip")));
        assert!(!n.contains("11.0.0.1".parse().expect("ip")));
        assert!(n.contains("::ffff:10.0.0.9".parse().expect("ip")));
        let one = Net::parse("::1").expect("an address");
        assert!(one.contains("::1".parse().expect("ip")));
        assert!(!one.contains("127.0.0.1".parse().expect("ip")));
        assert!(Net::parse("10.0.0.0/33").is_err());
    }

    #[test]
    fn forwarded_addresses_count_only_behind_a_trusted_proxy() {
        let c =
            LimitsConfig { trusted_proxies: vec![Net::parse("10.0.0.0/8").expect("net")], ..LimitsConfig::default() };
        let l = Limits::new(&c);
        let ip = |s: &str| s.parse::<IpAddr>().expect("ip");
        // Not from a proxy: the header is the client's own say, ignored.
        assert_eq!(l.client_addr(ip("203.0.113.9"), Some("1.2.3.4")), ip("203.0.113.9"));
        // From a proxy: the last hop that is not a proxy.
        assert_eq!(l.client_addr(ip("10.0.0.2"), Some("1.2.3.4, 198.51.100.7, 10.0.0.5")), ip("198.51.100.7"));
        // A proxy with no header (or a bad one) is the client.
        assert_eq!(l.client_addr(ip("10.0.0.2"), None), ip("10.0.0.2"));
        assert_eq!(l.client_addr(ip("10.0.0.2"), Some("garbage")), ip("10.0.0.2"));
    }

    #[test]
    fn a_rate_lets_its_burst_through_then_says_when_to_retry() {
        let l = Limits::new(&LimitsConfig { user: Some(Rate::per_minute(3)), ..LimitsConfig::default() });
        for _ in 0..3 {
            assert!(l.user(7).is_ok());
        }
        match l.user(7) {
            Err(ApiError::RateLimited { retry_after, .. }) => assert!((1..=20).contains(&retry_after), "{retry_after}"),
            other => panic!("{other:?}"),
        }
        // Another user has a bucket of their own.
        assert!(l.user(8).is_ok());
    }
}
