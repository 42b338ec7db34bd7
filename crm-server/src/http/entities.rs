//! The endpoints every entity has: list, create, get, update (PUT and PATCH, both partial),
//! delete (to the trash) and restore.

use axum::Json;
use axum::extract::State;
use axum::http::header::{CONTENT_TYPE, ETAG};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use crm_api::{ListParams, Page};

use crate::app::AppState;
use crate::auth::AuthUser;
use crate::db::{Row, SqlValue};
use crate::error::ApiResult;
use crate::extract::{ApiJson, ApiQuery, IfMatch, RecordId};
use crate::service::Entity;
use crate::service::records::{self, Versioned};
use crate::store::spec::{Field, Kind, Spec};

/// A record with its `ETag` header.
pub type Tagged<T> = (HeaderMap, Json<T>);

pub fn tagged<T>(v: Versioned<T>) -> Tagged<T> {
    (etag(v.version), Json(v.record))
}

/// The `ETag` header of a record's version: `"<version>"`.
fn etag(version: i64) -> HeaderMap {
    let mut headers = HeaderMap::new();
    if let Ok(tag) = HeaderValue::from_str(&format!("\"{version}\"")) {
        headers.insert(ETAG, tag);
    }
    headers
}

pub async fn list<E: Entity>(
    State(s): State<AppState>,
    AuthUser(actor): AuthUser,
    ApiQuery(params): ApiQuery<ListParams>,
) -> ApiResult<Response> {
    let page = records::list::<E>(&s.db, actor, &params).await?;
    Ok(json_response(HeaderMap::new(), page_json(E::spec(), &page)))
}

/// A stored row as the JSON of its wire type, written straight from the row in field order:
/// the bytes that serializing the typed record gives (a test holds them equal), without
/// building a map and a typed record on the way. Times are written as everywhere else on the
/// wire ([`crm_api::time`]), so a GET, a list page and an export agree to the byte.
pub fn write_row(spec: &Spec, row: &Row, out: &mut Vec<u8>) {
    out.push(b'{');
    for (i, (f, v)) in spec.fields.iter().zip(row.values()).enumerate() {
        if i > 0 {
            out.push(b',');
        }
        // Field names are identifiers: nothing in them to escape.
        out.push(b'"');
        out.extend_from_slice(f.name.as_bytes());
        out.extend_from_slice(b"\":");
        write_value(out, f, v);
    }
    out.push(b'}');
}

/// A field's value as [`to_json`] would give it, written without building the JSON value (and,
/// for numbers and times, without a formatter: a page of rows writes thousands of them).
fn write_value(out: &mut Vec<u8>, field: &Field, value: &SqlValue) {
    let mut digits = itoa::Buffer::new();
    match (field.kind, value) {
        (_, v) if v.is_null() => out.extend_from_slice(b"null"),
        (Kind::Money, SqlValue::Int(Some(m))) => {
            let abs = m.unsigned_abs();
            out.push(b'"');
            if *m < 0 {
                out.push(b'-');
            }
            out.extend_from_slice(digits.format(abs / 100).as_bytes());
            out.extend_from_slice(&[b'.', b'0' + (abs % 100 / 10) as u8, b'0' + (abs % 10) as u8, b'"']);
        }
        (Kind::Timestamp, SqlValue::Int(Some(t))) => {
            out.push(b'"');
            crm_api::time::write_micros(out, *t);
            out.push(b'"');
        }
        (_, SqlValue::Int(Some(i))) => out.extend_from_slice(digits.format(*i).as_bytes()),
        (_, SqlValue::Text(Some(s))) => write_json(out, s.as_str()),
        (_, SqlValue::Bool(Some(b))) => out.extend_from_slice(if *b { b"true" } else { b"false" }),
        (_, SqlValue::Date(Some(d))) => {
            use std::io::Write;
            if let Err(e) = write!(out, "\"{}\"", d.format("%Y-%m-%d")) {
                tracing::error!(error = %e, "a date did not write");
            }
        }
        _ => out.extend_from_slice(b"null"),
    }
}

/// Writes a value that cannot fail to serialize (strings, numbers, JSON values).
pub fn write_json<T: serde::Serialize + ?Sized>(out: &mut Vec<u8>, value: &T) {
    if let Err(e) = serde_json::to_writer(&mut *out, value) {
        tracing::error!(error = %e, "a JSON value did not serialize");
    }
}

/// A page of rows as the JSON of [`Page`].
pub fn page_json(spec: &Spec, page: &Page<Row>) -> Vec<u8> {
    page_json_with(page, |_, row, out| write_row(spec, row, out))
}

/// A page of rows as the JSON of a [`Page`], each row written by `item` (given its position).
pub fn page_json_with(page: &Page<Row>, mut item: impl FnMut(usize, &Row, &mut Vec<u8>)) -> Vec<u8> {
    let mut out = Vec::with_capacity(64 + page.data.len() * 320);
    out.extend_from_slice(b"{\"data\":[");
    for (i, row) in page.data.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        item(i, row, &mut out);
    }
    out.extend_from_slice(b"],\"next_cursor\":");
    write_json(&mut out, &page.next_cursor);
    out.extend_from_slice(b",\"total\":");
    write_json(&mut out, &page.total);
    out.push(b'}');
    out
}

pub fn json_response(mut headers: HeaderMap, body: Vec<u8>) -> Response {
    headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
    (headers, body).into_response()
}

pub async fn create<E: Entity>(
    State(s): State<AppState>,
    AuthUser(actor): AuthUser,
    ApiJson(body): ApiJson<E::New>,
) -> ApiResult<(StatusCode, Tagged<E::Record>)> {
    Ok((StatusCode::CREATED, tagged(records::create::<E>(&s.db, actor, &body).await?)))
}

pub async fn get<E: Entity>(
    State(s): State<AppState>,
    AuthUser(actor): AuthUser,
    RecordId(id): RecordId,
) -> ApiResult<Response> {
    let spec = E::spec();
    let row = records::get::<E>(&s.db, actor, id).await?;
    let headers = match row.get("version")? {
        SqlValue::Int(Some(v)) => etag(*v),
        _ => HeaderMap::new(),
    };
    let mut body = Vec::with_capacity(400);
    write_row(spec, &row, &mut body);
    Ok(json_response(headers, body))
}

pub async fn update<E: Entity>(
    State(s): State<AppState>,
    AuthUser(actor): AuthUser,
    RecordId(id): RecordId,
    IfMatch(expected): IfMatch,
    ApiJson(body): ApiJson<E::Patch>,
) -> ApiResult<Tagged<E::Record>> {
    Ok(tagged(records::update::<E>(&s.db, actor, id, &body, expected).await?))
}

pub async fn delete<E: Entity>(
    State(s): State<AppState>,
    AuthUser(actor): AuthUser,
    RecordId(id): RecordId,
    IfMatch(expected): IfMatch,
) -> ApiResult<StatusCode> {
    records::delete::<E>(&s.db, actor, id, expected).await?;
    Ok(StatusCode::NO_CONTENT)
}

pub async fn restore<E: Entity>(
    State(s): State<AppState>,
    AuthUser(actor): AuthUser,
    RecordId(id): RecordId,
) -> ApiResult<Tagged<E::Record>> {
    Ok(tagged(records::restore::<E>(&s.db, actor, id).await?))
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;
    use crm_api::resource::{Activities, Contacts, Deals, Opportunities};

    use super::*;
    use crate::service::records::typed;
    use crate::store::records::to_record;
    use crate::store::spec::Kind;

    /// A row with every field set (or every nullable field null), at a time with or without
    /// a fraction of a second.
    fn sample(spec: &'static Spec, full: bool, micros: i64) -> Row {
        let values = spec
            .fields
            .iter()
            .map(|f| match f.kind {
                kind if kind.is_integer() && !full && f.nullable => SqlValue::Int(None),
                kind if kind.is_textual() && !full && f.nullable => SqlValue::Text(None),
                Kind::Date if !full && f.nullable => SqlValue::Date(None),
                Kind::Bool if !full && f.nullable => SqlValue::Bool(None),
                Kind::Id | Kind::Link(_) | Kind::Int { .. } => SqlValue::Int(Some(3)),
                Kind::Money => SqlValue::Int(Some(if micros / 1000 % 2 == 0 { 123_456 } else { 7 })),
                Kind::Timestamp => SqlValue::Int(Some(micros)),
                Kind::Text { .. } | Kind::Email | Kind::Phone | Kind::StageName => {
                    SqlValue::Text(Some("Ann \"Q\" Ünï\n<b>".into()))
                }
                Kind::Enum(texts) => SqlValue::Text(texts.last().map(|t| t.to_string())),
                Kind::Currency => SqlValue::Text(Some("EUR".into())),
                Kind::Date => SqlValue::Date(NaiveDate::from_ymd_opt(2026, 11, 23)),
                Kind::Bool => SqlValue::Bool(Some(true)),
            })
            .collect();
        Row::new(spec.shape(), values)
    }

    fn same_bytes_as_the_typed_record<E: Entity>() {
        let spec = E::spec();
        for (full, micros) in
            [(true, 1_795_000_000_000_000), (true, 1_795_000_000_123_456), (false, 1_795_000_000_120_000)]
        {
            let row = sample(spec, full, micros);
            let one = typed::<E>(to_record(spec, &row)).expect("the sample fits the wire type").record;
            let mut direct = Vec::new();
            write_row(spec, &row, &mut direct);
            let expected = serde_json::to_vec(&one).expect("serialize");
            assert_eq!(String::from_utf8_lossy(&direct), String::from_utf8_lossy(&expected), "{}", E::NAME);
            for (cursor, total) in [(Some("abc".to_string()), Some(2)), (None, None)] {
                let page = Page { data: vec![row.clone(), row.clone()], next_cursor: cursor.clone(), total };
                let two = vec![
                    typed::<E>(to_record(spec, &row)).expect("typed").record,
                    typed::<E>(to_record(spec, &row)).expect("typed").record,
                ];
                let typed_page = Page { data: two, next_cursor: cursor, total };
                let expected = serde_json::to_vec(&typed_page).expect("serialize");
                assert_eq!(String::from_utf8_lossy(&page_json(spec, &page)), String::from_utf8_lossy(&expected));
            }
        }
    }

    #[test]
    fn rows_are_written_as_their_typed_records_would_be() {
        same_bytes_as_the_typed_record::<Contacts>();
        same_bytes_as_the_typed_record::<Opportunities>();
        same_bytes_as_the_typed_record::<Deals>();
        same_bytes_as_the_typed_record::<Activities>();
    }
}
