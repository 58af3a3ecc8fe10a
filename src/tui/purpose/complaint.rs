//! The forms of the complaint steps (acknowledge, reply, note, contact, resolve with the root
//! cause, reopen, assign, route to a team).

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
                t!("complaint-form-ack"),
                vec![Field::text("text", ts!("field-text"), t!("complaint-ack-text")).required()],
            ),
            Action::Reply => (
                t!("complaint-form-reply"),
                vec![Field::lines("text", ts!("field-text-reply"), "").required()],
            ),
            Action::Note => (
                t!("complaint-form-note"),
                vec![Field::lines("text", ts!("field-text-note"), "").required()],
            ),
            Action::CustomerContact => (
                t!("complaint-form-contact"),
                vec![Field::lines("text", ts!("field-text-what-they-said"), "").required()],
            ),
            Action::Resolve => (
                t!("complaint-form-resolve"),
                vec![
                    Field::lines("text", ts!("field-text-resolution"), "").required(),
                    Field::text("cause", ts!("field-cause"), "").required(),
                    Field::text("why_customer_feels", ts!("field-why-customer-feels"), ""),
                    Field::text("reasonable", ts!("field-reasonable"), ""),
                    Field::text("what_we_did", ts!("field-what-we-did"), ""),
                    Field::text("others_said_same", ts!("field-others-said-same"), ""),
                    Field::text("prevention", ts!("field-prevention"), ""),
                ],
            ),
            Action::Reopen => (
                t!("complaint-form-reopen"),
                vec![Field::text("reason", ts!("field-reason"), "").required()],
            ),
            Action::Assign => (
                t!("complaint-form-assign"),
                vec![
                    Field::text(
                        "to",
                        ts!("field-to"),
                        c.assignee.clone().unwrap_or_default(),
                    )
                    .required(),
                ],
            ),
            _ => return None,
        };
        Some(Form::new(
            t!(
                "complaint-form-title",
                step = title,
                id = &c.id,
                name = name
            ),
            purpose,
            fields,
        ))
    }

    /// The route form: a choice of `teams` (shown by title, the current team first), why, and
    /// optionally to whom; `None` when no team is configured.
    pub fn route_form(
        c: &Complaint,
        name: &str,
        teams: &[crate::domain::Team],
    ) -> Option<Form<Purpose>> {
        if teams.is_empty() {
            return None;
        }
        let titles: Vec<String> = teams.iter().map(|t| t.title()).collect();
        let options: Vec<&str> = titles.iter().map(String::as_str).collect();
        let current = c
            .team
            .as_deref()
            .map(crate::domain::team_title)
            .unwrap_or_default();
        Some(Form::new(
            t!(
                "complaint-form-title",
                step = t!("complaint-form-route"),
                id = &c.id,
                name = name
            ),
            Purpose::Complaint {
                id: c.id.clone(),
                version: c.version,
                action: Action::Route,
            },
            vec![
                Field::choice("team", ts!("field-team"), &options, &current),
                Field::lines("note", ts!("field-route-why"), ""),
                Field::text("to", ts!("field-route-to"), ""),
            ],
        ))
    }
}
