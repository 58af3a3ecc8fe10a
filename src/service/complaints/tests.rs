//! The complaint flow's small rules: audit actions with words, notes that name a complaint.

use super::{ComplaintCommand, command_name};
use crate::text::mentions;

#[test]
fn a_note_mentions_an_id_only_as_a_whole() {
    assert!(mentions(
        "satisfaction check after complaint CM-000001 (late)",
        "CM-000001"
    ));
    assert!(mentions("投诉 CM-000001 之后的满意度回访", "CM-000001"));
    assert!(!mentions("after complaint CM-0000012 (late)", "CM-000001"));
    assert!(!mentions("XCM-000001", "CM-000001"));
}

#[test]
fn every_command_s_audit_action_has_words() {
    let text = String::new;
    for command in [
        ComplaintCommand::Acknowledge { text: text() },
        ComplaintCommand::Start,
        ComplaintCommand::Reply { text: text() },
        ComplaintCommand::Note { text: text() },
        ComplaintCommand::Contact { text: text() },
        ComplaintCommand::Resolve {
            text: text(),
            root_cause: None,
        },
        ComplaintCommand::Close,
        ComplaintCommand::Reopen { reason: text() },
        ComplaintCommand::Assign { to: text() },
    ] {
        let action = format!("complaint.{}", command_name(&command));
        assert!(
            crate::domain::AUDIT_ACTIONS.contains(&action.as_str()),
            "{action}"
        );
    }
}
