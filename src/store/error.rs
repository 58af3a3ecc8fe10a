//! Errors of the storage layer.

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("cannot open {path}: {reason}")]
    Open { path: PathBuf, reason: String },

    #[error("no database at {path} (nothing was created: `loyal init` makes a new one)")]
    Missing { path: PathBuf },

    #[error(
        "{path} is empty (0 bytes): not a loyal database (a truncated copy or a full disk?); \
         nothing was changed, restore it from a backup"
    )]
    Empty { path: PathBuf },

    #[error("{path} is not a loyal database ({reason}); nothing was changed")]
    NotLoyal { path: PathBuf, reason: String },

    #[error(
        "{path} is open read-only (this account may not write it): reading works, changes are refused"
    )]
    ReadOnly { path: PathBuf },

    #[error(
        "{path} was written by a newer loyal (schema version {found}; this build reads up to {supported}); upgrade loyal to open it"
    )]
    NewerSchema {
        path: PathBuf,
        found: u64,
        supported: u64,
    },

    #[error(
        "the database file looks damaged: {kind} record {key:?} cannot be read ({reason}); \
         nothing more is written to it; run `loyal check`, and restore a backup if the check fails",
        kind = record_kind(.what)
    )]
    Corrupt {
        what: &'static str,
        key: String,
        reason: String,
    },

    #[error(
        "the database file {path} looks damaged ({detail}): nothing more is written to it; \
         run `loyal check`, and restore a backup if the check fails"
    )]
    Damaged { path: PathBuf, detail: String },

    #[error("external id {0:?} already belongs to another customer")]
    DuplicateExternalId(String),

    #[error("no customer with internal id {0}")]
    MissingCustomer(u64),

    #[error("could not encode a record: {0}")]
    Encode(#[source] postcard::Error),

    #[error(transparent)]
    Redb(#[from] redb::Error),

    #[error("upgrading the database: {0}")]
    Migration(#[from] super::schema::MigrationError),

    #[error(
        "the orders of customer #{customer} would add up to beyond ±{max}, the most loyal can hold",
        max = crate::domain::Money::MAX_TOTAL
    )]
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
    redb::CommitError
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
