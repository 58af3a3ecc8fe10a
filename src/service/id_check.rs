//! Finding the ids a file gives twice without holding the ids: 8 bytes per row (a hash of the
//! id), kept in buckets and sorted once the file has been read. Equal hashes are only
//! candidates; the caller confirms them with a second look at just those rows, so a hash
//! collision never rejects a row.

use rustc_hash::FxBuildHasher;
use std::collections::HashSet;
use std::hash::BuildHasher;

/// Buckets by the hash's top bits: each grows on its own, so no single vector doubles past
/// the memory the hashes need.
const BUCKETS: usize = 256;

pub(super) struct IdCheck {
    hasher: FxBuildHasher,
    buckets: Vec<Vec<u64>>,
    sorted: bool,
}

impl Default for IdCheck {
    fn default() -> Self {
        IdCheck {
            hasher: FxBuildHasher,
            buckets: vec![Vec::new(); BUCKETS],
            sorted: false,
        }
    }
}

impl IdCheck {
    pub(super) fn hash(&self, id: &str) -> u64 {
        self.hasher.hash_one(id)
    }

    fn bucket(hash: u64) -> usize {
        (hash >> 56) as usize % BUCKETS
    }

    pub(super) fn add(&mut self, id: &str) {
        let hash = self.hash(id);
        self.buckets[Self::bucket(hash)].push(hash);
        self.sorted = false;
    }

    /// Sorts the hashes; returns those seen more than once (the candidates to confirm).
    pub(super) fn repeated(&mut self) -> HashSet<u64> {
        let mut repeated = HashSet::new();
        for bucket in &mut self.buckets {
            bucket.sort_unstable();
            // The room a bucket grew into and does not use is given back for the writing pass.
            bucket.shrink_to_fit();
            for pair in bucket.windows(2) {
                if pair[0] == pair[1] {
                    repeated.insert(pair[0]);
                }
            }
        }
        self.sorted = true;
        repeated
    }

    /// Whether the file may give `id` (certainly, when it does; rarely, by a hash collision,
    /// when it does not). Only after [`IdCheck::repeated`].
    pub(super) fn may_contain(&self, id: &str) -> bool {
        let hash = self.hash(id);
        let bucket = &self.buckets[Self::bucket(hash)];
        if self.sorted {
            bucket.binary_search(&hash).is_ok()
        } else {
            bucket.contains(&hash)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeated_ids_are_found_and_present_ids_known() {
        let mut check = IdCheck::default();
        for id in ["A1", "B2", "C3", "A1", "D4", "C3", "A1"] {
            check.add(id);
        }
        let repeated = check.repeated();
        let expected: HashSet<u64> = [check.hash("A1"), check.hash("C3")].into();
        assert_eq!(repeated, expected);
        assert!(check.may_contain("B2") && check.may_contain("D4"));
        assert!(!check.may_contain("E5"));
    }

    #[test]
    fn many_distinct_ids_have_no_repeats() {
        let mut check = IdCheck::default();
        for i in 0..100_000 {
            check.add(&format!("O{i}"));
        }
        assert!(check.repeated().is_empty());
    }
}
