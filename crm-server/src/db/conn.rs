//! The small interface the store's SQL runs on, implemented by both databases' connections.

use super::{DbError, Dialect, Row, Shape, SqlValue};

/// Run SQL with bound [`SqlValue`]s and decode rows by their [`Shape`]. Implemented for a
/// SQLite connection ([`super::sqlite::SqliteConn`]) and a PostgreSQL one, so that store
/// code is written once.
pub trait Conn: Send {
    fn dialect(&self) -> Dialect;

    /// Runs a query and decodes every row by `shape`.
    fn fetch<'a>(
        &'a mut self,
        sql: &'a str,
        binds: &'a [SqlValue],
        shape: &'static Shape,
    ) -> impl Future<Output = Result<Vec<Row>, DbError>> + Send + 'a;

    /// Runs a statement and returns the number of rows it touched.
    fn execute<'a>(
        &'a mut self,
        sql: &'a str,
        binds: &'a [SqlValue],
    ) -> impl Future<Output = Result<u64, DbError>> + Send + 'a;

    /// [`Conn::fetch`], given up (`Ok(None)`) after about `work` steps of the database's work.
    /// Only SQLite, outside a transaction, stops a query midway; elsewhere it runs to its end.
    fn fetch_within<'a>(
        &'a mut self,
        sql: &'a str,
        binds: &'a [SqlValue],
        shape: &'static Shape,
        _work: u32,
    ) -> impl Future<Output = Result<Option<Vec<Row>>, DbError>> + Send + 'a {
        async move { self.fetch(sql, binds, shape).await.map(Some) }
    }

    /// The first row, if any.
    fn fetch_one<'a>(
        &'a mut self,
        sql: &'a str,
        binds: &'a [SqlValue],
        shape: &'static Shape,
    ) -> impl Future<Output = Result<Option<Row>, DbError>> + Send + 'a {
        async move { Ok(self.fetch(sql, binds, shape).await?.into_iter().next()) }
    }
}
