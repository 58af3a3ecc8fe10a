//! Reports over a [`ScoreTable`]: segment sizes and revenue, the ladder funnel, value classes,
//! and the Pareto view. Pure shaping, no storage access.

use super::{ScoreTable, ServiceError};
use crate::domain::{Money, TotalOverflow};
use crate::scoring::{self, Pareto, Segment, Stage, ValueClass};
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
}

/// Segment sizes and revenue shares, in segment order.
pub fn segment_report(table: &ScoreTable) -> Result<Vec<SegmentRow>, ServiceError> {
    let scored: Vec<_> = table.scores.iter().filter_map(|s| s.rfm).collect();
    let total: i128 = scored.iter().map(|r| i128::from(r.monetary.0)).sum();
    Segment::ALL
        .iter()
        .map(|segment| {
            let members: Vec<_> = scored.iter().filter(|r| r.segment == *segment).collect();
            let revenue: i128 = members.iter().map(|r| i128::from(r.monetary.0)).sum();
            Ok(SegmentRow {
                segment: *segment,
                customers: members.len() as u64,
                customer_share: share(members.len() as i128, scored.len() as i128),
                revenue: revenue_of(revenue)?,
                revenue_share: share(revenue, total),
            })
        })
        .collect()
}

/// Customers on each rung of the ladder, lowest first.
pub fn stage_report(table: &ScoreTable) -> Vec<StageRow> {
    let n = table.scores.len() as i128;
    Stage::ALL
        .iter()
        .map(|stage| {
            let count = table.scores.iter().filter(|s| s.stage == *stage).count();
            StageRow {
                stage: *stage,
                customers: count as u64,
                share: share(count as i128, n),
            }
        })
        .collect()
}

/// Customers and revenue by value class.
pub fn value_report(table: &ScoreTable) -> Result<Vec<ValueRow>, ServiceError> {
    let scored: Vec<_> = table
        .scores
        .iter()
        .filter_map(|s| Some((s.value_class?, s.rfm?.monetary)))
        .collect();
    let total: i128 = scored.iter().map(|(_, m)| i128::from(m.0)).sum();
    ValueClass::ALL
        .iter()
        .map(|class| {
            let members: Vec<_> = scored.iter().filter(|(c, _)| c == class).collect();
            let revenue: i128 = members.iter().map(|(_, m)| i128::from(m.0)).sum();
            Ok(ValueRow {
                class: *class,
                customers: members.len() as u64,
                revenue: revenue_of(revenue)?,
                revenue_share: share(revenue, total),
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
