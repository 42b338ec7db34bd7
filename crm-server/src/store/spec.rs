//! What the generic record store knows of each entity: its table, its columns and its hooks,
//! all read from the entity's one description (`crm_api::catalog`), plus the column list and
//! row shape of a SELECT, built once.
//!
//! Record JSON keys are column names. Values cross between JSON and SQL by [`Kind`]: money is
//! integer minor units in the database and a two-decimal string in JSON, times are microseconds
//! and RFC 3339, enums are stored in their canonical spelling.

use std::sync::OnceLock;

use chrono::NaiveDate;
use crm_api::Money;
use crm_api::catalog::{self, EntityInfo};
pub use crm_api::catalog::{FieldInfo as Field, FieldKind as Kind, Hooks};
use crm_api::enums::canonical;
use serde_json::Value as Json;

use crm_api::time::{format_micros, parse_micros};

use crate::db::{Col, Shape, SqlValue};

/// How a column of a kind is decoded.
pub fn col(kind: Kind) -> Col {
    match kind {
        Kind::Date => Col::Date,
        Kind::Bool => Col::Bool,
        kind if kind.is_integer() => Col::Int,
        _ => Col::Text,
    }
}

#[derive(Debug)]
pub struct Spec {
    /// The table, which is the entity's path.
    pub table: &'static str,
    /// Singular name, as in the audit trail and in messages.
    pub entity: &'static str,
    pub fields: &'static [Field],
    pub hooks: Hooks,
    /// The column list of a SELECT, built once.
    column_list: OnceLock<String>,
    /// The shape of a row read by [`Spec::columns`], built once.
    shape: OnceLock<Vec<(&'static str, Col)>>,
}

impl Spec {
    /// The store's view of an entity.
    pub const fn of(info: &'static EntityInfo) -> Spec {
        Spec {
            table: info.path,
            entity: info.name,
            fields: info.fields,
            hooks: info.hooks,
            column_list: OnceLock::new(),
            shape: OnceLock::new(),
        }
    }

    pub fn field(&self, name: &str) -> Option<&Field> {
        self.fields.iter().find(|f| f.name == name)
    }

    /// The column list of a SELECT, in field order.
    pub fn columns(&self) -> &str {
        self.column_list.get_or_init(|| self.fields.iter().map(|f| f.name).collect::<Vec<_>>().join(", "))
    }

    /// How a row of [`Spec::columns`] is decoded.
    pub fn shape(&'static self) -> &'static Shape {
        self.shape.get_or_init(|| self.fields.iter().map(|f| (f.name, col(f.kind))).collect())
    }

    pub fn filterable(&self) -> String {
        self.fields.iter().filter(|f| f.filter).map(|f| f.name).collect::<Vec<_>>().join(", ")
    }
}

pub static CONTACTS: Spec = Spec::of(&catalog::CONTACTS);
pub static OPPORTUNITIES: Spec = Spec::of(&catalog::OPPORTUNITIES);
pub static DEALS: Spec = Spec::of(&catalog::DEALS);
pub static ACTIVITIES: Spec = Spec::of(&catalog::ACTIVITIES);

/// Every entity's table, in the order the API lists them.
pub static ALL: [&Spec; 4] = [&CONTACTS, &OPPORTUNITIES, &DEALS, &ACTIVITIES];

/// The entity named by its path (`contacts`) or its singular name (`contact`).
pub fn named(name: &str) -> Option<&'static Spec> {
    ALL.into_iter().find(|s| s.table == name || s.entity == name)
}

/// The singular name of the entity whose table is `table` (as a link names it).
pub fn entity_of(table: &str) -> &str {
    match table {
        "pipelines" => "pipeline",
        "stages" => "stage",
        _ => named(table).map_or(table, |s| s.entity),
    }
}

/// A JSON value (from a request, a filter or a cursor) as the SQL value of a field.
pub fn to_sql(field: &Field, value: &Json) -> Result<SqlValue, String> {
    let null = value.is_null();
    if null && !field.nullable {
        return Err("must not be null".into());
    }
    Ok(match field.kind {
        Kind::Id | Kind::Link(_) | Kind::Int { .. } | Kind::Timestamp if null => SqlValue::Int(None),
        Kind::Money => SqlValue::Int(if null { None } else { Some(json_money(value)?) }),
        Kind::Id | Kind::Link(_) | Kind::Int { .. } => {
            SqlValue::Int(Some(json_int(value).ok_or_else(|| format!("must be an integer (got {value})"))?))
        }
        Kind::Timestamp => {
            let t = match value {
                Json::String(s) => parse_micros(s),
                Json::Number(n) => n.as_i64(),
                _ => None,
            };
            SqlValue::Int(Some(
                t.ok_or_else(|| format!("must be an RFC 3339 time or a YYYY-MM-DD date (got {value})"))?,
            ))
        }
        Kind::Text { .. } | Kind::Email | Kind::Phone | Kind::Enum(_) | Kind::Currency | Kind::StageName if null => {
            SqlValue::Text(None)
        }
        // A stage name is matched against the user's stages where the record is placed.
        Kind::Text { .. } | Kind::Email | Kind::Phone | Kind::StageName => {
            SqlValue::Text(Some(json_str(value)?.to_string()))
        }
        Kind::Enum(texts) => {
            let s = json_str(value)?;
            SqlValue::Text(Some(canonical(texts, s).ok_or_else(|| format!("unknown value {s:?}"))?.to_string()))
        }
        Kind::Currency => {
            let s = json_str(value)?;
            SqlValue::Text(Some(
                crm_api::currency::normalize(s)
                    .ok_or_else(|| format!("must be an ISO 4217 currency code (got {s:?})"))?
                    .to_string(),
            ))
        }
        Kind::Date if null => SqlValue::Date(None),
        Kind::Date => {
            let s = json_str(value)?;
            SqlValue::Date(Some(
                NaiveDate::parse_from_str(s, "%Y-%m-%d")
                    .map_err(|_| format!("must be a YYYY-MM-DD date (got {s:?})"))?,
            ))
        }
        Kind::Bool if null => SqlValue::Bool(None),
        Kind::Bool => {
            SqlValue::Bool(Some(value.as_bool().ok_or_else(|| format!("must be true or false (got {value})"))?))
        }
    })
}

fn json_int(v: &Json) -> Option<i64> {
    match v {
        Json::Number(n) => n.as_i64(),
        Json::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

fn json_str(v: &Json) -> Result<&str, String> {
    v.as_str().ok_or_else(|| format!("must be a string (got {v})"))
}

fn json_money(v: &Json) -> Result<i64, String> {
    let text = match v {
        Json::String(s) => s.clone(),
        Json::Number(n) => n.to_string(),
        _ => return Err(format!("must be an amount (got {v})")),
    };
    text.parse::<Money>().map(Money::minor).map_err(|e| format!("amount {e}"))
}

/// An SQL value of a field as it appears in a record's JSON.
pub fn to_json(field: &Field, value: &SqlValue) -> Json {
    match (field.kind, value) {
        (_, v) if v.is_null() => Json::Null,
        (Kind::Money, SqlValue::Int(Some(m))) => Json::String(Money(*m).to_string()),
        (Kind::Timestamp, SqlValue::Int(Some(t))) => Json::String(format_micros(*t)),
        (_, SqlValue::Int(Some(i))) => Json::from(*i),
        (_, SqlValue::Text(Some(s))) => Json::String(s.clone()),
        (_, SqlValue::Bool(Some(b))) => Json::Bool(*b),
        (_, SqlValue::Date(Some(d))) => Json::String(d.format("%Y-%m-%d").to_string()),
        _ => Json::Null,
    }
}
