//! Profiles: a server and a token under a name, kept in `config.toml` in the user's
//! configuration directory (`CRM_CONFIG_DIR` overrides it), shared by the `crm` CLI and
//! `crm-tui` (`crm login` once, then both just work). The file holds tokens, so it is written
//! with mode 0600.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// A configuration that cannot be read or written, in words for a person.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct ConfigError(pub String);

pub type Result<T> = std::result::Result<T, ConfigError>;

fn failure(message: impl Into<String>) -> ConfigError {
    ConfigError(message.into())
}

pub const DEFAULT_SERVER: &str = "http://127.0.0.1:3000";
pub const DEFAULT_PROFILE: &str = "default";

#[derive(Debug, Default, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// The profile used when neither `--profile` nor `CRM_PROFILE` names one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_profile: Option<String>,
    #[serde(default)]
    pub profiles: BTreeMap<String, Profile>,
}

#[derive(Debug, Default, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub server: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub token: Option<String>,
    /// The account the token belongs to, for display.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
}

/// The configuration directory: `CRM_CONFIG_DIR`, else `<user config dir>/crm`.
pub fn dir() -> Result<PathBuf> {
    if let Some(d) = std::env::var_os("CRM_CONFIG_DIR").filter(|d| !d.is_empty()) {
        return Ok(PathBuf::from(d));
    }
    dirs::config_dir()
        .map(|d| d.join("crm"))
        .ok_or_else(|| failure("no configuration directory is known here; set CRM_CONFIG_DIR"))
}

pub fn path() -> Result<PathBuf> {
    Ok(dir()?.join("config.toml"))
}

impl Config {
    /// Reads the configuration; a missing file is an empty configuration.
    pub fn load() -> Result<Config> {
        let path = path()?;
        match std::fs::read_to_string(&path) {
            Ok(text) => toml::from_str(&text).map_err(|e| failure(format!("{}: {}", path.display(), e.message()))),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Config::default()),
            Err(e) => Err(failure(format!("reading {}: {e}", path.display()))),
        }
    }

    /// Writes the configuration atomically, readable by its owner only.
    pub fn save(&self) -> Result<PathBuf> {
        let path = path()?;
        let dir = path.parent().unwrap_or(Path::new("."));
        std::fs::create_dir_all(dir).map_err(|e| failure(format!("creating {}: {e}", dir.display())))?;
        let text = toml::to_string_pretty(self).map_err(|e| failure(e.to_string()))?;
        let tmp = dir.join(".config.toml.tmp");
        write_private(&tmp, text.as_bytes()).map_err(|e| failure(format!("writing {}: {e}", tmp.display())))?;
        std::fs::rename(&tmp, &path).map_err(|e| failure(format!("writing {}: {e}", path.display())))?;
        Ok(path)
    }

    /// The name of the profile in use.
    pub fn profile_name(&self, flag: Option<&str>) -> String {
        flag.map(str::to_string).or_else(|| self.default_profile.clone()).unwrap_or_else(|| DEFAULT_PROFILE.to_string())
    }
}

/// Where to connect and as whom: the flag (or its environment variable) first, then the
/// profile, then the default server.
#[derive(Debug, Clone)]
pub struct Connection {
    pub server: String,
    pub token: Option<String>,
    /// The profile in use.
    pub profile: String,
}

impl Config {
    /// The connection of the profile `profile` (else the default one), overridden by `server`
    /// and `token` where given; an empty token is none.
    pub fn connection(&self, server: Option<&str>, token: Option<&str>, profile: Option<&str>) -> Result<Connection> {
        let profile = self.profile_name(profile);
        let stored = self.profiles.get(&profile).cloned().unwrap_or_default();
        let server = server.map(str::to_string).or(stored.server).unwrap_or_else(|| DEFAULT_SERVER.to_string());
        if !(server.starts_with("http://") || server.starts_with("https://")) {
            return Err(failure(format!("--server: {server:?} is not an http:// or https:// URL")));
        }
        let token = token.filter(|t| !t.is_empty()).map(str::to_string).or(stored.token);
        Ok(Connection { server, token, profile })
    }
}

#[cfg(unix)]
fn write_private(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
    let mut f = std::fs::OpenOptions::new().write(true).create(true).truncate(true).mode(0o600).open(path)?;
    // The mode only applies to new files.
    f.set_permissions(std::fs::Permissions::from_mode(0o600))?;
    f.write_all(bytes)?;
    f.sync_all()
}

#[cfg(not(unix))]
fn write_private(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    std::fs::write(path, bytes)
}
