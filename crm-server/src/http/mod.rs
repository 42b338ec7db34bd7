//! The HTTP API: every route in one place.

pub mod auth;
pub mod entities;
pub mod extra;

use axum::Json;
use axum::Router;
use axum::extract::State;
use axum::routing::{get, post};
use crm_api::resource::{Activities, Contacts, Deals, Opportunities};

use crate::app::AppState;
use crate::error::{ApiError, ApiResult};
use entities::Entity;

/// The routes of one entity under `/api/crm/<path>`.
fn entity_routes<E: Entity>(router: Router<AppState>) -> Router<AppState> {
    let base = format!("/api/crm/{}", E::PATH);
    router
        .route(&base, get(entities::list::<E>).post(entities::create::<E>))
        .route(
            &format!("{base}/{{id}}"),
            get(entities::get::<E>)
                .put(entities::update::<E>)
                .patch(entities::update::<E>)
                .delete(entities::delete::<E>),
        )
        .route(&format!("{base}/{{id}}/restore"), post(entities::restore::<E>))
}

pub fn routes() -> Router<AppState> {
    let router = Router::new()
        .route("/healthz", get(healthz))
        .route("/readyz", get(readyz))
        .route("/api/openapi.json", get(openapi))
        .route("/api/auth/register", post(auth::register))
        .route("/api/auth/login", post(auth::login))
        .route("/api/auth/me", get(auth::me))
        .route("/api/auth/tokens", get(auth::list_tokens).post(auth::create_token))
        .route("/api/auth/tokens/{id}", axum::routing::delete(auth::revoke_token))
        .route("/api/crm/audit", get(extra::audit_log))
        .route("/api/crm/activities/recent", get(extra::recent_activities))
        .route("/api/crm/activities/{id}/complete", post(extra::complete_activity))
        .route("/api/crm/deals/{id}/history", get(extra::deal_history))
        .route("/api/crm/contacts/{id}/timeline", get(extra::contact_timeline));
    let router = entity_routes::<Contacts>(router);
    let router = entity_routes::<Opportunities>(router);
    let router = entity_routes::<Deals>(router);
    entity_routes::<Activities>(router)
        .fallback(|| async { ApiError::NotFound("no such endpoint".into()) })
        .method_not_allowed_fallback(|| async {
            ApiError::BadRequest { detail: "method not allowed on this endpoint".into(), errors: vec![] }
        })
}

/// The process is up.
async fn healthz() -> &'static str {
    "ok"
}

/// The database answers.
async fn readyz(State(s): State<AppState>) -> ApiResult<&'static str> {
    s.db.ping().await.map_err(|e| ApiError::Internal(anyhow::anyhow!("database not ready: {e}")))?;
    Ok("ready")
}

async fn openapi() -> Json<serde_json::Value> {
    Json(crate::openapi::document())
}
