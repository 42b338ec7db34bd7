//! The figures: `crm pipeline` (the board, or `--summary`), `crm forecast` and bare
//! `crm dashboard`. `-o json` prints the server's answer as it is; tables and charts are text
//! fitted to the terminal's width, coloured only on a terminal without `NO_COLOR`.

use std::fmt::Write as _;

use chrono::NaiveDate;
use clap::ArgMatches;
use crm_api::analytics::{
    CurrencyAmount, Dashboard, DashboardParams, Forecast, ForecastParams, PipelineBoard, PipelineParams,
    PipelineSummary,
};
use crm_api::catalog::FieldKind;
use serde_json::{Value, json};

use crate::Ctx;
use crate::exit::{CliError, Result};
use crate::output::{self, Column, Columns, Format, bar, group_digits, sparkline};
use crate::records::value;

/// `crm pipeline [--pipeline ID] [--per-stage N] [--summary]`.
pub async fn pipeline(ctx: &mut Ctx, m: &ArgMatches) -> Result<()> {
    ctx.need_token()?;
    let pipeline_id = m.get_one::<i64>("pipeline").copied();
    if m.get_flag("summary") {
        let summary = ctx.client.pipeline_summary(pipeline_id).await?;
        return print_summary(ctx, &summary);
    }
    let per_stage = m.get_one::<u32>("per-stage").copied();
    let params = PipelineParams { pipeline_id, per_stage, ..Default::default() };
    let board = ctx.client.pipeline_board(&params).await?;
    print_board(ctx, &board, per_stage.unwrap_or(crm_api::analytics::DEFAULT_PER_STAGE))
}

/// The board as one block per stage: `Stage (n)`, then a line per deal.
fn print_board(ctx: &mut Ctx, board: &PipelineBoard, per_stage: u32) -> Result<()> {
    if ctx.out.quiet {
        for (_, deals) in &board.0 {
            for d in deals {
                ctx.out.line(&d.id.to_string())?;
            }
        }
        return Ok(());
    }
    match ctx.out.format {
        Format::Json | Format::Ndjson => return Ok(ctx.out.json(board)?),
        Format::Csv => {
            // A row per deal, its stage first.
            let mut rows = Vec::new();
            for (stage, deals) in &board.0 {
                for d in deals {
                    let mut row = value(d)?;
                    row["board_stage"] = json!(stage);
                    rows.push(row);
                }
            }
            let cols =
                Columns::plain(&["board_stage", "id", "name", "amount", "currency", "probability", "contact_id"]);
            ctx.out.begin(&cols);
            ctx.out.items(&rows)?;
            return Ok(ctx.out.end()?);
        }
        Format::Table => {}
    }
    let width = output::width();
    let deals: Vec<(usize, Value)> = board
        .0
        .iter()
        .enumerate()
        .flat_map(|(i, (_, ds))| ds.iter().filter_map(move |d| value(d).ok().map(|v| (i, v))))
        .collect();
    let cell = |v: &Value, k: &str| match &v[k] {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    let lines: Vec<[String; 5]> = deals
        .iter()
        .map(|(_, d)| {
            let contact = match &d["contact_id"] {
                Value::Number(n) => format!("contact {n}"),
                _ => String::new(),
            };
            let probability = match &d["probability"] {
                Value::Number(n) => format!("{n}%"),
                _ => String::new(),
            };
            [
                cell(d, "id"),
                cell(d, "name"),
                format!("{} {}", group_digits(&cell(d, "amount")), cell(d, "currency")),
                probability,
                contact,
            ]
        })
        .collect();
    let w = |i: usize| lines.iter().map(|l| l[i].chars().count()).max().unwrap_or(0);
    let (id_w, amount_w, prob_w, contact_w) = (w(0), w(2), w(3), w(4));
    // Two spaces of indent and two between columns; the name takes what is left.
    let fixed = 2 + id_w + 2 + 2 + amount_w + 2 + prob_w + 2 + contact_w;
    let name_w = w(1).min(width.saturating_sub(fixed).max(8));
    let mut at = 0;
    for (i, (stage, ds)) in board.0.iter().enumerate() {
        // A full column may go on: say so.
        let more = if ds.len() as u32 >= per_stage { " shown, maybe more" } else { "" };
        let head = format!("{stage} ({}{more})", ds.len());
        ctx.out.line(&ctx.out.heading(&head))?;
        while at < deals.len() && deals[at].0 == i {
            let l = &lines[at];
            let text =
                format!("  {:>id_w$}  {}  {:>amount_w$}  {:>prob_w$}  {}", l[0], fit(&l[1], name_w), l[2], l[3], l[4]);
            ctx.out.line(text.trim_end())?;
            at += 1;
        }
    }
    Ok(())
}

/// `text` padded or cut (with `…`) to `width` characters.
fn fit(text: &str, width: usize) -> String {
    let n = text.chars().count();
    if n <= width {
        format!("{text}{}", " ".repeat(width - n))
    } else {
        let mut s: String = text.chars().take(width.saturating_sub(1)).collect();
        s.push('…');
        s
    }
}

fn money_columns(keys: &[&str], money: &[&str]) -> Columns {
    let mut cols = Columns::plain(keys);
    cols.all = keys
        .iter()
        .map(|k| Column { key: k.to_string(), kind: money.contains(k).then_some(FieldKind::Money) })
        .collect();
    cols
}

/// The summary: a line per stage and currency.
fn print_summary(ctx: &mut Ctx, summary: &PipelineSummary) -> Result<()> {
    if ctx.out.quiet {
        // Figures, not records: no ids to print.
        return Ok(());
    }
    if matches!(ctx.out.format, Format::Json | Format::Ndjson) {
        return Ok(ctx.out.json(summary)?);
    }
    let cols = money_columns(
        &["stage_id", "stage", "kind", "probability", "count", "currency", "amount", "weighted", "rotting"],
        &["amount", "weighted"],
    );
    let mut rows = Vec::new();
    for s in &summary.stages {
        let base = json!({
            "stage_id": s.stage_id, "stage": s.stage, "kind": s.kind,
            "probability": s.probability, "count": s.count,
        });
        if s.currencies.is_empty() {
            let mut row = base.clone();
            row["rotting"] = json!(s.rotting);
            rows.push(row);
        }
        for c in &s.currencies {
            let mut row = base.clone();
            row["currency"] = json!(c.currency);
            row["amount"] = json!(c.amount.to_string());
            row["weighted"] = json!(c.weighted_amount.to_string());
            row["rotting"] = json!(c.rotting);
            rows.push(row);
        }
    }
    Ok(ctx.out.figures(&cols, &rows)?)
}

/// `crm forecast [--months N]`.
pub async fn forecast(ctx: &mut Ctx, m: &ArgMatches) -> Result<()> {
    ctx.need_token()?;
    let forecast = ctx.client.forecast(&ForecastParams { months: m.get_one::<u32>("months").copied() }).await?;
    if ctx.out.quiet {
        return Ok(());
    }
    if matches!(ctx.out.format, Format::Json | Format::Ndjson) {
        return Ok(ctx.out.json(&forecast)?);
    }
    let (cols, rows) = forecast_rows(&forecast);
    Ok(ctx.out.figures(&cols, &rows)?)
}

/// A line per month and currency; a month where nothing closes has a line of its own.
fn forecast_rows(f: &Forecast) -> (Columns, Vec<Value>) {
    let cols = money_columns(
        &["month", "currency", "won", "weighted", "best_case", "count"],
        &["won", "weighted", "best_case"],
    );
    let mut rows = Vec::new();
    for month in &f.months {
        if month.currencies.is_empty() {
            rows.push(json!({"month": month.month, "count": 0}));
        }
        for c in &month.currencies {
            rows.push(json!({
                "month": month.month, "currency": c.currency, "won": c.won.to_string(),
                "weighted": c.weighted.to_string(), "best_case": c.best_case.to_string(), "count": c.count,
            }));
        }
    }
    (cols, rows)
}

/// Bare `crm dashboard [--from D] [--to D] [--pipeline ID]`.
pub async fn dashboard(ctx: &mut Ctx, m: &ArgMatches) -> Result<()> {
    let date = |flag: &str| -> Result<Option<NaiveDate>> {
        m.get_one::<String>(flag)
            .map(|d| {
                NaiveDate::parse_from_str(d.trim(), "%Y-%m-%d")
                    .map_err(|_| CliError::usage(format!("--{flag}: {d:?} is not a date (YYYY-MM-DD)")))
            })
            .transpose()
    };
    let params =
        DashboardParams { from: date("from")?, to: date("to")?, pipeline_id: m.get_one::<i64>("pipeline").copied() };
    if let (Some(from), Some(to)) = (params.from, params.to)
        && to < from
    {
        return Err(CliError::usage(format!("--to {to} is before --from {from}")));
    }
    ctx.need_token()?;
    if ctx.out.format == Format::Csv && !ctx.out.quiet {
        return Err(CliError::usage("dashboard: there is no CSV of the dashboard; use -o json or -o table"));
    }
    let d = ctx.client.dashboard(&params).await?;
    match ctx.out.format {
        // Figures have no ids to print.
        _ if ctx.out.quiet => return Ok(()),
        Format::Json | Format::Ndjson => return Ok(ctx.out.json(&d)?),
        Format::Csv | Format::Table => {}
    }
    let text = render_dashboard(ctx, &d, output::width());
    Ok(ctx.out.line(text.trim_end())?)
}

fn amounts(list: &Option<Vec<CurrencyAmount>>) -> Vec<String> {
    match list {
        None => vec!["-".to_string()],
        Some(l) if l.is_empty() => vec!["-".to_string()],
        Some(l) => l.iter().map(|c| format!("{} {}", group_digits(&c.amount.to_string()), c.currency)).collect(),
    }
}

fn percent(share: Option<f64>) -> String {
    share.map_or_else(|| "-".to_string(), |s| format!("{:.1}%", s * 100.0))
}

/// The dashboard as text: the figures, the charts, the forecast and the activity.
fn render_dashboard(ctx: &Ctx, d: &Dashboard, width: usize) -> String {
    let out = &ctx.out;
    let mut t = String::new();
    let _ = writeln!(t, "{}", out.heading(&format!("Dashboard {} to {}, pipeline {}", d.from, d.to, d.pipeline_id)));

    // The figures, a line each (a line per currency for money).
    let mut figures: Vec<(String, String)> = vec![
        ("total contacts".into(), d.total_contacts.to_string()),
        ("open opportunities".into(), d.open_opportunities.to_string()),
    ];
    let mut multi = |name: &str, values: Vec<String>| {
        for (i, v) in values.into_iter().enumerate() {
            figures.push((if i == 0 { name.to_string() } else { String::new() }, v));
        }
    };
    multi("pipeline value", amounts(&d.pipeline_value));
    multi("deals won", vec![d.deals_won.to_string()]);
    multi("win rate", vec![percent(d.win_rate)]);
    multi("average deal size", amounts(&d.average_deal_size));
    multi("sales cycle", vec![d.sales_cycle_days.map_or_else(|| "-".to_string(), |days| format!("{days:.1} days"))]);
    let rows: Vec<Value> = figures.iter().map(|(k, v)| json!({"figure": k, "value": v})).collect();
    let _ = writeln!(t, "{}", out.table_text(&Columns::plain(&["figure", "value"]), &rows));

    // Open deals by stage: their count, then their amount per currency.
    let _ = writeln!(t, "\n{}", out.heading("Open deals by stage"));
    let counts: Vec<(String, f64, String)> =
        d.by_stage.iter().map(|s| (s.stage.clone(), s.count as f64, s.count.to_string())).collect();
    chart(&mut t, out, &counts, width);
    let mut currencies: Vec<&str> =
        d.by_stage.iter().flat_map(|s| s.amounts.iter().map(|a| a.currency.as_str())).collect();
    currencies.sort_unstable();
    currencies.dedup();
    for cur in currencies {
        let _ = writeln!(t, "\n{}", out.heading(&format!("Open deals by stage, amount in {cur}")));
        let bars: Vec<(String, f64, String)> = d
            .by_stage
            .iter()
            .map(|s| {
                let total = s.amounts.iter().find(|a| a.currency == cur).map(|a| a.amount);
                let shown = total.map_or_else(|| "0.00".to_string(), |a| group_digits(&a.to_string()));
                (s.stage.clone(), total.map_or(0.0, |a| a.0 as f64), format!("{shown} {cur}"))
            })
            .collect();
        chart(&mut t, out, &bars, width);
    }

    // The funnel of the deals created in the period.
    let _ = writeln!(t, "\n{}", out.heading("Funnel of the deals created in the period"));
    let count_w = d.funnel.iter().map(|f| f.count.to_string().len()).max().unwrap_or(0);
    let steps: Vec<(String, f64, String)> = d
        .funnel
        .iter()
        .map(|f| (f.stage.clone(), f.count as f64, format!("{:>count_w$}  {:>6}", f.count, percent(f.share))))
        .collect();
    chart(&mut t, out, &steps, width);

    // The forecast.
    let _ = writeln!(t, "\n{}", out.heading("Forecast"));
    let (cols, rows) = forecast_rows(&d.forecast);
    let _ = writeln!(t, "{}", out.table_text(&cols, &rows));

    // Activity: a sparkline of the days, then the totals by type.
    let _ = writeln!(t, "\n{}", out.heading("Activities per day"));
    let per_day: Vec<i64> =
        d.activity_timeline.iter().map(|a| a.call + a.email + a.meeting + a.task + a.note).collect();
    let total = |f: fn(&crm_api::analytics::ActivityDay) -> i64| d.activity_timeline.iter().map(f).sum::<i64>();
    if per_day.iter().all(|n| *n == 0) {
        let _ = writeln!(t, "(none)");
    } else {
        let cells = width.saturating_sub(25).max(10);
        let line = sparkline(&buckets(&per_day, cells));
        let first = d.activity_timeline.first().map(|a| a.date.to_string()).unwrap_or_default();
        let last = d.activity_timeline.last().map(|a| a.date.to_string()).unwrap_or_default();
        let _ = writeln!(t, "{first} {} {last}", out.paint_bar(&format!("|{line}|")));
    }
    let _ = writeln!(
        t,
        "{} in all: {} calls, {} emails, {} meetings, {} tasks, {} notes",
        per_day.iter().sum::<i64>(),
        total(|a| a.call),
        total(|a| a.email),
        total(|a| a.meeting),
        total(|a| a.task),
        total(|a| a.note),
    );
    t
}

/// At most `n` values: consecutive ones summed, so a long period fits the line.
fn buckets(values: &[i64], n: usize) -> Vec<i64> {
    if values.len() <= n || n == 0 {
        return values.to_vec();
    }
    let per = values.len().div_ceil(n);
    values.chunks(per).map(|c| c.iter().sum()).collect()
}

/// A bar chart: a line per (label, value, shown value), the bars scaled to the largest value
/// and to what the width leaves after the labels and the shown values.
fn chart(t: &mut String, out: &output::Out, bars: &[(String, f64, String)], width: usize) {
    if bars.is_empty() {
        let _ = writeln!(t, "(none)");
        return;
    }
    let label_w = bars.iter().map(|b| b.0.chars().count()).max().unwrap_or(0).min(24);
    let shown_w = bars.iter().map(|b| b.2.chars().count()).max().unwrap_or(0);
    let bar_w = width.saturating_sub(label_w + shown_w + 4).max(10);
    let max = bars.iter().map(|b| b.1).fold(0.0, f64::max);
    for (label, v, shown) in bars {
        let drawn = bar(*v, max, bar_w);
        let pad = bar_w - drawn.chars().count().min(bar_w);
        let line = format!("{}  {}{}  {shown:>shown_w$}", fit(label, label_w), out.paint_bar(&drawn), " ".repeat(pad));
        let _ = writeln!(t, "{}", line.trim_end());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_and_buckets() {
        assert_eq!(bar(0.0, 10.0, 20), "");
        assert_eq!(bar(10.0, 10.0, 20), "█".repeat(20));
        assert_eq!(bar(5.0, 10.0, 4), "██");
        assert_eq!(bar(0.01, 10.0, 4), "▏", "a sliver for anything above 0");
        assert_eq!(bar(1.0, 8.0, 1), "▏");
        assert_eq!(buckets(&[1, 2, 3, 4, 5], 2), [6, 9]);
        assert_eq!(buckets(&[1, 2], 10), [1, 2]);
        assert_eq!(sparkline(&[0, 1, 8]), " ▂█");
        assert_eq!(fit("Negotiation", 6), "Negot…");
        assert_eq!(fit("Won", 6), "Won   ");
    }
}
