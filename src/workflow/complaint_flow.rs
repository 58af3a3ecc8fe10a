//! The complaint status flow: new -> acknowledged -> in progress -> resolved -> closed, with
//! reopen from resolved or closed. Anything else is refused with a reason a person can act on.

use crate::domain::{ComplaintStatus, Severity};

/// What staff do to a complaint.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Acknowledge,
    Start,
    Resolve,
    Close,
    Reopen,
}

impl Action {
    fn verb(self) -> &'static str {
        match self {
            Action::Acknowledge => ts!("flow-verb-acknowledged"),
            Action::Start => ts!("flow-verb-started"),
            Action::Resolve => ts!("flow-verb-resolved"),
            Action::Close => ts!("flow-verb-closed"),
            Action::Reopen => ts!("flow-verb-reopened"),
        }
    }
}

/// A transition the flow does not allow.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", t!("flow-refused", from = from.title(), verb = *verb, hint = *hint))]
pub struct FlowError {
    pub from: ComplaintStatus,
    pub verb: &'static str,
    pub hint: &'static str,
}

/// The status after `action`, or why it is not allowed from `from`.
pub fn next_status(from: ComplaintStatus, action: Action) -> Result<ComplaintStatus, FlowError> {
    use ComplaintStatus::*;
    let to = match (action, from) {
        (Action::Acknowledge, New) => Acknowledged,
        (Action::Start, New | Acknowledged) => InProgress,
        (Action::Resolve, New | Acknowledged | InProgress) => Resolved,
        (Action::Close, Resolved) => Closed,
        (Action::Reopen, Resolved | Closed) => InProgress,
        _ => {
            let hint = match (action, from) {
                (Action::Acknowledge, InProgress) => ts!("flow-hint-started-already"),
                (Action::Acknowledge, _) => ts!("flow-hint-acknowledged-already"),
                (Action::Start, InProgress) => ts!("flow-hint-in-progress-already"),
                (Action::Close, New | Acknowledged | InProgress) => ts!("flow-hint-resolve-first"),
                (Action::Reopen, _) => ts!("flow-hint-still-open"),
                (_, Resolved | Closed) => ts!("flow-hint-reopen-first"),
                _ => ts!("flow-hint-not-a-step"),
            };
            return Err(FlowError {
                from,
                verb: action.verb(),
                hint,
            });
        }
    };
    Ok(to)
}

/// One severity up (urgent stays urgent): what escalation does.
pub fn escalated_severity(severity: Severity) -> Severity {
    match severity {
        Severity::Low => Severity::Normal,
        Severity::Normal => Severity::High,
        Severity::High | Severity::Urgent => Severity::Urgent,
    }
}

/// What escalation at the `contacts`-th contact does to a complaint of `severity`: the raised
/// severity and the history text, the same for the service and for generated data.
pub fn escalation(contacts: u32, severity: Severity) -> (Severity, String) {
    let raised = escalated_severity(severity);
    (
        raised,
        format!("{contacts} contacts without a fix: severity {severity} -> {raised}"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use ComplaintStatus::*;

    #[test]
    fn allowed_transitions() {
        let ok = [
            (New, Action::Acknowledge, Acknowledged),
            (New, Action::Start, InProgress),
            (Acknowledged, Action::Start, InProgress),
            (New, Action::Resolve, Resolved),
            (InProgress, Action::Resolve, Resolved),
            (Resolved, Action::Close, Closed),
            (Resolved, Action::Reopen, InProgress),
            (Closed, Action::Reopen, InProgress),
        ];
        for (from, action, to) in ok {
            assert_eq!(next_status(from, action), Ok(to), "{from} {action:?}");
        }
    }

    #[test]
    fn refused_transitions_say_why() {
        let refused = [
            (Acknowledged, Action::Acknowledge, "acknowledged already"),
            (InProgress, Action::Acknowledge, "started already"),
            (New, Action::Close, "resolve it first"),
            (InProgress, Action::Close, "resolve it first"),
            (Closed, Action::Close, "reopen it first"),
            (Closed, Action::Resolve, "reopen it first"),
            (New, Action::Reopen, "still open"),
            (InProgress, Action::Start, "in progress already"),
        ];
        for (from, action, hint) in refused {
            let err = next_status(from, action).unwrap_err();
            assert!(err.to_string().contains(hint), "{from} {action:?}: {err}");
        }
        assert_eq!(
            next_status(New, Action::Close).unwrap_err().to_string(),
            "a complaint that is new cannot be closed: resolve it first"
        );
    }

    #[test]
    fn escalation_raises_severity_once_per_step() {
        assert_eq!(escalated_severity(Severity::Low), Severity::Normal);
        assert_eq!(escalated_severity(Severity::High), Severity::Urgent);
        assert_eq!(escalated_severity(Severity::Urgent), Severity::Urgent);
    }
}
