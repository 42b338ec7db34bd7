//! The `filter=` grammar compiled to SQL: conditions over the entity's filterable fields, every
//! value bound and typed as its field.

use crm_api::filter::{Condition, Filter, Op, Value};
use serde_json::Value as Json;

use super::Sql;
use crate::db::{Dialect, SqlValue};
use crate::error::{ApiError, ApiResult};
use crate::store::spec::{Field, Kind, Spec, to_sql};

use crm_api::filter::MAX_IN_VALUES;

pub(super) fn filter_error(message: impl Into<String>) -> ApiError {
    ApiError::bad_param("filter", message)
}

/// A filter value as the JSON form of the field's values.
fn value_json(v: &Value) -> Json {
    match v {
        Value::Str(s) => Json::String(s.clone()),
        Value::Num(n) => n.parse::<i64>().map(Json::from).unwrap_or_else(|_| Json::String(n.clone())),
        Value::Bool(b) => Json::Bool(*b),
        Value::Null => Json::Null,
        Value::List(_) => Json::Null,
    }
}

fn typed(field: &Field, v: &Value) -> ApiResult<SqlValue> {
    if matches!(v, Value::Null) {
        return Err(filter_error(format!("{}: use [is]:null to match empty values", field.name)));
    }
    if let Value::List(_) = v {
        return Err(filter_error(format!("{}: a list is only allowed with [in]", field.name)));
    }
    let mut f = *field;
    f.nullable = true;
    let value = to_sql(&f, &value_json(v)).map_err(|m| filter_error(format!("{}: value {m}", field.name)))?;
    Ok(match (field.kind, value) {
        // Compared as the record's stage is matched: see [`column`].
        (Kind::StageName, SqlValue::Text(Some(s))) => SqlValue::Text(Some(crm_api::enums::fold(&s))),
        (_, value) => value,
    })
}

/// The column as `=`, `<>` and `[in]` compare it: a stage name folded as names are matched
/// (lower case; spaces, `-` and `_` dropped), so that `stage=closed won` finds `Closed-Won`.
fn column(field: &Field) -> String {
    match field.kind {
        Kind::StageName => {
            format!("replace(replace(replace(lower({}), ' ', ''), '-', ''), '_', '')", field.name)
        }
        _ => field.name.to_string(),
    }
}

pub(super) fn compile(sql: &mut Sql, spec: &'static Spec, f: &Filter) -> ApiResult<String> {
    Ok(match f {
        Filter::All(parts) | Filter::Any(parts) if parts.is_empty() => "1 = 1".into(),
        Filter::All(parts) => {
            let parts: ApiResult<Vec<_>> = parts.iter().map(|p| compile(sql, spec, p)).collect();
            format!("({})", parts?.join(" AND "))
        }
        Filter::Any(parts) => {
            let parts: ApiResult<Vec<_>> = parts.iter().map(|p| compile(sql, spec, p)).collect();
            format!("({})", parts?.join(" OR "))
        }
        Filter::Cond(c) => condition(sql, spec, c)?,
    })
}

fn condition(sql: &mut Sql, spec: &'static Spec, c: &Condition) -> ApiResult<String> {
    let field = spec.fields.iter().find(|f| f.name == c.field && f.filter).ok_or_else(|| {
        filter_error(format!("unknown field {:?}; filterable fields are {}", c.field, spec.filterable()))
    })?;
    let col = field.name;
    let textual = field.kind.is_textual();
    let ordered = !matches!(field.kind, Kind::Enum(_) | Kind::Bool | Kind::StageName);
    let compared = column(field);
    Ok(match c.op {
        Op::Eq => format!("{compared} = {}", sql.bind(typed(field, &c.value)?)),
        Op::Neq => {
            let p = sql.bind(typed(field, &c.value)?);
            if field.nullable { format!("({col} IS NULL OR {compared} <> {p})") } else { format!("{compared} <> {p}") }
        }
        Op::Gt | Op::Gte | Op::Lt | Op::Lte => {
            if !ordered {
                return Err(filter_error(format!("{col}: [{}] does not apply to this field", c.op.as_str())));
            }
            let sym = match c.op {
                Op::Gt => ">",
                Op::Gte => ">=",
                Op::Lt => "<",
                _ => "<=",
            };
            format!("{col} {sym} {}", sql.bind(typed(field, &c.value)?))
        }
        Op::In => {
            let items = match &c.value {
                Value::List(items) => items.clone(),
                other => vec![other.clone()],
            };
            if items.len() > MAX_IN_VALUES {
                return Err(filter_error(format!("{col}: [in] takes at most {MAX_IN_VALUES} values")));
            }
            let ps: ApiResult<Vec<_>> = items.iter().map(|v| typed(field, v).map(|t| sql.bind(t))).collect();
            format!("{compared} IN ({})", ps?.join(", "))
        }
        Op::Like | Op::Ilike => {
            if !textual {
                return Err(filter_error(format!("{col}: [{}] applies to text fields only", c.op.as_str())));
            }
            let Value::Str(pattern) = &c.value else {
                return Err(filter_error(format!("{col}: [{}] needs a string pattern", c.op.as_str())));
            };
            match (c.op, sql.dialect) {
                (Op::Like, Dialect::Postgres) => {
                    format!("{col} LIKE {}", sql.bind(SqlValue::Text(Some(pattern.clone()))))
                }
                (Op::Like, Dialect::Sqlite) => {
                    // SQLite's LIKE ignores case; GLOB is its case-sensitive match.
                    format!("{col} GLOB {}", sql.bind(SqlValue::Text(Some(like_to_glob(pattern)))))
                }
                (_, Dialect::Postgres) => format!("{col} ILIKE {}", sql.bind(SqlValue::Text(Some(pattern.clone())))),
                (_, Dialect::Sqlite) => format!("{col} LIKE {}", sql.bind(SqlValue::Text(Some(pattern.clone())))),
            }
        }
        Op::Is => match &c.value {
            Value::Null => format!("{col} IS NULL"),
            Value::Str(s) if matches!(s.to_ascii_lowercase().as_str(), "notnull" | "not_null" | "!null") => {
                format!("{col} IS NOT NULL")
            }
            _ => return Err(filter_error(format!("{col}: [is] takes null or notnull"))),
        },
    })
}

/// Translates a LIKE pattern (`%`, `_`) into a GLOB pattern, quoting GLOB's own wildcards.
fn like_to_glob(p: &str) -> String {
    let mut out = String::with_capacity(p.len());
    for ch in p.chars() {
        match ch {
            '%' => out.push('*'),
            '_' => out.push('?'),
            '*' => out.push_str("[*]"),
            '?' => out.push_str("[?]"),
            '[' => out.push_str("[[]"),
            _ => out.push(ch),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::like_to_glob;

    #[test]
    fn like_patterns_become_globs() {
        assert_eq!(like_to_glob("%Acme_1*"), "*Acme?1[*]");
    }
}
