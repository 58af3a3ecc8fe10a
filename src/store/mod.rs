//! The only code that touches redb: opening the database file, its tables and indexes, and the
//! read and write transactions every other module goes through.
//!
//! One user action is one write transaction: [`Store::write`] runs a closure against a
//! [`Writer`] and commits only if the closure succeeds, so a failed action leaves nothing behind.

mod access;
mod answers;
mod backup;
mod changes;
mod codec;
mod customer_reads;
pub mod damage;
mod error;
pub mod imports;
mod influence;
mod legacy;
mod merge;
mod open;
mod ordered_insert;
mod orders;
mod pending_index;
mod points;
mod reader;
mod records;
pub mod schema;
mod waiters;
mod writer;

pub use backup::BackupReport;
pub use changes::Changed;
pub use codec::{Encoded, Rec, StoredRecord};
pub use error::StoreError;
pub use imports::{host_name, process_alive};
pub use merge::MergeCounts;
pub use open::{SpaceStats, Store, StoreOptions};
pub use reader::{PhoneHit, Reader, TermHit};
pub use records::{Change, ChildRecord};
pub use waiters::WaitProbe;
pub use writer::{RecordIdKind, Writer};
