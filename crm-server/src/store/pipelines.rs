//! The SQL of pipelines and stages: read them, add, rename, reorder, change and delete them,
//! and carry the change over to the deals and opportunities that sit in them (their stage's
//! name, the probability they follow, their move out of a deleted stage).

use crm_api::enums::fold;
use crm_api::pipelines::{
    MAX_PIPELINES, MAX_STAGES, NewStage, Pipeline, PipelinePatch, PipelineStage, StagePatch, default_probability,
    default_stages,
};
use serde_json::json;

use super::audit::{self, Action};
use super::records::Actor;
use super::spec::{DEALS, OPPORTUNITIES, Spec};
use super::stages::{StageRow, UserStages, history_of};
use crate::db::{Col, Conn, Row, Shape, SqlValue, time_of};
use crate::error::{ApiError, ApiResult};

/// The tables whose records sit in stages.
const STAGED: [&Spec; 2] = [&DEALS, &OPPORTUNITIES];

const PIPELINE: &Shape = &[
    ("id", Col::Int),
    ("name", Col::Text),
    ("position", Col::Int),
    ("is_default", Col::Bool),
    ("version", Col::Int),
    ("created_at", Col::Int),
    ("updated_at", Col::Int),
];
const PIPELINE_COLUMNS: &str = "id, name, position, is_default, version, created_at, updated_at";

const STAGE: &Shape = &[
    ("id", Col::Int),
    ("pipeline_id", Col::Int),
    ("name", Col::Text),
    ("position", Col::Int),
    ("probability", Col::Int),
    ("kind", Col::Text),
    ("rotting_days", Col::Int),
    ("created_at", Col::Int),
    ("updated_at", Col::Int),
];
const STAGE_COLUMNS: &str = "id, pipeline_id, name, position, probability, kind, rotting_days, created_at, updated_at";

fn int(v: i64) -> SqlValue {
    SqlValue::Int(Some(v))
}

fn text(v: &str) -> SqlValue {
    SqlValue::Text(Some(v.to_string()))
}

fn stage_of(r: &Row) -> ApiResult<PipelineStage> {
    let kind = r.req_text("kind")?;
    Ok(PipelineStage {
        id: r.req_int("id")?,
        pipeline_id: r.req_int("pipeline_id")?,
        name: r.req_text("name")?.to_string(),
        position: r.req_int("position")?,
        probability: r.req_int("probability")?,
        kind: crm_api::StageKind::parse(kind)
            .ok_or_else(|| crate::db::DbError::decode("kind", format!("{kind:?} is no stage kind")))?,
        rotting_days: r.int("rotting_days")?,
        created_at: time_of("created_at", r.req_int("created_at")?)?,
        updated_at: time_of("updated_at", r.req_int("updated_at")?)?,
    })
}

fn pipeline_of(r: &Row, stages: Vec<PipelineStage>) -> ApiResult<Pipeline> {
    Ok(Pipeline {
        id: r.req_int("id")?,
        name: r.req_text("name")?.to_string(),
        position: r.req_int("position")?,
        is_default: r.bool("is_default")?.unwrap_or(false),
        version: r.req_int("version")?,
        stages,
        created_at: time_of("created_at", r.req_int("created_at")?)?,
        updated_at: time_of("updated_at", r.req_int("updated_at")?)?,
    })
}

async fn stages_of<C: Conn>(c: &mut C, user: i64, pipeline: Option<i64>) -> ApiResult<Vec<PipelineStage>> {
    let (filter, binds) = match pipeline {
        Some(p) => ("AND pipeline_id = $2", vec![int(user), int(p)]),
        None => ("", vec![int(user)]),
    };
    let sql = format!(
        "SELECT {STAGE_COLUMNS} FROM stages WHERE user_id = $1 {filter} AND deleted_at IS NULL ORDER BY pipeline_id, position, id"
    );
    c.fetch(&sql, &binds, STAGE).await?.iter().map(stage_of).collect()
}

/// The user's pipelines with their stages, in order.
pub async fn list<C: Conn>(c: &mut C, actor: Actor) -> ApiResult<Vec<Pipeline>> {
    let sql = format!(
        "SELECT {PIPELINE_COLUMNS} FROM pipelines WHERE user_id = $1 AND deleted_at IS NULL ORDER BY position, id"
    );
    let rows = c.fetch(&sql, &[int(actor.user_id)], PIPELINE).await?;
    let mut stages = stages_of(c, actor.user_id, None).await?;
    let mut out = Vec::with_capacity(rows.len());
    for r in &rows {
        let id = r.req_int("id")?;
        let (mine, rest): (Vec<_>, Vec<_>) = stages.into_iter().partition(|s| s.pipeline_id == id);
        stages = rest;
        out.push(pipeline_of(r, mine)?);
    }
    Ok(out)
}

/// A live pipeline of the user, with its stages; with `lock`, locked for an update.
pub async fn get<C: Conn>(c: &mut C, actor: Actor, id: i64, lock: bool) -> ApiResult<Pipeline> {
    let sql = format!(
        "SELECT {PIPELINE_COLUMNS} FROM pipelines WHERE id = $1 AND user_id = $2 AND deleted_at IS NULL{}",
        if lock { c.dialect().for_update() } else { "" }
    );
    let row = c
        .fetch_one(&sql, &[int(id), int(actor.user_id)], PIPELINE)
        .await?
        .ok_or_else(|| ApiError::not_found("pipeline"))?;
    let stages = stages_of(c, actor.user_id, Some(id)).await?;
    pipeline_of(&row, stages)
}

fn check_version(p: &Pipeline, expected: Option<i64>) -> ApiResult<()> {
    match expected {
        Some(v) if v != p.version => {
            Err(ApiError::PreconditionFailed { current_etag: Some(format!("\"{}\"", p.version)) })
        }
        _ => Ok(()),
    }
}

/// Locks the pipeline and checks its version.
async fn lock<C: Conn>(c: &mut C, actor: Actor, id: i64, expected: Option<i64>) -> ApiResult<Pipeline> {
    let p = get(c, actor, id, true).await?;
    check_version(&p, expected)?;
    Ok(p)
}

/// A new version of the pipeline (it or one of its stages changed).
async fn bump<C: Conn>(c: &mut C, actor: Actor, id: i64, now: i64) -> ApiResult<()> {
    c.execute(
        "UPDATE pipelines SET version = version + 1, updated_at = $1 WHERE id = $2 AND user_id = $3",
        &[int(now), int(id), int(actor.user_id)],
    )
    .await?;
    Ok(())
}

async fn audit_write<C: Conn>(
    c: &mut C,
    actor: Actor,
    entity: &str,
    id: i64,
    action: Action,
    changes: serde_json::Value,
) -> ApiResult<()> {
    audit::write(c, actor, entity, id, action, &changes).await
}

async fn check_pipeline_name<C: Conn>(c: &mut C, actor: Actor, name: &str, except: Option<i64>) -> ApiResult<()> {
    let taken = list(c, actor).await?.into_iter().any(|p| Some(p.id) != except && fold(&p.name) == fold(name));
    if taken {
        return Err(ApiError::conflict_on("name", format!("you already have a pipeline called {name:?}")));
    }
    Ok(())
}

/// Creates a pipeline with its stages, in order.
pub async fn insert_pipeline<C: Conn>(
    c: &mut C,
    user: i64,
    name: &str,
    is_default: bool,
    position: i64,
    stages: &[NewStage],
    now: i64,
) -> ApiResult<i64> {
    if is_default {
        c.execute(
            "UPDATE pipelines SET is_default = $1, version = version + 1, updated_at = $2 WHERE user_id = $3 AND is_default = $4",
            &[SqlValue::Bool(Some(false)), int(now), int(user), SqlValue::Bool(Some(true))],
        )
        .await?;
    }
    let row = c
        .fetch_one(
            "INSERT INTO pipelines (user_id, name, position, is_default, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $5) RETURNING id",
            &[int(user), text(name.trim()), int(position), SqlValue::Bool(Some(is_default)), int(now)],
            &[("id", Col::Int)],
        )
        .await?
        .ok_or_else(|| anyhow::anyhow!("INSERT returned no row"))?;
    let id = row.req_int("id")?;
    for (i, s) in stages.iter().enumerate() {
        insert_stage(c, user, id, i as i64, s, now).await?;
    }
    Ok(id)
}

async fn insert_stage<C: Conn>(
    c: &mut C,
    user: i64,
    pipeline: i64,
    position: i64,
    s: &NewStage,
    now: i64,
) -> ApiResult<i64> {
    let row = c
        .fetch_one(
            "INSERT INTO stages (user_id, pipeline_id, name, position, probability, kind, rotting_days, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) RETURNING id",
            &[
                int(user),
                int(pipeline),
                text(s.name.trim()),
                int(position),
                int(s.probability.unwrap_or(default_probability(s.kind))),
                text(s.kind.as_str()),
                SqlValue::Int(s.rotting_days),
                int(now),
            ],
            &[("id", Col::Int)],
        )
        .await?
        .ok_or_else(|| anyhow::anyhow!("INSERT returned no row"))?;
    Ok(row.req_int("id")?)
}

/// The default pipeline with the seed's six stages, for a new user.
pub async fn create_default<C: Conn>(c: &mut C, user: i64, now: i64) -> ApiResult<i64> {
    insert_pipeline(c, user, crm_api::pipelines::DEFAULT_PIPELINE, true, 0, &default_stages(), now).await
}

/// Creates a pipeline of the user (its stages the six default ones when none are given).
pub async fn create<C: Conn>(
    c: &mut C,
    actor: Actor,
    new: &crm_api::pipelines::NewPipeline,
    now: i64,
) -> ApiResult<Pipeline> {
    let existing = list(c, actor).await?;
    if existing.len() >= MAX_PIPELINES {
        return Err(ApiError::Conflict(format!("you have {MAX_PIPELINES} pipelines, the most there may be")));
    }
    check_pipeline_name(c, actor, &new.name, None).await?;
    let defaults;
    let stages = match &new.stages {
        Some(s) => s.as_slice(),
        None => {
            defaults = default_stages();
            &defaults
        }
    };
    let mut seen = std::collections::HashSet::new();
    for (i, s) in stages.iter().enumerate() {
        if !seen.insert(fold(&s.name)) {
            return Err(ApiError::conflict_on(
                &format!("stages[{i}].name"),
                format!("{:?} is already a stage of this pipeline", s.name),
            ));
        }
    }
    let is_default = new.is_default || existing.is_empty();
    let id = insert_pipeline(c, actor.user_id, &new.name, is_default, existing.len() as i64, stages, now).await?;
    let created = get(c, actor, id, false).await?;
    audit_write(c, actor, "pipeline", id, Action::Create, json!({ "after": created })).await?;
    Ok(created)
}

/// Renames a pipeline, makes it the default, or moves it among the user's pipelines.
pub async fn update<C: Conn>(
    c: &mut C,
    actor: Actor,
    id: i64,
    patch: &PipelinePatch,
    expected: Option<i64>,
    now: i64,
) -> ApiResult<Pipeline> {
    let before = lock(c, actor, id, expected).await?;
    let mut changed = false;
    if let Some(name) = &patch.name
        && name.trim() != before.name
    {
        check_pipeline_name(c, actor, name, Some(id)).await?;
        c.execute("UPDATE pipelines SET name = $1 WHERE id = $2", &[text(name.trim()), int(id)]).await?;
        changed = true;
    }
    if patch.is_default == Some(true) && !before.is_default {
        c.execute(
            "UPDATE pipelines SET is_default = $1, version = version + 1, updated_at = $2 WHERE user_id = $3 AND is_default = $4",
            &[SqlValue::Bool(Some(false)), int(now), int(actor.user_id), SqlValue::Bool(Some(true))],
        )
        .await?;
        c.execute("UPDATE pipelines SET is_default = $1 WHERE id = $2", &[SqlValue::Bool(Some(true)), int(id)]).await?;
        changed = true;
    }
    if let Some(position) = patch.position
        && position != before.position
    {
        let mut ids: Vec<i64> = list(c, actor).await?.into_iter().map(|p| p.id).filter(|p| *p != id).collect();
        let at = usize::try_from(position).unwrap_or(0).min(ids.len());
        ids.insert(at, id);
        for (i, p) in ids.iter().enumerate() {
            c.execute("UPDATE pipelines SET position = $1 WHERE id = $2", &[int(i as i64), int(*p)]).await?;
        }
        changed = true;
    }
    if !changed {
        return Ok(before);
    }
    bump(c, actor, id, now).await?;
    let after = get(c, actor, id, false).await?;
    audit_write(c, actor, "pipeline", id, Action::Update, json!({ "before": before, "after": after })).await?;
    Ok(after)
}

/// How many records (live or in the trash) sit in a stage, or a pipeline, by table.
async fn users_of<C: Conn>(c: &mut C, actor: Actor, column: &str, id: i64) -> ApiResult<Vec<(&'static str, i64)>> {
    let mut out = Vec::new();
    for spec in STAGED {
        let sql = format!("SELECT count(*) AS n FROM {} WHERE user_id = $1 AND {column} = $2", spec.table);
        let n = c
            .fetch_one(&sql, &[int(actor.user_id), int(id)], &[("n", Col::Int)])
            .await?
            .and_then(|r| r.int("n").ok().flatten())
            .unwrap_or(0);
        if n > 0 {
            out.push((spec.table, n));
        }
    }
    Ok(out)
}

fn describe(users: &[(&str, i64)]) -> String {
    users.iter().map(|(t, n)| format!("{n} {t}")).collect::<Vec<_>>().join(" and ")
}

/// Deletes a pipeline that no record uses (the default one cannot be deleted).
pub async fn delete<C: Conn>(c: &mut C, actor: Actor, id: i64, expected: Option<i64>, now: i64) -> ApiResult<()> {
    let before = lock(c, actor, id, expected).await?;
    if before.is_default {
        return Err(ApiError::Conflict("the default pipeline cannot be deleted: make another one the default".into()));
    }
    let users = users_of(c, actor, "pipeline_id", id).await?;
    if !users.is_empty() {
        return Err(ApiError::Conflict(format!(
            "{} (counting the trash) are in this pipeline: move them to another one first",
            describe(&users)
        )));
    }
    c.execute("UPDATE stages SET deleted_at = $1 WHERE pipeline_id = $2 AND deleted_at IS NULL", &[int(now), int(id)])
        .await?;
    c.execute("UPDATE pipelines SET deleted_at = $1, updated_at = $1 WHERE id = $2", &[int(now), int(id)]).await?;
    let rest: Vec<i64> = list(c, actor).await?.into_iter().map(|p| p.id).collect();
    for (i, p) in rest.iter().enumerate() {
        c.execute("UPDATE pipelines SET position = $1 WHERE id = $2", &[int(i as i64), int(*p)]).await?;
    }
    audit_write(c, actor, "pipeline", id, Action::Delete, json!({ "before": before })).await
}

fn check_stage_name(p: &Pipeline, name: &str, except: Option<i64>) -> ApiResult<()> {
    if p.stages.iter().any(|s| Some(s.id) != except && fold(&s.name) == fold(name)) {
        return Err(ApiError::conflict_on("name", format!("{name:?} is already a stage of this pipeline")));
    }
    Ok(())
}

/// Gives the stages of a pipeline the positions 0, 1, ... in the order of `ids`.
async fn renumber<C: Conn>(c: &mut C, ids: &[i64], now: i64) -> ApiResult<()> {
    for (i, id) in ids.iter().enumerate() {
        c.execute(
            "UPDATE stages SET position = $1, updated_at = $2 WHERE id = $3 AND position <> $1",
            &[int(i as i64), int(now), int(*id)],
        )
        .await?;
    }
    Ok(())
}

/// Adds a stage to a pipeline (at `position`, default last).
pub async fn add_stage<C: Conn>(
    c: &mut C,
    actor: Actor,
    pipeline: i64,
    new: &NewStage,
    expected: Option<i64>,
    now: i64,
) -> ApiResult<PipelineStage> {
    let p = lock(c, actor, pipeline, expected).await?;
    if p.stages.len() >= MAX_STAGES {
        return Err(ApiError::Conflict(format!("this pipeline has {MAX_STAGES} stages, the most there may be")));
    }
    check_stage_name(&p, &new.name, None)?;
    let id = insert_stage(c, actor.user_id, pipeline, p.stages.len() as i64, new, now).await?;
    let mut ids: Vec<i64> = p.stages.iter().map(|s| s.id).collect();
    let at = new.position.and_then(|x| usize::try_from(x).ok()).unwrap_or(ids.len()).min(ids.len());
    ids.insert(at, id);
    renumber(c, &ids, now).await?;
    bump(c, actor, pipeline, now).await?;
    let stage = get(c, actor, pipeline, false)
        .await?
        .stages
        .into_iter()
        .find(|s| s.id == id)
        .ok_or_else(|| anyhow::anyhow!("the new stage was not found"))?;
    audit_write(c, actor, "stage", id, Action::Create, json!({ "after": stage })).await?;
    Ok(stage)
}

fn find_stage(p: &Pipeline, id: i64) -> ApiResult<PipelineStage> {
    p.stages.iter().find(|s| s.id == id).cloned().ok_or_else(|| ApiError::not_found("stage"))
}

/// Renames, reorders or changes a stage; records in it follow (their stage's name, and the
/// probability of those that follow the stage's).
pub async fn update_stage<C: Conn>(
    c: &mut C,
    actor: Actor,
    pipeline: i64,
    id: i64,
    patch: &StagePatch,
    expected: Option<i64>,
    now: i64,
) -> ApiResult<PipelineStage> {
    let p = lock(c, actor, pipeline, expected).await?;
    let before = find_stage(&p, id)?;
    let mut changed = false;
    if let Some(name) = patch.name.as_deref().map(str::trim)
        && name != before.name
    {
        check_stage_name(&p, name, Some(id))?;
        c.execute("UPDATE stages SET name = $1 WHERE id = $2", &[text(name), int(id)]).await?;
        for spec in STAGED {
            let sql = format!(
                "UPDATE {} SET stage = $1, version = version + 1, updated_at = $2 WHERE user_id = $3 AND stage_id = $4",
                spec.table
            );
            c.execute(&sql, &[text(name), int(now), int(actor.user_id), int(id)]).await?;
        }
        changed = true;
    }
    if let Some(probability) = patch.probability
        && probability != before.probability
    {
        c.execute("UPDATE stages SET probability = $1 WHERE id = $2", &[int(probability), int(id)]).await?;
        for spec in STAGED {
            let sql = format!(
                "UPDATE {} SET probability = $1, version = version + 1, updated_at = $2 \
                 WHERE user_id = $3 AND stage_id = $4 AND probability_explicit = $5",
                spec.table
            );
            c.execute(&sql, &[int(probability), int(now), int(actor.user_id), int(id), SqlValue::Bool(Some(false))])
                .await?;
        }
        changed = true;
    }
    if let Some(kind) = patch.kind
        && kind != before.kind
    {
        c.execute("UPDATE stages SET kind = $1 WHERE id = $2", &[text(kind.as_str()), int(id)]).await?;
        changed = true;
    }
    if let Some(days) = patch.rotting_days
        && days != before.rotting_days
    {
        c.execute("UPDATE stages SET rotting_days = $1 WHERE id = $2", &[SqlValue::Int(days), int(id)]).await?;
        changed = true;
    }
    if let Some(position) = patch.position
        && position != before.position
    {
        let mut ids: Vec<i64> = p.stages.iter().map(|s| s.id).filter(|s| *s != id).collect();
        let at = usize::try_from(position).unwrap_or(0).min(ids.len());
        ids.insert(at, id);
        renumber(c, &ids, now).await?;
        changed = true;
    }
    if !changed {
        return Ok(before);
    }
    // What the figures' sums hold of the records in the stage depends on its probability (the
    // weighted sums), its kind and its place (the funnel's reach): worked out again.
    if patch.probability.is_some_and(|p| p != before.probability)
        || patch.kind.is_some_and(|k| k != before.kind)
        || patch.position.is_some_and(|p| p != before.position)
    {
        super::sums::rebuild(c, actor.user_id).await?;
    }
    c.execute("UPDATE stages SET updated_at = $1 WHERE id = $2", &[int(now), int(id)]).await?;
    bump(c, actor, pipeline, now).await?;
    let after = find_stage(&get(c, actor, pipeline, false).await?, id)?;
    audit_write(c, actor, "stage", id, Action::Update, json!({ "before": before, "after": after })).await?;
    Ok(after)
}

/// Deletes a stage. The records in it (live or in the trash) move to `move_to` (a stage of
/// the same pipeline, by name or id), which is required when there are any.
pub async fn delete_stage<C: Conn>(
    c: &mut C,
    actor: Actor,
    pipeline: i64,
    id: i64,
    move_to: Option<&str>,
    expected: Option<i64>,
    now: i64,
) -> ApiResult<()> {
    let p = lock(c, actor, pipeline, expected).await?;
    let before = find_stage(&p, id)?;
    if p.stages.len() == 1 {
        return Err(ApiError::Conflict("a pipeline keeps at least one stage: delete the pipeline instead".into()));
    }
    let users = users_of(c, actor, "stage_id", id).await?;
    let stages = UserStages::load(c, actor.user_id).await?;
    let target: Option<StageRow> = match move_to.map(str::trim).filter(|s| !s.is_empty()) {
        None if users.is_empty() => None,
        None => {
            return Err(ApiError::conflict_on(
                "move_to",
                format!(
                    "{} (counting the trash) are in stage {:?}: name the stage they move to",
                    describe(&users),
                    before.name
                ),
            ));
        }
        Some(m) => {
            let found = m
                .parse::<i64>()
                .ok()
                .and_then(|n| stages.by_id(n).filter(|s| s.pipeline_id == pipeline))
                .or_else(|| stages.named(pipeline, m))
                .cloned()
                .ok_or_else(|| ApiError::missing("move_to", format!("no stage {m:?} in this pipeline")))?;
            if found.id == id {
                return Err(ApiError::conflict_on("move_to", "is the stage being deleted"));
            }
            Some(found)
        }
    };
    if let Some(t) = &target {
        for spec in STAGED {
            let history = history_of(spec)?;
            // The live records' moves, then the records (the trash's too, so that a restore
            // finds its stage).
            let sql = format!(
                "INSERT INTO {} (user_id, {}, from_stage, to_stage, from_stage_id, to_stage_id, changed_at) \
                 SELECT user_id, id, stage, $1, stage_id, $2, $3 FROM {} \
                 WHERE user_id = $4 AND stage_id = $5 AND deleted_at IS NULL",
                history.table, history.key, spec.table
            );
            c.execute(&sql, &[text(&t.name), int(t.id), int(now), int(actor.user_id), int(id)]).await?;
            let sql = format!(
                "UPDATE {} SET stage = $1, stage_id = $2, \
                 probability = CASE WHEN probability_explicit = $3 THEN probability ELSE $4 END, \
                 stage_entered_at = $5, version = version + 1, updated_at = $5 \
                 WHERE user_id = $6 AND stage_id = $7",
                spec.table
            );
            c.execute(
                &sql,
                &[
                    text(&t.name),
                    int(t.id),
                    SqlValue::Bool(Some(true)),
                    int(t.probability),
                    int(now),
                    int(actor.user_id),
                    int(id),
                ],
            )
            .await?;
        }
    }
    c.execute("UPDATE stages SET deleted_at = $1, updated_at = $1 WHERE id = $2", &[int(now), int(id)]).await?;
    let ids: Vec<i64> = p.stages.iter().map(|s| s.id).filter(|s| *s != id).collect();
    renumber(c, &ids, now).await?;
    if target.is_some() {
        c.execute(
            "UPDATE deals SET idle_since = CASE WHEN last_activity_at > stage_entered_at THEN last_activity_at \
             ELSE stage_entered_at END WHERE user_id = $1 AND stage_entered_at = $2",
            &[int(actor.user_id), int(now)],
        )
        .await?;
    }
    super::sums::rebuild(c, actor.user_id).await?;
    bump(c, actor, pipeline, now).await?;
    let changes = json!({ "before": before, "moved_to": target.map(|t| t.id) });
    audit_write(c, actor, "stage", id, Action::Delete, changes).await
}
