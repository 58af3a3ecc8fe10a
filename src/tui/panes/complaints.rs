//! Pane 3, complaints: the queue in urgency order with SLA countdowns, filters (status,
//! assignee, breached), and the detail of one complaint with its history.

use crate::domain::ComplaintStatus;
use crate::service::{ComplaintView, QueueFilter};
use crate::text::sanitize;
use crate::tui::list::ListCursor;
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
            _ => {
                return Err(format!(
                    "unknown filter {term:?} (use status:new, assignee:NAME, breached)"
                ));
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
    pub fn render(&self, f: &mut Frame, area: Rect, theme: Theme, live: &LiveSla<'_>) {
        if let Some(detail) = &self.detail {
            return self.render_detail(f, area, detail, theme, live);
        }
        let page = area.height.saturating_sub(2) as usize;
        self.page.set(page);
        let filter = if self.filter_text.trim().is_empty() {
            "open complaints".to_string()
        } else {
            format!("filter: {}", crate::text::sanitize(self.filter_text.trim()))
        };
        let count = if self.total > self.len() {
            format!("the {} most urgent of {}", self.len(), self.total)
        } else {
            self.len().to_string()
        };
        let position = crate::tui::widgets::list_position(self.len(), page, self.cursor.selected);
        let mut lines = vec![Line::styled(
            format!("{count} · {filter} · most urgent first{position}"),
            theme.dim(),
        )];
        let Some(queue) = &self.queue else {
            lines.push(Line::styled("loading the queue…", theme.dim()));
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
                ("Id", w[1]),
                ("Sev", w[2]),
                ("Status", w[3]),
                ("Customer · category", w[4]),
                ("SLA", w[5]),
                ("Assignee", w[6]),
                ("Calls", w[7]),
            ],
            theme.header(),
        ));
        if queue.is_empty() {
            lines.push(Line::styled("The queue is empty.", theme.dim()));
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
            let contacts = format!("{}{}", c.contacts, if c.escalated { " ESC" } else { "" });
            lines.push(cells_line(
                &[
                    (if selected { "▶" } else { " " }, w[0]),
                    (&c.id, w[1]),
                    (c.severity.title(), w[2]),
                    (c.status.title(), w[3]),
                    (&who, w[4]),
                    (&sla, w[5]),
                    (c.assignee.as_deref().unwrap_or("-"), w[6]),
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

    fn render_detail(
        &self,
        f: &mut Frame,
        area: Rect,
        view: &ComplaintView,
        theme: Theme,
        live: &LiveSla<'_>,
    ) {
        let c = &view.complaint;
        let block = Block::default()
            .borders(Borders::ALL)
            .title(Span::styled(
                format!(" {} · {} ", sanitize(&c.id), sanitize(&view.customer.name)),
                theme.title(),
            ))
            .title_bottom(Span::styled(
                " a ack · r reply · n note · o contact · R resolve · C close · O reopen · Esc back ",
                theme.dim(),
            ));
        let inner = block.inner(area);
        f.render_widget(block, area);
        self.page.set(inner.height as usize);
        let (sla, sla_style) = sla_text(&live(&view.complaint, &view.sla), theme);
        let mut lines = vec![
            Line::from(vec![
                Span::styled("Status      ", theme.header()),
                Span::raw(format!(
                    "{} · severity {} (opened {}) · {}{}",
                    c.status.title(),
                    c.severity.title(),
                    c.opened_severity.title(),
                    crate::text::count(c.contacts, "contact", "contacts"),
                    if c.escalated { " · ESCALATED" } else { "" }
                )),
            ]),
            Line::from(vec![
                Span::styled("SLA         ", theme.header()),
                Span::styled(sla, sla_style),
            ]),
            Line::from(vec![
                Span::styled("Category    ", theme.header()),
                Span::raw(format!(
                    "{} via {} · assignee {}",
                    sanitize(&c.category),
                    c.channel.title(),
                    sanitize(c.assignee.as_deref().unwrap_or("-"))
                )),
            ]),
            Line::from(vec![
                Span::styled("Description ", theme.header()),
                Span::raw(sanitize(&c.description).into_owned()),
            ]),
        ];
        if let Some(cause) = &c.root_cause {
            lines.push(Line::from(vec![
                Span::styled("Root cause  ", theme.header()),
                Span::raw(sanitize(&cause.cause).into_owned()),
            ]));
            if !cause.prevention.is_empty() {
                lines.push(Line::from(vec![
                    Span::styled("Prevention  ", theme.header()),
                    Span::raw(sanitize(&cause.prevention).into_owned()),
                ]));
            }
        }
        lines.push(Line::styled("── History", theme.title()));
        for event in c.history.iter().rev() {
            lines.push(Line::from(vec![
                Span::styled(format!("{}  ", local_time(event.at)), theme.dim()),
                Span::styled(format!("{:<17}", event.kind.title()), Style::default()),
                Span::raw(format!(
                    "{}: {}",
                    sanitize(&event.staff),
                    sanitize(&event.text)
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

impl crate::tui::component::Component for ComplaintsPane {
    fn draw(&self, f: &mut Frame, area: Rect, cx: &crate::tui::component::RenderContext<'_>) {
        self.render(f, area, cx.theme, cx.live);
    }

    /// The queue; the detail of one complaint scrolls instead.
    fn list(&mut self) -> Option<crate::tui::component::ListMut<'_>> {
        if self.detail.is_some() {
            return None;
        }
        Some(crate::tui::component::ListMut {
            len: self.len(),
            page: self.page.get(),
            cursor: &mut self.cursor,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queue_filters_parse() {
        let f = parse_filter("status:new assignee:Ann breached").unwrap_or_default();
        assert_eq!(f.status, Some(ComplaintStatus::New));
        assert_eq!(f.assignee.as_deref(), Some("Ann"));
        assert!(f.breached_only);
        assert!(parse_filter("status:sleeping").is_err());
        assert!(parse_filter("colour:red").is_err());
    }
}
