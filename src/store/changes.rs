//! The change log: which customers each commit touched (their file, orders, follow-ups,
//! complaints or referrals), so that a reader holding scores as of one commit can bring them up
//! to date by re-reading just those customers instead of everyone.
//!
//! Every commit that touches at most [`MAX_LISTED`] customers lists them under its change
//! counter; a larger one (a big import chunk) writes [`EVERYONE`] instead. Only the last
//! [`KEPT_COMMITS`] commits are kept: a reader further behind is told to read everything.

use super::error::StoreError;
use super::reader::Reader;
use super::schema::{CHANGED, meta_keys};
use super::writer::Writer;
use crate::domain::CustomerId;
use redb::TableError;
use rustc_hash::FxHashSet;

/// The most customers one commit lists by id.
pub const MAX_LISTED: usize = 4096;
/// How many commits the log keeps (older entries are removed every [`PRUNE_EVERY`] commits).
pub const KEPT_COMMITS: u64 = 1024;
const PRUNE_EVERY: u64 = 64;
/// The id that stands for "more customers than are listed".
const EVERYONE: u64 = u64::MAX;
/// The most ids [`Reader::changed_since`] hands back before it says "everyone" instead.
const MAX_ANSWERED: usize = 100_000;

/// The customers one write transaction touched so far.
#[derive(Debug, Default)]
pub(super) struct Touched {
    ids: FxHashSet<CustomerId>,
    everyone: bool,
}

impl Touched {
    pub(super) fn add(&mut self, id: CustomerId) {
        if self.everyone {
            return;
        }
        self.ids.insert(id);
        if self.ids.len() > MAX_LISTED {
            self.everyone = true;
            self.ids = FxHashSet::default();
        }
    }
}

/// What changed after a given commit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Changed {
    /// Only these customers (sorted, each once; merged-away files included).
    Customers(Vec<CustomerId>),
    /// Too many to list, or the log does not reach back that far: read everything.
    Everyone,
}

impl Writer<'_> {
    /// Notes that this transaction changed what the customers table shows of `id`.
    pub(super) fn touch(&mut self, id: CustomerId) {
        self.touched.add(id);
    }

    /// Writes the touched customers under `counter` (the commit's new change counter) and
    /// drops what is older than the log keeps.
    pub(super) fn log_changes(&mut self, counter: u64) -> Result<(), StoreError> {
        let touched = std::mem::take(&mut self.touched);
        if touched.everyone {
            self.changed.insert((counter, EVERYONE), ())?;
        } else {
            let mut ids: Vec<CustomerId> = touched.ids.into_iter().collect();
            ids.sort_unstable();
            for id in ids {
                self.changed.insert((counter, id), ())?;
            }
        }
        if counter.is_multiple_of(PRUNE_EVERY) && counter > KEPT_COMMITS {
            let floor = counter - KEPT_COMMITS;
            self.changed
                .retain_in((0, 0)..(floor + 1, 0), |_, _| false)?;
            self.meta.insert(meta_keys::CHANGES_FLOOR, floor)?;
        }
        Ok(())
    }
}

impl Reader {
    /// The customers touched by the commits after `counter`, up to this snapshot.
    pub fn changed_since(&self, counter: u64) -> Result<Changed, StoreError> {
        let now = self.change_counter()?;
        if counter == now {
            return Ok(Changed::Customers(Vec::new()));
        }
        // A counter ahead of the file's: another file (a restore) took its place.
        let floor = self.tables.meta()?.get(meta_keys::CHANGES_FLOOR)?;
        let Some(floor) = floor.map(|v| v.value()) else {
            return Ok(Changed::Everyone);
        };
        if counter > now || counter < floor {
            return Ok(Changed::Everyone);
        }
        let table = match self.tables.txn().open_table(CHANGED) {
            Ok(table) => table,
            Err(TableError::TableDoesNotExist(_)) => return Ok(Changed::Everyone),
            Err(e) => return Err(e.into()),
        };
        let mut ids = Vec::new();
        for entry in table.range((counter + 1, 0)..)? {
            let id = entry?.0.value().1;
            if id == EVERYONE || ids.len() >= MAX_ANSWERED {
                return Ok(Changed::Everyone);
            }
            ids.push(id);
        }
        ids.sort_unstable();
        ids.dedup();
        Ok(Changed::Customers(ids))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn too_many_touched_customers_become_everyone() {
        let mut touched = Touched::default();
        for id in 0..MAX_LISTED as u64 {
            touched.add(id);
            touched.add(id);
        }
        assert!(!touched.everyone);
        assert_eq!(touched.ids.len(), MAX_LISTED);
        touched.add(u64::MAX - 1);
        assert!(touched.everyone);
        assert!(touched.ids.is_empty());
    }
}
