//! Secrets at rest: the credentials of connected accounts, sealed with AES-256-GCM.
//!
//! The key comes from `CRM_ENCRYPTION_KEY` (32 bytes in base64 or hex), else from a key file
//! (`CRM_KEY_FILE`, by default `encryption.key` beside the SQLite database or in `data/`),
//! generated with mode 0600 on first use. A sealed secret reads
//! `v1:<key id>:<base64 of nonce, ciphertext and tag>`: the key id (the first 8 bytes of the
//! key's SHA-256, in hex) says which key it needs, so that a secret sealed under a key the
//! server does not have is told apart from a damaged one. The additional data binds a secret to
//! its owner and place (`user:source`): a sealed value copied to another row does not open.
//!
//! `crm-server keys rotate` seals every secret under a new key: the new key is written beside
//! the old one (`<key file>.next`) first, the secrets are re-sealed in one transaction, and
//! then the new key replaces the old; a server started in between reads both.

use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use aws_lc_rs::aead::{AES_256_GCM, Aad, LessSafeKey, NONCE_LEN, Nonce, UnboundKey};
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use sha2::{Digest, Sha256};

const KEY_LEN: usize = 32;
const VERSION: &str = "v1";

/// One key.
pub struct Key {
    id: String,
    key: LessSafeKey,
    bytes: [u8; KEY_LEN],
}

impl Key {
    /// A key of 32 bytes.
    pub fn from_bytes(bytes: [u8; KEY_LEN]) -> anyhow::Result<Key> {
        let unbound = UnboundKey::new(&AES_256_GCM, &bytes).map_err(|_| anyhow::anyhow!("not an AES-256 key"))?;
        let id = Sha256::digest(bytes).iter().take(8).map(|b| format!("{b:02x}")).collect();
        Ok(Key { id, key: LessSafeKey::new(unbound), bytes })
    }

    /// A new random key.
    pub fn generate() -> anyhow::Result<Key> {
        let mut bytes = [0u8; KEY_LEN];
        rand::fill(&mut bytes);
        Key::from_bytes(bytes)
    }

    /// A key written as base64 or hex (64 digits), as in `CRM_ENCRYPTION_KEY` or a key file.
    pub fn parse(text: &str) -> anyhow::Result<Key> {
        let text = text.trim();
        let bytes = if text.len() == 2 * KEY_LEN && text.chars().all(|c| c.is_ascii_hexdigit()) {
            (0..KEY_LEN).map(|i| u8::from_str_radix(&text[2 * i..2 * i + 2], 16)).collect::<Result<Vec<u8>, _>>()?
        } else {
            STANDARD.decode(text).context("an encryption key is 32 bytes in base64, or 64 hex digits")?
        };
        let bytes: [u8; KEY_LEN] =
            bytes.try_into().map_err(|b: Vec<u8>| anyhow::anyhow!("an encryption key is 32 bytes, not {}", b.len()))?;
        Key::from_bytes(bytes)
    }

    /// The key as a key file holds it (base64).
    pub fn encoded(&self) -> String {
        STANDARD.encode(self.bytes)
    }

    pub fn id(&self) -> &str {
        &self.id
    }
}

/// Why a sealed secret does not open.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OpenError {
    #[error("the secret was sealed under key {0}, which this server does not have")]
    UnknownKey(String),
    #[error("the secret does not open: it is damaged, or not this row's")]
    Damaged,
}

/// The keys of the server: the one it seals with, and any others it can still open with.
pub struct Keyring {
    current: Key,
    others: Vec<Key>,
}

impl std::fmt::Debug for Keyring {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Keyring").field("current", &self.current.id).field("keys", &(1 + self.others.len())).finish()
    }
}

impl Keyring {
    pub fn new(current: Key) -> Keyring {
        Keyring { current, others: Vec::new() }
    }

    /// Also opens secrets sealed under `key`.
    pub fn with(mut self, key: Key) -> Keyring {
        if key.id != self.current.id && self.others.iter().all(|k| k.id != key.id) {
            self.others.push(key);
        }
        self
    }

    pub fn current_id(&self) -> &str {
        &self.current.id
    }

    /// Seals `plain`, bound to `context` (who owns it and where it is kept).
    pub fn seal(&self, context: &str, plain: &str) -> String {
        let mut nonce = [0u8; NONCE_LEN];
        rand::fill(&mut nonce);
        let mut data = plain.as_bytes().to_vec();
        // Sealing only fails for inputs beyond AES-GCM's limit (64 GB).
        if self
            .current
            .key
            .seal_in_place_append_tag(Nonce::assume_unique_for_key(nonce), Aad::from(context.as_bytes()), &mut data)
            .is_err()
        {
            data.clear();
        }
        let mut out = nonce.to_vec();
        out.extend_from_slice(&data);
        format!("{VERSION}:{}:{}", self.current.id, STANDARD.encode(out))
    }

    /// Opens a value of [`Keyring::seal`] with the key it names.
    pub fn open(&self, context: &str, sealed: &str) -> Result<String, OpenError> {
        let mut parts = sealed.splitn(3, ':');
        let (Some(VERSION), Some(id), Some(body)) = (parts.next(), parts.next(), parts.next()) else {
            return Err(OpenError::Damaged);
        };
        let key = std::iter::once(&self.current)
            .chain(&self.others)
            .find(|k| k.id == id)
            .ok_or_else(|| OpenError::UnknownKey(id.to_string()))?;
        let bytes = STANDARD.decode(body).map_err(|_| OpenError::Damaged)?;
        if bytes.len() < NONCE_LEN {
            return Err(OpenError::Damaged);
        }
        let (nonce, rest) = bytes.split_at(NONCE_LEN);
        let nonce = Nonce::try_assume_unique_for_key(nonce).map_err(|_| OpenError::Damaged)?;
        let mut data = rest.to_vec();
        let plain =
            key.key.open_in_place(nonce, Aad::from(context.as_bytes()), &mut data).map_err(|_| OpenError::Damaged)?;
        String::from_utf8(plain.to_vec()).map_err(|_| OpenError::Damaged)
    }

    /// Whether `sealed` is sealed under the current key.
    pub fn is_current(&self, sealed: &str) -> bool {
        sealed.split(':').nth(1) == Some(self.current.id.as_str())
    }
}

/// Where the key comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeySource {
    /// The text of `CRM_ENCRYPTION_KEY`.
    Env(String),
    /// A key file, generated when missing.
    File(PathBuf),
}

/// The key file's path for a database URL when `CRM_KEY_FILE` does not say: beside the SQLite
/// database, or in `data/`.
pub fn default_key_file(database_url: &str) -> PathBuf {
    let beside = database_url
        .strip_prefix("sqlite:")
        .map(|p| p.trim_start_matches("//"))
        .map(|p| p.split('?').next().unwrap_or(p))
        .and_then(|p| Path::new(p).parent().map(Path::to_path_buf));
    beside.unwrap_or_else(|| PathBuf::from(crate::config::DATA_DIR)).join("encryption.key")
}

/// The path of the key that a rotation writes before it replaces the current one.
pub fn next_key_file(path: &Path) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".next");
    PathBuf::from(name)
}

/// Loads the keyring: the key of `source` (generating the key file when missing), and the key
/// a rotation left beside it, if any.
pub fn load(source: &KeySource) -> anyhow::Result<Keyring> {
    match source {
        KeySource::Env(text) => Key::parse(text).map(Keyring::new).context("CRM_ENCRYPTION_KEY"),
        KeySource::File(path) => {
            let current = match std::fs::read_to_string(path) {
                Ok(text) => Key::parse(&text).with_context(|| format!("the key file {}", path.display()))?,
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                    let key = Key::generate()?;
                    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
                        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
                    }
                    crate::config::write_private(path, key.encoded().as_bytes())?;
                    tracing::info!(path = %path.display(), key = key.id(), "generated an encryption key");
                    key
                }
                Err(e) => bail!("reading the key file {}: {e}", path.display()),
            };
            let mut ring = Keyring::new(current);
            if let Ok(text) = std::fs::read_to_string(next_key_file(path)) {
                ring = ring.with(Key::parse(&text).context("the rotation's new key file")?);
            }
            Ok(ring)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sealed_secrets_open_only_with_their_key_and_context() {
        let ring = Keyring::new(Key::generate().expect("key"));
        let sealed = ring.seal("7:brivity", "api-key-123");
        assert!(!sealed.contains("api-key-123"));
        assert_eq!(ring.open("7:brivity", &sealed).as_deref(), Ok("api-key-123"));
        // Another row's, or tampered with: does not open.
        assert_eq!(ring.open("8:brivity", &sealed), Err(OpenError::Damaged));
        let mut tampered = sealed.clone();
        tampered.pop();
        tampered.push(if sealed.ends_with('A') { 'B' } else { 'A' });
        assert_eq!(ring.open("7:brivity", &tampered), Err(OpenError::Damaged));
        // Another key: said so.
        let other = Keyring::new(Key::generate().expect("key"));
        assert!(matches!(other.open("7:brivity", &sealed), Err(OpenError::UnknownKey(_))));
        // A ring that holds both opens it, and seals under its current key.
        let both =
            Keyring::new(Key::generate().expect("key")).with(Key::parse(&ring.current.encoded()).expect("parse"));
        assert_eq!(both.open("7:brivity", &sealed).as_deref(), Ok("api-key-123"));
        assert!(!both.is_current(&sealed));
        assert!(both.is_current(&both.seal("7:brivity", "x")));
    }

    #[test]
    fn keys_parse_from_base64_and_hex() {
        let hex = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
        let a = Key::parse(hex).expect("hex");
        let b = Key::parse(&a.encoded()).expect("base64");
        assert_eq!(a.id(), b.id());
        assert!(Key::parse("too short").is_err());
        assert!(Key::parse(&STANDARD.encode([1u8; 16])).is_err());
    }

    #[test]
    fn the_key_file_sits_beside_the_database() {
        assert_eq!(default_key_file("sqlite:data/crm.db"), PathBuf::from("data/encryption.key"));
        assert_eq!(
            default_key_file("sqlite:/var/lib/crm/crm.db?mode=rwc"),
            PathBuf::from("/var/lib/crm/encryption.key")
        );
        assert_eq!(default_key_file("sqlite:crm.db"), PathBuf::from("encryption.key"));
        assert_eq!(default_key_file("postgres://db/crm"), PathBuf::from("data/encryption.key"));
    }
}
