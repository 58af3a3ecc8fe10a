//! Folding one customer file into another: records, referrals, ids and soft facts.

use super::codec::Encoded;
use super::error::StoreError;
use super::reader;
use super::writer::Writer;
use crate::domain::{Customer, CustomerId, MergeRecord};
use redb::ReadableTable;

/// What a merge moved.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct MergeCounts {
    pub orders: u64,
    pub followups: u64,
    pub complaints: u64,
    pub care_plans: u64,
    pub referrals: u64,
}

impl Writer<'_> {
    /// Folds `other` into `keep`: orders, follow-ups, care plans, complaints and referrals move,
    /// missing contact facts are filled in, `other`'s ids resolve to `keep` from now on, and the
    /// merge is recorded. Both ids must name existing, distinct customers.
    pub fn merge_customers(
        &mut self,
        keep: CustomerId,
        other: CustomerId,
    ) -> Result<(Customer, MergeCounts), StoreError> {
        let kept =
            reader::get_by_id(&self.customers, keep)?.ok_or(StoreError::MissingCustomer(keep))?;
        let merged =
            reader::get_by_id(&self.customers, other)?.ok_or(StoreError::MissingCustomer(other))?;
        let orders = self.move_orders(other, keep)?;
        let (followups, care_plans, complaints) = self.move_children(other, keep)?;
        // Points earned by orders move with the orders; what staff recorded moves here.
        self.move_points(other, keep)?;
        let mut counts = MergeCounts {
            orders,
            followups,
            complaints,
            care_plans,
            referrals: 0,
        };

        for referred in self.referrals_of(other)? {
            if let Some(mut customer) = reader::get_by_id(&self.customers, referred)? {
                customer.referred_by = (referred != keep).then_some(keep);
                self.update_customer(customer)?;
                counts.referrals += 1;
            }
        }

        // An influence noted only on the merged file stays with the customer.
        if self.influence(keep)?.is_none()
            && let Some(noted) = self.influence(other)?
        {
            self.set_influence(keep, Some(&noted))?;
        }
        self.remove_customer(&merged)?;
        // Files merged into `other` earlier now point straight at `keep`: chains stay one hop.
        let mut earlier = Vec::new();
        for entry in self.merged_into.range::<u64>(..)? {
            let (from, to) = entry?;
            if to.value() == other {
                earlier.push(from.value());
            }
        }
        for from in earlier {
            self.merged_into.insert(from, keep)?;
        }
        self.merged_into.insert(other, keep)?;
        self.customer_ext
            .insert(merged.external_id.as_str(), keep)?;

        // The kept file may have changed above (a referral pointing at it was cleared).
        let kept = reader::get_by_id(&self.customers, keep)?.unwrap_or(kept);
        let mut folded = fold_facts(kept, &merged);
        if folded.referred_by == Some(other) || folded.referred_by == Some(keep) {
            folded.referred_by = None;
        }
        folded.updated_at = self.now();
        let folded = self.update_customer(folded)?;

        let record = MergeRecord {
            kept: keep,
            merged: other,
            at: self.now(),
            by: self.staff().to_string(),
            merged_snapshot: merged,
            moved_orders: counts.orders,
            moved_followups: counts.followups,
            moved_complaints: counts.complaints,
            moved_care_plans: counts.care_plans,
            moved_referrals: counts.referrals,
        };
        self.merges.insert(other, Encoded::encode(&record)?)?;
        Ok((folded, counts))
    }
}

/// `kept` with what only `merged` knew added: phones, tags, empty fields, soft notes.
fn fold_facts(mut kept: Customer, merged: &Customer) -> Customer {
    for phone in &merged.phones {
        let digits = crate::search::phone_digits(phone);
        if !kept
            .phones
            .iter()
            .any(|p| crate::search::phone_digits(p) == digits)
        {
            kept.phones.push(phone.clone());
        }
    }
    for tag in &merged.tags {
        if !kept.tags.contains(tag) {
            kept.tags.push(tag.clone());
        }
    }
    fn fill<T: Clone>(slot: &mut Option<T>, from: &Option<T>) {
        if slot.is_none() {
            slot.clone_from(from);
        }
    }
    fill(&mut kept.email, &merged.email);
    fill(&mut kept.company, &merged.company);
    fill(&mut kept.city, &merged.city);
    fill(&mut kept.address, &merged.address);
    fill(&mut kept.birthday, &merged.birthday);
    fill(&mut kept.gender, &merged.gender);
    fill(&mut kept.preferred_channel, &merged.preferred_channel);
    fill(&mut kept.referred_by, &merged.referred_by);
    fill(&mut kept.owner, &merged.owner);
    for (mine, theirs) in [
        (&mut kept.personality, &merged.personality),
        (&mut kept.interests, &merged.interests),
        (&mut kept.habits, &merged.habits),
    ] {
        if !theirs.is_empty() && !mine.contains(theirs.as_str()) {
            if !mine.is_empty() {
                mine.push_str("; ");
            }
            mine.push_str(theirs);
        }
    }
    kept.created_at = kept.created_at.min(merged.created_at);
    kept
}
