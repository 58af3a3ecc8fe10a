//! The one range of dates loyal supports, for every kind of date and instant (orders,
//! birthdays, due dates, complaint times, holidays, `--as-of`): 1900-01-01 to 2999-12-31.
//! Every parser checks against it, so whatever is stored exports as plain `YYYY-MM-DD` or
//! RFC 3339 text and imports back, and date arithmetic stays far from chrono's limits.

use super::Millis;
use chrono::{DateTime, Datelike, NaiveDate, SecondsFormat};

/// The first and the last supported year.
pub const FIRST_YEAR: i32 = 1900;
pub const LAST_YEAR: i32 = 2999;

/// 1900-01-01T00:00:00Z and 3000-01-01T00:00:00Z, in milliseconds since the epoch.
const FIRST_MILLIS: Millis = -2_208_988_800_000;
const END_MILLIS: Millis = 32_503_680_000_000;

fn outside(what: &str) -> String {
    t!(
        "date-outside",
        what = what,
        first = FIRST_YEAR.to_string(),
        last = LAST_YEAR.to_string()
    )
}

/// `date`, or why it is not supported.
pub fn check_date(date: NaiveDate) -> Result<NaiveDate, String> {
    if (FIRST_YEAR..=LAST_YEAR).contains(&date.year()) {
        Ok(date)
    } else {
        Err(outside(&date.to_string()))
    }
}

/// `at`, or why it is not supported (its UTC date must be in the range).
pub fn check_instant(at: Millis) -> Result<Millis, String> {
    if (FIRST_MILLIS..END_MILLIS).contains(&at) {
        Ok(at)
    } else {
        let shown = DateTime::from_timestamp_millis(at).map_or_else(
            || format!("{at} ms"),
            |t| t.to_rfc3339_opts(SecondsFormat::Secs, true),
        );
        Err(outside(&shown))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bounds_are_the_first_and_last_day() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        assert!(check_date(d(1900, 1, 1)).is_ok() && check_date(d(2999, 12, 31)).is_ok());
        for bad in [
            d(1899, 12, 31),
            d(3000, 1, 1),
            d(-1, 1, 1),
            d(1, 1, 1),
            d(9999, 1, 1),
        ] {
            assert!(check_date(bad).is_err(), "{bad}");
        }
        let ms = |date: NaiveDate| {
            date.and_hms_opt(0, 0, 0)
                .unwrap()
                .and_utc()
                .timestamp_millis()
        };
        assert_eq!(ms(d(1900, 1, 1)), FIRST_MILLIS);
        assert_eq!(ms(d(3000, 1, 1)), END_MILLIS);
        assert!(check_instant(FIRST_MILLIS).is_ok() && check_instant(END_MILLIS - 1).is_ok());
        assert!(check_instant(FIRST_MILLIS - 1).is_err() && check_instant(END_MILLIS).is_err());
        assert!(check_instant(i64::MIN).is_err());
    }
}
