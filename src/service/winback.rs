//! Why customers leave and winning them back: churned customers counted by the reason noted
//! on their file, with the revenue they used to bring; the valuable ones who left or are
//! slipping away, planned for a win-back call; and how many of those calls won them back.
//!
//! A customer has churned as of D when their last order is `scoring.churn_days` or more before
//! D (churned on last order + churn_days), or when their file says churned (churned on the day
//! the file last changed, when they have not lapsed).

use super::local_dates::LocalDates;
use super::scoring::score_table;
use super::{ScoreOptions, Service, ServiceError};
use crate::domain::{
    CarePlan, CarePurpose, Customer, CustomerId, CustomerStatus, Money, PlanStatus, Role,
};
use crate::scoring::{CustomerFacts, CustomerScore, Period, Segment, ValueClass};
use crate::store::RecordIdKind;
use chrono::{Duration, NaiveDate};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Churned customers of one period and one reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChurnReasonRow {
    /// The start of the period they churned in.
    pub period: NaiveDate,
    /// As written on the files (the first spelling met); `None`: no reason noted.
    pub reason: Option<String>,
    pub customers: u64,
    /// The revenue of all their orders up to the date.
    pub revenue: Money,
}

/// A valuable customer who left or is slipping away, with no open win-back plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WinBackRow {
    #[serde(with = "crate::domain::internal_key")]
    pub id: CustomerId,
    pub customer_id: String,
    pub name: String,
    pub owner: Option<String>,
    pub value_class: ValueClass,
    pub segment: Option<Segment>,
    /// The day they churned; `None`: not churned yet, at risk by their RFM segment.
    pub churned_on: Option<NaiveDate>,
    pub churn_reason: Option<String>,
    pub last_order: Option<NaiveDate>,
    pub revenue: Money,
}

/// A customer of the "valuable and slipping away" list, as the workbench showed them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SlippingCall {
    #[serde(with = "crate::domain::internal_key")]
    pub id: CustomerId,
    pub p_alive: f32,
    pub p_alive_before: f32,
    pub clv: Option<f32>,
}

/// How the win-back calls went: plans made, and customers who ordered again after theirs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WinBackRate {
    pub plans: u64,
    /// Customers of those plans who ordered after the plan was made.
    pub won_back: u64,
    /// `won_back / plans`; `None` with no plan.
    pub rate: Option<f64>,
}

/// The segments that mean slipping away.
const AT_RISK: [Segment; 4] = [
    Segment::AtRisk,
    Segment::CantLoseThem,
    Segment::Hibernating,
    Segment::Lost,
];

/// The day `c` churned as of `as_of` (see the module's rule), if they have.
fn churned_on(
    c: &Customer,
    facts: &CustomerFacts,
    as_of: NaiveDate,
    churn_days: i64,
    dates: &mut LocalDates,
) -> Option<NaiveDate> {
    if c.status == CustomerStatus::WonBack {
        return None;
    }
    let lapsed = facts
        .orders
        .map(|o| o.last + Duration::days(churn_days))
        .filter(|d| *d <= as_of);
    match (lapsed, c.status) {
        (Some(day), _) => Some(day),
        (None, CustomerStatus::Churned) => Some(dates.date(c.updated_at).min(as_of)),
        _ => None,
    }
}

impl Service {
    /// Every customer with their facts and scores as of `options`, walked in id order with
    /// their files; `visit` sees each.
    fn walk_scored(
        &self,
        options: &ScoreOptions,
        mut visit: impl FnMut(&Customer, &CustomerFacts, &CustomerScore, NaiveDate, i64),
    ) -> Result<(), ServiceError> {
        let params = self.scoring_params(options)?;
        let r = self.store.read()?;
        let table = score_table(&r, params)?;
        let mut rows = table.facts.iter().zip(&table.scores).peekable();
        for customer in r.customers()? {
            let c = customer?;
            while rows.next_if(|(f, _)| f.customer < c.id).is_some() {}
            if let Some((f, s)) = rows.next_if(|(f, _)| f.customer == c.id) {
                visit(&c, f, s, params.as_of, params.churn_days);
            }
        }
        Ok(())
    }

    /// Churned customers per period they churned in and per reason, with the revenue they
    /// brought; periods oldest first, then most customers first.
    pub fn churn_reasons(
        &self,
        options: &ScoreOptions,
        period: Period,
    ) -> Result<Vec<ChurnReasonRow>, ServiceError> {
        let mut dates = LocalDates::default();
        // (period, folded reason) -> row
        let mut groups: BTreeMap<(NaiveDate, String), ChurnReasonRow> = BTreeMap::new();
        let mut overflow = false;
        self.walk_scored(options, |c, f, _, as_of, churn_days| {
            let Some(day) = churned_on(c, f, as_of, churn_days, &mut dates) else {
                return;
            };
            let reason = c
                .churn_reason
                .as_deref()
                .map(str::trim)
                .filter(|r| !r.is_empty());
            let start = period.start_of(day);
            let key = (start, reason.map(str::to_lowercase).unwrap_or_default());
            let row = groups.entry(key).or_insert_with(|| ChurnReasonRow {
                period: start,
                reason: reason.map(str::to_string),
                customers: 0,
                revenue: Money(0),
            });
            row.customers += 1;
            match row
                .revenue
                .checked_add(f.orders.map_or(Money(0), |o| o.total))
            {
                Some(total) => row.revenue = total,
                None => overflow = true,
            }
        })?;
        if overflow {
            return Err(ServiceError::invalid(
                "revenue",
                crate::domain::TotalOverflow.to_string(),
            ));
        }
        let mut rows: Vec<ChurnReasonRow> = groups.into_values().collect();
        rows.sort_by(|a, b| {
            a.period
                .cmp(&b.period)
                .then(b.customers.cmp(&a.customers))
                .then(a.reason.cmp(&b.reason))
        });
        Ok(rows)
    }

    /// Valuable customers (MVC, MGC) who churned or whose RFM segment says they are slipping
    /// away, with no open win-back plan; most revenue first.
    pub fn win_back_list(&self, options: &ScoreOptions) -> Result<Vec<WinBackRow>, ServiceError> {
        let mut dates = LocalDates::default();
        let mut rows = Vec::new();
        self.walk_scored(options, |c, f, s, as_of, churn_days| {
            let Some(class @ (ValueClass::Mvc | ValueClass::Mgc)) = s.value_class else {
                return;
            };
            let churned = churned_on(c, f, as_of, churn_days, &mut dates);
            let segment = s.rfm.map(|r| r.segment);
            if churned.is_none() && !segment.is_some_and(|s| AT_RISK.contains(&s)) {
                return;
            }
            rows.push(WinBackRow {
                id: c.id,
                customer_id: c.external_id.clone(),
                name: c.name.clone(),
                owner: c.owner.clone(),
                value_class: class,
                segment,
                churned_on: churned,
                churn_reason: c.churn_reason.clone(),
                last_order: f.orders.map(|o| o.last),
                revenue: f.orders.map_or(Money(0), |o| o.total),
            });
        })?;
        let r = self.store.read()?;
        let mut open = Vec::with_capacity(rows.len());
        for row in &rows {
            open.push(has_open_win_back(&r.care_plans_of(row.id)?));
        }
        let mut open = open.into_iter();
        rows.retain(|_| !open.next().unwrap_or(false));
        rows.sort_by(|a, b| b.revenue.cmp(&a.revenue).then(a.id.cmp(&b.id)));
        Ok(rows)
    }

    /// A win-back care plan due `due` for each of `rows` (assigned to the customer's owner),
    /// skipping a customer who has an open one by now; in one transaction. Returns (created,
    /// already planned).
    pub fn plan_win_back(
        &self,
        rows: &[WinBackRow],
        due: NaiveDate,
    ) -> Result<(u64, u64), ServiceError> {
        self.plan_win_back_calls(due, rows.iter().map(|row| row.id), |i| {
            let row = &rows[i];
            match (&row.churned_on, &row.churn_reason) {
                (Some(day), Some(reason)) => t!(
                    "note-win-back-reason",
                    day = day.to_string(),
                    reason = reason.as_str(),
                    revenue = row.revenue.to_string()
                ),
                (Some(day), None) => t!(
                    "note-win-back",
                    day = day.to_string(),
                    revenue = row.revenue.to_string()
                ),
                (None, _) => t!(
                    "note-win-back-risk",
                    segment = row.segment.map(|s| s.title()).unwrap_or_default(),
                    revenue = row.revenue.to_string()
                ),
            }
        })
    }

    /// A win-back care plan due `due` for each customer of `calls` (the workbench's
    /// "valuable and slipping away" list), as [`Service::plan_win_back`] does.
    pub fn plan_slipping(
        &self,
        calls: &[SlippingCall],
        due: NaiveDate,
    ) -> Result<(u64, u64), ServiceError> {
        self.plan_win_back_calls(due, calls.iter().map(|c| c.id), |i| {
            let call = &calls[i];
            t!(
                "note-win-back-slipping",
                before = format!("{:.0}%", call.p_alive_before * 100.0),
                alive = format!("{:.0}%", call.p_alive * 100.0),
                days = super::SLIPPING_WINDOW_DAYS,
                clv = call
                    .clv
                    .map_or_else(|| "-".to_string(), |c| format!("{c:.2}"))
            )
        })
    }

    /// One transaction: a win-back plan for each of `customers` (the `note` of the i-th),
    /// assigned to the customer's owner as the file says now, skipping a customer gone or
    /// with an open win-back plan (checked here, so two people planning at once make one).
    fn plan_win_back_calls(
        &self,
        due: NaiveDate,
        customers: impl Iterator<Item = CustomerId>,
        note: impl Fn(usize) -> String,
    ) -> Result<(u64, u64), ServiceError> {
        crate::domain::check_date(due).map_err(|e| ServiceError::invalid("due", e))?;
        self.write(Role::Agent, "plan care", |w| {
            let (mut created, mut already) = (0, 0);
            for (i, id) in customers.enumerate() {
                let Some(customer) = w.customer(id)? else {
                    continue;
                };
                if has_open_win_back(&w.care_plans_of(id)?) {
                    already += 1;
                    continue;
                }
                let note = note(i);
                let plan = CarePlan::open_once(
                    w.next_record_id(RecordIdKind::CarePlan)?,
                    id,
                    due,
                    CarePurpose::WinBack,
                    customer.owner.clone(),
                    note,
                    w.now(),
                );
                w.upsert_care_plan(&plan)?;
                created += 1;
            }
            w.audit(
                "care.win_back",
                None,
                "",
                format!("{created} win-back plans created, {already} already planned"),
            )?;
            Ok((created, already))
        })
    }

    /// Of every win-back plan made, how many customers ordered again after theirs (a plan
    /// skipped counts too: the call was planned).
    pub fn win_back_rate(&self) -> Result<WinBackRate, ServiceError> {
        let r = self.store.read()?;
        let (mut plans, mut won_back) = (0u64, 0u64);
        for plan in r.care_plans()? {
            let plan = plan?;
            if plan.purpose != CarePurpose::WinBack {
                continue;
            }
            plans += 1;
            let a = r.aggregate(plan.customer)?;
            if a.order_count > 0 && a.last_order_at > plan.created_at {
                won_back += 1;
            }
        }
        Ok(WinBackRate {
            plans,
            won_back,
            rate: (plans > 0).then(|| won_back as f64 / plans as f64),
        })
    }
}

fn has_open_win_back(plans: &[CarePlan]) -> bool {
    plans
        .iter()
        .any(|p| p.purpose == CarePurpose::WinBack && p.status == PlanStatus::Open)
}
