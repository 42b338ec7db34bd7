//! `crm dashboard`: the dashboard's figures (bare `crm dashboard`, drawn in `figures.rs`) and
//! its layout (`crm dashboard layout`, `... layout set`).

use clap::ArgMatches;
use crm_api::dashboard::{NewDashboardLayout, Period, Widget};

use crate::Ctx;
use crate::exit::{CliError, Result};
use crate::output::Columns;
use crate::records::value;

const LAYOUT_COLUMNS: &[&str] = &["period", "widgets", "version", "updated_at"];

pub async fn run(ctx: &mut Ctx, m: &ArgMatches) -> Result<()> {
    match m.subcommand() {
        Some(("layout", m)) => layout(ctx, m).await,
        _ => crate::figures::dashboard(ctx, m).await,
    }
}

async fn layout(ctx: &mut Ctx, m: &ArgMatches) -> Result<()> {
    ctx.need_token()?;
    let layout = match m.subcommand() {
        Some(("set", m)) => set(ctx, m).await?,
        _ => ctx.client.dashboard_layout().await?.record,
    };
    if ctx.out.quiet {
        // A layout has no id to print.
        return Ok(());
    }
    Ok(ctx.out.record(&Columns::plain(LAYOUT_COLUMNS), &value(&layout)?)?)
}

/// Saves the layout: what is not given stays as it is. The saved layout is read first and
/// written only if no one changed it in between (or if it is at `--if-match`).
async fn set(ctx: &mut Ctx, m: &ArgMatches) -> Result<crm_api::dashboard::DashboardLayout> {
    let period = m.get_one::<String>("period").map(|p| p.parse::<Period>()).transpose();
    let period = period.map_err(|e| CliError::usage(format!("--period: {e}")))?;
    let widgets = match m.get_many::<String>("widgets") {
        Some(names) => Some(
            names
                .map(|w| w.trim().parse::<Widget>())
                .collect::<std::result::Result<Vec<_>, _>>()
                .map_err(|e| CliError::usage(format!("--widgets: {e}")))?,
        ),
        None => None,
    };
    let (current, version) = match m.get_one::<i64>("if-match") {
        Some(v) if period.is_some() && widgets.is_some() => (None, *v),
        Some(v) => (Some(ctx.client.dashboard_layout().await?.record), *v),
        None => {
            let now = ctx.client.dashboard_layout().await?.record;
            let v = now.version;
            (Some(now), v)
        }
    };
    let new = NewDashboardLayout {
        period: period.or(current.as_ref().map(|c| c.period)).unwrap_or_default(),
        widgets: widgets.or(current.map(|c| c.widgets)).unwrap_or_default(),
    };
    let tag = format!("\"{version}\"");
    Ok(ctx.client.put_dashboard_layout(&new, Some(&tag)).await?.record)
}
