//! Dates as staff type them: `2026-12-01`, `today`, `tomorrow`, `yesterday`, `+3d`, `+2w`,
//! `+1m`, `+1y`, and back: `-7d`, `7d ago`, `3 weeks ago` (and 今天, 明天, 昨天).

use crate::domain::check_date;
use chrono::{Duration, Months, NaiveDate};

/// Parses a date relative to `today`; only supported dates ([`check_date`]) are accepted.
/// Errors say what was expected.
pub fn parse_when(text: &str, today: NaiveDate) -> Result<NaiveDate, String> {
    parse_any_when(text, today).and_then(check_date)
}

fn parse_any_when(text: &str, today: NaiveDate) -> Result<NaiveDate, String> {
    let t = text.trim().to_lowercase();
    let bad = || t!("date-invalid", text = format!("{text:?}"));
    let days = |n: i64| today.checked_add_signed(Duration::days(n)).ok_or_else(bad);
    match t.as_str() {
        "today" | "now" | "今天" | "今日" => return Ok(today),
        "tomorrow" | "明天" | "明日" => return days(1),
        "yesterday" | "昨天" | "昨日" => return days(-1),
        "后天" => return days(2),
        "前天" => return days(-2),
        _ => {}
    }
    // `+3d` and `in 3 days` ahead; `-7d`, `7d ago` and `7 days ago` back.
    let offset = if let Some(rest) = t.strip_prefix('+') {
        Some((rest, 1))
    } else if let Some(rest) = t.strip_prefix("in ") {
        Some((rest, 1))
    } else if let Some(rest) = t.strip_suffix(" ago").or_else(|| t.strip_suffix("ago")) {
        Some((rest, -1))
    } else {
        t.strip_prefix('-').map(|rest| (rest, -1))
    };
    if let Some((rest, sign)) = offset {
        let rest = rest.trim();
        let split = rest
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(rest.len());
        let (digits, unit) = rest.split_at(split);
        let n: u32 = digits.parse().map_err(|_| bad())?;
        if n > 3650 {
            return Err(t!("date-too-far", text = format!("{text:?}")));
        }
        let months = |m: u32| {
            if sign > 0 {
                today.checked_add_months(Months::new(m))
            } else {
                today.checked_sub_months(Months::new(m))
            }
        };
        let n64 = i64::from(n) * sign;
        let date = match unit.trim() {
            "" | "d" | "day" | "days" => today.checked_add_signed(Duration::days(n64)),
            "w" | "week" | "weeks" => today.checked_add_signed(Duration::weeks(n64)),
            "m" | "month" | "months" => months(n),
            "y" | "year" | "years" => months(n.saturating_mul(12)),
            _ => None,
        };
        return date.ok_or_else(bad);
    }
    NaiveDate::parse_from_str(&t, "%Y-%m-%d").map_err(|_| bad())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn phrases_and_dates() {
        let today = d("2026-01-31");
        let cases = [
            ("2026-12-01", "2026-12-01"),
            ("today", "2026-01-31"),
            ("Tomorrow", "2026-02-01"),
            ("+3d", "2026-02-03"),
            ("+3", "2026-02-03"),
            ("+2w", "2026-02-14"),
            ("+1m", "2026-02-28"),
            ("+1y", "2027-01-31"),
            ("in 2 days", "2026-02-02"),
            ("yesterday", "2026-01-30"),
            ("-7d", "2026-01-24"),
            ("7d ago", "2026-01-24"),
            ("3 weeks ago", "2026-01-10"),
            ("-1m", "2025-12-31"),
            ("1 year ago", "2025-01-31"),
            ("昨天", "2026-01-30"),
            ("明天", "2026-02-01"),
        ];
        for (input, want) in cases {
            assert_eq!(parse_when(input, today), Ok(d(want)), "{input}");
        }
        for bad in [
            "next week",
            "+3x",
            "2026-02-30",
            "",
            "+99999d",
            "-99999d",
            "ago",
            "-x",
            "-0001-01-01",
            "0001-01-01",
            "9999-12-31",
        ] {
            assert!(parse_when(bad, today).is_err(), "{bad}");
        }
    }
}
