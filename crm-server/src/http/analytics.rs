//! The figures: pipeline board and summary, forecast, dashboard.

use axum::Json;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use crm_api::analytics::{Dashboard, DashboardParams, Forecast, ForecastParams, PipelineParams, PipelineView};

use crate::app::AppState;
use crate::auth::AuthUser;
use crate::error::ApiResult;
use crate::extract::ApiQuery;
use crate::service::analytics;

/// The board (`{ "<stage>": [deals] }`), or with `view=summary` each stage's figures.
pub async fn pipeline(
    State(s): State<AppState>,
    AuthUser(actor): AuthUser,
    ApiQuery(p): ApiQuery<PipelineParams>,
) -> ApiResult<Response> {
    Ok(match p.view.unwrap_or_default() {
        PipelineView::Board => Json(analytics::board(&s.db, actor, &p).await?).into_response(),
        PipelineView::Summary => Json(analytics::summary(&s.db, actor, &p).await?).into_response(),
    })
}

pub async fn forecast(
    State(s): State<AppState>,
    AuthUser(actor): AuthUser,
    ApiQuery(p): ApiQuery<ForecastParams>,
) -> ApiResult<Json<Forecast>> {
    Ok(Json(analytics::forecast(&s.db, actor, &p).await?))
}

pub async fn dashboard(
    State(s): State<AppState>,
    AuthUser(actor): AuthUser,
    ApiQuery(p): ApiQuery<DashboardParams>,
) -> ApiResult<Json<Dashboard>> {
    Ok(Json(analytics::dashboard(&s.db, actor, &p).await?))
}
