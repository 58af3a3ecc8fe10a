//! Record layouts of earlier schema versions, kept only so migrations can read them.

use super::codec::{Encoded, Rec, StoredRecord};
use super::schema::{CARE_PLANS, COMPLAINTS, CUSTOMERS, MigrationError};
use crate::domain::{
    CarePlan, CarePurpose, Channel, Complaint, ComplaintEvent, ComplaintEventKind, ComplaintStatus,
    CustomerId, Millis, PlanStatus, Recurrence, RootCause, Severity,
};
use chrono::{NaiveDate, NaiveTime};
use redb::{ReadableTable, TableDefinition, TableError};
use serde::{Deserialize, Serialize};

/// A care plan as schema versions 1 to 3 stored it (no series start).
#[derive(Debug, Clone, Serialize, Deserialize)]
struct CarePlanV1 {
    id: String,
    customer: CustomerId,
    due: NaiveDate,
    due_time: Option<NaiveTime>,
    purpose: CarePurpose,
    assignee: Option<String>,
    note: String,
    status: PlanStatus,
    recurrence: Option<Recurrence>,
    created_at: Millis,
    completed_at: Option<Millis>,
}

impl StoredRecord for CarePlanV1 {
    const TYPE_NAME: &'static str = "loyal::CarePlan@1";
}

const CARE_PLANS_V1: TableDefinition<&str, Rec<CarePlanV1>> = TableDefinition::new("care_plans");

/// Every record of a table, decoded (a record that cannot be read stops the migration).
fn read_all<T: StoredRecord>(
    table: &impl ReadableTable<&'static str, Rec<T>>,
) -> Result<Vec<T>, MigrationError> {
    let mut all = Vec::new();
    for entry in table.range::<&str>(..)? {
        let (key, value) = entry?;
        all.push(
            value
                .value()
                .decode()
                .map_err(|e| MigrationError::Record(key.value().to_string(), e))?,
        );
    }
    Ok(all)
}

/// Writes records into a table under their keys.
fn write_all<T: StoredRecord>(
    table: &mut redb::Table<'_, &'static str, Rec<T>>,
    records: impl IntoIterator<Item = (String, T)>,
) -> Result<(), MigrationError> {
    for (key, record) in records {
        let encoded =
            Encoded::encode(&record).map_err(|e| MigrationError::Record(key.clone(), e))?;
        table.insert(key.as_str(), encoded)?;
    }
    Ok(())
}

/// Rewrites the care plans table in the current layout; a recurring plan's series starts at
/// its current due date (the best that is known). Nothing to do if it is already current.
pub(super) fn upgrade_care_plans(txn: &redb::WriteTransaction) -> Result<(), MigrationError> {
    let old_plans: Vec<CarePlanV1> = match txn.open_table(CARE_PLANS_V1) {
        Ok(table) => read_all(&table)?,
        Err(TableError::TableTypeMismatch { .. }) => return Ok(()),
        Err(e) => return Err(e.into()),
    };
    txn.delete_table(CARE_PLANS_V1)?;
    let customers = txn.open_table(CUSTOMERS)?;
    let mut plans = Vec::with_capacity(old_plans.len());
    for old in old_plans {
        // A birthday series starts on the birth date (so Feb 29 comes back in leap years);
        // any other series at the plan's due date, the best that is known.
        let birthday = match (old.purpose, customers.get(old.customer)?) {
            (CarePurpose::Birthday, Some(c)) => c
                .value()
                .decode()
                .ok()
                .and_then(|c: crate::domain::Customer| c.birthday),
            _ => None,
        };
        let plan = CarePlan {
            series_start: old.recurrence.map(|_| birthday.unwrap_or(old.due)),
            id: old.id,
            customer: old.customer,
            due: old.due,
            due_time: old.due_time,
            purpose: old.purpose,
            assignee: old.assignee,
            note: old.note,
            status: old.status,
            recurrence: old.recurrence,
            created_at: old.created_at,
            completed_at: old.completed_at,
        };
        plans.push((plan.id.clone(), plan));
    }
    write_all(&mut txn.open_table(CARE_PLANS)?, plans)
}

/// Writes care plans in the version-1 layout: only for the migration test.
#[cfg(feature = "test-support")]
pub(super) fn downgrade_care_plans(txn: &redb::WriteTransaction) -> Result<(), MigrationError> {
    let plans: Vec<CarePlan> = read_all(&txn.open_table(CARE_PLANS)?)?;
    txn.delete_table(CARE_PLANS)?;
    let old = plans.into_iter().map(|p| {
        let old = CarePlanV1 {
            id: p.id,
            customer: p.customer,
            due: p.due,
            due_time: p.due_time,
            purpose: p.purpose,
            assignee: p.assignee,
            note: p.note,
            status: p.status,
            recurrence: p.recurrence,
            created_at: p.created_at,
            completed_at: p.completed_at,
        };
        (old.id.clone(), old)
    });
    write_all(&mut txn.open_table(CARE_PLANS_V1)?, old)
}

/// A complaint as schema versions 1 to 4 stored it (no opened severity).
#[derive(Debug, Clone, Serialize, Deserialize)]
struct ComplaintV1 {
    id: String,
    customer: CustomerId,
    opened_at: Millis,
    channel: Channel,
    category: String,
    severity: Severity,
    description: String,
    assignee: Option<String>,
    status: ComplaintStatus,
    contacts: u32,
    escalated: bool,
    first_response_at: Option<Millis>,
    resolved_at: Option<Millis>,
    closed_at: Option<Millis>,
    response_breached: bool,
    resolution_breached: bool,
    root_cause: Option<RootCause>,
    history: Vec<ComplaintEvent>,
    version: u64,
}

impl StoredRecord for ComplaintV1 {
    const TYPE_NAME: &'static str = "loyal::Complaint@1";
}

const COMPLAINTS_V1: TableDefinition<&str, Rec<ComplaintV1>> = TableDefinition::new("complaints");

/// The severity a complaint had when opened: the `from` of its escalation event
/// (`... severity high -> urgent`), else its current severity.
fn opened_severity(old: &ComplaintV1) -> Severity {
    old.history
        .iter()
        .find(|e| e.kind == ComplaintEventKind::Escalated)
        .and_then(|e| {
            e.text
                .rsplit_once("severity ")?
                .1
                .split_once(" -> ")?
                .0
                .parse()
                .ok()
        })
        .unwrap_or(old.severity)
}

/// A complaint as schema versions 5 to 11 stored it (no team).
#[derive(Debug, Clone, Serialize, Deserialize)]
struct ComplaintV2 {
    id: String,
    customer: CustomerId,
    opened_at: Millis,
    channel: Channel,
    category: String,
    severity: Severity,
    opened_severity: Severity,
    description: String,
    assignee: Option<String>,
    status: ComplaintStatus,
    contacts: u32,
    escalated: bool,
    first_response_at: Option<Millis>,
    resolved_at: Option<Millis>,
    closed_at: Option<Millis>,
    response_breached: bool,
    resolution_breached: bool,
    root_cause: Option<RootCause>,
    history: Vec<ComplaintEvent>,
    version: u64,
}

impl StoredRecord for ComplaintV2 {
    const TYPE_NAME: &'static str = "loyal::Complaint@2";
}

const COMPLAINTS_V2: TableDefinition<&str, Rec<ComplaintV2>> = TableDefinition::new("complaints");

impl From<ComplaintV1> for ComplaintV2 {
    fn from(c: ComplaintV1) -> Self {
        ComplaintV2 {
            opened_severity: opened_severity(&c),
            id: c.id,
            customer: c.customer,
            opened_at: c.opened_at,
            channel: c.channel,
            category: c.category,
            severity: c.severity,
            description: c.description,
            assignee: c.assignee,
            status: c.status,
            contacts: c.contacts,
            escalated: c.escalated,
            first_response_at: c.first_response_at,
            resolved_at: c.resolved_at,
            closed_at: c.closed_at,
            response_breached: c.response_breached,
            resolution_breached: c.resolution_breached,
            root_cause: c.root_cause,
            history: c.history,
            version: c.version,
        }
    }
}

impl From<ComplaintV2> for Complaint {
    fn from(c: ComplaintV2) -> Self {
        Complaint {
            id: c.id,
            customer: c.customer,
            opened_at: c.opened_at,
            channel: c.channel,
            category: c.category,
            severity: c.severity,
            opened_severity: c.opened_severity,
            description: c.description,
            assignee: c.assignee,
            team: None,
            status: c.status,
            contacts: c.contacts,
            escalated: c.escalated,
            first_response_at: c.first_response_at,
            resolved_at: c.resolved_at,
            closed_at: c.closed_at,
            response_breached: c.response_breached,
            resolution_breached: c.resolution_breached,
            root_cause: c.root_cause,
            history: c.history,
            version: c.version,
        }
    }
}

/// Rewrites the complaints table in the current layout: the opened severity for a version-1
/// record, no team for both earlier layouts (nothing to do if already current).
pub(super) fn upgrade_complaints(txn: &redb::WriteTransaction) -> Result<(), MigrationError> {
    let old: Vec<ComplaintV2> = match txn.open_table(COMPLAINTS_V1) {
        Ok(table) => {
            let v1 = read_all(&table)?;
            drop(table);
            txn.delete_table(COMPLAINTS_V1)?;
            v1.into_iter().map(ComplaintV2::from).collect()
        }
        Err(TableError::TableTypeMismatch { .. }) => match txn.open_table(COMPLAINTS_V2) {
            Ok(table) => {
                let v2 = read_all(&table)?;
                drop(table);
                txn.delete_table(COMPLAINTS_V2)?;
                v2
            }
            Err(TableError::TableTypeMismatch { .. }) => return Ok(()),
            Err(e) => return Err(e.into()),
        },
        Err(e) => return Err(e.into()),
    };
    let current = old.into_iter().map(|c| {
        let complaint = Complaint::from(c);
        (complaint.id.clone(), complaint)
    });
    write_all(&mut txn.open_table(COMPLAINTS)?, current)
}

/// Writes complaints in the version-1 layout: only for the migration test.
#[cfg(feature = "test-support")]
pub(super) fn downgrade_complaints(txn: &redb::WriteTransaction) -> Result<(), MigrationError> {
    let all: Vec<Complaint> = read_all(&txn.open_table(COMPLAINTS)?)?;
    txn.delete_table(COMPLAINTS)?;
    let old = all.into_iter().map(|c| {
        let old = ComplaintV1 {
            id: c.id,
            customer: c.customer,
            opened_at: c.opened_at,
            channel: c.channel,
            category: c.category,
            severity: c.severity,
            description: c.description,
            assignee: c.assignee,
            status: c.status,
            contacts: c.contacts,
            escalated: c.escalated,
            first_response_at: c.first_response_at,
            resolved_at: c.resolved_at,
            closed_at: c.closed_at,
            response_breached: c.response_breached,
            resolution_breached: c.resolution_breached,
            root_cause: c.root_cause,
            history: c.history,
            version: c.version,
        };
        (old.id.clone(), old)
    });
    write_all(&mut txn.open_table(COMPLAINTS_V1)?, old)
}

/// Writes complaints in the version-2 layout (schema 5 to 11, no team): only for the
/// migration test.
#[cfg(feature = "test-support")]
pub(super) fn downgrade_complaints_to_v2(
    txn: &redb::WriteTransaction,
) -> Result<(), MigrationError> {
    let all: Vec<Complaint> = read_all(&txn.open_table(COMPLAINTS)?)?;
    txn.delete_table(COMPLAINTS)?;
    let old = all.into_iter().map(|c| {
        let old = ComplaintV2 {
            id: c.id,
            customer: c.customer,
            opened_at: c.opened_at,
            channel: c.channel,
            category: c.category,
            severity: c.severity,
            opened_severity: c.opened_severity,
            description: c.description,
            assignee: c.assignee,
            status: c.status,
            contacts: c.contacts,
            escalated: c.escalated,
            first_response_at: c.first_response_at,
            resolved_at: c.resolved_at,
            closed_at: c.closed_at,
            response_breached: c.response_breached,
            resolution_breached: c.resolution_breached,
            root_cause: c.root_cause,
            history: c.history,
            version: c.version,
        };
        (old.id.clone(), old)
    });
    write_all(&mut txn.open_table(COMPLAINTS_V2)?, old)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_opened_severity_comes_from_the_escalation_event() {
        let event = |text: &str| ComplaintEvent {
            at: 0,
            staff: String::new(),
            kind: ComplaintEventKind::Escalated,
            text: text.into(),
        };
        let old = ComplaintV1 {
            id: "CM-1".into(),
            customer: 1,
            opened_at: 0,
            channel: Channel::Phone,
            category: String::new(),
            severity: Severity::Urgent,
            description: String::new(),
            assignee: None,
            status: ComplaintStatus::New,
            contacts: 5,
            escalated: true,
            first_response_at: None,
            resolved_at: None,
            closed_at: None,
            response_breached: false,
            resolution_breached: false,
            root_cause: None,
            history: vec![event("5 contacts without a fix: severity high -> urgent")],
            version: 1,
        };
        assert_eq!(opened_severity(&old), Severity::High);
        let plain = ComplaintV1 {
            history: Vec::new(),
            ..old
        };
        assert_eq!(opened_severity(&plain), Severity::Urgent);
    }
}
