//! The HTTP side: one listener serves Brivity under `/brivity`, Top Producer under
//! `/topproducer` and the simulator's own admin endpoints under `/_sim`.

mod admin;
mod brivity;
mod faults;
mod params;
mod reply;
mod topproducer;

use std::sync::Arc;

use axum::Router;
use axum::http::StatusCode;
use axum::response::Response;

use crate::state::Shared;

/// Every route of the simulator.
pub(crate) fn router(shared: Arc<Shared>) -> Router {
    Router::new()
        .nest("/brivity", brivity::router(shared.clone()))
        .nest("/topproducer", topproducer::router(shared.clone()))
        .nest("/_sim", admin::router())
        .fallback(unknown)
        .with_state(shared)
}

async fn unknown() -> Response {
    reply::error(StatusCode::NOT_FOUND, "not_found")
}
