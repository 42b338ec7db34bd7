//! Configuration from the environment (and an optional `.env` file).

use std::path::PathBuf;

use anyhow::{Context, bail};
use base64::Engine;

/// Where the server runs and what it trusts.
#[derive(Clone)]
pub struct Config {
    /// `sqlite:...` or `postgres://...`.
    pub database_url: String,
    /// HMAC key of the session JWTs.
    pub jwt_secret: Vec<u8>,
    /// Lifetime of a session JWT, in seconds.
    pub jwt_ttl_secs: i64,
    /// Address to listen on.
    pub bind: String,
    /// `production` enforces explicit secrets.
    pub production: bool,
    /// Connections in the pool (read pool on SQLite).
    pub max_connections: u32,
    /// Where the key that seals stored credentials comes from (`crate::secrets`).
    pub encryption: crate::secrets::KeySource,
    /// Where the connectors connect (`BRIVITY_BASE_URL`, `TOPPRODUCER_BASE_URL`), and their
    /// timeout and retries (`CRM_SYNC_TIMEOUT_SECS`, `CRM_SYNC_ATTEMPTS`, `CRM_SYNC_BACKOFF_MS`).
    pub remotes: crate::connectors::Remotes,
    /// Seconds between the sync scheduler's looks for accounts due (`CRM_SYNC_TICK_SECS`,
    /// default 30; 0: no scheduler in this process).
    pub sync_tick_secs: u64,
    /// Seconds a sync run's lease lasts unless renewed (`CRM_SYNC_LEASE_SECS`, default 60):
    /// how long after its server died another may sync the same source.
    pub sync_lease_secs: u64,
    /// Rate limits, requests in flight, request timeout, trusted proxies (`crate::limits`).
    pub limits: crate::limits::LimitsConfig,
    /// Origins browsers may call the API from (`CRM_CORS_ORIGINS`, comma-separated); none:
    /// cross-origin calls are refused.
    pub cors_origins: Vec<axum::http::HeaderValue>,
    /// HTTPS on `bind` with this certificate chain and key (`CRM_TLS_CERT`, `CRM_TLS_KEY`,
    /// both or neither; read again on SIGHUP: `crate::tls`); none: plain HTTP.
    pub tls: Option<crate::tls::TlsFiles>,
    /// Serve `/metrics` on this address alone (`CRM_METRICS_BIND`); none: on `bind`, with the API.
    pub metrics_bind: Option<String>,
}

impl std::fmt::Debug for Config {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Config")
            .field("database_url", &redact_url(&self.database_url))
            .field("jwt_secret", &"<redacted>")
            .field("jwt_ttl_secs", &self.jwt_ttl_secs)
            .field("bind", &self.bind)
            .field("production", &self.production)
            .field("max_connections", &self.max_connections)
            .field(
                "encryption",
                &match &self.encryption {
                    crate::secrets::KeySource::Env(_) => "CRM_ENCRYPTION_KEY".to_string(),
                    crate::secrets::KeySource::File(p) => p.display().to_string(),
                },
            )
            .field("remotes", &self.remotes)
            .field("sync_tick_secs", &self.sync_tick_secs)
            .field("sync_lease_secs", &self.sync_lease_secs)
            .field("limits", &self.limits)
            .field("cors_origins", &self.cors_origins)
            .field("metrics_bind", &self.metrics_bind)
            .field("tls", &self.tls)
            .finish()
    }
}

/// The URL without its password, for logs.
pub fn redact_url(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme_end), Some(at)) if at > scheme_end => {
            let creds = &url[scheme_end + 3..at];
            let user = creds.split(':').next().unwrap_or("");
            format!("{}://{}:***@{}", &url[..scheme_end], user, &url[at + 1..])
        }
        _ => url.to_string(),
    }
}

/// Directory of the embedded database and the generated secret.
pub const DATA_DIR: &str = "data";
/// Shortest `JWT_SECRET` accepted in production.
pub const MIN_SECRET_LEN: usize = 32;

impl Config {
    /// Reads `.env` (when present) and the environment.
    pub fn from_env() -> anyhow::Result<Self> {
        let _ = dotenvy::dotenv();
        let var = |k: &str| std::env::var(k).ok().filter(|v| !v.trim().is_empty());
        let production = matches!(var("CRM_ENV").as_deref(), Some("production" | "prod"));
        let database_url = match var("DATABASE_URL") {
            Some(url) => url,
            None => {
                std::fs::create_dir_all(DATA_DIR).with_context(|| format!("creating {DATA_DIR}/"))?;
                format!("sqlite:{DATA_DIR}/crm.db")
            }
        };
        let jwt_secret = match var("JWT_SECRET") {
            Some(s) if production && s.len() < MIN_SECRET_LEN => {
                bail!("JWT_SECRET is too short for production: use at least {MIN_SECRET_LEN} random characters")
            }
            Some(s) => s.into_bytes(),
            None if production => {
                bail!("CRM_ENV=production needs an explicit JWT_SECRET of at least {MIN_SECRET_LEN} random characters")
            }
            None => dev_secret(&PathBuf::from(DATA_DIR).join("jwt_secret"))?,
        };
        let jwt_ttl_secs = match var("CRM_JWT_TTL") {
            Some(v) => v.parse().ok().filter(|n| *n > 0).context("CRM_JWT_TTL must be a positive number of seconds")?,
            None => 8 * 3600,
        };
        let max_connections = match var("CRM_DB_POOL") {
            Some(v) => v.parse().ok().filter(|n| *n > 0).context("CRM_DB_POOL must be a positive number")?,
            None => 16,
        };
        let encryption = match (var("CRM_ENCRYPTION_KEY"), var("CRM_KEY_FILE")) {
            (Some(key), _) => crate::secrets::KeySource::Env(key),
            (None, Some(path)) => crate::secrets::KeySource::File(PathBuf::from(path)),
            (None, None) => crate::secrets::KeySource::File(crate::secrets::default_key_file(&database_url)),
        };
        let number = |name: &str, default: u64| -> anyhow::Result<u64> {
            match var(name) {
                Some(v) => {
                    v.parse().ok().filter(|n| *n > 0).with_context(|| format!("{name} must be a positive number"))
                }
                None => Ok(default),
            }
        };
        let mut remotes = crate::connectors::Remotes::default();
        if let Some(url) = var("BRIVITY_BASE_URL") {
            remotes.brivity_url = url;
        }
        if let Some(url) = var("TOPPRODUCER_BASE_URL") {
            remotes.topproducer_url = url;
        }
        remotes.retry.timeout = std::time::Duration::from_secs(number("CRM_SYNC_TIMEOUT_SECS", 30)?);
        remotes.retry.attempts = u32::try_from(number("CRM_SYNC_ATTEMPTS", 5)?).unwrap_or(u32::MAX);
        remotes.retry.backoff = std::time::Duration::from_millis(number("CRM_SYNC_BACKOFF_MS", 500)?);
        Ok(Self {
            database_url,
            jwt_secret,
            jwt_ttl_secs,
            bind: var("CRM_BIND").unwrap_or_else(|| "127.0.0.1:3000".into()),
            production,
            max_connections,
            encryption,
            remotes,
            sync_tick_secs: match var("CRM_SYNC_TICK_SECS") {
                Some(v) => v.parse().context("CRM_SYNC_TICK_SECS must be a number of seconds (0: no scheduler)")?,
                None => 30,
            },
            sync_lease_secs: number("CRM_SYNC_LEASE_SECS", 60)?,
            limits: crate::limits::LimitsConfig::from_env(var)?,
            cors_origins: match var("CRM_CORS_ORIGINS") {
                Some(v) => v
                    .split(',')
                    .map(str::trim)
                    .filter(|o| !o.is_empty())
                    .map(|o| {
                        let ok = (o.starts_with("https://") || o.starts_with("http://")) && !o.ends_with('/');
                        anyhow::ensure!(ok, "CRM_CORS_ORIGINS: {o:?} is not an origin like https://crm.example.com");
                        axum::http::HeaderValue::from_str(o).with_context(|| format!("CRM_CORS_ORIGINS: {o:?}"))
                    })
                    .collect::<anyhow::Result<_>>()?,
                None => Vec::new(),
            },
            metrics_bind: var("CRM_METRICS_BIND"),
            tls: match (var("CRM_TLS_CERT"), var("CRM_TLS_KEY")) {
                (Some(cert), Some(key)) => {
                    Some(crate::tls::TlsFiles { cert: PathBuf::from(cert), key: PathBuf::from(key) })
                }
                (None, None) => None,
                (Some(_), None) => {
                    bail!("CRM_TLS_KEY is not set: HTTPS needs CRM_TLS_CERT and CRM_TLS_KEY both (neither: plain HTTP)")
                }
                (None, Some(_)) => {
                    bail!(
                        "CRM_TLS_CERT is not set: HTTPS needs CRM_TLS_CERT and CRM_TLS_KEY both (neither: plain HTTP)"
                    )
                }
            },
        })
    }
}

/// Reads the development JWT secret, generating it (mode 0600) on first start.
fn dev_secret(path: &std::path::Path) -> anyhow::Result<Vec<u8>> {
    if let Ok(s) = std::fs::read_to_string(path) {
        let s = s.trim();
        if s.len() >= MIN_SECRET_LEN {
            return Ok(s.as_bytes().to_vec());
        }
    }
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    }
    let mut bytes = [0u8; 48];
    rand::fill(&mut bytes);
    let secret = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes);
    write_private(path, secret.as_bytes())?;
    tracing::info!(path = %path.display(), "generated a JWT secret for development");
    Ok(secret.into_bytes())
}

/// Writes a file readable by its owner only.
pub fn write_private(path: &std::path::Path, contents: &[u8]) -> anyhow::Result<()> {
    use std::io::Write;
    let mut opts = std::fs::OpenOptions::new();
    opts.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.mode(0o600);
    }
    let mut f = opts.open(path).with_context(|| format!("writing {}", path.display()))?;
    f.write_all(contents)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::redact_url;

    #[test]
    fn redacts_passwords_in_urls() {
        assert_eq!(redact_url("postgres://crm:secret@db:5432/crm"), "postgres://crm:***@db:5432/crm");
        assert_eq!(redact_url("sqlite:data/crm.db"), "sqlite:data/crm.db");
    }
}
