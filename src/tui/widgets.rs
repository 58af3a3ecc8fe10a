//! Small pieces shared by the panes: relative dates, SLA countdowns, fixed-width cells that
//! keep wide (CJK) characters aligned and untrusted text escaped.

use super::theme::Theme;
use crate::domain::Millis;
use crate::service::SlaState;
use crate::text;
use chrono::{Local, NaiveDate, TimeZone};

use ratatui::style::Style;
use ratatui::text::{Line, Span};

pub use crate::i18n::format::{relative_day, relative_day_short};

pub use crate::service::local_time;

pub fn local_date(millis: Millis) -> Option<NaiveDate> {
    match Local.timestamp_millis_opt(millis) {
        chrono::LocalResult::Single(t) | chrono::LocalResult::Ambiguous(t, _) => {
            Some(t.date_naive())
        }
        chrono::LocalResult::None => None,
    }
}

pub use crate::i18n::format::duration as span;

/// The SLA state as words (never colour alone): `! BREACHED 2h 05m ago`, `~ 1h 10m left`,
/// `3h 00m left`, `met`.
pub fn sla_text(sla: &SlaState, theme: Theme) -> (String, Style) {
    match sla.time_left_ms {
        Some(left) if left < 0 || sla.breached() => {
            let text = if left < 0 {
                t!("sla-breached-ago", span = span(left))
            } else {
                t!("sla-breached-left", span = span(left))
            };
            (text, theme.breached())
        }
        _ => sla_words(sla, theme),
    }
}

/// The SLA state in at most 17 columns, for tables: `! 42d 16h over`, `~ 1h 10m left`.
pub fn sla_short(sla: &SlaState, theme: Theme) -> (String, Style) {
    match sla.time_left_ms {
        Some(left) if left < 0 => (t!("sla-over", span = span(left)), theme.breached()),
        Some(left) if sla.breached() => (t!("sla-late-left", span = span(left)), theme.breached()),
        _ => sla_words(sla, theme),
    }
}

fn sla_words(sla: &SlaState, theme: Theme) -> (String, Style) {
    match sla.time_left_ms {
        Some(left) if sla.due_soon => (t!("sla-soon-left", span = span(left)), theme.due_soon()),
        Some(left) => (t!("sla-left", span = span(left)), Style::default()),
        None if sla.breached() => (t!("sla-breached"), theme.breached()),
        None => (t!("sla-met"), theme.good()),
    }
}

/// A table line from `(text, width)` cells: each cell sanitised, cut and padded to its width
/// in columns, one space between cells.
pub fn cells_line<'a>(cells: &[(&str, usize)], style: Style) -> Line<'a> {
    let mut out = String::new();
    // A column of no width is one left out (see [`Col::optional`]), its space too.
    for (i, (value, width)) in cells.iter().filter(|(_, w)| *w > 0).enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(&text::fit(value, *width));
    }
    Line::from(Span::styled(out, style))
}

/// One column of a table: the width it needs at least, the width that shows its usual values
/// whole, and its rank when width is shared (0 first). `grow` takes what is left at the end;
/// an `optional` column is left out when the others' minimums leave no room for its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Col {
    pub min: usize,
    pub want: usize,
    pub rank: u8,
    pub grow: bool,
    pub optional: bool,
}

impl Col {
    pub const fn new(min: usize, want: usize, rank: u8) -> Col {
        Col {
            min,
            want,
            rank,
            grow: false,
            optional: false,
        }
    }

    /// Left out (width 0) on a screen too narrow for every column's minimum.
    pub const fn optional(self) -> Col {
        Col {
            optional: true,
            ..self
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
    let mut order: Vec<usize> = (0..cols.len()).collect();
    order.sort_by_key(|&i| cols[i].rank);
    // An optional column is shown only when every column ranked before it still gets the
    // width it wants and everyone else their minimum; else it is left out whole.
    let mut shown: Vec<bool> = cols.iter().map(|c| !c.optional).collect();
    for &i in &order {
        if !cols[i].optional {
            continue;
        }
        shown[i] = true;
        let n = shown.iter().filter(|s| **s).count();
        let needs: usize = cols
            .iter()
            .zip(&shown)
            .filter(|(_, s)| **s)
            .map(|(c, _)| {
                if c.rank < cols[i].rank {
                    c.want.max(c.min)
                } else {
                    c.min
                }
            })
            .map(|w| w.max(1))
            .sum::<usize>()
            + n.saturating_sub(1);
        if needs > total as usize {
            shown[i] = false;
        }
    }
    let visible = shown.iter().filter(|s| **s).count();
    let total = (total as usize).saturating_sub(visible.saturating_sub(1));
    let mut out: Vec<usize> = cols
        .iter()
        .zip(&shown)
        .map(|(c, s)| if *s { c.min.max(1) } else { 0 })
        .collect();
    order.retain(|i| shown[*i]);
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
    if let Some(i) = cols.iter().zip(&shown).position(|(c, s)| c.grow && *s) {
        out[i] += total.saturating_sub(used);
    }
    out
}

/// One audit entry as a line: when, who, what, on which record.
pub fn audit_line(e: &crate::domain::AuditEntry) -> String {
    let subject = if e.subject.is_empty() {
        String::new()
    } else {
        format!(" {}", e.subject)
    };
    let detail = if e.detail.is_empty() {
        String::new()
    } else {
        format!(": {}", e.detail)
    };
    format!(
        "{} {} ({}) {}{subject}{detail}",
        crate::tui::widgets::local_time(e.at),
        e.staff,
        e.os_user,
        e.action_title()
    )
}

/// A scrollbar along the right of `rows` when `len` rows do not fit `page` (the list then
/// draws one cell narrower: see [`list_width`]).
pub fn list_scrollbar(
    f: &mut ratatui::Frame,
    rows: ratatui::layout::Rect,
    len: usize,
    page: usize,
    selected: usize,
) {
    use ratatui::widgets::{Scrollbar, ScrollbarOrientation, ScrollbarState};
    if len <= page {
        return;
    }
    let mut state = ScrollbarState::new(len)
        .viewport_content_length(page)
        .position(selected);
    f.render_stateful_widget(
        Scrollbar::new(ScrollbarOrientation::VerticalRight)
            .begin_symbol(None)
            .end_symbol(None),
        rows,
        &mut state,
    );
}

/// The width a list's columns share: all of it, or one cell less for the scrollbar.
pub fn list_width(width: u16, len: usize, page: usize) -> u16 {
    if len > page {
        width.saturating_sub(1)
    } else {
        width
    }
}

/// `row 1,204 of 30,000` for a list longer than a screen; empty otherwise.
pub fn list_position(len: usize, page: usize, selected: usize) -> String {
    if len <= page {
        return String::new();
    }
    let row = t!(
        "list-row-of",
        row = text::thousands(selected as u64 + 1),
        total = text::thousands(len as u64)
    );
    format!(" · {row}")
}

/// What needs me, for the top line, in at most `room` columns: every count in words, else
/// the short words, or (`total`) the total alone; `!` first when something is overdue. `None`
/// when nothing needs me or it does not fit.
pub fn reminder_text(r: &crate::service::Reminders, room: usize, total: bool) -> Option<String> {
    if r.total() == 0 {
        return None;
    }
    // `!` as everywhere: something is overdue or past its SLA (meaning kept without colour).
    let mark = if r.overdue_plans + r.sla_breached > 0 {
        "! "
    } else {
        ""
    };
    let fits = |text: &String| crate::text::width(text) <= room;
    if total {
        return Some(format!("{mark}{}", t!("remind-total", n = r.total()))).filter(fits);
    }
    let long = format!("{mark}{}", r.parts(false).join(" · "));
    let short = format!("{mark}{}", r.parts(true).join(" "));
    [long, short].into_iter().find(fits)
}

/// The first line of a search box (`/ query`), with the terminal's cursor put where the
/// input's cursor is, inside `inner` (the box's inside); then the error, if there is one.
pub fn query_lines(
    f: &mut ratatui::Frame,
    inner: ratatui::layout::Rect,
    input: &super::edit::TextInput,
    error: Option<&str>,
    theme: Theme,
) -> Vec<Line<'static>> {
    let width = inner.width as usize;
    let mut lines = vec![Line::from(vec![
        Span::styled("/ ", theme.key()),
        Span::raw(text::sanitize(&input.value).into_owned()),
    ])];
    let cursor_col = text::width(&text::sanitize(&input.value[..input.cursor()]));
    f.set_cursor_position(ratatui::layout::Position::new(
        inner.x + 2 + cursor_col.min(width.saturating_sub(3)) as u16,
        inner.y,
    ));
    if let Some(error) = error {
        lines.push(Line::styled(
            format!("✗ {}", text::sanitize(error)),
            theme.error(),
        ));
    }
    lines
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
            "3 days ago"
        );
        assert_eq!(
            relative_day(today + chrono::Duration::days(2), today),
            "in 2 days"
        );
        assert_eq!(
            relative_day(today - chrono::Duration::days(400), today),
            "2025-10-20"
        );
        assert_eq!(span(2 * 3_600_000 + 5 * 60_000), "2h 05m");
        assert_eq!(span(-(26 * 3_600_000)), "1d 2h");
    }

    #[test]
    fn width_goes_to_minimums_then_wants_by_rank_then_the_growing_column() {
        let cols = [
            Col::new(4, 10, 0).grow(),
            Col::new(3, 8, 1),
            Col::new(3, 6, 2),
        ];
        // 2 gaps: 20 cells leave 18; minimums 10, rank 0 wants +6, rank 1 takes the last 2.
        assert_eq!(share_widths(20, &cols), vec![10, 5, 3]);
        // Everyone has what they want at 30 (24 wanted + 2 gaps); the rest grows column 0.
        assert_eq!(share_widths(40, &cols), vec![24, 8, 6]);
        // Too narrow even for the minimums: the lowest rank gives way first, to 1 cell.
        assert_eq!(share_widths(10, &cols), vec![4, 3, 1]);
        assert_eq!(share_widths(6, &cols), vec![2, 1, 1]);
        for total in 0..60u16 {
            let w = share_widths(total, &cols);
            let used = w.iter().sum::<usize>() + 2;
            assert!(used <= (total as usize).max(5), "{total}: {w:?}");
        }
    }

    #[test]
    fn optional_columns_give_way_whole_before_others_shrink() {
        let cols = [
            Col::new(4, 10, 0).grow(),
            Col::new(3, 8, 2),
            Col::new(5, 5, 1).optional(),
        ];
        // Shown when the column ranked before it has what it wants (10 + 5 + 3 + 2 gaps)...
        assert_eq!(share_widths(20, &cols), vec![10, 3, 5]);
        // ...and left out whole, with its gap, one cell short of that.
        assert_eq!(share_widths(19, &cols), vec![10, 8, 0]);
        assert_eq!(share_widths(8, &cols), vec![4, 3, 0]);
        let line = cells_line(&[("ab", 5), ("cd", 8), ("gone", 0)], Style::default());
        let text: String = line.spans.iter().map(|s| s.content.to_string()).collect();
        assert_eq!(text, "ab    cd      ");
    }

    #[test]
    fn cells_align_wide_characters_and_escape_controls() {
        let line = cells_line(&[("张三", 6), ("\u{1b}[2J", 6)], Style::default());
        let text: String = line.spans.iter().map(|s| s.content.to_string()).collect();
        assert_eq!(text, "张三   \\x1b[…");
        assert_eq!(text::width(&text), 13);
    }
}
