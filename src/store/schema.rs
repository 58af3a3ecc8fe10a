//! Every redb table of a `loyal` database, the schema version, and migrations between versions.

use super::codec::{AggregateValue, Rec};
use crate::domain::{CarePlan, Complaint, Customer, FollowUp, MergeRecord, Order};
use redb::TableDefinition;

/// The layout this build writes. Bump it, and add a step to [`migrate`], when a table or a
/// record type name changes.
pub const SCHEMA_VERSION: u64 = 15;

/// The oldest version whose tables and records this build reads as they are (12 changed the
/// complaint layout; 13 only added a table, which a reader does without): such a file can be
/// opened read-only without being upgraded first.
pub const SAME_LAYOUT_SINCE: u64 = 12;

/// OS account -> role code (viewer 0, agent 1, admin 2).
pub const ROLES: TableDefinition<&str, u8> = TableDefinition::new("roles");
/// The audit trail, by sequence number (append-only).
pub const AUDIT: TableDefinition<u64, Rec<crate::domain::AuditEntry>> =
    TableDefinition::new("audit");
/// (customer, sequence number) of audit entries that concern one customer.
pub const AUDIT_BY_CUSTOMER: TableDefinition<(u64, u64), ()> =
    TableDefinition::new("audit_by_customer");

/// Counters and markers: `schema_version`, `next.customer`, `change_counter`, ...
/// Import runs by id (the journal).
pub const IMPORTS: TableDefinition<u64, Rec<crate::domain::ImportRecord>> =
    TableDefinition::new("imports");
/// What each import changed: `(import id, sequence)` -> the state before.
pub const IMPORT_UNDO: TableDefinition<(u64, u64), Rec<crate::domain::UndoEntry>> =
    TableDefinition::new("import_undo");

pub const META: TableDefinition<&str, u64> = TableDefinition::new("meta");
/// Team-wide settings (SLA hours, margin rate, churn days ...), as text.
pub const SETTINGS: TableDefinition<&str, &str> = TableDefinition::new("settings");

pub const CUSTOMERS: TableDefinition<u64, Rec<Customer>> = TableDefinition::new("customers");
/// External id (and ids of merged files) -> customer id.
pub const CUSTOMER_EXT: TableDefinition<&str, u64> = TableDefinition::new("customer_external_ids");
/// Merged customer id -> the id it was folded into.
pub const MERGED_INTO: TableDefinition<u64, u64> = TableDefinition::new("merged_into");
pub const MERGES: TableDefinition<u64, Rec<MergeRecord>> = TableDefinition::new("merges");
/// Every customer -> (follow-ups, complaints): kept current as they are written, so scoring as of
/// today reads one small table instead of counting (added in schema version 2).
pub const CUSTOMER_STATS: TableDefinition<u64, (u32, u32)> =
    TableDefinition::new("customer_contact_counts");
pub const AGGREGATES: TableDefinition<u64, AggregateValue> =
    TableDefinition::new("order_aggregates");
/// (referrer, referred customer).
pub const REFERRALS: TableDefinition<(u64, u64), ()> = TableDefinition::new("referrals");

/// (reversed phone digits, customer): a suffix lookup is a prefix range.
pub const PHONES: TableDefinition<(&str, u64), ()> = TableDefinition::new("index_phones");
/// (folded term, customer) -> term kind bits.
pub const TERMS: TableDefinition<(&str, u64), u8> = TableDefinition::new("index_terms");
/// Distinct fuzzy tokens -> how many customers use them.
pub const TOKENS: TableDefinition<&str, u64> = TableDefinition::new("index_fuzzy_tokens");
/// (one-deletion variant, token).
pub const TOKEN_DELETES: TableDefinition<(&str, &str), ()> =
    TableDefinition::new("index_fuzzy_deletes");

pub const ORDERS: TableDefinition<&str, Rec<Order>> = TableDefinition::new("orders");
/// (customer, ordered at, order id) -> amount in minor units.
pub const CUSTOMER_ORDERS: TableDefinition<(u64, i64, &str), i64> =
    TableDefinition::new("customer_orders");

pub const FOLLOWUPS: TableDefinition<&str, Rec<FollowUp>> = TableDefinition::new("followups");
pub const CUSTOMER_FOLLOWUPS: TableDefinition<(u64, i64, &str), ()> =
    TableDefinition::new("customer_followups");
pub const CARE_PLANS: TableDefinition<&str, Rec<CarePlan>> = TableDefinition::new("care_plans");
pub const CUSTOMER_CARE_PLANS: TableDefinition<(u64, i64, &str), ()> =
    TableDefinition::new("customer_care_plans");
pub const COMPLAINTS: TableDefinition<&str, Rec<Complaint>> = TableDefinition::new("complaints");
pub const CUSTOMER_COMPLAINTS: TableDefinition<(u64, i64, &str), ()> =
    TableDefinition::new("customer_complaints");
/// The QA library: canned answers by id (added in schema version 11).
/// Customer -> the influence staff noted (opinion leaders), for the few who carry one.
pub const INFLUENCE: TableDefinition<u64, Rec<crate::domain::Influence>> =
    TableDefinition::new("influence");
pub const ANSWERS: TableDefinition<&str, Rec<crate::domain::Answer>> =
    TableDefinition::new("answers");
/// Points movements staff recorded (grants, redemptions), by id...
pub const POINTS: TableDefinition<&str, Rec<crate::domain::PointsEntry>> =
    TableDefinition::new("points");
/// ...and by (customer, time, id).
pub const CUSTOMER_POINTS: TableDefinition<(u64, i64, &str), ()> =
    TableDefinition::new("customer_points");
/// The change log: (change counter, customer id) for the customers each commit touched.
pub const CHANGED: TableDefinition<(u64, u64), ()> = TableDefinition::new("changed_customers");

/// Keys of [`META`].
pub mod meta_keys {
    pub const SCHEMA_VERSION: &str = "schema_version";
    pub const CHANGE_COUNTER: &str = "change_counter";
    pub const NEXT_CUSTOMER: &str = "next.customer";
    pub const NEXT_FOLLOWUP: &str = "next.followup";
    pub const NEXT_CARE_PLAN: &str = "next.care_plan";
    pub const NEXT_COMPLAINT: &str = "next.complaint";
    pub const NEXT_AUDIT: &str = "next.audit";
    pub const NEXT_IMPORT: &str = "next.import";
    pub const NEXT_POINTS: &str = "next.points";
    /// The latest time (ms) of any follow-up or complaint, stored as `u64` of the i64 bits.
    pub const LATEST_CONTACT: &str = "latest.contact_at";
    /// Set (to 1) in databases built by `loyal demo`, which may be replaced without asking.
    pub const DEMO: &str = "demo";
    /// The change counter from which the change log is complete (see `store::changes`).
    pub const CHANGES_FLOOR: &str = "changes.floor";
}

/// Creates every table that does not exist yet (all of them in a new file).
pub fn create_tables(txn: &redb::WriteTransaction) -> Result<(), redb::Error> {
    txn.open_table(META)?;
    txn.open_table(SETTINGS)?;
    txn.open_table(CUSTOMERS)?;
    txn.open_table(CUSTOMER_EXT)?;
    txn.open_table(MERGED_INTO)?;
    txn.open_table(MERGES)?;
    txn.open_table(AGGREGATES)?;
    txn.open_table(CUSTOMER_STATS)?;
    txn.open_table(REFERRALS)?;
    txn.open_table(PHONES)?;
    txn.open_table(TERMS)?;
    txn.open_table(TOKENS)?;
    txn.open_table(TOKEN_DELETES)?;
    txn.open_table(ORDERS)?;
    txn.open_table(CUSTOMER_ORDERS)?;
    txn.open_table(FOLLOWUPS)?;
    txn.open_table(CUSTOMER_FOLLOWUPS)?;
    txn.open_table(CARE_PLANS)?;
    txn.open_table(CUSTOMER_CARE_PLANS)?;
    txn.open_table(COMPLAINTS)?;
    txn.open_table(CUSTOMER_COMPLAINTS)?;
    txn.open_table(AUDIT)?;
    txn.open_table(AUDIT_BY_CUSTOMER)?;
    txn.open_table(ROLES)?;
    txn.open_table(IMPORTS)?;
    txn.open_table(IMPORT_UNDO)?;
    txn.open_table(CHANGED)?;
    txn.open_table(ANSWERS)?;
    txn.open_table(INFLUENCE)?;
    txn.open_table(POINTS)?;
    txn.open_table(CUSTOMER_POINTS)?;
    Ok(())
}

/// Brings a database written at `from` up to [`SCHEMA_VERSION`], inside the caller's
/// transaction. Each layout change adds one step here:
/// - 0 -> 1: the first layout (a file without a version only needs its tables created);
/// - 1 -> 2: per-customer contact counts, filled from the follow-up and complaint indexes;
/// - 2 -> 3: name terms gained the family-name-first form: every customer's terms are added
///   again (existing entries are left as they are);
/// - 3 -> 4: care plans record where a recurring series starts (`loyal::CarePlan@2`);
/// - 4 -> 5: complaints record the severity they were opened with (`loyal::Complaint@2`);
/// - 5 -> 6: the audit trail (new tables only);
/// - 6 -> 7: roles (a new table; whoever runs `loyal init` on the file first becomes admin);
/// - 7 -> 8: the import journal and undo log (new tables only);
/// - 8 -> 9: an import run can be `rolling_back` (a new `ImportState` value, added last, so
///   stored records read as before; no data changes, but a build at 8 cannot read it);
/// - 9 -> 10: the change log (a new table; complete from the current change counter on);
/// - 10 -> 11: the QA library of canned answers (a new table only);
/// - 11 -> 12: complaints record the team they were routed to (`loyal::Complaint@3`);
/// - 12 -> 13: the influence of opinion-leader customers (a new table only);
/// - 13 -> 14: a care plan can be for a win-back call (a new `CarePurpose` value, added last,
///   so stored records read as before; no data changes, but a build at 13 cannot read it);
/// - 14 -> 15: the points ledger's recorded movements (new tables only).
pub fn migrate(txn: &redb::WriteTransaction, from: u64) -> Result<(), MigrationError> {
    if (1..4).contains(&from) {
        super::legacy::upgrade_care_plans(txn)?;
    }
    if (1..12).contains(&from) {
        super::legacy::upgrade_complaints(txn)?;
    }
    create_tables(txn)?;
    if from < 2 {
        backfill_contact_counts(txn)?;
    }
    if from < 3 {
        add_search_terms(txn)?;
    }
    if from < 10 {
        use redb::ReadableTable;
        let mut meta = txn.open_table(META)?;
        let counter = meta
            .get(meta_keys::CHANGE_COUNTER)?
            .map_or(0, |v| v.value());
        meta.insert(meta_keys::CHANGES_FLOOR, counter)?;
    }
    Ok(())
}

/// Why a migration could not finish.
#[derive(Debug, thiserror::Error)]
pub enum MigrationError {
    #[error(transparent)]
    Redb(#[from] redb::Error),
    #[error("{}", t!("store-record-unreadable", record = .0, reason = .1.to_string()))]
    Record(String, postcard::Error),
}

macro_rules! migration_from_redb {
    ($($ty:ty),+) => {
        $(impl From<$ty> for MigrationError {
            fn from(e: $ty) -> Self {
                MigrationError::Redb(e.into())
            }
        })+
    };
}
migration_from_redb!(redb::TableError, redb::StorageError, redb::CommitError);

fn add_search_terms(txn: &redb::WriteTransaction) -> Result<(), MigrationError> {
    use redb::ReadableTable;
    let customers = txn.open_table(CUSTOMERS)?;
    let mut terms = txn.open_table(TERMS)?;
    for entry in customers.range::<u64>(..)? {
        let (key, value) = entry?;
        let id = key.value();
        let customer = value
            .value()
            .decode()
            .map_err(|e| MigrationError::Record(id.to_string(), e))?;
        for (term, kind) in crate::search::customer_terms(&customer) {
            let existing = terms.get((term.as_str(), id))?.map_or(0, |v| v.value());
            terms.insert((term.as_str(), id), existing | kind.0)?;
        }
    }
    Ok(())
}

fn backfill_contact_counts(txn: &redb::WriteTransaction) -> Result<(), MigrationError> {
    use redb::ReadableTable;
    let mut counts: std::collections::BTreeMap<u64, (u32, u32)> = std::collections::BTreeMap::new();
    for entry in txn.open_table(CUSTOMERS)?.range::<u64>(..)? {
        counts.insert(entry?.0.value(), (0, 0));
    }
    let mut latest: Option<i64> = None;
    for (index, is_complaint) in [(CUSTOMER_FOLLOWUPS, false), (CUSTOMER_COMPLAINTS, true)] {
        for entry in txn.open_table(index)?.range::<(u64, i64, &str)>(..)? {
            let (customer, at, _) = entry?.0.value();
            let slot = counts.entry(customer).or_default();
            if is_complaint {
                slot.1 += 1;
            } else {
                slot.0 += 1;
            }
            latest = latest.max(Some(at));
        }
    }
    let mut stats = txn.open_table(CUSTOMER_STATS)?;
    for (customer, value) in counts {
        stats.insert(customer, value)?;
    }
    if let Some(latest) = latest {
        txn.open_table(META)?
            .insert(meta_keys::LATEST_CONTACT, latest as u64)?;
    }
    Ok(())
}
