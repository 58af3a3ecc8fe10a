//! Care plans: contacts scheduled ahead (birthdays, post-purchase checks, reorder reminders...).

use super::Millis;
use super::customer::CustomerId;
use super::labels::labelled_enum;
use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

labelled_enum! {
    /// Why the contact is planned.
    pub enum CarePurpose as "care purpose" {
        Birthday = "birthday",
        PostPurchase = "post_purchase" | "post purchase check" | "check",
        Reorder = "reorder" | "reorder reminder",
        Delivery = "delivery",
        Payment = "payment" | "payment collection",
        StayInTouch = "stay_in_touch" | "touch",
        Satisfaction = "satisfaction" | "satisfaction follow-up",
        Custom = "custom" | "other",
        /// A call to win back a customer who left or is slipping away (added last: stored
        /// plans keep their values).
        WinBack = "win_back" | "winback" | "win back" | "挽回",
    }
}

labelled_enum! {
    /// Whether the planned contact happened.
    pub enum PlanStatus as "care plan status" {
        Open = "open",
        Done = "done",
        Skipped = "skipped" | "skip",
    }
}

labelled_enum! {
    /// The unit of a recurrence interval.
    pub enum RecurrenceUnit as "recurrence unit" {
        Days = "days" | "day" | "d",
        Weeks = "weeks" | "week" | "w",
        Months = "months" | "month" | "m",
        Years = "years" | "year" | "y" | "yearly",
    }
}

/// "Every N units": completing a recurring plan schedules the next one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Recurrence {
    pub every: u32,
    pub unit: RecurrenceUnit,
}

impl Recurrence {
    /// `self`, or why it is not an interval loyal schedules: at least 1, and at most ten years
    /// in any unit (3650 days, 521 weeks, 120 months, 10 years; the same horizon as a typed
    /// `+3650d`), so that the next occurrence always exists.
    pub fn check(self) -> Result<Recurrence, String> {
        let most = match self.unit {
            RecurrenceUnit::Days => 3650,
            RecurrenceUnit::Weeks => 521,
            RecurrenceUnit::Months => 120,
            RecurrenceUnit::Years => 10,
        };
        if self.every == 0 {
            Err(t!("interval-zero"))
        } else if self.every > most {
            Err(t!(
                "interval-too-long",
                most = most,
                unit = self.unit.title()
            ))
        } else {
            Ok(self)
        }
    }
}

impl std::fmt::Display for Recurrence {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}", self.every, self.unit)
    }
}

impl std::str::FromStr for Recurrence {
    type Err = String;

    /// `3 months`, `2w`, `1 year`, `yearly`.
    fn from_str(text: &str) -> Result<Self, String> {
        let text = text.trim();
        let split = text
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(text.len());
        let (digits, unit) = text.split_at(split);
        let every = if digits.is_empty() {
            1
        } else {
            digits
                .parse::<u32>()
                .map_err(|_| t!("interval-bad", value = format!("{text:?}")))?
        };
        let unit = unit.parse::<RecurrenceUnit>().map_err(|e| e.to_string())?;
        Recurrence { every, unit }
            .check()
            .map_err(|reason| format!("{text:?}: {reason}"))
    }
}

/// One scheduled contact.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CarePlan {
    pub id: String,
    #[serde(with = "crate::domain::customer_ref")]
    pub customer: CustomerId,
    pub due: NaiveDate,
    pub due_time: Option<NaiveTime>,
    pub purpose: CarePurpose,
    pub assignee: Option<String>,
    pub note: String,
    pub status: PlanStatus,
    pub recurrence: Option<Recurrence>,
    /// The first date of a recurring series: every occurrence is counted from it, so month
    /// ends and Feb 29 do not drift.
    pub series_start: Option<NaiveDate>,
    #[serde(with = "crate::domain::instant")]
    pub created_at: Millis,
    #[serde(with = "crate::domain::instant_opt")]
    pub completed_at: Option<Millis>,
}

impl CarePlan {
    /// An open plan for one contact (no recurrence), as the service schedules them: the next
    /// contact of a follow-up, a satisfaction check, a reorder or a win-back call.
    pub fn open_once(
        id: String,
        customer: CustomerId,
        due: NaiveDate,
        purpose: CarePurpose,
        assignee: Option<String>,
        note: String,
        created_at: Millis,
    ) -> CarePlan {
        CarePlan {
            id,
            customer,
            due,
            due_time: None,
            purpose,
            assignee,
            note,
            status: PlanStatus::Open,
            recurrence: None,
            series_start: None,
            created_at,
            completed_at: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recurrence_parses_common_forms() {
        let r = |s: &str| s.parse::<Recurrence>();
        assert_eq!(
            r("3 months"),
            Ok(Recurrence {
                every: 3,
                unit: RecurrenceUnit::Months
            })
        );
        assert_eq!(
            r("2w"),
            Ok(Recurrence {
                every: 2,
                unit: RecurrenceUnit::Weeks
            })
        );
        assert_eq!(
            r("yearly"),
            Ok(Recurrence {
                every: 1,
                unit: RecurrenceUnit::Years
            })
        );
        assert!(r("0 days").is_err());
        for too_long in [
            "99999999 years",
            "11 years",
            "121 months",
            "522 weeks",
            "3651 days",
        ] {
            assert!(r(too_long).is_err(), "{too_long}");
        }
        for longest in ["10 years", "120 months", "521 weeks", "3650 days"] {
            assert!(r(longest).is_ok(), "{longest}");
        }
        assert!(r("5 fortnights").is_err());
        let every = Recurrence {
            every: 3,
            unit: RecurrenceUnit::Months,
        };
        assert_eq!(every.to_string().parse::<Recurrence>(), Ok(every));
    }
}
