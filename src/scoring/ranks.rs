//! Scores from the sorted values of all scored customers, so that one customer's change costs
//! a sorted insert and a removal instead of scoring everyone again.
//!
//! A score is `1 + floor(5 * worse / n)` ([`super::score_against`]); `worse >= ceil(k n / 5)`
//! holds exactly when the value is above the one at position `ceil(k n / 5) - 1` of the sorted
//! values. So four thresholds per metric give every customer's score, and a customer is among
//! the most valuable (fewer than 20% spent strictly more) when its spend reaches the value at
//! position `floor(4 n / 5)`. The results equal [`super::score_all`]'s (a property test).

use super::facts::{CustomerFacts, OrderSummary, ScoringParams};
use super::rfm::Rfm;
use super::segment::Segment;
use super::{CustomerScore, stage_of, value::value_class_given};
use crate::domain::Money;
use chrono::Datelike;

/// The recency, frequency and monetary values of every scored customer, each sorted smallest
/// first. Recency is kept as the last order's day number: a later day is a better recency.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Metrics {
    last: Vec<i64>,
    frequency: Vec<i64>,
    monetary: Vec<i64>,
}

/// From this many scored customers, [`Metrics::of`] sorts on two threads.
const PARALLEL_FROM: usize = 100_000;

/// Every customer scored: the same as [`super::score_all`] (which ranks everyone, as the
/// definitions say), by three plain sorts and one pass of threshold comparisons.
pub fn score_by_ranks(facts: &[CustomerFacts], params: &ScoringParams) -> Vec<CustomerScore> {
    let ranks = Metrics::of(facts.iter().filter_map(|f| f.orders.as_ref())).ranks();
    facts.iter().map(|f| ranks.score(f, params)).collect()
}

/// The three values one customer's orders add to [`Metrics`].
fn values(orders: &OrderSummary) -> [i64; 3] {
    [
        i64::from(orders.last.num_days_from_ce()),
        i64::try_from(orders.count).unwrap_or(i64::MAX),
        orders.total.0,
    ]
}

impl Metrics {
    /// The metrics of these customers' orders (one summary per scored customer).
    pub fn of<'a>(orders: impl IntoIterator<Item = &'a OrderSummary>) -> Metrics {
        let mut m = Metrics::default();
        for o in orders {
            let [l, f, v] = values(o);
            m.last.push(l);
            m.frequency.push(f);
            m.monetary.push(v);
        }
        // Three independent sorts: side by side when there are many customers.
        if m.len() >= PARALLEL_FROM {
            let Metrics {
                last,
                frequency,
                monetary,
            } = &mut m;
            std::thread::scope(|s| {
                let a = s.spawn(|| last.sort_unstable());
                frequency.sort_unstable();
                monetary.sort_unstable();
                a.join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            });
        } else {
            m.last.sort_unstable();
            m.frequency.sort_unstable();
            m.monetary.sort_unstable();
        }
        m
    }

    /// How many customers are scored.
    pub fn len(&self) -> usize {
        self.last.len()
    }

    pub fn is_empty(&self) -> bool {
        self.last.is_empty()
    }

    /// Every scored customer's spend, smallest first.
    pub fn monetary(&self) -> &[i64] {
        &self.monetary
    }

    /// Adds one scored customer.
    pub fn add(&mut self, orders: &OrderSummary) {
        for (sorted, value) in self.columns().into_iter().zip(values(orders)) {
            let at = sorted.partition_point(|x| *x < value);
            sorted.insert(at, value);
        }
    }

    /// Removes one scored customer (one occurrence of each value); false when its values were
    /// not all there (nothing is removed then).
    pub fn remove(&mut self, orders: &OrderSummary) -> bool {
        let wanted = values(orders);
        let found: Vec<Option<usize>> = self
            .columns()
            .into_iter()
            .zip(wanted)
            .map(|(sorted, value)| sorted.binary_search(&value).ok())
            .collect();
        if found.iter().any(Option::is_none) {
            return false;
        }
        for (sorted, at) in self.columns().into_iter().zip(found.into_iter().flatten()) {
            sorted.remove(at);
        }
        true
    }

    fn columns(&mut self) -> [&mut Vec<i64>; 3] {
        [&mut self.last, &mut self.frequency, &mut self.monetary]
    }

    /// The thresholds that score every customer against these metrics.
    pub fn ranks(&self) -> Ranks {
        let n = self.len();
        let thresholds = |sorted: &[i64]| {
            let mut t = [i64::MAX; 4];
            for (k, slot) in t.iter_mut().enumerate() {
                // worse >= ceil((k + 1) n / 5)  <=>  value > sorted[that - 1]
                let at = ((k + 1) * n).div_ceil(5);
                if let Some(v) = at.checked_sub(1).and_then(|i| sorted.get(i)) {
                    *slot = *v;
                }
            }
            t
        };
        Ranks {
            n,
            last: thresholds(&self.last),
            frequency: thresholds(&self.frequency),
            monetary: thresholds(&self.monetary),
            mvc_from: self.monetary.get(4 * n / 5).copied().unwrap_or(i64::MAX),
        }
    }
}

/// Four thresholds per metric and the spend from which a customer is most valuable.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ranks {
    n: usize,
    last: [i64; 4],
    frequency: [i64; 4],
    monetary: [i64; 4],
    mvc_from: i64,
}

fn score_of(value: i64, thresholds: &[i64; 4]) -> u8 {
    1 + thresholds.iter().filter(|t| value > **t).count() as u8
}

impl Ranks {
    /// Everything scoring says about one customer (scored against the metrics these ranks
    /// came from, which must include this customer's orders).
    pub fn score(&self, facts: &CustomerFacts, params: &ScoringParams) -> CustomerScore {
        let rfm = facts.orders.map(|o| self.rfm(&o, params));
        let value_class = facts.orders.zip(rfm).map(|(o, rfm)| {
            let mvc = self.n > 0 && o.total.0 >= self.mvc_from;
            value_class_given(facts, &rfm, mvc, params)
        });
        CustomerScore {
            customer: facts.customer,
            rfm,
            value_class,
            stage: stage_of(facts, rfm.as_ref()),
        }
    }

    fn rfm(&self, orders: &OrderSummary, params: &ScoringParams) -> Rfm {
        let [l, f, m] = values(orders);
        let (r, f, m) = if self.n == 0 {
            (1, 1, 1)
        } else {
            (
                score_of(l, &self.last),
                score_of(f, &self.frequency),
                score_of(m, &self.monetary),
            )
        };
        let fm = (f + m).div_ceil(2);
        Rfm {
            recency_days: (params.as_of - orders.last).num_days(),
            frequency: orders.count,
            monetary: Money(orders.total.0),
            r,
            f,
            m,
            fm,
            segment: Segment::of(r, fm),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scoring::score_all;
    use chrono::NaiveDate;
    use proptest::prelude::*;

    fn params() -> ScoringParams {
        ScoringParams {
            as_of: NaiveDate::from_ymd_opt(2026, 6, 30).unwrap(),
            margin_bp: 3000,
            complaint_cost: Money(5000),
            contact_cost: Money(500),
            churn_days: 180,
        }
    }

    /// Customers with small value ranges, so that ties are common.
    fn customers() -> impl Strategy<Value = Vec<CustomerFacts>> {
        let one = (
            proptest::option::weighted(0.8, (0i64..40, 0i64..30, 1u64..6, -2i64..400)),
            0u64..4,
            0u64..3,
            0u64..2,
        );
        proptest::collection::vec(one, 0..120).prop_map(|rows| {
            let start = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
            rows.into_iter()
                .enumerate()
                .map(
                    |(i, (orders, followups, complaints, referred_buyers))| CustomerFacts {
                        customer: i as u64 + 1,
                        orders: orders.map(|(first, span, count, total)| OrderSummary {
                            first: start + chrono::Duration::days(first),
                            last: start + chrono::Duration::days(first + span),
                            count,
                            total: Money(total * 100),
                        }),
                        followups,
                        complaints,
                        referred_buyers,
                    },
                )
                .collect()
        })
    }

    proptest! {
        #[test]
        fn thresholds_score_exactly_like_ranking_everyone(facts in customers()) {
            let p = params();
            let expected = score_all(&facts, &p);
            prop_assert_eq!(score_by_ranks(&facts, &p), expected);
        }

        #[test]
        fn adding_and_removing_keeps_the_metrics_sorted(
            facts in customers(),
            gone in proptest::collection::vec(any::<prop::sample::Index>(), 0..20),
        ) {
            let orders: Vec<OrderSummary> = facts.iter().filter_map(|f| f.orders).collect();
            let mut kept = orders.clone();
            let mut metrics = Metrics::default();
            for o in &orders {
                metrics.add(o);
            }
            for index in gone {
                if kept.is_empty() {
                    break;
                }
                let o = kept.remove(index.index(kept.len()));
                prop_assert!(metrics.remove(&o));
            }
            prop_assert_eq!(metrics, Metrics::of(&kept));
        }
    }

    #[test]
    fn many_customers_sorted_on_two_threads_score_the_same() {
        let start = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
        let mut x: u64 = 7;
        let mut next = |m: u64| {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (x >> 33) % m
        };
        let facts: Vec<CustomerFacts> = (0..PARALLEL_FROM as u64 + 5000)
            .map(|i| CustomerFacts {
                customer: i + 1,
                orders: (next(10) > 1).then(|| OrderSummary {
                    first: start,
                    last: start + chrono::Duration::days(next(170) as i64),
                    count: 1 + next(9),
                    total: Money(next(100_000) as i64),
                }),
                followups: next(3),
                complaints: next(2),
                referred_buyers: 0,
            })
            .collect();
        let p = params();
        assert_eq!(score_by_ranks(&facts, &p), score_all(&facts, &p));
    }

    #[test]
    fn removing_what_is_not_there_changes_nothing() {
        let day = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
        let o = |total| OrderSummary {
            first: day,
            last: day,
            count: 1,
            total: Money(total),
        };
        let mut metrics = Metrics::of(&[o(100), o(200)]);
        let before = metrics.clone();
        assert!(!metrics.remove(&o(300)));
        assert_eq!(metrics, before);
        assert!(metrics.remove(&o(100)));
        assert_eq!(metrics, Metrics::of(&[o(200)]));
    }
}
