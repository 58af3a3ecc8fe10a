//! The customers list's filter and sort applied to a roster on a job thread: a million rows
//! take a noticeable moment to sort, which the screen's thread must never wait for.

use super::{CustomerFilter, SortKey};
use crate::domain::CustomerId;
use crate::service::{Roster, RosterRow};

/// The filter and sort of the list, applied to a roster away from the screen's thread (a
/// million rows take a noticeable moment to sort).
#[derive(Debug, Clone)]
pub struct Listing {
    pub generation: u64,
    pub filter: CustomerFilter,
    pub sort: Option<SortKey>,
    pub descending: bool,
}

/// The first eight bytes of a name as a number that sorts like them (shorter names padded with
/// zeros, which sort first, as a shorter prefix does).
fn name_prefix(name: &str) -> u64 {
    let mut bytes = [0u8; 8];
    let head = &name.as_bytes()[..name.len().min(8)];
    bytes[..head.len()].copy_from_slice(head);
    u64::from_be_bytes(bytes)
}

/// Sorts by name (stable: equal names keep their order). Comparing the names themselves reads
/// a million strings scattered over the heap again and again; their first eight bytes, kept
/// beside each item, settle almost every comparison.
pub(super) fn sort_by_name<T: Copy>(items: &mut Vec<T>, name: impl Fn(&T) -> &str) {
    let mut keyed: Vec<(u64, T)> = items.iter().map(|x| (name_prefix(name(x)), *x)).collect();
    keyed.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| name(&a.1).cmp(name(&b.1))));
    items.clear();
    items.extend(keyed.into_iter().map(|(_, x)| x));
}

impl Listing {
    /// The ids of the roster's rows this filter lets through, in this sort order.
    pub fn ids(&self, roster: &Roster) -> Vec<CustomerId> {
        let owners = self.filter.owners(roster);
        let mut rows: Vec<&RosterRow> = roster
            .rows
            .iter()
            .filter(|r| self.filter.accepts(roster, r, owners.as_deref()))
            .collect();
        match self.sort {
            None | Some(SortKey::Id) => {}
            Some(SortKey::Name) => sort_by_name(&mut rows, |r| &r.name),
            Some(SortKey::LastContact) => rows.sort_by_key(|r| std::cmp::Reverse(r.last_contact)),
            Some(SortKey::LastOrder) => rows.sort_by_key(|r| std::cmp::Reverse(r.last_order)),
            Some(SortKey::Spend) => rows.sort_by_key(|r| std::cmp::Reverse(r.total)),
            Some(SortKey::Segment) => {
                rows.sort_by_key(|r| (r.rfm.map(|x| x.segment), std::cmp::Reverse(r.total)))
            }
            Some(SortKey::Stage) => rows.sort_by_key(|r| std::cmp::Reverse(r.stage)),
            // Unvalued rows last either way.
            Some(SortKey::Clv) => rows.sort_by(|a, b| {
                let clv = |r: &RosterRow| r.lifetime.and_then(|l| l.clv).unwrap_or(f32::MIN);
                clv(b).total_cmp(&clv(a))
            }),
            Some(SortKey::Alive) => rows.sort_by(|a, b| {
                let alive = |r: &RosterRow| r.lifetime.map_or(f32::MAX, |l| l.p_alive);
                alive(a).total_cmp(&alive(b))
            }),
        }
        if self.descending {
            rows.reverse();
        }
        // Customers the lifetime models did not value stay last in either direction (a
        // stable pass: the order of the others is kept).
        if matches!(self.sort, Some(SortKey::Clv)) {
            rows.sort_by_key(|r| r.lifetime.and_then(|l| l.clv).is_none());
        }
        if matches!(self.sort, Some(SortKey::Alive)) {
            rows.sort_by_key(|r| r.lifetime.is_none());
        }
        rows.iter().map(|r| r.id).collect()
    }
}
