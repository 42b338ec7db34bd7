//! Upkeep of a SQLite database file, safe while servers use it: an online backup, a restore,
//! VACUUM, and SQLite's own integrity checks.
//!
//! Each opens connections of its own; the servers' connections go on, waiting at most their
//! busy timeout for a lock these take.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use rusqlite::{Connection, OpenFlags};

use super::migrate::MIGRATIONS;

/// How long a command waits for a lock the servers hold.
const BUSY: Duration = Duration::from_secs(30);

fn open(path: &Path, flags: OpenFlags) -> anyhow::Result<Connection> {
    let conn = Connection::open_with_flags(path, flags | OpenFlags::SQLITE_OPEN_NO_MUTEX)
        .with_context(|| format!("opening {}", path.display()))?;
    conn.busy_timeout(BUSY)?;
    Ok(conn)
}

fn read_only(path: &Path) -> anyhow::Result<Connection> {
    if !path.exists() {
        bail!("{} does not exist", path.display());
    }
    open(path, OpenFlags::SQLITE_OPEN_READ_ONLY)
}

/// The size of the database and its write-ahead log, bytes.
pub fn size_of(path: &Path) -> u64 {
    let wal = PathBuf::from(format!("{}-wal", path.display()));
    [path, wal.as_path()].iter().filter_map(|p| std::fs::metadata(p).ok()).map(|m| m.len()).sum()
}

/// Writes a consistent copy of the database at `db` to `dest` while writes go on: `VACUUM
/// INTO` reads one snapshot (a read transaction, which holds no writer back) into a file beside
/// `dest`, which is checked, flushed to disk and only then linked to `dest`. A backup cut off
/// midway leaves no file at `dest`. Returns the backup's size.
pub fn backup(db: &Path, dest: &Path) -> anyhow::Result<u64> {
    if dest.exists() {
        bail!("{} already exists: name a new file (a backup never overwrites one)", dest.display());
    }
    let partial = partial_of(dest);
    let _ = std::fs::remove_file(&partial);
    let source = read_only(db)?;
    // Empty, readable by its owner only: VACUUM INTO fills it.
    crate::config::write_private(&partial, b"")?;
    let target = partial.to_str().with_context(|| format!("{} is not a UTF-8 path", partial.display()))?;
    let copied = source.execute("VACUUM INTO ?1", [target]).context("copying the database");
    drop(source);
    if let Err(e) = copied.and_then(|_| check(&partial)).and_then(|_| durable(&partial)) {
        let _ = std::fs::remove_file(&partial);
        return Err(e);
    }
    // A link, not a rename: it fails rather than replace a file made at `dest` meanwhile.
    let linked = std::fs::hard_link(&partial, dest).with_context(|| format!("naming the backup {}", dest.display()));
    let _ = std::fs::remove_file(&partial);
    linked?;
    sync_dir(dest);
    Ok(std::fs::metadata(dest).map(|m| m.len()).unwrap_or(0))
}

/// Where a backup to `dest` is written until it is complete.
fn partial_of(dest: &Path) -> PathBuf {
    let mut name = dest.file_name().map(|n| n.to_os_string()).unwrap_or_default();
    name.push(".partial");
    dest.with_file_name(name)
}

/// The backup file reads back whole.
fn check(path: &Path) -> anyhow::Result<()> {
    let conn = read_only(path)?;
    let result: String = conn.query_row("PRAGMA quick_check", [], |r| r.get(0)).context("checking the backup")?;
    if result != "ok" {
        bail!("the backup does not read back whole: {result}");
    }
    Ok(())
}

fn durable(path: &Path) -> anyhow::Result<()> {
    std::fs::File::open(path).and_then(|f| f.sync_all()).with_context(|| format!("flushing {}", path.display()))
}

fn sync_dir(path: &Path) {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        let _ = std::fs::File::open(dir).and_then(|d| d.sync_all());
    }
}

/// The newest migration a database file records, if it has the migrations' table.
fn migrated_to(conn: &Connection) -> anyhow::Result<Option<i64>> {
    let has: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_sqlx_migrations')",
        [],
        |r| r.get(0),
    )?;
    if !has {
        return Ok(None);
    }
    Ok(conn.query_row("SELECT max(version) FROM _sqlx_migrations WHERE success", [], |r| r.get(0))?)
}

/// Replaces the content of the database at `db` (made when missing) with the backup at `src`,
/// in one transaction: servers using the database see either all of the old content or all of
/// the restored. The backup is checked first (whole, one of this server's databases, not
/// migrated further than this server knows); the caller then migrates it forward.
pub fn restore(db: &Path, src: &Path) -> anyhow::Result<()> {
    let source = read_only(src)?;
    let result: String = source
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .with_context(|| format!("{} is not a SQLite database", src.display()))?;
    if result != "ok" {
        bail!("{} is damaged: {result}", src.display());
    }
    crate::db::restorable(src, migrated_to(&source)?, MIGRATIONS.last().map_or(0, |m| m.version))?;
    if let Some(dir) = db.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    }
    if !db.exists() {
        crate::config::write_private(db, b"")?;
    }
    let mut target = open(db, OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE)?;
    target.pragma_update(None, "journal_mode", "WAL").context("setting WAL mode")?;
    let deadline = Instant::now() + BUSY;
    {
        let copy = rusqlite::backup::Backup::new(&source, &mut target).context("starting the restore")?;
        loop {
            // Every page in one step: one transaction on the target.
            match copy.step(-1).context("restoring")? {
                rusqlite::backup::StepResult::Done => break,
                rusqlite::backup::StepResult::Busy | rusqlite::backup::StepResult::Locked
                    if Instant::now() < deadline =>
                {
                    std::thread::sleep(Duration::from_millis(20));
                }
                rusqlite::backup::StepResult::More => {}
                other => bail!("the database stayed locked for {} s ({other:?}); try again", BUSY.as_secs()),
            }
        }
    }
    target.pragma_update(None, "journal_mode", "WAL").context("setting WAL mode")?;
    Ok(())
}

/// Rebuilds the database file without its free pages, empties the write-ahead log and
/// refreshes the planner's statistics. Returns the size before and after, bytes.
pub fn vacuum(db: &Path) -> anyhow::Result<(u64, u64)> {
    let before = size_of(db);
    let conn = open(db, OpenFlags::SQLITE_OPEN_READ_WRITE)?;
    conn.execute_batch("VACUUM").context("VACUUM")?;
    // Copies the log into the database and starts it over, when no reader holds it.
    let _: (i64, i64, i64) = conn
        .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .context("checkpoint")?;
    conn.execute_batch("PRAGMA optimize").context("PRAGMA optimize")?;
    drop(conn);
    Ok((before, size_of(db)))
}

/// What SQLite finds wrong with a file (each list empty when all is well).
#[derive(Debug, Default)]
pub struct Integrity {
    /// Damage to its pages and indexes (`integrity_check`).
    pub pages: Vec<String>,
    /// Rows whose foreign key names a missing row (`foreign_key_check`).
    pub foreign_keys: Vec<String>,
}

/// SQLite's own checks of the file at `db`.
pub fn integrity(db: &Path) -> anyhow::Result<Integrity> {
    let conn = read_only(db)?;
    let mut found = Integrity::default();
    let mut stmt = conn.prepare("PRAGMA integrity_check")?;
    let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
    for r in rows {
        let r = r?;
        if r != "ok" {
            found.pages.push(r);
        }
    }
    if !found.pages.is_empty() {
        return Ok(found);
    }
    let mut stmt = conn.prepare("PRAGMA foreign_key_check")?;
    let rows =
        stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, Option<i64>>(1)?, r.get::<_, String>(2)?)))?;
    for r in rows {
        let (table, row, parent) = r?;
        let row = row.map_or_else(|| "a row".to_string(), |id| format!("row {id}"));
        found.foreign_keys.push(format!("{table} {row} refers to a missing row of {parent}"));
    }
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn db_with(dir: &Path, rows: i64) -> PathBuf {
        let path = dir.join("crm.db");
        let c = Connection::open(&path).expect("open");
        c.execute_batch(
            "PRAGMA journal_mode = WAL; CREATE TABLE _sqlx_migrations (version BIGINT PRIMARY KEY, success BOOLEAN); \
             INSERT INTO _sqlx_migrations VALUES (1, 1); CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT);",
        )
        .expect("schema");
        for i in 0..rows {
            c.execute("INSERT INTO t (v) VALUES (?1)", [format!("row {i}")]).expect("insert");
        }
        path
    }

    fn count(path: &Path) -> i64 {
        Connection::open(path).expect("open").query_row("SELECT count(*) FROM t", [], |r| r.get(0)).expect("count")
    }

    #[test]
    fn a_backup_restores_what_it_copied_and_never_overwrites() {
        let dir = tempfile::tempdir().expect("dir");
        let db = db_with(dir.path(), 100);
        let dest = dir.path().join("backup.db");
        assert!(backup(&db, &dest).expect("backup") > 0);
        assert!(!partial_of(&dest).exists(), "the partial file is gone");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&dest).expect("backup").permissions().mode();
            assert_eq!(mode & 0o777, 0o600, "a backup is readable by its owner only");
        }
        assert_eq!(count(&dest), 100);
        assert!(backup(&db, &dest).is_err(), "an existing file is not overwritten");
        Connection::open(&db).expect("open").execute("DELETE FROM t WHERE id > 10", []).expect("delete");
        restore(&db, &dest).expect("restore");
        assert_eq!(count(&db), 100);
        let found = integrity(&db).expect("integrity");
        assert!(found.pages.is_empty() && found.foreign_keys.is_empty());
        let (before, after) = vacuum(&db).expect("vacuum");
        assert!(before > 0 && after > 0);
    }

    #[test]
    fn restore_refuses_what_is_not_a_whole_crm_database() {
        let dir = tempfile::tempdir().expect("dir");
        let db = db_with(dir.path(), 1);
        let junk = dir.path().join("junk.db");
        std::fs::write(&junk, b"not a database at all, just some text").expect("write");
        assert!(restore(&db, &junk).is_err());
        let other = dir.path().join("other.db");
        Connection::open(&other).expect("open").execute_batch("CREATE TABLE x (a)").expect("schema");
        assert!(restore(&db, &other).expect_err("no migrations").to_string().contains("not a CRM database"));
        let newer = dir.path().join("newer.db");
        Connection::open(&newer)
            .expect("open")
            .execute_batch(
                "CREATE TABLE _sqlx_migrations (version BIGINT PRIMARY KEY, success BOOLEAN); \
                 INSERT INTO _sqlx_migrations VALUES (999999, 1);",
            )
            .expect("schema");
        assert!(restore(&db, &newer).expect_err("newer").to_string().contains("newer server"));
        assert_eq!(count(&db), 1, "nothing restored");
    }
}
