//! The 80/20 view: how much of the revenue the best customers bring.

use crate::domain::{Money, TotalOverflow};
use serde::{Deserialize, Serialize};

/// The Pareto summary of the scored customers' spend.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Pareto {
    pub customers: usize,
    pub revenue: Money,
    /// `ceil(0.2 * N)`: how many customers the top 20% are.
    pub top_count: usize,
    /// Revenue share of the top 20% (0..=1); `None` when total revenue is not positive.
    pub top_share: Option<f64>,
    /// The smallest number of customers (best first) whose spend reaches 80% of revenue.
    pub count_for_80: Option<usize>,
    /// `count_for_80 / N`.
    pub share_for_80: Option<f64>,
    /// The whole curve: `(share of customers, cumulative share of revenue)`, one point per
    /// customer when N <= 1000, else 1,000 evenly spaced points (and the last).
    pub curve: Vec<(f64, f64)>,
}

/// Pareto summary of `monetary` (one value per scored customer, any order); refused when the
/// revenue does not fit in a [`Money`].
pub fn pareto(monetary: &[Money]) -> Result<Pareto, TotalOverflow> {
    let mut sorted: Vec<i64> = monetary.iter().map(|m| m.0).collect();
    sorted.sort_unstable();
    pareto_of_sorted(&sorted)
}

/// [`pareto`] of values already sorted smallest first (the scores' own sorted spend).
pub fn pareto_of_sorted(ascending: &[i64]) -> Result<Pareto, TotalOverflow> {
    let n = ascending.len();
    let sorted = ascending.iter().rev();
    let total: i128 = sorted.clone().map(|v| i128::from(*v)).sum();
    let top_count = (n * 2).div_ceil(10);
    let mut top_share = None;
    let mut count_for_80 = None;
    let mut curve = Vec::new();
    if total > 0 {
        let mut running: i128 = 0;
        // Point j (1..=points) sits at customer ceil(j * n / points).
        let points = n.min(1000);
        let mut next_point = 1;
        for (i, v) in sorted.enumerate() {
            running += i128::from(*v);
            let k = i + 1;
            if k == top_count {
                top_share = Some(running as f64 / total as f64);
            }
            // running / total >= 0.8  <=>  5 * running >= 4 * total (exact)
            if count_for_80.is_none() && 5 * running >= 4 * total {
                count_for_80 = Some(k);
            }
            if next_point <= points && k == (next_point * n).div_ceil(points) {
                curve.push((k as f64 / n as f64, running as f64 / total as f64));
                next_point += 1;
            }
        }
    }
    Ok(Pareto {
        customers: n,
        revenue: Money::from_i128(total)?,
        top_count,
        top_share,
        count_for_80,
        share_for_80: count_for_80.map(|k| k as f64 / n as f64),
        curve,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classic_eighty_twenty() {
        // 10 customers: 2 spend 400 each, 8 spend 25 each: total 1000.
        let mut spend = vec![Money(25); 8];
        spend.extend([Money(400), Money(400)]);
        let p = pareto(&spend).unwrap();
        assert_eq!(p.top_count, 2);
        assert_eq!(p.top_share, Some(0.8));
        assert_eq!(p.count_for_80, Some(2));
        assert_eq!(p.share_for_80, Some(0.2));
        assert_eq!(p.curve.len(), 10);
        assert_eq!(p.curve.last(), Some(&(1.0, 1.0)));
    }

    #[test]
    fn the_curve_has_one_point_per_customer_up_to_a_thousand() {
        assert_eq!(pareto(&vec![Money(3); 999]).unwrap().curve.len(), 999);
        let big = pareto(&vec![Money(3); 1501]).unwrap();
        assert_eq!(big.curve.len(), 1000);
        assert_eq!(big.curve.last(), Some(&(1.0, 1.0)));
    }

    #[test]
    fn top_count_rounds_up_and_degenerate_inputs() {
        assert_eq!(pareto(&[Money(1); 11]).unwrap().top_count, 3);
        let empty = pareto(&[]).unwrap();
        assert_eq!(
            (empty.top_count, empty.top_share, empty.count_for_80),
            (0, None, None)
        );
        let refunds = pareto(&[Money(-5), Money(5)]).unwrap();
        assert_eq!(refunds.top_share, None);
        let even = pareto(&[Money(10); 5]).unwrap();
        assert_eq!((even.top_share, even.count_for_80), (Some(0.2), Some(4)));
    }

    #[test]
    fn a_revenue_beyond_what_money_holds_is_refused_not_clamped() {
        assert_eq!(pareto(&[Money(i64::MAX), Money(1)]), Err(TotalOverflow));
        let p = pareto(&[Money(i64::MAX), Money(100), Money(-i64::MAX)]).unwrap();
        assert_eq!(p.revenue, Money(100));
    }
}
