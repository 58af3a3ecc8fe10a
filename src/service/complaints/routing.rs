//! Routing a complaint to a team (finance, sales, ...): the step itself, and the team names
//! a queue filter or a route may spell as configured or as shown.

use super::{ComplaintEventKind, QueueFilter, event, is_open};
use crate::domain::Complaint;
use crate::service::{Service, ServiceError};
use crate::store::Writer;

/// `no team "x" (teams: service, finance, sales)`.
fn unknown_team(teams: &[crate::domain::Team], wanted: &str) -> ServiceError {
    let names: Vec<String> = teams.iter().map(|t| t.title()).collect();
    ServiceError::invalid(
        "team",
        if names.is_empty() {
            t!("no-teams", team = format!("{:?}", wanted.trim()))
        } else {
            t!(
                "no-such-team",
                team = format!("{:?}", wanted.trim()),
                teams = names.join(", ")
            )
        },
    )
}

/// Sends an open complaint to a team: only the team and perhaps the assignee change (the
/// deadlines count from the opening as before); the history says where, why and, when the
/// assignee changes, to whom.
pub(super) fn route(
    w: &Writer<'_>,
    c: &mut Complaint,
    teams: &[crate::domain::Team],
    wanted: &str,
    note: &str,
    to: Option<&str>,
) -> Result<(), ServiceError> {
    if !is_open(c.status) {
        return Err(ServiceError::invalid(
            "status",
            t!(
                "complaint-route-closed",
                id = &c.id,
                status = c.status.title()
            ),
        ));
    }
    let team =
        crate::domain::find_team(teams, wanted).ok_or_else(|| unknown_team(teams, wanted))?;
    let to = to.map(str::trim).filter(|t| !t.is_empty());
    let assignee = match to {
        Some(to) => Some(to.to_string()),
        None => c
            .assignee
            .clone()
            .filter(|a| team.members.is_empty() || team.has_member(a)),
    };
    if assignee != c.assignee {
        c.history.push(event(
            w,
            ComplaintEventKind::Note,
            match &assignee {
                Some(to) => t!("event-assigned", to = to),
                None => t!("event-unassigned", team = team.title()),
            },
        ));
        c.assignee = assignee;
    }
    let note = note.trim();
    c.history.push(event(
        w,
        ComplaintEventKind::Routed,
        if note.is_empty() {
            format!("to {}", team.name)
        } else {
            format!("to {}: {note}", team.name)
        },
    ));
    c.team = Some(team.name.clone());
    Ok(())
}

impl Service {
    /// The filter with its team spelled as configured (`财务` -> `finance`); an unknown team is
    /// an error that lists the teams, never an empty queue.
    pub(super) fn with_team_name(&self, filter: &QueueFilter) -> Result<QueueFilter, ServiceError> {
        let Some(wanted) = filter.team.as_deref() else {
            return Ok(filter.clone());
        };
        let teams = self.teams()?;
        let team =
            crate::domain::find_team(&teams, wanted).ok_or_else(|| unknown_team(&teams, wanted))?;
        Ok(QueueFilter {
            team: Some(team.name.clone()),
            ..filter.clone()
        })
    }
}
