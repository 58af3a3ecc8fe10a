//! The service as messages: one [`Request`] in, one [`Response`] out. Front ends in the same
//! process may call the typed methods directly; this form is what can cross a process boundary.

use super::{
    AgendaItem, CauseRow, ChurnReport, ComplaintCommand, ComplaintView, CustomerCard, CustomerKey,
    CustomerSummary, DueRow, Forgotten, ImportOptions, ImportReport, LookupHit, NewCarePlan,
    NewComplaint, NewCustomer, NewFollowUp, PlanOutcome, QueueFilter, RfmRow, ScoreOptions,
    SegmentRow, Service, ServiceError, StageRow, Stats, TeamSetting, ValueRow,
};
use crate::domain::{CarePlan, Complaint, Customer, CustomerId, FollowUp, Millis};
use crate::scoring::{Pareto, Period, Segment};
use crate::store::MergeCounts;
use crate::transfer::{
    CarePlanInput, ComplaintInput, CustomerInput, FollowUpInput, Format, Kind, Lined, OrderInput,
    RowError,
};
use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

/// Rows of one kind to import.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum ImportRows {
    Customers(Vec<Lined<CustomerInput>>),
    Orders(Vec<Lined<OrderInput>>),
    FollowUps(Vec<Lined<FollowUpInput>>),
    CarePlans(Vec<Lined<CarePlanInput>>),
    Complaints(Vec<Lined<ComplaintInput>>),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Request {
    Lookup {
        query: String,
        limit: usize,
    },
    CustomerCard {
        key: CustomerKey,
        timeline_limit: usize,
    },
    AddCustomer(NewCustomer),
    UpdateCustomer {
        key: CustomerKey,
        input: CustomerInput,
        /// Refuse if the file is no longer at this version.
        expected_version: Option<u64>,
    },
    MergeCustomers {
        keep: CustomerKey,
        other: CustomerKey,
    },
    Import {
        rows: ImportRows,
        parse_errors: Vec<RowError>,
        options: ImportOptions,
    },
    Export {
        kind: Kind,
        format: Format,
    },
    Rfm {
        options: ScoreOptions,
        segment: Option<Segment>,
    },
    Segments(ScoreOptions),
    Stages(ScoreOptions),
    Values(ScoreOptions),
    Pareto(ScoreOptions),
    Churn {
        options: ScoreOptions,
        period: Period,
    },
    /// The churn report per account owner (see [`Service::churn_by_owner`]).
    ChurnByOwner {
        options: ScoreOptions,
        period: Period,
    },
    /// Satisfaction per period (see [`Service::satisfaction_report`]).
    Satisfaction {
        period: Period,
        by: Option<super::SatisfactionBy>,
        as_of: Option<chrono::NaiveDate>,
    },
    Due {
        options: ScoreOptions,
        within_days: i64,
        overdue_days: i64,
    },
    PlanReorders {
        options: ScoreOptions,
        within_days: i64,
        overdue_days: i64,
    },
    /// A win-back call for every valuable customer who left or is slipping away (see
    /// [`Service::win_back_list`]), due on the scoring date.
    PlanWinBack {
        options: ScoreOptions,
    },
    /// A win-back call for each customer of the workbench's "valuable and slipping away" list,
    /// as the list showed them, due `due`.
    PlanSlipping {
        calls: Vec<super::SlippingCall>,
        due: NaiveDate,
    },
    /// A customer's points now: balance, tier, what expires soon, the `last` movements.
    PointsSummary {
        customer: CustomerId,
        last: usize,
    },
    /// Redeem or grant points (see [`Service::redeem_points`]); `expected`: the balance the
    /// person saw, refused when it moved.
    RecordPoints {
        customer: CustomerId,
        kind: crate::domain::PointsKind,
        points: i64,
        reason: String,
        expected: Option<i64>,
    },
    /// Up to `limit` things the customer has not bought that buyers like them buy.
    Suggestions {
        customer: CustomerId,
        limit: usize,
    },
    /// The lifetime models fitted `weeks` weeks before `as_of`, tracked week by week to it.
    ClvTracking {
        as_of: NaiveDate,
        weeks: u32,
    },
    LogFollowUp(NewFollowUp),
    AddCarePlan(NewCarePlan),
    CompleteCarePlan {
        id: String,
        log: Option<NewFollowUp>,
        today: NaiveDate,
    },
    SkipCarePlan {
        id: String,
        reason: String,
        today: NaiveDate,
    },
    PlanBirthdays {
        today: NaiveDate,
        within_days: i64,
    },
    Agenda {
        date: NaiveDate,
        owner: Option<String>,
        days_ahead: i64,
    },
    Forgotten {
        as_of: NaiveDate,
        owner: Option<String>,
        days: i64,
        limit: usize,
    },
    OpenComplaint(NewComplaint),
    Complaint {
        id: String,
        command: ComplaintCommand,
        /// Refuse if the complaint is no longer at this version (a colleague acted on it).
        #[serde(default)]
        expected_version: Option<u64>,
    },
    ComplaintView {
        id: String,
    },
    ComplaintQueue(QueueFilter),
    RootCauses,
    TeamSettings,
    SetTeamSetting {
        key: String,
        value: Option<String>,
    },
    Stats,
    ChangeCounter,
    /// Audit entries, newest first.
    Audit(super::AuditFilter),
    /// Everyone given a role, and the role.
    Roles,
    /// Admins only.
    SetRole {
        user: String,
        role: crate::domain::Role,
    },
    /// Who this process acts as, and their role.
    Whoami,
    CustomerCount,
    /// Customer ids after `after`, in id order (the customers table before scores are ready).
    CustomerIdsAfter {
        after: Option<CustomerId>,
        limit: usize,
    },
    /// The list facts of these customers (`None` for an id that no longer exists), in order.
    Summaries(Vec<CustomerId>),
    /// A complaint with its SLA state at `now`.
    ComplaintViewAt {
        id: String,
        now: Millis,
    },
    /// The most urgent care plans (overdue, today, the next `days_ahead` days) and how many
    /// there are in all.
    AgendaTop {
        now: NaiveDateTime,
        owner: Option<String>,
        days_ahead: i64,
        limit: usize,
    },
    /// The most urgent complaints passing `filter` at `now`, and how many pass.
    QueueTop {
        filter: QueueFilter,
        now: Millis,
        limit: usize,
    },
    /// The newest contacts, newest first.
    RecentFollowUps {
        limit: usize,
    },
    /// Import runs that stopped part way (their chunks are in; the rest is not).
    InterruptedImports,
    /// What needs this session's staff member at `now` (see [`Service::reminders_at`]).
    Reminders {
        now: crate::domain::Millis,
    },
    /// The teams complaints can be routed to.
    Teams,
    /// Note (`Some`) or clear the influence a customer carries (see [`Service::set_influence`]).
    SetInfluence {
        customer: CustomerKey,
        influence: Option<(crate::domain::InfluenceKind, String)>,
    },
    /// Canned answers matching `query` (every one for an empty query), best first.
    SearchAnswers {
        query: String,
        limit: usize,
    },
    AddAnswer(crate::domain::NewAnswer),
    EditAnswer {
        id: String,
        edit: super::AnswerEdit,
        /// Refuse if the answer is no longer at this version.
        expected_version: Option<u64>,
    },
    RemoveAnswer {
        id: String,
        /// Refuse if the answer is no longer at this version.
        expected_version: Option<u64>,
    },
    /// The answer's text for a case, placeholders filled; counts one use.
    UseAnswer {
        id: String,
        case: super::AnswerCase,
    },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Response {
    Lookup(Vec<LookupHit>),
    CustomerCard(Box<CustomerCard>),
    Customer(Box<Customer>),
    Merged {
        customer: Box<Customer>,
        moved: MergeCounts,
    },
    Imported(Box<ImportReport>),
    Exported {
        count: u64,
        text: String,
    },
    Rfm(Vec<RfmRow>),
    Segments(Vec<SegmentRow>),
    Stages(Vec<StageRow>),
    Values(Vec<ValueRow>),
    Pareto(Box<Pareto>),
    Churn(Box<ChurnReport>),
    ClvTracking(Box<super::ClvReport>),
    /// What to offer `customer` (named, so that a late answer is not shown on another card).
    Suggestions {
        customer: CustomerId,
        found: Vec<super::Suggestion>,
    },
    Points(Box<super::PointsSummary>),
    PointsEntry(Box<crate::domain::PointsEntry>),
    ChurnByOwner(Vec<super::OwnerChurn>),
    Satisfaction(Vec<super::SatisfactionRow>),
    Due(Vec<DueRow>),
    /// Reorder plans created, and customers that already had one.
    Planned {
        created: u64,
        existing: u64,
    },
    FollowUp {
        followup: Box<FollowUp>,
        next_contact: Option<Box<CarePlan>>,
    },
    CarePlan(Box<CarePlan>),
    PlanOutcome(Box<PlanOutcome>),
    Agenda(Vec<AgendaItem>),
    Forgotten(Box<Forgotten>),
    Complaint {
        complaint: Box<Complaint>,
        satisfaction_plan: Option<Box<CarePlan>>,
    },
    ComplaintView(Box<ComplaintView>),
    ComplaintQueue(Vec<ComplaintView>),
    RootCauses(Vec<CauseRow>),
    TeamSettings(Vec<TeamSetting>),
    Done,
    Stats(Stats),
    ChangeCounter(u64),
    Audit(Vec<crate::domain::AuditEntry>),
    Roles(Vec<(String, crate::domain::Role)>),
    Whoami {
        user: String,
        role: crate::domain::Role,
    },
    Count(u64),
    CustomerIds(Vec<CustomerId>),
    Summaries(Vec<Option<CustomerSummary>>),
    AgendaTop {
        items: Vec<AgendaItem>,
        total: usize,
    },
    QueueTop {
        views: Vec<ComplaintView>,
        total: usize,
        /// The filter it answers for (a queue for an older filter is not shown).
        filter: QueueFilter,
    },
    FollowUps(Vec<FollowUp>),
    Imports(Vec<crate::domain::ImportRecord>),
    Answers(Vec<crate::domain::Answer>),
    Reminders(Box<super::Reminders>),
    Teams(Vec<crate::domain::Team>),
    Answer(Box<crate::domain::Answer>),
    UsedAnswer(Box<super::UsedAnswer>),
}

impl Service {
    /// Answers one request.
    pub fn handle(&self, request: Request) -> Result<Response, ServiceError> {
        let mut quiet = |_: u64, _: u64| {};
        Ok(match request {
            Request::Lookup { query, limit } => Response::Lookup(self.lookup(&query, limit)?),
            Request::CustomerCard {
                key,
                timeline_limit,
            } => Response::CustomerCard(Box::new(self.customer_card(&key, timeline_limit)?)),
            Request::AddCustomer(new) => Response::Customer(Box::new(self.add_customer(new)?)),
            Request::UpdateCustomer {
                key,
                input,
                expected_version,
            } => Response::Customer(Box::new(self.update_customer(
                &key,
                &input,
                expected_version,
            )?)),
            Request::MergeCustomers { keep, other } => {
                let (customer, moved) = self.merge_customers(&keep, &other)?;
                Response::Merged {
                    customer: Box::new(customer),
                    moved,
                }
            }
            Request::Import {
                rows,
                parse_errors,
                options,
            } => Response::Imported(Box::new(match rows {
                ImportRows::Customers(rows) => {
                    self.import_customers(rows, parse_errors, options, &mut quiet)?
                }
                ImportRows::Orders(rows) => {
                    self.import_orders(rows, parse_errors, options, &mut quiet)?
                }
                ImportRows::FollowUps(rows) => {
                    self.import_followups(rows, parse_errors, options, &mut quiet)?
                }
                ImportRows::CarePlans(rows) => {
                    self.import_care_plans(rows, parse_errors, options, &mut quiet)?
                }
                ImportRows::Complaints(rows) => {
                    self.import_complaints(rows, parse_errors, options, &mut quiet)?
                }
            })),
            Request::Export { kind, format } => {
                let mut buffer = Vec::new();
                let count = self.export(kind, format, &mut buffer)?;
                Response::Exported {
                    count,
                    text: String::from_utf8_lossy(&buffer).into_owned(),
                }
            }
            Request::Rfm { options, segment } => {
                Response::Rfm(self.rfm_report(&options, segment)?.1)
            }
            Request::Segments(options) => {
                Response::Segments(super::segment_report(&self.score(&options)?)?)
            }
            Request::Stages(options) => {
                Response::Stages(super::stage_report(&self.score(&options)?))
            }
            Request::Values(options) => {
                Response::Values(super::value_report(&self.score(&options)?)?)
            }
            Request::Pareto(options) => {
                Response::Pareto(Box::new(super::pareto_report(&self.score(&options)?)?))
            }
            Request::Churn { options, period } => {
                Response::Churn(Box::new(self.churn_report(&options, period)?))
            }
            Request::ChurnByOwner { options, period } => {
                Response::ChurnByOwner(self.churn_by_owner(&options, period)?)
            }
            Request::Satisfaction { period, by, as_of } => {
                Response::Satisfaction(self.satisfaction_report(period, by, as_of)?)
            }
            Request::Due {
                options,
                within_days,
                overdue_days,
            } => Response::Due(self.due(&options, within_days, overdue_days)?),
            Request::PlanReorders {
                options,
                within_days,
                overdue_days,
            } => {
                let rows = self.due(&options, within_days, overdue_days)?;
                let as_of = options.as_of.unwrap_or_else(super::today);
                let (created, existing) = self.plan_reorders(&rows, as_of)?;
                Response::Planned { created, existing }
            }
            Request::PlanSlipping { calls, due } => {
                let (created, existing) = self.plan_slipping(&calls, due)?;
                Response::Planned { created, existing }
            }
            Request::PointsSummary { customer, last } => Response::Points(Box::new(
                self.points_summary(customer, chrono::Utc::now().timestamp_millis(), last)?,
            )),
            Request::RecordPoints {
                customer,
                kind,
                points,
                reason,
                expected,
            } => Response::PointsEntry(Box::new(match kind {
                crate::domain::PointsKind::Redeemed => {
                    self.redeem_points(customer, points, &reason, expected)?
                }
                crate::domain::PointsKind::Granted => {
                    self.grant_points(customer, points, &reason, expected)?
                }
            })),
            Request::Suggestions { customer, limit } => Response::Suggestions {
                customer,
                found: self.suggestions(customer, limit)?,
            },
            Request::ClvTracking { as_of, weeks } => {
                Response::ClvTracking(Box::new(self.clv_tracking(as_of, weeks)?))
            }
            Request::PlanWinBack { options } => {
                let rows = self.win_back_list(&options)?;
                let due = options.as_of.unwrap_or_else(super::today);
                let (created, existing) = self.plan_win_back(&rows, due)?;
                Response::Planned { created, existing }
            }
            Request::LogFollowUp(new) => {
                let (followup, plan) = self.log_followup(&new)?;
                Response::FollowUp {
                    followup: Box::new(followup),
                    next_contact: plan.map(Box::new),
                }
            }
            Request::AddCarePlan(new) => Response::CarePlan(Box::new(self.add_care_plan(&new)?)),
            Request::CompleteCarePlan { id, log, today } => {
                Response::PlanOutcome(Box::new(self.complete_care_plan(&id, log, today)?))
            }
            Request::SkipCarePlan { id, reason, today } => {
                Response::PlanOutcome(Box::new(self.skip_care_plan(&id, &reason, today)?))
            }
            Request::PlanBirthdays { today, within_days } => {
                let (created, existing) = self.plan_birthdays(today, within_days)?;
                Response::Planned { created, existing }
            }
            Request::Agenda {
                date,
                owner,
                days_ahead,
            } => Response::Agenda(self.agenda(date, owner.as_deref(), days_ahead)?),
            Request::Forgotten {
                as_of,
                owner,
                days,
                limit,
            } => Response::Forgotten(Box::new(self.forgotten(
                as_of,
                owner.as_deref(),
                days,
                limit,
            )?)),
            Request::OpenComplaint(new) => Response::Complaint {
                complaint: Box::new(self.open_complaint(new)?),
                satisfaction_plan: None,
            },
            Request::Complaint {
                id,
                command,
                expected_version,
            } => {
                let (complaint, plan) =
                    self.complaint_command_if(&id, command, expected_version)?;
                Response::Complaint {
                    complaint: Box::new(complaint),
                    satisfaction_plan: plan.map(Box::new),
                }
            }
            Request::ComplaintView { id } => {
                Response::ComplaintView(Box::new(self.complaint_view(&id)?))
            }
            Request::ComplaintQueue(filter) => {
                Response::ComplaintQueue(self.complaint_queue(&filter)?)
            }
            Request::RootCauses => Response::RootCauses(self.root_cause_report()?),
            Request::TeamSettings => Response::TeamSettings(self.team_settings()?),
            Request::SetTeamSetting { key, value } => {
                self.set_team_setting(&key, value.as_deref())?;
                Response::Done
            }
            Request::Stats => Response::Stats(self.stats()?),
            Request::ChangeCounter => Response::ChangeCounter(self.change_counter()?),
            Request::Audit(filter) => Response::Audit(self.audit(&filter)?),
            Request::Roles => Response::Roles(self.roles()?),
            Request::SetRole { user, role } => {
                self.set_role(&user, role)?;
                Response::Done
            }
            Request::Whoami => {
                let (user, role) = self.whoami();
                Response::Whoami {
                    user: user.to_owned(),
                    role,
                }
            }
            Request::CustomerCount => Response::Count(self.customer_count()?),
            Request::CustomerIdsAfter { after, limit } => {
                Response::CustomerIds(self.customer_ids_after(after, limit)?)
            }
            Request::Summaries(ids) => Response::Summaries(self.summaries(&ids)?),
            Request::ComplaintViewAt { id, now } => {
                Response::ComplaintView(Box::new(self.complaint_view_at(&id, now)?))
            }
            Request::AgendaTop {
                now,
                owner,
                days_ahead,
                limit,
            } => {
                let (items, total) = self.agenda_top(now, owner.as_deref(), days_ahead, limit)?;
                Response::AgendaTop { items, total }
            }
            Request::QueueTop { filter, now, limit } => {
                let (views, total) = self.complaint_queue_top(&filter, now, limit)?;
                Response::QueueTop {
                    views,
                    total,
                    filter,
                }
            }
            Request::RecentFollowUps { limit } => {
                Response::FollowUps(self.recent_followups(limit)?)
            }
            Request::InterruptedImports => Response::Imports(self.interrupted_imports()?),
            Request::Reminders { now } => Response::Reminders(Box::new(self.reminders_at(now)?)),
            Request::Teams => Response::Teams(self.teams()?),
            Request::SetInfluence {
                customer,
                influence,
            } => {
                self.set_influence(&customer, influence)?;
                Response::Done
            }
            Request::SearchAnswers { query, limit } => {
                Response::Answers(self.search_answers(&query, limit)?)
            }
            Request::AddAnswer(new) => Response::Answer(Box::new(self.add_answer(&new)?)),
            Request::EditAnswer {
                id,
                edit,
                expected_version,
            } => Response::Answer(Box::new(self.edit_answer(&id, &edit, expected_version)?)),
            Request::RemoveAnswer {
                id,
                expected_version,
            } => Response::Answer(Box::new(self.remove_answer(&id, expected_version)?)),
            Request::UseAnswer { id, case } => {
                Response::UsedAnswer(Box::new(self.use_answer(&id, &case)?))
            }
        })
    }
}
