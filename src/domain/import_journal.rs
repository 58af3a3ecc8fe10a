//! The import journal: one record per import run (what, from which file, by whom, how far it
//! got), and the undo entries that let an import be rolled back by its id.

use super::labels::labelled_enum;
use super::{CarePlan, Complaint, Customer, CustomerId, FollowUp, Millis, Order};
use serde::{Deserialize, Serialize};

labelled_enum! {
    /// Where an import run stands.
    pub enum ImportState as "import state" {
        /// Writing chunks; if its heartbeat is old, the process stopped (interrupted).
        Running = "running",
        Done = "done",
        RolledBack = "rolled_back" | "rolled back",
        /// Interrupted, then finished by running the same import again.
        Resumed = "resumed",
        /// Being undone by `loyal imports rollback` (whose process `pid` and `host` name); if
        /// that process stopped, the rollback is half done: run it again to finish.
        RollingBack = "rolling_back" | "rolling back",
    }
}

/// One import run.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportRecord {
    pub id: u64,
    /// `orders`, `customers`...
    pub kind: String,
    /// The file as the user named it.
    pub file: String,
    pub staff: String,
    pub os_user: String,
    /// The importing process and its machine: on the same machine, a vanished process means
    /// the import was interrupted, without waiting for the heartbeat to age.
    pub pid: u32,
    pub host: String,
    #[serde(with = "crate::domain::instant")]
    pub started_at: Millis,
    /// Updated with every chunk: an old heartbeat on a running import means it stopped.
    #[serde(with = "crate::domain::instant")]
    pub heartbeat_at: Millis,
    pub rows: u64,
    /// Rows written so far.
    pub done: u64,
    pub state: ImportState,
    /// For `resumed`: the run that finished it.
    pub finished_by: Option<u64>,
}

/// What an import changed, so that it can be undone.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum UndoEntry {
    /// The order as it was before the import (`None`: the import created it).
    Order {
        order_id: String,
        before: Option<Order>,
    },
    /// A minimal customer file the import created (`--create-missing`).
    CustomerCreated { id: CustomerId },
    FollowUp {
        id: String,
        before: Option<FollowUp>,
    },
    CarePlan {
        id: String,
        before: Option<CarePlan>,
    },
    Complaint {
        id: String,
        before: Option<Box<Complaint>>,
    },
    /// Orders the import created, many to an entry (one entry per order would be a third of
    /// a bulk import's writes).
    OrdersCreated { order_ids: Vec<String> },
    /// A customer file as it was before the import changed it.
    CustomerUpdated { before: Box<Customer> },
    /// An external id the import made an alias of an existing file (a twin found by phone or
    /// email).
    AliasAdded { external_id: String, id: CustomerId },
}

impl UndoEntry {
    /// How many changes this entry undoes.
    pub fn weight(&self) -> u64 {
        match self {
            UndoEntry::OrdersCreated { order_ids } => order_ids.len() as u64,
            _ => 1,
        }
    }
}
