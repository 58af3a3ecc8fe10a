//! Churn and retention by period, and customers who churned and came back.
//!
//! A customer is *active at t* (the start of a day) if it ordered on one of the `churn_days`
//! days before t. For each period: S = active at its start, E = active at its end (the start of
//! the next period). E splits into K = active at both ends (retained), N = first order inside
//! the period (new) and W = the rest, inactive at the start but ordered before it (won back);
//! retention = K / S (always within 0..=1) and churn = 1 - retention.

use crate::domain::{CustomerId, labelled_enum};
use chrono::{Datelike, Duration, NaiveDate};
use serde::{Deserialize, Serialize};

labelled_enum! {
    /// How long one row of the churn report is.
    pub enum Period as "period" {
        Week = "week" | "weekly",
        Month = "month" | "monthly",
        Quarter = "quarter" | "quarterly",
    }
}

impl Period {
    /// The start of the period that contains `date` (weeks start on Monday).
    pub fn start_of(self, date: NaiveDate) -> NaiveDate {
        match self {
            Period::Week => date - Duration::days(i64::from(date.weekday().num_days_from_monday())),
            Period::Month => date.with_day(1).unwrap_or(date),
            Period::Quarter => {
                NaiveDate::from_ymd_opt(date.year(), (date.month0() / 3) * 3 + 1, 1).unwrap_or(date)
            }
        }
    }

    /// The start of the next period after the one starting at `start`.
    pub fn next(self, start: NaiveDate) -> NaiveDate {
        match self {
            Period::Week => start + Duration::days(7),
            Period::Month => start
                .checked_add_months(chrono::Months::new(1))
                .unwrap_or(start),
            Period::Quarter => start
                .checked_add_months(chrono::Months::new(3))
                .unwrap_or(start),
        }
    }
}

/// One period of the report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PeriodRow {
    pub start: NaiveDate,
    /// The first day after the period.
    pub end: NaiveDate,
    pub active_at_start: u64,
    pub active_at_end: u64,
    pub new_in_period: u64,
    /// Active at the start and at the end.
    #[serde(default)]
    pub retained: u64,
    /// Active at the end, not at the start, with an order before the period: came back.
    #[serde(default)]
    pub won_back: u64,
    /// `retained / S`; `None` when S is 0.
    pub retention: Option<f64>,
    pub churn: Option<f64>,
    /// D falls inside the period: it has not finished, so its end counts orders up to D only.
    #[serde(default)]
    pub partial: bool,
}

/// The report over every period from the first order to the period containing D.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChurnPeriod {
    pub period: Period,
    pub churn_days: i64,
    pub rows: Vec<PeriodRow>,
}

/// A customer whose orders stopped for longer than `churn_days` and then started again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WonBack {
    #[serde(with = "crate::domain::customer_ref")]
    pub customer: CustomerId,
    /// The last order before the gap.
    pub last_before: NaiveDate,
    /// The first day it counted as churned (`last_before + churn_days`).
    pub churned_on: NaiveDate,
    /// The order that brought it back.
    pub came_back: NaiveDate,
}

/// Whether a customer with these sorted order dates is active at the start of day `t`.
fn active_at(dates: &[NaiveDate], t: NaiveDate, churn_days: i64) -> bool {
    let from = t - Duration::days(churn_days);
    // The first date >= from must also be < t.
    let i = dates.partition_point(|d| *d < from);
    dates.get(i).is_some_and(|d| *d < t)
}

/// The churn report. `customers` holds each customer's order dates on or before D, sorted.
pub fn churn_report(
    customers: &[Vec<NaiveDate>],
    as_of: NaiveDate,
    period: Period,
    churn_days: i64,
) -> ChurnPeriod {
    let Some(first) = customers.iter().filter_map(|d| d.first()).min().copied() else {
        return ChurnPeriod {
            period,
            churn_days,
            rows: Vec::new(),
        };
    };
    let mut starts = Vec::new();
    let mut start = period.start_of(first);
    while start <= as_of {
        starts.push(start);
        let next = period.next(start);
        if next <= start {
            break; // the end of the calendar
        }
        start = next;
    }
    let mut rows: Vec<PeriodRow> = starts
        .iter()
        .map(|s| PeriodRow {
            start: *s,
            end: period.next(*s),
            active_at_start: 0,
            active_at_end: 0,
            new_in_period: 0,
            retained: 0,
            won_back: 0,
            retention: None,
            churn: None,
            partial: as_of < period.next(*s),
        })
        .collect();
    for dates in customers.iter().filter(|d| !d.is_empty()) {
        let first_order = dates[0];
        for row in rows.iter_mut() {
            let at_start = active_at(dates, row.start, churn_days);
            let at_end = active_at(dates, row.end, churn_days);
            row.active_at_start += u64::from(at_start);
            row.active_at_end += u64::from(at_end);
            if at_end {
                if at_start {
                    row.retained += 1;
                } else if first_order >= row.start {
                    row.new_in_period += 1;
                } else {
                    row.won_back += 1;
                }
            }
        }
    }
    for row in rows.iter_mut() {
        if row.active_at_start > 0 {
            let retention = row.retained as f64 / row.active_at_start as f64;
            row.retention = Some(retention);
            row.churn = Some(1.0 - retention);
        }
    }
    ChurnPeriod {
        period,
        churn_days,
        rows,
    }
}

/// Customers with a gap of more than `churn_days` between consecutive orders: they churned and
/// were won back. One entry per return (a customer can come back more than once).
pub fn won_back(customer: CustomerId, dates: &[NaiveDate], churn_days: i64) -> Vec<WonBack> {
    dates
        .windows(2)
        .filter(|w| (w[1] - w[0]).num_days() > churn_days)
        .map(|w| WonBack {
            customer,
            last_before: w[0],
            churned_on: w[0] + Duration::days(churn_days),
            came_back: w[1],
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn active_means_an_order_in_the_window_before_t() {
        let dates = vec![d(2026, 1, 10)];
        assert!(!active_at(&dates, d(2026, 1, 10), 30)); // ordered that day: not before t
        assert!(active_at(&dates, d(2026, 1, 11), 30));
        assert!(active_at(&dates, d(2026, 2, 9), 30)); // 30 days before Feb 9 is Jan 10
        assert!(!active_at(&dates, d(2026, 2, 10), 30));
    }

    #[test]
    fn monthly_retention_counts_new_customers_apart() {
        // A: orders in Jan and Feb; B: Jan only; C: first order in Feb.
        let customers = vec![
            vec![d(2026, 1, 5), d(2026, 2, 5)],
            vec![d(2026, 1, 6)],
            vec![d(2026, 2, 7)],
        ];
        let report = churn_report(&customers, d(2026, 3, 15), Period::Month, 30);
        let feb = &report.rows[1];
        assert_eq!(feb.start, d(2026, 2, 1));
        // Active on Feb 1: A and B (orders Jan 5/6 within 30 days). On Mar 1: A (Feb 5), C (Feb 7).
        assert_eq!(
            (feb.active_at_start, feb.active_at_end, feb.new_in_period),
            (2, 2, 1)
        );
        assert_eq!(feb.retention, Some(0.5));
        assert_eq!(feb.churn, Some(0.5));
        let jan = &report.rows[0];
        assert_eq!((jan.active_at_start, jan.retention), (0, None));
        assert_eq!(report.rows.len(), 3);
        assert_eq!(report.rows[2].end, d(2026, 4, 1));
    }

    #[test]
    fn won_back_customers_are_not_retained_and_the_current_period_is_partial() {
        // A: Jan and Feb (retained in Feb); B: Oct, then back on Feb 10 (won back in Feb);
        // C: Jan only (churned in Feb); E: first order Feb 12 (new in Feb).
        let customers = vec![
            vec![d(2026, 1, 5), d(2026, 2, 5)],
            vec![d(2025, 10, 1), d(2026, 2, 10)],
            vec![d(2026, 1, 6)],
            vec![d(2026, 2, 12)],
        ];
        let report = churn_report(&customers, d(2026, 3, 15), Period::Month, 30);
        let feb = report
            .rows
            .iter()
            .find(|r| r.start == d(2026, 2, 1))
            .unwrap();
        assert_eq!(
            (
                feb.active_at_start,
                feb.active_at_end,
                feb.retained,
                feb.new_in_period,
                feb.won_back
            ),
            (2, 3, 1, 1, 1)
        );
        // Only A of the two active on Feb 1 is still active on Mar 1: B came back, it was
        // not kept.
        assert_eq!((feb.retention, feb.churn), (Some(0.5), Some(0.5)));
        assert!(!feb.partial);
        for row in &report.rows {
            assert_eq!(
                row.retained + row.new_in_period + row.won_back,
                row.active_at_end
            );
            assert!(row.retention.is_none_or(|r| (0.0..=1.0).contains(&r)));
        }
        // March contains D (Mar 15): unfinished.
        let last = report.rows.last().unwrap();
        assert_eq!((last.start, last.partial), (d(2026, 3, 1), true));
        assert_eq!(report.rows.iter().filter(|r| r.partial).count(), 1);
    }

    #[test]
    fn periods_start_where_expected() {
        assert_eq!(Period::Week.start_of(d(2026, 11, 26)), d(2026, 11, 23));
        assert_eq!(Period::Quarter.start_of(d(2026, 11, 26)), d(2026, 10, 1));
        assert_eq!(Period::Quarter.next(d(2026, 10, 1)), d(2027, 1, 1));
        assert_eq!(Period::Month.next(d(2026, 1, 1)), d(2026, 2, 1));
    }

    #[test]
    fn won_back_after_a_long_gap() {
        let dates = vec![d(2025, 1, 1), d(2025, 3, 1), d(2025, 12, 1), d(2026, 1, 1)];
        let back = won_back(7, &dates, 180);
        assert_eq!(back.len(), 1);
        assert_eq!(
            (back[0].last_before, back[0].came_back),
            (d(2025, 3, 1), d(2025, 12, 1))
        );
        assert_eq!(back[0].churned_on, d(2025, 8, 28));
        assert!(won_back(7, &dates, 365).is_empty());
    }
}
