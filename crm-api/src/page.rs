//! The list envelope and the query parameters every list endpoint takes.

use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

/// One page of a list.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct Page<T> {
    pub data: Vec<T>,
    /// Pass as `cursor` to get the next page; absent on the last page.
    pub next_cursor: Option<String>,
    /// Number of matching records; only computed when `total=true` was asked for, since
    /// counting costs in proportion to the table.
    pub total: Option<i64>,
}

/// Query parameters of every list endpoint.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ListParams {
    /// Page size, 1 to 1000 (default 50).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[param(minimum = 1, maximum = 1000)]
    pub limit: Option<u32>,
    /// Number of records to skip (cost grows with the offset; prefer `cursor`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[param(maximum = 9_223_372_036_854_775_807_u64)]
    pub offset: Option<u64>,
    /// Opaque cursor from a previous page's `next_cursor` (not with `offset`); empty means none.
    #[serde(default, deserialize_with = "empty_is_none", skip_serializing_if = "Option::is_none")]
    #[param(format = "cursor")]
    pub cursor: Option<String>,
    /// Sort keys, comma-separated, `-` for descending: `-created_at,name`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sort: Option<String>,
    /// Filter expression: `status[eq]:"Lead",rating[gte]:4`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[param(format = "filter")]
    pub filter: Option<String>,
    /// Free-text search over names, emails and companies: at most 200 characters, white
    /// space around them aside.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[param(schema_with = search_text)]
    pub q: Option<String>,
    /// `true` lists deleted records (the trash) instead of live ones.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deleted: Option<bool>,
    /// `true` computes `total`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total: Option<bool>,
}

/// A query parameter given empty (`cursor=`) is one not given.
pub(crate) fn empty_is_none<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    let s = Option::<String>::deserialize(d)?;
    Ok(s.filter(|s| !s.trim().is_empty()))
}

/// Longest `q`, white space around it aside.
pub const Q_MAX: usize = 200;

pub(crate) fn search_text() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
    let ws = crate::validate::schema::WHITESPACE;
    let inner = Q_MAX - 2;
    utoipa::openapi::schema::ObjectBuilder::new()
        .schema_type(utoipa::openapi::schema::Type::String)
        .pattern(Some(format!("^[{ws}]*(?:[^{ws}](?:[\\s\\S]{{0,{inner}}}[^{ws}])?)?[{ws}]*$")))
        .description(Some(format!(
            "Free-text search over names, emails and companies: at most {Q_MAX} characters, white space around them aside"
        )))
        .into()
}
