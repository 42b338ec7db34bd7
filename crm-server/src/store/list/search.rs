//! Free-text search (`q=`): how to find the query's words (through the word index, or by
//! walking the sort order and testing each row), chosen per query, and the SQL of each way.

use crm_api::ListParams;

use super::Sql;
use crate::db::{Col, Conn, Dialect, SqlValue};
use crate::error::{ApiError, ApiResult};
use crate::store::spec::Spec;
use crate::store::words::{PG_VECTOR, Query, fts5_query, tsquery};

const MAX_Q_LEN: usize = 200;

/// How `q=` is answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SearchMode {
    /// Test each row the sort order walks: quick when matches are common (the page fills
    /// early), and the only way for queries without words.
    Scan,
    /// Fetch the few matching rows through the word index, then sort them.
    Index,
    /// PostgreSQL: walk at most [`SEARCH_WINDOW`] rows in the sort order and test them; when
    /// that does not fill the page, a bounded count of the matches through the word index
    /// chooses between [`SearchMode::Index`] and [`SearchMode::Scan`].
    Window,
    /// SQLite, for a word with many matches: [`SearchMode::Scan`], given up after
    /// [`TRIAL_WORK`] steps of SQLite's work; then bounded counts of the matches choose, as
    /// after a [`SearchMode::Window`].
    Trial,
}

/// SQLite's work a [`SearchMode::Trial`] may do: walking about a thousand rows, which fills a
/// page of 50 when one row in twenty matches.
pub const TRIAL_WORK: u32 = 12_000;

/// Matches of a word (as it is, not as a prefix) from which a search on SQLite begins with a
/// [`SearchMode::Trial`]: fewer are fetched through the word index at once.
pub const TRIAL_FROM: i64 = 200;

/// Rows a [`SearchMode::Window`] walk tests before counting the matches.
pub const SEARCH_WINDOW: i64 = 1500;

/// Most matches for which [`SearchMode::Index`] is chosen over walking the sort order.
pub const INDEX_SEARCH_MAX: i64 = 2000;

/// The search query, trimmed and checked.
pub(super) fn search_term(q: Option<&str>) -> ApiResult<Option<Query>> {
    // A NUL separates words like white space: no stored text holds one (PostgreSQL's cannot).
    let q = q.map(|q| q.replace('\0', " "));
    let Some(q) = q.as_deref().map(str::trim).filter(|q| !q.is_empty()) else {
        return Ok(None);
    };
    if q.chars().count() > MAX_Q_LEN {
        return Err(ApiError::bad_param("q", format!("must be at most {MAX_Q_LEN} characters")));
    }
    Ok(Some(Query::parse(q)))
}

/// Chooses how to find the query's words. The planners cannot: they assume matches are spread
/// evenly through the sort order, so a rare word looks cheapest found by walking that order,
/// which then reads the whole table. Common words are tried by a bounded walk first
/// ([`SearchMode::Window`] on PostgreSQL, whose word index cannot stop early;
/// [`SearchMode::Trial`] on SQLite, for words with at least [`TRIAL_FROM`] matches); the
/// others are counted (up to a bound) through the word index by [`after_walk`].
pub(super) async fn choose_search<C: Conn>(c: &mut C, spec: &Spec, params: &ListParams) -> ApiResult<SearchMode> {
    let Some(Query::Words(words)) = search_term(params.q.as_deref())? else { return Ok(SearchMode::Scan) };
    if c.dialect() == Dialect::Postgres {
        return Ok(if params.offset.is_some() { SearchMode::Index } else { SearchMode::Window });
    }
    // FTS5 reads a whole word's list of rows lazily, but gathers every word a prefix covers
    // before the first row: ask for the words as they are, which settles common words at once.
    if fts_count(c, spec, &exact_words(&words), TRIAL_FROM).await? >= TRIAL_FROM {
        return Ok(SearchMode::Trial);
    }
    let few = fts_count(c, spec, &fts5_query(&words), INDEX_SEARCH_MAX).await? < INDEX_SEARCH_MAX;
    Ok(if few { SearchMode::Index } else { SearchMode::Scan })
}

/// After a bounded walk that did not fill the page: counts the matches (up to
/// [`INDEX_SEARCH_MAX`]) through the word index; few are fetched through it, many by walking
/// the sort order.
pub(super) async fn after_walk<C: Conn>(c: &mut C, spec: &Spec, params: &ListParams) -> ApiResult<SearchMode> {
    let Some(Query::Words(words)) = search_term(params.q.as_deref())? else { return Ok(SearchMode::Scan) };
    let queries = if c.dialect() == Dialect::Postgres {
        let sql = format!(
            "SELECT COUNT(*) AS n FROM (SELECT 1 FROM {} WHERE {PG_VECTOR} @@ $1::tsquery LIMIT {INDEX_SEARCH_MAX}) AS probe",
            spec.table
        );
        vec![(sql, tsquery(&words))]
    } else {
        let sql = fts_count_sql(spec, INDEX_SEARCH_MAX);
        vec![(sql.clone(), exact_words(&words)), (sql, fts5_query(&words))]
    };
    for (sql, query) in queries {
        if count(c, &sql, &[SqlValue::Text(Some(query))]).await? >= INDEX_SEARCH_MAX {
            return Ok(SearchMode::Scan);
        }
    }
    Ok(SearchMode::Index)
}

/// FTS5 query of the words as they are (not as prefixes).
fn exact_words(words: &[String]) -> String {
    words.iter().map(|w| format!("\"{w}\"")).collect::<Vec<_>>().join(" ")
}

/// Rows matching the FTS5 `query`, counted up to `bound`.
async fn fts_count<C: Conn>(c: &mut C, spec: &Spec, query: &str, bound: i64) -> ApiResult<i64> {
    count(c, &fts_count_sql(spec, bound), &[SqlValue::Text(Some(query.to_string()))]).await
}

/// The count of [`fts_count`]. The bound is written in: a bound LIMIT would be planned again
/// at every use.
fn fts_count_sql(spec: &Spec, bound: i64) -> String {
    format!("SELECT COUNT(*) AS n FROM (SELECT 1 FROM {0}_fts WHERE {0}_fts MATCH $1 LIMIT {bound})", spec.table)
}

/// The single integer (a count) that `sql` answers.
pub(super) async fn count<C: Conn>(c: &mut C, sql: &str, binds: &[SqlValue]) -> ApiResult<i64> {
    let row = c.fetch_one(sql, binds, &[("n", Col::Int)]).await?;
    Ok(match row {
        Some(r) => r.req_int("n")?,
        None => 0,
    })
}

pub(super) fn search(sql: &mut Sql, spec: &Spec, query: &Query, mode: SearchMode) -> String {
    match query {
        Query::Words(words) if sql.dialect == Dialect::Postgres => {
            let p = sql.bind(SqlValue::Text(Some(tsquery(words))));
            format!("{PG_VECTOR} @@ {p}::tsquery")
        }
        Query::Words(words) if mode == SearchMode::Index => {
            let p = sql.bind(SqlValue::Text(Some(fts5_query(words))));
            format!("id IN (SELECT rowid FROM {0}_fts WHERE {0}_fts MATCH {p})", spec.table)
        }
        // A word of the record begins with each word of the query: the text starts with it or
        // holds it after a space (`substr` and `instr` find it without building a pattern).
        Query::Words(words) => words
            .iter()
            .map(|w| {
                let first = sql.bind(SqlValue::Text(Some(w.clone())));
                let later = sql.bind(SqlValue::Text(Some(format!(" {w}"))));
                let chars = w.chars().count();
                format!("(substr(search, 1, {chars}) = {first} OR instr(search, {later}) > 0)")
            })
            .collect::<Vec<_>>()
            .join(" AND "),
        // No letters or digits, so no case to fold: the characters anywhere in a searched field.
        Query::Symbols(text) => {
            let escaped: String = text
                .chars()
                .flat_map(|c| match c {
                    '%' | '_' | '\\' => vec!['\\', c],
                    c => vec![c],
                })
                .collect();
            let p = sql.bind(SqlValue::Text(Some(format!("%{escaped}%"))));
            let tests: Vec<String> =
                spec.fields.iter().filter(|f| f.search).map(|f| format!("{} LIKE {p} ESCAPE '\\'", f.name)).collect();
            format!("({})", tests.join(" OR "))
        }
    }
}
