//! Pipelines and their stages, kept per user as data: a stage has a name, a position, a
//! probability, a kind (open, won, lost) and a rotting threshold. Deals and opportunities name
//! their stage (case-insensitively; the canonical spelling is returned) and carry its id and
//! its pipeline's.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::validate::{Errors, Validate};
use crate::{FieldError, Stage};

/// Longest name of a pipeline or a stage.
pub const NAME_MAX: usize = 100;
/// Most stages in one pipeline.
pub const MAX_STAGES: usize = 50;
/// Most pipelines of one user.
pub const MAX_PIPELINES: usize = 50;
/// Longest rotting threshold, in days.
pub const ROTTING_DAYS_MAX: i64 = 3650;

pub use crate::enums::StageKind;

/// The stages every user's first pipeline starts with: the seed's six, in order, with their
/// probability and kind.
pub const DEFAULT_STAGES: [(Stage, i64, StageKind); 6] = [
    (Stage::Prospect, 10, StageKind::Open),
    (Stage::Qualification, 20, StageKind::Open),
    (Stage::Proposal, 50, StageKind::Open),
    (Stage::Negotiation, 75, StageKind::Open),
    (Stage::ClosedWon, 100, StageKind::Won),
    (Stage::ClosedLost, 0, StageKind::Lost),
];

/// [`DEFAULT_STAGES`] as the stages of a new pipeline.
pub fn default_stages() -> Vec<NewStage> {
    DEFAULT_STAGES
        .iter()
        .map(|(stage, probability, kind)| NewStage {
            name: stage.as_str().to_string(),
            probability: Some(*probability),
            kind: *kind,
            ..Default::default()
        })
        .collect()
}

/// The name of the pipeline every user starts with.
pub const DEFAULT_PIPELINE: &str = "Sales";

/// The probability a new stage of `kind` has when none is given.
pub fn default_probability(kind: StageKind) -> i64 {
    match kind {
        StageKind::Won => 100,
        StageKind::Open | StageKind::Lost => 0,
    }
}

/// A stage of a pipeline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct PipelineStage {
    pub id: i64,
    pub pipeline_id: i64,
    /// Unique in its pipeline (compared case-insensitively, spaces, `-` and `_` ignored).
    pub name: String,
    /// From 0, in pipeline order.
    pub position: i64,
    /// Probability of closing, 0 to 100, that records in this stage follow unless theirs was
    /// set explicitly.
    #[schema(minimum = 0, maximum = 100)]
    pub probability: i64,
    pub kind: StageKind,
    /// An open record with no stage change and no activity for longer than this many days is
    /// rotting; null: never.
    #[schema(minimum = 1, maximum = 3650)]
    pub rotting_days: Option<i64>,
    #[serde(with = "crate::time")]
    pub created_at: DateTime<Utc>,
    #[serde(with = "crate::time")]
    pub updated_at: DateTime<Utc>,
}

/// A pipeline with its stages in order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Pipeline {
    pub id: i64,
    pub name: String,
    /// From 0, in the user's order.
    pub position: i64,
    /// New deals and opportunities go to the default pipeline unless told otherwise.
    pub is_default: bool,
    /// Row version (the `ETag`): changes with the pipeline and with any of its stages.
    pub version: i64,
    pub stages: Vec<PipelineStage>,
    #[serde(with = "crate::time")]
    pub created_at: DateTime<Utc>,
    #[serde(with = "crate::time")]
    pub updated_at: DateTime<Utc>,
}

/// Body of `POST /api/crm/pipelines`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewPipeline {
    /// Unique among the user's pipelines, in any spelling (409 otherwise).
    #[schema(schema_with = name_schema)]
    pub name: String,
    /// Make it the default pipeline (the previous default stops being it).
    #[serde(default)]
    pub is_default: bool,
    /// Its stages, in order (1 to 50; their `position` is their place in the list, any other
    /// given is ignored), names unique in any spelling (409 naming the second); the six
    /// default stages when left out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(min_items = 1, max_items = 50)]
    pub stages: Option<Vec<NewStage>>,
}

/// Body of `PATCH /api/crm/pipelines/:id`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PipelinePatch {
    /// Unique among the user's pipelines, in any spelling (409 otherwise).
    #[serde(default, deserialize_with = "crate::patch::not_null", skip_serializing_if = "Option::is_none")]
    #[schema(schema_with = name_schema)]
    pub name: Option<String>,
    /// `true` makes it the default pipeline; `false` is refused (make another one the
    /// default instead).
    #[serde(default, deserialize_with = "crate::patch::not_null", skip_serializing_if = "Option::is_none")]
    #[schema(schema_with = only_true)]
    pub is_default: Option<bool>,
    /// New place among the user's pipelines, from 0 (others shift).
    #[serde(default, deserialize_with = "crate::patch::not_null", skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false, minimum = 0, maximum = 49)]
    pub position: Option<i64>,
}

/// Body of `POST /api/crm/pipelines/:id/stages`, and a stage of a new pipeline.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewStage {
    /// Unique in its pipeline, in any spelling (409 otherwise).
    #[schema(schema_with = name_schema)]
    pub name: String,
    /// 0 to 100; default 100 for a won stage, else 0.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(minimum = 0, maximum = 100)]
    pub probability: Option<i64>,
    /// Default open.
    #[serde(default)]
    pub kind: StageKind,
    /// 1 to 3650 days, or null (never rots, the default).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(minimum = 1, maximum = 3650)]
    pub rotting_days: Option<i64>,
    /// Where it goes, from 0 (the stages from there on shift); default last.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(minimum = 0, maximum = 49)]
    pub position: Option<i64>,
}

/// Body of `PATCH /api/crm/pipelines/:id/stages/:stage_id`: absent fields stay.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct StagePatch {
    /// Unique in its pipeline, in any spelling (409 otherwise).
    #[serde(default, deserialize_with = "crate::patch::not_null", skip_serializing_if = "Option::is_none")]
    #[schema(schema_with = name_schema)]
    pub name: Option<String>,
    /// Records of this stage whose probability follows the stage's take the new one.
    #[serde(default, deserialize_with = "crate::patch::not_null", skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false, minimum = 0, maximum = 100)]
    pub probability: Option<i64>,
    #[serde(default, deserialize_with = "crate::patch::not_null", skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false)]
    pub kind: Option<StageKind>,
    /// Days, or null for never.
    #[serde(default, deserialize_with = "crate::patch::double_option", skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<i64>, minimum = 1, maximum = 3650)]
    pub rotting_days: Option<Option<i64>>,
    /// New place, from 0 (the stages between shift).
    #[serde(default, deserialize_with = "crate::patch::not_null", skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false, minimum = 0, maximum = 49)]
    pub position: Option<i64>,
}

/// Query of `DELETE /api/crm/pipelines/:id/stages/:stage_id`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
pub struct StageDeleteParams {
    /// The stage (name or id, of the same pipeline) that the deals and opportunities of the
    /// deleted stage move to; required when any use it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub move_to: Option<String>,
}

/// Body of `POST /api/crm/deals/:id/move` and `POST /api/crm/opportunities/:id/move`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MoveRequest {
    /// The stage, by name (any case), in the record's pipeline (404 naming `stage` when it has
    /// none of that name). One of `stage` and `stage_id` is required.
    #[serde(default, deserialize_with = "crate::patch::not_null", skip_serializing_if = "Option::is_none")]
    pub stage: Option<String>,
    /// The stage by id (of the record's pipeline, or of another pipeline to move it there);
    /// with `stage`, both must name the same stage (409 otherwise).
    #[serde(default, deserialize_with = "crate::patch::not_null", skip_serializing_if = "Option::is_none")]
    pub stage_id: Option<i64>,
    /// When the move happened (default now): not in the future, not before the record's
    /// previous stage change. Lets history brought from another CRM keep its dates.
    #[serde(default, with = "crate::time::option", skip_serializing_if = "Option::is_none")]
    pub at: Option<DateTime<Utc>>,
}

impl utoipa::PartialSchema for MoveRequest {
    /// The fields, with `stage` or `stage_id` (or both) required.
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        use utoipa::openapi::schema::{
            AdditionalProperties, AnyOfBuilder, KnownFormat, ObjectBuilder, SchemaFormat, Type,
        };
        let with = |required: &str| {
            ObjectBuilder::new()
                .schema_type(Type::Object)
                .additional_properties(Some(AdditionalProperties::FreeForm(false)))
                .property("stage", name_schema())
                .property("stage_id", crate::validate::schema::id(false))
                .property(
                    "at",
                    ObjectBuilder::new()
                        .schema_type(utoipa::openapi::schema::SchemaType::from_iter([Type::String, Type::Null]))
                        .format(Some(SchemaFormat::KnownFormat(KnownFormat::DateTime)))
                        .description(Some("When the move happened (default now): not in the future, nor before the previous stage change (409 naming it)")),
                )
                .required(required)
        };
        AnyOfBuilder::new()
            .item(with("stage"))
            .item(with("stage_id"))
            .description(Some(
                "A stage by name (any case) or id; 404 naming it when the record's pipeline has no such stage",
            ))
            .into()
    }
}

impl ToSchema for MoveRequest {
    fn name() -> std::borrow::Cow<'static, str> {
        std::borrow::Cow::Borrowed("MoveRequest")
    }
}

/// A name as the server reads it: not blank, at most [`NAME_MAX`] characters.
fn name_schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
    crate::validate::schema::required_text(NAME_MAX)
}

/// `true` only.
fn only_true() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
    utoipa::openapi::schema::ObjectBuilder::new()
        .schema_type(utoipa::openapi::schema::Type::Boolean)
        .enum_values(Some([serde_json::Value::Bool(true)]))
        .into()
}

fn check_name(e: &mut Errors, field: &str, name: &str) {
    e.required_text(field, name, NAME_MAX);
}

fn check_stage(e: &mut Errors, prefix: &str, s: &NewStage) {
    check_name(e, &format!("{prefix}name"), &s.name);
    e.range(&format!("{prefix}probability"), s.probability, 0, 100);
    e.range(&format!("{prefix}rotting_days"), s.rotting_days, 1, ROTTING_DAYS_MAX);
    e.range(&format!("{prefix}position"), s.position, 0, MAX_STAGES as i64 - 1);
}

impl Validate for NewStage {
    fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut e = Errors::default();
        check_stage(&mut e, "", self);
        e.into_result()
    }
}

impl Validate for NewPipeline {
    fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut e = Errors::default();
        check_name(&mut e, "name", &self.name);
        if let Some(stages) = &self.stages {
            if stages.is_empty() || stages.len() > MAX_STAGES {
                e.add("stages", format!("must hold 1 to {MAX_STAGES} stages (got {})", stages.len()));
            }
            for (i, s) in stages.iter().enumerate() {
                check_stage(&mut e, &format!("stages[{i}]."), s);
            }
        }
        e.into_result()
    }
}

impl Validate for PipelinePatch {
    fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut e = Errors::default();
        if let Some(name) = &self.name {
            check_name(&mut e, "name", name);
        }
        if self.is_default == Some(false) {
            e.add("is_default", "cannot be turned off: make another pipeline the default");
        }
        e.range("position", self.position, 0, MAX_PIPELINES as i64 - 1);
        e.into_result()
    }
}

impl Validate for StagePatch {
    fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut e = Errors::default();
        if let Some(name) = &self.name {
            check_name(&mut e, "name", name);
        }
        e.range("probability", self.probability, 0, 100);
        e.range("rotting_days", self.rotting_days.flatten(), 1, ROTTING_DAYS_MAX);
        e.range("position", self.position, 0, MAX_STAGES as i64 - 1);
        e.into_result()
    }
}

impl Validate for MoveRequest {
    fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut e = Errors::default();
        match (&self.stage, self.stage_id) {
            (None, None) => e.add("stage", "is required (or stage_id)"),
            (Some(name), _) => check_name(&mut e, "stage", name),
            (None, Some(_)) => {}
        }
        e.id("stage_id", self.stage_id);
        e.into_result()
    }
}
