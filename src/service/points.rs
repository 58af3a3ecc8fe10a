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
const DAY_MS: Millis = 86_400_000;

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

    fn redemption_value(&self) -> Result<Money, ServiceError> {
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

/// One recorded movement as `loyal points export` writes it and `import` reads it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PointsRow {
    pub id: String,
    pub customer_id: String,
    /// RFC 3339 (`2026-12-01T09:30:00Z`) or a date.
    pub at: String,
    pub kind: PointsKind,
    pub points: i64,
    pub reason: String,
    pub staff: String,
}

/// The columns of [`PointsRow`], in order.
pub const POINTS_COLUMNS: [&str; 7] = [
    "id",
    "customer_id",
    "at",
    "kind",
    "points",
    "reason",
    "staff",
];

/// `2026-12-01T09:30:00Z`, or `2026-12-01` (local midnight, as dates are everywhere else), as
/// a moment.
fn moment_of(text: &str) -> Option<Millis> {
    let text = text.trim();
    chrono::DateTime::parse_from_rfc3339(text)
        .map(|t| t.timestamp_millis())
        .ok()
        .or_else(|| {
            chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d")
                .ok()
                .map(start_of_day)
        })
        .filter(|at| crate::domain::check_instant(*at).is_ok())
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

    /// Every recorded movement, by id, for another system (or this one) to read back.
    pub fn points_export(&self) -> Result<Vec<PointsRow>, ServiceError> {
        let r = self.store.read()?;
        let mut ids = super::scoring::ExternalIds::default();
        r.for_each_external_id(|id, external| ids.push(id, external))?;
        Ok(r.points_entries()?
            .into_iter()
            .map(|e| PointsRow {
                customer_id: ids.find(e.customer).unwrap_or_default().to_string(),
                at: chrono::DateTime::from_timestamp_millis(e.at)
                    .map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Millis, true))
                    .unwrap_or_default(),
                id: e.id,
                kind: e.kind,
                points: e.points,
                reason: e.reason,
                staff: e.staff,
            })
            .collect())
    }

    /// Reads recorded movements (CSV with [`POINTS_COLUMNS`], or a JSON array of such
    /// objects): every row checked first, then all written in one transaction, or none.
    /// A row whose id is there already with the same content changes nothing; with other
    /// content it is refused (a ledger line is not edited). Admins only. Returns (created,
    /// unchanged).
    pub fn points_import(
        &self,
        text: &str,
        json: bool,
        source: &str,
    ) -> Result<(u64, u64), ServiceError> {
        self.require(Role::Admin, "import points")?;
        let rows: Vec<(u64, Result<PointsRow, String>)> = if json {
            match serde_json::from_str::<Vec<serde_json::Value>>(text) {
                Ok(values) => values
                    .into_iter()
                    .enumerate()
                    .map(|(i, v)| {
                        (
                            i as u64 + 1,
                            serde_json::from_value(v).map_err(|e| e.to_string()),
                        )
                    })
                    .collect(),
                Err(e) => {
                    return Err(ServiceError::Unreadable(crate::transfer::RowError {
                        line: e.line() as u64,
                        field: source.to_string(),
                        reason: e.to_string(),
                    }));
                }
            }
        } else {
            let mut reader = csv::ReaderBuilder::new()
                .trim(csv::Trim::All)
                .from_reader(text.as_bytes());
            let mut out = Vec::new();
            for (i, row) in reader.deserialize::<PointsRow>().enumerate() {
                out.push((i as u64 + 2, row.map_err(|e| e.to_string())));
            }
            out
        };
        let r = self.store.read()?;
        let mut errors = Vec::new();
        let mut entries = Vec::new();
        for (line, row) in rows {
            let bad = |field: &str, reason: String| crate::transfer::RowError {
                line,
                field: field.to_string(),
                reason,
            };
            let row = match row {
                Ok(row) => row,
                Err(reason) => {
                    errors.push(bad(source, reason));
                    continue;
                }
            };
            let Some(customer) = r.resolve_external(row.customer_id.trim())? else {
                errors.push(bad(
                    "customer_id",
                    t!(
                        "err-unknown-customer",
                        id = format!("{:?}", row.customer_id)
                    ),
                ));
                continue;
            };
            let Some(at) = moment_of(&row.at) else {
                errors.push(bad(
                    "at",
                    t!("points-bad-time", value = format!("{:?}", row.at)),
                ));
                continue;
            };
            if row.id.trim().is_empty() {
                errors.push(bad("id", t!("points-id-needed")));
                continue;
            }
            if row.points <= 0 || row.points > 1_000_000_000 {
                errors.push(bad("points", t!("points-bad-number")));
                continue;
            }
            entries.push((
                line,
                PointsEntry {
                    id: row.id.trim().to_string(),
                    customer,
                    at,
                    kind: row.kind,
                    points: row.points,
                    reason: row.reason.trim().to_string(),
                    staff: row.staff.trim().to_string(),
                },
                row.customer_id,
            ));
        }
        drop(r);
        if !errors.is_empty() {
            return Err(ServiceError::Rejected(errors));
        }
        self.write(Role::Admin, "import points", |w| {
            let (mut created, mut unchanged) = (0u64, 0u64);
            let mut conflicts = Vec::new();
            for (line, entry, external) in &mut entries {
                // Resolved again in this transaction: a merge since the check moved the file.
                match w.resolve_external(external.trim())? {
                    Some(id) => entry.customer = id,
                    None => {
                        conflicts.push(crate::transfer::RowError {
                            line: *line,
                            field: "customer_id".into(),
                            reason: t!("err-unknown-customer", id = format!("{external:?}")),
                        });
                        continue;
                    }
                }
                match w.points_entry(&entry.id)? {
                    Some(stored) if stored == *entry => unchanged += 1,
                    Some(_) => conflicts.push(crate::transfer::RowError {
                        line: *line,
                        field: "id".into(),
                        reason: t!("points-id-taken", id = entry.id.as_str()),
                    }),
                    None => {
                        w.upsert_points_entry(entry)?;
                        // On the customer's own trail too (the card shows it).
                        w.audit(
                            "points.import",
                            Some(entry.customer),
                            &entry.id,
                            format!(
                                "{} {}: {} ({source})",
                                entry.kind.label(),
                                entry.points,
                                entry.reason
                            ),
                        )?;
                        created += 1;
                    }
                }
            }
            if !conflicts.is_empty() {
                return Err(ServiceError::Rejected(conflicts));
            }
            Ok((created, unchanged))
        })
    }
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
