//! Customer analytics as pure functions (no I/O): RFM scores and segments, value classes,
//! the loyalty ladder, the Pareto view, churn and retention, reorder prediction, and lifetime
//! value (BG/NBD, Gamma-Gamma and CLV, in [`clv`]).
//!
//! Inputs are per-customer facts as of a date D (the service builds them from the aggregates
//! the store keeps current); every definition is documented in README.md and on the function.

mod churn;
pub mod clv;
mod cross_sell;
mod facts;
mod ladder;
mod pareto;
pub mod points;
mod ranks;
mod reorder;
mod rfm;
mod segment;
mod value;

pub use churn::{ChurnPeriod, Period, PeriodRow, WonBack, churn_report, won_back};
pub use cross_sell::{CoCounts, Rule};
pub use facts::{CustomerFacts, OrderSummary, ScoringParams};
pub use ladder::{Stage, stage_of};
pub use pareto::{Pareto, pareto, pareto_of_sorted};
pub use ranks::{Metrics, Ranks, score_by_ranks};
pub use reorder::{ReorderPrediction, predict_reorder};
pub use rfm::{Rfm, rfm_scores, score_against};
pub use segment::Segment;
pub use value::{ValueClass, margin, service_cost, value_class};

use crate::domain::CustomerId;

/// Everything scoring says about one customer as of D.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct CustomerScore {
    #[serde(with = "crate::domain::customer_ref")]
    pub customer: CustomerId,
    /// `None` for a customer with no order on or before D (not scored).
    pub rfm: Option<Rfm>,
    pub value_class: Option<ValueClass>,
    pub stage: Stage,
}

/// Scores every customer: RFM and value class for those with orders, a ladder stage for all.
/// The result is in the order of `facts`.
pub fn score_all(facts: &[CustomerFacts], params: &ScoringParams) -> Vec<CustomerScore> {
    let scored: Vec<usize> = (0..facts.len())
        .filter(|i| facts[*i].orders.is_some())
        .collect();
    let inputs: Vec<_> = scored
        .iter()
        .filter_map(|i| facts[*i].orders.map(|o| (o, params.as_of)))
        .collect();
    let rfm = rfm_scores(&inputs);
    let monetary: Vec<i64> = rfm.iter().map(|r| r.monetary.0).collect();
    let larger = value::larger_counts(&monetary);
    let mut by_position: Vec<Option<(Rfm, ValueClass)>> = vec![None; facts.len()];
    for (k, &i) in scored.iter().enumerate() {
        let class = value_class(&facts[i], &rfm[k], larger[k], scored.len(), params);
        by_position[i] = Some((rfm[k], class));
    }
    facts
        .iter()
        .zip(by_position)
        .map(|(f, scored)| CustomerScore {
            customer: f.customer,
            rfm: scored.map(|s| s.0),
            value_class: scored.map(|s| s.1),
            stage: stage_of(f, scored.map(|s| s.0).as_ref()),
        })
        .collect()
}
