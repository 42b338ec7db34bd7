//! Profiles: a server and a token under a name, kept in `config.toml` in the user's
//! configuration directory (`CRM_CONFIG_DIR` overrides it). The file holds tokens, so it is
//! written with mode 0600.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::exit::{CliError, Result};

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
        .ok_or_else(|| CliError::failure("no configuration directory is known here; set CRM_CONFIG_DIR"))
}

pub fn path() -> Result<PathBuf> {
    Ok(dir()?.join("config.toml"))
}

impl Config {
    /// Reads the configuration; a missing file is an empty configuration.
    pub fn load() -> Result<Config> {
        let path = path()?;
        match std::fs::read_to_string(&path) {
            Ok(text) => {
                toml::from_str(&text).map_err(|e| CliError::failure(format!("{}: {}", path.display(), e.message())))
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Config::default()),
            Err(e) => Err(CliError::failure(format!("reading {}: {e}", path.display()))),
        }
    }

    /// Writes the configuration atomically, readable by its owner only.
    pub fn save(&self) -> Result<PathBuf> {
        let path = path()?;
        let dir = path.parent().unwrap_or(Path::new("."));
        std::fs::create_dir_all(dir).map_err(|e| CliError::failure(format!("creating {}: {e}", dir.display())))?;
        let text = toml::to_string_pretty(self).map_err(|e| CliError::failure(e.to_string()))?;
        let tmp = dir.join(".config.toml.tmp");
        write_private(&tmp, text.as_bytes())
            .map_err(|e| CliError::failure(format!("writing {}: {e}", tmp.display())))?;
        std::fs::rename(&tmp, &path).map_err(|e| CliError::failure(format!("writing {}: {e}", path.display())))?;
        Ok(path)
    }

    /// The name of the profile in use.
    pub fn profile_name(&self, flag: Option<&str>) -> String {
        flag.map(str::to_string).or_else(|| self.default_profile.clone()).unwrap_or_else(|| DEFAULT_PROFILE.to_string())
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
