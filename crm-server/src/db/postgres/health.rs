//! Failing fast while PostgreSQL cannot be reached, and recovering by itself.
//!
//! Without this, a request during an outage waits on the pool for its whole acquire timeout
//! (sqlx retries refused connections until then), and after a restart every pooled connection
//! fails once before the pool drops it. Instead, the first error that says the database cannot
//! be reached starts a probe, which marks the database down when it cannot connect either:
//! requests are then answered 503 at once, waits for a connection are cut short, and the probe
//! connects every [`PROBE_EVERY`] until the database answers again. Pooled connections opened
//! before the error are dropped unused (`before_acquire`). A wait for a connection longer than
//! [`SUSPECT_AFTER`] starts the probe too: the pool's own connection attempts report no error
//! while they retry.

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

    /// `Err` at once while the database is down (and the probe running, whatever raced).
    pub fn check(self: &Arc<Self>) -> Result<(), DbError> {
        if self.down.load(Ordering::Acquire) {
            self.probe();
            return Err(Self::unavailable());
        }
        Ok(())
    }

    /// Whether the database is found down.
    pub fn is_down(&self) -> bool {
        self.down.load(Ordering::Acquire)
    }

    /// Passes `result` on; when it says the database cannot be reached, the connections opened
    /// until now are dropped unused and the probe starts: it marks the database down if it
    /// cannot connect either (one connection lost, say to an idle timeout, is not an outage).
    pub fn watch<T>(self: &Arc<Self>, result: Result<T, DbError>) -> Result<T, DbError> {
        if let Err(e) = &result
            && e.is_unavailable()
        {
            self.mark_outage();
            self.probe();
        }
        result
    }

    fn mark_outage(&self) {
        let now = u64::try_from(self.epoch.elapsed().as_micros()).unwrap_or(u64::MAX).max(1);
        self.outage_at.store(now, Ordering::Release);
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
                        // `probing` first: a trip from now on starts a probe of its own.
                        health.probing.store(false, Ordering::Release);
                        if health.down.swap(false, Ordering::AcqRel) {
                            tracing::info!("PostgreSQL answers again");
                        }
                        return;
                    }
                    Ok(Err(e)) if !e.is_unavailable() => {
                        // It answered, with an error of another kind: it is up.
                        health.probing.store(false, Ordering::Release);
                        health.down.store(false, Ordering::Release);
                        return;
                    }
                    _ => {
                        if !health.down.load(Ordering::Acquire) {
                            health.trip();
                        }
                        tokio::time::sleep(PROBE_EVERY).await;
                    }
                }
            }
        });
    }

    /// Marks the database down (from the probe, which goes on until it answers): requests and
    /// waits for a connection are answered 503 at once.
    fn trip(&self) {
        self.mark_outage();
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
