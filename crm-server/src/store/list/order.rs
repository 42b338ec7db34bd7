//! The order of a page: the `sort=` keys (with the id last, so that the order is total) and
//! the keyset cursor that continues a list where the last page ended.

use base64::Engine;
use serde_json::{Value as Json, json};

use super::Sql;
use crate::db::SqlValue;
use crate::error::{ApiError, ApiResult};
use crate::store::records::Record;
use crate::store::spec::{Field, Spec, to_sql};

const MAX_SORT_KEYS: usize = 4;

#[derive(Debug, Clone, Copy)]
pub(super) struct SortKey {
    pub(super) field: &'static Field,
    pub(super) desc: bool,
}

pub(super) fn parse_sort(spec: &'static Spec, sort: Option<&str>) -> ApiResult<Vec<SortKey>> {
    let raw = sort.map(str::trim).filter(|s| !s.is_empty()).unwrap_or("-created_at");
    let mut keys: Vec<SortKey> = Vec::new();
    for part in raw.split(',') {
        let part = part.trim();
        let (desc, name) = match part.strip_prefix('-') {
            Some(n) => (true, n),
            None => (false, part.strip_prefix('+').unwrap_or(part)),
        };
        let field = spec.fields.iter().find(|f| f.name == name && f.filter).ok_or_else(|| {
            ApiError::bad_param("sort", format!("cannot sort by {name:?}; sortable fields are {}", spec.filterable()))
        })?;
        if keys.iter().any(|k| k.field.name == field.name) {
            return Err(ApiError::bad_param("sort", format!("{name:?} appears twice")));
        }
        keys.push(SortKey { field, desc });
    }
    if keys.len() > MAX_SORT_KEYS {
        return Err(ApiError::bad_param("sort", format!("at most {MAX_SORT_KEYS} sort keys")));
    }
    if !keys.iter().any(|k| k.field.name == "id")
        && let Some(id) = spec.field("id")
    {
        let desc = keys.first().is_some_and(|k| k.desc);
        keys.push(SortKey { field: id, desc });
    }
    Ok(keys)
}

fn sort_signature(keys: &[SortKey]) -> String {
    keys.iter().map(|k| format!("{}{}", if k.desc { "-" } else { "" }, k.field.name)).collect::<Vec<_>>().join(",")
}

/// Rows after the cursor's position in the sort order (NULLs sort last ascending, first
/// descending, on both backends).
pub(super) fn keyset(sql: &mut Sql, keys: &[SortKey], values: &[SqlValue]) -> String {
    let uniform = keys.iter().all(|k| !k.field.nullable && k.desc == keys[0].desc);
    if uniform {
        let cols: Vec<_> = keys.iter().map(|k| k.field.name).collect();
        let ps: Vec<_> = values.iter().map(|v| sql.bind(v.clone())).collect();
        let op = if keys[0].desc { "<" } else { ">" };
        return format!("({}) {op} ({})", cols.join(", "), ps.join(", "));
    }
    let mut expr = String::from("1 = 0");
    for (k, v) in keys.iter().zip(values).rev() {
        let col = k.field.name;
        let (after, equal) = if v.is_null() {
            (if k.desc { format!("{col} IS NOT NULL") } else { "1 = 0".into() }, format!("{col} IS NULL"))
        } else {
            let p = sql.bind(v.clone());
            let after = match (k.desc, k.field.nullable) {
                (false, true) => format!("({col} > {p} OR {col} IS NULL)"),
                (false, false) => format!("{col} > {p}"),
                (true, _) => format!("{col} < {p}"),
            };
            (after, format!("{col} = {p}"))
        };
        expr = format!("({after} OR ({equal} AND {expr}))");
    }
    expr
}

pub(super) fn encode_cursor(keys: &[SortKey], rec: &Record) -> String {
    let values: Vec<Json> = keys.iter().map(|k| rec.get(k.field.name).cloned().unwrap_or(Json::Null)).collect();
    let body = json!({ "s": sort_signature(keys), "v": values });
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(body.to_string())
}

pub(super) fn decode_cursor(keys: &[SortKey], cursor: &str) -> ApiResult<Vec<SqlValue>> {
    let bad = || {
        ApiError::bad_param("cursor", "is not a cursor of this list (it comes from next_cursor, with the same sort)")
    };
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(cursor.trim()).map_err(|_| bad())?;
    let body: Json = serde_json::from_slice(&bytes).map_err(|_| bad())?;
    if body.get("s").and_then(Json::as_str) != Some(sort_signature(keys).as_str()) {
        return Err(bad());
    }
    let values = body.get("v").and_then(Json::as_array).ok_or_else(bad)?;
    if values.len() != keys.len() {
        return Err(bad());
    }
    keys.iter()
        .zip(values)
        .map(|(k, v)| {
            let mut f = *k.field;
            f.nullable = true;
            to_sql(&f, v).map_err(|_| bad())
        })
        .collect()
}
