//! Where a deal or an opportunity sits: its pipeline and its stage, worked out from what a
//! create, an update, a move or an import gives (a stage by name or id, a pipeline), with the
//! probability that follows the stage, and the stage history row of each move.
//!
//! Columns a staged record holds: `pipeline_id`, `stage_id`, `stage` (the stage's current
//! name), `probability` (always set: the stage's unless `probability_explicit`) and
//! `stage_entered_at` (its latest entry into the current stage).

use crm_api::StageKind;
use crm_api::catalog::{FieldInfo, FieldKind, StageHistory};
use crm_api::enums::fold;
use serde_json::Value as Json;

use super::records::{Actor, Record, Values};
use super::spec::Spec;
use crate::db::{Col, Conn, Shape, SqlValue};
use crate::error::{ApiError, ApiResult};

/// Whether the record's probability was set by the user (else it follows the stage's). Not
/// part of the record on the wire: the probability is.
pub static PROBABILITY_EXPLICIT: FieldInfo =
    FieldInfo::new("probability_explicit", FieldKind::Bool, "The probability was set explicitly").not_null().system();

/// A deal's furthest open stage (in the current order) it ever entered: the funnel's reach.
pub static REACH: FieldInfo = FieldInfo::new("reach_stage_id", FieldKind::Id, "Furthest open stage reached").system();

/// The later of a deal's entry into its stage and its latest activity: rotting counts from it.
pub static IDLE_SINCE: FieldInfo = FieldInfo::new("idle_since", FieldKind::Timestamp, "Idle since").system();

/// A live stage of a live pipeline.
#[derive(Debug, Clone, PartialEq)]
pub struct StageRow {
    pub id: i64,
    pub pipeline_id: i64,
    pub name: String,
    pub position: i64,
    pub probability: i64,
    pub kind: StageKind,
    pub rotting_days: Option<i64>,
    pub pipeline_is_default: bool,
}

const STAGE: &Shape = &[
    ("id", Col::Int),
    ("pipeline_id", Col::Int),
    ("name", Col::Text),
    ("position", Col::Int),
    ("probability", Col::Int),
    ("kind", Col::Text),
    ("rotting_days", Col::Int),
    ("is_default", Col::Bool),
];

/// Every live stage of the user, by pipeline then position.
#[derive(Debug, Clone, Default)]
pub struct UserStages {
    pub stages: Vec<StageRow>,
}

impl UserStages {
    pub async fn load<C: Conn>(c: &mut C, user: i64) -> ApiResult<UserStages> {
        let rows = c
            .fetch(
                "SELECT s.id, s.pipeline_id, s.name, s.position, s.probability, s.kind, s.rotting_days, p.is_default \
                 FROM stages s JOIN pipelines p ON p.id = s.pipeline_id \
                 WHERE s.user_id = $1 AND s.deleted_at IS NULL AND p.deleted_at IS NULL \
                 ORDER BY p.position, p.id, s.position, s.id",
                &[SqlValue::Int(Some(user))],
                STAGE,
            )
            .await?;
        let mut stages = Vec::with_capacity(rows.len());
        for r in rows {
            let kind = r.req_text("kind")?;
            stages.push(StageRow {
                id: r.req_int("id")?,
                pipeline_id: r.req_int("pipeline_id")?,
                name: r.req_text("name")?.to_string(),
                position: r.req_int("position")?,
                probability: r.req_int("probability")?,
                kind: StageKind::parse(kind)
                    .ok_or_else(|| crate::db::DbError::decode("kind", format!("{kind:?} is no stage kind")))?,
                rotting_days: r.int("rotting_days")?,
                pipeline_is_default: r.bool("is_default")?.unwrap_or(false),
            });
        }
        Ok(UserStages { stages })
    }

    pub fn by_id(&self, id: i64) -> Option<&StageRow> {
        self.stages.iter().find(|s| s.id == id)
    }

    /// The stages of a pipeline, in order.
    pub fn of(&self, pipeline: i64) -> impl Iterator<Item = &StageRow> {
        self.stages.iter().filter(move |s| s.pipeline_id == pipeline)
    }

    /// The stage of `pipeline` called `name`, in any case (spaces, `-` and `_` ignored).
    pub fn named(&self, pipeline: i64, name: &str) -> Option<&StageRow> {
        let key = fold(name);
        self.of(pipeline).find(|s| fold(&s.name) == key)
    }

    pub fn has_pipeline(&self, pipeline: i64) -> bool {
        self.stages.iter().any(|s| s.pipeline_id == pipeline)
    }

    pub fn default_pipeline(&self) -> Option<i64> {
        self.stages.iter().find(|s| s.pipeline_is_default).or(self.stages.first()).map(|s| s.pipeline_id)
    }
}

/// A change of stage, for the history.
#[derive(Debug, Clone)]
pub struct Move {
    pub from: Option<(i64, String)>,
    pub to: (i64, String),
}

/// Whether a column is one of the hidden ones (not in the record on the wire).
pub fn is_hidden(f: &FieldInfo) -> bool {
    [&PROBABILITY_EXPLICIT, &REACH, &IDLE_SINCE].iter().any(|h| std::ptr::eq(*h, f))
}

/// What a staged record holds now, for an update.
#[derive(Debug, Clone, Default)]
pub struct Placement {
    pub pipeline_id: Option<i64>,
    pub stage_id: Option<i64>,
    pub stage: String,
    pub hidden: Hidden,
    /// Its latest activity (deals).
    pub last_activity_at: Option<i64>,
}

/// The columns of a staged record that are not on the wire.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Hidden {
    pub probability_explicit: bool,
    /// The furthest open stage reached (deals).
    pub reach: Option<i64>,
}

impl Placement {
    /// The placement of a stored record (its hidden columns read beside it).
    pub fn of(rec: &Record, hidden: Hidden) -> Placement {
        Placement {
            pipeline_id: rec.get("pipeline_id").and_then(Json::as_i64),
            stage_id: rec.get("stage_id").and_then(Json::as_i64),
            stage: rec.get("stage").and_then(Json::as_str).unwrap_or_default().to_string(),
            hidden,
            last_activity_at: rec.get("last_activity_at").and_then(Json::as_str).and_then(crm_api::time::parse_micros),
        }
    }
}

/// The hidden columns of a stored staged record.
pub async fn hidden<C: Conn>(c: &mut C, spec: &Spec, user: i64, id: i64) -> ApiResult<Hidden> {
    let funnel = spec.hooks.stages.is_some_and(|h| h.funnel);
    let sql = format!(
        "SELECT probability_explicit, {} AS reach_stage_id FROM {} WHERE id = $1 AND user_id = $2",
        if funnel { "reach_stage_id" } else { "NULL" },
        spec.table
    );
    let shape: &Shape = &[("probability_explicit", Col::Bool), ("reach_stage_id", Col::Int)];
    let row = c.fetch_one(&sql, &[SqlValue::Int(Some(id)), SqlValue::Int(Some(user))], shape).await?;
    Ok(match row {
        Some(r) => Hidden {
            probability_explicit: r.bool("probability_explicit")?.unwrap_or(false),
            reach: if funnel { r.int("reach_stage_id")? } else { None },
        },
        None => Hidden::default(),
    })
}

/// The hidden columns `values` set (the rest as they were).
pub fn hidden_after(values: &Values, before: Hidden) -> Hidden {
    let mut h = before;
    for (f, v) in values {
        if std::ptr::eq(*f, &PROBABILITY_EXPLICIT) {
            h.probability_explicit = matches!(v, SqlValue::Bool(Some(true)));
        } else if std::ptr::eq(*f, &REACH) {
            h.reach = match v {
                SqlValue::Int(r) => *r,
                _ => None,
            };
        }
    }
    h
}

/// Takes the field `name` out of `values`.
fn take(values: &mut Values, name: &str) -> Option<SqlValue> {
    let i = values.iter().position(|(f, _)| f.name == name)?;
    Some(values.remove(i).1)
}

fn field(spec: &'static Spec, name: &str) -> ApiResult<&'static FieldInfo> {
    spec.field(name).ok_or_else(|| ApiError::Internal(anyhow::anyhow!("{} have no {name} field", spec.table)))
}

fn stage_list(stages: &UserStages, pipeline: i64) -> String {
    stages.of(pipeline).map(|s| s.name.as_str()).collect::<Vec<_>>().join(", ")
}

/// Works out the placement of a create (`before` is `None`) or an update from the fields it
/// gives, and rewrites `values` to hold every placement column that changes (the stage's
/// canonical name, its id, its pipeline, the probability when it follows the stage, and the
/// time of entry `at` when the stage changes). Returns the move to record, if the stage
/// changes (or is the first one).
pub fn place(
    spec: &'static Spec,
    stages: &UserStages,
    before: Option<&Placement>,
    values: &mut Values,
    at: i64,
) -> ApiResult<Option<Move>> {
    let pipeline_given = match take(values, "pipeline_id") {
        Some(SqlValue::Int(Some(id))) => Some(id),
        _ => None,
    };
    let stage_id_given = match take(values, "stage_id") {
        Some(SqlValue::Int(Some(id))) => Some(id),
        _ => None,
    };
    let name_given = match take(values, "stage") {
        Some(SqlValue::Text(Some(s))) if !s.trim().is_empty() => Some(s),
        _ => None,
    };
    let probability_given = take(values, "probability");

    if let Some(p) = pipeline_given
        && !stages.has_pipeline(p)
    {
        return Err(ApiError::missing("pipeline_id", format!("no pipeline with id {p}")));
    }
    let by_id = match stage_id_given {
        Some(id) => {
            Some(stages.by_id(id).ok_or_else(|| ApiError::missing("stage_id", format!("no stage with id {id}")))?)
        }
        None => None,
    };
    let pipeline = pipeline_given
        .or(by_id.map(|s| s.pipeline_id))
        .or(before.and_then(|b| b.pipeline_id))
        .or(stages.default_pipeline())
        .ok_or_else(|| ApiError::Conflict("you have no pipeline: create one first".into()))?;
    if let Some(s) = by_id
        && s.pipeline_id != pipeline
    {
        return Err(ApiError::conflict_on("stage_id", format!("stage {} is not in pipeline {pipeline}", s.id)));
    }
    let by_name = match &name_given {
        Some(name) => Some(stages.named(pipeline, name).ok_or_else(|| {
            ApiError::missing(
                "stage",
                format!("no stage {name:?} in pipeline {pipeline}; its stages are: {}", stage_list(stages, pipeline)),
            )
        })?),
        None => None,
    };
    let target = match (by_id, by_name) {
        (Some(a), Some(b)) if a.id != b.id => {
            return Err(ApiError::conflict_on(
                "stage",
                format!("names stage {:?} but stage_id is {} ({:?})", b.name, a.id, a.name),
            ));
        }
        (Some(s), _) | (None, Some(s)) => s,
        (None, None) => match before {
            Some(b) if b.pipeline_id == Some(pipeline) => match b.stage_id.and_then(|id| stages.by_id(id)) {
                Some(s) => s,
                None => return Err(ApiError::conflict_on("stage", "the current stage no longer exists: name one")),
            },
            Some(_) => {
                return Err(ApiError::conflict_on(
                    "stage",
                    format!("name the stage in pipeline {pipeline}: {}", stage_list(stages, pipeline)),
                ));
            }
            None => stages
                .of(pipeline)
                .next()
                .ok_or_else(|| ApiError::Conflict(format!("pipeline {pipeline} has no stage")))?,
        },
    };

    let moved = before.and_then(|b| b.stage_id) != Some(target.id);
    values.push((field(spec, "pipeline_id")?, SqlValue::Int(Some(pipeline))));
    values.push((field(spec, "stage_id")?, SqlValue::Int(Some(target.id))));
    values.push((field(spec, "stage")?, SqlValue::Text(Some(target.name.clone()))));
    let was_explicit = before.is_some_and(|b| b.hidden.probability_explicit);
    let explicit = match &probability_given {
        Some(SqlValue::Int(Some(p))) => {
            values.push((field(spec, "probability")?, SqlValue::Int(Some(*p))));
            true
        }
        Some(_) => false,
        None => was_explicit,
    };
    if !explicit && (moved || before.is_none() || probability_given.is_some() || was_explicit) {
        values.push((field(spec, "probability")?, SqlValue::Int(Some(target.probability))));
    }
    if before.is_none() || explicit != was_explicit {
        values.push((&PROBABILITY_EXPLICIT, SqlValue::Bool(Some(explicit))));
    }
    if !moved {
        return Ok(None);
    }
    values.push((field(spec, "stage_entered_at")?, SqlValue::Int(Some(at))));
    if spec.hooks.stages.is_some_and(|h| h.funnel) {
        // The furthest open stage reached, in the current order, in this pipeline.
        let kept = before
            .filter(|b| b.pipeline_id == Some(pipeline))
            .and_then(|b| b.hidden.reach)
            .and_then(|r| stages.by_id(r))
            .filter(|r| r.kind == StageKind::Open);
        let reach = match kept {
            Some(r) if target.kind != StageKind::Open || r.position >= target.position => Some(r.id),
            _ if target.kind == StageKind::Open => Some(target.id),
            _ => None,
        };
        if before.map(|b| b.hidden.reach) != Some(reach) {
            values.push((&REACH, SqlValue::Int(reach)));
        }
        let idle = before.and_then(|b| b.last_activity_at).map_or(at, |last| last.max(at));
        values.push((&IDLE_SINCE, SqlValue::Int(Some(idle))));
    }
    let from = before.and_then(|b| b.stage_id.map(|id| (id, b.stage.clone())));
    Ok(Some(Move { from, to: (target.id, target.name.clone()) }))
}

/// The history of an entity with stages.
pub fn history_of(spec: &Spec) -> ApiResult<StageHistory> {
    spec.hooks.stages.ok_or_else(|| ApiError::Internal(anyhow::anyhow!("{} have no stages", spec.table)))
}

/// Records a move of the record `id` at `at`.
pub async fn record_move<C: Conn>(
    c: &mut C,
    history: StageHistory,
    actor: Actor,
    id: i64,
    m: &Move,
    at: i64,
) -> ApiResult<()> {
    let sql = format!(
        "INSERT INTO {} (user_id, {}, from_stage, to_stage, from_stage_id, to_stage_id, changed_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
        history.table, history.key
    );
    c.execute(
        &sql,
        &[
            SqlValue::Int(Some(actor.user_id)),
            SqlValue::Int(Some(id)),
            SqlValue::Text(m.from.as_ref().map(|f| f.1.clone())),
            SqlValue::Text(Some(m.to.1.clone())),
            SqlValue::Int(m.from.as_ref().map(|f| f.0)),
            SqlValue::Int(Some(m.to.0)),
            SqlValue::Int(Some(at)),
        ],
    )
    .await?;
    Ok(())
}

/// The time of the record's latest stage change, if any.
pub async fn last_change<C: Conn>(c: &mut C, history: StageHistory, actor: Actor, id: i64) -> ApiResult<Option<i64>> {
    let sql =
        format!("SELECT max(changed_at) AS last FROM {} WHERE user_id = $1 AND {} = $2", history.table, history.key);
    let row = c
        .fetch_one(&sql, &[SqlValue::Int(Some(actor.user_id)), SqlValue::Int(Some(id))], &[("last", Col::Int)])
        .await?;
    Ok(row.and_then(|r| r.int("last").ok().flatten()))
}
