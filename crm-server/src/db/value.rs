//! Values going into statements and rows coming out of them, the same for both databases.

use chrono::NaiveDate;

use super::{DbError, Dialect};

/// A value bound into a query. Nulls carry their type, which PostgreSQL needs.
#[derive(Debug, Clone, PartialEq)]
pub enum SqlValue {
    Int(Option<i64>),
    Text(Option<String>),
    Bool(Option<bool>),
    Date(Option<NaiveDate>),
    /// A column of values bound as one array: PostgreSQL only (see [`insert_rows`]).
    List(List),
}

/// The values of one column of many rows.
#[derive(Debug, Clone, PartialEq)]
pub enum List {
    Int(Vec<Option<i64>>),
    Text(Vec<Option<String>>),
    Bool(Vec<Option<bool>>),
    Date(Vec<Option<NaiveDate>>),
}

impl List {
    /// An empty list of the type of `v`.
    fn of(v: &SqlValue) -> Option<List> {
        Some(match v {
            SqlValue::Int(_) => List::Int(Vec::new()),
            SqlValue::Text(_) => List::Text(Vec::new()),
            SqlValue::Bool(_) => List::Bool(Vec::new()),
            SqlValue::Date(_) => List::Date(Vec::new()),
            SqlValue::List(_) => return None,
        })
    }

    /// Adds `v`; false when it is not of the list's type.
    fn push(&mut self, v: SqlValue) -> bool {
        match (self, v) {
            (List::Int(l), SqlValue::Int(x)) => l.push(x),
            (List::Text(l), SqlValue::Text(x)) => l.push(x),
            (List::Bool(l), SqlValue::Bool(x)) => l.push(x),
            (List::Date(l), SqlValue::Date(x)) => l.push(x),
            _ => return false,
        }
        true
    }

    /// The PostgreSQL type of the array.
    fn array_type(&self) -> &'static str {
        match self {
            List::Int(_) => "bigint[]",
            List::Text(_) => "text[]",
            List::Bool(_) => "boolean[]",
            List::Date(_) => "date[]",
        }
    }
}

/// `head` (`INSERT INTO t (a, b)`) with `rows` (each a value per column, of the same types row
/// after row), then `tail` (`RETURNING ...`, `ON CONFLICT ...`), and its binds. On SQLite a
/// tuple of anonymous parameters per row (see [`Params`]); on PostgreSQL an array per column,
/// `SELECT * FROM unnest(...)`: one statement whatever the number of rows, whose values the
/// server reads without parsing, planning and setting up an expression for each. The rows are
/// inserted in order.
pub fn insert_rows(
    dialect: Dialect,
    head: &str,
    rows: Vec<Vec<SqlValue>>,
    tail: &str,
) -> Result<(String, Vec<SqlValue>), DbError> {
    let width = rows.first().map_or(0, Vec::len);
    if rows.iter().any(|r| r.len() != width) {
        return Err(DbError::decode("*", "rows of an insert differ in their number of values"));
    }
    match dialect {
        Dialect::Sqlite => {
            let tuple = format!("({})", vec!["?"; width].join(", "));
            let sql = format!("{head} VALUES {} {tail}", vec![tuple.as_str(); rows.len()].join(", "));
            Ok((sql, rows.into_iter().flatten().collect()))
        }
        Dialect::Postgres => {
            let mut columns: Vec<List> = match rows.first() {
                Some(first) => first
                    .iter()
                    .map(|v| List::of(v).ok_or_else(|| DbError::decode("*", "a list inside a row of an insert")))
                    .collect::<Result<_, _>>()?,
                None => Vec::new(),
            };
            for row in rows {
                for (list, v) in columns.iter_mut().zip(row) {
                    if !list.push(v) {
                        return Err(DbError::decode("*", "rows of an insert differ in the types of a column"));
                    }
                }
            }
            let arrays: Vec<String> =
                columns.iter().enumerate().map(|(i, l)| format!("${}::{}", i + 1, l.array_type())).collect();
            let sql = format!("{head} SELECT * FROM unnest({}) {tail}", arrays.join(", "));
            Ok((sql, columns.into_iter().map(SqlValue::List).collect()))
        }
    }
}

impl SqlValue {
    pub fn is_null(&self) -> bool {
        matches!(self, SqlValue::Int(None) | SqlValue::Text(None) | SqlValue::Bool(None) | SqlValue::Date(None))
    }
}

/// How a result column is decoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Col {
    Int,
    Text,
    Bool,
    Date,
}

/// The columns a query returns, in order: each one's name and how it is decoded. A result
/// whose columns are named otherwise (a column added to a SELECT in the wrong place) is an
/// error, not a row read askew.
pub type Shape = [(&'static str, Col)];

/// One result row, decoded by its [`Shape`].
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    shape: &'static Shape,
    values: Vec<SqlValue>,
}

impl Row {
    /// A row of `values` in the order of `shape` (the decoders check the names first).
    pub fn new(shape: &'static Shape, values: Vec<SqlValue>) -> Row {
        Row { shape, values }
    }

    /// The values in column order.
    pub fn values(&self) -> &[SqlValue] {
        &self.values
    }

    /// The value of the column `name`.
    pub fn get(&self, name: &str) -> Result<&SqlValue, DbError> {
        self.shape
            .iter()
            .position(|(n, _)| *n == name)
            .and_then(|i| self.values.get(i))
            .ok_or_else(|| DbError::decode(name, "the query returns no such column"))
    }

    pub fn int(&self, name: &str) -> Result<Option<i64>, DbError> {
        match self.get(name)? {
            SqlValue::Int(v) => Ok(*v),
            other => Err(DbError::decode(name, format!("holds {other:?}, not an integer"))),
        }
    }

    pub fn text(&self, name: &str) -> Result<Option<&str>, DbError> {
        match self.get(name)? {
            SqlValue::Text(v) => Ok(v.as_deref()),
            other => Err(DbError::decode(name, format!("holds {other:?}, not text"))),
        }
    }

    pub fn bool(&self, name: &str) -> Result<Option<bool>, DbError> {
        match self.get(name)? {
            SqlValue::Bool(v) => Ok(*v),
            // SQLite keeps booleans as integers.
            SqlValue::Int(v) => Ok(v.map(|i| i != 0)),
            other => Err(DbError::decode(name, format!("holds {other:?}, not a boolean"))),
        }
    }

    /// An integer that may not be NULL.
    pub fn req_int(&self, name: &str) -> Result<i64, DbError> {
        self.int(name)?.ok_or_else(|| DbError::decode(name, "is NULL"))
    }

    /// Text that may not be NULL.
    pub fn req_text(&self, name: &str) -> Result<&str, DbError> {
        self.text(name)?.ok_or_else(|| DbError::decode(name, "is NULL"))
    }
}

/// Checks that the columns a statement returns are those of `shape`, by name and number.
pub(crate) fn check_shape<'n>(shape: &Shape, names: impl ExactSizeIterator<Item = &'n str>) -> Result<(), DbError> {
    if names.len() != shape.len() {
        return Err(DbError::decode("*", format!("the query returns {} columns, not {}", names.len(), shape.len())));
    }
    for (i, (name, (want, _))) in names.zip(shape).enumerate() {
        if name != *want {
            return Err(DbError::decode(*want, format!("column {i} of the result is {name:?}")));
        }
    }
    Ok(())
}

/// Bound parameters of a statement built on the fly, each used once: `?` on SQLite, `$n` on
/// PostgreSQL. SQLite keeps numbered parameters' names in a list searched linearly, so binding
/// a statement with thousands of `$n` by name costs time quadratic in their number; anonymous
/// `?` parameters are bound by position.
pub struct Params {
    dialect: Dialect,
    pub values: Vec<SqlValue>,
}

impl Params {
    pub fn new(dialect: Dialect) -> Params {
        Params { dialect, values: Vec::new() }
    }

    /// Binds `v` and returns its placeholder.
    pub fn push(&mut self, v: SqlValue) -> String {
        self.values.push(v);
        match self.dialect {
            Dialect::Sqlite => "?".to_string(),
            Dialect::Postgres => format!("${}", self.values.len()),
        }
    }
}

/// Now, in microseconds since the epoch (the unit of every stored time).
pub fn now_micros() -> i64 {
    chrono::Utc::now().timestamp_micros()
}

/// A stored time (microseconds) of the column `name`, as a time.
pub fn time_of(name: &str, micros: i64) -> Result<chrono::DateTime<chrono::Utc>, DbError> {
    chrono::DateTime::from_timestamp_micros(micros).ok_or_else(|| DbError::decode(name, format!("{micros} is no time")))
}

#[cfg(test)]
mod tests {
    use super::*;

    const SHAPE: &Shape = &[("id", Col::Int), ("email", Col::Text)];

    #[test]
    fn rows_are_read_by_column_name() {
        let row = Row::new(SHAPE, vec![SqlValue::Int(Some(7)), SqlValue::Text(None)]);
        assert_eq!(row.req_int("id").expect("id"), 7);
        assert_eq!(row.text("email").expect("email"), None);
        assert!(row.req_text("email").is_err(), "a NULL where a value is required is an error");
        assert!(row.int("email").is_err(), "text read as an integer is an error");
        assert!(row.int("phone").is_err(), "a column the query does not return is an error");
    }

    #[test]
    fn rows_insert_as_tuples_or_arrays() {
        let rows = || {
            vec![
                vec![SqlValue::Int(Some(1)), SqlValue::Text(Some("a".into()))],
                vec![SqlValue::Int(Some(2)), SqlValue::Text(None)],
            ]
        };
        let (sql, binds) = insert_rows(Dialect::Sqlite, "INSERT INTO t (n, s)", rows(), "RETURNING id").expect("sql");
        assert_eq!(sql, "INSERT INTO t (n, s) VALUES (?, ?), (?, ?) RETURNING id");
        assert_eq!(binds.len(), 4);
        let (sql, binds) = insert_rows(Dialect::Postgres, "INSERT INTO t (n, s)", rows(), "").expect("sql");
        assert_eq!(sql.trim_end(), "INSERT INTO t (n, s) SELECT * FROM unnest($1::bigint[], $2::text[])");
        assert_eq!(
            binds,
            [
                SqlValue::List(List::Int(vec![Some(1), Some(2)])),
                SqlValue::List(List::Text(vec![Some("a".into()), None]))
            ]
        );
        let mut mixed = rows();
        mixed[1][1] = SqlValue::Int(Some(3));
        assert!(insert_rows(Dialect::Postgres, "INSERT INTO t (n, s)", mixed, "").is_err());
        let mut short = rows();
        short[1].pop();
        assert!(insert_rows(Dialect::Sqlite, "INSERT INTO t (n, s)", short, "").is_err());
    }

    #[test]
    fn a_result_with_other_columns_is_refused() {
        assert!(check_shape(SHAPE, ["id", "email"].into_iter()).is_ok());
        let err = check_shape(SHAPE, ["id", "phone"].into_iter()).expect_err("misplaced");
        assert!(err.to_string().contains("\"phone\""), "{err}");
        assert!(check_shape(SHAPE, ["id"].into_iter()).is_err());
    }
}
