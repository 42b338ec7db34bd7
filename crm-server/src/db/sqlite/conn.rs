//! A SQLite connection used in place, on the thread of the task that queries.
//!
//! A driver that runs each SQLite connection on a thread of its own hands every statement and
//! every row across to it and back: two thread switches per statement, which the profiles
//! showed to be most of the cost of a point read or a single create (BENCHMARKS.md). A SQLite
//! statement on a warm page cache takes microseconds, so it is cheaper to run it where the
//! request is.

use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicU32, AtomicU64, Ordering};
use std::time::Duration;

use chrono::NaiveDate;
use rusqlite::types::{ToSqlOutput, Value, ValueRef};
use rusqlite::{Connection, OpenFlags, Statement};

use crate::db::value::check_shape;
use crate::db::{Col, Conn, DbError, Dialect, Row, Shape, SqlValue};

/// Statements longer than this are not kept prepared. The store's statements have fixed
/// shapes (bulk inserts come in a few sizes, see `crate::store::bulk`), so the cache holds few.
const CACHE_SQL_UP_TO: usize = 64 * 1024;

/// SQLite's virtual machine steps between calls of a connection's progress handler.
const STEP: u32 = 1000;

/// Progress-handler calls a reading statement may take in place on a runtime worker before it
/// moves off it (see [`SqliteConn::fetch_now`]): about 20,000 rows walked, a few milliseconds.
const LONG_READ: u32 = 200;

/// Long reads running off the workers at once; more wait their turn.
const LONG_READS: usize = 4;

/// No bound on the running statement.
const UNBOUNDED: u32 = u32::MAX;

/// One SQLite connection.
pub struct SqliteConn {
    conn: Connection,
    /// Progress-handler calls the running statement has left before it is stopped.
    left: Arc<AtomicU32>,
    /// For a reading connection, its pool's counts.
    counts: Option<Arc<ReadCounts>>,
}

/// What a pool's reading connections count.
#[derive(Debug, Default)]
pub(super) struct ReadCounts {
    /// Reads that ran long and moved off a runtime worker ([`SqliteConn::fetch_read`]).
    pub(super) long_reads: AtomicU64,
    /// Bounded reads given up ([`SqliteConn::fetch_within`]).
    pub(super) given_up: AtomicU64,
}

/// Turns of the long reads that run off the workers, [`LONG_READS`] at a time.
static LONG_READ_TURNS: tokio::sync::Semaphore = tokio::sync::Semaphore::const_new(LONG_READS);

impl std::fmt::Debug for SqliteConn {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SqliteConn")
    }
}

impl SqliteConn {
    /// Opens the database at `path` (which must exist) for writing or for reading only, with a
    /// page cache of `cache_kib`.
    pub fn open(path: &Path, write: bool, cache_kib: u32) -> Result<SqliteConn, DbError> {
        Self::open_counting(path, write, cache_kib, None)
    }

    pub(super) fn open_counting(
        path: &Path,
        write: bool,
        cache_kib: u32,
        counts: Option<Arc<ReadCounts>>,
    ) -> Result<SqliteConn, DbError> {
        let access = if write { OpenFlags::SQLITE_OPEN_READ_WRITE } else { OpenFlags::SQLITE_OPEN_READ_ONLY };
        let conn =
            Connection::open_with_flags(path, access | OpenFlags::SQLITE_OPEN_NO_MUTEX).map_err(DbError::from)?;
        conn.busy_timeout(Duration::from_secs(10)).map_err(DbError::from)?;
        conn.execute_batch(&format!(
            "PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL; PRAGMA temp_store = MEMORY; PRAGMA cache_size = -{cache_kib};"
        ))
        .map_err(DbError::from)?;
        // Plans must not depend on bound values: SQLite otherwise looks at a bound LIKE pattern
        // (the search's word test) or LIMIT while planning, and then prepares the statement
        // again every time it is bound, so that keeping it prepared saved nothing.
        conn.set_db_config(rusqlite::config::DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG, true).map_err(DbError::from)?;
        conn.set_prepared_statement_cache_capacity(128);
        let left = Arc::new(AtomicU32::new(UNBOUNDED));
        let budget = left.clone();
        conn.progress_handler(
            STEP as std::ffi::c_int,
            Some(move || {
                let n = budget.load(Ordering::Relaxed);
                if n == UNBOUNDED {
                    return false;
                }
                budget.store(n.saturating_sub(1), Ordering::Relaxed);
                n <= 1
            }),
        )
        .map_err(DbError::from)?;
        Ok(SqliteConn { conn, left, counts })
    }

    /// Runs a query and decodes every row by `shape`.
    pub fn fetch_now(&mut self, sql: &str, binds: &[SqlValue], shape: &'static Shape) -> Result<Vec<Row>, DbError> {
        self.with_statement(sql, binds, |stmt| read_rows(stmt, shape))
    }

    /// [`SqliteConn::fetch_now`] for the store's queries ([`Conn::fetch`]).
    ///
    /// Reads run in place on the runtime worker serving the request. One that turns out long
    /// (a scan, a count of many rows) would hold the worker and every request queued on it: a
    /// reading connection stops it after [`LONG_READ`] progress calls, waits (as a task, not
    /// holding a thread) for one of [`LONG_READS`] turns, and runs it again with the worker
    /// handed over to a new thread (`block_in_place`). Handing over every read instead cost a
    /// list page more than half its speed and a thread per request.
    pub async fn fetch_read(
        &mut self,
        sql: &str,
        binds: &[SqlValue],
        shape: &'static Shape,
    ) -> Result<Vec<Row>, DbError> {
        let on_worker = || {
            tokio::runtime::Handle::try_current()
                .is_ok_and(|h| h.runtime_flavor() == tokio::runtime::RuntimeFlavor::MultiThread)
        };
        let Some(counts) = self.counts.clone().filter(|_| self.conn.is_autocommit() && on_worker()) else {
            return self.fetch_now(sql, binds, shape);
        };
        let first = self.bounded(LONG_READ, |c| c.with_statement_raw(sql, binds, |stmt| read_rows(stmt, shape)));
        if let Some(rows) = first.map_err(DbError::from)? {
            return Ok(rows);
        }
        counts.long_reads.fetch_add(1, Ordering::Relaxed);
        let _turn =
            LONG_READ_TURNS.acquire().await.map_err(|_| DbError::Other("the long-read turns are closed".into()))?;
        tokio::task::block_in_place(|| self.fetch_now(sql, binds, shape))
    }

    /// Runs `run` stopped after `calls` progress calls (`Ok(None)`).
    fn bounded<T>(
        &mut self,
        calls: u32,
        run: impl FnOnce(&mut Self) -> rusqlite::Result<T>,
    ) -> rusqlite::Result<Option<T>> {
        /// Lifts the bound however `run` ends, a panic included: a bound left behind would stop
        /// the connection's next statements.
        struct Unbound(Arc<AtomicU32>);
        impl Drop for Unbound {
            fn drop(&mut self) {
                self.0.store(UNBOUNDED, Ordering::Relaxed);
            }
        }
        self.left.store(calls.clamp(1, UNBOUNDED - 1), Ordering::Relaxed);
        let unbound = Unbound(self.left.clone());
        let result = run(self);
        drop(unbound);
        match result {
            Err(rusqlite::Error::SqliteFailure(f, _)) if f.code == rusqlite::ErrorCode::OperationInterrupted => {
                Ok(None)
            }
            other => other.map(Some),
        }
    }

    /// [`SqliteConn::fetch_now`], given up (`Ok(None)`) after about `work` steps of SQLite's virtual
    /// machine (a row walked is about ten). Outside a transaction only: an interrupted statement
    /// would roll a transaction back, so inside one the query runs to its end.
    pub fn fetch_within(
        &mut self,
        sql: &str,
        binds: &[SqlValue],
        shape: &'static Shape,
        work: u32,
    ) -> Result<Option<Vec<Row>>, DbError> {
        if !self.conn.is_autocommit() {
            return self.fetch_now(sql, binds, shape).map(Some);
        }
        let calls = work.div_ceil(STEP);
        let rows = self.bounded(calls, |c| c.with_statement_raw(sql, binds, |stmt| read_rows(stmt, shape)));
        let rows = rows.map_err(DbError::from)?;
        if let (None, Some(counts)) = (&rows, &self.counts) {
            counts.given_up.fetch_add(1, Ordering::Relaxed);
        }
        Ok(rows)
    }

    /// Runs SQL text of several statements, without binds (a migration).
    pub fn execute_batch(&mut self, sql: &str) -> Result<(), DbError> {
        self.conn.execute_batch(sql).map_err(DbError::from)
    }

    /// Rows changed by every statement run on this connection so far.
    pub fn total_changes(&self) -> u64 {
        self.conn.total_changes()
    }

    /// Whether a transaction is open on the connection.
    pub fn in_transaction(&self) -> bool {
        !self.conn.is_autocommit()
    }

    /// Runs a statement to its end and returns the number of rows it changed.
    pub fn execute_now(&mut self, sql: &str, binds: &[SqlValue]) -> Result<u64, DbError> {
        let changed = self.with_statement(sql, binds, |stmt| {
            let mut rows = stmt.raw_query();
            while rows.next()?.is_some() {}
            Ok(())
        });
        changed.map(|()| self.conn.changes())
    }

    fn with_statement<T>(
        &mut self,
        sql: &str,
        binds: &[SqlValue],
        run: impl FnOnce(&mut Statement<'_>) -> rusqlite::Result<T>,
    ) -> Result<T, DbError> {
        self.with_statement_raw(sql, binds, run).map_err(DbError::from)
    }

    fn with_statement_raw<T>(
        &mut self,
        sql: &str,
        binds: &[SqlValue],
        run: impl FnOnce(&mut Statement<'_>) -> rusqlite::Result<T>,
    ) -> rusqlite::Result<T> {
        if sql.len() <= CACHE_SQL_UP_TO {
            let mut stmt = self.conn.prepare_cached(sql)?;
            bind(&mut stmt, binds).and_then(|()| run(&mut stmt))
        } else {
            let mut stmt = self.conn.prepare(sql)?;
            bind(&mut stmt, binds).and_then(|()| run(&mut stmt))
        }
    }
}

/// Steps the statement to its end, decoding every row by `shape`, whose names must be the
/// statement's.
fn read_rows(stmt: &mut Statement<'_>, shape: &'static Shape) -> rusqlite::Result<Vec<Row>> {
    let same = stmt.column_count() == shape.len()
        && shape.iter().enumerate().all(|(i, (name, _))| stmt.column_name(i).is_ok_and(|c| c == *name));
    if !same {
        // Only now are the names gathered, to say which one is off.
        let names: Vec<&str> = (0..stmt.column_count()).map(|i| stmt.column_name(i)).collect::<Result<_, _>>()?;
        check_shape(shape, names.into_iter()).map_err(carry)?;
    }
    let mut rows = stmt.raw_query();
    let mut out = Vec::new();
    while let Some(row) = rows.next()? {
        let mut decoded = Vec::with_capacity(shape.len());
        for (i, (name, col)) in shape.iter().enumerate() {
            decoded.push(decode(row.get_ref(i)?, *col, name)?);
        }
        out.push(Row::new(shape, decoded));
    }
    Ok(out)
}

/// Binds `binds` to the statement's parameters: `$n` and `?n` take the n-th value, plain `?`
/// the next in order (the two styles of the store's SQL).
fn bind(stmt: &mut Statement<'_>, binds: &[SqlValue]) -> rusqlite::Result<()> {
    let count = stmt.parameter_count();
    let mut next = 0;
    for i in 1..=count {
        let numbered = stmt.parameter_name(i).and_then(|name| name.get(1..)).and_then(|n| n.parse::<usize>().ok());
        let at = match numbered {
            Some(n) if n >= 1 => n - 1,
            _ => {
                next += 1;
                next - 1
            }
        };
        let value = binds.get(at).ok_or(rusqlite::Error::InvalidParameterCount(at + 1, binds.len()))?;
        stmt.raw_bind_parameter(i, to_sql(value)?)?;
    }
    Ok(())
}

fn to_sql(v: &SqlValue) -> rusqlite::Result<ToSqlOutput<'_>> {
    Ok(match v {
        SqlValue::Int(Some(i)) => ToSqlOutput::Borrowed(ValueRef::Integer(*i)),
        SqlValue::Text(Some(s)) => ToSqlOutput::Borrowed(ValueRef::Text(s.as_bytes())),
        SqlValue::Bool(Some(b)) => ToSqlOutput::Borrowed(ValueRef::Integer(i64::from(*b))),
        // Dates are stored as ISO 8601 text, as sqlx stores them.
        SqlValue::Date(Some(d)) => ToSqlOutput::Owned(Value::Text(d.format("%Y-%m-%d").to_string())),
        SqlValue::Int(None) | SqlValue::Text(None) | SqlValue::Bool(None) | SqlValue::Date(None) => {
            ToSqlOutput::Borrowed(ValueRef::Null)
        }
        // SQLite has no arrays: `insert_rows` binds a value per parameter there.
        SqlValue::List(_) => {
            return Err(carry(DbError::decode("*", "a list of values is bound only on PostgreSQL")));
        }
    })
}

/// A [`DbError`] through rusqlite's error type (turned back by `DbError::from`), so that a
/// decoding error stays one whatever path it takes.
fn carry(e: DbError) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Null, Box::new(e))
}

fn decode(v: ValueRef<'_>, col: Col, name: &str) -> rusqlite::Result<SqlValue> {
    let wrong = |what: &str| carry(DbError::decode(name, format!("holds {:?}, not {what}", v.data_type())));
    Ok(match (col, v) {
        (Col::Int, ValueRef::Null) => SqlValue::Int(None),
        (Col::Int, ValueRef::Integer(n)) => SqlValue::Int(Some(n)),
        (Col::Int, _) => return Err(wrong("an integer")),
        (Col::Bool, ValueRef::Null) => SqlValue::Bool(None),
        (Col::Bool, ValueRef::Integer(n)) => SqlValue::Bool(Some(n != 0)),
        (Col::Bool, _) => return Err(wrong("a boolean")),
        (Col::Text, ValueRef::Null) => SqlValue::Text(None),
        (Col::Text, ValueRef::Text(t)) => SqlValue::Text(Some(String::from_utf8_lossy(t).into_owned())),
        (Col::Text, ValueRef::Integer(n)) => SqlValue::Text(Some(n.to_string())),
        (Col::Text, _) => return Err(wrong("text")),
        (Col::Date, ValueRef::Null) => SqlValue::Date(None),
        (Col::Date, ValueRef::Text(t)) => {
            let s = std::str::from_utf8(t).map_err(|_| wrong("a date"))?;
            SqlValue::Date(Some(NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| wrong("a date"))?))
        }
        (Col::Date, _) => return Err(wrong("a date")),
    })
}

impl Conn for SqliteConn {
    fn dialect(&self) -> Dialect {
        Dialect::Sqlite
    }

    fn fetch<'a>(
        &'a mut self,
        sql: &'a str,
        binds: &'a [SqlValue],
        shape: &'static Shape,
    ) -> impl Future<Output = Result<Vec<Row>, DbError>> + Send + 'a {
        self.fetch_read(sql, binds, shape)
    }

    fn fetch_within<'a>(
        &'a mut self,
        sql: &'a str,
        binds: &'a [SqlValue],
        shape: &'static Shape,
        work: u32,
    ) -> impl Future<Output = Result<Option<Vec<Row>>, DbError>> + Send + 'a {
        std::future::ready(SqliteConn::fetch_within(self, sql, binds, shape, work))
    }

    fn execute<'a>(
        &'a mut self,
        sql: &'a str,
        binds: &'a [SqlValue],
    ) -> impl Future<Output = Result<u64, DbError>> + Send + 'a {
        std::future::ready(self.execute_now(sql, binds))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_of_another_shape_are_decode_errors() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("t.db");
        let setup = rusqlite::Connection::open(&path).expect("create");
        setup.execute_batch("CREATE TABLE t (a INTEGER, b TEXT); INSERT INTO t VALUES (1, 'x');").expect("table");
        let mut c = SqliteConn::open(&path, true, 1000).expect("open");
        let renamed = c.fetch_now("SELECT a, b FROM t", &[], &[("a", Col::Int), ("c", Col::Text)]);
        assert!(matches!(renamed, Err(DbError::Decode { .. })), "{renamed:?}");
        let retyped = c.fetch_now("SELECT b FROM t", &[], &[("b", Col::Int)]);
        assert!(matches!(retyped, Err(DbError::Decode { .. })), "{retyped:?}");
        let fine = c.fetch_now("SELECT a, b FROM t", &[], &[("a", Col::Int), ("b", Col::Text)]).expect("read");
        assert_eq!(fine[0].req_int("a").expect("a"), 1);
    }
}
