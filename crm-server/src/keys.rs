//! `crm-server keys rotate`: every stored secret sealed again under a new key.
//!
//! With a key file, the new key is generated and written beside it (`<file>.next`) first, the
//! secrets are sealed again in one transaction, and then the new key replaces the old: a
//! server started at any point in between opens every secret (it reads both files). With
//! `CRM_ENCRYPTION_KEY`, the new key comes from `CRM_NEW_ENCRYPTION_KEY`, and the servers
//! are then restarted with it as `CRM_ENCRYPTION_KEY`.

use std::sync::Arc;

use anyhow::{Context, bail};

use crate::Config;
use crate::secrets::{Key, KeySource, Keyring, next_key_file};
use crate::service::sync::secret_context;
use crate::store::integrations as store;

/// What a rotation did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rotated {
    pub resealed: usize,
    /// Secrets no key opens (sealed under a key the server does not have): left as they are.
    pub unreadable: usize,
    pub new_key_id: String,
}

/// Seals every stored secret again under a new key (see the module's documentation).
pub async fn rotate(config: &Config) -> anyhow::Result<Rotated> {
    let (old, new) = match &config.encryption {
        KeySource::Env(text) => {
            let new = std::env::var("CRM_NEW_ENCRYPTION_KEY")
                .ok()
                .filter(|k| !k.trim().is_empty())
                .context("with CRM_ENCRYPTION_KEY set, give the new key as CRM_NEW_ENCRYPTION_KEY")?;
            (Key::parse(text).context("CRM_ENCRYPTION_KEY")?, Key::parse(&new).context("CRM_NEW_ENCRYPTION_KEY")?)
        }
        KeySource::File(path) => {
            // Made now if the server never ran: then there is nothing to seal again, but the
            // rotation still ends with a new key.
            crate::secrets::load(&config.encryption)?;
            let text = std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
            let next = next_key_file(path);
            let new = match std::fs::read_to_string(&next) {
                // A rotation that stopped half-way: finish it with its key.
                Ok(t) => Key::parse(&t).context("the key of an unfinished rotation")?,
                Err(_) => {
                    let k = Key::generate()?;
                    crate::config::write_private(&next, k.encoded().as_bytes())?;
                    k
                }
            };
            (Key::parse(&text)?, new)
        }
    };
    if old.id() == new.id() {
        bail!("the new key is the current one");
    }
    let new_key_id = new.id().to_string();
    let ring = Arc::new(Keyring::new(new).with(old));
    let db = crate::store::open(&config.database_url, 2).await?;
    let sealing = Arc::clone(&ring);
    let result = db
        .write(async move |c| {
            let mut done = (0, 0);
            for a in store::all_accounts(c).await? {
                let context = secret_context(a.user_id, a.source);
                match sealing.open(&context, &a.secret) {
                    Ok(plain) => {
                        if !sealing.is_current(&a.secret) {
                            store::reseal(c, a.id, &sealing.seal(&context, &plain)).await?;
                        }
                        done.0 += 1;
                    }
                    Err(_) => done.1 += 1,
                }
            }
            Ok::<_, crate::error::ApiError>(done)
        })
        .await;
    db.close().await;
    let (resealed, unreadable) = result.map_err(|e| anyhow::anyhow!("sealing the secrets again: {e}"))?;
    if let KeySource::File(path) = &config.encryption {
        std::fs::rename(next_key_file(path), path).with_context(|| format!("replacing {}", path.display()))?;
    }
    Ok(Rotated { resealed, unreadable, new_key_id })
}
