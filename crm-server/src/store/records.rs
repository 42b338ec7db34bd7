//! Create, read, update, soft-delete and restore of any entity described by a [`Spec`], with
//! link checks, the audit row and the deal stage history written in the same transaction.

use serde_json::{Map, Value as Json};

use super::audit::{self, Action};
use super::spec::{Field, Kind, Spec, to_json};
use super::stages::{self, Hidden, Placement, UserStages};
use super::sums::{self, Sums};
use crate::db::{Col, Conn, Row, SqlValue, now_micros};
use crate::error::{ApiError, ApiResult};
use crm_api::time::format_micros;

/// A record as JSON, keyed by column name.
pub type Record = Map<String, Json>;

/// Who is acting.
#[derive(Debug, Clone, Copy)]
pub struct Actor {
    pub user_id: i64,
}

/// Column values to write, in spec order.
pub type Values = Vec<(&'static Field, SqlValue)>;

/// A row read by [`Spec::columns`] (in field order) as a record.
pub fn to_record(spec: &Spec, row: &Row) -> Record {
    spec.fields.iter().zip(row.values()).map(|(f, v)| (f.name.to_string(), to_json(f, v))).collect()
}

/// The writable columns a typed request body sets, converted to SQL values.
pub fn values_of<T: serde::Serialize>(spec: &'static Spec, body: &T) -> ApiResult<Values> {
    values_from_body(spec, &serde_json::to_value(body).map_err(anyhow::Error::from)?)
}

/// The writable columns present in a serialized request body, converted to SQL values.
pub fn values_from_body(spec: &'static Spec, body: &Json) -> ApiResult<Values> {
    let Json::Object(map) = body else {
        return Err(ApiError::Internal(anyhow::anyhow!("request body did not serialize to an object")));
    };
    let mut errors = Vec::new();
    let mut values = Values::new();
    for field in spec.fields.iter().filter(|f| f.writable || f.on_create) {
        if let Some(v) = map.get(field.name) {
            match super::spec::to_sql(field, v) {
                Ok(sql) => values.push((field, sql)),
                Err(msg) => errors.push(crm_api::FieldError::new(field.name, msg)),
            }
        }
    }
    if errors.is_empty() { Ok(values) } else { Err(ApiError::Validation(errors)) }
}

fn id_of(rec: &Record) -> i64 {
    rec.get("id").and_then(Json::as_i64).unwrap_or_default()
}

pub fn version_of(rec: &Record) -> i64 {
    rec.get("version").and_then(Json::as_i64).unwrap_or_default()
}

async fn select<C: Conn>(
    c: &mut C,
    spec: &'static Spec,
    user: i64,
    id: i64,
    deleted: bool,
    lock: bool,
) -> ApiResult<Option<Record>> {
    Ok(select_row(c, spec, user, id, deleted, lock).await?.map(|r| to_record(spec, &r)))
}

async fn select_row<C: Conn>(
    c: &mut C,
    spec: &'static Spec,
    user: i64,
    id: i64,
    deleted: bool,
    lock: bool,
) -> ApiResult<Option<Row>> {
    let sql = format!(
        "SELECT {} FROM {} WHERE id = $1 AND user_id = $2 AND deleted_at IS {}NULL{}",
        spec.columns(),
        spec.table,
        if deleted { "NOT " } else { "" },
        if lock { c.dialect().for_update() } else { "" },
    );
    Ok(c.fetch_one(&sql, &[SqlValue::Int(Some(id)), SqlValue::Int(Some(user))], spec.shape()).await?)
}

/// A live record of the user, as read.
pub async fn get_row<C: Conn>(c: &mut C, spec: &'static Spec, actor: Actor, id: i64) -> ApiResult<Row> {
    select_row(c, spec, actor.user_id, id, false, false).await?.ok_or_else(|| ApiError::not_found(spec.entity))
}

/// A live record of the user.
pub async fn get<C: Conn>(c: &mut C, spec: &'static Spec, actor: Actor, id: i64) -> ApiResult<Record> {
    select(c, spec, actor.user_id, id, false, false).await?.ok_or_else(|| ApiError::not_found(spec.entity))
}

/// Checks that every link being set points at a live record of the same user.
async fn check_links<C: Conn>(c: &mut C, actor: Actor, values: &Values) -> ApiResult<()> {
    let mut errors = Vec::new();
    for (field, v) in values {
        if let (Kind::Link(target), SqlValue::Int(Some(id))) = (field.kind, v) {
            let sql = format!("SELECT id FROM {target} WHERE id = $1 AND user_id = $2 AND deleted_at IS NULL");
            let binds = [SqlValue::Int(Some(*id)), SqlValue::Int(Some(actor.user_id))];
            let found = c.fetch_one(&sql, &binds, &[("id", Col::Int)]).await?;
            if found.is_none() {
                errors.push(crm_api::FieldError::new(
                    field.name,
                    format!("no {} with id {id}", super::spec::entity_of(target)),
                ));
            }
        }
    }
    if errors.is_empty() { Ok(()) } else { Err(ApiError::LinkNotFound(errors)) }
}

/// Values the server derives from others: an activity's `completed_at` follows `completed`.
fn derive(spec: &'static Spec, before: Option<&Record>, values: &mut Values, now: i64) {
    if !spec.hooks.completion_time {
        return;
    }
    let Some(completed) = values.iter().find_map(|(f, v)| match (f.name, v) {
        ("completed", SqlValue::Bool(Some(b))) => Some(*b),
        _ => None,
    }) else {
        return;
    };
    let was = before.and_then(|b| b.get("completed")).and_then(Json::as_bool).unwrap_or(false);
    if completed != was
        && let Some(field) = spec.field("completed_at")
    {
        values.push((field, SqlValue::Int(if completed { Some(now) } else { None })));
    }
}

fn as_record(values: &Values) -> Record {
    values.iter().map(|(f, v)| (f.name.to_string(), to_json(f, v))).collect()
}

/// An activity logged against a deal at `at` is the deal's latest activity, unless it has a
/// later one.
pub async fn touch_deal<C: Conn>(c: &mut C, spec: &Spec, actor: Actor, rec: &Record, at: i64) -> ApiResult<()> {
    let Some(deal) = rec.get("deal_id").and_then(Json::as_i64).filter(|_| spec.hooks.deal_activity) else {
        return Ok(());
    };
    touch_deals(c, actor, &[deal], at).await
}

/// [`touch_deal`] for several deals.
pub async fn touch_deals<C: Conn>(c: &mut C, actor: Actor, deals: &[i64], at: i64) -> ApiResult<()> {
    for deal in deals {
        c.execute(
            "UPDATE deals SET last_activity_at = $1, \
             idle_since = CASE WHEN idle_since IS NULL OR idle_since < $1 THEN $1 ELSE idle_since END \
             WHERE id = $2 AND user_id = $3 AND (last_activity_at IS NULL OR last_activity_at < $1)",
            &[SqlValue::Int(Some(at)), SqlValue::Int(Some(*deal)), SqlValue::Int(Some(actor.user_id))],
        )
        .await?;
    }
    Ok(())
}

/// Takes a backdated `created_at` out of a create's values.
pub fn take_created_at(values: &mut Values) -> Option<i64> {
    let i = values.iter().position(|(f, _)| f.name == "created_at")?;
    match values.remove(i).1 {
        SqlValue::Int(t) => t,
        _ => None,
    }
}

/// A backdated `created_at` may not be after `now` (409 naming it: it clashes with the
/// server's clock, which no schema can state).
pub fn check_backdate(values: &Values, now: i64) -> ApiResult<()> {
    match values.iter().find(|(f, _)| f.name == "created_at") {
        Some((_, SqlValue::Int(Some(t)))) if *t > now => {
            Err(ApiError::conflict_on("created_at", format!("must not be in the future (got {})", format_micros(*t))))
        }
        _ => Ok(()),
    }
}

/// Creates a record.
pub async fn insert<C: Conn>(c: &mut C, spec: &'static Spec, actor: Actor, mut values: Values) -> ApiResult<Record> {
    let now = now_micros();
    check_backdate(&values, now)?;
    let created = take_created_at(&mut values).unwrap_or(now);
    let moved = match spec.hooks.stages {
        Some(_) => {
            let stages = UserStages::load(c, actor.user_id).await?;
            stages::place(spec, &stages, None, &mut values, created)?
        }
        None => None,
    };
    let hidden = stages::hidden_after(&values, Hidden::default());
    check_links(c, actor, &values).await?;
    derive(spec, None, &mut values, now);
    let mut names = vec!["user_id", "search"];
    let mut binds = vec![
        SqlValue::Int(Some(actor.user_id)),
        SqlValue::Text(Some(super::words::search_text(spec, &as_record(&values)))),
    ];
    for (f, v) in values {
        names.push(f.name);
        binds.push(v);
    }
    let placeholders: Vec<String> = (1..=binds.len()).map(|i| format!("${i}")).collect();
    let created_at = binds.len() + 1;
    binds.push(SqlValue::Int(Some(created)));
    binds.push(SqlValue::Int(Some(now)));
    let sql = format!(
        "INSERT INTO {} ({}, version, created_at, updated_at) VALUES ({}, 1, ${created_at}, ${}) RETURNING {}",
        spec.table,
        names.join(", "),
        placeholders.join(", "),
        created_at + 1,
        spec.columns()
    );
    let row =
        c.fetch_one(&sql, &binds, spec.shape()).await?.ok_or_else(|| anyhow::anyhow!("INSERT returned no row"))?;
    let rec = to_record(spec, &row);
    if let (Some(history), Some(m)) = (spec.hooks.stages, &moved) {
        stages::record_move(c, history, actor, id_of(&rec), m, created).await?;
    }
    touch_deal(c, spec, actor, &rec, created.max(now)).await?;
    sums::apply(c, actor, Sums::change(spec, None, Some((&rec, hidden.reach)))).await?;
    audit::write(c, actor, spec.entity, id_of(&rec), Action::Create, &audit::diff(None, &rec)).await?;
    Ok(rec)
}

/// Checks an `If-Match` version against the record's.
fn check_version(rec: &Record, expected: Option<i64>) -> ApiResult<()> {
    match expected {
        Some(v) if v != version_of(rec) => {
            Err(ApiError::PreconditionFailed { current_etag: Some(format!("\"{}\"", version_of(rec))) })
        }
        _ => Ok(()),
    }
}

/// Applies a partial update. Fields equal to the stored ones are not rewritten, and an update
/// that changes nothing writes nothing (same version, no audit row).
pub async fn update<C: Conn>(
    c: &mut C,
    spec: &'static Spec,
    actor: Actor,
    id: i64,
    values: Values,
    expected: Option<i64>,
) -> ApiResult<Record> {
    update_tracked(c, spec, actor, id, values, expected).await.map(|(rec, _)| rec)
}

/// [`update`], also telling whether anything was written.
pub async fn update_tracked<C: Conn>(
    c: &mut C,
    spec: &'static Spec,
    actor: Actor,
    id: i64,
    values: Values,
    expected: Option<i64>,
) -> ApiResult<(Record, bool)> {
    update_at(c, spec, actor, id, values, expected, None).await
}

/// Whether the values touch where a staged record sits.
fn touches_placement(values: &Values) -> bool {
    values.iter().any(|(f, _)| matches!(f.name, "pipeline_id" | "stage_id" | "stage" | "probability"))
}

/// [`update_tracked`] of a record that `guard` accepts: it sees the record as stored (read
/// with the row locked, after the `If-Match` check) and its error is the answer.
pub async fn update_guarded<C: Conn>(
    c: &mut C,
    spec: &'static Spec,
    actor: Actor,
    id: i64,
    values: Values,
    expected: Option<i64>,
    guard: impl FnOnce(&Record) -> ApiResult<()> + Send,
) -> ApiResult<(Record, bool)> {
    let before =
        select(c, spec, actor.user_id, id, false, true).await?.ok_or_else(|| ApiError::not_found(spec.entity))?;
    check_version(&before, expected)?;
    guard(&before)?;
    update_at(c, spec, actor, id, values, expected, None).await
}

/// [`update_tracked`], a change of stage dated `at` (default now): not in the future, not
/// before the record's previous stage change.
pub async fn update_at<C: Conn>(
    c: &mut C,
    spec: &'static Spec,
    actor: Actor,
    id: i64,
    mut values: Values,
    expected: Option<i64>,
    at: Option<i64>,
) -> ApiResult<(Record, bool)> {
    let before =
        select(c, spec, actor.user_id, id, false, true).await?.ok_or_else(|| ApiError::not_found(spec.entity))?;
    check_version(&before, expected)?;
    let now = now_micros();
    let mut moved = None;
    // The hidden columns matter only to a change of placement: otherwise the deal's reach is
    // the same before and after, and its change of the sums is the same without it.
    let placing = spec.hooks.stages.is_some() && touches_placement(&values);
    let hidden_before = if placing { stages::hidden(c, spec, actor.user_id, id).await? } else { Hidden::default() };
    if let Some(history) = spec.hooks.stages.filter(|_| placing) {
        let placement = Placement::of(&before, hidden_before);
        let stages = UserStages::load(c, actor.user_id).await?;
        let when = at.unwrap_or(now);
        let m = stages::place(spec, &stages, Some(&placement), &mut values, when)?;
        if let (Some(at), Some(_)) = (at, &m) {
            if at > now {
                return Err(ApiError::conflict_on(
                    "at",
                    format!("must not be in the future (got {})", format_micros(at)),
                ));
            }
            if let Some(last) = stages::last_change(c, history, actor, id).await?
                && at < last
            {
                return Err(ApiError::conflict_on(
                    "at",
                    format!("must not be before the previous stage change, at {}", format_micros(last)),
                ));
            }
        }
        moved = m.map(|m| (m, when));
    }
    let hidden_after = stages::hidden_after(&values, hidden_before);
    let mut changed: Values = values.into_iter().filter(|(f, v)| before.get(f.name) != Some(&to_json(f, v))).collect();
    if changed.is_empty() {
        return Ok((before, false));
    }
    check_links(c, actor, &changed).await?;
    derive(spec, Some(&before), &mut changed, now);
    let mut sets = Vec::new();
    let mut binds = Vec::new();
    if changed.iter().any(|(f, _)| f.search) {
        let mut merged = before.clone();
        merged.extend(as_record(&changed));
        binds.push(SqlValue::Text(Some(super::words::search_text(spec, &merged))));
        sets.push("search = $1".to_string());
    }
    for (f, v) in changed {
        binds.push(v);
        sets.push(format!("{} = ${}", f.name, binds.len()));
    }
    let n = binds.len();
    binds.extend([
        SqlValue::Int(Some(now)),
        SqlValue::Int(Some(id)),
        SqlValue::Int(Some(actor.user_id)),
        SqlValue::Int(Some(version_of(&before))),
    ]);
    let sql = format!(
        "UPDATE {} SET {}, version = version + 1, updated_at = ${} WHERE id = ${} AND user_id = ${} AND version = ${} AND deleted_at IS NULL RETURNING {}",
        spec.table,
        sets.join(", "),
        n + 1,
        n + 2,
        n + 3,
        n + 4,
        spec.columns()
    );
    let row =
        c.fetch_one(&sql, &binds, spec.shape()).await?.ok_or(ApiError::PreconditionFailed { current_etag: None })?;
    let after = to_record(spec, &row);
    if let (Some(history), Some((m, when))) = (spec.hooks.stages, &moved) {
        stages::record_move(c, history, actor, id, m, *when).await?;
    }
    if after.get("deal_id") != before.get("deal_id") {
        touch_deal(c, spec, actor, &after, now).await?;
    }
    let change = Sums::change(spec, Some((&before, hidden_before.reach)), Some((&after, hidden_after.reach)));
    sums::apply(c, actor, change).await?;
    audit::write(c, actor, spec.entity, id, Action::Update, &audit::diff(Some(&before), &after)).await?;
    Ok((after, true))
}

/// Moves a record to the trash.
pub async fn soft_delete<C: Conn>(
    c: &mut C,
    spec: &'static Spec,
    actor: Actor,
    id: i64,
    expected: Option<i64>,
) -> ApiResult<()> {
    let before =
        select(c, spec, actor.user_id, id, false, true).await?.ok_or_else(|| ApiError::not_found(spec.entity))?;
    check_version(&before, expected)?;
    set_deleted(c, spec, actor, before, Some(now_micros()), Action::Delete).await.map(|_| ())
}

/// Takes a record out of the trash; restoring a live record returns it unchanged.
pub async fn restore<C: Conn>(c: &mut C, spec: &'static Spec, actor: Actor, id: i64) -> ApiResult<Record> {
    if let Some(before) = select(c, spec, actor.user_id, id, true, true).await? {
        return set_deleted(c, spec, actor, before, None, Action::Restore).await;
    }
    select(c, spec, actor.user_id, id, false, false).await?.ok_or_else(|| ApiError::not_found(spec.entity))
}

async fn set_deleted<C: Conn>(
    c: &mut C,
    spec: &'static Spec,
    actor: Actor,
    before: Record,
    deleted_at: Option<i64>,
    action: Action,
) -> ApiResult<Record> {
    let id = id_of(&before);
    let sql = format!(
        "UPDATE {} SET deleted_at = $1, version = version + 1, updated_at = $2 WHERE id = $3 AND user_id = $4 RETURNING {}",
        spec.table,
        spec.columns()
    );
    let binds = [
        SqlValue::Int(deleted_at),
        SqlValue::Int(Some(now_micros())),
        SqlValue::Int(Some(id)),
        SqlValue::Int(Some(actor.user_id)),
    ];
    let row = c.fetch_one(&sql, &binds, spec.shape()).await?.ok_or_else(|| ApiError::not_found(spec.entity))?;
    let after = to_record(spec, &row);
    let reach = match spec.hooks.stages {
        Some(h) if h.funnel => sums::reach_of(c, actor.user_id, id).await?,
        _ => None,
    };
    sums::apply(c, actor, Sums::change(spec, Some((&before, reach)), Some((&after, reach)))).await?;
    audit::write(c, actor, spec.entity, id, action, &audit::diff(Some(&before), &after)).await?;
    Ok(after)
}
