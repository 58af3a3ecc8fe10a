//! Each customer's scoring inputs as of a date D (orders, contacts, referred buyers), from the
//! aggregates the store keeps current: for everyone at once, or for one customer.

use super::ServiceError;
use super::local_dates::LocalDates;
use crate::domain::{CustomerId, Money, OrderAggregate, TotalOverflow};
use crate::scoring::{CustomerFacts, OrderSummary};
use crate::store::{Reader, StoreError};
use chrono::NaiveDate;

/// The summary of some of a customer's orders; `None` without orders, an error when their
/// total does not fit (a part of a customer's orders can add up to more than all of them).
fn summary_of(points: &[(NaiveDate, Money)]) -> Result<Option<OrderSummary>, TotalOverflow> {
    let (Some(first), Some(last)) = (
        points.iter().map(|p| p.0).min(),
        points.iter().map(|p| p.0).max(),
    ) else {
        return Ok(None);
    };
    Ok(Some(OrderSummary {
        first,
        last,
        count: points.len() as u64,
        total: Money::checked_sum(points.iter().map(|p| p.1))?,
    }))
}

/// Where each customer id sits in the facts: a direct table when ids are dense (they are
/// counter-assigned), else a binary search. Neither assumes the facts arrive sorted by id (they
/// do from an intact file; a damaged one must give wrong-looking data, never a panic).
enum Positions {
    Dense(Vec<u32>),
    /// (customer id, position), sorted by id.
    Sorted(Vec<(CustomerId, usize)>),
}

impl Positions {
    fn new(facts: &[CustomerFacts]) -> Self {
        let max = facts.iter().map(|f| f.customer).max().unwrap_or(0);
        if max <= 4 * facts.len() as u64 + 1024 && facts.len() < u32::MAX as usize {
            let mut table = vec![u32::MAX; max as usize + 1];
            for (i, f) in facts.iter().enumerate() {
                if let Some(slot) = table.get_mut(f.customer as usize) {
                    *slot = i as u32;
                }
            }
            Positions::Dense(table)
        } else {
            let mut ids: Vec<(CustomerId, usize)> = facts
                .iter()
                .enumerate()
                .map(|(i, f)| (f.customer, i))
                .collect();
            ids.sort_unstable();
            Positions::Sorted(ids)
        }
    }

    fn of(&self, id: CustomerId) -> Option<usize> {
        match self {
            Positions::Dense(table) => table
                .get(id as usize)
                .filter(|p| **p != u32::MAX)
                .map(|p| *p as usize),
            Positions::Sorted(ids) => ids
                .binary_search_by_key(&id, |(c, _)| *c)
                .ok()
                .map(|at| ids[at].1),
        }
    }
}

/// A customer's orders on or before `as_of`, from its aggregate (reading the orders only when
/// some fall after the date).
fn orders_as_of(
    r: &Reader,
    customer: CustomerId,
    aggregate: &OrderAggregate,
    as_of: NaiveDate,
    dates: &mut LocalDates,
) -> Result<Option<OrderSummary>, ServiceError> {
    if aggregate.order_count == 0 {
        return Ok(None);
    }
    let first = dates.date(aggregate.first_order_at);
    if first > as_of {
        return Ok(None);
    }
    let last = dates.date(aggregate.last_order_at);
    if last <= as_of {
        return Ok(Some(OrderSummary {
            first,
            last,
            count: aggregate.order_count,
            total: aggregate.total,
        }));
    }
    let points: Vec<(NaiveDate, Money)> = r
        .order_points_of(customer)?
        .into_iter()
        .map(|(t, amount)| (dates.date(t), amount))
        .filter(|(d, _)| *d <= as_of)
        .collect();
    Ok(summary_of(&points).map_err(|_| StoreError::TotalOverflow { customer })?)
}

/// One customer's facts as of `as_of`, read from its own entries: what [`customer_facts`]
/// says of it, without reading anyone else's.
pub(super) fn one_customer_facts(
    r: &Reader,
    customer: CustomerId,
    as_of: NaiveDate,
    dates: &mut LocalDates,
) -> Result<CustomerFacts, ServiceError> {
    let orders = orders_as_of(r, customer, &r.aggregate(customer)?, as_of, dates)?;
    let mut counts = [0u64; 2];
    for (complaints, count) in [false, true].into_iter().zip(counts.iter_mut()) {
        for at in r.contact_times_of(customer, complaints)? {
            if dates.date(at) <= as_of {
                *count += 1;
            }
        }
    }
    let mut referred_buyers = 0;
    for referred in r.referrals_of(customer)? {
        let aggregate = r.aggregate(referred)?;
        if aggregate.order_count > 0 && dates.date(aggregate.first_order_at) <= as_of {
            referred_buyers += 1;
        }
    }
    Ok(CustomerFacts {
        customer,
        orders,
        followups: counts[0],
        complaints: counts[1],
        referred_buyers,
    })
}

/// Every customer's facts as of `as_of`, in id order. Customers whose last order is on or
/// before D come straight from their aggregate; only those with orders after D have their
/// order index read.
pub fn customer_facts(r: &Reader, as_of: NaiveDate) -> Result<Vec<CustomerFacts>, ServiceError> {
    let mut dates = LocalDates::default();
    let mut facts: Vec<CustomerFacts> = Vec::new();
    for entry in r.contact_counts()? {
        let (customer, (followups, complaints)) = entry?;
        facts.push(CustomerFacts {
            customer,
            orders: None,
            followups: u64::from(followups),
            complaints: u64::from(complaints),
            referred_buyers: 0,
        });
    }
    // Both tables are in id order: walk them together.
    let mut at = 0;
    for entry in r.aggregates()? {
        let (customer, aggregate): (CustomerId, OrderAggregate) = entry?;
        while at < facts.len() && facts[at].customer < customer {
            at += 1;
        }
        if at == facts.len() || facts[at].customer != customer {
            continue;
        }
        facts[at].orders = orders_as_of(r, customer, &aggregate, as_of, &mut dates)?;
    }
    let positions = Positions::new(&facts);
    let latest_contact = r.latest_contact_at()?.map(|t| dates.date(t));
    if latest_contact.is_some_and(|latest| latest > as_of) {
        // Some contact is dated after D: count only what was logged on or before it.
        for f in facts.iter_mut() {
            f.followups = 0;
            f.complaints = 0;
        }
        for complaints in [false, true] {
            for point in r.contact_points(complaints)? {
                let (customer, at) = point?;
                if dates.date(at) > as_of {
                    continue;
                }
                if let Some(i) = positions.of(customer) {
                    if complaints {
                        facts[i].complaints += 1
                    } else {
                        facts[i].followups += 1
                    }
                }
            }
        }
    }
    for pair in r.referral_pairs()? {
        let (referrer, referred) = pair?;
        let referred_ordered = positions
            .of(referred)
            .is_some_and(|i| facts[i].orders.is_some());
        if let (true, Some(i)) = (referred_ordered, positions.of(referrer)) {
            facts[i].referred_buyers += 1;
        }
    }
    Ok(facts)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts(ids: &[CustomerId]) -> Vec<CustomerFacts> {
        ids.iter()
            .map(|&customer| CustomerFacts {
                customer,
                orders: None,
                followups: 0,
                complaints: 0,
                referred_buyers: 0,
            })
            .collect()
    }

    #[test]
    fn positions_do_not_trust_the_facts_to_be_sorted() {
        // A damaged file can hand back keys out of order: the largest id is not the last.
        // Dense ids (the table), where taking the last as the largest indexed out of bounds:
        let dense = facts(&[1, 500, 2, 3]);
        let p = Positions::new(&dense);
        assert!(matches!(p, Positions::Dense(_)));
        assert_eq!((p.of(500), p.of(2), p.of(7)), (Some(1), Some(2), None));
        // Ids too far apart for a table (the search):
        let far = facts(&[1, 8339, 2, 3]);
        let p = Positions::new(&far);
        assert!(matches!(p, Positions::Sorted(_)));
        assert_eq!((p.of(8339), p.of(2), p.of(7)), (Some(1), Some(2), None));
        let sparse = facts(&[5_000_000, 10, 9_000_000, 20]);
        let p = Positions::new(&sparse);
        assert!(matches!(p, Positions::Sorted(_)));
        assert_eq!(
            (p.of(9_000_000), p.of(10), p.of(11)),
            (Some(2), Some(1), None)
        );
    }
}
