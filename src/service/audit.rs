//! Reading the audit trail: who changed what, and when.

use super::customers::resolve_key_read;
use super::{CustomerKey, Service, ServiceError};
use crate::domain::{AuditEntry, Millis};
use serde::{Deserialize, Serialize};

/// Which audit entries to show.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditFilter {
    pub customer: Option<CustomerKey>,
    /// OS account or staff name (case-insensitive).
    pub user: Option<String>,
    pub since: Option<Millis>,
    pub limit: usize,
}

impl Service {
    /// Audit entries, newest first.
    pub fn audit(&self, filter: &AuditFilter) -> Result<Vec<AuditEntry>, ServiceError> {
        let r = self.store.read()?;
        let customer = match &filter.customer {
            Some(key) => Some(resolve_key_read(&r, key)?),
            None => None,
        };
        let user = filter.user.as_ref().map(|u| u.trim().to_lowercase());
        let keep = |e: &AuditEntry| {
            user.as_ref()
                .is_none_or(|u| e.os_user.to_lowercase() == *u || e.staff.to_lowercase() == *u)
                && filter.since.is_none_or(|s| e.at >= s)
        };
        let limit = if filter.limit == 0 {
            usize::MAX
        } else {
            filter.limit
        };
        Ok(r.audit_entries(customer, limit, keep)?)
    }
}
