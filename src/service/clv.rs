//! Lifetime value for every customer (`loyal clv`): purchase histories read from the order
//! index as of a calibration end, the BG/NBD and Gamma-Gamma models fitted on them, and what
//! the models say about each customer; with a holdout end, the week-by-week tracking of
//! predicted against actual repeat purchases.

use super::lifetime::{day_number, on_two_threads};
use super::scoring::ExternalIds;
use super::{LocalDates, Service, ServiceError};
use crate::domain::CustomerId;
use crate::scoring::clv::{self, BgNbd, ClvTerms, GammaGamma, History};
use chrono::NaiveDate;
use serde::Serialize;

/// What `loyal clv` computes.
#[derive(Debug, Clone, PartialEq)]
pub struct ClvOptions {
    /// The calibration end E: orders after it are not seen by the fit.
    pub calibration_end: NaiveDate,
    /// Weeks of the expected-purchases column (default 13).
    pub horizon_weeks: f64,
    /// Months of lifetime value (default 12).
    pub months: u32,
    /// With a holdout end D2: the weekly tracking from E to D2.
    pub holdout_end: Option<NaiveDate>,
}

/// One customer's row.
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
pub struct ClvRow {
    pub customer_id: String,
    pub x: u32,
    pub t_x: f64,
    #[serde(rename = "T")]
    pub t: f64,
    pub p_alive: f64,
    pub expected_purchases: f64,
    pub expected_avg_spend: Option<f64>,
    pub clv: Option<f64>,
}

/// One week of the holdout: cumulative repeat purchases (purchase days) predicted and seen
/// from E to the end of the week.
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
pub struct TrackingWeek {
    pub week: u32,
    pub until: NaiveDate,
    pub predicted: f64,
    pub actual: u64,
}

/// `loyal clv`'s answer.
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
pub struct ClvReport {
    pub bgnbd: BgNbd,
    pub gamma_gamma: GammaGamma,
    pub customers: Vec<ClvRow>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tracking: Option<Vec<TrackingWeek>>,
}

/// A customer's history and, for the holdout, their purchase days after E.
struct Customer {
    id: CustomerId,
    history: History,
    holdout_days: Vec<i32>,
}

impl Service {
    /// Fits the models as of `options.calibration_end` and values every customer with an
    /// order on or before it.
    pub fn clv_report(&self, options: &ClvOptions) -> Result<ClvReport, ServiceError> {
        self.clv_report_with(options, true)
    }

    /// [`Service::clv_report`], with the per-customer rows only when `values`.
    fn clv_report_with(
        &self,
        options: &ClvOptions,
        values: bool,
    ) -> Result<ClvReport, ServiceError> {
        if !(options.horizon_weeks.is_finite() && options.horizon_weeks >= 0.0) {
            return Err(ServiceError::invalid(
                "horizon_weeks",
                t!("clv-bad-horizon"),
            ));
        }
        if let Some(holdout) = options.holdout_end
            && holdout <= options.calibration_end
        {
            return Err(ServiceError::invalid(
                "holdout_end",
                t!("clv-holdout-before-end"),
            ));
        }
        let terms = ClvTerms {
            months: options.months,
            margin_rate: rate(&self.team_setting("scoring.margin_rate")?),
            annual_discount_rate: rate(&self.team_setting("clv.discount_rate")?),
        };
        let end = day_number(options.calibration_end);
        let holdout_end = options.holdout_end.map(day_number);
        let r = self.store.read()?;
        let mut ids = ExternalIds::default();
        r.for_each_external_id(|id, external| ids.push(id, external))?;
        let customers = histories(&r, end, holdout_end)?;
        let histories: Vec<History> = customers.iter().map(|c| c.history).collect();
        let models =
            clv::fit(&histories).map_err(|e| ServiceError::invalid("orders", e.to_string()))?;
        let values = if values {
            on_two_threads(&histories, |h| {
                models.value(h, options.horizon_weeks, &terms)
            })
            .map_err(|e| ServiceError::invalid("horizon_weeks", e.to_string()))?
        } else {
            Vec::new()
        };
        let rows = customers
            .iter()
            .zip(values)
            .map(|(c, v)| ClvRow {
                customer_id: ids.find(c.id).unwrap_or_default().to_string(),
                x: c.history.x,
                t_x: c.history.t_x_weeks(),
                t: c.history.t_weeks(),
                p_alive: v.p_alive,
                expected_purchases: v.expected_purchases,
                expected_avg_spend: v.expected_avg_spend,
                clv: v.clv,
            })
            .collect();
        let tracking = match holdout_end {
            Some(holdout_end) => Some(
                tracking(
                    &models.bgnbd,
                    &customers,
                    options.calibration_end,
                    end,
                    holdout_end,
                )
                .map_err(|e| ServiceError::invalid("holdout_end", e.to_string()))?,
            ),
            None => None,
        };
        Ok(ClvReport {
            bgnbd: models.bgnbd,
            gamma_gamma: models.gamma_gamma,
            customers: rows,
            tracking,
        })
    }
}

impl Service {
    /// The models fitted `weeks` weeks before `as_of` and their week-by-week tracking up to
    /// it (the workbench's chart); no per-customer rows.
    pub fn clv_tracking(&self, as_of: NaiveDate, weeks: u32) -> Result<ClvReport, ServiceError> {
        let calibration_end = as_of - chrono::Days::new(7 * u64::from(weeks.max(1)));
        let mut report = self.clv_report_with(
            &ClvOptions {
                calibration_end,
                horizon_weeks: 0.0,
                months: 0,
                holdout_end: Some(as_of),
            },
            false,
        )?;
        report.customers.clear();
        Ok(report)
    }
}

/// A rate setting ("0.10") as a number; settings are checked when set, so a bad one is 0.
pub(super) fn rate(text: &str) -> f64 {
    crate::scoring::ScoringParams::margin_bp_from(text).map_or(0.0, |bp| bp as f64 / 10_000.0)
}

/// Every customer's history as of `end`, from the order index (by customer, then time), in
/// customer id order, with their purchase days in (end, holdout_end].
fn histories(
    r: &crate::store::Reader,
    end: i32,
    holdout_end: Option<i32>,
) -> Result<Vec<Customer>, ServiceError> {
    let mut dates = LocalDates::default();
    let mut out = Vec::new();
    let mut current: Option<CustomerId> = None;
    let mut orders: Vec<(i32, i64)> = Vec::new();
    let flush = |id: Option<CustomerId>, orders: &mut Vec<(i32, i64)>, out: &mut Vec<Customer>| {
        if let Some(id) = id
            && let Some(history) = History::from_orders(orders, end)
        {
            let mut holdout_days: Vec<i32> = match holdout_end {
                Some(h) => orders
                    .iter()
                    .map(|(day, _)| *day)
                    .filter(|day| *day > end && *day <= h)
                    .collect(),
                None => Vec::new(),
            };
            holdout_days.dedup();
            out.push(Customer {
                id,
                history,
                holdout_days,
            });
        }
        orders.clear();
    };
    for point in r.order_points()? {
        let (customer, at, amount) = point?;
        if current != Some(customer) {
            flush(current, &mut orders, &mut out);
            current = Some(customer);
        }
        orders.push((day_number(dates.date(at)), amount.0));
    }
    flush(current, &mut orders, &mut out);
    Ok(out)
}

/// Week by week from E: the sum over customers of E[Y(k weeks)] against the purchase days
/// seen in the first k weeks.
fn tracking(
    model: &BgNbd,
    customers: &[Customer],
    calibration_end: NaiveDate,
    end: i32,
    holdout_end: i32,
) -> Result<Vec<TrackingWeek>, clv::SeriesError> {
    let weeks = u32::try_from((holdout_end - end + 6) / 7).unwrap_or(0);
    let mut out = Vec::with_capacity(weeks as usize);
    for week in 1..=weeks {
        let until_day = (end + 7 * week as i32).min(holdout_end);
        let span = f64::from(until_day - end) / 7.0;
        let mut predicted = 0.0;
        let mut actual = 0u64;
        for c in customers {
            let h = &c.history;
            predicted += model.expected_purchases(h.x, h.t_x_weeks(), h.t_weeks(), span)?;
            actual += c.holdout_days.iter().filter(|d| **d <= until_day).count() as u64;
        }
        out.push(TrackingWeek {
            week,
            until: calibration_end + chrono::Days::new(u64::try_from(until_day - end).unwrap_or(0)),
            predicted,
            actual,
        });
    }
    Ok(out)
}
