//! Writes held back during a bulk import and made in key order just before the commit: new
//! customers' lookup index entries (a million customers' name terms and phones inserted in
//! random order cost several B-tree page visits each, in order a fraction of that) and the
//! order aggregates of new orders (one write per customer instead of one per order).

use crate::domain::{CustomerId, OrderAggregate};
use crate::search::{self, TermKind};
use std::collections::HashMap;

/// Sorted terms, phones, token counts and aggregates (see [`PendingIndex::drain_sorted`]).
pub(super) struct Drained {
    /// (term, customer, kind bits), one entry per key.
    pub terms: Vec<(String, CustomerId, u8)>,
    /// (reversed digits, customer).
    pub phones: Vec<(String, CustomerId)>,
    pub tokens: Vec<(String, u64)>,
    pub aggregates: Vec<(CustomerId, OrderAggregate)>,
}

#[derive(Default)]
pub(super) struct PendingIndex {
    /// (term, customer, kind bits), in arrival order.
    terms: Vec<(String, CustomerId, u8)>,
    /// (reversed digits, customer), in arrival order.
    phones: Vec<(String, CustomerId)>,
    /// Fuzzy token -> how many new customers carry it.
    tokens: HashMap<String, u64>,
    /// Customers' order aggregates including the new orders.
    aggregates: HashMap<CustomerId, OrderAggregate>,
}

impl PendingIndex {
    pub(super) fn is_empty(&self) -> bool {
        self.terms.is_empty()
            && self.phones.is_empty()
            && self.tokens.is_empty()
            && self.aggregates.is_empty()
    }

    pub(super) fn aggregate(&self, customer: CustomerId) -> Option<OrderAggregate> {
        self.aggregates.get(&customer).copied()
    }

    pub(super) fn hold_aggregate(&mut self, customer: CustomerId, aggregate: OrderAggregate) {
        self.aggregates.insert(customer, aggregate);
    }

    pub(super) fn add_token(&mut self, token: &str) {
        *self.tokens.entry(token.to_string()).or_default() += 1;
    }

    pub(super) fn add_term(&mut self, term: &str, customer: CustomerId, kind: TermKind) {
        self.terms.push((term.to_string(), customer, kind.0));
    }

    pub(super) fn add_phone(&mut self, digits: &str, customer: CustomerId) {
        self.phones.push((search::reversed(digits), customer));
    }

    /// The entries in key order, emptying the index; a term a customer holds twice keeps one
    /// entry with both kinds.
    pub(super) fn drain_sorted(&mut self) -> Drained {
        let (mut terms, phones) = std::thread::scope(|s| {
            let phones = std::mem::take(&mut self.phones);
            let phones = s.spawn(|| sorted(phones));
            let terms = sorted_on_two_cores(std::mem::take(&mut self.terms));
            let phones = phones
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            (terms, phones)
        });
        terms.dedup_by(|later, kept| {
            let same = later.0 == kept.0 && later.1 == kept.1;
            if same {
                kept.2 |= later.2;
            }
            same
        });
        let mut tokens: Vec<(String, u64)> = self.tokens.drain().collect();
        tokens.sort_unstable();
        let mut aggregates: Vec<(CustomerId, OrderAggregate)> = self.aggregates.drain().collect();
        aggregates.sort_unstable_by_key(|(id, _)| *id);
        Drained {
            terms,
            phones,
            tokens,
            aggregates,
        }
    }
}

fn sorted<T: Ord>(mut items: Vec<T>) -> Vec<T> {
    items.sort_unstable();
    items
}

/// Sorts the two halves side by side, then merges them: millions of string keys sort in half
/// the time on the machine's two cores.
fn sorted_on_two_cores<T: Ord + Send>(mut items: Vec<T>) -> Vec<T> {
    if items.len() < 100_000 {
        return sorted(items);
    }
    let back = items.split_off(items.len() / 2);
    let (front, back) = std::thread::scope(|s| {
        let back = s.spawn(|| sorted(back));
        let front = sorted(items);
        let back = back
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (front, back)
    });
    let mut out = Vec::with_capacity(front.len() + back.len());
    let (mut front, mut back) = (front.into_iter().peekable(), back.into_iter().peekable());
    loop {
        let next = match (front.peek(), back.peek()) {
            (Some(a), Some(b)) if a <= b => front.next(),
            (Some(_), Some(_)) => back.next(),
            (Some(_), None) => front.next(),
            (None, _) => back.next(),
        };
        match next {
            Some(item) => out.push(item),
            None => return out,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drained_entries_are_sorted_and_merged() {
        let mut p = PendingIndex::default();
        p.add_term("smith", 2, TermKind::NAME);
        p.add_term("anna", 2, TermKind::NAME);
        p.add_term("smith", 1, TermKind::NAME);
        p.add_term("anna", 2, TermKind::PINYIN);
        p.add_phone("5550100", 1);
        p.add_phone("5550199", 2);
        p.add_token("smith");
        p.add_token("anna");
        p.add_token("smith");
        p.hold_aggregate(9, OrderAggregate::default());
        p.hold_aggregate(3, OrderAggregate::default());
        assert!(p.aggregate(9).is_some() && p.aggregate(4).is_none());
        assert!(!p.is_empty());
        let drained = p.drain_sorted();
        assert_eq!(
            drained.terms,
            vec![
                ("anna".to_string(), 2, TermKind::NAME.0 | TermKind::PINYIN.0),
                ("smith".to_string(), 1, TermKind::NAME.0),
                ("smith".to_string(), 2, TermKind::NAME.0),
            ]
        );
        assert_eq!(
            drained.phones,
            vec![("0010555".to_string(), 1), ("9910555".to_string(), 2)]
        );
        assert_eq!(
            drained.tokens,
            vec![("anna".to_string(), 1), ("smith".to_string(), 2)]
        );
        let ids: Vec<CustomerId> = drained.aggregates.iter().map(|a| a.0).collect();
        assert_eq!(ids, vec![3, 9]);
        assert!(p.is_empty());
    }

    #[test]
    fn the_two_core_sort_is_a_sort() {
        // Above the threshold, with duplicates and both halves interleaving.
        let items: Vec<(u64, u64)> = (0..250_000u64).map(|i| (i * 7919 % 1000, i % 3)).collect();
        let mut expected = items.clone();
        expected.sort_unstable();
        assert_eq!(sorted_on_two_cores(items), expected);
    }
}
