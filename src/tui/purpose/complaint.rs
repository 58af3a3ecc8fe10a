//! The forms of the complaint steps (acknowledge, reply, note, contact, resolve with the root
//! cause, reopen, assign).

use super::*;

impl Purpose {
    /// The form of a complaint action, or `None` for actions that need no words.
    pub fn complaint_form(action: Action, c: &Complaint, name: &str) -> Option<Form<Purpose>> {
        let purpose = Purpose::Complaint {
            id: c.id.clone(),
            version: c.version,
            action,
        };
        let (title, fields) = match action {
            Action::StartWork | Action::Close => return None,
            Action::Acknowledge => (
                "Acknowledge",
                vec![
                    Field::text(
                        "text",
                        "Said to customer",
                        "We have your complaint and are on it",
                    )
                    .required(),
                ],
            ),
            Action::Reply => ("Reply", vec![Field::lines("text", "Reply", "").required()]),
            Action::Note => (
                "Internal note",
                vec![Field::lines("text", "Note", "").required()],
            ),
            Action::CustomerContact => (
                "The customer contacted us again",
                vec![Field::lines("text", "What they said", "").required()],
            ),
            Action::Resolve => (
                "Resolve",
                vec![
                    Field::lines("text", "Resolution", "").required(),
                    Field::text("cause", "Root cause", "").required(),
                    Field::text("why_customer_feels", "Why they feel so", ""),
                    Field::text("reasonable", "Is it reasonable?", ""),
                    Field::text("what_we_did", "What we did", ""),
                    Field::text("others_said_same", "Others said same?", ""),
                    Field::text("prevention", "Prevention", ""),
                ],
            ),
            Action::Reopen => (
                "Reopen",
                vec![Field::text("reason", "Reason", "").required()],
            ),
            Action::Assign => (
                "Assign",
                vec![
                    Field::text("to", "Assign to", c.assignee.clone().unwrap_or_default())
                        .required(),
                ],
            ),
            _ => return None,
        };
        Some(Form::new(
            format!("{title}: {} ({name})", c.id),
            purpose,
            fields,
        ))
    }
}
