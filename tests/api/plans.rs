//! A page of the default list must cost the same on 1,000 rows as on 1,000,000: the query
//! walks an index that leads with user_id in the sort order and stops after the page, with no
//! sort step and no scan of the table. Checked on the database's own query plans.

use crm_api::ListParams;
use crm_api::batch::BatchRequest;
use crm_api::contacts::NewContact;
use crm_api::resource::Contacts;
use crm_server::db::postgres::bind_all;
use crm_server::db::{Col, Conn, Db, Dialect, SqlValue};
use crm_server::error::ApiError;
use crm_server::store::list::{SearchMode, plan};
use crm_server::store::records::Actor;
use crm_server::store::spec::CONTACTS;
use crm_tests::{Backend, TestServer, backend_tests};

backend_tests!(
    default_list_pages_walk_the_index_without_sorting,
    rare_search_terms_use_the_word_index,
    common_words_are_walked_within_a_bound_then_counted,
    search_text_of_an_older_format_is_rewritten_at_start_up,
    the_sqlite_log_stays_small_under_writes_and_reads,
    word_index_segments_are_merged_while_no_write_waits,
    postgres_statistics_follow_bulk_writes,
    email_look_ups_probe_the_email_index_even_when_contacts_look_empty,
    a_damaged_word_index_loses_no_write_and_is_rebuilt,
    long_reads_move_off_the_runtime_workers,
    each_section_of_the_activity_queue_walks_its_index_without_sorting
);

async fn explain(db: &Db, sql: &str, binds: &[crm_server::db::SqlValue]) -> Vec<String> {
    match db {
        Db::Sqlite { read, .. } => {
            let mut conn = read.get().await.expect("conn");
            let shape = &[("id", Col::Int), ("parent", Col::Int), ("notused", Col::Int), ("detail", Col::Text)];
            let rows = conn.fetch_now(&format!("EXPLAIN QUERY PLAN {sql}"), binds, shape).expect("explain");
            rows.iter().map(|r| r.req_text("detail").expect("detail").to_string()).collect()
        }
        Db::Postgres(pg) => {
            let mut conn = pg.pool().acquire().await.expect("conn");
            // Tiny test tables would make a sequential scan cheapest; forbid it to see the plan
            // the planner uses on big ones.
            sqlx::query("SET enable_seqscan = off").execute(&mut *conn).await.expect("set");
            let q = bind_all(sqlx::query(sqlx::AssertSqlSafe(format!("EXPLAIN {sql}"))), binds);
            let rows = q.fetch_all(&mut *conn).await.expect("explain");
            rows.iter().map(|r| sqlx::Row::get::<String, _>(r, 0)).collect()
        }
    }
}

fn assert_index_walk(plan: &[String], dialect: Dialect) {
    let text = plan.join("\n");
    match dialect {
        Dialect::Sqlite => {
            assert!(text.contains("INDEX contacts_user_created"), "not using the index:\n{text}");
            assert!(!text.contains("TEMP B-TREE"), "sorts:\n{text}");
        }
        Dialect::Postgres => {
            assert!(
                text.contains("Index Scan") && text.contains("contacts_user_created"),
                "not using the index:\n{text}"
            );
            assert!(!text.contains("Sort"), "sorts:\n{text}");
        }
    }
}

async fn default_list_pages_walk_the_index_without_sorting(b: Backend) {
    let s = TestServer::start(b).await;
    let u = s.user("plans").await;
    for i in 0..60 {
        u.create::<Contacts>(&NewContact { name: format!("P{i}"), ..Default::default() }).await.expect("create");
    }
    let first = u.list::<Contacts>(&ListParams::default()).await.expect("page");
    let cursor = first.next_cursor.expect("a second page");
    let me = u.me().await.expect("me");
    let db = crm_server::store::open(&s.database_url, 2).await.expect("db");
    let actor = Actor { user_id: me.id };
    for params in [ListParams::default(), ListParams { cursor: Some(cursor), ..Default::default() }] {
        let q = plan(&CONTACTS, actor, &params, db.dialect(), SearchMode::Scan).expect("plan");
        let p = explain(&db, &q.sql, &q.binds).await;
        assert_index_walk(&p, db.dialect());
    }
    db.close().await;
}

async fn rare_search_terms_use_the_word_index(b: Backend) {
    let s = TestServer::start(b).await;
    let u = s.user("search-plan").await;
    for i in 0..30 {
        let new =
            NewContact { name: format!("Person {i}"), email: Some(format!("p{i}@example.com")), ..Default::default() };
        u.create::<Contacts>(&new).await.expect("create");
    }
    let me = u.me().await.expect("me");
    let db = crm_server::store::open(&s.database_url, 2).await.expect("db");
    let params = ListParams { q: Some("p17@".into()), ..Default::default() };
    let q = plan(&CONTACTS, Actor { user_id: me.id }, &params, db.dialect(), SearchMode::Index).expect("plan");
    let text = explain(&db, &q.sql, &q.binds).await.join("\n");
    match db.dialect() {
        Dialect::Sqlite => {
            assert!(text.contains("contacts_fts VIRTUAL TABLE INDEX"), "not using the word index:\n{text}");
            assert!(text.contains("USING INTEGER PRIMARY KEY"), "not reading matches by id:\n{text}");
        }
        Dialect::Postgres => {
            // On a big table the matches come from contacts_search_words (the benchmark's
            // plan); on this tiny one any index will do, but the sort order is not walked.
            assert!(text.contains("Sort Key"), "does not sort the matches:\n{text}");
            assert!(!text.contains("contacts_user_created"), "walks the sort order:\n{text}");
        }
    }
    // The answer is the same whichever way it is found.
    let found = u.list::<Contacts>(&params).await.expect("search").data;
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].email.as_deref(), Some("p17@example.com"));
    // A common word fills pages from the walk (PostgreSQL's window), page after page.
    let mut names = Vec::new();
    let mut cursor = None;
    loop {
        let page = u
            .list::<Contacts>(&ListParams {
                q: Some("person".into()),
                limit: Some(7),
                sort: Some("name".into()),
                cursor: cursor.take(),
                total: Some(true),
                ..Default::default()
            })
            .await
            .expect("page");
        assert_eq!(page.total, Some(30));
        names.extend(page.data.into_iter().map(|c| c.name));
        match page.next_cursor {
            Some(c) => cursor = Some(c),
            None => break,
        }
    }
    let mut want: Vec<String> = (0..30).map(|i| format!("Person {i}")).collect();
    want.sort();
    assert_eq!(names, want);
    db.close().await;
}

/// A word with many matches is first looked for by walking the sort order, within a bound of
/// work (SQLite) or rows (PostgreSQL); when the walk does not fill the page, the matches are
/// counted and fetched through the word index. Both ways give the same answer.
async fn common_words_are_walked_within_a_bound_then_counted(b: Backend) {
    let s = TestServer::start(b).await;
    let u = s.user("search-trial").await;
    // 300 zebras, then 3,000 newer fillers: the newest-first walk meets no zebra for 3,000 rows.
    let mut records: Vec<serde_json::Value> =
        (0..300).map(|i| serde_json::json!({ "name": format!("Zebra {i:03}") })).collect();
    records.extend((0..3000).map(|i| serde_json::json!({ "name": format!("Filler {i:04}") })));
    for chunk in records.chunks(500) {
        let req = BatchRequest { records: chunk.to_vec(), ..Default::default() };
        u.batch::<Contacts>(&req).await.expect("batch");
    }
    let names = |q: &str, cursor: Option<String>| {
        let params = ListParams { q: Some(q.into()), limit: Some(50), cursor, ..Default::default() };
        let u = &u;
        async move {
            let page = u.list::<Contacts>(&params).await.expect("search");
            (page.data.into_iter().map(|c| c.name).collect::<Vec<_>>(), page.next_cursor)
        }
    };
    // Newest first: the last ones created.
    let (zebras, next) = names("zebra", None).await;
    assert_eq!(zebras, (250..300).rev().map(|i| format!("Zebra {i:03}")).collect::<Vec<_>>());
    let (zebras, _) = names("zebra", next).await;
    assert_eq!(zebras, (200..250).rev().map(|i| format!("Zebra {i:03}")).collect::<Vec<_>>());
    let (fillers, _) = names("filler", None).await;
    assert_eq!(fillers, (2950..3000).rev().map(|i| format!("Filler {i:04}")).collect::<Vec<_>>());

    // The bound itself: SQLite gives a query up after the work allowed, and not before.
    let db = crm_server::store::open(&s.database_url, 2).await.expect("db");
    let walk = "SELECT id FROM contacts WHERE name LIKE '%nobody%'";
    if let Db::Sqlite { read, .. } = &db {
        let mut conn = read.get().await.expect("conn");
        let id = &[("id", Col::Int)];
        assert_eq!(conn.fetch_within(walk, &[], id, 2_000).expect("bounded"), None, "not given up");
        let all = conn.fetch_within(walk, &[], id, 10_000_000).expect("unbounded");
        assert_eq!(all, Some(vec![]));
        // The connection serves the next query as usual.
        let n = conn.fetch_now("SELECT COUNT(*) AS n FROM contacts", &[], &[("n", Col::Int)]).expect("count");
        assert!(n[0].req_int("n").expect("n") >= 3300);
        drop(conn);
        // The zebras' first page is found after the walk gives up; the fillers' without that.
        let me = u.me().await.expect("me");
        let actor = Actor { user_id: me.id };
        let mut given_up = read.given_up();
        for (q, gives_up) in [("filler", false), ("zebra", true)] {
            let params = ListParams { q: Some(q.into()), limit: Some(50), ..Default::default() };
            let page = db
                .read(async |c| crm_server::store::list::list_rows(c, &CONTACTS, actor, &params).await)
                .await
                .expect("a page");
            assert_eq!(page.data.len(), 50);
            assert_eq!(read.given_up() > given_up, gives_up, "q={q}: the walk given up: {}", !gives_up);
            given_up = read.given_up();
        }
    }
    db.close().await;
}

/// Rows written before search went by words carry the old `search` text; connecting rewrites
/// it once, so that they are found again.
async fn search_text_of_an_older_format_is_rewritten_at_start_up(b: Backend) {
    let s = TestServer::start(b).await;
    let u = s.user("search-upgrade").await;
    let new = NewContact { name: "Ann-Marie O'Neil".into(), email: Some("ANN@acme.io".into()), ..Default::default() };
    let id = u.create::<Contacts>(&new).await.expect("create").record.id;
    let db = crm_server::store::open(&s.database_url, 2).await.expect("db");
    let old: Result<(), ApiError> = db
        .write(async move |c| {
            c.execute(
                "UPDATE contacts SET search = 'ann-marie o''neil\nann@acme.io' WHERE id = $1",
                &[SqlValue::Int(Some(id))],
            )
            .await?;
            c.execute("UPDATE search_format SET version = 1", &[]).await?;
            Ok::<_, ApiError>(())
        })
        .await;
    old.expect("old format");
    db.close().await;
    let db = crm_server::store::open(&s.database_url, 2).await.expect("db");
    let found: Result<(Option<String>, Option<i64>), ApiError> = db
        .read(async |c| {
            let text = c
                .fetch_one(
                    "SELECT search FROM contacts WHERE id = $1",
                    &[SqlValue::Int(Some(id))],
                    &[("search", Col::Text)],
                )
                .await?;
            let version = c.fetch_one("SELECT version FROM search_format", &[], &[("version", Col::Int)]).await?;
            let text = match text {
                Some(r) => r.text("search")?.map(str::to_string),
                None => None,
            };
            let version = match version {
                Some(r) => r.int("version")?,
                None => None,
            };
            Ok::<_, ApiError>((text, version))
        })
        .await;
    let (text, version) = found.expect("read back");
    let (text, version) = (text.expect("search"), version.expect("version"));
    assert_eq!(text, "ann marie o neil acme io");
    assert_eq!(version, 2);
    let found = u.list::<Contacts>(&ListParams { q: Some("o'neil ACME".into()), ..Default::default() }).await;
    assert_eq!(found.expect("search").data.iter().map(|c| c.id).collect::<Vec<_>>(), vec![id]);
    db.close().await;
}

/// SQLite's write-ahead log is copied into the database and started over while writes and
/// reads go on: it must not grow with what is written.
async fn the_sqlite_log_stays_small_under_writes_and_reads(b: Backend) {
    if b != Backend::Sqlite {
        return;
    }
    use crm_api::batch::BatchRequest;
    let s = TestServer::start(b).await;
    let u = s.user("wal").await;
    let done = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let mut readers = Vec::new();
    for _ in 0..4 {
        let (u, done) = (u.clone(), done.clone());
        readers.push(tokio::spawn(async move {
            while !done.load(std::sync::atomic::Ordering::Relaxed) {
                u.list::<Contacts>(&ListParams { limit: Some(5), ..Default::default() }).await.expect("read");
            }
        }));
    }
    // Several batches in flight keep the writer busy without a pause.
    let mut writers = Vec::new();
    for w in 0..4 {
        let u = u.clone();
        writers.push(tokio::spawn(async move {
            for batch in 0..10 {
                let records = (0..500)
                    .map(|i| serde_json::json!({ "name": format!("Log {w} {batch} {i}"), "notes": "x".repeat(500) }))
                    .collect();
                let req = BatchRequest { records, match_on: Some(crm_api::batch::MatchOn::None), ..Default::default() };
                u.batch::<Contacts>(&req).await.expect("batch");
            }
        }));
    }
    for w in writers {
        w.await.expect("writer");
    }
    done.store(true, std::sync::atomic::Ordering::Relaxed);
    for r in readers {
        r.await.expect("reader");
    }
    let path = s.database_url.strip_prefix("sqlite:").expect("a SQLite URL");
    let db = std::fs::metadata(path).expect("database").len();
    let log = std::fs::metadata(format!("{path}-wal")).map(|m| m.len()).unwrap_or(0);
    assert!(db > 10 << 20, "the test wrote too little to tell: {db} bytes");
    assert!(log < db / 2, "the log holds {log} bytes beside a database of {db}");
}

/// Every group commit that writes to a word index adds a segment to it, and a search looks its
/// words up in each. While no write waits, the writer merges them.
async fn word_index_segments_are_merged_while_no_write_waits(b: Backend) {
    if b != Backend::Sqlite {
        return;
    }
    let s = TestServer::start(b).await;
    let u = s.user("segments").await;
    let db = crm_server::store::open(&s.database_url, 2).await.expect("db");
    let Db::Sqlite { read, .. } = &db else { return };
    let segments = async || {
        let mut conn = read.get().await.expect("conn");
        let sql = "SELECT COUNT(DISTINCT segid) AS n FROM contacts_fts_idx";
        conn.fetch_now(sql, &[], &[("n", Col::Int)]).expect("segments")[0].req_int("n").expect("n")
    };
    // One write after another: a group commit, and a segment, each. FTS5's own merges leave
    // three segments after these (and up to fifteen on the way).
    let writes = 63;
    let mut most = 0;
    for i in 0..writes {
        u.create::<Contacts>(&NewContact { name: format!("Segment {i}"), ..Default::default() }).await.expect("create");
        most = most.max(segments().await);
    }
    crm_tests::eventually(|| async { segments().await <= 1 }).await;
    let now = segments().await;
    assert!(now <= 2, "{now} segments are left (at most {most} while writing)");
    let found = u
        .list::<Contacts>(&ListParams { q: Some("segment".into()), total: Some(true), ..Default::default() })
        .await
        .expect("search");
    assert_eq!(found.total, Some(writes));
    db.close().await;
}

/// Right after a bulk load PostgreSQL's statistics can describe a table as nearly empty, and
/// its plans then read every row for each look-up. A batch that changes a table by as many
/// rows as it had at its last analysis (at least 1,000) has it analysed.
async fn postgres_statistics_follow_bulk_writes(b: Backend) {
    if b != Backend::Postgres {
        return;
    }
    let s = TestServer::start(b).await;
    let u = s.user("statistics").await;
    let pool = sqlx::PgPool::connect(&s.database_url).await.expect("pool");
    let analysed = |table: &'static str| {
        let pool = pool.clone();
        async move {
            let sql = "SELECT last_analyze IS NOT NULL, COALESCE(c.reltuples, -1)::bigint FROM pg_stat_user_tables s \
                       JOIN pg_class c ON c.oid = s.relid WHERE s.relname = $1";
            sqlx::query_as::<_, (bool, i64)>(sql).bind(table).fetch_one(&pool).await.expect("statistics")
        }
    };
    let batch = |from: usize, n: usize| BatchRequest {
        records: (from..from + n).map(|i| serde_json::json!({ "name": format!("Stat {i}") })).collect(),
        ..Default::default()
    };
    // The analysis runs in the background: wait for it (or, after ten rows, for nothing).
    let settle = |table: &'static str| {
        let analysed = &analysed;
        async move {
            crm_tests::eventually(|| async { analysed(table).await.0 }).await;
            analysed(table).await
        }
    };
    u.batch::<Contacts>(&batch(0, 10)).await.expect("small batch");
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    assert!(!analysed("contacts").await.0, "analysed after ten rows");
    u.batch::<Contacts>(&batch(10, 1000)).await.expect("big batch");
    let (done, rows) = settle("contacts").await;
    assert!(done && rows >= 1000, "contacts not analysed after 1,010 rows: {rows} counted");
    assert!(settle("audit_log").await.0, "the audit log not analysed");
    pool.close().await;
}

/// The look-up of contacts by e-mail (batches matching on e-mail, and the sync's pages) probes
/// the e-mail index once per e-mail. During a first sync PostgreSQL's statistics could claim
/// `contacts` empty (`reltuples` 0 with pages), and a probe that a partial index could also
/// serve went through `contacts_user_created` instead, reading every contact of the user for
/// each e-mail (3 s a page at 50,000 contacts). Here the statistics are made to say so.
async fn email_look_ups_probe_the_email_index_even_when_contacts_look_empty(b: Backend) {
    if b != Backend::Postgres {
        return;
    }
    let s = TestServer::start(b).await;
    let u = s.user("emails").await;
    let batch = BatchRequest {
        records: (0..200)
            .map(|i| serde_json::json!({ "name": format!("Mail {i}"), "email": format!("mail{i}@example.com") }))
            .collect(),
        ..Default::default()
    };
    u.batch::<Contacts>(&batch).await.expect("batch");
    let me = u.me().await.expect("me");
    let pool = sqlx::PgPool::connect(&s.database_url).await.expect("pool");
    sqlx::query("ANALYZE contacts").execute(&pool).await.expect("analyze");
    sqlx::query("UPDATE pg_class SET reltuples = 0 WHERE relname = 'contacts' AND relkind = 'r'")
        .execute(&pool)
        .await
        .expect("statistics that call contacts empty");
    let db = crm_server::store::open(&s.database_url, 2).await.expect("db");
    let emails: Vec<String> = (0..100).map(|i| format!("MAIL{i}@example.com")).collect();
    let (sql, binds) = crm_server::service::batch::live_by_email(&["id", "email"], Actor { user_id: me.id }, &emails);
    let text = explain(&db, &sql, &binds).await.join("\n");
    assert!(text.contains("contacts_user_email"), "the e-mail index is not probed:\n{text}");
    assert!(!text.contains("contacts_user_created"), "probed through the list's index:\n{text}");
    // And the look-up finds each contact, whatever the case of the e-mail asked.
    let found = db.read(async |c| c.fetch(&sql, &binds, &[("id", Col::Int), ("email", Col::Text)]).await).await;
    assert_eq!(found.expect("look-up").len(), 100);
    pool.close().await;
}

/// The word indexes are derived from the records: when one cannot take a group's changes (here
/// it is gone altogether), the records still commit, and once the index can be written again
/// the writer rebuilds it from the table, so that search finds what was written meanwhile.
async fn a_damaged_word_index_loses_no_write_and_is_rebuilt(b: Backend) {
    if b != Backend::Sqlite {
        return;
    }
    let s = TestServer::start(b).await;
    let u = s.user("damaged-index").await;
    let create = |name: &str| {
        let new = NewContact { name: name.into(), ..Default::default() };
        let u = &u;
        async move { u.create::<Contacts>(&new).await }
    };
    create("Before Alpha").await.expect("create before");
    let path = s.database_url.strip_prefix("sqlite:").expect("a SQLite URL").to_string();
    let outside = rusqlite::Connection::open(&path).expect("open");
    outside.busy_timeout(std::time::Duration::from_secs(10)).expect("busy timeout");
    let definition: String = outside
        .query_row("SELECT sql FROM sqlite_master WHERE name = 'contacts_fts'", [], |r| r.get(0))
        .expect("the index's definition");
    outside.execute_batch("DROP TABLE contacts_fts").expect("drop the index");
    // Written while the index is gone: answered, and stored.
    let during = create("During Bravo").await.expect("a create while the index is gone");
    let read = u.get::<Contacts>(during.record.id).await.expect("read it back").record;
    assert_eq!(read.name, "During Bravo");
    let listed = |outside: &rusqlite::Connection| -> Vec<String> {
        let mut stmt = outside.prepare("SELECT tbl FROM search_rebuild").expect("prepare");
        stmt.query_map([], |r| r.get(0)).expect("query").map(|r| r.expect("row")).collect()
    };
    assert_eq!(listed(&outside), ["contacts"], "the rebuild is not recorded");
    // The index comes back empty; the next write and the rebuild that follows fill it.
    outside.execute_batch(&definition).expect("make the index again");
    create("After Charlie").await.expect("create after");
    let missing = || async {
        let mut missing = Vec::new();
        for word in ["alpha", "bravo", "charlie"] {
            let params = ListParams { q: Some(word.into()), ..Default::default() };
            if u.list::<Contacts>(&params).await.expect("search").data.len() != 1 {
                missing.push(word);
            }
        }
        missing
    };
    crm_tests::eventually(|| async { missing().await.is_empty() }).await;
    let missing = missing().await;
    assert!(missing.is_empty(), "search does not find {missing:?}");
    assert!(listed(&outside).is_empty(), "the rebuild is still listed after it ran");
}

/// Reads run in place on the runtime worker that serves the request; a long one (here a
/// search for a symbol, which tests every row, with its total) moves off the worker, so that
/// the requests queued behind it are served meanwhile. Short ones stay.
async fn long_reads_move_off_the_runtime_workers(b: Backend) {
    if b != Backend::Sqlite {
        return;
    }
    let s = TestServer::start(b).await;
    let u = s.user("long-reads").await;
    for chunk in 0..40 {
        let records = (0..1000)
            .map(|i| {
                let n = chunk * 1000 + i;
                let company = if n % 2 == 0 { "Crabs 🦀" } else { "Tea Ltd" };
                serde_json::json!({ "name": format!("Reader {n}"), "company": company })
            })
            .collect();
        u.batch::<Contacts>(&BatchRequest { records, ..Default::default() }).await.expect("batch");
    }
    let me = u.me().await.expect("me");
    let db = crm_server::store::open(&s.database_url, 2).await.expect("db");
    let Db::Sqlite { read, .. } = &db else { return };
    let actor = Actor { user_id: me.id };
    let db = &db;
    let page = |params: ListParams| async move {
        db.read(async |c| crm_server::store::list::list_rows(c, &CONTACTS, actor, &params).await).await.expect("a page")
    };
    let short = page(ListParams { limit: Some(10), ..Default::default() }).await;
    assert_eq!(short.data.len(), 10);
    assert_eq!(read.long_reads(), 0, "a short page moved off its worker");
    let long = page(ListParams { q: Some("🦀".into()), total: Some(true), ..Default::default() }).await;
    assert_eq!(long.total, Some(20_000));
    assert!(read.long_reads() >= 1, "the count of 40,000 rows ran on the worker");
}

/// A section of the activity queue reads, per priority, the first rows of a range of due dates
/// from `activities_queue` (migration 0011), in index order: no sort, whatever the range.
async fn each_section_of_the_activity_queue_walks_its_index_without_sorting(b: Backend) {
    use crm_server::store::queue::{DueRange, PRIORITY_ORDER, section_query};
    let s = TestServer::start(b).await;
    let u = s.user("queue-plans").await;
    let today = chrono::Utc::now().date_naive();
    let records = (0..200)
        .map(|i| {
            let priority = ["Low", "Normal", "High", "Urgent"][i % 4];
            serde_json::json!({
                "type": "Task",
                "priority": priority,
                "due_date": today + chrono::TimeDelta::days(i as i64 % 20 - 10),
                "completed": i % 7 == 0,
            })
        })
        .collect();
    u.batch::<crm_api::resource::Activities>(&BatchRequest { records, ..Default::default() }).await.expect("batch");
    let me = u.me().await.expect("me");
    if let Some(path) = s.database_url.strip_prefix("sqlite:") {
        // With planner statistics too (the server never gathers them, a user may).
        rusqlite::Connection::open(path).expect("open").execute_batch("ANALYZE").expect("analyze");
    }
    let db = crm_server::store::open(&s.database_url, 2).await.expect("db");
    let tomorrow = today + chrono::TimeDelta::days(1);
    let ranges = [
        DueRange { from: None, before: today },
        DueRange { from: Some(today), before: tomorrow },
        DueRange { from: Some(tomorrow), before: today + chrono::TimeDelta::days(8) },
    ];
    for range in ranges {
        for priority in PRIORITY_ORDER {
            let (sql, binds) = section_query(Actor { user_id: me.id }, priority, range, 51);
            let text = explain(&db, &sql, &binds).await.join("\n");
            match db.dialect() {
                Dialect::Sqlite => {
                    assert!(text.contains("INDEX activities_queue"), "not using the index:\n{text}");
                    assert!(!text.contains("TEMP B-TREE"), "sorts:\n{text}");
                }
                Dialect::Postgres => {
                    assert!(text.contains("activities_queue"), "not using the index:\n{text}");
                    assert!(!text.contains("Sort"), "sorts:\n{text}");
                }
            }
        }
    }
    db.close().await;
}
