//! What a simulator has served: requests per source and per kind of answer, and the webhook
//! deliveries ([`Stats`]), counted as they happen ([`Counters`]).

use std::collections::{BTreeMap, VecDeque};
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};

use serde::{Deserialize, Serialize};

use crate::Source;
use crate::locks::lock;

/// A snapshot of what a simulator has served since it started.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stats {
    /// The Brivity API's requests.
    pub brivity: SourceStats,
    /// The Top Producer API's requests.
    pub topproducer: SourceStats,
    /// The Brivity webhook events sent.
    pub webhooks: WebhookStats,
}

impl Stats {
    /// The counts of `source`.
    pub fn of(&self, source: Source) -> &SourceStats {
        match source {
            Source::Brivity => &self.brivity,
            Source::TopProducer => &self.topproducer,
        }
    }
}

/// The requests one API answered, by kind of answer.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceStats {
    /// Every request under the API's prefix.
    pub requests: u64,
    /// Data pages answered in full (`200`).
    pub pages: u64,
    /// Records in those pages.
    pub records: u64,
    /// OAuth tokens granted (Top Producer).
    pub token_grants: u64,
    /// `429`s injected.
    pub rate_limited: u64,
    /// `5xx`s injected.
    pub server_errors: u64,
    /// Requests made to hang.
    pub hangs: u64,
    /// Pages cut off in the middle.
    pub truncations: u64,
    /// `401`s: a bad key, client or token.
    pub unauthorized: u64,
    /// `400`s and `422`s: a parameter or body the API refuses.
    pub bad_requests: u64,
    /// Unknown paths and the missing Brivity deals feed (Brivity `406`, Top Producer `404`).
    pub not_found: u64,
}

/// The webhook events the simulator sent.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WebhookStats {
    /// Subscriptions registered.
    pub subscriptions: u64,
    /// Events sent, replays included.
    pub sent: u64,
    /// Events that got no answer (connection refused, timeout).
    pub failed: u64,
    /// The statuses the targets answered, with how many times each.
    pub statuses: BTreeMap<u16, u64>,
    /// The last [`RECENT_DELIVERIES`] deliveries, oldest first.
    pub recent: Vec<WebhookDelivery>,
}

/// One webhook event sent.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WebhookDelivery {
    /// The event id (`evt-<n>`).
    pub event_id: String,
    /// Where it was posted.
    pub target_url: String,
    /// The target's answer, or `None` when there was none.
    pub status: Option<u16>,
    /// True when the event was sent again by a replay.
    pub replay: bool,
}

/// How many deliveries [`WebhookStats::recent`] keeps.
pub const RECENT_DELIVERIES: usize = 100;

/// The kinds of answer counted per source.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Kind {
    Request,
    TokenGrant,
    RateLimited,
    ServerError,
    Hang,
    Truncation,
    Unauthorized,
    BadRequest,
    NotFound,
}

/// The live counts behind [`Stats`].
#[derive(Default)]
pub(crate) struct Counters {
    brivity: SourceCounters,
    topproducer: SourceCounters,
    webhooks: Mutex<Webhooks>,
}

#[derive(Default)]
struct SourceCounters {
    requests: AtomicU64,
    pages: AtomicU64,
    records: AtomicU64,
    token_grants: AtomicU64,
    rate_limited: AtomicU64,
    server_errors: AtomicU64,
    hangs: AtomicU64,
    truncations: AtomicU64,
    unauthorized: AtomicU64,
    bad_requests: AtomicU64,
    not_found: AtomicU64,
}

#[derive(Default)]
struct Webhooks {
    stats: WebhookStats,
    recent: VecDeque<WebhookDelivery>,
}

impl Counters {
    fn source(&self, source: Source) -> &SourceCounters {
        match source {
            Source::Brivity => &self.brivity,
            Source::TopProducer => &self.topproducer,
        }
    }

    /// Counts one answer of `kind` from `source`.
    pub(crate) fn count(&self, source: Source, kind: Kind) {
        let c = self.source(source);
        let counter = match kind {
            Kind::Request => &c.requests,
            Kind::TokenGrant => &c.token_grants,
            Kind::RateLimited => &c.rate_limited,
            Kind::ServerError => &c.server_errors,
            Kind::Hang => &c.hangs,
            Kind::Truncation => &c.truncations,
            Kind::Unauthorized => &c.unauthorized,
            Kind::BadRequest => &c.bad_requests,
            Kind::NotFound => &c.not_found,
        };
        counter.fetch_add(1, Ordering::Relaxed);
    }

    /// Counts a full page of `records` records from `source`.
    pub(crate) fn page(&self, source: Source, records: usize) {
        let c = self.source(source);
        c.pages.fetch_add(1, Ordering::Relaxed);
        c.records.fetch_add(records as u64, Ordering::Relaxed);
    }

    pub(crate) fn subscription(&self) {
        lock(&self.webhooks).stats.subscriptions += 1;
    }

    /// Records a webhook delivery.
    pub(crate) fn delivery(&self, delivery: WebhookDelivery) {
        let mut w = lock(&self.webhooks);
        w.stats.sent += 1;
        match delivery.status {
            Some(status) => *w.stats.statuses.entry(status).or_default() += 1,
            None => w.stats.failed += 1,
        }
        if w.recent.len() == RECENT_DELIVERIES {
            w.recent.pop_front();
        }
        w.recent.push_back(delivery);
    }

    pub(crate) fn snapshot(&self) -> Stats {
        let webhooks = {
            let w = lock(&self.webhooks);
            WebhookStats { recent: w.recent.iter().cloned().collect(), ..w.stats.clone() }
        };
        Stats { brivity: self.brivity.snapshot(), topproducer: self.topproducer.snapshot(), webhooks }
    }
}

impl SourceCounters {
    fn snapshot(&self) -> SourceStats {
        let get = |c: &AtomicU64| c.load(Ordering::Relaxed);
        SourceStats {
            requests: get(&self.requests),
            pages: get(&self.pages),
            records: get(&self.records),
            token_grants: get(&self.token_grants),
            rate_limited: get(&self.rate_limited),
            server_errors: get(&self.server_errors),
            hangs: get(&self.hangs),
            truncations: get(&self.truncations),
            unauthorized: get(&self.unauthorized),
            bad_requests: get(&self.bad_requests),
            not_found: get(&self.not_found),
        }
    }
}
