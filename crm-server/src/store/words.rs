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

use super::records::{Record, to_record};
use super::spec::Spec;
use crate::db::{Col, Conn, Db, SqlValue};
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
    let row = db
        .read(async |c| c.fetch_one("SELECT version FROM search_format", &[], &[("version", Col::Int)]).await)
        .await?;
    let version = match row {
        Some(r) => r.int("version")?.unwrap_or_default(),
        None => 0,
    };
    if version >= FORMAT {
        return Ok(());
    }
    for spec in super::spec::ALL {
        let mut last = 0i64;
        loop {
            let sql = format!("SELECT {} FROM {} WHERE id > $1 ORDER BY id LIMIT 1000", spec.columns(), spec.table);
            let rows = db.read(async |c| c.fetch(&sql, &[SqlValue::Int(Some(last))], spec.shape()).await).await?;
            let batch: Vec<(i64, String)> = rows
                .iter()
                .map(|r| Ok((r.req_int("id")?, search_text(spec, &to_record(spec, r)))))
                .collect::<Result<_, crate::db::DbError>>()?;
            let Some((id, _)) = batch.last() else { break };
            last = *id;
            let update = format!("UPDATE {} SET search = $1 WHERE id = $2 AND search <> $1", spec.table);
            let written: Result<(), ApiError> = db
                .write(async move |c| {
                    for (id, text) in batch {
                        c.execute(&update, &[SqlValue::Text(Some(text)), SqlValue::Int(Some(id))]).await?;
                    }
                    Ok::<_, ApiError>(())
                })
                .await;
            written?;
        }
    }
    let done: Result<u64, ApiError> = db
        .write(async move |c| {
            Ok::<_, ApiError>(c.execute("UPDATE search_format SET version = $1", &[SqlValue::Int(Some(FORMAT))]).await?)
        })
        .await;
    done?;
    Ok(())
}

/// The tables with a full-text index on SQLite (`<table>_fts`), which the writer keeps up
/// (see [`crate::db::sqlite::fts`]).
pub fn fts_tables() -> &'static [&'static str] {
    static TABLES: std::sync::LazyLock<Vec<&'static str>> =
        std::sync::LazyLock::new(|| super::spec::ALL.iter().map(|s| s.table).collect());
    &TABLES
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
