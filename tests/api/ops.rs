//! `crm-server db ...` on a database a running server uses: verify passes after every kind of
//! write and names each kind of damage; a backup taken while writes go on holds a consistent
//! state and restores exactly it; vacuum and migrate keep everything.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicI64, Ordering};

use crm_api::ListParams;
use crm_api::client::Client;
use crm_api::integrations::{BrivityCredentials, NewAccount, RunOutcome, Source};
use crm_api::resource::{Contacts, Deals, Resource};
use crm_server::ops::{self, DbCommand};
use crm_sim::{Sim, SimConfig};
use crm_tests::{
    Backend, TestServer, backend_tests, db_command as db, db_command_with as db_with, fresh_database, test_config,
};
use reqwest::Method;
use serde_json::{Value, json};

backend_tests!(
    verify_passes_after_every_kind_of_write,
    verify_names_each_kind_of_damage,
    a_backup_taken_while_writes_go_on_restores_exactly_what_it_held,
    vacuum_and_migrate_keep_everything,
);

async fn call(u: &Client, method: Method, path: &str, body: Option<Value>) -> (u16, Value) {
    let mut req = u.request(method, path);
    if let Some(b) = body {
        req = req.json(&b);
    }
    let resp = req.send().await.expect("send");
    let status = resp.status().as_u16();
    (status, resp.json::<Value>().await.unwrap_or(Value::Null))
}

async fn post(u: &Client, path: &str, body: Value) -> i64 {
    let (status, v) = call(u, Method::POST, path, Some(body.clone())).await;
    assert!(status == 201 || status == 200, "{path} {body}: {status} {v}");
    v["id"].as_i64().unwrap_or_default()
}

async fn total<R: Resource>(u: &Client) -> i64 {
    let p = ListParams { limit: Some(1), total: Some(true), ..Default::default() };
    u.list::<R>(&p).await.expect("list").total.unwrap_or_default()
}

/// A user's records after every kind of write: creates, links, moves, a renamed and a deleted
/// stage (its deals moved), a trashed deal, a batch, activities on deals, a synced account.
async fn seed(s: &TestServer, who: &str) -> Client {
    let u = s.user(who).await;
    let ada =
        post(&u, "/api/crm/contacts", json!({"name": format!("Ada {who}"), "email": format!("ada@{who}.example")}))
            .await;
    let mut deals = Vec::new();
    for (i, stage) in ["Prospect", "Qualification", "Proposal", "Negotiation"].iter().enumerate() {
        let body = json!({"name": format!("Deal {i}"), "amount": format!("{}.50", 1000 * (i + 1)), "stage": stage, "contact_id": ada});
        deals.push(post(&u, "/api/crm/deals", body).await);
    }
    for d in &deals[..2] {
        post(&u, &format!("/api/crm/deals/{d}/move"), json!({"stage": "Closed-Won"})).await;
    }
    post(
        &u,
        "/api/crm/activities",
        json!({"type": "call", "priority": "high", "deal_id": deals[2], "contact_id": ada}),
    )
    .await;
    let (status, _) = call(&u, Method::DELETE, &format!("/api/crm/deals/{}", deals[3]), None).await;
    assert_eq!(status, 204);
    let (_, pipelines) = call(&u, Method::GET, "/api/crm/pipelines", None).await;
    let pipeline = pipelines.as_array().and_then(|p| p.first()).cloned().unwrap_or(pipelines["data"][0].clone());
    let pid = pipeline["id"].as_i64().expect("pipeline id");
    let stages: Vec<Value> = pipeline["stages"].as_array().cloned().unwrap_or_default();
    let id_of = |name: &str| stages.iter().find(|s| s["name"] == name).and_then(|s| s["id"].as_i64()).expect(name);
    let (status, v) = call(
        &u,
        Method::PATCH,
        &format!("/api/crm/pipelines/{pid}/stages/{}", id_of("Proposal")),
        Some(json!({"name": "Quote sent"})),
    )
    .await;
    assert_eq!(status, 200, "{v}");
    let (status, v) = call(
        &u,
        Method::DELETE,
        &format!("/api/crm/pipelines/{pid}/stages/{}?move_to=Prospect", id_of("Qualification")),
        None,
    )
    .await;
    assert_eq!(status, 204, "{v}");
    let records: Vec<Value> =
        (0..50).map(|i| json!({"name": format!("Batch {i}"), "email": format!("b{i}@{who}.example")})).collect();
    let (status, v) =
        call(&u, Method::POST, "/api/crm/contacts/batch", Some(json!({"records": records, "match": "email"}))).await;
    assert_eq!(status, 200, "{v}");
    let account = NewAccount::Brivity(BrivityCredentials {
        api_key: SimConfig::default().brivity_key,
        sync_interval_minutes: None,
    });
    u.connect_account(&account).await.expect("connect");
    let run = u.sync_source(Source::Brivity, true).await.expect("sync").runs.remove(0);
    assert_eq!(run.outcome, RunOutcome::Succeeded, "{run:?}");
    u
}

async fn server_and_sim(b: Backend) -> (TestServer, Sim) {
    let sim = Sim::start(SimConfig { people: 200, ..SimConfig::default() }).await.expect("sim");
    let (url, dir) = fresh_database(b).await.expect("database");
    let s = TestServer::start_with(b, &url, |c| {
        c.remotes.brivity_url = sim.brivity_url();
        c.remotes.topproducer_url = sim.topproducer_url();
    })
    .await
    .keeping(dir);
    (s, sim)
}

async fn verify_passes_after_every_kind_of_write(b: Backend) {
    let (s, _sim) = server_and_sim(b).await;
    seed(&s, "first").await;
    seed(&s, "second").await;
    let (passed, out) = db(&s.database_url, DbCommand::Verify).await;
    assert!(passed, "{out}");
    assert!(!out.contains("FAIL"), "{out}");
    for check in ["owner", "links", "stage history", "summary tables", "secret"] {
        assert!(out.contains(check), "verify checks {check}: {out}");
    }
    if b == Backend::Sqlite {
        assert!(out.contains("ok    SQLite pages and indexes are whole"), "{out}");
    }
}

/// Runs raw SQL statements (`;`-separated, in one transaction) on the database, bypassing the
/// server (as damage would).
async fn damage(url: &str, sql: &str) {
    let db = crm_server::store::open(url, 1).await.expect("open");
    let sql = sql.to_string();
    db.write(async move |c| {
        use crm_server::db::Conn as _;
        for statement in sql.split(';').filter(|s| !s.trim().is_empty()) {
            c.execute(statement, &[]).await?;
        }
        Ok::<_, crm_server::db::DbError>(())
    })
    .await
    .unwrap_or_else(|e| panic!("{e}"));
    db.close().await;
}

/// Runs one statement on the database without opening it as a server does (no migrations).
async fn raw(url: &str, sql: &str) {
    if url.starts_with("sqlite:") {
        let path = crm_server::db::sqlite::path_of(url).expect("path");
        rusqlite::Connection::open(path).expect("open").execute_batch(sql).expect("statement");
    } else {
        let mut c = <sqlx::PgConnection as sqlx::Connection>::connect(url).await.expect("connect");
        sqlx::raw_sql(sqlx::AssertSqlSafe(sql.to_string())).execute(&mut c).await.expect("statement");
    }
}

async fn verify_names_each_kind_of_damage(b: Backend) {
    let (s, _sim) = server_and_sim(b).await;
    let u = seed(&s, "owner").await;
    let other = seed(&s, "other").await;
    let url = s.database_url.clone();
    let deal = u.list::<Deals>(&ListParams::default()).await.expect("deals").data[0].id;
    let foreign_contact = other.list::<Contacts>(&ListParams::default()).await.expect("contacts").data[0].id;

    let fails = async |check: &str, sql: &str| {
        damage(&url, sql).await;
        let (passed, out) = db(&url, DbCommand::Verify).await;
        assert!(!passed, "verify passed after: {sql}\n{out}");
        assert!(out.contains(&format!("FAIL  {check}")), "{check} named after {sql}:\n{out}");
    };
    fails("summary tables equal a recomputation", "UPDATE contact_sums SET n = n + 1").await;
    damage(&url, "UPDATE contact_sums SET n = n - 1").await;
    assert!(db(&url, DbCommand::Verify).await.0, "repaired");

    fails("links stay within one user", &format!("UPDATE deals SET contact_id = {foreign_contact} WHERE id = {deal}"))
        .await;
    damage(&url, &format!("UPDATE deals SET contact_id = NULL WHERE id = {deal}")).await;

    fails(
        "stage history agrees with the records",
        &format!(
            "INSERT INTO deal_stage_changes (user_id, deal_id, from_stage, to_stage, from_stage_id, to_stage_id, changed_at) \
             SELECT user_id, id, stage, 'Elsewhere', stage_id, NULL, 9000000000000000 FROM deals WHERE id = {deal}"
        ),
    )
    .await;
    damage(&url, &format!("DELETE FROM deal_stage_changes WHERE deal_id = {deal} AND to_stage_id IS NULL")).await;
    assert!(db(&url, DbCommand::Verify).await.0, "repaired");

    // A row owned by no user: only with the database's own checks switched off.
    match b {
        Backend::Sqlite => {
            let path = crm_server::db::sqlite::path_of(&url).expect("path");
            let c = rusqlite::Connection::open(path).expect("open");
            c.execute_batch(
                "PRAGMA foreign_keys = OFF; INSERT INTO audit_log (user_id, entity, entity_id, action, changes, created_at) \
                 VALUES (999999, 'contact', 1, 'create', '{}', 1)",
            )
            .expect("orphan");
            let (passed, out) = db(&url, DbCommand::Verify).await;
            assert!(!passed && out.contains("FAIL  every foreign key names a row"), "{out}");
            assert!(out.contains("FAIL  every row has an owner") && out.contains("audit_log"), "{out}");
        }
        Backend::Postgres => {
            fails(
                "every row has an owner",
                "SET LOCAL session_replication_role = replica; \
                 INSERT INTO audit_log (user_id, entity, entity_id, action, changes, created_at) \
                 VALUES (999999, 'contact', 1, 'create', '{}', 1)",
            )
            .await;
        }
    }
    damage(&url, "DELETE FROM audit_log WHERE user_id = 999999").await;
    assert!(db(&url, DbCommand::Verify).await.0, "repaired");

    // Secrets sealed under a key the server no longer has.
    let mut config = test_config(&url);
    config.encryption =
        crm_server::secrets::KeySource::Env("ffeeddccbbaa99887766554433221100ffeeddccbbaa99887766554433221100".into());
    let (passed, out) = db_with(config, DbCommand::Verify).await;
    assert!(!passed && out.contains("FAIL  every stored secret opens with the server's key"), "{out}");
    assert!(out.contains("brivity"), "names the account: {out}");
}

fn backup_file(dir: &tempfile::TempDir) -> std::path::PathBuf {
    dir.path().join("backup.db")
}

async fn a_backup_taken_while_writes_go_on_restores_exactly_what_it_held(b: Backend) {
    let (s, _sim) = server_and_sim(b).await;
    let u = seed(&s, "writer").await;
    let before = total::<Contacts>(&u).await;

    // Contacts created one after another while the backup runs; each acknowledged one counted.
    let stop = Arc::new(AtomicBool::new(false));
    let acked = Arc::new(AtomicI64::new(0));
    let writer = {
        let (u, stop, acked) = (u.clone(), stop.clone(), acked.clone());
        tokio::spawn(async move {
            let mut i = 0;
            while !stop.load(Ordering::Relaxed) {
                let body = json!({"name": "During", "email": format!("during{i}@backup.example")});
                let (status, _) = call(&u, Method::POST, "/api/crm/contacts", Some(body)).await;
                assert_eq!(status, 201);
                acked.fetch_add(1, Ordering::SeqCst);
                i += 1;
            }
        })
    };
    while acked.load(Ordering::SeqCst) < 20 {
        tokio::time::sleep(std::time::Duration::from_millis(5)).await;
    }
    let dir = tempfile::tempdir().expect("dir");
    let file = backup_file(&dir);
    let at_start = acked.load(Ordering::SeqCst);
    let (passed, out) = db(&s.database_url, DbCommand::Backup(file.clone())).await;
    let at_end = acked.load(Ordering::SeqCst);
    assert!(passed && out.contains("backed up"), "{out}");
    // Verified while the writes go on: one snapshot, so no false difference.
    for _ in 0..3 {
        let (passed, out) = db(&s.database_url, DbCommand::Verify).await;
        assert!(passed, "verify during writes:\n{out}");
    }
    while acked.load(Ordering::SeqCst) < at_end + 20 {
        tokio::time::sleep(std::time::Duration::from_millis(5)).await;
    }
    stop.store(true, Ordering::Relaxed);
    writer.await.expect("writer");
    let after = total::<Contacts>(&u).await;
    assert_eq!(after, before + acked.load(Ordering::SeqCst), "every acknowledged write is there");

    // A backup never overwrites.
    let config = test_config(&s.database_url);
    let mut sink = Vec::new();
    assert!(ops::run(&config, &DbCommand::Backup(file.clone()), &mut sink).await.is_err());

    // A table the backup does not have, which a later migration might have made, with rows
    // tied to the users: the restore replaces the whole schema all the same.
    raw(
        &s.database_url,
        "CREATE TABLE later_feature (id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL REFERENCES users (id))",
    )
    .await;
    raw(&s.database_url, "INSERT INTO later_feature (id, user_id) SELECT 1, min(id) FROM users").await;

    // Restored into the running server's database: exactly the backup's state, consistent.
    let (passed, out) = db(&s.database_url, DbCommand::Restore(file.clone())).await;
    assert!(passed && out.contains("restored"), "{out}");
    let restored = total::<Contacts>(&u).await;
    // The table the backup did not have is gone (made again without a clash).
    raw(&s.database_url, "CREATE TABLE later_feature (id INTEGER PRIMARY KEY)").await;
    raw(&s.database_url, "DROP TABLE later_feature").await;
    assert!(
        restored >= before + at_start && restored <= before + at_end,
        "the backup holds the writes acknowledged before it began and none after it ended: \
         {before} + [{at_start}, {at_end}], restored {restored}"
    );
    let (passed, out) = db(&s.database_url, DbCommand::Verify).await;
    assert!(passed, "the restored database verifies:\n{out}");
    // The server goes on writing on the restored database.
    post(&u, "/api/crm/contacts", json!({"name": "After", "email": "after@restore.example"})).await;
    assert_eq!(total::<Contacts>(&u).await, restored + 1);

    // A backup of a newer server is refused and leaves the database as it was.
    let checksum = if b == Backend::Sqlite { "X'00'" } else { "'\\x00'::bytea" };
    let future = format!(
        "INSERT INTO _sqlx_migrations (version, description, success, checksum, execution_time) \
         VALUES (999999, 'future', true, {checksum}, 0)"
    );
    raw(&s.database_url, &future).await;
    let newer = dir.path().join("newer.db");
    let (passed, out) = db(&s.database_url, DbCommand::Backup(newer.clone())).await;
    assert!(passed, "{out}");
    raw(&s.database_url, "DELETE FROM _sqlx_migrations WHERE version = 999999").await;
    let refused = ops::run(&config, &DbCommand::Restore(newer), &mut sink).await;
    let why = refused.expect_err("a newer server's backup").to_string();
    assert!(why.contains("newer server"), "{why}");
    assert_eq!(total::<Contacts>(&u).await, restored + 1, "nothing restored");

    // A damaged backup is refused and leaves the database as it was.
    if b == Backend::Sqlite {
        let junk = dir.path().join("junk.db");
        std::fs::write(&junk, vec![7u8; 8192]).expect("junk");
        assert!(ops::run(&config, &DbCommand::Restore(junk), &mut sink).await.is_err());
        assert_eq!(total::<Contacts>(&u).await, restored + 1);
    }
}

async fn vacuum_and_migrate_keep_everything(b: Backend) {
    let (s, _sim) = server_and_sim(b).await;
    let u = seed(&s, "tidy").await;
    let (contacts, deals) = (total::<Contacts>(&u).await, total::<Deals>(&u).await);
    let (passed, out) = db(&s.database_url, DbCommand::Vacuum).await;
    assert!(passed && out.contains("vacuumed"), "{out}");
    let (passed, out) = db(&s.database_url, DbCommand::Migrate).await;
    assert!(passed && out.contains("schema version"), "{out}");
    assert_eq!((total::<Contacts>(&u).await, total::<Deals>(&u).await), (contacts, deals));
    assert!(db(&s.database_url, DbCommand::Verify).await.0);
}
