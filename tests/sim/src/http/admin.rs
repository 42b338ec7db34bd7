//! The simulator's own endpoints, for the binary's users and scripts (no key, no faults):
//! `GET`/`POST /_sim/faults`, `POST /_sim/mutate`, `GET /_sim/stats`,
//! `POST /_sim/webhooks/replay`.

use std::sync::Arc;

use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use serde::de::DeserializeOwned;

use super::reply;
use crate::config::Faults;
use crate::mutate::Mutation;
use crate::state::Shared;

pub(crate) fn router() -> Router<Arc<Shared>> {
    Router::new()
        .route("/faults", get(faults).post(set_faults))
        .route("/mutate", post(mutate))
        .route("/stats", get(stats))
        .route("/webhooks/replay", post(replay))
}

/// A JSON body, or the `400` that says what is wrong with it.
fn parse<T: DeserializeOwned>(body: &[u8]) -> Result<T, Box<Response>> {
    serde_json::from_slice(body).map_err(|e| Box::new(reply::error(StatusCode::BAD_REQUEST, &e.to_string())))
}

/// `GET /_sim/faults`: the faults now injected.
async fn faults(State(shared): State<Arc<Shared>>) -> Response {
    reply::json(StatusCode::OK, &shared.faults())
}

/// `POST /_sim/faults` with a [`Faults`] (missing fields off): replaces the faults, restarts
/// their request count, and answers them.
async fn set_faults(State(shared): State<Arc<Shared>>, body: Bytes) -> Response {
    match parse::<Faults>(&body) {
        Ok(faults) => {
            shared.set_faults(faults);
            reply::json(StatusCode::OK, &faults)
        }
        Err(answer) => *answer,
    }
}

/// `POST /_sim/mutate` with a [`Mutation`]: its [`crate::MutationReport`].
async fn mutate(State(shared): State<Arc<Shared>>, body: Bytes) -> Response {
    match parse::<Mutation>(&body) {
        Ok(m) => reply::json(StatusCode::OK, &shared.mutate(&m)),
        Err(answer) => *answer,
    }
}

/// `GET /_sim/stats`: the [`crate::Stats`].
async fn stats(State(shared): State<Arc<Shared>>) -> Response {
    reply::json(StatusCode::OK, &shared.counters.snapshot())
}

/// `POST /_sim/webhooks/replay`: sends the last webhook event again (same event id) and
/// answers the [`crate::WebhookDelivery`]; `404` when no event was sent yet.
async fn replay(State(shared): State<Arc<Shared>>) -> Response {
    match shared.webhooks.replay(&shared.counters).await {
        Some(delivery) => reply::json(StatusCode::OK, &delivery),
        None => reply::error(StatusCode::NOT_FOUND, "no webhook event was sent yet"),
    }
}
