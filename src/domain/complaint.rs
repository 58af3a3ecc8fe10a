//! Complaints: the queue item, its status flow, its event history and its root-cause review.

use super::Millis;
use super::customer::CustomerId;
use super::labels::{Channel, labelled_enum};
use serde::{Deserialize, Serialize};

labelled_enum! {
    /// How bad it is; drives the resolution deadline and queue order.
    pub enum Severity as "severity" {
        Low = "low",
        Normal = "normal" | "medium" | "一般" | "中",
        High = "high",
        Urgent = "urgent" | "critical" | "严重" | "特急",
    }
}

labelled_enum! {
    /// Where the complaint is in its life cycle.
    pub enum ComplaintStatus as "complaint status" {
        New = "new" | "open" | "待处理" | "未处理",
        Acknowledged = "acknowledged" | "ack",
        InProgress = "in_progress" | "in progress" | "working",
        Resolved = "resolved" | "已处理" | "解决",
        Closed = "closed" | "关闭" | "已结案",
    }
}

labelled_enum! {
    /// What kind of entry a history event is.
    pub enum ComplaintEventKind as "complaint event" {
        Opened = "opened",
        StatusChange = "status_change" | "status",
        Reply = "reply",
        Note = "note" | "internal note",
        CustomerContact = "customer_contact" | "contact",
        Escalated = "escalated",
        /// Sent to a team (`to finance` or `to finance: why`).
        Routed = "routed" | "route",
    }
}

/// One entry in a complaint's history.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ComplaintEvent {
    #[serde(with = "crate::domain::instant")]
    pub at: Millis,
    pub staff: String,
    pub kind: ComplaintEventKind,
    pub text: String,
}

/// The answers recorded when a complaint is resolved, so recurring problems show up.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RootCause {
    pub cause: String,
    /// Why does the customer feel this?
    pub why_customer_feels: String,
    /// What did we do or say to cause it?
    pub what_we_did: String,
    /// Is it reasonable?
    pub reasonable: String,
    /// Have other customers said the same?
    pub others_said_same: String,
    /// What prevents it happening again?
    pub prevention: String,
}

/// One complaint.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Complaint {
    pub id: String,
    #[serde(with = "crate::domain::customer_ref")]
    pub customer: CustomerId,
    #[serde(with = "crate::domain::instant")]
    pub opened_at: Millis,
    pub channel: Channel,
    pub category: String,
    pub severity: Severity,
    /// The severity when the complaint was opened: the first-response deadline counts from it,
    /// so a later escalation cannot turn an on-time answer into a breach.
    pub opened_severity: Severity,
    pub description: String,
    pub assignee: Option<String>,
    /// The team it was routed to (a name from the `teams` setting); none: the service desk's.
    pub team: Option<String>,
    pub status: ComplaintStatus,
    /// How many times the customer has contacted us about it (the first report counts).
    pub contacts: u32,
    pub escalated: bool,
    #[serde(with = "crate::domain::instant_opt")]
    pub first_response_at: Option<Millis>,
    #[serde(with = "crate::domain::instant_opt")]
    pub resolved_at: Option<Millis>,
    #[serde(with = "crate::domain::instant_opt")]
    pub closed_at: Option<Millis>,
    /// Set once a deadline passes unmet; stays set after the deadline is met.
    pub response_breached: bool,
    pub resolution_breached: bool,
    pub root_cause: Option<RootCause>,
    pub history: Vec<ComplaintEvent>,
    pub version: u64,
}

impl Complaint {
    /// The most customer contacts one complaint counts (an import may not give more, and a
    /// contact beyond it is refused rather than wrapping the count around to 0).
    pub const MAX_CONTACTS: u32 = 10_000;

    /// A complaint just opened: status new, its first contact counted, no deadline met or
    /// missed yet, no history (the caller adds the opening event), version 1.
    pub fn opened(
        id: String,
        customer: CustomerId,
        opened_at: Millis,
        channel: Channel,
    ) -> Complaint {
        Complaint {
            id,
            customer,
            opened_at,
            channel,
            category: String::new(),
            severity: Severity::Normal,
            opened_severity: Severity::Normal,
            description: String::new(),
            assignee: None,
            team: None,
            status: ComplaintStatus::New,
            contacts: 1,
            escalated: false,
            first_response_at: None,
            resolved_at: None,
            closed_at: None,
            response_breached: false,
            resolution_breached: false,
            root_cause: None,
            history: Vec::new(),
            version: 1,
        }
    }
}
