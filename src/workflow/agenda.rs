//! The agenda: overdue first, then due today, then the coming week.

use chrono::NaiveDate;

/// Which part of the agenda a plan due on a date belongs to, seen from `today`.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum AgendaGroup {
    Overdue,
    Today,
    ThisWeek,
}

/// `None` when the plan is more than `days_ahead` days away.
pub fn agenda_group(due: NaiveDate, today: NaiveDate, days_ahead: i64) -> Option<AgendaGroup> {
    let days = (due - today).num_days();
    match days {
        d if d < 0 => Some(AgendaGroup::Overdue),
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
        let day = |n: i64| today + chrono::Duration::days(n);
        assert_eq!(agenda_group(day(-30), today, 7), Some(AgendaGroup::Overdue));
        assert_eq!(agenda_group(day(0), today, 7), Some(AgendaGroup::Today));
        assert_eq!(agenda_group(day(7), today, 7), Some(AgendaGroup::ThisWeek));
        assert_eq!(agenda_group(day(8), today, 7), None);
        assert!(
            AgendaGroup::Overdue < AgendaGroup::Today && AgendaGroup::Today < AgendaGroup::ThisWeek
        );
    }
}
