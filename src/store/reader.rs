//! Read access: a consistent snapshot of every table, with typed getters, the lookup index
//! probes, and streaming scans for export and scoring.

use super::codec::{Rec, StoredRecord};
use super::error::StoreError;
use super::schema::*;
use crate::domain::{
    CarePlan, Complaint, Customer, CustomerId, FollowUp, MergeRecord, Money, Order, OrderAggregate,
};
use crate::search::TermKind;
use redb::{ReadOnlyTable, ReadTransaction, ReadableTableMetadata};
use std::cell::OnceCell;

pub(crate) use super::access::*;

/// (follow-ups, complaints) of one customer.
pub type ContactCounts = (u32, u32);

/// A phone index entry found by a suffix probe.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhoneHit {
    pub digits: String,
    pub customer: CustomerId,
}

/// A term index entry found by a prefix probe.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TermHit {
    pub term: String,
    pub customer: CustomerId,
    pub kind: TermKind,
}

/// The snapshot's tables, each opened on first use (`Reader::tables.name()?`).
macro_rules! lazy_tables {
    ($($name:ident: $definition:ident => $ty:ty,)*) => {
        pub(super) struct Tables {
            txn: ReadTransaction,
            $($name: OnceCell<$ty>,)*
        }

        impl Tables {
            fn new(txn: ReadTransaction) -> Tables {
                Tables { txn, $($name: OnceCell::new(),)* }
            }

            /// The snapshot, for a table that may be missing (one a newer layout added).
            pub(super) fn txn(&self) -> &ReadTransaction {
                &self.txn
            }

            $(
                pub(super) fn $name(&self) -> Result<&$ty, StoreError> {
                    if let Some(table) = self.$name.get() {
                        return Ok(table);
                    }
                    let table = self.txn.open_table($definition)?;
                    Ok(self.$name.get_or_init(|| table))
                }
            )*
        }
    };
}

/// A read snapshot. Tables are opened on first use: a lookup touches four of them, and opening
/// all twenty-six cost more than the lookup itself.
pub struct Reader {
    pub(super) tables: Tables,
}

lazy_tables! {
    meta: META => ReadOnlyTable<&'static str, u64>,
    settings: SETTINGS => ReadOnlyTable<&'static str, &'static str>,
    customers: CUSTOMERS => ReadOnlyTable<u64, Rec<Customer>>,
    customer_ext: CUSTOMER_EXT => ReadOnlyTable<&'static str, u64>,
    merged_into: MERGED_INTO => ReadOnlyTable<u64, u64>,
    merges: MERGES => ReadOnlyTable<u64, Rec<MergeRecord>>,
    aggregates: AGGREGATES => ReadOnlyTable<u64, super::codec::AggregateValue>,
    customer_stats: CUSTOMER_STATS => ReadOnlyTable<u64, (u32, u32)>,
    referrals: REFERRALS => ReadOnlyTable<(u64, u64), ()>,
    phones: PHONES => ReadOnlyTable<(&'static str, u64), ()>,
    terms: TERMS => ReadOnlyTable<(&'static str, u64), u8>,
    tokens: TOKENS => ReadOnlyTable<&'static str, u64>,
    token_deletes: TOKEN_DELETES => ReadOnlyTable<(&'static str, &'static str), ()>,
    orders: ORDERS => ReadOnlyTable<&'static str, Rec<Order>>,
    customer_orders: CUSTOMER_ORDERS => ReadOnlyTable<(u64, i64, &'static str), i64>,
    followups: FOLLOWUPS => ReadOnlyTable<&'static str, Rec<FollowUp>>,
    customer_followups: CUSTOMER_FOLLOWUPS => ReadOnlyTable<(u64, i64, &'static str), ()>,
    care_plans: CARE_PLANS => ReadOnlyTable<&'static str, Rec<CarePlan>>,
    customer_care_plans: CUSTOMER_CARE_PLANS => ReadOnlyTable<(u64, i64, &'static str), ()>,
    complaints: COMPLAINTS => ReadOnlyTable<&'static str, Rec<Complaint>>,
    customer_complaints: CUSTOMER_COMPLAINTS => ReadOnlyTable<(u64, i64, &'static str), ()>,
    audit: AUDIT => ReadOnlyTable<u64, Rec<crate::domain::AuditEntry>>,
    audit_by_customer: AUDIT_BY_CUSTOMER => ReadOnlyTable<(u64, u64), ()>,
    roles: ROLES => ReadOnlyTable<&'static str, u8>,
    imports: IMPORTS => ReadOnlyTable<u64, Rec<crate::domain::ImportRecord>>,
    import_undo: IMPORT_UNDO => ReadOnlyTable<(u64, u64), Rec<crate::domain::UndoEntry>>,
}

impl Reader {
    pub(crate) fn new(txn: ReadTransaction) -> Result<Reader, StoreError> {
        Ok(Reader {
            tables: Tables::new(txn),
        })
    }

    /// The latest time of any follow-up or complaint, if there is one.
    pub fn latest_contact_at(&self) -> Result<Option<i64>, StoreError> {
        Ok(self
            .tables
            .meta()?
            .get(meta_keys::LATEST_CONTACT)?
            .map(|v| v.value() as i64))
    }

    /// Audit entries, newest first: those of one customer (through its index) or all, that
    /// `keep` accepts, at most `limit`.
    pub fn audit_entries(
        &self,
        customer: Option<CustomerId>,
        limit: usize,
        keep: impl Fn(&crate::domain::AuditEntry) -> bool,
    ) -> Result<Vec<crate::domain::AuditEntry>, StoreError> {
        let mut out = Vec::new();
        match customer {
            Some(c) => {
                for entry in self
                    .tables
                    .audit_by_customer()?
                    .range((c, 0)..=(c, u64::MAX))?
                    .rev()
                {
                    let seq = entry?.0.value().1;
                    if let Some(e) = get_by_id(self.tables.audit()?, seq)?
                        && keep(&e)
                    {
                        out.push(e);
                    }
                    if out.len() >= limit {
                        break;
                    }
                }
            }
            None => {
                for entry in self.tables.audit()?.range::<u64>(..)?.rev() {
                    let (key, value) = entry?;
                    let e: crate::domain::AuditEntry = decode(key.value(), &value.value())?;
                    if keep(&e) {
                        out.push(e);
                    }
                    if out.len() >= limit {
                        break;
                    }
                }
            }
        }
        Ok(out)
    }

    /// The role recorded for an OS account, if any.
    pub fn role_of(&self, user: &str) -> Result<Option<crate::domain::Role>, StoreError> {
        Ok(self
            .tables
            .roles()?
            .get(user)?
            .map(|v| crate::domain::Role::from_code(v.value())))
    }

    /// Every recorded role.
    pub fn roles(&self) -> Result<Vec<(String, crate::domain::Role)>, StoreError> {
        let mut out = Vec::new();
        for entry in self.tables.roles()?.range::<&str>(..)? {
            let (user, role) = entry?;
            out.push((
                user.value().to_string(),
                crate::domain::Role::from_code(role.value()),
            ));
        }
        Ok(out)
    }

    /// Whether `loyal demo` built this database (and may replace it).
    pub fn is_demo(&self) -> Result<bool, StoreError> {
        Ok(self
            .tables
            .meta()?
            .get(meta_keys::DEMO)?
            .is_some_and(|v| v.value() == 1))
    }

    /// How many commits the database has seen (any process); cheap to poll.
    pub fn change_counter(&self) -> Result<u64, StoreError> {
        Ok(self
            .tables
            .meta()?
            .get(meta_keys::CHANGE_COUNTER)?
            .map_or(0, |v| v.value()))
    }

    pub fn customer(&self, id: CustomerId) -> Result<Option<Customer>, StoreError> {
        get_by_id(
            self.tables.customers()?,
            follow_merges(self.tables.merged_into()?, id)?,
        )
    }

    /// The customer an external id (or the id of a file merged away) belongs to.
    pub fn resolve_external(&self, external_id: &str) -> Result<Option<CustomerId>, StoreError> {
        resolve_external(
            self.tables.customer_ext()?,
            self.tables.merged_into()?,
            external_id,
        )
    }

    /// Resolves an internal id through merges; `None` if no such customer exists.
    pub fn resolve_id(&self, id: CustomerId) -> Result<Option<CustomerId>, StoreError> {
        let id = follow_merges(self.tables.merged_into()?, id)?;
        Ok(self.tables.customers()?.get(id)?.map(|_| id))
    }

    pub fn aggregate(&self, id: CustomerId) -> Result<OrderAggregate, StoreError> {
        Ok(self
            .tables
            .aggregates()?
            .get(id)?
            .map(|v| v.value())
            .unwrap_or_default())
    }

    pub fn customer_count(&self) -> Result<u64, StoreError> {
        Ok(self.tables.customers()?.len()?)
    }

    pub fn order_count(&self) -> Result<u64, StoreError> {
        Ok(self.tables.orders()?.len()?)
    }

    pub fn followup_count(&self) -> Result<u64, StoreError> {
        Ok(self.tables.followups()?.len()?)
    }

    pub fn care_plan_count(&self) -> Result<u64, StoreError> {
        Ok(self.tables.care_plans()?.len()?)
    }

    pub fn complaint_count(&self) -> Result<u64, StoreError> {
        Ok(self.tables.complaints()?.len()?)
    }

    pub fn order(&self, order_id: &str) -> Result<Option<Order>, StoreError> {
        get_by_key(self.tables.orders()?, order_id)
    }

    pub fn followup(&self, id: &str) -> Result<Option<FollowUp>, StoreError> {
        get_by_key(self.tables.followups()?, id)
    }

    pub fn care_plan(&self, id: &str) -> Result<Option<CarePlan>, StoreError> {
        get_by_key(self.tables.care_plans()?, id)
    }

    pub fn complaint(&self, id: &str) -> Result<Option<Complaint>, StoreError> {
        get_by_key(self.tables.complaints()?, id)
    }

    /// A customer's orders, oldest first.
    pub fn orders_of(&self, customer: CustomerId) -> Result<Vec<Order>, StoreError> {
        let mut out = Vec::new();
        let range = (customer, i64::MIN, "")..=(customer, i64::MAX, MAX_CHAR_STR);
        for entry in self.tables.customer_orders()?.range(range)? {
            let (key, _) = entry?;
            if let Some(order) = self.order(key.value().2)? {
                out.push(order);
            }
        }
        Ok(out)
    }

    /// `(ordered_at, amount)` of a customer's orders, oldest first, from the index alone.
    pub fn order_points_of(
        &self,
        customer: CustomerId,
    ) -> Result<Vec<(i64, crate::domain::Money)>, StoreError> {
        let mut out = Vec::new();
        let range = (customer, i64::MIN, "")..=(customer, i64::MAX, MAX_CHAR_STR);
        for entry in self.tables.customer_orders()?.range(range)? {
            let (key, amount) = entry?;
            out.push((key.value().1, crate::domain::Money(amount.value())));
        }
        Ok(out)
    }

    pub fn followups_of(&self, customer: CustomerId) -> Result<Vec<FollowUp>, StoreError> {
        self.children_of(
            self.tables.customer_followups()?,
            self.tables.followups()?,
            customer,
        )
    }

    pub fn care_plans_of(&self, customer: CustomerId) -> Result<Vec<CarePlan>, StoreError> {
        self.children_of(
            self.tables.customer_care_plans()?,
            self.tables.care_plans()?,
            customer,
        )
    }

    pub fn complaints_of(&self, customer: CustomerId) -> Result<Vec<Complaint>, StoreError> {
        self.children_of(
            self.tables.customer_complaints()?,
            self.tables.complaints()?,
            customer,
        )
    }

    fn children_of<T: StoredRecord>(
        &self,
        index: &ReadOnlyTable<(u64, i64, &'static str), ()>,
        table: &ReadOnlyTable<&'static str, Rec<T>>,
        customer: CustomerId,
    ) -> Result<Vec<T>, StoreError> {
        let mut out = Vec::new();
        for key in child_keys(index, customer)? {
            if let Some(record) = get_by_key(table, &key)? {
                out.push(record);
            }
        }
        Ok(out)
    }

    /// Customers this customer referred.
    pub fn referrals_of(&self, referrer: CustomerId) -> Result<Vec<CustomerId>, StoreError> {
        let mut out = Vec::new();
        for entry in self
            .tables
            .referrals()?
            .range((referrer, 0)..=(referrer, u64::MAX))?
        {
            out.push(entry?.0.value().1);
        }
        Ok(out)
    }

    pub fn merge_record(&self, merged: CustomerId) -> Result<Option<MergeRecord>, StoreError> {
        get_by_id(self.tables.merges()?, merged)
    }

    /// Customers that were merged into `kept` (directly). Merges are rare: a scan is fine.
    pub fn merged_from(&self, kept: CustomerId) -> Result<Vec<CustomerId>, StoreError> {
        let mut out = Vec::new();
        for entry in self.tables.merges()?.range::<u64>(..)? {
            let (key, value) = entry?;
            let record: MergeRecord = decode(key.value(), &value.value())?;
            if record.kept == kept {
                out.push(record.merged);
            }
        }
        Ok(out)
    }

    /// A team setting stored in the database.
    pub fn setting(&self, key: &str) -> Result<Option<String>, StoreError> {
        Ok(self
            .tables
            .settings()?
            .get(key)?
            .map(|v| v.value().to_string()))
    }

    /// The team settings whose keys start with `prefix`, in key order.
    pub fn settings_starting_with(
        &self,
        prefix: &str,
    ) -> Result<Vec<(String, String)>, StoreError> {
        let mut out = Vec::new();
        for entry in self.tables.settings()?.range(prefix..)? {
            let (key, value) = entry?;
            if !key.value().starts_with(prefix) {
                break;
            }
            out.push((key.value().to_string(), value.value().to_string()));
        }
        Ok(out)
    }

    /// Customers with a phone that is the same number as `digits`.
    pub fn phone_owners(&self, digits: &str) -> Result<Vec<CustomerId>, StoreError> {
        phone_owners(self.tables.phones()?, digits)
    }

    /// Customers holding `term` as one of the `kind` fields.
    pub fn term_owners(&self, term: &str, kind: TermKind) -> Result<Vec<CustomerId>, StoreError> {
        term_owners(self.tables.terms()?, term, kind)
    }

    /// Phone entries whose digits end with `suffix`, at most `limit`.
    pub fn phones_ending_with(
        &self,
        suffix: &str,
        limit: usize,
    ) -> Result<Vec<PhoneHit>, StoreError> {
        phones_ending_with(self.tables.phones()?, suffix, limit)
    }

    /// Term entries starting with `prefix` (exact ones first, as the index is sorted), at most
    /// `limit`.
    pub fn terms_starting_with(
        &self,
        prefix: &str,
        limit: usize,
    ) -> Result<Vec<TermHit>, StoreError> {
        let high = format!("{prefix}{MAX_CHAR}");
        let mut out = Vec::new();
        for entry in self
            .tables
            .terms()?
            .range((prefix, 0)..=(high.as_str(), u64::MAX))?
        {
            let (key, kind) = entry?;
            let (term, customer) = key.value();
            out.push(TermHit {
                term: term.to_string(),
                customer,
                kind: TermKind(kind.value()),
            });
            if out.len() >= limit {
                break;
            }
        }
        Ok(out)
    }

    /// Term entries equal to `term`, at most `limit`.
    pub fn terms_equal_to(&self, term: &str, limit: usize) -> Result<Vec<TermHit>, StoreError> {
        let mut out = Vec::new();
        for entry in self.tables.terms()?.range((term, 0)..=(term, u64::MAX))? {
            let (key, kind) = entry?;
            out.push(TermHit {
                term: term.to_string(),
                customer: key.value().1,
                kind: TermKind(kind.value()),
            });
            if out.len() >= limit {
                break;
            }
        }
        Ok(out)
    }

    /// Indexed fuzzy tokens that share a one-deletion variant with the query word, given the
    /// query's variants (itself first). Unverified: the caller measures the real distance.
    pub fn fuzzy_candidates(&self, variants: &[String]) -> Result<Vec<String>, StoreError> {
        let mut out: Vec<String> = Vec::new();
        for variant in variants {
            if self.tables.tokens()?.get(variant.as_str())?.is_some() && !out.contains(variant) {
                out.push(variant.clone());
            }
            let v = variant.as_str();
            for entry in self
                .tables
                .token_deletes()?
                .range((v, "")..=(v, MAX_CHAR_STR))?
            {
                let token = entry?.0.value().1.to_string();
                if !out.contains(&token) {
                    out.push(token);
                }
                if out.len() > 512 {
                    return Ok(out);
                }
            }
        }
        Ok(out)
    }

    /// Every customer, in id order.
    pub fn customers(
        &self,
    ) -> Result<impl Iterator<Item = Result<Customer, StoreError>>, StoreError> {
        Ok(self.tables.customers()?.range::<u64>(..)?.map(|entry| {
            let (key, value) = entry?;
            decode(key.value(), &value.value())
        }))
    }

    /// Customers with id greater than `after`, at most `limit`, in id order (for paging).
    pub fn customers_after(
        &self,
        after: Option<CustomerId>,
        limit: usize,
    ) -> Result<Vec<Customer>, StoreError> {
        let start = after.map_or(0, |a| a.saturating_add(1));
        let mut out = Vec::with_capacity(limit.min(4096));
        for entry in self.tables.customers()?.range(start..)?.take(limit) {
            let (key, value) = entry?;
            out.push(decode(key.value(), &value.value())?);
        }
        Ok(out)
    }

    /// Every `(customer, aggregate)` with at least one order.
    pub fn aggregates(
        &self,
    ) -> Result<impl Iterator<Item = Result<(CustomerId, OrderAggregate), StoreError>>, StoreError>
    {
        Ok(self.tables.aggregates()?.range::<u64>(..)?.map(|entry| {
            let (key, value) = entry?;
            Ok((key.value(), value.value()))
        }))
    }

    /// Every customer (all of them, in id order) with its (follow-ups, complaints) counts.
    pub fn contact_counts(
        &self,
    ) -> Result<impl Iterator<Item = Result<(CustomerId, ContactCounts), StoreError>>, StoreError>
    {
        Ok(self
            .tables
            .customer_stats()?
            .range::<u64>(..)?
            .map(|entry| {
                let (key, value) = entry?;
                Ok((key.value(), value.value()))
            }))
    }

    /// `(customer, ordered_at, amount)` of every order, by customer then time, from the order
    /// index alone (no order records are read).
    pub fn order_points(
        &self,
    ) -> Result<impl Iterator<Item = Result<(CustomerId, i64, Money), StoreError>>, StoreError>
    {
        Ok(self
            .tables
            .customer_orders()?
            .range::<(u64, i64, &str)>(..)?
            .map(|entry| {
                let (key, amount) = entry?;
                let (customer, at, _) = key.value();
                Ok((customer, at, Money(amount.value())))
            }))
    }

    /// `(customer, time)` of every follow-up (`complaints == false`) or complaint, by customer.
    pub fn contact_points(
        &self,
        complaints: bool,
    ) -> Result<impl Iterator<Item = Result<(CustomerId, i64), StoreError>>, StoreError> {
        let index = if complaints {
            self.tables.customer_complaints()?
        } else {
            self.tables.customer_followups()?
        };
        Ok(index.range::<(u64, i64, &str)>(..)?.map(|entry| {
            let (key, _) = entry?;
            let (customer, at, _) = key.value();
            Ok((customer, at))
        }))
    }

    pub fn orders(&self) -> Result<impl Iterator<Item = Result<Order, StoreError>>, StoreError> {
        scan(self.tables.orders()?)
    }

    pub fn followups(
        &self,
    ) -> Result<impl Iterator<Item = Result<FollowUp, StoreError>>, StoreError> {
        scan(self.tables.followups()?)
    }

    pub fn care_plans(
        &self,
    ) -> Result<impl Iterator<Item = Result<CarePlan, StoreError>>, StoreError> {
        scan(self.tables.care_plans()?)
    }

    pub fn complaints(
        &self,
    ) -> Result<impl Iterator<Item = Result<Complaint, StoreError>>, StoreError> {
        scan(self.tables.complaints()?)
    }

    /// Every `(referrer, referred)` pair.
    pub fn referral_pairs(
        &self,
    ) -> Result<impl Iterator<Item = Result<(CustomerId, CustomerId), StoreError>>, StoreError>
    {
        Ok(self
            .tables
            .referrals()?
            .range::<(u64, u64)>(..)?
            .map(|entry| Ok(entry?.0.value())))
    }
}

fn scan<T: StoredRecord>(
    table: &ReadOnlyTable<&'static str, Rec<T>>,
) -> Result<impl Iterator<Item = Result<T, StoreError>> + use<T>, StoreError> {
    Ok(table.range::<&str>(..)?.map(|entry| {
        let (key, value) = entry?;
        decode(key.value(), &value.value())
    }))
}
