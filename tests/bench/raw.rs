//! The database's own ceiling: the same point reads and inserts, straight through SQLite's
//! library (rusqlite, statements prepared once) with no HTTP, auth or JSON in between, on as
//! many threads as there are cores.

use std::time::{Duration, Instant};

use rusqlite::{Connection, OpenFlags};

use crm_server::store::spec::CONTACTS;
use crm_server::store::words::search_text;

use super::data::{contact, mix};

const COLS: &str = "id, name, email, phone, company, job_title, status, source, notes, rating, version, created_at, updated_at, deleted_at";

fn path_of(url: &str) -> &str {
    url.strip_prefix("sqlite://").or_else(|| url.strip_prefix("sqlite:")).unwrap_or(url)
}

/// Point reads of random contacts of the user for `duration`, on `threads` connections.
pub async fn reads(url: &str, user_id: i64, contacts: u64, threads: usize, duration: Duration) -> anyhow::Result<f64> {
    let path = path_of(url).to_string();
    let start = Instant::now();
    let deadline = start + duration;
    let mut tasks = Vec::new();
    for w in 0..threads {
        let path = path.clone();
        tasks.push(tokio::task::spawn_blocking(move || {
            let conn = Connection::open_with_flags(&path, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
            let mut stmt = conn.prepare(&format!(
                "SELECT {COLS} FROM contacts WHERE id = ?1 AND user_id = ?2 AND deleted_at IS NULL"
            ))?;
            let mut n = 0u64;
            while Instant::now() < deadline {
                let id = 1 + (mix(w as u64 * 1_000_003 + n) % contacts) as i64;
                let name: String = stmt.query_row((id, user_id), |r| r.get(1))?;
                std::hint::black_box(name);
                n += 1;
            }
            Ok::<u64, anyhow::Error>(n)
        }));
    }
    let mut total = 0;
    for t in tasks {
        total += t.await??;
    }
    Ok(total as f64 / start.elapsed().as_secs_f64())
}

/// Inserts of contact rows into a fresh database with the same schema and settings, one
/// transaction (commit) per row, as single creates are.
pub async fn inserts(dir: &std::path::Path, duration: Duration) -> anyhow::Result<f64> {
    let path = dir.join("raw.db");
    let url = format!("sqlite:{}", path.display());
    // The server's own start-up creates the schema.
    crm_server::store::open(&url, 1).await?.close().await;
    tokio::task::spawn_blocking(move || {
        let conn = Connection::open(&path)?;
        conn.execute_batch("PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;")?;
        conn.execute("INSERT INTO users (email, password_hash, created_at) VALUES ('raw@example.com', 'x', 0)", ())?;
        let mut insert = conn.prepare(
            "INSERT INTO contacts (user_id, search, name, email, phone, company, job_title, status, source, rating, version, created_at, updated_at) \
             VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 1, ?10, ?10) RETURNING id",
        )?;
        let start = Instant::now();
        let mut n = 0u64;
        while start.elapsed() < duration {
            let c = contact(n);
            let s = |k: &str| c[k].as_str().map(str::to_string);
            conn.execute_batch("BEGIN")?;
            let id: i64 = insert.query_row(
                (
                    c.as_object().map(|r| search_text(&CONTACTS, r)).unwrap_or_default(),
                    s("name"),
                    s("email"),
                    s("phone"),
                    s("company"),
                    s("job_title"),
                    s("status"),
                    s("source"),
                    c["rating"].as_i64(),
                    chrono::Utc::now().timestamp_micros(),
                ),
                |r| r.get(0),
            )?;
            std::hint::black_box(id);
            conn.execute_batch("COMMIT")?;
            n += 1;
        }
        Ok::<f64, anyhow::Error>(n as f64 / start.elapsed().as_secs_f64())
    })
    .await?
}
