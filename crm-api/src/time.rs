//! Times on the wire: RFC 3339 in UTC with microseconds, always six digits
//! (`2026-11-23T10:00:00.000000Z`), so that a record reads the same in a GET, a list page, an
//! export or an audit entry, and times sort as text. Reading accepts any RFC 3339 time.
//!
//! Use on a `DateTime<Utc>` field as `#[serde(with = "crate::time")]`, on an
//! `Option<DateTime<Utc>>` as `#[serde(default, with = "crate::time::option")]`; the schema
//! stays `format: date-time`.

use chrono::{DateTime, SecondsFormat, Utc};
use serde::{Deserialize, Deserializer, Serializer};

/// A time as the API writes it.
pub fn format(t: &DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Micros, true)
}

/// Microseconds since the epoch (the unit the server stores) as the API writes them; out of
/// range values write as the epoch.
pub fn format_micros(micros: i64) -> String {
    format(&DateTime::from_timestamp_micros(micros).unwrap_or_default())
}

/// Parses an RFC 3339 time, or a `YYYY-MM-DD` date (its midnight UTC), into microseconds.
pub fn parse_micros(s: &str) -> Option<i64> {
    if let Ok(t) = chrono::DateTime::parse_from_rfc3339(s.trim()) {
        return Some(t.timestamp_micros());
    }
    chrono::NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
        .ok()
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .map(|t| t.and_utc().timestamp_micros())
}

pub fn serialize<S: Serializer>(t: &DateTime<Utc>, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&format(t))
}

pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<DateTime<Utc>, D::Error> {
    DateTime::<Utc>::deserialize(d)
}

/// The same for an optional time (`null` when absent).
pub mod option {
    use chrono::{DateTime, Utc};
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(t: &Option<DateTime<Utc>>, s: S) -> Result<S::Ok, S::Error> {
        match t {
            Some(t) => super::serialize(t, s),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<DateTime<Utc>>, D::Error> {
        Option::<DateTime<Utc>>::deserialize(d)
    }
}

#[cfg(test)]
mod tests {
    use chrono::{DateTime, Utc};
    use serde::{Deserialize, Serialize};

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct At {
        #[serde(with = "crate::time")]
        at: DateTime<Utc>,
        #[serde(default, with = "crate::time::option")]
        until: Option<DateTime<Utc>>,
    }

    #[test]
    fn writes_six_fractional_digits_whatever_the_time() {
        for (micros, text) in [
            (1_795_000_000_000_000, "2026-11-18T11:06:40.000000Z"),
            (1_795_000_000_120_000, "2026-11-18T11:06:40.120000Z"),
            (1_795_000_000_123_456, "2026-11-18T11:06:40.123456Z"),
        ] {
            assert_eq!(super::format_micros(micros), text);
            let at = At { at: DateTime::from_timestamp_micros(micros).expect("in range"), until: None };
            let json = serde_json::to_string(&at).expect("serialize");
            assert_eq!(json, format!(r#"{{"at":"{text}","until":null}}"#));
        }
    }

    #[test]
    fn reads_any_rfc3339_time() {
        for text in ["2026-11-18T11:06:40Z", "2026-11-18T12:06:40.000+01:00", "2026-11-18T11:06:40.000000000Z"] {
            let at: At = serde_json::from_str(&format!(r#"{{"at":"{text}"}}"#)).expect(text);
            assert_eq!(at.at.timestamp_micros(), 1_795_000_000_000_000, "{text}");
            assert_eq!(at.until, None);
        }
        let at: At = serde_json::from_str(r#"{"at":"2026-11-18T11:06:40Z","until":"2026-11-18T11:06:41.5Z"}"#)
            .expect("with until");
        assert_eq!(at.until.map(|t| t.timestamp_micros()), Some(1_795_000_001_500_000));
        assert!(serde_json::from_str::<At>(r#"{"at":"yesterday"}"#).is_err());
    }
}
