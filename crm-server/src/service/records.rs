//! One record at a time: list, read, create, update, delete to the trash, restore, and the
//! activity-specific completion and recent list.

use crm_api::resource::{Activities, Resource};
use crm_api::{ListParams, Page};

use super::Entity;
use crate::db::{Db, Row, SqlValue};
use crate::error::{ApiError, ApiResult};
use crate::store::list;
use crate::store::records::{self, Actor, Record, values_of};
use crate::store::spec::{ACTIVITIES, Spec};

/// A stored record as its wire type, with its version (the `ETag`).
#[derive(Debug, Clone)]
pub struct Versioned<T> {
    pub record: T,
    pub version: i64,
}

/// The wire type of a stored record.
pub fn typed<E: Entity>(rec: Record) -> ApiResult<Versioned<E::Record>> {
    let version = records::version_of(&rec);
    let record = serde_json::from_value(serde_json::Value::Object(rec))
        .map_err(|e| ApiError::Internal(anyhow::anyhow!("stored {} does not match its wire type: {e}", E::NAME)))?;
    Ok(Versioned { record, version })
}

/// A page of the user's records, as the rows read (written out by the caller without a typed
/// record on the way).
pub async fn list<E: Entity>(db: &Db, actor: Actor, params: &ListParams) -> ApiResult<Page<Row>> {
    list_of(db, E::spec(), actor, params).await
}

/// [`list`] of the entity behind `spec`, for callers that hold the table rather than the
/// type (an export's stream).
pub async fn list_of(db: &Db, spec: &'static Spec, actor: Actor, params: &ListParams) -> ApiResult<Page<Row>> {
    db.read(async |c| list::list_rows(c, spec, actor, params).await).await
}

/// A live record of the user, as the row read.
pub async fn get<E: Entity>(db: &Db, actor: Actor, id: i64) -> ApiResult<Row> {
    db.read(async |c| records::get_row(c, E::spec(), actor, id).await).await
}

/// Creates a record.
pub async fn create<E: Entity>(db: &Db, actor: Actor, new: &E::New) -> ApiResult<Versioned<E::Record>> {
    let values = values_of(E::spec(), new)?;
    typed::<E>(db.write(async move |c| records::insert(c, E::spec(), actor, values).await).await?)
}

/// Applies a partial update; with `if_match`, only to that version.
pub async fn update<E: Entity>(
    db: &Db,
    actor: Actor,
    id: i64,
    patch: &E::Patch,
    if_match: Option<i64>,
) -> ApiResult<Versioned<E::Record>> {
    let values = values_of(E::spec(), patch)?;
    typed::<E>(db.write(async move |c| records::update(c, E::spec(), actor, id, values, if_match).await).await?)
}

/// Moves a deal or an opportunity to another stage, dated `at` (default now); with
/// `if_match`, only that version. Moving it to the stage it is in changes nothing.
pub async fn move_stage<E: Entity>(
    db: &Db,
    actor: Actor,
    id: i64,
    request: &crm_api::pipelines::MoveRequest,
    if_match: Option<i64>,
) -> ApiResult<Versioned<E::Record>> {
    let spec = E::spec();
    let mut values = Vec::new();
    if let Some(name) = &request.stage {
        values.push((
            spec.field("stage").ok_or_else(|| anyhow::anyhow!("no stage field"))?,
            SqlValue::Text(Some(name.clone())),
        ));
    }
    if let Some(stage_id) = request.stage_id {
        values.push((
            spec.field("stage_id").ok_or_else(|| anyhow::anyhow!("no stage_id field"))?,
            SqlValue::Int(Some(stage_id)),
        ));
    }
    let at = request.at.map(|t| t.timestamp_micros());
    let (rec, _) = db.write(async move |c| records::update_at(c, spec, actor, id, values, if_match, at).await).await?;
    typed::<E>(rec)
}

/// Moves a record to the trash; with `if_match`, only that version.
pub async fn delete<E: Entity>(db: &Db, actor: Actor, id: i64, if_match: Option<i64>) -> ApiResult<()> {
    db.write(async move |c| records::soft_delete(c, E::spec(), actor, id, if_match).await).await
}

/// Takes a record out of the trash.
pub async fn restore<E: Entity>(db: &Db, actor: Actor, id: i64) -> ApiResult<Versioned<E::Record>> {
    typed::<E>(db.write(async move |c| records::restore(c, E::spec(), actor, id).await).await?)
}

/// Marks an activity completed (now); completing it again changes nothing.
pub async fn complete_activity(
    db: &Db,
    actor: Actor,
    id: i64,
) -> ApiResult<Versioned<<Activities as Resource>::Record>> {
    let field = ACTIVITIES.field("completed").ok_or_else(|| anyhow::anyhow!("activities have no completed field"))?;
    let values = vec![(field, SqlValue::Bool(Some(true)))];
    typed::<Activities>(db.write(async move |c| records::update(c, &ACTIVITIES, actor, id, values, None).await).await?)
}

/// The 5 most recently created activities.
pub async fn recent_activities(db: &Db, actor: Actor) -> ApiResult<Vec<<Activities as Resource>::Record>> {
    let params = ListParams { limit: Some(5), ..Default::default() };
    let page = db.read(async |c| list::list(c, &ACTIVITIES, actor, &params).await).await?;
    page.data.into_iter().map(|r| typed::<Activities>(r).map(|v| v.record)).collect()
}
