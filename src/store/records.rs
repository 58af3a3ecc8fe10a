//! Follow-ups, care plans and complaints: records that belong to one customer, stored by id with
//! a per-customer time index for timelines and merges.

use super::codec::{Encoded, Rec, StoredRecord};
use super::error::StoreError;
use super::reader;
use super::writer::Writer;
use crate::domain::{CarePlan, Complaint, CustomerId, FollowUp, Millis, PointsEntry};
use redb::{ReadableTable, Table};

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

impl ChildRecord for PointsEntry {
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

type Index<'t> = Table<'t, (u64, i64, &'static str), ()>;
type Stats<'t> = Table<'t, u64, (u32, u32)>;

/// Which per-customer contact count a kind of record feeds, if any.
#[derive(Clone, Copy)]
enum Count {
    None,
    FollowUps,
    Complaints,
}

/// The tables one kind of child record lives in, borrowed for one operation.
struct Children<'a, 't, T: ChildRecord> {
    table: &'a mut Table<'t, &'static str, Rec<T>>,
    index: &'a mut Index<'t>,
    stats: &'a mut Stats<'t>,
    count: Count,
    touched: &'a mut super::changes::Touched,
}

impl<T: ChildRecord> Children<'_, '_, T> {
    fn add_to_count(&mut self, customer: CustomerId, delta: i64) -> Result<(), StoreError> {
        let (followups, complaints) = self.stats.get(customer)?.map_or((0, 0), |v| v.value());
        let apply = |n: u32| (i64::from(n) + delta).clamp(0, i64::from(u32::MAX)) as u32;
        let value = match self.count {
            Count::None => return Ok(()),
            Count::FollowUps => (apply(followups), complaints),
            Count::Complaints => (followups, apply(complaints)),
        };
        self.stats.insert(customer, value)?;
        Ok(())
    }

    fn upsert(&mut self, record: &T) -> Result<Change, StoreError> {
        let old: Option<T> = reader::get_by_key(&*self.table, record.id())?;
        if old.as_ref() == Some(record) {
            return Ok(Change::Unchanged);
        }
        self.touched.add(record.customer());
        match &old {
            Some(old) => {
                self.touched.add(old.customer());
                self.index
                    .remove((old.customer(), old.sort_time(), old.id()))?;
                if old.customer() != record.customer() {
                    self.add_to_count(old.customer(), -1)?;
                    self.add_to_count(record.customer(), 1)?;
                }
            }
            None => self.add_to_count(record.customer(), 1)?,
        }
        self.index
            .insert((record.customer(), record.sort_time(), record.id()), ())?;
        self.table.insert(record.id(), Encoded::encode(record)?)?;
        Ok(if old.is_some() {
            Change::Updated
        } else {
            Change::Created
        })
    }

    /// Removes the record `id` (undoing its import); returns whether it existed.
    fn remove(&mut self, id: &str) -> Result<bool, StoreError> {
        let Some(old) = reader::get_by_key::<T>(&*self.table, id)? else {
            return Ok(false);
        };
        self.index
            .remove((old.customer(), old.sort_time(), old.id()))?;
        self.table.remove(id)?;
        self.touched.add(old.customer());
        self.add_to_count(old.customer(), -1)?;
        Ok(true)
    }

    /// Re-points every record of `from` to `to`; returns how many moved.
    fn move_all(&mut self, from: CustomerId, to: CustomerId) -> Result<u64, StoreError> {
        let mut moved = 0;
        for key in reader::child_keys(&*self.index, from)? {
            if let Some(mut record) = reader::get_by_key::<T>(&*self.table, &key)? {
                record.set_customer(to);
                self.upsert(&record)?;
                moved += 1;
            }
        }
        Ok(moved)
    }
}

impl<'t> Writer<'t> {
    fn followup_tables(&mut self) -> Children<'_, 't, FollowUp> {
        Children {
            table: &mut self.followups,
            index: &mut self.customer_followups,
            stats: &mut self.customer_stats,
            count: Count::FollowUps,
            touched: &mut self.touched,
        }
    }

    fn care_plan_tables(&mut self) -> Children<'_, 't, CarePlan> {
        Children {
            table: &mut self.care_plans,
            index: &mut self.customer_care_plans,
            stats: &mut self.customer_stats,
            count: Count::None,
            touched: &mut self.touched,
        }
    }

    fn complaint_tables(&mut self) -> Children<'_, 't, Complaint> {
        Children {
            table: &mut self.complaints,
            index: &mut self.customer_complaints,
            stats: &mut self.customer_stats,
            count: Count::Complaints,
            touched: &mut self.touched,
        }
    }

    fn points_tables(&mut self) -> Children<'_, 't, PointsEntry> {
        Children {
            table: &mut self.points,
            index: &mut self.customer_points,
            stats: &mut self.customer_stats,
            count: Count::None,
            touched: &mut self.touched,
        }
    }

    /// A recorded points movement.
    pub fn points_entry(&self, id: &str) -> Result<Option<PointsEntry>, StoreError> {
        reader::get_by_key(&self.points, id)
    }

    /// A customer's recorded points movements, oldest first (as this transaction sees them).
    pub fn points_of(&self, customer: CustomerId) -> Result<Vec<PointsEntry>, StoreError> {
        let mut out = Vec::new();
        for key in reader::child_keys(&self.customer_points, customer)? {
            if let Some(entry) = reader::get_by_key(&self.points, &key)? {
                out.push(entry);
            }
        }
        Ok(out)
    }

    pub fn upsert_points_entry(&mut self, entry: &PointsEntry) -> Result<Change, StoreError> {
        self.points_tables().upsert(entry)
    }

    /// Moves every recorded points movement of `from` to `to` (a merge).
    pub(super) fn move_points(
        &mut self,
        from: CustomerId,
        to: CustomerId,
    ) -> Result<u64, StoreError> {
        self.points_tables().move_all(from, to)
    }

    pub fn followup(&self, id: &str) -> Result<Option<FollowUp>, StoreError> {
        reader::get_by_key(&self.followups, id)
    }

    pub fn care_plan(&self, id: &str) -> Result<Option<CarePlan>, StoreError> {
        reader::get_by_key(&self.care_plans, id)
    }

    pub fn complaint(&self, id: &str) -> Result<Option<Complaint>, StoreError> {
        reader::get_by_key(&self.complaints, id)
    }

    /// A customer's care plans, by due date.
    pub fn care_plans_of(&self, customer: CustomerId) -> Result<Vec<CarePlan>, StoreError> {
        let mut out = Vec::new();
        for key in reader::child_keys(&self.customer_care_plans, customer)? {
            if let Some(plan) = reader::get_by_key(&self.care_plans, &key)? {
                out.push(plan);
            }
        }
        Ok(out)
    }

    pub fn upsert_followup(&mut self, record: &FollowUp) -> Result<Change, StoreError> {
        self.note_contact_time(record.sort_time())?;
        self.followup_tables().upsert(record)
    }

    pub fn upsert_care_plan(&mut self, record: &CarePlan) -> Result<Change, StoreError> {
        self.care_plan_tables().upsert(record)
    }

    pub fn upsert_complaint(&mut self, record: &Complaint) -> Result<Change, StoreError> {
        self.note_contact_time(record.sort_time())?;
        self.complaint_tables().upsert(record)
    }

    pub fn delete_followup(&mut self, id: &str) -> Result<bool, StoreError> {
        self.followup_tables().remove(id)
    }

    pub fn delete_care_plan(&mut self, id: &str) -> Result<bool, StoreError> {
        self.care_plan_tables().remove(id)
    }

    pub fn delete_complaint(&mut self, id: &str) -> Result<bool, StoreError> {
        self.complaint_tables().remove(id)
    }

    /// Keeps the latest follow-up/complaint time, so scoring knows whether counts as of a date
    /// can come from the maintained totals.
    fn note_contact_time(&mut self, at: Millis) -> Result<(), StoreError> {
        let key = super::schema::meta_keys::LATEST_CONTACT;
        let latest = self.meta.get(key)?.map(|v| v.value() as i64);
        if latest.is_none_or(|l| at > l) {
            self.meta.insert(key, at as u64)?;
        }
        Ok(())
    }

    /// Moves every follow-up, care plan and complaint of `from` to `to`.
    pub(super) fn move_children(
        &mut self,
        from: CustomerId,
        to: CustomerId,
    ) -> Result<(u64, u64, u64), StoreError> {
        Ok((
            self.followup_tables().move_all(from, to)?,
            self.care_plan_tables().move_all(from, to)?,
            self.complaint_tables().move_all(from, to)?,
        ))
    }
}
