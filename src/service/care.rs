//! Care plans: adding, completing (with the follow-up in the same step), skipping, recurring
//! series, birthday plans from the customer files, and the agenda.

use super::customers::{CustomerSummary, resolve_key_write};
use super::followups::{NewFollowUp, write_followup};
use super::{CustomerKey, Service, ServiceError};
use crate::domain::*;
use crate::store::{RecordIdKind, Writer};
use crate::workflow::{AgendaGroup, agenda_group, next_due};
use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use serde::{Deserialize, Serialize};

/// A care plan to add.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NewCarePlan {
    pub customer: CustomerKey,
    pub due: NaiveDate,
    pub due_time: Option<NaiveTime>,
    pub purpose: CarePurpose,
    /// Default: the customer's owner.
    pub assignee: Option<String>,
    pub note: String,
    pub recurrence: Option<Recurrence>,
}

/// One entry of the agenda.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AgendaItem {
    pub group: AgendaGroup,
    pub plan: CarePlan,
    pub customer: CustomerSummary,
}

/// What finishing a plan did.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlanOutcome {
    pub plan: CarePlan,
    /// The next plan of a recurring series.
    pub next: Option<CarePlan>,
    /// Occurrences of the series between this plan's due date and today, passed over because
    /// it was finished late: `next` is the first one after today.
    #[serde(default)]
    pub passed_over: u32,
    /// The contact logged in the same step.
    pub followup: Option<FollowUp>,
}

/// Where a skip reason starts in a plan's note (it is not carried into the next occurrence).
const SKIP_MARK: &str = " [skipped: ";

fn load_open(w: &Writer<'_>, id: &str) -> Result<CarePlan, ServiceError> {
    let plan = w.care_plan(id.trim())?.ok_or_else(|| {
        ServiceError::not_found("care plan", t!("no-care-plan", id = format!("{id:?}")))
    })?;
    if plan.status != PlanStatus::Open {
        return Err(ServiceError::invalid(
            "care plan",
            t!(
                "care-plan-already",
                id = &plan.id,
                status = plan.status.title()
            ),
        ));
    }
    Ok(plan)
}

/// The next plan of a recurring series, due after the later of its due date and `today`, and
/// how many occurrences in between were passed over.
fn next_in_series(
    w: &mut Writer<'_>,
    plan: &CarePlan,
    today: NaiveDate,
) -> Result<(Option<CarePlan>, u32), ServiceError> {
    let Some(rule) = plan.recurrence else {
        return Ok((None, 0));
    };
    let anchor = plan.series_start.unwrap_or(plan.due);
    let Some(due) = next_due(anchor, rule, plan.due.max(today)) else {
        return Ok((None, 0));
    };
    let passed = crate::workflow::passed_over(anchor, rule, plan.due, today);
    let note = plan
        .note
        .split(SKIP_MARK)
        .next()
        .unwrap_or_default()
        .trim()
        .to_string();
    let next = CarePlan {
        id: w.next_record_id(RecordIdKind::CarePlan)?,
        note,
        due,
        status: PlanStatus::Open,
        created_at: w.now(),
        completed_at: None,
        series_start: Some(anchor),
        ..plan.clone()
    };
    w.upsert_care_plan(&next)?;
    Ok((Some(next), passed))
}

impl PlanOutcome {
    /// ` (10 occurrences passed over)` after the next plan's due date; empty when none was.
    pub fn passed_over_note(&self) -> String {
        match self.passed_over {
            0 => String::new(),
            n => format!(" {}", t!("passed-over", n = n)),
        }
    }
}

impl Service {
    pub fn add_care_plan(&self, new: &NewCarePlan) -> Result<CarePlan, ServiceError> {
        if let Some(Err(reason)) = new.recurrence.map(Recurrence::check) {
            return Err(ServiceError::invalid("every", reason));
        }
        self.write(Role::Agent, "change care plans", |w| {
            let customer = resolve_key_write(w, &new.customer)?;
            let owner = w.customer(customer)?.and_then(|c| c.owner);
            let plan = CarePlan {
                id: w.next_record_id(RecordIdKind::CarePlan)?,
                customer,
                due: new.due,
                due_time: new.due_time,
                purpose: new.purpose,
                assignee: new
                    .assignee
                    .clone()
                    .filter(|a| !a.trim().is_empty())
                    .or(owner),
                note: new.note.trim().to_string(),
                status: PlanStatus::Open,
                recurrence: new.recurrence,
                series_start: new.recurrence.map(|_| new.due),
                created_at: w.now(),
                completed_at: None,
            };
            w.upsert_care_plan(&plan)?;
            w.audit(
                "care.add",
                Some(customer),
                &plan.id,
                format!("{} due {}", plan.purpose, plan.due),
            )?;
            Ok(plan)
        })
    }

    /// Marks a plan done; logs `log` as the follow-up in the same transaction; schedules the
    /// next plan of a recurring series.
    pub fn complete_care_plan(
        &self,
        id: &str,
        log: Option<NewFollowUp>,
        today: NaiveDate,
    ) -> Result<PlanOutcome, ServiceError> {
        self.write(Role::Agent, "change care plans", |w| {
            let mut plan = load_open(w, id)?;
            plan.status = PlanStatus::Done;
            plan.completed_at = Some(w.now());
            w.upsert_care_plan(&plan)?;
            w.audit(
                "care.done",
                Some(plan.customer),
                &plan.id,
                plan.purpose.label(),
            )?;
            // Logged after the plan is done, so a next-contact date in the log plans afresh
            // instead of moving (and losing) this plan.
            let followup = match log {
                Some(mut log) => {
                    log.customer = CustomerKey::Internal(plan.customer);
                    Some(write_followup(w, &log)?.0)
                }
                None => None,
            };
            let (next, passed_over) = next_in_series(w, &plan, today)?;
            Ok(PlanOutcome {
                plan,
                next,
                passed_over,
                followup,
            })
        })
    }

    /// Skips a plan (with the reason in its note); a recurring series goes on.
    pub fn skip_care_plan(
        &self,
        id: &str,
        reason: &str,
        today: NaiveDate,
    ) -> Result<PlanOutcome, ServiceError> {
        self.write(Role::Agent, "change care plans", |w| {
            let mut plan = load_open(w, id)?;
            plan.status = PlanStatus::Skipped;
            w.audit("care.skip", Some(plan.customer), &plan.id, reason.trim())?;
            plan.completed_at = Some(w.now());
            if !reason.trim().is_empty() {
                plan.note = format!("{}{SKIP_MARK}{}]", plan.note, reason.trim())
                    .trim()
                    .to_string();
            }
            w.upsert_care_plan(&plan)?;
            let (next, passed_over) = next_in_series(w, &plan, today)?;
            Ok(PlanOutcome {
                plan,
                next,
                passed_over,
                followup: None,
            })
        })
    }

    /// Birthday plans for customers whose birthday falls within `within_days` of `today` and
    /// who have no open birthday plan. Yearly, counted from the birth date (Feb 29 works).
    /// Returns (created, already planned).
    pub fn plan_birthdays(
        &self,
        today: NaiveDate,
        within_days: i64,
    ) -> Result<(u64, u64), ServiceError> {
        let yearly = Recurrence {
            every: 1,
            unit: RecurrenceUnit::Years,
        };
        let horizon = today + chrono::Duration::days(within_days.clamp(0, 366));
        let r = self.store.read()?;
        let mut wanted: Vec<(CustomerId, NaiveDate, NaiveDate, Option<String>)> = Vec::new();
        for customer in r.customers()? {
            let c = customer?;
            let Some(birthday) = c.birthday else { continue };
            let Some(yesterday) = today.pred_opt() else {
                continue;
            };
            let Some(next) = next_due(birthday, yearly, yesterday) else {
                continue;
            };
            if next <= horizon {
                wanted.push((c.id, birthday, next, c.owner));
            }
        }
        drop(r);
        self.write(Role::Agent, "change care plans", |w| {
            let (mut created, mut existing) = (0, 0);
            for (customer, birthday, next, owner) in &wanted {
                if w.care_plans_of(*customer)?
                    .iter()
                    .any(|p| p.purpose == CarePurpose::Birthday && p.status == PlanStatus::Open)
                {
                    existing += 1;
                    continue;
                }
                let plan = CarePlan {
                    id: w.next_record_id(RecordIdKind::CarePlan)?,
                    customer: *customer,
                    due: *next,
                    due_time: None,
                    purpose: CarePurpose::Birthday,
                    assignee: owner.clone(),
                    note: t!("note-birthday"),
                    status: PlanStatus::Open,
                    recurrence: Some(yearly),
                    series_start: Some(*birthday),
                    created_at: w.now(),
                    completed_at: None,
                };
                w.upsert_care_plan(&plan)?;
                created += 1;
            }
            w.audit(
                "care.birthdays",
                None,
                "",
                format!("{created} birthday plans created"),
            )?;
            Ok::<_, ServiceError>((created, existing))
        })
    }

    /// Open plans: overdue first, then due `date`, then the next `days_ahead` days; optionally
    /// only one person's (the plan's assignee, or the customer's owner when unassigned). Seen
    /// from the start of `date`; [`Service::agenda_at`] sees it from a moment.
    pub fn agenda(
        &self,
        date: NaiveDate,
        owner: Option<&str>,
        days_ahead: i64,
    ) -> Result<Vec<AgendaItem>, ServiceError> {
        self.agenda_at(date.and_time(NaiveTime::MIN), owner, days_ahead)
    }

    /// [`Service::agenda`] seen at `now` (local time): plans due today at a time before `now`
    /// are overdue.
    pub fn agenda_at(
        &self,
        now: NaiveDateTime,
        owner: Option<&str>,
        days_ahead: i64,
    ) -> Result<Vec<AgendaItem>, ServiceError> {
        Ok(self.agenda_top(now, owner, days_ahead, usize::MAX)?.0)
    }

    /// The first `limit` entries of [`Service::agenda`] and how many there are in all; only
    /// the shown ones get their customer summary.
    pub fn agenda_top(
        &self,
        now: NaiveDateTime,
        owner: Option<&str>,
        days_ahead: i64,
        limit: usize,
    ) -> Result<(Vec<AgendaItem>, usize), ServiceError> {
        let r = self.store.read()?;
        let mut found: Vec<(AgendaGroup, CarePlan)> = Vec::new();
        for plan in r.care_plans()? {
            let plan = plan?;
            if plan.status != PlanStatus::Open {
                continue;
            }
            let Some(group) = agenda_group(plan.due, plan.due_time, now, days_ahead) else {
                continue;
            };
            if let Some(o) = owner {
                let who = match &plan.assignee {
                    Some(a) => Some(a.clone()),
                    None => r.customer(plan.customer)?.and_then(|c| c.owner),
                };
                if !who.is_some_and(|w| w.eq_ignore_ascii_case(o.trim())) {
                    continue;
                }
            }
            found.push((group, plan));
        }
        found.sort_by(|(ga, a), (gb, b)| {
            (ga, a.due, a.due_time, &a.id).cmp(&(gb, b.due, b.due_time, &b.id))
        });
        let total = found.len();
        let mut items = Vec::with_capacity(limit.min(total));
        for (group, plan) in found.into_iter().take(limit) {
            let Some(customer) = r.customer(plan.customer)? else {
                continue;
            };
            items.push(AgendaItem {
                group,
                customer: CustomerSummary::read(&r, &customer)?,
                plan,
            });
        }
        Ok((items, total))
    }
}
