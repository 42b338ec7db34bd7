//! Query parameters of the endpoints that take more than a list's ([`crate::ListParams`]): the
//! audit trail, a contact's timeline, exports and the import list. The server reads these very
//! types and the client sends them, so the two cannot disagree; their OpenAPI documentation
//! states the limits the server enforces.

use serde::{Deserialize, Deserializer, Serialize};
use utoipa::{IntoParams, ToSchema};

/// Query parameters of `GET /api/crm/audit`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct AuditParams {
    /// Page size, 1 to 1000 (default 50).
    #[param(minimum = 1, maximum = 1000)]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
    /// `next_cursor` of the previous page (the id of its last entry); empty means none.
    #[param(pattern = "^[0-9]{0,18}$")]
    #[serde(default, deserialize_with = "crate::page::empty_is_none", skip_serializing_if = "Option::is_none")]
    pub cursor: Option<String>,
    /// Only entries of this entity (`contact`, `opportunity`, `deal`, `activity`,
    /// `api_token`, `dashboard_layout`: its id is the user's); empty means any.
    #[serde(default, deserialize_with = "crate::page::empty_is_none", skip_serializing_if = "Option::is_none")]
    pub entity: Option<String>,
    /// Only entries of records with this id (of `entity`, when given).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entity_id: Option<i64>,
}

/// Query parameters of `GET /api/crm/contacts/{id}/timeline`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct TimelineParams {
    /// Most events returned, 1 to 1000 (default 100).
    #[param(minimum = 1, maximum = 1000)]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
}

/// Query parameters of `GET /api/crm/imports`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ImportListParams {
    /// How many, newest first, 1 to 1000 (default 50).
    #[param(minimum = 1, maximum = 1000)]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
}

/// Query parameters of `GET /api/crm/activities/queue`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct QueueParams {
    /// IANA time zone whose current date is "today" (`Europe/Berlin`, `America/New_York`), as
    /// spelled in the tz database; default `UTC`. Any other value is a 400 naming `tz`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tz: Option<String>,
    /// Most activities per section, 1 to 500 (default 50).
    #[param(minimum = 1, maximum = 500)]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
}

/// Query parameters of `POST /api/crm/activities/{id}/snooze`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct SnoozeParams {
    /// IANA time zone whose current date `until` may not be before, as spelled in the tz
    /// database; default `UTC`. Any other value is a 400 naming `tz`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tz: Option<String>,
}

/// What an export is written as.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum ExportFormat {
    /// A header row of field names, then one row per record.
    #[default]
    Csv,
    /// One JSON object per line.
    Ndjson,
}

impl ExportFormat {
    /// The name on the wire (`csv`, `ndjson`), also the usual file extension.
    pub fn as_str(self) -> &'static str {
        match self {
            ExportFormat::Csv => "csv",
            ExportFormat::Ndjson => "ndjson",
        }
    }
}

impl std::str::FromStr for ExportFormat {
    type Err = String;

    /// `csv` or `ndjson`, in any case.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if s.eq_ignore_ascii_case("csv") {
            Ok(ExportFormat::Csv)
        } else if s.eq_ignore_ascii_case("ndjson") {
            Ok(ExportFormat::Ndjson)
        } else {
            Err(format!("must be csv or ndjson (got {s:?})"))
        }
    }
}

impl<'de> Deserialize<'de> for ExportFormat {
    fn deserialize<D: Deserializer<'de>>(de: D) -> Result<Self, D::Error> {
        let s = String::deserialize(de)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// Query parameters of `GET /api/crm/<entity>/export`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ExportParams {
    /// `csv` (default; a header row of field names) or `ndjson` (one JSON object per line).
    #[param(inline)]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub format: Option<ExportFormat>,
    /// Filter expression, as for lists.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[param(format = "filter")]
    pub filter: Option<String>,
    /// Free-text search, as for lists.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[param(schema_with = crate::page::search_text)]
    pub q: Option<String>,
    /// Sort keys, as for lists (default `created_at`, oldest first).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sort: Option<String>,
    /// `true` exports the trash instead.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deleted: Option<bool>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use utoipa::openapi::path::ParameterIn;

    /// The `limit` parameter's documented bounds, as JSON numbers.
    fn limit_bounds<P: IntoParams>() -> (serde_json::Value, serde_json::Value) {
        let params = P::into_params(|| Some(ParameterIn::Query));
        let limit = params.iter().find(|p| p.name == "limit").expect("a limit parameter");
        let doc = serde_json::to_value(limit).expect("parameter as JSON");
        (doc["schema"]["minimum"].clone(), doc["schema"]["maximum"].clone())
    }

    #[test]
    fn documented_limits_are_the_enforced_ones() {
        let max = serde_json::json!(crate::MAX_LIMIT);
        for (name, (min, upper)) in [
            ("audit", limit_bounds::<AuditParams>()),
            ("timeline", limit_bounds::<TimelineParams>()),
            ("imports", limit_bounds::<ImportListParams>()),
        ] {
            assert_eq!((min.as_f64(), upper.as_f64()), (Some(1.0), max.as_f64()), "{name}");
        }
    }

    #[test]
    fn the_queue_limit_is_documented_as_enforced() {
        let (min, upper) = limit_bounds::<QueueParams>();
        assert_eq!((min.as_f64(), upper.as_f64()), (Some(1.0), Some(f64::from(crate::activities::QUEUE_MAX_LIMIT))));
    }

    #[test]
    fn export_format_reads_any_case_and_names_the_choices() {
        assert_eq!("NDJSON".parse::<ExportFormat>(), Ok(ExportFormat::Ndjson));
        assert_eq!("csv".parse::<ExportFormat>(), Ok(ExportFormat::Csv));
        assert!("".parse::<ExportFormat>().is_err_and(|e| e.contains("csv or ndjson")));
        let params = ExportParams::into_params(|| Some(ParameterIn::Query));
        let format = params.iter().find(|p| p.name == "format").expect("format");
        let doc = serde_json::to_value(format).expect("json");
        assert_eq!(doc["schema"]["enum"], serde_json::json!(["csv", "ndjson"]), "{doc}");
    }
}
