//! Cumulative-purchase points as a ledger: a pure function of a customer's orders, bonuses and
//! recorded movements (grants, redemptions) under the team's rules. Orders earn (rounded down
//! per order, times a category multiplier), refunds (negative orders) take back, a referred
//! customer's first order and a birthday order add bonuses, and points expire the given
//! number of months after they were earned, oldest first. Nothing derived is stored, so the
//! ledger is always equal to a recount from the rules.

use crate::domain::{Millis, PointsKind};
use chrono::{DateTime, Months};
use std::collections::VecDeque;

/// The team's rules (settings `points.*`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PointsRules {
    /// Points per 1.00 spent, in hundredths (1.00 -> 100).
    pub per_unit: i64,
    /// Order category -> multiplier in hundredths (2 -> 200); others earn at 100.
    pub multipliers: Vec<(String, i64)>,
    /// Points to a referrer when the customer they referred places a first order.
    pub referral_bonus: i64,
    /// Points for an order on the customer's birthday (once a year).
    pub birthday_bonus: i64,
    /// Months after which earned points expire; 0: never.
    pub expiry_months: u32,
    /// Tier names with the points earned in the last 12 months they start at, lowest first.
    pub tiers: Vec<(String, i64)>,
    /// Tier name -> multiplier in hundredths of what an order earns while the customer is in
    /// that tier (the tier of the 12 months before the order); others earn at 100.
    pub tier_multipliers: Vec<(String, i64)>,
}

impl Default for PointsRules {
    fn default() -> Self {
        PointsRules {
            per_unit: 100,
            multipliers: Vec::new(),
            referral_bonus: 0,
            birthday_bonus: 0,
            expiry_months: 0,
            tiers: vec![
                ("bronze".into(), 0),
                ("silver".into(), 1000),
                ("gold".into(), 5000),
            ],
            tier_multipliers: Vec::new(),
        }
    }
}

/// `2`, `1.5`, `0.25` as hundredths.
fn hundredths(text: &str) -> Option<i64> {
    let money: crate::domain::Money = text.trim().parse().ok()?;
    (money.0 >= 0 && money.0 <= 100_000).then_some(money.0)
}

impl PointsRules {
    /// `equipment:2, gifts:1.5` (empty: none).
    pub fn parse_multipliers(text: &str) -> Result<Vec<(String, i64)>, String> {
        let mut out = Vec::new();
        for part in text.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let (category, factor) = part
                .rsplit_once(':')
                .ok_or_else(|| t!("points-bad-multiplier", part = format!("{part:?}")))?;
            let factor = hundredths(factor)
                .ok_or_else(|| t!("points-bad-multiplier", part = format!("{part:?}")))?;
            out.push((category.trim().to_string(), factor));
        }
        Ok(out)
    }

    /// `bronze:0, silver:1000, gold:5000`: names with rising thresholds.
    pub fn parse_tiers(text: &str) -> Result<Vec<(String, i64)>, String> {
        let mut out: Vec<(String, i64)> = Vec::new();
        for part in text.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let bad = || t!("points-bad-tier", part = format!("{part:?}"));
            let (name, from) = part.rsplit_once(':').ok_or_else(bad)?;
            let from: i64 = from.trim().parse().map_err(|_| bad())?;
            if name.trim().is_empty() || from < 0 || out.last().is_some_and(|(_, f)| *f >= from) {
                return Err(bad());
            }
            out.push((name.trim().to_string(), from));
        }
        Ok(out)
    }

    /// What an order of `cents` earns (negative for a refund), rounded toward zero.
    pub fn order_points(&self, cents: i64, category: Option<&str>) -> i64 {
        let factor = category
            .map(str::trim)
            .and_then(|c| {
                self.multipliers
                    .iter()
                    .find(|(name, _)| name.eq_ignore_ascii_case(c))
            })
            .map_or(100, |(_, f)| *f);
        let points =
            i128::from(cents).abs() * i128::from(self.per_unit) * i128::from(factor) / 1_000_000;
        // Bounded well inside i64, so that the sums of a history cannot overflow.
        let points = i64::try_from(points.min(1_000_000_000_000)).unwrap_or(0);
        if cents < 0 { -points } else { points }
    }

    /// The multiplier (hundredths) of an order placed while in `tier`.
    fn tier_factor(&self, tier: Option<&str>) -> i64 {
        tier.and_then(|t| {
            self.tier_multipliers
                .iter()
                .find(|(name, _)| name.eq_ignore_ascii_case(t))
        })
        .map_or(100, |(_, f)| *f)
    }

    /// The tier of someone who earned `points` in the last 12 months.
    pub fn tier_of(&self, points: i64) -> Option<&str> {
        self.tiers
            .iter()
            .rev()
            .find(|(_, from)| points >= *from)
            .map(|(name, _)| name.as_str())
    }
}

/// Where a movement comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// An order (a refund when negative) with its category.
    Order { order_id: String },
    /// A bonus for an order on the customer's birthday.
    Birthday { order_id: String },
    /// A bonus for the first order of a customer they referred.
    Referral { referred: String },
    /// A movement staff recorded.
    Entry {
        id: String,
        kind: PointsKind,
        reason: String,
        staff: String,
    },
}

/// One event of a customer's history, with its signed points.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    pub at: Millis,
    pub points: i64,
    pub source: Source,
}

/// What a line of the statement is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Movement {
    Earned,
    TakenBack,
    Bonus,
    Granted,
    Redeemed,
    Expired,
}

impl Movement {
    pub fn title(self) -> &'static str {
        match self {
            Movement::Earned => ts!("points-earned"),
            Movement::TakenBack => ts!("points-taken-back"),
            Movement::Bonus => ts!("points-bonus"),
            Movement::Granted => ts!("points-kind-granted"),
            Movement::Redeemed => ts!("points-kind-redeemed"),
            Movement::Expired => ts!("points-expired"),
        }
    }
}

/// One line of a statement: the movement and the balance after it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub at: Millis,
    pub movement: Movement,
    pub points: i64,
    pub balance: i64,
    pub source: Option<Source>,
}

/// A customer's points as of a moment.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Ledger {
    /// Oldest first.
    pub lines: Vec<Line>,
    /// Negative only when take-backs (or a rollback under a redemption) spent more than
    /// there was: shown, not hidden.
    pub balance: i64,
    pub earned: i64,
    pub taken_back: i64,
    pub bonus: i64,
    pub granted: i64,
    pub redeemed: i64,
    pub expired: i64,
    /// Earned, bonus and taken back in the 12 months up to the moment (what the tier is on).
    pub earned_12m: i64,
    /// The points still held, with when they expire (`None`: never), oldest first.
    pub lots: Vec<(Option<Millis>, i64)>,
}

impl Ledger {
    /// Points that expire after `from` and no later than `until`.
    pub fn expiring(&self, from: Millis, until: Millis) -> i64 {
        self.lots
            .iter()
            .filter(|(at, _)| at.is_some_and(|at| at > from && at <= until))
            .map(|(_, p)| p)
            .sum()
    }
}

/// `at` plus `months` calendar months (UTC), saturating.
pub fn add_months(at: Millis, months: u32) -> Millis {
    DateTime::from_timestamp_millis(at)
        .and_then(|t| t.checked_add_months(Months::new(months)))
        .map_or(Millis::MAX, |t| t.timestamp_millis())
}

/// `at` less `months` calendar months (UTC), saturating.
pub fn sub_months(at: Millis, months: u32) -> Millis {
    DateTime::from_timestamp_millis(at)
        .and_then(|t| t.checked_sub_months(Months::new(months)))
        .map_or(Millis::MIN, |t| t.timestamp_millis())
}

struct Running {
    lots: VecDeque<(Option<Millis>, i64)>,
    debt: i64,
    balance: i64,
    ledger: Ledger,
}

impl Running {
    /// Lots whose time has come by `now` expire, each at its own moment.
    fn expire_until(&mut self, now: Millis) {
        while let Some(&(Some(at), points)) = self.lots.front() {
            if at > now {
                break;
            }
            self.lots.pop_front();
            self.balance -= points;
            self.ledger.expired += points;
            self.ledger.lines.push(Line {
                at,
                movement: Movement::Expired,
                points: -points,
                balance: self.balance,
                source: None,
            });
        }
    }

    fn add(&mut self, points: i64, expires: Option<Millis>) {
        let paid = points.min(self.debt);
        self.debt -= paid;
        if points > paid {
            self.lots.push_back((expires, points - paid));
        }
    }

    fn spend(&mut self, mut points: i64) {
        while points > 0 {
            let Some(front) = self.lots.front_mut() else {
                self.debt += points;
                return;
            };
            let take = points.min(front.1);
            front.1 -= take;
            points -= take;
            if front.1 == 0 {
                self.lots.pop_front();
            }
        }
    }
}

/// The ledger of `events` as of `as_of` (later events are left out).
pub fn ledger(mut events: Vec<Event>, rules: &PointsRules, as_of: Millis) -> Ledger {
    events.retain(|e| e.at <= as_of && e.points != 0);
    // Earlier first; at one moment what adds before what takes away.
    events.sort_by_key(|e| (e.at, e.points < 0));
    let year_ago = sub_months(as_of, 12);
    let mut run = Running {
        lots: VecDeque::new(),
        debt: 0,
        balance: 0,
        ledger: Ledger::default(),
    };
    // The tier factor the latest order earned at: what a refund takes back at (a refund does
    // not say which order it refunds; it usually follows that order).
    let mut last_factor = 100i64;
    for mut e in events {
        run.expire_until(e.at);
        // An order earns more in a higher tier: the tier of the 12 months before it.
        if !rules.tier_multipliers.is_empty() && matches!(e.source, Source::Order { .. }) {
            let since = sub_months(e.at, 12);
            let window: i64 = run
                .ledger
                .lines
                .iter()
                .rev()
                .take_while(|l| l.at > since)
                .filter(|l| {
                    matches!(
                        l.movement,
                        Movement::Earned | Movement::TakenBack | Movement::Bonus
                    )
                })
                .map(|l| l.points)
                .sum();
            if e.points > 0 {
                last_factor = rules.tier_factor(rules.tier_of(window));
            }
            e.points =
                i64::try_from(i128::from(e.points) * i128::from(last_factor) / 100).unwrap_or(0);
            if e.points == 0 {
                continue;
            }
        }
        let movement = match (&e.source, e.points > 0) {
            (Source::Order { .. }, true) => Movement::Earned,
            (Source::Order { .. }, false) => Movement::TakenBack,
            (Source::Birthday { .. } | Source::Referral { .. }, _) => Movement::Bonus,
            (Source::Entry { kind, .. }, _) => match kind {
                PointsKind::Granted => Movement::Granted,
                PointsKind::Redeemed => Movement::Redeemed,
            },
        };
        match movement {
            Movement::Earned => run.ledger.earned += e.points,
            Movement::TakenBack => run.ledger.taken_back -= e.points,
            Movement::Bonus => run.ledger.bonus += e.points,
            Movement::Granted => run.ledger.granted += e.points,
            Movement::Redeemed => run.ledger.redeemed -= e.points,
            Movement::Expired => {}
        }
        if matches!(
            movement,
            Movement::Earned | Movement::TakenBack | Movement::Bonus
        ) && e.at > year_ago
        {
            run.ledger.earned_12m += e.points;
        }
        if e.points > 0 {
            let expires = (rules.expiry_months > 0).then(|| add_months(e.at, rules.expiry_months));
            run.add(e.points, expires);
        } else {
            run.spend(-e.points);
        }
        run.balance = run.balance.saturating_add(e.points);
        run.ledger.lines.push(Line {
            at: e.at,
            movement,
            points: e.points,
            balance: run.balance,
            source: Some(e.source),
        });
    }
    run.expire_until(as_of);
    let mut ledger = run.ledger;
    ledger.balance = run.balance;
    ledger.lots = run.lots.into_iter().collect();
    ledger
}

#[cfg(test)]
mod tests {
    use super::*;

    const DAY: Millis = 86_400_000;

    fn order(at: Millis, points: i64, id: &str) -> Event {
        Event {
            at,
            points,
            source: Source::Order {
                order_id: id.into(),
            },
        }
    }

    fn redeem(at: Millis, points: i64) -> Event {
        Event {
            at,
            points: -points,
            source: Source::Entry {
                id: format!("R{at}"),
                kind: PointsKind::Redeemed,
                reason: "gift".into(),
                staff: "ann".into(),
            },
        }
    }

    #[test]
    fn orders_earn_rounded_down_with_category_multipliers() {
        let rules = PointsRules {
            multipliers: PointsRules::parse_multipliers("equipment:2, gifts:1.5").unwrap(),
            ..PointsRules::default()
        };
        assert_eq!(rules.order_points(21_399, Some("tea")), 213);
        assert_eq!(rules.order_points(21_399, Some("Equipment")), 427);
        assert_eq!(rules.order_points(999, Some("gifts")), 14);
        assert_eq!(rules.order_points(-21_399, None), -213);
        assert_eq!(rules.order_points(99, None), 0);
        assert!(PointsRules::parse_multipliers("tea").is_err());
        assert!(PointsRules::parse_multipliers("tea:-1").is_err());
        let tiers = PointsRules::parse_tiers("bronze:0,silver:1000,gold:5000").unwrap();
        assert_eq!(tiers.len(), 3);
        assert!(PointsRules::parse_tiers("gold:5000,silver:1000").is_err());
        assert_eq!(PointsRules::default().tier_of(999), Some("bronze"));
        assert_eq!(PointsRules::default().tier_of(5000), Some("gold"));
    }

    #[test]
    fn points_expire_oldest_first_after_redemptions_take_the_oldest() {
        let rules = PointsRules {
            expiry_months: 12,
            ..PointsRules::default()
        };
        // 100 on day 0, 50 on day 200, 120 redeemed on day 300: the first lot is spent, 30 of
        // the second left; it expires 12 months after day 200.
        let events = vec![
            order(0, 100, "A"),
            order(200 * DAY, 50, "B"),
            redeem(300 * DAY, 120),
        ];
        let l = ledger(events.clone(), &rules, 400 * DAY);
        assert_eq!(l.balance, 30);
        assert_eq!(l.expired, 0, "day 0's lot was spent before it expired");
        let l = ledger(events, &rules, 600 * DAY);
        assert_eq!((l.balance, l.expired), (0, 30));
        let last = l.lines.last().unwrap();
        assert_eq!(last.movement, Movement::Expired);
        assert_eq!(last.at, add_months(200 * DAY, 12));
    }

    #[test]
    fn a_take_back_beyond_the_balance_is_shown_and_repaid_first() {
        let rules = PointsRules::default();
        let events = vec![
            order(0, 100, "A"),
            redeem(DAY, 80),
            order(2 * DAY, -100, "A-refund"),
            order(3 * DAY, 50, "B"),
        ];
        let l = ledger(events.clone(), &rules, 2 * DAY);
        assert_eq!(l.balance, -80);
        assert_eq!(l.lines[2].movement, Movement::TakenBack);
        let l = ledger(events, &rules, 3 * DAY);
        assert_eq!(l.balance, -30);
        assert!(l.lots.is_empty(), "the new points paid the shortfall first");
        assert_eq!((l.earned, l.taken_back, l.redeemed), (150, 100, 80));
    }

    #[test]
    fn an_order_in_a_higher_tier_earns_more() {
        let rules = PointsRules {
            tier_multipliers: PointsRules::parse_multipliers("silver:1.5").unwrap(),
            ..PointsRules::default()
        };
        // 1000 makes them silver; the next order earns half as much again, and its refund
        // takes back as much; an order more than 12 months after the first is back at bronze.
        let events = vec![
            order(0, 1000, "A"),
            order(10 * DAY, 100, "B"),
            order(11 * DAY, -100, "B-refund"),
            order(400 * DAY, 100, "C"),
        ];
        let l = ledger(events, &rules, 500 * DAY);
        let points: Vec<i64> = l.lines.iter().map(|l| l.points).collect();
        assert_eq!(points, [1000, 150, -150, 100]);
    }

    #[test]
    fn the_tier_counts_the_last_twelve_months() {
        let rules = PointsRules::default();
        let now = 800 * DAY;
        let events = vec![order(0, 4000, "old"), order(700 * DAY, 1200, "new")];
        let l = ledger(events, &rules, now);
        assert_eq!(l.earned_12m, 1200);
        assert_eq!(rules.tier_of(l.earned_12m), Some("silver"));
        assert_eq!(l.balance, 5200);
    }
}
