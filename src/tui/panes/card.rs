//! The customer card: profile and soft notes, scores, referrals, next expected order, open
//! complaints with their SLA time left, who last changed the file, and one timeline of
//! follow-ups, orders, complaints and care plans, newest first.

use crate::domain::{Complaint, ComplaintStatus, CustomerId, Millis, PlanStatus};
use crate::scoring::{ReorderPrediction, predict_reorder};
use crate::service::{CustomerCard, CustomerKey, Roster, Service, SlaState, TimelineEntry};
use crate::text::sanitize;
use crate::tui::theme::Theme;
use crate::tui::widgets::{local_date, local_time, relative_day, sla_text};
use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};
use std::cell::Cell;

/// How many timeline entries the card reads.
const TIMELINE_LIMIT: usize = 500;

/// An open card.
#[derive(Debug)]
pub struct CardPane {
    pub id: CustomerId,
    pub card: CustomerCard,
    /// Open complaints with their SLA state when loaded.
    pub open_complaints: Vec<(Complaint, SlaState)>,
    pub scroll: usize,
    /// Lines of the last draw (to stop scrolling at the end).
    pub lines: Cell<usize>,
    pub page: Cell<usize>,
}

impl CardPane {
    pub fn load(service: &Service, id: CustomerId, now: Millis) -> Result<CardPane, String> {
        let key = CustomerKey::Internal(id);
        let card = service
            .customer_card(&key, TIMELINE_LIMIT)
            .map_err(|e| e.to_string())?;
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
            scroll: 0,
            lines: Cell::new(0),
            page: Cell::new(1),
        })
    }

    /// Reloads after a change, keeping the scroll position.
    pub fn reload(&mut self, service: &Service, now: Millis) -> Result<(), String> {
        let scroll = self.scroll;
        *self = CardPane::load(service, self.id, now)?;
        self.scroll = scroll;
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

    pub fn render(
        &self,
        f: &mut Frame,
        area: Rect,
        roster: Option<&Roster>,
        today: NaiveDate,
        theme: Theme,
        live: &crate::tui::panes::complaints::LiveSla<'_>,
    ) {
        let c = &self.card.customer;
        let title = format!(" {} · {} ", sanitize(&c.name), sanitize(&c.external_id));
        let block = Block::default()
            .borders(Borders::ALL)
            .title(Span::styled(title, theme.title()))
            .title_bottom(Span::styled(
                " Esc back · j/k scroll · f follow-up · c complaint · p care plan · e edit ",
                theme.dim(),
            ));
        let inner = block.inner(area);
        f.render_widget(block, area);
        let paragraph =
            Paragraph::new(self.lines_for(roster, today, theme, live)).wrap(Wrap { trim: false });
        // Lines as drawn (long ones wrap), so the end of the timeline can be scrolled to.
        let drawn = paragraph.line_count(inner.width);
        self.lines.set(drawn);
        self.page.set(inner.height as usize);
        let scroll = self.scroll.min(drawn.saturating_sub(inner.height as usize));
        f.render_widget(
            paragraph.scroll((u16::try_from(scroll).unwrap_or(u16::MAX), 0)),
            inner,
        );
    }

    fn lines_for(
        &self,
        roster: Option<&Roster>,
        today: NaiveDate,
        theme: Theme,
        live: &crate::tui::panes::complaints::LiveSla<'_>,
    ) -> Vec<Line<'static>> {
        let card = &self.card;
        let c = &card.customer;
        let mut out: Vec<Line<'static>> = Vec::new();
        let field = |label: &str, value: String| -> Line<'static> {
            Line::from(vec![
                Span::styled(format!("{label:<12}"), theme.header()),
                Span::raw(sanitize(&value).into_owned()),
            ])
        };
        let section = |title: &str| Line::from(Span::styled(format!("── {title} "), theme.title()));
        out.push(field(
            "Status",
            match &c.churn_reason {
                Some(reason) => format!("{} ({reason})", c.status),
                None => c.status.to_string(),
            },
        ));
        if !c.phones.is_empty() {
            out.push(field("Phone", c.phones.join(", ")));
        }
        for (label, value) in [
            ("Email", &c.email),
            ("Company", &c.company),
            ("City", &c.city),
            ("Address", &c.address),
            ("Owner", &c.owner),
        ] {
            if let Some(v) = value {
                out.push(field(label, v.clone()));
            }
        }
        if let Some(b) = c.birthday {
            out.push(field("Birthday", b.format("%Y-%m-%d").to_string()));
        }
        if let Some(channel) = c.preferred_channel {
            out.push(field("Prefers", channel.to_string()));
        }
        if !c.tags.is_empty() {
            out.push(field("Tags", c.tags.join(", ")));
        }
        if !(c.personality.is_empty() && c.interests.is_empty() && c.habits.is_empty()) {
            out.push(section("Soft notes"));
            for (label, value) in [
                ("Personality", &c.personality),
                ("Interests", &c.interests),
                ("Habits", &c.habits),
            ] {
                if !value.is_empty() {
                    out.push(field(label, value.clone()));
                }
            }
        }
        out.push(section("Value"));
        let row = roster.and_then(|r| r.row(c.id));
        match row {
            Some(row) => {
                match row.rfm {
                    Some(rfm) => out.push(field(
                        "RFM",
                        format!(
                            "R{} F{} M{} · {} · {} days since the last order",
                            rfm.r,
                            rfm.f,
                            rfm.m,
                            rfm.segment.title(),
                            rfm.recency_days
                        ),
                    )),
                    None => out.push(field("RFM", "not scored (no order yet)".into())),
                }
                out.push(field(
                    "Stage",
                    format!(
                        "{}{}",
                        row.stage.title(),
                        row.value_class
                            .map(|v| format!(" · value class {v}"))
                            .unwrap_or_default()
                    ),
                ));
            }
            None => out.push(field("RFM", "scoring…".into())),
        }
        let agg = &card.aggregate;
        out.push(field(
            "Orders",
            if agg.order_count == 0 {
                "none yet".into()
            } else {
                format!(
                    "{} orders, {} in total, last {}",
                    agg.order_count,
                    agg.total,
                    local_date(agg.last_order_at).map_or("?".into(), |d| relative_day(d, today))
                )
            },
        ));
        let mut order_dates: Vec<NaiveDate> = card
            .timeline
            .iter()
            .filter_map(|e| match e {
                TimelineEntry::Order(o) => local_date(o.ordered_at),
                _ => None,
            })
            .collect();
        order_dates.sort();
        if let Some(p) = predict_reorder(&order_dates) {
            let (text, overdue) = next_order_text(&p, today);
            let mut line = field("Next order", text);
            if overdue {
                line = line.patch_style(theme.breached());
            }
            out.push(line);
        }
        if card.referred_by.is_some() || !card.referrals.is_empty() {
            out.push(section("Referrals"));
            if let Some(r) = &card.referred_by {
                out.push(field(
                    "Referred by",
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
                    "Referred",
                    format!("{}: {}", card.referrals.len(), names.join(", ")),
                ));
            }
        }
        if !self.open_complaints.is_empty() {
            out.push(section("Open complaints"));
            for (complaint, sla) in &self.open_complaints {
                let (sla_words, style) = sla_text(&live(complaint, sla), theme);
                out.push(Line::from(vec![
                    Span::raw(format!(
                        "{} {} {} {} · ",
                        sanitize(&complaint.id),
                        complaint.severity.title(),
                        complaint.status.title(),
                        sanitize(&complaint.category)
                    )),
                    Span::styled(sla_words, style),
                ]));
            }
        }
        if let Some(change) = &card.last_change {
            out.push(field(
                "Last change",
                format!(
                    "{} by {} ({}) · {}",
                    local_time(change.at),
                    change.staff,
                    change.os_user,
                    change.action
                ),
            ));
        }
        if !card.merged_ids.is_empty() {
            out.push(field("Merged ids", card.merged_ids.join(", ")));
        }
        out.push(section("Timeline"));
        if card.timeline.is_empty() {
            out.push(Line::from(Span::styled("nothing yet", theme.dim())));
        }
        for entry in &card.timeline {
            out.push(timeline_line(entry, theme));
        }
        out
    }
}

/// `expected 2026-12-10 (in 19d; every ~39 days)`, or once that date has passed
/// `expected 2026-01-27, overdue by 298 days (every ~28 days)`; and whether it is overdue.
fn next_order_text(p: &ReorderPrediction, today: NaiveDate) -> (String, bool) {
    let days = (p.next_expected - today).num_days();
    let every = p.median_gap_days;
    match days {
        d if d < 0 => (
            format!(
                "expected {}, overdue by {} day{} (every ~{every} days)",
                p.next_expected,
                -d,
                if d == -1 { "" } else { "s" }
            ),
            true,
        ),
        // Far ahead `relative_day` falls back to the date itself: say the distance instead.
        d if d > 99 => (
            format!(
                "expected {} (in {d}d; every ~{every} days)",
                p.next_expected
            ),
            false,
        ),
        _ => (
            format!(
                "expected {} ({}; every ~{every} days)",
                p.next_expected,
                relative_day(p.next_expected, today)
            ),
            false,
        ),
    }
}

fn timeline_line(entry: &TimelineEntry, theme: Theme) -> Line<'static> {
    let (kind, text, style) = match entry {
        TimelineEntry::Order(o) => (
            "order",
            format!(
                "{} {}{}",
                o.order_id,
                o.amount,
                o.items
                    .as_deref()
                    .map(|i| format!(" · {i}"))
                    .unwrap_or_default()
            ),
            Style::default(),
        ),
        TimelineEntry::FollowUp(f) => (
            "contact",
            format!(
                "{} {} {} by {}: {}{}{}",
                f.channel.title(),
                f.direction.title(),
                f.kind.title(),
                f.staff,
                f.summary,
                if f.outcome.is_empty() {
                    String::new()
                } else {
                    format!(" → {}", f.outcome)
                },
                f.satisfaction
                    .map(|s| format!(" (satisfaction {s}/5)"))
                    .unwrap_or_default()
            ),
            Style::default(),
        ),
        TimelineEntry::CarePlan(p) => (
            "care plan",
            format!(
                "{} due {} [{}]{}",
                p.purpose.title(),
                p.due,
                p.status.title(),
                if p.note.is_empty() {
                    String::new()
                } else {
                    format!(": {}", p.note)
                }
            ),
            if p.status == PlanStatus::Open {
                theme.due_soon()
            } else {
                theme.dim()
            },
        ),
        TimelineEntry::Complaint(c) => (
            "complaint",
            format!(
                "{} {} [{}] {}: {}",
                c.id,
                c.severity.title(),
                c.status.title(),
                c.category,
                c.description
            ),
            if matches!(
                c.status,
                ComplaintStatus::Resolved | ComplaintStatus::Closed
            ) {
                Style::default()
            } else {
                theme.breached()
            },
        ),
    };
    // A care plan is due on a calendar date, at a wall-clock time only if it has one; its
    // sort time (the date's midnight UTC) is no moment to show.
    let stamp = match entry {
        TimelineEntry::CarePlan(p) => format!(
            "{} {:<5}",
            p.due.format("%Y-%m-%d"),
            p.due_time
                .map(|t| t.format("%H:%M").to_string())
                .unwrap_or_default()
        ),
        _ => local_time(entry.at()),
    };
    Line::from(vec![
        Span::styled(format!("{stamp}  "), theme.dim()),
        Span::styled(format!("{kind:<10}"), style),
        Span::raw(sanitize(&text).into_owned()),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn prediction(next_expected: NaiveDate, median_gap_days: i64) -> ReorderPrediction {
        ReorderPrediction {
            last_order: next_expected - chrono::Duration::days(median_gap_days),
            median_gap_days,
            next_expected,
        }
    }

    #[test]
    fn a_reorder_date_in_the_past_is_overdue_and_not_repeated() {
        let today = d(2026, 11, 21);
        let (text, overdue) = next_order_text(&prediction(d(2026, 1, 27), 28), today);
        assert_eq!(
            text,
            "expected 2026-01-27, overdue by 298 days (every ~28 days)"
        );
        assert!(overdue);
        let (text, overdue) = next_order_text(&prediction(d(2026, 11, 20), 28), today);
        assert_eq!(
            text,
            "expected 2026-11-20, overdue by 1 day (every ~28 days)"
        );
        assert!(overdue);
        // Ahead: as before; far ahead: the distance, not the date twice.
        let (text, overdue) = next_order_text(&prediction(d(2026, 12, 10), 39), today);
        assert_eq!(text, "expected 2026-12-10 (in 19d; every ~39 days)");
        assert!(!overdue);
        let (text, _) = next_order_text(&prediction(d(2027, 6, 1), 300), today);
        assert_eq!(text, "expected 2027-06-01 (in 192d; every ~300 days)");
        let (text, _) = next_order_text(&prediction(today, 30), today);
        assert_eq!(text, "expected 2026-11-21 (today; every ~30 days)");
    }
}
