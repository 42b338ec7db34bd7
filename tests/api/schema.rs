//! The one description of each entity (`crm_api::catalog`) agrees with the tables the
//! migrations make, on both databases: every field is a column, nullable exactly when the
//! column is.

use crm_server::db::{Col, Conn, Dialect, SqlValue};
use crm_server::error::ApiError;
use crm_tests::{Backend, TestServer, backend_tests};

backend_tests!(every_field_of_the_catalog_is_a_column_as_nullable_as_described);

async fn every_field_of_the_catalog_is_a_column_as_nullable_as_described(b: Backend) {
    let s = TestServer::start(b).await;
    let db = crm_server::store::open(&s.database_url, 2).await.expect("db");
    for info in crm_api::catalog::ENTITIES {
        let table = info.path.to_string();
        let columns: Vec<(String, bool)> = db
            .read(async |c| {
                let (sql, shape): (&str, &'static [(&str, Col)]) = match c.dialect() {
                    Dialect::Sqlite => (
                        "SELECT name, \"notnull\" = 0 AS nullable FROM pragma_table_info($1)",
                        &[("name", Col::Text), ("nullable", Col::Bool)],
                    ),
                    Dialect::Postgres => (
                        "SELECT column_name::text AS name, is_nullable = 'YES' AS nullable FROM information_schema.columns \
                         WHERE table_schema = current_schema() AND table_name = $1",
                        &[("name", Col::Text), ("nullable", Col::Bool)],
                    ),
                };
                let rows = c.fetch(sql, &[SqlValue::Text(Some(table.clone()))], shape).await?;
                rows.iter()
                    .map(|r| {
                        let name = r.req_text("name")?.to_string();
                        Ok((name, r.get("nullable")? == &SqlValue::Bool(Some(true))))
                    })
                    .collect::<Result<Vec<_>, crm_server::db::DbError>>()
                    .map_err(ApiError::from)
            })
            .await
            .expect("columns");
        for f in info.fields {
            let column = columns.iter().find(|(name, _)| name == f.name);
            let Some((_, nullable)) = column else { panic!("{}.{} is no column of the table", info.path, f.name) };
            // SQLite reports an INTEGER PRIMARY KEY as nullable; it never is.
            if f.name == "id" {
                continue;
            }
            assert_eq!(
                *nullable, f.nullable,
                "{}.{}: nullable in the table but not in the catalog, or the reverse",
                info.path, f.name
            );
        }
    }
    db.close().await;
}
