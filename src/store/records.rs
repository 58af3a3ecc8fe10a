//! Follow-ups, care plans and complaints: records that belong to one customer, stored by id with
//! a per-customer time index for timelines and merges.

use super::codec::{Encoded, Rec, StoredRecord};
use super::error::StoreError;
use super::reader;
use super::writer::Writer;
use crate::domain::{CarePlan, Complaint, CustomerId, FollowUp, Millis};
use redb::Table;

/// What an upsert did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    Created,
    Updated,
    Unchanged,
}

/// A record owned by one customer, indexed by (customer, time, id).
pub trait ChildRecord: StoredRecord + Clone + PartialEq {
    fn id(&self) -> &str;
    fn customer(&self) -> CustomerId;
    fn set_customer(&mut self, customer: CustomerId);
    /// The time the record sorts by in a customer's timeline.
    fn sort_time(&self) -> Millis;
}

fn date_millis(date: chrono::NaiveDate) -> Millis {
    date.and_hms_opt(0, 0, 0)
        .map_or(0, |t| t.and_utc().timestamp_millis())
}

impl ChildRecord for FollowUp {
    fn id(&self) -> &str {
        &self.id
    }
    fn customer(&self) -> CustomerId {
        self.customer
    }
    fn set_customer(&mut self, customer: CustomerId) {
        self.customer = customer;
    }
    fn sort_time(&self) -> Millis {
        self.at
    }
}

impl ChildRecord for CarePlan {
    fn id(&self) -> &str {
        &self.id
    }
    fn customer(&self) -> CustomerId {
        self.customer
    }
    fn set_customer(&mut self, customer: CustomerId) {
        self.customer = customer;
    }
    fn sort_time(&self) -> Millis {
        date_millis(self.due)
    }
}

impl ChildRecord for Complaint {
    fn id(&self) -> &str {
        &self.id
    }
    fn customer(&self) -> CustomerId {
        self.customer
    }
    fn set_customer(&mut self, customer: CustomerId) {
        self.customer = customer;
    }
    fn sort_time(&self) -> Millis {
        self.opened_at
    }
}

type Index<'t> = Table<'t, (u64, i64, &'static str), ()>;

fn upsert<T: ChildRecord>(
    table: &mut Table<'_, &'static str, Rec<T>>,
    index: &mut Index<'_>,
    record: &T,
) -> Result<Change, StoreError> {
    let old: Option<T> = reader::get_by_key(table, record.id())?;
    if old.as_ref() == Some(record) {
        return Ok(Change::Unchanged);
    }
    if let Some(old) = &old {
        index.remove((old.customer(), old.sort_time(), old.id()))?;
    }
    index.insert((record.customer(), record.sort_time(), record.id()), ())?;
    table.insert(record.id(), Encoded::encode(record)?)?;
    Ok(if old.is_some() {
        Change::Updated
    } else {
        Change::Created
    })
}

/// Re-points every record of `from` to `to`; returns how many moved.
fn move_all<T: ChildRecord>(
    table: &mut Table<'_, &'static str, Rec<T>>,
    index: &mut Index<'_>,
    from: CustomerId,
    to: CustomerId,
) -> Result<u64, StoreError> {
    let keys = reader::child_keys(index, from)?;
    for key in &keys {
        if let Some(mut record) = reader::get_by_key::<T>(table, key)? {
            record.set_customer(to);
            upsert(table, index, &record)?;
        }
    }
    Ok(keys.len() as u64)
}

impl Writer<'_> {
    pub fn followup(&self, id: &str) -> Result<Option<FollowUp>, StoreError> {
        reader::get_by_key(&self.followups, id)
    }

    pub fn care_plan(&self, id: &str) -> Result<Option<CarePlan>, StoreError> {
        reader::get_by_key(&self.care_plans, id)
    }

    pub fn complaint(&self, id: &str) -> Result<Option<Complaint>, StoreError> {
        reader::get_by_key(&self.complaints, id)
    }

    pub fn upsert_followup(&mut self, record: &FollowUp) -> Result<Change, StoreError> {
        upsert(&mut self.followups, &mut self.customer_followups, record)
    }

    pub fn upsert_care_plan(&mut self, record: &CarePlan) -> Result<Change, StoreError> {
        upsert(&mut self.care_plans, &mut self.customer_care_plans, record)
    }

    pub fn upsert_complaint(&mut self, record: &Complaint) -> Result<Change, StoreError> {
        upsert(&mut self.complaints, &mut self.customer_complaints, record)
    }

    /// Moves every follow-up, care plan and complaint of `from` to `to`.
    pub(super) fn move_children(
        &mut self,
        from: CustomerId,
        to: CustomerId,
    ) -> Result<(u64, u64, u64), StoreError> {
        Ok((
            move_all(&mut self.followups, &mut self.customer_followups, from, to)?,
            move_all(
                &mut self.care_plans,
                &mut self.customer_care_plans,
                from,
                to,
            )?,
            move_all(
                &mut self.complaints,
                &mut self.customer_complaints,
                from,
                to,
            )?,
        ))
    }
}
