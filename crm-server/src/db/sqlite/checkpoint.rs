//! The thread that copies committed pages from the write-ahead log into the database.
//!
//! The writer's own checkpoint (at 1,000 pages, SQLite's default) then finds little left to
//! copy, and is what lets the next write start the log over: a checkpoint running beside the
//! writer never catches up with it, and the log would grow without end.

use std::path::Path;
use std::sync::mpsc::{SyncSender, sync_channel};
use std::time::Duration;

use super::conn::SqliteConn;
use crate::db::DbError;

/// Starts the thread. Each commit sends a signal; a checkpoint follows within 10 ms of the
/// first. The thread ends when the sender is dropped.
pub fn start(path: &Path) -> Result<SyncSender<()>, DbError> {
    let mut conn = SqliteConn::open(path, true, 2000)?;
    let (tx, rx) = sync_channel::<()>(1);
    std::thread::Builder::new()
        .name("sqlite-checkpoint".into())
        .spawn(move || {
            while rx.recv().is_ok() {
                std::thread::sleep(Duration::from_millis(10));
                while rx.try_recv().is_ok() {}
                if let Err(e) = conn.execute_now("PRAGMA wal_checkpoint(PASSIVE)", &[]) {
                    tracing::warn!(error = %e, "checkpoint failed");
                }
            }
        })
        .map_err(|e| DbError::Other(format!("starting the checkpoint thread: {e}")))?;
    Ok(tx)
}
