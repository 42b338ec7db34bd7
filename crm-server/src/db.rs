//! The database: SQLite (embedded, default) or PostgreSQL, chosen by the URL scheme.
//!
//! Store code is written once against [`Conn`] and compiled for both backends through
//! [`on_read!`], [`in_tx!`] and [`in_tx_keep!`]. On SQLite every write goes through one
//! connection (writers are serialized in process instead of fighting over the database lock,
//! see [`crate::writer`]); reads use connections of their own, run in place
//! ([`crate::lite`]). On PostgreSQL both are one sqlx pool.

use std::str::FromStr;
use std::time::Duration;

use anyhow::Context;
use chrono::NaiveDate;
use sqlx::postgres::{PgPool, PgPoolOptions};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{Database, Encode, Type};

#[derive(Clone, Debug)]
pub enum Db {
    Sqlite { read: std::sync::Arc<crate::lite::ReadPool>, writer: crate::writer::Writer },
    Postgres(PgPool),
}

/// The two SQL dialects; where they differ, the difference lives next to a `Dialect` match.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dialect {
    Sqlite,
    Postgres,
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
                .busy_timeout(Duration::from_secs(10));
            let path = opts.get_filename().to_path_buf();
            if path.as_os_str().is_empty() || path.to_string_lossy().contains(":memory:") {
                anyhow::bail!(
                    "DATABASE_URL must name a SQLite file (an in-memory database is not shared between connections)"
                );
            }
            // sqlx creates the file and applies the migrations; from then on the server uses
            // its own connections in place (see crate::lite).
            let setup = SqlitePoolOptions::new()
                .max_connections(1)
                .connect_with(opts)
                .await
                .with_context(|| format!("opening the SQLite database {url}"))?;
            sqlx::migrate!("../migrations/sqlite").run(&setup).await.context("applying database migrations")?;
            setup.close().await;
            // Page caches are per connection: a modest one for each reader (the operating
            // system's file cache serves the rest), a larger one for the single writer.
            let write = crate::lite::Lite::open(&path, true, 16000)
                .with_context(|| format!("opening the SQLite database {url} for writing"))?;
            // The checkpoint thread copies the log into the database as it grows; the writer's
            // own checkpoint (at 1,000 pages, SQLite's default) then finds little left to copy,
            // and is what lets the next write start the log over: a checkpoint running beside
            // the writer never catches up with it, and the log would grow without end.
            let checkpoints = crate::lite::start_checkpointer(&path).context("starting the checkpoint thread")?;
            let read = std::sync::Arc::new(crate::lite::ReadPool::new(path));
            read.get().with_context(|| format!("opening the SQLite database {url} for reading"))?;
            let writer = crate::writer::Writer::start(write, checkpoints).context("starting the writer thread")?;
            Db::Sqlite { read, writer }
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
        if let Db::Postgres(pool) = &db {
            sqlx::migrate!("../migrations/postgres").run(pool).await.context("applying database migrations")?;
        }
        crate::store::words::upgrade(&db).await.context("rewriting the search column")?;
        Ok(db)
    }

    pub fn dialect(&self) -> Dialect {
        match self {
            Db::Sqlite { .. } => Dialect::Sqlite,
            Db::Postgres(_) => Dialect::Postgres,
        }
    }

    /// Checks that the database answers.
    pub async fn ping(&self) -> Result<(), crate::error::ApiError> {
        crate::on_read!(self, c => c.execute("SELECT 1", &[])).map(|_| ())
    }

    pub async fn close(&self) {
        match self {
            // The writer stops when the last handle on it is dropped.
            Db::Sqlite { .. } => {}
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

/// A stored time as the API writes every time ([`crm_api::time`]): RFC 3339 UTC with
/// microseconds (`2026-11-23T10:00:00.000000Z`).
pub fn format_micros(micros: i64) -> String {
    crm_api::time::format_micros(micros)
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

    /// [`Conn::fetch`], given up (`Ok(None)`) after about `work` steps of the database's work.
    /// Only SQLite, outside a transaction, stops a query midway; elsewhere it runs to its end.
    fn fetch_within<'a>(
        &'a mut self,
        sql: &'a str,
        binds: &'a [SqlValue],
        cols: &'a [Col],
        _work: u32,
    ) -> impl Future<Output = Result<Option<Vec<Row>>, sqlx::Error>> + Send + 'a {
        async move { self.fetch(sql, binds, cols).await.map(Some) }
    }

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

impl_conn!(sqlx::PgConnection, Dialect::Postgres);

impl Conn for crate::lite::Lite {
    fn dialect(&self) -> Dialect {
        Dialect::Sqlite
    }

    fn fetch<'a>(
        &'a mut self,
        sql: &'a str,
        binds: &'a [SqlValue],
        cols: &'a [Col],
    ) -> impl Future<Output = Result<Vec<Row>, sqlx::Error>> + Send + 'a {
        self.fetch_read(sql, binds, cols)
    }

    fn fetch_within<'a>(
        &'a mut self,
        sql: &'a str,
        binds: &'a [SqlValue],
        cols: &'a [Col],
        work: u32,
    ) -> impl Future<Output = Result<Option<Vec<Row>>, sqlx::Error>> + Send + 'a {
        std::future::ready(self.fetch_within(sql, binds, cols, work))
    }

    fn execute<'a>(
        &'a mut self,
        sql: &'a str,
        binds: &'a [SqlValue],
    ) -> impl Future<Output = Result<u64, sqlx::Error>> + Send + 'a {
        std::future::ready(self.execute_now(sql, binds))
    }
}

/// Runs `$body` (an expression using the connection `$c`) in a write transaction, committed
/// when it returns `Ok`. On SQLite the write joins the next group commit (see
/// [`crate::writer`]), so the body owns what it uses (`move`).
#[macro_export]
macro_rules! in_tx {
    ($db:expr, $c:ident => $body:expr) => {
        $crate::in_tx_keep!($db, $c => async move { $body.await.map(|v| (v, true)) })
    };
}

/// [`in_tx!`] for a body that decides whether its writes stay: it returns `Ok((value, keep))`,
/// and its writes are rolled back (the value still returned) when `keep` is false.
#[macro_export]
macro_rules! in_tx_keep {
    ($db:expr, $c:ident => $body:expr) => {
        match $db {
            $crate::db::Db::Sqlite { writer, .. } => {
                writer.write(move |$c| ::std::boxed::Box::pin(async move { $body.await })).await
            }
            $crate::db::Db::Postgres(pool) => {
                async {
                    let mut tx = pool.begin().await.map_err($crate::error::ApiError::from)?;
                    let (v, keep) = {
                        let $c = &mut *tx;
                        $body.await
                    }?;
                    if keep {
                        tx.commit().await.map_err($crate::error::ApiError::from)?;
                    } else {
                        tx.rollback().await.map_err($crate::error::ApiError::from)?;
                    }
                    Ok::<_, $crate::error::ApiError>(v)
                }
                .await
            }
        }
    };
}

/// Runs `$body` (an expression using the connection `$c`) on a reading connection. On SQLite
/// the queries run in place (see [`crate::lite`]).
#[macro_export]
macro_rules! on_read {
    ($db:expr, $c:ident => $body:expr) => {
        match $db {
            $crate::db::Db::Sqlite { read, .. } => $crate::on_conn!(read.get(), $c => $body),
            $crate::db::Db::Postgres(pool) => $crate::on_conn!(pool.acquire().await, $c => $body),
        }
    };
}

/// Runs `$body` on the connection `$acquire` yields (a part of [`on_read!`]).
#[doc(hidden)]
#[macro_export]
macro_rules! on_conn {
    ($acquire:expr, $c:ident => $body:expr) => {
        async {
            let mut conn = $acquire.map_err($crate::error::ApiError::from)?;
            let $c = &mut *conn;
            let v = $body.await?;
            Ok::<_, $crate::error::ApiError>(v)
        }
        .await
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
/// PostgreSQL. SQLite keeps numbered parameters' names in a list searched linearly, so binding
/// a statement with thousands of `$n` by name costs time quadratic in their number; anonymous
/// `?` parameters are bound by position.
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
