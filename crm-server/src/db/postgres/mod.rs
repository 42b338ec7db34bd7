//! PostgreSQL, through sqlx: a pool per replica, the migrations, and planner statistics kept up
//! after bulk writes ([`analyze`]).

pub mod analyze;
pub mod health;
pub mod maintenance;

use std::sync::Arc;
use std::time::Duration;

use anyhow::Context;
use chrono::NaiveDate;
use sqlx::postgres::{PgPool, PgPoolOptions};
use sqlx::{Postgres, Row as _};

pub use health::Health;

use crate::db::value::check_shape;
use crate::db::{Col, Conn, DbError, Dialect, List, Row, Shape, SqlValue};

/// A pool of connections to one PostgreSQL database, and whether it answers ([`health`]).
#[derive(Clone, Debug)]
pub struct Pg {
    pool: PgPool,
    health: Arc<Health>,
}

impl Pg {
    pub fn pool(&self) -> &PgPool {
        &self.pool
    }

    pub fn health(&self) -> &Arc<Health> {
        &self.health
    }
}

/// The newest migration this server applies.
pub fn newest_migration() -> i64 {
    sqlx::migrate!("../migrations/postgres").iter().map(|m| m.version).max().unwrap_or(0)
}

/// Connects a pool of `max_connections` to `url` and applies the migrations.
pub async fn open(url: &str, max_connections: u32) -> anyhow::Result<Pg> {
    // No ping before each use (a round trip per request): a connection that died is dropped by
    // the pool when its query fails.
    // No JIT compilation: it pays off for long analytical queries, and costs tens of
    // milliseconds on each of the short ones a CRM sends once they look expensive to the
    // planner (a batch's multi-row insert, a sync page's look-ups).
    let options = url
        .parse::<sqlx::postgres::PgConnectOptions>()
        .with_context(|| format!("reading the PostgreSQL URL {}", crate::config::redact_url(url)))?
        .options([("jit", "off")]);
    let health = Health::new(options.clone());
    let watched = Arc::clone(&health);
    let pool = PgPoolOptions::new()
        .test_before_acquire(false)
        .before_acquire(move |_, meta| {
            let fresh = !watched.predates_outage(meta.age);
            Box::pin(async move { Ok(fresh) })
        })
        .max_connections(max_connections.max(1))
        .acquire_timeout(Duration::from_secs(30))
        .connect_with(options)
        .await
        .with_context(|| format!("connecting to PostgreSQL at {}", crate::config::redact_url(url)))?;
    sqlx::migrate!("../migrations/postgres").run(&pool).await.context("applying database migrations")?;
    Ok(Pg { pool, health })
}

type Query<'q> = sqlx::query::Query<'q, Postgres, sqlx::postgres::PgArguments>;

/// Binds `values` in order.
pub fn bind_all<'q>(mut q: Query<'q>, values: &[SqlValue]) -> Query<'q> {
    for v in values {
        q = match v {
            SqlValue::Int(x) => q.bind(*x),
            SqlValue::Text(x) => q.bind(x.clone()),
            SqlValue::Bool(x) => q.bind(*x),
            SqlValue::Date(x) => q.bind(*x),
            SqlValue::List(List::Int(x)) => q.bind(x.clone()),
            SqlValue::List(List::Text(x)) => q.bind(x.clone()),
            SqlValue::List(List::Bool(x)) => q.bind(x.clone()),
            SqlValue::List(List::Date(x)) => q.bind(x.clone()),
        };
    }
    q
}

/// Checks the result's column names against `shape` on its first row: PostgreSQL describes the
/// columns with the rows, the same for every row (an empty result is not checked; SQLite checks
/// every statement).
fn check_names(row: &sqlx::postgres::PgRow, shape: &'static Shape) -> Result<(), DbError> {
    use sqlx::Column as _;
    check_shape(shape, row.columns().iter().map(|c| c.name()).collect::<Vec<_>>().into_iter())
}

/// Whether every column of the result is of the type `shape` decodes: then its values decode
/// without a check each. (A column that is not, such as an untyped `NULL`, which PostgreSQL
/// calls text, is checked value by value: an error only for a value that does not decode.)
fn types_fit(row: &sqlx::postgres::PgRow, shape: &'static Shape) -> bool {
    use sqlx::{Column as _, Type as _};

    row.columns().iter().zip(shape).all(|(column, (_, col))| {
        let ty = column.type_info();
        match col {
            Col::Int => i64::compatible(ty),
            Col::Text => String::compatible(ty),
            Col::Bool => bool::compatible(ty),
            Col::Date => NaiveDate::compatible(ty),
        }
    })
}

/// One row: `checked` decodes each value with a check of its type, else without.
fn decode(row: &sqlx::postgres::PgRow, shape: &'static Shape, checked: bool) -> Result<Row, DbError> {
    fn get<'r, T>(row: &'r sqlx::postgres::PgRow, i: usize, checked: bool) -> Result<T, sqlx::Error>
    where
        T: sqlx::Decode<'r, Postgres> + sqlx::Type<Postgres>,
    {
        if checked { row.try_get(i) } else { row.try_get_unchecked(i) }
    }
    let values = shape
        .iter()
        .enumerate()
        .map(|(i, (_, c))| {
            Ok(match c {
                Col::Int => SqlValue::Int(get(row, i, checked)?),
                Col::Text => SqlValue::Text(get(row, i, checked)?),
                Col::Bool => SqlValue::Bool(get(row, i, checked)?),
                Col::Date => SqlValue::Date(get(row, i, checked)?),
            })
        })
        .collect::<Result<Vec<_>, sqlx::Error>>()?;
    Ok(Row::new(shape, values))
}

impl Conn for sqlx::PgConnection {
    fn dialect(&self) -> Dialect {
        Dialect::Postgres
    }

    async fn fetch(&mut self, sql: &str, binds: &[SqlValue], shape: &'static Shape) -> Result<Vec<Row>, DbError> {
        let q = bind_all(sqlx::query(sqlx::AssertSqlSafe(sql.to_string())), binds);
        let rows = q.fetch_all(&mut *self).await?;
        let Some(first) = rows.first() else { return Ok(Vec::new()) };
        check_names(first, shape)?;
        let checked = !types_fit(first, shape);
        rows.iter().map(|r| decode(r, shape, checked)).collect()
    }

    async fn execute(&mut self, sql: &str, binds: &[SqlValue]) -> Result<u64, DbError> {
        let q = bind_all(sqlx::query(sqlx::AssertSqlSafe(sql.to_string())), binds);
        Ok(q.execute(&mut *self).await?.rows_affected())
    }
}
