//! Test support: a real `crm-server` on a loopback port, over a fresh SQLite file or a fresh
//! PostgreSQL database, driven through the typed client.

use std::sync::atomic::{AtomicU64, Ordering};

use crm_api::auth::RegisterRequest;
use crm_api::client::Client;
use sqlx::Connection;
use tokio::sync::oneshot;

/// Which database a test server runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// Base URL of the PostgreSQL server tests create their databases on
/// (`postgres://user@127.0.0.1:port`), from `CRM_TEST_PG_URL`.
pub fn pg_base_url() -> Option<String> {
    std::env::var("CRM_TEST_PG_URL").ok().filter(|s| !s.is_empty())
}

/// A server listening on 127.0.0.1, stopped when dropped.
pub struct TestServer {
    pub base: String,
    pub database_url: String,
    pub backend: Backend,
    shutdown: Option<oneshot::Sender<()>>,
    handle: Option<tokio::task::JoinHandle<()>>,
    _dir: Option<tempfile::TempDir>,
}

static COUNTER: AtomicU64 = AtomicU64::new(0);

/// The configuration of a test server on `database_url` (port 0, no scheduler).
pub fn test_config(database_url: &str) -> crm_server::Config {
    crm_server::Config {
        database_url: database_url.to_string(),
        jwt_secret: b"test-secret-test-secret-test-secret-0123".to_vec(),
        jwt_ttl_secs: 3600,
        bind: "127.0.0.1:0".into(),
        production: false,
        max_connections: 8,
        encryption: crm_server::secrets::KeySource::Env(TEST_ENCRYPTION_KEY.into()),
        remotes: crm_server::connectors::Remotes::default(),
        sync_tick_secs: 0,
        sync_lease_secs: 60,
        // Tests drive one user hard; the limits' own tests set theirs.
        limits: crm_server::limits::LimitsConfig::unlimited(),
        cors_origins: Vec::new(),
        tls: None,
        metrics_bind: None,
    }
}

/// The key test servers seal stored credentials with (32 bytes, hex).
pub const TEST_ENCRYPTION_KEY: &str = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";

/// A fresh, empty database of the backend, as a URL.
pub async fn fresh_database(backend: Backend) -> anyhow::Result<(String, Option<tempfile::TempDir>)> {
    match backend {
        Backend::Sqlite => {
            let dir = tempfile::tempdir()?;
            let url = format!("sqlite:{}", dir.path().join("crm.db").display());
            Ok((url, Some(dir)))
        }
        Backend::Postgres => {
            let base = pg_base_url().ok_or_else(|| anyhow::anyhow!("CRM_TEST_PG_URL is not set"))?;
            let name = format!(
                "crm_test_{}_{}_{}",
                std::process::id(),
                COUNTER.fetch_add(1, Ordering::Relaxed),
                rand::random::<u32>()
            );
            let mut admin = sqlx::PgConnection::connect(&format!("{base}/postgres")).await?;
            sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}"))).execute(&mut admin).await?;
            admin.close().await?;
            Ok((format!("{base}/{name}"), None))
        }
    }
}

impl TestServer {
    /// Starts a server on a fresh database.
    pub async fn start(backend: Backend) -> TestServer {
        let (url, dir) = fresh_database(backend).await.expect("creating a test database");
        let mut s = Self::start_on(backend, &url).await;
        s._dir = dir;
        s
    }

    /// Starts a server on an existing database (another replica of it).
    pub async fn start_on(backend: Backend, database_url: &str) -> TestServer {
        Self::start_with(backend, database_url, |_| {}).await
    }

    /// Starts a server on an existing database with the test configuration as `tweak` changes
    /// it (the connectors' URLs, the encryption key).
    pub async fn start_with(
        backend: Backend,
        database_url: &str,
        tweak: impl FnOnce(&mut crm_server::Config),
    ) -> TestServer {
        let mut config = test_config(database_url);
        tweak(&mut config);
        let (router, running) = crm_server::build(&config).await.expect("building the server");
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("binding a port");
        let addr = listener.local_addr().expect("local addr");
        let (tx, rx) = oneshot::channel();
        let handle = tokio::spawn(async move {
            let _ = crm_server::serve(listener, router, async {
                let _ = rx.await;
            })
            .await;
            running.close().await;
        });
        TestServer {
            base: format!("http://{addr}"),
            database_url: database_url.to_string(),
            backend,
            shutdown: Some(tx),
            handle: Some(handle),
            _dir: None,
        }
    }

    /// The server, keeping the temporary directory of its database until it is dropped.
    pub fn keeping(mut self, dir: Option<tempfile::TempDir>) -> TestServer {
        self._dir = dir;
        self
    }

    /// A client without credentials.
    pub fn anon(&self) -> Client {
        Client::new(&self.base).expect("a client of the test server")
    }

    /// Registers a new user and returns a client logged in as them.
    pub async fn user(&self, name: &str) -> Client {
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let session = self
            .anon()
            .register(&RegisterRequest {
                email: format!("{name}.{n}@example.com"),
                password: "correct horse battery".into(),
                name: Some(name.to_string()),
            })
            .await
            .expect("registering a user");
        self.anon().with_token(session.token)
    }

    /// Stops the server and waits for it.
    pub async fn stop(mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        if let Some(h) = self.handle.take() {
            let _ = h.await;
        }
    }
}

impl Drop for TestServer {
    fn drop(&mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
    }
}

/// Whether a PostgreSQL test can run; panics when PostgreSQL is required (`CRM_REQUIRE_PG=1`,
/// as the test command sets) but not configured.
pub fn pg_available() -> bool {
    if pg_base_url().is_some() {
        return true;
    }
    if std::env::var("CRM_REQUIRE_PG").is_ok_and(|v| v == "1") {
        panic!("CRM_REQUIRE_PG=1 but CRM_TEST_PG_URL is not set");
    }
    eprintln!("skipped: CRM_TEST_PG_URL is not set (run ./scripts/test.sh to test on PostgreSQL too)");
    false
}

/// Declares each listed `async fn(Backend)` as a test on SQLite and a test on PostgreSQL.
#[macro_export]
macro_rules! backend_tests {
    ($($name:ident),* $(,)?) => {
        mod sqlite {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $name() {
                    super::$name($crate::Backend::Sqlite).await;
                }
            )*
        }
        mod postgres {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $name() {
                    if !$crate::pg_available() {
                        return;
                    }
                    super::$name($crate::Backend::Postgres).await;
                }
            )*
        }
    };
}

/// Checks `ready` every 100 ms, for at most 10 s, until it holds; returns whether it did. For
/// what the server does in the background.
pub async fn eventually<F, Fut>(mut ready: F) -> bool
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    for _ in 0..100 {
        if ready().await {
            return true;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    ready().await
}

/// Starts an import of `entity` records (`POST /api/crm/imports`) and returns its id.
pub async fn start_import(c: &Client, entity: &str, name: &str) -> i64 {
    let new = crm_api::imports::NewImport { entity: entity.into(), name: name.into() };
    c.create_import(&new).await.expect("starting an import").id
}

/// A batch of import `import_id`, its `seq`-th, matching on `match_on`.
pub fn import_batch(
    import_id: i64,
    seq: i64,
    match_on: crm_api::batch::MatchOn,
    records: Vec<serde_json::Value>,
) -> crm_api::batch::BatchRequest {
    crm_api::batch::BatchRequest {
        records,
        match_on: Some(match_on),
        import_id: Some(import_id),
        seq: Some(seq),
        ..Default::default()
    }
}

/// Runs `crm-server db <command>` on the database at `url` (with the test servers' key), as the
/// binary does: what it wrote, and whether it passed.
pub async fn db_command(url: &str, command: crm_server::ops::DbCommand) -> (bool, String) {
    db_command_with(test_config(url), command).await
}

/// [`db_command`] with a configuration of its own.
pub async fn db_command_with(config: crm_server::Config, command: crm_server::ops::DbCommand) -> (bool, String) {
    let mut out = Vec::new();
    let passed =
        crm_server::ops::run(&config, &command, &mut out).await.unwrap_or_else(|e| panic!("db {command:?}: {e:#}"));
    (passed, String::from_utf8_lossy(&out).into_owned())
}

/// The `crm-server` binary built beside the tests (`cargo test --workspace` builds it).
pub fn server_binary() -> std::path::PathBuf {
    let exe = std::env::current_exe().expect("this test's path");
    let dir = exe.parent().and_then(|deps| deps.parent()).expect("the target directory");
    let bin = dir.join("crm-server");
    assert!(bin.exists(), "{} is missing: run the tests with `cargo test --workspace`", bin.display());
    bin
}

/// Waits (at most 10 s) until the server at `base` answers `/readyz`.
pub async fn wait_ready(base: &str) {
    let up =
        eventually(|| async { reqwest::get(format!("{base}/readyz")).await.is_ok_and(|r| r.status().is_success()) })
            .await;
    assert!(up, "the server at {base} did not start");
}

/// A free port on 127.0.0.1.
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).expect("a port").port()
}

/// The real server in a process of its own, on `database_url` at `port` (no scheduler, killed
/// when dropped), with `env` besides.
pub fn spawn_server(database_url: &str, port: u16, env: &[(&str, String)]) -> tokio::process::Child {
    tokio::process::Command::new(server_binary())
        .env("DATABASE_URL", database_url)
        .env("CRM_BIND", format!("127.0.0.1:{port}"))
        .env("JWT_SECRET", "process-test-secret-process-test-secret-01")
        .env("CRM_ENCRYPTION_KEY", TEST_ENCRYPTION_KEY)
        .env("CRM_SYNC_TICK_SECS", "0")
        .env("RUST_LOG", "warn")
        .envs(env.iter().map(|(k, v)| (*k, v.as_str())))
        .kill_on_drop(true)
        .spawn()
        .expect("starting crm-server")
}
