//! Long-lived API tokens: `crm_` + 43 random URL-safe characters, stored as SHA-256.

use base64::Engine;
use sha2::{Digest, Sha256};

pub const PREFIX: &str = "crm_";

/// A new secret and its display prefix.
pub fn generate() -> (String, String) {
    let mut bytes = [0u8; 32];
    rand::fill(&mut bytes);
    let secret = format!("{PREFIX}{}", base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes));
    let prefix = secret.chars().take(PREFIX.len() + 6).collect();
    (secret, prefix)
}

/// The stored form of a secret.
pub fn digest(secret: &str) -> String {
    let d = Sha256::digest(secret.as_bytes());
    d.iter().map(|b| format!("{b:02x}")).collect()
}
