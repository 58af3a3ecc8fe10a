//! The follow-up log: one record per contact with a customer.

use super::Millis;
use super::customer::CustomerId;
use super::labels::{Channel, labelled_enum};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

labelled_enum! {
    /// Who started the contact.
    pub enum Direction as "direction" {
        Inbound = "inbound" | "in" | "来电" | "呼入电话",
        Outbound = "outbound" | "out" | "去电" | "回访",
    }
}

labelled_enum! {
    /// What the contact was for.
    pub enum FollowUpKind as "follow-up kind" {
        Care = "care",
        Sales = "sales",
        Service = "service" | "support",
        Survey = "survey" | "feedback" | "feedback survey",
        WinBack = "win_back" | "winback",
        Other = "other",
    }
}

/// One contact with a customer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FollowUp {
    pub id: String,
    #[serde(with = "crate::domain::customer_ref")]
    pub customer: CustomerId,
    #[serde(with = "crate::domain::instant")]
    pub at: Millis,
    pub channel: Channel,
    pub direction: Direction,
    pub kind: FollowUpKind,
    pub staff: String,
    pub summary: String,
    pub outcome: String,
    /// 1 (very unhappy) to 5 (delighted), when asked.
    pub satisfaction: Option<u8>,
    pub next_contact: Option<NaiveDate>,
}
