//! Pane 3, complaints: the queue in urgency order with SLA countdowns, filters (status,
//! assignee, team, breached), and the detail of one complaint with its history.

use crate::domain::ComplaintStatus;
use crate::domain::CustomerId;
use crate::service::{ComplaintView, QueueFilter};
use crate::service::{Request, Response};
use crate::text::sanitize;
use crate::tui::action::Action;
use crate::tui::app::LIST_LIMIT;
use crate::tui::component::{ActContext, Change, Component, Effect, ListMut, RenderContext};
use crate::tui::jobs::Asker;
use crate::tui::list::ListCursor;
use crate::tui::purpose::Purpose;
use crate::tui::theme::Theme;
use crate::tui::widgets::{Col, cells_line, local_time, share_widths, sla_short, sla_text};

/// Marker, id, severity, status, customer · category, SLA, assignee, calls.
const COLUMNS: [Col; 8] = [
    Col::new(1, 1, 0),
    Col::new(9, 9, 0),
    Col::new(6, 6, 1),
    Col::new(8, 12, 2),
    Col::new(14, 30, 0).grow(),
    Col::new(14, 18, 1),
    Col::new(6, 12, 3),
    Col::new(5, 5, 4),
];
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};
use std::cell::Cell;

/// The SLA state of a complaint now (given the state when it was loaded).
pub type LiveSla<'a> =
    dyn Fn(&crate::domain::Complaint, &crate::service::SlaState) -> crate::service::SlaState + 'a;

/// Parses `status:new assignee:ann breached` into a queue filter.
pub fn parse_filter(text: &str) -> Result<QueueFilter, String> {
    let mut filter = QueueFilter::default();
    for term in text.split_whitespace() {
        match term.split_once(':') {
            None if term.eq_ignore_ascii_case("breached") => filter.breached_only = true,
            Some((key, value)) if key.eq_ignore_ascii_case("status") => {
                filter.status = Some(
                    value
                        .parse::<ComplaintStatus>()
                        .map_err(|e| e.to_string())?,
                )
            }
            Some((key, value)) if key.eq_ignore_ascii_case("assignee") => {
                filter.assignee = Some(value.to_string())
            }
            Some((key, value)) if key.eq_ignore_ascii_case("team") && !value.is_empty() => {
                filter.team = Some(value.to_string())
            }
            _ => {
                return Err(t!("queue-filter-unknown", term = format!("{term:?}")));
            }
        }
    }
    Ok(filter)
}

#[derive(Debug, Default)]
pub struct ComplaintsPane {
    pub cursor: ListCursor,
    pub queue: Option<Vec<ComplaintView>>,
    /// How many complaints pass the filter (the queue holds the most urgent of them).
    pub total: usize,
    pub filter: QueueFilter,
    pub filter_text: String,
    /// The complaint opened with Enter.
    pub detail: Option<ComplaintView>,
    pub detail_scroll: usize,
    pub page: Cell<usize>,
}

impl ComplaintsPane {
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn len(&self) -> usize {
        self.queue.as_ref().map_or(0, Vec::len)
    }

    /// The complaint actions apply to: the open detail, else the selected row.
    pub fn current(&self) -> Option<&ComplaintView> {
        self.detail
            .as_ref()
            .or_else(|| self.queue.as_ref()?.get(self.cursor.selected))
    }

    /// Draws the queue or the detail; `live` gives the SLA state at the moment of drawing,
    /// so countdowns move every second.
    pub fn render(&self, f: &mut Frame, area: Rect, cx: &RenderContext<'_>) {
        let (theme, live) = (cx.theme, cx.live);
        if let Some(detail) = &self.detail {
            return self.render_detail(f, area, detail, cx);
        }
        let page = area.height.saturating_sub(2) as usize;
        self.page.set(page);
        let filter = if self.filter_text.trim().is_empty() {
            t!("queue-open")
        } else {
            let filter = crate::text::sanitize(self.filter_text.trim()).into_owned();
            t!("queue-filter", filter = filter)
        };
        let count = if self.total > self.len() {
            t!(
                "queue-most-urgent-of",
                shown = self.len(),
                total = self.total
            )
        } else {
            self.len().to_string()
        };
        let position = crate::tui::widgets::list_position(self.len(), page, self.cursor.selected);
        let mut lines = vec![Line::styled(
            format!("{count} · {filter} · {}{position}", t!("queue-order")),
            theme.dim(),
        )];
        let Some(queue) = &self.queue else {
            lines.push(Line::styled(t!("queue-loading"), theme.dim()));
            f.render_widget(Paragraph::new(lines), area);
            return;
        };
        let w = share_widths(
            crate::tui::widgets::list_width(area.width, queue.len(), page),
            &COLUMNS,
        );
        lines.push(cells_line(
            &[
                (" ", w[0]),
                (ts!("col-id"), w[1]),
                (ts!("col-severity-short"), w[2]),
                (ts!("col-status"), w[3]),
                (ts!("col-customer-category"), w[4]),
                (ts!("col-sla"), w[5]),
                (ts!("col-assignee"), w[6]),
                (ts!("col-calls"), w[7]),
            ],
            theme.header(),
        ));
        if queue.is_empty() {
            lines.push(Line::styled(t!("queue-empty"), theme.dim()));
        }
        for i in self.cursor.visible(queue.len(), page) {
            let view = &queue[i];
            let c = &view.complaint;
            let selected = i == self.cursor.selected;
            let (sla, sla_style) = sla_short(&live(&view.complaint, &view.sla), theme);
            let style = if selected {
                theme.selected()
            } else {
                sla_style
            };
            let who = format!("{} · {}", view.customer.name, c.category);
            let owner = match (&c.team, &c.assignee) {
                (Some(team), Some(a)) => format!("{}·{a}", crate::domain::team_title(team)),
                (Some(team), None) => crate::domain::team_title(team),
                (None, Some(a)) => a.clone(),
                (None, None) => String::from("-"),
            };
            let contacts = if c.escalated {
                format!("{} {}", c.contacts, t!("escalated-short"))
            } else {
                c.contacts.to_string()
            };
            lines.push(cells_line(
                &[
                    (if selected { "▶" } else { " " }, w[0]),
                    (&c.id, w[1]),
                    (c.severity.title(), w[2]),
                    (c.status.title(), w[3]),
                    (&who, w[4]),
                    (&sla, w[5]),
                    (&owner, w[6]),
                    (&contacts, w[7]),
                ],
                style,
            ));
        }
        f.render_widget(Paragraph::new(lines), area);
        let rows = Rect {
            y: area.y + 2,
            height: area.height.saturating_sub(2),
            ..area
        };
        crate::tui::widgets::list_scrollbar(f, rows, queue.len(), page, self.cursor.selected);
    }

    /// The detail of one complaint; the footer shows `cx.keys`.
    fn render_detail(
        &self,
        f: &mut Frame,
        area: Rect,
        view: &ComplaintView,
        cx: &RenderContext<'_>,
    ) {
        let (theme, live, keys) = (cx.theme, cx.live, cx.keys);
        let c = &view.complaint;
        let block = Block::default()
            .borders(Borders::ALL)
            .title(Span::styled(
                format!(" {} · {} ", sanitize(&c.id), sanitize(&view.customer.name)),
                theme.title(),
            ))
            .title_bottom(Span::styled(format!(" {keys} "), theme.dim()));
        let inner = block.inner(area);
        f.render_widget(block, area);
        self.page.set(inner.height as usize);
        let (sla, sla_style) = sla_text(&live(&view.complaint, &view.sla), theme);
        let mut lines = vec![
            Line::from(vec![
                label(ts!("detail-status"), theme),
                Span::raw(format!(
                    "{}{}",
                    t!(
                        "detail-status-line",
                        status = c.status.title(),
                        severity = c.severity.title(),
                        opened = c.opened_severity.title(),
                        contacts = t!("count-contacts", n = c.contacts)
                    ),
                    if c.escalated {
                        format!(" · {}", t!("detail-escalated"))
                    } else {
                        String::new()
                    }
                )),
            ]),
            Line::from(vec![
                label(ts!("detail-sla"), theme),
                Span::styled(sla, sla_style),
            ]),
            Line::from(vec![
                label(ts!("detail-category"), theme),
                Span::raw(t!(
                    "detail-category-line",
                    category = sanitize(&c.category).into_owned(),
                    channel = c.channel.title(),
                    assignee = sanitize(c.assignee.as_deref().unwrap_or("-")).into_owned()
                )),
            ]),
            Line::from(vec![
                label(ts!("detail-description"), theme),
                Span::raw(sanitize(&c.description).into_owned()),
            ]),
        ];
        // Routed: which team has it (a complaint still with the desk says nothing).
        if let Some(team) = &c.team {
            lines.insert(
                3,
                Line::from(vec![
                    label(ts!("detail-team"), theme),
                    Span::raw(sanitize(&crate::domain::team_title(team)).into_owned()),
                ]),
            );
        }
        if let Some(cause) = &c.root_cause {
            lines.push(Line::from(vec![
                label(ts!("detail-root-cause"), theme),
                Span::raw(sanitize(&cause.cause).into_owned()),
            ]));
            if !cause.prevention.is_empty() {
                lines.push(Line::from(vec![
                    label(ts!("detail-prevention"), theme),
                    Span::raw(sanitize(&cause.prevention).into_owned()),
                ]));
            }
        }
        lines.push(Line::styled(
            format!("── {}", t!("detail-history")),
            theme.title(),
        ));
        for event in c.history.iter().rev() {
            lines.push(Line::from(vec![
                Span::styled(format!("{}  ", local_time(event.at)), theme.dim()),
                Span::styled(crate::text::fit(event.kind.title(), 17), Style::default()),
                Span::raw(format!(
                    "{}: {}",
                    sanitize(&event.staff),
                    sanitize(&event.shown_text())
                )),
            ]));
        }
        f.render_widget(
            Paragraph::new(lines)
                .wrap(Wrap { trim: false })
                .scroll((u16::try_from(self.detail_scroll).unwrap_or(0), 0)),
            inner,
        );
    }
}

impl ComplaintsPane {
    /// Filters the queue with `text` and reads it again.
    pub fn set_filter(&mut self, text: String) -> Vec<Effect> {
        match parse_filter(&text) {
            Ok(filter) => {
                self.filter = filter;
                self.filter_text = text;
                self.cursor = Default::default();
                self.queue = None;
                vec![Effect::Load(Asker::Queue)]
            }
            Err(e) => vec![Effect::Error(e)],
        }
    }

    /// The queue arrived: keep the selected complaint selected.
    fn queue_loaded(&mut self, queue: Vec<ComplaintView>, total: usize) {
        self.total = total;
        let keep = self.current().map(|v| v.complaint.id.clone());
        self.queue = Some(queue);
        if let (Some(id), Some(queue)) = (keep, &self.queue)
            && let Some(i) = queue.iter().position(|v| v.complaint.id == id)
        {
            self.cursor.selected = i;
        }
        let page = self.page.get();
        self.cursor.clamp(self.len(), page);
    }

    /// A step on the current complaint: a form for the words it needs, or a save at once.
    fn step(&self, action: Action) -> Effect {
        let Some(view) = self.current() else {
            return Effect::Error(t!("no-complaint-selected"));
        };
        match Purpose::complaint_form(action, &view.complaint, &view.customer.name) {
            Some(form) => Effect::OpenForm(Box::new(form)),
            // Start and close need no words.
            None => Effect::Save(Box::new(Purpose::Complaint {
                id: view.complaint.id.clone(),
                version: view.complaint.version,
                action,
            })),
        }
    }
}

impl Component for ComplaintsPane {
    fn draw(&self, f: &mut Frame, area: Rect, cx: &RenderContext<'_>) {
        self.render(f, area, cx);
    }

    /// The queue; the detail of one complaint scrolls instead.
    fn list(&mut self) -> Option<ListMut<'_>> {
        if self.detail.is_some() {
            return None;
        }
        Some(ListMut {
            len: self.len(),
            page: self.page.get(),
            cursor: &mut self.cursor,
        })
    }

    fn act(&mut self, action: Action, cx: &ActContext) -> Option<Vec<Effect>> {
        let detail = self.detail.is_some();
        Some(match action {
            Action::Back if detail => {
                self.detail = None;
                self.detail_scroll = 0;
                Vec::new()
            }
            Action::Down
            | Action::Up
            | Action::PageDown
            | Action::PageUp
            | Action::Top
            | Action::Bottom
                if detail =>
            {
                let s = &mut self.detail_scroll;
                *s = match action {
                    Action::Down => *s + 1,
                    Action::Up => s.saturating_sub(1),
                    Action::PageDown => *s + 10,
                    Action::PageUp => s.saturating_sub(10),
                    Action::Top => 0,
                    _ => *s,
                };
                Vec::new()
            }
            Action::Open if detail => Vec::new(),
            Action::Open => self
                .queue
                .as_ref()
                .and_then(|q| q.get(self.cursor.selected))
                .map(|v| {
                    let request = Request::ComplaintViewAt {
                        id: v.complaint.id.clone(),
                        now: cx.now,
                    };
                    Effect::Ask(Asker::ComplaintDetail, Box::new(request))
                })
                .into_iter()
                .collect(),
            Action::Filter => vec![Effect::OpenForm(Box::new(Purpose::filter_form(
                Purpose::ComplaintFilter,
                &self.filter_text,
                ts!("queue-filter-hint"),
            )))],
            Action::ClearFilter => self.set_filter(String::new()),
            Action::Acknowledge
            | Action::StartWork
            | Action::Reply
            | Action::Note
            | Action::CustomerContact
            | Action::Resolve
            | Action::Close
            | Action::Reopen
            | Action::Assign => vec![self.step(action)],
            // The form offers the teams configured now: ask for them first.
            Action::Route => match self.current() {
                Some(_) => vec![Effect::Ask(Asker::Teams, Box::new(Request::Teams))],
                None => vec![Effect::Error(t!("no-complaint-selected"))],
            },
            _ => return None,
        })
    }

    fn request(&self, asker: Asker, cx: &ActContext) -> Option<Request> {
        match asker {
            Asker::Queue => Some(Request::QueueTop {
                filter: self.filter.clone(),
                now: cx.now,
                limit: LIST_LIMIT,
            }),
            Asker::ComplaintDetail => self.detail.as_ref().map(|d| Request::ComplaintViewAt {
                id: d.complaint.id.clone(),
                now: cx.now,
            }),
            _ => None,
        }
    }

    fn answer(&mut self, asker: Asker, response: Response) -> Result<Vec<Effect>, Response> {
        match (asker, response) {
            (
                Asker::Queue,
                Response::QueueTop {
                    views,
                    total,
                    filter,
                },
            ) => {
                // A queue for a filter changed since is dropped; the newer one follows.
                if filter == self.filter {
                    self.queue_loaded(views, total);
                }
                Ok(Vec::new())
            }
            (Asker::Teams, Response::Teams(teams)) => Ok(match self.current() {
                Some(view) => {
                    match Purpose::route_form(&view.complaint, &view.customer.name, &teams) {
                        Some(form) => vec![Effect::OpenForm(Box::new(form))],
                        None => vec![Effect::Error(t!("no-teams-set"))],
                    }
                }
                None => Vec::new(),
            }),
            (Asker::ComplaintDetail, Response::ComplaintView(view)) => {
                // Read again after a change: keep the place; another complaint: from the top.
                if self.detail.as_ref().map(|d| &d.complaint.id) != Some(&view.complaint.id) {
                    self.detail_scroll = 0;
                }
                self.detail = Some(*view);
                Ok(Vec::new())
            }
            (_, response) => Err(response),
        }
    }

    fn changed(&mut self, change: Change) -> Vec<Effect> {
        if change == Change::AsOf {
            return Vec::new();
        }
        let mut loads = vec![Effect::Load(Asker::Queue)];
        if self.detail.is_some() {
            loads.push(Effect::Load(Asker::ComplaintDetail));
        }
        loads
    }

    fn customer(&self) -> Option<CustomerId> {
        self.current().map(|v| v.customer.id)
    }

    /// The detail's footer: the steps on this complaint.
    fn hints(&self) -> Vec<(Action, &'static str)> {
        if self.detail.is_none() {
            return Vec::new();
        }
        vec![
            (Action::Acknowledge, ts!("hint-ack")),
            (Action::Reply, ts!("hint-reply")),
            (Action::Note, ts!("hint-note")),
            (Action::CustomerContact, ts!("hint-contact")),
            (Action::Resolve, ts!("hint-resolve")),
            (Action::Close, ts!("hint-close")),
            (Action::Reopen, ts!("hint-reopen")),
            (Action::Back, ts!("hint-back")),
        ]
    }
}

/// A field's name in the detail, padded to the width of the longest (in cells, so Chinese
/// names line up too).
fn label(name: &str, theme: Theme) -> Span<'static> {
    Span::styled(format!("{} ", crate::text::fit(name, 11)), theme.header())
}

#[cfg(test)]
mod tests;
