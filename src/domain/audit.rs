//! The audit trail: who changed what, and when. Entries are only ever appended.

use super::Millis;
use super::customer::CustomerId;
use serde::{Deserialize, Serialize};

/// One user action.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEntry {
    pub seq: u64,
    pub at: Millis,
    /// The OS account of the process, from its real user id.
    pub os_user: String,
    /// The staff display name from the personal settings.
    pub staff: String,
    /// What was done, like `customer.update` or `complaint.contact`.
    pub action: String,
    /// The customer it concerned, if one.
    pub customer: Option<CustomerId>,
    /// The record it concerned (`C-000042`, `CM-000007`), if one.
    pub subject: String,
    pub detail: String,
}
