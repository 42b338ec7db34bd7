//! SQL, written once for SQLite and PostgreSQL over [`crate::db::Conn`].

use anyhow::Context;

use crate::db::{ConnectOptions, Db};

pub mod accounts;
pub mod analytics;
pub mod audit;
pub mod bulk;
pub mod dashboard;
pub mod history;
pub mod imports;
pub mod integrations;
pub mod list;
pub mod pipelines;
pub mod queue;
pub mod records;
pub mod spec;
pub mod stages;
pub mod sums;
pub mod verify;
pub mod words;

/// Opens the database at `url` with what the engine needs to know of the CRM's tables, and
/// brings the stored search words up to the current format.
pub async fn open(url: &str, max_connections: u32) -> anyhow::Result<Db> {
    let db = Db::connect(url, ConnectOptions { max_connections, fts_tables: words::fts_tables() }).await?;
    words::upgrade(&db).await.context("rewriting the search column")?;
    let pending = db.read(async |c| sums::pending_rebuilds(c).await).await.context("reading the sums to rebuild")?;
    for user in pending {
        db.write(async move |c| sums::rebuild_pending(c, user).await)
            .await
            .with_context(|| format!("working out the figures' sums of user {user}"))?;
    }
    Ok(db)
}
