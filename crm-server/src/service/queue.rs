//! The activity queue and snoozing: what is overdue, due today and due in the next days, today
//! being the current date in the caller's time zone; and moving an open activity's due date.

use chrono::{Days, NaiveDate, Utc};
use chrono_tz::Tz;
use crm_api::activities::{QUEUE_DEFAULT_LIMIT, QUEUE_MAX_LIMIT, UPCOMING_DAYS};
use crm_api::params::QueueParams;
use crm_api::resource::{Activities, Resource};
use serde_json::Value as Json;

use super::records::{Versioned, typed};
use crate::db::{Db, Row, SqlValue};
use crate::error::{ApiError, ApiResult};
use crate::store::queue::{self, DueRange};
use crate::store::records::{self, Actor};
use crate::store::spec::ACTIVITIES;

/// A section of the queue: its activities as read, and whether more follow.
#[derive(Debug)]
pub struct Section {
    pub rows: Vec<Row>,
    pub has_more: bool,
}

/// The queue, as read (written out by the caller without a typed record on the way).
#[derive(Debug)]
pub struct Queue {
    /// Today in `tz`.
    pub date: NaiveDate,
    /// The IANA name of the zone.
    pub tz: &'static str,
    pub overdue: Section,
    pub today: Section,
    pub upcoming: Section,
}

/// The zone named `tz` (UTC when not given) and its current date. The name is an IANA one as
/// the tz database spells it (what [`time_zones`] lists); any other is a 400 naming `tz`.
pub fn today_in(tz: Option<&str>) -> ApiResult<(Tz, NaiveDate)> {
    let zone = match tz {
        None => Tz::UTC,
        Some(name) => name.parse::<Tz>().map_err(|_| {
            ApiError::bad_param(
                "tz",
                format!("unknown time zone {name:?}: give an IANA name such as Europe/Berlin or America/New_York"),
            )
        })?,
    };
    Ok((zone, Utc::now().with_timezone(&zone).date_naive()))
}

/// Every zone name `tz` takes, as the OpenAPI document lists them.
pub fn time_zones() -> impl Iterator<Item = &'static str> {
    chrono_tz::TZ_VARIANTS.iter().map(|z| z.name())
}

fn day_after(date: NaiveDate, days: u64) -> ApiResult<NaiveDate> {
    date.checked_add_days(Days::new(days)).ok_or_else(|| anyhow::anyhow!("no date {days} days after {date}").into())
}

/// The user's queue: open activities due before today, today, and in the
/// [`UPCOMING_DAYS`] after today, at most `limit` of each (default 50, 1 to 500).
pub async fn activity_queue(db: &Db, actor: Actor, p: &QueueParams) -> ApiResult<Queue> {
    let limit = p.limit.unwrap_or(QUEUE_DEFAULT_LIMIT);
    if !(1..=QUEUE_MAX_LIMIT).contains(&limit) {
        return Err(ApiError::bad_param("limit", format!("must be between 1 and {QUEUE_MAX_LIMIT}")));
    }
    let limit = limit as usize;
    let (zone, date) = today_in(p.tz.as_deref())?;
    let tomorrow = day_after(date, 1)?;
    let ranges = [
        DueRange { from: None, before: date },
        DueRange { from: Some(date), before: tomorrow },
        DueRange { from: Some(tomorrow), before: day_after(date, UPCOMING_DAYS + 1)? },
    ];
    let [overdue, today, upcoming] = db
        .read(async |c| {
            let mut sections = Vec::with_capacity(ranges.len());
            for range in ranges {
                let (rows, has_more) = queue::section(c, actor, range, limit).await?;
                sections.push(Section { rows, has_more });
            }
            Ok::<_, ApiError>(sections)
        })
        .await?
        .try_into()
        .map_err(|_| anyhow::anyhow!("the queue has three sections"))?;
    Ok(Queue { date, tz: zone.name(), overdue, today, upcoming })
}

/// Sets an open activity's due date to `until`, which may not be before today in `tz` (UTC
/// when not given): 422 naming `until`. A completed activity is a 409; with `if_match`, only
/// that version is changed (412 otherwise). Written as any update: new version, audit row.
pub async fn snooze_activity(
    db: &Db,
    actor: Actor,
    id: i64,
    until: NaiveDate,
    tz: Option<&str>,
    if_match: Option<i64>,
) -> ApiResult<Versioned<<Activities as Resource>::Record>> {
    let (zone, today) = today_in(tz)?;
    if until < today {
        return Err(ApiError::invalid(
            "until",
            format!("must be today ({today} in {}) or later (got {until})", zone.name()),
        ));
    }
    let field = ACTIVITIES.field("due_date").ok_or_else(|| anyhow::anyhow!("activities have no due_date field"))?;
    let values = vec![(field, SqlValue::Date(Some(until)))];
    let (rec, _) = db
        .write(async move |c| {
            records::update_guarded(c, &ACTIVITIES, actor, id, values, if_match, |before| {
                if before.get("completed") == Some(&Json::Bool(true)) {
                    return Err(ApiError::Conflict(format!(
                        "activity {id} is completed: only an open activity can be snoozed (reopen it with completed=false first)"
                    )));
                }
                Ok(())
            })
            .await
        })
        .await?;
    typed::<Activities>(rec)
}
