//! Write access inside one transaction: customer files with all their index entries, counters
//! and team settings. Orders, child records and merges extend [`Writer`] in their own files.

use super::codec::{AggregateValue, Encoded, Rec};
use super::error::StoreError;
use super::ordered_insert::insert_in_order;
use super::pending_index::PendingIndex;
use super::reader::{self, MAX_CHAR_STR};
use super::schema::*;
use crate::domain::{
    CarePlan, Complaint, Customer, CustomerId, FollowUp, MergeRecord, Millis, Order, OrderAggregate,
};
use crate::search::{self, TermKind};
use redb::{ReadableTable, ReadableTableMetadata, Table, WriteTransaction};

/// Held-back term entries written between two questions whether to give up (about 5 ms at a
/// million customers).
const STOP_EVERY: usize = 1024;

/// The tables of one write transaction, opened once for the whole action.
pub struct Writer<'t> {
    pub(super) meta: Table<'t, &'static str, u64>,
    pub(super) settings: Table<'t, &'static str, &'static str>,
    pub(super) customers: Table<'t, u64, Rec<Customer>>,
    pub(super) customer_ext: Table<'t, &'static str, u64>,
    pub(super) merged_into: Table<'t, u64, u64>,
    pub(super) merges: Table<'t, u64, Rec<MergeRecord>>,
    pub(super) aggregates: Table<'t, u64, AggregateValue>,
    pub(super) customer_stats: Table<'t, u64, (u32, u32)>,
    pub(super) referrals: Table<'t, (u64, u64), ()>,
    pub(super) phones: Table<'t, (&'static str, u64), ()>,
    pub(super) terms: Table<'t, (&'static str, u64), u8>,
    pub(super) tokens: Table<'t, &'static str, u64>,
    pub(super) token_deletes: Table<'t, (&'static str, &'static str), ()>,
    pub(super) orders: Table<'t, &'static str, Rec<Order>>,
    pub(super) customer_orders: Table<'t, (u64, i64, &'static str), i64>,
    pub(super) followups: Table<'t, &'static str, Rec<FollowUp>>,
    pub(super) customer_followups: Table<'t, (u64, i64, &'static str), ()>,
    pub(super) care_plans: Table<'t, &'static str, Rec<CarePlan>>,
    pub(super) customer_care_plans: Table<'t, (u64, i64, &'static str), ()>,
    pub(super) complaints: Table<'t, &'static str, Rec<Complaint>>,
    pub(super) customer_complaints: Table<'t, (u64, i64, &'static str), ()>,
    pub(super) audit: Table<'t, u64, Rec<crate::domain::AuditEntry>>,
    pub(super) audit_by_customer: Table<'t, (u64, u64), ()>,
    pub(super) roles: Table<'t, &'static str, u8>,
    pub(super) imports: Table<'t, u64, Rec<crate::domain::ImportRecord>>,
    pub(super) import_undo: Table<'t, (u64, u64), Rec<crate::domain::UndoEntry>>,
    pub(super) changed: Table<'t, (u64, u64), ()>,
    pub(super) answers: Table<'t, &'static str, Rec<crate::domain::Answer>>,
    pub(super) influence: Table<'t, u64, Rec<crate::domain::Influence>>,
    pub(super) points: Table<'t, &'static str, Rec<crate::domain::PointsEntry>>,
    pub(super) customer_points: Table<'t, (u64, i64, &'static str), ()>,
    /// The customers this transaction touched, for the change log.
    pub(super) touched: super::changes::Touched,
    who: super::open::Who,
    /// Index entries of new customers and aggregates of new orders held back until the
    /// commit (bulk imports only; see [`Writer::hold_back_bulk_writes`]).
    pub(super) pending: Option<PendingIndex>,
}

impl<'t> Writer<'t> {
    pub(super) fn new(
        txn: &'t WriteTransaction,
        who: &super::open::Who,
    ) -> Result<Writer<'t>, StoreError> {
        Ok(Writer {
            meta: txn.open_table(META)?,
            settings: txn.open_table(SETTINGS)?,
            customers: txn.open_table(CUSTOMERS)?,
            customer_ext: txn.open_table(CUSTOMER_EXT)?,
            merged_into: txn.open_table(MERGED_INTO)?,
            merges: txn.open_table(MERGES)?,
            aggregates: txn.open_table(AGGREGATES)?,
            customer_stats: txn.open_table(CUSTOMER_STATS)?,
            referrals: txn.open_table(REFERRALS)?,
            phones: txn.open_table(PHONES)?,
            terms: txn.open_table(TERMS)?,
            tokens: txn.open_table(TOKENS)?,
            token_deletes: txn.open_table(TOKEN_DELETES)?,
            orders: txn.open_table(ORDERS)?,
            customer_orders: txn.open_table(CUSTOMER_ORDERS)?,
            followups: txn.open_table(FOLLOWUPS)?,
            customer_followups: txn.open_table(CUSTOMER_FOLLOWUPS)?,
            care_plans: txn.open_table(CARE_PLANS)?,
            customer_care_plans: txn.open_table(CUSTOMER_CARE_PLANS)?,
            complaints: txn.open_table(COMPLAINTS)?,
            customer_complaints: txn.open_table(CUSTOMER_COMPLAINTS)?,
            audit: txn.open_table(AUDIT)?,
            audit_by_customer: txn.open_table(AUDIT_BY_CUSTOMER)?,
            roles: txn.open_table(ROLES)?,
            imports: txn.open_table(IMPORTS)?,
            import_undo: txn.open_table(IMPORT_UNDO)?,
            changed: txn.open_table(CHANGED)?,
            answers: txn.open_table(ANSWERS)?,
            influence: txn.open_table(INFLUENCE)?,
            points: txn.open_table(POINTS)?,
            customer_points: txn.open_table(CUSTOMER_POINTS)?,
            touched: Default::default(),
            who: who.clone(),
            pending: None,
        })
    }

    /// Who is writing (the staff name the store was opened with).
    pub fn staff(&self) -> &str {
        &self.who.staff
    }

    /// The OS account of the writing process.
    pub fn os_user(&self) -> &str {
        &self.who.os_user
    }

    /// Records an OS account's role.
    pub fn set_role(&mut self, user: &str, role: crate::domain::Role) -> Result<(), StoreError> {
        self.roles.insert(user.trim(), role.code())?;
        Ok(())
    }

    /// Whether any role has been recorded yet.
    pub fn has_roles(&self) -> Result<bool, StoreError> {
        Ok(!self.roles.is_empty()?)
    }

    /// The latest audit entry about `subject` (of `customer`, when given: found through that
    /// customer's index; otherwise among the newest 10,000 entries).
    pub fn last_audit(
        &self,
        customer: Option<CustomerId>,
        subject: &str,
    ) -> Result<Option<crate::domain::AuditEntry>, StoreError> {
        let matches = |e: &crate::domain::AuditEntry| e.subject == subject || subject.is_empty();
        match customer {
            Some(c) => {
                for entry in self.audit_by_customer.range((c, 0)..=(c, u64::MAX))?.rev() {
                    let seq = entry?.0.value().1;
                    if let Some(e) = reader::get_by_id(&self.audit, seq)?
                        && matches(&e)
                    {
                        return Ok(Some(e));
                    }
                }
                Ok(None)
            }
            None => {
                for entry in self.audit.range::<u64>(..)?.rev().take(10_000) {
                    let (key, value) = entry?;
                    let e: crate::domain::AuditEntry = reader::decode(key.value(), &value.value())?;
                    if matches(&e) {
                        return Ok(Some(e));
                    }
                }
                Ok(None)
            }
        }
    }

    /// Appends an entry to the audit trail: who (OS account and staff name), when, what.
    pub fn audit(
        &mut self,
        action: &str,
        customer: Option<CustomerId>,
        subject: &str,
        detail: impl Into<String>,
    ) -> Result<(), StoreError> {
        let seq = self.next_counter(meta_keys::NEXT_AUDIT)?;
        let entry = crate::domain::AuditEntry {
            seq,
            at: self.now(),
            os_user: self.who.os_user.clone(),
            staff: self.who.staff.clone(),
            action: action.to_string(),
            customer,
            subject: subject.to_string(),
            detail: detail.into(),
        };
        self.audit.insert(seq, Encoded::encode(&entry)?)?;
        if let Some(customer) = customer {
            self.audit_by_customer.insert((customer, seq), ())?;
        }
        Ok(())
    }

    /// Moves the change counter on; returns its new value.
    pub(super) fn bump_change_counter(&mut self) -> Result<u64, StoreError> {
        self.next_counter(meta_keys::CHANGE_COUNTER)
    }

    /// Increments a counter of the meta table and returns its new value (first value: 1).
    pub(super) fn next_counter(&mut self, key: &str) -> Result<u64, StoreError> {
        let next = self.meta.get(key)?.map_or(0, |v| v.value()) + 1;
        self.meta.insert(key, next)?;
        Ok(next)
    }

    /// Marks this database as built by `loyal demo`.
    pub fn mark_demo(&mut self) -> Result<(), StoreError> {
        self.meta.insert(meta_keys::DEMO, 1)?;
        Ok(())
    }

    /// A fresh record id like `FU-000042` from the named counter, not used by any record.
    pub fn next_record_id(&mut self, kind: RecordIdKind) -> Result<String, StoreError> {
        let (key, prefix) = match kind {
            RecordIdKind::FollowUp => (meta_keys::NEXT_FOLLOWUP, "FU"),
            RecordIdKind::CarePlan => (meta_keys::NEXT_CARE_PLAN, "CP"),
            RecordIdKind::Complaint => (meta_keys::NEXT_COMPLAINT, "CM"),
            RecordIdKind::Points => (meta_keys::NEXT_POINTS, "PT"),
        };
        // An imported file may already use ids of this series: skip past them, never reuse one.
        loop {
            let id = format!("{prefix}-{:06}", self.next_counter(key)?);
            let taken = match kind {
                RecordIdKind::FollowUp => self.followups.get(id.as_str())?.is_some(),
                RecordIdKind::CarePlan => self.care_plans.get(id.as_str())?.is_some(),
                RecordIdKind::Complaint => self.complaints.get(id.as_str())?.is_some(),
                RecordIdKind::Points => self.points.get(id.as_str())?.is_some(),
            };
            if !taken {
                return Ok(id);
            }
        }
    }

    pub fn setting(&self, key: &str) -> Result<Option<String>, StoreError> {
        Ok(self.settings.get(key)?.map(|v| v.value().to_string()))
    }

    pub fn set_setting(&mut self, key: &str, value: Option<&str>) -> Result<(), StoreError> {
        match value {
            Some(value) => self.settings.insert(key, value)?,
            None => self.settings.remove(key)?,
        };
        Ok(())
    }

    pub fn customer(&self, id: CustomerId) -> Result<Option<Customer>, StoreError> {
        let id = reader::follow_merges(&self.merged_into, id)?;
        reader::get_by_id(&self.customers, id)
    }

    pub fn resolve_external(&self, external_id: &str) -> Result<Option<CustomerId>, StoreError> {
        reader::resolve_external(&self.customer_ext, &self.merged_into, external_id)
    }

    pub fn resolve_id(&self, id: CustomerId) -> Result<Option<CustomerId>, StoreError> {
        let id = reader::follow_merges(&self.merged_into, id)?;
        Ok(self.customers.get(id)?.map(|_| id))
    }

    pub fn aggregate(&self, id: CustomerId) -> Result<OrderAggregate, StoreError> {
        if let Some(held) = self.pending.as_ref().and_then(|p| p.aggregate(id)) {
            return Ok(held);
        }
        Ok(self
            .aggregates
            .get(id)?
            .map(|v| v.value())
            .unwrap_or_default())
    }

    /// Customers with a phone that is the same number as `digits`.
    pub fn phone_owners(&self, digits: &str) -> Result<Vec<CustomerId>, StoreError> {
        reader::phone_owners(&self.phones, digits)
    }

    /// Customers whose email is `email` (case-insensitive).
    pub fn email_owners(&self, email: &str) -> Result<Vec<CustomerId>, StoreError> {
        reader::term_owners(&self.terms, &email.trim().to_lowercase(), TermKind::EMAIL)
    }

    /// From now until the commit, the name terms, phones and fuzzy tokens of new customers and
    /// the order aggregates of new orders are held back and written in key order at the end:
    /// for imports of many rows. Aggregates read through this writer include the held-back
    /// ones; [`Writer::phone_owners`] and [`Writer::email_owners`] do not see held-back
    /// customers (a customer import never matches the new rows of one file with each other).
    pub fn hold_back_bulk_writes(&mut self) {
        self.pending.get_or_insert_default();
    }

    /// Writes the held-back index entries now, in key order, and goes on holding back (the
    /// commit does it last; a long transaction may do it every few thousand rows, so that
    /// ending it for a waiting save never has a whole chunk's entries left to write).
    pub fn write_held_back_entries(&mut self) -> Result<(), StoreError> {
        self.write_held_back_entries_until(&mut || false)
            .map(|_| ())
    }

    /// [`Writer::write_held_back_entries`], asking `stop` every few thousand entries whether
    /// to give up: `false` when it did, with the entries partly written, so the caller must
    /// abandon the transaction.
    pub fn write_held_back_entries_until(
        &mut self,
        stop: &mut dyn FnMut() -> bool,
    ) -> Result<bool, StoreError> {
        let Some(pending) = self.pending.as_mut() else {
            return Ok(true);
        };
        if pending.is_empty() {
            return Ok(true);
        }
        let super::pending_index::Drained {
            terms,
            phones,
            tokens,
            aggregates,
        } = pending.drain_sorted();
        insert_in_order(&mut self.aggregates, aggregates)?;
        let mut counts: Vec<(&str, u64)> = Vec::with_capacity(tokens.len());
        let mut deletes: Vec<(String, &str)> = Vec::new();
        for (token, added) in &tokens {
            let count = self.tokens.get(token.as_str())?.map_or(0, |v| v.value());
            counts.push((token.as_str(), count + added));
            if count == 0 {
                for variant in search::deletion_variants(token).into_iter().skip(1) {
                    deletes.push((variant, token.as_str()));
                }
            }
        }
        insert_in_order(&mut self.tokens, counts)?;
        deletes.sort_unstable();
        deletes.dedup();
        insert_in_order(
            &mut self.token_deletes,
            deletes
                .iter()
                .map(|(variant, token)| ((variant.as_str(), *token), ())),
        )?;
        // Held-back entries belong to customers created in this transaction: no entry of
        // theirs is in the table yet. These interleave with the table's own keys (a chunk's
        // customers spread over every name): one insert each, in key order, is faster here
        // than cursor runs (measured: 3.1 s against 5.5 s for 100k customers).
        for (i, (term, id, kind)) in terms.iter().enumerate() {
            if i % STOP_EVERY == STOP_EVERY - 1 && stop() {
                return Ok(false);
            }
            self.terms.insert((term.as_str(), *id), *kind)?;
        }
        for (reversed, id) in &phones {
            self.phones.insert((reversed.as_str(), *id), ())?;
        }
        Ok(true)
    }

    /// Stores a new customer file, assigning its id; the external id must be free.
    pub fn insert_customer(&mut self, mut customer: Customer) -> Result<CustomerId, StoreError> {
        let external_id = customer.external_id.trim().to_string();
        if self.customer_ext.get(external_id.as_str())?.is_some() {
            return Err(StoreError::DuplicateExternalId(external_id));
        }
        customer.external_id = external_id;
        customer.id = self.next_counter(meta_keys::NEXT_CUSTOMER)?;
        customer.version = 1;
        self.customer_ext
            .insert(customer.external_id.as_str(), customer.id)?;
        self.customers
            .insert(customer.id, Encoded::encode(&customer)?)?;
        self.customer_stats.insert(customer.id, (0, 0))?;
        self.touch(customer.id);
        self.reindex(None, Some(&customer))?;
        Ok(customer.id)
    }

    /// Makes `external_id` (an id another system uses for the same person) resolve to `id`.
    pub fn add_external_alias(
        &mut self,
        external_id: &str,
        id: CustomerId,
    ) -> Result<(), StoreError> {
        let external_id = external_id.trim();
        let existing = self.customer_ext.get(external_id)?.map(|v| v.value());
        match existing {
            Some(existing) if existing != id => {
                Err(StoreError::DuplicateExternalId(external_id.to_string()))
            }
            Some(_) => Ok(()),
            None => {
                self.customer_ext.insert(external_id, id)?;
                Ok(())
            }
        }
    }

    /// Undoes [`Writer::add_external_alias`]: `external_id` no longer resolves to `id` (an
    /// external id that is some file's own, or another file's alias, is left alone).
    pub fn remove_external_alias(
        &mut self,
        external_id: &str,
        id: CustomerId,
    ) -> Result<bool, StoreError> {
        let external_id = external_id.trim();
        if self.customer_ext.get(external_id)?.map(|v| v.value()) != Some(id) {
            return Ok(false);
        }
        if self
            .customer(id)?
            .is_some_and(|c| c.external_id == external_id)
        {
            return Ok(false);
        }
        self.customer_ext.remove(external_id)?;
        Ok(true)
    }

    /// Saves changes to an existing file (found by `customer.id`), keeping every index in step.
    /// Returns the stored version.
    pub fn update_customer(&mut self, mut customer: Customer) -> Result<Customer, StoreError> {
        let old = reader::get_by_id(&self.customers, customer.id)?
            .ok_or(StoreError::MissingCustomer(customer.id))?;
        customer.external_id = customer.external_id.trim().to_string();
        if customer.external_id != old.external_id {
            if self
                .customer_ext
                .get(customer.external_id.as_str())?
                .is_some()
            {
                return Err(StoreError::DuplicateExternalId(customer.external_id));
            }
            // The old external id keeps resolving to this customer, like a merged file's.
            self.customer_ext
                .insert(customer.external_id.as_str(), customer.id)?;
        }
        customer.version = old.version + 1;
        customer.created_at = old.created_at;
        self.customers
            .insert(customer.id, Encoded::encode(&customer)?)?;
        self.touch(customer.id);
        self.reindex(Some(&old), Some(&customer))?;
        Ok(customer)
    }

    /// Removes a customer file and its index entries (not its external ids: merge re-points
    /// those). Orders and other records are the caller's to move first.
    pub(super) fn remove_customer(&mut self, customer: &Customer) -> Result<(), StoreError> {
        self.customers.remove(customer.id)?;
        self.influence.remove(customer.id)?;
        self.aggregates.remove(customer.id)?;
        self.customer_stats.remove(customer.id)?;
        self.touch(customer.id);
        self.reindex(Some(customer), None)
    }

    /// Moves index entries from what `old` needs to what `new` needs.
    fn reindex(
        &mut self,
        old: Option<&Customer>,
        new: Option<&Customer>,
    ) -> Result<(), StoreError> {
        let id = new.or(old).map_or(0, |c| c.id);
        if old.is_some() {
            // A changed or removed file may have held-back entries to remove: write them first.
            self.write_held_back_entries()?;
        } else if let (Some(pending), Some(new)) = (self.pending.as_mut(), new) {
            for (term, kind) in search::customer_terms(new) {
                pending.add_term(&term, id, kind);
            }
            for digits in search::customer_phone_digits(new) {
                pending.add_phone(&digits, id);
            }
            return self.reindex_tokens_and_referrer(old, Some(new));
        }

        let old_terms = old.map(search::customer_terms).unwrap_or_default();
        let new_terms = new.map(search::customer_terms).unwrap_or_default();
        for (term, _) in &old_terms {
            if !new_terms.iter().any(|(t, _)| t == term) {
                self.terms.remove((term.as_str(), id))?;
            }
        }
        for (term, kind) in &new_terms {
            if !old_terms.contains(&(term.clone(), *kind)) {
                self.terms.insert((term.as_str(), id), kind.0)?;
            }
        }

        let old_phones = old.map(search::customer_phone_digits).unwrap_or_default();
        let new_phones = new.map(search::customer_phone_digits).unwrap_or_default();
        for digits in old_phones.iter().filter(|d| !new_phones.contains(d)) {
            self.phones
                .remove((search::reversed(digits).as_str(), id))?;
        }
        for digits in new_phones.iter().filter(|d| !old_phones.contains(d)) {
            self.phones
                .insert((search::reversed(digits).as_str(), id), ())?;
        }
        self.reindex_tokens_and_referrer(old, new)
    }

    /// The fuzzy tokens and the referral entry of a customer file that changed from `old` to
    /// `new`.
    fn reindex_tokens_and_referrer(
        &mut self,
        old: Option<&Customer>,
        new: Option<&Customer>,
    ) -> Result<(), StoreError> {
        let id = new.or(old).map_or(0, |c| c.id);
        let old_tokens = old.map(search::fuzzy_tokens).unwrap_or_default();
        let new_tokens = new.map(search::fuzzy_tokens).unwrap_or_default();
        for token in old_tokens.iter().filter(|t| !new_tokens.contains(t)) {
            self.release_token(token)?;
        }
        for token in new_tokens.iter().filter(|t| !old_tokens.contains(t)) {
            self.retain_token(token)?;
        }

        let old_referrer = old.and_then(|c| c.referred_by);
        let new_referrer = new.and_then(|c| c.referred_by);
        if old_referrer != new_referrer {
            if let Some(referrer) = old_referrer {
                self.referrals.remove((referrer, id))?;
                self.touch(referrer);
            }
            if let Some(referrer) = new_referrer {
                self.referrals.insert((referrer, id), ())?;
                self.touch(referrer);
            }
        }
        Ok(())
    }

    fn retain_token(&mut self, token: &str) -> Result<(), StoreError> {
        if let Some(pending) = self.pending.as_mut() {
            pending.add_token(token);
            return Ok(());
        }
        let count = self.tokens.get(token)?.map_or(0, |v| v.value());
        self.tokens.insert(token, count + 1)?;
        if count == 0 {
            for variant in search::deletion_variants(token).iter().skip(1) {
                self.token_deletes.insert((variant.as_str(), token), ())?;
            }
        }
        Ok(())
    }

    fn release_token(&mut self, token: &str) -> Result<(), StoreError> {
        let count = self.tokens.get(token)?.map_or(0, |v| v.value());
        if count <= 1 {
            self.tokens.remove(token)?;
            for variant in search::deletion_variants(token).iter().skip(1) {
                self.token_deletes.remove((variant.as_str(), token))?;
            }
        } else {
            self.tokens.insert(token, count - 1)?;
        }
        Ok(())
    }

    /// Customers this customer referred.
    pub fn referrals_of(&self, referrer: CustomerId) -> Result<Vec<CustomerId>, StoreError> {
        let mut out = Vec::new();
        for entry in self.referrals.range((referrer, 0)..=(referrer, u64::MAX))? {
            out.push(entry?.0.value().1);
        }
        Ok(out)
    }

    /// Keys of a customer's orders, oldest first.
    pub(super) fn order_keys_of(&self, customer: CustomerId) -> Result<Vec<String>, StoreError> {
        let mut out = Vec::new();
        let range = (customer, i64::MIN, "")..=(customer, i64::MAX, MAX_CHAR_STR);
        for entry in self.customer_orders.range(range)? {
            out.push(entry?.0.value().2.to_string());
        }
        Ok(out)
    }

    /// A customer's orders, oldest first (as this transaction sees them).
    pub fn orders_of(&self, customer: CustomerId) -> Result<Vec<crate::domain::Order>, StoreError> {
        let mut out = Vec::new();
        for key in self.order_keys_of(customer)? {
            if let Some(order) = self.order(&key)? {
                out.push(order);
            }
        }
        Ok(out)
    }

    /// The time stamp every write of this action records.
    pub fn now(&self) -> Millis {
        chrono::Utc::now().timestamp_millis()
    }
}

/// Which series a generated record id comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecordIdKind {
    FollowUp,
    CarePlan,
    Complaint,
    Points,
}
