//! Brivity webhooks: the subscriptions registered through `POST /api/event_subscriptions`,
//! the `new_lead` events sent to them when a mutation adds people, and the replay of the last
//! event sent (same event id, as a retrying sender would).

use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use serde::Serialize;

use crate::locks::lock;
use crate::records::BrivityPerson;
use crate::stats::{Counters, WebhookDelivery};

/// How long a target may take to answer an event.
const DELIVERY_TIMEOUT: Duration = Duration::from_secs(10);

/// The webhook subscriptions and the client that posts their events.
pub(crate) struct Webhooks {
    subscriptions: Mutex<Vec<Subscription>>,
    next_subscription: AtomicU64,
    next_event: AtomicU64,
    last: Mutex<Option<Event>>,
    client: reqwest::Client,
}

/// A registered subscription, as `POST /api/event_subscriptions` answers it.
#[derive(Clone, Debug, Serialize)]
pub(crate) struct Subscription {
    pub(crate) id: u64,
    pub(crate) event: String,
    pub(crate) target_url: String,
}

/// An event for one target, its body ready to post.
#[derive(Clone, Debug)]
pub(crate) struct Event {
    id: String,
    target_url: String,
    body: Vec<u8>,
}

impl Webhooks {
    pub(crate) fn new() -> anyhow::Result<Webhooks> {
        let client = reqwest::Client::builder()
            .timeout(DELIVERY_TIMEOUT)
            .no_proxy()
            .user_agent("crm-sim (Brivity webhooks)")
            .build()?;
        Ok(Webhooks {
            subscriptions: Mutex::default(),
            next_subscription: AtomicU64::new(1),
            next_event: AtomicU64::new(1),
            last: Mutex::default(),
            client,
        })
    }

    /// Registers a subscription of `event` for `target_url`.
    pub(crate) fn subscribe(&self, event: &str, target_url: &str) -> Subscription {
        let subscription = Subscription {
            id: self.next_subscription.fetch_add(1, Ordering::Relaxed),
            event: event.to_string(),
            target_url: target_url.to_string(),
        };
        lock(&self.subscriptions).push(subscription.clone());
        subscription
    }

    /// One `new_lead` event per person and per subscription, each with a new id (`evt-<n>`).
    pub(crate) fn new_lead_events(&self, people: &[BrivityPerson]) -> Vec<Event> {
        let targets: Vec<String> =
            lock(&self.subscriptions).iter().filter(|s| s.event == "new_lead").map(|s| s.target_url.clone()).collect();
        let mut events = Vec::with_capacity(people.len() * targets.len());
        for person in people {
            for target_url in &targets {
                let id = format!("evt-{}", self.next_event.fetch_add(1, Ordering::Relaxed));
                #[derive(Serialize)]
                struct Body<'a> {
                    event: &'static str,
                    id: &'a str,
                    person: &'a BrivityPerson,
                }
                let body = serde_json::to_vec(&Body { event: "new_lead", id: &id, person }).unwrap_or_default();
                events.push(Event { id, target_url: target_url.clone(), body });
            }
        }
        events
    }

    /// Posts `events` one after the other, recording each answer in `counters`.
    pub(crate) async fn deliver(&self, counters: &Counters, events: Vec<Event>) {
        for event in events {
            self.send(counters, event, false).await;
        }
    }

    /// Sends the last event sent again, with the same id; `None` when none was sent yet.
    pub(crate) async fn replay(&self, counters: &Counters) -> Option<WebhookDelivery> {
        let event = lock(&self.last).clone()?;
        Some(self.send(counters, event, true).await)
    }

    async fn send(&self, counters: &Counters, event: Event, replay: bool) -> WebhookDelivery {
        let answer = self
            .client
            .post(&event.target_url)
            .header(reqwest::header::CONTENT_TYPE, "application/json")
            .body(event.body.clone())
            .send()
            .await;
        let status = match answer {
            Ok(response) => Some(response.status().as_u16()),
            Err(e) => {
                tracing::warn!(event = %event.id, target = %event.target_url, "webhook not delivered: {e}");
                None
            }
        };
        let delivery =
            WebhookDelivery { event_id: event.id.clone(), target_url: event.target_url.clone(), status, replay };
        *lock(&self.last) = Some(event);
        counters.delivery(delivery.clone());
        delivery
    }
}
