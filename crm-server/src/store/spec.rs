//! What the generic record store knows of each entity: its table and its columns.
//!
//! Record JSON keys are column names. Values cross between JSON and SQL by [`Kind`]: money is
//! integer minor units in the database and a two-decimal string in JSON, times are microseconds
//! and RFC 3339, enums are stored in their canonical spelling.

use chrono::NaiveDate;
use crm_api::{ActivityType, ContactStatus, Money, Priority, Stage};
use serde_json::Value as Json;

use crate::db::{Col, Shape, SqlValue, format_micros, parse_time};

#[derive(Debug, Clone, Copy)]
pub enum Kind {
    /// The primary key.
    Id,
    /// Id of another record of the same user, in the named entity.
    Link(&'static Spec),
    Int,
    Money,
    Text,
    /// A closed set: the canonical spelling of a parsed value, or `None`.
    Enum(fn(&str) -> Option<&'static str>),
    Currency,
    Date,
    Timestamp,
    Bool,
}

impl Kind {
    /// How a column of this kind is decoded.
    pub fn col(self) -> Col {
        match self {
            Kind::Id | Kind::Link(_) | Kind::Int | Kind::Money | Kind::Timestamp => Col::Int,
            Kind::Text | Kind::Enum(_) | Kind::Currency => Col::Text,
            Kind::Date => Col::Date,
            Kind::Bool => Col::Bool,
        }
    }
}

#[derive(Debug, Clone, Copy)]
pub struct Field {
    pub name: &'static str,
    pub kind: Kind,
    pub nullable: bool,
    /// Usable in `filter=` (and `sort=`).
    pub filter: bool,
    /// Searched by `q=`.
    pub search: bool,
    /// Set from request bodies.
    pub writable: bool,
}

impl Field {
    const fn new(name: &'static str, kind: Kind) -> Self {
        Field { name, kind, nullable: true, filter: true, search: false, writable: true }
    }
    const fn required(mut self) -> Self {
        self.nullable = false;
        self
    }
    const fn searched(mut self) -> Self {
        self.search = true;
        self
    }
    const fn no_filter(mut self) -> Self {
        self.filter = false;
        self
    }
    const fn system(mut self) -> Self {
        self.writable = false;
        self
    }
}

/// What differs between entities beyond their fields: the rules the generic store and the
/// batch apply for some entities only.
#[derive(Debug, Clone, Copy)]
pub struct Hooks {
    /// Batches match records on e-mail unless told otherwise.
    pub match_email: bool,
    /// Every change of `stage` (and the first stage) is kept in `deal_stage_changes`.
    pub stage_history: bool,
    /// `completed_at` is the time `completed` turned true (cleared when it turns false).
    pub completion_time: bool,
}

const NO_HOOKS: Hooks = Hooks { match_email: false, stage_history: false, completion_time: false };

#[derive(Debug)]
pub struct Spec {
    pub table: &'static str,
    /// Singular name, as in the audit trail and in messages.
    pub entity: &'static str,
    pub fields: &'static [Field],
    pub hooks: Hooks,
    /// The column list of a SELECT, built once.
    column_list: std::sync::OnceLock<String>,
    /// The shape of a row read by [`Spec::columns`], built once.
    shape: std::sync::OnceLock<Vec<(&'static str, Col)>>,
}

impl Spec {
    pub fn field(&self, name: &str) -> Option<&Field> {
        self.fields.iter().find(|f| f.name == name)
    }

    /// The column list of a SELECT, in field order.
    pub fn columns(&self) -> &str {
        self.column_list.get_or_init(|| self.fields.iter().map(|f| f.name).collect::<Vec<_>>().join(", "))
    }

    /// How a row of [`Spec::columns`] is decoded.
    pub fn shape(&'static self) -> &'static Shape {
        self.shape.get_or_init(|| self.fields.iter().map(|f| (f.name, f.kind.col())).collect())
    }

    pub fn filterable(&self) -> String {
        self.fields.iter().filter(|f| f.filter).map(|f| f.name).collect::<Vec<_>>().join(", ")
    }
}

const fn system_fields_end() -> [Field; 4] {
    [
        Field::new("version", Kind::Int).required().no_filter().system(),
        Field::new("created_at", Kind::Timestamp).required().system(),
        Field::new("updated_at", Kind::Timestamp).required().system(),
        Field::new("deleted_at", Kind::Timestamp).no_filter().system(),
    ]
}

const ID: Field = Field::new("id", Kind::Id).required().system();
const END: [Field; 4] = system_fields_end();

fn contact_status(s: &str) -> Option<&'static str> {
    ContactStatus::parse(s).map(ContactStatus::as_str)
}
fn stage(s: &str) -> Option<&'static str> {
    Stage::parse(s).map(Stage::as_str)
}
fn activity_type(s: &str) -> Option<&'static str> {
    ActivityType::parse(s).map(ActivityType::as_str)
}
fn priority(s: &str) -> Option<&'static str> {
    Priority::parse(s).map(Priority::as_str)
}

pub static CONTACTS: Spec = Spec {
    table: "contacts",
    entity: "contact",
    fields: &[
        ID,
        Field::new("name", Kind::Text).required().searched(),
        Field::new("email", Kind::Text).searched(),
        Field::new("phone", Kind::Text),
        Field::new("company", Kind::Text).searched(),
        Field::new("job_title", Kind::Text),
        Field::new("status", Kind::Enum(contact_status)).required(),
        Field::new("source", Kind::Text),
        Field::new("notes", Kind::Text).no_filter(),
        Field::new("rating", Kind::Int),
        END[0],
        END[1],
        END[2],
        END[3],
    ],
    hooks: Hooks { match_email: true, ..NO_HOOKS },
    column_list: std::sync::OnceLock::new(),
    shape: std::sync::OnceLock::new(),
};

pub static OPPORTUNITIES: Spec = Spec {
    table: "opportunities",
    entity: "opportunity",
    fields: &[
        ID,
        Field::new("contact_id", Kind::Link(&CONTACTS)),
        Field::new("name", Kind::Text).required().searched(),
        Field::new("value", Kind::Money).required(),
        Field::new("currency", Kind::Currency).required(),
        Field::new("probability", Kind::Int),
        Field::new("stage", Kind::Enum(stage)).required(),
        Field::new("expected_close_date", Kind::Date),
        Field::new("description", Kind::Text).no_filter().searched(),
        END[0],
        END[1],
        END[2],
        END[3],
    ],
    hooks: NO_HOOKS,
    column_list: std::sync::OnceLock::new(),
    shape: std::sync::OnceLock::new(),
};

pub static DEALS: Spec = Spec {
    table: "deals",
    entity: "deal",
    fields: &[
        ID,
        Field::new("opportunity_id", Kind::Link(&OPPORTUNITIES)),
        Field::new("contact_id", Kind::Link(&CONTACTS)),
        Field::new("name", Kind::Text).required().searched(),
        Field::new("amount", Kind::Money).required(),
        Field::new("currency", Kind::Currency).required(),
        Field::new("stage", Kind::Enum(stage)).required(),
        Field::new("probability", Kind::Int),
        Field::new("close_date", Kind::Date),
        Field::new("next_steps", Kind::Text).no_filter().searched(),
        END[0],
        END[1],
        END[2],
        END[3],
    ],
    hooks: Hooks { stage_history: true, ..NO_HOOKS },
    column_list: std::sync::OnceLock::new(),
    shape: std::sync::OnceLock::new(),
};

pub static ACTIVITIES: Spec = Spec {
    table: "activities",
    entity: "activity",
    fields: &[
        ID,
        Field::new("type", Kind::Enum(activity_type)).required(),
        Field::new("priority", Kind::Enum(priority)).required(),
        Field::new("description", Kind::Text).searched(),
        Field::new("due_date", Kind::Date),
        Field::new("assigned_to", Kind::Text).searched(),
        Field::new("contact_id", Kind::Link(&CONTACTS)),
        Field::new("opportunity_id", Kind::Link(&OPPORTUNITIES)),
        Field::new("completed", Kind::Bool).required(),
        Field::new("completed_at", Kind::Timestamp).system(),
        END[0],
        END[1],
        END[2],
        END[3],
    ],
    hooks: Hooks { completion_time: true, ..NO_HOOKS },
    column_list: std::sync::OnceLock::new(),
    shape: std::sync::OnceLock::new(),
};

/// Every entity's table, in the order the API lists them.
pub static ALL: [&Spec; 4] = [&CONTACTS, &OPPORTUNITIES, &DEALS, &ACTIVITIES];

/// The entity named by its path (`contacts`) or its singular name (`contact`).
pub fn named(name: &str) -> Option<&'static Spec> {
    ALL.into_iter().find(|s| s.table == name || s.entity == name)
}

/// A JSON value (from a request, a filter or a cursor) as the SQL value of a field.
pub fn to_sql(field: &Field, value: &Json) -> Result<SqlValue, String> {
    let null = value.is_null();
    if null && !field.nullable {
        return Err("must not be null".into());
    }
    Ok(match field.kind {
        Kind::Id | Kind::Link(_) | Kind::Int | Kind::Timestamp if null => SqlValue::Int(None),
        Kind::Money => SqlValue::Int(if null { None } else { Some(json_money(value)?) }),
        Kind::Id | Kind::Link(_) | Kind::Int => {
            SqlValue::Int(Some(json_int(value).ok_or_else(|| format!("must be an integer (got {value})"))?))
        }
        Kind::Timestamp => {
            let t = match value {
                Json::String(s) => parse_time(s),
                Json::Number(n) => n.as_i64(),
                _ => None,
            };
            SqlValue::Int(Some(
                t.ok_or_else(|| format!("must be an RFC 3339 time or a YYYY-MM-DD date (got {value})"))?,
            ))
        }
        Kind::Text | Kind::Enum(_) | Kind::Currency if null => SqlValue::Text(None),
        Kind::Text => SqlValue::Text(Some(json_str(value)?.to_string())),
        Kind::Enum(parse) => {
            let s = json_str(value)?;
            SqlValue::Text(Some(parse(s).ok_or_else(|| format!("unknown value {s:?}"))?.to_string()))
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
