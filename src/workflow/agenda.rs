//! The agenda: overdue first, then due today, then the coming week.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};

/// Which part of the agenda a plan due on a date (at a time, if it has one) belongs to, seen
/// at `now` (local time): a plan due today at a time already past is overdue.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum AgendaGroup {
    Overdue,
    Today,
    ThisWeek,
}

/// `None` when the plan is more than `days_ahead` days away.
pub fn agenda_group(
    due: NaiveDate,
    due_time: Option<NaiveTime>,
    now: NaiveDateTime,
    days_ahead: i64,
) -> Option<AgendaGroup> {
    let days = (due - now.date()).num_days();
    match days {
        d if d < 0 => Some(AgendaGroup::Overdue),
        0 if due_time.is_some_and(|t| t < now.time()) => Some(AgendaGroup::Overdue),
        0 => Some(AgendaGroup::Today),
        d if d <= days_ahead => Some(AgendaGroup::ThisWeek),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_by_distance() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
        let now = today.and_time(NaiveTime::MIN);
        let day = |n: i64| today + chrono::Duration::days(n);
        assert_eq!(
            agenda_group(day(-30), None, now, 7),
            Some(AgendaGroup::Overdue)
        );
        assert_eq!(agenda_group(day(0), None, now, 7), Some(AgendaGroup::Today));
        assert_eq!(
            agenda_group(day(7), None, now, 7),
            Some(AgendaGroup::ThisWeek)
        );
        assert_eq!(agenda_group(day(8), None, now, 7), None);
        assert!(
            AgendaGroup::Overdue < AgendaGroup::Today && AgendaGroup::Today < AgendaGroup::ThisWeek
        );
    }

    #[test]
    fn a_plan_due_today_at_a_time_is_overdue_once_that_time_has_passed() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
        let at = |h: u32, m: u32| today.and_hms_opt(h, m, 0).unwrap();
        let due = NaiveTime::from_hms_opt(18, 18, 0);
        assert_eq!(
            agenda_group(today, due, at(18, 18), 7),
            Some(AgendaGroup::Today)
        );
        assert_eq!(
            agenda_group(today, due, at(18, 19), 7),
            Some(AgendaGroup::Overdue)
        );
        // Without a time a plan is due all day.
        assert_eq!(
            agenda_group(today, None, at(23, 59), 7),
            Some(AgendaGroup::Today)
        );
        // A time tomorrow is not looked at today.
        let tomorrow = today.succ_opt().unwrap();
        assert_eq!(
            agenda_group(tomorrow, due, at(23, 59), 7),
            Some(AgendaGroup::ThisWeek)
        );
    }
}
