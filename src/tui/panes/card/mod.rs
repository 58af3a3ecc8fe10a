//! The customer card: the call screen on top ([`call`]: who, value, talking points, what is
//! open, what happened last), then the rest of the file: profile and soft notes in full,
//! scores, referrals, who last changed it, and one timeline of follow-ups, orders, complaints
//! and care plans, newest first.

mod call;
mod timeline;
mod words;
pub use words::{
    POINTS_SHOWN, SUGGESTIONS_SHOWN, clv_money, lifetime_words, percent, points_line_words,
    points_words, suggestion_words,
};

pub use call::days_to_birthday;
use call::{CallContext, call_lines};
use timeline::{next_order_text, timeline_line};

use crate::domain::{Complaint, ComplaintStatus, CustomerId, Millis};
use crate::scoring::{ReorderPrediction, predict_reorder};
use crate::service::{CustomerCard, CustomerKey, Roster, Service, SlaState, TimelineEntry};
use crate::service::{Request, Response};
use crate::text::sanitize;
use crate::tui::action::Action;
use crate::tui::component::{ActContext, Change, Component, Effect};
use crate::tui::jobs::Asker;
use crate::tui::theme::Theme;
use crate::tui::widgets::{local_date, local_time, relative_day};
use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};
use std::cell::Cell;

/// How many timeline entries the card reads.
const TIMELINE_LIMIT: usize = 500;
/// How many of the file's latest changes the card shows.
pub const AUDIT_SHOWN: usize = 20;
/// From this width the call screen uses two columns.
const TWO_COLUMNS: u16 = 120;

/// An open card.
#[derive(Debug)]
pub struct CardPane {
    pub id: CustomerId,
    pub card: CustomerCard,
    /// Open complaints with their SLA state when loaded.
    pub open_complaints: Vec<(Complaint, SlaState)>,
    /// The latest changes to this file (who did what), once read.
    pub audit: Option<Vec<crate::domain::AuditEntry>>,
    /// What buyers like them also buy, once the background read answers.
    pub suggestions: Option<Vec<crate::service::Suggestion>>,
    /// Their points, once the background read answers.
    pub points: Option<crate::service::PointsSummary>,
    pub scroll: usize,
    /// Lines of the last draw (to stop scrolling at the end).
    pub lines: Cell<usize>,
    pub page: Cell<usize>,
}

impl CardPane {
    pub fn load(service: &Service, id: CustomerId, now: Millis) -> Result<CardPane, String> {
        let key = CustomerKey::Internal(id);
        let request = crate::service::Request::CustomerCard {
            key,
            timeline_limit: TIMELINE_LIMIT,
        };
        let card = match service.handle(request).map_err(|e| e.to_string())? {
            crate::service::Response::CustomerCard(card) => *card,
            _ => return Err(t!("card-bug")),
        };
        let policy = service.sla_policy().map_err(|e| e.to_string())?;
        let open_complaints = card
            .timeline
            .iter()
            .filter_map(|e| match e {
                TimelineEntry::Complaint(c)
                    if !matches!(
                        c.status,
                        ComplaintStatus::Resolved | ComplaintStatus::Closed
                    ) =>
                {
                    Some(((**c).clone(), policy.state(c, now)))
                }
                _ => None,
            })
            .collect();
        Ok(CardPane {
            id: card.customer.id,
            card,
            open_complaints,
            audit: None,
            suggestions: None,
            points: None,
            scroll: 0,
            lines: Cell::new(0),
            page: Cell::new(1),
        })
    }

    /// Reloads after a change, keeping the scroll position.
    pub fn reload(&mut self, service: &Service, now: Millis) -> Result<(), String> {
        let scroll = self.scroll;
        let audit = self.audit.take();
        *self = CardPane::load(service, self.id, now)?;
        self.scroll = scroll;
        self.audit = audit;
        Ok(())
    }

    pub fn scroll_by(&mut self, action: crate::tui::action::Action) {
        use crate::tui::action::Action;
        let page = self.page.get().max(1);
        let last = self.lines.get().saturating_sub(page);
        self.scroll = match action {
            Action::Down => self.scroll + 1,
            Action::Up => self.scroll.saturating_sub(1),
            Action::PageDown => self.scroll + page,
            Action::PageUp => self.scroll.saturating_sub(page),
            Action::Top => 0,
            Action::Bottom => last,
            _ => self.scroll,
        }
        .min(last);
    }

    /// Draws the card: the call screen first, the rest of the file below it. On a wide
    /// screen the call screen takes two columns and stays while the rest scrolls; on a
    /// narrow one everything scrolls together. The footer shows `cx.keys`.
    pub fn render(&self, f: &mut Frame, area: Rect, cx: &crate::tui::component::RenderContext<'_>) {
        let (roster, today, theme, live, keys) = (cx.roster, cx.today, cx.theme, cx.live, cx.keys);
        let c = &self.card.customer;
        let title = format!(" {} · {} ", sanitize(&c.name), sanitize(&c.external_id));
        let block = Block::default()
            .borders(Borders::ALL)
            .title(Span::styled(title, theme.title()))
            .title_bottom(Span::styled(
                format!(
                    " {} ",
                    crate::text::fit(keys, area.width.saturating_sub(4) as usize).trim_end()
                ),
                theme.dim(),
            ));
        let inner = block.inner(area);
        f.render_widget(block, area);
        let order_dates = self.order_dates();
        let reorder = predict_reorder(&order_dates);
        let cx = CallContext {
            row: roster.and_then(|r| r.row(c.id)),
            today,
            theme,
            live,
            reorder: reorder.as_ref(),
            currency: cx.currency,
        };
        let details = self.lines_for(roster, today, theme, reorder.as_ref(), cx.currency);
        let (rest_area, head) = if area.width >= TWO_COLUMNS {
            let half = inner.width / 2;
            let (left, right) = call_lines(self, &cx, usize::from(half.saturating_sub(1)));
            let rows = left.len().max(right.len()) + 1;
            let [head, rest] = Layout::vertical([
                Constraint::Length(u16::try_from(rows).unwrap_or(u16::MAX)),
                Constraint::Fill(1),
            ])
            .areas(inner);
            let [l, r] =
                Layout::horizontal([Constraint::Length(half), Constraint::Fill(1)]).areas(head);
            f.render_widget(Paragraph::new(left), l);
            f.render_widget(Paragraph::new(right), r);
            (rest, Vec::new())
        } else {
            let (mut left, right) = call_lines(self, &cx, inner.width as usize);
            left.extend(right);
            (inner, left)
        };
        let head_rows = head.len();
        let mut lines = head;
        if head_rows > 0 {
            lines.push(Line::from(Span::styled(
                format!("── {} ", t!("card-file")),
                theme.title(),
            )));
        }
        lines.extend(details);
        let paragraph = Paragraph::new(lines).wrap(Wrap { trim: false });
        // Lines as drawn (long ones wrap), so the end of the timeline can be scrolled to.
        let drawn = paragraph.line_count(rest_area.width);
        self.lines.set(drawn);
        self.page.set(rest_area.height as usize);
        let scroll = self
            .scroll
            .min(drawn.saturating_sub(rest_area.height as usize));
        f.render_widget(
            paragraph.scroll((u16::try_from(scroll).unwrap_or(u16::MAX), 0)),
            rest_area,
        );
    }

    pub(crate) fn order_dates(&self) -> Vec<NaiveDate> {
        let mut dates: Vec<NaiveDate> = self
            .card
            .timeline
            .iter()
            .filter_map(|e| match e {
                TimelineEntry::Order(o) => local_date(o.ordered_at),
                _ => None,
            })
            .collect();
        dates.sort();
        dates
    }

    /// The file below the call screen, in full.
    fn lines_for(
        &self,
        roster: Option<&Roster>,
        today: NaiveDate,
        theme: Theme,
        reorder: Option<&ReorderPrediction>,
        currency: &str,
    ) -> Vec<Line<'static>> {
        let card = &self.card;
        let c = &card.customer;
        let mut out: Vec<Line<'static>> = Vec::new();
        let field = |label: &str, value: String| -> Line<'static> {
            Line::from(vec![
                Span::styled(crate::text::fit(label, 12), theme.header()),
                Span::raw(sanitize(&value).into_owned()),
            ])
        };
        let section = |title: &str| Line::from(Span::styled(format!("── {title} "), theme.title()));
        out.push(field(
            ts!("card-status"),
            match &c.churn_reason {
                Some(reason) => format!("{} ({reason})", c.status.title()),
                None => c.status.title().to_owned(),
            },
        ));
        if let Some(i) = &card.influence {
            out.push(field(ts!("card-influence"), influence_words(i)));
        }
        if !c.phones.is_empty() {
            out.push(field(ts!("card-phone"), c.phones.join(", ")));
        }
        for (label, value) in [
            (ts!("card-email"), &c.email),
            (ts!("card-company"), &c.company),
            (ts!("card-city"), &c.city),
            (ts!("card-address"), &c.address),
            (ts!("card-owner"), &c.owner),
        ] {
            if let Some(v) = value {
                out.push(field(label, v.clone()));
            }
        }
        if let Some(b) = c.birthday {
            out.push(field(
                ts!("card-birthday"),
                b.format("%Y-%m-%d").to_string(),
            ));
        }
        if let Some(channel) = c.preferred_channel {
            out.push(field(ts!("card-prefers"), channel.title().to_owned()));
        }
        if !c.tags.is_empty() {
            out.push(field(ts!("card-tags"), c.tags.join(", ")));
        }
        if !(c.personality.is_empty() && c.interests.is_empty() && c.habits.is_empty()) {
            out.push(section(ts!("card-soft-notes")));
            for (label, value) in [
                (ts!("card-personality"), &c.personality),
                (ts!("card-interests"), &c.interests),
                (ts!("card-habits"), &c.habits),
            ] {
                // A note of several lines keeps them, each under the label's column.
                for (i, line) in value.lines().filter(|l| !l.trim().is_empty()).enumerate() {
                    out.push(field(if i == 0 { label } else { "" }, line.to_owned()));
                }
            }
        }
        out.push(section(ts!("card-value")));
        let row = roster.and_then(|r| r.row(c.id));
        match row {
            Some(row) => {
                match row.rfm {
                    Some(rfm) => out.push(field(
                        ts!("card-rfm"),
                        t!(
                            "card-rfm-line",
                            r = rfm.r,
                            f = rfm.f,
                            m = rfm.m,
                            segment = rfm.segment.title(),
                            days = rfm.recency_days
                        ),
                    )),
                    None => out.push(field(ts!("card-rfm"), t!("card-not-scored"))),
                }
                out.push(field(
                    ts!("card-stage"),
                    format!(
                        "{}{}",
                        row.stage.title(),
                        row.value_class
                            .map(|v| format!(" · {}", t!("card-value-class", class = v.title())))
                            .unwrap_or_default()
                    ),
                ));
                if let Some(roster) = roster {
                    // What the value class rests on: the margin against the cost of serving.
                    let params = roster.params();
                    let revenue = row.rfm.map_or(row.total, |rfm| rfm.monetary);
                    out.push(field(
                        ts!("card-margin-cost"),
                        t!(
                            "card-margin-cost-line",
                            margin = crate::i18n::format::money(
                                crate::scoring::margin(revenue, params),
                                currency
                            ),
                            cost = crate::i18n::format::money(
                                crate::scoring::service_cost(&row.facts(), params),
                                currency
                            ),
                            complaints = row.complaints,
                            contacts = row.followups
                        ),
                    ));
                }
                if let Some(l) = row.lifetime {
                    out.push(field(ts!("card-lifetime"), lifetime_words(&l, currency)));
                }
                match &self.points {
                    None => out.push(field(ts!("card-points"), t!("card-points-wait"))),
                    Some(p) => {
                        out.push(field(ts!("card-points"), points_words(p)));
                        for line in &p.last {
                            out.push(field("", points_line_words(line)));
                        }
                    }
                }
                match &self.suggestions {
                    None => out.push(field(ts!("card-suggest"), t!("card-suggest-wait"))),
                    Some(s) if s.is_empty() => {}
                    Some(s) => out.push(field(ts!("card-suggest"), suggestion_words(s))),
                }
            }
            None => out.push(field(ts!("card-rfm"), t!("card-scoring"))),
        }
        let agg = &card.aggregate;
        out.push(field(
            ts!("card-orders"),
            if agg.order_count == 0 {
                t!("card-orders-none")
            } else {
                t!(
                    "card-orders-line",
                    orders = t!("count-orders", n = agg.order_count),
                    total = crate::i18n::format::money(agg.total, currency),
                    last = local_date(agg.last_order_at)
                        .map_or("?".into(), |d| relative_day(d, today))
                )
            },
        ));
        if let Some(p) = reorder {
            let (text, overdue) = next_order_text(p, today);
            let mut line = field(ts!("card-next-order"), text);
            if overdue {
                line = line.patch_style(theme.breached());
            }
            out.push(line);
        }
        if card.referred_by.is_some() || !card.referrals.is_empty() {
            out.push(section(ts!("card-referrals")));
            if let Some(r) = &card.referred_by {
                out.push(field(
                    ts!("card-referred-by"),
                    format!("{} ({})", r.name, r.external_id),
                ));
            }
            if !card.referrals.is_empty() {
                let names: Vec<String> = card
                    .referrals
                    .iter()
                    .map(|r| format!("{} ({})", r.name, r.external_id))
                    .collect();
                out.push(field(
                    ts!("card-referred"),
                    format!("{}: {}", card.referrals.len(), names.join(", ")),
                ));
            }
        }
        if let Some(change) = &card.last_change {
            out.push(field(
                ts!("card-last-change"),
                t!(
                    "card-last-change-line",
                    at = local_time(change.at),
                    staff = &change.staff,
                    user = &change.os_user,
                    action = change.action_title()
                ),
            ));
        }
        if !card.merged_ids.is_empty() {
            out.push(field(ts!("card-merged-ids"), card.merged_ids.join(", ")));
        }
        if let Some(audit) = &self.audit
            && !audit.is_empty()
        {
            out.push(section(ts!("card-changes")));
            for entry in audit {
                out.push(Line::from(Span::styled(
                    sanitize(&crate::tui::widgets::audit_line(entry)).into_owned(),
                    theme.dim(),
                )));
            }
        }
        out.push(section(ts!("card-timeline")));
        if card.timeline.is_empty() {
            out.push(Line::from(Span::styled(
                t!("card-nothing-yet"),
                theme.dim(),
            )));
        }
        for entry in &card.timeline {
            out.push(timeline_line(entry, theme));
        }
        out
    }
}

impl Component for CardPane {
    fn draw(&self, f: &mut Frame, area: Rect, cx: &crate::tui::component::RenderContext<'_>) {
        self.render(f, area, cx);
    }

    fn act(&mut self, action: Action, _cx: &ActContext) -> Option<Vec<Effect>> {
        Some(match action {
            Action::Down
            | Action::Up
            | Action::Top
            | Action::Bottom
            | Action::PageDown
            | Action::PageUp => {
                self.scroll_by(action);
                Vec::new()
            }
            Action::Open => Vec::new(),
            Action::Back => vec![Effect::CloseCard],
            _ => return None,
        })
    }

    fn request(&self, asker: Asker, _cx: &ActContext) -> Option<Request> {
        match asker {
            Asker::CardAudit => Some(Request::Audit(crate::service::AuditFilter {
                customer: Some(CustomerKey::Internal(self.id)),
                limit: AUDIT_SHOWN,
                ..Default::default()
            })),
            Asker::Suggestions => Some(Request::Suggestions {
                customer: self.id,
                limit: SUGGESTIONS_SHOWN,
            }),
            Asker::Points => Some(Request::PointsSummary {
                customer: self.id,
                last: POINTS_SHOWN,
            }),
            _ => None,
        }
    }

    fn answer(&mut self, asker: Asker, response: Response) -> Result<Vec<Effect>, Response> {
        match (asker, response) {
            (Asker::CardAudit, Response::Audit(entries)) => {
                self.audit = Some(entries);
                Ok(Vec::new())
            }
            // An answer for the card closed before it came is dropped (the app drops what no
            // component takes).
            (Asker::Suggestions, Response::Suggestions { customer, found }) => {
                if customer != self.id {
                    return Err(Response::Suggestions { customer, found });
                }
                self.suggestions = Some(found);
                Ok(Vec::new())
            }
            (Asker::Points, Response::Points(summary)) => {
                if summary.customer_id != self.card.customer.external_id {
                    return Err(Response::Points(summary));
                }
                self.points = Some(*summary);
                Ok(Vec::new())
            }
            (_, response) => Err(response),
        }
    }

    fn changed(&mut self, change: Change) -> Vec<Effect> {
        match change {
            Change::AsOf => Vec::new(),
            Change::Committed | Change::Rescoring => vec![
                Effect::Load(Asker::CardAudit),
                Effect::Load(Asker::Suggestions),
                Effect::Load(Asker::Points),
            ],
        }
    }

    fn customer(&self) -> Option<CustomerId> {
        Some(self.id)
    }

    fn hints(&self) -> Vec<(Action, &'static str)> {
        vec![
            (Action::Back, ts!("hint-back")),
            (Action::LogCall, ts!("hint-log-call")),
            (Action::LogFollowUp, ts!("hint-follow-up")),
            (Action::OpenComplaint, ts!("hint-complaint")),
            (Action::AddCarePlan, ts!("hint-care-plan")),
            (Action::EditCustomer, ts!("hint-edit")),
            (Action::Down, ts!("hint-scroll")),
        ]
    }
}

/// `teacher · runs the parents' group` (the kind's title, then the note if any).
pub fn influence_words(i: &crate::domain::Influence) -> String {
    if i.note.is_empty() {
        i.kind.title().to_string()
    } else {
        format!("{} · {}", i.kind.title(), i.note)
    }
}
