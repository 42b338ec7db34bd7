//! The SQLite schema's migrations, applied at start-up through the same driver as every query.
//!
//! They are kept in the table `_sqlx_migrations`, as sqlx kept them when it applied them (the
//! server once did): version, description, time, success, SHA-384 of the SQL, duration. A
//! database migrated then is recognised now. A migration whose SQL changed after it was applied
//! is refused, as is a database marked by a migration that failed midway.

use std::time::Instant;

use sha2::{Digest, Sha384};

use super::conn::SqliteConn;
use super::writer::in_own_tx;
use crate::db::{Col, DbError, SqlValue};

/// One migration file, `migrations/sqlite/NNNN_description.sql`.
pub struct Migration {
    pub version: i64,
    pub description: &'static str,
    pub sql: &'static str,
}

/// Every migration, in order (listed by `build.rs`).
pub const MIGRATIONS: &[Migration] = include!(concat!(env!("OUT_DIR"), "/sqlite_migrations.rs"));

const TABLE: &str = "CREATE TABLE IF NOT EXISTS _sqlx_migrations (
    version BIGINT PRIMARY KEY,
    description TEXT NOT NULL,
    installed_on TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    success BOOLEAN NOT NULL,
    checksum BLOB NOT NULL,
    execution_time BIGINT NOT NULL
)";

/// Applies the migrations not applied yet, each in a transaction of its own (taken with the
/// write lock, so that two processes starting at once apply each one once; the second waits
/// up to the busy timeout, 10 s, for the first one's migration). A database that a newer
/// server migrated further than this one knows is refused.
pub fn run(c: &mut SqliteConn) -> Result<(), DbError> {
    c.execute_now(TABLE, &[])?;
    let newest = c.fetch_now("SELECT MAX(version) AS newest FROM _sqlx_migrations", &[], &[("newest", Col::Int)])?;
    let known = MIGRATIONS.last().map_or(0, |m| m.version);
    if let Some(v) = newest.first().map(|r| r.int("newest")).transpose()?.flatten()
        && v > known
    {
        return Err(DbError::Other(format!(
            "the database was migrated to version {v} by a newer server; this one knows versions up to {known}"
        )));
    }
    for m in MIGRATIONS {
        let checksum = Sha384::digest(m.sql.as_bytes()).to_vec();
        in_own_tx(c, |c| apply(c, m, &checksum))?;
    }
    Ok(())
}

fn apply(c: &mut SqliteConn, m: &Migration, checksum: &[u8]) -> Result<(), DbError> {
    let found = c.fetch_now(
        "SELECT success, hex(checksum) AS checksum FROM _sqlx_migrations WHERE version = $1",
        &[SqlValue::Int(Some(m.version))],
        &[("success", Col::Bool), ("checksum", Col::Text)],
    )?;
    if let Some(row) = found.first() {
        if row.get("success")? != &SqlValue::Bool(Some(true)) {
            return Err(DbError::Other(format!(
                "migration {} ({}) failed midway earlier: the database needs a look by hand",
                m.version, m.description
            )));
        }
        if !row.req_text("checksum")?.eq_ignore_ascii_case(&hex(checksum)) {
            return Err(DbError::Other(format!(
                "migration {} ({}) was changed after it was applied to this database",
                m.version, m.description
            )));
        }
        return Ok(());
    }
    let started = Instant::now();
    c.execute_batch(m.sql)?;
    let nanos = i64::try_from(started.elapsed().as_nanos()).unwrap_or(i64::MAX);
    c.execute_now(
        "INSERT INTO _sqlx_migrations (version, description, success, checksum, execution_time) \
         VALUES ($1, $2, TRUE, unhex($3), $4)",
        &[
            SqlValue::Int(Some(m.version)),
            SqlValue::Text(Some(m.description.to_string())),
            SqlValue::Text(Some(hex(checksum))),
            SqlValue::Int(Some(nanos)),
        ],
    )?;
    tracing::info!(version = m.version, description = m.description, "migration applied");
    Ok(())
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02X}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Numbers rise from 1, each used once. A number may be missing for a while: work in
    /// progress elsewhere holds it (a database migrated without it takes it when it comes,
    /// as every migration not yet applied is).
    #[test]
    fn migrations_are_numbered_in_order_from_one() {
        let versions: Vec<i64> = MIGRATIONS.iter().map(|m| m.version).collect();
        assert_eq!(versions.first(), Some(&1));
        assert!(versions.windows(2).all(|w| w[0] < w[1]), "{versions:?}");
        assert_eq!(MIGRATIONS[0].description, "core");
    }

    /// Databases migrated when sqlx applied the migrations are recognised: same versions,
    /// descriptions and checksums as sqlx computes them.
    #[test]
    fn migrations_are_recorded_as_sqlx_recorded_them() {
        let sqlx: sqlx::migrate::Migrator = sqlx::migrate!("../migrations/sqlite");
        let theirs: Vec<(i64, String, Vec<u8>)> =
            sqlx.iter().map(|m| (m.version, m.description.to_string(), m.checksum.to_vec())).collect();
        let ours: Vec<(i64, String, Vec<u8>)> = MIGRATIONS
            .iter()
            .map(|m| (m.version, m.description.to_string(), Sha384::digest(m.sql.as_bytes()).to_vec()))
            .collect();
        assert_eq!(ours, theirs);
    }

    #[test]
    fn migrating_twice_applies_each_migration_once_and_a_changed_one_is_refused() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("m.db");
        rusqlite::Connection::open(&path).expect("create");
        let mut c = SqliteConn::open(&path, true, 1000).expect("open");
        run(&mut c).expect("first run");
        run(&mut c).expect("second run changes nothing");
        let n = c.fetch_now("SELECT COUNT(*) AS n FROM _sqlx_migrations", &[], &[("n", Col::Int)]).expect("count");
        assert_eq!(n[0].req_int("n").expect("n"), MIGRATIONS.len() as i64);
        c.execute_now("UPDATE _sqlx_migrations SET checksum = x'00' WHERE version = 1", &[]).expect("tamper");
        let err = run(&mut c).expect_err("a changed migration is refused");
        assert!(err.to_string().contains("was changed"), "{err}");
        c.execute_now("DELETE FROM _sqlx_migrations WHERE version = 1", &[]).expect("undo");
        c.execute_now(
            "INSERT INTO _sqlx_migrations (version, description, success, checksum, execution_time) VALUES (9999, 'later', TRUE, x'00', 0)",
            &[],
        )
        .expect("a newer migration");
        let err = run(&mut c).expect_err("a database of a newer server is refused");
        assert!(err.to_string().contains("newer server"), "{err}");
    }
}
