//! The figures a sales team opens the CRM for: the pipeline board and its summary, the
//! forecast, the dashboard. Every sum of money is exact (integer minor units, per currency,
//! never mixed), written as a decimal string; a weighted amount is the exact sum of amount x
//! probability, divided by 100 and rounded half away from zero to the cent once, at the end.
//! A figure with no data is null.

use chrono::NaiveDate;
use serde::de::{MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use utoipa::{IntoParams, ToSchema};

use crate::StageKind;
use crate::deals::Deal;
use crate::money::Total;

/// Deals per column when `per_stage` is not given.
pub const DEFAULT_PER_STAGE: u32 = 50;
/// Most deals per column.
pub const MAX_PER_STAGE: u32 = 500;
/// Months of a forecast when `months` is not given.
pub const DEFAULT_MONTHS: u32 = 6;
/// Most months of a forecast.
pub const MAX_MONTHS: u32 = 36;
/// Longest dashboard period, in days.
pub const MAX_PERIOD_DAYS: i64 = 731;

/// Query of `GET /api/crm/pipeline`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct PipelineParams {
    /// The pipeline (default: the default pipeline).
    #[param(minimum = 1)]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pipeline_id: Option<i64>,
    /// `summary` for the figures of each stage instead of its deals (`per_stage`, `stage` and
    /// `after` do not apply to it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub view: Option<PipelineView>,
    /// Deals per column, 1 to 500 (default 50).
    #[param(minimum = 1, maximum = 500)]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub per_stage: Option<u32>,
    /// Only this stage's column (by name, any case): with `after`, its next deals.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stage: Option<String>,
    /// The cursor of a column: the id of the last deal of the column already read; the deals
    /// after it follow (a column is in id order). Without `stage`, every column starts after it.
    #[param(minimum = 1)]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub after: Option<i64>,
}

/// What `GET /api/crm/pipeline` shows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum PipelineView {
    /// The deals of each stage (the default).
    #[default]
    Board,
    /// The figures of each stage.
    Summary,
}

/// The pipeline board: `{ "<stage>": [deals] }`, the stages in pipeline order, each column in
/// id order and at most `per_stage` long (the next deals of a column: `stage` and `after`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PipelineBoard(pub Vec<(String, Vec<Deal>)>);

impl Serialize for PipelineBoard {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (stage, deals) in &self.0 {
            map.serialize_entry(stage, deals)?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for PipelineBoard {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct InOrder;
        impl<'de> Visitor<'de> for InOrder {
            type Value = PipelineBoard;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an object of stage names to arrays of deals")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<PipelineBoard, A::Error> {
                let mut out = Vec::new();
                while let Some((k, v)) = map.next_entry::<String, Vec<Deal>>()? {
                    out.push((k, v));
                }
                Ok(PipelineBoard(out))
            }
        }
        d.deserialize_map(InOrder)
    }
}

impl utoipa::PartialSchema for PipelineBoard {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        use utoipa::openapi::schema::{AdditionalProperties, ArrayBuilder, ObjectBuilder, Ref, Type};
        ObjectBuilder::new()
            .schema_type(Type::Object)
            .description(Some("Each stage's name (in pipeline order) to its deals (in id order)"))
            .additional_properties(Some(AdditionalProperties::RefOr(
                ArrayBuilder::new().items(Ref::from_schema_name("Deal")).into(),
            )))
            .into()
    }
}

impl ToSchema for PipelineBoard {
    fn name() -> std::borrow::Cow<'static, str> {
        std::borrow::Cow::Borrowed("PipelineBoard")
    }
}

/// Money of one currency.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct CurrencyAmount {
    pub currency: String,
    pub amount: Total,
}

/// A stage's deals of one currency.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct StageCurrency {
    pub currency: String,
    pub count: i64,
    pub amount: Total,
    /// Sum of amount x probability / 100.
    pub weighted_amount: Total,
    /// Open deals with no stage change and no activity for longer than the stage's rotting
    /// days (0 when the stage never rots).
    pub rotting: i64,
}

/// One stage of the summary.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct StageSummary {
    pub stage_id: i64,
    pub stage: String,
    pub position: i64,
    pub kind: StageKind,
    pub probability: i64,
    pub rotting_days: Option<i64>,
    /// Deals in the stage, every currency.
    pub count: i64,
    /// Rotting deals, every currency.
    pub rotting: i64,
    /// Per currency, in code order.
    pub currencies: Vec<StageCurrency>,
}

/// `GET /api/crm/pipeline?view=summary`: the figures of each stage, in order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct PipelineSummary {
    pub pipeline_id: i64,
    pub stages: Vec<StageSummary>,
}

/// Query of `GET /api/crm/forecast`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ForecastParams {
    /// Months from the current UTC month, 1 to 36 (default 6).
    #[param(minimum = 1, maximum = 36)]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub months: Option<u32>,
}

/// One month and currency of the forecast.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct ForecastFigures {
    pub currency: String,
    /// Deals in a won stage with their close date in the month.
    pub won: Total,
    /// Open deals closing in the month: sum of amount x probability / 100.
    pub weighted: Total,
    /// Open deals' amounts closing in the month, plus `won`.
    pub best_case: Total,
    /// Open and won deals closing in the month.
    pub count: i64,
}

/// One month of the forecast (`YYYY-MM`), its currencies in code order (none when nothing
/// closes in it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct ForecastMonth {
    pub month: String,
    pub currencies: Vec<ForecastFigures>,
}

/// `GET /api/crm/forecast`: each month from the current UTC month, every pipeline; deals
/// without a close date are left out, as are lost ones.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Forecast {
    pub months: Vec<ForecastMonth>,
}

/// Query of `GET /api/crm/dashboard`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct DashboardParams {
    /// First day of the period, UTC (default: the first of the current UTC month).
    #[param(value_type = Option<String>, format = Date)]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<NaiveDate>,
    /// Last day of the period, included, UTC (default: the last of the current UTC month);
    /// not before `from`, at most 731 days after it.
    #[param(value_type = Option<String>, format = Date)]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<NaiveDate>,
    /// The pipeline of `funnel` and `by_stage` (default: the default pipeline).
    #[param(minimum = 1)]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pipeline_id: Option<i64>,
}

/// One open stage of the funnel.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct FunnelStep {
    pub stage_id: i64,
    pub stage: String,
    /// Deals created in the period that reached this stage or a later one.
    pub count: i64,
    /// `count` over the first stage's count, 0 to 1; null when the first stage's is 0.
    pub share: Option<f64>,
}

/// An open stage's deals.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct StageTotals {
    pub stage_id: i64,
    pub stage: String,
    pub count: i64,
    /// Per currency, in code order.
    pub amounts: Vec<CurrencyAmount>,
}

/// Activities created on one UTC day, by type.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct ActivityDay {
    #[schema(value_type = String, format = Date)]
    pub date: NaiveDate,
    #[serde(rename = "Call")]
    pub call: i64,
    #[serde(rename = "Email")]
    pub email: i64,
    #[serde(rename = "Meeting")]
    pub meeting: i64,
    #[serde(rename = "Task")]
    pub task: i64,
    #[serde(rename = "Note")]
    pub note: i64,
}

/// `GET /api/crm/dashboard`. Deleted records never count. Won and lost go by a deal's current
/// stage and its latest entry into it (a deal won and reopened is not won).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Dashboard {
    #[schema(value_type = String, format = Date)]
    pub from: NaiveDate,
    #[schema(value_type = String, format = Date)]
    pub to: NaiveDate,
    /// The pipeline of `funnel` and `by_stage`.
    pub pipeline_id: i64,
    /// Contacts not in the trash.
    pub total_contacts: i64,
    /// Opportunities in an open stage.
    pub open_opportunities: i64,
    /// Sum of the open opportunities' values, per currency; null when there are none.
    pub pipeline_value: Option<Vec<CurrencyAmount>>,
    /// Deals that entered a won stage in the period (and are still in it).
    pub deals_won: i64,
    /// Won over won plus lost, of the deals that entered a closed stage in the period, 0 to 1;
    /// null when none did.
    pub win_rate: Option<f64>,
    /// Mean amount of the deals won in the period, per currency (rounded half away from zero
    /// to the cent); null when none were won.
    pub average_deal_size: Option<Vec<CurrencyAmount>>,
    /// Mean days from a deal's creation to its entry into the won stage, over the deals won in
    /// the period; null when none were won.
    pub sales_cycle_days: Option<f64>,
    /// For the deals created in the period, per open stage in order: how many reached it or a
    /// later stage. A won deal has passed every open stage; any other counts for the open
    /// stages it entered and those before them (by their current order).
    pub funnel: Vec<FunnelStep>,
    /// Open deals per open stage, in order.
    pub by_stage: Vec<StageTotals>,
    pub forecast: Forecast,
    /// Activities created per UTC day of the period, by type.
    pub activity_timeline: Vec<ActivityDay>,
}
