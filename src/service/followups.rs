//! The follow-up log: recording a contact (and moving the customer's next planned contact), and
//! the forgotten customers nobody has talked to for a while.

use super::customers::{CustomerSummary, resolve_key_write};
use super::{CustomerKey, LocalDates, Service, ServiceError};
use crate::domain::*;
use crate::store::{RecordIdKind, Writer};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// A contact to log.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NewFollowUp {
    pub customer: CustomerKey,
    /// Default: now.
    #[serde(with = "crate::domain::instant_opt")]
    pub at: Option<Millis>,
    pub channel: Channel,
    pub direction: Direction,
    pub kind: FollowUpKind,
    /// Default: the staff name of this session.
    pub staff: Option<String>,
    pub summary: String,
    pub outcome: String,
    pub satisfaction: Option<u8>,
    /// Creates (or moves) the customer's next stay-in-touch care plan to this date.
    pub next_contact: Option<NaiveDate>,
}

/// Silence thresholds of the forgotten-customers view, in days.
pub const FORGOTTEN_DAYS: [i64; 5] = [7, 15, 30, 90, 180];

/// Customers by how long nobody has contacted them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Forgotten {
    pub as_of: NaiveDate,
    /// (threshold in days, customers silent at least that long, never contacted included).
    pub counts: Vec<(i64, u64)>,
    pub never_contacted: u64,
    /// Customers silent for at least the asked number of days, longest first:
    /// (summary, days since the last contact or `None` for never).
    pub list: Vec<(CustomerSummary, Option<i64>)>,
}

/// Validates and writes one follow-up inside a transaction; returns it and the care plan it
/// created or moved.
pub(super) fn write_followup(
    w: &mut Writer<'_>,
    new: &NewFollowUp,
) -> Result<(FollowUp, Option<CarePlan>), ServiceError> {
    if new.satisfaction.is_some_and(|s| !(1..=5).contains(&s)) {
        return Err(ServiceError::invalid("satisfaction", t!("score-range")));
    }
    if new.summary.trim().is_empty() {
        return Err(ServiceError::invalid("summary", t!("followup-say-what")));
    }
    let customer = resolve_key_write(w, &new.customer)?;
    let followup = FollowUp {
        id: w.next_record_id(RecordIdKind::FollowUp)?,
        customer,
        at: new.at.unwrap_or_else(|| w.now()),
        channel: new.channel,
        direction: new.direction,
        kind: new.kind,
        staff: new
            .staff
            .clone()
            .filter(|s| !s.trim().is_empty())
            .unwrap_or_else(|| w.staff().to_string()),
        summary: new.summary.trim().to_string(),
        outcome: new.outcome.trim().to_string(),
        satisfaction: new.satisfaction,
        next_contact: new.next_contact,
    };
    w.upsert_followup(&followup)?;
    w.audit(
        "followup.log",
        Some(customer),
        &followup.id,
        &followup.summary,
    )?;
    let plan = match new.next_contact {
        Some(date) => Some(plan_next_contact(w, &followup, date)?),
        None => None,
    };
    Ok((followup, plan))
}

/// Moves the customer's open stay-in-touch plan to `date`, or creates one.
fn plan_next_contact(
    w: &mut Writer<'_>,
    followup: &FollowUp,
    date: NaiveDate,
) -> Result<CarePlan, ServiceError> {
    let existing = w
        .care_plans_of(followup.customer)?
        .into_iter()
        .find(|p| p.status == PlanStatus::Open && p.purpose == CarePurpose::StayInTouch);
    let plan = match existing {
        Some(mut plan) => {
            plan.note = t!(
                "note-next-contact-moved",
                id = &followup.id,
                summary = &followup.summary
            );
            plan.due = date;
            plan
        }
        None => CarePlan::open_once(
            w.next_record_id(RecordIdKind::CarePlan)?,
            followup.customer,
            date,
            CarePurpose::StayInTouch,
            Some(followup.staff.clone()),
            t!(
                "note-next-contact",
                id = &followup.id,
                summary = &followup.summary
            ),
            w.now(),
        ),
    };
    w.upsert_care_plan(&plan)?;
    Ok(plan)
}

impl Service {
    /// Logs a contact with a customer, in one transaction with the next-contact plan.
    pub fn log_followup(
        &self,
        new: &NewFollowUp,
    ) -> Result<(FollowUp, Option<CarePlan>), ServiceError> {
        self.write(Role::Agent, "log follow-ups", |w| write_followup(w, new))
    }

    /// Who has not been contacted for a while (follow-ups of any kind count), optionally only
    /// one owner's customers; lists those silent for `days` or more (never contacted first).
    pub fn forgotten(
        &self,
        as_of: NaiveDate,
        owner: Option<&str>,
        days: i64,
        limit: usize,
    ) -> Result<Forgotten, ServiceError> {
        let r = self.store.read()?;
        let mut dates = LocalDates::default();
        let mut last: HashMap<CustomerId, NaiveDate> = HashMap::new();
        for point in r.contact_points(false)? {
            let (customer, at) = point?;
            let date = dates.date(at);
            if date <= as_of {
                let slot = last.entry(customer).or_insert(date);
                *slot = (*slot).max(date);
            }
        }
        let mut counts: Vec<(i64, u64)> = FORGOTTEN_DAYS.iter().map(|d| (*d, 0)).collect();
        let mut never = 0;
        let mut list: Vec<(CustomerSummary, Option<i64>)> = Vec::new();
        for customer in r.customers()? {
            let customer = customer?;
            if owner.is_some_and(|o| {
                !customer
                    .owner
                    .as_deref()
                    .is_some_and(|x| x.eq_ignore_ascii_case(o.trim()))
            }) {
                continue;
            }
            let silent = last.get(&customer.id).map(|d| (as_of - *d).num_days());
            never += u64::from(silent.is_none());
            for (threshold, count) in counts.iter_mut() {
                if silent.is_none_or(|s| s >= *threshold) {
                    *count += 1;
                }
            }
            if silent.is_none_or(|s| s >= days) {
                list.push((CustomerSummary::read(&r, &customer)?, silent));
            }
        }
        list.sort_by_key(|(c, s)| (std::cmp::Reverse(s.unwrap_or(i64::MAX)), c.id));
        list.truncate(limit);
        Ok(Forgotten {
            as_of,
            counts,
            never_contacted: never,
            list,
        })
    }
}
