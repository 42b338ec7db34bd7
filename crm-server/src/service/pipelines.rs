//! Pipelines and their stages: read, create, change and delete them, each in one
//! transaction that carries the change over to the records in them.

use crm_api::pipelines::{NewPipeline, NewStage, Pipeline, PipelinePatch, PipelineStage, StagePatch};

use crate::db::{Db, now_micros};
use crate::error::ApiResult;
use crate::store::pipelines;
use crate::store::records::Actor;

/// The user's pipelines with their stages, in order.
pub async fn list(db: &Db, actor: Actor) -> ApiResult<Vec<Pipeline>> {
    db.read(async |c| pipelines::list(c, actor).await).await
}

pub async fn get(db: &Db, actor: Actor, id: i64) -> ApiResult<Pipeline> {
    db.read(async |c| pipelines::get(c, actor, id, false).await).await
}

pub async fn create(db: &Db, actor: Actor, new: NewPipeline) -> ApiResult<Pipeline> {
    db.write(async move |c| pipelines::create(c, actor, &new, now_micros()).await).await
}

pub async fn update(
    db: &Db,
    actor: Actor,
    id: i64,
    patch: PipelinePatch,
    if_match: Option<i64>,
) -> ApiResult<Pipeline> {
    db.write(async move |c| pipelines::update(c, actor, id, &patch, if_match, now_micros()).await).await
}

pub async fn delete(db: &Db, actor: Actor, id: i64, if_match: Option<i64>) -> ApiResult<()> {
    db.write(async move |c| pipelines::delete(c, actor, id, if_match, now_micros()).await).await
}

pub async fn add_stage(
    db: &Db,
    actor: Actor,
    pipeline: i64,
    new: NewStage,
    if_match: Option<i64>,
) -> ApiResult<PipelineStage> {
    db.write(async move |c| pipelines::add_stage(c, actor, pipeline, &new, if_match, now_micros()).await).await
}

pub async fn update_stage(
    db: &Db,
    actor: Actor,
    pipeline: i64,
    stage: i64,
    patch: StagePatch,
    if_match: Option<i64>,
) -> ApiResult<PipelineStage> {
    db.write(async move |c| pipelines::update_stage(c, actor, pipeline, stage, &patch, if_match, now_micros()).await)
        .await
}

pub async fn delete_stage(
    db: &Db,
    actor: Actor,
    pipeline: i64,
    stage: i64,
    move_to: Option<String>,
    if_match: Option<i64>,
) -> ApiResult<()> {
    db.write(async move |c| {
        pipelines::delete_stage(c, actor, pipeline, stage, move_to.as_deref(), if_match, now_micros()).await
    })
    .await
}
