//! Dates as staff type them: `2026-12-01`, `today`, `tomorrow`, `+3d`, `+2w`, `+1m`, `+1y`.

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
    match t.as_str() {
        "today" | "now" => return Ok(today),
        "tomorrow" => return Ok(today + Duration::days(1)),
        "yesterday" => return Ok(today - Duration::days(1)),
        _ => {}
    }
    if let Some(rest) = t.strip_prefix('+') {
        let split = rest
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(rest.len());
        let (digits, unit) = rest.split_at(split);
        let n: u32 = digits.parse().map_err(|_| bad())?;
        if n > 3650 {
            return Err(t!("date-too-far", text = format!("{text:?}")));
        }
        let date = match unit.trim() {
            "" | "d" | "day" | "days" => today.checked_add_signed(Duration::days(i64::from(n))),
            "w" | "week" | "weeks" => today.checked_add_signed(Duration::weeks(i64::from(n))),
            "m" | "month" | "months" => today.checked_add_months(Months::new(n)),
            "y" | "year" | "years" => today.checked_add_months(Months::new(n.saturating_mul(12))),
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
            "-0001-01-01",
            "0001-01-01",
            "9999-12-31",
        ] {
            assert!(parse_when(bad, today).is_err(), "{bad}");
        }
    }
}
