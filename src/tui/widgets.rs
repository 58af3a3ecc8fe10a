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

/// One column of a table: the width it needs at least, the width that shows its usual values
/// whole, and its rank when width is shared (0 first). `grow` takes what is left at the end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Col {
    pub min: usize,
    pub want: usize,
    pub rank: u8,
    pub grow: bool,
}

impl Col {
    pub const fn new(min: usize, want: usize, rank: u8) -> Col {
        Col {
            min,
            want,
            rank,
            grow: false,
        }
    }

    /// This column takes the width left when every column has what it wants.
    pub const fn grow(self) -> Col {
        Col { grow: true, ..self }
    }
}

/// Shares `total` cells (one space between columns) among `cols`: each gets its minimum, then,
/// in rank order, what it wants, then the growing column what is left. When even the minimums
/// do not fit, the lowest-ranked columns give way first (down to 1 cell).
pub fn share_widths(total: u16, cols: &[Col]) -> Vec<usize> {
    let total = (total as usize).saturating_sub(cols.len().saturating_sub(1));
    let mut out: Vec<usize> = cols.iter().map(|c| c.min.max(1)).collect();
    let mut order: Vec<usize> = (0..cols.len()).collect();
    order.sort_by_key(|&i| cols[i].rank);
    let mut used: usize = out.iter().sum();
    // Too narrow: take from the lowest ranks first.
    for &i in order.iter().rev() {
        if used <= total {
            break;
        }
        let give = (out[i] - 1).min(used - total);
        out[i] -= give;
        used -= give;
    }
    // Then what each wants, by rank.
    for &i in &order {
        let more = cols[i]
            .want
            .saturating_sub(out[i])
            .min(total.saturating_sub(used));
        out[i] += more;
        used += more;
    }
    if let Some(i) = cols.iter().position(|c| c.grow) {
        out[i] += total.saturating_sub(used);
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

    /// The customers table of the issue: a name needs 14 cells at 80 columns; at 120 the
    /// phone, stage and segment are whole.
    fn customer_columns() -> [Col; 8] {
        [
            Col::new(1, 1, 0),
            Col::new(14, 16, 0).grow(),
            Col::new(9, 17, 1),
            Col::new(8, 10, 3),
            Col::new(9, 18, 2),
            Col::new(5, 8, 5),
            Col::new(10, 10, 4),
            Col::new(6, 12, 6),
        ]
    }

    #[test]
    fn width_is_shared_by_rank_and_the_rest_grows_one_column() {
        for total in [40u16, 80, 120, 200] {
            let w = share_widths(total, &customer_columns());
            let used: usize = w.iter().sum::<usize>() + w.len() - 1;
            assert!(used <= total as usize, "{total}: {w:?} uses {used}");
            if total >= 80 {
                assert_eq!(used, total as usize, "{total}: all of it is used");
            }
        }
        let at80 = share_widths(80, &customer_columns());
        assert!(
            at80[1] >= 14,
            "a name gets at least 14 cells at 80: {at80:?}"
        );
        let at120 = share_widths(120, &customer_columns());
        assert_eq!(
            (at120[2], at120[3], at120[4]),
            (17, 10, 18),
            "phone, stage and segment whole at 120: {at120:?}"
        );
        let at200 = share_widths(200, &customer_columns());
        assert!(
            at200[7] == 12 && at200[1] > 100,
            "the rest goes to the name: {at200:?}"
        );
        // Narrower than the minimums: the lowest ranks give way, nothing is negative.
        let at30 = share_widths(30, &customer_columns());
        assert_eq!(at30.iter().sum::<usize>() + 7, 30, "{at30:?}");
        assert!(
            at30[1] >= at30[7],
            "the name keeps more than the owner: {at30:?}"
        );
    }

    #[test]
    fn cells_align_wide_characters_and_escape_controls() {
        let line = cells_line(&[("张三", 6), ("\u{1b}[2J", 6)], Style::default());
        let text: String = line.spans.iter().map(|s| s.content.to_string()).collect();
        assert_eq!(text, "张三   \\x1b[…");
        assert_eq!(text::width(&text), 13);
    }
}
