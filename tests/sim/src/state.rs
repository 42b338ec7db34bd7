//! The state every request handler shares: the credentials, the records, the faults and their
//! request counter, the tokens, the webhooks and the counts.

use std::sync::RwLock;
use std::sync::atomic::{AtomicU64, Ordering};

use tokio::sync::mpsc;

use crate::config::{Fault, Faults, SimConfig};
use crate::locks::{read, write};
use crate::mutate::{self, Mutation, MutationReport};
use crate::stats::Counters;
use crate::tokens::Tokens;
use crate::webhooks::{Event, Webhooks};
use crate::world::World;

/// What the handlers of a simulator share.
pub(crate) struct Shared {
    pub(crate) brivity_key: String,
    pub(crate) tp_client_id: String,
    pub(crate) tp_client_secret: String,
    pub(crate) world: RwLock<World>,
    faults: RwLock<Faults>,
    /// The number of the last data request (see [`Faults`]).
    data_requests: AtomicU64,
    pub(crate) tokens: Tokens,
    pub(crate) webhooks: Webhooks,
    pub(crate) counters: Counters,
    /// Events waiting for the delivery task, which sends them in order.
    outbox: mpsc::UnboundedSender<Vec<Event>>,
}

impl Shared {
    /// The state of `config` over `world`, and the receiving end of its webhook events.
    pub(crate) fn new(
        config: SimConfig,
        world: World,
    ) -> anyhow::Result<(Shared, mpsc::UnboundedReceiver<Vec<Event>>)> {
        let (outbox, events) = mpsc::unbounded_channel();
        let shared = Shared {
            brivity_key: config.brivity_key,
            tp_client_id: config.tp_client_id,
            tp_client_secret: config.tp_client_secret,
            world: RwLock::new(world),
            faults: RwLock::new(config.faults),
            data_requests: AtomicU64::new(0),
            tokens: Tokens::new(config.seed),
            webhooks: Webhooks::new()?,
            counters: Counters::default(),
            outbox,
        };
        Ok((shared, events))
    }

    pub(crate) fn faults(&self) -> Faults {
        *read(&self.faults)
    }

    /// Replaces the faults and restarts the count of data requests.
    pub(crate) fn set_faults(&self, faults: Faults) {
        let mut current = write(&self.faults);
        *current = faults;
        self.data_requests.store(0, Ordering::SeqCst);
    }

    /// Numbers a new data request and answers the fault that falls on it.
    pub(crate) fn next_data_request(&self) -> Fault {
        let faults = read(&self.faults);
        let n = self.data_requests.fetch_add(1, Ordering::SeqCst) + 1;
        faults.on_request(n)
    }

    /// Applies a mutation; the `new_lead` events of the people it adds go to the delivery task.
    pub(crate) fn mutate(&self, m: &Mutation) -> MutationReport {
        let (report, added) = mutate::apply(&mut write(&self.world), m);
        if !added.is_empty() {
            let events = self.webhooks.new_lead_events(&added);
            if !events.is_empty() {
                // The receiver lives as long as the simulator serves.
                let _ = self.outbox.send(events);
            }
        }
        report
    }
}
