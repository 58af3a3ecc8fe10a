//! Reports over a [`ScoreTable`] (or any scored rows): segment sizes and revenue, the ladder
//! funnel, value classes, and the Pareto view. Pure shaping, no storage access.

use super::{ScoreTable, ServiceError};
use crate::domain::{Money, TotalOverflow};
use crate::scoring::{self, CustomerScore, Pareto, Rfm, Segment, Stage, ValueClass};
use serde::{Deserialize, Serialize};

/// One row of the segment report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SegmentRow {
    pub segment: Segment,
    pub customers: u64,
    pub customer_share: f64,
    pub revenue: Money,
    pub revenue_share: f64,
}

/// One row of the ladder (stage) report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StageRow {
    pub stage: Stage,
    pub customers: u64,
    pub share: f64,
}

/// One row of the value-class report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ValueRow {
    pub class: ValueClass,
    pub customers: u64,
    pub revenue: Money,
    pub revenue_share: f64,
    /// The margin on the class's revenue at the margin rate.
    pub margin: Money,
    /// What serving the class has cost: complaints x complaint cost + contacts x contact cost.
    pub service_cost: Money,
}

/// What the reports read of one customer's scores.
pub trait Scored {
    fn rfm(&self) -> Option<&Rfm>;
    fn value_class(&self) -> Option<ValueClass>;
    fn stage(&self) -> Stage;
}

impl Scored for CustomerScore {
    fn rfm(&self) -> Option<&Rfm> {
        self.rfm.as_ref()
    }
    fn value_class(&self) -> Option<ValueClass> {
        self.value_class
    }
    fn stage(&self) -> Stage {
        self.stage
    }
}

/// Segment sizes and revenue shares, in segment order.
pub fn segment_report(table: &ScoreTable) -> Result<Vec<SegmentRow>, ServiceError> {
    segment_rows(&table.scores)
}

/// [`segment_report`] of any scored rows.
pub fn segment_rows<S: Scored>(scores: &[S]) -> Result<Vec<SegmentRow>, ServiceError> {
    let mut customers = [0u64; Segment::ALL.len()];
    let mut revenue = [0i128; Segment::ALL.len()];
    let (mut scored, mut total) = (0u64, 0i128);
    for rfm in scores.iter().filter_map(Scored::rfm) {
        let at = Segment::ALL
            .iter()
            .position(|s| *s == rfm.segment)
            .unwrap_or(0);
        customers[at] += 1;
        revenue[at] += i128::from(rfm.monetary.0);
        scored += 1;
        total += i128::from(rfm.monetary.0);
    }
    Segment::ALL
        .iter()
        .enumerate()
        .map(|(at, segment)| {
            Ok(SegmentRow {
                segment: *segment,
                customers: customers[at],
                customer_share: share(i128::from(customers[at]), i128::from(scored)),
                revenue: revenue_of(revenue[at])?,
                revenue_share: share(revenue[at], total),
            })
        })
        .collect()
}

/// Customers on each rung of the ladder, lowest first.
pub fn stage_report(table: &ScoreTable) -> Vec<StageRow> {
    stage_rows(&table.scores)
}

/// [`stage_report`] of any scored rows.
pub fn stage_rows<S: Scored>(scores: &[S]) -> Vec<StageRow> {
    let mut counts = [0u64; Stage::ALL.len()];
    for s in scores {
        let stage = s.stage();
        if let Some(at) = Stage::ALL.iter().position(|x| *x == stage) {
            counts[at] += 1;
        }
    }
    let n = scores.len() as i128;
    Stage::ALL
        .iter()
        .zip(counts)
        .map(|(stage, count)| StageRow {
            stage: *stage,
            customers: count,
            share: share(i128::from(count), n),
        })
        .collect()
}

/// Customers and revenue by value class.
pub fn value_report(table: &ScoreTable) -> Result<Vec<ValueRow>, ServiceError> {
    value_rows(
        table.scores.iter().zip(table.facts.iter().cloned()),
        &table.params,
    )
}

/// [`value_report`] of any scored rows, each with its scoring inputs.
pub fn value_rows<'a, S: Scored + 'a>(
    scores: impl Iterator<Item = (&'a S, scoring::CustomerFacts)>,
    params: &scoring::ScoringParams,
) -> Result<Vec<ValueRow>, ServiceError> {
    let mut customers = [0u64; ValueClass::ALL.len()];
    let mut revenue = [0i128; ValueClass::ALL.len()];
    let mut cost = [0i128; ValueClass::ALL.len()];
    let mut total = 0i128;
    for (s, facts) in scores {
        let (Some(class), Some(rfm)) = (s.value_class(), s.rfm()) else {
            continue;
        };
        let m = i128::from(rfm.monetary.0);
        if let Some(at) = ValueClass::ALL.iter().position(|c| *c == class) {
            customers[at] += 1;
            revenue[at] += m;
            cost[at] += i128::from(scoring::service_cost(&facts, params).0);
        }
        total += m;
    }
    ValueClass::ALL
        .iter()
        .enumerate()
        .map(|(at, class)| {
            Ok(ValueRow {
                class: *class,
                customers: customers[at],
                revenue: revenue_of(revenue[at])?,
                revenue_share: share(revenue[at], total),
                margin: revenue_of(revenue[at] * i128::from(params.margin_bp) / 10_000)?,
                service_cost: revenue_of(cost[at])?,
            })
        })
        .collect()
}

/// The Pareto view of the scored customers.
pub fn pareto_report(table: &ScoreTable) -> Result<Pareto, ServiceError> {
    let monetary: Vec<Money> = table
        .scores
        .iter()
        .filter_map(|s| s.rfm.map(|r| r.monetary))
        .collect();
    scoring::pareto(&monetary).map_err(too_much)
}

/// The Pareto view of spend already sorted smallest first.
pub fn pareto_of_sorted(ascending: &[i64]) -> Result<Pareto, ServiceError> {
    scoring::pareto_of_sorted(ascending).map_err(too_much)
}

/// A revenue added up in 128 bits, as a [`Money`]: refused, never clamped or cut, when it
/// does not fit.
fn revenue_of(minor: i128) -> Result<Money, ServiceError> {
    Money::from_i128(minor).map_err(too_much)
}

fn too_much(e: TotalOverflow) -> ServiceError {
    ServiceError::invalid("revenue", e.to_string())
}

fn share(part: i128, whole: i128) -> f64 {
    if whole <= 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}
