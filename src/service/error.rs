//! Errors of the service API: what a front end shows the user.

use crate::store::StoreError;
use crate::transfer::RowError;

#[derive(Debug, thiserror::Error)]
pub enum ServiceError {
    #[error(transparent)]
    Store(#[from] StoreError),

    #[error("{}", t!("err-unknown-customer", id = format!("{:?}", .0)))]
    UnknownCustomer(String),

    #[error("{field}: {reason}")]
    Invalid { field: String, reason: String },

    /// No such record (a complaint, a care plan, an import run).
    #[error("{field}: {reason}")]
    NotFound { field: String, reason: String },

    #[error("{}", t!(
        "err-forbidden",
        user = user,
        role = role.title(),
        needs = crate::i18n::needs(needs_to),
        needed = needed.label()
    ))]
    Forbidden {
        user: String,
        role: crate::domain::Role,
        needed: crate::domain::Role,
        needs_to: &'static str,
    },

    #[error("{}", t!("err-stale", what = what, version = *version, by = by, at = at))]
    Stale {
        what: String,
        version: u64,
        by: String,
        at: String,
    },

    #[error("{}", t!("err-rejected", n = .0.len()))]
    Rejected(Vec<RowError>),

    /// An import file that cannot be read as its format says (a malformed CSV line, invalid
    /// JSON, a missing required column): where and why.
    #[error("{0}")]
    Unreadable(RowError),

    #[error("{}", t!(
        "err-duplicate",
        matches = .0
            .iter()
            .map(|m| format!("{} {} ({})", m.external_id, m.name, m.reason))
            .collect::<Vec<_>>()
            .join(", ")
    ))]
    PossibleDuplicate(Vec<crate::service::DuplicateMatch>),
}

impl ServiceError {
    pub fn not_found(field: &str, reason: impl Into<String>) -> Self {
        ServiceError::NotFound {
            field: field.to_string(),
            reason: reason.into(),
        }
    }

    pub fn invalid(field: &str, reason: impl Into<String>) -> Self {
        ServiceError::Invalid {
            field: field.to_string(),
            reason: reason.into(),
        }
    }
}
