//! How a sync's pages are written: one at a time, each in a transaction of its own; and in a
//! first sync on PostgreSQL, pages that share no record and no e-mail with a page being
//! written two at a time, in windows under one hold of the user's bulk-write lock.

use std::collections::HashSet;

use futures_util::future::select_all;

use super::{PageAt, RunLog, STOPPED, Syncer, failed_write, write_page};
use crate::connectors::{Fields, Page, PersonFields, Stream};
use crate::db::{Conn, Db, Dialect, Kept};
use crate::error::{ApiError, ApiResult};
use crate::service::batch;
use crate::store::integrations::Counts;
use crate::store::records::Actor;

/// Pages of a first sync written at once on PostgreSQL (see [`Syncer::write_window`]).
const ROUND_WIDTH: usize = 2;

/// Pages of a first sync written under one hold of the user's bulk-write lock, at most (an
/// import of the user waits for them: a few hundred milliseconds).
const WINDOW_PAGES: usize = 8;

/// A page as its connector read it.
type Fetched = Result<Option<Page>, crate::connectors::FetchError>;
/// The pages read ahead of the writes.
type Ahead = tokio::sync::mpsc::Receiver<Fetched>;
/// A page's counts and the errors of its records, once written.
type PageWritten = ApiResult<(Counts, Vec<String>)>;

/// A page on its way to be written.
struct Admitted {
    page: Page,
    /// None of its records is known (a first sync that has not met them yet): nothing to look up.
    unknown: bool,
    /// What a page written beside it may not have: its records and e-mails ([`keys`]).
    keys: HashSet<String>,
}

/// What a window of pages came to: each page's write, the page that ended it (to write next),
/// and how the stream ended when it did.
#[derive(Default)]
struct Window {
    written: Vec<PageWritten>,
    carried: Option<Page>,
    end: Option<End>,
}

impl Window {
    /// Takes in a page's write as its task ended; its connection goes back to `free`.
    fn landed(&mut self, done: Result<(Kept, PageWritten), tokio::task::JoinError>, free: &mut Vec<Kept>) {
        let (kept, written) = joined(done);
        free.extend(kept);
        self.written.push(written);
    }

    /// Whether pages may still join it.
    fn is_open(&self) -> bool {
        self.carried.is_none() && self.end.is_none() && self.written.iter().all(Result::is_ok)
    }
}

/// How a stream's reading ended.
enum End {
    /// After its last page.
    Last,
    /// The account has no such stream (Brivity's deals feed is hypothetical).
    NoStream,
    /// A fetch failed.
    Failed(String),
}

/// A stream's pages as they go to be written.
pub(super) struct StreamState<'a> {
    /// The external ids of the records met so far in this run.
    pub(super) seen: &'a mut HashSet<String>,
    pub(super) log: &'a mut RunLog,
    /// Nothing of the stream was known when the run began (a first sync).
    pub(super) knew_none: bool,
    /// Pages written at once ([`Syncer::round_width`]).
    pub(super) width: usize,
}

impl StreamState<'_> {
    /// The page that arrived from the reader, or else how the stream ended (in `w`).
    fn arrived(&mut self, got: Option<Fetched>, w: &mut Window) -> Option<Page> {
        match got {
            Some(Ok(Some(page))) => return Some(page),
            None => w.end = Some(End::Last),
            Some(Ok(None)) => w.end = Some(End::NoStream),
            Some(Err(e)) => w.end = Some(End::Failed(e.to_string())),
        }
        None
    }

    /// Whether the page may be written beside others: a first sync's, none of whose records
    /// this run has met, with no checkpoint to keep in order.
    fn side_by_side(&self, page: &Page) -> bool {
        self.width > 1 && page.checkpoint.is_none() && self.unknown(page)
    }

    /// Whether none of the page's records can be known: a first sync's page whose records this
    /// run has not met, none of them twice.
    fn unknown(&self, page: &Page) -> bool {
        let mut ids = HashSet::with_capacity(page.records.len());
        self.knew_none
            && page.records.iter().all(|r| !self.seen.contains(&r.external_id) && ids.insert(r.external_id.as_str()))
    }

    /// Takes the page in: its records are met, their unmapped values counted.
    fn admit(&mut self, page: Page) -> Admitted {
        let unknown = self.unknown(&page);
        for r in &page.records {
            self.seen.insert(r.external_id.clone());
            for (field, value) in &r.unmapped {
                *self.log.unmapped.entry((field, value.clone())).or_default() += 1;
            }
        }
        let keys = page.records.iter().flat_map(keys).collect();
        Admitted { page, unknown, keys }
    }
}

/// What two pages written at once may not both have: a record (its external id) or an e-mail
/// (lower-cased): each would create its contact without seeing the other's.
fn keys(r: &crate::connectors::RemoteRecord) -> impl Iterator<Item = String> + '_ {
    let email = match &r.fields {
        Fields::Person(PersonFields { email: Some(e), .. }) => Some(format!("@{}", e.trim().to_lowercase())),
        _ => None,
    };
    std::iter::once(format!("#{}", r.external_id)).chain(email)
}

/// Whether the page has any of `taken`'s keys.
fn shares(taken: &HashSet<String>, page: &Page) -> bool {
    page.records.iter().flat_map(keys).any(|k| taken.contains(&k))
}

/// A page's write and its connection back, however its task ended (a task that panicked
/// loses its connection).
fn joined(done: Result<(Kept, PageWritten), tokio::task::JoinError>) -> (Option<Kept>, PageWritten) {
    match done {
        Ok((kept, written)) => (Some(kept), written),
        Err(e) => (None, Err(ApiError::Internal(anyhow::anyhow!("a page's write ended: {e}")))),
    }
}

/// The user's bulk-write lock ([`batch::one_bulk_writer`]), held by a transaction of its own
/// that writes nothing, until released (PostgreSQL; SQLite's one writer needs none).
struct Held(Option<(tokio::sync::oneshot::Sender<()>, tokio::task::JoinHandle<ApiResult<()>>)>);

impl Held {
    async fn take(db: &Db, actor: Actor) -> ApiResult<Held> {
        if db.dialect() == Dialect::Sqlite {
            return Ok(Held(None));
        }
        let (taken, is_taken) = tokio::sync::oneshot::channel::<()>();
        let (release, released) = tokio::sync::oneshot::channel::<()>();
        let db = db.clone();
        let task = tokio::spawn(async move {
            db.write_keep(async move |c| {
                // Never ended by the server for idling: the lock would go with it while the
                // pages go on.
                c.execute("SET LOCAL idle_in_transaction_session_timeout = 0", &[]).await?;
                batch::one_bulk_writer(c, actor).await?;
                let _ = taken.send(());
                // Until released, or dropped.
                let _ = released.await;
                Ok::<_, ApiError>(((), false))
            })
            .await
        });
        if is_taken.await.is_ok() {
            return Ok(Held(Some((release, task))));
        }
        // The transaction ended before it had the lock: why.
        match task.await {
            Ok(Err(e)) => Err(e),
            _ => Err(ApiError::Internal(anyhow::anyhow!("the bulk-write lock's transaction ended"))),
        }
    }

    /// Ends the transaction, which frees the lock.
    async fn release(self) {
        if let Some((release, task)) = self.0 {
            let _ = release.send(());
            let _ = task.await;
        }
    }
}

impl Syncer {
    /// Pages of a first sync written at once: on PostgreSQL, a transaction each, beside
    /// each other; SQLite has one writer.
    pub(super) fn round_width(&self) -> usize {
        match self.db.dialect() {
            // A window keeps a connection for each page and one for the lock, and leaves one
            // to the rest of the server.
            Dialect::Postgres if self.db.pool_size() as usize >= ROUND_WIDTH + 2 => ROUND_WIDTH,
            Dialect::Postgres | Dialect::Sqlite => 1,
        }
    }

    /// Writes one page in a transaction of its own on `kept`, and hands `kept` back.
    fn spawn_page(&self, at: PageAt, a: Admitted, mut kept: Kept) -> tokio::task::JoinHandle<(Kept, PageWritten)> {
        let db = self.db.clone();
        tokio::spawn(async move {
            let began = std::time::Instant::now();
            let written = db.write_on(&mut kept, async move |c| write_page(c, at, a.page, a.unknown).await).await;
            tracing::debug!(stream = at.stream.as_str(), ms = began.elapsed().as_millis() as u64, "a page written");
            (kept, written)
        })
    }

    /// Writes one page on a connection of its own (taking the user's lock in its transaction).
    async fn write_alone(&self, at: PageAt, a: Admitted) -> PageWritten {
        match self.db.keep().await {
            Ok(kept) => joined(self.spawn_page(at, a, kept).await).1,
            Err(e) => Err(e.into()),
        }
    }

    /// Writes `first` and the pages after it that are ready, up to [`WINDOW_PAGES`], two at a
    /// time (a transaction each), under one hold of the user's bulk-write lock: an import or
    /// another source's page waits for the window and never sees half of it. A page that
    /// shares a record or an e-mail with one being written, or that is not of a first sync,
    /// ends the window and is handed back. The lock is never held while waiting on the network:
    /// when no page is ready and none is being written, the window ends.
    async fn write_window(&self, at: PageAt, first: Admitted, ahead: &mut Ahead, st: &mut StreamState<'_>) -> Window {
        let began = std::time::Instant::now();
        let mut out = Window::default();
        // The pages' connections are taken before the lock: while it holds the lock, the
        // window waits for no connection (those waiting for the lock may hold the rest).
        let mut free = Vec::with_capacity(st.width);
        while free.len() < st.width.max(1) {
            match self.db.keep().await {
                Ok(kept) => free.push(kept),
                Err(e) => {
                    out.written.push(Err(e.into()));
                    return out;
                }
            }
        }
        let kept = free.swap_remove(0);
        let held = match Held::take(&self.db, at.actor).await {
            Ok(h) => h,
            Err(e) => {
                out.written.push(Err(e));
                return out;
            }
        };
        let at = PageAt { locked: true, ..at };
        // The pages being written, each with its keys; the first to end frees its connection.
        let mut flying = vec![(first.keys.clone(), self.spawn_page(at, first, kept))];
        let mut started = 1;
        loop {
            let room = !free.is_empty() && started < WINDOW_PAGES && out.is_open() && !self.stopping();
            let got = if !room {
                None
            } else if flying.is_empty() {
                match ahead.try_recv() {
                    Ok(got) => Some(Some(got)),
                    Err(tokio::sync::mpsc::error::TryRecvError::Empty) => break,
                    Err(tokio::sync::mpsc::error::TryRecvError::Disconnected) => Some(None),
                }
            } else {
                let first_done = select_all(flying.iter_mut().map(|(_, task)| task));
                tokio::select! {
                    biased;
                    (done, i, _) = first_done => {
                        flying.swap_remove(i);
                        out.landed(done, &mut free);
                        continue;
                    }
                    got = ahead.recv() => Some(got),
                }
            };
            match got {
                Some(got) => match st.arrived(got, &mut out) {
                    Some(page) if st.side_by_side(&page) && flying.iter().all(|(k, _)| !shares(k, &page)) => {
                        match free.pop() {
                            Some(kept) => {
                                let a = st.admit(page);
                                flying.push((a.keys.clone(), self.spawn_page(at, a, kept)));
                                started += 1;
                            }
                            None => out.carried = Some(page),
                        }
                    }
                    Some(page) => out.carried = Some(page),
                    None => {}
                },
                None if flying.is_empty() => break,
                None => {
                    let (done, i, _) = select_all(flying.iter_mut().map(|(_, task)| task)).await;
                    flying.swap_remove(i);
                    out.landed(done, &mut free);
                }
            }
        }
        for (_, task) in flying {
            out.written.push(joined(task.await).1);
        }
        held.release().await;
        tracing::debug!(pages = started, ms = began.elapsed().as_millis() as u64, "a window of pages written");
        out
    }

    /// Writes a stream's pages as the reader brings them (`ahead`), one at a time or, when
    /// they may be, in windows ([`Syncer::write_window`]). Answers whether the stream was read
    /// to its end (false: the account has no such stream), or why it failed.
    pub(super) async fn write_stream(
        &self,
        at: PageAt,
        mut ahead: Ahead,
        mut st: StreamState<'_>,
    ) -> Result<bool, String> {
        let mut complete = true;
        let mut carried: Option<Page> = None;
        loop {
            let page = match carried.take() {
                Some(p) => p,
                None => {
                    let mut w = Window::default();
                    let page = st.arrived(ahead.recv().await, &mut w);
                    match (page, w.end) {
                        (Some(p), _) => p,
                        (None, Some(End::NoStream)) => return Ok(false),
                        (None, Some(End::Failed(e))) => return Err(e),
                        (None, _) => return Ok(true),
                    }
                }
            };
            let window = if st.side_by_side(&page) {
                let first = st.admit(page);
                self.write_window(at, first, &mut ahead, &mut st).await
            } else {
                let a = st.admit(page);
                Window { written: vec![self.write_alone(at, a).await], ..Window::default() }
            };
            for written in window.written {
                let (counts, errors) = written.map_err(failed_write)?;
                // The planner's statistics follow the tables as a sync fills them
                // (PostgreSQL).
                let written = usize::try_from(counts.created + counts.updated).unwrap_or(0);
                let tables = match at.stream {
                    Stream::People => vec!["contacts", "audit_log", "sync_records"],
                    Stream::Deals => vec!["deals", "deal_stage_changes", "audit_log", "sync_records"],
                };
                self.db.wrote_in_bulk(tables, written);
                for e in errors {
                    st.log.error(e);
                }
                st.log.counts.fetched += counts.fetched;
            }
            let ended = window.end.is_some();
            match window.end {
                Some(End::Failed(e)) => return Err(e),
                Some(End::NoStream) => complete = false,
                _ => {}
            }
            if self.stopping() {
                return Err(STOPPED.into());
            }
            carried = window.carried;
            if carried.is_none() && ended {
                return Ok(complete);
            }
        }
    }
}
