//! Errors of the storage layer.

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("cannot open {path}: {reason}")]
    Open { path: PathBuf, reason: String },

    #[error(
        "{path} was written by a newer loyal (schema version {found}; this build reads up to {supported}); upgrade loyal to open it"
    )]
    NewerSchema {
        path: PathBuf,
        found: u64,
        supported: u64,
    },

    #[error("damaged {what} record {key:?}: {reason}")]
    Corrupt {
        what: &'static str,
        key: String,
        reason: String,
    },

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
