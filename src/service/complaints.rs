//! The complaint queue: opening, every step of the flow with its history, escalation on
//! repeat contacts, the satisfaction check after resolution, the queue order, and the
//! root-cause report.

use super::customers::{CustomerSummary, resolve_key_read, resolve_key_write};
use super::sla::{SlaPolicy, SlaState};
use super::{CustomerKey, Service, ServiceError};
use crate::domain::*;
use crate::store::{RecordIdKind, StoreError, Writer};
use crate::workflow::{Action, escalation, next_status};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A new complaint.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NewComplaint {
    pub customer: CustomerKey,
    pub channel: Channel,
    pub category: String,
    pub severity: Severity,
    pub description: String,
    pub assignee: Option<String>,
    /// Default: now.
    #[serde(with = "crate::domain::instant_opt")]
    pub opened_at: Option<Millis>,
}

/// What staff do to a complaint.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum ComplaintCommand {
    Acknowledge {
        text: String,
    },
    Start,
    Reply {
        text: String,
    },
    Note {
        text: String,
    },
    /// The customer contacted us again about it.
    Contact {
        text: String,
    },
    Resolve {
        text: String,
        root_cause: Option<RootCause>,
    },
    Close,
    Reopen {
        reason: String,
    },
    Assign {
        to: String,
    },
    /// Send it to a team (its SLA clock runs on); `to` also assigns it to someone there, else
    /// an assignee outside the team is cleared so the team's queue picks it up.
    Route {
        team: String,
        note: String,
        to: Option<String>,
    },
}

/// A complaint with its customer and SLA state.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ComplaintView {
    pub complaint: Complaint,
    pub customer: CustomerSummary,
    pub sla: SlaState,
}

/// Which complaints the queue shows.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueueFilter {
    /// Default: every open status (new, acknowledged, in progress).
    pub status: Option<ComplaintStatus>,
    pub assignee: Option<String>,
    /// Only complaints routed to this team (a name from the `teams` setting).
    #[serde(default)]
    pub team: Option<String>,
    pub breached_only: bool,
}

/// One line of the root-cause report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CauseRow {
    pub category: String,
    pub cause: String,
    pub complaints: u64,
    /// How many of them say other customers said the same.
    pub others_said_same: u64,
    #[serde(with = "crate::domain::instant")]
    pub latest: Millis,
    pub ids: Vec<String>,
}

fn command_name(command: &ComplaintCommand) -> &'static str {
    match command {
        ComplaintCommand::Acknowledge { .. } => "ack",
        ComplaintCommand::Start => "start",
        ComplaintCommand::Reply { .. } => "reply",
        ComplaintCommand::Note { .. } => "note",
        ComplaintCommand::Contact { .. } => "contact",
        ComplaintCommand::Resolve { .. } => "resolve",
        ComplaintCommand::Close => "close",
        ComplaintCommand::Reopen { .. } => "reopen",
        ComplaintCommand::Assign { .. } => "assign",
        ComplaintCommand::Route { .. } => "route",
    }
}

fn is_open(status: ComplaintStatus) -> bool {
    !matches!(status, ComplaintStatus::Resolved | ComplaintStatus::Closed)
}

fn severity_rank(s: Severity) -> u8 {
    match s {
        Severity::Urgent => 0,
        Severity::High => 1,
        Severity::Normal => 2,
        Severity::Low => 3,
    }
}

/// Queue order: breached first, then least time left to the nearest deadline, then severity.
pub fn queue_order(a: &ComplaintView, b: &ComplaintView) -> std::cmp::Ordering {
    urgency(&a.complaint, &a.sla).cmp(&urgency(&b.complaint, &b.sla))
}

/// The sort key of [`queue_order`]: smaller is more urgent.
fn urgency(c: &Complaint, sla: &SlaState) -> (bool, i64, u8, Millis) {
    (
        !sla.breached(),
        sla.time_left_ms.unwrap_or(i64::MAX),
        severity_rank(c.severity),
        c.opened_at,
    )
}

/// The status and assignee part of a queue filter.
fn queue_accepts(filter: &QueueFilter, c: &Complaint) -> bool {
    let status_ok = match filter.status {
        Some(s) => c.status == s,
        None => is_open(c.status),
    };
    status_ok
        && filter.assignee.as_ref().is_none_or(|a| {
            c.assignee
                .as_deref()
                .is_some_and(|x| x.eq_ignore_ascii_case(a.trim()))
        })
        && filter.team.as_ref().is_none_or(|t| {
            c.team
                .as_deref()
                .is_some_and(|x| x.to_lowercase() == t.trim().to_lowercase())
        })
}

fn event(w: &Writer<'_>, kind: ComplaintEventKind, text: impl Into<String>) -> ComplaintEvent {
    ComplaintEvent {
        at: w.now(),
        staff: w.staff().to_string(),
        kind,
        text: text.into(),
    }
}

fn load(w: &Writer<'_>, id: &str) -> Result<Complaint, ServiceError> {
    w.complaint(id.trim())?.ok_or_else(|| {
        ServiceError::not_found("complaint", t!("no-complaint", id = format!("{id:?}")))
    })
}

/// Marks deadlines that are missed by `now`, so they stay marked after they are met.
fn record_breaches(c: &mut Complaint, policy: &SlaPolicy, now: Millis) {
    let state = policy.state(c, now);
    c.response_breached |= state.response_breached;
    c.resolution_breached |= state.resolution_breached;
}

impl Service {
    /// Customer contacts on one open complaint that escalate it (team setting).
    pub(super) fn escalation_contacts(&self) -> Result<u32, ServiceError> {
        let key = "complaint.escalate_after_contacts";
        self.team_setting(key)?
            .trim()
            .parse()
            .map_err(|e: std::num::ParseIntError| ServiceError::invalid(key, e.to_string()))
    }

    /// Opens a complaint (status new, one contact so far).
    pub fn open_complaint(&self, new: NewComplaint) -> Result<Complaint, ServiceError> {
        if new.description.trim().is_empty() {
            return Err(ServiceError::invalid(
                "description",
                t!("complaint-say-what"),
            ));
        }
        self.write(Role::Agent, "work on complaints", |w| {
            let customer = resolve_key_write(w, &new.customer)?;
            let mut complaint = Complaint {
                category: if new.category.trim().is_empty() {
                    String::from("general")
                } else {
                    new.category.trim().to_string()
                },
                severity: new.severity,
                opened_severity: new.severity,
                description: new.description.trim().to_string(),
                assignee: new.assignee.clone().filter(|a| !a.trim().is_empty()),
                ..Complaint::opened(
                    w.next_record_id(RecordIdKind::Complaint)?,
                    customer,
                    new.opened_at.unwrap_or_else(|| w.now()),
                    new.channel,
                )
            };
            complaint.history.push(event(
                w,
                ComplaintEventKind::Opened,
                t!(
                    "event-opened-via",
                    channel = new.channel.title(),
                    description = &complaint.description
                ),
            ));
            w.upsert_complaint(&complaint)?;
            w.audit(
                "complaint.open",
                Some(customer),
                &complaint.id,
                &complaint.description,
            )?;
            Ok(complaint)
        })
    }

    /// Applies one step to a complaint, in one transaction. Returns the complaint and, after a
    /// resolution, the satisfaction care plan it scheduled.
    pub fn complaint_command(
        &self,
        id: &str,
        command: ComplaintCommand,
    ) -> Result<(Complaint, Option<CarePlan>), ServiceError> {
        self.complaint_command_if(id, command, None)
    }

    /// Like [`Service::complaint_command`], refused if the complaint is no longer at
    /// `expected_version` (a colleague changed it since it was shown).
    pub fn complaint_command_if(
        &self,
        id: &str,
        command: ComplaintCommand,
        expected_version: Option<u64>,
    ) -> Result<(Complaint, Option<CarePlan>), ServiceError> {
        let verb = command_name(&command);
        let policy = self.sla_policy()?;
        let escalate_at = self.escalation_contacts()?;
        let teams = match &command {
            ComplaintCommand::Route { .. } => self.teams()?,
            _ => Vec::new(),
        };
        let satisfaction_days: i64 = self
            .team_setting("complaint.satisfaction_followup_days")?
            .trim()
            .parse()
            .unwrap_or(3);
        self.write(Role::Agent, "work on complaints", |w| {
            let mut c = load(w, id)?;
            if let Some(expected) = expected_version
                && expected != c.version
            {
                return Err(super::customers::stale(
                    w,
                    &c.id,
                    c.version,
                    Some(c.customer),
                )?);
            }
            let now = w.now();
            record_breaches(&mut c, &policy, now);
            let mut plan = None;
            let change_status =
                |c: &mut Complaint, w: &Writer<'_>, action: Action| -> Result<(), ServiceError> {
                    let to = next_status(c.status, action).map_err(|e| {
                        // Say who moved it on, so a second agent sees it is already taken.
                        let by = c
                            .history
                            .iter()
                            .rev()
                            .find(|e| e.kind == ComplaintEventKind::StatusChange)
                            .map(|e| {
                                format!(
                                    " {}",
                                    t!("complaint-moved-by", change = &e.text, staff = &e.staff)
                                )
                            })
                            .unwrap_or_default();
                        ServiceError::invalid("status", format!("{}: {e}{by}", c.id))
                    })?;
                    c.history.push(event(
                        w,
                        ComplaintEventKind::StatusChange,
                        format!("{} -> {to}", c.status),
                    ));
                    c.status = to;
                    Ok(())
                };
            match command {
                ComplaintCommand::Acknowledge { text } => {
                    change_status(&mut c, w, Action::Acknowledge)?;
                    c.first_response_at.get_or_insert(now);
                    if !text.trim().is_empty() {
                        c.history
                            .push(event(w, ComplaintEventKind::Reply, text.trim()));
                    }
                }
                ComplaintCommand::Start => change_status(&mut c, w, Action::Start)?,
                ComplaintCommand::Reply { text } => {
                    if !is_open(c.status) {
                        return Err(ServiceError::invalid(
                            "status",
                            t!(
                                "complaint-reopen-to-reply",
                                id = &c.id,
                                status = c.status.title()
                            ),
                        ));
                    }
                    if c.status == ComplaintStatus::New {
                        change_status(&mut c, w, Action::Acknowledge)?;
                    }
                    c.first_response_at.get_or_insert(now);
                    c.history
                        .push(event(w, ComplaintEventKind::Reply, text.trim()));
                }
                ComplaintCommand::Note { text } => {
                    c.history
                        .push(event(w, ComplaintEventKind::Note, text.trim()))
                }
                ComplaintCommand::Contact { text } => {
                    if !is_open(c.status) {
                        return Err(ServiceError::invalid(
                            "status",
                            t!(
                                "complaint-reopen-if-back",
                                id = &c.id,
                                status = c.status.title()
                            ),
                        ));
                    }
                    c.contacts = c
                        .contacts
                        .checked_add(1)
                        .filter(|n| *n <= Complaint::MAX_CONTACTS)
                        .ok_or_else(|| {
                            ServiceError::invalid(
                                "contacts",
                                t!("complaint-contacts-full", id = &c.id, n = c.contacts),
                            )
                        })?;
                    let text = if text.trim().is_empty() {
                        t!("event-contact", n = c.contacts)
                    } else {
                        text.trim().to_string()
                    };
                    c.history
                        .push(event(w, ComplaintEventKind::CustomerContact, text));
                    if c.contacts == escalate_at {
                        let (raised, text) = escalation(c.contacts, c.severity);
                        c.history
                            .push(event(w, ComplaintEventKind::Escalated, text));
                        c.severity = raised;
                        c.escalated = true;
                    }
                }
                ComplaintCommand::Resolve { text, root_cause } => {
                    change_status(&mut c, w, Action::Resolve)?;
                    c.resolved_at = Some(now);
                    c.first_response_at.get_or_insert(now);
                    if root_cause.is_some() {
                        c.root_cause = root_cause;
                    }
                    if !text.trim().is_empty() {
                        c.history
                            .push(event(w, ComplaintEventKind::Reply, text.trim()));
                    }
                    plan = Some(schedule_satisfaction_check(w, &c, satisfaction_days)?);
                }
                ComplaintCommand::Close => {
                    change_status(&mut c, w, Action::Close)?;
                    c.closed_at = Some(now);
                }
                ComplaintCommand::Reopen { reason } => {
                    change_status(&mut c, w, Action::Reopen)?;
                    c.resolved_at = None;
                    c.closed_at = None;
                    c.history.push(event(
                        w,
                        ComplaintEventKind::Note,
                        t!("event-reopened", reason = reason.trim()),
                    ));
                }
                ComplaintCommand::Assign { to } => {
                    c.history.push(event(
                        w,
                        ComplaintEventKind::Note,
                        t!("event-assigned", to = to.trim()),
                    ));
                    c.assignee = Some(to.trim().to_string()).filter(|a| !a.is_empty());
                }
                ComplaintCommand::Route { team, note, to } => {
                    routing::route(w, &mut c, &teams, &team, &note, to.as_deref())?
                }
            }
            record_breaches(&mut c, &policy, now);
            c.version += 1;
            w.upsert_complaint(&c)?;
            let detail = c.history.last().map(|e| e.text.clone()).unwrap_or_default();
            w.audit(
                &format!("complaint.{verb}"),
                Some(c.customer),
                &c.id,
                detail,
            )?;
            Ok((c, plan))
        })
    }

    /// One complaint with its customer and SLA state now.
    pub fn complaint_view(&self, id: &str) -> Result<ComplaintView, ServiceError> {
        self.complaint_view_at(id, chrono::Utc::now().timestamp_millis())
    }

    /// One complaint with its SLA state as of `now`.
    pub fn complaint_view_at(&self, id: &str, now: Millis) -> Result<ComplaintView, ServiceError> {
        let policy = self.sla_policy()?;
        let r = self.store.read()?;
        let c = r.complaint(id.trim())?.ok_or_else(|| {
            ServiceError::not_found("complaint", t!("no-complaint", id = format!("{id:?}")))
        })?;
        let customer = r
            .customer(c.customer)?
            .ok_or(StoreError::MissingCustomer(c.customer))?;
        let sla = policy.state(&c, now);
        Ok(ComplaintView {
            customer: CustomerSummary::read(&r, &customer)?,
            complaint: c,
            sla,
        })
    }

    /// The queue, most urgent first.
    pub fn complaint_queue(
        &self,
        filter: &QueueFilter,
    ) -> Result<Vec<ComplaintView>, ServiceError> {
        self.complaint_queue_at(filter, chrono::Utc::now().timestamp_millis())
    }

    /// The queue with SLA states as of `now` (a screen counts down from one clock).
    pub fn complaint_queue_at(
        &self,
        filter: &QueueFilter,
        now: Millis,
    ) -> Result<Vec<ComplaintView>, ServiceError> {
        let filter = &self.with_team_name(filter)?;
        let policy = self.sla_policy()?;
        let r = self.store.read()?;
        let mut out = Vec::new();
        for c in r.complaints()? {
            let c = c?;
            if !queue_accepts(filter, &c) {
                continue;
            }
            let sla = policy.state(&c, now);
            if filter.breached_only && !sla.breached() {
                continue;
            }
            let Some(customer) = r.customer(c.customer)? else {
                continue;
            };
            out.push(ComplaintView {
                customer: CustomerSummary::read(&r, &customer)?,
                complaint: c,
                sla,
            });
        }
        out.sort_by(queue_order);
        Ok(out)
    }

    /// The `limit` most urgent complaints of the queue and how many the filter lets through:
    /// only the shown ones are kept whole, so a queue of a million stays small in memory.
    pub fn complaint_queue_top(
        &self,
        filter: &QueueFilter,
        now: Millis,
        limit: usize,
    ) -> Result<(Vec<ComplaintView>, usize), ServiceError> {
        let filter = &self.with_team_name(filter)?;
        let policy = self.sla_policy()?;
        let r = self.store.read()?;
        let mut keys: Vec<((bool, i64, u8, Millis), String)> = Vec::new();
        for c in r.complaints()? {
            let c = c?;
            if !queue_accepts(filter, &c) {
                continue;
            }
            let sla = policy.state(&c, now);
            if filter.breached_only && !sla.breached() {
                continue;
            }
            keys.push((urgency(&c, &sla), c.id));
        }
        let total = keys.len();
        keys.sort_unstable();
        let mut out = Vec::with_capacity(limit.min(total));
        for (_, id) in keys.into_iter().take(limit) {
            let Some(c) = r.complaint(&id)? else {
                continue;
            };
            let Some(customer) = r.customer(c.customer)? else {
                continue;
            };
            out.push(ComplaintView {
                customer: CustomerSummary::read(&r, &customer)?,
                sla: policy.state(&c, now),
                complaint: c,
            });
        }
        Ok((out, total))
    }

    /// Resolved and closed complaints grouped by category and recorded cause, most frequent
    /// first: recurring problems show at the top.
    pub fn root_cause_report(&self) -> Result<Vec<CauseRow>, ServiceError> {
        let r = self.store.read()?;
        let mut groups: BTreeMap<(String, String), CauseRow> = BTreeMap::new();
        for c in r.complaints()? {
            let c = c?;
            if is_open(c.status) {
                continue;
            }
            let cause = c
                .root_cause
                .as_ref()
                .map(|rc| rc.cause.trim().to_string())
                .filter(|s| !s.is_empty());
            let cause = cause.unwrap_or_else(|| t!("no-cause-recorded"));
            let same = c.root_cause.as_ref().is_some_and(|rc| {
                let t = rc.others_said_same.trim().to_lowercase();
                t.starts_with("yes") || t.starts_with('y')
            });
            let row = groups
                .entry((c.category.clone(), cause.clone()))
                .or_insert_with(|| CauseRow {
                    category: c.category.clone(),
                    cause,
                    complaints: 0,
                    others_said_same: 0,
                    latest: 0,
                    ids: Vec::new(),
                });
            row.complaints += 1;
            row.others_said_same += u64::from(same);
            row.latest = row.latest.max(c.resolved_at.unwrap_or(c.opened_at));
            row.ids.push(c.id);
        }
        let mut rows: Vec<CauseRow> = groups.into_values().collect();
        rows.sort_by(|a, b| {
            b.complaints
                .cmp(&a.complaints)
                .then(b.latest.cmp(&a.latest))
        });
        Ok(rows)
    }

    /// The customer's complaints (for scripts and the card).
    pub fn complaints_of(&self, key: &CustomerKey) -> Result<Vec<Complaint>, ServiceError> {
        let r = self.store.read()?;
        let id = resolve_key_read(&r, key)?;
        Ok(r.complaints_of(id)?)
    }
}

/// The satisfaction check after a resolution: a care plan some days later (the open one, if a
/// complaint resolved again after a reopen already has it).
fn schedule_satisfaction_check(
    w: &mut Writer<'_>,
    c: &Complaint,
    days: i64,
) -> Result<CarePlan, ServiceError> {
    // The note names the complaint in the writer's language: find the plan by the id alone.
    let open = w.care_plans_of(c.customer)?.into_iter().find(|p| {
        p.status == PlanStatus::Open
            && p.purpose == CarePurpose::Satisfaction
            && crate::text::mentions(&p.note, &c.id)
    });
    if let Some(open) = open {
        return Ok(open);
    }
    let today = super::today();
    let plan = CarePlan::open_once(
        w.next_record_id(RecordIdKind::CarePlan)?,
        c.customer,
        today + chrono::Duration::days(days),
        CarePurpose::Satisfaction,
        c.assignee.clone(),
        t!("note-satisfaction", id = &c.id, category = &c.category),
        w.now(),
    );
    w.upsert_care_plan(&plan)?;
    Ok(plan)
}

mod routing;
#[cfg(test)]
mod tests;
