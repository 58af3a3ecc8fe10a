//! What needs this person now: their overdue and due-today care plans, complaints assigned to
//! them not yet acknowledged, complaints waiting in their team's queue, and SLA deadlines
//! within the hour. One read transaction; the
//! workbench's top line, `loyal remind` and a shell prompt or tmux status line all count the
//! same way.

use super::{Service, ServiceError};
use crate::domain::{ComplaintStatus, Millis, PlanStatus};
use crate::workflow::{AgendaGroup, agenda_group};
use chrono::{Local, TimeZone};
use serde::{Deserialize, Serialize};

/// How far ahead an SLA deadline counts as due soon.
pub const SLA_SOON_MS: Millis = 60 * 60 * 1000;

/// The counts of what needs one staff member, and what they are made of.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reminders {
    /// Whose they are: the session's staff name.
    pub staff: String,
    /// Open care plans due before now (an earlier day, or today at a time already past)...
    pub overdue_plans: u64,
    /// ...and the rest of those due today.
    pub due_plans: u64,
    /// Complaints assigned to me that are still new (not acknowledged, no reply).
    pub new_complaints: u64,
    /// Open complaints routed to a team I am a member of that nobody there has taken yet.
    #[serde(default)]
    pub team_queue: u64,
    /// My open complaints with a deadline (first response or resolution) within the hour...
    pub sla_soon: u64,
    /// ...and those past one.
    pub sla_breached: u64,
    /// Each thing counted, as `plan CP-000031 overdue` (or `due`), `complaint CM-000012 new`, `... soon`,
    /// `... breached`: a screen compares two readings to tell what just became due.
    pub items: Vec<String>,
}

impl Reminders {
    /// Everything that needs me (a complaint counted in two ways counts twice).
    pub fn total(&self) -> u64 {
        self.overdue_plans
            + self.due_plans
            + self.new_complaints
            + self.team_queue
            + self.sla_soon
            + self.sla_breached
    }

    /// The counts that are not zero, in words: long (`2 overdue care plans`) or short
    /// (`2 late`, for a status line).
    pub fn parts(&self, short: bool) -> Vec<String> {
        let counts = [
            (
                self.overdue_plans,
                if short {
                    t!("remind-overdue-short", n = self.overdue_plans)
                } else {
                    t!("remind-overdue", n = self.overdue_plans)
                },
            ),
            (
                self.due_plans,
                if short {
                    t!("remind-due-short", n = self.due_plans)
                } else {
                    t!("remind-due", n = self.due_plans)
                },
            ),
            (
                self.new_complaints,
                if short {
                    t!("remind-new-short", n = self.new_complaints)
                } else {
                    t!("remind-new", n = self.new_complaints)
                },
            ),
            (
                self.team_queue,
                if short {
                    t!("remind-team-short", n = self.team_queue)
                } else {
                    t!("remind-team", n = self.team_queue)
                },
            ),
            (
                self.sla_soon,
                if short {
                    t!("remind-sla-soon-short", n = self.sla_soon)
                } else {
                    t!("remind-sla-soon", n = self.sla_soon)
                },
            ),
            (
                self.sla_breached,
                if short {
                    t!("remind-sla-breached-short", n = self.sla_breached)
                } else {
                    t!("remind-sla-breached", n = self.sla_breached)
                },
            ),
        ];
        counts
            .into_iter()
            .filter(|(n, _)| *n > 0)
            .map(|(_, words)| words)
            .collect()
    }

    /// What is in `self` and was not in `before`.
    pub fn new_since<'a>(&'a self, before: &Reminders) -> Vec<&'a str> {
        // A set: someone with thousands of overdue plans must not cost the screen a
        // quadratic comparison every few seconds.
        let before: std::collections::HashSet<&str> =
            before.items.iter().map(String::as_str).collect();
        self.items
            .iter()
            .map(String::as_str)
            .filter(|item| !before.contains(item))
            .collect()
    }
}

/// Whether `name` (an assignee or owner) names the staff member `me`.
fn is_me(name: Option<&str>, me: &str) -> bool {
    let me = me.trim();
    !me.is_empty() && name.is_some_and(|n| n.trim().eq_ignore_ascii_case(me))
}

impl Service {
    /// What needs this session's staff member at `now`: a plan is theirs when it is assigned
    /// to them, or unassigned on a customer they own; a complaint when assigned to them, or
    /// unassigned in the queue of a team they are a member of (by staff name or OS account).
    pub fn reminders_at(&self, now: Millis) -> Result<Reminders, ServiceError> {
        let me = self.store.staff().to_string();
        let local_now = match Local.timestamp_millis_opt(now) {
            chrono::LocalResult::Single(t) | chrono::LocalResult::Ambiguous(t, _) => {
                t.naive_local()
            }
            chrono::LocalResult::None => chrono::Utc
                .timestamp_millis_opt(now)
                .single()
                .map(|t| t.naive_utc())
                .unwrap_or_default(),
        };
        let policy = self.sla_policy()?;
        let os_user = self.store.os_user().to_string();
        let my_teams: Vec<String> = self
            .teams()?
            .into_iter()
            .filter(|t| t.has_member(&me) || t.has_member(&os_user))
            .map(|t| t.name.to_lowercase())
            .collect();
        let r = self.store.read()?;
        let mut out = Reminders {
            staff: me.clone(),
            ..Reminders::default()
        };
        for plan in r.care_plans()? {
            let plan = plan?;
            if plan.status != PlanStatus::Open {
                continue;
            }
            let group = match agenda_group(plan.due, plan.due_time, local_now, 0) {
                Some(g @ (AgendaGroup::Overdue | AgendaGroup::Today)) => g,
                _ => continue,
            };
            let mine = match &plan.assignee {
                Some(a) => is_me(Some(a), &me),
                None => r
                    .customer(plan.customer)?
                    .is_some_and(|c| is_me(c.owner.as_deref(), &me)),
            };
            if !mine {
                continue;
            }
            // Due and overdue are two items: falling overdue (a time passed) rings again.
            match group {
                AgendaGroup::Overdue => {
                    out.overdue_plans += 1;
                    out.items.push(format!("plan {} overdue", plan.id));
                }
                _ => {
                    out.due_plans += 1;
                    out.items.push(format!("plan {} due", plan.id));
                }
            }
        }
        for c in r.complaints()? {
            let c = c?;
            if matches!(
                c.status,
                ComplaintStatus::Resolved | ComplaintStatus::Closed
            ) {
                continue;
            }
            if c.assignee.is_none()
                && c.team
                    .as_ref()
                    .is_some_and(|t| my_teams.contains(&t.to_lowercase()))
            {
                out.team_queue += 1;
                out.items.push(format!("complaint {} team", c.id));
                continue;
            }
            if !is_me(c.assignee.as_deref(), &me) {
                continue;
            }
            if c.status == ComplaintStatus::New {
                out.new_complaints += 1;
                out.items.push(format!("complaint {} new", c.id));
            }
            let sla = policy.state(&c, now);
            if sla.response_breached || sla.resolution_breached {
                out.sla_breached += 1;
                out.items.push(format!("complaint {} breached", c.id));
            } else if sla
                .next_deadline
                .is_some_and(|d| d > now && d - now <= SLA_SOON_MS)
            {
                out.sla_soon += 1;
                out.items.push(format!("complaint {} soon", c.id));
            }
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with(items: &[&str]) -> Reminders {
        Reminders {
            items: items.iter().map(|s| s.to_string()).collect(),
            ..Reminders::default()
        }
    }

    #[test]
    fn only_what_was_not_there_before_is_new() {
        let before = with(&["plan CP-1", "complaint CM-2 new"]);
        let now = with(&["complaint CM-2 new", "complaint CM-2 breached", "plan CP-3"]);
        assert_eq!(
            now.new_since(&before),
            ["complaint CM-2 breached", "plan CP-3"]
        );
        assert!(before.new_since(&before).is_empty());
    }
}
