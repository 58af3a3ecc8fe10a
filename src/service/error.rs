//! Errors of the service API: what a front end shows the user.

use crate::store::StoreError;
use crate::transfer::RowError;

#[derive(Debug, thiserror::Error)]
pub enum ServiceError {
    #[error(transparent)]
    Store(#[from] StoreError),

    #[error("no customer {0:?} (try `loyal lookup` to find the right id)")]
    UnknownCustomer(String),

    #[error("{field}: {reason}")]
    Invalid { field: String, reason: String },

    #[error(
        "{user} is {role}: {role} staff may not {needs_to} (an admin can change this: loyal role set {user} {needed})"
    )]
    Forbidden {
        user: String,
        role: crate::domain::Role,
        needed: crate::domain::Role,
        needs_to: &'static str,
    },

    #[error(
        "{what} was changed meanwhile (now version {version}, by {by} at {at}); reload it and try again"
    )]
    Stale {
        what: String,
        version: u64,
        by: String,
        at: String,
    },

    #[error("{} bad row(s); nothing was written", .0.len())]
    Rejected(Vec<RowError>),

    #[error("possible duplicate of {}", .0.iter().map(|m| format!("{} {} ({})", m.external_id, m.name, m.reason)).collect::<Vec<_>>().join(", "))]
    PossibleDuplicate(Vec<crate::service::DuplicateMatch>),
}

impl ServiceError {
    pub fn invalid(field: &str, reason: impl Into<String>) -> Self {
        ServiceError::Invalid {
            field: field.to_string(),
            reason: reason.into(),
        }
    }
}
