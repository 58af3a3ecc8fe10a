//! The SLA clock: deadlines that count only business time (a weekly schedule in a named time
//! zone, minus holidays), so "24 hours to first response" means 24 working hours when the team
//! works office hours, and plain elapsed time when it does not.

use chrono::{
    DateTime, Datelike, Duration, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc,
};
use std::collections::BTreeSet;

/// Where business hours are read: the server's local zone or a named IANA zone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Zone {
    Local,
    Named(chrono_tz::Tz),
}

impl Zone {
    /// `""` is the server's local zone; anything else an IANA name like `Asia/Shanghai`.
    pub fn parse(name: &str) -> Result<Zone, String> {
        let name = name.trim();
        if name.is_empty() {
            return Ok(Zone::Local);
        }
        name.parse::<chrono_tz::Tz>()
            .map(Zone::Named)
            .map_err(|_| t!("not-a-zone", value = format!("{name:?}")))
    }

    fn resolve<T: TimeZone>(zone: &T, local: NaiveDateTime) -> Option<DateTime<Utc>> {
        // In a spring-forward gap the wall-clock time does not exist: take the first instant
        // after the gap (found minute by minute, at most four hours on). In a fall-back fold take the earlier of the two.
        for step in 0..=240 {
            let t = local + Duration::minutes(step);
            match zone.from_local_datetime(&t) {
                LocalResult::Single(x) => return Some(x.with_timezone(&Utc)),
                LocalResult::Ambiguous(a, _) => return Some(a.with_timezone(&Utc)),
                LocalResult::None => continue,
            }
        }
        None
    }

    /// The instant a local wall-clock time names.
    pub fn to_utc(&self, local: NaiveDateTime) -> Option<DateTime<Utc>> {
        match self {
            Zone::Local => Self::resolve(&chrono::Local, local),
            Zone::Named(tz) => Self::resolve(tz, local),
        }
    }

    /// The local date of an instant.
    pub fn date_of(&self, t: DateTime<Utc>) -> NaiveDate {
        match self {
            Zone::Local => t.with_timezone(&chrono::Local).date_naive(),
            Zone::Named(tz) => t.with_timezone(tz).date_naive(),
        }
    }
}

/// Why a schedule or holiday list is not understood.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct ScheduleError(pub String);

/// Opening hours per weekday (Monday first); `24:00` closes at midnight.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Schedule {
    days: [Vec<(NaiveTime, Option<NaiveTime>)>; 7],
}

const DAY_NAMES: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

fn day_index(name: &str) -> Result<usize, ScheduleError> {
    const FULL: [&str; 7] = [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];
    let lower = name.trim().to_lowercase();
    DAY_NAMES
        .iter()
        .zip(FULL)
        .position(|(short, full)| lower == *short || lower == full)
        .ok_or_else(|| ScheduleError(t!("not-a-weekday", value = format!("{name:?}"))))
}

fn parse_time(text: &str) -> Result<Option<NaiveTime>, ScheduleError> {
    if text.trim() == "24:00" {
        return Ok(None);
    }
    NaiveTime::parse_from_str(text.trim(), "%H:%M")
        .map(Some)
        .map_err(|_| ScheduleError(t!("not-a-time", value = format!("{text:?}"))))
}

impl std::str::FromStr for Schedule {
    type Err = ScheduleError;

    /// `mon-fri 09:00-18:00; sat 10:00-14:00`, `mon,wed 08:00-12:00, 13:00-17:00`.
    fn from_str(text: &str) -> Result<Schedule, ScheduleError> {
        let mut days: [Vec<(NaiveTime, Option<NaiveTime>)>; 7] = Default::default();
        for part in text.split(';').map(str::trim).filter(|p| !p.is_empty()) {
            let (day_part, spans) = part
                .split_once(' ')
                .ok_or_else(|| ScheduleError(t!("not-a-schedule", value = format!("{part:?}"))))?;
            let mut chosen = Vec::new();
            for range in day_part.split(',') {
                match range.split_once('-') {
                    Some((a, b)) => {
                        let (a, b) = (day_index(a)?, day_index(b)?);
                        let mut i = a;
                        loop {
                            chosen.push(i);
                            if i == b {
                                break;
                            }
                            i = (i + 1) % 7;
                        }
                    }
                    None => chosen.push(day_index(range)?),
                }
            }
            for span in spans.split(',').map(str::trim).filter(|s| !s.is_empty()) {
                let (open, close) = span
                    .split_once('-')
                    .ok_or_else(|| ScheduleError(t!("not-a-span", value = format!("{span:?}"))))?;
                let open =
                    parse_time(open)?.ok_or_else(|| ScheduleError(t!("span-opens-at-24")))?;
                let close = parse_time(close)?;
                if close.is_some_and(|c| c <= open) {
                    return Err(ScheduleError(t!(
                        "span-closes-first",
                        value = format!("{span:?}")
                    )));
                }
                for &d in &chosen {
                    days[d].push((open, close));
                }
            }
        }
        for spans in &mut days {
            // Sorted and merged, so overlapping spans (`09:00-13:00, 12:00-18:00`) count once.
            spans.sort();
            let mut merged: Vec<(NaiveTime, Option<NaiveTime>)> = Vec::with_capacity(spans.len());
            for &(open, close) in spans.iter() {
                match merged.last_mut() {
                    Some(last) if last.1.is_none_or(|end| open <= end) => {
                        last.1 = match (last.1, close) {
                            (None, _) | (_, None) => None,
                            (Some(a), Some(b)) => Some(a.max(b)),
                        };
                    }
                    _ => merged.push((open, close)),
                }
            }
            *spans = merged;
        }
        Ok(Schedule { days })
    }
}

/// When the SLA clock runs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Calendar {
    /// `None`: round the clock.
    pub schedule: Option<Schedule>,
    pub holidays: BTreeSet<NaiveDate>,
    pub zone: Zone,
}

/// The longest a search for business time may go on (a schedule with almost no open hours).
const SEARCH_DAYS: i64 = 3700;

impl Calendar {
    /// From the team settings' texts (empty schedule: round the clock).
    pub fn from_settings(
        schedule: &str,
        holidays: &str,
        zone: &str,
    ) -> Result<Calendar, ScheduleError> {
        let schedule = if schedule.trim().is_empty() {
            None
        } else {
            Some(schedule.parse()?)
        };
        let mut days = BTreeSet::new();
        for d in holidays
            .split([',', ';', ' '])
            .map(str::trim)
            .filter(|d| !d.is_empty())
        {
            days.insert(
                NaiveDate::parse_from_str(d, "%Y-%m-%d")
                    .map_err(|_| t!("not-a-date", value = format!("{d:?}")))
                    .and_then(crate::domain::check_date)
                    .map_err(ScheduleError)?,
            );
        }
        Ok(Calendar {
            schedule,
            holidays: days,
            zone: Zone::parse(zone).map_err(ScheduleError)?,
        })
    }

    /// The open intervals of one local date, as instants.
    fn intervals(&self, date: NaiveDate) -> Vec<(DateTime<Utc>, DateTime<Utc>)> {
        if self.holidays.contains(&date) {
            return Vec::new();
        }
        let midnight = NaiveTime::MIN;
        let next_midnight = |d: NaiveDate| d.succ_opt().map(|n| n.and_time(midnight));
        let spans: Vec<(NaiveTime, Option<NaiveTime>)> = match &self.schedule {
            None => vec![(midnight, None)],
            Some(s) => s.days[date.weekday().num_days_from_monday() as usize].clone(),
        };
        spans
            .into_iter()
            .filter_map(|(open, close)| {
                let start = self.zone.to_utc(date.and_time(open))?;
                let end_local = match close {
                    Some(c) => Some(date.and_time(c)),
                    None => next_midnight(date),
                }?;
                let end = self.zone.to_utc(end_local)?;
                (end > start).then_some((start, end))
            })
            .collect()
    }

    fn plain(&self) -> bool {
        self.schedule.is_none() && self.holidays.is_empty()
    }

    /// The instant `hours` of business time after `start`; `None` if the calendar has no open
    /// time within ten years.
    pub fn add(&self, start: DateTime<Utc>, hours: i64) -> Option<DateTime<Utc>> {
        let mut remaining = Duration::hours(hours);
        if self.plain() {
            return start.checked_add_signed(remaining);
        }
        let mut date = self.zone.date_of(start).pred_opt()?;
        for _ in 0..SEARCH_DAYS {
            for (open, close) in self.intervals(date) {
                let from = open.max(start);
                if close <= from {
                    continue;
                }
                let available = close - from;
                if remaining <= available {
                    return Some(from + remaining);
                }
                remaining -= available;
            }
            date = date.succ_opt()?;
        }
        None
    }

    /// Business time between two instants (zero when `to` is not after `from`).
    pub fn between(&self, from: DateTime<Utc>, to: DateTime<Utc>) -> Duration {
        if to <= from {
            return Duration::zero();
        }
        if self.plain() {
            return to - from;
        }
        let mut total = Duration::zero();
        let Some(mut date) = self.zone.date_of(from).pred_opt() else {
            return total;
        };
        let last = self.zone.date_of(to);
        if (last - date).num_days() > SEARCH_DAYS {
            // Dates far apart (a bad import): elapsed time, rather than a walk of many years.
            return to - from;
        }
        while date <= last {
            for (open, close) in self.intervals(date) {
                let (a, b) = (open.max(from), close.min(to));
                if b > a {
                    total += b - a;
                }
            }
            let Some(next) = date.succ_opt() else { break };
            date = next;
        }
        total
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    fn cal(schedule: &str, holidays: &str, zone: &str) -> Calendar {
        Calendar::from_settings(schedule, holidays, zone).unwrap()
    }

    #[test]
    fn deadlines_table() {
        let office = "mon-fri 09:00-18:00";
        // (schedule, holidays, zone, opened, hours, due)
        let cases = [
            // Round the clock: plain elapsed time, also across a DST change.
            (
                "",
                "",
                "UTC",
                "2026-03-06T16:00:00Z",
                24,
                "2026-03-07T16:00:00Z",
            ),
            (
                "",
                "",
                "America/New_York",
                "2026-03-07T12:00:00Z",
                24,
                "2026-03-08T12:00:00Z",
            ),
            // Friday 17:00 + 24 working hours: 1 Fri + 9 Mon + 9 Tue + 5 Wed.
            (
                office,
                "",
                "UTC",
                "2026-11-20T17:00:00Z",
                24,
                "2026-11-25T14:00:00Z",
            ),
            // Opened on a Saturday: the clock starts Monday 09:00.
            (
                office,
                "",
                "UTC",
                "2026-11-21T10:00:00Z",
                24,
                "2026-11-25T15:00:00Z",
            ),
            // Before opening time on a weekday.
            (
                office,
                "",
                "UTC",
                "2026-11-24T07:00:00Z",
                4,
                "2026-11-24T13:00:00Z",
            ),
            // Exactly at closing time: nothing left today.
            (
                office,
                "",
                "UTC",
                "2026-11-24T18:00:00Z",
                1,
                "2026-11-25T10:00:00Z",
            ),
            // A holiday Monday is skipped.
            (
                office,
                "2026-11-23",
                "UTC",
                "2026-11-20T17:00:00Z",
                24,
                "2026-11-26T14:00:00Z",
            ),
            // Business hours in Shanghai (UTC+8): 09:00 local is 01:00Z.
            (
                office,
                "",
                "Asia/Shanghai",
                "2026-11-24T00:00:00Z",
                2,
                "2026-11-24T03:00:00Z",
            ),
            // New York, across spring-forward (Sun 2026-03-08): Fri 16:00 EST + 2h = 1h Fri,
            // then Mon 09:00 EDT (13:00Z) + 1h.
            (
                "mon-fri 09:00-17:00",
                "",
                "America/New_York",
                "2026-03-06T21:00:00Z",
                2,
                "2026-03-09T14:00:00Z",
            ),
            // ... and across fall-back (Sun 2026-11-01): Fri 16:00 EDT + 2h -> Mon 10:00 EST.
            (
                "mon-fri 09:00-17:00",
                "",
                "America/New_York",
                "2026-10-30T20:00:00Z",
                2,
                "2026-11-02T15:00:00Z",
            ),
            // Every day all day in New York: the short spring-forward day has 23 real hours.
            (
                "mon-sun 00:00-24:00",
                "2026-03-09",
                "America/New_York",
                "2026-03-08T05:00:00Z",
                24,
                "2026-03-10T05:00:00Z",
            ),
            // Overlapping spans count once: 09:00-18:00 (with a span inside it on Monday).
            (
                "mon-fri 09:00-13:00, 12:00-18:00; mon 10:00-11:00",
                "",
                "UTC",
                "2026-11-20T17:00:00Z",
                24,
                "2026-11-25T14:00:00Z",
            ),
            // Split shifts.
            (
                "mon-fri 09:00-12:00, 13:00-17:00",
                "",
                "UTC",
                "2026-11-24T11:00:00Z",
                2,
                "2026-11-24T14:00:00Z",
            ),
        ];
        for (schedule, holidays, zone, opened, hours, due) in cases {
            let c = cal(schedule, holidays, zone);
            assert_eq!(
                c.add(utc(opened), hours),
                Some(utc(due)),
                "{schedule:?} {zone} {opened} +{hours}h"
            );
        }
    }

    #[test]
    fn business_time_between_matches_add() {
        let c = cal("mon-fri 09:00-18:00", "2026-11-26", "Europe/Berlin");
        let opened = utc("2026-11-20T15:30:00Z");
        for hours in [1, 5, 9, 24, 40] {
            let due = c.add(opened, hours).unwrap();
            assert_eq!(c.between(opened, due), Duration::hours(hours), "{hours}h");
        }
        assert_eq!(
            c.between(utc("2026-11-21T10:00:00Z"), utc("2026-11-22T10:00:00Z")),
            Duration::zero()
        );
    }

    #[test]
    fn bad_settings_are_explained() {
        for (schedule, holidays, zone) in [
            ("weekdays 9-5", "", ""),
            ("monkey 09:00-10:00", "", ""),
            ("mon-fri 18:00-09:00", "", ""),
            ("", "2026-13-01", ""),
            ("", "", "Mars/Olympus"),
        ] {
            assert!(
                Calendar::from_settings(schedule, holidays, zone).is_err(),
                "{schedule} {holidays} {zone}"
            );
        }
        let closed = cal("sat 10:00-11:00", "", "UTC");
        assert!(closed.add(utc("2026-11-24T00:00:00Z"), 1).is_some());
        let never = Calendar {
            schedule: Some("mon 09:00-10:00".parse().unwrap()),
            holidays: BTreeSet::new(),
            zone: Zone::Named(chrono_tz::UTC),
        };
        assert!(never.add(utc("2026-11-24T00:00:00Z"), 100_000).is_none());
    }
}
