//! Stored instants (UTC milliseconds) as calendar dates in the local time zone, fast enough
//! for millions of orders.

use crate::domain::Millis;
use chrono::{DateTime, Local, NaiveDate, Offset, TimeZone};

/// A stored instant as a person reads it: `2026-11-24 14:05` in the local time zone (`?` for
/// an instant the zone cannot show). The one spelling every screen and message uses.
pub fn local_time(millis: Millis) -> String {
    match Local.timestamp_millis_opt(millis) {
        chrono::LocalResult::Single(t) | chrono::LocalResult::Ambiguous(t, _) => {
            t.format("%Y-%m-%d %H:%M").to_string()
        }
        chrono::LocalResult::None => "?".to_string(),
    }
}

/// Converts stored instants to local calendar dates. Asking the time zone for its offset
/// costs more than everything else scoring does per order, so the offset is remembered per UTC
/// day (a small direct-mapped cache: two years of orders touch ~730 days); on the rare day whose
/// offset changes (a DST switch) it is asked for each instant.
pub struct LocalDates {
    days: Vec<(i64, i32, i32)>,
}

impl Default for LocalDates {
    fn default() -> Self {
        LocalDates {
            days: vec![(i64::MIN, 0, 0); 4096],
        }
    }
}

const DAY_MS: i64 = 86_400_000;
/// Days from 0001-01-01 (day 1 of the common era) to 1970-01-01.
const UNIX_EPOCH_DAYS_FROM_CE: i64 = 719_163;

fn offset_at(millis: Millis) -> i32 {
    DateTime::from_timestamp_millis(millis).map_or(0, |t| {
        Local
            .offset_from_utc_datetime(&t.naive_utc())
            .fix()
            .local_minus_utc()
    })
}

impl LocalDates {
    pub fn date(&mut self, millis: Millis) -> NaiveDate {
        let day = millis.div_euclid(DAY_MS);
        let cell = &mut self.days[day.rem_euclid(4096) as usize];
        if cell.0 != day {
            *cell = (
                day,
                offset_at(day * DAY_MS),
                offset_at(day * DAY_MS + DAY_MS - 1),
            );
        }
        let offset = if cell.1 == cell.2 {
            cell.1
        } else {
            offset_at(millis)
        };
        let local_days = (millis + i64::from(offset) * 1000).div_euclid(DAY_MS);
        i32::try_from(local_days + UNIX_EPOCH_DAYS_FROM_CE)
            .ok()
            .and_then(NaiveDate::from_num_days_from_ce_opt)
            .unwrap_or(NaiveDate::MIN)
    }
}

/// Today's date in the local time zone.
pub fn today() -> NaiveDate {
    Local::now().date_naive()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn cached_local_dates_agree_with_chrono(times in prop::collection::vec(-2_000_000_000_000i64..4_000_000_000_000, 1..300)) {
            let mut dates = LocalDates::default();
            for t in times {
                let expected = DateTime::from_timestamp_millis(t).map(|d| d.with_timezone(&Local).date_naive());
                prop_assert_eq!(Some(dates.date(t)), expected);
            }
        }
    }
}
