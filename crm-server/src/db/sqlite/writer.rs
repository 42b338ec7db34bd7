//! Group commit for SQLite: writes are queued to one thread that owns the single write
//! connection, takes every write waiting, runs each under a savepoint in one transaction and
//! commits them together. A write that fails rolls back to its savepoint alone; callers get
//! their answer only once the transaction holding their write has committed. The statements
//! run in place on the writer's thread (see [`super::conn`]).
//!
//! Besides the writes it is given, the writer does the [`Upkeep`] it is handed when it starts
//! (the full-text indexes' upkeep, [`super::fts`]): a step inside each group's transaction, and
//! work while no write waits.

use std::panic::AssertUnwindSafe;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::SyncSender;
use std::time::Duration;

use futures_util::FutureExt;
use futures_util::future::LocalBoxFuture;
use tokio::sync::{mpsc, oneshot};

use super::conn::SqliteConn;
use crate::db::{DbConn, DbError};

/// Longest wait for a place in the writer's queue.
const QUEUE_WAIT: Duration = Duration::from_secs(30);

/// Most writes committed together.
const MAX_GROUP: usize = 256;

/// How long the writer waits for a write before it turns to its idle upkeep (for the
/// full-text indexes, merging segments): then step after step, for as long as no write waits.
/// Shorter waits found gaps inside a CSV import, and the merges slowed it by 3%.
const IDLE: Duration = Duration::from_millis(100);

/// Work the writer does besides the writes it is given.
pub trait Upkeep: Send + 'static {
    /// Once, on the writer's thread, before the first write.
    fn start(&mut self, c: &mut SqliteConn);
    /// In each group's transaction, after its writes, before the commit; an error rolls the
    /// whole group back.
    fn before_commit(&mut self, c: &mut SqliteConn) -> Result<(), DbError>;
    /// The group whose [`Upkeep::before_commit`] ran last has committed.
    fn committed(&mut self);
    /// Whether there is work for the idle writer.
    fn idle_work(&self) -> bool;
    /// One short step of the idle work (a few milliseconds), which commits its own writes
    /// ([`in_own_tx`]).
    fn idle_step(&mut self, c: &mut SqliteConn);
}

/// What a queued write reports to the writer: whether it succeeded, and how to deliver its
/// result once the group's fate is known.
struct Done {
    ok: bool,
    deliver: Box<dyn FnOnce(Option<DbError>) + Send>,
}

/// A write, sent to the writer's thread; its future runs there alone, so it need not be `Send`.
/// Given an error instead of a connection (its group's transaction could not begin), it answers
/// its caller with that error, running nothing.
type Job = Box<dyn for<'c> FnOnce(Result<&'c mut SqliteConn, DbError>) -> LocalBoxFuture<'c, Done> + Send>;

/// The queue of writes of one SQLite database.
#[derive(Clone, Debug)]
pub struct Writer {
    tx: mpsc::Sender<Job>,
    stats: Arc<WriterStats>,
}

/// Upper bounds of the group sizes counted.
pub const GROUP_SIZES: [usize; 9] = [1, 2, 4, 8, 16, 32, 64, 128, MAX_GROUP];

/// What the writer counts: groups committed by size, and the writes in them.
#[derive(Debug, Default)]
pub struct WriterStats {
    groups: [AtomicU64; GROUP_SIZES.len()],
    writes: AtomicU64,
}

impl WriterStats {
    fn group(&self, size: usize) {
        let i = GROUP_SIZES.iter().position(|n| size <= *n).unwrap_or(GROUP_SIZES.len() - 1);
        self.groups[i].fetch_add(1, Ordering::Relaxed);
        self.writes.fetch_add(size as u64, Ordering::Relaxed);
    }
}

impl Writer {
    /// Starts the writer on the write connection. `checkpoints` is told of each commit (see
    /// [`super::checkpoint`]).
    ///
    /// The writer has a thread of its own (running the writes' futures, which wait on nothing
    /// but the connection, on a single-threaded runtime): its statements run in place, and a
    /// long write (a group of batches, the undo of a big import) would otherwise hold one of
    /// the runtime's workers and the requests queued on it.
    pub fn start(conn: SqliteConn, checkpoints: SyncSender<()>, upkeep: Box<dyn Upkeep>) -> std::io::Result<Self> {
        let (tx, rx) = mpsc::channel::<Job>(4096);
        let rt = tokio::runtime::Builder::new_current_thread().enable_all().build()?;
        let stats = Arc::new(WriterStats::default());
        let counting = Arc::clone(&stats);
        std::thread::Builder::new()
            .name("sqlite-writer".into())
            .spawn(move || rt.block_on(run(conn, rx, checkpoints, upkeep, &counting)))?;
        Ok(Writer { tx, stats })
    }

    /// Writes waiting in the queue.
    pub fn queued(&self) -> usize {
        self.tx.max_capacity() - self.tx.capacity()
    }

    /// Groups committed, by [`GROUP_SIZES`] (not cumulative), and the writes in them.
    pub fn groups(&self) -> (Vec<(usize, u64)>, u64) {
        let groups = GROUP_SIZES.iter().zip(&self.stats.groups).map(|(n, c)| (*n, c.load(Ordering::Relaxed))).collect();
        (groups, self.stats.writes.load(Ordering::Relaxed))
    }

    /// Runs `f` in the next group transaction and returns its result after the commit. `f`
    /// returns its value and whether its writes stay (`false` rolls them back).
    pub async fn write<T, E, F>(&self, f: F) -> Result<T, E>
    where
        T: Send + 'static,
        E: From<DbError> + Send + 'static,
        F: AsyncFnOnce(&mut DbConn<'_>) -> Result<(T, bool), E> + Send + 'static,
    {
        let (tx, rx) = oneshot::channel::<Result<T, E>>();
        // The write runs on the writer's thread: carry the request id the audit trail records.
        let request_id = crate::request_id::current();
        let job: Job = Box::new(move |c: Result<&mut SqliteConn, DbError>| {
            Box::pin(async move {
                let c = match c {
                    Ok(c) => c,
                    Err(e) => {
                        let _ = tx.send(Err(E::from(e)));
                        return Done { ok: false, deliver: Box::new(|_| {}) };
                    }
                };
                let mut c = DbConn::Sqlite(c);
                let result = match request_id {
                    Some(id) => crate::request_id::REQUEST_ID.scope(id, f(&mut c)).await,
                    None => f(&mut c).await,
                };
                let ok = matches!(result, Ok((_, true)));
                let deliver = Box::new(move |commit_error: Option<DbError>| {
                    let result = match (result, commit_error) {
                        (Ok((_, true)), Some(e)) => Err(E::from(e)),
                        (r, _) => r.map(|(v, _)| v),
                    };
                    let _ = tx.send(result);
                });
                Done { ok, deliver }
            })
        });
        // A write that cannot even join the queue for this long is refused as busy (it was not
        // queued, so nothing of it is written). Once queued, its answer is awaited however long
        // it takes: answering before then could report as failed a write that commits.
        match tokio::time::timeout(QUEUE_WAIT, self.tx.send(job)).await {
            Ok(sent) => sent.map_err(|_| E::from(DbError::Other("the database writer has stopped".into())))?,
            Err(_) => return Err(E::from(DbError::Busy("the writer's queue stayed full"))),
        }
        rx.await.map_err(|_| E::from(DbError::Other("the database writer dropped a write".into())))?
    }
}

fn exec(c: &mut SqliteConn, sql: &'static str) -> Result<(), DbError> {
    c.execute_now(sql, &[]).map(|_| ())
}

async fn run(
    mut conn: SqliteConn,
    mut rx: mpsc::Receiver<Job>,
    checkpoints: SyncSender<()>,
    mut upkeep: Box<dyn Upkeep>,
    stats: &WriterStats,
) {
    upkeep.start(&mut conn);
    let mut idling = false;
    loop {
        let next = if upkeep.idle_work() {
            // `None` when no write came: time for upkeep.
            let came = if idling {
                match rx.try_recv() {
                    Ok(job) => Some(Some(job)),
                    Err(mpsc::error::TryRecvError::Empty) => None,
                    Err(mpsc::error::TryRecvError::Disconnected) => Some(None),
                }
            } else {
                tokio::time::timeout(IDLE, rx.recv()).await.ok()
            };
            match came {
                Some(next) => next,
                None => {
                    upkeep.idle_step(&mut conn);
                    let _ = checkpoints.try_send(());
                    idling = true;
                    continue;
                }
            }
        } else {
            rx.recv().await
        };
        idling = false;
        let Some(first) = next else { break };
        let mut jobs = vec![first];
        while jobs.len() < MAX_GROUP {
            match rx.try_recv() {
                Ok(job) => jobs.push(job),
                Err(_) => break,
            }
        }
        let (outcome, done) = commit_group(&mut conn, jobs, upkeep.as_mut(), &checkpoints).await;
        match &outcome {
            Some(e) => {
                tracing::error!(error = %e, "group commit failed");
                let _ = exec(&mut conn, "ROLLBACK");
            }
            None => {
                upkeep.committed();
                stats.group(done.len());
            }
        }
        for d in done {
            (d.deliver)(outcome.clone());
        }
    }
}

/// Runs the jobs of a group in one transaction, each under its savepoint, then the upkeep's
/// step and the commit. Returns why the group failed, if it did, and what each job reported.
async fn commit_group(
    conn: &mut SqliteConn,
    jobs: Vec<Job>,
    upkeep: &mut dyn Upkeep,
    checkpoints: &SyncSender<()>,
) -> (Option<DbError>, Vec<Done>) {
    let mut done = Vec::with_capacity(jobs.len());
    if let Err(e) = exec(conn, "BEGIN IMMEDIATE") {
        // The jobs are not run: their callers are answered with the error.
        tracing::error!(error = %e, "cannot begin a write transaction");
        for job in jobs {
            job(Err(e.clone())).await;
        }
        return (Some(e), done);
    }
    let mut broken: Option<DbError> = None;
    let mut jobs = jobs.into_iter();
    for job in jobs.by_ref() {
        if let Err(e) = exec(conn, "SAVEPOINT w") {
            job(Err(e.clone())).await;
            broken = Some(e);
            break;
        }
        // A write that panics is rolled back alone (its caller's answer channel is dropped,
        // which answers it with an error); the writer goes on with the others.
        let d = AssertUnwindSafe(job(Ok(conn))).catch_unwind().await.ok();
        let ok = d.as_ref().is_some_and(|d| d.ok);
        // A failure SQLite answers by rolling the whole transaction back (a full disk, an I/O
        // error) leaves no savepoint: the group is lost, and its other writes are told to retry.
        let lost = !ok && !conn.in_transaction();
        let end = if lost {
            Err(DbError::Unavailable("the database rolled the write back (out of space or an I/O error)".into()))
        } else if ok {
            exec(conn, "RELEASE w")
        } else {
            exec(conn, "ROLLBACK TO w").and_then(|()| exec(conn, "RELEASE w"))
        };
        done.extend(d);
        if let Err(e) = end {
            broken = Some(e);
            break;
        }
    }
    // Writes not run: answered with why the group failed, rather than dropped.
    if let Some(e) = &broken {
        for job in jobs {
            job(Err(e.clone())).await;
        }
    }
    if broken.is_none()
        && let Err(e) = upkeep.before_commit(conn)
    {
        tracing::error!(error = %e, "the writer's upkeep failed");
        broken = Some(e);
    }
    let outcome = match broken {
        Some(e) => Some(e),
        None => {
            let committed = exec(conn, "COMMIT");
            let _ = checkpoints.try_send(());
            committed.err()
        }
    };
    (outcome, done)
}

/// Runs `f` in a write transaction of its own, committed when it succeeds: for upkeep done
/// while no write waits.
pub fn in_own_tx<T>(c: &mut SqliteConn, f: impl FnOnce(&mut SqliteConn) -> Result<T, DbError>) -> Result<T, DbError> {
    exec(c, "BEGIN IMMEDIATE")?;
    let result = f(c);
    let end = if result.is_ok() { exec(c, "COMMIT") } else { exec(c, "ROLLBACK") };
    let value = result?;
    if let Err(e) = end {
        let _ = exec(c, "ROLLBACK");
        return Err(e);
    }
    Ok(value)
}
