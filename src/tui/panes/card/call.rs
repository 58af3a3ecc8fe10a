//! The call screen: the top of the card, which answers "who is this and what do they need"
//! on one 80x24 screen, whatever the file holds: who (name, phones, company, owner), one value
//! line, talking points, the open complaints with SLA left, the latest contacts, the next care
//! plan and the soft notes, each cut to one row so nothing pushes the rest off the screen.

use super::CardPane;
use crate::domain::{Complaint, PlanStatus};
use crate::scoring::{ReorderPrediction, Segment, ValueClass};
use crate::service::{RosterRow, SlaState, TimelineEntry};
use crate::text;
use crate::tui::panes::complaints::LiveSla;
use crate::tui::theme::Theme;
use crate::tui::widgets::{local_date, relative_day, relative_day_short, sla_text};
use chrono::{Datelike, NaiveDate};
use ratatui::style::Style;
use ratatui::text::{Line, Span};

/// Open complaints and latest contacts shown; the rest are counted.
const SHOWN: usize = 3;
/// A birthday this close is a talking point.
const BIRTHDAY_DAYS: i64 = 14;
/// A reorder expected within this many days (or overdue) is a talking point.
const REORDER_DAYS: i64 = 7;
/// A high-value customer not contacted for this long is going quiet.
const QUIET_DAYS: i64 = 60;
/// The label column.
const LABEL: usize = 8;

/// What the call screen needs beyond the card itself.
pub struct CallContext<'a> {
    pub row: Option<&'a RosterRow>,
    pub today: NaiveDate,
    pub theme: Theme,
    pub live: &'a LiveSla<'a>,
    pub reorder: Option<&'a ReorderPrediction>,
    /// The team's currency symbol before amounts (`currency` setting; may be empty).
    pub currency: &'a str,
}

/// The call screen as two groups of rows: who they are and what they are worth (left), and
/// what is open and what happened last (right). On a narrow screen the right group follows
/// the left. Every row fits `width` cells.
pub fn call_lines(
    card: &CardPane,
    cx: &CallContext<'_>,
    width: usize,
) -> (Vec<Line<'static>>, Vec<Line<'static>>) {
    let c = &card.card.customer;
    let theme = cx.theme;
    let mut left = Vec::new();
    let who = [
        Some(c.name.clone()),
        Some(c.external_id.clone()),
        (c.status != crate::domain::CustomerStatus::Active).then(|| match &c.churn_reason {
            Some(reason) => format!("{} ({reason})", c.status.title()),
            None => c.status.title().to_owned(),
        }),
        // An opinion leader: said at once, with the kind (the note is on the card).
        card.card
            .influence
            .as_ref()
            .map(|i| format!("{} {}", t!("influencer-mark"), i.kind.title())),
    ];
    left.push(row(
        ts!("call-who"),
        &joined(&who),
        theme.title(),
        width,
        theme,
    ));
    let reach = [
        (!c.phones.is_empty()).then(|| c.phones.join(", ")),
        c.company.clone(),
        c.owner.as_ref().map(|o| t!("call-owner", owner = o)),
        c.city.clone(),
    ];
    if reach.iter().any(Option::is_some) {
        left.push(row(
            ts!("call-phone"),
            &joined(&reach),
            Style::default(),
            width,
            theme,
        ));
    }
    left.extend(packed(
        ts!("call-value"),
        &value_parts(card, cx),
        Style::default(),
        width,
        theme,
    ));
    let points = talking_points(card, cx);
    if !points.is_empty() {
        left.extend(packed(
            ts!("call-talk"),
            &points,
            theme.due_soon(),
            width,
            theme,
        ));
    }
    for (label, note) in [
        (ts!("call-person"), &c.personality),
        (ts!("call-likes"), &c.interests),
        (ts!("call-habits"), &c.habits),
    ] {
        if !note.trim().is_empty() {
            left.push(row(label, &one_line(note), Style::default(), width, theme));
        }
    }

    let mut right = Vec::new();
    // The most pressing first: past their SLA, then the nearest deadline.
    let mut open: Vec<(&Complaint, SlaState)> = card
        .open_complaints
        .iter()
        .map(|(c, sla)| (c, (cx.live)(c, sla)))
        .collect();
    open.sort_by_key(|(_, sla)| (!sla.breached(), sla.time_left_ms.unwrap_or(i64::MAX)));
    if open.is_empty() {
        right.push(row(
            ts!("call-open"),
            &t!("call-no-open"),
            theme.dim(),
            width,
            theme,
        ));
    }
    for (i, (complaint, sla)) in open.iter().take(SHOWN).enumerate() {
        let label = if i == 0 { ts!("call-open") } else { "" };
        right.push(complaint_row(label, complaint, sla, theme, width));
    }
    if open.len() > SHOWN {
        let more = t!("call-more", n = open.len() - SHOWN);
        right.push(row("", &more, theme.dim(), width, theme));
    }
    let contacts: Vec<_> = card
        .card
        .timeline
        .iter()
        .filter_map(|e| match e {
            TimelineEntry::FollowUp(f) => Some(f),
            _ => None,
        })
        .take(SHOWN)
        .collect();
    if contacts.is_empty() {
        right.push(row(
            ts!("call-last"),
            &t!("call-no-contact"),
            theme.dim(),
            width,
            theme,
        ));
    }
    for (i, f) in contacts.iter().enumerate() {
        let date = local_date(f.at).map_or_else(|| "?".into(), |d| d.to_string());
        let line = t!(
            "call-contact-line",
            date = date,
            channel = f.channel.title(),
            direction = f.direction.title(),
            staff = &f.staff,
            summary = one_line(&f.summary)
        );
        let label = if i == 0 { ts!("call-last") } else { "" };
        right.push(row(label, &line, Style::default(), width, theme));
    }
    let next_plan = card
        .card
        .timeline
        .iter()
        .filter_map(|e| match e {
            TimelineEntry::CarePlan(p) if p.status == PlanStatus::Open => Some(p),
            _ => None,
        })
        .min_by_key(|p| (p.due, p.due_time));
    match next_plan {
        Some(p) => {
            let time = p
                .due_time
                .map(|t| format!(" {}", t.format("%H:%M")))
                .unwrap_or_default();
            let note = if p.note.is_empty() {
                String::new()
            } else {
                format!(": {}", one_line(&p.note))
            };
            let text = format!(
                "{} {}{time} ({}){note}",
                p.purpose.title(),
                p.due,
                relative_day(p.due, cx.today)
            );
            let style = if p.due < cx.today {
                theme.breached()
            } else {
                Style::default()
            };
            right.push(row(ts!("call-next"), &text, style, width, theme));
        }
        None => right.push(row(
            ts!("call-next"),
            &t!("call-no-plan"),
            theme.dim(),
            width,
            theme,
        )),
    }
    (left, right)
}

/// `Loyal R4 F3 M5`, `repeat`, `MVC`, `2133.00 in 12 orders`, `last 19d ago`,
/// `next ~2026-12-10`.
fn value_parts(card: &CardPane, cx: &CallContext<'_>) -> Vec<String> {
    let agg = &card.card.aggregate;
    let mut parts = Vec::new();
    match cx.row {
        Some(row) => {
            match row.rfm {
                Some(rfm) => parts.push(format!(
                    "{} R{} F{} M{}",
                    rfm.segment.title(),
                    rfm.r,
                    rfm.f,
                    rfm.m
                )),
                None => parts.push(t!("call-not-scored")),
            }
            parts.push(row.stage.title().to_owned());
            if let Some(class) = row.value_class {
                parts.push(class.title().to_owned());
            }
            if let Some(p) = &card.points {
                parts.push(t!(
                    "call-points",
                    balance = crate::text::thousands_signed(p.balance),
                    tier = crate::service::tier_title(p.tier.as_deref())
                ));
            }
            if let Some(l) = row.lifetime {
                let alive = super::percent(l.p_alive);
                parts.push(if l.slipping() {
                    t!("call-alive-slipping", alive = alive)
                } else {
                    t!("call-alive", alive = alive)
                });
                if let Some(clv) = l.clv {
                    parts.push(t!(
                        "call-clv",
                        clv = crate::i18n::format::money(super::clv_money(clv), cx.currency)
                    ));
                }
            }
        }
        None => parts.push(t!("call-scoring")),
    }
    if agg.order_count == 0 {
        parts.push(t!("call-no-order"));
    } else {
        parts.push(t!(
            "call-spent-in",
            total = crate::i18n::format::money(agg.total, cx.currency),
            orders = t!("count-orders", n = agg.order_count)
        ));
        if let Some(last) = local_date(agg.last_order_at) {
            parts.push(t!(
                "call-last-order",
                when = relative_day_short(last, cx.today)
            ));
        }
    }
    if let Some(p) = cx.reorder {
        parts.push(t!("call-next-order", date = p.next_expected.to_string()));
    }
    if let Some(l) = cx.row.and_then(|r| r.lifetime) {
        parts.push(t!(
            "call-next-purchases",
            n = format!("{:.1}", l.next_purchases),
            days = crate::service::NEXT_DAYS
        ));
    }
    parts
}

/// What to bring up on this call, most pressing first.
fn talking_points(card: &CardPane, cx: &CallContext<'_>) -> Vec<String> {
    let c = &card.card.customer;
    let mut points = Vec::new();
    for (complaint, sla) in &card.open_complaints {
        if (cx.live)(complaint, sla).breached() {
            points.push(t!("talk-past-sla", id = &complaint.id));
            break;
        }
    }
    if let Some(days) = c.birthday.and_then(|b| days_to_birthday(b, cx.today))
        && days <= BIRTHDAY_DAYS
    {
        points.push(match days {
            0 => t!("talk-birthday-today"),
            1 => t!("talk-birthday-tomorrow"),
            d => t!("talk-birthday-in", days = d),
        });
    }
    if let Some(p) = cx.reorder {
        let days = (p.next_expected - cx.today).num_days();
        if days < 0 {
            points.push(t!(
                "talk-reorder-overdue",
                days = t!("count-days", n = -days)
            ));
        } else if days <= REORDER_DAYS {
            points.push(t!(
                "talk-reorder-due",
                when = relative_day(p.next_expected, cx.today)
            ));
        }
    }
    if let Some(row) = cx.row {
        let segment = row.rfm.map(|r| r.segment);
        if matches!(segment, Some(Segment::AtRisk | Segment::CantLoseThem)) {
            points.push(t!(
                "talk-at-risk",
                segment = segment.map_or("", |s| s.title())
            ));
        }
        let valuable = matches!(row.value_class, Some(ValueClass::Mvc | ValueClass::Mgc));
        let quiet_for = row
            .last_contact
            .map(|d| (cx.today - d).num_days())
            .unwrap_or(i64::MAX);
        if valuable && quiet_for > QUIET_DAYS {
            points.push(if quiet_for == i64::MAX {
                t!("talk-never-contacted")
            } else {
                t!("talk-quiet-for", days = quiet_for)
            });
        }
    }
    if let Some(p) = card.points.as_ref().filter(|p| p.expiring_soon > 0) {
        points.push(t!(
            "talk-points-expiring",
            points = p.expiring_soon,
            days = crate::service::EXPIRING_DAYS
        ));
    }
    // The best thing to offer, last: the card lists the others.
    if let Some(s) = card.suggestions.as_ref().and_then(|s| s.first()) {
        points.push(t!(
            "talk-suggest",
            thing = s.thing.as_str(),
            because = s.because.as_str()
        ));
    }
    points
}

/// Days from `today` to the next birthday (0 = today); 29 February falls on 1 March in other
/// years.
pub fn days_to_birthday(birthday: NaiveDate, today: NaiveDate) -> Option<i64> {
    let on = |year: i32| {
        NaiveDate::from_ymd_opt(year, birthday.month(), birthday.day())
            .or_else(|| NaiveDate::from_ymd_opt(year, 3, 1))
    };
    let this_year = on(today.year())?;
    let next = if this_year >= today {
        this_year
    } else {
        on(today.year() + 1)?
    };
    Some((next - today).num_days())
}

/// A complaint with its SLA state now.
fn complaint_row(
    label: &str,
    complaint: &Complaint,
    sla: &SlaState,
    theme: Theme,
    width: usize,
) -> Line<'static> {
    let (sla_words, style) = sla_text(sla, theme);
    // Routed: the owner sees which team has it.
    let team = complaint
        .team
        .as_deref()
        .map(|t| format!(" → {}", one_line(&crate::domain::team_title(t))))
        .unwrap_or_default();
    let what = format!(
        "{} {} {}{team} {}: {}",
        complaint.id,
        complaint.severity.title(),
        complaint.status.title(),
        one_line(&complaint.category),
        one_line(&complaint.description)
    );
    // The SLA words stay whole; the description gives way.
    let room = width.saturating_sub(LABEL + text::width(&sla_words) + 3);
    Line::from(vec![
        Span::styled(text::fit(label, LABEL), theme.header()),
        Span::styled(sla_words, style),
        Span::raw(" · "),
        Span::raw(text::fit(&what, room).trim_end().to_owned()),
    ])
}

/// `parts` joined by ` · ` on one row, or on two when they do not fit (the second cut with
/// `…` if even that is not enough); a part never breaks across the rows.
fn packed(
    label: &str,
    parts: &[String],
    style: Style,
    width: usize,
    theme: Theme,
) -> Vec<Line<'static>> {
    let room = width.saturating_sub(LABEL);
    let all = parts.join(" · ");
    if text::width(&all) <= room {
        return vec![row(label, &all, style, width, theme)];
    }
    let mut first = String::new();
    let mut rest = Vec::new();
    for part in parts {
        let candidate = if first.is_empty() {
            part.clone()
        } else {
            format!("{first} · {part}")
        };
        if rest.is_empty() && (first.is_empty() || text::width(&candidate) <= room) {
            first = candidate;
        } else {
            rest.push(part.as_str());
        }
    }
    vec![
        row(label, &first, style, width, theme),
        row("", &rest.join(" · "), style, width, theme),
    ]
}

/// One labelled row, cut to `width` cells with `…`.
fn row(label: &str, value: &str, style: Style, width: usize, theme: Theme) -> Line<'static> {
    let room = width.saturating_sub(LABEL);
    Line::from(vec![
        Span::styled(text::fit(label, LABEL), theme.header()),
        Span::styled(text::fit(value, room).trim_end().to_owned(), style),
    ])
}

fn joined(parts: &[Option<String>]) -> String {
    parts
        .iter()
        .flatten()
        .cloned()
        .collect::<Vec<_>>()
        .join(" · ")
}

/// Several lines of a note on one row: line breaks become ` / `.
fn one_line(text: &str) -> String {
    text.split('\n')
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" / ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("date")
    }

    #[test]
    fn birthdays_count_forward_across_the_new_year_and_leap_days() {
        assert_eq!(days_to_birthday(d(1980, 11, 25), d(2026, 11, 21)), Some(4));
        assert_eq!(days_to_birthday(d(1980, 11, 21), d(2026, 11, 21)), Some(0));
        assert_eq!(days_to_birthday(d(1980, 1, 2), d(2026, 12, 30)), Some(3));
        assert_eq!(days_to_birthday(d(1980, 2, 29), d(2027, 2, 20)), Some(9));
        assert_eq!(days_to_birthday(d(1980, 2, 29), d(2028, 2, 20)), Some(9));
    }

    #[test]
    fn notes_of_several_lines_show_on_one_row() {
        assert_eq!(one_line("calm\n\n likes tea \n"), "calm / likes tea");
    }
}
