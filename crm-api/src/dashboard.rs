//! The dashboard: which widgets a user shows, in which order, over which period; and the dates a
//! period covers.

use chrono::{DateTime, Datelike, Days, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::FieldError;
use crate::enums::closed_enum;

closed_enum!(
    /// A widget of the dashboard.
    Widget {
        TotalContacts => "total_contacts",
        OpenOpportunities => "open_opportunities",
        PipelineValue => "pipeline_value",
        DealsWon => "deals_won",
        WinRate => "win_rate",
        AverageDealSize => "average_deal_size",
        SalesCycleDays => "sales_cycle_days",
        ByStage => "by_stage",
        Forecast => "forecast",
        Funnel => "funnel",
        ActivityTimeline => "activity_timeline",
    } default TotalContacts
);

closed_enum!(
    /// The dates the dashboard's figures cover, relative to today.
    Period {
        ThisMonth => "this_month",
        LastMonth => "last_month",
        ThisQuarter => "this_quarter",
        LastQuarter => "last_quarter",
        ThisYear => "this_year",
        Last30Days => "last_30_days",
        Last90Days => "last_90_days",
    } default ThisMonth
);

/// Most widgets a layout shows: each of them once.
pub const MAX_WIDGETS: usize = Widget::ALL.len();

/// A user's dashboard: the default one (version 0, never saved) until they save their own.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct DashboardLayout {
    pub period: Period,
    /// The widgets shown, in order: each at most once.
    #[schema(schema_with = widgets)]
    pub widgets: Vec<Widget>,
    /// 0 for the default layout, then 1 and up with each save; the `ETag`, for `If-Match`.
    pub version: i64,
    /// When the layout was last saved; null for the default one.
    #[serde(with = "crate::time::option")]
    pub updated_at: Option<DateTime<Utc>>,
}

impl Default for DashboardLayout {
    /// Every widget in the order of [`Widget::ALL`], over this month.
    fn default() -> Self {
        DashboardLayout { period: Period::default(), widgets: Widget::ALL.to_vec(), version: 0, updated_at: None }
    }
}

/// Body of `PUT /api/crm/dashboard/layout`: the whole layout, replacing the saved one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewDashboardLayout {
    pub period: Period,
    /// The widgets to show, in order: 1 to 11, each once.
    #[schema(schema_with = widgets)]
    pub widgets: Vec<Widget>,
}

impl crate::validate::Validate for NewDashboardLayout {
    fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut errors = Vec::new();
        let n = self.widgets.len();
        if !(1..=MAX_WIDGETS).contains(&n) {
            errors.push(FieldError::new("widgets", format!("must list 1 to {MAX_WIDGETS} widgets (got {n})")));
        }
        for (i, w) in self.widgets.iter().enumerate() {
            if self.widgets[..i].contains(w) {
                errors.push(FieldError::new(format!("widgets[{i}]"), format!("duplicate widget {:?}", w.as_str())));
            }
        }
        if errors.is_empty() { Ok(()) } else { Err(errors) }
    }
}

fn widgets() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
    utoipa::openapi::schema::ArrayBuilder::new()
        .items(utoipa::openapi::Ref::from_schema_name("Widget"))
        .min_items(Some(1))
        .max_items(Some(MAX_WIDGETS))
        .unique_items(true)
        .description(Some("Widgets in the order shown, each at most once"))
        .into()
}

impl Period {
    /// The first and the last day the period covers (both included) when today is `today`.
    /// Calendar periods are whole (this quarter runs to its last day); the last N days end
    /// today.
    pub fn range(self, today: NaiveDate) -> (NaiveDate, NaiveDate) {
        let month = MonthIndex::of(today);
        let quarter = MonthIndex(month.0 - month.0.rem_euclid(3));
        match self {
            Period::ThisMonth => (month.first_day(), month.last_day()),
            Period::LastMonth => (month.plus(-1).first_day(), month.plus(-1).last_day()),
            Period::ThisQuarter => (quarter.first_day(), quarter.plus(2).last_day()),
            Period::LastQuarter => (quarter.plus(-3).first_day(), quarter.plus(-1).last_day()),
            Period::ThisYear => {
                let january = MonthIndex(month.0 - month.0.rem_euclid(12));
                (january.first_day(), january.plus(11).last_day())
            }
            Period::Last30Days => (days_before(today, 29), today),
            Period::Last90Days => (days_before(today, 89), today),
        }
    }
}

fn days_before(day: NaiveDate, n: u64) -> NaiveDate {
    day.checked_sub_days(Days::new(n)).unwrap_or(NaiveDate::MIN)
}

/// A month counted from January of year 0, so that months are added across years.
#[derive(Debug, Clone, Copy)]
struct MonthIndex(i64);

impl MonthIndex {
    fn of(day: NaiveDate) -> Self {
        MonthIndex(i64::from(day.year()) * 12 + i64::from(day.month0()))
    }

    fn plus(self, months: i64) -> Self {
        MonthIndex(self.0 + months)
    }

    fn first_day_opt(self) -> Option<NaiveDate> {
        let year = i32::try_from(self.0.div_euclid(12)).ok()?;
        let month = u32::try_from(self.0.rem_euclid(12) + 1).ok()?;
        NaiveDate::from_ymd_opt(year, month, 1)
    }

    /// Its first day; the earliest or latest date there is when outside chrono's range.
    fn first_day(self) -> NaiveDate {
        match self.first_day_opt() {
            Some(d) => d,
            None if self.0 < 0 => NaiveDate::MIN,
            None => NaiveDate::MAX,
        }
    }

    /// Its last day; the earliest or latest date there is when outside chrono's range.
    fn last_day(self) -> NaiveDate {
        match self.plus(1).first_day_opt().and_then(|d| d.pred_opt()) {
            Some(d) => d,
            None if self.0 < 0 => NaiveDate::MIN,
            None => NaiveDate::MAX,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::Validate;

    fn d(s: &str) -> NaiveDate {
        s.parse().expect("a date")
    }

    #[test]
    fn periods_are_inclusive_date_ranges_around_today() {
        let cases = [
            (Period::ThisMonth, "2026-12-01", "2026-12-01", "2026-12-31"),
            (Period::ThisMonth, "2028-02-15", "2028-02-01", "2028-02-29"),
            (Period::LastMonth, "2026-12-01", "2026-11-01", "2026-11-30"),
            (Period::LastMonth, "2027-01-31", "2026-12-01", "2026-12-31"),
            (Period::LastMonth, "2026-03-31", "2026-02-01", "2026-02-28"),
            (Period::ThisQuarter, "2026-12-01", "2026-10-01", "2026-12-31"),
            (Period::ThisQuarter, "2026-01-01", "2026-01-01", "2026-03-31"),
            (Period::ThisQuarter, "2026-06-30", "2026-04-01", "2026-06-30"),
            (Period::LastQuarter, "2026-12-01", "2026-07-01", "2026-09-30"),
            (Period::LastQuarter, "2026-02-10", "2025-10-01", "2025-12-31"),
            (Period::ThisYear, "2026-12-01", "2026-01-01", "2026-12-31"),
            (Period::ThisYear, "2026-01-01", "2026-01-01", "2026-12-31"),
            (Period::Last30Days, "2026-12-01", "2026-11-02", "2026-12-01"),
            (Period::Last30Days, "2026-03-01", "2026-01-31", "2026-03-01"),
            (Period::Last90Days, "2026-12-01", "2026-09-03", "2026-12-01"),
        ];
        for (p, today, from, to) in cases {
            assert_eq!(p.range(d(today)), (d(from), d(to)), "{p} on {today}");
        }
        // At the ends of the calendar there is no panic, only the ends.
        assert_eq!(Period::Last90Days.range(NaiveDate::MIN).0, NaiveDate::MIN);
        assert_eq!(Period::ThisMonth.range(NaiveDate::MAX).1, NaiveDate::MAX);
        assert_eq!(Period::LastMonth.range(NaiveDate::MIN).0, NaiveDate::MIN);
    }

    #[test]
    fn names_match_case_insensitively_and_the_default_is_every_widget_this_month() {
        assert_eq!(Widget::parse("Win Rate"), Some(Widget::WinRate));
        assert_eq!(Period::parse("LAST-30-DAYS"), Some(Period::Last30Days));
        let l = DashboardLayout::default();
        assert_eq!((l.period, l.widgets.len(), l.version), (Period::ThisMonth, 11, 0));
        let json = serde_json::to_value(&l).expect("json");
        assert_eq!(json["widgets"][10], "activity_timeline");
        assert!(json["updated_at"].is_null());
    }

    #[test]
    fn a_layout_lists_one_to_eleven_widgets_each_once() {
        let new = |widgets: Vec<Widget>| NewDashboardLayout { period: Period::ThisYear, widgets };
        assert!(new(vec![Widget::Funnel]).validate().is_ok());
        assert!(new(Widget::ALL.to_vec()).validate().is_ok());
        let e = new(vec![]).validate().expect_err("empty");
        assert_eq!(e[0].field, "widgets");
        let e = new(vec![Widget::Funnel, Widget::WinRate, Widget::Funnel]).validate().expect_err("twice");
        assert_eq!((e[0].field.as_str(), e[0].message.as_str()), ("widgets[2]", "duplicate widget \"funnel\""));
        let mut twelve = Widget::ALL.to_vec();
        twelve.push(Widget::Forecast);
        assert_eq!(new(twelve).validate().expect_err("twelve")[0].field, "widgets");
    }
}
