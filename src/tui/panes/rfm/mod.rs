//! Pane 4, RFM: segment sizes and revenue shares (bars and table), the Pareto curve, value
//! classes, the loyalty-ladder funnel, churn and retention by month, the customers due to
//! reorder (planned as calls with one key), and the complaints' root causes, as of a chosen
//! date.

mod charts;
mod lifetime;

pub use lifetime::TRACKING_WEEKS;

use crate::scoring::Period;
use crate::scoring::{Pareto, Segment};
use crate::service::{CauseRow, ChurnReport, DueRow};
use crate::service::{Request, Response, Roster};
use crate::tui::action::Action;
use crate::tui::component::{ActContext, Change, Component, Effect, ListMut, RenderContext};
use crate::tui::jobs::Asker;
use crate::tui::list::ListCursor;
use crate::tui::theme::Theme;
use crate::tui::widgets::cells_line;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};
use std::sync::Arc;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum RfmView {
    #[default]
    Overview,
    Churn,
    Owners,
    Satisfaction,
    Reorders,
    Causes,
    Lifetime,
}

impl RfmView {
    /// The view `v` goes to next.
    pub fn next(self) -> RfmView {
        match self {
            RfmView::Overview => RfmView::Churn,
            RfmView::Churn => RfmView::Owners,
            RfmView::Owners => RfmView::Satisfaction,
            RfmView::Satisfaction => RfmView::Reorders,
            RfmView::Reorders => RfmView::Causes,
            RfmView::Causes => RfmView::Lifetime,
            RfmView::Lifetime => RfmView::Overview,
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            RfmView::Overview => ts!("rfm-view-segments"),
            RfmView::Churn => ts!("rfm-view-churn"),
            RfmView::Owners => ts!("rfm-view-owners"),
            RfmView::Satisfaction => ts!("rfm-view-satisfaction"),
            RfmView::Reorders => ts!("rfm-view-reorders"),
            RfmView::Causes => ts!("rfm-view-causes"),
            RfmView::Lifetime => ts!("rfm-view-lifetime"),
        }
    }
}

/// Customers due within this many days are listed (overdue ones too)...
pub const REORDER_WITHIN_DAYS: i64 = 7;
/// ...unless overdue by more than this (a churn case, not a reorder).
pub const REORDER_OVERDUE_DAYS: i64 = 30;

pub use crate::service::ScoreReports as RfmReports;

#[derive(Debug, Default)]
pub struct RfmPane {
    pub view: RfmView,
    pub cursor: ListCursor,
    pub reports: Option<RfmReports>,
    pub churn: Option<ChurnReport>,
    pub reorders: Option<Vec<DueRow>>,
    pub causes: Option<Vec<CauseRow>>,
    pub owners: Option<Vec<crate::service::OwnerChurn>>,
    pub satisfaction: Option<Vec<crate::service::SatisfactionRow>>,
    /// The lifetime view's tracking of the models against the last weeks.
    pub tracking: Option<lifetime::Tracking>,
    /// The length of the roster's "valuable and slipping away" list.
    pub slipping_len: usize,
    /// Rows of the reorder list in view at the last draw.
    pub page: std::cell::Cell<usize>,
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
            RfmView::Owners => self.owners.as_ref().map_or(0, Vec::len),
            RfmView::Satisfaction => self.satisfaction.as_ref().map_or(0, Vec::len),
            RfmView::Reorders => self.reorders.as_ref().map_or(0, Vec::len),
            RfmView::Causes => self.causes.as_ref().map_or(0, Vec::len),
            RfmView::Lifetime => self.slipping_len,
        }
    }

    /// The customer of the selected reorder row.
    pub fn selected_reorder(&self) -> Option<crate::domain::CustomerId> {
        (self.view == RfmView::Reorders)
            .then(|| self.reorders.as_ref()?.get(self.cursor.selected))
            .flatten()
            .map(|row| row.customer)
    }

    /// Draws the view; `keys` is the header's key hint, spelled from the keymap in use.
    pub fn render(
        &self,
        f: &mut Frame,
        area: Rect,
        as_of: Option<String>,
        roster: Option<&Roster>,
        theme: Theme,
        keys: &str,
    ) {
        let [top, body] = Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(area);
        // Rows under the view's header line (for paging and clicks).
        self.page.set(body.height.saturating_sub(1) as usize);
        let head = match (&self.reports, as_of) {
            (Some(r), Some(date)) => t!(
                "rfm-head",
                date = date,
                scored = crate::text::thousands(r.scored as u64),
                view = self.view.title(),
                keys = keys
            ),
            _ => t!("rfm-scoring"),
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
            RfmView::Owners => self.render_owners(f, body, theme),
            RfmView::Satisfaction => self.render_satisfaction(f, body, theme),
            RfmView::Reorders => self.render_reorders(f, body, theme),
            RfmView::Causes => self.render_causes(f, body, theme),
            RfmView::Lifetime => self.render_lifetime(f, body, roster, theme),
        }
    }

    fn render_reorders(&self, f: &mut Frame, area: Rect, theme: Theme) {
        use crate::tui::widgets::{Col, share_widths};
        const COLUMNS: [Col; 6] = [
            Col::new(1, 1, 0),
            Col::new(12, 40, 1).grow(),
            Col::new(10, 10, 3),
            Col::new(10, 10, 0),
            Col::new(16, 24, 2),
            Col::new(8, 16, 4),
        ];
        let Some(rows) = &self.reorders else {
            f.render_widget(
                Paragraph::new(Line::styled(t!("reorders-finding"), theme.dim())),
                area,
            );
            return;
        };
        let page = area.height.saturating_sub(1) as usize;
        self.page.set(page);
        let w = share_widths(
            crate::tui::widgets::list_width(area.width, rows.len(), page),
            &COLUMNS,
        );
        let mut lines = vec![cells_line(
            &[
                (" ", w[0]),
                (ts!("col-customer"), w[1]),
                (ts!("col-id"), w[2]),
                (ts!("col-expected"), w[3]),
                (ts!("col-when"), w[4]),
                (ts!("col-owner"), w[5]),
            ],
            theme.header(),
        )];
        if rows.is_empty() {
            lines.push(Line::styled(t!("reorders-none"), theme.dim()));
        }
        for i in self.cursor.visible(rows.len(), page) {
            let row = &rows[i];
            let selected = i == self.cursor.selected;
            let when = match row.days_until {
                d if d < 0 => t!("reorder-overdue", days = t!("count-days", n = -d)),
                0 => t!("day-today"),
                d => t!("reorder-in", days = t!("count-days", n = d)),
            };
            let style = if selected {
                theme.selected()
            } else if row.days_until < 0 {
                theme.breached()
            } else {
                Style::default()
            };
            lines.push(cells_line(
                &[
                    (if selected { "▶" } else { " " }, w[0]),
                    (&row.name, w[1]),
                    (&row.customer_id, w[2]),
                    (&row.prediction.next_expected.to_string(), w[3]),
                    (&when, w[4]),
                    (row.owner.as_deref().unwrap_or(""), w[5]),
                ],
                style,
            ));
        }
        f.render_widget(Paragraph::new(lines), area);
        let list = Rect {
            y: area.y + 1,
            height: area.height.saturating_sub(1),
            ..area
        };
        crate::tui::widgets::list_scrollbar(f, list, rows.len(), page, self.cursor.selected);
    }

    fn render_causes(&self, f: &mut Frame, area: Rect, theme: Theme) {
        use crate::tui::widgets::{Col, share_widths};
        const COLUMNS: [Col; 5] = [
            Col::new(10, 20, 1),
            Col::new(14, 60, 0).grow(),
            Col::new(10, 10, 2),
            Col::new(12, 12, 3),
            Col::new(10, 10, 4),
        ];
        let Some(rows) = &self.causes else {
            f.render_widget(
                Paragraph::new(Line::styled(t!("causes-reading"), theme.dim())),
                area,
            );
            return;
        };
        let w = share_widths(area.width, &COLUMNS);
        let mut lines = vec![cells_line(
            &[
                (ts!("col-category"), w[0]),
                (ts!("col-root-cause"), w[1]),
                (ts!("col-complaints"), w[2]),
                (ts!("col-others-too"), w[3]),
                (ts!("col-latest"), w[4]),
            ],
            theme.header(),
        )];
        if rows.is_empty() {
            lines.push(Line::styled(t!("causes-none"), theme.dim()));
        }
        let page = area.height.saturating_sub(1) as usize;
        for i in self.cursor.visible(rows.len(), page) {
            let row = &rows[i];
            let latest = crate::tui::widgets::local_date(row.latest)
                .map_or_else(String::new, |d| d.to_string());
            lines.push(cells_line(
                &[
                    (&row.category, w[0]),
                    (&row.cause, w[1]),
                    (&row.complaints.to_string(), w[2]),
                    (&row.others_said_same.to_string(), w[3]),
                    (&latest, w[4]),
                ],
                if i == self.cursor.selected {
                    theme.selected()
                } else {
                    Style::default()
                },
            ));
        }
        f.render_widget(Paragraph::new(lines), area);
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
                (ts!("col-segment"), 16),
                (ts!("col-customers-short"), 6),
                (ts!("col-share"), 6),
                (ts!("col-revenue"), 7),
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
                            // With the space before the bar.
                            (&percent(row.revenue_share), 8),
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
        lines.push(Line::styled(t!("rfm-bars"), theme.dim()));
        f.render_widget(
            Paragraph::new(lines).block(Block::default().borders(Borders::RIGHT)),
            left,
        );
        let p = &reports.pareto;
        let mut right_lines = vec![Line::styled(t!("rfm-pareto"), theme.title())];
        right_lines.push(Line::raw(match p.top_share {
            Some(share) => t!(
                "rfm-pareto-top",
                count = p.top_count,
                share = percent(share)
            ),
            None => t!("rfm-no-revenue"),
        }));
        if let Some(n) = p.count_for_80 {
            let of = p.customers.max(1);
            right_lines.push(Line::raw(t!(
                "rfm-pareto-80",
                n = n,
                share = percent(n as f64 / of as f64)
            )));
        }
        right_lines.push(Line::raw(pareto_sparkline(p)));
        right_lines.push(Line::styled(t!("rfm-value-classes"), theme.title()));
        for v in &reports.values {
            right_lines.push(Line::raw(format!(
                "{}{:>8}  {:>6}",
                crate::text::fit(v.class.title(), 9),
                v.customers,
                percent(v.revenue_share)
            )));
        }
        right_lines.push(Line::styled(t!("rfm-ladder"), theme.title()));
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
                Span::raw(format!(
                    "{}{:>8} ",
                    crate::text::fit(s.stage.title(), 11),
                    s.customers
                )),
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
                Paragraph::new(Line::styled(t!("churn-computing"), theme.dim())),
                area,
            );
            return;
        };
        let mut lines = vec![cells_line(
            &[
                (ts!("col-month"), 8),
                (ts!("col-active"), 8),
                (ts!("col-new"), 7),
                (ts!("col-back"), 6),
                (ts!("col-at-end"), 8),
                (ts!("col-retention"), 10),
                (ts!("col-churn"), 8),
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
                    (
                        if row.partial {
                            ts!("churn-partial")
                        } else {
                            ""
                        },
                        7,
                    ),
                ],
                Style::default(),
            ));
        }
        lines.push(Line::styled(
            t!(
                "churn-footer",
                days = churn.report.churn_days,
                won = churn.won_back.len()
            ),
            theme.dim(),
        ));
        f.render_widget(Paragraph::new(lines), area);
    }
}

impl Component for RfmPane {
    fn draw(&self, f: &mut Frame, area: Rect, cx: &RenderContext<'_>) {
        let as_of = cx.roster.map(|r| r.as_of.format("%Y-%m-%d").to_string());
        self.render(f, area, as_of, cx.roster, cx.theme, cx.keys);
    }

    fn list(&mut self) -> Option<ListMut<'_>> {
        Some(ListMut {
            len: self.len(),
            page: self.page.get().max(1),
            cursor: &mut self.cursor,
        })
    }

    fn act(&mut self, action: Action, cx: &ActContext) -> Option<Vec<Effect>> {
        Some(match action {
            Action::Open => match self.view {
                RfmView::Overview => self
                    .selected_segment()
                    .map(|segment| {
                        Effect::ShowCustomers(format!("segment:\"{}\"", segment.label()))
                    })
                    .into_iter()
                    .collect(),
                RfmView::Reorders => self
                    .selected_reorder()
                    .map(Effect::OpenCard)
                    .into_iter()
                    .collect(),
                RfmView::Lifetime => cx
                    .roster
                    .as_ref()
                    .and_then(|r| r.slipping.get(self.cursor.selected))
                    .map(|id| Effect::OpenCard(*id))
                    .into_iter()
                    .collect(),
                _ => vec![Effect::Error(t!("rfm-enter-where"))],
            },
            Action::NextView => {
                self.view = self.view.next();
                self.cursor = Default::default();
                match self.view {
                    RfmView::Churn if self.churn.is_none() => vec![Effect::Load(Asker::Churn)],
                    RfmView::Owners => vec![Effect::Load(Asker::OwnerChurn)],
                    RfmView::Satisfaction => vec![Effect::Load(Asker::Satisfaction)],
                    RfmView::Reorders => vec![Effect::Load(Asker::Reorders)],
                    RfmView::Causes => vec![Effect::Load(Asker::Causes)],
                    RfmView::Lifetime if self.tracking.is_none() => {
                        vec![Effect::Load(Asker::ClvTracking)]
                    }
                    _ => Vec::new(),
                }
            }
            Action::PlanReorders => vec![
                Effect::Ask(
                    Asker::PlanReorders,
                    Box::new(Request::PlanReorders {
                        options: cx.scoring.clone(),
                        within_days: REORDER_WITHIN_DAYS,
                        overdue_days: REORDER_OVERDUE_DAYS,
                    }),
                ),
                Effect::Info(t!("reorders-planning")),
            ],
            Action::PlanWinBack if self.view == RfmView::Lifetime => match &cx.roster {
                Some(roster) => vec![
                    Effect::Ask(
                        Asker::PlanSlipping,
                        Box::new(Request::PlanSlipping {
                            calls: lifetime::slipping_calls(roster),
                            due: cx.scoring.as_of.unwrap_or(cx.today),
                        }),
                    ),
                    Effect::Info(t!("win-back-planning")),
                ],
                None => vec![Effect::Error(t!("lifetime-waits"))],
            },
            Action::PlanWinBack => vec![
                Effect::Ask(
                    Asker::PlanWinBack,
                    Box::new(Request::PlanWinBack {
                        options: cx.scoring.clone(),
                    }),
                ),
                Effect::Info(t!("win-back-planning")),
            ],
            _ => return None,
        })
    }

    fn request(&self, asker: Asker, cx: &ActContext) -> Option<Request> {
        Some(match asker {
            Asker::Churn => Request::Churn {
                options: cx.scoring.clone(),
                period: Period::Month,
            },
            Asker::Reorders => Request::Due {
                options: cx.scoring.clone(),
                within_days: REORDER_WITHIN_DAYS,
                overdue_days: REORDER_OVERDUE_DAYS,
            },
            Asker::Causes => Request::RootCauses,
            Asker::ClvTracking => Request::ClvTracking {
                as_of: cx.scoring.as_of.unwrap_or(cx.today),
                weeks: TRACKING_WEEKS,
            },
            Asker::OwnerChurn => Request::ChurnByOwner {
                options: cx.scoring.clone(),
                period: Period::Month,
            },
            Asker::Satisfaction => Request::Satisfaction {
                period: Period::Month,
                by: None,
                as_of: cx.scoring.as_of,
            },
            _ => return None,
        })
    }

    fn answer(&mut self, asker: Asker, response: Response) -> Result<Vec<Effect>, Response> {
        match (asker, response) {
            (Asker::Churn, Response::Churn(churn)) => self.churn = Some(*churn),
            (Asker::Reorders, Response::Due(rows)) => {
                self.reorders = Some(rows);
                let len = self.len();
                self.cursor.clamp(len, self.page.get());
            }
            (Asker::Causes, Response::RootCauses(rows)) => self.causes = Some(rows),
            (Asker::OwnerChurn, Response::ChurnByOwner(rows)) => self.owners = Some(rows),
            (Asker::Satisfaction, Response::Satisfaction(rows)) => self.satisfaction = Some(rows),
            (Asker::ClvTracking, Response::ClvTracking(report)) => self.tracking = Some(report),
            (Asker::PlanWinBack | Asker::PlanSlipping, Response::Planned { created, existing }) => {
                let text = t!("win-back-planned", created = created, existing = existing);
                return Ok(vec![Effect::Info(text), Effect::Load(Asker::Agenda)]);
            }
            (Asker::PlanReorders, Response::Planned { created, existing }) => {
                let text = t!("reorders-planned", created = created, existing = existing);
                // The agenda shows the new plans.
                return Ok(vec![Effect::Info(text), Effect::Load(Asker::Agenda)]);
            }
            (_, response) => return Err(response),
        }
        Ok(Vec::new())
    }

    fn changed(&mut self, change: Change) -> Vec<Effect> {
        // The owners' and satisfaction views are read again only while shown.
        let shown = match self.view {
            RfmView::Owners => vec![Effect::Load(Asker::OwnerChurn)],
            RfmView::Satisfaction => vec![Effect::Load(Asker::Satisfaction)],
            _ => Vec::new(),
        };
        match change {
            Change::Committed => shown,
            Change::Rescoring if self.churn.is_some() => {
                let mut loads = vec![Effect::Load(Asker::Churn)];
                loads.extend(shown);
                loads
            }
            Change::Rescoring => shown,
            Change::AsOf => {
                self.reports = None;
                self.churn = None;
                self.owners = None;
                self.satisfaction = None;
                self.tracking = None;
                match self.view {
                    RfmView::Churn => vec![Effect::Load(Asker::Churn)],
                    RfmView::Lifetime => vec![Effect::Load(Asker::ClvTracking)],
                    _ => shown,
                }
            }
        }
    }

    fn scored(&mut self, roster: &Arc<Roster>) {
        self.reports = Some(roster.reports.clone());
        self.slipping_len = roster.slipping.len();
        self.cursor.clamp(self.len(), 20);
    }

    /// What the header says the keys do in this view.
    fn hints(&self) -> Vec<(Action, &'static str)> {
        let mut hints = vec![
            (Action::NextView, self.view.next().title()),
            (Action::AsOf, ts!("hint-another-date")),
        ];
        match self.view {
            RfmView::Overview => hints.push((Action::Open, ts!("hint-lists-segment"))),
            RfmView::Reorders => {
                hints.push((Action::Open, ts!("hint-opens")));
                hints.push((Action::PlanReorders, ts!("hint-plans-each")));
            }
            RfmView::Churn => hints.push((Action::PlanWinBack, ts!("hint-win-back"))),
            RfmView::Lifetime => {
                hints.push((Action::Open, ts!("hint-opens")));
                hints.push((Action::PlanWinBack, ts!("hint-win-back")));
            }
            _ => {}
        }
        hints
    }
}

/// The Pareto curve as one line: cumulative revenue share at each tenth of customers.
fn pareto_sparkline(p: &Pareto) -> String {
    const LEVELS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    if p.curve.is_empty() {
        return String::new();
    }
    let mut out = format!("{} ", t!("rfm-curve"));
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

#[cfg(test)]
mod tests;
