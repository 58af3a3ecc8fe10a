//! Pane 2, follow-ups: the agenda (overdue, today, the next 7 days), the recent contact log,
//! and the forgotten-customers view; care plans are marked done (logging the contact in the
//! same step) or skipped from here.

use crate::domain::{CustomerId, FollowUp};
use crate::service::{AgendaItem, Forgotten};
use crate::service::{Request, Response};
use crate::tui::action::Action;
use crate::tui::app::LIST_LIMIT;
use crate::tui::component::{ActContext, Change, Component, Effect, ListMut, RenderContext};
use crate::tui::jobs::Asker;
use crate::tui::list::ListCursor;
use crate::tui::purpose::Purpose;
use crate::tui::theme::Theme;
use crate::tui::widgets::{Col, cells_line, local_time, relative_day_short, share_widths};

/// Marker, when, due, purpose, customer, assignee, note (the note takes what is left).
const AGENDA_COLUMNS: [Col; 7] = [
    Col::new(1, 1, 0),
    Col::new(9, 9, 0),
    Col::new(10, 10, 0),
    Col::new(8, 14, 2),
    Col::new(10, 16, 1),
    Col::new(6, 10, 3),
    Col::new(8, 20, 4).grow(),
];
/// Marker, at, customer, channel, staff, summary (the summary takes what is left).
const RECENT_COLUMNS: [Col; 6] = [
    Col::new(1, 1, 0),
    Col::new(11, 16, 2),
    Col::new(10, 16, 1),
    Col::new(5, 7, 3),
    Col::new(6, 10, 4),
    Col::new(12, 30, 0).grow(),
];
/// Marker, customer, phone, silent since, owner.
const FORGOTTEN_COLUMNS: [Col; 5] = [
    Col::new(1, 1, 0),
    Col::new(12, 18, 0).grow(),
    Col::new(9, 17, 1),
    Col::new(8, 12, 2),
    Col::new(6, 12, 3),
];
use crate::workflow::{AgendaGroup, agenda_group};
use chrono::NaiveDateTime;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use std::cell::Cell;

/// How many days ahead the agenda looks.
pub const AGENDA_DAYS: i64 = 7;
/// How long silent counts as forgotten in the list.
pub const FORGOTTEN_LIST_DAYS: i64 = 30;
/// How many of the latest contacts the recent log shows.
const RECENT_SHOWN: usize = 500;
/// How many forgotten customers the list shows (the longest silent first).
const FORGOTTEN_SHOWN: usize = 1000;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum FollowUpView {
    #[default]
    Agenda,
    Recent,
    Forgotten,
}

impl FollowUpView {
    pub fn next(self) -> FollowUpView {
        match self {
            FollowUpView::Agenda => FollowUpView::Recent,
            FollowUpView::Recent => FollowUpView::Forgotten,
            FollowUpView::Forgotten => FollowUpView::Agenda,
        }
    }

    fn title(self) -> &'static str {
        match self {
            FollowUpView::Agenda => ts!("view-agenda"),
            FollowUpView::Recent => ts!("view-recent"),
            FollowUpView::Forgotten => ts!("view-forgotten"),
        }
    }
}

#[derive(Debug, Default)]
pub struct FollowUpsPane {
    pub view: FollowUpView,
    pub cursor: ListCursor,
    pub agenda: Option<Vec<AgendaItem>>,
    /// How many plans the agenda has in all (it holds the first of them).
    pub agenda_total: usize,
    pub recent: Option<Vec<FollowUp>>,
    /// The names of the recent contacts' customers (read with them, not while drawing).
    pub recent_names: crate::tui::jobs::Names,
    pub forgotten: Option<Forgotten>,
    pub page: Cell<usize>,
}

impl FollowUpsPane {
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn len(&self) -> usize {
        match self.view {
            FollowUpView::Agenda => self.agenda.as_ref().map_or(0, Vec::len),
            FollowUpView::Recent => self.recent.as_ref().map_or(0, Vec::len),
            FollowUpView::Forgotten => self.forgotten.as_ref().map_or(0, |f| f.list.len()),
        }
    }

    /// The customer of the selected row.
    pub fn selected_customer(&self) -> Option<CustomerId> {
        let i = self.cursor.selected;
        match self.view {
            FollowUpView::Agenda => self.agenda.as_ref()?.get(i).map(|a| a.customer.id),
            FollowUpView::Recent => self.recent.as_ref()?.get(i).map(|f| f.customer),
            FollowUpView::Forgotten => self.forgotten.as_ref()?.list.get(i).map(|(s, _)| s.id),
        }
    }

    /// The selected agenda item (only in the agenda view).
    pub fn selected_plan(&self) -> Option<&AgendaItem> {
        match self.view {
            FollowUpView::Agenda => self.agenda.as_ref()?.get(self.cursor.selected),
            _ => None,
        }
    }

    pub fn render(&self, f: &mut Frame, area: Rect, now: NaiveDateTime, theme: Theme) {
        let today = now.date();
        let page = area.height.saturating_sub(2) as usize;
        self.page.set(page);
        let tabs: Vec<Span> = [
            FollowUpView::Agenda,
            FollowUpView::Recent,
            FollowUpView::Forgotten,
        ]
        .into_iter()
        .flat_map(|v| {
            let style = if v == self.view {
                theme.active_tab()
            } else {
                theme.dim()
            };
            let mark = if v == self.view { "●" } else { "○" };
            [
                Span::styled(format!("{mark} {}", v.title()), style),
                Span::raw("  "),
            ]
        })
        .chain([Span::styled(t!("view-switches"), theme.dim())])
        .chain([Span::styled(
            crate::tui::widgets::list_position(self.len(), page, self.cursor.selected),
            theme.dim(),
        )])
        .chain(
            (self.view == FollowUpView::Agenda && self.agenda_total > self.len()).then(|| {
                Span::styled(
                    format!(
                        "  {}",
                        t!(
                            "agenda-first-of",
                            shown = self.len(),
                            total = self.agenda_total
                        )
                    ),
                    theme.dim(),
                )
            }),
        )
        .collect();
        let mut lines = vec![Line::from(tabs)];
        let range = self.cursor.visible(self.len(), page);
        match self.view {
            FollowUpView::Agenda => match &self.agenda {
                None => lines.push(Line::styled(t!("agenda-loading"), theme.dim())),
                Some(items) if items.is_empty() => {
                    lines.push(Line::styled(t!("agenda-empty"), theme.dim()))
                }
                Some(items) => {
                    let w = share_widths(
                        crate::tui::widgets::list_width(area.width, self.len(), page),
                        &AGENDA_COLUMNS,
                    );
                    lines.push(cells_line(
                        &[
                            (" ", w[0]),
                            (ts!("col-when"), w[1]),
                            (ts!("col-due"), w[2]),
                            (ts!("col-purpose"), w[3]),
                            (ts!("col-customer"), w[4]),
                            (ts!("col-assignee"), w[5]),
                            (ts!("col-note"), w[6]),
                        ],
                        theme.header(),
                    ));
                    for i in range.clone() {
                        let item = &items[i];
                        // Grouped again as of now: a plan loaded as due today turns overdue
                        // when its time passes.
                        let item_group =
                            agenda_group(item.plan.due, item.plan.due_time, now, AGENDA_DAYS)
                                .unwrap_or(item.group);
                        let group = match item_group {
                            AgendaGroup::Overdue => ts!("group-overdue"),
                            AgendaGroup::Today => ts!("group-today"),
                            _ => ts!("group-soon"),
                        };
                        let selected = i == self.cursor.selected;
                        let style = if selected {
                            theme.selected()
                        } else if item_group == AgendaGroup::Overdue {
                            theme.breached()
                        } else {
                            Style::default()
                        };
                        let assignee = item
                            .plan
                            .assignee
                            .as_deref()
                            .or(item.customer.owner.as_deref())
                            .unwrap_or("");
                        lines.push(cells_line(
                            &[
                                (if selected { "▶" } else { " " }, w[0]),
                                (group, w[1]),
                                (&relative_day_short(item.plan.due, today), w[2]),
                                (item.plan.purpose.title(), w[3]),
                                (&item.customer.name, w[4]),
                                (assignee, w[5]),
                                (&item.plan.note, w[6]),
                            ],
                            style,
                        ));
                    }
                }
            },
            FollowUpView::Recent => match &self.recent {
                None => lines.push(Line::styled(t!("recent-loading"), theme.dim())),
                Some(items) if items.is_empty() => {
                    lines.push(Line::styled(t!("recent-empty"), theme.dim()))
                }
                Some(items) => {
                    let w = share_widths(
                        crate::tui::widgets::list_width(area.width, self.len(), page),
                        &RECENT_COLUMNS,
                    );
                    lines.push(cells_line(
                        &[
                            (" ", w[0]),
                            (ts!("col-at"), w[1]),
                            (ts!("col-customer"), w[2]),
                            (ts!("col-channel"), w[3]),
                            (ts!("col-staff"), w[4]),
                            (ts!("col-summary"), w[5]),
                        ],
                        theme.header(),
                    ));
                    for i in range.clone() {
                        let item = &items[i];
                        let selected = i == self.cursor.selected;
                        let name = self
                            .recent_names
                            .get(&item.customer)
                            .map_or("?", String::as_str);
                        lines.push(cells_line(
                            &[
                                (if selected { "▶" } else { " " }, w[0]),
                                (&local_time(item.at), w[1]),
                                (name, w[2]),
                                (item.channel.title(), w[3]),
                                (&item.staff, w[4]),
                                (&item.summary, w[5]),
                            ],
                            if selected {
                                theme.selected()
                            } else {
                                Style::default()
                            },
                        ));
                    }
                }
            },
            FollowUpView::Forgotten => match &self.forgotten {
                None => lines.push(Line::styled(t!("forgotten-counting"), theme.dim())),
                Some(forgotten) => {
                    let counts: Vec<String> = forgotten
                        .counts
                        .iter()
                        .map(|(days, n)| t!("forgotten-at-least", days = *days, n = *n))
                        .collect();
                    lines[0].spans.push(Span::styled(
                        format!(
                            "   {} · {}",
                            t!("forgotten-never", n = forgotten.never_contacted),
                            counts.join(" · ")
                        ),
                        theme.dim(),
                    ));
                    let w = share_widths(
                        crate::tui::widgets::list_width(area.width, self.len(), page),
                        &FORGOTTEN_COLUMNS,
                    );
                    lines.push(cells_line(
                        &[
                            (" ", w[0]),
                            (ts!("col-customer"), w[1]),
                            (ts!("col-phone"), w[2]),
                            (ts!("col-silent"), w[3]),
                            (ts!("col-owner"), w[4]),
                        ],
                        theme.header(),
                    ));
                    for i in range.clone() {
                        let (s, days) = &forgotten.list[i];
                        let selected = i == self.cursor.selected;
                        let silent = days.map_or(t!("never"), |d| t!("count-days", n = d));
                        lines.push(cells_line(
                            &[
                                (if selected { "▶" } else { " " }, w[0]),
                                (&s.name, w[1]),
                                (s.phones.first().map_or("", String::as_str), w[2]),
                                (&silent, w[3]),
                                (s.owner.as_deref().unwrap_or(""), w[4]),
                            ],
                            if selected {
                                theme.selected()
                            } else {
                                Style::default()
                            },
                        ));
                    }
                }
            },
        }
        f.render_widget(Paragraph::new(lines), area);
        let rows = Rect {
            y: area.y + 2,
            height: area.height.saturating_sub(2),
            ..area
        };
        crate::tui::widgets::list_scrollbar(f, rows, self.len(), page, self.cursor.selected);
    }
}

impl FollowUpsPane {
    fn clamp(&mut self) {
        let page = self.page.get();
        self.cursor.clamp(self.len(), page);
    }

    /// The agenda arrived: keep the selected plan selected.
    fn agenda_loaded(&mut self, items: Vec<AgendaItem>, total: usize) {
        let keep = self.selected_plan().map(|i| i.plan.id.clone());
        self.agenda = Some(items);
        self.agenda_total = total;
        if self.view == FollowUpView::Agenda
            && let Some(id) = keep
            && let Some(i) = self
                .agenda
                .as_ref()
                .and_then(|a| a.iter().position(|item| item.plan.id == id))
        {
            self.cursor.selected = i;
        }
        self.clamp();
    }

    /// The latest contacts arrived: keep the selected one selected.
    fn recent_loaded(&mut self, items: Vec<FollowUp>) {
        let keep = match self.view {
            FollowUpView::Recent => self
                .recent
                .as_ref()
                .and_then(|r| r.get(self.cursor.selected))
                .map(|f| f.id.clone()),
            _ => None,
        };
        self.recent = Some(items);
        if let Some(id) = keep
            && let Some(i) = self
                .recent
                .as_ref()
                .and_then(|r| r.iter().position(|f| f.id == id))
        {
            self.cursor.selected = i;
        }
        self.clamp();
    }
}

impl Component for FollowUpsPane {
    fn draw(&self, f: &mut Frame, area: Rect, cx: &RenderContext<'_>) {
        self.render(f, area, cx.now, cx.theme);
    }

    fn list(&mut self) -> Option<ListMut<'_>> {
        Some(ListMut {
            len: self.len(),
            page: self.page.get(),
            cursor: &mut self.cursor,
        })
    }

    fn act(&mut self, action: Action, _cx: &ActContext) -> Option<Vec<Effect>> {
        Some(match action {
            Action::Open => vec![match self.selected_customer() {
                Some(id) => Effect::OpenCard(id),
                None => Effect::Error(t!("nothing-selected")),
            }],
            Action::PlanDone | Action::PlanSkip => vec![match self.selected_plan() {
                Some(item) if action == Action::PlanDone => Effect::OpenForm(Box::new(
                    Purpose::plan_done_form(&item.plan, &item.customer.name),
                )),
                Some(item) => Effect::OpenForm(Box::new(Purpose::plan_skip_form(
                    &item.plan,
                    &item.customer.name,
                ))),
                None => Effect::Error(t!("select-plan-first")),
            }],
            Action::NextView => {
                self.view = self.view.next();
                self.cursor = Default::default();
                match self.view {
                    FollowUpView::Recent if self.recent.is_none() => {
                        vec![Effect::Load(Asker::Recent)]
                    }
                    FollowUpView::Forgotten if self.forgotten.is_none() => {
                        vec![Effect::Load(Asker::Forgotten)]
                    }
                    _ => Vec::new(),
                }
            }
            _ => return None,
        })
    }

    fn request(&self, asker: Asker, cx: &ActContext) -> Option<Request> {
        Some(match asker {
            Asker::Agenda => Request::AgendaTop {
                now: cx.local_now,
                owner: None,
                days_ahead: AGENDA_DAYS,
                limit: LIST_LIMIT,
            },
            Asker::Recent => Request::RecentFollowUps {
                limit: RECENT_SHOWN,
            },
            Asker::Forgotten => Request::Forgotten {
                as_of: cx.today,
                owner: None,
                days: FORGOTTEN_LIST_DAYS,
                limit: FORGOTTEN_SHOWN,
            },
            _ => return None,
        })
    }

    fn answer(&mut self, asker: Asker, response: Response) -> Result<Vec<Effect>, Response> {
        match (asker, response) {
            (Asker::Agenda, Response::AgendaTop { items, total }) => {
                self.agenda_loaded(items, total);
                Ok(Vec::new())
            }
            (Asker::Recent, Response::FollowUps(items)) => {
                // Their customers' names follow in a second answer.
                let mut ids: Vec<CustomerId> = items.iter().map(|f| f.customer).collect();
                ids.sort_unstable();
                ids.dedup();
                self.recent_loaded(items);
                Ok(vec![Effect::Ask(
                    Asker::RecentNames,
                    Box::new(Request::Summaries(ids)),
                )])
            }
            (Asker::RecentNames, Response::Summaries(found)) => {
                self.recent_names = found
                    .into_iter()
                    .flatten()
                    .map(|summary| (summary.id, summary.name))
                    .collect();
                Ok(Vec::new())
            }
            (Asker::Forgotten, Response::Forgotten(forgotten)) => {
                self.forgotten = Some(*forgotten);
                self.clamp();
                Ok(Vec::new())
            }
            (_, response) => Err(response),
        }
    }

    fn changed(&mut self, change: Change) -> Vec<Effect> {
        if change == Change::AsOf {
            return Vec::new();
        }
        let mut loads = vec![Effect::Load(Asker::Agenda)];
        if self.view == FollowUpView::Recent {
            loads.push(Effect::Load(Asker::Recent));
        } else {
            // Read again when the view is shown again.
            self.recent = None;
        }
        if self.forgotten.is_some() && self.view == FollowUpView::Forgotten {
            loads.push(Effect::Load(Asker::Forgotten));
        }
        loads
    }

    fn customer(&self) -> Option<CustomerId> {
        self.selected_customer()
    }
}

#[cfg(test)]
mod tests;
