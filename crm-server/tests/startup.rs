//! The real binary, started as a user would: defaults, the generated secret, production checks.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_crm-server");

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).map(|a| a.port()).expect("a free port")
}

fn get(port: u16, path: &str) -> Option<String> {
    let mut s = TcpStream::connect(("127.0.0.1", port)).ok()?;
    s.set_read_timeout(Some(Duration::from_secs(5))).ok()?;
    write!(s, "GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n").ok()?;
    let mut out = String::new();
    s.read_to_string(&mut out).ok()?;
    Some(out)
}

struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Starts the binary in `dir` with a clean environment plus `env`.
fn start(dir: &std::path::Path, env: &[(&str, &str)]) -> Child {
    let mut cmd = Command::new(BIN);
    cmd.current_dir(dir).env_clear().env("RUST_LOG", "warn").stdout(Stdio::null()).stderr(Stdio::piped());
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.spawn().expect("starting crm-server")
}

#[test]
fn starts_with_no_configuration_on_embedded_sqlite_with_a_private_secret() {
    let dir = tempfile::tempdir().expect("tempdir");
    let port = free_port();
    let bind = format!("127.0.0.1:{port}");
    let server = Server(start(dir.path(), &[("CRM_BIND", &bind)]));
    let deadline = Instant::now() + Duration::from_secs(30);
    let ready = loop {
        if let Some(r) = get(port, "/readyz") {
            break r;
        }
        assert!(Instant::now() < deadline, "server did not come up");
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(ready.starts_with("HTTP/1.1 200"), "{ready}");
    assert!(get(port, "/healthz").is_some_and(|r| r.starts_with("HTTP/1.1 200")));
    let data = dir.path().join("data");
    assert!(data.join("crm.db").exists(), "database created under ./data");
    assert!(data.join("crm.db-wal").exists(), "SQLite runs in WAL mode");
    #[cfg(unix)]
    for file in ["crm.db", "crm.db-wal"] {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(data.join(file)).expect("database file").permissions().mode();
        assert_eq!(mode & 0o777, 0o600, "{file} is readable by its owner only");
    }
    let secret = data.join("jwt_secret");
    let meta = std::fs::metadata(&secret).expect("secret file");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(meta.permissions().mode() & 0o777, 0o600, "secret readable by its owner only");
    }
    assert!(meta.len() >= 32);
    drop(server);
}

fn refuses(env: &[(&str, &str)]) -> String {
    let dir = tempfile::tempdir().expect("tempdir");
    let port = free_port();
    let bind = format!("127.0.0.1:{port}");
    let mut all = env.to_vec();
    all.push(("CRM_BIND", &bind));
    let out = start(dir.path(), &all).wait_with_output().expect("run");
    assert!(!out.status.success(), "started although it should refuse: {env:?}");
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn production_refuses_to_start_without_a_strong_jwt_secret() {
    let err = refuses(&[("CRM_ENV", "production")]);
    assert!(err.contains("JWT_SECRET"), "{err}");
    let err = refuses(&[("CRM_ENV", "production"), ("JWT_SECRET", "short")]);
    assert!(err.contains("too short"), "{err}");
}

#[test]
fn an_unknown_database_scheme_is_refused_clearly() {
    let err = refuses(&[("DATABASE_URL", "mysql://localhost/crm")]);
    assert!(err.contains("DATABASE_URL must start with sqlite: or postgres://"), "{err}");
}

#[test]
fn json_logs_carry_the_request_id_on_each_line_of_a_request() {
    let dir = tempfile::tempdir().expect("tempdir");
    let port = free_port();
    let bind = format!("127.0.0.1:{port}");
    let mut cmd = Command::new(BIN);
    cmd.current_dir(dir.path())
        .env_clear()
        .env("CRM_BIND", &bind)
        .env("CRM_LOG_FORMAT", "json")
        .env("RUST_LOG", "info")
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    let mut server = Server(cmd.spawn().expect("starting crm-server"));
    let deadline = Instant::now() + Duration::from_secs(30);
    while get(port, "/healthz").is_none() {
        assert!(Instant::now() < deadline, "server did not come up");
        std::thread::sleep(Duration::from_millis(50));
    }
    let mut s = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    write!(s, "GET /readyz HTTP/1.1\r\nHost: localhost\r\nX-Request-Id: trace-me-42\r\nConnection: close\r\n\r\n")
        .expect("request");
    let mut answer = String::new();
    s.read_to_string(&mut answer).expect("answer");
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    // A webhook's path is its secret: never in the logs.
    let mut s = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    write!(
        s,
        "POST /api/crm/integrations/webhooks/brivity/the-secret-path-9f8e HTTP/1.1\r\nHost: localhost\r\n\
         Content-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{{}}"
    )
    .expect("request");
    let mut answer = String::new();
    s.read_to_string(&mut answer).expect("answer");
    assert!(answer.starts_with("HTTP/1.1 4"), "refused: {answer}");
    let _ = server.0.kill();
    let _ = server.0.wait();
    let mut logs = String::new();
    server.0.stderr.take().expect("stderr").read_to_string(&mut logs).expect("logs");
    let lines: Vec<serde_json::Value> = logs
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not a JSON line ({e}): {l}")))
        .collect();
    assert!(!logs.contains("the-secret-path-9f8e"), "a webhook's secret path was logged: {logs}");
    assert!(logs.contains("webhooks/brivity/{secret}"), "the webhook's request is logged: {logs}");
    let ours: Vec<&serde_json::Value> = lines.iter().filter(|l| l["span"]["request_id"] == "trace-me-42").collect();
    assert!(
        ours.iter().any(|l| l["fields"]["message"] == "answered" && l["fields"]["status"] == 200),
        "no line of the request: {logs}"
    );
}

#[test]
fn metrics_on_their_own_address_leave_the_apis_metrics_404() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (port, metrics_port) = (free_port(), free_port());
    let (bind, metrics_bind) = (format!("127.0.0.1:{port}"), format!("127.0.0.1:{metrics_port}"));
    let server = Server(start(dir.path(), &[("CRM_BIND", &bind), ("CRM_METRICS_BIND", &metrics_bind)]));
    let deadline = Instant::now() + Duration::from_secs(30);
    while get(port, "/readyz").is_none_or(|r| !r.starts_with("HTTP/1.1 200")) {
        assert!(Instant::now() < deadline, "server did not come up");
        std::thread::sleep(Duration::from_millis(50));
    }
    let metrics = get(metrics_port, "/metrics").expect("metrics answer");
    assert!(metrics.starts_with("HTTP/1.1 200"), "{metrics}");
    assert!(metrics.contains(r#"crm_http_requests_total{method="GET",route="/readyz",status="200"}"#), "{metrics}");
    let api = get(port, "/metrics").expect("an answer");
    assert!(api.starts_with("HTTP/1.1 404"), "{api}");
    drop(server);
}

#[test]
fn an_argument_it_does_not_know_is_refused_and_starts_nothing() {
    for args in
        [&["db", "frobnicate"][..], &["db", "backup"], &["db", "verify", "now"], &["--port", "4000"], &["serve"]]
    {
        let dir = tempfile::tempdir().expect("tempdir");
        let out = Command::new(BIN)
            .args(args)
            .current_dir(dir.path())
            .env_clear()
            .env("CRM_BIND", format!("127.0.0.1:{}", free_port()))
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .output()
            .expect("run");
        assert!(!out.status.success(), "{args:?} was accepted");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("usage: crm-server"), "{args:?} says how to call it: {err}");
        assert!(!dir.path().join("data").exists(), "{args:?} opened a database");
    }
}
