//! List queries: the filter grammar, free-text search, sorting and keyset cursors, compiled to
//! SQL over whitelisted columns with every value bound.

use base64::Engine;
use crm_api::filter::{self, Condition, Filter, Op, Value};
use crm_api::{DEFAULT_LIMIT, ListParams, MAX_LIMIT, Page};
use serde_json::{Value as Json, json};

use super::records::{Actor, Record, to_record};
use super::spec::{Field, Kind, Spec, to_sql};
use super::words::{PG_VECTOR, Query, fts5_query, tsquery};
use crate::db::{Col, Conn, Dialect, Row, SqlValue};
use crate::error::{ApiError, ApiResult};

const MAX_SORT_KEYS: usize = 4;
const MAX_IN_VALUES: usize = 100;
const MAX_Q_LEN: usize = 200;

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
    fn bind(&mut self, v: SqlValue) -> String {
        self.binds.push(v);
        format!("${}", self.binds.len())
    }
}

#[derive(Debug, Clone, Copy)]
struct SortKey {
    field: &'static Field,
    desc: bool,
}

fn parse_sort(spec: &'static Spec, sort: Option<&str>) -> ApiResult<Vec<SortKey>> {
    let raw = sort.map(str::trim).filter(|s| !s.is_empty()).unwrap_or("-created_at");
    let mut keys: Vec<SortKey> = Vec::new();
    for part in raw.split(',') {
        let part = part.trim();
        let (desc, name) = match part.strip_prefix('-') {
            Some(n) => (true, n),
            None => (false, part.strip_prefix('+').unwrap_or(part)),
        };
        let field = spec.fields.iter().find(|f| f.name == name && f.filter).ok_or_else(|| {
            ApiError::bad_param("sort", format!("cannot sort by {name:?}; sortable fields are {}", spec.filterable()))
        })?;
        if keys.iter().any(|k| k.field.name == field.name) {
            return Err(ApiError::bad_param("sort", format!("{name:?} appears twice")));
        }
        keys.push(SortKey { field, desc });
    }
    if keys.len() > MAX_SORT_KEYS {
        return Err(ApiError::bad_param("sort", format!("at most {MAX_SORT_KEYS} sort keys")));
    }
    if !keys.iter().any(|k| k.field.name == "id")
        && let Some(id) = spec.field("id")
    {
        let desc = keys.first().is_some_and(|k| k.desc);
        keys.push(SortKey { field: id, desc });
    }
    Ok(keys)
}

fn sort_signature(keys: &[SortKey]) -> String {
    keys.iter().map(|k| format!("{}{}", if k.desc { "-" } else { "" }, k.field.name)).collect::<Vec<_>>().join(",")
}

fn filter_error(message: impl Into<String>) -> ApiError {
    ApiError::bad_param("filter", message)
}

/// A filter value as the JSON form of the field's values.
fn value_json(v: &Value) -> Json {
    match v {
        Value::Str(s) => Json::String(s.clone()),
        Value::Num(n) => n.parse::<i64>().map(Json::from).unwrap_or_else(|_| Json::String(n.clone())),
        Value::Bool(b) => Json::Bool(*b),
        Value::Null => Json::Null,
        Value::List(_) => Json::Null,
    }
}

fn typed(field: &Field, v: &Value) -> ApiResult<SqlValue> {
    if matches!(v, Value::Null) {
        return Err(filter_error(format!("{}: use [is]:null to match empty values", field.name)));
    }
    if let Value::List(_) = v {
        return Err(filter_error(format!("{}: a list is only allowed with [in]", field.name)));
    }
    let mut f = *field;
    f.nullable = true;
    to_sql(&f, &value_json(v)).map_err(|m| filter_error(format!("{}: value {m}", field.name)))
}

fn compile(sql: &mut Sql, spec: &'static Spec, f: &Filter) -> ApiResult<String> {
    Ok(match f {
        Filter::All(parts) | Filter::Any(parts) if parts.is_empty() => "1 = 1".into(),
        Filter::All(parts) => {
            let parts: ApiResult<Vec<_>> = parts.iter().map(|p| compile(sql, spec, p)).collect();
            format!("({})", parts?.join(" AND "))
        }
        Filter::Any(parts) => {
            let parts: ApiResult<Vec<_>> = parts.iter().map(|p| compile(sql, spec, p)).collect();
            format!("({})", parts?.join(" OR "))
        }
        Filter::Cond(c) => condition(sql, spec, c)?,
    })
}

fn condition(sql: &mut Sql, spec: &'static Spec, c: &Condition) -> ApiResult<String> {
    let field = spec.fields.iter().find(|f| f.name == c.field && f.filter).ok_or_else(|| {
        filter_error(format!("unknown field {:?}; filterable fields are {}", c.field, spec.filterable()))
    })?;
    let col = field.name;
    let textual = matches!(field.kind, Kind::Text | Kind::Enum(_) | Kind::Currency);
    let ordered = !matches!(field.kind, Kind::Enum(_) | Kind::Bool);
    Ok(match c.op {
        Op::Eq => format!("{col} = {}", sql.bind(typed(field, &c.value)?)),
        Op::Neq => {
            let p = sql.bind(typed(field, &c.value)?);
            if field.nullable { format!("({col} IS NULL OR {col} <> {p})") } else { format!("{col} <> {p}") }
        }
        Op::Gt | Op::Gte | Op::Lt | Op::Lte => {
            if !ordered {
                return Err(filter_error(format!("{col}: [{}] does not apply to this field", c.op.as_str())));
            }
            let sym = match c.op {
                Op::Gt => ">",
                Op::Gte => ">=",
                Op::Lt => "<",
                _ => "<=",
            };
            format!("{col} {sym} {}", sql.bind(typed(field, &c.value)?))
        }
        Op::In => {
            let items = match &c.value {
                Value::List(items) => items.clone(),
                other => vec![other.clone()],
            };
            if items.len() > MAX_IN_VALUES {
                return Err(filter_error(format!("{col}: [in] takes at most {MAX_IN_VALUES} values")));
            }
            let ps: ApiResult<Vec<_>> = items.iter().map(|v| typed(field, v).map(|t| sql.bind(t))).collect();
            format!("{col} IN ({})", ps?.join(", "))
        }
        Op::Like | Op::Ilike => {
            if !textual {
                return Err(filter_error(format!("{col}: [{}] applies to text fields only", c.op.as_str())));
            }
            let Value::Str(pattern) = &c.value else {
                return Err(filter_error(format!("{col}: [{}] needs a string pattern", c.op.as_str())));
            };
            match (c.op, sql.dialect) {
                (Op::Like, Dialect::Postgres) => {
                    format!("{col} LIKE {}", sql.bind(SqlValue::Text(Some(pattern.clone()))))
                }
                (Op::Like, Dialect::Sqlite) => {
                    // SQLite's LIKE ignores case; GLOB is its case-sensitive match.
                    format!("{col} GLOB {}", sql.bind(SqlValue::Text(Some(like_to_glob(pattern)))))
                }
                (_, Dialect::Postgres) => format!("{col} ILIKE {}", sql.bind(SqlValue::Text(Some(pattern.clone())))),
                (_, Dialect::Sqlite) => format!("{col} LIKE {}", sql.bind(SqlValue::Text(Some(pattern.clone())))),
            }
        }
        Op::Is => match &c.value {
            Value::Null => format!("{col} IS NULL"),
            Value::Str(s) if matches!(s.to_ascii_lowercase().as_str(), "notnull" | "not_null" | "!null") => {
                format!("{col} IS NOT NULL")
            }
            _ => return Err(filter_error(format!("{col}: [is] takes null or notnull"))),
        },
    })
}

/// Translates a LIKE pattern (`%`, `_`) into a GLOB pattern, quoting GLOB's own wildcards.
fn like_to_glob(p: &str) -> String {
    let mut out = String::with_capacity(p.len());
    for ch in p.chars() {
        match ch {
            '%' => out.push('*'),
            '_' => out.push('?'),
            '*' => out.push_str("[*]"),
            '?' => out.push_str("[?]"),
            '[' => out.push_str("[[]"),
            _ => out.push(ch),
        }
    }
    out
}

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
fn search_term(q: Option<&str>) -> ApiResult<Option<Query>> {
    let Some(q) = q.map(str::trim).filter(|q| !q.is_empty()) else {
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
async fn choose_search<C: Conn>(c: &mut C, spec: &Spec, params: &ListParams) -> ApiResult<SearchMode> {
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
async fn after_walk<C: Conn>(c: &mut C, spec: &Spec, params: &ListParams) -> ApiResult<SearchMode> {
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
async fn count<C: Conn>(c: &mut C, sql: &str, binds: &[SqlValue]) -> ApiResult<i64> {
    let row = c.fetch_one(sql, binds, &[("n", Col::Int)]).await?;
    Ok(match row {
        Some(r) => r.req_int("n")?,
        None => 0,
    })
}

fn search(sql: &mut Sql, spec: &Spec, query: &Query, mode: SearchMode) -> String {
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

/// Rows after the cursor's position in the sort order (NULLs sort last ascending, first
/// descending, on both backends).
fn keyset(sql: &mut Sql, keys: &[SortKey], values: &[SqlValue]) -> String {
    let uniform = keys.iter().all(|k| !k.field.nullable && k.desc == keys[0].desc);
    if uniform {
        let cols: Vec<_> = keys.iter().map(|k| k.field.name).collect();
        let ps: Vec<_> = values.iter().map(|v| sql.bind(v.clone())).collect();
        let op = if keys[0].desc { "<" } else { ">" };
        return format!("({}) {op} ({})", cols.join(", "), ps.join(", "));
    }
    let mut expr = String::from("1 = 0");
    for (k, v) in keys.iter().zip(values).rev() {
        let col = k.field.name;
        let (after, equal) = if v.is_null() {
            (if k.desc { format!("{col} IS NOT NULL") } else { "1 = 0".into() }, format!("{col} IS NULL"))
        } else {
            let p = sql.bind(v.clone());
            let after = match (k.desc, k.field.nullable) {
                (false, true) => format!("({col} > {p} OR {col} IS NULL)"),
                (false, false) => format!("{col} > {p}"),
                (true, _) => format!("{col} < {p}"),
            };
            (after, format!("{col} = {p}"))
        };
        expr = format!("({after} OR ({equal} AND {expr}))");
    }
    expr
}

fn encode_cursor(keys: &[SortKey], rec: &Record) -> String {
    let values: Vec<Json> = keys.iter().map(|k| rec.get(k.field.name).cloned().unwrap_or(Json::Null)).collect();
    let body = json!({ "s": sort_signature(keys), "v": values });
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(body.to_string())
}

fn decode_cursor(keys: &[SortKey], cursor: &str) -> ApiResult<Vec<SqlValue>> {
    let bad = || {
        ApiError::bad_param("cursor", "is not a cursor of this list (it comes from next_cursor, with the same sort)")
    };
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(cursor.trim()).map_err(|_| bad())?;
    let body: Json = serde_json::from_slice(&bytes).map_err(|_| bad())?;
    if body.get("s").and_then(Json::as_str) != Some(sort_signature(keys).as_str()) {
        return Err(bad());
    }
    let values = body.get("v").and_then(Json::as_array).ok_or_else(bad)?;
    if values.len() != keys.len() {
        return Err(bad());
    }
    keys.iter()
        .zip(values)
        .map(|(k, v)| {
            let mut f = *k.field;
            f.nullable = true;
            to_sql(&f, v).map_err(|_| bad())
        })
        .collect()
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
    let keys = parse_sort(spec, params.sort.as_deref())?;
    let mut sql = Sql { text: String::new(), binds: Vec::new(), dialect };
    let user = sql.bind(SqlValue::Int(Some(actor.user_id)));
    let mut conds = vec![
        format!("user_id = {user}"),
        format!("deleted_at IS {}NULL", if params.deleted == Some(true) { "NOT " } else { "" }),
    ];
    if let Some(f) = params.filter.as_deref() {
        let parsed = filter::parse(f).map_err(|e| filter_error(e.to_string()))?;
        conds.push(compile(&mut sql, spec, &parsed)?);
    }
    let term = search_term(params.q.as_deref())?;
    let mode = match mode {
        _ if !matches!(term, Some(Query::Words(_))) => SearchMode::Scan,
        SearchMode::Trial => SearchMode::Scan,
        mode => mode,
    };
    // In a window walk the search is tested on the walked rows, outside the walk.
    let mut window_test = None;
    if let Some(term) = &term {
        let cond = search(&mut sql, spec, term, mode);
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
        let values = decode_cursor(&keys, cursor)?;
        conds.push(keyset(&mut sql, &keys, &values));
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
    let mode = choose_search(c, spec, params).await?;
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
            q = plan(spec, actor, params, c.dialect(), after_walk(c, spec, params).await?)?;
            c.fetch(&q.sql, &q.binds, spec.shape()).await?
        }
    };
    let total = match &q.count {
        Some((sql, binds)) => Some(count(c, sql, binds).await?),
        None => None,
    };
    let next_cursor = if rows.len() > q.limit {
        rows.truncate(q.limit);
        rows.last().map(|last| encode_cursor(&q.keys, &to_record(spec, last)))
    } else {
        None
    };
    Ok(Page { data: rows, next_cursor, total })
}

#[cfg(test)]
mod tests {
    use super::like_to_glob;

    #[test]
    fn like_patterns_become_globs() {
        assert_eq!(like_to_glob("%Acme_1*"), "*Acme?1[*]");
    }
}
