//! SQLite, embedded: one write connection behind the group-commit writer, reading connections
//! used in place, a checkpoint thread, and the full-text indexes' upkeep. rusqlite is the one
//! driver, for migrations and queries alike.

pub mod checkpoint;
pub mod conn;
pub mod fts;
pub mod maintenance;
pub mod migrate;
pub mod read_pool;
pub mod writer;

use std::path::PathBuf;
use std::sync::Arc;

use anyhow::Context;

pub use conn::SqliteConn;
pub use read_pool::{Pooled, ReadPool};
pub use writer::Writer;

/// Page cache of the single writer, KiB (a reader's is smaller: see [`read_pool`]).
const WRITE_CACHE_KIB: u32 = 16000;

/// The file a `sqlite:` URL names: `sqlite:data/crm.db`, `sqlite://data/crm.db`,
/// `sqlite:///abs/crm.db`, with `%xx` escapes decoded (`my%20crm.db` is `my crm.db`). The only
/// options taken are `mode=rwc` and `mode=rw` (the file is created when missing either way);
/// any other is refused rather than ignored.
pub fn path_of(url: &str) -> anyhow::Result<PathBuf> {
    let rest = url
        .strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))
        .with_context(|| format!("not a SQLite URL: {url:?}"))?;
    let (file, options) = rest.split_once('?').unwrap_or((rest, ""));
    for option in options.split('&').filter(|o| !o.is_empty()) {
        if !matches!(option, "mode=rwc" | "mode=rw") {
            anyhow::bail!("DATABASE_URL: the SQLite option {option:?} is not supported (only mode=rwc)");
        }
    }
    let file = decode(file).with_context(|| format!("DATABASE_URL: {file:?} is not a valid path"))?;
    if file.is_empty() || file.contains(":memory:") || file.starts_with("file::memory") {
        anyhow::bail!("DATABASE_URL must name a SQLite file (an in-memory database is not shared between connections)");
    }
    Ok(PathBuf::from(file))
}

/// Decodes `%xx` escapes.
fn decode(s: &str) -> anyhow::Result<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = s.get(i + 1..i + 3).context("a % is not followed by two hex digits")?;
            out.push(u8::from_str_radix(hex, 16).context("a % is not followed by two hex digits")?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).context("the escapes do not decode to UTF-8")
}

/// Opens (creating it when missing) the database at `url`, applies the migrations and starts
/// the writer with the full-text upkeep of `fts_tables`.
pub fn open(url: &str, fts_tables: &[&'static str]) -> anyhow::Result<(Arc<ReadPool>, Writer)> {
    let path = path_of(url)?;
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).with_context(|| format!("creating the directory {}", dir.display()))?;
    }
    if !path.exists() {
        // Readable by its owner only (SQLite gives its log and shared-memory files the same mode).
        crate::config::write_private(&path, b"")?;
    }
    {
        // Created here; WAL mode is a property of the file, kept by every later connection.
        let create = rusqlite::Connection::open(&path).with_context(|| format!("opening the SQLite database {url}"))?;
        create
            .pragma_update(None, "journal_mode", "WAL")
            .with_context(|| format!("setting the SQLite database {url} to WAL mode"))?;
    }
    let mut write = SqliteConn::open(&path, true, WRITE_CACHE_KIB)
        .with_context(|| format!("opening the SQLite database {url} for writing"))?;
    migrate::run(&mut write).context("applying database migrations")?;
    let checkpoints = checkpoint::start(&path).context("starting the checkpoint thread")?;
    let read = Arc::new(ReadPool::new(path));
    let upkeep = Box::new(fts::FtsUpkeep::new(fts_tables));
    let writer = Writer::start(write, checkpoints, upkeep).context("starting the writer thread")?;
    Ok((read, writer))
}

#[cfg(test)]
mod tests {
    use super::path_of;

    #[test]
    fn sqlite_urls_name_a_file() {
        assert_eq!(path_of("sqlite:data/crm.db").expect("relative"), std::path::Path::new("data/crm.db"));
        assert_eq!(path_of("sqlite:///tmp/x.db?mode=rwc").expect("absolute"), std::path::Path::new("/tmp/x.db"));
        assert_eq!(path_of("sqlite://crm.db").expect("two slashes"), std::path::Path::new("crm.db"));
        assert_eq!(path_of("sqlite:my%20crm.db").expect("escaped"), std::path::Path::new("my crm.db"));
        assert_eq!(path_of("sqlite:crm.db?mode=rwc").expect("rwc"), std::path::Path::new("crm.db"));
        assert!(path_of("sqlite:crm.db?mode=ro").is_err(), "an option not honoured is refused");
        assert!(path_of("sqlite:crm.db?foo=1").is_err());
        assert!(path_of("sqlite:bad%2").is_err());
        assert!(path_of("sqlite::memory:").is_err());
        assert!(path_of("sqlite:").is_err());
        assert!(path_of("postgres://x").is_err());
    }
}
