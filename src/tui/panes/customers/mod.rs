//! Pane 1, customers: a table of every customer (name, phone, stage, RFM segment, value class,
//! last contact, owner) sorted and filtered in memory from the roster; only the rows in view
//! are read from the store when drawing.

use crate::domain::{CustomerId, CustomerStatus};
use crate::service::{CustomerSummary, Roster, Service};
use crate::service::{Request, Response};
use crate::tui::action::Action;
use crate::tui::component::{ActContext, Change, Component, Effect, ListMut, RenderContext};
use crate::tui::jobs::Asker;
use crate::tui::list::ListCursor;
use crate::tui::purpose::Purpose;
use crate::tui::theme::Theme;
use crate::tui::widgets::{Col, cells_line, relative_day_short, share_widths};

mod filter;
mod listing;
pub use filter::CustomerFilter;
pub use listing::Listing;
#[cfg(test)]
use listing::sort_by_name;

/// Marker, name, phone, stage, segment, value, CLV, P(alive), contacted, owner: the name and a
/// whole phone first (the caller reads the number out), then the segment, stage, last contact,
/// owner; lifetime value and P(alive) where the screen has room for them.
const COLUMNS: [Col; 10] = [
    Col::new(1, 1, 0),
    Col::new(14, 16, 0).grow(),
    Col::new(9, 17, 1),
    Col::new(8, 10, 3),
    Col::new(9, 18, 2),
    Col::new(5, 8, 5),
    Col::new(6, 9, 7).optional(),
    Col::new(4, 6, 8).optional(),
    Col::new(10, 10, 4),
    Col::new(6, 12, 6),
];
use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use std::cell::Cell;
use std::collections::HashMap;
use std::sync::Arc;

/// Columns the table sorts by, in the order `sort` steps through them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortKey {
    Id,
    Name,
    LastContact,
    LastOrder,
    Spend,
    Segment,
    Stage,
    /// Most lifetime value first.
    Clv,
    /// Least likely still a customer first.
    Alive,
}

impl SortKey {
    const ORDER: [SortKey; 9] = [
        SortKey::Id,
        SortKey::Name,
        SortKey::LastContact,
        SortKey::LastOrder,
        SortKey::Spend,
        SortKey::Segment,
        SortKey::Stage,
        SortKey::Clv,
        SortKey::Alive,
    ];

    pub fn label(self) -> &'static str {
        match self {
            SortKey::Id => ts!("sort-id"),
            SortKey::Name => ts!("sort-name"),
            SortKey::LastContact => ts!("sort-last-contact"),
            SortKey::LastOrder => ts!("sort-last-order"),
            SortKey::Spend => ts!("sort-spend"),
            SortKey::Segment => ts!("sort-segment"),
            SortKey::Stage => ts!("sort-stage"),
            SortKey::Clv => ts!("sort-clv"),
            SortKey::Alive => ts!("sort-alive"),
        }
    }

    fn next(self) -> SortKey {
        let i = Self::ORDER.iter().position(|k| *k == self).unwrap_or(0);
        Self::ORDER[(i + 1) % Self::ORDER.len()]
    }
}

/// State of the customers pane.
#[derive(Debug, Default)]
pub struct CustomersPane {
    pub cursor: ListCursor,
    /// Customer ids in display order.
    pub ids: Vec<CustomerId>,
    /// Without a roster, ids are read page by page; `more` says the store has further ids.
    pub more: bool,
    pub sort: Option<SortKey>,
    pub descending: bool,
    pub filter_text: String,
    pub filter: CustomerFilter,
    /// Rows in view at the last draw (page size for PgUp/PgDn).
    pub page: Cell<usize>,
    pub total: u64,
    /// The files of the rows around the selection, read before drawing (drawing never reads
    /// the database); `None` for an id that no longer exists.
    pub summaries: HashMap<CustomerId, Option<CustomerSummary>>,
    /// Why the last read of files failed, shown instead of the rows.
    pub summary_error: Option<String>,
    /// The number of the latest [`Listing`] asked for.
    pub generation: u64,
}

/// Rows read around the selection (at least a screenful however the window is resized).
const SUMMARIES_AROUND: usize = 64;
/// The cache is dropped and refilled past this many files.
const SUMMARIES_KEPT: usize = 10_000;

impl CustomersPane {
    pub fn selected(&self) -> Option<CustomerId> {
        self.ids.get(self.cursor.selected).copied()
    }

    /// Reads the first ids page by page until `upto` rows are loaded (no roster yet).
    pub fn load_pages(&mut self, service: &Service, upto: usize) -> Result<(), String> {
        while self.more && self.ids.len() <= upto {
            let request = crate::service::Request::CustomerIdsAfter {
                after: self.ids.last().copied(),
                limit: 500,
            };
            let page = match service.handle(request).map_err(|e| e.to_string())? {
                crate::service::Response::CustomerIds(ids) => ids,
                _ => return Err(t!("customers-bug")),
            };
            self.more = page.len() == 500;
            self.ids.extend(page);
        }
        Ok(())
    }

    /// What the list should show now, for [`Listing::ids`] on a background thread; a newer
    /// listing makes the results of older ones stale.
    pub fn listing(&mut self) -> Listing {
        self.generation += 1;
        Listing {
            generation: self.generation,
            filter: self.filter.clone(),
            sort: self.sort,
            descending: self.descending,
        }
    }

    /// Shows the ids a [`Listing`] found (unless a newer one was asked for meanwhile), keeping
    /// the selected customer selected when it is still listed.
    pub fn listed(&mut self, generation: u64, ids: Vec<CustomerId>) {
        if generation != self.generation {
            return;
        }
        let keep = self.selected();
        self.ids = ids;
        self.more = false;
        if let Some(id) = keep
            && let Some(i) = self.ids.iter().position(|x| *x == id)
        {
            self.cursor.selected = i;
        }
        self.cursor.clamp(self.ids.len(), self.page.get());
    }

    /// Reads the files of the rows in view and around the selection that are not read yet.
    /// True when it read any (the screen should be drawn again).
    pub fn fill_summaries(&mut self, service: &Service) -> bool {
        let page = self.page.get().max(SUMMARIES_AROUND);
        let len = self.ids.len();
        let around = self.cursor.selected.saturating_sub(SUMMARIES_AROUND)
            ..(self.cursor.selected + SUMMARIES_AROUND).min(len);
        let view = self.cursor.visible(len, page);
        let wanted: Vec<CustomerId> = view
            .chain(around)
            .filter_map(|i| self.ids.get(i).copied())
            .filter(|id| !self.summaries.contains_key(id))
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .collect();
        if wanted.is_empty() {
            return false;
        }
        if self.summaries.len() + wanted.len() > SUMMARIES_KEPT {
            self.summaries.clear();
        }
        match service.handle(crate::service::Request::Summaries(wanted.clone())) {
            Ok(crate::service::Response::Summaries(read)) => {
                self.summaries.extend(wanted.into_iter().zip(read));
                self.summary_error = None;
            }
            Ok(_) => self.summary_error = Some(t!("unexpected-answer")),
            Err(e) => self.summary_error = Some(e.to_string()),
        }
        true
    }

    /// Forgets the files read (someone changed data); the next fill reads them again.
    pub fn forget_summaries(&mut self) {
        self.summaries.clear();
    }

    pub fn next_sort(&mut self) {
        self.sort = Some(self.sort.unwrap_or(SortKey::Id).next());
        self.descending = false;
    }

    /// Draws the table; the scores fill the scoring columns once they are ready.
    pub fn render(&self, f: &mut Frame, area: Rect, cx: &RenderContext<'_>) {
        let (roster, today, theme, focused) = (cx.roster, cx.today, cx.theme, true);
        let page = area.height.saturating_sub(2) as usize;
        self.page.set(page);
        let mut lines: Vec<Line> = Vec::with_capacity(page + 2);
        let sort = match self.sort {
            Some(key) if self.descending => {
                format!(
                    " · {}",
                    t!("customers-sorted-by-reversed", key = key.label())
                )
            }
            Some(key) => format!(" · {}", t!("customers-sorted-by", key = key.label())),
            None => String::new(),
        };
        let filter = if self.filter_text.trim().is_empty() {
            String::new()
        } else {
            let filter = crate::text::sanitize(self.filter_text.trim()).into_owned();
            format!(" · {}", t!("customers-filter", filter = filter))
        };
        let count = self.position(roster.is_some());
        let scoring = if roster.is_none() {
            format!(" · {}", t!("customers-scoring"))
        } else {
            String::new()
        };
        lines.push(Line::from(Span::styled(
            crate::text::fit(
                &format!("{count}{sort}{filter}{scoring}"),
                area.width as usize,
            ),
            theme.dim(),
        )));
        // A scrollbar on the right when the list is longer than the screen.
        let scrolls = self.ids.len() > page;
        let table_width = if scrolls {
            area.width.saturating_sub(1)
        } else {
            area.width
        };
        let w = share_widths(table_width, &COLUMNS);
        lines.push(cells_line(
            &[
                (" ", w[0]),
                (ts!("col-name"), w[1]),
                (ts!("col-phone"), w[2]),
                (ts!("col-stage"), w[3]),
                (ts!("col-segment"), w[4]),
                (ts!("col-value"), w[5]),
                (ts!("col-clv"), w[6]),
                (ts!("col-alive"), w[7]),
                (ts!("col-contacted"), w[8]),
                (ts!("col-owner"), w[9]),
            ],
            theme.header(),
        ));
        let range = self.cursor.visible(self.ids.len(), page);
        let visible = &self.ids[range.clone()];
        match &self.summary_error {
            Some(e) => lines.push(Line::from(Span::styled(
                crate::text::sanitize(&t!("customers-cannot-read", error = e)).into_owned(),
                theme.error(),
            ))),
            None => {
                for (i, id) in visible.iter().enumerate() {
                    let selected = range.start + i == self.cursor.selected;
                    match self.summaries.get(id) {
                        Some(summary) => lines.push(row_line(
                            *id,
                            summary.clone(),
                            roster,
                            today,
                            &w,
                            selected,
                            focused,
                            theme,
                        )),
                        // Not read yet (the window grew this frame): the next frame has it.
                        None => lines.push(Line::styled("  …", theme.dim())),
                    }
                }
            }
        }
        if self.ids.is_empty() {
            let message = if self.filter.is_empty() {
                t!("customers-none-yet")
            } else {
                t!("customers-none-match")
            };
            lines.push(Line::from(Span::styled(message, theme.dim())));
        }
        f.render_widget(Paragraph::new(lines), area);
        let rows = Rect {
            y: area.y + 2,
            height: area.height.saturating_sub(2),
            ..area
        };
        // Before scores are ready not every id is read yet: the bar is for all of them.
        let listed = if self.more {
            self.total as usize
        } else {
            self.ids.len()
        };
        crate::tui::widgets::list_scrollbar(
            f,
            rows,
            listed.max(self.ids.len()),
            page,
            self.cursor.selected,
        );
    }

    /// Where the selection is: `row 1,204 of 300,000`, with how many there are in all when a
    /// filter narrows the list.
    fn position(&self, scored: bool) -> String {
        use crate::text::thousands;
        if self.ids.is_empty() {
            return t!("rows-none");
        }
        let row = thousands(self.cursor.selected as u64 + 1);
        if !scored && self.more {
            // Paging in by id: how many are listed so far is not yet the whole.
            return t!("rows-at", row = row, total = thousands(self.total));
        }
        let listed = self.ids.len() as u64;
        if listed == self.total {
            t!("rows-at", row = row, total = thousands(listed))
        } else {
            t!(
                "rows-at-in-all",
                row = row,
                listed = thousands(listed),
                total = thousands(self.total)
            )
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn row_line<'a>(
    id: CustomerId,
    summary: Option<CustomerSummary>,
    roster: Option<&Roster>,
    today: NaiveDate,
    w: &[usize],
    selected: bool,
    focused: bool,
    theme: Theme,
) -> Line<'a> {
    let Some(s) = summary else {
        return Line::from(Span::styled(
            format!("  {}", t!("customer-removed", id = id)),
            theme.dim(),
        ));
    };
    let row = roster.and_then(|r| r.row(id));
    let pending = if roster.is_some() { "-" } else { "…" };
    let stage = row.map_or(pending.to_string(), |r| r.stage.title().to_string());
    let segment = row
        .and_then(|r| r.rfm)
        .map_or(pending.to_string(), |r| r.segment.title().to_string());
    let value = row
        .and_then(|r| r.value_class)
        .map_or(pending.to_string(), |v| v.title().to_string());
    let lifetime = row.and_then(|r| r.lifetime);
    let (clv, alive) = match (row, lifetime) {
        (_, Some(l)) => (
            l.clv.map_or("-".to_string(), |c| {
                crate::text::thousands(c.max(0.0).round() as u64)
            }),
            format!("{:.0}%", l.p_alive * 100.0),
        ),
        (Some(_), None) => ("-".to_string(), "-".to_string()),
        (None, None) => (pending.to_string(), pending.to_string()),
    };
    let contacted = match row {
        Some(r) => r
            .last_contact
            .map_or(t!("never"), |d| relative_day_short(d, today)),
        None => pending.to_string(),
    };
    let marker = if selected { "▶" } else { " " };
    let mut name = if s.status == CustomerStatus::Active {
        s.name.clone()
    } else {
        format!("{} ({})", s.name, s.status.title())
    };
    // An opinion leader is marked where the name is.
    if row.is_some_and(|r| r.influence.is_some()) {
        name = format!("{name} {}", t!("influencer-mark"));
    }
    let style = if selected && focused {
        theme.selected()
    } else {
        Style::default()
    };
    cells_line(
        &[
            (marker, w[0]),
            (&name, w[1]),
            (s.phones.first().map_or("", String::as_str), w[2]),
            (&stage, w[3]),
            (&segment, w[4]),
            (&value, w[5]),
            (&clv, w[6]),
            (&alive, w[7]),
            (&contacted, w[8]),
            (s.owner.as_deref().unwrap_or(""), w[9]),
        ],
        style,
    )
}

impl CustomersPane {
    /// Filters with `text` (checked already), rebuilding the list when the scores are there.
    pub fn set_filter(&mut self, text: String, roster: Option<&Arc<Roster>>) -> Vec<Effect> {
        match CustomerFilter::parse(&text) {
            Ok(filter) => {
                self.filter = filter;
                self.filter_text = text;
                self.cursor = Default::default();
                match roster {
                    Some(_) => vec![Effect::ListCustomers],
                    None => vec![Effect::Error(t!("filter-waits"))],
                }
            }
            Err(e) => vec![Effect::Error(e)],
        }
    }

    /// Sorts again (after the sort key or direction changed).
    fn resort(&mut self, roster: Option<&Arc<Roster>>) -> Vec<Effect> {
        match roster {
            Some(_) => std::iter::once(Effect::ListCustomers)
                .chain(
                    self.sort
                        .map(|sort| Effect::Info(t!("sorted-by", key = sort.label()))),
                )
                .collect(),
            None => vec![Effect::Error(t!("sort-waits"))],
        }
    }

    /// Reads what the next frame shows and is not read yet: ids up to two pages past the
    /// cursor (before the scores are ready, ids are read page by page), then the files of
    /// the rows in view. True when it read any.
    pub fn fill(&mut self, service: &Service) -> bool {
        let mut read = false;
        if self.more {
            let want = self.cursor.selected + self.page.get().max(1) * 2;
            if self.ids.len() <= want {
                read = true;
                if let Err(e) = self.load_pages(service, want) {
                    self.summary_error = Some(e);
                }
                self.cursor.clamp(self.ids.len(), self.page.get());
            }
        }
        self.fill_summaries(service) || read
    }
}

impl Component for CustomersPane {
    fn draw(&self, f: &mut Frame, area: Rect, cx: &RenderContext<'_>) {
        self.render(f, area, cx);
    }

    /// Before the scores are ready the list is as long as the file's count: the ids past the
    /// cursor are read by [`CustomersPane::fill`] before the next frame.
    fn list(&mut self) -> Option<ListMut<'_>> {
        let len = if self.more {
            self.ids
                .len()
                .max(usize::try_from(self.total).unwrap_or(usize::MAX))
        } else {
            self.ids.len()
        };
        Some(ListMut {
            len,
            page: self.page.get(),
            cursor: &mut self.cursor,
        })
    }

    fn act(&mut self, action: Action, cx: &ActContext) -> Option<Vec<Effect>> {
        Some(match action {
            Action::Open => vec![match self.selected() {
                Some(id) => Effect::OpenCard(id),
                None => Effect::Error(t!("no-customer-selected")),
            }],
            Action::Sort => {
                self.next_sort();
                self.resort(cx.roster.as_ref())
            }
            Action::ReverseSort => {
                self.descending = !self.descending;
                self.resort(cx.roster.as_ref())
            }
            Action::Filter => vec![Effect::OpenForm(Box::new(Purpose::filter_form(
                Purpose::CustomerFilter,
                &self.filter_text,
                ts!("customers-filter-hint"),
            )))],
            Action::ClearFilter => self.set_filter(String::new(), cx.roster.as_ref()),
            _ => return None,
        })
    }

    fn request(&self, asker: Asker, _cx: &ActContext) -> Option<Request> {
        match asker {
            Asker::CustomerCount => Some(Request::CustomerCount),
            Asker::NewCustomers => Some(Request::CustomerIdsAfter {
                after: self.ids.iter().copied().max(),
                limit: 10_000,
            }),
            _ => None,
        }
    }

    fn answer(&mut self, asker: Asker, response: Response) -> Result<Vec<Effect>, Response> {
        match (asker, response) {
            // New files (from anyone) are listed at once, at the end, until the next
            // roster build sorts them in.
            (Asker::CustomerCount, Response::Count(total)) => {
                let grew = total != self.total;
                self.total = total;
                Ok(if grew && !self.more {
                    vec![Effect::Load(Asker::NewCustomers)]
                } else {
                    Vec::new()
                })
            }
            (Asker::NewCustomers, Response::CustomerIds(new)) => {
                let last = self.ids.iter().copied().max();
                self.ids
                    .extend(new.into_iter().filter(|id| Some(*id) > last));
                Ok(Vec::new())
            }
            (_, response) => Err(response),
        }
    }

    fn changed(&mut self, change: Change) -> Vec<Effect> {
        if change == Change::AsOf {
            return Vec::new();
        }
        self.forget_summaries();
        vec![Effect::Load(Asker::CustomerCount)]
    }

    /// The rows are listed again by the app ([`Effect::ListCustomers`] after every roster).
    fn scored(&mut self, roster: &Arc<Roster>) {
        self.total = roster.rows.len() as u64;
    }

    fn customer(&self) -> Option<CustomerId> {
        self.selected()
    }
}

#[cfg(test)]
mod tests;
