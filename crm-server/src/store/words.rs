//! Free-text search by words, the same on both databases.
//!
//! A record's `search` column holds the distinct words of its searched fields, lower-cased with
//! Unicode rules and separated by single spaces: a word is a run of letters and digits, so
//! `Ann-Marie O'Neil <ann@acme.io>` is stored as `ann marie o neil acme io`. `q=` matches a
//! record when every word of the query begins a word of the record (`acm` finds `acme`); a query
//! with no letters or digits at all (`%`, `🦀`) matches those characters anywhere in the fields.
//!
//! The words are cut here, in Rust, and the indexes only split on the spaces: SQLite's FTS5
//! `ascii` tokenizer (every non-ASCII character is part of a word) and, on PostgreSQL, a
//! `tsvector` built from the space-separated array without a parser. So both databases find the
//! same records.

use serde_json::Value as Json;

use super::records::{Record, cols, to_record};
use super::spec::{ACTIVITIES, CONTACTS, DEALS, OPPORTUNITIES, Spec};
use crate::db::{Col, Conn, Db, RowExt, SqlValue};
use crate::error::ApiError;

/// The version of the `search` column's format that this code writes.
const FORMAT: i64 = 2;

/// The lower-cased words of `text`, in order, repeated as often as they occur.
pub fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase)
}

/// The `search` column of a record: the distinct words of its searched fields, in order.
pub fn search_text(spec: &Spec, rec: &Record) -> String {
    let mut seen: Vec<String> = Vec::new();
    for text in spec.fields.iter().filter(|f| f.search).filter_map(|f| rec.get(f.name).and_then(Json::as_str)) {
        for w in words(text) {
            if !seen.contains(&w) {
                seen.push(w);
            }
        }
    }
    seen.join(" ")
}

/// What `q=` asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Query {
    /// Records with a word beginning with each of these (lower-cased, distinct).
    Words(Vec<String>),
    /// Records whose searched fields contain this text, which has no letters or digits.
    Symbols(String),
}

impl Query {
    pub fn parse(q: &str) -> Query {
        let mut ws: Vec<String> = Vec::new();
        for w in words(q) {
            if !ws.contains(&w) {
                ws.push(w);
            }
        }
        if ws.is_empty() { Query::Symbols(q.to_string()) } else { Query::Words(ws) }
    }
}

/// FTS5 query: every word as a quoted prefix (words hold no quotes), all required.
pub fn fts5_query(words: &[String]) -> String {
    words.iter().map(|w| format!("\"{w}\"*")).collect::<Vec<_>>().join(" ")
}

/// PostgreSQL `tsquery` text: every word as a quoted prefix lexeme, all required.
pub fn tsquery(words: &[String]) -> String {
    words.iter().map(|w| format!("'{w}':*")).collect::<Vec<_>>().join(" & ")
}

/// PostgreSQL's word vector of a record: a stored column generated from `search` (migration
/// 0005), indexed with GIN.
pub const PG_VECTOR: &str = "search_vec";

/// Rewrites the `search` column of every record written before the current format, in batches,
/// then records the format. Safe to run again or from several replicas at once: each run
/// computes the same values.
pub async fn upgrade(db: &Db) -> anyhow::Result<()> {
    let version = crate::on_read!(db, c => c.fetch_one("SELECT version FROM search_format", &[], &[Col::Int]))?
        .and_then(|r| r.int(0))
        .unwrap_or_default();
    if version >= FORMAT {
        return Ok(());
    }
    for spec in [&CONTACTS, &OPPORTUNITIES, &DEALS, &ACTIVITIES] {
        let mut last = 0i64;
        loop {
            let sql = format!("SELECT {} FROM {} WHERE id > $1 ORDER BY id LIMIT 1000", spec.columns(), spec.table);
            let rows = crate::on_read!(db, c => c.fetch(&sql, &[SqlValue::Int(Some(last))], &cols(spec)))?;
            let batch: Vec<(i64, String)> = rows
                .iter()
                .map(|r| to_record(spec, r))
                .map(|rec| (rec.get("id").and_then(Json::as_i64).unwrap_or_default(), search_text(spec, &rec)))
                .collect();
            let Some((id, _)) = batch.last() else { break };
            last = *id;
            let update = format!("UPDATE {} SET search = $1 WHERE id = $2 AND search <> $1", spec.table);
            let written: Result<(), ApiError> = crate::in_tx!(db, c => async move {
                for (id, text) in batch {
                    c.execute(&update, &[SqlValue::Text(Some(text)), SqlValue::Int(Some(id))]).await?;
                }
                Ok::<_, ApiError>(())
            });
            written?;
        }
    }
    let done: Result<u64, ApiError> = crate::in_tx!(db, c => async move {
        Ok::<_, ApiError>(c.execute("UPDATE search_format SET version = $1", &[SqlValue::Int(Some(FORMAT))]).await?)
    });
    done?;
    Ok(())
}

/// The tables with a full-text index on SQLite (`<table>_fts`).
pub const INDEXED: [&Spec; 4] = [&CONTACTS, &OPPORTUNITIES, &DEALS, &ACTIVITIES];

/// What applying the search queue did to one full-text index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Applied {
    /// Nothing was queued for it.
    Nothing,
    Written,
    /// Writing to it failed (a damaged index): its changes stay queued, and the index is listed
    /// in `search_rebuild` (migration 0009), to be rebuilt from its table ([`rebuild`]).
    Failed,
}

/// Applies the changes queued by the SQLite triggers (migration 0006) to the full-text
/// indexes, in order, and takes them off the queue: one statement per table, so that FTS5
/// writes one index segment for a whole group commit. Runs in the writer's transaction, before
/// it commits. Each index is written under a savepoint of its own: one that fails is rolled
/// back alone and reported, and the records written in the group still commit (the index is
/// derived from them, and [`rebuild`] makes it again).
pub fn apply_search_queue(c: &mut crate::lite::Lite) -> Result<[Applied; 4], sqlx::Error> {
    let mut applied = [Applied::Nothing; 4];
    let queued: Vec<String> = c
        .fetch_now("SELECT DISTINCT tbl FROM search_queue", &[], &[Col::Text])?
        .iter()
        .filter_map(|r| r.text(0))
        .collect();
    if queued.is_empty() {
        return Ok(applied);
    }
    let mut written = Vec::new();
    for (spec, applied) in INDEXED.iter().zip(&mut applied) {
        if !queued.iter().any(|t| t == spec.table) {
            continue;
        }
        let sql = format!(
            "INSERT INTO {0}_fts ({0}_fts, rowid, search) \
             SELECT CASE WHEN del THEN 'delete' END, row_id, search FROM search_queue WHERE tbl = '{0}' ORDER BY seq",
            spec.table
        );
        c.execute_now("SAVEPOINT fts", &[])?;
        match c.execute_now(&sql, &[]) {
            Ok(_) => {
                c.execute_now("RELEASE fts", &[])?;
                written.push(format!("'{}'", spec.table));
                *applied = Applied::Written;
            }
            Err(e) => {
                tracing::error!(error = %e, table = spec.table, "updating the search index failed; it will be rebuilt");
                c.execute_now("ROLLBACK TO fts", &[])?;
                c.execute_now("RELEASE fts", &[])?;
                c.execute_now(
                    "INSERT OR IGNORE INTO search_rebuild (tbl) VALUES ($1)",
                    &[SqlValue::Text(Some(spec.table.to_string()))],
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

/// Makes a table's full-text index again from the table, and drops the changes queued for it
/// (the rebuilt index has them) and its place in `search_rebuild`. Runs in a transaction of the
/// writer's, in one statement: writes wait for it (seconds for a million rows).
pub fn rebuild(c: &mut crate::lite::Lite, spec: &Spec) -> Result<(), sqlx::Error> {
    let table = [SqlValue::Text(Some(spec.table.to_string()))];
    c.execute_now(&format!("INSERT INTO {0}_fts ({0}_fts) VALUES ('rebuild')", spec.table), &[])?;
    c.execute_now("DELETE FROM search_queue WHERE tbl = $1", &table)?;
    c.execute_now("DELETE FROM search_rebuild WHERE tbl = $1", &table)?;
    Ok(())
}

/// Which tables of [`INDEXED`] are listed in `search_rebuild` (their index is to be rebuilt).
pub fn to_rebuild(c: &mut crate::lite::Lite) -> Result<[bool; 4], sqlx::Error> {
    let listed = c.fetch_now("SELECT tbl FROM search_rebuild", &[], &[Col::Text])?;
    Ok(INDEXED.map(|spec| listed.iter().any(|r| r.text(0).as_deref() == Some(spec.table))))
}

/// Index pages one [`merge_step`] writes at most (FTS5 pages of about 4 KB): a few
/// milliseconds of work, so that a write arriving meanwhile waits little.
const MERGE_PAGES: u32 = 32;

/// Merges some of the segments of a table's full-text index; returns whether there is more to
/// merge. Every group commit that writes to an index adds a segment, and FTS5 merges them only
/// four at a time, level by level: after a million rows written in batches, an index had 20,
/// and every search looked its words up in each (a count of 20 rows cost 53 us; 12 us on one
/// segment). With `usermerge` set to 2 (migration 0008), merging leaves at most one segment per
/// level. The writer runs a step at a time while no write is waiting.
pub fn merge_step(c: &mut crate::lite::Lite, spec: &Spec) -> Result<bool, sqlx::Error> {
    let before = c.total_changes();
    c.execute_now(&format!("INSERT INTO {0}_fts ({0}_fts, rank) VALUES ('merge', {MERGE_PAGES})", spec.table), &[])?;
    // The command itself is one change; more means it merged something.
    Ok(c.total_changes() - before >= 2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_runs_of_letters_and_digits() {
        let w: Vec<String> = words("Ann-Marie O'Neil <ann@ACME.io> +1 555").collect();
        assert_eq!(w, ["ann", "marie", "o", "neil", "ann", "acme", "io", "1", "555"]);
        let w: Vec<String> = words("Zoë Ünïcödé-Świętosławski 🦀").collect();
        assert_eq!(w, ["zoë", "ünïcödé", "świętosławski"]);
    }

    #[test]
    fn queries() {
        assert_eq!(Query::parse("ACME acme  Corp"), Query::Words(vec!["acme".into(), "corp".into()]));
        assert_eq!(Query::parse("p17@"), Query::Words(vec!["p17".into()]));
        assert_eq!(Query::parse(" 🦀 "), Query::Symbols(" 🦀 ".into()));
        assert_eq!(fts5_query(&["a".into(), "b1".into()]), "\"a\"* \"b1\"*");
        assert_eq!(tsquery(&["a".into(), "b1".into()]), "'a':* & 'b1':*");
    }
}
