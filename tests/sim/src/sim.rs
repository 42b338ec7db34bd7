//! A running simulator ([`Sim`]): it generates its records, listens, serves both APIs and the
//! `/_sim` admin endpoints in a task, and hands tests its data, faults and counts.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context;
use serde_json::Value;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

use crate::config::{Faults, SimConfig};
use crate::feed::Change;
use crate::locks::read;
use crate::mutate::{Mutation, MutationReport};
use crate::records::to_value;
use crate::state::Shared;
use crate::stats::{Stats, WebhookDelivery};
use crate::{generate, http};

/// How long [`Sim::stop`] lets requests in flight finish (a hanging one may take longer).
const STOP_GRACE: Duration = Duration::from_secs(2);

/// A simulator serving on a loopback port. Dropping it stops serving at once; [`Sim::stop`]
/// lets requests in flight finish first.
pub struct Sim {
    shared: Arc<Shared>,
    addr: SocketAddr,
    shutdown: Option<oneshot::Sender<()>>,
    server: Option<JoinHandle<()>>,
    deliveries: JoinHandle<()>,
}

impl Sim {
    /// Generates the records of `config` and serves them on `127.0.0.1` at a free port, in a
    /// task of the current tokio runtime (which must have its time and IO drivers enabled).
    pub async fn start(config: SimConfig) -> anyhow::Result<Sim> {
        Sim::start_on(SocketAddr::from((Ipv4Addr::LOCALHOST, 0)), config).await
    }

    /// Like [`Sim::start`], listening on `bind` (port 0 takes a free port).
    pub async fn start_on(bind: SocketAddr, config: SimConfig) -> anyhow::Result<Sim> {
        let listener = tokio::net::TcpListener::bind(bind).await.with_context(|| format!("cannot listen on {bind}"))?;
        let addr = listener.local_addr()?;
        // 100,000 people take a fraction of a second: off the runtime's threads.
        let world = tokio::task::spawn_blocking({
            let config = config.clone();
            move || generate::world(&config)
        })
        .await
        .context("generating the records")?;
        let (shared, mut events) = Shared::new(config, world)?;
        let shared = Arc::new(shared);

        let sender = shared.clone();
        let deliveries = tokio::spawn(async move {
            while let Some(batch) = events.recv().await {
                sender.webhooks.deliver(&sender.counters, batch).await;
            }
        });

        let (shutdown, stopped) = oneshot::channel::<()>();
        let router = http::router(shared.clone());
        let server = tokio::spawn(async move {
            let serving = axum::serve(listener, router).with_graceful_shutdown(async {
                let _ = stopped.await;
            });
            if let Err(e) = serving.await {
                tracing::error!("crm-sim stopped serving: {e}");
            }
        });
        Ok(Sim { shared, addr, shutdown: Some(shutdown), server: Some(server), deliveries })
    }

    /// The address the simulator listens on.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// The Brivity base URL (`http://127.0.0.1:PORT/brivity`).
    pub fn brivity_url(&self) -> String {
        format!("http://{}/brivity", self.reachable())
    }

    /// The Top Producer base URL (`http://127.0.0.1:PORT/topproducer`).
    pub fn topproducer_url(&self) -> String {
        format!("http://{}/topproducer", self.reachable())
    }

    /// The address a client connects to: the loopback one when listening on all addresses.
    fn reachable(&self) -> SocketAddr {
        match self.addr.ip() {
            IpAddr::V4(ip) if ip.is_unspecified() => SocketAddr::from((Ipv4Addr::LOCALHOST, self.addr.port())),
            IpAddr::V6(ip) if ip.is_unspecified() => SocketAddr::from((Ipv6Addr::LOCALHOST, self.addr.port())),
            _ => self.addr,
        }
    }

    /// The faults now injected.
    pub fn faults(&self) -> Faults {
        self.shared.faults()
    }

    /// Replaces the faults, and restarts the count of data requests that "every Nth" follows.
    pub fn set_faults(&self, faults: Faults) {
        self.shared.set_faults(faults);
    }

    /// Edits, deletes and adds records of one source (see [`Mutation`]). The `new_lead` events
    /// of added Brivity people are sent in the background, in order.
    pub fn mutate(&self, m: &Mutation) -> MutationReport {
        self.shared.mutate(m)
    }

    /// Every Brivity person, as the API serves them, in the order of their ids.
    pub fn brivity_people(&self) -> Vec<Value> {
        read(&self.shared.world).brivity_people.iter().map(to_value).collect()
    }

    /// Every Brivity transaction, as the API serves them, in the order of their ids.
    pub fn brivity_transactions(&self) -> Vec<Value> {
        read(&self.shared.world).brivity_transactions.iter().map(to_value).collect()
    }

    /// Every Top Producer contact in the order of their ids, with the deleted ones or without.
    pub fn tp_contacts(&self, include_deleted: bool) -> Vec<Value> {
        let world = read(&self.shared.world);
        world.tp_contacts.iter().filter(|c| include_deleted || c.deleted_at().is_none()).map(to_value).collect()
    }

    /// Every Top Producer transaction in the order of their ids, with the deleted ones or without.
    pub fn tp_transactions(&self, include_deleted: bool) -> Vec<Value> {
        let world = read(&self.shared.world);
        world.tp_transactions.iter().filter(|t| include_deleted || t.deleted_at().is_none()).map(to_value).collect()
    }

    /// What the simulator has served so far.
    pub fn stats(&self) -> Stats {
        self.shared.counters.snapshot()
    }

    /// Sends the last webhook event sent again, with the same event id (as
    /// `POST /_sim/webhooks/replay` does); `None` when no event was sent yet.
    pub async fn replay_webhook(&self) -> Option<WebhookDelivery> {
        self.shared.webhooks.replay(&self.shared.counters).await
    }

    /// Stops listening and lets requests in flight finish (for at most two seconds).
    pub async fn stop(mut self) {
        if let Some(shutdown) = self.shutdown.take() {
            let _ = shutdown.send(());
        }
        if let Some(mut server) = self.server.take()
            && tokio::time::timeout(STOP_GRACE, &mut server).await.is_err()
        {
            server.abort();
        }
    }
}

impl Drop for Sim {
    fn drop(&mut self) {
        if let Some(server) = self.server.take() {
            server.abort();
        }
        self.deliveries.abort();
    }
}
