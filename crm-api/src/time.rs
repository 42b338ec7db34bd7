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
    let mut out = Vec::with_capacity(27);
    write_micros(&mut out, micros);
    String::from_utf8(out).unwrap_or_default()
}

const MICROS_PER_DAY: i64 = 86_400_000_000;

/// Appends [`format_micros`]'s text to `out`, without a formatter: pages of records write
/// thousands of times, and this is most of the work of writing one. Years outside 0000-9999
/// (which RFC 3339 cannot write in four digits) go through chrono.
pub fn write_micros(out: &mut Vec<u8>, micros: i64) {
    let (days, of_day) = (micros.div_euclid(MICROS_PER_DAY), micros.rem_euclid(MICROS_PER_DAY));
    let (year, month, day) = civil_from_days(days);
    if !(0..=9999).contains(&year) {
        let t = DateTime::from_timestamp_micros(micros).unwrap_or_default();
        out.extend_from_slice(format(&t).as_bytes());
        return;
    }
    let secs = of_day / 1_000_000;
    let mut text = *b"0000-00-00T00:00:00.000000Z";
    let mut put = |at: usize, width: usize, mut v: i64| {
        for i in (at..at + width).rev() {
            text[i] = b'0' + (v % 10) as u8;
            v /= 10;
        }
    };
    put(0, 4, year);
    put(5, 2, month);
    put(8, 2, day);
    put(11, 2, secs / 3600);
    put(14, 2, secs / 60 % 60);
    put(17, 2, secs % 60);
    put(20, 6, of_day % 1_000_000);
    out.extend_from_slice(&text);
}

/// (year, month, day) of the day `days` after 1970-01-01, in the proleptic Gregorian calendar
/// (the algorithm of Howard Hinnant's `civil_from_days`).
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
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

    /// The hand-written writer gives chrono's text for every kind of time: both sides of the
    /// epoch, leap days, century years, the ends of the four-digit years and beyond them.
    #[test]
    fn written_times_match_chrono() {
        let chrono_text = |m: i64| super::format(&chrono::DateTime::from_timestamp_micros(m).unwrap_or_default());
        let mut fixed = vec![
            0,
            -1,
            1,
            i64::MIN,
            i64::MAX,
            951_782_400_000_000,     // 2000-02-29
            4_107_542_400_000_000,   // 2100-02-28
            -62_167_219_200_000_000, // 0000-01-01
            -62_167_219_200_000_001, // the microsecond before it
            253_402_300_799_999_999, // 9999-12-31T23:59:59.999999
            253_402_300_800_000_000, // 10000-01-01
        ];
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..200_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            // Mostly within years 0-9999, some beyond.
            fixed.push((x % 330_000_000_000_000_000) as i64 - 70_000_000_000_000_000);
        }
        for m in fixed {
            assert_eq!(super::format_micros(m), chrono_text(m), "at {m} microseconds");
        }
    }
}
