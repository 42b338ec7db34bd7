//! Failing fast while PostgreSQL cannot be reached, and recovering by itself.
//!
//! Without this, a request during an outage waits on the pool for its whole acquire timeout
//! (sqlx retries refused connections until then), and after a restart every pooled connection
//! fails once before the pool drops it. Instead, the first error that says the database cannot
//! be reached marks it down: requests are answered 503 at once, waits for a connection are cut
//! short, and a probe connects every [`PROBE_EVERY`] until the database answers again. Pooled
//! connections opened before the outage are then dropped unused (`before_acquire`). A wait for
//! a connection longer than [`SUSPECT_AFTER`] starts the probe too: the pool's own connection
//! attempts report no error while they retry.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use sqlx::Connection as _;
use sqlx::postgres::{PgConnectOptions, PgConnection, PgPool};
use tokio::sync::Notify;

use crate::db::DbError;

/// How often the probe tries to connect while the database is down.
const PROBE_EVERY: Duration = Duration::from_millis(250);

/// How long a probe's connection attempt may take.
const PROBE_TIMEOUT: Duration = Duration::from_secs(2);

/// A wait for a pooled connection longer than this makes the database suspect.
const SUSPECT_AFTER: Duration = Duration::from_secs(1);

/// Whether one PostgreSQL database answers (see the module's documentation).
#[derive(Debug)]
pub struct Health {
    options: PgConnectOptions,
    down: AtomicBool,
    probing: AtomicBool,
    /// Microseconds after `epoch` at which the latest outage was seen (0: none yet).
    outage_at: AtomicU64,
    epoch: Instant,
    tripped: Notify,
}

impl Health {
    pub fn new(options: PgConnectOptions) -> Arc<Health> {
        Arc::new(Health {
            options,
            down: AtomicBool::new(false),
            probing: AtomicBool::new(false),
            outage_at: AtomicU64::new(0),
            epoch: Instant::now(),
            tripped: Notify::new(),
        })
    }

    fn unavailable() -> DbError {
        DbError::Unavailable("PostgreSQL cannot be reached".into())
    }

    /// `Err` at once while the database is down.
    pub fn check(&self) -> Result<(), DbError> {
        if self.down.load(Ordering::Acquire) { Err(Self::unavailable()) } else { Ok(()) }
    }

    /// Passes `result` on, marking the database down when it says it cannot be reached.
    pub fn watch<T>(self: &Arc<Self>, result: Result<T, DbError>) -> Result<T, DbError> {
        if let Err(e) = &result
            && e.is_unavailable()
        {
            self.trip();
        }
        result
    }

    /// Marks the database down and starts the probe.
    fn trip(self: &Arc<Self>) {
        let now = u64::try_from(self.epoch.elapsed().as_micros()).unwrap_or(u64::MAX).max(1);
        self.outage_at.store(now, Ordering::Release);
        if !self.down.swap(true, Ordering::AcqRel) {
            tracing::warn!("PostgreSQL cannot be reached: answering 503 until it can");
        }
        self.tripped.notify_waiters();
        self.probe();
    }

    /// Starts the probe unless it runs: it connects until the database answers, and marks it
    /// down if it does not.
    fn probe(self: &Arc<Self>) {
        if self.probing.swap(true, Ordering::AcqRel) {
            return;
        }
        let health = Arc::clone(self);
        tokio::spawn(async move {
            loop {
                let answered = tokio::time::timeout(PROBE_TIMEOUT, async {
                    let mut c = PgConnection::connect_with(&health.options).await?;
                    sqlx::query("SELECT 1").execute(&mut c).await?;
                    c.close().await
                })
                .await
                .map(|r| r.map_err(DbError::from));
                match answered {
                    Ok(Ok(())) => {
                        if health.down.swap(false, Ordering::AcqRel) {
                            tracing::info!("PostgreSQL answers again");
                        }
                        health.probing.store(false, Ordering::Release);
                        return;
                    }
                    Ok(Err(e)) if !e.is_unavailable() => {
                        // It answered, with an error of another kind: it is up.
                        health.down.store(false, Ordering::Release);
                        health.probing.store(false, Ordering::Release);
                        return;
                    }
                    _ => {
                        if !health.down.load(Ordering::Acquire) {
                            health.trip_quietly();
                        }
                        tokio::time::sleep(PROBE_EVERY).await;
                    }
                }
            }
        });
    }

    /// [`Health::trip`] from inside the probe (which is already running).
    fn trip_quietly(&self) {
        let now = u64::try_from(self.epoch.elapsed().as_micros()).unwrap_or(u64::MAX).max(1);
        self.outage_at.store(now, Ordering::Release);
        self.down.store(true, Ordering::Release);
        tracing::warn!("PostgreSQL cannot be reached: answering 503 until it can");
        self.tripped.notify_waiters();
    }

    /// Whether a pooled connection of this age was opened before the latest outage (it is then
    /// dropped rather than used: its server process is likely gone).
    pub fn predates_outage(&self, age: Duration) -> bool {
        let at = self.outage_at.load(Ordering::Acquire);
        if at == 0 {
            return false;
        }
        let opened = self.epoch.elapsed().saturating_sub(age);
        opened < Duration::from_micros(at)
    }

    /// A connection of the pool, given up as soon as the database is found down.
    pub async fn acquire(
        self: &Arc<Self>,
        pool: &PgPool,
    ) -> Result<sqlx::pool::PoolConnection<sqlx::Postgres>, DbError> {
        let tripped = self.tripped.notified();
        self.check()?;
        let acquire = pool.acquire();
        tokio::pin!(acquire);
        tokio::select! {
            r = &mut acquire => return self.watch(r.map_err(DbError::from)),
            () = tokio::time::sleep(SUSPECT_AFTER) => self.probe(),
            () = tripped => return Err(Self::unavailable()),
        }
        let tripped = self.tripped.notified();
        self.check()?;
        tokio::select! {
            r = acquire => self.watch(r.map_err(DbError::from)),
            () = tripped => Err(Self::unavailable()),
        }
    }
}
