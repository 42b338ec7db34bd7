//! What a simulator starts with: how many records, from which seed, which credentials it
//! accepts ([`SimConfig`]), and the faults it injects ([`Faults`]).

use std::fmt;

use axum::http::StatusCode;
use serde::{Deserialize, Serialize};

/// The size, seed and credentials of a simulator.
#[derive(Clone)]
pub struct SimConfig {
    /// How many Brivity people, and how many Top Producer contacts, to generate.
    pub people: usize,
    /// The seed every generated record follows: the same seed gives the same records.
    pub seed: u64,
    /// The Brivity API key (`Authorization: Token token=<key>`).
    pub brivity_key: String,
    /// The Top Producer OAuth client id.
    pub tp_client_id: String,
    /// The Top Producer OAuth client secret.
    pub tp_client_secret: String,
    /// The faults injected from the start (see [`crate::Sim::set_faults`] to change them).
    pub faults: Faults,
    /// Deals per person, in each source: `round(deals_per_person * people)` transactions.
    pub deals_per_person: f64,
    /// Every n-th Brivity person (the n-th, the 2n-th...) has the e-mail address of the
    /// person before it, in another case: with n the page size, the last person of a page and
    /// the first of the next are one person to the CRM.
    pub brivity_twins_every: Option<usize>,
}

impl Default for SimConfig {
    /// 100 people, seed 1, key `brivity-test-key`, client `tp-client` / `tp-secret`, no faults,
    /// 0.3 deals per person, no twins.
    fn default() -> Self {
        SimConfig {
            people: 100,
            seed: 1,
            brivity_key: "brivity-test-key".into(),
            tp_client_id: "tp-client".into(),
            tp_client_secret: "tp-secret".into(),
            faults: Faults::default(),
            deals_per_person: 0.3,
            brivity_twins_every: None,
        }
    }
}

impl fmt::Debug for SimConfig {
    /// Everything but the key and the secret.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SimConfig")
            .field("people", &self.people)
            .field("seed", &self.seed)
            .field("brivity_key", &"<redacted>")
            .field("tp_client_id", &self.tp_client_id)
            .field("tp_client_secret", &"<redacted>")
            .field("faults", &self.faults)
            .field("deals_per_person", &self.deals_per_person)
            .field("brivity_twins_every", &self.brivity_twins_every)
            .finish()
    }
}

impl SimConfig {
    /// How many transactions each source holds.
    pub(crate) fn deals(&self) -> usize {
        let n = self.deals_per_person * self.people as f64;
        if n.is_finite() && n > 0.0 { n.round() as usize } else { 0 }
    }
}

/// The faults a simulator injects, all off by default.
///
/// Every data request (a page of people, contacts or transactions, from either API) takes the
/// next number of one counter, starting at 1; "every Nth" means the requests whose number is a
/// multiple of N (`Some(0)` is off). Replacing the faults restarts the counter, so after
/// `error_every: Some(3)` the 3rd, 6th, ... data requests fail. When several switches fall on
/// the same request, the first of rate limit, error, hang, truncation wins. Tokens, webhook
/// subscriptions and the `/_sim` endpoints never fail; `latency_ms` delays every request of
/// both APIs.
///
/// As JSON (`POST /_sim/faults`) a missing field keeps its default and an unknown one is
/// refused.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Faults {
    /// Milliseconds added before answering each request of both APIs.
    pub latency_ms: u64,
    /// Every Nth data request answers `429` with `Retry-After: retry_after_secs`.
    pub rate_limit_every: Option<u64>,
    /// The `Retry-After` of the `429`s, in seconds.
    pub retry_after_secs: u64,
    /// Every Nth data request answers `error_status`.
    pub error_every: Option<u64>,
    /// The status of the injected errors: any 5xx (500 and 503 are the usual ones); 0, or
    /// anything else, means 500.
    pub error_status: u16,
    /// Every Nth data request waits `hang_ms` before answering normally, so that a client with
    /// a shorter timeout gives up.
    pub hang_every: Option<u64>,
    /// How long a hanging request waits, in milliseconds.
    pub hang_ms: u64,
    /// Every Nth data request answers `200` with only the first half of its JSON body (and a
    /// `Content-Length` of that half).
    pub truncate_every: Option<u64>,
    /// A Top Producer token answers `invalid_token` after this many data requests.
    pub token_ttl_requests: Option<u64>,
    /// The Brivity deals feed is missing: `GET /api/transactions` answers `406`.
    pub brivity_no_deals: bool,
}

/// What the faults do to one data request.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Fault {
    None,
    RateLimit { retry_after_secs: u64 },
    Error(StatusCode),
    Hang { ms: u64 },
    Truncate,
}

impl Faults {
    /// The fault that falls on the data request numbered `n` (from 1).
    pub(crate) fn on_request(&self, n: u64) -> Fault {
        let every = |k: Option<u64>| matches!(k, Some(k) if k > 0 && n.is_multiple_of(k));
        if every(self.rate_limit_every) {
            Fault::RateLimit { retry_after_secs: self.retry_after_secs }
        } else if every(self.error_every) {
            Fault::Error(self.error_status())
        } else if every(self.hang_every) {
            Fault::Hang { ms: self.hang_ms }
        } else if every(self.truncate_every) {
            Fault::Truncate
        } else {
            Fault::None
        }
    }

    /// The status of an injected error.
    fn error_status(&self) -> StatusCode {
        match StatusCode::from_u16(self.error_status) {
            Ok(s) if s.is_server_error() => s,
            _ => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_switch_wins_and_zero_is_off() {
        let f =
            Faults { rate_limit_every: Some(2), error_every: Some(3), truncate_every: Some(0), ..Faults::default() };
        assert_eq!(f.on_request(1), Fault::None);
        assert_eq!(f.on_request(3), Fault::Error(StatusCode::INTERNAL_SERVER_ERROR));
        assert_eq!(f.on_request(6), Fault::RateLimit { retry_after_secs: 0 });
        assert_eq!(f.on_request(5), Fault::None);
    }

    #[test]
    fn error_status_defaults_to_500() {
        let mut f = Faults { error_every: Some(1), error_status: 503, ..Faults::default() };
        assert_eq!(f.on_request(1), Fault::Error(StatusCode::SERVICE_UNAVAILABLE));
        f.error_status = 0;
        assert_eq!(f.on_request(1), Fault::Error(StatusCode::INTERNAL_SERVER_ERROR));
        f.error_status = 404;
        assert_eq!(f.on_request(1), Fault::Error(StatusCode::INTERNAL_SERVER_ERROR));
    }

    #[test]
    fn deals_round_and_never_go_negative() {
        let c = SimConfig { people: 10, deals_per_person: 0.25, ..SimConfig::default() };
        assert_eq!(c.deals(), 3);
        assert_eq!(SimConfig { deals_per_person: -1.0, ..c.clone() }.deals(), 0);
        assert_eq!(SimConfig { deals_per_person: f64::NAN, ..c }.deals(), 0);
    }
}
