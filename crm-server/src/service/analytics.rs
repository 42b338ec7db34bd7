//! The figures: the pipeline board and summary, the forecast and the dashboard, each read on
//! one reading connection.

use crate::db::{Db, Row, now_micros};
use crate::error::{ApiError, ApiResult};
use crate::store::analytics::{self as figures, pipeline_stages, start_of};
use crate::store::records::Actor;
use crate::store::stages::UserStages;
use chrono::{Datelike, Days, NaiveDate, Utc};
use crm_api::analytics::{
    CurrencyAmount, DEFAULT_MONTHS, DEFAULT_PER_STAGE, Dashboard, DashboardParams, Forecast, ForecastParams,
    MAX_MONTHS, MAX_PER_STAGE, MAX_PERIOD_DAYS, PipelineParams, PipelineSummary,
};
use crm_api::money::Total;

fn today() -> NaiveDate {
    Utc::now().date_naive()
}

/// The board: each stage's deals (its name, its rows) after the deal `after` (the next deals of
/// one column, with `stage`); written out by the caller straight from the rows.
pub async fn board(db: &Db, actor: Actor, p: &PipelineParams) -> ApiResult<Vec<(String, Vec<Row>)>> {
    let per_stage = columns_of(p)?;
    db.read(async |c| {
        let stages = UserStages::load(c, actor.user_id).await?;
        let (pipeline, all) = pipeline_stages(&stages, p.pipeline_id)?;
        let wanted = match &p.stage {
            Some(name) => vec![
                stages
                    .named(pipeline, name)
                    .cloned()
                    .ok_or_else(|| ApiError::missing("stage", format!("no stage {name:?} in pipeline {pipeline}")))?,
            ],
            None => all,
        };
        let ids: Vec<i64> = wanted.iter().map(|s| s.id).collect();
        let mut columns = figures::columns(c, actor, &ids, p.after.unwrap_or(0), per_stage).await?;
        Ok(wanted.into_iter().map(|s| (s.name, columns.remove(&s.id).unwrap_or_default())).collect())
    })
    .await
}

/// The board's deals a column (`per_stage`), checked with `after` whichever the view: the
/// summary has no columns, but a request the document calls invalid is refused all the same.
fn columns_of(p: &PipelineParams) -> ApiResult<u32> {
    let per_stage = p.per_stage.unwrap_or(DEFAULT_PER_STAGE);
    if !(1..=MAX_PER_STAGE).contains(&per_stage) {
        return Err(ApiError::bad_param("per_stage", format!("must be 1 to {MAX_PER_STAGE} (got {per_stage})")));
    }
    if p.after.is_some_and(|a| a < 1) {
        return Err(ApiError::bad_param("after", "must be a deal id (1 and up)"));
    }
    Ok(per_stage)
}

/// Each stage's figures.
pub async fn summary(db: &Db, actor: Actor, p: &PipelineParams) -> ApiResult<PipelineSummary> {
    // `per_stage`, `stage` and `after` shape the board's columns: the summary has none.
    columns_of(p)?;
    db.read(async |c| {
        let stages = UserStages::load(c, actor.user_id).await?;
        let (pipeline, all) = pipeline_stages(&stages, p.pipeline_id)?;
        let stages = figures::summary(c, actor, &all, now_micros()).await?;
        Ok(PipelineSummary { pipeline_id: pipeline, stages })
    })
    .await
}

fn months_of(months: Option<u32>) -> ApiResult<u32> {
    let months = months.unwrap_or(DEFAULT_MONTHS);
    if !(1..=MAX_MONTHS).contains(&months) {
        return Err(ApiError::bad_param("months", format!("must be 1 to {MAX_MONTHS} (got {months})")));
    }
    Ok(months)
}

/// The forecast from the current UTC month.
pub async fn forecast(db: &Db, actor: Actor, p: &ForecastParams) -> ApiResult<Forecast> {
    let months = months_of(p.months)?;
    let today = today();
    db.read(async |c| {
        let stages = UserStages::load(c, actor.user_id).await?;
        Ok(Forecast { months: figures::forecast(c, actor, &stages, today, months).await? })
    })
    .await
}

/// The period of a dashboard: the current UTC month unless given.
fn period(p: &DashboardParams, today: NaiveDate) -> ApiResult<(NaiveDate, NaiveDate)> {
    let first = figures::month_start(today, 0);
    let last = figures::month_start(today, 1) - Days::new(1);
    let (from, to) = match (p.from, p.to) {
        (Some(f), Some(t)) => (f, t),
        // One end given: the month it falls in, from or to it.
        (Some(f), None) => (f, figures::month_start(f, 1) - Days::new(1)),
        (None, Some(t)) => (figures::month_start(t, 0), t),
        (None, None) => (first, last),
    };
    if to < from {
        return Err(ApiError::bad_param("to", format!("must not be before from ({from})")));
    }
    let days = (to - from).num_days() + 1;
    if days > MAX_PERIOD_DAYS {
        return Err(ApiError::bad_param(
            "to",
            format!("the period may span at most {MAX_PERIOD_DAYS} days (got {days})"),
        ));
    }
    if from.year() < 1970 || to.year() > 9998 {
        return Err(ApiError::bad_param("from", "must be a date from 1970 to 9998"));
    }
    Ok((from, to))
}

/// Every figure of the dashboard over the period.
pub async fn dashboard(db: &Db, actor: Actor, p: &DashboardParams) -> ApiResult<Dashboard> {
    let today = today();
    let (from, to) = period(p, today)?;
    let (start, until) = (start_of(from), start_of(to + Days::new(1)));
    db.read(async |c| {
        let stages = UserStages::load(c, actor.user_id).await?;
        let (pipeline, all) = pipeline_stages(&stages, p.pipeline_id)?;
        let total_contacts = figures::contact_count(c, actor).await?;
        let (open_opportunities, pipeline_value) = figures::open_opportunities(c, actor, &stages).await?;
        let closed = figures::closed(c, actor, &stages, start, until).await?;
        let average_deal_size: Vec<CurrencyAmount> = closed
            .won_amounts
            .iter()
            .map(|(currency, (sum, n))| CurrencyAmount { currency: currency.clone(), amount: Total(*sum).mean(*n) })
            .collect();
        Ok(Dashboard {
            from,
            to,
            pipeline_id: pipeline,
            total_contacts,
            open_opportunities,
            pipeline_value: (open_opportunities > 0).then_some(pipeline_value),
            deals_won: closed.won,
            win_rate: (closed.won + closed.lost > 0).then(|| closed.won as f64 / (closed.won + closed.lost) as f64),
            average_deal_size: (closed.won > 0).then_some(average_deal_size),
            sales_cycle_days: (closed.won > 0).then(|| closed.won_cycle as f64 / closed.won as f64 / 86_400_000_000.0),
            funnel: figures::funnel(c, actor, &stages, pipeline, start, until).await?,
            by_stage: figures::by_stage(c, actor, &all).await?,
            forecast: Forecast { months: figures::forecast(c, actor, &stages, today, DEFAULT_MONTHS).await? },
            activity_timeline: figures::activity_timeline(c, actor, from, to).await?,
        })
    })
    .await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().expect("date")
    }

    #[test]
    fn the_period_defaults_to_the_month_and_is_checked() {
        let today = d("2026-12-15");
        let p = |from: Option<&str>, to: Option<&str>| DashboardParams {
            from: from.map(d),
            to: to.map(d),
            ..Default::default()
        };
        assert_eq!(period(&p(None, None), today).ok(), Some((d("2026-12-01"), d("2026-12-31"))));
        assert_eq!(period(&p(Some("2026-02-10"), None), today).ok(), Some((d("2026-02-10"), d("2026-02-28"))));
        assert_eq!(period(&p(None, Some("2024-02-10")), today).ok(), Some((d("2024-02-01"), d("2024-02-10"))));
        assert!(period(&p(Some("2026-02-10"), Some("2026-02-09")), today).is_err());
        assert!(period(&p(Some("2020-01-01"), Some("2026-01-01")), today).is_err());
    }
}
