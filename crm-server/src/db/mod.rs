//! The database engine: SQLite (embedded, default) or PostgreSQL, chosen by the URL scheme.
//!
//! Store code is written once against [`Conn`]: [`Db::read`] and [`Db::write`] hand it a
//! [`DbConn`] of either database. On SQLite every write goes through one connection (writers are serialized in process instead
//! of fighting over the database lock, see [`sqlite::writer`]); reads use connections of their
//! own, run in place ([`sqlite::conn`]). On PostgreSQL both are one sqlx pool ([`postgres`]).
//!
//! This module knows SQL, connections and upkeep, nothing of the CRM: the store hands it what
//! it needs (the tables with full-text indexes) when it opens the database.

pub mod conn;
pub mod error;
pub mod postgres;
pub mod sqlite;
pub mod value;

use std::sync::Arc;

pub use conn::Conn;
pub use error::DbError;
pub use value::{Col, List, Params, Row, Shape, SqlValue, insert_rows, now_micros, time_of};

#[derive(Clone, Debug)]
pub enum Db {
    Sqlite { read: Arc<sqlite::ReadPool>, writer: sqlite::Writer },
    Postgres(postgres::Pg),
}

/// What the engine counts (each `None` where the database has no such thing).
#[derive(Debug, Default, Clone)]
pub struct DbStats {
    pub up: bool,
    pub writer_queue: Option<u64>,
    /// Groups committed by size (upper bound, count; not cumulative).
    pub writer_groups: Option<Vec<(usize, u64)>>,
    pub writer_writes: Option<u64>,
    pub read_in_use: Option<u64>,
    pub read_idle: Option<u64>,
    pub pool_size: Option<u64>,
    pub pool_idle: Option<u64>,
}

/// The two SQL dialects; where they differ, the difference lives next to a `Dialect` match.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dialect {
    Sqlite,
    Postgres,
}

/// What the engine is told when it opens a database.
#[derive(Clone, Copy, Debug)]
pub struct ConnectOptions {
    /// PostgreSQL connections per replica.
    pub max_connections: u32,
    /// Tables with a full-text index (`<table>_fts`) that the SQLite writer keeps up.
    pub fts_tables: &'static [&'static str],
}

impl Db {
    /// Connects to `url` and applies the migrations.
    pub async fn connect(url: &str, options: ConnectOptions) -> anyhow::Result<Self> {
        if url.starts_with("sqlite:") {
            let url = url.to_string();
            let (read, writer) = tokio::task::spawn_blocking(move || sqlite::open(&url, options.fts_tables)).await??;
            // A first reading connection, so that a database that cannot be read fails here.
            read.get().await.map_err(|e| anyhow::anyhow!("opening the SQLite database for reading: {e}"))?;
            Ok(Db::Sqlite { read, writer })
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Ok(Db::Postgres(postgres::open(url, options.max_connections).await?))
        } else {
            anyhow::bail!(
                "DATABASE_URL must start with sqlite: or postgres:// (got {:?})",
                crate::config::redact_url(url)
            );
        }
    }

    pub fn dialect(&self) -> Dialect {
        match self {
            Db::Sqlite { .. } => Dialect::Sqlite,
            Db::Postgres(_) => Dialect::Postgres,
        }
    }

    /// What the engine counts, for the metrics.
    pub fn stats(&self) -> DbStats {
        match self {
            Db::Sqlite { read, writer } => {
                let (in_use, idle) = read.connections();
                let (groups, writes) = writer.groups();
                DbStats {
                    up: true,
                    writer_queue: Some(writer.queued() as u64),
                    writer_groups: Some(groups),
                    writer_writes: Some(writes),
                    read_in_use: Some(in_use as u64),
                    read_idle: Some(idle as u64),
                    ..DbStats::default()
                }
            }
            Db::Postgres(pg) => DbStats {
                up: !pg.health().is_down(),
                pool_size: Some(u64::from(pg.pool().size())),
                pool_idle: Some(pg.pool().num_idle() as u64),
                ..DbStats::default()
            },
        }
    }

    /// Checks that the database answers.
    pub async fn ping(&self) -> Result<(), DbError> {
        self.read(async |c| c.execute("SELECT 1", &[]).await.map(|_| ())).await
    }

    /// Closes the database once the writes already queued have committed.
    pub async fn close(&self) {
        match self {
            // The writes queued before this one commit first; the writer stops when the last
            // handle on it is dropped.
            Db::Sqlite { writer, .. } => {
                let _ = writer.write(async |_| Ok::<_, DbError>(((), true))).await;
            }
            Db::Postgres(pg) => pg.pool().close().await,
        }
    }

    /// After a batch wrote `written` rows to `tables`: PostgreSQL's planner statistics are
    /// brought up to date in the background when due ([`postgres::analyze`]).
    pub fn wrote_in_bulk(&self, tables: Vec<&'static str>, written: usize) {
        postgres::analyze::refresh(self, tables, written);
    }
}

/// A backup at `src` may be restored by a server whose newest migration is `known`: it is a
/// CRM database's (`found`, its newest migration, is there) and not of a newer server.
pub fn restorable(src: &std::path::Path, found: Option<i64>, known: i64) -> anyhow::Result<()> {
    match found {
        None => anyhow::bail!("{} is not a CRM database (it has no migrations)", src.display()),
        Some(v) if v > known => anyhow::bail!(
            "{} was migrated to version {v} by a newer server; this one knows versions up to {known}",
            src.display()
        ),
        Some(_) => Ok(()),
    }
}

/// A connection of either database, as store code is handed it by [`Db::read`] and
/// [`Db::write`].
pub enum DbConn<'a> {
    Sqlite(&'a mut sqlite::SqliteConn),
    /// A PostgreSQL connection, and the health its errors are reported to.
    Postgres(&'a mut sqlx::PgConnection, &'a Arc<postgres::Health>),
}

impl Conn for DbConn<'_> {
    fn dialect(&self) -> Dialect {
        match self {
            DbConn::Sqlite(_) => Dialect::Sqlite,
            DbConn::Postgres(..) => Dialect::Postgres,
        }
    }

    async fn fetch(&mut self, sql: &str, binds: &[SqlValue], shape: &'static Shape) -> Result<Vec<Row>, DbError> {
        match self {
            DbConn::Sqlite(c) => c.fetch(sql, binds, shape).await,
            DbConn::Postgres(c, h) => h.watch(c.fetch(sql, binds, shape).await),
        }
    }

    async fn execute(&mut self, sql: &str, binds: &[SqlValue]) -> Result<u64, DbError> {
        match self {
            DbConn::Sqlite(c) => c.execute(sql, binds).await,
            DbConn::Postgres(c, h) => h.watch(c.execute(sql, binds).await),
        }
    }

    async fn fetch_within(
        &mut self,
        sql: &str,
        binds: &[SqlValue],
        shape: &'static Shape,
        work: u32,
    ) -> Result<Option<Vec<Row>>, DbError> {
        match self {
            DbConn::Sqlite(c) => Conn::fetch_within(&mut **c, sql, binds, shape, work).await,
            DbConn::Postgres(c, h) => h.watch(Conn::fetch_within(&mut **c, sql, binds, shape, work).await),
        }
    }
}

impl Db {
    /// Runs `f` on a reading connection (on SQLite, in place on this thread: see
    /// [`sqlite::conn`]).
    pub async fn read<T, E>(&self, f: impl AsyncFnOnce(&mut DbConn<'_>) -> Result<T, E>) -> Result<T, E>
    where
        E: From<DbError>,
    {
        match self {
            Db::Sqlite { read, .. } => {
                let mut conn = read.get().await?;
                f(&mut DbConn::Sqlite(&mut conn)).await
            }
            Db::Postgres(pg) => {
                let mut conn = pg.health().acquire(pg.pool()).await?;
                f(&mut DbConn::Postgres(&mut conn, pg.health())).await
            }
        }
    }

    /// Runs `f` in a write transaction, committed when it returns `Ok`. On SQLite the write
    /// joins the next group commit ([`sqlite::writer`]), so `f` owns what it uses.
    pub async fn write<T, E, F>(&self, f: F) -> Result<T, E>
    where
        T: Send + 'static,
        E: From<DbError> + Send + 'static,
        F: AsyncFnOnce(&mut DbConn<'_>) -> Result<T, E> + Send + 'static,
    {
        self.write_keep(async move |c| f(c).await.map(|v| (v, true))).await
    }

    /// [`Db::write`] for a body that decides whether its writes stay: it returns
    /// `Ok((value, keep))`, and its writes are rolled back (the value still returned) when
    /// `keep` is false.
    pub async fn write_keep<T, E, F>(&self, f: F) -> Result<T, E>
    where
        T: Send + 'static,
        E: From<DbError> + Send + 'static,
        F: AsyncFnOnce(&mut DbConn<'_>) -> Result<(T, bool), E> + Send + 'static,
    {
        match self {
            Db::Sqlite { writer, .. } => writer.write(f).await,
            Db::Postgres(pg) => {
                let mut conn = pg.health().acquire(pg.pool()).await?;
                transaction(&mut conn, pg.health(), f).await
            }
        }
    }

    /// The connections the pool may open (PostgreSQL); none on SQLite, whose writes go to its
    /// one writer.
    pub fn pool_size(&self) -> u32 {
        match self {
            Db::Sqlite { .. } => 0,
            Db::Postgres(pg) => pg.pool().options().get_max_connections(),
        }
    }

    /// A connection kept for a job's writes ([`Db::write_on`]): on PostgreSQL taken from the
    /// pool now, so that the writes need none later (a job that holds a lock others wait for
    /// while holding connections must not wait for the pool).
    pub async fn keep(&self) -> Result<Kept, DbError> {
        match self {
            Db::Sqlite { .. } => Ok(Kept(None)),
            Db::Postgres(pg) => Ok(Kept(Some(pg.health().acquire(pg.pool()).await?))),
        }
    }

    /// [`Db::write`] on a kept connection (PostgreSQL): a transaction of its own on it.
    pub async fn write_on<T, E, F>(&self, kept: &mut Kept, f: F) -> Result<T, E>
    where
        T: Send + 'static,
        E: From<DbError> + Send + 'static,
        F: AsyncFnOnce(&mut DbConn<'_>) -> Result<T, E> + Send + 'static,
    {
        match (self, &mut kept.0) {
            (Db::Postgres(pg), Some(conn)) => {
                transaction(conn, pg.health(), async move |c| f(c).await.map(|v| (v, true))).await
            }
            _ => self.write(f).await,
        }
    }
}

/// A connection kept for a job's writes ([`Db::keep`]); nothing on SQLite.
pub struct Kept(Option<sqlx::pool::PoolConnection<sqlx::Postgres>>);

/// Runs `f` in a transaction on `conn`, committed when it returns `Ok((_, true))`, else rolled
/// back.
async fn transaction<T, E, F>(
    conn: &mut sqlx::pool::PoolConnection<sqlx::Postgres>,
    health: &std::sync::Arc<postgres::Health>,
    f: F,
) -> Result<T, E>
where
    E: From<DbError>,
    F: AsyncFnOnce(&mut DbConn<'_>) -> Result<(T, bool), E>,
{
    let mut tx = health.watch(sqlx::Connection::begin(&mut **conn).await.map_err(DbError::from))?;
    let (v, keep) = f(&mut DbConn::Postgres(&mut tx, health)).await?;
    if keep {
        health.watch(tx.commit().await.map_err(DbError::from))?;
    } else {
        health.watch(tx.rollback().await.map_err(DbError::from))?;
    }
    Ok(v)
}

impl Dialect {
    /// Suffix of a SELECT that locks the rows it reads until the transaction ends. SQLite needs
    /// none: its writers are serialized.
    pub fn for_update(self) -> &'static str {
        match self {
            Dialect::Sqlite => "",
            Dialect::Postgres => " FOR UPDATE",
        }
    }
}
