//! The figures: pipeline board and summary, forecast, dashboard.

use axum::Json;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use crm_api::analytics::{Dashboard, DashboardParams, Forecast, ForecastParams, PipelineParams, PipelineView};

use super::entities::{json_response, write_row};
use crate::app::AppState;
use crate::auth::AuthUser;
use crate::error::ApiResult;
use crate::extract::ApiQuery;
use crate::service::analytics;
use crate::store::spec::DEALS;

/// The board (`{ "<stage>": [deals] }`), or with `view=summary` each stage's figures.
pub async fn pipeline(
    State(s): State<AppState>,
    AuthUser(actor): AuthUser,
    ApiQuery(p): ApiQuery<PipelineParams>,
) -> ApiResult<Response> {
    Ok(match p.view.unwrap_or_default() {
        PipelineView::Board => {
            let columns = analytics::board(&s.db, actor, &p).await?;
            let mut out = Vec::with_capacity(64 + columns.iter().map(|(_, rows)| rows.len() * 400).sum::<usize>());
            out.push(b'{');
            for (i, (stage, rows)) in columns.iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                out.extend_from_slice(&serde_json::to_vec(stage).unwrap_or_default());
                out.extend_from_slice(b":[");
                for (j, row) in rows.iter().enumerate() {
                    if j > 0 {
                        out.push(b',');
                    }
                    write_row(&DEALS, row, &mut out);
                }
                out.push(b']');
            }
            out.push(b'}');
            json_response(axum::http::HeaderMap::new(), out)
        }
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
