//! Pane 4, RFM: segment sizes and revenue shares (bars and table), the Pareto curve, value
//! classes, the loyalty-ladder funnel, and churn and retention by month, as of a chosen date.

use crate::scoring::{Pareto, Segment};
use crate::service::ChurnReport;
use crate::tui::list::ListCursor;
use crate::tui::theme::Theme;
use crate::tui::widgets::cells_line;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum RfmView {
    #[default]
    Overview,
    Churn,
}

pub use crate::service::ScoreReports as RfmReports;

#[derive(Debug, Default)]
pub struct RfmPane {
    pub view: RfmView,
    pub cursor: ListCursor,
    pub reports: Option<RfmReports>,
    pub churn: Option<ChurnReport>,
}

fn bar(share: f64, width: usize) -> String {
    let cells = (share.clamp(0.0, 1.0) * width as f64).round() as usize;
    "█".repeat(cells)
}

fn percent(share: f64) -> String {
    format!("{:.1}%", share * 100.0)
}

impl RfmPane {
    pub fn selected_segment(&self) -> Option<Segment> {
        self.reports
            .as_ref()?
            .segments
            .get(self.cursor.selected)
            .map(|s| s.segment)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn len(&self) -> usize {
        match self.view {
            RfmView::Overview => self.reports.as_ref().map_or(0, |r| r.segments.len()),
            RfmView::Churn => self.churn.as_ref().map_or(0, |c| c.report.rows.len()),
        }
    }

    pub fn render(&self, f: &mut Frame, area: Rect, as_of: Option<String>, theme: Theme) {
        let [top, body] = Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(area);
        let head = match (&self.reports, as_of) {
            (Some(r), Some(date)) => format!(
                "As of {date} · {} scored customers · @ another date · v {} · Enter lists a segment",
                r.scored,
                if self.view == RfmView::Overview {
                    "churn by month"
                } else {
                    "segments"
                }
            ),
            _ => "scoring every customer…".to_string(),
        };
        f.render_widget(
            Paragraph::new(Line::styled(
                crate::text::fit(&head, top.width as usize),
                theme.dim(),
            )),
            top,
        );
        let Some(reports) = &self.reports else {
            return;
        };
        match self.view {
            RfmView::Overview => self.render_overview(f, body, reports, theme),
            RfmView::Churn => self.render_churn(f, body, theme),
        }
    }

    fn render_overview(&self, f: &mut Frame, area: Rect, reports: &RfmReports, theme: Theme) {
        let [left, right] =
            Layout::horizontal([Constraint::Percentage(60), Constraint::Percentage(40)])
                .areas(area);
        let bar_width = (left.width as usize)
            .saturating_sub(1 + 16 + 6 + 6 + 7 + 6)
            .max(4);
        let mut lines = vec![cells_line(
            &[
                (" ", 1),
                ("Segment", 16),
                ("Cust.", 6),
                ("Share", 6),
                ("Revenue", 7),
                ("", bar_width),
            ],
            theme.header(),
        )];
        // The largest revenue share fills the bar; the others are to scale with it.
        let largest = reports
            .segments
            .iter()
            .map(|s| s.revenue_share)
            .fold(0.0_f64, f64::max)
            .max(f64::EPSILON);
        for (i, row) in reports.segments.iter().enumerate() {
            let selected = i == self.cursor.selected;
            let style = if selected {
                theme.selected()
            } else {
                Style::default()
            };
            lines.push(Line::from(vec![
                Span::styled(
                    cells_line(
                        &[
                            (if selected { "▶" } else { " " }, 1),
                            (row.segment.title(), 16),
                            (&row.customers.to_string(), 6),
                            (&percent(row.customer_share), 6),
                            (&percent(row.revenue_share), 7),
                            ("", 0),
                        ],
                        style,
                    )
                    .spans
                    .into_iter()
                    .map(|s| s.content.to_string())
                    .collect::<String>(),
                    style,
                ),
                Span::styled(bar(row.revenue_share / largest, bar_width), theme.bar()),
            ]));
        }
        lines.push(Line::styled("bars: share of revenue", theme.dim()));
        f.render_widget(
            Paragraph::new(lines).block(Block::default().borders(Borders::RIGHT)),
            left,
        );
        let p = &reports.pareto;
        let mut right_lines = vec![Line::styled("Pareto (80/20)", theme.title())];
        right_lines.push(Line::raw(match p.top_share {
            Some(share) => format!("top 20% ({}) bring {}", p.top_count, percent(share)),
            None => "no revenue yet".to_string(),
        }));
        if let Some(n) = p.count_for_80 {
            let of = p.customers.max(1);
            right_lines.push(Line::raw(format!(
                "80% of revenue from {n} ({})",
                percent(n as f64 / of as f64)
            )));
        }
        right_lines.push(Line::raw(pareto_sparkline(p)));
        right_lines.push(Line::styled("Value classes", theme.title()));
        for v in &reports.values {
            right_lines.push(Line::raw(format!(
                "{:<9}{:>8}  {:>6}",
                v.class.title(),
                v.customers,
                percent(v.revenue_share)
            )));
        }
        right_lines.push(Line::styled("Loyalty ladder", theme.title()));
        let widest = reports
            .stages
            .iter()
            .map(|s| s.customers)
            .max()
            .unwrap_or(1)
            .max(1);
        let funnel_width = (right.width as usize).saturating_sub(22).max(2);
        for s in &reports.stages {
            right_lines.push(Line::from(vec![
                Span::raw(format!("{:<11}{:>8} ", s.stage.title(), s.customers)),
                Span::styled(
                    bar(s.customers as f64 / widest as f64, funnel_width),
                    theme.bar(),
                ),
            ]));
        }
        f.render_widget(
            Paragraph::new(right_lines),
            right.inner(ratatui::layout::Margin::new(1, 0)),
        );
    }

    fn render_churn(&self, f: &mut Frame, area: Rect, theme: Theme) {
        let Some(churn) = &self.churn else {
            f.render_widget(
                Paragraph::new(Line::styled("computing churn…", theme.dim())),
                area,
            );
            return;
        };
        let mut lines = vec![cells_line(
            &[
                ("Month", 8),
                ("Active", 8),
                ("New", 7),
                ("Back", 6),
                ("At end", 8),
                ("Retention", 10),
                ("Churn", 8),
            ],
            theme.header(),
        )];
        let rows = &churn.report.rows;
        let page = area.height.saturating_sub(3) as usize;
        // The newest months are the interesting ones: show the last page.
        let start = rows.len().saturating_sub(page);
        for row in &rows[start..] {
            let fmt = |v: Option<f64>| v.map_or("-".to_string(), percent);
            lines.push(cells_line(
                &[
                    (&row.start.format("%Y-%m").to_string(), 8),
                    (&row.active_at_start.to_string(), 8),
                    (&row.new_in_period.to_string(), 7),
                    (&row.won_back.to_string(), 6),
                    (&row.active_at_end.to_string(), 8),
                    (&fmt(row.retention), 10),
                    (&fmt(row.churn), 8),
                    (if row.partial { "partial" } else { "" }, 7),
                ],
                Style::default(),
            ));
        }
        lines.push(Line::styled(
            format!(
                "churned = no order for {} days · won back: {}",
                churn.report.churn_days,
                churn.won_back.len()
            ),
            theme.dim(),
        ));
        f.render_widget(Paragraph::new(lines), area);
    }
}

/// The Pareto curve as one line: cumulative revenue share at each tenth of customers.
fn pareto_sparkline(p: &Pareto) -> String {
    const LEVELS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    if p.curve.is_empty() {
        return String::new();
    }
    let mut out = String::from("curve ");
    for tenth in 1..=10 {
        let x = tenth as f64 / 10.0;
        let y = p
            .curve
            .iter()
            .take_while(|(cx, _)| *cx <= x + 1e-9)
            .last()
            .map_or(0.0, |(_, y)| *y);
        out.push(LEVELS[((y * 7.0).round() as usize).min(7)]);
    }
    out
}
