//! Scoring through the service: builds each customer's facts as of D from the maintained
//! aggregates (reading a customer's orders only when some of them fall after D), runs the pure
//! [`crate::scoring`] functions, and shapes the results into rows and reports.

use super::local_dates::{LocalDates, today};
use super::{Service, ServiceError};
use crate::domain::{CarePlan, CarePurpose, ComplaintStatus, CustomerId, Money, PlanStatus};
use crate::domain::{CustomerHead, Role};
use crate::scoring::{
    self, ChurnPeriod, CustomerFacts, CustomerScore, Period, ReorderPrediction, Rfm, ScoringParams,
    Segment, Stage, ValueClass, WonBack,
};
use crate::store::{Reader, RecordIdKind, StoreError};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

/// What to score with: the date and any rates that override the team settings.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScoreOptions {
    /// Default: today (local time).
    pub as_of: Option<NaiveDate>,
    pub margin_rate: Option<String>,
    pub complaint_cost: Option<Money>,
    pub contact_cost: Option<Money>,
    pub churn_days: Option<i64>,
}

/// Every customer's facts and scores as of one date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScoreTable {
    pub params: ScoringParams,
    /// All customers, in id order.
    pub facts: Vec<CustomerFacts>,
    /// Same order as `facts`.
    pub scores: Vec<CustomerScore>,
}

/// One row of `loyal rfm`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RfmRow {
    pub customer_id: String,
    pub name: String,
    pub recency_days: i64,
    pub frequency: u64,
    pub monetary: Money,
    pub r: u8,
    pub f: u8,
    pub m: u8,
    pub segment: Segment,
    pub value_class: ValueClass,
    pub stage: Stage,
    /// An open complaint that breached its response deadline or has many contacts.
    pub at_risk: bool,
}

/// One scored customer for a streaming writer ([`Service::rfm_each`]).
#[derive(Debug, Clone, Copy)]
pub struct RfmLine<'a> {
    pub customer_id: &'a str,
    pub rfm: &'a Rfm,
    pub value_class: ValueClass,
    pub stage: Stage,
    pub at_risk: bool,
}

/// Every customer's external id in id order, in one buffer.
#[derive(Default)]
pub(super) struct ExternalIds {
    ids: Vec<CustomerId>,
    ends: Vec<usize>,
    text: String,
}

impl ExternalIds {
    pub(super) fn push(&mut self, id: CustomerId, external: &str) {
        self.ids.push(id);
        self.text.push_str(external);
        self.ends.push(self.text.len());
    }

    /// The external id of `id` (the ids were pushed in id order).
    pub(super) fn find(&self, id: CustomerId) -> Option<&str> {
        self.ids.binary_search(&id).ok().map(|at| self.get(at))
    }

    pub(super) fn get(&self, at: usize) -> &str {
        let start = at.checked_sub(1).map_or(0, |i| self.ends[i]);
        &self.text[start..self.ends[at]]
    }
}

/// The churn report with the customers who were won back.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChurnReport {
    pub report: ChurnPeriod,
    pub won_back: Vec<(String, WonBack)>,
}

/// The churn report of one account owner's customers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OwnerChurn {
    /// `None`: the customers nobody owns.
    pub owner: Option<String>,
    pub report: ChurnPeriod,
}

/// A customer expected to reorder soon (or overdue).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DueRow {
    /// The internal number (`customer_id` is the external id).
    #[serde(skip)]
    pub customer: CustomerId,
    pub customer_id: String,
    pub name: String,
    pub prediction: ReorderPrediction,
    /// Days from D to the expected date; negative when overdue.
    pub days_until: i64,
    pub owner: Option<String>,
}

/// How many times `rfm_report` takes two read snapshots hoping they show the same state.
const SNAPSHOT_PAIR_TRIES: usize = 5;

/// The longest span, in days, any analytics window may have (ten years).
const MAX_DAYS: i64 = 3650;

/// `as_of`, or today; refused outside the supported dates (arithmetic on dates stays safe, and
/// a report never walks thousands of years of periods).
fn checked_as_of(as_of: Option<NaiveDate>) -> Result<NaiveDate, ServiceError> {
    crate::domain::check_date(as_of.unwrap_or_else(today))
        .map_err(|reason| ServiceError::invalid("as_of", reason))
}

/// Every customer of the snapshot scored with `params`.
pub(super) fn score_table(r: &Reader, params: ScoringParams) -> Result<ScoreTable, ServiceError> {
    let facts = super::facts::customer_facts(r, params.as_of)?;
    Ok(ScoreTable {
        scores: scoring::score_by_ranks(&facts, &params),
        params,
        facts,
    })
}

impl Service {
    /// The scoring rates: team settings, overridden by `options`.
    pub fn scoring_params(&self, options: &ScoreOptions) -> Result<ScoringParams, ServiceError> {
        let setting = |key: &str| self.team_setting(key);
        let margin = match &options.margin_rate {
            Some(rate) => rate.clone(),
            None => setting("scoring.margin_rate")?,
        };
        let money = |key: &str, value: Option<Money>| -> Result<Money, ServiceError> {
            match value {
                Some(v) => Ok(v),
                None => setting(key)?
                    .parse::<Money>()
                    .map_err(|e| ServiceError::invalid(key, e.to_string())),
            }
        };
        let churn_days = match options.churn_days {
            Some(days) => days,
            None => setting("scoring.churn_days")?
                .parse::<i64>()
                .map_err(|e| ServiceError::invalid("scoring.churn_days", e.to_string()))?,
        };
        if !(1..=MAX_DAYS).contains(&churn_days) {
            return Err(ServiceError::invalid(
                "churn_days",
                t!("days-range", least = 1, most = MAX_DAYS),
            ));
        }
        let as_of = checked_as_of(options.as_of)?;
        Ok(ScoringParams {
            as_of,
            margin_bp: ScoringParams::margin_bp_from(&margin)
                .map_err(|e| ServiceError::invalid("margin_rate", e))?,
            complaint_cost: money("scoring.complaint_cost", options.complaint_cost)?,
            contact_cost: money("scoring.contact_cost", options.contact_cost)?,
            churn_days,
        })
    }

    /// Scores every customer as of `options.as_of`.
    pub fn score(&self, options: &ScoreOptions) -> Result<ScoreTable, ServiceError> {
        let params = self.scoring_params(options)?;
        score_table(&self.store.read()?, params)
    }

    /// Every customer scored with `params` from one snapshot, and what `heads` reads from the
    /// same state of the file, on a second thread while the first scores: two read snapshots,
    /// taken until both show the same change counter (every write moves it). After a few
    /// writes in a row land between the two, one snapshot does both, one after the other.
    fn scored_with<H: Send>(
        &self,
        params: ScoringParams,
        heads: impl Fn(&Reader) -> Result<H, StoreError> + Sync,
    ) -> Result<(Reader, ScoreTable, H), ServiceError> {
        let mut pair = None;
        for _ in 0..SNAPSHOT_PAIR_TRIES {
            let (r, names) = (self.store.read()?, self.store.read()?);
            if r.change_counter()? == names.change_counter()? {
                pair = Some((r, names));
                break;
            }
        }
        let Some((r, names)) = pair else {
            let r = self.store.read()?;
            let table = score_table(&r, params)?;
            let heads = heads(&r)?;
            return Ok((r, table, heads));
        };
        let path = self.store.path();
        let heads = &heads;
        let (table, heads) = std::thread::scope(|s| {
            // Guarded on its own thread: a panic record belongs to the thread that raised it.
            let heads = s.spawn(move || crate::store::damage::guard(path, || heads(&names)));
            let table = score_table(&r, params);
            let heads = heads
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            (table, heads)
        });
        Ok((r, table?, heads?))
    }

    /// `loyal rfm`: every customer scored as of `options.as_of`, and the rows of the scored
    /// ones (optionally one segment) in id order, with their ids and names.
    pub fn rfm_report(
        &self,
        options: &ScoreOptions,
        segment: Option<Segment>,
    ) -> Result<(ScoreTable, Vec<RfmRow>), ServiceError> {
        let params = self.scoring_params(options)?;
        let (r, table, heads) = self.scored_with(params, |names| {
            names
                .customer_heads()?
                .collect::<Result<Vec<CustomerHead>, _>>()
        })?;
        let rows = self.rfm_rows(&r, &table, heads, segment)?;
        Ok((table, rows))
    }

    /// `loyal rfm --format csv` without building the rows: `each` is called with every scored
    /// customer (optionally of one segment) in id order, and returns false to stop. Names are
    /// not read, and external ids are kept in one buffer rather than a string each, so a
    /// million customers cost a few allocations. Returns the date scored as of.
    pub fn rfm_each(
        &self,
        options: &ScoreOptions,
        segment: Option<Segment>,
        each: &mut dyn FnMut(RfmLine<'_>) -> bool,
    ) -> Result<NaiveDate, ServiceError> {
        let params = self.scoring_params(options)?;
        let (r, table, ids) = self.scored_with(params, |names| {
            let mut ids = ExternalIds::default();
            names.for_each_external_id(|id, external| ids.push(id, external))?;
            Ok(ids)
        })?;
        let at_risk = self.complaint_risk(&r, params.as_of)?;
        let mut at = 0;
        for (facts, score) in table.facts.iter().zip(&table.scores) {
            let (Some(rfm), Some(value_class)) = (score.rfm.as_ref(), score.value_class) else {
                continue;
            };
            if segment.is_some_and(|s| s != rfm.segment) {
                continue;
            }
            // Both in id order: walk them together.
            while at < ids.ids.len() && ids.ids[at] < facts.customer {
                at += 1;
            }
            if at == ids.ids.len() || ids.ids[at] != facts.customer {
                continue;
            }
            let line = RfmLine {
                customer_id: ids.get(at),
                rfm,
                value_class,
                stage: score.stage,
                at_risk: at_risk.contains(&facts.customer),
            };
            if !each(line) {
                break;
            }
        }
        Ok(params.as_of)
    }

    /// The rows of the scored customers in `table` (optionally one segment), in id order, with
    /// the ids and names from `heads` (all customers, in id order, from the same snapshot).
    fn rfm_rows(
        &self,
        r: &Reader,
        table: &ScoreTable,
        heads: Vec<CustomerHead>,
        segment: Option<Segment>,
    ) -> Result<Vec<RfmRow>, ServiceError> {
        let at_risk = self.complaint_risk(r, table.params.as_of)?;
        let mut heads = heads.into_iter().peekable();
        let mut rows = Vec::new();
        // Facts and heads are both in id order: walk them together.
        for (facts, score) in table.facts.iter().zip(&table.scores) {
            let (Some(rfm), Some(value_class)) = (score.rfm, score.value_class) else {
                continue;
            };
            if segment.is_some_and(|s| s != rfm.segment) {
                continue;
            }
            while heads.next_if(|h| h.id < facts.customer).is_some() {}
            let Some(customer) = heads.next_if(|h| h.id == facts.customer) else {
                continue;
            };
            rows.push(RfmRow {
                customer_id: customer.external_id,
                name: customer.name,
                recency_days: rfm.recency_days,
                frequency: rfm.frequency,
                monetary: rfm.monetary,
                r: rfm.r,
                f: rfm.f,
                m: rfm.m,
                segment: rfm.segment,
                value_class,
                stage: score.stage,
                at_risk: at_risk.contains(&facts.customer),
            });
        }
        Ok(rows)
    }

    /// Customers with an open complaint that breached its first-response deadline (on the SLA
    /// clock: business hours, holidays, per-severity hours) or reached the escalation count.
    ///
    /// The complaints' current state is used (the queue has no history of states); complaints
    /// opened after `as_of` are left out.
    fn complaint_risk(
        &self,
        r: &Reader,
        as_of: NaiveDate,
    ) -> Result<HashSet<CustomerId>, ServiceError> {
        let policy = self.sla_policy()?;
        let contacts = self.escalation_contacts()?;
        let now = chrono::Utc::now().timestamp_millis();
        let mut dates = LocalDates::default();
        let mut out = HashSet::new();
        for complaint in r.complaints()? {
            let c = complaint?;
            if dates.date(c.opened_at) > as_of {
                continue;
            }
            let open = !matches!(
                c.status,
                ComplaintStatus::Resolved | ComplaintStatus::Closed
            );
            let late = policy.state(&c, now).response_breached;
            if open && (late || c.contacts >= contacts || c.escalated) {
                out.insert(c.customer);
            }
        }
        Ok(out)
    }

    /// Each customer's order dates on or before `as_of`, sorted, from the order index.
    fn order_dates(
        &self,
        r: &Reader,
        as_of: NaiveDate,
    ) -> Result<Vec<(CustomerId, Vec<NaiveDate>)>, ServiceError> {
        let mut dates = LocalDates::default();
        let mut out: Vec<(CustomerId, Vec<NaiveDate>)> = Vec::new();
        for point in r.order_points()? {
            let (customer, at, _) = point?;
            let date = dates.date(at);
            if date > as_of {
                continue;
            }
            match out.last_mut() {
                Some((c, list)) if *c == customer => list.push(date),
                _ => out.push((customer, vec![date])),
            }
        }
        for (_, list) in &mut out {
            list.sort_unstable();
        }
        Ok(out)
    }

    /// Churn and retention per period, and who was won back.
    pub fn churn_report(
        &self,
        options: &ScoreOptions,
        period: Period,
    ) -> Result<ChurnReport, ServiceError> {
        let params = self.scoring_params(options)?;
        let r = self.store.read()?;
        let per_customer = self.order_dates(&r, params.as_of)?;
        let lists: Vec<Vec<NaiveDate>> = per_customer.iter().map(|(_, d)| d.clone()).collect();
        let report = scoring::churn_report(&lists, params.as_of, period, params.churn_days);
        let mut won_back = Vec::new();
        for (customer, dates) in &per_customer {
            for back in scoring::won_back(*customer, dates, params.churn_days) {
                let id = r
                    .customer(*customer)?
                    .map(|c| c.external_id)
                    .unwrap_or_default();
                won_back.push((id, back));
            }
        }
        won_back.sort_by_key(|(_, b)| std::cmp::Reverse(b.came_back));
        Ok(ChurnReport { report, won_back })
    }

    /// The churn report once per account owner (names that differ only in case are one owner,
    /// shown as first met; `None`: customers nobody owns), owners by name, the unowned last:
    /// retention as the measure of each owner's work. Each owner's periods start with the
    /// first order of their customers.
    pub fn churn_by_owner(
        &self,
        options: &ScoreOptions,
        period: Period,
    ) -> Result<Vec<OwnerChurn>, ServiceError> {
        let params = self.scoring_params(options)?;
        let r = self.store.read()?;
        let mut groups: std::collections::BTreeMap<String, (Option<String>, Vec<Vec<NaiveDate>>)> =
            std::collections::BTreeMap::new();
        for (customer, dates) in self.order_dates(&r, params.as_of)? {
            let owner = r
                .customer(customer)?
                .and_then(|c| c.owner)
                .map(|o| o.trim().to_string())
                .filter(|o| !o.is_empty());
            let key = owner.as_deref().map(str::to_lowercase).unwrap_or_default();
            groups
                .entry(key)
                .or_insert_with(|| (owner.clone(), Vec::new()))
                .1
                .push(dates);
        }
        let mut out: Vec<OwnerChurn> = groups
            .into_values()
            .map(|(owner, lists)| OwnerChurn {
                owner,
                report: scoring::churn_report(&lists, params.as_of, period, params.churn_days),
            })
            .collect();
        out.sort_by(|a, b| match (&a.owner, &b.owner) {
            (Some(x), Some(y)) => x.to_lowercase().cmp(&y.to_lowercase()),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => std::cmp::Ordering::Equal,
        });
        Ok(out)
    }

    /// Customers whose next order is expected between `as_of - overdue_days` and
    /// `as_of + within_days`, soonest first. Longer overdue ones are churn cases, not reminders.
    pub fn due(
        &self,
        options: &ScoreOptions,
        within_days: i64,
        overdue_days: i64,
    ) -> Result<Vec<DueRow>, ServiceError> {
        let as_of = checked_as_of(options.as_of)?;
        for (name, days) in [("within", within_days), ("overdue_days", overdue_days)] {
            if !(0..=MAX_DAYS).contains(&days) {
                return Err(ServiceError::invalid(
                    name,
                    t!("days-range", least = 0, most = MAX_DAYS),
                ));
            }
        }
        let r = self.store.read()?;
        let horizon = as_of + chrono::Duration::days(within_days);
        let oldest = as_of - chrono::Duration::days(overdue_days);
        let mut rows = Vec::new();
        for (customer, dates) in self.order_dates(&r, as_of)? {
            let Some(prediction) = scoring::predict_reorder(&dates) else {
                continue;
            };
            if prediction.next_expected > horizon || prediction.next_expected < oldest {
                continue;
            }
            let Some(c) = r.customer(customer)? else {
                continue;
            };
            rows.push(DueRow {
                customer,
                customer_id: c.external_id,
                name: c.name,
                days_until: (prediction.next_expected - as_of).num_days(),
                prediction,
                owner: c.owner,
            });
        }
        rows.sort_by_key(|row| (row.prediction.next_expected, row.customer));
        Ok(rows)
    }

    /// Creates a reorder care plan for each due customer that has no open reorder plan yet, in
    /// one transaction. Returns (created, already planned).
    pub fn plan_reorders(
        &self,
        rows: &[DueRow],
        as_of: NaiveDate,
    ) -> Result<(u64, u64), ServiceError> {
        let r = self.store.read()?;
        let mut planned = HashSet::new();
        for row in rows {
            if r.care_plans_of(row.customer)?
                .iter()
                .any(|p| p.purpose == CarePurpose::Reorder && p.status == PlanStatus::Open)
            {
                planned.insert(row.customer);
            }
        }
        drop(r);
        self.write(Role::Agent, "plan care", |w| {
            let mut created = 0;
            for row in rows.iter().filter(|row| !planned.contains(&row.customer)) {
                let plan = CarePlan::open_once(
                    w.next_record_id(RecordIdKind::CarePlan)?,
                    row.customer,
                    row.prediction.next_expected.max(as_of),
                    CarePurpose::Reorder,
                    row.owner.clone(),
                    t!(
                        "note-reorder",
                        expected = row.prediction.next_expected.to_string(),
                        days = row.prediction.median_gap_days,
                        last = row.prediction.last_order.to_string()
                    ),
                    w.now(),
                );
                w.upsert_care_plan(&plan)?;
                created += 1;
            }
            w.audit(
                "care.reorders",
                None,
                "",
                format!("{created} reorder plans created"),
            )?;
            Ok::<_, ServiceError>((created, planned.len() as u64))
        })
    }
}
