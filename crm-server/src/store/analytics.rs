//! The SQL of the figures: the pipeline board and summary, the forecast and the dashboard.
//!
//! Sums of money are taken in two parts, `amount / 10^6` and `amount % 10^6`, each of which
//! fits a 64-bit sum over any number of rows, and put together here in 128 bits: a sum is exact
//! whatever the amounts. Amounts are grouped by probability so that weighted sums (amount x
//! probability / 100) are exact too and rounded once, at the end.

use std::collections::BTreeMap;

use chrono::{Datelike, Days, NaiveDate};
use crm_api::StageKind;
use crm_api::analytics::{
    ActivityDay, CurrencyAmount, ForecastFigures, ForecastMonth, FunnelStep, StageCurrency, StageSummary, StageTotals,
};
use crm_api::money::Total;

use super::records::{Actor, to_record};
use super::spec::DEALS;
use super::stages::{StageRow, UserStages};
use crate::db::{Col, Conn, Row, Shape, SqlValue};
use crate::error::{ApiError, ApiResult};

const SPLIT: i128 = 1_000_000;

/// The parts of a sum of `amount` as a query selects them.
const SUM_PARTS: &str =
    "CAST(SUM(amount / 1000000) AS BIGINT) AS hi, CAST(SUM(amount % 1000000) AS BIGINT) AS lo, count(*) AS n";

fn int(v: i64) -> SqlValue {
    SqlValue::Int(Some(v))
}

/// The exact sum a row's `hi` and `lo` stand for.
fn sum_of(r: &Row) -> ApiResult<i128> {
    Ok(i128::from(r.int("hi")?.unwrap_or(0)) * SPLIT + i128::from(r.int("lo")?.unwrap_or(0)))
}

/// Microseconds at 00:00 UTC of `day`.
pub fn start_of(day: NaiveDate) -> i64 {
    day.and_hms_opt(0, 0, 0).map(|t| t.and_utc().timestamp_micros()).unwrap_or(i64::MAX)
}

/// The live stages of a pipeline of the user, in order (the default pipeline when none is
/// named); 404 naming `pipeline_id` for a pipeline the user does not have.
pub fn pipeline_stages(stages: &UserStages, pipeline: Option<i64>) -> ApiResult<(i64, Vec<StageRow>)> {
    let id = match pipeline {
        Some(p) if stages.has_pipeline(p) => p,
        Some(p) => return Err(ApiError::missing("pipeline_id", format!("no pipeline with id {p}"))),
        None => stages.default_pipeline().ok_or_else(|| ApiError::Conflict("you have no pipeline".into()))?,
    };
    Ok((id, stages.of(id).cloned().collect()))
}

/// One column of the board: the live deals of a stage after the deal `after`, in id order.
pub async fn column<C: Conn>(
    c: &mut C,
    actor: Actor,
    stage: i64,
    after: i64,
    limit: u32,
) -> ApiResult<Vec<super::records::Record>> {
    let sql = format!(
        "SELECT {} FROM deals WHERE user_id = $1 AND stage_id = $2 AND deleted_at IS NULL AND id > $3 ORDER BY id LIMIT $4",
        DEALS.columns()
    );
    let rows =
        c.fetch(&sql, &[int(actor.user_id), int(stage), int(after), int(i64::from(limit))], DEALS.shape()).await?;
    Ok(rows.iter().map(|r| to_record(&DEALS, r)).collect())
}

const STAGE_SUMS: &Shape = &[
    ("stage_id", Col::Int),
    ("currency", Col::Text),
    ("probability", Col::Int),
    ("hi", Col::Int),
    ("lo", Col::Int),
    ("n", Col::Int),
];

/// Per stage and currency of a table (`deals` or `opportunities`, whose amount is `amount`
/// or `value`): count, exact sum and exact weighted numerator (sum of amount x probability).
async fn stage_sums<C: Conn>(
    c: &mut C,
    actor: Actor,
    table: &str,
    amount: &str,
    pipeline: Option<i64>,
) -> ApiResult<BTreeMap<(i64, String), (i64, i128, i128)>> {
    let (filter, binds) = match pipeline {
        Some(p) => ("AND pipeline_id = $2", vec![int(actor.user_id), int(p)]),
        None => ("", vec![int(actor.user_id)]),
    };
    let sql = format!(
        "SELECT stage_id, currency, probability, {} FROM {table} \
         WHERE user_id = $1 {filter} AND deleted_at IS NULL GROUP BY stage_id, currency, probability",
        SUM_PARTS.replace("amount", amount)
    );
    let mut out: BTreeMap<(i64, String), (i64, i128, i128)> = BTreeMap::new();
    for r in c.fetch(&sql, &binds, STAGE_SUMS).await? {
        let key = (r.int("stage_id")?.unwrap_or(0), r.req_text("currency")?.to_string());
        let sum = sum_of(&r)?;
        let p = i128::from(r.int("probability")?.unwrap_or(0));
        let e = out.entry(key).or_default();
        e.0 += r.req_int("n")?;
        e.1 += sum;
        e.2 += sum * p;
    }
    Ok(out)
}

/// Open deals of the stage, by currency, with no stage change and no activity since `cutoff`.
async fn rotting<C: Conn>(c: &mut C, actor: Actor, stage: i64, cutoff: i64) -> ApiResult<BTreeMap<String, i64>> {
    let rows = c
        .fetch(
            "SELECT currency, count(*) AS n FROM deals WHERE user_id = $1 AND stage_id = $2 AND deleted_at IS NULL \
             AND stage_entered_at < $3 AND (last_activity_at IS NULL OR last_activity_at < $3) GROUP BY currency",
            &[int(actor.user_id), int(stage), int(cutoff)],
            &[("currency", Col::Text), ("n", Col::Int)],
        )
        .await?;
    rows.iter().map(|r| Ok((r.req_text("currency")?.to_string(), r.req_int("n")?))).collect()
}

/// The figures of each stage of the pipeline, as of `now`.
pub async fn summary<C: Conn>(
    c: &mut C,
    actor: Actor,
    pipeline: i64,
    stages: &[StageRow],
    now: i64,
) -> ApiResult<Vec<StageSummary>> {
    let sums = stage_sums(c, actor, "deals", "amount", Some(pipeline)).await?;
    let mut out = Vec::with_capacity(stages.len());
    for s in stages {
        let rot = match s.rotting_days {
            Some(days) if s.kind == StageKind::Open => rotting(c, actor, s.id, now - days * 86_400_000_000).await?,
            _ => BTreeMap::new(),
        };
        let currencies: Vec<StageCurrency> = sums
            .range((s.id, String::new())..)
            .take_while(|((id, _), _)| *id == s.id)
            .map(|((_, currency), (n, sum, weighted))| StageCurrency {
                currency: currency.clone(),
                count: *n,
                amount: Total(*sum),
                weighted_amount: Total::percent_of(*weighted),
                rotting: rot.get(currency).copied().unwrap_or(0),
            })
            .collect();
        out.push(StageSummary {
            stage_id: s.id,
            stage: s.name.clone(),
            position: s.position,
            kind: s.kind,
            probability: s.probability,
            rotting_days: s.rotting_days,
            count: currencies.iter().map(|c| c.count).sum(),
            rotting: currencies.iter().map(|c| c.rotting).sum(),
            currencies,
        });
    }
    Ok(out)
}

/// `YYYY-MM` of a date.
fn month_of(d: NaiveDate) -> String {
    format!("{:04}-{:02}", d.year(), d.month())
}

/// The first day of the month `n` months after the month of `d`.
pub fn month_start(d: NaiveDate, n: u32) -> NaiveDate {
    let months = d.year() * 12 + d.month0() as i32 + n as i32;
    NaiveDate::from_ymd_opt(months.div_euclid(12), months.rem_euclid(12) as u32 + 1, 1).unwrap_or(d)
}

const FORECAST_SUMS: &Shape = &[
    ("close_date", Col::Date),
    ("currency", Col::Text),
    ("kind", Col::Text),
    ("probability", Col::Int),
    ("hi", Col::Int),
    ("lo", Col::Int),
    ("n", Col::Int),
];

/// The sums of one month and currency of the forecast.
#[derive(Debug, Default)]
struct MonthSums {
    won: i128,
    /// Sum of amount x probability of the open deals.
    weighted: i128,
    open: i128,
    count: i64,
}

/// Per close month and currency, from the month of `today` on, `months` months, every
/// pipeline: won, weighted, best case, count.
pub async fn forecast<C: Conn>(
    c: &mut C,
    actor: Actor,
    today: NaiveDate,
    months: u32,
) -> ApiResult<Vec<ForecastMonth>> {
    let (from, until) = (month_start(today, 0), month_start(today, months));
    let sql = format!(
        "SELECT d.close_date, d.currency, s.kind, d.probability, {} FROM deals d JOIN stages s ON s.id = d.stage_id \
         WHERE d.user_id = $1 AND d.deleted_at IS NULL AND d.close_date >= $2 AND d.close_date < $3 \
         AND s.kind <> 'lost' GROUP BY d.close_date, d.currency, s.kind, d.probability",
        SUM_PARTS.replace("amount", "d.amount")
    );
    let rows = c
        .fetch(&sql, &[int(actor.user_id), SqlValue::Date(Some(from)), SqlValue::Date(Some(until))], FORECAST_SUMS)
        .await?;
    let mut by: BTreeMap<String, BTreeMap<String, MonthSums>> = BTreeMap::new();
    for r in rows {
        let Some(SqlValue::Date(Some(day))) = r.get("close_date").ok().cloned() else { continue };
        let sum = sum_of(&r)?;
        let e = by.entry(month_of(day)).or_default().entry(r.req_text("currency")?.to_string()).or_default();
        if r.req_text("kind")? == StageKind::Won.as_str() {
            e.won += sum;
        } else {
            e.weighted += sum * i128::from(r.int("probability")?.unwrap_or(0));
            e.open += sum;
        }
        e.count += r.req_int("n")?;
    }
    Ok((0..months)
        .map(|i| {
            let month = month_of(month_start(today, i));
            let currencies = by
                .remove(&month)
                .unwrap_or_default()
                .into_iter()
                .map(|(currency, m)| ForecastFigures {
                    currency,
                    won: Total(m.won),
                    weighted: Total::percent_of(m.weighted),
                    best_case: Total(m.open + m.won),
                    count: m.count,
                })
                .collect();
            ForecastMonth { month, currencies }
        })
        .collect())
}

/// Live contacts of the user.
pub async fn contact_count<C: Conn>(c: &mut C, actor: Actor) -> ApiResult<i64> {
    let row = c
        .fetch_one(
            "SELECT count(*) AS n FROM contacts WHERE user_id = $1 AND deleted_at IS NULL",
            &[int(actor.user_id)],
            &[("n", Col::Int)],
        )
        .await?;
    Ok(row.and_then(|r| r.int("n").ok().flatten()).unwrap_or(0))
}

/// Open opportunities (every pipeline): their count and values per currency.
pub async fn open_opportunities<C: Conn>(
    c: &mut C,
    actor: Actor,
    stages: &UserStages,
) -> ApiResult<(i64, Vec<CurrencyAmount>)> {
    let sums = stage_sums(c, actor, "opportunities", "value", None).await?;
    let mut count = 0;
    let mut per: BTreeMap<String, i128> = BTreeMap::new();
    for ((stage, currency), (n, sum, _)) in sums {
        if stages.by_id(stage).is_some_and(|s| s.kind == StageKind::Open) {
            count += n;
            *per.entry(currency).or_default() += sum;
        }
    }
    Ok((count, per.into_iter().map(|(currency, sum)| CurrencyAmount { currency, amount: Total(sum) }).collect()))
}

/// Open deals per open stage of the pipeline, in order.
pub async fn by_stage<C: Conn>(
    c: &mut C,
    actor: Actor,
    pipeline: i64,
    stages: &[StageRow],
) -> ApiResult<Vec<StageTotals>> {
    let sums = stage_sums(c, actor, "deals", "amount", Some(pipeline)).await?;
    Ok(stages
        .iter()
        .filter(|s| s.kind == StageKind::Open)
        .map(|s| {
            let mine: Vec<_> = sums.range((s.id, String::new())..).take_while(|((id, _), _)| *id == s.id).collect();
            StageTotals {
                stage_id: s.id,
                stage: s.name.clone(),
                count: mine.iter().map(|(_, (n, _, _))| n).sum(),
                amounts: mine
                    .into_iter()
                    .map(|((_, currency), (_, sum, _))| CurrencyAmount {
                        currency: currency.clone(),
                        amount: Total(*sum),
                    })
                    .collect(),
            }
        })
        .collect())
}

/// Deals that entered a won or lost stage in `[from, until)` and are still in it.
#[derive(Debug, Default)]
pub struct Closed {
    pub won: i64,
    pub lost: i64,
    /// Per currency: won amount and won count.
    pub won_amounts: BTreeMap<String, (i128, i64)>,
    /// Sum of microseconds from creation to the entry into the won stage.
    pub won_cycle: i128,
}

const CLOSED: &Shape = &[
    ("kind", Col::Text),
    ("currency", Col::Text),
    ("hi", Col::Int),
    ("lo", Col::Int),
    ("n", Col::Int),
    ("cycle_hi", Col::Int),
    ("cycle_lo", Col::Int),
];

pub async fn closed<C: Conn>(c: &mut C, actor: Actor, from: i64, until: i64) -> ApiResult<Closed> {
    let sql = format!(
        "SELECT s.kind, d.currency, {}, \
         CAST(SUM((d.stage_entered_at - d.created_at) / 1000000) AS BIGINT) AS cycle_hi, \
         CAST(SUM((d.stage_entered_at - d.created_at) % 1000000) AS BIGINT) AS cycle_lo \
         FROM deals d JOIN stages s ON s.id = d.stage_id \
         WHERE d.user_id = $1 AND d.deleted_at IS NULL AND s.kind <> 'open' \
         AND d.stage_entered_at >= $2 AND d.stage_entered_at < $3 GROUP BY s.kind, d.currency",
        SUM_PARTS.replace("amount", "d.amount")
    );
    let mut out = Closed::default();
    for r in c.fetch(&sql, &[int(actor.user_id), int(from), int(until)], CLOSED).await? {
        let n = r.req_int("n")?;
        if r.req_text("kind")? == StageKind::Won.as_str() {
            out.won += n;
            let e = out.won_amounts.entry(r.req_text("currency")?.to_string()).or_default();
            e.0 += sum_of(&r)?;
            e.1 += n;
            out.won_cycle +=
                i128::from(r.int("cycle_hi")?.unwrap_or(0)) * SPLIT + i128::from(r.int("cycle_lo")?.unwrap_or(0));
        } else {
            out.lost += n;
        }
    }
    Ok(out)
}

const REACH: &Shape = &[("won", Col::Int), ("reach", Col::Int), ("n", Col::Int)];

/// The funnel of the deals of the pipeline created in `[from, until)`.
pub async fn funnel<C: Conn>(
    c: &mut C,
    actor: Actor,
    pipeline: i64,
    stages: &[StageRow],
    from: i64,
    until: i64,
) -> ApiResult<Vec<FunnelStep>> {
    // Each deal's reach: past every open stage when it is won now, else the furthest open
    // stage (by its current position) it ever entered.
    let sql = "SELECT won, reach, count(*) AS n FROM ( \
         SELECT d.id, CAST(CASE WHEN s.kind = 'won' THEN 1 ELSE 0 END AS BIGINT) AS won, \
         MAX(CASE WHEN hs.kind = 'open' AND hs.pipeline_id = d.pipeline_id AND hs.deleted_at IS NULL THEN hs.position END) AS reach \
         FROM deals d JOIN stages s ON s.id = d.stage_id \
         LEFT JOIN deal_stage_changes h ON h.user_id = d.user_id AND h.deal_id = d.id \
         LEFT JOIN stages hs ON hs.id = h.to_stage_id \
         WHERE d.user_id = $1 AND d.pipeline_id = $2 AND d.deleted_at IS NULL AND d.created_at >= $3 AND d.created_at < $4 \
         GROUP BY d.id, s.kind) AS per_deal GROUP BY won, reach";
    let rows = c.fetch(sql, &[int(actor.user_id), int(pipeline), int(from), int(until)], REACH).await?;
    let open: Vec<&StageRow> = stages.iter().filter(|s| s.kind == StageKind::Open).collect();
    let mut counts = vec![0i64; open.len()];
    for r in rows {
        let n = r.req_int("n")?;
        let won = r.int("won")?.unwrap_or(0) == 1;
        let reach = r.int("reach")?;
        for (i, s) in open.iter().enumerate() {
            if won || reach.is_some_and(|p| p >= s.position) {
                counts[i] += n;
            }
        }
    }
    let first = counts.first().copied().unwrap_or(0);
    Ok(open
        .iter()
        .zip(counts)
        .map(|(s, count)| FunnelStep {
            stage_id: s.id,
            stage: s.name.clone(),
            count,
            share: (first > 0).then(|| count as f64 / first as f64),
        })
        .collect())
}

const ACTIVITY_DAYS: &Shape = &[("day", Col::Int), ("type", Col::Text), ("n", Col::Int)];

/// Activities created per UTC day of `[from, to]`, by type.
pub async fn activity_timeline<C: Conn>(
    c: &mut C,
    actor: Actor,
    from: NaiveDate,
    to: NaiveDate,
) -> ApiResult<Vec<ActivityDay>> {
    let rows = c
        .fetch(
            "SELECT created_at / 86400000000 AS day, type, count(*) AS n FROM activities \
             WHERE user_id = $1 AND deleted_at IS NULL AND created_at >= $2 AND created_at < $3 \
             GROUP BY created_at / 86400000000, type",
            &[int(actor.user_id), int(start_of(from)), int(start_of(to + Days::new(1)))],
            ACTIVITY_DAYS,
        )
        .await?;
    let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or_default();
    let mut days: Vec<ActivityDay> =
        from.iter_days().take_while(|d| *d <= to).map(|date| ActivityDay { date, ..Default::default() }).collect();
    for r in rows {
        let day = epoch + Days::new(u64::try_from(r.req_int("day")?).unwrap_or(0));
        let Some(slot) = days.iter_mut().find(|d| d.date == day) else { continue };
        let n = r.req_int("n")?;
        match crm_api::ActivityType::parse(r.req_text("type")?) {
            Some(crm_api::ActivityType::Call) => slot.call += n,
            Some(crm_api::ActivityType::Email) => slot.email += n,
            Some(crm_api::ActivityType::Meeting) => slot.meeting += n,
            Some(crm_api::ActivityType::Task) => slot.task += n,
            Some(crm_api::ActivityType::Note) => slot.note += n,
            None => {}
        }
    }
    Ok(days)
}
