//! Record layouts of earlier schema versions, kept only so migrations can read them.

use super::codec::{Rec, StoredRecord};
use super::schema::{CARE_PLANS, MigrationError};
use crate::domain::{CarePlan, CarePurpose, CustomerId, Millis, PlanStatus, Recurrence};
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

/// Rewrites the care plans table in the current layout; a recurring plan's series starts at
/// its current due date (the best that is known). Nothing to do if it is already current.
pub(super) fn upgrade_care_plans(txn: &redb::WriteTransaction) -> Result<(), MigrationError> {
    let old_plans: Vec<CarePlanV1> = match txn.open_table(CARE_PLANS_V1) {
        Ok(table) => {
            let mut plans = Vec::new();
            for entry in table.range::<&str>(..)? {
                let (key, value) = entry?;
                let plan = value
                    .value()
                    .decode()
                    .map_err(|e| MigrationError::Record(key.value().to_string(), e))?;
                plans.push(plan);
            }
            plans
        }
        Err(TableError::TableTypeMismatch { .. }) => return Ok(()),
        Err(e) => return Err(e.into()),
    };
    txn.delete_table(CARE_PLANS_V1)?;
    let mut table = txn.open_table(CARE_PLANS)?;
    for old in old_plans {
        let plan = CarePlan {
            series_start: old.recurrence.map(|_| old.due),
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
        table.insert(
            plan.id.as_str(),
            super::codec::Encoded::encode(&plan)
                .map_err(|e| MigrationError::Record(plan.id.clone(), e))?,
        )?;
    }
    Ok(())
}

/// Writes care plans in the version-1 layout: only for the migration test.
#[doc(hidden)]
pub(super) fn downgrade_care_plans(txn: &redb::WriteTransaction) -> Result<(), MigrationError> {
    let plans: Vec<CarePlan> = {
        let table = txn.open_table(CARE_PLANS)?;
        let mut plans = Vec::new();
        for entry in table.range::<&str>(..)? {
            let (key, value) = entry?;
            plans.push(
                value
                    .value()
                    .decode()
                    .map_err(|e| MigrationError::Record(key.value().to_string(), e))?,
            );
        }
        plans
    };
    txn.delete_table(CARE_PLANS)?;
    let mut table = txn.open_table(CARE_PLANS_V1)?;
    for p in plans {
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
        table.insert(
            old.id.as_str(),
            super::codec::Encoded::encode(&old)
                .map_err(|e| MigrationError::Record(old.id.clone(), e))?,
        )?;
    }
    Ok(())
}
