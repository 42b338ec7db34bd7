//! The database's own ceiling: the same point reads and inserts, straight through sqlx with no
//! HTTP, auth or JSON in between.

use std::time::{Duration, Instant};

use sqlx::sqlite::{SqliteConnectOptions, SqlitePoolOptions};
use sqlx::{ConnectOptions, Row};

use crm_server::store::spec::CONTACTS;
use crm_server::store::words::search_text;

use super::data::{contact, mix};

const COLS: &str = "id, name, email, phone, company, job_title, status, source, notes, rating, version, created_at, updated_at, deleted_at";

/// Point reads of random contacts of the user for `duration`, on `concurrency` connections.
pub async fn reads(
    db_path: &str,
    user_id: i64,
    contacts: u64,
    concurrency: usize,
    duration: Duration,
) -> anyhow::Result<f64> {
    let opts: SqliteConnectOptions =
        db_path.parse::<SqliteConnectOptions>()?.read_only(true).disable_statement_logging();
    let pool = SqlitePoolOptions::new().max_connections(concurrency as u32).connect_with(opts).await?;
    let start = Instant::now();
    let deadline = start + duration;
    let mut tasks = Vec::new();
    for w in 0..concurrency {
        let pool = pool.clone();
        tasks.push(tokio::spawn(async move {
            let mut n = 0u64;
            let mut conn = pool.acquire().await?;
            while Instant::now() < deadline {
                let id = 1 + (mix(w as u64 * 1_000_003 + n) % contacts) as i64;
                let row = sqlx::query(sqlx::AssertSqlSafe(format!(
                    "SELECT {COLS} FROM contacts WHERE id = $1 AND user_id = $2 AND deleted_at IS NULL"
                )))
                .bind(id)
                .bind(user_id)
                .fetch_one(&mut *conn)
                .await?;
                let _: String = row.try_get(1)?;
                n += 1;
            }
            Ok::<u64, anyhow::Error>(n)
        }));
    }
    let mut total = 0;
    for t in tasks {
        total += t.await??;
    }
    let rate = total as f64 / start.elapsed().as_secs_f64();
    pool.close().await;
    Ok(rate)
}

/// Inserts of contact rows into a fresh database with the same schema and settings, one
/// transaction (commit) per row, as single creates are.
pub async fn inserts(dir: &std::path::Path, duration: Duration) -> anyhow::Result<f64> {
    let url = format!("sqlite:{}", dir.join("raw.db").display());
    let db = crm_server::db::Db::connect(&url, 1).await?;
    let crm_server::db::Db::Sqlite { write, .. } = &db else { anyhow::bail!("expected SQLite") };
    sqlx::query("INSERT INTO users (email, password_hash, created_at) VALUES ('raw@example.com', 'x', 0)")
        .execute(write)
        .await?;
    let start = Instant::now();
    let mut n = 0u64;
    while start.elapsed() < duration {
        let c = contact(n);
        let s = |k: &str| c[k].as_str().map(str::to_string);
        let mut tx = write.begin().await?;
        sqlx::query(
            "INSERT INTO contacts (user_id, search, name, email, phone, company, job_title, status, source, rating, version, created_at, updated_at) \
             VALUES (1, $1, $2, $3, $4, $5, $6, $7, $8, $9, 1, $10, $10) RETURNING id",
        )
        .bind(c.as_object().map(|r| search_text(&CONTACTS, r)).unwrap_or_default())
        .bind(s("name"))
        .bind(s("email"))
        .bind(s("phone"))
        .bind(s("company"))
        .bind(s("job_title"))
        .bind(s("status"))
        .bind(s("source"))
        .bind(c["rating"].as_i64())
        .bind(chrono::Utc::now().timestamp_micros())
        .fetch_one(&mut *tx)
        .await?;
        tx.commit().await?;
        n += 1;
    }
    let rate = n as f64 / start.elapsed().as_secs_f64();
    db.close().await;
    Ok(rate)
}
