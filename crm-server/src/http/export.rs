//! `GET /api/crm/<entity>/export`: every record that matches, as CSV or NDJSON, streamed a page
//! at a time, so that memory stays flat whatever the account's size.

use axum::body::{Body, Bytes};
use axum::extract::State;
use axum::http::header::{CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::response::{IntoResponse, Response};
use crm_api::params::ExportFormat as Format;
pub use crm_api::params::ExportParams;
use crm_api::{ListParams, Page};

use crate::app::AppState;
use crate::auth::AuthUser;
use crate::db::{Db, Row};
use crate::error::ApiResult;
use crate::extract::ApiQuery;
use crate::service::Entity;
use crate::service::records;
use crate::store::records::Actor;
use crate::store::spec::{Spec, to_json};

/// Records read from the database per step of the stream.
const EXPORT_PAGE: u32 = 1000;

fn encode(spec: &Spec, format: Format, header: bool, rows: &[Row]) -> Result<Vec<u8>, std::io::Error> {
    let mut out = Vec::with_capacity(rows.len() * 200);
    match format {
        Format::Csv => {
            let mut w = csv::WriterBuilder::new().from_writer(&mut out);
            if header {
                w.write_record(spec.fields.iter().map(|f| f.name))?;
            }
            for r in rows {
                w.write_record(spec.fields.iter().zip(r.values()).map(|(f, v)| crm_api::csv_field(&to_json(f, v))))?;
            }
            w.flush()?;
        }
        Format::Ndjson => {
            // Straight from the row, in column order, without building a map per record.
            for r in rows {
                super::entities::write_row(spec, r, &mut out);
                out.push(b'\n');
            }
        }
    }
    Ok(out)
}

/// Where the stream stands: the page in hand and how to ask for the next.
struct Cursor {
    db: Db,
    spec: &'static Spec,
    actor: Actor,
    params: ListParams,
    format: Format,
    page: Option<Page<Row>>,
    /// The next page, being read while this one is encoded and sent.
    next: Option<tokio::task::JoinHandle<ApiResult<Page<Row>>>>,
    header: bool,
}

fn read_ahead(st: &mut Cursor, cursor: String) {
    st.params.cursor = Some(cursor);
    let (db, spec, actor, params) = (st.db.clone(), st.spec, st.actor, st.params.clone());
    st.next = Some(tokio::spawn(async move { records::list_of(&db, spec, actor, &params).await }));
}

async fn step(mut st: Cursor) -> Option<(Result<Bytes, std::io::Error>, Cursor)> {
    let page = match (st.page.take(), st.next.take()) {
        (Some(page), _) => page,
        (None, Some(next)) => match next.await {
            Ok(Ok(page)) => page,
            // The client sees the body end early, not a complete-looking file.
            Ok(Err(e)) => {
                tracing::error!(error = %e, "export stopped");
                return Some((Err(std::io::Error::other(e.to_string())), st));
            }
            Err(e) => return Some((Err(std::io::Error::other(e.to_string())), st)),
        },
        (None, None) => return None,
    };
    if let Some(cursor) = page.next_cursor.clone() {
        read_ahead(&mut st, cursor);
    }
    let bytes = match encode(st.spec, st.format, st.header, &page.data) {
        Ok(b) => b,
        Err(e) => return Some((Err(e), st)),
    };
    st.header = false;
    Some((Ok(Bytes::from(bytes)), st))
}

pub async fn export<E: Entity>(
    State(s): State<AppState>,
    AuthUser(actor): AuthUser,
    ApiQuery(p): ApiQuery<ExportParams>,
) -> ApiResult<Response> {
    // Read case-insensitively by the parameter's type; a bad one is a 400 naming `format`.
    let format = p.format.unwrap_or_default();
    let spec = E::spec();
    let params = ListParams {
        limit: Some(EXPORT_PAGE),
        filter: p.filter,
        q: p.q,
        sort: Some(p.sort.filter(|s| !s.trim().is_empty()).unwrap_or_else(|| "created_at".into())),
        deleted: p.deleted,
        ..Default::default()
    };
    // The first page is read before answering, so that bad parameters are a 400, not a
    // broken stream.
    let first = records::list_of(&s.db, spec, actor, &params).await?;
    let st = Cursor { db: s.db.clone(), spec, actor, params, format, page: Some(first), next: None, header: true };
    let body = Body::from_stream(futures_util::stream::unfold(st, step));
    let (mime, ext) = match format {
        Format::Csv => ("text/csv; charset=utf-8", "csv"),
        Format::Ndjson => ("application/x-ndjson", "ndjson"),
    };
    let disposition = format!("attachment; filename=\"{}.{ext}\"", spec.table);
    Ok(([(CONTENT_TYPE, mime.to_string()), (CONTENT_DISPOSITION, disposition)], body).into_response())
}
