//! The endpoints every entity has: list, create, get, update (PUT and PATCH, both partial),
//! delete (to the trash) and restore.

use axum::Json;
use axum::extract::State;
use axum::http::header::{CONTENT_TYPE, ETAG};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use crm_api::resource::{Activities, Contacts, Deals, Opportunities, Resource};
use crm_api::{ListParams, Page};

use crate::app::AppState;
use crate::auth::AuthUser;
use crate::db::{Row, SqlValue};
use crate::error::{ApiError, ApiResult};
use crate::extract::{ApiJson, ApiQuery, IfMatch, RecordId};
use crate::store::records::{self, Record};
use crate::store::spec::{ACTIVITIES, CONTACTS, DEALS, Field, OPPORTUNITIES, Spec, to_json};
use crate::store::{list as list_store, records::values_from_body};
use crate::{in_tx, on_read};

/// A resource of the API with the table behind it.
pub trait Entity: Resource {
    fn spec() -> &'static Spec;
}

impl Entity for Contacts {
    fn spec() -> &'static Spec {
        &CONTACTS
    }
}
impl Entity for Opportunities {
    fn spec() -> &'static Spec {
        &OPPORTUNITIES
    }
}
impl Entity for Deals {
    fn spec() -> &'static Spec {
        &DEALS
    }
}
impl Entity for Activities {
    fn spec() -> &'static Spec {
        &ACTIVITIES
    }
}

/// The wire type of a stored record.
pub fn typed<E: Entity>(rec: Record) -> ApiResult<E::Record> {
    serde_json::from_value(serde_json::Value::Object(rec))
        .map_err(|e| ApiError::Internal(anyhow::anyhow!("stored {} does not match its wire type: {e}", E::NAME)))
}

/// A record with its `ETag` header.
pub type Tagged<T> = (HeaderMap, Json<T>);

pub fn tagged<E: Entity>(rec: Record) -> ApiResult<Tagged<E::Record>> {
    let mut headers = HeaderMap::new();
    if let Ok(v) = HeaderValue::from_str(&records::etag(&rec)) {
        headers.insert(ETAG, v);
    }
    Ok((headers, Json(typed::<E>(rec)?)))
}

pub async fn list<E: Entity>(
    State(s): State<AppState>,
    AuthUser(actor): AuthUser,
    ApiQuery(params): ApiQuery<ListParams>,
) -> ApiResult<Response> {
    let page = on_read!(&s.db, c => list_store::list_rows(c, E::spec(), actor, &params))?;
    Ok(json_response(HeaderMap::new(), page_json(E::spec(), &page)))
}

/// A stored row as the JSON of its wire type, written straight from the row in field order:
/// the bytes that serializing the typed record gives (a test holds them equal), without
/// building a map and a typed record on the way. Times are written as everywhere else on the
/// wire ([`crm_api::time`]), so a GET, a list page and an export agree to the byte.
pub fn write_row(spec: &Spec, row: &Row, out: &mut Vec<u8>) {
    write_object(spec, row, out, to_json);
}

/// A row as a JSON object of its fields in column order, each value as `value` gives it.
pub fn write_object(spec: &Spec, row: &Row, out: &mut Vec<u8>, value: impl Fn(&Field, &SqlValue) -> serde_json::Value) {
    out.push(b'{');
    for (i, (f, v)) in spec.fields.iter().zip(row).enumerate() {
        if i > 0 {
            out.push(b',');
        }
        write_json(out, &f.name);
        out.push(b':');
        write_json(out, &value(f, v));
    }
    out.push(b'}');
}

/// Writes a value that cannot fail to serialize (strings, numbers, JSON values).
fn write_json<T: serde::Serialize + ?Sized>(out: &mut Vec<u8>, value: &T) {
    if let Err(e) = serde_json::to_writer(&mut *out, value) {
        tracing::error!(error = %e, "a JSON value did not serialize");
    }
}

/// A page of rows as the JSON of [`Page`].
pub fn page_json(spec: &Spec, page: &Page<Row>) -> Vec<u8> {
    let mut out = Vec::with_capacity(64 + page.data.len() * 320);
    out.extend_from_slice(b"{\"data\":[");
    for (i, row) in page.data.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        write_row(spec, row, &mut out);
    }
    out.extend_from_slice(b"],\"next_cursor\":");
    write_json(&mut out, &page.next_cursor);
    out.extend_from_slice(b",\"total\":");
    write_json(&mut out, &page.total);
    out.push(b'}');
    out
}

fn json_response(mut headers: HeaderMap, body: Vec<u8>) -> Response {
    headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
    (headers, body).into_response()
}

pub async fn create<E: Entity>(
    State(s): State<AppState>,
    AuthUser(actor): AuthUser,
    ApiJson(body): ApiJson<E::New>,
) -> ApiResult<(StatusCode, Tagged<E::Record>)> {
    let values = values_from_body(E::spec(), &serde_json::to_value(&body).map_err(anyhow::Error::from)?)?;
    let rec = in_tx!(&s.db, c => records::insert(c, E::spec(), actor, values))?;
    Ok((StatusCode::CREATED, tagged::<E>(rec)?))
}

pub async fn get<E: Entity>(
    State(s): State<AppState>,
    AuthUser(actor): AuthUser,
    RecordId(id): RecordId,
) -> ApiResult<Response> {
    let spec = E::spec();
    let row = on_read!(&s.db, c => records::get_row(c, spec, actor, id))?;
    let mut headers = HeaderMap::new();
    let version = spec.fields.iter().zip(&row).find(|(f, _)| f.name == "version").map(|(_, v)| v);
    if let Some(SqlValue::Int(Some(v))) = version
        && let Ok(tag) = HeaderValue::from_str(&format!("\"{v}\""))
    {
        headers.insert(ETAG, tag);
    }
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
    let values = values_from_body(E::spec(), &serde_json::to_value(&body).map_err(anyhow::Error::from)?)?;
    let rec = in_tx!(&s.db, c => records::update(c, E::spec(), actor, id, values, expected))?;
    tagged::<E>(rec)
}

pub async fn delete<E: Entity>(
    State(s): State<AppState>,
    AuthUser(actor): AuthUser,
    RecordId(id): RecordId,
    IfMatch(expected): IfMatch,
) -> ApiResult<StatusCode> {
    in_tx!(&s.db, c => records::soft_delete(c, E::spec(), actor, id, expected))?;
    Ok(StatusCode::NO_CONTENT)
}

pub async fn restore<E: Entity>(
    State(s): State<AppState>,
    AuthUser(actor): AuthUser,
    RecordId(id): RecordId,
) -> ApiResult<Tagged<E::Record>> {
    let rec = in_tx!(&s.db, c => records::restore(c, E::spec(), actor, id))?;
    tagged::<E>(rec)
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;
    use crm_api::{ActivityType, ContactStatus, Priority, Stage};

    use super::*;
    use crate::store::records::to_record;
    use crate::store::spec::Kind;

    /// A row with every field set (or every nullable field null), at a time with or without
    /// a fraction of a second.
    fn sample(spec: &Spec, full: bool, micros: i64) -> Row {
        let texts = [ContactStatus::TEXTS, Stage::TEXTS, ActivityType::TEXTS, Priority::TEXTS].concat();
        spec.fields
            .iter()
            .map(|f| match f.kind {
                Kind::Id | Kind::Link(_) | Kind::Int | Kind::Money | Kind::Timestamp if !full && f.nullable => {
                    SqlValue::Int(None)
                }
                Kind::Text | Kind::Enum(_) | Kind::Currency if !full && f.nullable => SqlValue::Text(None),
                Kind::Date if !full && f.nullable => SqlValue::Date(None),
                Kind::Bool if !full && f.nullable => SqlValue::Bool(None),
                Kind::Id | Kind::Link(_) | Kind::Int => SqlValue::Int(Some(3)),
                Kind::Money => SqlValue::Int(Some(123_456)),
                Kind::Timestamp => SqlValue::Int(Some(micros)),
                Kind::Text => SqlValue::Text(Some("Ann \"Q\" Ünï\n<b>".into())),
                Kind::Enum(parse) => SqlValue::Text(texts.iter().find_map(|t| parse(t)).map(str::to_string)),
                Kind::Currency => SqlValue::Text(Some("EUR".into())),
                Kind::Date => SqlValue::Date(NaiveDate::from_ymd_opt(2026, 11, 23)),
                Kind::Bool => SqlValue::Bool(Some(true)),
            })
            .collect()
    }

    fn same_bytes_as_the_typed_record<E: Entity>() {
        let spec = E::spec();
        for (full, micros) in
            [(true, 1_795_000_000_000_000), (true, 1_795_000_000_123_456), (false, 1_795_000_000_120_000)]
        {
            let row = sample(spec, full, micros);
            let typed = typed::<E>(to_record(spec, &row)).expect("the sample fits the wire type");
            let mut direct = Vec::new();
            write_row(spec, &row, &mut direct);
            let expected = serde_json::to_vec(&typed).expect("serialize");
            assert_eq!(String::from_utf8_lossy(&direct), String::from_utf8_lossy(&expected), "{}", E::NAME);
            for (cursor, total) in [(Some("abc".to_string()), Some(2)), (None, None)] {
                let page = Page { data: vec![row.clone(), row.clone()], next_cursor: cursor.clone(), total };
                let two = vec![
                    super::typed::<E>(to_record(spec, &row)).expect("typed"),
                    super::typed::<E>(to_record(spec, &row)).expect("typed"),
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
