//! The SLA policy from the team settings, and the SLA state of one complaint at a moment.

use super::{Service, ServiceError};
use crate::domain::{Complaint, ComplaintStatus, Millis, Severity};
use crate::workflow::Calendar;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// Which of a complaint's two deadlines a clock runs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SlaClock {
    Response,
    Resolution,
}

impl SlaClock {
    pub fn label(self) -> &'static str {
        match self {
            SlaClock::Response => ts!("sla-clock-response"),
            SlaClock::Resolution => ts!("sla-clock-resolution"),
        }
    }
}

/// Deadlines and where a complaint stands against them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SlaState {
    #[serde(with = "crate::domain::instant_opt")]
    pub response_due: Option<Millis>,
    #[serde(with = "crate::domain::instant_opt")]
    pub resolution_due: Option<Millis>,
    /// Missed, now or earlier (a missed deadline stays missed once met).
    pub response_breached: bool,
    pub resolution_breached: bool,
    /// The nearest deadline not met yet.
    #[serde(with = "crate::domain::instant_opt")]
    pub next_deadline: Option<Millis>,
    /// Which deadline `next_deadline` is (the two can fall at the same moment).
    #[serde(default)]
    pub next_clock: Option<SlaClock>,
    /// Business time left to it, in ms; negative once it has passed (elapsed time since).
    pub time_left_ms: Option<i64>,
    /// Less than a quarter of that deadline's time remains.
    pub due_soon: bool,
}

impl SlaState {
    pub fn breached(&self) -> bool {
        self.response_breached || self.resolution_breached
    }
}

/// Hours per severity and the business calendar.
#[derive(Debug, Clone)]
pub struct SlaPolicy {
    pub calendar: Calendar,
    first_response: [i64; 4],
    resolution: [i64; 4],
}

fn slot(severity: Severity) -> usize {
    match severity {
        Severity::Low => 0,
        Severity::Normal => 1,
        Severity::High => 2,
        Severity::Urgent => 3,
    }
}

impl SlaPolicy {
    pub fn first_response_hours(&self, severity: Severity) -> i64 {
        self.first_response[slot(severity)]
    }

    pub fn resolution_hours(&self, severity: Severity) -> i64 {
        self.resolution[slot(severity)]
    }

    /// The complaint's deadlines and breach state at `now`. The first-response deadline
    /// counts from the severity the complaint was opened with; the resolution deadline from
    /// its current (possibly escalated) severity.
    pub fn state(&self, c: &Complaint, now: Millis) -> SlaState {
        let at = |ms: Millis| DateTime::<Utc>::from_timestamp_millis(ms);
        let opened = at(c.opened_at);
        let due = |hours: i64| {
            opened
                .and_then(|o| self.calendar.add(o, hours))
                .map(|d| d.timestamp_millis())
        };
        let response_hours = self.first_response_hours(c.opened_severity);
        let resolution_hours = self.resolution_hours(c.severity);
        let response_due = due(response_hours);
        let resolution_due = due(resolution_hours);
        let closed = matches!(
            c.status,
            ComplaintStatus::Resolved | ComplaintStatus::Closed
        );
        // When a step happened is compared with its deadline; a step still pending is late
        // once `now` passes the deadline; a closed complaint without the time of a step (an
        // import) is not judged.
        let late = |done: Option<Millis>, pending: bool, deadline: Option<Millis>| match (
            done, deadline,
        ) {
            (Some(t), Some(d)) => t > d,
            (None, Some(d)) => pending && now > d,
            _ => false,
        };
        let response_breached =
            c.response_breached || late(c.first_response_at, !closed, response_due);
        let resolution_breached = c.resolution_breached
            || late(
                if closed {
                    c.resolved_at.or(c.closed_at)
                } else {
                    None
                },
                !closed,
                resolution_due,
            );
        let pending = [
            (
                !closed && c.first_response_at.is_none(),
                response_due,
                response_hours,
                SlaClock::Response,
            ),
            (
                !closed,
                resolution_due,
                resolution_hours,
                SlaClock::Resolution,
            ),
        ];
        // On a tie the response comes first while it is pending.
        let next = pending
            .iter()
            .filter(|(open, ..)| *open)
            .filter_map(|(_, due, hours, clock)| due.map(|d| (d, *hours, *clock)))
            .min_by_key(|(d, ..)| *d);
        let mut state = SlaState {
            response_due,
            resolution_due,
            response_breached,
            resolution_breached,
            next_deadline: None,
            next_clock: None,
            time_left_ms: None,
            due_soon: false,
        };
        if let Some((deadline, hours, clock)) = next {
            state.next_deadline = Some(deadline);
            state.next_clock = Some(clock);
            if let (Some(n), Some(d)) = (at(now), at(deadline)) {
                let left = if d > n {
                    self.calendar.between(n, d).num_milliseconds()
                } else {
                    -(n - d).num_milliseconds()
                };
                state.time_left_ms = Some(left);
                state.due_soon = left > 0 && left * 4 < hours * 3_600_000;
            }
        }
        state
    }
}

impl Service {
    /// The SLA policy the team settings describe.
    pub fn sla_policy(&self) -> Result<SlaPolicy, ServiceError> {
        let get = |key: &str| self.team_setting(key);
        let hours = |key: &str| -> Result<i64, ServiceError> {
            get(key)?
                .trim()
                .parse::<i64>()
                .map_err(|e| ServiceError::invalid(key, e.to_string()))
        };
        let base = hours("sla.first_response_hours")?;
        let mut first_response = [base; 4];
        let mut resolution = [0; 4];
        for (i, sev) in ["low", "normal", "high", "urgent"].iter().enumerate() {
            let key = format!("sla.first_response_hours.{sev}");
            if !get(&key)?.trim().is_empty() {
                first_response[i] = hours(&key)?;
            }
            resolution[i] = hours(&format!("sla.resolution_hours.{sev}"))?;
        }
        let calendar = Calendar::from_settings(
            &get("business_hours")?,
            &get("holidays")?,
            &get("timezone")?,
        )
        .map_err(|e| ServiceError::invalid("business_hours", e.to_string()))?;
        Ok(SlaPolicy {
            calendar,
            first_response,
            resolution,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Channel;

    fn policy() -> SlaPolicy {
        SlaPolicy {
            calendar: Calendar::from_settings("", "", "UTC").unwrap(),
            first_response: [24; 4],
            resolution: [240, 120, 48, 24],
        }
    }

    fn complaint(opened_at: Millis) -> Complaint {
        Complaint {
            category: "x".into(),
            ..Complaint::opened("CM-1".into(), 1, opened_at, Channel::Phone)
        }
    }

    const H: i64 = 3_600_000;

    #[test]
    fn due_soon_then_breached_and_breach_sticks() {
        let p = policy();
        let mut c = complaint(0);
        let fresh = p.state(&c, H);
        assert_eq!(
            (fresh.response_due, fresh.next_deadline),
            (Some(24 * H), Some(24 * H))
        );
        assert!(!fresh.due_soon && !fresh.breached());
        assert_eq!(fresh.time_left_ms, Some(23 * H));
        // 19 hours in: 5 of 24 left (< 25%).
        assert!(p.state(&c, 19 * H).due_soon);
        assert!(!p.state(&c, 17 * H).due_soon);
        let late = p.state(&c, 30 * H);
        assert!(late.response_breached && !late.due_soon);
        assert_eq!(late.time_left_ms, Some(-6 * H));
        // Answered late: still breached afterwards; the next deadline is the resolution.
        c.first_response_at = Some(30 * H);
        let answered = p.state(&c, 31 * H);
        assert!(answered.response_breached);
        assert_eq!(answered.next_deadline, Some(120 * H));
        // An escalation tightens the resolution deadline, not the answered response.
        let mut escalated = c.clone();
        escalated.severity = Severity::Urgent;
        let state = p.state(&escalated, 31 * H);
        assert_eq!(
            (state.response_due, state.resolution_due),
            (Some(24 * H), Some(24 * H))
        );
        // Resolved in time: no resolution breach, no deadline left.
        c.status = ComplaintStatus::Resolved;
        c.resolved_at = Some(100 * H);
        let done = p.state(&c, 500 * H);
        assert!(!done.resolution_breached && done.next_deadline.is_none());
        // Imported as closed without any step times: nothing runs, nothing is judged.
        let mut imported = complaint(0);
        imported.status = ComplaintStatus::Closed;
        let state = p.state(&imported, 10_000 * H);
        assert!(!state.breached() && state.next_deadline.is_none());
    }

    #[test]
    fn after_the_first_response_the_clock_is_the_resolution_even_at_the_same_moment() {
        // Urgent: 24 h to respond and 24 h to resolve, so both deadlines are at 24 h.
        let p = policy();
        let mut c = complaint(0);
        c.severity = Severity::Urgent;
        c.opened_severity = Severity::Urgent;
        let fresh = p.state(&c, H);
        assert_eq!(fresh.response_due, fresh.resolution_due);
        assert_eq!(fresh.next_clock, Some(SlaClock::Response));
        c.status = ComplaintStatus::Acknowledged;
        c.first_response_at = Some(H);
        let acked = p.state(&c, H);
        assert_eq!(
            (acked.next_deadline, acked.next_clock),
            (Some(24 * H), Some(SlaClock::Resolution))
        );
        c.status = ComplaintStatus::Resolved;
        c.resolved_at = Some(2 * H);
        assert_eq!(p.state(&c, 3 * H).next_clock, None);
    }
}
