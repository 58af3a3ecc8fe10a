//! Rewards: a customer's points ledger (what orders earn, refunds take back, bonuses, grants,
//! redemptions, expiry) worked out from the orders and the recorded movements under the
//! team's rules whenever it is asked for; redemptions and grants checked against it in the
//! transaction that records them.

use super::local_dates::LocalDates;
use super::{Service, ServiceError};
use crate::domain::{Customer, CustomerId, Millis, Order, OrderAggregate, PointsEntry, PointsKind};
use crate::domain::{Money, Role};
use crate::scoring::points::{self, Event, Ledger, PointsRules, Source};
use crate::store::{Reader, RecordIdKind, StoreError, Writer};
use chrono::Datelike;
use serde::{Deserialize, Serialize};

/// What the ledger is worked out from: a read snapshot or the transaction about to write.
pub(super) trait PointsSource {
    fn orders_of(&self, id: CustomerId) -> Result<Vec<Order>, StoreError>;
    fn customer(&self, id: CustomerId) -> Result<Option<Customer>, StoreError>;
    fn referrals_of(&self, id: CustomerId) -> Result<Vec<CustomerId>, StoreError>;
    fn aggregate(&self, id: CustomerId) -> Result<OrderAggregate, StoreError>;
    fn points_of(&self, id: CustomerId) -> Result<Vec<PointsEntry>, StoreError>;
}

macro_rules! points_source {
    ($t:ty) => {
        impl PointsSource for $t {
            fn orders_of(&self, id: CustomerId) -> Result<Vec<Order>, StoreError> {
                <$t>::orders_of(self, id)
            }
            fn customer(&self, id: CustomerId) -> Result<Option<Customer>, StoreError> {
                <$t>::customer(self, id)
            }
            fn referrals_of(&self, id: CustomerId) -> Result<Vec<CustomerId>, StoreError> {
                <$t>::referrals_of(self, id)
            }
            fn aggregate(&self, id: CustomerId) -> Result<OrderAggregate, StoreError> {
                <$t>::aggregate(self, id)
            }
            fn points_of(&self, id: CustomerId) -> Result<Vec<PointsEntry>, StoreError> {
                <$t>::points_of(self, id)
            }
        }
    };
}
points_source!(Reader);
points_source!(Writer<'_>);

/// Every event of `customer`'s points: their orders, birthday orders, the first orders of
/// the customers they referred, and what staff recorded.
pub(super) fn events_of(
    s: &impl PointsSource,
    customer: CustomerId,
    rules: &PointsRules,
) -> Result<Vec<Event>, StoreError> {
    let mut dates = LocalDates::default();
    let file = s.customer(customer)?;
    let birthday = file.as_ref().and_then(|c| c.birthday);
    let mut events = Vec::new();
    let mut birthday_years: Vec<i32> = Vec::new();
    for order in s.orders_of(customer)? {
        let points = rules.order_points(order.amount.0, order.category.as_deref());
        events.push(Event {
            at: order.ordered_at,
            points,
            source: Source::Order {
                order_id: order.order_id.clone(),
            },
        });
        if let Some(b) = birthday
            && rules.birthday_bonus > 0
            && order.amount.0 > 0
        {
            let day = dates.date(order.ordered_at);
            if (day.month(), day.day()) == (b.month(), b.day())
                && !birthday_years.contains(&day.year())
            {
                birthday_years.push(day.year());
                events.push(Event {
                    at: order.ordered_at,
                    points: rules.birthday_bonus,
                    source: Source::Birthday {
                        order_id: order.order_id,
                    },
                });
            }
        }
    }
    if rules.referral_bonus > 0 {
        for referred in s.referrals_of(customer)? {
            let a = s.aggregate(referred)?;
            if a.order_count == 0 {
                continue;
            }
            let name = s
                .customer(referred)?
                .map_or_else(|| referred.to_string(), |c| c.external_id);
            events.push(Event {
                at: a.first_order_at,
                points: rules.referral_bonus,
                source: Source::Referral { referred: name },
            });
        }
    }
    for entry in s.points_of(customer)? {
        events.push(Event {
            at: entry.at,
            points: entry.signed(),
            source: Source::Entry {
                id: entry.id,
                kind: entry.kind,
                reason: entry.reason,
                staff: entry.staff,
            },
        });
    }
    Ok(events)
}

/// One line of a statement as the front ends show it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PointsLine {
    #[serde(with = "crate::domain::instant")]
    pub at: Millis,
    pub movement: points::Movement,
    pub points: i64,
    pub balance: i64,
    /// The order, the referred customer, or the recorded entry's id.
    pub reference: String,
    /// A recorded entry's reason and who recorded it.
    pub reason: Option<String>,
    pub staff: Option<String>,
}

impl PointsLine {
    fn of(line: &points::Line) -> PointsLine {
        let (reference, reason, staff) = match &line.source {
            Some(Source::Order { order_id }) | Some(Source::Birthday { order_id }) => {
                (order_id.clone(), None, None)
            }
            Some(Source::Referral { referred }) => (referred.clone(), None, None),
            Some(Source::Entry {
                id, reason, staff, ..
            }) => (id.clone(), Some(reason.clone()), Some(staff.clone())),
            None => (String::new(), None, None),
        };
        PointsLine {
            at: line.at,
            movement: line.movement,
            points: line.points,
            balance: line.balance,
            reference,
            reason,
            staff,
        }
    }
}

/// What the card and `loyal points show` say of one customer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PointsSummary {
    pub customer_id: String,
    pub balance: i64,
    /// The balance's worth at the team's redemption value.
    pub value: Money,
    pub tier: Option<String>,
    /// Earned in the 12 months up to now (what the tier rests on).
    pub earned_12m: i64,
    /// Points that expire within [`EXPIRING_DAYS`] days, and the first day any do.
    pub expiring_soon: i64,
    pub earned: i64,
    pub taken_back: i64,
    pub bonus: i64,
    pub granted: i64,
    pub redeemed: i64,
    pub expired: i64,
    /// The latest movements, newest first.
    pub last: Vec<PointsLine>,
}

/// "Expiring soon" looks this many days ahead.
pub const EXPIRING_DAYS: i64 = 30;
pub(super) const DAY_MS: Millis = 86_400_000;

/// A rule setting as a whole number (settings are checked when set).
fn whole(text: &str) -> i64 {
    text.trim().parse().unwrap_or(0)
}

impl Service {
    /// The rules as the team's settings have them.
    pub fn points_rules(&self) -> Result<PointsRules, ServiceError> {
        let per_unit: Money = self
            .team_setting("points.per_unit")?
            .parse()
            .unwrap_or(Money(100));
        Ok(PointsRules {
            per_unit: per_unit.0,
            multipliers: PointsRules::parse_multipliers(
                &self.team_setting("points.category_multipliers")?,
            )
            .unwrap_or_default(),
            referral_bonus: whole(&self.team_setting("points.referral_bonus")?),
            birthday_bonus: whole(&self.team_setting("points.birthday_bonus")?),
            expiry_months: u32::try_from(whole(&self.team_setting("points.expiry_months")?))
                .unwrap_or(0),
            tiers: PointsRules::parse_tiers(&self.team_setting("points.tiers")?)
                .unwrap_or_default(),
            tier_multipliers: PointsRules::parse_multipliers(
                &self.team_setting("points.tier_multipliers")?,
            )
            .unwrap_or_default(),
        })
    }

    pub(super) fn redemption_value(&self) -> Result<Money, ServiceError> {
        Ok(self
            .team_setting("points.redemption_value")?
            .parse()
            .unwrap_or(Money(0)))
    }

    /// `customer`'s ledger as of `as_of` (a moment), every line.
    pub fn points_ledger(
        &self,
        customer: CustomerId,
        as_of: Millis,
    ) -> Result<Ledger, ServiceError> {
        let rules = self.points_rules()?;
        let r = self.store.read()?;
        if r.customer(customer)?.is_none() {
            return Err(ServiceError::UnknownCustomer(customer.to_string()));
        }
        Ok(points::ledger(
            events_of(&r, customer, &rules)?,
            &rules,
            as_of,
        ))
    }

    /// Balance, tier, what expires soon and the latest `last` movements, as of `as_of`.
    pub fn points_summary(
        &self,
        customer: CustomerId,
        as_of: Millis,
        last: usize,
    ) -> Result<PointsSummary, ServiceError> {
        let rules = self.points_rules()?;
        let r = self.store.read()?;
        let Some(file) = r.customer(customer)? else {
            return Err(ServiceError::UnknownCustomer(customer.to_string()));
        };
        let ledger = points::ledger(events_of(&r, customer, &rules)?, &rules, as_of);
        let value = Money(
            i64::try_from(
                i128::from(ledger.balance.max(0)) * i128::from(self.redemption_value()?.0),
            )
            .unwrap_or(i64::MAX),
        );
        Ok(PointsSummary {
            customer_id: file.external_id,
            balance: ledger.balance,
            value,
            tier: rules.tier_of(ledger.earned_12m).map(str::to_string),
            earned_12m: ledger.earned_12m,
            expiring_soon: ledger.expiring(as_of, as_of + EXPIRING_DAYS * DAY_MS),
            earned: ledger.earned,
            taken_back: ledger.taken_back,
            bonus: ledger.bonus,
            granted: ledger.granted,
            redeemed: ledger.redeemed,
            expired: ledger.expired,
            last: ledger
                .lines
                .iter()
                .rev()
                .take(last)
                .map(PointsLine::of)
                .collect(),
        })
    }

    /// The statement: every movement from `since` (a moment) on, oldest first, with the
    /// balance after each.
    pub fn points_statement(
        &self,
        customer: CustomerId,
        since: Option<Millis>,
        as_of: Millis,
    ) -> Result<Vec<PointsLine>, ServiceError> {
        let ledger = self.points_ledger(customer, as_of)?;
        Ok(ledger
            .lines
            .iter()
            .filter(|l| since.is_none_or(|s| l.at >= s))
            .map(PointsLine::of)
            .collect())
    }

    /// Records a redemption of `points`; refused, with the balance, when it is more than the
    /// balance in this transaction, or (`expected`) when the balance is no longer the one the
    /// person saw.
    pub fn redeem_points(
        &self,
        customer: CustomerId,
        points: i64,
        reason: &str,
        expected: Option<i64>,
    ) -> Result<PointsEntry, ServiceError> {
        self.record_points(customer, PointsKind::Redeemed, points, reason, expected)
    }

    /// Records a grant of `points`; an agent may grant at most `points.agent_grant_limit` at
    /// once, an admin any number.
    pub fn grant_points(
        &self,
        customer: CustomerId,
        points: i64,
        reason: &str,
        expected: Option<i64>,
    ) -> Result<PointsEntry, ServiceError> {
        let limit = whole(&self.team_setting("points.agent_grant_limit")?);
        if !self.role.allows(Role::Admin) && points > limit {
            return Err(ServiceError::invalid(
                "points",
                t!("points-grant-limit", limit = limit),
            ));
        }
        self.record_points(customer, PointsKind::Granted, points, reason, expected)
    }

    fn record_points(
        &self,
        customer: CustomerId,
        kind: PointsKind,
        points: i64,
        reason: &str,
        expected: Option<i64>,
    ) -> Result<PointsEntry, ServiceError> {
        if points <= 0 || points > 1_000_000_000 {
            return Err(ServiceError::invalid("points", t!("points-bad-number")));
        }
        let reason = reason.trim();
        if reason.is_empty() {
            return Err(ServiceError::invalid("reason", t!("points-reason-needed")));
        }
        let rules = self.points_rules()?;
        let record = |w: &mut Writer<'_>| {
            if w.customer(customer)?.is_none() {
                return Err(ServiceError::UnknownCustomer(customer.to_string()));
            }
            let now = w.now();
            let balance = points::ledger(events_of(w, customer, &rules)?, &rules, now).balance;
            if let Some(seen) = expected
                && seen != balance
            {
                return Err(ServiceError::invalid(
                    "points",
                    t!("points-balance-moved", seen = seen, balance = balance),
                ));
            }
            if kind == PointsKind::Redeemed && points > balance {
                return Err(ServiceError::invalid(
                    "points",
                    t!("points-not-enough", balance = balance, asked = points),
                ));
            }
            let entry = PointsEntry {
                id: w.next_record_id(RecordIdKind::Points)?,
                customer,
                at: now,
                kind,
                points,
                reason: reason.to_string(),
                staff: w.staff().to_string(),
            };
            w.upsert_points_entry(&entry)?;
            w.audit(
                match kind {
                    PointsKind::Granted => "points.grant",
                    PointsKind::Redeemed => "points.redeem",
                },
                Some(customer),
                &entry.id,
                format!("{} {points}: {reason}", kind.label()),
            )?;
            Ok(entry)
        };
        match kind {
            PointsKind::Granted => self.write(Role::Agent, "grant points", record),
            PointsKind::Redeemed => self.write(Role::Agent, "redeem points", record),
        }
    }
}

/// A tier's name in the language in use: the default names are translated, a team's own
/// names are shown as written; `-` without a tier.
pub fn tier_title(tier: Option<&str>) -> String {
    match tier {
        Some("bronze") => t!("points-tier-bronze"),
        Some("silver") => t!("points-tier-silver"),
        Some("gold") => t!("points-tier-gold"),
        Some(other) => other.to_string(),
        None => "-".to_string(),
    }
}

/// The first moment of `day`, local time.
pub fn start_of_day(day: chrono::NaiveDate) -> Millis {
    day.and_hms_opt(0, 0, 0)
        .and_then(|t| t.and_local_timezone(chrono::Local).earliest())
        .map_or(0, |t| t.timestamp_millis())
}

/// The last moment of `day`, local time (the next day's first, less 1 ms).
pub fn end_of_day(day: chrono::NaiveDate) -> Millis {
    day.succ_opt().map_or(Millis::MAX, start_of_day) - 1
}
