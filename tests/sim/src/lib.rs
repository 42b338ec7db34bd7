//! # crm-sim: Brivity and Top Producer over real HTTP on loopback
//!
//! The CRM's sync pulls contacts and deals from two real-estate CRMs, Brivity and Top
//! Producer, which tests cannot reach. This crate serves both of their contracts, as
//! `INTEGRATIONS.md` (at the root of the repository) writes them down, from one listener:
//!
//! - Brivity under `/brivity`: `Authorization: Token token=<key>`, `GET /api/people` and
//!   `GET /api/transactions` in numbered pages, `POST /api/event_subscriptions` for
//!   `new_lead` webhooks, `406` on any other path.
//! - Top Producer under `/topproducer`: `POST /oauth/token` (client credentials), then
//!   `GET /v1/contacts` and `GET /v1/transactions` as changes feeds paged by cursor, with
//!   deletions coming back as records whose `deletedAt` is set.
//! - The simulator itself under `/_sim`: faults, mutations, counts, webhook replay.
//!
//! The records are generated from a seed (the same seed gives the same records) and kept in
//! memory: 100,000 people start in well under a second and a page of 500 is served in
//! milliseconds. [`Faults`] make the APIs slow, rate-limited, failing, hanging, cut off, or
//! expire tokens; [`Mutation`]s edit, delete and add records between two syncs; [`Stats`]
//! count what was served. It knows nothing of the CRM itself.
//!
//! In a test:
//!
//! ```no_run
//! # async fn example() -> anyhow::Result<()> {
//! use crm_sim::{Mutation, Sim, SimConfig, Source};
//!
//! let sim = Sim::start(SimConfig { people: 1_000, ..SimConfig::default() }).await?;
//! let base = sim.brivity_url(); // http://127.0.0.1:PORT/brivity
//! // ... sync from `base` ...
//! let report = sim.mutate(&Mutation { source: Source::Brivity, edit: 10, delete: 2, add: 3, seed: 7 });
//! // ... sync again, and compare with `report` and `sim.brivity_people()` ...
//! sim.stop().await;
//! # Ok(())
//! # }
//! ```
//!
//! From a shell, the `crm-sim` binary serves the same (`crm-sim --help`).

mod config;
mod feed;
mod generate;
mod http;
mod locks;
mod mutate;
mod pools;
mod records;
mod rng;
mod sim;
mod state;
mod stats;
mod tokens;
mod webhooks;
mod world;

pub use config::{Faults, SimConfig};
pub use mutate::{Mutation, MutationReport, Source};
pub use sim::Sim;
pub use stats::{RECENT_DELIVERIES, SourceStats, Stats, WebhookDelivery, WebhookStats};
