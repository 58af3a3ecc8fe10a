//! Reorder prediction: when a customer who buys on a rhythm is likely to buy next.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// When the next order is expected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReorderPrediction {
    pub last_order: NaiveDate,
    /// Median gap in days between consecutive distinct order dates.
    pub median_gap_days: i64,
    pub next_expected: NaiveDate,
}

/// For a customer with orders on at least two distinct dates (given in any order, repeats
/// allowed): `next_expected = last order date + median gap` between consecutive distinct
/// dates. With an even number of gaps the median is the mean of the middle two, rounded down.
pub fn predict_reorder(order_dates: &[NaiveDate]) -> Option<ReorderPrediction> {
    let mut dates = order_dates.to_vec();
    dates.sort_unstable();
    dates.dedup();
    if dates.len() < 2 {
        return None;
    }
    let mut gaps: Vec<i64> = dates.windows(2).map(|w| (w[1] - w[0]).num_days()).collect();
    gaps.sort_unstable();
    let mid = gaps.len() / 2;
    let median = if gaps.len() % 2 == 1 {
        gaps[mid]
    } else {
        (gaps[mid - 1] + gaps[mid]).div_euclid(2)
    };
    let last = *dates.last()?;
    Some(ReorderPrediction {
        last_order: last,
        median_gap_days: median,
        next_expected: last + chrono::Duration::days(median),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, day).unwrap()
    }

    #[test]
    fn median_gap_after_the_last_order() {
        // Gaps 10, 30, 12 -> median 12.
        let p = predict_reorder(&[d(1, 1), d(1, 11), d(2, 10), d(2, 22)]).unwrap();
        assert_eq!((p.median_gap_days, p.next_expected), (12, d(3, 6)));
        // Even count: gaps 7 and 10 -> 8 (rounded down); order of input does not matter.
        let p = predict_reorder(&[d(1, 18), d(1, 1), d(1, 8)]).unwrap();
        assert_eq!((p.median_gap_days, p.last_order), (8, d(1, 18)));
    }

    #[test]
    fn needs_two_distinct_dates() {
        assert_eq!(predict_reorder(&[]), None);
        assert_eq!(predict_reorder(&[d(1, 1), d(1, 1), d(1, 1)]), None);
        assert!(predict_reorder(&[d(1, 1), d(1, 1), d(1, 2)]).is_some());
    }
}
