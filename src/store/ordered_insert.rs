//! Inserting many entries that arrive in key order: through a cursor, which buffers a run of
//! keys that fall into one gap of the table and splices them in as whole leaves (redb's bulk
//! path), instead of one walk from the root per entry. Where the keys interleave with the
//! table's own, the run ends and the cursor seeks again; where that happens on nearly every
//! key, plain inserts take over.

use super::StoreError;
use redb::{CursorError, Key, Table, Value};
use std::borrow::Borrow;
use std::ops::Bound;

/// Below this many entries per run on average (after [`PROBATION`] runs), the cursor costs
/// more than it saves and the rest go in one by one.
const SHORT_RUN: u64 = 8;
const PROBATION: u64 = 16;

/// Inserts `entries`, which must come in strictly ascending key order, into `table`; a key the
/// table has already gets the new value, as [`Table::insert`] would.
pub(super) fn insert_in_order<'e, K, V, KB, VB>(
    table: &mut Table<'_, K, V>,
    entries: impl IntoIterator<Item = (KB, VB)>,
) -> Result<(), StoreError>
where
    K: Key + 'static,
    V: Value + 'static,
    KB: Borrow<K::SelfType<'e>>,
    VB: Borrow<V::SelfType<'e>>,
{
    let mut entries = entries.into_iter();
    let (mut runs, mut inserted) = (0u64, 0u64);
    // The entry that ended the last run: the first of the next.
    let mut next = None;
    while let Some((key, value)) = next.take().or_else(|| entries.next()) {
        if runs >= PROBATION && inserted < runs * SHORT_RUN {
            table.insert(key.borrow(), value.borrow())?;
            continue;
        }
        runs += 1;
        let mut cursor = table.lower_bound_mut(Bound::Included(key.borrow()))?;
        match cursor.insert_before(key.borrow(), value.borrow()) {
            Ok(()) => inserted += 1,
            Err(CursorError::UnorderedKey) => {
                // The key is in the table already: its value is replaced.
                cursor.close()?;
                table.insert(key.borrow(), value.borrow())?;
                continue;
            }
            Err(e) => return Err(e.into()),
        }
        for (key, value) in entries.by_ref() {
            match cursor.insert_before(key.borrow(), value.borrow()) {
                Ok(()) => inserted += 1,
                Err(CursorError::UnorderedKey) => {
                    // At or past the table's next entry: a new run from there.
                    next = Some((key, value));
                    break;
                }
                Err(e) => return Err(e.into()),
            }
        }
        cursor.close()?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use redb::{Database, ReadableDatabase, ReadableTable, TableDefinition};
    use std::collections::BTreeMap;

    const T: TableDefinition<(&str, u64), u32> = TableDefinition::new("t");

    fn run(existing: &BTreeMap<(String, u64), u32>, new: &BTreeMap<(String, u64), u32>) {
        let dir = tempfile::tempdir().expect("dir");
        let db = Database::create(dir.path().join("t.redb")).expect("db");
        let txn = db.begin_write().expect("txn");
        {
            let mut table = txn.open_table(T).expect("table");
            for ((s, n), v) in existing {
                table.insert((s.as_str(), *n), *v).expect("insert");
            }
            insert_in_order(
                &mut table,
                new.iter().map(|((s, n), v)| ((s.as_str(), *n), *v)),
            )
            .expect("in order");
        }
        txn.commit().expect("commit");
        let mut expected = existing.clone();
        expected.extend(new.iter().map(|(k, v)| (k.clone(), *v)));
        let read = db.begin_read().expect("read");
        let table = read.open_table(T).expect("table");
        let got: Vec<((String, u64), u32)> = table
            .iter()
            .expect("iter")
            .map(|e| {
                let (k, v) = e.expect("entry");
                let (s, n) = k.value();
                ((s.to_string(), n), v.value())
            })
            .collect();
        let expected: Vec<((String, u64), u32)> = expected.into_iter().collect();
        assert_eq!(got, expected);
    }

    fn entries(max: usize) -> impl Strategy<Value = BTreeMap<(String, u64), u32>> {
        proptest::collection::btree_map(("[a-d]{0,3}", 0u64..6), any::<u32>(), 0..max)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        /// Into an empty table, a full one, overlapping and interleaving: the same table as
        /// one insert per entry.
        #[test]
        fn the_same_as_one_insert_each(existing in entries(200), new in entries(300)) {
            run(&existing, &new);
        }
    }

    #[test]
    fn long_runs_and_the_fallback_to_plain_inserts() {
        // Appends after the table's last key (one run), then keys between every two existing
        // ones (runs of one: the fallback), with leaves' worth of data.
        let existing: BTreeMap<(String, u64), u32> = (0..5_000u64)
            .map(|i| ((format!("k{:06}", i * 2), 0), 1))
            .collect();
        let appended: BTreeMap<(String, u64), u32> = (0..20_000u64)
            .map(|i| ((format!("z{i:06}"), i), 2))
            .collect();
        run(&existing, &appended);
        let between: BTreeMap<(String, u64), u32> = (0..5_000u64)
            .map(|i| ((format!("k{:06}", i * 2 + 1), 0), 3))
            .collect();
        run(&existing, &between);
        let replaced: BTreeMap<(String, u64), u32> =
            existing.keys().map(|k| (k.clone(), 9)).collect();
        run(&existing, &replaced);
    }
}
