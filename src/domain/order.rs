//! Purchases, and the per-customer aggregate the store keeps current as orders arrive.

use super::Millis;
use super::customer::CustomerId;
use super::money::{Money, TotalOverflow};
use serde::{Deserialize, Serialize};

/// One purchase.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Order {
    /// The order number the company uses; unique, the import key.
    pub order_id: String,
    #[serde(with = "crate::domain::customer_ref")]
    pub customer: CustomerId,
    #[serde(with = "crate::domain::instant")]
    pub ordered_at: Millis,
    pub amount: Money,
    pub items: Option<String>,
    pub category: Option<String>,
    pub channel: Option<String>,
}

/// Summary of one customer's orders, maintained in the same transaction that writes an order,
/// so that scoring never rescans the orders table.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderAggregate {
    #[serde(with = "crate::domain::instant")]
    pub first_order_at: Millis,
    #[serde(with = "crate::domain::instant")]
    pub last_order_at: Millis,
    pub order_count: u64,
    pub total: Money,
}

impl OrderAggregate {
    /// Folds one more order in; refused (the aggregate unchanged) when the total would not fit.
    pub fn add(&mut self, at: Millis, amount: Money) -> Result<(), TotalOverflow> {
        let total = self.total.checked_add(amount).ok_or(TotalOverflow)?;
        if self.order_count == 0 {
            self.first_order_at = at;
            self.last_order_at = at;
        } else {
            self.first_order_at = self.first_order_at.min(at);
            self.last_order_at = self.last_order_at.max(at);
        }
        self.order_count += 1;
        self.total = total;
        Ok(())
    }

    /// Combines two aggregates over disjoint sets of orders; refused (unchanged) when the
    /// total would not fit.
    pub fn merge(&mut self, other: &OrderAggregate) -> Result<(), TotalOverflow> {
        if other.order_count == 0 {
            return Ok(());
        }
        if self.order_count == 0 {
            *self = *other;
            return Ok(());
        }
        let total = self.total.checked_add(other.total).ok_or(TotalOverflow)?;
        self.first_order_at = self.first_order_at.min(other.first_order_at);
        self.last_order_at = self.last_order_at.max(other.last_order_at);
        self.order_count += other.order_count;
        self.total = total;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aggregate_tracks_extremes_and_sums() {
        let mut agg = OrderAggregate::default();
        agg.add(50, Money(100)).unwrap();
        agg.add(10, Money(5)).unwrap();
        agg.add(70, Money(-20)).unwrap();
        assert_eq!(
            agg,
            OrderAggregate {
                first_order_at: 10,
                last_order_at: 70,
                order_count: 3,
                total: Money(85)
            }
        );
        let mut other = OrderAggregate::default();
        other.add(5, Money(1)).unwrap();
        agg.merge(&other).unwrap();
        assert_eq!(
            (agg.first_order_at, agg.order_count, agg.total),
            (5, 4, Money(86))
        );
    }

    #[test]
    fn a_total_that_would_overflow_is_refused_not_saturated() {
        let mut agg = OrderAggregate::default();
        agg.add(1, Money(i64::MAX - 50)).unwrap();
        let before = agg;
        assert_eq!(agg.add(2, Money(100)), Err(TotalOverflow));
        assert_eq!(agg, before, "a refused order leaves the aggregate alone");
        let mut other = OrderAggregate::default();
        other.add(3, Money(51)).unwrap();
        assert_eq!(agg.merge(&other), Err(TotalOverflow));
        assert_eq!(agg, before);
    }
}
