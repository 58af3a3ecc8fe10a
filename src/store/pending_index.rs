//! Writes held back during a bulk import and made in key order just before the commit: new
//! customers' lookup index entries (a million customers' name terms and phones inserted in
//! random order cost several B-tree page visits each, in order a fraction of that) and the
//! order aggregates of new orders (one write per customer instead of one per order). Reads
//! through the same writer still see them: phone and email twins, aggregates.

use crate::domain::{CustomerId, OrderAggregate};
use crate::search::{self, TermKind};
use std::collections::{BTreeSet, HashMap};

/// Sorted terms, phones and token counts (see [`PendingIndex::drain_sorted`]).
pub(super) type Drained = (
    Vec<(String, CustomerId, u8)>,
    BTreeSet<(String, CustomerId)>,
    Vec<(String, u64)>,
    Vec<(CustomerId, OrderAggregate)>,
);

#[derive(Default)]
pub(super) struct PendingIndex {
    /// (term, customer, kind bits), in arrival order.
    pub(super) terms: Vec<(String, CustomerId, u8)>,
    /// (reversed digits, customer): ordered, for the suffix probes of twin checks.
    pub(super) phones: BTreeSet<(String, CustomerId)>,
    /// Email term -> customers, for the email twin check.
    emails: HashMap<String, Vec<CustomerId>>,
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
        if kind.contains(TermKind::EMAIL) {
            self.emails
                .entry(term.to_string())
                .or_default()
                .push(customer);
        }
        self.terms.push((term.to_string(), customer, kind.0));
    }

    pub(super) fn add_phone(&mut self, digits: &str, customer: CustomerId) {
        self.phones.insert((search::reversed(digits), customer));
    }

    /// Held-back customers with a phone that is the same number as `digits`.
    pub(super) fn phone_owners(&self, digits: &str) -> Vec<CustomerId> {
        let suffix = &digits[digits.len().saturating_sub(8)..];
        let low = search::reversed(suffix);
        let high = format!("{low}{}", super::access::MAX_CHAR);
        self.phones
            .range((low, 0)..=(high, CustomerId::MAX))
            .filter(|(reversed, _)| search::same_phone(&search::reversed(reversed), digits))
            .map(|(_, customer)| *customer)
            .collect()
    }

    /// Held-back customers whose email term is `email`.
    pub(super) fn email_owners(&self, email: &str) -> &[CustomerId] {
        self.emails.get(email).map_or(&[], Vec::as_slice)
    }

    /// The entries in key order, emptying the index: terms sorted by (term, customer) with
    /// duplicate keys' kinds merged, phones as they are kept, tokens with their counts.
    pub(super) fn drain_sorted(&mut self) -> Drained {
        let mut terms = std::mem::take(&mut self.terms);
        terms.sort_unstable_by(|a, b| (&a.0, a.1).cmp(&(&b.0, b.1)));
        terms.dedup_by(|later, kept| {
            let same = later.0 == kept.0 && later.1 == kept.1;
            if same {
                kept.2 |= later.2;
            }
            same
        });
        self.emails.clear();
        let mut tokens: Vec<(String, u64)> = self.tokens.drain().collect();
        tokens.sort_unstable();
        let mut aggregates: Vec<(CustomerId, OrderAggregate)> = self.aggregates.drain().collect();
        aggregates.sort_unstable_by_key(|(id, _)| *id);
        (terms, std::mem::take(&mut self.phones), tokens, aggregates)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn twins_are_found_among_held_back_entries() {
        let mut p = PendingIndex::default();
        p.add_phone("8613800138000", 7);
        p.add_phone("5550100", 8);
        p.add_term("ann@example.com", 8, TermKind::EMAIL);
        assert_eq!(p.phone_owners("13800138000"), vec![7]);
        assert_eq!(
            p.phone_owners("+8613800138000".trim_start_matches('+')),
            vec![7]
        );
        assert!(p.phone_owners("13800138001").is_empty());
        assert_eq!(p.email_owners("ann@example.com"), &[8]);
        assert!(p.email_owners("bob@example.com").is_empty());
    }

    #[test]
    fn drained_terms_are_sorted_and_merged() {
        let mut p = PendingIndex::default();
        p.add_term("smith", 2, TermKind::NAME);
        p.add_term("anna", 2, TermKind::NAME);
        p.add_term("smith", 1, TermKind::NAME);
        p.add_term("anna", 2, TermKind::PINYIN);
        p.add_phone("5550100", 1);
        p.add_token("smith");
        p.add_token("anna");
        p.add_token("smith");
        assert!(!p.is_empty());
        p.hold_aggregate(9, OrderAggregate::default());
        p.hold_aggregate(3, OrderAggregate::default());
        assert!(p.aggregate(9).is_some() && p.aggregate(4).is_none());
        let (terms, phones, tokens, aggregates) = p.drain_sorted();
        assert_eq!(
            aggregates.iter().map(|a| a.0).collect::<Vec<_>>(),
            vec![3, 9]
        );
        assert_eq!(
            tokens,
            vec![("anna".to_string(), 1), ("smith".to_string(), 2)]
        );
        assert_eq!(
            terms,
            vec![
                ("anna".to_string(), 2, TermKind::NAME.0 | TermKind::PINYIN.0),
                ("smith".to_string(), 1, TermKind::NAME.0),
                ("smith".to_string(), 2, TermKind::NAME.0),
            ]
        );
        assert_eq!(phones.len(), 1);
        assert!(p.is_empty());
        assert!(p.email_owners("x").is_empty());
    }
}
