//! The reading connections of a SQLite database.

use std::path::PathBuf;
use std::sync::atomic::Ordering;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::sync::{Semaphore, SemaphorePermit};

use super::conn::{ReadCounts, SqliteConn};
use crate::db::DbError;

/// Most reading connections open at once. A request holds one for the reads it makes in one
/// go (a [`crate::db::Db::read`]); their statements run in place on its thread, so about as
/// many are busy as there are runtime workers, plus the long reads waiting for or holding one
/// of their four turns off the workers, and the exports reading a page ahead.
/// A reader beyond the bound waits for one to come back (and is answered 503 after
/// [`WAIT`]): each connection holds its own page cache (2 MB), so an unbounded pool would let a
/// burst of slow readers grow the memory without limit.
pub const MAX_READERS: usize = 64;

/// Most idle reading connections kept open for the next reader.
const MAX_IDLE: usize = 16;

/// Longest wait for a reading connection.
const WAIT: Duration = Duration::from_secs(30);

/// Page cache of a reading connection, KiB: a modest one (the operating system's file cache
/// serves the rest).
const READ_CACHE_KIB: u32 = 2000;

/// Reading connections, opened when needed and kept for the next reader, at most
/// [`MAX_READERS`] at once.
pub struct ReadPool {
    path: PathBuf,
    idle: Mutex<Vec<SqliteConn>>,
    open: Semaphore,
    counts: Arc<ReadCounts>,
}

impl std::fmt::Debug for ReadPool {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ReadPool").field("path", &self.path).finish_non_exhaustive()
    }
}

impl ReadPool {
    pub fn new(path: PathBuf) -> ReadPool {
        ReadPool {
            path,
            idle: Mutex::new(Vec::new()),
            open: Semaphore::new(MAX_READERS),
            counts: Arc::new(ReadCounts::default()),
        }
    }

    /// Reading connections in use, and idle.
    pub fn connections(&self) -> (usize, usize) {
        let idle = self.idle.lock().map(|i| i.len()).unwrap_or(0);
        (MAX_READERS - self.open.available_permits(), idle)
    }

    /// Reads through this pool that ran long and moved off a runtime worker (see
    /// [`SqliteConn::fetch_read`]).
    pub fn long_reads(&self) -> u64 {
        self.counts.long_reads.load(Ordering::Relaxed)
    }

    /// Bounded reads through this pool that were given up (see [`SqliteConn::fetch_within`]).
    pub fn given_up(&self) -> u64 {
        self.counts.given_up.load(Ordering::Relaxed)
    }

    /// An idle connection, or a new one; waits while [`MAX_READERS`] are in use.
    pub async fn get(&self) -> Result<Pooled<'_>, DbError> {
        let permit = match self.open.try_acquire() {
            Ok(p) => p,
            Err(_) => match tokio::time::timeout(WAIT, self.open.acquire()).await {
                Ok(Ok(p)) => p,
                Ok(Err(_)) => return Err(DbError::Other("the read pool is closed".into())),
                Err(_) => return Err(DbError::Busy("no reading connection came free in time")),
            },
        };
        let idle = self.idle.lock().ok().and_then(|mut idle| idle.pop());
        let conn = match idle {
            Some(c) => c,
            None => SqliteConn::open_counting(&self.path, false, READ_CACHE_KIB, Some(self.counts.clone()))?,
        };
        Ok(Pooled { pool: self, conn: Some(conn), _permit: permit })
    }
}

/// A reading connection, back to its pool when dropped.
pub struct Pooled<'a> {
    pool: &'a ReadPool,
    conn: Option<SqliteConn>,
    _permit: SemaphorePermit<'a>,
}

impl std::ops::Deref for Pooled<'_> {
    type Target = SqliteConn;
    fn deref(&self) -> &SqliteConn {
        self.conn.as_ref().expect("a pooled connection is present until dropped")
    }
}

impl std::ops::DerefMut for Pooled<'_> {
    fn deref_mut(&mut self) -> &mut SqliteConn {
        self.conn.as_mut().expect("a pooled connection is present until dropped")
    }
}

impl Drop for Pooled<'_> {
    fn drop(&mut self) {
        if let (Some(conn), Ok(mut idle)) = (self.conn.take(), self.pool.idle.lock())
            && idle.len() < MAX_IDLE
        {
            idle.push(conn);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn readers_beyond_the_bound_wait_for_a_connection() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("t.db");
        rusqlite::Connection::open(&path).expect("create").execute_batch("CREATE TABLE t (x)").expect("table");
        let pool = ReadPool::new(path);
        let mut held = Vec::new();
        for _ in 0..MAX_READERS {
            held.push(pool.get().await.expect("within the bound"));
        }
        let waiting = tokio::time::timeout(Duration::from_millis(50), pool.get()).await;
        assert!(waiting.is_err(), "a reader beyond the bound must wait");
        held.pop();
        let got = tokio::time::timeout(Duration::from_secs(5), pool.get()).await;
        assert!(matches!(got, Ok(Ok(_))), "a returned connection serves the next reader");
    }
}
