//! Connected accounts (credentials sealed at rest, never returned) and the sync status of each
//! source.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use crm_api::integrations::{
    Account, CacheCleared, CachedParams, CachedRecord, ClearParams, Credentials, NewAccount, Origin, RecordType,
    SEARCH_MAX, SearchParams, Source, SourceStatus, SyncStatus, Trigger, WebhookAccepted, WebhookEvent,
};
use crm_api::validate::Validate;
use crm_api::{ListParams, Page};

use super::Entity;
use super::sync::{Syncer, secret_context};
use crate::db::{Row, time_of};
use crate::error::{ApiError, ApiResult};
use crate::store::integrations::{self as store, CacheQuery, Cached, StoredAccount};
use crate::store::records::Actor;

fn account_of(sync: &Syncer, a: &StoredAccount) -> ApiResult<Account> {
    let readable = sync.keys.open(&secret_context(a.user_id, a.source), &a.secret).is_ok();
    Ok(Account {
        id: a.id,
        source: a.source,
        credentials: if readable { Credentials::Stored } else { Credentials::Unreadable },
        sync_interval_minutes: a.sync_interval_minutes,
        webhook_path: (a.source == Source::Brivity)
            .then(|| format!("/api/crm/integrations/webhooks/brivity/{}", a.webhook_token)),
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

/// A page of the cache as the store read it, with the cursor of the next.
fn cached_page(rows: Vec<Cached>, limit: u32) -> ApiResult<Page<CachedRecord>> {
    let next_cursor = (rows.len() == limit as usize)
        .then(|| rows.last().map(|r| encode_cursor(&[r.source.as_str(), &r.kind, &r.external_id])))
        .flatten();
    let data = rows
        .into_iter()
        .map(|r| {
            Ok(CachedRecord {
                source: r.source,
                kind: if r.kind == "deal" { RecordType::Deals } else { RecordType::Contacts },
                external_id: r.external_id,
                local_id: r.local_id,
                removed_at: r.removed_at.map(|t| time_of("removed_at", t)).transpose()?,
                fetched_at: r.fetched_at.map(|t| time_of("fetched_at", t)).transpose()?,
                data: serde_json::from_str(&r.data).unwrap_or(serde_json::Value::Null),
            })
        })
        .collect::<ApiResult<Vec<_>>>()?;
    Ok(Page { data, next_cursor, total: None })
}

fn encode_cursor(parts: &[&str]) -> String {
    URL_SAFE_NO_PAD.encode(serde_json::json!(parts).to_string())
}

fn decode_cursor(cursor: Option<&str>) -> ApiResult<Option<(String, String, String)>> {
    let Some(c) = cursor else { return Ok(None) };
    let bad = || ApiError::bad_param("cursor", "is not a cursor of this list (pass next_cursor as given)");
    let bytes = URL_SAFE_NO_PAD.decode(c.trim()).map_err(|_| bad())?;
    let parts: Vec<String> = serde_json::from_slice(&bytes).map_err(|_| bad())?;
    match <[String; 3]>::try_from(parts) {
        Ok([s, k, e]) => Ok(Some((s, k, e))),
        Err(_) => Err(bad()),
    }
}

fn page_size(limit: Option<u32>) -> ApiResult<u32> {
    let limit = limit.unwrap_or(crm_api::DEFAULT_LIMIT);
    if !(1..=crm_api::MAX_LIMIT).contains(&limit) {
        return Err(ApiError::bad_param("limit", format!("must be 1 to {} (got {limit})", crm_api::MAX_LIMIT)));
    }
    Ok(limit)
}

/// What each source last sent, a page at a time.
pub async fn cached(sync: &Syncer, actor: Actor, p: &CachedParams) -> ApiResult<Page<CachedRecord>> {
    let limit = page_size(p.limit)?;
    let q = CacheQuery {
        source: p.source,
        kind: p.kind.map(RecordType::kind),
        text: None,
        after: decode_cursor(p.cursor.as_deref())?,
        limit,
    };
    let rows = sync.db.read(async |c| store::cached(c, actor, &q).await).await?;
    cached_page(rows, limit)
}

/// The cached records whose JSON holds `q` (any field, any case).
pub async fn search(sync: &Syncer, actor: Actor, p: &SearchParams) -> ApiResult<Page<CachedRecord>> {
    let text = match &p.q {
        None => None,
        Some(q) => {
            let text = q.trim().to_lowercase();
            if text.is_empty() {
                return Err(ApiError::bad_param("q", "must not be blank"));
            }
            if q.chars().count() > SEARCH_MAX || q.chars().any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t')) {
                return Err(ApiError::bad_param(
                    "q",
                    format!("must be at most {SEARCH_MAX} characters, without control characters"),
                ));
            }
            Some(text)
        }
    };
    let limit = page_size(p.limit)?;
    let q = CacheQuery {
        source: None,
        kind: p.kind.map(RecordType::kind),
        text: text.as_deref(),
        after: decode_cursor(p.cursor.as_deref())?,
        limit,
    };
    let rows = sync.db.read(async |c| store::cached(c, actor, &q).await).await?;
    cached_page(rows, limit)
}

/// Drops the cached copies; the next sync compares every record afresh (and writes each
/// field the source fills), and no contact or deal is lost.
pub async fn clear(sync: &Syncer, actor: Actor, p: &ClearParams) -> ApiResult<CacheCleared> {
    let source = p.source;
    let n = sync.db.write(async move |c| store::clear_cache(c, actor, source).await).await?;
    Ok(CacheCleared { cleared: i64::try_from(n).unwrap_or(i64::MAX) })
}

/// A page of the user's contacts or deals (the list's parameters), each with its sources.
pub async fn merged<E: Entity>(
    sync: &Syncer,
    actor: Actor,
    p: &ListParams,
) -> ApiResult<(Page<Row>, Vec<Vec<Origin>>)> {
    let page = super::records::list::<E>(&sync.db, actor, p).await?;
    let ids: Vec<i64> = page.data.iter().filter_map(|r| r.int("id").ok().flatten()).collect();
    let mut found = sync.db.read(async |c| store::origins(c, actor, E::NAME, &ids).await).await?;
    let origins = ids
        .iter()
        .map(|id| {
            found
                .remove(id)
                .unwrap_or_default()
                .into_iter()
                .map(|(source, external_id, removed)| {
                    Ok(Origin {
                        source,
                        external_id,
                        removed_at: removed.map(|t| time_of("removed_at", t)).transpose()?,
                    })
                })
                .collect::<ApiResult<Vec<_>>>()
        })
        .collect::<ApiResult<Vec<_>>>()?;
    Ok((page, origins))
}

/// A webhook delivery to the account whose path holds `token` (404 for any other path):
/// recorded once by its id, and a `new_lead` starts a sync of the account (the person is read
/// again from the source, never taken from the delivery).
pub async fn webhook(sync: &std::sync::Arc<Syncer>, token: &str, event: WebhookEvent) -> ApiResult<WebhookAccepted> {
    event.validate().map_err(ApiError::Validation)?;
    let token = token.to_string();
    let account = sync.db.read(async |c| store::account_by_webhook(c, &token).await).await?;
    let Some(account) = account.filter(|a| a.source == Source::Brivity) else {
        return Err(ApiError::NotFound("no webhook at this path".into()));
    };
    let id = event.id.clone();
    let stored = account.clone();
    let first = sync.db.write(async move |c| store::first_delivery(c, &stored, &id).await).await?;
    if !first || event.event != "new_lead" {
        return Ok(WebhookAccepted { duplicate: !first, run_id: None });
    }
    let actor = Actor { user_id: account.user_id };
    let run_id = match sync.start(actor, &[account.source], Trigger::Webhook, false).await {
        Ok(runs) => runs.first().map(|r| r.id),
        // Already syncing: that run reads the new lead too, or the next one will.
        Err(ApiError::ConflictOn(_)) => None,
        Err(e) => return Err(e),
    };
    Ok(WebhookAccepted { duplicate: false, run_id })
}
