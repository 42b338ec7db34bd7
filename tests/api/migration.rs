//! Data stored before pipelines were data moves into each user's default pipeline with nothing
//! lost: a database migrated up to the migration before, filled, then opened by the server.

use std::borrow::Cow;

use crm_tests::{Backend, TestServer, backend_tests, fresh_database};

backend_tests!(existing_records_move_into_their_users_default_pipeline);

/// The migration that made pipelines data.
const PIPELINES: i64 = 10;

const T: i64 = 1_700_000_000_000_000;

/// Rows as a server before migration 10 wrote them.
fn old_rows() -> Vec<String> {
    vec![
        format!(
            "INSERT INTO users (id, email, name, password_hash, created_at) VALUES \
             (1, 'one@example.com', 'One', 'x', {T}), (2, 'two@example.com', 'Two', 'x', {T})"
        ),
        format!(
            "INSERT INTO deals (id, user_id, name, amount, currency, stage, probability, created_at, updated_at) VALUES \
             (1, 1, 'A', 100, 'USD', 'Proposal', NULL, {T}, {T}), \
             (2, 1, 'B', 200, 'EUR', 'Closed-Won', 90, {T}, {T}), \
             (3, 2, 'C', 300, 'USD', 'Prospect', NULL, {T}, {T})"
        ),
        format!(
            "INSERT INTO deal_stage_changes (user_id, deal_id, from_stage, to_stage, changed_at) VALUES \
             (1, 1, NULL, 'Prospect', {T}), (1, 1, 'Prospect', 'Proposal', {}), \
             (1, 2, NULL, 'Closed-Won', {T}), (2, 3, NULL, 'Prospect', {T})",
            T + 10
        ),
        format!(
            "INSERT INTO opportunities (id, user_id, name, value, currency, stage, created_at, updated_at) VALUES \
             (1, 1, 'O', 5, 'USD', 'Negotiation', {T}, {T})"
        ),
    ]
}

const DEALS: &str = "SELECT d.id || ' ' || d.stage || ' ' || s.name || ' ' || d.probability || ' ' \
     || CASE WHEN d.probability_explicit THEN 'explicit' ELSE 'follows' END || ' ' \
     || (d.stage_entered_at - 1700000000000000) || ' ' \
     || CASE WHEN s.user_id = d.user_id AND p.user_id = d.user_id AND s.pipeline_id = p.id AND p.is_default \
        THEN 'own' ELSE 'ALIEN' END AS line \
     FROM deals d JOIN stages s ON s.id = d.stage_id JOIN pipelines p ON p.id = d.pipeline_id ORDER BY d.id";

const HISTORY: &str = "SELECT h.deal_id || ' ' || COALESCE(f.name, '-') || ' ' || t.name || ' ' \
     || CASE WHEN t.user_id = h.user_id THEN 'own' ELSE 'ALIEN' END AS line \
     FROM deal_stage_changes h LEFT JOIN stages f ON f.id = h.from_stage_id JOIN stages t ON t.id = h.to_stage_id \
     ORDER BY h.id";

const OPPORTUNITIES: &str = "SELECT o.stage || ' ' || s.name || ' ' || o.probability || ' ' \
     || (SELECT count(*) FROM opportunity_stage_changes h WHERE h.opportunity_id = o.id AND h.to_stage_id = s.id) AS line \
     FROM opportunities o JOIN stages s ON s.id = o.stage_id";

const COUNTS: &str = "SELECT (SELECT count(*) FROM pipelines) || ' ' || (SELECT count(*) FROM stages) AS line";

/// The figures' sums, worked out at start-up for the users the migration found.
const SUMS: &str = "SELECT (SELECT sum(n) FROM deal_stage_sums WHERE user_id = 1) || ' ' \
     || (SELECT sum(n) FROM deal_stage_sums WHERE user_id = 2) || ' ' \
     || (SELECT sum(n) FROM opportunity_stage_sums) || ' ' || (SELECT count(*) FROM sums_rebuild) AS line";

fn sqlite_path(url: &str) -> &str {
    url.strip_prefix("sqlite:").unwrap_or(url)
}

fn before(mut m: sqlx::migrate::Migrator) -> sqlx::migrate::Migrator {
    m.migrations = Cow::Owned(m.migrations.iter().filter(|m| m.version < PIPELINES).cloned().collect());
    m
}

async fn existing_records_move_into_their_users_default_pipeline(b: Backend) {
    let (url, _dir) = fresh_database(b).await.expect("database");
    match b {
        Backend::Sqlite => {
            // Applied and recorded as the server records them.
            let c = rusqlite::Connection::open(sqlite_path(&url)).expect("open");
            c.execute_batch(
                "CREATE TABLE _sqlx_migrations (version BIGINT PRIMARY KEY, description TEXT NOT NULL, \
                 installed_on TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP, success BOOLEAN NOT NULL, \
                 checksum BLOB NOT NULL, execution_time BIGINT NOT NULL)",
            )
            .expect("migrations table");
            for m in before(sqlx::migrate!("../migrations/sqlite")).iter() {
                c.execute_batch(m.sql.as_str()).expect("old migration");
                c.execute(
                    "INSERT INTO _sqlx_migrations (version, description, success, checksum, execution_time) \
                     VALUES (?1, ?2, 1, ?3, 0)",
                    rusqlite::params![m.version, m.description.as_ref(), m.checksum.as_ref()],
                )
                .expect("record");
            }
            for sql in old_rows() {
                c.execute_batch(&sql).expect("old rows");
            }
        }
        Backend::Postgres => {
            let pool = sqlx::PgPool::connect(&url).await.expect("connect");
            before(sqlx::migrate!("../migrations/postgres")).run(&pool).await.expect("old migrations");
            for sql in old_rows() {
                sqlx::query(sqlx::AssertSqlSafe(sql)).execute(&pool).await.expect("old rows");
            }
            pool.close().await;
        }
    }
    // The server applies the rest.
    let server = TestServer::start_on(b, &url).await;
    let lines = |sql: &'static str| {
        let url = url.clone();
        async move {
            match b {
                Backend::Sqlite => {
                    let c = rusqlite::Connection::open(sqlite_path(&url)).expect("open");
                    let mut st = c.prepare(sql).expect(sql);
                    st.query_map([], |r| r.get::<_, String>(0)).expect(sql).collect::<Result<Vec<_>, _>>().expect(sql)
                }
                Backend::Postgres => {
                    let pool = sqlx::PgPool::connect(&url).await.expect("connect");
                    sqlx::query_scalar::<_, String>(sql).fetch_all(&pool).await.expect(sql)
                }
            }
        }
    };
    assert_eq!(lines(COUNTS).await, ["2 12"], "a pipeline of six stages for each user");
    assert_eq!(
        lines(DEALS).await,
        [
            "1 Proposal Proposal 50 follows 10 own",
            "2 Closed-Won Closed-Won 90 explicit 0 own",
            "3 Prospect Prospect 10 follows 0 own",
        ],
        "each deal in its user's stage of the same name, its probability kept or following the stage, \
         entered when it last moved there"
    );
    assert_eq!(
        lines(HISTORY).await,
        ["1 - Prospect own", "1 Prospect Proposal own", "2 - Closed-Won own", "3 - Prospect own"]
    );
    assert_eq!(lines(OPPORTUNITIES).await, ["Negotiation Negotiation 75 1"]);
    assert_eq!(lines(SUMS).await, ["2 1 1 0"], "the sums of each user, and none left to work out");
    server.stop().await;
}
