//! The import journal in the store: starting a run, recording what each chunk changed (the
//! undo log), the heartbeat that tells a running import from an interrupted one, and undoing.

use super::access::decode;
use super::codec::Encoded;
use super::error::StoreError;
use super::reader::Reader;
use super::schema::meta_keys;
use super::writer::Writer;
use crate::domain::{ImportRecord, ImportState, UndoEntry};
use redb::ReadableTable;

/// Every import run in `table`, newest first.
fn all_imports(
    table: &impl ReadableTable<u64, crate::store::Rec<ImportRecord>>,
) -> Result<Vec<ImportRecord>, StoreError> {
    let mut out = Vec::new();
    for entry in table.range::<u64>(..)?.rev() {
        let (key, value) = entry?;
        out.push(decode(key.value(), &value.value())?);
    }
    Ok(out)
}

impl Writer<'_> {
    /// Every import run, newest first.
    pub fn imports(&self) -> Result<Vec<ImportRecord>, StoreError> {
        all_imports(&self.imports)
    }

    /// Starts a journal record for an import of `rows` rows of `kind` from `file`.
    pub fn begin_import(
        &mut self,
        kind: &str,
        file: &str,
        rows: u64,
    ) -> Result<ImportRecord, StoreError> {
        let id = self.next_counter(meta_keys::NEXT_IMPORT)?;
        let now = self.now();
        let record = ImportRecord {
            id,
            kind: kind.to_string(),
            file: file.to_string(),
            staff: self.staff().to_string(),
            os_user: self.os_user().to_string(),
            pid: std::process::id(),
            host: host_name(),
            started_at: now,
            heartbeat_at: now,
            rows,
            done: 0,
            state: ImportState::Running,
            finished_by: None,
        };
        self.put_import(&record)?;
        Ok(record)
    }

    pub fn import_record(&self, id: u64) -> Result<Option<ImportRecord>, StoreError> {
        match self.imports.get(id)? {
            Some(v) => Ok(Some(decode(id, &v.value())?)),
            None => Ok(None),
        }
    }

    /// Stores `record` with a fresh heartbeat.
    pub fn put_import(&mut self, record: &ImportRecord) -> Result<(), StoreError> {
        let mut record = record.clone();
        record.heartbeat_at = self.now();
        self.imports.insert(record.id, Encoded::encode(&record)?)?;
        Ok(())
    }

    /// Appends an undo entry of import `id`; `seq` numbers them in the order they happened.
    pub fn record_undo(&mut self, id: u64, seq: u64, entry: &UndoEntry) -> Result<(), StoreError> {
        self.import_undo
            .insert((id, seq), Encoded::encode(entry)?)?;
        Ok(())
    }

    /// The last undo entries of import `id`, newest first, removing them from the log: as
    /// many as undo about `limit` changes (at least one entry; see [`UndoEntry::weight`]).
    pub fn take_undo(&mut self, id: u64, limit: usize) -> Result<Vec<UndoEntry>, StoreError> {
        let mut keys = Vec::new();
        let mut entries = Vec::new();
        let mut weight = 0u64;
        for entry in self.import_undo.range((id, 0)..=(id, u64::MAX))?.rev() {
            if weight >= limit as u64 {
                break;
            }
            let (key, value) = entry?;
            let (_, seq) = key.value();
            keys.push(seq);
            let entry: UndoEntry = decode(format!("{id}/{seq}"), &value.value())?;
            weight += entry.weight();
            entries.push(entry);
        }
        for seq in keys {
            self.import_undo.remove((id, seq))?;
        }
        Ok(entries)
    }

    /// Removes an order (undoing its import), keeping the customer's aggregate right.
    pub fn delete_order(&mut self, order_id: &str) -> Result<bool, StoreError> {
        let Some(order) = self.order(order_id)? else {
            return Ok(false);
        };
        self.customer_orders
            .remove((order.customer, order.ordered_at, order_id))?;
        self.orders.remove(order_id)?;
        self.recompute_aggregate(order.customer)?;
        Ok(true)
    }

    /// Removes a customer file an import created, if nothing refers to it any more; returns
    /// whether it went.
    pub fn delete_created_customer(
        &mut self,
        id: crate::domain::CustomerId,
    ) -> Result<bool, StoreError> {
        let Some(customer) = self.customer(id)? else {
            return Ok(false);
        };
        let in_use = !self.order_keys_of(id)?.is_empty()
            || self
                .customer_stats
                .get(id)?
                .is_some_and(|v| v.value() != (0, 0))
            || !self.care_plans_of(id)?.is_empty()
            || !self.referrals_of(id)?.is_empty()
            // Points granted or redeemed on the file keep it (the ledger names it).
            || !self.points_of(id)?.is_empty();
        if in_use {
            return Ok(false);
        }
        self.customer_ext.remove(customer.external_id.as_str())?;
        self.remove_customer(&customer)?;
        Ok(true)
    }
}

impl Reader {
    /// Every import run, newest first.
    pub fn imports(&self) -> Result<Vec<ImportRecord>, StoreError> {
        all_imports(self.tables.imports()?)
    }

    /// How many undo entries import `id` still has.
    pub fn undo_len(&self, id: u64) -> Result<u64, StoreError> {
        let mut n = 0;
        for entry in self.tables.import_undo()?.range((id, 0)..=(id, u64::MAX))? {
            let (key, value) = entry?;
            let entry: UndoEntry = decode(format!("{id}/{}", key.value().1), &value.value())?;
            n += entry.weight();
        }
        Ok(n)
    }
}

/// This machine's name (for telling whether an import's process is ours to check).
pub fn host_name() -> String {
    std::fs::read_to_string("/proc/sys/kernel/hostname")
        .or_else(|_| std::fs::read_to_string("/etc/hostname"))
        .map(|h| h.trim().to_string())
        .unwrap_or_default()
}

/// Whether process `pid` still exists on this machine.
pub fn process_alive(pid: u32) -> bool {
    let Ok(pid) = libc::pid_t::try_from(pid) else {
        return false;
    };
    // SAFETY: signal 0 only checks that the process exists and may be signalled.
    let result = unsafe { libc::kill(pid, 0) };
    result == 0 || std::io::Error::last_os_error().raw_os_error() == Some(libc::EPERM)
}
