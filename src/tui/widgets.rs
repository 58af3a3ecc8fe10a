//! Small pieces shared by the panes: relative dates, SLA countdowns, fixed-width cells that
//! keep wide (CJK) characters aligned and untrusted text escaped.

use super::theme::Theme;
use crate::domain::Millis;
use crate::service::SlaState;
use crate::text;
use chrono::{Local, NaiveDate, TimeZone};
use ratatui::style::Style;
use ratatui::text::{Line, Span};

/// `today`, `3d ago`, `in 2d`, or the date when far away.
pub fn relative_day(date: NaiveDate, today: NaiveDate) -> String {
    let days = (today - date).num_days();
    match days {
        0 => "today".to_string(),
        1 => "yesterday".to_string(),
        -1 => "tomorrow".to_string(),
        d if (2..=99).contains(&d) => format!("{d}d ago"),
        d if (-99..=-2).contains(&d) => format!("in {}d", -d),
        _ => date.format("%Y-%m-%d").to_string(),
    }
}

pub use crate::service::local_time;

pub fn local_date(millis: Millis) -> Option<NaiveDate> {
    match Local.timestamp_millis_opt(millis) {
        chrono::LocalResult::Single(t) | chrono::LocalResult::Ambiguous(t, _) => {
            Some(t.date_naive())
        }
        chrono::LocalResult::None => None,
    }
}

/// `2h 05m`, `3d 4h`, `45m`.
pub fn span(ms: i64) -> String {
    let minutes = ms.unsigned_abs() / 60_000;
    let (d, h, m) = (minutes / 1440, (minutes / 60) % 24, minutes % 60);
    if d > 0 {
        format!("{d}d {h}h")
    } else if h > 0 {
        format!("{h}h {m:02}m")
    } else {
        format!("{m}m")
    }
}

/// The SLA state as words (never colour alone): `! BREACHED 2h 05m ago`, `~ 1h 10m left`,
/// `3h 00m left`, `met`.
pub fn sla_text(sla: &SlaState, theme: Theme) -> (String, Style) {
    match sla.time_left_ms {
        Some(left) if left < 0 || sla.breached() => {
            let when = if left < 0 {
                format!(" {} ago", span(left))
            } else {
                format!(" ({} left)", span(left))
            };
            (format!("! BREACHED{when}"), theme.breached())
        }
        _ => sla_words(sla, theme),
    }
}

/// The SLA state in at most 17 columns, for tables: `! 42d 16h over`, `~ 1h 10m left`.
pub fn sla_short(sla: &SlaState, theme: Theme) -> (String, Style) {
    match sla.time_left_ms {
        Some(left) if left < 0 => (format!("! {} over", span(left)), theme.breached()),
        Some(left) if sla.breached() => (format!("! late, {} left", span(left)), theme.breached()),
        _ => sla_words(sla, theme),
    }
}

fn sla_words(sla: &SlaState, theme: Theme) -> (String, Style) {
    match sla.time_left_ms {
        Some(left) if sla.due_soon => (format!("~ {} left", span(left)), theme.due_soon()),
        Some(left) => (format!("{} left", span(left)), Style::default()),
        None if sla.breached() => ("! BREACHED".to_string(), theme.breached()),
        None => ("met".to_string(), theme.good()),
    }
}

/// A table line from `(text, width)` cells: each cell sanitised, cut and padded to its width
/// in columns, one space between cells.
pub fn cells_line<'a>(cells: &[(&str, usize)], style: Style) -> Line<'a> {
    let mut out = String::new();
    for (i, (value, width)) in cells.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(&text::fit(value, *width));
    }
    Line::from(Span::styled(out, style))
}

/// Column widths: `fixed` as given, the column at `stretch` takes what is left of `total`.
pub fn widths(total: u16, fixed: &[usize], stretch: usize) -> Vec<usize> {
    let gaps = fixed.len().saturating_sub(1);
    let used: usize = fixed
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != stretch)
        .map(|(_, w)| *w)
        .sum();
    let left = (total as usize).saturating_sub(used + gaps);
    let mut out = fixed.to_vec();
    if let Some(w) = out.get_mut(stretch) {
        *w = left.max(4);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_days_read_naturally() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap_or_default();
        assert_eq!(relative_day(today, today), "today");
        assert_eq!(
            relative_day(today - chrono::Duration::days(3), today),
            "3d ago"
        );
        assert_eq!(
            relative_day(today + chrono::Duration::days(2), today),
            "in 2d"
        );
        assert_eq!(
            relative_day(today - chrono::Duration::days(400), today),
            "2025-10-20"
        );
        assert_eq!(span(2 * 3_600_000 + 5 * 60_000), "2h 05m");
        assert_eq!(span(-(26 * 3_600_000)), "1d 2h");
    }

    #[test]
    fn cells_align_wide_characters_and_escape_controls() {
        let line = cells_line(&[("张三", 6), ("\u{1b}[2J", 6)], Style::default());
        let text: String = line.spans.iter().map(|s| s.content.to_string()).collect();
        assert_eq!(text, "张三   \\x1b[…");
        assert_eq!(text::width(&text), 13);
    }
}
