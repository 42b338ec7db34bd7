//! Connected accounts (credentials sealed at rest, never returned) and the sync status of each
//! source.

use crm_api::integrations::{Account, Credentials, NewAccount, Source, SourceStatus, SyncStatus};
use crm_api::validate::Validate;

use super::sync::{Syncer, secret_context};
use crate::db::time_of;
use crate::error::{ApiError, ApiResult};
use crate::store::integrations::{self as store, StoredAccount};
use crate::store::records::Actor;

fn account_of(sync: &Syncer, a: &StoredAccount) -> ApiResult<Account> {
    let readable = sync.keys.open(&secret_context(a.user_id, a.source), &a.secret).is_ok();
    Ok(Account {
        id: a.id,
        source: a.source,
        credentials: if readable { Credentials::Stored } else { Credentials::Unreadable },
        sync_interval_minutes: a.sync_interval_minutes,
        created_at: time_of("created_at", a.created_at)?,
        updated_at: time_of("updated_at", a.updated_at)?,
    })
}

/// Connects a source (or replaces its credentials).
pub async fn connect(sync: &Syncer, actor: Actor, new: NewAccount) -> ApiResult<Account> {
    new.validate().map_err(ApiError::Validation)?;
    let source = new.source();
    let plain = match &new {
        NewAccount::Brivity(c) => serde_json::json!({ "api_key": c.api_key }),
        NewAccount::TopProducer(c) => serde_json::json!({ "client_id": c.client_id, "client_secret": c.client_secret }),
    };
    let sealed = sync.keys.seal(&secret_context(actor.user_id, source), &plain.to_string());
    let interval = new.sync_interval_minutes();
    let mut token = [0u8; 24];
    rand::fill(&mut token);
    let token: String = token.iter().map(|b| format!("{b:02x}")).collect();
    let stored =
        sync.db.write(async move |c| store::save_account(c, actor, source, &sealed, interval, &token).await).await?;
    account_of(sync, &stored)
}

pub async fn list(sync: &Syncer, actor: Actor) -> ApiResult<Vec<Account>> {
    let stored = sync.db.read(async |c| store::accounts(c, actor).await).await?;
    stored.iter().map(|a| account_of(sync, a)).collect()
}

/// Disconnects an account (404 when the user has none of that id).
pub async fn disconnect(sync: &Syncer, actor: Actor, id: i64) -> ApiResult<()> {
    if sync.db.write(async move |c| store::delete_account(c, actor, id).await).await? {
        Ok(())
    } else {
        Err(ApiError::NotFound(format!("no integration account with id {id}")))
    }
}

/// Every source, connected or not, with its latest run.
pub async fn status(sync: &Syncer, actor: Actor) -> ApiResult<SyncStatus> {
    let accounts = list(sync, actor).await?;
    let mut sources = Vec::new();
    for source in Source::ALL.iter().copied() {
        let account = accounts.iter().find(|a| a.source == source);
        let (running, (last_run, ok), (contacts, deals)) = sync
            .db
            .read(async |c| {
                Ok::<_, ApiError>((
                    store::running(c, actor, source).await?,
                    store::latest_run(c, actor, source).await?,
                    store::linked(c, actor, source).await?,
                ))
            })
            .await?;
        sources.push(SourceStatus {
            source,
            connected: account.is_some(),
            credentials: account.map(|a| a.credentials),
            sync_interval_minutes: account.and_then(|a| a.sync_interval_minutes),
            running,
            last_run,
            last_success_at: ok.map(|t| time_of("ended_at", t)).transpose()?,
            contacts,
            deals,
        });
    }
    Ok(SyncStatus { sources })
}
