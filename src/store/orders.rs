//! Writing orders, keeping each customer's [`OrderAggregate`] current in the same transaction.

use super::codec::Encoded;
use super::error::StoreError;
use super::reader::{self, MAX_CHAR_STR};
use super::records::Change;
use super::writer::Writer;
use crate::domain::{CustomerId, Money, Order, OrderAggregate, TotalOverflow};
use redb::ReadableTable;

impl Writer<'_> {
    pub fn order(&self, order_id: &str) -> Result<Option<Order>, StoreError> {
        reader::get_by_key(&self.orders, order_id)
    }

    /// Creates or replaces the order with `order.order_id`. An identical order is left alone,
    /// so re-importing the same rows changes nothing.
    pub fn upsert_order(&mut self, order: &Order) -> Result<Change, StoreError> {
        self.upsert_order_replacing(order).map(|(change, _)| change)
    }

    /// [`Writer::upsert_order`], also returning the order it replaced (for an undo log),
    /// found by the same probe.
    pub fn upsert_order_replacing(
        &mut self,
        order: &Order,
    ) -> Result<(Change, Option<Order>), StoreError> {
        let old = self.order(&order.order_id)?;
        let change = self.write_order(order, old.as_ref())?;
        Ok((change, old))
    }

    fn write_order(&mut self, order: &Order, old: Option<&Order>) -> Result<Change, StoreError> {
        let id = order.order_id.as_str();
        match old {
            Some(old) if old == order => Ok(Change::Unchanged),
            Some(old) => {
                // Aggregates are recomputed from the table: write held-back ones first.
                self.write_held_back_entries()?;
                // Refuse before writing anything when a customer's new total would not fit.
                let amount = i128::from(order.amount.0);
                let old_rest =
                    i128::from(self.aggregate(old.customer)?.total.0) - i128::from(old.amount.0);
                if old.customer == order.customer {
                    check_total(order.customer, old_rest + amount)?;
                } else {
                    check_total(old.customer, old_rest)?;
                    let to = i128::from(self.aggregate(order.customer)?.total.0);
                    check_total(order.customer, to + amount)?;
                }
                self.customer_orders
                    .remove((old.customer, old.ordered_at, id))?;
                self.customer_orders
                    .insert((order.customer, order.ordered_at, id), order.amount.0)?;
                self.orders.insert(id, Encoded::encode(order)?)?;
                self.recompute_aggregate(old.customer)?;
                if old.customer != order.customer {
                    self.recompute_aggregate(order.customer)?;
                }
                Ok(Change::Updated)
            }
            None => {
                let aggregate = self.aggregate_with(order)?;
                self.orders.insert(id, Encoded::encode(order)?)?;
                self.index_new_order(order, aggregate)?;
                Ok(Change::Created)
            }
        }
    }

    /// For an order that was not there when the caller last looked (an import's read
    /// snapshot): writes it without looking first. If it has appeared since, the stored one is
    /// put back and the order goes the way of [`Writer::upsert_order_replacing`].
    pub fn insert_unseen_order(
        &mut self,
        order: &Order,
    ) -> Result<(Change, Option<Order>), StoreError> {
        let id = order.order_id.as_str();
        // Refused before anything is written when the customer's total would not fit.
        let aggregate = self.aggregate_with(order)?;
        let replaced = match self.orders.insert(id, Encoded::encode(order)?)? {
            Some(guard) => Some(super::access::decode(id, &guard.value())?),
            None => None,
        };
        let Some(old) = replaced else {
            self.index_new_order(order, aggregate)?;
            return Ok((Change::Created, None));
        };
        self.orders.insert(id, Encoded::encode(&old)?)?;
        let change = self.write_order(order, Some(&old))?;
        Ok((change, Some(old)))
    }

    /// The customer's aggregate with `order` added, or the overflow that refuses it.
    fn aggregate_with(&self, order: &Order) -> Result<OrderAggregate, StoreError> {
        let mut aggregate = self.aggregate(order.customer)?;
        aggregate
            .add(order.ordered_at, order.amount)
            .map_err(|_| StoreError::TotalOverflow {
                customer: order.customer,
            })?;
        Ok(aggregate)
    }

    /// The index entry and aggregate of an order just written for the first time.
    fn index_new_order(
        &mut self,
        order: &Order,
        aggregate: OrderAggregate,
    ) -> Result<(), StoreError> {
        self.touch(order.customer);
        self.customer_orders.insert(
            (order.customer, order.ordered_at, order.order_id.as_str()),
            order.amount.0,
        )?;
        match self.pending.as_mut() {
            Some(pending) => pending.hold_aggregate(order.customer, aggregate),
            None => {
                self.aggregates.insert(order.customer, aggregate)?;
            }
        }
        Ok(())
    }

    /// Moves every order of `from` to `to`, then rebuilds both aggregates once. Returns how
    /// many orders moved.
    pub(super) fn move_orders(
        &mut self,
        from: CustomerId,
        to: CustomerId,
    ) -> Result<u64, StoreError> {
        let mut moved = 0;
        for key in self.order_keys_of(from)? {
            let Some(mut order) = self.order(&key)? else {
                continue;
            };
            self.customer_orders
                .remove((from, order.ordered_at, key.as_str()))?;
            order.customer = to;
            self.customer_orders
                .insert((to, order.ordered_at, key.as_str()), order.amount.0)?;
            self.orders.insert(key.as_str(), Encoded::encode(&order)?)?;
            moved += 1;
        }
        self.recompute_aggregate(from)?;
        self.recompute_aggregate(to)?;
        Ok(moved)
    }

    /// Rebuilds one customer's aggregate from its order index (used when an order moves or
    /// changes, where the old extremes may no longer hold). The total is added up in 128 bits,
    /// so refunds between large orders cannot overflow on the way; only a total that does not
    /// fit is refused (a merge of two large customers, say).
    pub(super) fn recompute_aggregate(&mut self, customer: CustomerId) -> Result<(), StoreError> {
        self.touch(customer);
        let mut aggregate = OrderAggregate::default();
        let mut total: i128 = 0;
        let overflow = move |_: TotalOverflow| StoreError::TotalOverflow { customer };
        let range = (customer, i64::MIN, "")..=(customer, i64::MAX, MAX_CHAR_STR);
        for entry in self.customer_orders.range(range)? {
            let (key, amount) = entry?;
            aggregate
                .add(key.value().1, Money::ZERO)
                .map_err(overflow)?;
            total += i128::from(amount.value());
        }
        aggregate.total = Money::from_i128(total).map_err(overflow)?;
        if aggregate.order_count == 0 {
            self.aggregates.remove(customer)?;
        } else {
            self.aggregates.insert(customer, aggregate)?;
        }
        Ok(())
    }
}

/// Refuses a customer total that would not fit in a [`Money`].
fn check_total(customer: CustomerId, total: i128) -> Result<(), StoreError> {
    Money::from_i128(total)
        .map(drop)
        .map_err(|_| StoreError::TotalOverflow { customer })
}
