//! Planner statistics on PostgreSQL after bulk writes.
//!
//! PostgreSQL plans with the statistics of a table's last `ANALYZE`, which autovacuum refreshes
//! on its own schedule (a minute and more apart). Right after a bulk load a table's statistics
//! can still describe it as nearly empty: PostgreSQL then reads a million rows through the
//! `user_id` index for each look-up of a batch's links (1.2 s a batch, and 78 s to move 50,000
//! deals one stage in the benchmark). After a batch, the tables it wrote to are analysed once
//! their changes since the last analysis reach the rows counted then (at least 1,000): a table
//! growing from nothing to a million rows is analysed about ten times.

use std::collections::BTreeSet;
use std::sync::Mutex;

use crate::db::{Col, Conn, Db, SqlValue};

/// Changes below which a table is never analysed from here.
const LEAST_CHANGES: i64 = 1000;

/// The statistics target of these analyses: a sample of 3,000 rows (PostgreSQL's default of
/// 100 samples 30,000). It tells the planner a table's size and the spread of its values well
/// enough for the CRM's queries, at a tenth of the cost of a full analysis, which a table
/// growing by a sync or an import would otherwise pay about ten times (a sixth of the
/// database's work in a first sync of 100,000 people). Autovacuum's analyses use the default.
const SAMPLE_TARGET: i64 = 10;

/// Analyses `table` with a sample of [`SAMPLE_TARGET`].
async fn sample(pool: &sqlx::PgPool, table: &str) -> Result<(), sqlx::Error> {
    let mut tx = pool.begin().await?;
    sqlx::query(sqlx::AssertSqlSafe(format!("SET LOCAL default_statistics_target = {SAMPLE_TARGET}")))
        .execute(&mut *tx)
        .await?;
    sqlx::query(sqlx::AssertSqlSafe(format!("ANALYZE (SKIP_LOCKED) {table}"))).execute(&mut *tx).await?;
    tx.commit().await
}

/// Tables being analysed by this process: a second batch does not start the same analysis.
static ANALYSING: Mutex<BTreeSet<&'static str>> = Mutex::new(BTreeSet::new());

/// Takes a table off [`ANALYSING`] however its analysis ends.
struct Analysing(&'static str);

impl Drop for Analysing {
    fn drop(&mut self) {
        if let Ok(mut a) = ANALYSING.lock() {
            a.remove(self.0);
        }
    }
}

/// Starts, in the background, the analysis of those of `tables` whose changes since their last
/// analysis (PostgreSQL's count, plus the `written` rows it may not have counted yet, so about
/// the rows counted then) reach the rows counted then, or 1,000. Only tables of the current
/// schema that the server's user may analyse (it owns them) are considered; a table another
/// session is analysing or vacuuming is skipped (`SKIP_LOCKED`). Does nothing on SQLite, whose
/// plans here do not depend on statistics. Failures are logged: the batch has committed, and
/// autovacuum analyses the table in time.
pub fn refresh(db: &Db, tables: Vec<&'static str>, written: usize) {
    let Db::Postgres(pg) = db else { return };
    let pool = pg.pool().clone();
    tokio::spawn(async move {
        let written = i64::try_from(written).unwrap_or(i64::MAX);
        let names: Vec<String> = tables.iter().map(|t| format!("'{t}'")).collect();
        let sql = format!(
            "SELECT s.relname::text FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid \
             WHERE s.schemaname = current_schema() AND s.relname IN ({}) AND pg_has_role(c.relowner, 'USAGE') \
             AND s.n_mod_since_analyze + $1 >= GREATEST({LEAST_CHANGES}, c.reltuples::bigint)",
            names.join(", ")
        );
        let due = async {
            let mut conn = pool.acquire().await.map_err(crate::db::DbError::from)?;
            conn.fetch(&sql, &[SqlValue::Int(Some(written))], &[("relname", Col::Text)]).await
        };
        let due = match due.await {
            Ok(rows) => rows,
            Err(e) => {
                tracing::warn!(error = %e, "reading table statistics failed");
                return;
            }
        };
        let due: Vec<&str> = match due.iter().map(|r| r.req_text("relname")).collect() {
            Ok(due) => due,
            Err(e) => {
                tracing::warn!(error = %e, "reading table statistics failed");
                return;
            }
        };
        for table in tables.into_iter().filter(|t| due.contains(t)) {
            if !ANALYSING.lock().map(|mut a| a.insert(table)).unwrap_or(false) {
                continue;
            }
            let _analysing = Analysing(table);
            let started = std::time::Instant::now();
            match sample(&pool, table).await {
                Ok(()) => {
                    tracing::info!(table, ms = started.elapsed().as_millis() as u64, "analysed after bulk writes")
                }
                Err(e) => tracing::warn!(table, error = %e, "analysing a table failed"),
            }
        }
    });
}
