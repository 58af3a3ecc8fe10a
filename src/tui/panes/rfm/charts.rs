//! The RFM pane's two charts: retention per account owner (the latest finished month, a bar
//! each, with the month before for the trend) and satisfaction by month (the average score as
//! a bar out of 5, and the share of 1-2 scores). Drawing only: the rows come from the service.

use super::{RfmPane, bar, percent};
use crate::scoring::PeriodRow;
use crate::text::{fit, fit_right, sanitize};
use crate::tui::theme::Theme;
use crate::tui::widgets::cells_line;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// The latest period that has finished (the current one is partial), and the one before.
fn latest_two(rows: &[PeriodRow]) -> (Option<&PeriodRow>, Option<&PeriodRow>) {
    let done: Vec<&PeriodRow> = rows.iter().filter(|r| !r.partial).collect();
    let n = done.len();
    (
        done.get(n.wrapping_sub(1)).copied(),
        done.get(n.wrapping_sub(2)).copied(),
    )
}

impl RfmPane {
    pub(super) fn render_owners(&self, f: &mut Frame, area: Rect, theme: Theme) {
        let Some(owners) = &self.owners else {
            f.render_widget(
                Paragraph::new(Line::styled(t!("churn-computing"), theme.dim())),
                area,
            );
            return;
        };
        let width = area.width as usize;
        let bar_width = width.saturating_sub(16 + 8 + 9 + 9 + 4).clamp(4, 40);
        let mut lines = vec![cells_line(
            &[
                (ts!("col-owner"), 16),
                (ts!("col-month"), 8),
                (ts!("col-active"), 9),
                (ts!("col-retention"), 9),
                (ts!("col-trend"), bar_width + 4),
            ],
            theme.header(),
        )];
        let page = area.height.saturating_sub(2) as usize;
        for (i, owner) in owners.iter().enumerate().take(page) {
            let name = owner.owner.clone().unwrap_or_else(|| t!("cli-no-owner"));
            let (last, before) = latest_two(&owner.report.rows);
            let Some(last) = last else {
                lines.push(Line::from(vec![
                    Span::raw(fit(&name, 16)),
                    Span::styled(t!("owners-no-period"), theme.dim()),
                ]));
                continue;
            };
            let retention = last.retention.unwrap_or(0.0);
            let trend = match (last.retention, before.and_then(|b| b.retention)) {
                (Some(now), Some(then)) if now > then + 0.005 => "+",
                (Some(now), Some(then)) if now + 0.005 < then => "-",
                (Some(_), Some(_)) => "=",
                _ => " ",
            };
            let style = if i == self.cursor.selected {
                theme.selected()
            } else {
                Style::default()
            };
            lines.push(Line::from(vec![
                Span::styled(fit(&sanitize(&name), 16), style),
                Span::raw(fit(&last.start.format("%Y-%m").to_string(), 8)),
                Span::raw(fit_right(&last.active_at_start.to_string(), 8)),
                Span::raw(" "),
                Span::raw(fit_right(
                    &last.retention.map_or_else(|| "-".to_string(), percent),
                    8,
                )),
                Span::raw(" "),
                Span::styled(bar(retention, bar_width), theme.header()),
                Span::raw(format!(" {trend}")),
            ]));
        }
        lines.push(Line::styled(t!("owners-footer"), theme.dim()));
        f.render_widget(Paragraph::new(lines), area);
    }

    pub(super) fn render_satisfaction(&self, f: &mut Frame, area: Rect, theme: Theme) {
        let Some(rows) = &self.satisfaction else {
            f.render_widget(
                Paragraph::new(Line::styled(t!("satisfaction-reading"), theme.dim())),
                area,
            );
            return;
        };
        if rows.is_empty() {
            f.render_widget(
                Paragraph::new(Line::styled(t!("satisfaction-none"), theme.dim())),
                area,
            );
            return;
        }
        let width = area.width as usize;
        let bar_width = width.saturating_sub(8 + 7 + 6 + 8 + 4).clamp(5, 50);
        let mut lines = vec![cells_line(
            &[
                (ts!("col-month"), 8),
                (ts!("col-scored"), 7),
                (ts!("col-average"), 6),
                (ts!("col-unhappy"), 8),
                (ts!("col-score-bar"), bar_width),
            ],
            theme.header(),
        )];
        let page = area.height.saturating_sub(2) as usize;
        // The newest months matter most: the last page of them.
        let start = rows.len().saturating_sub(page);
        for r in &rows[start..] {
            // 1 to 5 as an empty to a full bar.
            let share = ((r.average - 1.0) / 4.0).clamp(0.0, 1.0);
            let style = if r.unhappy_share >= 0.2 {
                theme.error()
            } else {
                theme.header()
            };
            lines.push(Line::from(vec![
                Span::raw(fit(&r.period.format("%Y-%m").to_string(), 8)),
                Span::raw(fit_right(&r.responses.to_string(), 6)),
                Span::raw(" "),
                Span::raw(fit_right(&format!("{:.2}", r.average), 5)),
                Span::raw(" "),
                Span::raw(fit_right(&percent(r.unhappy_share), 7)),
                Span::raw(" "),
                Span::styled(bar(share, bar_width), style),
            ]));
        }
        lines.push(Line::styled(t!("satisfaction-footer"), theme.dim()));
        f.render_widget(Paragraph::new(lines), area);
    }
}
