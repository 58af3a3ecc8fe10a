//! The points reports: who has points about to expire (`loyal points expire`), and the
//! liability with movements per period, customers per tier and tier moves
//! (`loyal report points`). Both read every customer's ledger.

use super::local_dates::LocalDates;
use super::points::{DAY_MS, end_of_day, events_of};
use super::{Service, ServiceError};
use crate::domain::{Millis, Money};
use crate::scoring::points;
use serde::{Deserialize, Serialize};

/// A customer with points about to expire (`loyal points expire`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExpiringRow {
    pub customer_id: String,
    pub name: String,
    pub balance: i64,
    /// Points that expire within the window.
    pub expiring: i64,
    /// When the first of them expire.
    #[serde(with = "crate::domain::instant_opt")]
    pub first_expiry: Option<Millis>,
    /// Points expired so far.
    pub expired: i64,
}

/// Movements of one period, in points.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct PointsPeriod {
    pub period_start: chrono::NaiveDate,
    pub earned: i64,
    pub taken_back: i64,
    pub bonus: i64,
    pub granted: i64,
    pub redeemed: i64,
    pub expired: i64,
}

/// Customers in one tier.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TierCount {
    pub tier: Option<String>,
    pub customers: u64,
}

/// Customers who moved from one tier to another over the last period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TierMove {
    pub from: Option<String>,
    pub to: Option<String>,
    pub customers: u64,
}

/// `loyal report points`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PointsReport {
    pub as_of: chrono::NaiveDate,
    /// Customers with any movement.
    pub customers: u64,
    /// Points held (the sum of positive balances): the liability...
    pub outstanding: i64,
    /// ...and its worth at `points.redemption_value`.
    pub value: Money,
    /// Customers below zero (refunds took back points already spent), and by how much.
    pub below_zero: u64,
    pub shortfall: i64,
    pub periods: Vec<PointsPeriod>,
    /// As of the date, highest tier first (`None`: below every tier).
    pub tiers: Vec<TierCount>,
    /// From the end of the previous period to the date.
    pub moves: Vec<TierMove>,
}

impl Service {
    /// Everyone holding points that expire after `as_of` and within `days` days, soonest
    /// first. Reads every customer with orders or recorded movements.
    pub fn points_expiring(
        &self,
        as_of: Millis,
        days: i64,
    ) -> Result<Vec<ExpiringRow>, ServiceError> {
        let rules = self.points_rules()?;
        if rules.expiry_months == 0 {
            return Ok(Vec::new());
        }
        let r = self.store.read()?;
        let mut out = Vec::new();
        for customer in r.customers()? {
            let c = customer?;
            let ledger = points::ledger(events_of(&r, c.id, &rules)?, &rules, as_of);
            let until = as_of + days * DAY_MS;
            let expiring = ledger.expiring(as_of, until);
            if expiring <= 0 {
                continue;
            }
            let first_expiry = ledger
                .lots
                .iter()
                .filter_map(|(at, _)| *at)
                .find(|at| *at > as_of && *at <= until);
            out.push(ExpiringRow {
                customer_id: c.external_id,
                name: c.name,
                balance: ledger.balance,
                expiring,
                first_expiry,
                expired: ledger.expired,
            });
        }
        out.sort_by(|a, b| {
            a.first_expiry
                .cmp(&b.first_expiry)
                .then(b.expiring.cmp(&a.expiring))
        });
        Ok(out)
    }

    /// The liability, movements per period, customers per tier and tier moves, as of the end
    /// of `as_of`. Reads every customer's orders and movements.
    pub fn points_report(
        &self,
        as_of: chrono::NaiveDate,
        period: crate::scoring::Period,
    ) -> Result<PointsReport, ServiceError> {
        use std::collections::BTreeMap;
        let rules = self.points_rules()?;
        let worth = self.redemption_value()?;
        let moment = end_of_day(as_of);
        // Tiers as they stood at the end of the period before the one `as_of` is in.
        let before = end_of_day(period.start_of(as_of) - chrono::Days::new(1));
        let r = self.store.read()?;
        let mut dates = LocalDates::default();
        let mut periods: BTreeMap<chrono::NaiveDate, PointsPeriod> = BTreeMap::new();
        let mut tiers: BTreeMap<Option<String>, u64> = BTreeMap::new();
        let mut moves: BTreeMap<(Option<String>, Option<String>), u64> = BTreeMap::new();
        let mut report = PointsReport {
            as_of,
            customers: 0,
            outstanding: 0,
            value: Money(0),
            below_zero: 0,
            shortfall: 0,
            periods: Vec::new(),
            tiers: Vec::new(),
            moves: Vec::new(),
        };
        for customer in r.customers()? {
            let c = customer?;
            let events = events_of(&r, c.id, &rules)?;
            if events.is_empty() {
                continue;
            }
            let then = points::ledger(events.clone(), &rules, before);
            let now = points::ledger(events, &rules, moment);
            if now.lines.is_empty() {
                continue;
            }
            report.customers += 1;
            if now.balance >= 0 {
                report.outstanding += now.balance;
            } else {
                report.below_zero += 1;
                report.shortfall -= now.balance;
            }
            for line in &now.lines {
                let start = period.start_of(dates.date(line.at));
                let p = periods.entry(start).or_insert_with(|| PointsPeriod {
                    period_start: start,
                    ..PointsPeriod::default()
                });
                match line.movement {
                    points::Movement::Earned => p.earned += line.points,
                    points::Movement::TakenBack => p.taken_back -= line.points,
                    points::Movement::Bonus => p.bonus += line.points,
                    points::Movement::Granted => p.granted += line.points,
                    points::Movement::Redeemed => p.redeemed -= line.points,
                    points::Movement::Expired => p.expired -= line.points,
                }
            }
            let tier_now = rules.tier_of(now.earned_12m).map(str::to_string);
            let tier_then = if then.lines.is_empty() {
                None
            } else {
                rules.tier_of(then.earned_12m).map(str::to_string)
            };
            if tier_now != tier_then {
                *moves.entry((tier_then, tier_now.clone())).or_default() += 1;
            }
            *tiers.entry(tier_now).or_default() += 1;
        }
        report.value = Money(
            i64::try_from(i128::from(report.outstanding) * i128::from(worth.0)).unwrap_or(i64::MAX),
        );
        report.periods = periods.into_values().collect();
        let rank = |t: &Option<String>| {
            t.as_ref()
                .and_then(|name| rules.tiers.iter().position(|(n, _)| n == name))
                .map_or(-1, |i| i as i64)
        };
        let mut tiers: Vec<TierCount> = tiers
            .into_iter()
            .map(|(tier, customers)| TierCount { tier, customers })
            .collect();
        tiers.sort_by_key(|t| std::cmp::Reverse(rank(&t.tier)));
        report.tiers = tiers;
        report.moves = moves
            .into_iter()
            .map(|((from, to), customers)| TierMove {
                from,
                to,
                customers,
            })
            .collect();
        Ok(report)
    }
}
