//! Export rows: the flat, text-only shape of each record in CSV and JSON, written so that
//! importing an export gives back the same records.

use crate::domain::*;
use chrono::{DateTime, SecondsFormat};
use serde::Serialize;
use std::io::Write;

/// A stored instant as RFC 3339 UTC with seconds (`2025-03-01T12:00:00Z`), or with
/// milliseconds when it has them, so that export and import round-trip exactly.
pub fn format_timestamp(millis: Millis) -> String {
    match DateTime::from_timestamp_millis(millis) {
        Some(t) if millis % 1000 == 0 => t.to_rfc3339_opts(SecondsFormat::Secs, true),
        Some(t) => t.to_rfc3339_opts(SecondsFormat::Millis, true),
        None => String::new(),
    }
}

fn opt_timestamp(millis: Option<Millis>) -> String {
    millis.map(format_timestamp).unwrap_or_default()
}

fn opt<T: ToString>(value: &Option<T>) -> String {
    value.as_ref().map(ToString::to_string).unwrap_or_default()
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CustomerRow {
    pub customer_id: String,
    pub name: String,
    pub phone: String,
    pub email: String,
    pub company: String,
    pub city: String,
    pub address: String,
    pub birthday: String,
    pub gender: String,
    pub tags: String,
    pub referred_by: String,
    pub owner: String,
    pub personality: String,
    pub interests: String,
    pub habits: String,
    pub preferred_channel: String,
    pub status: String,
    pub churn_reason: String,
    pub created_at: String,
}

impl CustomerRow {
    /// `referrer` is the external id of the customer who referred this one.
    pub fn new(c: &Customer, referrer: Option<String>) -> Self {
        CustomerRow {
            customer_id: c.external_id.clone(),
            name: c.name.clone(),
            phone: c.phones.join("; "),
            email: opt(&c.email),
            company: opt(&c.company),
            city: opt(&c.city),
            address: opt(&c.address),
            birthday: opt(&c.birthday),
            gender: opt(&c.gender),
            tags: c.tags.join("; "),
            referred_by: referrer.unwrap_or_default(),
            owner: opt(&c.owner),
            personality: c.personality.clone(),
            interests: c.interests.clone(),
            habits: c.habits.clone(),
            preferred_channel: opt(&c.preferred_channel),
            status: c.status.to_string(),
            churn_reason: opt(&c.churn_reason),
            created_at: format_timestamp(c.created_at),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OrderRow {
    pub order_id: String,
    pub customer_id: String,
    pub ordered_at: String,
    pub amount: String,
    pub items: String,
    pub category: String,
    pub channel: String,
}

impl OrderRow {
    pub fn new(o: &Order, customer_id: String) -> Self {
        OrderRow {
            order_id: o.order_id.clone(),
            customer_id,
            ordered_at: format_timestamp(o.ordered_at),
            amount: o.amount.to_string(),
            items: opt(&o.items),
            category: opt(&o.category),
            channel: opt(&o.channel),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FollowUpRow {
    pub followup_id: String,
    pub customer_id: String,
    pub at: String,
    pub channel: String,
    pub direction: String,
    pub kind: String,
    pub staff: String,
    pub summary: String,
    pub outcome: String,
    pub satisfaction: String,
    pub next_contact: String,
}

impl FollowUpRow {
    pub fn new(f: &FollowUp, customer_id: String) -> Self {
        FollowUpRow {
            followup_id: f.id.clone(),
            customer_id,
            at: format_timestamp(f.at),
            channel: f.channel.to_string(),
            direction: f.direction.to_string(),
            kind: f.kind.to_string(),
            staff: f.staff.clone(),
            summary: f.summary.clone(),
            outcome: f.outcome.clone(),
            satisfaction: opt(&f.satisfaction),
            next_contact: opt(&f.next_contact),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CarePlanRow {
    pub care_plan_id: String,
    pub customer_id: String,
    pub due: String,
    pub due_time: String,
    pub purpose: String,
    pub assignee: String,
    pub note: String,
    pub status: String,
    pub recurrence: String,
    pub series_start: String,
    pub created_at: String,
    pub completed_at: String,
}

impl CarePlanRow {
    pub fn new(p: &CarePlan, customer_id: String) -> Self {
        CarePlanRow {
            care_plan_id: p.id.clone(),
            customer_id,
            due: p.due.to_string(),
            due_time: p
                .due_time
                .map(|t| t.format("%H:%M:%S").to_string())
                .unwrap_or_default(),
            purpose: p.purpose.to_string(),
            assignee: opt(&p.assignee),
            note: p.note.clone(),
            status: p.status.to_string(),
            recurrence: opt(&p.recurrence),
            series_start: opt(&p.series_start),
            created_at: format_timestamp(p.created_at),
            completed_at: opt_timestamp(p.completed_at),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ComplaintRow {
    pub complaint_id: String,
    pub customer_id: String,
    pub opened_at: String,
    pub channel: String,
    pub category: String,
    pub severity: String,
    pub opened_severity: String,
    pub description: String,
    pub assignee: String,
    pub team: String,
    pub status: String,
    pub contacts: String,
    pub escalated: String,
    pub first_response_at: String,
    pub resolved_at: String,
    pub closed_at: String,
    pub response_breached: String,
    pub resolution_breached: String,
    pub root_cause: String,
    pub why_customer_feels: String,
    pub what_we_did: String,
    pub reasonable: String,
    pub others_said_same: String,
    pub prevention: String,
    /// The event history as a JSON list of `{at, staff, kind, text}` (RFC 3339 times).
    pub history: String,
}

impl ComplaintRow {
    pub fn new(c: &Complaint, customer_id: String) -> Self {
        let root = c.root_cause.clone().unwrap_or_default();
        ComplaintRow {
            complaint_id: c.id.clone(),
            customer_id,
            opened_at: format_timestamp(c.opened_at),
            channel: c.channel.to_string(),
            category: c.category.clone(),
            severity: c.severity.to_string(),
            opened_severity: c.opened_severity.to_string(),
            description: c.description.clone(),
            assignee: opt(&c.assignee),
            team: opt(&c.team),
            status: c.status.to_string(),
            contacts: c.contacts.to_string(),
            escalated: c.escalated.to_string(),
            first_response_at: opt_timestamp(c.first_response_at),
            resolved_at: opt_timestamp(c.resolved_at),
            closed_at: opt_timestamp(c.closed_at),
            response_breached: c.response_breached.to_string(),
            resolution_breached: c.resolution_breached.to_string(),
            root_cause: root.cause,
            why_customer_feels: root.why_customer_feels,
            what_we_did: root.what_we_did,
            reasonable: root.reasonable,
            others_said_same: root.others_said_same,
            prevention: root.prevention,
            history: history_cell(&c.history),
        }
    }
}

/// One complaint event as written in the `history` cell.
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
pub struct HistoryEvent {
    pub at: String,
    pub staff: String,
    pub kind: String,
    pub text: String,
}

fn history_cell(history: &[ComplaintEvent]) -> String {
    if history.is_empty() {
        return String::new();
    }
    let events: Vec<HistoryEvent> = history
        .iter()
        .map(|e| HistoryEvent {
            at: format_timestamp(e.at),
            staff: e.staff.clone(),
            kind: e.kind.to_string(),
            text: e.text.clone(),
        })
        .collect();
    serde_json::to_string(&events).unwrap_or_default()
}

/// Writes rows as CSV (with a header, even when there are no rows) or as a JSON array.
pub fn write_rows<R: Serialize>(
    out: impl Write,
    format: super::Format,
    kind: super::Kind,
    rows: impl Iterator<Item = anyhow::Result<R>>,
) -> anyhow::Result<u64> {
    let header = super::columns_of(kind);
    let mut count = 0u64;
    match format {
        super::Format::Xlsx => {
            count = super::workbook_out::write_workbook(out, kind.title(), header, rows)?;
        }
        super::Format::Vcard if kind == super::Kind::Customers => {
            count = super::vcard::write_vcards(out, rows)?;
        }
        super::Format::Vcard => anyhow::bail!(t!("vcard-customers-only")),
        super::Format::Csv => {
            let mut writer = csv::WriterBuilder::new()
                .has_headers(false)
                .from_writer(out);
            writer.write_record(header)?;
            for row in rows {
                writer.serialize(row?)?;
                count += 1;
            }
            writer.flush()?;
        }
        super::Format::Json => {
            let mut out = std::io::BufWriter::new(out);
            out.write_all(b"[")?;
            for row in rows {
                out.write_all(if count == 0 { b"\n  " } else { b",\n  " })?;
                super::write_json(&mut out, &row?, false)?;
                count += 1;
            }
            out.write_all(if count == 0 { b"]\n" } else { b"\n]\n" })?;
            out.flush()?;
        }
    }
    Ok(count)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_keep_millisecond_precision_only_when_needed() {
        assert_eq!(format_timestamp(1_740_787_200_000), "2025-03-01T00:00:00Z");
        assert_eq!(
            format_timestamp(1_740_787_200_123),
            "2025-03-01T00:00:00.123Z"
        );
    }

    #[test]
    fn export_headers_match_the_column_lists() {
        use super::super::{Kind, columns_of};
        let mut buf = Vec::new();
        let c = Customer::new("C1", "Ann", 0);
        let rows = std::iter::once(Ok(CustomerRow::new(&c, None)));
        write_rows(&mut buf, super::super::Format::Csv, Kind::Customers, rows).unwrap();
        let text = String::from_utf8(buf).unwrap();
        let header = text.lines().next().unwrap();
        assert_eq!(header, columns_of(Kind::Customers).join(","));
        let serialized: Vec<String> = text
            .lines()
            .nth(1)
            .unwrap()
            .split(',')
            .map(String::from)
            .collect();
        assert_eq!(serialized.len(), columns_of(Kind::Customers).len());
    }
}
