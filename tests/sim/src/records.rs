//! The records each API serves, in the JSON shapes of INTEGRATIONS.md: Brivity people and
//! transactions, Top Producer contacts and transactions. Words drawn from a fixed list are
//! `&'static str`, so 100,000 people hold few allocations.

use chrono::{DateTime, SecondsFormat};
use serde::{Serialize, Serializer};

/// A Brivity person (`GET /api/people`, and the `person` of a `new_lead` event).
#[derive(Clone, Debug, Serialize)]
pub(crate) struct BrivityPerson {
    pub(crate) id: u64,
    pub(crate) lead_id: Option<u64>,
    pub(crate) uuid: Option<String>,
    pub(crate) first_name: Option<&'static str>,
    pub(crate) last_name: Option<&'static str>,
    pub(crate) email_address: Option<String>,
    pub(crate) phone_number: Option<String>,
    pub(crate) company: Option<&'static str>,
    pub(crate) job_title: Option<&'static str>,
    pub(crate) source: Option<&'static str>,
    pub(crate) status: Option<&'static str>,
    pub(crate) stage: Option<&'static str>,
    pub(crate) stage_type: Option<&'static str>,
    #[serde(rename = "type")]
    pub(crate) kind: Option<&'static str>,
    pub(crate) lead_type: Option<&'static str>,
    pub(crate) description: Option<&'static str>,
    pub(crate) street_address: Option<String>,
    pub(crate) city: Option<&'static str>,
    pub(crate) locality: Option<&'static str>,
    pub(crate) postal_code: Option<String>,
    pub(crate) country: Option<&'static str>,
    pub(crate) tags: Option<Vec<&'static str>>,
}

/// A Brivity transaction (`GET /api/transactions`).
#[derive(Clone, Debug, Serialize)]
pub(crate) struct BrivityTransaction {
    pub(crate) id: u64,
    pub(crate) person_id: u64,
    pub(crate) name: Option<String>,
    /// A decimal with two places, as a string (`"450000.00"`).
    pub(crate) price: Option<String>,
    pub(crate) status: Option<&'static str>,
    /// `YYYY-MM-DD`.
    pub(crate) close_date: Option<String>,
    pub(crate) transaction_type: Option<&'static str>,
}

/// A Top Producer contact (`GET /v1/contacts`); its id is `c-<number>`.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct TpContact {
    #[serde(serialize_with = "contact_id")]
    pub(crate) id: u64,
    pub(crate) first_name: Option<&'static str>,
    pub(crate) last_name: Option<&'static str>,
    pub(crate) email: Option<String>,
    pub(crate) phone: Option<String>,
    pub(crate) company: Option<&'static str>,
    pub(crate) title: Option<&'static str>,
    pub(crate) status: Option<&'static str>,
    pub(crate) source: Option<&'static str>,
    #[serde(rename = "type")]
    pub(crate) kind: Option<&'static str>,
    pub(crate) tags: Vec<&'static str>,
    /// Seconds since the Unix epoch, written in RFC 3339.
    #[serde(serialize_with = "time")]
    pub(crate) updated_at: i64,
    #[serde(serialize_with = "optional_time")]
    pub(crate) deleted_at: Option<i64>,
}

/// A Top Producer transaction (`GET /v1/transactions`); its id is `t-<number>`.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct TpTransaction {
    #[serde(serialize_with = "transaction_id")]
    pub(crate) id: u64,
    #[serde(serialize_with = "contact_id")]
    pub(crate) contact_id: u64,
    pub(crate) name: Option<String>,
    /// A decimal as a string (`"450000.00"`).
    pub(crate) amount: Option<String>,
    pub(crate) currency: &'static str,
    pub(crate) stage: Option<&'static str>,
    pub(crate) close_date: Option<String>,
    #[serde(serialize_with = "time")]
    pub(crate) updated_at: i64,
    #[serde(serialize_with = "optional_time")]
    pub(crate) deleted_at: Option<i64>,
}

/// The id of Top Producer contact number `n`.
pub(crate) fn tp_contact_id(n: u64) -> String {
    format!("c-{n}")
}

/// A time in RFC 3339, UTC, to the second (`2026-11-30T10:00:00Z`).
pub(crate) fn rfc3339(secs: i64) -> String {
    DateTime::from_timestamp(secs, 0).map(|t| t.to_rfc3339_opts(SecondsFormat::Secs, true)).unwrap_or_default()
}

fn contact_id<S: Serializer>(n: &u64, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(&format_args!("c-{n}"))
}

fn transaction_id<S: Serializer>(n: &u64, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(&format_args!("t-{n}"))
}

fn time<S: Serializer>(secs: &i64, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&rfc3339(*secs))
}

fn optional_time<S: Serializer>(secs: &Option<i64>, s: S) -> Result<S::Ok, S::Error> {
    match secs {
        Some(secs) => time(secs, s),
        None => s.serialize_none(),
    }
}

/// A record as a JSON value, for the snapshots tests assert on.
pub(crate) fn to_value(record: &impl Serialize) -> serde_json::Value {
    serde_json::to_value(record).unwrap_or(serde_json::Value::Null)
}
