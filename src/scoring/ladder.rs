//! The six-rung loyalty ladder: prospect, target, first-time, repeat, loyal, advocate.

use super::facts::CustomerFacts;
use super::rfm::Rfm;
use crate::domain::labelled_enum;

labelled_enum! {
    /// A customer's rung on the loyalty ladder, lowest first.
    pub enum Stage as "stage" {
        /// No order, never contacted.
        Prospect = "prospect",
        /// Contacted at least once, no order.
        Target = "target",
        /// Exactly one order.
        FirstTime = "first-time" | "first time" | "first",
        /// Two or more orders.
        Repeat = "repeat",
        /// Two or more orders with r >= 4 and f >= 4.
        Loyal = "loyal",
        /// At least one order, and referred at least one customer who has ordered.
        Advocate = "advocate",
    }
}

/// The highest rung that applies (all as of D).
pub fn stage_of(facts: &CustomerFacts, rfm: Option<&Rfm>) -> Stage {
    let orders = facts.orders.map_or(0, |o| o.count);
    if orders >= 1 && facts.referred_buyers >= 1 {
        return Stage::Advocate;
    }
    if orders >= 2 {
        if rfm.is_some_and(|s| s.r >= 4 && s.f >= 4) {
            return Stage::Loyal;
        }
        return Stage::Repeat;
    }
    if orders == 1 {
        return Stage::FirstTime;
    }
    if facts.followups >= 1 {
        Stage::Target
    } else {
        Stage::Prospect
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Money;
    use crate::scoring::{OrderSummary, Segment};
    use chrono::NaiveDate;

    fn facts(orders: u64, followups: u64, referred_buyers: u64) -> CustomerFacts {
        let day = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
        CustomerFacts {
            customer: 1,
            orders: (orders > 0).then_some(OrderSummary {
                first: day,
                last: day,
                count: orders,
                total: Money(1),
            }),
            followups,
            complaints: 0,
            referred_buyers,
        }
    }

    fn rfm(r: u8, f: u8) -> Rfm {
        Rfm {
            recency_days: 0,
            frequency: 2,
            monetary: Money(1),
            r,
            f,
            m: 1,
            fm: 1,
            segment: Segment::Lost,
        }
    }

    #[test]
    fn each_rung() {
        assert_eq!(stage_of(&facts(0, 0, 0), None), Stage::Prospect);
        assert_eq!(stage_of(&facts(0, 2, 0), None), Stage::Target);
        // Referring without having ordered is not advocacy.
        assert_eq!(stage_of(&facts(0, 0, 3), None), Stage::Prospect);
        assert_eq!(
            stage_of(&facts(1, 5, 0), Some(&rfm(5, 5))),
            Stage::FirstTime
        );
        assert_eq!(stage_of(&facts(2, 0, 0), Some(&rfm(4, 3))), Stage::Repeat);
        assert_eq!(stage_of(&facts(2, 0, 0), Some(&rfm(3, 5))), Stage::Repeat);
        assert_eq!(stage_of(&facts(7, 0, 0), Some(&rfm(4, 4))), Stage::Loyal);
        assert_eq!(stage_of(&facts(1, 0, 1), Some(&rfm(1, 1))), Stage::Advocate);
        assert_eq!(stage_of(&facts(9, 0, 2), Some(&rfm(5, 5))), Stage::Advocate);
    }
}
