//! HTTPS served by the real binary (`CRM_TLS_CERT`, `CRM_TLS_KEY`): the certificate it serves,
//! HTTP/2 and HTTP/1.1 over TLS 1.2 and 1.3, the pair read again on SIGHUP, and the refusals
//! at start-up. Certificates are made here, signed by a test authority the clients trust.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use rcgen::{BasicConstraints, CertificateParams, CertifiedIssuer, DnType, IsCa, KeyPair, KeyUsagePurpose};

const BIN: &str = env!("CARGO_BIN_EXE_crm-server");

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).map(|a| a.port()).expect("a free port")
}

/// A certificate authority of the tests, and the server certificates it signs.
struct Ca(CertifiedIssuer<'static, KeyPair>);

/// A server certificate and its key, in PEM, and the certificate in DER (what a client sees).
struct Pair {
    cert: String,
    key: String,
    der: Vec<u8>,
}

impl Ca {
    fn new() -> Self {
        let mut params = CertificateParams::new(Vec::<String>::new()).expect("CA params");
        params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
        params.distinguished_name.push(DnType::CommonName, "crm tests CA");
        params.key_usages = vec![KeyUsagePurpose::KeyCertSign, KeyUsagePurpose::DigitalSignature];
        Self(CertifiedIssuer::self_signed(params, KeyPair::generate().expect("CA key")).expect("CA certificate"))
    }

    fn pem(&self) -> String {
        self.0.pem()
    }

    /// A certificate for localhost and 127.0.0.1, its serial and common name its own.
    fn pair(&self, serial: u64) -> Pair {
        let mut params =
            CertificateParams::new(vec!["localhost".to_string(), "127.0.0.1".to_string()]).expect("params");
        params.serial_number = Some(serial.into());
        params.distinguished_name.push(DnType::CommonName, format!("crm server {serial}"));
        let key = KeyPair::generate().expect("key");
        let cert = params.signed_by(&key, &self.0).expect("certificate");
        Pair { cert: cert.pem(), key: key.serialize_pem(), der: cert.der().to_vec() }
    }
}

/// The files the server is pointed at.
struct Files {
    cert: PathBuf,
    key: PathBuf,
}

impl Files {
    fn in_dir(dir: &Path) -> Self {
        Self { cert: dir.join("tls").join("cert.pem"), key: dir.join("tls").join("key.pem") }
    }

    fn write(&self, cert: &str, key: &str) {
        std::fs::create_dir_all(self.cert.parent().expect("a folder")).expect("tls folder");
        std::fs::write(&self.cert, cert).expect("writing the certificate");
        std::fs::write(&self.key, key).expect("writing the key");
    }
}

/// The binary running in a folder of its own, its log lines gathered as they come.
struct Server {
    child: Child,
    port: u16,
    logs: Arc<Mutex<String>>,
    _dir: tempfile::TempDir,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn command(dir: &Path, port: u16, env: &[(&str, &str)]) -> Command {
    let mut cmd = Command::new(BIN);
    cmd.current_dir(dir)
        .env_clear()
        .env("RUST_LOG", "info")
        .env("CRM_BIND", format!("127.0.0.1:{port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd
}

impl Server {
    /// Starts the binary on HTTPS with `pair`, and waits until it answers `/healthz`.
    async fn start(ca: &Ca, pair: &Pair) -> (Self, Files) {
        Self::start_with(ca, pair, &[]).await
    }

    /// The same, with more of the environment.
    async fn start_with(ca: &Ca, pair: &Pair, env: &[(&str, &str)]) -> (Self, Files) {
        let dir = tempfile::tempdir().expect("tempdir");
        let files = Files::in_dir(dir.path());
        files.write(&pair.cert, &pair.key);
        let port = free_port();
        let cert = files.cert.display().to_string();
        let key = files.key.display().to_string();
        let mut all = vec![("CRM_TLS_CERT", cert.as_str()), ("CRM_TLS_KEY", key.as_str())];
        all.extend_from_slice(env);
        let mut child = command(dir.path(), port, &all).spawn().expect("starting crm-server");
        let logs = Arc::new(Mutex::new(String::new()));
        let stderr = child.stderr.take().expect("stderr");
        let sink = Arc::clone(&logs);
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                let mut logs = sink.lock().unwrap_or_else(|e| e.into_inner());
                logs.push_str(&line);
                logs.push('\n');
            }
        });
        let server = Self { child, port, logs, _dir: dir };
        let deadline = Instant::now() + Duration::from_secs(30);
        while server.peer_certificate(ca).await.is_err() {
            assert!(Instant::now() < deadline, "server did not come up: {}", server.logs());
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        (server, files)
    }

    fn url(&self, path: &str) -> String {
        format!("https://127.0.0.1:{}{path}", self.port)
    }

    fn logs(&self) -> String {
        self.logs.lock().unwrap_or_else(|e| e.into_inner()).clone()
    }

    fn signal(&self, signal: &str) {
        let status = Command::new("kill").args([signal, &self.child.id().to_string()]).status().expect("running kill");
        assert!(status.success(), "kill {signal} failed");
    }

    fn hangup(&self) {
        self.signal("-HUP");
    }

    fn running(&mut self) -> bool {
        matches!(self.child.try_wait(), Ok(None))
    }

    /// The certificate a new connection is served (its DER), after a request on it.
    async fn peer_certificate(&self, ca: &Ca) -> Result<Vec<u8>, String> {
        let resp = client(ca).get(self.url("/healthz")).send().await.map_err(|e| format!("{e:?}"))?;
        if resp.status() != 200 {
            return Err(format!("status {}", resp.status()));
        }
        let info = resp.extensions().get::<reqwest::tls::TlsInfo>().ok_or("no TLS info")?;
        Ok(info.peer_certificate().ok_or("no peer certificate")?.to_vec())
    }

    /// Waits until `lines` lines of the log contain `text`.
    async fn wait_for_log(&self, text: &str, lines: usize) {
        let deadline = Instant::now() + Duration::from_secs(10);
        while self.logs().lines().filter(|l| l.contains(text)).count() < lines {
            assert!(Instant::now() < deadline, "no {lines} lines with {text:?} in the log: {}", self.logs());
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }

    /// Waits until new connections are served `der`.
    async fn wait_for_certificate(&self, ca: &Ca, der: &[u8]) {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            if self.peer_certificate(ca).await.is_ok_and(|c| c == der) {
                return;
            }
            assert!(Instant::now() < deadline, "the new certificate is not served: {}", self.logs());
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }
}

/// A client that trusts the tests' authority only (a new one: new connections).
fn client(ca: &Ca) -> reqwest::Client {
    let root = reqwest::Certificate::from_pem(ca.pem().as_bytes()).expect("CA certificate");
    reqwest::Client::builder()
        .tls_certs_only([root])
        .tls_info(true)
        .timeout(Duration::from_secs(10))
        .build()
        .expect("client")
}

#[tokio::test]
async fn https_serves_the_api_with_the_given_certificate_and_no_plain_http() {
    let ca = Ca::new();
    let pair = ca.pair(1);
    let (server, _files) = Server::start(&ca, &pair).await;
    assert_eq!(server.peer_certificate(&ca).await.expect("healthz over HTTPS"), pair.der);

    let http = client(&ca);
    let registered = http
        .post(server.url("/api/auth/register"))
        .json(&serde_json::json!({"email": "tls@example.com", "password": "correct horse battery", "name": "Tls"}))
        .send()
        .await
        .expect("register");
    assert_eq!(registered.status(), 201);
    let session: serde_json::Value = registered.json().await.expect("session");
    let token = session["token"].as_str().expect("a token");
    let me = http.get(server.url("/api/auth/me")).bearer_auth(token).send().await.expect("me");
    assert_eq!(me.status(), 200);
    let me: serde_json::Value = me.json().await.expect("me body");
    assert_eq!(me["email"], "tls@example.com", "{me}");

    // Plain HTTP on the same port gets no HTTP answer.
    let mut plain = TcpStream::connect(("127.0.0.1", server.port)).expect("connect");
    plain.set_read_timeout(Some(Duration::from_secs(5))).expect("timeout");
    write!(plain, "GET /healthz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n").expect("request");
    let mut answer = Vec::new();
    let _ = plain.read_to_end(&mut answer);
    assert!(!answer.starts_with(b"HTTP/"), "plain HTTP was answered: {}", String::from_utf8_lossy(&answer));
    let plain_client = reqwest::Client::new();
    assert!(plain_client.get(format!("http://127.0.0.1:{}/healthz", server.port)).send().await.is_err());
}

#[tokio::test]
async fn alpn_chooses_http2_or_http11_over_tls_12_and_13() {
    use hyper_util::rt::{TokioExecutor, TokioIo};
    use rustls::pki_types::{CertificateDer, ServerName, pem::PemObject};

    let ca = Ca::new();
    let pair = ca.pair(1);
    let (server, _files) = Server::start(&ca, &pair).await;
    let mut roots = rustls::RootCertStore::empty();
    roots.add(CertificateDer::from_pem_slice(ca.pem().as_bytes()).expect("CA DER")).expect("root");
    let provider = Arc::new(rustls::crypto::aws_lc_rs::default_provider());
    for version in [&rustls::version::TLS12, &rustls::version::TLS13] {
        for alpn in ["h2", "http/1.1"] {
            let mut config = rustls::ClientConfig::builder_with_provider(Arc::clone(&provider))
                .with_protocol_versions(&[version])
                .expect("versions")
                .with_root_certificates(roots.clone())
                .with_no_client_auth();
            config.alpn_protocols = vec![alpn.as_bytes().to_vec()];
            let tcp = tokio::net::TcpStream::connect(("127.0.0.1", server.port)).await.expect("connect");
            let name = ServerName::try_from("localhost").expect("name");
            let tls = tokio_rustls::TlsConnector::from(Arc::new(config)).connect(name, tcp).await.expect("handshake");
            let (_, state) = tls.get_ref();
            assert_eq!(state.protocol_version(), Some(version.version), "{alpn}");
            assert_eq!(state.alpn_protocol(), Some(alpn.as_bytes()), "{version:?}");
            let request = hyper::Request::get(server.url("/healthz"))
                .body(http_body_util::Empty::<bytes::Bytes>::new())
                .expect("request");
            let io = TokioIo::new(tls);
            let status = if alpn == "h2" {
                let (mut send, conn) =
                    hyper::client::conn::http2::handshake(TokioExecutor::new(), io).await.expect("HTTP/2");
                tokio::spawn(conn);
                send.send_request(request).await.expect("HTTP/2 answer").status()
            } else {
                let (mut send, conn) = hyper::client::conn::http1::handshake(io).await.expect("HTTP/1.1");
                tokio::spawn(conn);
                let mut request = request;
                *request.uri_mut() = "/healthz".parse().expect("path");
                request.headers_mut().insert("host", "localhost".parse().expect("host"));
                send.send_request(request).await.expect("HTTP/1.1 answer").status()
            };
            assert_eq!(status, 200, "{version:?} {alpn}");
        }
    }
}

#[tokio::test]
async fn sighup_serves_a_new_pair_to_new_connections_and_keeps_the_old_one_on_a_bad_pair() {
    let ca = Ca::new();
    let first = ca.pair(1);
    let (mut server, files) = Server::start(&ca, &first).await;
    // A connection made before the reload, kept alive.
    let kept = client(&ca);
    assert_eq!(kept.get(server.url("/healthz")).send().await.expect("before").status(), 200);

    let second = ca.pair(2);
    files.write(&second.cert, &second.key);
    server.hangup();
    server.wait_for_certificate(&ca, &second.der).await;
    server.wait_for_log("TLS certificate reloaded", 1).await;
    assert_eq!(kept.get(server.url("/healthz")).send().await.expect("kept alive").status(), 200);

    // A certificate with another's key: logged, and the second pair still served.
    let third = ca.pair(3);
    files.write(&third.cert, &second.key);
    server.hangup();
    server.wait_for_log("TLS certificate not reloaded", 1).await;
    assert!(server.logs().contains("does not match the certificate"), "{}", server.logs());
    assert!(server.running(), "the server stopped: {}", server.logs());
    assert_eq!(server.peer_certificate(&ca).await.expect("still serving"), second.der);

    // Files that are no PEM at all: the same.
    files.write("not a certificate", "not a key");
    server.hangup();
    server.wait_for_log("TLS certificate not reloaded", 2).await;
    assert!(server.running(), "the server stopped: {}", server.logs());
    assert_eq!(server.peer_certificate(&ca).await.expect("still serving"), second.der);

    // And a good pair after them is taken.
    let fourth = ca.pair(4);
    files.write(&fourth.cert, &fourth.key);
    server.hangup();
    server.wait_for_certificate(&ca, &fourth.der).await;
    assert!(server.running());
}

#[tokio::test]
async fn the_limits_see_each_connections_peer_address() {
    // The peer (127.0.0.1) is a trusted proxy only if handlers see it: then each forwarded
    // client has its own budget; without it every request would share one.
    let ca = Ca::new();
    let pair = ca.pair(1);
    let env = [("CRM_RATE_ADDRESS", "2/min"), ("CRM_TRUSTED_PROXIES", "127.0.0.1")];
    let (server, _files) = Server::start_with(&ca, &pair, &env).await;
    let http = client(&ca);
    let status = |client: &'static str| {
        let req = http.get(server.url("/api/auth/me")).header("x-forwarded-for", client);
        async move { req.send().await.expect("answer").status().as_u16() }
    };
    assert_eq!(status("203.0.113.1").await, 401);
    assert_eq!(status("203.0.113.1").await, 401);
    assert_eq!(status("203.0.113.1").await, 429);
    assert_eq!(status("203.0.113.2").await, 401);
}

#[tokio::test]
async fn sigterm_lets_a_request_in_flight_finish_then_stops() {
    use rustls::pki_types::{CertificateDer, ServerName, pem::PemObject};
    use tokio::io::{AsyncReadExt, AsyncWriteExt};

    let ca = Ca::new();
    let pair = ca.pair(1);
    let (mut server, _files) = Server::start(&ca, &pair).await;
    let mut roots = rustls::RootCertStore::empty();
    roots.add(CertificateDer::from_pem_slice(ca.pem().as_bytes()).expect("CA DER")).expect("root");
    let config = rustls::ClientConfig::builder_with_provider(Arc::new(rustls::crypto::aws_lc_rs::default_provider()))
        .with_safe_default_protocol_versions()
        .expect("versions")
        .with_root_certificates(roots)
        .with_no_client_auth();
    let tcp = tokio::net::TcpStream::connect(("127.0.0.1", server.port)).await.expect("connect");
    let name = ServerName::try_from("localhost").expect("name");
    let mut tls = tokio_rustls::TlsConnector::from(Arc::new(config)).connect(name, tcp).await.expect("handshake");
    // An idle kept-alive connection too, which must not hold the stop up.
    let idle = client(&ca);
    assert_eq!(idle.get(server.url("/healthz")).send().await.expect("idle").status(), 200);

    let body = r#"{"email":"late@example.com","password":"correct horse battery","name":"Late"}"#;
    let (first, rest) = body.split_at(20);
    let head = format!(
        "POST /api/auth/register HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n",
        body.len()
    );
    tls.write_all(head.as_bytes()).await.expect("head");
    tls.write_all(first.as_bytes()).await.expect("first half");
    tls.flush().await.expect("flush");
    tokio::time::sleep(Duration::from_millis(300)).await;
    server.signal("-TERM");
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert!(server.running(), "stopped with a request in flight: {}", server.logs());
    tls.write_all(rest.as_bytes()).await.expect("second half");
    tls.flush().await.expect("flush");
    let mut answer = Vec::new();
    let _ = tokio::time::timeout(Duration::from_secs(10), tls.read_to_end(&mut answer)).await;
    let answer = String::from_utf8_lossy(&answer);
    assert!(answer.starts_with("HTTP/1.1 201"), "{answer}");

    let deadline = Instant::now() + Duration::from_secs(10);
    let status = loop {
        if let Ok(Some(status)) = server.child.try_wait() {
            break status;
        }
        assert!(Instant::now() < deadline, "did not stop: {}", server.logs());
        tokio::time::sleep(Duration::from_millis(20)).await;
    };
    assert!(status.success(), "{status:?}: {}", server.logs());
}

/// Runs the binary with `env` and returns what it said, asserting that it refused to start.
fn refuses(env: &[(&str, &str)], dir: &Path) -> String {
    let out = command(dir, free_port(), env).spawn().expect("starting crm-server").wait_with_output().expect("run");
    assert!(!out.status.success(), "started although it should refuse: {env:?}");
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// The line the binary ends with: `crm-server: ` and the problem.
fn said(err: &str) -> &str {
    err.lines().rev().find(|l| l.starts_with("crm-server: ")).unwrap_or_else(|| panic!("no error line: {err}"))
}

#[test]
fn one_of_the_two_variables_alone_is_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    let err = refuses(&[("CRM_TLS_CERT", "cert.pem")], dir.path());
    assert!(said(&err).starts_with("crm-server: CRM_TLS_KEY is not set"), "{err}");
    let err = refuses(&[("CRM_TLS_KEY", "key.pem")], dir.path());
    assert!(said(&err).starts_with("crm-server: CRM_TLS_CERT is not set"), "{err}");
}

#[test]
fn a_key_that_does_not_match_the_certificate_is_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    let ca = Ca::new();
    let (one, other) = (ca.pair(1), ca.pair(2));
    let files = Files::in_dir(dir.path());
    files.write(&one.cert, &other.key);
    let (cert, key) = (files.cert.display().to_string(), files.key.display().to_string());
    let err = refuses(&[("CRM_TLS_CERT", &cert), ("CRM_TLS_KEY", &key)], dir.path());
    let line = said(&err);
    assert!(line.starts_with("crm-server: CRM_TLS_KEY: the key in"), "{err}");
    assert!(line.contains("does not match the certificate"), "{err}");
    assert!(!dir.path().join("data").join("crm.db").exists(), "refused before opening the database");
}

#[test]
fn an_unreadable_certificate_file_is_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    let ca = Ca::new();
    let pair = ca.pair(1);
    let files = Files::in_dir(dir.path());
    files.write(&pair.cert, &pair.key);
    let missing = dir.path().join("tls").join("missing.pem").display().to_string();
    let key = files.key.display().to_string();
    let err = refuses(&[("CRM_TLS_CERT", &missing), ("CRM_TLS_KEY", &key)], dir.path());
    let line = said(&err);
    assert!(line.starts_with("crm-server: CRM_TLS_CERT: cannot read") && line.contains("missing.pem"), "{err}");
}
