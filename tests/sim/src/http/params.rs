//! The query parameters of the data endpoints: Brivity's `limit` and `page`, Top Producer's
//! `updatedSince`, `limit` and `cursor` (an opaque string: the position of the last record of
//! a page, base64 of `<list>:<updatedAt seconds>:<number>`).

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use chrono::DateTime;

use crate::feed::Position;

/// The largest page either API serves.
pub(crate) const MAX_LIMIT: u64 = 500;
const BRIVITY_DEFAULT_LIMIT: u64 = 25;
const TP_DEFAULT_LIMIT: u64 = 100;

/// A page of a Brivity list: page `page` (from 1) of `limit` records.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Paging {
    pub(crate) page: u64,
    pub(crate) limit: u64,
}

/// Where a Top Producer page starts (after `after`, or at the start), and its size.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct FeedQuery {
    pub(crate) after: Option<Position>,
    pub(crate) limit: u64,
}

/// The value of parameter `name` in the query string `raw` (the last one if repeated).
fn param(raw: Option<&str>, name: &str) -> Option<String> {
    form_urlencoded::parse(raw.unwrap_or_default().as_bytes())
        .filter(|(k, _)| k == name)
        .map(|(_, v)| v.into_owned())
        .last()
}

/// An integer parameter, absent when empty.
fn integer(raw: Option<&str>, name: &str) -> Result<Option<i64>, String> {
    match param(raw, name).filter(|v| !v.is_empty()) {
        None => Ok(None),
        Some(v) => v.trim().parse().map(Some).map_err(|_| format!("{name} must be an integer, not {v:?}")),
    }
}

/// `limit`, clamped to 1..=500.
fn limit(raw: Option<&str>, default: u64) -> Result<u64, String> {
    Ok(integer(raw, "limit")?.map_or(default, |l| l.clamp(1, MAX_LIMIT as i64) as u64))
}

impl Paging {
    /// `limit` (25 when absent, clamped to 1..=500) and `page` (1 when absent or below 1).
    pub(crate) fn parse(raw: Option<&str>) -> Result<Paging, String> {
        let limit = limit(raw, BRIVITY_DEFAULT_LIMIT)?;
        let page = integer(raw, "page")?.map_or(1, |p| p.max(1) as u64);
        Ok(Paging { page, limit })
    }
}

impl FeedQuery {
    /// `updatedSince` (RFC 3339), `limit` (100 when absent, clamped to 1..=500) and `cursor`
    /// (one this API gave for `list`); with both a time and a cursor, the later position.
    pub(crate) fn parse(raw: Option<&str>, list: &str) -> Result<FeedQuery, String> {
        let limit = limit(raw, TP_DEFAULT_LIMIT)?;
        let since = match param(raw, "updatedSince").filter(|v| !v.is_empty()) {
            None => None,
            Some(v) => {
                let t = DateTime::parse_from_rfc3339(v.trim()).map_err(|_| {
                    format!("updatedSince must be an RFC 3339 time such as 2026-11-30T10:00:00Z, not {v:?}")
                })?;
                // Records change on whole seconds: those after `t` are those after its second.
                Some((t.timestamp(), u64::MAX))
            }
        };
        let cursor = match param(raw, "cursor").filter(|v| !v.is_empty()) {
            None => None,
            Some(v) => Some(decode_cursor(&v, list).ok_or_else(|| format!("cursor {v:?} is not one this API gave"))?),
        };
        Ok(FeedQuery { after: since.max(cursor), limit })
    }
}

/// The cursor that continues `list` after `position`.
pub(crate) fn encode_cursor(list: &str, position: Position) -> String {
    URL_SAFE_NO_PAD.encode(format!("{list}:{}:{}", position.0, position.1))
}

fn decode_cursor(cursor: &str, list: &str) -> Option<Position> {
    let text = String::from_utf8(URL_SAFE_NO_PAD.decode(cursor.trim()).ok()?).ok()?;
    let mut parts = text.split(':');
    let (name, at, number) = (parts.next()?, parts.next()?, parts.next()?);
    if name != list || parts.next().is_some() {
        return None;
    }
    Some((at.parse().ok()?, number.parse().ok()?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn brivity_paging_defaults_and_clamps() {
        assert_eq!(Paging::parse(None), Ok(Paging { page: 1, limit: 25 }));
        assert_eq!(Paging::parse(Some("limit=1000&page=0")), Ok(Paging { page: 1, limit: 500 }));
        assert_eq!(Paging::parse(Some("limit=-3&page=7")), Ok(Paging { page: 7, limit: 1 }));
        assert!(Paging::parse(Some("limit=ten")).is_err());
    }

    #[test]
    fn a_cursor_comes_back_as_its_position_for_its_list_only() {
        let c = encode_cursor("contacts", (1_767_225_600, 42));
        let q = FeedQuery::parse(Some(&format!("cursor={c}")), "contacts");
        assert_eq!(q, Ok(FeedQuery { after: Some((1_767_225_600, 42)), limit: 100 }));
        assert!(FeedQuery::parse(Some(&format!("cursor={c}")), "transactions").is_err());
        assert!(FeedQuery::parse(Some("cursor=garbage!"), "contacts").is_err());
    }

    #[test]
    fn updated_since_starts_after_its_second() {
        let q = FeedQuery::parse(Some("updatedSince=2026-01-01T00:00:00.5Z&limit=9"), "contacts");
        assert_eq!(q, Ok(FeedQuery { after: Some((1_767_225_600, u64::MAX)), limit: 9 }));
        let q = FeedQuery::parse(Some("updatedSince=2026-01-01T01:00:00%2B01:00"), "contacts");
        assert_eq!(q.map(|q| q.after), Ok(Some((1_767_225_600, u64::MAX))));
        assert!(FeedQuery::parse(Some("updatedSince=yesterday"), "contacts").is_err());
    }
}
