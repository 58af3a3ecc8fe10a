//! The card's timeline rows (orders, contacts, care plans, complaints) and the next expected
//! order in words.

use crate::domain::{ComplaintStatus, PlanStatus};
use crate::scoring::ReorderPrediction;
use crate::service::TimelineEntry;
use crate::text::sanitize;
use crate::tui::theme::Theme;
use crate::tui::widgets::{local_time, relative_day};
use chrono::NaiveDate;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

/// `expected 2026-12-10 (in 19d; every ~39 days)`, or once that date has passed
/// `expected 2026-01-27, overdue by 298 days (every ~28 days)`; and whether it is overdue.
pub(super) fn next_order_text(p: &ReorderPrediction, today: NaiveDate) -> (String, bool) {
    let days = (p.next_expected - today).num_days();
    let every = p.median_gap_days;
    match days {
        d if d < 0 => (
            t!(
                "next-order-overdue",
                date = p.next_expected.to_string(),
                days = t!("count-days", n = -d),
                every = every
            ),
            true,
        ),
        // Far ahead `relative_day` falls back to the date itself: say the distance instead.
        d if d > 99 => (
            t!(
                "next-order-far",
                date = p.next_expected.to_string(),
                days = t!("count-days", n = d),
                every = every
            ),
            false,
        ),
        _ => (
            t!(
                "next-order-near",
                date = p.next_expected.to_string(),
                when = relative_day(p.next_expected, today),
                every = every
            ),
            false,
        ),
    }
}

pub(super) fn timeline_line(entry: &TimelineEntry, theme: Theme) -> Line<'static> {
    let (kind, text, style) = match entry {
        TimelineEntry::Order(o) => (
            ts!("timeline-order"),
            format!(
                "{} {}{}",
                o.order_id,
                o.amount,
                o.items
                    .as_deref()
                    .map(|i| format!(" · {i}"))
                    .unwrap_or_default()
            ),
            Style::default(),
        ),
        TimelineEntry::FollowUp(f) => (
            ts!("timeline-contact"),
            format!(
                "{}{}{}",
                t!(
                    "timeline-contact-line",
                    channel = f.channel.title(),
                    direction = f.direction.title(),
                    kind = f.kind.title(),
                    staff = &f.staff,
                    summary = &f.summary
                ),
                if f.outcome.is_empty() {
                    String::new()
                } else {
                    format!(" → {}", f.outcome)
                },
                f.satisfaction
                    .map(|s| format!(" {}", t!("timeline-satisfaction", score = s)))
                    .unwrap_or_default()
            ),
            Style::default(),
        ),
        TimelineEntry::CarePlan(p) => (
            ts!("timeline-care-plan"),
            format!(
                "{}{}",
                t!(
                    "timeline-plan-line",
                    purpose = p.purpose.title(),
                    due = p.due.to_string(),
                    status = p.status.title()
                ),
                if p.note.is_empty() {
                    String::new()
                } else {
                    format!(": {}", p.note)
                }
            ),
            if p.status == PlanStatus::Open {
                theme.due_soon()
            } else {
                theme.dim()
            },
        ),
        TimelineEntry::Complaint(c) => (
            ts!("timeline-complaint"),
            format!(
                "{} {} [{}] {}: {}",
                c.id,
                c.severity.title(),
                c.status.title(),
                c.category,
                c.description
            ),
            if matches!(
                c.status,
                ComplaintStatus::Resolved | ComplaintStatus::Closed
            ) {
                Style::default()
            } else {
                theme.breached()
            },
        ),
    };
    // A care plan is due on a calendar date, at a wall-clock time only if it has one; its
    // sort time (the date's midnight UTC) is no moment to show.
    let stamp = match entry {
        TimelineEntry::CarePlan(p) => format!(
            "{} {:<5}",
            p.due.format("%Y-%m-%d"),
            p.due_time
                .map(|t| t.format("%H:%M").to_string())
                .unwrap_or_default()
        ),
        _ => local_time(entry.at()),
    };
    Line::from(vec![
        Span::styled(format!("{stamp}  "), theme.dim()),
        Span::styled(crate::text::fit(kind, 10), style),
        Span::raw(sanitize(&text).into_owned()),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn prediction(next_expected: NaiveDate, median_gap_days: i64) -> ReorderPrediction {
        ReorderPrediction {
            last_order: next_expected - chrono::Duration::days(median_gap_days),
            median_gap_days,
            next_expected,
        }
    }

    #[test]
    fn a_reorder_date_in_the_past_is_overdue_and_not_repeated() {
        let today = d(2026, 11, 21);
        let (text, overdue) = next_order_text(&prediction(d(2026, 1, 27), 28), today);
        assert_eq!(
            text,
            "expected 2026-01-27, overdue by 298 days (every ~28 days)"
        );
        assert!(overdue);
        let (text, overdue) = next_order_text(&prediction(d(2026, 11, 20), 28), today);
        assert_eq!(
            text,
            "expected 2026-11-20, overdue by 1 day (every ~28 days)"
        );
        assert!(overdue);
        // Ahead: as before; far ahead: the distance, not the date twice.
        let (text, overdue) = next_order_text(&prediction(d(2026, 12, 10), 39), today);
        assert_eq!(text, "expected 2026-12-10 (in 19 days; every ~39 days)");
        assert!(!overdue);
        let (text, _) = next_order_text(&prediction(d(2027, 6, 1), 300), today);
        assert_eq!(text, "expected 2027-06-01 (in 192 days; every ~300 days)");
        let (text, _) = next_order_text(&prediction(today, 30), today);
        assert_eq!(text, "expected 2026-11-21 (today; every ~30 days)");
    }
}
