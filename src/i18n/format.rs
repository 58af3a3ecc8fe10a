//! Formats that follow the language: relative days (`today`, `3 days ago`, `今天`, `3天前`),
//! durations (`2h 05m`, `2小时05分`) and amounts with thousands separators and the team's
//! currency symbol. Dates themselves stay ISO (2026-12-01) in both languages.

use super::{Arg, Lang, message_in};
use crate::domain::Money;
use chrono::NaiveDate;

/// `today`, `3 days ago`, `in 2 days` (今天, 3天前, 2天后), or the date when further than 99
/// days away.
pub fn relative_day_in(lang: Lang, date: NaiveDate, today: NaiveDate) -> String {
    let days = (today - date).num_days();
    match days {
        0 => message_in(lang, "day-today", &[]),
        1 => message_in(lang, "day-yesterday", &[]),
        -1 => message_in(lang, "day-tomorrow", &[]),
        d if (2..=99).contains(&d) => message_in(lang, "day-ago", &[("n", Arg::from(d))]),
        d if (-99..=-2).contains(&d) => message_in(lang, "day-in", &[("n", Arg::from(-d))]),
        _ => date.format("%Y-%m-%d").to_string(),
    }
}

/// [`relative_day_in`] the language in use.
pub fn relative_day(date: NaiveDate, today: NaiveDate) -> String {
    relative_day_in(super::lang(), date, today)
}

/// The same for a table column of ten cells: `3d ago`, `in 2d` (3天前, 2天后).
pub fn relative_day_short_in(lang: Lang, date: NaiveDate, today: NaiveDate) -> String {
    match (today - date).num_days() {
        d if (2..=99).contains(&d) => message_in(lang, "day-ago-short", &[("n", Arg::from(d))]),
        d if (-99..=-2).contains(&d) => message_in(lang, "day-in-short", &[("n", Arg::from(-d))]),
        _ => relative_day_in(lang, date, today),
    }
}

/// [`relative_day_short_in`] the language in use.
pub fn relative_day_short(date: NaiveDate, today: NaiveDate) -> String {
    relative_day_short_in(super::lang(), date, today)
}

/// `2h 05m`, `3d 4h`, `45m` (2小时05分, 3天4小时, 45分) for a span of milliseconds (its sign
/// is left to the words around it).
pub fn duration_in(lang: Lang, ms: i64) -> String {
    let minutes = ms.unsigned_abs() / 60_000;
    let (d, h, m) = (minutes / 1440, (minutes / 60) % 24, minutes % 60);
    let n = |v: u64| Arg::from(v);
    if d > 0 {
        message_in(lang, "span-days", &[("d", n(d)), ("h", n(h))])
    } else if h > 0 {
        // Minutes after hours take two digits (2h 05m); Fluent numbers have no padding.
        let m = Arg::Text(format!("{m:02}"));
        message_in(lang, "span-hours", &[("h", n(h)), ("m", m)])
    } else {
        message_in(lang, "span-minutes", &[("m", n(m))])
    }
}

/// [`duration_in`] the language in use.
pub fn duration(ms: i64) -> String {
    duration_in(super::lang(), ms)
}

/// `¥1,234.50` with `currency = "¥"`, `1,234.50` without; negative amounts keep their sign
/// first (`-¥12.00`).
pub fn money(amount: Money, currency: &str) -> String {
    let plain = amount.to_string();
    let (sign, digits) = match plain.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", plain.as_str()),
    };
    let (whole, cents) = digits.split_once('.').unwrap_or((digits, ""));
    let grouped = whole
        .parse::<u64>()
        .map_or_else(|_| whole.to_owned(), crate::text::thousands);
    let cents = if cents.is_empty() {
        String::new()
    } else {
        format!(".{cents}")
    };
    format!("{sign}{currency}{grouped}{cents}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, d).unwrap_or_default()
    }

    #[test]
    fn relative_days_in_both_languages() {
        let today = day(10);
        for (date, en, zh) in [
            (day(10), "today", "今天"),
            (day(9), "yesterday", "昨天"),
            (day(11), "tomorrow", "明天"),
            (day(7), "3 days ago", "3天前"),
            (day(13), "in 3 days", "3天后"),
        ] {
            assert_eq!(relative_day_in(Lang::En, date, today), en);
            assert_eq!(relative_day_in(Lang::Zh, date, today), zh);
        }
        assert_eq!(relative_day_short_in(Lang::En, day(7), today), "3d ago");
        assert_eq!(relative_day_short_in(Lang::En, day(13), today), "in 3d");
        assert_eq!(relative_day_short_in(Lang::Zh, day(7), today), "3天前");
        assert_eq!(relative_day_short_in(Lang::En, day(10), today), "today");
        let far = NaiveDate::from_ymd_opt(2025, 1, 1).unwrap_or_default();
        assert_eq!(relative_day_in(Lang::Zh, far, today), "2025-01-01");
    }

    #[test]
    fn durations_in_both_languages() {
        let minute = 60_000;
        assert_eq!(duration_in(Lang::En, 125 * minute), "2h 05m");
        assert_eq!(duration_in(Lang::Zh, 125 * minute), "2小时05分");
        assert_eq!(duration_in(Lang::En, -(3 * 1440 + 240) * minute), "3d 4h");
        assert_eq!(duration_in(Lang::Zh, (3 * 1440 + 240) * minute), "3天4小时");
        assert_eq!(duration_in(Lang::En, 45 * minute), "45m");
        assert_eq!(duration_in(Lang::Zh, 45 * minute), "45分");
    }

    #[test]
    fn amounts_group_thousands_and_carry_the_currency() {
        let amount = |cents: i64| Money(cents);
        assert_eq!(money(amount(123_450), "¥"), "¥1,234.50");
        assert_eq!(money(amount(123_450), ""), "1,234.50");
        assert_eq!(money(amount(-1_200), "¥"), "-¥12.00");
        assert_eq!(money(amount(10_000_000_000), "$"), "$100,000,000.00");
    }
}
