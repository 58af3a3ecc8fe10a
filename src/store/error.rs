//! Errors of the storage layer.

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{}", t!("store-cannot-open", path = path.display().to_string(), reason = reason))]
    Open { path: PathBuf, reason: String },

    #[error("{}", t!("store-missing", path = path.display().to_string()))]
    Missing { path: PathBuf },

    #[error("{}", t!("store-empty", path = path.display().to_string()))]
    Empty { path: PathBuf },

    #[error("{}", t!("store-not-loyal", path = path.display().to_string(), reason = reason))]
    NotLoyal { path: PathBuf, reason: String },

    #[error("{}", t!("store-read-only", path = path.display().to_string()))]
    ReadOnly { path: PathBuf },

    #[error("{}", t!(
        "store-newer-schema",
        path = path.display().to_string(),
        found = *found,
        supported = *supported
    ))]
    NewerSchema {
        path: PathBuf,
        found: u64,
        supported: u64,
    },

    #[error("{}", t!(
        "store-corrupt",
        kind = record_kind(what),
        key = format!("{key:?}"),
        reason = reason
    ))]
    Corrupt {
        what: &'static str,
        key: String,
        reason: String,
    },

    #[error("{}", t!("store-damaged", path = path.display().to_string(), detail = detail))]
    Damaged { path: PathBuf, detail: String },

    #[error("{}", t!("store-duplicate-id", id = format!("{:?}", .0)))]
    DuplicateExternalId(String),

    #[error("{}", t!("store-missing-customer", id = .0.to_string()))]
    MissingCustomer(u64),

    #[error("{}", t!("store-encode", reason = .0.to_string()))]
    Encode(#[source] postcard::Error),

    #[error(transparent)]
    Redb(#[from] redb::Error),

    #[error("{}", t!("store-migration", reason = .0.to_string()))]
    Migration(#[from] super::schema::MigrationError),

    #[error("{}", t!(
        "store-total-overflow",
        customer = customer.to_string(),
        max = crate::domain::Money::MAX_TOTAL.to_string()
    ))]
    TotalOverflow { customer: u64 },
}

macro_rules! from_redb {
    ($($ty:ty),+) => {
        $(impl From<$ty> for StoreError {
            fn from(e: $ty) -> Self {
                StoreError::Redb(e.into())
            }
        })+
    };
}
from_redb!(
    redb::DatabaseError,
    redb::TransactionError,
    redb::TableError,
    redb::StorageError,
    redb::CommitError,
    redb::CursorError
);

impl From<postcard::Error> for StoreError {
    fn from(e: postcard::Error) -> Self {
        StoreError::Encode(e)
    }
}

impl StoreError {
    /// The file itself is damaged (as opposed to missing, busy, or a wrong request): the CLI
    /// exits with its own code for it, and nothing more is written.
    pub fn is_damage(&self) -> bool {
        matches!(
            self,
            StoreError::Damaged { .. }
                | StoreError::Corrupt { .. }
                | StoreError::Redb(redb::Error::Corrupted(_))
        )
    }
}

/// The plain word for a stored record type (`loyal::Customer@1` -> `customer`): what a person
/// reads, never the file format's type name.
fn record_kind(type_name: &str) -> String {
    let name = type_name
        .trim_start_matches("loyal::")
        .split('@')
        .next()
        .unwrap_or(type_name);
    let mut word = String::new();
    for (i, c) in name.chars().enumerate() {
        if c.is_uppercase() && i > 0 {
            word.push(' ');
        }
        word.extend(c.to_lowercase());
    }
    word
}

#[cfg(test)]
mod tests {
    #[test]
    fn record_kinds_are_plain_words() {
        assert_eq!(super::record_kind("loyal::Customer@1"), "customer");
        assert_eq!(super::record_kind("loyal::CarePlan@2"), "care plan");
        assert_eq!(super::record_kind("loyal::FollowUp@1"), "follow up");
    }
}
