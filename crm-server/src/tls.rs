//! HTTPS served directly, when `CRM_TLS_CERT` and `CRM_TLS_KEY` name a PEM certificate chain
//! and its private key: rustls on aws-lc-rs (the TLS stack of the connectors' reqwest client
//! already), TLS 1.2 and 1.3, HTTP/2 or HTTP/1.1 as ALPN chooses. The pair is read again on
//! SIGHUP for the connections that follow; a pair that does not load then is logged and the
//! one in use kept.
//!
//! Plain HTTP does not come here: `crate::app::serve` is axum's server as it always was.

use std::future::Future;
use std::io;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::pin::{Pin, pin};
use std::sync::{Arc, PoisonError, RwLock};
use std::time::Duration;

use anyhow::{Context, anyhow, bail};
use axum::Router;
use axum::extract::ConnectInfo;
use hyper::body::Incoming;
use hyper_util::rt::{TokioExecutor, TokioIo};
use rustls::crypto::CryptoProvider;
use rustls::pki_types::pem::{self, PemObject};
use rustls::pki_types::{CertificateDer, PrivateKeyDer};
use rustls::server::{ClientHello, ResolvesServerCert};
use rustls::sign::CertifiedKey;
use rustls::{InconsistentKeys, ServerConfig};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::watch;
use tower::ServiceExt as _;

/// A handshake not done by then is dropped (a client that connects and says nothing holds no
/// task for long).
const HANDSHAKE_TIMEOUT: Duration = Duration::from_secs(10);

/// Where the certificate chain and its key are (`CRM_TLS_CERT`, `CRM_TLS_KEY`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TlsFiles {
    pub cert: PathBuf,
    pub key: PathBuf,
}

/// The certificate served, swapped whole by [`Certs::reload`]; each handshake takes the one
/// current when it starts.
pub struct Certs {
    files: TlsFiles,
    provider: Arc<CryptoProvider>,
    current: RwLock<Arc<CertifiedKey>>,
}

impl std::fmt::Debug for Certs {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Certs").field("files", &self.files).finish_non_exhaustive()
    }
}

impl Certs {
    /// Reads the pair, or says which of the two variables is at fault and why.
    pub fn load(files: &TlsFiles) -> anyhow::Result<Arc<Self>> {
        let provider = Arc::new(rustls::crypto::aws_lc_rs::default_provider());
        let key = read_pair(files, &provider)?;
        tracing::info!(cert = %files.cert.display(), sha256 = %fingerprint(&key), "TLS certificate loaded");
        Ok(Arc::new(Self { files: files.clone(), provider, current: RwLock::new(key) }))
    }

    /// The certificate served now.
    pub fn current(&self) -> Arc<CertifiedKey> {
        Arc::clone(&self.current.read().unwrap_or_else(PoisonError::into_inner))
    }

    /// Reads the pair again and serves it to the connections that follow; when it does not
    /// load, logs why and keeps the one in use. True when the new pair is in use.
    pub async fn reload(self: &Arc<Self>) -> bool {
        let files = self.files.clone();
        let provider = Arc::clone(&self.provider);
        match tokio::task::spawn_blocking(move || read_pair(&files, &provider)).await {
            Ok(Ok(key)) => {
                let sha256 = fingerprint(&key);
                *self.current.write().unwrap_or_else(PoisonError::into_inner) = key;
                tracing::info!(cert = %self.files.cert.display(), %sha256, "TLS certificate reloaded");
                true
            }
            Ok(Err(e)) => {
                tracing::error!("TLS certificate not reloaded, still serving the previous one: {e:#}");
                false
            }
            Err(e) => {
                tracing::error!("TLS certificate not reloaded, still serving the previous one: {e}");
                false
            }
        }
    }

    /// The server's TLS settings: the provider's safe defaults, TLS 1.2 and 1.3, no client
    /// certificates, the certificate from `self`, HTTP/2 preferred over HTTP/1.1.
    fn server_config(self: &Arc<Self>) -> anyhow::Result<Arc<ServerConfig>> {
        let mut config = ServerConfig::builder_with_provider(Arc::clone(&self.provider))
            .with_protocol_versions(&[&rustls::version::TLS13, &rustls::version::TLS12])
            .context("TLS settings")?
            .with_no_client_auth()
            .with_cert_resolver(Arc::clone(self) as Arc<dyn ResolvesServerCert>);
        config.alpn_protocols = vec![b"h2".to_vec(), b"http/1.1".to_vec()];
        Ok(Arc::new(config))
    }
}

impl ResolvesServerCert for Certs {
    fn resolve(&self, _: ClientHello<'_>) -> Option<Arc<CertifiedKey>> {
        Some(self.current())
    }
}

/// Reads the certificate chain and the key (PKCS#8, RSA or SEC1), and checks that they belong
/// together. Each error names the variable at fault, its file and the problem.
fn read_pair(files: &TlsFiles, provider: &CryptoProvider) -> anyhow::Result<Arc<CertifiedKey>> {
    let cert = files.cert.display();
    let key = files.key.display();
    let pem = std::fs::read(&files.cert).map_err(|e| anyhow!("CRM_TLS_CERT: cannot read {cert}: {e}"))?;
    let chain = CertificateDer::pem_slice_iter(&pem)
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| anyhow!("CRM_TLS_CERT: {cert} is not a PEM certificate chain: {e}"))?;
    if chain.is_empty() {
        bail!("CRM_TLS_CERT: {cert} holds no certificate (no -----BEGIN CERTIFICATE----- block)");
    }
    let pem = std::fs::read(&files.key).map_err(|e| anyhow!("CRM_TLS_KEY: cannot read {key}: {e}"))?;
    let private = PrivateKeyDer::from_pem_slice(&pem).map_err(|e| match e {
        pem::Error::NoItemsFound => {
            anyhow!(
                "CRM_TLS_KEY: {key} holds no private key (a PEM PRIVATE KEY, RSA PRIVATE KEY or EC PRIVATE KEY block)"
            )
        }
        e => anyhow!("CRM_TLS_KEY: {key} is not a PEM private key: {e}"),
    })?;
    let signing = provider
        .key_provider
        .load_private_key(private)
        .map_err(|e| anyhow!("CRM_TLS_KEY: {key} is not a key this server can use: {e}"))?;
    let certified = CertifiedKey::new(chain, signing);
    match certified.keys_match() {
        // Unknown: a key that cannot tell its public half (never one of aws-lc-rs's).
        Ok(()) | Err(rustls::Error::InconsistentKeys(InconsistentKeys::Unknown)) => Ok(Arc::new(certified)),
        Err(rustls::Error::InconsistentKeys(InconsistentKeys::KeyMismatch)) => {
            bail!("CRM_TLS_KEY: the key in {key} does not match the certificate in {cert} (CRM_TLS_CERT)")
        }
        Err(e) => bail!("CRM_TLS_CERT: the first certificate in {cert} is not usable: {e}"),
    }
}

/// The SHA-256 of the certificate served (its leaf), in hex, for the logs.
fn fingerprint(key: &CertifiedKey) -> String {
    use sha2::Digest;
    let leaf = key.cert.first().map(|c| c.as_ref()).unwrap_or_default();
    sha2::Sha256::digest(leaf).iter().map(|b| format!("{b:02x}")).collect()
}

/// Reads the pair again on each SIGHUP, from now on (the handler is in place when this
/// returns) until the process ends.
pub fn reload_on_sighup(certs: Arc<Certs>) -> io::Result<()> {
    #[cfg(unix)]
    {
        let mut hangups = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::hangup())?;
        tokio::spawn(async move {
            while hangups.recv().await.is_some() {
                tracing::info!("SIGHUP: reading the TLS certificate and key again");
                certs.reload().await;
            }
        });
    }
    #[cfg(not(unix))]
    drop(certs);
    Ok(())
}

/// Serves `router` over TLS on `listener` until `shutdown` completes, then lets in-flight
/// requests finish, as `crate::app::serve` does for plain HTTP. Handlers see each
/// connection's peer address as `ConnectInfo<SocketAddr>` (the limits per client address).
pub async fn serve(
    listener: TcpListener,
    router: Router,
    certs: Arc<Certs>,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> io::Result<()> {
    let acceptor = tokio_rustls::TlsAcceptor::from(certs.server_config().map_err(io::Error::other)?);
    // Connections hold a receiver each: a send asks them to finish, and the sender's
    // `closed()` is their end.
    let (stop, stopped) = watch::channel(());
    let mut shutdown = pin!(shutdown);
    loop {
        let (tcp, addr) = tokio::select! {
            biased;
            () = &mut shutdown => break,
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(e) => {
                    accept_failed(e).await;
                    continue;
                }
            },
        };
        tokio::spawn(connection(tcp, addr, acceptor.clone(), router.clone(), stopped.clone()));
    }
    drop(listener);
    drop(stopped);
    let _ = stop.send(());
    stop.closed().await;
    Ok(())
}

/// One connection: the handshake, then HTTP/2 or HTTP/1.1 as ALPN chose (HTTP/1.1 when the
/// client named neither).
async fn connection(
    tcp: TcpStream,
    addr: SocketAddr,
    acceptor: tokio_rustls::TlsAcceptor,
    router: Router,
    mut stop: watch::Receiver<()>,
) {
    // Each response goes out as its TLS records are written, not held back for an ACK.
    let _ = tcp.set_nodelay(true);
    let tls = tokio::select! {
        handshake = tokio::time::timeout(HANDSHAKE_TIMEOUT, acceptor.accept(tcp)) => match handshake {
            Ok(Ok(tls)) => tls,
            Ok(Err(e)) => {
                tracing::debug!(%addr, "TLS handshake failed: {e}");
                return;
            }
            Err(_) => {
                tracing::debug!(%addr, "TLS handshake timed out");
                return;
            }
        },
        _ = stop.changed() => return,
    };
    let h2 = tls.get_ref().1.alpn_protocol() == Some(b"h2");
    let service = hyper::service::service_fn(move |mut req: hyper::Request<Incoming>| {
        req.extensions_mut().insert(ConnectInfo(addr));
        router.clone().oneshot(req)
    });
    let io = TokioIo::new(tls);
    if h2 {
        let conn = hyper::server::conn::http2::Builder::new(TokioExecutor::new()).serve_connection(io, service);
        until_done(conn, |c| c.graceful_shutdown(), stop, addr).await;
    } else {
        let conn = hyper::server::conn::http1::Builder::new().serve_connection(io, service).with_upgrades();
        until_done(conn, |c| c.graceful_shutdown(), stop, addr).await;
    }
}

/// Drives a connection to its end; on `stop`, asks it to finish its requests and close.
async fn until_done<C>(conn: C, graceful: impl FnOnce(Pin<&mut C>), mut stop: watch::Receiver<()>, addr: SocketAddr)
where
    C: Future<Output = Result<(), hyper::Error>>,
{
    let mut conn = pin!(conn);
    let ended = tokio::select! {
        ended = conn.as_mut() => ended,
        _ = stop.changed() => {
            graceful(conn.as_mut());
            conn.await
        }
    };
    if let Err(e) = ended {
        tracing::debug!(%addr, "connection ended: {e}");
    }
}

/// Like axum's server: a connection that failed before it was accepted is the client's
/// business; anything else (out of file descriptors) is logged and waited out a second.
async fn accept_failed(e: io::Error) {
    use io::ErrorKind::{ConnectionAborted, ConnectionRefused, ConnectionReset};
    if matches!(e.kind(), ConnectionRefused | ConnectionAborted | ConnectionReset) {
        return;
    }
    tracing::error!("accepting a connection failed: {e}");
    tokio::time::sleep(Duration::from_secs(1)).await;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pair(dir: &std::path::Path, cert: &str, key: &str) -> TlsFiles {
        let files = TlsFiles { cert: dir.join("cert.pem"), key: dir.join("key.pem") };
        std::fs::write(&files.cert, cert).expect("cert");
        std::fs::write(&files.key, key).expect("key");
        files
    }

    fn self_signed() -> (String, String) {
        let params = rcgen::CertificateParams::new(vec!["localhost".to_string()]).expect("params");
        let key = rcgen::KeyPair::generate().expect("key");
        (params.self_signed(&key).expect("cert").pem(), key.serialize_pem())
    }

    fn error(files: &TlsFiles) -> String {
        let provider = rustls::crypto::aws_lc_rs::default_provider();
        match read_pair(files, &provider) {
            Ok(_) => panic!("{files:?} loaded"),
            Err(e) => format!("{e:#}"),
        }
    }

    #[test]
    fn a_key_in_sec1_or_pkcs8_pem_loads() {
        let dir = tempfile::tempdir().expect("tempdir");
        let (cert, key) = self_signed();
        let provider = rustls::crypto::aws_lc_rs::default_provider();
        assert!(read_pair(&pair(dir.path(), &cert, &key), &provider).is_ok());
        // The same P-256 key as SEC1 (`EC PRIVATE KEY`), as `openssl ecparam -genkey` writes it.
        use aws_lc_rs::encoding::{AsDer, EcPrivateKeyRfc5915Der};
        let der = PrivateKeyDer::from_pem_slice(key.as_bytes()).expect("pkcs8");
        let ec = aws_lc_rs::signature::EcdsaKeyPair::from_pkcs8(
            &aws_lc_rs::signature::ECDSA_P256_SHA256_ASN1_SIGNING,
            der.secret_der(),
        )
        .expect("p256");
        let sec1: EcPrivateKeyRfc5915Der<'_> = ec.private_key().as_der().expect("sec1");
        let sec1 = pem_block("EC PRIVATE KEY", sec1.as_ref());
        assert!(read_pair(&pair(dir.path(), &cert, &sec1), &provider).is_ok());
    }

    fn pem_block(label: &str, der: &[u8]) -> String {
        use base64::Engine;
        let b64 = base64::engine::general_purpose::STANDARD.encode(der);
        let lines: Vec<&str> = b64.as_bytes().chunks(64).map(|c| std::str::from_utf8(c).unwrap_or_default()).collect();
        format!("-----BEGIN {label}-----\n{}\n-----END {label}-----\n", lines.join("\n"))
    }

    #[test]
    fn each_bad_pair_is_refused_naming_the_variable_and_the_problem() {
        let dir = tempfile::tempdir().expect("tempdir");
        let (cert, key) = self_signed();
        let (_, other_key) = self_signed();
        let e = error(&pair(dir.path(), &cert, &other_key));
        assert!(e.starts_with("CRM_TLS_KEY: the key in") && e.contains("does not match the certificate"), "{e}");
        let e = error(&pair(dir.path(), "", &key));
        assert!(e.starts_with("CRM_TLS_CERT: ") && e.contains("holds no certificate"), "{e}");
        let e = error(&pair(dir.path(), &cert, &cert));
        assert!(e.starts_with("CRM_TLS_KEY: ") && e.contains("holds no private key"), "{e}");
        let missing = TlsFiles { cert: dir.path().join("nope.pem"), key: dir.path().join("key.pem") };
        let e = error(&missing);
        assert!(e.starts_with("CRM_TLS_CERT: cannot read") && e.contains("nope.pem"), "{e}");
        let missing = TlsFiles { cert: dir.path().join("cert.pem"), key: dir.path().join("nope.pem") };
        assert!(error(&missing).starts_with("CRM_TLS_KEY: cannot read"));
    }
}
