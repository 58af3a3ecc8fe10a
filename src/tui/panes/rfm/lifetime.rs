//! The RFM pane's lifetime view: the fitted BG/NBD and Gamma-Gamma models, the tracking of
//! predicted against actual repeat purchases over the last weeks, and the "valuable and
//! slipping away" list (planned as win-back calls with one key).

use super::RfmPane;
use crate::service::{ClvReport, Roster, SlippingCall};
use crate::tui::theme::Theme;
use crate::tui::widgets::{Col, cells_line, share_widths};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::symbols::Marker;
use ratatui::text::Line;
use ratatui::widgets::{Axis, Chart, Dataset, GraphType, LegendPosition, Paragraph};

/// Weeks the workbench's tracking chart looks back.
pub const TRACKING_WEEKS: u32 = 13;

/// Marker, name, CLV, P(alive) now, 30 days ago, repeat purchases.
const COLUMNS: [Col; 6] = [
    Col::new(1, 1, 0),
    Col::new(12, 30, 1).grow(),
    Col::new(8, 12, 0),
    Col::new(5, 6, 0),
    Col::new(6, 8, 2),
    Col::new(6, 8, 3),
];

/// The calls the plan key makes: the list as shown.
pub fn slipping_calls(roster: &Roster) -> Vec<SlippingCall> {
    roster
        .slipping
        .iter()
        .filter_map(|id| {
            let l = roster.row(*id)?.lifetime?;
            Some(SlippingCall {
                id: *id,
                p_alive: l.p_alive,
                p_alive_before: l.p_alive_before,
                clv: l.clv,
            })
        })
        .collect()
}

/// `r 0.243 α 4.41 a 0.793 b 2.43 · p 6.25 q 3.74 v 15.4 · 2,357 customers`.
fn fit_line(roster: &Roster) -> (String, bool) {
    match &roster.lifetime {
        Ok(fit) => {
            let s = fit.models.shown();
            (
                t!(
                    "lifetime-fit",
                    r = s.r,
                    alpha = s.alpha,
                    a = s.a,
                    b = s.b,
                    p = s.p,
                    q = s.q,
                    v = s.v,
                    customers = crate::text::thousands(fit.customers as u64)
                ),
                true,
            )
        }
        Err(why) => (t!("lifetime-no-fit", why = why.as_str()), false),
    }
}

impl RfmPane {
    pub(super) fn render_lifetime(
        &self,
        f: &mut Frame,
        area: Rect,
        roster: Option<&Roster>,
        theme: Theme,
    ) {
        let Some(roster) = roster else {
            return;
        };
        // The chart only where it leaves the list room (8 rows of 24 on the first screen).
        let chart_rows = match area.height {
            30.. => 12,
            16.. => 7,
            _ => 0,
        };
        let [fit, chart, list] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(chart_rows),
            Constraint::Min(1),
        ])
        .areas(area);
        let (line, fitted) = fit_line(roster);
        let style = if fitted { theme.dim() } else { theme.error() };
        f.render_widget(
            Paragraph::new(Line::styled(
                crate::text::fit(&line, fit.width as usize),
                style,
            )),
            fit,
        );
        if chart_rows > 0 {
            self.render_tracking(f, chart, theme);
        }
        self.render_slipping(f, list, roster, theme);
    }

    fn render_tracking(&self, f: &mut Frame, area: Rect, theme: Theme) {
        let Some(report) = &self.tracking else {
            f.render_widget(
                Paragraph::new(Line::styled(t!("lifetime-tracking-wait"), theme.dim())),
                area,
            );
            return;
        };
        let Some(weeks) = report.tracking.as_ref().filter(|w| !w.is_empty()) else {
            f.render_widget(
                Paragraph::new(Line::styled(t!("lifetime-tracking-none"), theme.dim())),
                area,
            );
            return;
        };
        let predicted: Vec<(f64, f64)> = std::iter::once((0.0, 0.0))
            .chain(weeks.iter().map(|w| (f64::from(w.week), w.predicted)))
            .collect();
        let actual: Vec<(f64, f64)> = std::iter::once((0.0, 0.0))
            .chain(weeks.iter().map(|w| (f64::from(w.week), w.actual as f64)))
            .collect();
        let top = predicted
            .iter()
            .chain(&actual)
            .map(|(_, y)| *y)
            .fold(1.0f64, f64::max);
        let last = weeks.last().map_or(0, |w| w.week);
        let (p, a) = (
            weeks.last().map_or(0.0, |w| w.predicted),
            weeks.last().map_or(0, |w| w.actual),
        );
        let title = t!(
            "lifetime-tracking",
            weeks = last,
            predicted = crate::text::thousands(p.round() as u64),
            actual = crate::text::thousands(a)
        );
        let [title_row, chart_rows] =
            Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(area);
        f.render_widget(
            Paragraph::new(Line::styled(
                crate::text::fit(&title, title_row.width as usize),
                theme.dim(),
            )),
            title_row,
        );
        let chart = Chart::new(vec![
            Dataset::default()
                .name(format!("⣀ {}", t!("lifetime-predicted")))
                .marker(Marker::Braille)
                .graph_type(GraphType::Line)
                .style(theme.title())
                .data(&predicted),
            Dataset::default()
                .name(format!("• {}", t!("lifetime-actual")))
                // Told apart without colour too.
                .marker(Marker::Dot)
                .graph_type(GraphType::Line)
                .style(theme.due_soon())
                .data(&actual),
        ])
        .legend_position(Some(LegendPosition::TopLeft))
        .hidden_legend_constraints((Constraint::Ratio(1, 2), Constraint::Ratio(1, 1)))
        .x_axis(Axis::default().bounds([0.0, f64::from(last.max(1))]))
        .y_axis(
            Axis::default()
                .bounds([0.0, top])
                .labels(["0".to_string(), crate::text::thousands(top.round() as u64)]),
        );
        f.render_widget(chart, chart_rows);
    }

    fn render_slipping(&self, f: &mut Frame, area: Rect, roster: &Roster, theme: Theme) {
        let page = area.height.saturating_sub(2) as usize;
        self.page.set(page);
        let rows = &roster.slipping;
        let w = share_widths(
            crate::tui::widgets::list_width(area.width, rows.len(), page),
            &COLUMNS,
        );
        let mut lines = vec![
            Line::styled(
                crate::text::fit(
                    &t!(
                        "lifetime-slipping-head",
                        n = rows.len(),
                        days = crate::service::SLIPPING_WINDOW_DAYS
                    ),
                    area.width as usize,
                ),
                theme.title(),
            ),
            cells_line(
                &[
                    (" ", w[0]),
                    (ts!("col-customer"), w[1]),
                    (ts!("col-clv"), w[2]),
                    (ts!("col-alive"), w[3]),
                    (ts!("col-alive-before"), w[4]),
                    (ts!("col-repeats"), w[5]),
                ],
                theme.header(),
            ),
        ];
        if rows.is_empty() {
            lines.push(Line::styled(t!("lifetime-slipping-none"), theme.dim()));
        }
        let range = self.cursor.visible(rows.len(), page);
        for (i, id) in rows[range.clone()].iter().enumerate() {
            let Some(row) = roster.row(*id) else { continue };
            let Some(l) = row.lifetime else { continue };
            let selected = range.start + i == self.cursor.selected;
            let clv = l.clv.map_or("-".to_string(), |c| {
                crate::text::thousands(c.max(0.0).round() as u64)
            });
            let style = if selected {
                theme.selected()
            } else {
                Style::default()
            };
            lines.push(cells_line(
                &[
                    (if selected { "▶" } else { " " }, w[0]),
                    (&row.name, w[1]),
                    (&clv, w[2]),
                    (&crate::tui::panes::card::percent(l.p_alive), w[3]),
                    (&crate::tui::panes::card::percent(l.p_alive_before), w[4]),
                    (&l.repeats.to_string(), w[5]),
                ],
                style,
            ));
        }
        f.render_widget(Paragraph::new(lines), area);
        let list_rows = Rect {
            y: area.y + 2,
            height: area.height.saturating_sub(2),
            ..area
        };
        crate::tui::widgets::list_scrollbar(f, list_rows, rows.len(), page, self.cursor.selected);
    }
}

/// The tracking answer kept by the pane.
pub type Tracking = Box<ClvReport>;
