//! The endpoints every entity has: list, create, get, update (PUT and PATCH, both partial),
//! delete (to the trash) and restore.

use axum::Json;
use axum::extract::State;
use axum::http::header::ETAG;
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use crm_api::resource::{Activities, Contacts, Deals, Opportunities, Resource};
use crm_api::{ListParams, Page};

use crate::app::AppState;
use crate::auth::AuthUser;
use crate::error::{ApiError, ApiResult};
use crate::extract::{ApiJson, ApiQuery, IfMatch, RecordId};
use crate::store::records::{self, Record};
use crate::store::spec::{ACTIVITIES, CONTACTS, DEALS, OPPORTUNITIES, Spec};
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
) -> ApiResult<Json<Page<E::Record>>> {
    let page = on_read!(&s.db, c => list_store::list(c, E::spec(), actor, &params))?;
    let data = page.data.into_iter().map(typed::<E>).collect::<ApiResult<Vec<_>>>()?;
    Ok(Json(Page { data, next_cursor: page.next_cursor, total: page.total }))
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
) -> ApiResult<Tagged<E::Record>> {
    let rec = on_read!(&s.db, c => records::get(c, E::spec(), actor, id))?;
    tagged::<E>(rec)
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
