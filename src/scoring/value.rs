//! Peppers & Rogers value classes: most valuable, below zero, most growable, standard.

use super::facts::{CustomerFacts, ScoringParams};
use super::rfm::Rfm;
use crate::domain::{Money, labelled_enum};

labelled_enum! {
    /// Where a customer stands by value.
    pub enum ValueClass as "value class" {
        /// Most valuable: fewer than 20% of scored customers spent strictly more. Retain.
        Mvc = "MVC" | "most valuable",
        /// Most growable: not MVC nor BZ, recent (r >= 4) and frequent (f >= 3). Develop.
        Mgc = "MGC" | "most growable",
        /// Below zero: margin smaller than the cost of serving them.
        Bz = "BZ" | "below zero",
        Standard = "Standard",
    }
}

/// For each monetary value, how many values are strictly larger.
pub(super) fn larger_counts(monetary: &[i64]) -> Vec<usize> {
    super::rfm::worse_counts(monetary, false)
}

/// The class of one scored customer; `larger` = scored customers with strictly larger
/// monetary, `n` = scored customers. Exact integer arithmetic throughout.
pub fn value_class(
    facts: &CustomerFacts,
    rfm: &Rfm,
    larger: usize,
    n: usize,
    params: &ScoringParams,
) -> ValueClass {
    // larger < 20% of n  <=>  5 * larger < n
    value_class_given(facts, rfm, 5 * larger < n, params)
}

/// What serving a customer has cost as of D: complaints x complaint cost + follow-up contacts x
/// contact cost (saturating at the largest amount).
pub fn service_cost(facts: &CustomerFacts, params: &ScoringParams) -> Money {
    let cost = i128::from(facts.complaints) * i128::from(params.complaint_cost.0)
        + i128::from(facts.followups) * i128::from(params.contact_cost.0);
    Money(i64::try_from(cost).unwrap_or(i64::MAX))
}

/// The margin on `revenue` at the margin rate, in whole cents (rounded toward zero).
pub fn margin(revenue: Money, params: &ScoringParams) -> Money {
    let margin = i128::from(revenue.0) * i128::from(params.margin_bp) / 10_000;
    Money(i64::try_from(margin).unwrap_or(if margin < 0 { i64::MIN } else { i64::MAX }))
}

/// The class of one scored customer who is (`mvc`) or is not among the most valuable.
pub fn value_class_given(
    facts: &CustomerFacts,
    rfm: &Rfm,
    mvc: bool,
    params: &ScoringParams,
) -> ValueClass {
    if mvc {
        return ValueClass::Mvc;
    }
    let margin = i128::from(rfm.monetary.0) * i128::from(params.margin_bp);
    let cost = i128::from(facts.complaints) * i128::from(params.complaint_cost.0)
        + i128::from(facts.followups) * i128::from(params.contact_cost.0);
    if margin < cost * 10_000 {
        return ValueClass::Bz;
    }
    if rfm.r >= 4 && rfm.f >= 3 {
        return ValueClass::Mgc;
    }
    ValueClass::Standard
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Money;
    use crate::scoring::Segment;
    use chrono::NaiveDate;

    fn params() -> ScoringParams {
        ScoringParams {
            as_of: NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
            margin_bp: 3000,
            complaint_cost: Money(5000),
            contact_cost: Money(500),
            churn_days: 180,
        }
    }

    fn rfm(monetary: i64, r: u8, f: u8) -> Rfm {
        Rfm {
            recency_days: 1,
            frequency: 1,
            monetary: Money(monetary),
            r,
            f,
            m: 1,
            fm: 1,
            segment: Segment::Lost,
        }
    }

    fn facts(complaints: u64, followups: u64) -> CustomerFacts {
        CustomerFacts {
            customer: 1,
            orders: None,
            followups,
            complaints,
            referred_buyers: 0,
        }
    }

    #[test]
    fn cost_and_margin_are_what_the_below_zero_class_compares() {
        let p = params();
        // 2 complaints x 50.00 + 3 contacts x 5.00
        assert_eq!(service_cost(&facts(2, 3), &p), Money(11_500));
        // 30% of 383.33, rounded toward zero
        assert_eq!(margin(Money(38_333), &p), Money(11_499));
        // Just below the cost: below zero; at the cost: not.
        assert_eq!(
            value_class_given(&facts(2, 3), &rfm(38_333, 1, 1), false, &p),
            ValueClass::Bz
        );
        assert_eq!(
            value_class_given(&facts(2, 3), &rfm(38_334, 1, 1), false, &p),
            ValueClass::Standard
        );
        assert_eq!(margin(Money(-1_001), &p), Money(-300));
    }

    #[test]
    fn classes_follow_the_definitions() {
        let p = params();
        // 1 of 10 spent more: 10% < 20% -> MVC, even with costs.
        assert_eq!(
            value_class(&facts(9, 9), &rfm(100, 1, 1), 1, 10, &p),
            ValueClass::Mvc
        );
        // Exactly 20% spent more: not MVC.
        assert_eq!(
            value_class(&facts(0, 0), &rfm(100, 1, 1), 2, 10, &p),
            ValueClass::Standard
        );
        // 30% margin of 200.00 = 60.00 < one complaint (50.00) + three contacts (15.00) -> BZ.
        assert_eq!(
            value_class(&facts(1, 3), &rfm(20_000, 5, 5), 5, 10, &p),
            ValueClass::Bz
        );
        // 60.00 vs 50.00 + 2 x 5.00 = 60.00: not smaller -> not BZ; r 5, f 3 -> MGC.
        assert_eq!(
            value_class(&facts(1, 2), &rfm(20_000, 5, 3), 5, 10, &p),
            ValueClass::Mgc
        );
        assert_eq!(
            value_class(&facts(0, 0), &rfm(20_000, 4, 2), 5, 10, &p),
            ValueClass::Standard
        );
        // Zero spend and no cost: 0 < 0 is false, so not below zero.
        assert_eq!(
            value_class(&facts(0, 0), &rfm(0, 1, 1), 5, 10, &p),
            ValueClass::Standard
        );
        assert_eq!(larger_counts(&[5, 1, 5, 9]), vec![1, 3, 1, 0]);
    }
}
