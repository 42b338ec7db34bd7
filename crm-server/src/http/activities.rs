//! The activity-specific endpoints: completion, the recent list, the queue and snoozing.

use axum::Json;
use axum::extract::State;
use axum::http::HeaderValue;
use axum::http::header::CONTENT_TYPE;
use axum::response::{IntoResponse, Response};
use crm_api::activities::Snooze;
use crm_api::params::{QueueParams, SnoozeParams};
use crm_api::resource::{Activities, Resource};

use super::entities::{Tagged, tagged, write_row};
use crate::app::AppState;
use crate::auth::AuthUser;
use crate::error::ApiResult;
use crate::extract::{ApiJson, ApiQuery, IfMatch, RecordId};
use crate::service::queue::{self, Queue, Section};
use crate::service::records;
use crate::store::spec::ACTIVITIES;

/// Marks an activity completed (now); completing it again changes nothing.
pub async fn complete_activity(
    State(s): State<AppState>,
    AuthUser(actor): AuthUser,
    RecordId(id): RecordId,
) -> ApiResult<Tagged<<Activities as Resource>::Record>> {
    Ok(tagged(records::complete_activity(&s.db, actor, id).await?))
}

/// The 5 most recently created activities.
pub async fn recent_activities(
    State(s): State<AppState>,
    AuthUser(actor): AuthUser,
) -> ApiResult<Json<Vec<<Activities as Resource>::Record>>> {
    Ok(Json(records::recent_activities(&s.db, actor).await?))
}

/// Open activities overdue, due today and due in the next 7 days, today being the current
/// date in `tz`.
pub async fn activity_queue(
    State(s): State<AppState>,
    AuthUser(actor): AuthUser,
    ApiQuery(p): ApiQuery<QueueParams>,
) -> ApiResult<Response> {
    let q = queue::activity_queue(&s.db, actor, &p).await?;
    let mut headers = axum::http::HeaderMap::new();
    headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
    Ok((headers, queue_json(&q)).into_response())
}

/// The queue as the JSON of [`crm_api::activities::ActivityQueue`], written straight from the
/// rows read (a test holds the bytes equal to the typed answer's).
pub fn queue_json(q: &Queue) -> Vec<u8> {
    let rows = q.overdue.rows.len() + q.today.rows.len() + q.upcoming.rows.len();
    let mut out = Vec::with_capacity(160 + rows * 320);
    let text = |v: &str| serde_json::to_string(v).unwrap_or_else(|_| "null".into());
    out.extend_from_slice(b"{\"date\":");
    out.extend_from_slice(text(&q.date.format("%Y-%m-%d").to_string()).as_bytes());
    out.extend_from_slice(b",\"tz\":");
    out.extend_from_slice(text(q.tz).as_bytes());
    for (name, section) in [("overdue", &q.overdue), ("today", &q.today), ("upcoming", &q.upcoming)] {
        out.extend_from_slice(format!(",\"{name}\":[").as_bytes());
        for (i, row) in section.rows.iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            write_row(&ACTIVITIES, row, &mut out);
        }
        out.push(b']');
    }
    let more = |s: &Section| if s.has_more { "true" } else { "false" };
    out.extend_from_slice(
        format!(
            ",\"has_more\":{{\"overdue\":{},\"today\":{},\"upcoming\":{}}}}}",
            more(&q.overdue),
            more(&q.today),
            more(&q.upcoming)
        )
        .as_bytes(),
    );
    out
}

/// Moves an open activity's due date to `until` (not before today in `tz`).
pub async fn snooze_activity(
    State(s): State<AppState>,
    AuthUser(actor): AuthUser,
    RecordId(id): RecordId,
    IfMatch(expected): IfMatch,
    ApiQuery(p): ApiQuery<SnoozeParams>,
    ApiJson(body): ApiJson<Snooze>,
) -> ApiResult<Tagged<<Activities as Resource>::Record>> {
    Ok(tagged(queue::snooze_activity(&s.db, actor, id, body.until, p.tz.as_deref(), expected).await?))
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;
    use crm_api::activities::{ActivityQueue, QueueMore};

    use super::*;
    use crate::db::{Row, SqlValue};
    use crate::service::records::typed;
    use crate::store::records::to_record;
    use crate::store::spec::Kind;

    fn row(id: i64, description: Option<&str>) -> Row {
        let values = ACTIVITIES
            .fields
            .iter()
            .map(|f| match (f.name, f.kind) {
                ("id", _) => SqlValue::Int(Some(id)),
                ("description", _) => SqlValue::Text(description.map(str::to_string)),
                ("completed_at" | "deleted_at", _) => SqlValue::Int(None),
                (_, Kind::Enum(texts)) => SqlValue::Text(texts.first().map(|t| t.to_string())),
                (_, Kind::Date) => SqlValue::Date(NaiveDate::from_ymd_opt(2026, 12, 1)),
                (_, Kind::Bool) => SqlValue::Bool(Some(false)),
                (_, Kind::Text { .. }) => SqlValue::Text(Some("Ann \"Q\" Ünï\n<b>".into())),
                _ => SqlValue::Int(Some(1_795_000_000_123_456)),
            })
            .collect();
        Row::new(ACTIVITIES.shape(), values)
    }

    #[test]
    fn the_queue_is_written_as_its_typed_answer_would_be() {
        let section = |rows: Vec<Row>, has_more| Section { rows, has_more };
        let q = Queue {
            date: NaiveDate::from_ymd_opt(2026, 12, 2).expect("date"),
            tz: "Pacific/Kiritimati",
            overdue: section(vec![row(1, Some("a")), row(2, None)], true),
            today: section(vec![], false),
            upcoming: section(vec![row(3, Some("c"))], false),
        };
        let typed_rows = |s: &Section| {
            s.rows.iter().map(|r| typed::<Activities>(to_record(&ACTIVITIES, r)).expect("typed").record).collect()
        };
        let expected = ActivityQueue {
            date: q.date,
            tz: q.tz.to_string(),
            overdue: typed_rows(&q.overdue),
            today: typed_rows(&q.today),
            upcoming: typed_rows(&q.upcoming),
            has_more: QueueMore { overdue: true, today: false, upcoming: false },
        };
        let expected = serde_json::to_string(&expected).expect("serialize");
        assert_eq!(String::from_utf8_lossy(&queue_json(&q)), expected);
    }
}
