//! Upkeep of SQLite's full-text (FTS5) indexes, done by the writer.
//!
//! Each indexed table `<t>` has an index `<t>_fts` over its `search` column. Triggers queue the
//! changes in `search_queue` (migration 0006); the writer applies the queue to the indexes once
//! per group commit, merges their segments while no write waits, and rebuilds an index that
//! failed to take its changes. Which tables are indexed is the caller's to say.

use super::conn::SqliteConn;
use super::writer::{Upkeep, in_own_tx};
use crate::db::{Col, DbError, SqlValue};

/// What applying the search queue did to one full-text index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Applied {
    /// Nothing was queued for it.
    Nothing,
    Written,
    /// Writing to it failed (a damaged index): its changes stay queued, and the index is listed
    /// in `search_rebuild` (migration 0009), to be rebuilt from its table ([`rebuild`]).
    Failed,
}

/// Index pages one [`merge_step`] writes at most (FTS5 pages of about 4 KB): a few
/// milliseconds of work, so that a write arriving meanwhile waits little.
const MERGE_PAGES: u32 = 32;

/// The full-text upkeep of the given tables: the writer's [`Upkeep`].
pub struct FtsUpkeep {
    tables: Vec<&'static str>,
    /// Which indexes may have segments to merge: all at start, then those written.
    untidy: Vec<bool>,
    /// Which indexes failed to take their changes and are to be rebuilt (as `search_rebuild`
    /// lists them, read at start).
    damaged: Vec<bool>,
    /// Damaged indexes whose rebuild failed: tried again after the next commit.
    waiting: Vec<bool>,
    /// What the group being committed applied.
    pending: Option<Vec<Applied>>,
}

impl FtsUpkeep {
    pub fn new(tables: &[&'static str]) -> FtsUpkeep {
        let n = tables.len();
        FtsUpkeep {
            tables: tables.to_vec(),
            untidy: vec![true; n],
            damaged: vec![false; n],
            waiting: vec![false; n],
            pending: None,
        }
    }

    /// The next piece of idle work: an index to rebuild (first) or to merge.
    fn next(&self) -> Option<(usize, bool)> {
        let rebuild = (0..self.tables.len()).find(|&i| self.damaged[i] && !self.waiting[i]).map(|i| (i, true));
        rebuild.or_else(|| self.untidy.iter().position(|u| *u).map(|i| (i, false)))
    }
}

impl Upkeep for FtsUpkeep {
    fn start(&mut self, c: &mut SqliteConn) {
        match listed(c, "SELECT tbl FROM search_rebuild") {
            Ok(listed) => {
                for (table, damaged) in self.tables.iter().zip(&mut self.damaged) {
                    *damaged = listed.iter().any(|t| t == table);
                }
            }
            Err(e) => tracing::error!(error = %e, "reading which search indexes are to be rebuilt failed"),
        }
    }

    fn before_commit(&mut self, c: &mut SqliteConn) -> Result<(), DbError> {
        self.pending = Some(apply_queue(c, &self.tables)?);
        Ok(())
    }

    fn committed(&mut self) {
        let Some(applied) = self.pending.take() else { return };
        for ((untidy, damaged), applied) in self.untidy.iter_mut().zip(&mut self.damaged).zip(applied) {
            *untidy |= applied == Applied::Written;
            *damaged |= applied == Applied::Failed;
        }
        self.waiting.iter_mut().for_each(|w| *w = false);
    }

    fn idle_work(&self) -> bool {
        self.next().is_some()
    }

    fn idle_step(&mut self, c: &mut SqliteConn) {
        let Some((i, rebuild)) = self.next() else { return };
        let table = self.tables[i];
        if rebuild {
            match in_own_tx(c, |c| rebuild_index(c, table)) {
                Ok(()) => {
                    tracing::info!(table, "search index rebuilt");
                    self.damaged[i] = false;
                }
                Err(e) => {
                    tracing::error!(error = %e, table, "rebuilding the search index failed");
                    self.waiting[i] = true;
                }
            }
            return;
        }
        self.untidy[i] = match in_own_tx(c, |c| merge_step(c, table)) {
            Ok(more) => more,
            Err(e) => {
                tracing::warn!(error = %e, table, "merging the search index's segments failed");
                false
            }
        };
    }
}

/// Applies the changes queued by the triggers to the full-text indexes, in order, and takes
/// them off the queue: one statement per table, so that FTS5 writes one index segment for a
/// whole group commit. Runs in the writer's transaction, before it commits. Each index is
/// written under a savepoint of its own: one that fails is rolled back alone and reported, and
/// the records written in the group still commit (the index is derived from them, and
/// [`rebuild_index`] makes it again).
fn apply_queue(c: &mut SqliteConn, tables: &[&'static str]) -> Result<Vec<Applied>, DbError> {
    let mut applied = vec![Applied::Nothing; tables.len()];
    let queued = listed(c, "SELECT DISTINCT tbl FROM search_queue")?;
    if queued.is_empty() {
        return Ok(applied);
    }
    let mut written = Vec::new();
    for (table, applied) in tables.iter().zip(&mut applied) {
        if !queued.iter().any(|t| t == table) {
            continue;
        }
        let sql = format!(
            "INSERT INTO {table}_fts ({table}_fts, rowid, search) \
             SELECT CASE WHEN del THEN 'delete' END, row_id, search FROM search_queue WHERE tbl = '{table}' ORDER BY seq"
        );
        c.execute_now("SAVEPOINT fts", &[])?;
        match c.execute_now(&sql, &[]) {
            Ok(_) => {
                c.execute_now("RELEASE fts", &[])?;
                written.push(format!("'{table}'"));
                *applied = Applied::Written;
            }
            Err(e) => {
                tracing::error!(error = %e, table, "updating the search index failed; it will be rebuilt");
                c.execute_now("ROLLBACK TO fts", &[])?;
                c.execute_now("RELEASE fts", &[])?;
                c.execute_now(
                    "INSERT OR IGNORE INTO search_rebuild (tbl) VALUES ($1)",
                    &[SqlValue::Text(Some(table.to_string()))],
                )?;
                *applied = Applied::Failed;
            }
        }
    }
    if !written.is_empty() {
        c.execute_now(&format!("DELETE FROM search_queue WHERE tbl IN ({})", written.join(", ")), &[])?;
    }
    Ok(applied)
}

/// The table names a query of one `tbl` column lists.
fn listed(c: &mut SqliteConn, sql: &str) -> Result<Vec<String>, DbError> {
    let rows = c.fetch_now(sql, &[], &[("tbl", Col::Text)])?;
    rows.iter().map(|r| r.req_text("tbl").map(str::to_string)).collect()
}

/// Makes a table's full-text index again from the table, and drops the changes queued for it
/// (the rebuilt index has them) and its place in `search_rebuild`. Runs in a transaction of the
/// writer's, in one statement: writes wait for it (seconds for a million rows).
fn rebuild_index(c: &mut SqliteConn, table: &str) -> Result<(), DbError> {
    let name = [SqlValue::Text(Some(table.to_string()))];
    c.execute_now(&format!("INSERT INTO {table}_fts ({table}_fts) VALUES ('rebuild')"), &[])?;
    c.execute_now("DELETE FROM search_queue WHERE tbl = $1", &name)?;
    c.execute_now("DELETE FROM search_rebuild WHERE tbl = $1", &name)?;
    Ok(())
}

/// Merges some of the segments of a table's full-text index; returns whether there is more to
/// merge. Every group commit that writes to an index adds a segment, and FTS5 merges them only
/// four at a time, level by level: after a million rows written in batches, an index had 20,
/// and every search looked its words up in each (a count of 20 rows cost 53 us; 12 us on one
/// segment). With `usermerge` set to 2 (migration 0008), merging leaves at most one segment per
/// level. The writer runs a step at a time while no write is waiting.
fn merge_step(c: &mut SqliteConn, table: &str) -> Result<bool, DbError> {
    let before = c.total_changes();
    c.execute_now(&format!("INSERT INTO {table}_fts ({table}_fts, rank) VALUES ('merge', {MERGE_PAGES})"), &[])?;
    // The command itself is one change; more means it merged something.
    Ok(c.total_changes() - before >= 2)
}
