//! The activity queue: a user's open, dated activities in a range of due dates, by priority
//! (Urgent, High, Normal, Low), then due date, then id.
//!
//! A section is read one priority at a time, each an index walk of `activities_queue`
//! (migration 0011: user, priority, due date, id, over the open and dated rows) that stops after
//! the rows the section still needs, and the reading stops once the section is full. So a
//! section reads at most `limit + 1` rows however many activities are overdue, and never sorts.

use chrono::NaiveDate;
use crm_api::Priority;

use super::records::Actor;
use super::spec::ACTIVITIES;
use crate::db::{Conn, Row, SqlValue};
use crate::error::ApiResult;

/// The priorities in the order a section lists them.
pub const PRIORITY_ORDER: [Priority; 4] = [Priority::Urgent, Priority::High, Priority::Normal, Priority::Low];

/// A range of due dates: from `from` (inclusive, unbounded when `None`) to `before` (exclusive).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DueRange {
    pub from: Option<NaiveDate>,
    pub before: NaiveDate,
}

/// The SELECT of one priority's rows of a range, and its binds: the user, the priority, the
/// bounds, the number of rows. The WHERE clause repeats the index's condition word for word,
/// which is what lets both planners use the partial index.
pub fn section_query(actor: Actor, priority: Priority, range: DueRange, rows: usize) -> (String, Vec<SqlValue>) {
    let mut binds = vec![SqlValue::Int(Some(actor.user_id)), SqlValue::Text(Some(priority.as_str().to_string()))];
    let mut conds = String::new();
    if let Some(from) = range.from {
        binds.push(SqlValue::Date(Some(from)));
        conds.push_str(&format!(" AND due_date >= ${}", binds.len()));
    }
    binds.push(SqlValue::Date(Some(range.before)));
    conds.push_str(&format!(" AND due_date < ${}", binds.len()));
    binds.push(SqlValue::Int(Some(i64::try_from(rows).unwrap_or(i64::MAX))));
    let sql = format!(
        "SELECT {} FROM activities WHERE user_id = $1 AND priority = $2 \
         AND NOT completed AND deleted_at IS NULL AND due_date IS NOT NULL{conds} \
         ORDER BY due_date, id LIMIT ${}",
        ACTIVITIES.columns(),
        binds.len()
    );
    (sql, binds)
}

/// The first `limit` open activities of the user due in `range`, in queue order, and whether
/// more follow.
pub async fn section<C: Conn>(c: &mut C, actor: Actor, range: DueRange, limit: usize) -> ApiResult<(Vec<Row>, bool)> {
    let mut rows = Vec::new();
    for priority in PRIORITY_ORDER {
        // One more than the section still has room for: it tells whether more follow.
        let (sql, binds) = section_query(actor, priority, range, limit - rows.len() + 1);
        rows.extend(c.fetch(&sql, &binds, ACTIVITIES.shape()).await?);
        if rows.len() > limit {
            rows.truncate(limit);
            return Ok((rows, true));
        }
    }
    Ok((rows, false))
}
