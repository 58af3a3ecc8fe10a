//! Recency, frequency and monetary scores, 1 to 5, by rank among the scored customers.

use super::facts::OrderSummary;
use super::segment::Segment;
use crate::domain::Money;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// One customer's RFM values and scores.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rfm {
    /// Days from the calendar date of the last order to D.
    pub recency_days: i64,
    pub frequency: u64,
    pub monetary: Money,
    pub r: u8,
    pub f: u8,
    pub m: u8,
    /// `(f + m + 1) / 2`: the average of F and M, halves rounded up.
    pub fm: u8,
    pub segment: Segment,
}

/// `1 + floor(5 * worse / n)`: ties share a score because `worse` counts strictly worse values.
pub fn score_against(worse: usize, n: usize) -> u8 {
    if n == 0 {
        return 1;
    }
    (1 + (5 * worse) / n).min(5) as u8
}

/// For each value, how many values are strictly smaller (`smaller_is_worse`) or strictly
/// larger. One sort, then one sweep over runs of equal values: O(n log n).
pub(super) fn worse_counts(values: &[i64], smaller_is_worse: bool) -> Vec<usize> {
    let n = values.len();
    let mut sorted: Vec<(i64, usize)> = values.iter().copied().zip(0..n).collect();
    sorted.sort_unstable();
    let mut out = vec![0; n];
    let mut start = 0;
    while start < n {
        let mut end = start;
        while end < n && sorted[end].0 == sorted[start].0 {
            end += 1;
        }
        let worse = if smaller_is_worse { start } else { n - end };
        for &(_, i) in &sorted[start..end] {
            out[i] = worse;
        }
        start = end;
    }
    out
}

/// The result of a scoped sorting thread; a panic there is re-raised here (it is a bug, and
/// the caller's `catch_unwind` boundaries treat it as one).
fn join<T>(handle: std::thread::ScopedJoinHandle<'_, T>) -> T {
    handle
        .join()
        .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
}

/// Scores every `(orders, D)` pair against all of them. The inputs are the scored customers
/// (at least one order on or before D); the output is in the same order.
pub fn rfm_scores(customers: &[(OrderSummary, NaiveDate)]) -> Vec<Rfm> {
    let n = customers.len();
    let recency: Vec<i64> = customers
        .iter()
        .map(|(o, d)| (*d - o.last).num_days())
        .collect();
    let frequency: Vec<i64> = customers.iter().map(|(o, _)| o.count as i64).collect();
    let monetary: Vec<i64> = customers.iter().map(|(o, _)| o.total.0).collect();
    // Three independent sorts: side by side on two cores when there are many customers.
    let (r_worse, f_worse, m_worse) = if n >= 100_000 {
        std::thread::scope(|s| {
            let r = s.spawn(|| worse_counts(&recency, false));
            let f = s.spawn(|| worse_counts(&frequency, true));
            let m = worse_counts(&monetary, true);
            (join(r), join(f), m)
        })
    } else {
        (
            worse_counts(&recency, false),
            worse_counts(&frequency, true),
            worse_counts(&monetary, true),
        )
    };
    (0..n)
        .map(|i| {
            let (r, f, m) = (
                score_against(r_worse[i], n),
                score_against(f_worse[i], n),
                score_against(m_worse[i], n),
            );
            let fm = (f + m).div_ceil(2);
            Rfm {
                recency_days: recency[i],
                frequency: frequency[i] as u64,
                monetary: Money(monetary[i]),
                r,
                f,
                m,
                fm,
                segment: Segment::of(r, fm),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn day(n: i64) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 1, 1).unwrap() + chrono::Duration::days(n)
    }

    fn summary(last: i64, count: u64, total: i64) -> OrderSummary {
        OrderSummary {
            first: day(0),
            last: day(last),
            count,
            total: Money(total),
        }
    }

    #[test]
    fn five_distinct_customers_get_one_to_five() {
        let d = day(100);
        let input: Vec<_> = (0..5)
            .map(|i| (summary(90 + i, 1 + i as u64, 100 * (i + 1)), d))
            .collect();
        let scores = rfm_scores(&input);
        let r: Vec<u8> = scores.iter().map(|s| s.r).collect();
        let f: Vec<u8> = scores.iter().map(|s| s.f).collect();
        assert_eq!(r, vec![1, 2, 3, 4, 5]);
        assert_eq!(f, vec![1, 2, 3, 4, 5]);
        assert_eq!(scores[4].recency_days, 6);
        assert_eq!(scores[4].segment, Segment::Champions);
        assert_eq!(scores[0].segment, Segment::Lost);
    }

    #[test]
    fn ties_share_a_score() {
        // Many customers with one order each: every F is the same, and the lowest.
        let d = day(10);
        let input: Vec<_> = (0..50).map(|i| (summary(i % 3, 1, 500), d)).collect();
        let scores = rfm_scores(&input);
        assert!(scores.iter().all(|s| s.f == 1 && s.m == 1 && s.fm == 1));
        // Last orders on day 0 (17 customers), day 1 (17) and day 2 (16). Strictly worse
        // (older) last orders: none, 17, and 34 customers.
        let r_of = |last: i64| {
            scores
                .iter()
                .find(|s| s.recency_days == 10 - last)
                .unwrap()
                .r
        };
        assert_eq!(
            (r_of(0), r_of(1), r_of(2)),
            (1, 1 + 5 * 17 / 50, 1 + 5 * 34 / 50)
        );
        assert_eq!((r_of(1), r_of(2)), (2, 4));
    }

    #[test]
    fn small_and_empty_sets() {
        assert!(rfm_scores(&[]).is_empty());
        let d = day(10);
        let one = rfm_scores(&[(summary(5, 2, 100), d)]);
        assert_eq!((one[0].r, one[0].f, one[0].m), (1, 1, 1));
        let two = rfm_scores(&[(summary(5, 2, 100), d), (summary(9, 3, 0), d)]);
        assert_eq!((two[1].r, two[1].f, two[1].m), (1 + 5 / 2, 1 + 5 / 2, 1));
        assert_eq!((two[0].r, two[0].f, two[0].m), (1, 1, 1 + 5 / 2));
    }

    #[test]
    fn fm_rounds_halves_up() {
        let d = day(10);
        // f = 1 (fewest orders), m = 2 out of two customers: fm = (1 + 3 + 1) / 2 = 2.
        let scores = rfm_scores(&[(summary(1, 1, 900), d), (summary(1, 2, 100), d)]);
        assert_eq!((scores[0].f, scores[0].m, scores[0].fm), (1, 3, 2));
        assert_eq!(score_against(0, 0), 1);
    }

    #[test]
    fn many_customers_score_the_same_on_several_threads() {
        // Above the threshold the three sorts run side by side; the scores must not change.
        let d = day(400);
        let input: Vec<_> = (0..120_000i64)
            .map(|i| {
                (
                    summary(i * 7 % 400, (i * 13 % 29 + 1) as u64, i * 31 % 9973),
                    d,
                )
            })
            .collect();
        let scores = rfm_scores(&input);
        let values = |f: &dyn Fn(&(OrderSummary, NaiveDate)) -> i64| -> Vec<i64> {
            input.iter().map(f).collect()
        };
        let n = input.len();
        let r = worse_counts(&values(&|(o, d)| (*d - o.last).num_days()), false);
        let f = worse_counts(&values(&|(o, _)| o.count as i64), true);
        let m = worse_counts(&values(&|(o, _)| o.total.0), true);
        for (i, s) in scores.iter().enumerate() {
            assert_eq!(
                (s.r, s.f, s.m),
                (
                    score_against(r[i], n),
                    score_against(f[i], n),
                    score_against(m[i], n)
                )
            );
        }
    }

    proptest! {
        #[test]
        fn scores_stay_in_range_ties_share_and_better_never_scores_lower(
            rows in prop::collection::vec((0i64..400, 1u64..30, -1000i64..100_000), 1..200)
        ) {
            let d = day(400);
            let input: Vec<_> = rows.iter().map(|(l, c, t)| (summary(*l, *c, *t), d)).collect();
            let scores = rfm_scores(&input);
            for (i, a) in scores.iter().enumerate() {
                for s in [a.r, a.f, a.m, a.fm] {
                    prop_assert!((1..=5).contains(&s));
                }
                for b in &scores[i + 1..] {
                    if a.recency_days == b.recency_days { prop_assert_eq!(a.r, b.r); }
                    if a.frequency == b.frequency { prop_assert_eq!(a.f, b.f); }
                    if a.monetary == b.monetary { prop_assert_eq!(a.m, b.m); }
                    if a.recency_days < b.recency_days { prop_assert!(a.r >= b.r); }
                    if a.frequency > b.frequency { prop_assert!(a.f >= b.f); }
                    if a.monetary > b.monetary { prop_assert!(a.m >= b.m); }
                }
            }
        }
    }
}
