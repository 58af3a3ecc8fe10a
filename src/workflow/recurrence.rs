//! Recurring care plans: each occurrence is counted from the series' first date, so month ends
//! never drift (Jan 31 -> Feb 28 -> Mar 31) and a Feb 29 birthday falls on Feb 28 in common
//! years and on Feb 29 again in leap years.

use crate::domain::{Recurrence, RecurrenceUnit};
use chrono::{Duration, Months, NaiveDate};

/// The `k`-th occurrence after `anchor` (k = 0 is the anchor itself); `None` for an interval
/// of zero.
pub fn occurrence(anchor: NaiveDate, every: Recurrence, k: u32) -> Option<NaiveDate> {
    if every.every == 0 {
        return None;
    }
    let n = every.every.checked_mul(k)?;
    match every.unit {
        RecurrenceUnit::Days => anchor.checked_add_signed(Duration::days(i64::from(n))),
        RecurrenceUnit::Weeks => anchor.checked_add_signed(Duration::weeks(i64::from(n))),
        RecurrenceUnit::Months => anchor.checked_add_months(Months::new(n)),
        RecurrenceUnit::Years => anchor.checked_add_months(Months::new(n.checked_mul(12)?)),
    }
}

/// The first occurrence of the series anchored at `anchor` that falls after `after`.
pub fn next_due(anchor: NaiveDate, every: Recurrence, after: NaiveDate) -> Option<NaiveDate> {
    // Jump close to `after`, then step. The jump uses the longest an interval can be (31-day
    // months, 366-day years), so it never lands past the answer; the steps left stay few.
    if every.every == 0 {
        return None;
    }
    let approx_days = match every.unit {
        RecurrenceUnit::Days => i64::from(every.every),
        RecurrenceUnit::Weeks => 7 * i64::from(every.every),
        RecurrenceUnit::Months => 31 * i64::from(every.every),
        RecurrenceUnit::Years => 366 * i64::from(every.every),
    };
    let gap = (after - anchor).num_days().max(0);
    let mut k = u32::try_from((gap / approx_days.max(1) - 1).max(0)).ok()?;
    loop {
        let date = occurrence(anchor, every, k)?;
        if date > after {
            return Some(date);
        }
        k = k.checked_add(1)?;
    }
}

/// How many occurrences of the series fall after `due` and on or before `today`: the ones a
/// plan finished late passes over (the next plan is due after `today`).
pub fn passed_over(anchor: NaiveDate, every: Recurrence, due: NaiveDate, today: NaiveDate) -> u32 {
    let mut count = 0u32;
    let mut after = due;
    while let Some(next) = next_due(anchor, every, after) {
        if next > today {
            break;
        }
        count = count.saturating_add(1);
        after = next;
    }
    count
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn every(n: u32, unit: RecurrenceUnit) -> Recurrence {
        Recurrence { every: n, unit }
    }

    #[test]
    fn recurrence_table() {
        use RecurrenceUnit::*;
        // (anchor, every, after, next)
        let cases = [
            ("2026-01-31", every(1, Months), "2026-01-31", "2026-02-28"),
            ("2026-01-31", every(1, Months), "2026-02-28", "2026-03-31"),
            ("2026-01-31", every(1, Months), "2026-03-31", "2026-04-30"),
            ("2024-01-31", every(1, Months), "2024-01-31", "2024-02-29"),
            ("2026-01-30", every(1, Months), "2026-02-28", "2026-03-30"),
            ("2000-02-29", every(1, Years), "2026-01-01", "2026-02-28"),
            ("2000-02-29", every(1, Years), "2026-02-28", "2027-02-28"),
            ("2000-02-29", every(1, Years), "2027-03-01", "2028-02-29"),
            ("2026-11-24", every(2, Weeks), "2026-11-24", "2026-12-08"),
            ("2026-11-24", every(10, Days), "2027-01-01", "2027-01-03"),
            ("2026-08-31", every(3, Months), "2026-08-31", "2026-11-30"),
            ("2026-08-31", every(3, Months), "2026-11-30", "2027-02-28"),
            ("1990-06-15", every(1, Years), "2026-06-15", "2027-06-15"),
        ];
        for (anchor, rule, after, want) in cases {
            assert_eq!(
                next_due(d(anchor), rule, d(after)),
                Some(d(want)),
                "{anchor} every {rule} after {after}"
            );
        }
        assert_eq!(
            next_due(d("2026-11-24"), every(1, Days), d("2020-01-01")),
            Some(d("2026-11-24"))
        );
        // Long series: no occurrence is skipped.
        assert_eq!(
            next_due(d("2026-01-15"), every(1, Months), d("2028-12-15")),
            Some(d("2029-01-15"))
        );
        assert_eq!(
            next_due(d("2020-01-15"), every(1, Months), d("2026-01-01")),
            Some(d("2026-01-15"))
        );
        assert_eq!(
            next_due(d("2026-01-15"), every(0, Months), d("2026-01-01")),
            None
        );
    }

    #[test]
    fn occurrences_passed_over_by_a_late_finish() {
        let monthly = every(1, RecurrenceUnit::Months);
        let jan31 = d("2026-01-31");
        // Feb 28, Mar 31, ..., Nov 30: ten months between Jan 31 and Dec 1.
        assert_eq!(passed_over(jan31, monthly, jan31, d("2026-12-01")), 10);
        assert_eq!(
            next_due(jan31, monthly, d("2026-12-01")),
            Some(d("2026-12-31"))
        );
        // On time or early: nothing passed over; due today counts the one due today.
        assert_eq!(passed_over(jan31, monthly, jan31, d("2026-01-31")), 0);
        assert_eq!(passed_over(jan31, monthly, jan31, d("2026-02-27")), 0);
        assert_eq!(passed_over(jan31, monthly, jan31, d("2026-02-28")), 1);
        assert_eq!(passed_over(jan31, monthly, jan31, d("2025-12-01")), 0);
    }

    proptest::proptest! {
        #[test]
        fn the_jump_matches_stepping_from_the_start(
            anchor_days in 0i64..20_000,
            after_days in -400i64..30_000,
            n in 1u32..14,
            unit in 0usize..4,
        ) {
            use RecurrenceUnit::*;
            let unit = [Days, Weeks, Months, Years][unit];
            let rule = every(n, unit);
            let anchor = d("1970-01-01") + Duration::days(anchor_days);
            let after = anchor + Duration::days(after_days);
            let mut k = 0;
            let expected = loop {
                let date = occurrence(anchor, rule, k).unwrap();
                if date > after { break date; }
                k += 1;
            };
            proptest::prop_assert_eq!(next_due(anchor, rule, after), Some(expected));
        }
    }
}
