//! The database: SQLite (embedded, default) or PostgreSQL, chosen by the URL scheme.
//!
//! Store code is written once and compiled for both backends through [`with_read!`] and
//! [`with_write!`], which bind a pool of the concrete backend. On SQLite every write goes
//! through one connection (writers are serialized in process instead of fighting over the
//! database lock); reads use a pool of their own. On PostgreSQL both are the same pool.

use std::str::FromStr;
use std::time::Duration;

use anyhow::Context;
use chrono::NaiveDate;
use sqlx::postgres::{PgPool, PgPoolOptions};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{Database, Encode, Type};

#[derive(Clone, Debug)]
pub enum Db {
    Sqlite { read: SqlitePool, write: SqlitePool, writer: crate::writer::Writer },
    Postgres(PgPool),
}

/// The two SQL dialects; where they differ, the difference lives next to a `Dialect` match.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dialect {
    Sqlite,
    Postgres,
}

/// Runs `$body` with `$pool` bound to a pool that may be used for reads.
#[macro_export]
macro_rules! with_read {
    ($db:expr, $pool:ident => $body:expr) => {
        match $db {
            $crate::db::Db::Sqlite { read: $pool, .. } => $body,
            $crate::db::Db::Postgres($pool) => $body,
        }
    };
}

/// Runs `$body` with `$pool` bound to the pool that writes.
#[macro_export]
macro_rules! with_write {
    ($db:expr, $pool:ident => $body:expr) => {
        match $db {
            $crate::db::Db::Sqlite { write: $pool, .. } => $body,
            $crate::db::Db::Postgres($pool) => $body,
        }
    };
}

impl Db {
    /// Connects to `url` and applies the migrations.
    pub async fn connect(url: &str, max_connections: u32) -> anyhow::Result<Self> {
        let db = if url.starts_with("sqlite:") {
            let opts = SqliteConnectOptions::from_str(url)
                .with_context(|| format!("invalid SQLite URL {url:?}"))?
                .create_if_missing(true)
                .journal_mode(SqliteJournalMode::Wal)
                .synchronous(SqliteSynchronous::Normal)
                .foreign_keys(true)
                .busy_timeout(Duration::from_secs(10))
                .pragma("temp_store", "memory");
            // Page caches are per connection: a modest one for each reader (the operating
            // system's file cache serves the rest), a larger one for the single writer.
            // sqlx pings a pooled connection before handing it out unless told not to: for
            // SQLite that is a second trip to the connection's thread on every request.
            let write = SqlitePoolOptions::new()
                .test_before_acquire(false)
                .max_connections(1)
                .min_connections(1)
                .acquire_timeout(Duration::from_secs(30))
                .connect_with(opts.clone().pragma("cache_size", "-16000"))
                .await
                .with_context(|| format!("opening the SQLite database {url}"))?;
            // Each SQLite connection has a thread of its own; more readers than a few per core
            // only add switching and page caches.
            let cores = std::thread::available_parallelism().map(|n| n.get() as u32).unwrap_or(2);
            let read = SqlitePoolOptions::new()
                .test_before_acquire(false)
                .max_connections(max_connections.clamp(1, (2 * cores).max(4)))
                .acquire_timeout(Duration::from_secs(30))
                .idle_timeout(Duration::from_secs(60))
                .connect_with(opts.read_only(true).pragma("cache_size", "-2000"))
                .await
                .with_context(|| format!("opening the SQLite database {url} for reading"))?;
            let writer = crate::writer::Writer::start(write.clone());
            Db::Sqlite { read, write, writer }
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            // No ping before each use (a round trip per request): a connection that died is
            // dropped by the pool when its query fails.
            let pool = PgPoolOptions::new()
                .test_before_acquire(false)
                .max_connections(max_connections.max(1))
                .acquire_timeout(Duration::from_secs(30))
                .connect(url)
                .await
                .with_context(|| format!("connecting to PostgreSQL at {}", crate::config::redact_url(url)))?;
            Db::Postgres(pool)
        } else {
            anyhow::bail!(
                "DATABASE_URL must start with sqlite: or postgres:// (got {:?})",
                crate::config::redact_url(url)
            );
        };
        db.migrate().await?;
        crate::store::words::upgrade(&db).await.context("rewriting the search column")?;
        Ok(db)
    }

    async fn migrate(&self) -> anyhow::Result<()> {
        match self {
            Db::Sqlite { write, .. } => sqlx::migrate!("../migrations/sqlite").run(write).await,
            Db::Postgres(pool) => sqlx::migrate!("../migrations/postgres").run(pool).await,
        }
        .context("applying database migrations")
    }

    pub fn dialect(&self) -> Dialect {
        match self {
            Db::Sqlite { .. } => Dialect::Sqlite,
            Db::Postgres(_) => Dialect::Postgres,
        }
    }

    /// Checks that the database answers.
    pub async fn ping(&self) -> Result<(), sqlx::Error> {
        with_read!(self, pool => sqlx::query("SELECT 1").execute(pool).await.map(|_| ()))
    }

    pub async fn close(&self) {
        match self {
            Db::Sqlite { read, write, .. } => {
                read.close().await;
                write.close().await;
            }
            Db::Postgres(pool) => pool.close().await,
        }
    }
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

/// A value bound into a query. Nulls carry their type, which PostgreSQL needs.
#[derive(Debug, Clone, PartialEq)]
pub enum SqlValue {
    Int(Option<i64>),
    Text(Option<String>),
    Bool(Option<bool>),
    Date(Option<NaiveDate>),
}

impl SqlValue {
    pub fn is_null(&self) -> bool {
        matches!(self, SqlValue::Int(None) | SqlValue::Text(None) | SqlValue::Bool(None) | SqlValue::Date(None))
    }
}

type Query<'q, DB> = sqlx::query::Query<'q, DB, <DB as Database>::Arguments>;

/// Binds `values` in order.
pub fn bind_all<'q, DB>(mut q: Query<'q, DB>, values: &[SqlValue]) -> Query<'q, DB>
where
    DB: Database,
    for<'t> Option<i64>: Encode<'t, DB> + Type<DB>,
    for<'t> Option<String>: Encode<'t, DB> + Type<DB>,
    for<'t> Option<bool>: Encode<'t, DB> + Type<DB>,
    for<'t> Option<NaiveDate>: Encode<'t, DB> + Type<DB>,
{
    for v in values {
        q = match v {
            SqlValue::Int(x) => q.bind(*x),
            SqlValue::Text(x) => q.bind(x.clone()),
            SqlValue::Bool(x) => q.bind(*x),
            SqlValue::Date(x) => q.bind(*x),
        };
    }
    q
}

/// Now, in microseconds since the epoch (the unit of every stored time).
pub fn now_micros() -> i64 {
    chrono::Utc::now().timestamp_micros()
}

/// A stored time as RFC 3339 with microseconds (`2026-11-23T10:00:00.000000Z`).
pub fn format_micros(micros: i64) -> String {
    chrono::DateTime::from_timestamp_micros(micros)
        .unwrap_or_default()
        .to_rfc3339_opts(chrono::SecondsFormat::Micros, true)
}

/// Parses an RFC 3339 time, or a `YYYY-MM-DD` date (its midnight UTC), into microseconds.
pub fn parse_time(s: &str) -> Option<i64> {
    if let Ok(t) = chrono::DateTime::parse_from_rfc3339(s.trim()) {
        return Some(t.timestamp_micros());
    }
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
        .ok()
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .map(|t| t.and_utc().timestamp_micros())
}

/// How a result column is decoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Col {
    Int,
    Text,
    Bool,
    Date,
}

/// One result row, decoded.
pub type Row = Vec<SqlValue>;

/// The small interface store code needs from a connection (or a transaction): run SQL with
/// bound [`SqlValue`]s and decode rows by column kind. Implemented for both backends, so that
/// store code is written once.
pub trait Conn: Send {
    fn dialect(&self) -> Dialect;

    /// Runs a query and decodes every row by `cols`.
    fn fetch<'a>(
        &'a mut self,
        sql: &'a str,
        binds: &'a [SqlValue],
        cols: &'a [Col],
    ) -> impl Future<Output = Result<Vec<Row>, sqlx::Error>> + Send + 'a;

    /// Runs a statement and returns the number of rows it touched.
    fn execute<'a>(
        &'a mut self,
        sql: &'a str,
        binds: &'a [SqlValue],
    ) -> impl Future<Output = Result<u64, sqlx::Error>> + Send + 'a;

    /// The first row, if any.
    fn fetch_one<'a>(
        &'a mut self,
        sql: &'a str,
        binds: &'a [SqlValue],
        cols: &'a [Col],
    ) -> impl Future<Output = Result<Option<Row>, sqlx::Error>> + Send + 'a {
        async move { Ok(self.fetch(sql, binds, cols).await?.into_iter().next()) }
    }
}

fn decode<R>(row: &R, cols: &[Col]) -> Result<Row, sqlx::Error>
where
    R: sqlx::Row,
    usize: sqlx::ColumnIndex<R>,
    for<'r> Option<i64>: sqlx::Decode<'r, R::Database> + Type<R::Database>,
    for<'r> Option<String>: sqlx::Decode<'r, R::Database> + Type<R::Database>,
    for<'r> Option<bool>: sqlx::Decode<'r, R::Database> + Type<R::Database>,
    for<'r> Option<NaiveDate>: sqlx::Decode<'r, R::Database> + Type<R::Database>,
{
    cols.iter()
        .enumerate()
        .map(|(i, c)| {
            Ok(match c {
                Col::Int => SqlValue::Int(row.try_get(i)?),
                Col::Text => SqlValue::Text(row.try_get(i)?),
                Col::Bool => SqlValue::Bool(row.try_get(i)?),
                Col::Date => SqlValue::Date(row.try_get(i)?),
            })
        })
        .collect()
}

macro_rules! impl_conn {
    ($conn:ty, $dialect:expr) => {
        impl Conn for $conn {
            fn dialect(&self) -> Dialect {
                $dialect
            }

            fn fetch<'a>(
                &'a mut self,
                sql: &'a str,
                binds: &'a [SqlValue],
                cols: &'a [Col],
            ) -> impl Future<Output = Result<Vec<Row>, sqlx::Error>> + Send + 'a {
                async move {
                    let q = bind_all(sqlx::query(sqlx::AssertSqlSafe(sql.to_string())), binds);
                    let rows = q.fetch_all(&mut *self).await?;
                    rows.iter().map(|r| decode(r, cols)).collect()
                }
            }

            fn execute<'a>(
                &'a mut self,
                sql: &'a str,
                binds: &'a [SqlValue],
            ) -> impl Future<Output = Result<u64, sqlx::Error>> + Send + 'a {
                async move {
                    let q = bind_all(sqlx::query(sqlx::AssertSqlSafe(sql.to_string())), binds);
                    Ok(q.execute(&mut *self).await?.rows_affected())
                }
            }
        }
    };
}

impl_conn!(sqlx::SqliteConnection, Dialect::Sqlite);
impl_conn!(sqlx::PgConnection, Dialect::Postgres);

/// Runs `$body` (an expression using the connection `$c`) in a write transaction, committed
/// when it returns `Ok`. On SQLite the write joins the next group commit (see
/// [`crate::writer`]), so the body owns what it uses (`move`).
#[macro_export]
macro_rules! in_tx {
    ($db:expr, $c:ident => $body:expr) => {
        match $db {
            $crate::db::Db::Sqlite { writer, .. } => {
                writer.write(move |$c| ::std::boxed::Box::pin(async move { $body.await })).await
            }
            $crate::db::Db::Postgres(pool) => {
                async {
                    let mut tx = pool.begin().await.map_err($crate::error::ApiError::from)?;
                    let v = {
                        let $c = &mut *tx;
                        $body.await
                    }?;
                    tx.commit().await.map_err($crate::error::ApiError::from)?;
                    Ok::<_, $crate::error::ApiError>(v)
                }
                .await
            }
        }
    };
}

/// Runs `$body` (an expression using the connection `$c`) on a reading connection.
#[macro_export]
macro_rules! on_read {
    ($db:expr, $c:ident => $body:expr) => {
        $crate::with_read!($db, pool => async {
            let mut conn = pool.acquire().await.map_err($crate::error::ApiError::from)?;
            let $c = &mut *conn;
            let v = $body.await?;
            Ok::<_, $crate::error::ApiError>(v)
        }
        .await)
    };
}

/// Accessors of decoded row values.
pub trait RowExt {
    fn int(&self, i: usize) -> Option<i64>;
    fn text(&self, i: usize) -> Option<String>;
}

impl RowExt for Row {
    fn int(&self, i: usize) -> Option<i64> {
        match self.get(i) {
            Some(SqlValue::Int(v)) => *v,
            _ => None,
        }
    }
    fn text(&self, i: usize) -> Option<String> {
        match self.get(i) {
            Some(SqlValue::Text(v)) => v.clone(),
            _ => None,
        }
    }
}

/// Bound parameters of a statement built on the fly, each used once: `?` on SQLite, `$n` on
/// PostgreSQL. SQLite finds a numbered parameter's name by a linear search, and sqlx asks for
/// every parameter's name, so a statement with thousands of `$n` costs time quadratic in
/// their number; anonymous `?` parameters cost nothing.
pub struct Params {
    dialect: Dialect,
    pub values: Vec<SqlValue>,
}

impl Params {
    pub fn new(dialect: Dialect) -> Params {
        Params { dialect, values: Vec::new() }
    }

    /// Binds `v` and returns its placeholder.
    pub fn push(&mut self, v: SqlValue) -> String {
        self.values.push(v);
        match self.dialect {
            Dialect::Sqlite => "?".to_string(),
            Dialect::Postgres => format!("${}", self.values.len()),
        }
    }
}
