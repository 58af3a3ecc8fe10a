//! The audit trail: who changed what, and when. Entries are only ever appended.

use super::Millis;
use super::customer::CustomerId;
use serde::{Deserialize, Serialize};

/// One user action.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEntry {
    pub seq: u64,
    #[serde(with = "crate::domain::instant")]
    pub at: Millis,
    /// The OS account of the process, from its real user id.
    pub os_user: String,
    /// The staff display name from the personal settings.
    pub staff: String,
    /// What was done, like `customer.update` or `complaint.contact`.
    pub action: String,
    /// The customer it concerned, if one.
    #[serde(with = "crate::domain::customer_ref_opt")]
    pub customer: Option<CustomerId>,
    /// The record it concerned (`C-000042`, `CM-000007`), if one.
    pub subject: String,
    pub detail: String,
}

/// Every action loyal records, as stored (`customer.update`). An entry with another action (a
/// newer loyal's) is shown by its stored name.
pub const ACTIONS: &[&str] = &[
    "customer.add",
    "customer.update",
    "customer.merge",
    "customer.influence",
    "followup.log",
    "care.add",
    "care.done",
    "care.skip",
    "care.birthdays",
    "care.reorders",
    "care.win_back",
    "complaint.open",
    "complaint.ack",
    "complaint.start",
    "complaint.reply",
    "complaint.note",
    "complaint.contact",
    "complaint.resolve",
    "complaint.close",
    "complaint.reopen",
    "complaint.assign",
    "complaint.route",
    "import.customers",
    "import.orders",
    "import.followups",
    "import.care-plans",
    "import.complaints",
    "import.rollback",
    "role.set",
    "setting.set",
    "db.restore",
    "answer.add",
    "answer.edit",
    "answer.remove",
    "answer.import",
    "points.grant",
    "points.redeem",
    "points.import",
];

/// The catalogue id of an action's words: `audit-customer-update`.
pub fn action_id(action: &str) -> String {
    format!("audit-{}", crate::i18n::slug(action))
}

impl AuditEntry {
    /// What was done, as a person reads it (`changed a customer file`, 修改客户档案).
    pub fn action_title(&self) -> String {
        if ACTIONS.contains(&self.action.as_str()) {
            crate::i18n::message(&action_id(&self.action), &[])
        } else {
            self.action.clone()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::ACTIONS;

    /// Every action the service writes, literal or built, is one of [`ACTIONS`].
    #[test]
    fn every_recorded_action_is_listed() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/service");
        let mut found = Vec::new();
        for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let text = std::fs::read_to_string(entry.path()).unwrap_or_default();
            let code: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
            for marker in [".audit( \"", ".audit(\""] {
                for (at, _) in code.match_indices(marker) {
                    let rest = &code[at + marker.len()..];
                    if let Some(end) = rest.find('"') {
                        found.push(rest[..end].to_string());
                    }
                }
            }
        }
        assert!(
            found.len() >= 10,
            "the scan finds the service's audits: {found:?}"
        );
        for action in found {
            assert!(
                ACTIONS.contains(&action.as_str()),
                "{action} is not in ACTIONS"
            );
        }
        for kind in crate::transfer::Kind::ALL {
            let action = format!("import.{}", kind.label());
            assert!(ACTIONS.contains(&action.as_str()), "{action}");
        }
    }
}
