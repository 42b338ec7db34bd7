//! The figures' sums (migration 0013): what each live deal, opportunity, contact and activity
//! adds to the dashboard, the pipeline summary and the forecast, kept up to date in the
//! transaction of every write, so that the figures read a few hundred rows however large the
//! account.
//!
//! A write works out what the record added before and adds after ([`Sums::record`]) and
//! applies the difference as upserts in key order. A batch defers its sums to the end of its
//! transaction ([`deferred`]), so that every transaction takes the sums' rows in one order
//! (no deadlock between two on PostgreSQL) and a batch writes each row once. Changes of stages
//! that reorder or redefine them work the sums of the user out again from the records
//! ([`rebuild`]), as [`expected`] does to check them.

use std::cell::RefCell;
use std::collections::BTreeMap;

use crm_api::Money;
use crm_api::time::parse_micros;
use serde_json::Value as Json;

use super::records::{Actor, Record};
use super::spec::{ACTIVITIES, CONTACTS, DEALS, OPPORTUNITIES, Spec};
use crate::db::{Col, Conn, Row, Shape, SqlValue};
use crate::error::ApiResult;

/// Amounts are summed in two parts, below and above this many minor units.
pub const SPLIT: i64 = 100_000_000;

const DAY: i64 = 86_400_000_000;

/// One row of a sums table.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Cell {
    DealStage { stage: i64, currency: String },
    DealClose { month: i64, stage: i64, currency: String },
    DealEntry { day: i64, stage: i64, currency: String },
    DealReach { day: i64, stage: i64, reach: i64 },
    OpportunityStage { stage: i64, currency: String },
    Contacts,
    ActivityDay { day: i64, kind: String },
}

/// The sums of a cell: count and four sums whose meaning depends on the table.
pub type Values = [i64; 5];

impl Cell {
    fn table(&self) -> &'static str {
        match self {
            Cell::DealStage { .. } => "deal_stage_sums",
            Cell::DealClose { .. } => "deal_close_sums",
            Cell::DealEntry { .. } => "deal_entry_sums",
            Cell::DealReach { .. } => "deal_reach_sums",
            Cell::OpportunityStage { .. } => "opportunity_stage_sums",
            Cell::Contacts => "contact_sums",
            Cell::ActivityDay { .. } => "activity_day_sums",
        }
    }

    /// Key columns and their values.
    fn key(&self) -> Vec<(&'static str, SqlValue)> {
        let int = |v: i64| SqlValue::Int(Some(v));
        let text = |v: &String| SqlValue::Text(Some(v.clone()));
        match self {
            Cell::DealStage { stage, currency } | Cell::OpportunityStage { stage, currency } => {
                vec![("stage_id", int(*stage)), ("currency", text(currency))]
            }
            Cell::DealClose { month, stage, currency } => {
                vec![("close_month", int(*month)), ("stage_id", int(*stage)), ("currency", text(currency))]
            }
            Cell::DealEntry { day, stage, currency } => {
                vec![("entered_day", int(*day)), ("stage_id", int(*stage)), ("currency", text(currency))]
            }
            Cell::DealReach { day, stage, reach } => {
                vec![("created_day", int(*day)), ("stage_id", int(*stage)), ("reach_id", int(*reach))]
            }
            Cell::Contacts => vec![],
            Cell::ActivityDay { day, kind } => vec![("day", int(*day)), ("type", text(kind))],
        }
    }

    /// The columns of its values, after `n`.
    fn columns(&self) -> &'static [&'static str] {
        match self {
            Cell::DealStage { .. } | Cell::DealClose { .. } | Cell::OpportunityStage { .. } => {
                &["n", "a_hi", "a_lo", "w_hi", "w_lo"]
            }
            Cell::DealEntry { .. } => &["n", "a_hi", "a_lo", "c_hi", "c_lo"],
            Cell::DealReach { .. } | Cell::Contacts | Cell::ActivityDay { .. } => &["n"],
        }
    }
}

/// Sums to add, by cell.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Sums(pub BTreeMap<Cell, Values>);

fn split(v: i64) -> (i64, i64) {
    (v.div_euclid(SPLIT), v.rem_euclid(SPLIT))
}

fn int(rec: &Record, key: &str) -> Option<i64> {
    rec.get(key).and_then(Json::as_i64)
}

fn text<'a>(rec: &'a Record, key: &str) -> Option<&'a str> {
    rec.get(key).and_then(Json::as_str)
}

fn micros(rec: &Record, key: &str) -> Option<i64> {
    text(rec, key).and_then(parse_micros)
}

fn minor(rec: &Record, key: &str) -> i64 {
    text(rec, key).and_then(|s| s.parse::<Money>().ok()).map(Money::minor).unwrap_or(0)
}

/// `YYYY * 100 + MM` of a `YYYY-MM-DD` date.
fn month_of(date: &str) -> Option<i64> {
    let year: i64 = date.get(0..4)?.parse().ok()?;
    let month: i64 = date.get(5..7)?.parse().ok()?;
    Some(year * 100 + month)
}

/// The UTC day (since the epoch) of a time in microseconds.
pub fn day_of(micros: i64) -> i64 {
    micros.div_euclid(DAY)
}

impl Sums {
    /// Leaves out the cells whose values are all zero (a table keeps no such row).
    pub fn drop_zeros(&mut self) {
        self.0.retain(|_, v| v.iter().any(|x| *x != 0));
    }

    fn add(&mut self, cell: Cell, values: Values, sign: i64) {
        let e = self.0.entry(cell).or_default();
        for (a, b) in e.iter_mut().zip(values) {
            *a += sign * b;
        }
    }

    /// Adds (`sign` 1) or takes away (-1) what a live record of `spec` adds to the sums; a
    /// record in the trash adds nothing. `reach` is a deal's reach (its hidden column).
    pub fn record(&mut self, spec: &Spec, rec: &Record, reach: Option<i64>, sign: i64) {
        if rec.get("deleted_at").is_some_and(|v| !v.is_null()) {
            return;
        }
        if std::ptr::eq(spec, &DEALS) {
            let stage = int(rec, "stage_id").unwrap_or(0);
            let currency = text(rec, "currency").unwrap_or_default().to_string();
            let (hi, lo) = split(minor(rec, "amount"));
            let p = int(rec, "probability").unwrap_or(0);
            let money = [1, hi, lo, hi * p, lo * p];
            self.add(Cell::DealStage { stage, currency: currency.clone() }, money, sign);
            if let Some(month) = text(rec, "close_date").and_then(month_of) {
                self.add(Cell::DealClose { month, stage, currency: currency.clone() }, money, sign);
            }
            let created = micros(rec, "created_at").unwrap_or(0);
            let entered = micros(rec, "stage_entered_at").unwrap_or(created);
            let (c_hi, c_lo) = split(entered - created);
            self.add(Cell::DealEntry { day: day_of(entered), stage, currency }, [1, hi, lo, c_hi, c_lo], sign);
            self.add(Cell::DealReach { day: day_of(created), stage, reach: reach.unwrap_or(0) }, [1, 0, 0, 0, 0], sign);
        } else if std::ptr::eq(spec, &OPPORTUNITIES) {
            let stage = int(rec, "stage_id").unwrap_or(0);
            let currency = text(rec, "currency").unwrap_or_default().to_string();
            let (hi, lo) = split(minor(rec, "value"));
            let p = int(rec, "probability").unwrap_or(0);
            self.add(Cell::OpportunityStage { stage, currency }, [1, hi, lo, hi * p, lo * p], sign);
        } else if std::ptr::eq(spec, &CONTACTS) {
            self.add(Cell::Contacts, [1, 0, 0, 0, 0], sign);
        } else if std::ptr::eq(spec, &ACTIVITIES) {
            let day = day_of(micros(rec, "created_at").unwrap_or(0));
            let kind = text(rec, "type").unwrap_or_default().to_string();
            self.add(Cell::ActivityDay { day, kind }, [1, 0, 0, 0, 0], sign);
        }
    }

    /// The change from `before` to `after` of one record.
    pub fn change(spec: &Spec, before: Option<(&Record, Option<i64>)>, after: Option<(&Record, Option<i64>)>) -> Sums {
        let mut s = Sums::default();
        if let Some((rec, reach)) = before {
            s.record(spec, rec, reach, -1);
        }
        if let Some((rec, reach)) = after {
            s.record(spec, rec, reach, 1);
        }
        s.0.retain(|_, v| v.iter().any(|x| *x != 0));
        s
    }

    pub fn merge(&mut self, other: Sums) {
        for (cell, v) in other.0 {
            self.add(cell, v, 1);
        }
    }

    /// Writes the sums, in key order, into `user`'s rows: one upsert of many rows per table
    /// (a batch of deals touches dozens of cells, which took a round trip each).
    async fn write<C: Conn>(self, c: &mut C, user: i64) -> ApiResult<()> {
        /// Rows of one statement (SQLite takes at most 32,766 binds).
        const ROWS: usize = 1000;
        let cells: Vec<(Cell, Values)> = self.0.into_iter().filter(|(_, v)| v.iter().any(|x| *x != 0)).collect();
        for group in cells.chunk_by(|a, b| a.0.table() == b.0.table()) {
            for rows in group.chunks(ROWS) {
                let Some((first, _)) = rows.first() else { continue };
                let (table, cols) = (first.table(), first.columns());
                let key_names: Vec<&str> = first.key().iter().map(|(k, _)| *k).collect();
                let mut names: Vec<&str> = vec!["user_id"];
                names.extend(&key_names);
                names.extend(cols);
                let values = rows
                    .iter()
                    .map(|(cell, values)| {
                        let mut row = vec![SqlValue::Int(Some(user))];
                        row.extend(cell.key().into_iter().map(|(_, v)| v));
                        row.extend(values.iter().take(cols.len()).map(|v| SqlValue::Int(Some(*v))));
                        row
                    })
                    .collect();
                let conflict: Vec<&str> = names.iter().take(1 + key_names.len()).copied().collect();
                let sets: Vec<String> =
                    cols.iter().map(|col| format!("{col} = {table}.{col} + excluded.{col}")).collect();
                let (sql, binds) = crate::db::insert_rows(
                    c.dialect(),
                    &format!("INSERT INTO {table} ({})", names.join(", ")),
                    values,
                    &format!("ON CONFLICT ({}) DO UPDATE SET {}", conflict.join(", "), sets.join(", ")),
                )?;
                c.execute(&sql, &binds).await?;
            }
        }
        Ok(())
    }
}

tokio::task_local! {
    /// Sums a batch collects, written at the end of its transaction.
    static PENDING: RefCell<Sums>;
}

/// Runs `f` with its sums collected rather than written, then writes them at once. Within a
/// `deferred` already, the outer one writes them.
pub async fn deferred<C: Conn, T>(c: &mut C, user: i64, f: impl AsyncFnOnce(&mut C) -> ApiResult<T>) -> ApiResult<T> {
    if PENDING.try_with(|_| ()).is_ok() {
        return f(c).await;
    }
    let (out, sums) = PENDING
        .scope(RefCell::new(Sums::default()), async {
            let out = f(c).await;
            (out, PENDING.with(|p| std::mem::take(&mut *p.borrow_mut())))
        })
        .await;
    let out = out?;
    sums.write(c, user).await?;
    Ok(out)
}

/// Applies a change of the sums: now, or at the end of the batch it is part of.
pub async fn apply<C: Conn>(c: &mut C, actor: Actor, sums: Sums) -> ApiResult<()> {
    if sums.0.is_empty() {
        return Ok(());
    }
    // Inside a batch, added to what it collects; else written now.
    let mut sums = Some(sums);
    let _ = PENDING.try_with(|p| p.borrow_mut().merge(sums.take().unwrap_or_default()));
    match sums {
        Some(sums) => sums.write(c, actor.user_id).await,
        None => Ok(()),
    }
}

/// A deal's reach (its hidden column).
pub async fn reach_of<C: Conn>(c: &mut C, user: i64, deal: i64) -> ApiResult<Option<i64>> {
    let row = c
        .fetch_one(
            "SELECT reach_stage_id FROM deals WHERE id = $1 AND user_id = $2",
            &[SqlValue::Int(Some(deal)), SqlValue::Int(Some(user))],
            &[("reach_stage_id", Col::Int)],
        )
        .await?;
    Ok(row.and_then(|r| r.int("reach_stage_id").ok().flatten()))
}

const DEAL_FACTS: &Shape = &[
    ("stage_id", Col::Int),
    ("currency", Col::Text),
    ("amount", Col::Int),
    ("probability", Col::Int),
    ("close_date", Col::Date),
    ("stage_entered_at", Col::Int),
    ("created_at", Col::Int),
    ("reach_stage_id", Col::Int),
];

fn deal_record(r: &Row) -> ApiResult<(Record, Option<i64>)> {
    let mut rec = Record::new();
    rec.insert("stage_id".into(), Json::from(r.int("stage_id")?));
    rec.insert("currency".into(), Json::from(r.text("currency")?));
    rec.insert("amount".into(), Json::String(Money(r.int("amount")?.unwrap_or(0)).to_string()));
    rec.insert("probability".into(), Json::from(r.int("probability")?));
    if let Ok(SqlValue::Date(Some(d))) = r.get("close_date") {
        rec.insert("close_date".into(), Json::String(d.format("%Y-%m-%d").to_string()));
    }
    for k in ["stage_entered_at", "created_at"] {
        if let Some(t) = r.int(k)? {
            rec.insert(k.into(), Json::String(crm_api::time::format_micros(t)));
        }
    }
    Ok((rec, r.int("reach_stage_id")?))
}

/// The sums of `user` worked out from their records.
pub async fn expected<C: Conn>(c: &mut C, user: i64) -> ApiResult<Sums> {
    let mut s = Sums::default();
    let u = [SqlValue::Int(Some(user))];
    let rows = c
        .fetch(
            "SELECT stage_id, currency, amount, probability, close_date, stage_entered_at, created_at, reach_stage_id \
             FROM deals WHERE user_id = $1 AND deleted_at IS NULL",
            &u,
            DEAL_FACTS,
        )
        .await?;
    for r in &rows {
        let (rec, reach) = deal_record(r)?;
        s.record(&DEALS, &rec, reach, 1);
    }
    let rows = c
        .fetch(
            "SELECT stage_id, currency, value, probability FROM opportunities WHERE user_id = $1 AND deleted_at IS NULL",
            &u,
            &[("stage_id", Col::Int), ("currency", Col::Text), ("value", Col::Int), ("probability", Col::Int)],
        )
        .await?;
    for r in &rows {
        let mut rec = Record::new();
        rec.insert("stage_id".into(), Json::from(r.int("stage_id")?));
        rec.insert("currency".into(), Json::from(r.text("currency")?));
        rec.insert("value".into(), Json::String(Money(r.int("value")?.unwrap_or(0)).to_string()));
        rec.insert("probability".into(), Json::from(r.int("probability")?));
        s.record(&OPPORTUNITIES, &rec, None, 1);
    }
    let n = c
        .fetch_one(
            "SELECT count(*) AS n FROM contacts WHERE user_id = $1 AND deleted_at IS NULL",
            &u,
            &[("n", Col::Int)],
        )
        .await?
        .and_then(|r| r.int("n").ok().flatten())
        .unwrap_or(0);
    if n > 0 {
        s.add(Cell::Contacts, [n, 0, 0, 0, 0], 1);
    }
    let rows = c
        .fetch(
            "SELECT created_at / 86400000000 AS day, type, count(*) AS n FROM activities \
             WHERE user_id = $1 AND deleted_at IS NULL AND created_at >= 0 GROUP BY created_at / 86400000000, type",
            &u,
            &[("day", Col::Int), ("type", Col::Text), ("n", Col::Int)],
        )
        .await?;
    for r in &rows {
        let cell = Cell::ActivityDay { day: r.req_int("day")?, kind: r.req_text("type")?.to_string() };
        s.add(cell, [r.req_int("n")?, 0, 0, 0, 0], 1);
    }
    // Times before 1970 (backdated that far) fall on days counted the other way in SQL.
    let rows = c
        .fetch(
            "SELECT created_at, type FROM activities WHERE user_id = $1 AND deleted_at IS NULL AND created_at < 0",
            &u,
            &[("created_at", Col::Int), ("type", Col::Text)],
        )
        .await?;
    for r in &rows {
        let cell = Cell::ActivityDay { day: day_of(r.req_int("created_at")?), kind: r.req_text("type")?.to_string() };
        s.add(cell, [1, 0, 0, 0, 0], 1);
    }
    s.drop_zeros();
    Ok(s)
}

/// A cell of each sums table (their values do not matter).
const TABLES: [Cell; 7] = [
    Cell::DealStage { stage: 0, currency: String::new() },
    Cell::DealClose { month: 0, stage: 0, currency: String::new() },
    Cell::DealEntry { day: 0, stage: 0, currency: String::new() },
    Cell::DealReach { day: 0, stage: 0, reach: 0 },
    Cell::OpportunityStage { stage: 0, currency: String::new() },
    Cell::Contacts,
    Cell::ActivityDay { day: 0, kind: String::new() },
];

/// The columns a table's rows are read back by: its key, then its values.
fn shape_of(cell: &Cell) -> &'static Shape {
    const MONEY: [(&str, Col); 5] =
        [("n", Col::Int), ("a_hi", Col::Int), ("a_lo", Col::Int), ("w_hi", Col::Int), ("w_lo", Col::Int)];
    match cell {
        Cell::DealStage { .. } | Cell::OpportunityStage { .. } => {
            &[("stage_id", Col::Int), ("currency", Col::Text), MONEY[0], MONEY[1], MONEY[2], MONEY[3], MONEY[4]]
        }
        Cell::DealClose { .. } => &[
            ("close_month", Col::Int),
            ("stage_id", Col::Int),
            ("currency", Col::Text),
            MONEY[0],
            MONEY[1],
            MONEY[2],
            MONEY[3],
            MONEY[4],
        ],
        Cell::DealEntry { .. } => &[
            ("entered_day", Col::Int),
            ("stage_id", Col::Int),
            ("currency", Col::Text),
            ("n", Col::Int),
            ("a_hi", Col::Int),
            ("a_lo", Col::Int),
            ("c_hi", Col::Int),
            ("c_lo", Col::Int),
        ],
        Cell::DealReach { .. } => {
            &[("created_day", Col::Int), ("stage_id", Col::Int), ("reach_id", Col::Int), ("n", Col::Int)]
        }
        Cell::Contacts => &[("n", Col::Int)],
        Cell::ActivityDay { .. } => &[("day", Col::Int), ("type", Col::Text), ("n", Col::Int)],
    }
}

/// The sums of `user` as stored (rows of zero left out).
pub async fn stored<C: Conn>(c: &mut C, user: i64) -> ApiResult<Sums> {
    let mut s = Sums::default();
    let u = [SqlValue::Int(Some(user))];
    for sample in TABLES {
        let table = sample.table();
        let cols = sample.columns();
        let shape = shape_of(&sample);
        let names: Vec<&str> = shape.iter().map(|(n, _)| *n).collect();
        let sql = format!("SELECT {} FROM {table} WHERE user_id = $1", names.join(", "));
        for r in c.fetch(&sql, &u, shape).await? {
            let i = |k: &str| r.int(k).ok().flatten().unwrap_or(0);
            let t = |k: &str| r.text(k).ok().flatten().unwrap_or_default().to_string();
            let cell = match sample {
                Cell::DealStage { .. } => Cell::DealStage { stage: i("stage_id"), currency: t("currency") },
                Cell::DealClose { .. } => {
                    Cell::DealClose { month: i("close_month"), stage: i("stage_id"), currency: t("currency") }
                }
                Cell::DealEntry { .. } => {
                    Cell::DealEntry { day: i("entered_day"), stage: i("stage_id"), currency: t("currency") }
                }
                Cell::DealReach { .. } => {
                    Cell::DealReach { day: i("created_day"), stage: i("stage_id"), reach: i("reach_id") }
                }
                Cell::OpportunityStage { .. } => {
                    Cell::OpportunityStage { stage: i("stage_id"), currency: t("currency") }
                }
                Cell::Contacts => Cell::Contacts,
                Cell::ActivityDay { .. } => Cell::ActivityDay { day: i("day"), kind: t("type") },
            };
            let mut v = [0i64; 5];
            for (slot, col) in v.iter_mut().zip(cols) {
                *slot = i(col);
            }
            s.add(cell, v, 1);
        }
    }
    s.drop_zeros();
    Ok(s)
}

/// Works each deal's reach out again from its history and the current order of the stages.
pub async fn recompute_reach<C: Conn>(c: &mut C, user: i64) -> ApiResult<()> {
    c.execute(
        "UPDATE deals SET reach_stage_id = ( \
           SELECT hs.id FROM deal_stage_changes h JOIN stages hs ON hs.id = h.to_stage_id \
           WHERE h.user_id = deals.user_id AND h.deal_id = deals.id AND hs.kind = 'open' \
             AND hs.deleted_at IS NULL AND hs.pipeline_id = deals.pipeline_id \
           ORDER BY hs.position DESC, hs.id LIMIT 1) \
         WHERE user_id = $1",
        &[SqlValue::Int(Some(user))],
    )
    .await?;
    Ok(())
}

/// Works the sums of `user` out again from their records (and the deals' reach first).
pub async fn rebuild<C: Conn>(c: &mut C, user: i64) -> ApiResult<()> {
    recompute_reach(c, user).await?;
    for cell in TABLES {
        c.execute(&format!("DELETE FROM {} WHERE user_id = $1", cell.table()), &[SqlValue::Int(Some(user))]).await?;
    }
    expected(c, user).await?.write(c, user).await
}

/// Users whose sums are to be rebuilt (after the migration that made them).
pub async fn pending_rebuilds<C: Conn>(c: &mut C) -> ApiResult<Vec<i64>> {
    let rows = c.fetch("SELECT user_id FROM sums_rebuild ORDER BY user_id", &[], &[("user_id", Col::Int)]).await?;
    rows.iter().map(|r| Ok(r.req_int("user_id")?)).collect()
}

/// Rebuilds one pending user's sums and takes them off the list.
pub async fn rebuild_pending<C: Conn>(c: &mut C, user: i64) -> ApiResult<()> {
    rebuild(c, user).await?;
    c.execute("DELETE FROM sums_rebuild WHERE user_id = $1", &[SqlValue::Int(Some(user))]).await?;
    Ok(())
}
