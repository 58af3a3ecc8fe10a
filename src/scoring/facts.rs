//! The inputs of scoring: one customer's orders, contacts and referrals as of D, and the rates.

use crate::domain::{CustomerId, Money};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A customer's orders on or before D.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderSummary {
    pub first: NaiveDate,
    pub last: NaiveDate,
    pub count: u64,
    pub total: Money,
}

/// What scoring needs to know about one customer, as of D.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomerFacts {
    #[serde(with = "crate::domain::customer_ref")]
    pub customer: CustomerId,
    /// `None`: no order on or before D.
    pub orders: Option<OrderSummary>,
    /// Follow-ups logged on or before D.
    pub followups: u64,
    /// Complaints opened on or before D.
    pub complaints: u64,
    /// Customers this one referred who have ordered (on or before D).
    pub referred_buyers: u64,
}

/// The date and the rates scoring works with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScoringParams {
    pub as_of: NaiveDate,
    /// Margin as a share of revenue, in basis points (3000 = 30%): exact arithmetic.
    pub margin_bp: i64,
    pub complaint_cost: Money,
    pub contact_cost: Money,
    pub churn_days: i64,
}

impl ScoringParams {
    /// Parses a margin rate like `0.30` into basis points.
    pub fn margin_bp_from(rate: &str) -> Result<i64, String> {
        let as_money: Money = rate
            .trim()
            .parse()
            .map_err(|e: crate::domain::MoneyError| {
                t!("margin-rate-bad", reason = e.to_string())
            })?;
        // "0.3" parsed as money is 30 cents: scale 1/100 -> 1/10000 by multiplying by 100;
        // a third decimal (0.305) is refused by the money parser, which is precise enough.
        let bp = as_money.0.checked_mul(100).unwrap_or(i64::MAX);
        if !(0..=10_000).contains(&bp) {
            return Err(t!("margin-rate-range", value = format!("{rate:?}")));
        }
        Ok(bp)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn margin_rates_become_basis_points() {
        assert_eq!(ScoringParams::margin_bp_from("0.30"), Ok(3000));
        assert_eq!(ScoringParams::margin_bp_from("0.3"), Ok(3000));
        assert_eq!(ScoringParams::margin_bp_from("1"), Ok(10_000));
        assert!(ScoringParams::margin_bp_from("1.5").is_err());
        assert!(ScoringParams::margin_bp_from("-0.1").is_err());
        assert!(ScoringParams::margin_bp_from("0.125").is_err());
        assert!(ScoringParams::margin_bp_from("92233720368547758").is_err());
    }
}
