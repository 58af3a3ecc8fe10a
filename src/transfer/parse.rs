//! Checking each cell of a raw row and building typed inputs; every problem becomes a
//! [`RowError`] naming the line and the column.

use super::inputs::*;
use super::raw::{RawRow, RawTable};
use super::{Lined, RowError};
use crate::domain::*;
use chrono::{DateTime, Local, NaiveDate, NaiveDateTime, NaiveTime, TimeZone};
use std::str::FromStr;

/// Inputs that passed, and errors of those that did not.
#[derive(Debug, Clone)]
pub struct Parsed<T> {
    pub inputs: Vec<Lined<T>>,
    pub errors: Vec<RowError>,
}

impl<T> Default for Parsed<T> {
    fn default() -> Self {
        Parsed {
            inputs: Vec::new(),
            errors: Vec::new(),
        }
    }
}

/// Parses a time: RFC 3339 (`2025-03-01T09:30:00+08:00`), a local date-time
/// (`2025-03-01 09:30` or with seconds), or a date alone (`2025-03-01`, stored as 12:00 UTC so
/// that it falls on the same calendar day in every time zone from UTC-11 to UTC+11). Only
/// instants within the supported dates ([`check_instant`]) are accepted.
pub fn parse_timestamp(text: &str) -> Result<Millis, String> {
    parse_any_timestamp(text).and_then(check_instant)
}

fn parse_any_timestamp(text: &str) -> Result<Millis, String> {
    let text = text.trim();
    if let Ok(t) = DateTime::parse_from_rfc3339(text) {
        return Ok(t.timestamp_millis());
    }
    if let Ok(d) = NaiveDate::parse_from_str(text, "%Y-%m-%d") {
        return Ok(d
            .and_time(NaiveTime::from_hms_opt(12, 0, 0).unwrap_or_default())
            .and_utc()
            .timestamp_millis());
    }
    for pattern in [
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%d %H:%M:%S%.f",
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%d %H:%M",
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%dT%H:%M",
    ] {
        if let Ok(naive) = NaiveDateTime::parse_from_str(text, pattern) {
            return Local
                .from_local_datetime(&naive)
                .earliest()
                .map(|t| t.timestamp_millis())
                .ok_or_else(|| t!("row-not-local-time", text = format!("{text:?}")));
        }
    }
    Err(t!("row-not-timestamp", text = format!("{text:?}")))
}

fn parse_date(text: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .map_err(|_| t!("row-not-date", text = format!("{text:?}")))
        .and_then(check_date)
}

fn parse_bool(text: &str) -> Result<bool, String> {
    match text.trim().to_lowercase().as_str() {
        "" | "false" | "no" | "n" | "0" => Ok(false),
        "true" | "yes" | "y" | "1" => Ok(true),
        other => Err(t!("row-not-bool", text = format!("{other:?}"))),
    }
}

/// Splits a `;`-separated list cell, dropping empty items.
fn split_list(text: &str) -> Vec<String> {
    text.split(';')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

/// Collects the errors of one row while its fields are read.
struct Cells<'r> {
    row: &'r RawRow,
    errors: Vec<RowError>,
}

impl<'r> Cells<'r> {
    fn new(row: &'r RawRow) -> Self {
        Cells {
            row,
            errors: Vec::new(),
        }
    }

    fn fail(&mut self, field: &str, reason: impl Into<String>) {
        self.errors.push(RowError {
            line: self.row.line,
            field: field.to_string(),
            reason: reason.into(),
        });
    }

    /// A required, non-empty text cell.
    fn required(&mut self, field: &str) -> String {
        match self.row.non_empty(field) {
            Some(v) if has_control(v) && field.ends_with("_id") => {
                self.fail(field, t!("row-control-chars"));
                String::new()
            }
            Some(v) => v.to_string(),
            None => {
                self.fail(field, t!("row-required"));
                String::new()
            }
        }
    }

    /// A cell that is optional; `None` when empty or absent.
    fn text(&self, field: &str) -> Option<String> {
        self.row.non_empty(field).map(str::to_string)
    }

    /// Column present: `Some(value or None)`; column absent: `None`.
    fn patch_text(&self, field: &str) -> Option<Option<String>> {
        self.row.has(field).then(|| self.text(field))
    }

    /// Parses a non-empty cell with `parse`; records the error and returns `None` on failure.
    fn parsed<T>(
        &mut self,
        field: &str,
        parse: impl FnOnce(&str) -> Result<T, String>,
    ) -> Option<T> {
        let cell = self.row.non_empty(field)?;
        match parse(cell) {
            Ok(v) => Some(v),
            Err(reason) => {
                self.fail(field, reason);
                None
            }
        }
    }

    /// Like [`Cells::parsed`] for a column that must be there and not empty.
    fn parsed_required<T>(
        &mut self,
        field: &str,
        parse: impl FnOnce(&str) -> Result<T, String>,
    ) -> Option<T> {
        if self.row.non_empty(field).is_none() {
            self.fail(field, t!("row-required"));
            return None;
        }
        self.parsed(field, parse)
    }

    fn label<T: FromStr<Err = LabelError>>(&mut self, field: &str) -> Option<T> {
        self.parsed(field, |s| s.parse::<T>().map_err(|e| e.to_string()))
    }

    fn patch<T>(
        &mut self,
        field: &str,
        parse: impl FnOnce(&str) -> Result<T, String>,
    ) -> Option<Option<T>> {
        if !self.row.has(field) {
            return None;
        }
        Some(self.parsed(field, parse))
    }

    fn finish<T>(self, value: T, out: &mut Parsed<T>) {
        if self.errors.is_empty() {
            out.inputs.push(Lined {
                line: self.row.line,
                value,
            });
        } else {
            out.errors.extend(self.errors);
        }
    }
}

fn has_control(text: &str) -> bool {
    text.chars().any(char::is_control)
}

fn label<T: FromStr<Err = LabelError>>(s: &str) -> Result<T, String> {
    s.parse::<T>().map_err(|e| e.to_string())
}

/// Parses every row with `parse_row`, consuming the table so that each raw row's memory is
/// free for the parsed rows (a 10-million-row file does not hold both at once); the two halves
/// of a large table are parsed side by side. Inputs and errors stay in file order.
fn parse_rows<T: Send>(table: RawTable, parse_row: fn(&RawRow, &mut Parsed<T>)) -> Parsed<T> {
    let parse = |rows: Vec<RawRow>| {
        let mut out = Parsed::default();
        out.inputs.reserve(rows.len());
        for row in rows {
            match row.refusals() {
                Some(errors) => out.errors.extend_from_slice(errors),
                None => parse_row(&row, &mut out),
            }
        }
        out
    };
    let mut front = table.rows;
    if front.len() < 50_000 {
        return parse(front);
    }
    let back = front.split_off(front.len() / 2);
    std::thread::scope(|s| {
        let back = s.spawn(|| parse(back));
        let mut out = parse(front);
        let back = back
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        out.inputs.extend(back.inputs);
        out.errors.extend(back.errors);
        out
    })
}

/// One row's typed input, or every reason it cannot be imported.
pub type RowResult<T> = Result<Lined<T>, Vec<RowError>>;

fn one<T>(row: &RawRow, parse_row: fn(&RawRow, &mut Parsed<T>)) -> RowResult<T> {
    if let Some(errors) = row.refusals() {
        return Err(errors.to_vec());
    }
    let mut out = Parsed::default();
    parse_row(row, &mut out);
    match out.inputs.pop() {
        Some(input) if out.errors.is_empty() => Ok(input),
        _ => Err(out.errors),
    }
}

/// One customer row (for imports that stream; see [`parse_customers`]).
pub fn parse_customer(row: &RawRow) -> RowResult<CustomerInput> {
    one(row, parse_customer_row)
}

/// One order row.
pub fn parse_order(row: &RawRow) -> RowResult<OrderInput> {
    one(row, parse_order_row)
}

/// One follow-up row.
pub fn parse_followup(row: &RawRow) -> RowResult<FollowUpInput> {
    one(row, parse_followup_row)
}

/// One care plan row.
pub fn parse_care_plan(row: &RawRow) -> RowResult<CarePlanInput> {
    one(row, parse_care_plan_row)
}

/// One complaint row.
pub fn parse_complaint(row: &RawRow) -> RowResult<ComplaintInput> {
    one(row, parse_complaint_row)
}

/// Customers: `customer_id` and `name` required.
pub fn parse_customers(table: RawTable) -> Parsed<CustomerInput> {
    parse_rows(table, parse_customer_row)
}

fn parse_customer_row(row: &RawRow, out: &mut Parsed<CustomerInput>) {
    let mut c = Cells::new(row);
    let external_id = c.required("customer_id");
    let name = c.required("name");
    let input = CustomerInput {
        external_id,
        name,
        phones: row
            .has("phone")
            .then(|| split_list(row.get("phone").unwrap_or_default())),
        email: c.patch("email", |s| {
            if s.contains('@') && !s.contains(char::is_whitespace) {
                Ok(s.to_string())
            } else {
                Err(t!("row-not-email", text = format!("{s:?}")))
            }
        }),
        company: c.patch_text("company"),
        city: c.patch_text("city"),
        address: c.patch_text("address"),
        birthday: c.patch("birthday", parse_date),
        gender: c.patch("gender", label::<Gender>),
        tags: row
            .has("tags")
            .then(|| split_list(row.get("tags").unwrap_or_default())),
        referred_by: c.patch_text("referred_by"),
        owner: c.patch_text("owner"),
        personality: row
            .has("personality")
            .then(|| c.text("personality").unwrap_or_default()),
        interests: row
            .has("interests")
            .then(|| c.text("interests").unwrap_or_default()),
        habits: row
            .has("habits")
            .then(|| c.text("habits").unwrap_or_default()),
        preferred_channel: c.patch("preferred_channel", label::<Channel>),
        status: c.label::<CustomerStatus>("status"),
        churn_reason: c.patch_text("churn_reason"),
        created_at: c.parsed("created_at", parse_timestamp),
    };
    c.finish(input, out);
}

/// Orders: `order_id`, `customer_id`, `ordered_at`, `amount` required.
pub fn parse_orders(table: RawTable) -> Parsed<OrderInput> {
    parse_rows(table, parse_order_row)
}

fn parse_order_row(row: &RawRow, out: &mut Parsed<OrderInput>) {
    let mut c = Cells::new(row);
    let order_id = c.required("order_id");
    let customer_id = c.required("customer_id");
    let ordered_at = c.parsed_required("ordered_at", parse_timestamp);
    let amount = c.parsed_required("amount", |s| s.parse::<Money>().map_err(|e| e.to_string()));
    let (Some(ordered_at), Some(amount)) = (ordered_at, amount) else {
        out.errors.extend(c.errors);
        return;
    };
    let input = OrderInput {
        order_id,
        customer_id,
        ordered_at,
        amount,
        items: c.text("items"),
        category: c.text("category"),
        channel: c.text("channel"),
    };
    c.finish(input, out);
}

/// Follow-ups: `customer_id` and `at` required; labels default to phone / outbound / care.
pub fn parse_followups(table: &RawTable) -> Parsed<FollowUpInput> {
    let mut out = Parsed::default();
    for row in &table.rows {
        parse_followup_row(row, &mut out);
    }
    out
}

fn parse_followup_row(row: &RawRow, out: &mut Parsed<FollowUpInput>) {
    let mut c = Cells::new(row);
    let customer_id = c.required("customer_id");
    let at = c.parsed_required("at", parse_timestamp).unwrap_or_default();
    let record = FollowUp {
        id: c.text("followup_id").unwrap_or_default(),
        customer: 0,
        at,
        channel: c.label("channel").unwrap_or(Channel::Phone),
        direction: c.label("direction").unwrap_or(Direction::Outbound),
        kind: c.label("kind").unwrap_or(FollowUpKind::Care),
        staff: c.text("staff").unwrap_or_default(),
        summary: c.text("summary").unwrap_or_default(),
        outcome: c.text("outcome").unwrap_or_default(),
        satisfaction: c.parsed("satisfaction", |s| match s.parse::<u8>() {
            Ok(v @ 1..=5) => Ok(v),
            _ => Err(t!("row-not-score", text = format!("{s:?}"))),
        }),
        next_contact: c.parsed("next_contact", parse_date),
    };
    c.finish(
        ChildInput {
            customer_id,
            record,
        },
        out,
    );
}

/// Care plans: `customer_id` and `due` required; purpose defaults to custom, status to open.
pub fn parse_care_plans(table: &RawTable) -> Parsed<CarePlanInput> {
    let mut out = Parsed::default();
    for row in &table.rows {
        parse_care_plan_row(row, &mut out);
    }
    out
}

fn parse_care_plan_row(row: &RawRow, out: &mut Parsed<CarePlanInput>) {
    let mut c = Cells::new(row);
    let customer_id = c.required("customer_id");
    let due = c.parsed_required("due", parse_date).unwrap_or_default();
    let record = CarePlan {
        id: c.text("care_plan_id").unwrap_or_default(),
        customer: 0,
        due,
        due_time: c.parsed("due_time", |s| {
            NaiveTime::parse_from_str(s, "%H:%M")
                .or_else(|_| NaiveTime::parse_from_str(s, "%H:%M:%S"))
                .map_err(|_| t!("row-not-time", text = format!("{s:?}")))
        }),
        purpose: c.label("purpose").unwrap_or(CarePurpose::Custom),
        assignee: c.text("assignee"),
        note: c.text("note").unwrap_or_default(),
        status: c.label("status").unwrap_or(PlanStatus::Open),
        recurrence: c.parsed("recurrence", |s| s.parse::<Recurrence>()),
        series_start: c.parsed("series_start", parse_date),
        created_at: c
            .parsed("created_at", parse_timestamp)
            .unwrap_or(at_or_now(due)),
        completed_at: c.parsed("completed_at", parse_timestamp),
    };
    let mut record = record;
    if record.recurrence.is_some() && record.series_start.is_none() {
        // An older file without the column: the series starts at this due date.
        record.series_start = Some(record.due);
    }
    c.finish(
        ChildInput {
            customer_id,
            record,
        },
        out,
    );
}

fn at_or_now(date: NaiveDate) -> Millis {
    date.and_hms_opt(0, 0, 0)
        .map_or(0, |t| t.and_utc().timestamp_millis())
}

/// The `history` cell: a JSON list of `{at, staff, kind, text}`.
fn parse_history(text: &str) -> Result<Vec<ComplaintEvent>, String> {
    let events: Vec<super::rows::HistoryEvent> =
        serde_json::from_str(text).map_err(|e| t!("row-not-events", error = e.to_string()))?;
    events
        .into_iter()
        .enumerate()
        .map(|(i, e)| {
            Ok(ComplaintEvent {
                at: parse_timestamp(&e.at).map_err(|r| format!("event {}: at: {r}", i + 1))?,
                staff: e.staff,
                kind: label::<ComplaintEventKind>(&e.kind)
                    .map_err(|r| format!("event {}: {r}", i + 1))?,
                text: e.text,
            })
        })
        .collect()
}

/// Complaints: `customer_id` and `opened_at` required.
pub fn parse_complaints(table: &RawTable) -> Parsed<ComplaintInput> {
    let mut out = Parsed::default();
    for row in &table.rows {
        parse_complaint_row(row, &mut out);
    }
    out
}

fn parse_complaint_row(row: &RawRow, out: &mut Parsed<ComplaintInput>) {
    let mut c = Cells::new(row);
    let customer_id = c.required("customer_id");
    let opened_at = c
        .parsed_required("opened_at", parse_timestamp)
        .unwrap_or_default();
    let root_fields = [
        "root_cause",
        "why_customer_feels",
        "what_we_did",
        "reasonable",
        "others_said_same",
        "prevention",
    ];
    let root_cause = root_fields
        .iter()
        .any(|f| row.non_empty(f).is_some())
        .then(|| RootCause {
            cause: c.text("root_cause").unwrap_or_default(),
            why_customer_feels: c.text("why_customer_feels").unwrap_or_default(),
            what_we_did: c.text("what_we_did").unwrap_or_default(),
            reasonable: c.text("reasonable").unwrap_or_default(),
            others_said_same: c.text("others_said_same").unwrap_or_default(),
            prevention: c.text("prevention").unwrap_or_default(),
        });
    let history = c.parsed("history", parse_history).unwrap_or_default();
    let severity = c.label("severity").unwrap_or(Severity::Normal);
    let opened_severity = c.label("opened_severity").unwrap_or(severity);
    let status = c.label("status").unwrap_or(ComplaintStatus::New);
    let resolved_at = c.parsed("resolved_at", parse_timestamp);
    let closed_at = c.parsed("closed_at", parse_timestamp);
    let done = matches!(status, ComplaintStatus::Resolved | ComplaintStatus::Closed);
    if done && resolved_at.is_none() && row.non_empty("resolved_at").is_none() {
        c.fail(
            "resolved_at",
            t!("row-required-when", status = status.title()),
        );
    }
    if status == ComplaintStatus::Closed
        && closed_at.is_none()
        && row.non_empty("closed_at").is_none()
    {
        c.fail(
            "closed_at",
            t!("row-required-when", status = status.title()),
        );
    }
    // A team name as the `teams` setting could hold it (one name, no members).
    let team = c.text("team");
    if let Some(name) = &team {
        match crate::domain::parse_teams(name) {
            Ok(teams) if teams.len() == 1 && teams[0].members.is_empty() => {}
            Ok(_) => c.fail(
                "team",
                t!(
                    "team-bad-name",
                    name = format!("{name:?}"),
                    max = crate::domain::TEAM_NAME_MAX
                ),
            ),
            Err(e) => c.fail("team", e),
        }
    }
    let record = Complaint {
        id: c.text("complaint_id").unwrap_or_default(),
        customer: 0,
        opened_at,
        channel: c.label("channel").unwrap_or(Channel::Phone),
        category: c
            .text("category")
            .unwrap_or_else(|| String::from("general")),
        severity,
        opened_severity,
        description: c.text("description").unwrap_or_default(),
        assignee: c.text("assignee"),
        team,
        status,
        contacts: c
            .parsed("contacts", |s| match s.parse::<u32>() {
                Ok(n) if n <= Complaint::MAX_CONTACTS => Ok(n),
                _ => Err(t!(
                    "row-not-count",
                    text = format!("{s:?}"),
                    most = Complaint::MAX_CONTACTS
                )),
            })
            .unwrap_or(1),
        escalated: c.parsed("escalated", parse_bool).unwrap_or(false),
        first_response_at: c.parsed("first_response_at", parse_timestamp),
        resolved_at,
        closed_at,
        response_breached: c.parsed("response_breached", parse_bool).unwrap_or(false),
        resolution_breached: c.parsed("resolution_breached", parse_bool).unwrap_or(false),
        root_cause,
        history,
        version: 0,
    };
    c.finish(
        ChildInput {
            customer_id,
            record,
        },
        out,
    );
}

#[cfg(test)]
mod tests;
