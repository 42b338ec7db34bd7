//! The SQL of the figures: the pipeline board and summary, the forecast and the dashboard,
//! read from the sums kept in the write transactions ([`super::sums`]) and the user's stages,
//! so that each reads a few hundred rows however large the account.
//!
//! Sums of money are kept in two parts, above and below 10^8 minor units, each of which fits a
//! 64-bit sum, and put together here in 128 bits: a sum is exact whatever the amounts. Weighted
//! sums (amount x probability) are kept the same way, and divided by 100 and rounded once, at
//! the end.

use std::collections::BTreeMap;

use chrono::{Datelike, Days, NaiveDate};
use crm_api::StageKind;
use crm_api::analytics::{
    ActivityDay, CurrencyAmount, ForecastFigures, ForecastMonth, FunnelStep, StageCurrency, StageSummary, StageTotals,
};
use crm_api::money::Total;

use super::records::Actor;
use super::spec::DEALS;
use super::stages::{StageRow, UserStages};
use super::sums::day_of;
use crate::db::{Col, Conn, Dialect, Row, Shape, SqlValue};
use crate::error::{ApiError, ApiResult};

const SPLIT: i128 = super::sums::SPLIT as i128;

fn int(v: i64) -> SqlValue {
    SqlValue::Int(Some(v))
}

/// The exact value a row's `<prefix>_hi` and `<prefix>_lo` stand for.
fn joined(r: &Row, prefix: &str) -> ApiResult<i128> {
    let hi = r.int(&format!("{prefix}_hi"))?.unwrap_or(0);
    let lo = r.int(&format!("{prefix}_lo"))?.unwrap_or(0);
    Ok(i128::from(hi) * SPLIT + i128::from(lo))
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

/// Columns of the board: the live deals of each stage after the deal `after`, in id order, at
/// most `limit` a stage, in one statement (one round trip on PostgreSQL).
pub async fn columns<C: Conn>(
    c: &mut C,
    actor: Actor,
    stages: &[i64],
    after: i64,
    limit: u32,
) -> ApiResult<BTreeMap<i64, Vec<Row>>> {
    let mut out: BTreeMap<i64, Vec<Row>> = stages.iter().map(|s| (*s, Vec::new())).collect();
    if stages.is_empty() {
        return Ok(out);
    }
    // The limit is written into the statement (a number checked by the caller): with it bound,
    // PostgreSQL plans the statement anew on every execution rather than keeping one plan.
    let mut binds = vec![int(actor.user_id)];
    // The first page has no lower bound on the id: without one, PostgreSQL keeps a generic plan
    // of the statement instead of planning it on every execution (with `id > $n`, its generic
    // estimate is dearer than a custom plan, although the plan is the same).
    let after = match after {
        0 => String::new(),
        after => {
            binds.push(int(after));
            format!("AND id > ${}", binds.len())
        }
    };
    let sql = match c.dialect() {
        // One index scan per stage, planned once: a lateral subquery over the list of stages.
        Dialect::Postgres => {
            let list: Vec<String> = stages
                .iter()
                .map(|stage| {
                    binds.push(int(*stage));
                    format!("(${}::bigint)", binds.len())
                })
                .collect();
            let cols: Vec<String> = DEALS.fields.iter().map(|f| format!("d.{}", f.name)).collect();
            format!(
                "SELECT {} FROM (VALUES {}) AS s (id) CROSS JOIN LATERAL (SELECT {} FROM deals \
                 WHERE user_id = $1 AND stage_id = s.id AND deleted_at IS NULL {after} ORDER BY id LIMIT {limit}) AS d",
                cols.join(", "),
                list.join(", "),
                DEALS.columns()
            )
        }
        Dialect::Sqlite => stages
            .iter()
            .enumerate()
            .map(|(i, stage)| {
                binds.push(int(*stage));
                format!(
                    "SELECT * FROM (SELECT {} FROM deals WHERE user_id = $1 AND stage_id = ${} AND deleted_at IS NULL \
                     {after} ORDER BY id LIMIT {limit}) AS c{i}",
                    DEALS.columns(),
                    binds.len()
                )
            })
            .collect::<Vec<_>>()
            .join(" UNION ALL "),
    };
    for row in c.fetch(&sql, &binds, DEALS.shape()).await? {
        if let Some(column) = row.int("stage_id")?.and_then(|s| out.get_mut(&s)) {
            column.push(row);
        }
    }
    Ok(out)
}

const STAGE_SUMS: &Shape = &[
    ("stage_id", Col::Int),
    ("currency", Col::Text),
    ("n", Col::Int),
    ("a_hi", Col::Int),
    ("a_lo", Col::Int),
    ("w_hi", Col::Int),
    ("w_lo", Col::Int),
];

/// A stage's live records of one currency: count, exact sum, exact sum of amount x probability.
type StageCell = (i64, i128, i128);

/// Per stage and currency, from `table` (`deal_stage_sums` or `opportunity_stage_sums`).
async fn stage_sums<C: Conn>(c: &mut C, actor: Actor, table: &str) -> ApiResult<BTreeMap<(i64, String), StageCell>> {
    let sql = format!("SELECT stage_id, currency, n, a_hi, a_lo, w_hi, w_lo FROM {table} WHERE user_id = $1");
    let mut out = BTreeMap::new();
    for r in c.fetch(&sql, &[int(actor.user_id)], STAGE_SUMS).await? {
        let n = r.req_int("n")?;
        if n != 0 {
            let key = (r.req_int("stage_id")?, r.req_text("currency")?.to_string());
            out.insert(key, (n, joined(&r, "a")?, joined(&r, "w")?));
        }
    }
    Ok(out)
}

/// Open deals of the stage, by currency, idle (no stage change, no activity) since before
/// `cutoff`.
async fn rotting<C: Conn>(c: &mut C, actor: Actor, stage: i64, cutoff: i64) -> ApiResult<BTreeMap<String, i64>> {
    let rows = c
        .fetch(
            "SELECT currency, count(*) AS n FROM deals WHERE user_id = $1 AND stage_id = $2 AND deleted_at IS NULL \
             AND idle_since < $3 GROUP BY currency",
            &[int(actor.user_id), int(stage), int(cutoff)],
            &[("currency", Col::Text), ("n", Col::Int)],
        )
        .await?;
    rows.iter().map(|r| Ok((r.req_text("currency")?.to_string(), r.req_int("n")?))).collect()
}

/// The figures of each of the stages (a pipeline's), as of `now`.
pub async fn summary<C: Conn>(c: &mut C, actor: Actor, stages: &[StageRow], now: i64) -> ApiResult<Vec<StageSummary>> {
    let sums = stage_sums(c, actor, "deal_stage_sums").await?;
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

/// `YYYY * 100 + MM` of the month of a date, as the sums key it.
fn month_key(d: NaiveDate) -> i64 {
    i64::from(d.year()) * 100 + i64::from(d.month())
}

/// The first day of the month `n` months after the month of `d`.
pub fn month_start(d: NaiveDate, n: u32) -> NaiveDate {
    let months = d.year() * 12 + d.month0() as i32 + n as i32;
    NaiveDate::from_ymd_opt(months.div_euclid(12), months.rem_euclid(12) as u32 + 1, 1).unwrap_or(d)
}

const CLOSE_SUMS: &Shape = &[
    ("close_month", Col::Int),
    ("stage_id", Col::Int),
    ("currency", Col::Text),
    ("n", Col::Int),
    ("a_hi", Col::Int),
    ("a_lo", Col::Int),
    ("w_hi", Col::Int),
    ("w_lo", Col::Int),
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
    stages: &UserStages,
    today: NaiveDate,
    months: u32,
) -> ApiResult<Vec<ForecastMonth>> {
    let (from, until) = (month_start(today, 0), month_start(today, months));
    let rows = c
        .fetch(
            "SELECT close_month, stage_id, currency, n, a_hi, a_lo, w_hi, w_lo FROM deal_close_sums \
             WHERE user_id = $1 AND close_month >= $2 AND close_month < $3",
            &[int(actor.user_id), int(month_key(from)), int(month_key(until))],
            CLOSE_SUMS,
        )
        .await?;
    let mut by: BTreeMap<i64, BTreeMap<String, MonthSums>> = BTreeMap::new();
    for r in rows {
        let n = r.req_int("n")?;
        let Some(kind) = stages.by_id(r.req_int("stage_id")?).map(|s| s.kind) else { continue };
        if n == 0 || kind == StageKind::Lost {
            continue;
        }
        let month = by.entry(r.req_int("close_month")?).or_default();
        let e = month.entry(r.req_text("currency")?.to_string()).or_default();
        let sum = joined(&r, "a")?;
        if kind == StageKind::Won {
            e.won += sum;
        } else {
            e.weighted += joined(&r, "w")?;
            e.open += sum;
        }
        e.count += n;
    }
    Ok((0..months)
        .map(|i| {
            let first = month_start(today, i);
            let currencies = by
                .remove(&month_key(first))
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
            ForecastMonth { month: month_of(first), currencies }
        })
        .collect())
}

/// Live contacts of the user.
pub async fn contact_count<C: Conn>(c: &mut C, actor: Actor) -> ApiResult<i64> {
    let row =
        c.fetch_one("SELECT n FROM contact_sums WHERE user_id = $1", &[int(actor.user_id)], &[("n", Col::Int)]).await?;
    Ok(row.and_then(|r| r.int("n").ok().flatten()).unwrap_or(0))
}

/// Open opportunities (every pipeline): their count and values per currency.
pub async fn open_opportunities<C: Conn>(
    c: &mut C,
    actor: Actor,
    stages: &UserStages,
) -> ApiResult<(i64, Vec<CurrencyAmount>)> {
    let sums = stage_sums(c, actor, "opportunity_stage_sums").await?;
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
pub async fn by_stage<C: Conn>(c: &mut C, actor: Actor, stages: &[StageRow]) -> ApiResult<Vec<StageTotals>> {
    let sums = stage_sums(c, actor, "deal_stage_sums").await?;
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

const ENTRY_SUMS: &Shape = &[
    ("stage_id", Col::Int),
    ("currency", Col::Text),
    ("n", Col::Int),
    ("a_hi", Col::Int),
    ("a_lo", Col::Int),
    ("c_hi", Col::Int),
    ("c_lo", Col::Int),
];

/// Deals that entered their (closed) stage on the UTC days of `[from, until)`.
pub async fn closed<C: Conn>(c: &mut C, actor: Actor, stages: &UserStages, from: i64, until: i64) -> ApiResult<Closed> {
    let rows = c
        .fetch(
            "SELECT stage_id, currency, n, a_hi, a_lo, c_hi, c_lo FROM deal_entry_sums \
             WHERE user_id = $1 AND entered_day >= $2 AND entered_day < $3",
            &[int(actor.user_id), int(day_of(from)), int(day_of(until))],
            ENTRY_SUMS,
        )
        .await?;
    let mut out = Closed::default();
    for r in rows {
        let n = r.req_int("n")?;
        match stages.by_id(r.req_int("stage_id")?).map(|s| s.kind) {
            Some(StageKind::Won) => {
                out.won += n;
                let e = out.won_amounts.entry(r.req_text("currency")?.to_string()).or_default();
                e.0 += joined(&r, "a")?;
                e.1 += n;
                out.won_cycle += joined(&r, "c")?;
            }
            Some(StageKind::Lost) => out.lost += n,
            _ => {}
        }
    }
    out.won_amounts.retain(|_, (_, n)| *n != 0);
    Ok(out)
}

const REACH: &Shape = &[("stage_id", Col::Int), ("reach_id", Col::Int), ("n", Col::Int)];

/// The funnel of the deals of the pipeline created on the UTC days of `[from, until)`: a deal
/// that is won now has passed every open stage; any other counts for the stages up to its
/// reach (the furthest open stage it entered, in the current order).
pub async fn funnel<C: Conn>(
    c: &mut C,
    actor: Actor,
    stages: &UserStages,
    pipeline: i64,
    from: i64,
    until: i64,
) -> ApiResult<Vec<FunnelStep>> {
    let rows = c
        .fetch(
            "SELECT stage_id, reach_id, n FROM deal_reach_sums \
             WHERE user_id = $1 AND created_day >= $2 AND created_day < $3",
            &[int(actor.user_id), int(day_of(from)), int(day_of(until))],
            REACH,
        )
        .await?;
    let open: Vec<&StageRow> = stages.of(pipeline).filter(|s| s.kind == StageKind::Open).collect();
    let mut counts = vec![0i64; open.len()];
    for r in rows {
        let n = r.req_int("n")?;
        let Some(now_in) = stages.by_id(r.req_int("stage_id")?).filter(|s| s.pipeline_id == pipeline) else {
            continue;
        };
        let won = now_in.kind == StageKind::Won;
        let reach = stages
            .by_id(r.req_int("reach_id")?)
            .filter(|s| s.kind == StageKind::Open && s.pipeline_id == pipeline)
            .map(|s| s.position);
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
    let first = day_of(start_of(from));
    let rows = c
        .fetch(
            "SELECT day, type, n FROM activity_day_sums WHERE user_id = $1 AND day >= $2 AND day < $3",
            &[int(actor.user_id), int(first), int(day_of(start_of(to + Days::new(1))))],
            ACTIVITY_DAYS,
        )
        .await?;
    let mut days: Vec<ActivityDay> =
        from.iter_days().take_while(|d| *d <= to).map(|date| ActivityDay { date, ..Default::default() }).collect();
    for r in rows {
        let Some(slot) = usize::try_from(r.req_int("day")? - first).ok().and_then(|i| days.get_mut(i)) else {
            continue;
        };
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
