//! Sync runs: a source's people, then its deals, read a page at a time from its connector and
//! written a page per transaction through the batch service's upsert, with the page's cache
//! rows, the run's counts and the stream's checkpoint in the same transaction. The network is
//! never waited on inside a transaction (the SQLite writer is free while a page is fetched).
//!
//! A record whose content hash is the one of the last sync is not written at all. A changed
//! record updates only the fields whose remote value changed since then, and never clears a
//! field (what the user filled stays); a person met for the first time whose e-mail matches a
//! contact fills that contact's empty fields only. A record absent from a complete snapshot is
//! marked removed at the source, never deleted here, and never after a failed fetch.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};

use crm_api::batch::{MatchOn, Outcome};
use crm_api::contacts::{ContactPatch, NewContact};
use crm_api::deals::{DealPatch, NewDeal};
use crm_api::integrations::{RunOutcome, Source, SyncRun, Trigger, Unmapped};
use crm_api::resource::{Contacts, Deals};
use crm_api::{ContactStatus, StageKind};
use serde_json::Value as Json;
use sha2::{Digest, Sha256};

use super::batch::{self, Upsert};
use crate::connectors::brivity::Brivity;
use crate::connectors::topproducer::TopProducer;
use crate::connectors::{Connector, DealFields, Fields, Page, PersonFields, Remotes, StagePlace, Stream};
use crate::db::{Col, Conn, Db, Dialect, SqlValue};
use crate::error::{ApiError, ApiResult};
use crate::secrets::Keyring;
use crate::store::integrations::{self as store, Counts, StoredAccount};
use crate::store::records::Actor;
use crate::store::stages::UserStages;
use pages::StreamState;

mod pages;

/// Most errors a run keeps.
const MAX_ERRORS: usize = 50;

/// What runs syncs: the database, the keys that open the credentials, and where the sources
/// are.
pub struct Syncer {
    pub db: Db,
    pub keys: Arc<Keyring>,
    pub remotes: Remotes,
    /// How long a run's lease lasts unless renewed: a run renews it every third of that while
    /// it lives, so a run whose server died is taken over that long after.
    pub lease: std::time::Duration,
    client: reqwest::Client,
    /// The server is stopping: runs end at their next page, none starts.
    stopping: AtomicBool,
    /// Runs under way in this process, and a signal when one ends.
    active: AtomicUsize,
    ended: tokio::sync::Notify,
    /// Runs ended in this process, by source and outcome (positions in their `ALL`).
    outcomes: [[AtomicU64; RunOutcome::ALL.len()]; Source::ALL.len()],
}

/// Why a run stopped early when its server stopped.
pub const STOPPED: &str =
    "interrupted: the server stopped; the pages written so far are kept, and the next sync goes on from them";

/// Counts a run as under way until dropped.
struct Active(Arc<Syncer>);

impl Active {
    fn new(s: &Arc<Syncer>) -> Active {
        s.active.fetch_add(1, Ordering::AcqRel);
        Active(Arc::clone(s))
    }
}

impl Drop for Active {
    fn drop(&mut self) {
        self.0.active.fetch_sub(1, Ordering::AcqRel);
        self.0.ended.notify_waiters();
    }
}

/// The credentials of an account, opened.
enum Credentials {
    Brivity { api_key: String },
    TopProducer { client_id: String, client_secret: String },
}

/// Where an account's secret is bound (the additional data of its sealing).
pub fn secret_context(user_id: i64, source: Source) -> String {
    format!("{user_id}:{}", source.as_str())
}

impl Syncer {
    pub fn new(db: Db, keys: Arc<Keyring>, remotes: Remotes) -> Syncer {
        Syncer {
            db,
            keys,
            remotes,
            lease: std::time::Duration::from_secs(60),
            client: crate::connectors::client(),
            stopping: AtomicBool::new(false),
            active: AtomicUsize::new(0),
            ended: tokio::sync::Notify::new(),
            outcomes: std::array::from_fn(|_| std::array::from_fn(|_| AtomicU64::new(0))),
        }
    }

    /// What the metrics show of the runs.
    pub fn figures(&self) -> crate::metrics::SyncFigures {
        let mut ended = Vec::new();
        for (source, row) in Source::ALL.iter().zip(&self.outcomes) {
            for (outcome, n) in RunOutcome::ALL.iter().zip(row) {
                let n = n.load(Ordering::Relaxed);
                if n > 0 {
                    ended.push((source.as_str(), outcome.as_str(), n));
                }
            }
        }
        crate::metrics::SyncFigures { ended, running: self.active.load(Ordering::Acquire) }
    }

    /// For a server that stops: no run starts any more, and each one under way ends once the
    /// page it is writing has committed (with its checkpoint), recorded as interrupted with
    /// its lease freed, so that the next sync, here or on another replica, goes on at once.
    /// Waits at most `grace` for them.
    pub async fn shutdown(&self, grace: std::time::Duration) {
        self.stop_starting();
        let deadline = tokio::time::Instant::now() + grace;
        loop {
            let ended = self.ended.notified();
            let left = self.active.load(Ordering::Acquire);
            if left == 0 {
                return;
            }
            if tokio::time::timeout_at(deadline, ended).await.is_err() {
                tracing::warn!(runs = left, "sync runs still under way at shutdown: their leases will expire");
                return;
            }
        }
    }

    /// The server is stopping: no run starts from now on, and each under way ends at its next
    /// page (called on the signal, before the requests in flight are answered: one waiting for
    /// its run then gets it sooner).
    pub fn stop_starting(&self) {
        self.stopping.store(true, Ordering::Release);
    }

    fn stopping(&self) -> bool {
        self.stopping.load(Ordering::Acquire)
    }

    /// The account's credentials, opened; else why not, in words.
    fn credentials(&self, account: &StoredAccount) -> Result<Credentials, String> {
        let plain = self
            .keys
            .open(&secret_context(account.user_id, account.source), &account.secret)
            .map_err(|e| format!("the stored credentials of {} cannot be read: {e}", account.source))?;
        let value: Json = serde_json::from_str(&plain)
            .map_err(|_| format!("the stored credentials of {} cannot be read: not what was sealed", account.source))?;
        let field = |k: &str| value.get(k).and_then(Json::as_str).unwrap_or_default().to_string();
        Ok(match account.source {
            Source::Brivity => Credentials::Brivity { api_key: field("api_key") },
            Source::TopProducer => {
                Credentials::TopProducer { client_id: field("client_id"), client_secret: field("client_secret") }
            }
        })
    }

    /// Starts a run of each source (every connected one when `sources` is empty) and answers
    /// with them: at once, or when they have ended (`wait`). A source whose sync is running is
    /// not started again: 409 when no source could start.
    pub async fn start(
        self: &Arc<Self>,
        actor: Actor,
        sources: &[Source],
        trigger: Trigger,
        wait: bool,
    ) -> ApiResult<Vec<SyncRun>> {
        if self.stopping() {
            return Err(ApiError::Unavailable("the server is stopping; retry on another replica or later".into()));
        }
        let accounts = self.db.read(async |c| store::accounts(c, actor).await).await?;
        let wanted: Vec<&StoredAccount> =
            accounts.iter().filter(|a| sources.is_empty() || sources.contains(&a.source)).collect();
        if wanted.is_empty() {
            let which = match sources {
                [one] => format!("no {one} account is connected"),
                _ => "no account is connected".to_string(),
            };
            return Err(ApiError::missing("source", which));
        }
        let mut started = Vec::new();
        let mut busy = Vec::new();
        let several = wanted.len() > 1;
        for account in wanted {
            let credentials = match self.credentials(account) {
                Ok(c) => Ok(c),
                // One source of several: its run is recorded as failed, and the others go on.
                Err(why) if several => Err(why),
                Err(why) => return Err(ApiError::conflict_on("source", why)),
            };
            let source = account.source;
            let lease = self.lease_micros();
            // Counted before the run exists: a shutdown from now on waits for it.
            let active = Active::new(self);
            if self.stopping() {
                return Err(ApiError::Unavailable("the server is stopping; retry on another replica or later".into()));
            }
            match self.db.write(async move |c| store::start_run(c, actor, source, trigger, lease).await).await? {
                Ok(run) => {
                    let me = Arc::clone(self);
                    let task = tokio::spawn(async move {
                        let _active = active;
                        match credentials {
                            Ok(credentials) => me.execute(actor, source, run, credentials).await,
                            Err(why) => me.end(actor, source, run, RunOutcome::Failed, vec![why], Vec::new()).await,
                        }
                    });
                    started.push((run, task));
                }
                Err(running) => busy.push(format!("a sync of {source} is already running (run {running})")),
            }
        }
        if started.is_empty() {
            return Err(ApiError::conflict_on("source", busy.join("; ")));
        }
        let mut runs = Vec::new();
        for (run, task) in started {
            if wait {
                let _ = task.await;
            }
            if let Some(r) = self.db.read(async |c| store::run(c, actor, run).await).await? {
                runs.push(r);
            }
        }
        Ok(runs)
    }

    /// Starts a run of every scheduled account whose interval has passed since its latest run
    /// began (or since it was connected) at `now` (microseconds); returns the runs started. A
    /// source already syncing, or whose credentials cannot be read, waits for the next tick.
    pub async fn run_due(self: &Arc<Self>, now: i64, wait: bool) -> ApiResult<Vec<i64>> {
        let accounts = self.db.read(async |c| store::scheduled(c).await).await?;
        let mut started = Vec::new();
        for (account, last) in accounts {
            let Some(minutes) = account.sync_interval_minutes else { continue };
            if last.saturating_add(minutes.saturating_mul(60_000_000)) > now {
                continue;
            }
            let actor = Actor { user_id: account.user_id };
            match self.start(actor, &[account.source], Trigger::Scheduled, wait).await {
                Ok(runs) => started.extend(runs.iter().map(|r| r.id)),
                Err(e) => tracing::info!(account = account.id, error = %e, "a scheduled sync did not start"),
            }
        }
        Ok(started)
    }

    /// Syncs each scheduled account at its interval, checking every `tick`, for as long as the
    /// server runs. Replicas and cron may tick too: the lease lets one run at a time.
    pub async fn schedule(self: Arc<Self>, tick: std::time::Duration) {
        let mut interval = tokio::time::interval(tick);
        interval.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            interval.tick().await;
            if self.stopping() {
                return;
            }
            if let Err(e) = self.run_due(crate::db::now_micros(), false).await {
                tracing::warn!(error = %e, "the sync scheduler could not read the accounts");
            }
        }
    }

    fn lease_micros(&self) -> i64 {
        i64::try_from(self.lease.as_micros()).unwrap_or(i64::MAX)
    }

    /// Renews the run's lease every third of its length, until dropped.
    fn heartbeat(&self, actor: Actor, source: Source, run: i64) -> tokio::task::JoinHandle<()> {
        let (db, lease) = (self.db.clone(), self.lease_micros());
        let every = self.lease / 3;
        tokio::spawn(async move {
            loop {
                tokio::time::sleep(every).await;
                let renewed = db.write(async move |c| store::renew(c, actor, source, run, lease).await).await;
                if !matches!(renewed, Ok(true)) {
                    tracing::warn!(run, "a sync run's lease could not be renewed");
                }
            }
        })
    }

    /// Runs a sync to its end and records how it ended.
    async fn execute(&self, actor: Actor, source: Source, run: i64, credentials: Credentials) {
        let heartbeat = self.heartbeat(actor, source, run);
        let mut log = RunLog::default();
        let result = match credentials {
            Credentials::Brivity { api_key } => {
                let mut c = Brivity::new(self.client.clone(), &self.remotes.brivity_url, api_key, self.remotes.retry);
                self.streams(&mut c, actor, run, &mut log).await
            }
            Credentials::TopProducer { client_id, client_secret } => {
                let mut c = TopProducer::new(
                    self.client.clone(),
                    &self.remotes.topproducer_url,
                    client_id,
                    client_secret,
                    self.remotes.retry,
                );
                self.streams(&mut c, actor, run, &mut log).await
            }
        };
        let outcome = match result {
            Ok(()) => RunOutcome::Succeeded,
            Err(e) => {
                log.error(e);
                RunOutcome::Failed
            }
        };
        heartbeat.abort();
        let unmapped = log.unmapped();
        self.end(actor, source, run, outcome, log.errors, unmapped).await;
    }

    /// Records how a run ended, and frees its lease.
    async fn end(
        &self,
        actor: Actor,
        source: Source,
        run: i64,
        outcome: RunOutcome,
        errors: Vec<String>,
        unmapped: Vec<Unmapped>,
    ) {
        let finished = self
            .db
            .write(async move |c| store::finish_run(c, actor, source, run, outcome, &errors, &unmapped).await)
            .await;
        if let Err(e) = finished {
            tracing::error!(run, error = %e, "a sync run's end was not recorded");
        }
        let s = Source::ALL.iter().position(|x| *x == source).unwrap_or(0);
        let o = RunOutcome::ALL.iter().position(|x| *x == outcome).unwrap_or(0);
        if let Some(n) = self.outcomes.get(s).and_then(|row| row.get(o)) {
            n.fetch_add(1, Ordering::Relaxed);
        }
    }

    async fn streams<C: Connector>(
        &self,
        connector: &mut C,
        actor: Actor,
        run: i64,
        log: &mut RunLog,
    ) -> Result<(), String> {
        let source = connector.source();
        for stream in Stream::ALL {
            // Where the stream starts (incremental sources): every page asks from there, the
            // cursor carrying the position; each page stores how far it got.
            let since = if connector.snapshots() {
                None
            } else {
                self.db
                    .read(async |c| store::checkpoint(c, actor, source, stream.as_str()).await)
                    .await
                    .map_err(failed_write)?
            };
            // Nothing of the stream known before this run (a first sync): a page none of
            // whose records this run has written yet needs no look-up of what is known.
            let knew_none = self
                .db
                .read(async |c| store::knows_none(c, actor, source, stream.kind()).await)
                .await
                .map_err(failed_write)?;
            let mut seen = HashSet::new();
            // Pages are read ahead by `read` (a few) while `write` writes them.
            let width = self.round_width();
            let (pages, ahead) = tokio::sync::mpsc::channel(2 * width);
            let connector_here = &mut *connector;
            let read = async move {
                let connector = connector_here;
                let mut next: Option<String> = None;
                loop {
                    let fetched = connector.page(stream, since.as_deref(), next.as_deref()).await;
                    next = fetched.as_ref().ok().and_then(Option::as_ref).and_then(|p| p.next.clone());
                    if pages.send(fetched).await.is_err() || next.is_none() {
                        return;
                    }
                }
            };
            let st = StreamState { seen: &mut seen, log: &mut *log, knew_none, width };
            let at = PageAt { actor, source, stream, run, lease: self.lease_micros(), locked: false };
            let write = self.write_stream(at, ahead, st);
            let ((), written) = tokio::join!(read, write);
            let complete = written?;
            if connector.snapshots() && complete {
                let kind = stream.kind();
                let removed = self
                    .db
                    .write(async move |c| {
                        let n = store::mark_absent(c, actor, source, kind, &seen).await?;
                        store::progress(c, run, &Counts { removed: n, ..Counts::default() }).await?;
                        Ok::<_, ApiError>(n)
                    })
                    .await
                    .map_err(failed_write)?;
                log.counts.removed += removed;
            }
        }
        Ok(())
    }
}

/// A write of the run that failed, in words for the run (the details go to the log).
fn failed_write(e: ApiError) -> String {
    match e {
        ApiError::Internal(inner) => {
            tracing::error!(error = format!("{inner:#}"), "a sync run's write failed");
            "the database failed while writing (see the server's log)".to_string()
        }
        other => other.to_string(),
    }
}

/// What a run has to say at its end.
#[derive(Default)]
struct RunLog {
    counts: Counts,
    errors: Vec<String>,
    unmapped: BTreeMap<(&'static str, String), i64>,
}

impl RunLog {
    fn error(&mut self, e: String) {
        if self.errors.len() < MAX_ERRORS {
            self.errors.push(e);
        }
    }

    fn unmapped(&self) -> Vec<Unmapped> {
        self.unmapped.iter().map(|((f, v), n)| Unmapped { field: f.to_string(), value: v.clone(), count: *n }).collect()
    }
}

/// The content hash of a record as the source sent it (its JSON text).
fn hash(data: &str) -> String {
    use std::fmt::Write;
    let mut hex = String::with_capacity(64);
    for b in Sha256::digest(data.as_bytes()) {
        // Writing to a String cannot fail.
        let _ = write!(hex, "{b:02x}");
    }
    hex
}

/// The value a field takes: the new one, when it is there and differs from what the source
/// sent last time.
fn changed<T: PartialEq + Clone>(new: &Option<T>, old: Option<&Option<T>>) -> Option<Option<T>> {
    match (new, old) {
        (None, _) => None,
        (Some(n), Some(Some(o))) if n == o => None,
        (Some(n), _) => Some(Some(n.clone())),
    }
}

/// Where a page goes: whose, from which source and stream, by which run, and the lease's
/// end the run renews to.
#[derive(Clone, Copy)]
struct PageAt {
    actor: Actor,
    source: Source,
    stream: Stream,
    run: i64,
    lease: i64,
    /// The caller holds the user's bulk-write lock ([`batch::one_bulk_writer`]) for the page.
    locked: bool,
}

/// Writes one page in the caller's transaction; returns its counts and the errors of the
/// records the CRM refused. `unknown`: none of its records is known yet (no look-up).
async fn write_page(c: &mut impl Conn, at: PageAt, mut page: Page, unknown: bool) -> ApiResult<(Counts, Vec<String>)> {
    let PageAt { actor, source, stream, run, lease, locked } = at;
    if !locked {
        batch::one_bulk_writer(c, actor).await?;
    }
    let checkpoint = page.checkpoint.take();
    // The figures' sums are written after the records and their cache rows: pages written
    // side by side wait for each other only from there (the sums' rows, then the run's lease
    // and counts, always in that order).
    let (counts, errors) =
        crate::store::sums::deferred(c, actor.user_id, async |c| page_records(c, at, page, unknown).await).await?;
    if !store::renew(c, actor, source, run, lease).await? {
        return Err(ApiError::Conflict(format!("sync run {run} lost its lease (another took it over)")));
    }
    store::progress(c, run, &counts).await?;
    if let Some(cp) = &checkpoint {
        store::set_checkpoint(c, actor, source, stream.as_str(), cp).await?;
    }
    Ok((counts, errors))
}

/// The records of a page and their cache rows (see [`write_page`]).
async fn page_records(c: &mut impl Conn, at: PageAt, page: Page, unknown: bool) -> ApiResult<(Counts, Vec<String>)> {
    let PageAt { actor, source, stream, .. } = at;
    let kind = stream.kind();
    let table = match stream {
        Stream::People => "contacts",
        Stream::Deals => "deals",
    };
    let ids: Vec<&str> = page.records.iter().map(|r| r.external_id.as_str()).collect();
    let of = store::Synced { actor, source, kind, table };
    let known = if unknown { HashMap::new() } else { store::known(c, of, &ids).await? };
    let mut counts = Counts { fetched: page.records.len() as i64, ..Counts::default() };
    let mut remembered = Vec::with_capacity(page.records.len());
    let mut errors = Vec::new();
    // The records to write through the batch upsert, with what to remember of each.
    let mut todo: Vec<(usize, String, String)> = Vec::new();
    let mut people: Vec<Upsert<Contacts>> = Vec::new();
    let mut deals: Vec<Upsert<Deals>> = Vec::new();
    let hashes: Vec<String> = page.records.iter().map(|r| hash(&r.raw)).collect();
    let same = |i: usize, r: &crate::connectors::RemoteRecord| {
        let k = known.get(&r.external_id);
        k.is_some_and(|k| k.hash.as_deref() == Some(hashes[i].as_str()) && k.removed == r.removed)
    };
    // What the source sent last time of the records that changed (the fields it changed since).
    let changed: Vec<&str> = page
        .records
        .iter()
        .enumerate()
        .filter(|(i, r)| !same(*i, r) && !r.removed && known.get(&r.external_id).is_some_and(|k| k.local_id.is_some()))
        .map(|(_, r)| r.external_id.as_str())
        .collect();
    let before = if changed.is_empty() { HashMap::new() } else { store::sent_before(c, of, &changed).await? };
    let context = match stream {
        Stream::People => PageContext::People(matches_by_email(c, actor, &page, &known).await?),
        Stream::Deals => PageContext::Deals(deal_context(c, actor, source, &page).await?),
    };
    for (i, r) in page.records.iter().enumerate() {
        let data = r.raw.clone();
        let new_hash = hashes[i].clone();
        let k = known.get(&r.external_id);
        if same(i, r) {
            counts.unchanged += 1;
            continue;
        }
        if r.removed || k.is_some_and(|k| k.deleted_here) {
            // Removed at the source, or deleted here by the user: remembered, not written.
            if r.removed && !k.is_some_and(|k| k.removed) {
                counts.removed += 1;
            } else {
                counts.unchanged += 1;
            }
            remembered.push(store::Remembered {
                external_id: r.external_id.clone(),
                local_id: None,
                hash: new_hash,
                data,
                removed: r.removed,
            });
            continue;
        }
        let old: Option<Json> = before.get(&r.external_id).and_then(|d| serde_json::from_str(d).ok());
        let local = k.and_then(|k| k.local_id);
        match (&r.fields, &context) {
            (Fields::Person(p), PageContext::People(by_email)) => {
                let old = old.as_ref().map(|o| old_person(source, o, &r.external_id));
                people.push(person_upsert(p, local, old.as_ref(), by_email));
            }
            (Fields::Deal(d), PageContext::Deals(dc)) => {
                let old = old.as_ref().map(|o| old_deal(source, o, &r.external_id));
                match deal_upsert(d, local, old.as_ref(), dc) {
                    Ok(u) => deals.push(u),
                    Err(e) => {
                        counts.failed += 1;
                        errors.push(format!("{source} deal {}: {e}", r.external_id));
                        continue;
                    }
                }
            }
            _ => continue,
        }
        todo.push((i, new_hash, data));
    }
    let results = match stream {
        // On PostgreSQL, each person was matched above to the contacts of its e-mail exactly
        // as the batch would (under the user's bulk-write lock): e-mails match only within the
        // page. SQLite's `lower` folds only ASCII letters, and the batch's look-up in place
        // costs little: it looks again.
        Stream::People => {
            let matched = c.dialect() == Dialect::Postgres;
            batch::write_in::<Contacts, _>(c, actor, MatchOn::Email, matched, people).await?
        }
        Stream::Deals => batch::write_in::<Deals, _>(c, actor, MatchOn::None, true, deals).await?,
    };
    for ((i, new_hash, data), item) in todo.into_iter().zip(results) {
        let r = &page.records[i];
        match item.outcome {
            Outcome::Created => counts.created += 1,
            Outcome::Updated => counts.updated += 1,
            Outcome::Unchanged => counts.unchanged += 1,
            Outcome::Failed => {
                counts.failed += 1;
                let why: Vec<String> = item.errors.iter().map(|e| format!("{}: {}", e.field, e.message)).collect();
                errors.push(format!("{source} {kind} {}: {}", r.external_id, why.join("; ")));
                continue;
            }
        }
        remembered.push(store::Remembered {
            external_id: r.external_id.clone(),
            local_id: item.id,
            hash: new_hash,
            data,
            removed: false,
        });
    }
    // An unknown page's records have no cache row yet (nothing of the stream was known when
    // the run began, the run has not met them, and no other run of the source runs).
    store::remember(c, actor, source, kind, remembered, unknown).await?;
    Ok((counts, errors))
}

enum PageContext {
    /// Live contacts of the user whose e-mail a new person of the page has, by lower-cased
    /// e-mail: (id, the fields they hold).
    People(HashMap<String, (i64, PersonFields)>),
    Deals(DealContext),
}

struct DealContext {
    /// Local contacts of the persons the page's deals name, by external id.
    contacts: HashMap<String, i64>,
    stages: UserStages,
}

async fn matches_by_email(
    c: &mut impl Conn,
    actor: Actor,
    page: &Page,
    known: &HashMap<String, store::Known>,
) -> ApiResult<HashMap<String, (i64, PersonFields)>> {
    let emails: Vec<String> = page
        .records
        .iter()
        .filter(|r| known.get(&r.external_id).and_then(|k| k.local_id).is_none())
        .filter_map(|r| match &r.fields {
            Fields::Person(p) => p.email.as_ref().map(|e| e.trim().to_string()),
            Fields::Deal(_) => None,
        })
        .collect();
    let mut out: HashMap<String, (i64, PersonFields)> = HashMap::new();
    const SHAPE: &crate::db::Shape = &[
        ("id", Col::Int),
        ("name", Col::Text),
        ("email", Col::Text),
        ("phone", Col::Text),
        ("company", Col::Text),
        ("job_title", Col::Text),
        ("source", Col::Text),
        ("notes", Col::Text),
    ];
    let columns: Vec<&str> = SHAPE.iter().map(|(name, _)| *name).collect();
    let postgres = c.dialect() == Dialect::Postgres;
    for chunk in emails.chunks(500) {
        let (sql, binds) = if postgres {
            // Lower-cased by PostgreSQL, as the batch's own look-up does (which a page on
            // PostgreSQL relies on: see `write_page`).
            batch::live_by_email(&columns, actor, chunk)
        } else {
            let mut binds = vec![SqlValue::Int(Some(actor.user_id))];
            let list: Vec<String> = chunk
                .iter()
                .map(|e| {
                    binds.push(SqlValue::Text(Some(e.to_lowercase())));
                    format!("${}", binds.len())
                })
                .collect();
            let sql = format!(
                "SELECT {} FROM contacts WHERE user_id = $1 AND deleted_at IS NULL AND lower(email) IN ({})",
                columns.join(", "),
                list.join(", ")
            );
            (sql, binds)
        };
        for r in c.fetch(&sql, &binds, SHAPE).await? {
            let t = |n: &str| r.text(n).ok().flatten().map(str::to_string);
            let key = t("email").unwrap_or_default().trim().to_lowercase();
            let fields = PersonFields {
                name: t("name").unwrap_or_default(),
                email: t("email"),
                phone: t("phone"),
                company: t("company"),
                job_title: t("job_title"),
                status: None,
                source: t("source"),
                notes: t("notes"),
            };
            // The oldest contact of an e-mail, as the batch matches.
            let id = r.req_int("id")?;
            match out.entry(key) {
                std::collections::hash_map::Entry::Occupied(mut o) if o.get().0 > id => {
                    o.insert((id, fields));
                }
                std::collections::hash_map::Entry::Occupied(_) => {}
                std::collections::hash_map::Entry::Vacant(v) => {
                    v.insert((id, fields));
                }
            }
        }
    }
    Ok(out)
}

fn old_person(source: Source, raw: &Json, id: &str) -> PersonFields {
    match source {
        Source::Brivity => crate::connectors::mapping::brivity_person(raw, id).0,
        Source::TopProducer => crate::connectors::mapping::topproducer_contact(raw, id).0,
    }
}

fn old_deal(source: Source, raw: &Json, id: &str) -> DealFields {
    match source {
        Source::Brivity => crate::connectors::mapping::brivity_deal(raw, id).0,
        Source::TopProducer => crate::connectors::mapping::topproducer_deal(raw, id).0,
    }
}

fn new_contact(p: &PersonFields) -> NewContact {
    NewContact {
        name: p.name.clone(),
        email: p.email.clone(),
        phone: p.phone.clone(),
        company: p.company.clone(),
        job_title: p.job_title.clone(),
        status: p.status.unwrap_or(ContactStatus::Lead),
        source: p.source.clone(),
        notes: p.notes.clone(),
        ..Default::default()
    }
}

/// The upsert of a person: by its local contact when linked (the fields the source changed),
/// else onto the contact with its e-mail (that contact's empty fields), else a new contact.
fn person_upsert(
    p: &PersonFields,
    local: Option<i64>,
    old: Option<&PersonFields>,
    by_email: &HashMap<String, (i64, PersonFields)>,
) -> Upsert<Contacts> {
    let new = new_contact(p);
    if let Some(id) = local {
        let patch = ContactPatch {
            name: (old.map(|o| &o.name) != Some(&p.name)).then(|| p.name.clone()),
            email: changed(&p.email, old.map(|o| &o.email)),
            phone: changed(&p.phone, old.map(|o| &o.phone)),
            company: changed(&p.company, old.map(|o| &o.company)),
            job_title: changed(&p.job_title, old.map(|o| &o.job_title)),
            status: p.status.filter(|s| old.and_then(|o| o.status) != Some(*s)),
            source: changed(&p.source, old.map(|o| &o.source)),
            notes: changed(&p.notes, old.map(|o| &o.notes)),
            ..Default::default()
        };
        return Upsert { id: Some(id), email: None, new, patch };
    }
    let found = p.email.as_ref().and_then(|e| by_email.get(&e.trim().to_lowercase()));
    if let Some((id, mine)) = found {
        let fill = |theirs: &Option<String>, mine: &Option<String>| match mine {
            Some(_) => None,
            None => theirs.clone().map(Some),
        };
        let patch = ContactPatch {
            phone: fill(&p.phone, &mine.phone),
            company: fill(&p.company, &mine.company),
            job_title: fill(&p.job_title, &mine.job_title),
            source: fill(&p.source, &mine.source),
            notes: fill(&p.notes, &mine.notes),
            ..Default::default()
        };
        return Upsert { id: Some(*id), email: None, new, patch };
    }
    // New: matched on e-mail within the page by the batch, so that two people of one e-mail
    // become one contact.
    let patch = ContactPatch {
        phone: p.phone.clone().map(Some),
        company: p.company.clone().map(Some),
        job_title: p.job_title.clone().map(Some),
        source: p.source.clone().map(Some),
        notes: p.notes.clone().map(Some),
        ..Default::default()
    };
    Upsert { id: None, email: p.email.clone(), new, patch }
}

async fn deal_context(c: &mut impl Conn, actor: Actor, source: Source, page: &Page) -> ApiResult<DealContext> {
    let persons: Vec<&str> = page
        .records
        .iter()
        .filter_map(|r| match &r.fields {
            Fields::Deal(d) => d.person.as_deref(),
            Fields::Person(_) => None,
        })
        .collect();
    let people = store::Synced { actor, source, kind: Stream::People.kind(), table: "contacts" };
    let contacts = store::local_ids(c, people, &persons).await?;
    let stages = UserStages::load(c, actor.user_id).await?;
    Ok(DealContext { contacts, stages })
}

/// The name of the stage of the user's default pipeline where `place` falls.
fn stage_name(stages: &UserStages, place: StagePlace) -> Option<String> {
    let pipeline = stages.default_pipeline()?;
    let of = |kind: StageKind| stages.of(pipeline).filter(move |s| s.kind == kind);
    let stage = match place {
        StagePlace::Won => of(StageKind::Won).next(),
        StagePlace::Lost => of(StageKind::Lost).next(),
        StagePlace::Open(rank) => {
            let open: Vec<_> = of(StageKind::Open).collect();
            let i = ((rank.clamp(0.0, 0.999) * open.len() as f64) as usize).min(open.len().saturating_sub(1));
            open.get(i).copied()
        }
    };
    stage.map(|s| s.name.clone())
}

fn deal_upsert(
    d: &DealFields,
    local: Option<i64>,
    old: Option<&DealFields>,
    dc: &DealContext,
) -> Result<Upsert<Deals>, String> {
    let stage = stage_name(&dc.stages, d.stage).ok_or("the pipeline has no stage of that kind")?;
    let contact = d.person.as_ref().and_then(|p| dc.contacts.get(p)).copied();
    let new = NewDeal {
        name: d.name.clone(),
        amount: d.amount,
        currency: d.currency.clone(),
        stage: stage.clone(),
        close_date: d.close_date,
        contact_id: contact,
        ..Default::default()
    };
    let patch = match old {
        None => DealPatch::default(),
        Some(o) => DealPatch {
            name: (o.name != d.name).then(|| d.name.clone()),
            amount: (o.amount != d.amount).then_some(d.amount),
            currency: (o.currency != d.currency).then(|| d.currency.clone()),
            stage: (o.stage != d.stage).then_some(stage),
            close_date: changed(&d.close_date, Some(&o.close_date)),
            contact_id: if o.person != d.person { contact.map(Some) } else { None },
            ..Default::default()
        },
    };
    Ok(Upsert { id: local, email: None, new, patch })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The hashes are stored and compared across syncs: their text must never change.
    #[test]
    fn hash_is_lower_case_hex_sha256() {
        assert_eq!(hash(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assert_eq!(hash("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
