//! The SQL of integrations (migration 0014): connected accounts, sync runs and their lease,
//! where incremental streams left off, and each remote record's local record and cache.

use crm_api::integrations::{RunOutcome, Source, SyncRun, Trigger, Unmapped};

use super::records::Actor;
use crate::db::{Col, Conn, DbError, Row, Shape, SqlValue, now_micros, time_of};
use crate::error::{ApiError, ApiResult};

fn int(v: i64) -> SqlValue {
    SqlValue::Int(Some(v))
}

fn text(v: &str) -> SqlValue {
    SqlValue::Text(Some(v.to_string()))
}

/// A stored account, its secret still sealed.
#[derive(Debug, Clone)]
pub struct StoredAccount {
    pub id: i64,
    pub user_id: i64,
    pub source: Source,
    pub secret: String,
    pub sync_interval_minutes: Option<i64>,
    pub webhook_token: String,
    pub created_at: i64,
    pub updated_at: i64,
}

const ACCOUNT: &Shape = &[
    ("id", Col::Int),
    ("user_id", Col::Int),
    ("source", Col::Text),
    ("secret", Col::Text),
    ("sync_interval_minutes", Col::Int),
    ("webhook_token", Col::Text),
    ("created_at", Col::Int),
    ("updated_at", Col::Int),
];
const ACCOUNT_COLUMNS: &str =
    "id, user_id, source, secret, sync_interval_minutes, webhook_token, created_at, updated_at";

fn source_of(r: &Row) -> Result<Source, DbError> {
    let s = r.req_text("source")?;
    Source::parse(s).ok_or_else(|| DbError::decode("source", format!("{s:?} is no source")))
}

fn account_of(r: &Row) -> Result<StoredAccount, DbError> {
    Ok(StoredAccount {
        id: r.req_int("id")?,
        user_id: r.req_int("user_id")?,
        source: source_of(r)?,
        secret: r.req_text("secret")?.to_string(),
        sync_interval_minutes: r.int("sync_interval_minutes")?,
        webhook_token: r.req_text("webhook_token")?.to_string(),
        created_at: r.req_int("created_at")?,
        updated_at: r.req_int("updated_at")?,
    })
}

/// The user's accounts, by source.
pub async fn accounts<C: Conn>(c: &mut C, actor: Actor) -> ApiResult<Vec<StoredAccount>> {
    let sql = format!("SELECT {ACCOUNT_COLUMNS} FROM integration_accounts WHERE user_id = $1 ORDER BY source");
    let rows = c.fetch(&sql, &[int(actor.user_id)], ACCOUNT).await?;
    Ok(rows.iter().map(account_of).collect::<Result<_, _>>()?)
}

/// The user's account of `source`, if connected.
pub async fn account<C: Conn>(c: &mut C, actor: Actor, source: Source) -> ApiResult<Option<StoredAccount>> {
    let sql = format!("SELECT {ACCOUNT_COLUMNS} FROM integration_accounts WHERE user_id = $1 AND source = $2");
    let row = c.fetch_one(&sql, &[int(actor.user_id), text(source.as_str())], ACCOUNT).await?;
    Ok(row.as_ref().map(account_of).transpose()?)
}

/// Every account of every user (for the scheduler and key rotation).
pub async fn all_accounts<C: Conn>(c: &mut C) -> ApiResult<Vec<StoredAccount>> {
    let sql = format!("SELECT {ACCOUNT_COLUMNS} FROM integration_accounts ORDER BY id");
    let rows = c.fetch(&sql, &[], ACCOUNT).await?;
    Ok(rows.iter().map(account_of).collect::<Result<_, _>>()?)
}

/// Connects `source` for the user, or replaces its credentials and interval.
pub async fn save_account<C: Conn>(
    c: &mut C,
    actor: Actor,
    source: Source,
    secret: &str,
    interval: Option<i64>,
    webhook_token: &str,
) -> ApiResult<StoredAccount> {
    let now = now_micros();
    c.execute(
        "INSERT INTO integration_accounts (user_id, source, secret, sync_interval_minutes, webhook_token, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $6) \
         ON CONFLICT (user_id, source) DO UPDATE SET secret = excluded.secret, \
         sync_interval_minutes = excluded.sync_interval_minutes, updated_at = excluded.updated_at",
        &[int(actor.user_id), text(source.as_str()), text(secret), SqlValue::Int(interval), text(webhook_token), int(now)],
    )
    .await?;
    account(c, actor, source)
        .await?
        .ok_or_else(|| ApiError::Internal(anyhow::anyhow!("the account just saved is not there")))
}

/// Rewrites an account's sealed secret (key rotation).
pub async fn reseal<C: Conn>(c: &mut C, id: i64, secret: &str) -> ApiResult<()> {
    c.execute("UPDATE integration_accounts SET secret = $1 WHERE id = $2", &[text(secret), int(id)]).await?;
    Ok(())
}

/// Disconnects an account; false when the user had none of that id. Its runs, records and the
/// contacts and deals it brought stay.
pub async fn delete_account<C: Conn>(c: &mut C, actor: Actor, id: i64) -> ApiResult<bool> {
    let n = c
        .execute("DELETE FROM integration_accounts WHERE id = $1 AND user_id = $2", &[int(id), int(actor.user_id)])
        .await?;
    Ok(n > 0)
}

/// The account whose webhook path holds `token`.
pub async fn account_by_webhook<C: Conn>(c: &mut C, token: &str) -> ApiResult<Option<StoredAccount>> {
    let sql = format!("SELECT {ACCOUNT_COLUMNS} FROM integration_accounts WHERE webhook_token = $1");
    let row = c.fetch_one(&sql, &[text(token)], ACCOUNT).await?;
    Ok(row.as_ref().map(account_of).transpose()?)
}

const RUN: &Shape = &[
    ("id", Col::Int),
    ("source", Col::Text),
    ("trigger", Col::Text),
    ("outcome", Col::Text),
    ("started_at", Col::Int),
    ("ended_at", Col::Int),
    ("fetched", Col::Int),
    ("created", Col::Int),
    ("updated", Col::Int),
    ("unchanged", Col::Int),
    ("removed", Col::Int),
    ("failed", Col::Int),
    ("errors", Col::Text),
    ("unmapped", Col::Text),
];
const RUN_COLUMNS: &str = "id, source, trigger, outcome, started_at, ended_at, fetched, created, updated, unchanged, removed, failed, errors, unmapped";

fn run_of(r: &Row) -> Result<SyncRun, DbError> {
    let trigger = r.req_text("trigger")?;
    let outcome = r.req_text("outcome")?;
    let json = |name: &str| -> Result<serde_json::Value, DbError> {
        serde_json::from_str(r.req_text(name)?).map_err(|e| DbError::decode(name, e.to_string()))
    };
    let errors: Vec<String> =
        serde_json::from_value(json("errors")?).map_err(|e| DbError::decode("errors", e.to_string()))?;
    let unmapped: Vec<Unmapped> =
        serde_json::from_value(json("unmapped")?).map_err(|e| DbError::decode("unmapped", e.to_string()))?;
    Ok(SyncRun {
        id: r.req_int("id")?,
        source: source_of(r)?,
        trigger: Trigger::parse(trigger).ok_or_else(|| DbError::decode("trigger", trigger.to_string()))?,
        outcome: RunOutcome::parse(outcome).ok_or_else(|| DbError::decode("outcome", outcome.to_string()))?,
        started_at: time_of("started_at", r.req_int("started_at")?)?,
        ended_at: r.int("ended_at")?.map(|t| time_of("ended_at", t)).transpose()?,
        fetched: r.req_int("fetched")?,
        created: r.req_int("created")?,
        updated: r.req_int("updated")?,
        unchanged: r.req_int("unchanged")?,
        removed: r.req_int("removed")?,
        failed: r.req_int("failed")?,
        errors,
        unmapped,
    })
}

/// One run of the user.
pub async fn run<C: Conn>(c: &mut C, actor: Actor, id: i64) -> ApiResult<Option<SyncRun>> {
    let sql = format!("SELECT {RUN_COLUMNS} FROM sync_runs WHERE id = $1 AND user_id = $2");
    let row = c.fetch_one(&sql, &[int(id), int(actor.user_id)], RUN).await?;
    Ok(row.as_ref().map(run_of).transpose()?)
}

/// The user's latest run of `source`, and the end of the latest that succeeded.
pub async fn latest_run<C: Conn>(c: &mut C, actor: Actor, source: Source) -> ApiResult<(Option<SyncRun>, Option<i64>)> {
    let sql =
        format!("SELECT {RUN_COLUMNS} FROM sync_runs WHERE user_id = $1 AND source = $2 ORDER BY id DESC LIMIT 1");
    let binds = [int(actor.user_id), text(source.as_str())];
    let last = c.fetch_one(&sql, &binds, RUN).await?.as_ref().map(run_of).transpose()?;
    let ok = c
        .fetch_one(
            "SELECT MAX(ended_at) AS ended FROM sync_runs WHERE user_id = $1 AND source = $2 AND outcome = 'succeeded'",
            &binds,
            &[("ended", Col::Int)],
        )
        .await?
        .and_then(|r| r.int("ended").ok().flatten());
    Ok((last, ok))
}

/// The counts a run adds as it writes a page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Counts {
    pub fetched: i64,
    pub created: i64,
    pub updated: i64,
    pub unchanged: i64,
    pub removed: i64,
    pub failed: i64,
}

/// Takes the lease of (user, source) for a new run and records the run; `Err` names the run
/// that holds it. A lease whose holder stopped renewing it (a crashed server) is taken over,
/// and its run marked failed. `lease` (microseconds) is how long the lease lasts unless
/// renewed ([`renew`]).
pub async fn start_run<C: Conn>(
    c: &mut C,
    actor: Actor,
    source: Source,
    trigger: Trigger,
    lease: i64,
) -> ApiResult<Result<i64, i64>> {
    let now = now_micros();
    let binds = [int(actor.user_id), text(source.as_str())];
    let held = c
        .fetch_one(
            &format!(
                "SELECT run_id, expires_at FROM sync_leases WHERE user_id = $1 AND source = $2{}",
                c.dialect().for_update()
            ),
            &binds,
            &[("run_id", Col::Int), ("expires_at", Col::Int)],
        )
        .await?;
    if let Some(h) = &held {
        let (run, expires) = (h.req_int("run_id")?, h.req_int("expires_at")?);
        if expires > now {
            return Ok(Err(run));
        }
        let errors = serde_json::json!(["interrupted: the server running it stopped before it ended"]).to_string();
        c.execute(
            "UPDATE sync_runs SET outcome = 'failed', ended_at = $1, errors = $2 WHERE id = $3 AND outcome = 'running'",
            &[int(now), text(&errors), int(run)],
        )
        .await?;
    }
    // Take the lease: a row made now, or one whose holder let it expire. Of two takers at once
    // on PostgreSQL, the second waits for the first's row and then finds it live.
    let taken = c
        .fetch_one(
            "INSERT INTO sync_leases (user_id, source, run_id, expires_at) VALUES ($1, $2, 0, $3) \
             ON CONFLICT (user_id, source) DO UPDATE SET run_id = 0, expires_at = excluded.expires_at \
             WHERE sync_leases.expires_at <= $4 RETURNING run_id",
            &[int(actor.user_id), text(source.as_str()), int(now + lease), int(now)],
            &[("run_id", Col::Int)],
        )
        .await?;
    if taken.is_none() {
        let holder = c
            .fetch_one(
                "SELECT run_id FROM sync_leases WHERE user_id = $1 AND source = $2",
                &binds,
                &[("run_id", Col::Int)],
            )
            .await?
            .map(|r| r.req_int("run_id"))
            .transpose()?;
        return Ok(Err(holder.unwrap_or_default()));
    }
    let id = c
        .fetch_one(
            "INSERT INTO sync_runs (user_id, source, trigger, outcome, started_at) VALUES ($1, $2, $3, 'running', $4) RETURNING id",
            &[int(actor.user_id), text(source.as_str()), text(trigger.as_str()), int(now)],
            &[("id", Col::Int)],
        )
        .await?
        .ok_or_else(|| ApiError::Internal(anyhow::anyhow!("no id for the new run")))?
        .req_int("id")?;
    c.execute(
        "UPDATE sync_leases SET run_id = $1 WHERE user_id = $2 AND source = $3",
        &[int(id), binds[0].clone(), binds[1].clone()],
    )
    .await?;
    Ok(Ok(id))
}

/// Renews the run's lease for `lease` microseconds; false when the run no longer holds it
/// (taken over after it expired): the run must stop.
pub async fn renew<C: Conn>(c: &mut C, actor: Actor, source: Source, run: i64, lease: i64) -> ApiResult<bool> {
    let n = c
        .execute(
            "UPDATE sync_leases SET expires_at = $1 WHERE user_id = $2 AND source = $3 AND run_id = $4",
            &[int(now_micros() + lease), int(actor.user_id), text(source.as_str()), int(run)],
        )
        .await?;
    Ok(n > 0)
}

/// Adds a page's counts to the run.
pub async fn progress<C: Conn>(c: &mut C, run: i64, n: &Counts) -> ApiResult<()> {
    c.execute(
        "UPDATE sync_runs SET fetched = fetched + $1, created = created + $2, updated = updated + $3, \
         unchanged = unchanged + $4, removed = removed + $5, failed = failed + $6 WHERE id = $7",
        &[int(n.fetched), int(n.created), int(n.updated), int(n.unchanged), int(n.removed), int(n.failed), int(run)],
    )
    .await?;
    Ok(())
}

/// Ends a run: its outcome, errors and unmapped values, and frees its lease.
pub async fn finish_run<C: Conn>(
    c: &mut C,
    actor: Actor,
    source: Source,
    run: i64,
    outcome: RunOutcome,
    errors: &[String],
    unmapped: &[Unmapped],
) -> ApiResult<()> {
    let errors = serde_json::to_string(errors).map_err(|e| ApiError::Internal(e.into()))?;
    let unmapped = serde_json::to_string(unmapped).map_err(|e| ApiError::Internal(e.into()))?;
    c.execute(
        "UPDATE sync_runs SET outcome = $1, ended_at = $2, errors = $3, unmapped = $4 WHERE id = $5",
        &[text(outcome.as_str()), int(now_micros()), text(&errors), text(&unmapped), int(run)],
    )
    .await?;
    c.execute(
        "DELETE FROM sync_leases WHERE user_id = $1 AND source = $2 AND run_id = $3",
        &[int(actor.user_id), text(source.as_str()), int(run)],
    )
    .await?;
    Ok(())
}

/// The run holding the lease of (user, source), if it is live.
pub async fn running<C: Conn>(c: &mut C, actor: Actor, source: Source) -> ApiResult<Option<i64>> {
    let row = c
        .fetch_one(
            "SELECT run_id FROM sync_leases WHERE user_id = $1 AND source = $2 AND expires_at > $3",
            &[int(actor.user_id), text(source.as_str()), int(now_micros())],
            &[("run_id", Col::Int)],
        )
        .await?;
    Ok(row.map(|r| r.req_int("run_id")).transpose()?)
}

/// Whether the user has no record of `kind` from `source` at all (before its first sync).
pub async fn knows_none<C: Conn>(c: &mut C, actor: Actor, source: Source, kind: &str) -> ApiResult<bool> {
    let row = c
        .fetch_one(
            "SELECT user_id FROM sync_records WHERE user_id = $1 AND source = $2 AND kind = $3 LIMIT 1",
            &[int(actor.user_id), text(source.as_str()), text(kind)],
            &[("user_id", Col::Int)],
        )
        .await?;
    Ok(row.is_none())
}

/// Where an incremental stream left off.
pub async fn checkpoint<C: Conn>(c: &mut C, actor: Actor, source: Source, stream: &str) -> ApiResult<Option<String>> {
    let row = c
        .fetch_one(
            "SELECT cursor FROM sync_state WHERE user_id = $1 AND source = $2 AND stream = $3",
            &[int(actor.user_id), text(source.as_str()), text(stream)],
            &[("cursor", Col::Text)],
        )
        .await?;
    Ok(row.and_then(|r| r.text("cursor").ok().flatten().map(str::to_string)))
}

pub async fn set_checkpoint<C: Conn>(
    c: &mut C,
    actor: Actor,
    source: Source,
    stream: &str,
    cursor: &str,
) -> ApiResult<()> {
    c.execute(
        "INSERT INTO sync_state (user_id, source, stream, cursor) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (user_id, source, stream) DO UPDATE SET cursor = excluded.cursor",
        &[int(actor.user_id), text(source.as_str()), text(stream), text(cursor)],
    )
    .await?;
    Ok(())
}

/// What is known of a remote record: its local record (null when that was deleted here) and
/// the hash of the cache (null after it was cleared).
#[derive(Debug, Clone)]
pub struct Known {
    pub local_id: Option<i64>,
    /// Whether a local record was linked and has since been deleted here.
    pub deleted_here: bool,
    pub hash: Option<String>,
    pub removed: bool,
}

/// The records of one kind that a user's source sends, and the table of their local records.
#[derive(Debug, Clone, Copy)]
pub struct Synced<'a> {
    pub actor: Actor,
    pub source: Source,
    pub kind: &'a str,
    pub table: &'a str,
}

/// The known records of these external ids, by external id.
pub async fn known<C: Conn>(
    c: &mut C,
    of: Synced<'_>,
    ids: &[&str],
) -> ApiResult<std::collections::HashMap<String, Known>> {
    const SHAPE: &Shape = &[
        ("external_id", Col::Text),
        ("live", Col::Int),
        ("local_id", Col::Int),
        ("hash", Col::Text),
        ("removed_at", Col::Int),
    ];
    let rows = of_external_ids(c, of, ids, ", r.local_id, r.hash, r.removed_at", SHAPE).await?;
    by_external_id(rows, |r| {
        let live = r.int("live")?;
        Ok(Some(Known {
            local_id: live,
            deleted_here: r.int("local_id")?.is_some() && live.is_none(),
            hash: r.text("hash")?.map(str::to_string),
            removed: r.int("removed_at")?.is_some(),
        }))
    })
}

/// What the source last sent of these records (those whose cache was not cleared), by
/// external id: read only for the records that changed, a few in a re-sync.
pub async fn sent_before<C: Conn>(
    c: &mut C,
    of: Synced<'_>,
    ids: &[&str],
) -> ApiResult<std::collections::HashMap<String, String>> {
    const SHAPE: &Shape = &[("external_id", Col::Text), ("live", Col::Int), ("data", Col::Text)];
    let rows = of_external_ids(c, of, ids, ", r.data", SHAPE).await?;
    by_external_id(rows, |r| Ok(r.text("data")?.map(str::to_string)))
}

/// The live local records of these external ids, by external id.
pub async fn local_ids<C: Conn>(
    c: &mut C,
    of: Synced<'_>,
    ids: &[&str],
) -> ApiResult<std::collections::HashMap<String, i64>> {
    const SHAPE: &Shape = &[("external_id", Col::Text), ("live", Col::Int)];
    let rows = of_external_ids(c, of, ids, "", SHAPE).await?;
    by_external_id(rows, |r| r.int("live"))
}

/// Each row's `value` (none: the row is left out), by the row's external id.
fn by_external_id<T>(
    rows: Vec<Row>,
    value: impl Fn(&Row) -> Result<Option<T>, DbError>,
) -> ApiResult<std::collections::HashMap<String, T>> {
    let mut out = std::collections::HashMap::with_capacity(rows.len());
    for r in &rows {
        if let Some(v) = value(r)? {
            out.insert(r.req_text("external_id")?.to_string(), v);
        }
    }
    Ok(out)
}

/// The cache rows `r` of these external ids (each once): `external_id`, `live` (the id of
/// their local record while it is the user's and not deleted), then the columns
/// `more` names; a few hundred ids a statement.
async fn of_external_ids<C: Conn>(
    c: &mut C,
    of: Synced<'_>,
    ids: &[&str],
    more: &str,
    shape: &'static Shape,
) -> ApiResult<Vec<Row>> {
    let Synced { actor, source, kind, table } = of;
    let ids: Vec<&str> = ids.iter().copied().collect::<std::collections::BTreeSet<_>>().into_iter().collect();
    let mut rows = Vec::new();
    for chunk in ids.chunks(500) {
        let mut binds = vec![int(actor.user_id), text(source.as_str()), text(kind)];
        let list: Vec<String> = chunk
            .iter()
            .map(|id| {
                binds.push(text(id));
                format!("${}", binds.len())
            })
            .collect();
        // The local record is joined on its id alone (its owner and deletion are tested after):
        // while a sync fills the tables, PostgreSQL's statistics can still call them nearly
        // empty, and with the owner in the join it read every contact of the user through
        // another index for each cache row (most of a first sync's time on its deals).
        let sql = format!(
            "SELECT r.external_id, CASE WHEN t.user_id = r.user_id AND t.deleted_at IS NULL THEN t.id END AS live{more} \
             FROM sync_records r LEFT JOIN {table} t ON t.id = r.local_id \
             WHERE r.user_id = $1 AND r.source = $2 AND r.kind = $3 AND r.external_id IN ({})",
            list.join(", ")
        );
        rows.extend(c.fetch(&sql, &binds, shape).await?);
    }
    Ok(rows)
}

/// What the source sent of one record, to remember: its local record (none: keep the one
/// known), content hash, JSON, and whether the source removed it.
#[derive(Debug, Clone)]
pub struct Remembered {
    pub external_id: String,
    pub local_id: Option<i64>,
    pub hash: String,
    pub data: String,
    pub removed: bool,
}

/// Records what the source sent of these records of one kind, a few hundred a statement.
/// `fresh`: none of them has been recorded before (plain inserts, which cost PostgreSQL a
/// third less than inserts that may meet a row of the same key).
pub async fn remember<C: Conn>(
    c: &mut C,
    actor: Actor,
    source: Source,
    kind: &str,
    mut records: Vec<Remembered>,
    fresh: bool,
) -> ApiResult<()> {
    let now = now_micros();
    // In one order for every writer: two pages written at once that share a record wait for
    // each other rather than deadlock.
    records.sort_unstable_by(|a, b| a.external_id.cmp(&b.external_id));
    for chunk in records.chunks(500) {
        let rows = chunk
            .iter()
            .map(|r| {
                vec![
                    int(actor.user_id),
                    text(source.as_str()),
                    text(kind),
                    text(&r.external_id),
                    SqlValue::Int(r.local_id),
                    SqlValue::Int(r.removed.then_some(now)),
                    text(&r.hash),
                    text(&r.data),
                    int(now),
                ]
            })
            .collect();
        let (sql, binds) = crate::db::insert_rows(
            c.dialect(),
            "INSERT INTO sync_records (user_id, source, kind, external_id, local_id, removed_at, hash, data, fetched_at)",
            rows,
            if fresh {
                ""
            } else {
                "ON CONFLICT (user_id, source, kind, external_id) DO UPDATE SET \
                 local_id = COALESCE(excluded.local_id, sync_records.local_id), removed_at = excluded.removed_at, \
                 hash = excluded.hash, data = excluded.data, fetched_at = excluded.fetched_at"
            },
        )?;
        c.execute(&sql, &binds).await?;
    }
    Ok(())
}

/// Marks removed every record of the kind that the complete snapshot `seen` left out; returns
/// how many.
pub async fn mark_absent<C: Conn>(
    c: &mut C,
    actor: Actor,
    source: Source,
    kind: &str,
    seen: &std::collections::HashSet<String>,
) -> ApiResult<i64> {
    let rows = c
        .fetch(
            "SELECT external_id FROM sync_records WHERE user_id = $1 AND source = $2 AND kind = $3 AND removed_at IS NULL",
            &[int(actor.user_id), text(source.as_str()), text(kind)],
            &[("external_id", Col::Text)],
        )
        .await?;
    let now = now_micros();
    let mut n = 0;
    for r in rows {
        let id = r.req_text("external_id")?;
        if !seen.contains(id) {
            c.execute(
                "UPDATE sync_records SET removed_at = $1 WHERE user_id = $2 AND source = $3 AND kind = $4 AND external_id = $5",
                &[int(now), int(actor.user_id), text(source.as_str()), text(kind), text(id)],
            )
            .await?;
            n += 1;
        }
    }
    Ok(n)
}

/// Contacts and deals linked to records of the source.
pub async fn linked<C: Conn>(c: &mut C, actor: Actor, source: Source) -> ApiResult<(i64, i64)> {
    let rows = c
        .fetch(
            "SELECT kind, COUNT(*) AS n FROM sync_records WHERE user_id = $1 AND source = $2 AND local_id IS NOT NULL GROUP BY kind",
            &[int(actor.user_id), text(source.as_str())],
            &[("kind", Col::Text), ("n", Col::Int)],
        )
        .await?;
    let mut out = (0, 0);
    for r in rows {
        match r.req_text("kind")? {
            "contact" => out.0 = r.req_int("n")?,
            "deal" => out.1 = r.req_int("n")?,
            _ => {}
        }
    }
    Ok(out)
}

/// A cached record, as the store reads it.
#[derive(Debug, Clone)]
pub struct Cached {
    pub source: Source,
    pub kind: String,
    pub external_id: String,
    pub local_id: Option<i64>,
    pub removed_at: Option<i64>,
    pub fetched_at: Option<i64>,
    pub data: String,
}

/// What a page of the cache covers.
#[derive(Debug, Clone, Default)]
pub struct CacheQuery<'a> {
    pub source: Option<Source>,
    pub kind: Option<&'a str>,
    /// Lower-cased text the record's JSON holds.
    pub text: Option<&'a str>,
    /// After this (source, kind, external id).
    pub after: Option<(String, String, String)>,
    pub limit: u32,
}

/// The user's cached records (cleared ones aside), in (source, kind, external id) order.
pub async fn cached<C: Conn>(c: &mut C, actor: Actor, q: &CacheQuery<'_>) -> ApiResult<Vec<Cached>> {
    const SHAPE: &Shape = &[
        ("source", Col::Text),
        ("kind", Col::Text),
        ("external_id", Col::Text),
        ("local_id", Col::Int),
        ("removed_at", Col::Int),
        ("fetched_at", Col::Int),
        ("data", Col::Text),
    ];
    let mut binds = vec![int(actor.user_id)];
    let mut sql = String::from(
        "SELECT source, kind, external_id, local_id, removed_at, fetched_at, data FROM sync_records \
         WHERE user_id = $1 AND data IS NOT NULL",
    );
    let bind = |v: SqlValue, binds: &mut Vec<SqlValue>| {
        binds.push(v);
        format!("${}", binds.len())
    };
    if let Some(s) = q.source {
        sql += &format!(" AND source = {}", bind(text(s.as_str()), &mut binds));
    }
    if let Some(k) = q.kind {
        sql += &format!(" AND kind = {}", bind(text(k), &mut binds));
    }
    if let Some(t) = q.text {
        let escaped = t.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_");
        sql += &format!(" AND lower(data) LIKE {} ESCAPE '\\'", bind(text(&format!("%{escaped}%")), &mut binds));
    }
    if let Some((s, k, e)) = &q.after {
        let (s, k, e) = (bind(text(s), &mut binds), bind(text(k), &mut binds), bind(text(e), &mut binds));
        sql += &format!(" AND (source, kind, external_id) > ({s}, {k}, {e})");
    }
    sql += &format!(" ORDER BY source, kind, external_id LIMIT {}", q.limit);
    let rows = c.fetch(&sql, &binds, SHAPE).await?;
    rows.iter()
        .map(|r| {
            Ok(Cached {
                source: source_of(r)?,
                kind: r.req_text("kind")?.to_string(),
                external_id: r.req_text("external_id")?.to_string(),
                local_id: r.int("local_id")?,
                removed_at: r.int("removed_at")?,
                fetched_at: r.int("fetched_at")?,
                data: r.req_text("data")?.to_string(),
            })
        })
        .collect::<Result<_, DbError>>()
        .map_err(Into::into)
}

/// Drops the cached copies (hash and data) of the user's records, of one source or all; their
/// links to contacts and deals stay. Returns how many.
pub async fn clear_cache<C: Conn>(c: &mut C, actor: Actor, source: Option<Source>) -> ApiResult<u64> {
    let mut binds = vec![int(actor.user_id)];
    let mut sql = String::from(
        "UPDATE sync_records SET hash = NULL, data = NULL, fetched_at = NULL WHERE user_id = $1 AND data IS NOT NULL",
    );
    if let Some(s) = source {
        binds.push(text(s.as_str()));
        sql += " AND source = $2";
    }
    Ok(c.execute(&sql, &binds).await?)
}

/// Where each of these local records comes from: (source, external id, removed at), by local id.
pub async fn origins<C: Conn>(
    c: &mut C,
    actor: Actor,
    kind: &str,
    ids: &[i64],
) -> ApiResult<std::collections::HashMap<i64, Vec<(Source, String, Option<i64>)>>> {
    const SHAPE: &Shape =
        &[("local_id", Col::Int), ("source", Col::Text), ("external_id", Col::Text), ("removed_at", Col::Int)];
    let mut out: std::collections::HashMap<i64, Vec<_>> = std::collections::HashMap::new();
    if ids.is_empty() {
        return Ok(out);
    }
    let mut binds = vec![int(actor.user_id), text(kind)];
    let list: Vec<String> = ids
        .iter()
        .map(|id| {
            binds.push(int(*id));
            format!("${}", binds.len())
        })
        .collect();
    let sql = format!(
        "SELECT local_id, source, external_id, removed_at FROM sync_records \
         WHERE user_id = $1 AND kind = $2 AND local_id IN ({}) ORDER BY source, external_id",
        list.join(", ")
    );
    for r in c.fetch(&sql, &binds, SHAPE).await? {
        out.entry(r.req_int("local_id")?).or_default().push((
            source_of(&r)?,
            r.req_text("external_id")?.to_string(),
            r.int("removed_at")?,
        ));
    }
    Ok(out)
}

/// Records a webhook event of the account's user; false when it was received before.
pub async fn first_delivery<C: Conn>(c: &mut C, account: &StoredAccount, event_id: &str) -> ApiResult<bool> {
    let n = c
        .execute(
            "INSERT INTO webhook_events (user_id, source, event_id, received_at) VALUES ($1, $2, $3, $4) \
             ON CONFLICT (user_id, source, event_id) DO NOTHING",
            &[int(account.user_id), text(account.source.as_str()), text(event_id), int(now_micros())],
        )
        .await?;
    Ok(n > 0)
}

/// Accounts synced on a schedule, with when their latest run started (or, before any, when
/// they were connected).
pub async fn scheduled<C: Conn>(c: &mut C) -> ApiResult<Vec<(StoredAccount, i64)>> {
    let sql = format!(
        "SELECT {ACCOUNT_COLUMNS} FROM integration_accounts WHERE sync_interval_minutes IS NOT NULL ORDER BY id"
    );
    let accounts: Vec<StoredAccount> =
        c.fetch(&sql, &[], ACCOUNT).await?.iter().map(account_of).collect::<Result<_, DbError>>()?;
    let mut latest = std::collections::HashMap::new();
    let rows = c
        .fetch(
            // The latest run of each scheduled account: one probe of the runs' index each.
            "SELECT a.user_id, a.source, (SELECT r.started_at FROM sync_runs r WHERE r.user_id = a.user_id \
             AND r.source = a.source ORDER BY r.id DESC LIMIT 1) AS last \
             FROM integration_accounts a WHERE a.sync_interval_minutes IS NOT NULL",
            &[],
            &[("user_id", Col::Int), ("source", Col::Text), ("last", Col::Int)],
        )
        .await?;
    for r in rows {
        if let Some(last) = r.int("last")? {
            latest.insert((r.req_int("user_id")?, r.req_text("source")?.to_string()), last);
        }
    }
    Ok(accounts
        .into_iter()
        .map(|a| {
            let last = latest.get(&(a.user_id, a.source.as_str().to_string())).copied().unwrap_or(a.created_at);
            (a, last)
        })
        .collect())
}
