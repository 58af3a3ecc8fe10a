//! Cross-selling from purchase history: which things the buyers of one thing also buy, as
//! rules A -> B with support, confidence and lift over customers (a customer's basket is
//! everything they have bought), counted pair by pair (a dense table while the catalogue is
//! small, a map beyond), and the few things a customer has not bought that such rules suggest.

use std::collections::HashMap;

/// Past this many distinct things the pair counts go to a map instead of a dense table.
const DENSE_UP_TO: usize = 2048;

/// Customers per thing and per pair of things.
pub struct CoCounts {
    customers: u64,
    buyers: Vec<u64>,
    dense: Option<Vec<u64>>,
    sparse: HashMap<(u32, u32), u64>,
}

/// A rule: buyers of `from` also bought `to`.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct Rule {
    pub from: u32,
    pub to: u32,
    /// Customers who bought both.
    pub both: u64,
    /// Their share of all customers with a basket.
    pub support: f64,
    /// Share of `from`'s buyers who bought `to`.
    pub confidence: f64,
    /// Confidence over the share of all customers who bought `to` (above 1: more than chance).
    pub lift: f64,
}

impl CoCounts {
    /// Counts for a catalogue of `things` distinct things (ids `0..things`).
    pub fn new(things: usize) -> CoCounts {
        CoCounts {
            customers: 0,
            buyers: vec![0; things],
            dense: (things <= DENSE_UP_TO).then(|| vec![0; things * things]),
            sparse: HashMap::new(),
        }
    }

    /// One customer's basket (any order, repeats allowed).
    pub fn add_basket(&mut self, basket: &mut Vec<u32>) {
        basket.sort_unstable();
        basket.dedup();
        if basket.is_empty() {
            return;
        }
        self.customers += 1;
        let n = self.buyers.len();
        for (i, &a) in basket.iter().enumerate() {
            self.buyers[a as usize] += 1;
            for &b in &basket[i + 1..] {
                match self.dense.as_mut() {
                    Some(dense) => dense[a as usize * n + b as usize] += 1,
                    None => *self.sparse.entry((a, b)).or_default() += 1,
                }
            }
        }
    }

    pub fn customers(&self) -> u64 {
        self.customers
    }

    /// Customers who bought `thing`.
    pub fn buyers(&self, thing: u32) -> u64 {
        self.buyers.get(thing as usize).copied().unwrap_or(0)
    }

    fn both(&self, a: u32, b: u32) -> u64 {
        let (a, b) = if a < b { (a, b) } else { (b, a) };
        match &self.dense {
            Some(dense) => dense[a as usize * self.buyers.len() + b as usize],
            None => self.sparse.get(&(a, b)).copied().unwrap_or(0),
        }
    }

    fn rule(&self, from: u32, to: u32, both: u64) -> Rule {
        let n = self.customers.max(1) as f64;
        let confidence = both as f64 / self.buyers(from).max(1) as f64;
        let base = self.buyers(to) as f64 / n;
        Rule {
            from,
            to,
            both,
            support: both as f64 / n,
            confidence,
            lift: if base > 0.0 { confidence / base } else { 0.0 },
        }
    }

    /// Every rule (both directions of each pair) with at least `min_support`, strongest lift
    /// first (then support, then ids, so the order is the same on every run).
    pub fn rules(&self, min_support: f64) -> Vec<Rule> {
        let mut pairs: Vec<(u32, u32, u64)> = match &self.dense {
            Some(dense) => {
                let n = self.buyers.len();
                let mut out = Vec::new();
                for a in 0..n {
                    for b in a + 1..n {
                        let both = dense[a * n + b];
                        if both > 0 {
                            out.push((a as u32, b as u32, both));
                        }
                    }
                }
                out
            }
            None => self.sparse.iter().map(|(&(a, b), &n)| (a, b, n)).collect(),
        };
        pairs.retain(|&(_, _, both)| both as f64 >= min_support * self.customers as f64);
        let mut rules: Vec<Rule> = pairs
            .into_iter()
            .flat_map(|(a, b, both)| [self.rule(a, b, both), self.rule(b, a, both)])
            .collect();
        rules.sort_by(|x, y| {
            y.lift
                .total_cmp(&x.lift)
                .then(y.support.total_cmp(&x.support))
                .then((x.from, x.to).cmp(&(y.from, y.to)))
        });
        rules
    }

    /// Up to `limit` things the owner of `bought` has not bought that buyers of what they
    /// have bought buy more often than customers at large (lift above 1), by the best
    /// confidence of such a rule; each with the thing it follows from.
    pub fn suggest(&self, bought: &[u32], limit: usize) -> Vec<Rule> {
        let mut best: HashMap<u32, Rule> = HashMap::new();
        for to in 0..self.buyers.len() as u32 {
            if bought.contains(&to) {
                continue;
            }
            for &from in bought {
                let both = self.both(from, to);
                if both == 0 {
                    continue;
                }
                let rule = self.rule(from, to, both);
                if rule.lift <= 1.0 {
                    continue;
                }
                let better = best
                    .get(&to)
                    .is_none_or(|kept| rule.confidence > kept.confidence);
                if better {
                    best.insert(to, rule);
                }
            }
        }
        let mut out: Vec<Rule> = best.into_values().collect();
        out.sort_by(|x, y| {
            y.confidence
                .total_cmp(&x.confidence)
                .then(y.lift.total_cmp(&x.lift))
                .then(x.to.cmp(&y.to))
        });
        out.truncate(limit);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // 0 machine, 1 beans, 2 filters, 3 tea; and a customer with nothing.
    const BASKETS: [&[u32]; 7] = [&[0, 1, 2], &[0, 1, 1, 2], &[0, 1], &[1], &[3], &[3, 1], &[]];

    fn counts(things: usize) -> CoCounts {
        let mut c = CoCounts::new(things);
        for basket in BASKETS {
            c.add_basket(&mut basket.to_vec());
        }
        c
    }

    #[test]
    fn support_confidence_and_lift_are_counted_over_customers() {
        let c = counts(4);
        assert_eq!(c.customers(), 6);
        let rules = c.rules(0.0);
        let machine_beans = rules.iter().find(|r| (r.from, r.to) == (0, 1)).unwrap();
        // 3 of 6 customers bought both; all 3 machine buyers bought beans; 5 of 6 bought beans.
        assert_eq!(machine_beans.both, 3);
        assert!((machine_beans.support - 0.5).abs() < 1e-12);
        assert!((machine_beans.confidence - 1.0).abs() < 1e-12);
        assert!((machine_beans.lift - 1.2).abs() < 1e-12);
        let machine_filters = rules.iter().find(|r| (r.from, r.to) == (0, 2)).unwrap();
        assert!((machine_filters.confidence - 2.0 / 3.0).abs() < 1e-12);
        assert!((machine_filters.lift - 2.0).abs() < 1e-12);
        // The strongest lift first.
        assert!(rules.windows(2).all(|w| w[0].lift >= w[1].lift));
        // Min support: only pairs bought together by at least half.
        assert!(c.rules(0.5).iter().all(|r| r.both >= 3));
    }

    #[test]
    fn a_machine_buyer_is_offered_beans_and_filters_not_what_they_have() {
        let c = counts(4);
        let offered: Vec<u32> = c.suggest(&[0], 3).iter().map(|r| r.to).collect();
        assert_eq!(offered, vec![1, 2]);
        // Tea follows beans only at chance or worse: never offered to a beans buyer.
        assert!(c.suggest(&[1], 3).iter().all(|r| r.to != 3 || r.lift > 1.0));
        assert!(
            c.suggest(&[0, 1, 2], 3)
                .iter()
                .all(|r| ![0, 1, 2].contains(&r.to))
        );
    }

    #[test]
    fn a_large_catalogue_counts_the_same_in_a_map() {
        assert_eq!(counts(4).rules(0.0), counts(DENSE_UP_TO + 1).rules(0.0));
    }
}
