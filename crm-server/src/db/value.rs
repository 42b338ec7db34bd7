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
    fn a_result_with_other_columns_is_refused() {
        assert!(check_shape(SHAPE, ["id", "email"].into_iter()).is_ok());
        let err = check_shape(SHAPE, ["id", "phone"].into_iter()).expect_err("misplaced");
        assert!(err.to_string().contains("\"phone\""), "{err}");
        assert!(check_shape(SHAPE, ["id"].into_iter()).is_err());
    }
}
