//! PostgreSQL, through sqlx: a pool per replica, the migrations, and planner statistics kept up
//! after bulk writes ([`analyze`]).

pub mod analyze;

use std::time::Duration;

use anyhow::Context;
use chrono::NaiveDate;
use sqlx::postgres::{PgPool, PgPoolOptions};
use sqlx::{Postgres, Row as _};

use crate::db::value::check_shape;
use crate::db::{Col, Conn, DbError, Dialect, Row, Shape, SqlValue};

/// Connects a pool of `max_connections` to `url` and applies the migrations.
pub async fn open(url: &str, max_connections: u32) -> anyhow::Result<PgPool> {
    // No ping before each use (a round trip per request): a connection that died is dropped by
    // the pool when its query fails.
    let pool = PgPoolOptions::new()
        .test_before_acquire(false)
        .max_connections(max_connections.max(1))
        .acquire_timeout(Duration::from_secs(30))
        .connect(url)
        .await
        .with_context(|| format!("connecting to PostgreSQL at {}", crate::config::redact_url(url)))?;
    sqlx::migrate!("../migrations/postgres").run(&pool).await.context("applying database migrations")?;
    Ok(pool)
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
        };
    }
    q
}

/// Checks the result's column names against `shape`: on its first row, as PostgreSQL describes
/// the columns with the rows (an empty result is not checked; SQLite checks every statement).
fn check_names(row: &sqlx::postgres::PgRow, shape: &'static Shape) -> Result<(), DbError> {
    use sqlx::Column as _;
    check_shape(shape, row.columns().iter().map(|c| c.name()).collect::<Vec<_>>().into_iter())
}

fn decode(row: &sqlx::postgres::PgRow, shape: &'static Shape) -> Result<Row, DbError> {
    let values = shape
        .iter()
        .enumerate()
        .map(|(i, (_, c))| {
            Ok(match c {
                Col::Int => SqlValue::Int(row.try_get::<Option<i64>, _>(i)?),
                Col::Text => SqlValue::Text(row.try_get::<Option<String>, _>(i)?),
                Col::Bool => SqlValue::Bool(row.try_get::<Option<bool>, _>(i)?),
                Col::Date => SqlValue::Date(row.try_get::<Option<NaiveDate>, _>(i)?),
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
        if let Some(first) = rows.first() {
            check_names(first, shape)?;
        }
        rows.iter().map(|r| decode(r, shape)).collect()
    }

    async fn execute(&mut self, sql: &str, binds: &[SqlValue]) -> Result<u64, DbError> {
        let q = bind_all(sqlx::query(sqlx::AssertSqlSafe(sql.to_string())), binds);
        Ok(q.execute(&mut *self).await?.rows_affected())
    }
}
