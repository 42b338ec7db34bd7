//! Group commit for SQLite: writes are queued to one task that owns the single write
//! connection, takes every write waiting, runs each under a savepoint in one transaction and
//! commits them together. A write that fails rolls back to its savepoint alone; callers get
//! their answer only once the transaction holding their write has committed. The statements
//! run in place on the writer task's thread (see [`crate::lite`]).

use std::panic::AssertUnwindSafe;

use futures_util::FutureExt;
use futures_util::future::BoxFuture;
use tokio::sync::{mpsc, oneshot};

use crate::error::{ApiError, ApiResult};
use crate::lite::Lite;

/// Longest wait for a place in the writer's queue.
const QUEUE_WAIT: std::time::Duration = std::time::Duration::from_secs(30);

/// Most writes committed together.
const MAX_GROUP: usize = 256;

/// How long the writer waits for a write before it merges the segments of a full-text index
/// (see [`crate::store::words::merge_step`]): then step after step, for as long as no write
/// waits. Shorter waits found gaps inside a CSV import, and the merges slowed it by 3%.
const IDLE: std::time::Duration = std::time::Duration::from_millis(100);

/// What a queued write reports to the writer: whether it succeeded, and how to deliver its
/// result once the group's fate is known.
struct Done {
    ok: bool,
    deliver: Box<dyn FnOnce(Option<String>) + Send>,
}

type Job = Box<dyn for<'c> FnOnce(&'c mut Lite) -> BoxFuture<'c, Done> + Send>;

/// The queue of writes of one SQLite database.
#[derive(Clone, Debug)]
pub struct Writer {
    tx: mpsc::Sender<Job>,
}

impl Writer {
    /// Starts the writer task on the write connection.
    /// `checkpoints` is told of each commit (see [`crate::lite::start_checkpointer`]).
    ///
    /// The writer has a thread of its own (running the writes' futures, which wait on nothing
    /// but the connection, on a single-threaded runtime): its statements run in place, and a
    /// long write (a group of batches, the undo of a big import) would otherwise hold one of
    /// the runtime's workers and the requests queued on it.
    pub fn start(conn: Lite, checkpoints: std::sync::mpsc::SyncSender<()>) -> std::io::Result<Self> {
        let (tx, rx) = mpsc::channel::<Job>(4096);
        let rt = tokio::runtime::Builder::new_current_thread().enable_all().build()?;
        std::thread::Builder::new()
            .name("sqlite-writer".into())
            .spawn(move || rt.block_on(run(conn, rx, checkpoints)))?;
        Ok(Writer { tx })
    }

    /// Runs `f` in the next group transaction and returns its result after the commit. `f`
    /// returns its value and whether its writes stay (`false` rolls them back).
    pub async fn write<T, F>(&self, f: F) -> ApiResult<T>
    where
        T: Send + 'static,
        F: for<'c> FnOnce(&'c mut Lite) -> BoxFuture<'c, ApiResult<(T, bool)>> + Send + 'static,
    {
        let (tx, rx) = oneshot::channel::<ApiResult<T>>();
        // The write runs in the writer's task: carry the request id the audit trail records.
        let request_id = crate::error::request_id();
        let job: Job = Box::new(move |c: &mut Lite| {
            Box::pin(async move {
                let result = match request_id {
                    Some(id) => crate::error::REQUEST_ID.scope(id, f(c)).await,
                    None => f(c).await,
                };
                let ok = matches!(result, Ok((_, true)));
                let deliver = Box::new(move |commit_error: Option<String>| {
                    let result = match (result, commit_error) {
                        (Ok((_, true)), Some(e)) => Err(ApiError::Internal(anyhow::anyhow!("commit failed: {e}"))),
                        (r, _) => r.map(|(v, _)| v),
                    };
                    let _ = tx.send(result);
                });
                Done { ok, deliver }
            })
        });
        // A write that cannot even join the queue for this long is refused with 503 (it was not
        // queued, so nothing of it is written). Once queued, its answer is awaited however long
        // it takes: answering before then could report as failed a write that commits.
        match tokio::time::timeout(QUEUE_WAIT, self.tx.send(job)).await {
            Ok(sent) => sent.map_err(|_| ApiError::Internal(anyhow::anyhow!("the database writer has stopped")))?,
            Err(_) => return Err(ApiError::Unavailable("the server is busy writing; retry shortly".into())),
        }
        rx.await.map_err(|_| ApiError::Internal(anyhow::anyhow!("the database writer dropped a write")))?
    }
}

async fn exec(c: &mut Lite, sql: &'static str) -> Result<(), sqlx::Error> {
    c.execute_now(sql, &[]).map(|_| ())
}

/// Upkeep of the full-text indexes, done while no write waits.
struct Upkeep {
    /// Which indexes may have segments to merge: all at start, then those written.
    untidy: [bool; 4],
    /// Which indexes failed to take their changes and are to be rebuilt (as `search_rebuild`
    /// lists them, read at start).
    damaged: [bool; 4],
    /// Damaged indexes whose rebuild failed: tried again after the next commit.
    waiting: [bool; 4],
}

impl Upkeep {
    /// The next piece of upkeep: an index to rebuild (first) or to merge.
    fn next(&self) -> Option<(usize, bool)> {
        let rebuild = (0..4).find(|&i| self.damaged[i] && !self.waiting[i]).map(|i| (i, true));
        rebuild.or_else(|| self.untidy.iter().position(|u| *u).map(|i| (i, false)))
    }

    async fn run(&mut self, c: &mut Lite, (i, rebuild): (usize, bool), checkpoints: &std::sync::mpsc::SyncSender<()>) {
        let spec = crate::store::words::INDEXED[i];
        if rebuild {
            match alone(c, checkpoints, |c| crate::store::words::rebuild(c, spec)).await {
                Ok(()) => {
                    tracing::info!(table = spec.table, "search index rebuilt");
                    self.damaged[i] = false;
                }
                Err(e) => {
                    tracing::error!(error = %e, table = spec.table, "rebuilding the search index failed");
                    self.waiting[i] = true;
                }
            }
            return;
        }
        self.untidy[i] = match alone(c, checkpoints, |c| crate::store::words::merge_step(c, spec)).await {
            Ok(more) => more,
            Err(e) => {
                tracing::warn!(error = %e, table = spec.table, "merging the search index's segments failed");
                false
            }
        };
    }

    /// After a group commit that applied the search queue.
    fn applied(&mut self, applied: [crate::store::words::Applied; 4]) {
        use crate::store::words::Applied;
        for ((untidy, damaged), applied) in self.untidy.iter_mut().zip(&mut self.damaged).zip(applied) {
            *untidy |= applied == Applied::Written;
            *damaged |= applied == Applied::Failed;
        }
        self.waiting = [false; 4];
    }
}

async fn run(mut conn: Lite, mut rx: mpsc::Receiver<Job>, checkpoints: std::sync::mpsc::SyncSender<()>) {
    let damaged = crate::store::words::to_rebuild(&mut conn).unwrap_or_else(|e| {
        tracing::error!(error = %e, "reading which search indexes are to be rebuilt failed");
        [false; 4]
    });
    let mut upkeep = Upkeep { untidy: [true; 4], damaged, waiting: [false; 4] };
    let mut merging = false;
    loop {
        let next = match upkeep.next() {
            None => rx.recv().await,
            Some(work) => {
                // `None` when no write came: time for upkeep.
                let came = if merging {
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
                        upkeep.run(&mut conn, work, &checkpoints).await;
                        merging = true;
                        continue;
                    }
                }
            }
        };
        merging = false;
        let Some(first) = next else { break };
        let mut jobs = vec![first];
        while jobs.len() < MAX_GROUP {
            match rx.try_recv() {
                Ok(job) => jobs.push(job),
                Err(_) => break,
            }
        }
        if let Err(e) = exec(&mut conn, "BEGIN IMMEDIATE").await {
            tracing::error!(error = %e, "cannot begin a write transaction");
            continue;
        }
        let mut done = Vec::with_capacity(jobs.len());
        let mut applied = None;
        let mut broken: Option<String> = None;
        for job in jobs {
            if let Err(e) = exec(&mut conn, "SAVEPOINT w").await {
                broken = Some(e.to_string());
                break;
            }
            // A write that panics is rolled back alone (its caller's answer channel is dropped,
            // which answers it with an error); the writer goes on with the others.
            let d = AssertUnwindSafe(job(&mut conn)).catch_unwind().await.ok();
            let ok = d.as_ref().is_some_and(|d| d.ok);
            let end = if ok { exec(&mut conn, "RELEASE w").await } else { rollback_to(&mut conn).await };
            done.extend(d);
            if let Err(e) = end {
                broken = Some(e.to_string());
                break;
            }
        }
        if broken.is_none() {
            match crate::store::words::apply_search_queue(&mut conn) {
                Ok(a) => applied = Some(a),
                Err(e) => broken = Some(format!("updating the search index: {e}")),
            }
        }
        let outcome = match broken {
            Some(e) => {
                let _ = exec(&mut conn, "ROLLBACK").await;
                Some(e)
            }
            None => {
                let committed = exec(&mut conn, "COMMIT").await;
                let _ = checkpoints.try_send(());
                committed.err().map(|e| e.to_string())
            }
        };
        match (&outcome, applied) {
            (Some(e), _) => {
                tracing::error!(error = %e, "group commit failed");
                let _ = exec(&mut conn, "ROLLBACK").await;
            }
            (None, Some(applied)) => upkeep.applied(applied),
            (None, None) => {}
        }
        for d in done {
            (d.deliver)(outcome.clone());
        }
    }
}

/// Runs `f` in a write transaction of its own, committed when it succeeds.
async fn alone<T>(
    c: &mut Lite,
    checkpoints: &std::sync::mpsc::SyncSender<()>,
    f: impl FnOnce(&mut Lite) -> Result<T, sqlx::Error>,
) -> Result<T, sqlx::Error> {
    exec(c, "BEGIN IMMEDIATE").await?;
    let result = f(c);
    let end = if result.is_ok() { exec(c, "COMMIT").await } else { exec(c, "ROLLBACK").await };
    let value = result?;
    if let Err(e) = end {
        let _ = exec(c, "ROLLBACK").await;
        return Err(e);
    }
    let _ = checkpoints.try_send(());
    Ok(value)
}

async fn rollback_to(c: &mut Lite) -> Result<(), sqlx::Error> {
    exec(c, "ROLLBACK TO w").await?;
    exec(c, "RELEASE w").await
}
