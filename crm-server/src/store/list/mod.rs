//! List queries: one page of an entity's records, filtered ([`filter`]), searched
//! ([`search`]), sorted and continued by a keyset cursor ([`order`]), compiled to SQL over
//! whitelisted columns with every value bound.

mod filter;
mod order;
mod search;

use crm_api::filter as grammar;
use crm_api::{DEFAULT_LIMIT, ListParams, MAX_LIMIT, Page};

use super::records::{Actor, Record, to_record};
use super::spec::Spec;
use super::words::{PG_VECTOR, Query};
use crate::db::{Conn, Dialect, Row, SqlValue};
use crate::error::{ApiError, ApiResult};
use order::SortKey;
pub use search::{INDEX_SEARCH_MAX, SEARCH_WINDOW, SearchMode, TRIAL_FROM, TRIAL_WORK};

/// A query under construction: SQL text and its binds, numbered in order.
/// A list query being built. Its parameters are numbered on both databases (unlike
/// [`crate::db::Params`]): the window walk's search test is bound before the conditions it
/// follows in the text.
struct Sql {
    text: String,
    binds: Vec<SqlValue>,
    dialect: Dialect,
}

impl Sql {
    pub(super) fn bind(&mut self, v: SqlValue) -> String {
        self.binds.push(v);
        format!("${}", self.binds.len())
    }
}

/// The SQL of one page: the query (fetching one row more than the page, to know whether
/// another follows), its binds, the count query when `total=true` was asked for, and the
/// sort keys that make the next cursor.
pub struct PageQuery {
    pub sql: String,
    pub binds: Vec<SqlValue>,
    pub count: Option<(String, Vec<SqlValue>)>,
    keys: Vec<SortKey>,
    limit: usize,
}

/// Compiles list parameters into SQL; every identifier comes from the spec, every value is bound.
pub fn plan(
    spec: &'static Spec,
    actor: Actor,
    params: &ListParams,
    dialect: Dialect,
    mode: SearchMode,
) -> ApiResult<PageQuery> {
    let limit = params.limit.unwrap_or(DEFAULT_LIMIT);
    if !(1..=MAX_LIMIT).contains(&limit) {
        return Err(ApiError::bad_param("limit", format!("must be between 1 and {MAX_LIMIT}")));
    }
    if params.offset.is_some() && params.cursor.is_some() {
        return Err(ApiError::bad_param("offset", "cannot be combined with cursor"));
    }
    let keys = order::parse_sort(spec, params.sort.as_deref())?;
    let mut sql = Sql { text: String::new(), binds: Vec::new(), dialect };
    let user = sql.bind(SqlValue::Int(Some(actor.user_id)));
    let mut conds = vec![
        format!("user_id = {user}"),
        format!("deleted_at IS {}NULL", if params.deleted == Some(true) { "NOT " } else { "" }),
    ];
    if let Some(f) = params.filter.as_deref() {
        let parsed = grammar::parse(f).map_err(|e| filter::filter_error(e.to_string()))?;
        conds.push(filter::compile(&mut sql, spec, &parsed)?);
    }
    let term = search::search_term(params.q.as_deref())?;
    let mode = match mode {
        _ if !matches!(term, Some(Query::Words(_))) => SearchMode::Scan,
        SearchMode::Trial => SearchMode::Scan,
        mode => mode,
    };
    // In a window walk the search is tested on the walked rows, outside the walk.
    let mut window_test = None;
    if let Some(term) = &term {
        let cond = search::search(&mut sql, spec, term, mode);
        if mode == SearchMode::Window {
            window_test = Some(cond);
        } else {
            conds.push(cond);
        }
    }
    // With the matches in hand, read them by rowid and sort them, instead of walking an index
    // in the sort order and testing each row.
    let from = if mode == SearchMode::Index && dialect == Dialect::Sqlite {
        format!("{} NOT INDEXED", spec.table)
    } else {
        spec.table.to_string()
    };
    let count = (params.total == Some(true)).then(|| {
        let all: Vec<&String> = conds.iter().chain(window_test.as_ref()).collect();
        let all: Vec<&str> = all.iter().map(|c| c.as_str()).collect();
        (format!("SELECT COUNT(*) AS n FROM {} WHERE {}", spec.table, all.join(" AND ")), sql.binds.clone())
    });
    if let Some(cursor) = params.cursor.as_deref() {
        let values = order::decode_cursor(&keys, cursor)?;
        conds.push(order::keyset(&mut sql, &keys, &values));
    }
    let order: Vec<String> = keys
        .iter()
        .map(|k| {
            let nulls = if !k.field.nullable {
                ""
            } else if k.desc {
                " NULLS FIRST"
            } else {
                " NULLS LAST"
            };
            format!("{} {}{nulls}", k.field.name, if k.desc { "DESC" } else { "ASC" })
        })
        .collect();
    // Limits and offsets are written into the SQL, not bound: SQLite plans with a bound
    // LIMIT's value and so prepares the statement again whenever it is bound, which cost a
    // list a sixth of its time. They are checked integers.
    let lim = i64::from(limit) + 1;
    sql.text = if let Some(test) = window_test {
        format!(
            "SELECT {cols} FROM (SELECT {cols}, {PG_VECTOR} FROM {from} WHERE {} ORDER BY {order} LIMIT {SEARCH_WINDOW}) AS walked \
             WHERE {test} ORDER BY {order} LIMIT {lim}",
            conds.join(" AND "),
            cols = spec.columns(),
            order = order.join(", ")
        )
    } else if mode == SearchMode::Index && dialect == Dialect::Postgres {
        // The subquery (OFFSET 0 keeps it one) has no order to walk, so PostgreSQL fetches the
        // matches through the word index; only they are sorted.
        format!(
            "SELECT * FROM (SELECT {} FROM {from} WHERE {} OFFSET 0) AS matched ORDER BY {} LIMIT {lim}",
            spec.columns(),
            conds.join(" AND "),
            order.join(", ")
        )
    } else {
        format!(
            "SELECT {} FROM {from} WHERE {} ORDER BY {} LIMIT {lim}",
            spec.columns(),
            conds.join(" AND "),
            order.join(", ")
        )
    };
    if let Some(offset) = params.offset {
        let offset = i64::try_from(offset).map_err(|_| ApiError::bad_param("offset", "is too large"))?;
        sql.text.push_str(&format!(" OFFSET {offset}"));
    }
    Ok(PageQuery { sql: sql.text, binds: sql.binds, count, keys, limit: limit as usize })
}

/// One page of the user's records.
pub async fn list<C: Conn>(
    c: &mut C,
    spec: &'static Spec,
    actor: Actor,
    params: &ListParams,
) -> ApiResult<Page<Record>> {
    let page = list_rows(c, spec, actor, params).await?;
    let data = page.data.iter().map(|r| to_record(spec, r)).collect();
    Ok(Page { data, next_cursor: page.next_cursor, total: page.total })
}

/// [`list`] as the rows read, in column order, for callers that stream them out.
pub async fn list_rows<C: Conn>(
    c: &mut C,
    spec: &'static Spec,
    actor: Actor,
    params: &ListParams,
) -> ApiResult<Page<Row>> {
    let mode = search::choose_search(c, spec, params).await?;
    let mut q = plan(spec, actor, params, c.dialect(), mode)?;
    let walked = match mode {
        SearchMode::Trial => c.fetch_within(&q.sql, &q.binds, spec.shape(), TRIAL_WORK).await?,
        SearchMode::Window => Some(c.fetch(&q.sql, &q.binds, spec.shape()).await?).filter(|rows| rows.len() > q.limit),
        _ => Some(c.fetch(&q.sql, &q.binds, spec.shape()).await?),
    };
    let mut rows = match walked {
        Some(rows) => rows,
        // The bounded walk did not fill the page: fetch the matches through the index if they
        // are few, else walk on.
        None => {
            q = plan(spec, actor, params, c.dialect(), search::after_walk(c, spec, params).await?)?;
            c.fetch(&q.sql, &q.binds, spec.shape()).await?
        }
    };
    let total = match &q.count {
        Some((sql, binds)) => Some(search::count(c, sql, binds).await?),
        None => None,
    };
    let next_cursor = if rows.len() > q.limit {
        rows.truncate(q.limit);
        rows.last().map(|last| order::encode_cursor(&q.keys, &to_record(spec, last)))
    } else {
        None
    };
    Ok(Page { data: rows, next_cursor, total })
}
