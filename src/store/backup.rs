//! Online backup: every table of one read transaction (a consistent snapshot that never waits
//! for writers, nor makes them wait) copied into a new loyal file, in chunks, verified, and
//! put in place atomically (a hidden temporary file beside it, fsync, rename).

use super::schema::*;
use super::{Store, StoreError, damage};
use redb::{
    Database, Durability, Key, ReadTransaction, ReadableDatabase, ReadableTable, TableDefinition,
    TableHandle, Value,
};
use std::path::{Path, PathBuf};

/// Rows written per transaction into the new file: its memory stays bounded, and the
/// progress moves.
const CHUNK_ROWS: u64 = 100_000;
/// The page cache of the new file while it is written and verified. The copy appends and
/// never reads back, and the check reads each page once: redb's default (1 GiB) only cost
/// memory and time (measured at 1M customers / 10M orders: 1.2 GB peak and a 12.9 s check
/// with it, 134 MB and 2.7 s with this).
const BACKUP_CACHE: usize = 16 << 20;

/// What a backup wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackupReport {
    pub path: PathBuf,
    pub tables: usize,
    pub rows: u64,
    pub bytes: u64,
}

/// Copies one table of the snapshot; `None` when the snapshot does not have it. The rows come
/// in key order and the new table is empty, so they go in through a cursor at its end, which
/// buffers them and builds whole leaves (redb's bulk path: a third of the time of one insert
/// per row).
fn copy<K: Key + 'static, V: Value + 'static>(
    def: TableDefinition<'static, K, V>,
    read: &ReadTransaction,
    into: &Database,
    chunk_rows: u64,
    progress: &mut dyn FnMut(u64),
) -> Result<Option<u64>, StoreError> {
    let table = match read.open_table(def) {
        Ok(table) => table,
        Err(redb::TableError::TableDoesNotExist(_)) => return Ok(None),
        Err(e) => return Err(e.into()),
    };
    let mut rows = table.iter()?;
    let mut copied = 0u64;
    loop {
        let mut txn = into.begin_write()?;
        txn.set_durability(Durability::None)
            .map_err(|e| StoreError::Redb(e.into()))?;
        let mut finished = false;
        {
            let mut out = txn.open_table(def)?;
            let mut end = out.upper_bound_mut(std::ops::Bound::<K::SelfType<'_>>::Unbounded)?;
            for _ in 0..chunk_rows {
                match rows.next() {
                    Some(entry) => {
                        let (key, value) = entry?;
                        end.insert_before(key.value(), value.value())
                            .map_err(StoreError::from)?;
                        copied += 1;
                    }
                    None => {
                        finished = true;
                        break;
                    }
                }
            }
            end.close()?;
        }
        txn.commit()?;
        progress(copied);
        if finished {
            return Ok(Some(copied));
        }
    }
}

/// Every table of loyal's schema, copied; returns (name, rows) of each one present.
fn copy_all(
    read: &ReadTransaction,
    into: &Database,
    chunk_rows: u64,
    progress: &mut dyn FnMut(u64),
) -> Result<Vec<(String, u64)>, StoreError> {
    let mut done: Vec<(String, u64)> = Vec::new();
    macro_rules! each {
        ($($def:expr),+ $(,)?) => {$(
            let before: u64 = done.iter().map(|(_, n)| n).sum();
            let mut step = |n: u64| progress(before + n);
            if let Some(rows) = copy($def, read, into, chunk_rows, &mut step)? {
                done.push(($def.name().to_string(), rows));
            }
        )+};
    }
    each!(
        META,
        SETTINGS,
        ANSWERS,
        INFLUENCE,
        POINTS,
        CUSTOMER_POINTS,
        ROLES,
        AUDIT,
        AUDIT_BY_CUSTOMER,
        IMPORTS,
        IMPORT_UNDO,
        CUSTOMERS,
        CUSTOMER_EXT,
        MERGED_INTO,
        MERGES,
        CUSTOMER_STATS,
        AGGREGATES,
        REFERRALS,
        PHONES,
        TERMS,
        TOKENS,
        TOKEN_DELETES,
        ORDERS,
        CUSTOMER_ORDERS,
        FOLLOWUPS,
        CUSTOMER_FOLLOWUPS,
        CARE_PLANS,
        CUSTOMER_CARE_PLANS,
        COMPLAINTS,
        CUSTOMER_COMPLAINTS,
        CHANGED,
    );
    Ok(done)
}

/// The name and row count of every table in `txn`.
fn tables_of(txn: &ReadTransaction) -> Result<Vec<(String, u64)>, StoreError> {
    let mut out = Vec::new();
    for handle in txn.list_tables()? {
        let table = txn.open_untyped_table(handle)?;
        out.push((
            table.name().to_string(),
            redb::ReadableTableMetadata::len(&table)?,
        ));
    }
    out.sort();
    Ok(out)
}

/// The hidden file a backup is written to before it takes its name.
fn partial_path(to: &Path) -> PathBuf {
    let name = to
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    to.with_file_name(format!(".{name}.partial-{}", std::process::id()))
}

impl Store {
    /// Writes a verified copy of one snapshot of this database to `to`, which must not exist.
    /// `progress(done, total)` is called as rows are copied. A damaged file stops the backup
    /// with the damage error; the partial file is removed whatever happens.
    pub fn backup_to(
        &self,
        to: &Path,
        progress: &mut dyn FnMut(u64, u64),
    ) -> Result<BackupReport, StoreError> {
        if to.exists() {
            return Err(StoreError::Open {
                path: to.to_path_buf(),
                reason: t!("backup-exists"),
            });
        }
        let partial = partial_path(to);
        let result = damage::guard(&self.path, || self.write_backup(&partial, to, progress));
        if result.is_err() {
            let _ = std::fs::remove_file(&partial);
        }
        result
    }

    fn write_backup(
        &self,
        partial: &Path,
        to: &Path,
        progress: &mut dyn FnMut(u64, u64),
    ) -> Result<BackupReport, StoreError> {
        let open_error = |reason: String| StoreError::Open {
            path: to.to_path_buf(),
            reason,
        };
        let read = self.db.readable().begin_read()?;
        let source = tables_of(&read)?;
        let total: u64 = source.iter().map(|(_, n)| n).sum();
        super::open::create_private_file(partial).map_err(|e| open_error(e.to_string()))?;
        let into = Database::builder()
            .set_cache_size(BACKUP_CACHE)
            .create(partial)
            .map_err(|e| open_error(e.to_string()))?;
        let copied = copy_all(&read, &into, CHUNK_ROWS, &mut |done| progress(done, total))?;
        // The chunks were committed without a sync: one durable commit makes them all safe.
        let mut last = into.begin_write()?;
        last.set_durability(Durability::Immediate)
            .map_err(|e| StoreError::Redb(e.into()))?;
        last.commit()?;
        drop(into);
        drop(read);
        // Every table of the snapshot, none forgotten, and the same rows in the copy.
        let copied_names: Vec<&str> = copied.iter().map(|(n, _)| n.as_str()).collect();
        if let Some((missing, _)) = source
            .iter()
            .find(|(name, _)| !copied_names.contains(&name.as_str()))
        {
            return Err(open_error(t!("backup-unknown-table", table = missing)));
        }
        let mut check = Database::builder()
            .set_cache_size(BACKUP_CACHE)
            .open(partial)
            .map_err(|e| open_error(e.to_string()))?;
        if !check
            .check_integrity()
            .map_err(|e| open_error(e.to_string()))?
        {
            return Err(open_error(t!("backup-verify-failed", detail = "integrity")));
        }
        let written = tables_of(&check.begin_read()?)?;
        if written != source {
            return Err(open_error(t!(
                "backup-verify-failed",
                detail = "row counts"
            )));
        }
        drop(check);
        std::fs::rename(partial, to).map_err(|e| open_error(e.to_string()))?;
        if let Some(dir) = to.parent().filter(|d| !d.as_os_str().is_empty()) {
            // The rename itself is durable once the folder is synced.
            if let Ok(dir) = std::fs::File::open(dir) {
                let _ = dir.sync_all();
            }
        }
        let bytes = std::fs::metadata(to).map(|m| m.len()).unwrap_or(0);
        Ok(BackupReport {
            path: to.to_path_buf(),
            tables: written.len(),
            rows: total,
            bytes,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Customer;

    /// Every entry of `def` in `a` and `b`, as stored bytes, in order.
    fn same<K: Key + 'static, V: Value + 'static>(
        def: TableDefinition<'static, K, V>,
        a: &ReadTransaction,
        b: &ReadTransaction,
    ) -> usize {
        let bytes = |txn: &ReadTransaction| -> Vec<(Vec<u8>, Vec<u8>)> {
            let table = txn.open_table(def).expect("table");
            table
                .iter()
                .expect("iter")
                .map(|entry| {
                    let (k, v) = entry.expect("entry");
                    (
                        K::as_bytes(&k.value()).as_ref().to_vec(),
                        V::as_bytes(&v.value()).as_ref().to_vec(),
                    )
                })
                .collect()
        };
        let (left, right) = (bytes(a), bytes(b));
        assert!(left == right, "{}", def.name());
        left.len()
    }

    #[test]
    fn chunks_through_the_end_cursor_copy_every_entry_in_order() {
        let dir = tempfile::tempdir().expect("dir");
        let store = Store::open(
            &dir.path().join("a.redb"),
            &super::super::StoreOptions::creating(),
        )
        .expect("store");
        store
            .write(|w| -> Result<(), StoreError> {
                for i in 0..500u32 {
                    let mut c = Customer::new(
                        format!("C-{:05}", (i * 7919) % 1000),
                        format!("Name {i}"),
                        1_700_000_000_000,
                    );
                    c.phones = vec![format!("138{:08}", i * 31)];
                    w.insert_customer(c)?;
                }
                Ok(())
            })
            .expect("write");
        let to = dir.path().join("b.redb");
        let into = Database::create(&to).expect("create");
        let read = store.db.readable().begin_read().expect("read");
        let mut calls = 0;
        // Seven rows a chunk: every table of more than seven rows spans chunks.
        let copied = copy_all(&read, &into, 7, &mut |_| calls += 1).expect("copy");
        assert!(calls > 500 / 7, "{calls}");
        let back = into.begin_read().expect("read");
        assert_eq!(same(CUSTOMERS, &read, &back), 500);
        assert_eq!(same(CUSTOMER_EXT, &read, &back), 500);
        assert_eq!(same(PHONES, &read, &back), 500);
        assert!(same(TERMS, &read, &back) >= 1000);
        same(TOKENS, &read, &back);
        same(CUSTOMER_STATS, &read, &back);
        same(META, &read, &back);
        assert!(
            copied
                .iter()
                .any(|(name, rows)| name == CUSTOMERS.name() && *rows == 500)
        );
    }
}
