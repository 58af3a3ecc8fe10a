//! Imports that share the database: every row is checked in a read snapshot first (nothing is
//! written if one is bad), then the rows are written in chunks of a few thousand, one short
//! transaction each with a pause between, so a colleague's save never waits long. Each run has
//! an id in the import journal with an undo log: an interrupted run is reported on next use,
//! can be finished by running the same import again (idempotent), or rolled back by its id.

use super::customer_cache::CustomerCache;
use super::import::{
    ImportOptions, ImportReport, Progress, RowWarning, WithId, id_column, reject, row_count,
};
use super::{Service, ServiceError};
use crate::domain::{ImportRecord, ImportState, Order, Role, UndoEntry};
use crate::store::{Change, ChildRecord, RecordIdKind, StoreError, Writer};
use crate::transfer::{ChildInput, Kind, Lined, OrderInput, RowError};
use std::collections::{HashMap, HashSet};
use std::time::Duration;

/// How a chunked import reads, writes and undoes one kind of child record.
pub(super) struct ChildOps<T> {
    pub id_kind: RecordIdKind,
    pub get: fn(&Writer<'_>, &str) -> Result<Option<T>, StoreError>,
    pub upsert: fn(&mut Writer<'_>, &T) -> Result<Change, StoreError>,
    pub undo: fn(String, Option<T>) -> UndoEntry,
}

/// Creates the customers an import is missing (`--create-missing`), with their undo entries.
fn create_missing(
    customers: &mut CustomerCache,
    w: &mut Writer<'_>,
    report: &mut ImportReport,
) -> Result<Vec<UndoEntry>, ServiceError> {
    Ok(customers
        .create_missing(w, report)?
        .into_iter()
        .map(|id| UndoEntry::CustomerCreated { id })
        .collect())
}

/// Rows per write transaction at most.
pub const CHUNK_ROWS: usize = 5000;
/// A chunk stops taking rows after this long, so the write lock is never held much longer.
pub const CHUNK_TIME: Duration = Duration::from_millis(20);
/// Pause between two chunks: other processes' saves take the lock meanwhile (they poll for it
/// at least every 8 ms).
pub const CHUNK_PAUSE: Duration = Duration::from_millis(10);
/// A running import whose heartbeat is older than this stopped (its process died).
pub const STALE_AFTER_MS: i64 = 60_000;

/// Whether a journal record is a run (or a rollback) that stopped half way: still marked
/// running (rolling back), and its process is gone (same machine) or its heartbeat is old
/// (another machine).
pub fn is_interrupted(i: &ImportRecord, now: crate::domain::Millis) -> bool {
    if !matches!(i.state, ImportState::Running | ImportState::RollingBack) {
        return false;
    }
    if i.host == crate::store::host_name() && !i.host.is_empty() {
        return i.pid != std::process::id() && !crate::store::process_alive(i.pid);
    }
    now - i.heartbeat_at > STALE_AFTER_MS
}

impl Service {
    /// Imports orders in chunks (see the module documentation); `source` names the file in
    /// the journal. A dry run is one rehearsed transaction, as before.
    pub fn import_orders_chunked(
        &self,
        source: &str,
        inputs: Vec<Lined<OrderInput>>,
        parse_errors: Vec<RowError>,
        options: ImportOptions,
        progress: Progress<'_>,
    ) -> Result<ImportReport, ServiceError> {
        if options.dry_run {
            return self.import_orders(inputs, parse_errors, options, progress);
        }
        self.require(Role::Agent, "import")?;
        let total = (inputs.len() + parse_errors.len()) as u64;
        let rows = row_count(&inputs, &parse_errors);
        let mut report = ImportReport::new(Kind::Orders, options, rows, parse_errors);
        let mut customers = CustomerCache::default();
        {
            let r = self.store.read()?;
            let mut first_line: HashMap<&str, u64> = HashMap::with_capacity(inputs.len());
            for row in &inputs {
                let order_id = row.value.order_id.as_str();
                if let Some(first) = first_line.get(order_id) {
                    let reason = t!("row-twice", id = format!("{order_id:?}"), first = *first);
                    reject(&mut report, row.line, "order_id", reason);
                    continue;
                }
                first_line.insert(order_id, row.line);
                customers.check(&r, row.line, &row.value.customer_id, options, &mut report)?;
            }
        }
        report.gate(options)?;
        let skip = report.rejected_lines();
        let writing: Vec<&Lined<OrderInput>> =
            inputs.iter().filter(|r| !skip.contains(&r.line)).collect();
        let import_id = self.write_journaled(
            Kind::Orders,
            source,
            &writing,
            &mut report,
            (total, progress),
            &mut customers,
            create_missing,
            |w, row, customers| {
                let input = &row.value;
                let Some(customer) = customers.id(&input.customer_id) else {
                    return Ok(None);
                };
                let order = Order {
                    order_id: input.order_id.clone(),
                    customer,
                    ordered_at: input.ordered_at,
                    amount: input.amount,
                    items: input.items.clone(),
                    category: input.category.clone(),
                    channel: input.channel.clone(),
                };
                let before = w.order(&order.order_id)?;
                let change =
                    w.upsert_order(&order).map_err(|e| {
                        match super::import::overflow_row(&e, row.line, input) {
                            Some(error) => ServiceError::Rejected(vec![error]),
                            None => e.into(),
                        }
                    })?;
                let undo = UndoEntry::Order {
                    order_id: order.order_id,
                    before,
                };
                Ok(Some((change, undo)))
            },
        )?;
        report.import_id = Some(import_id);
        Ok(report)
    }

    /// Follow-ups, care plans or complaints in chunks, like orders. Rows without an id get a
    /// fresh one (such a file is not idempotent: re-running it adds them again; exports always
    /// carry ids).
    #[allow(clippy::too_many_arguments)]
    pub(super) fn import_children_chunked<T: ChildRecord + WithId>(
        &self,
        kind: Kind,
        source: &str,
        inputs: Vec<Lined<ChildInput<T>>>,
        parse_errors: Vec<RowError>,
        options: ImportOptions,
        progress: Progress<'_>,
        store_ops: ChildOps<T>,
    ) -> Result<ImportReport, ServiceError> {
        let id_kind = store_ops.id_kind;
        if options.dry_run {
            let upsert = store_ops.upsert;
            return self.import_children(
                kind,
                id_kind,
                inputs,
                parse_errors,
                options,
                progress,
                upsert,
            );
        }
        self.require(Role::Agent, "import")?;
        let total = (inputs.len() + parse_errors.len()) as u64;
        let rows = row_count(&inputs, &parse_errors);
        let mut report = ImportReport::new(kind, options, rows, parse_errors);
        let mut customers = CustomerCache::default();
        let mut explicit: HashSet<String> = HashSet::new();
        {
            let r = self.store.read()?;
            let mut first_line: HashMap<&str, u64> = HashMap::new();
            for row in &inputs {
                let id = row.value.record.id();
                if !id.is_empty() {
                    if let Some(first) = first_line.get(id) {
                        let reason = t!("row-twice", id = format!("{id:?}"), first = *first);
                        reject(&mut report, row.line, id_column(kind), reason);
                        continue;
                    }
                    first_line.insert(id, row.line);
                }
                customers.check(&r, row.line, &row.value.customer_id, options, &mut report)?;
            }
            explicit.extend(first_line.keys().map(|k| k.to_string()));
        }
        report.gate(options)?;
        let skip = report.rejected_lines();
        let writing: Vec<&Lined<ChildInput<T>>> =
            inputs.iter().filter(|r| !skip.contains(&r.line)).collect();
        let mut without_id = 0u64;
        let import_id = self.write_journaled(
            kind,
            source,
            &writing,
            &mut report,
            (total, progress),
            &mut customers,
            create_missing,
            |w, row, customers| {
                let Some(customer) = customers.id(&row.value.customer_id) else {
                    return Ok(None);
                };
                let mut record = row.value.record.clone();
                record.set_customer(customer);
                if record.id().is_empty() {
                    // A generated id must not take one the file gives explicitly.
                    let mut id = w.next_record_id(id_kind)?;
                    while explicit.contains(&id) {
                        id = w.next_record_id(id_kind)?;
                    }
                    record.set_id(id);
                    without_id += 1;
                }
                let before = (store_ops.get)(w, record.id())?;
                let change = (store_ops.upsert)(w, &record)?;
                Ok(Some((
                    change,
                    (store_ops.undo)(record.id().to_string(), before),
                )))
            },
        )?;
        if without_id > 0 {
            report.warnings.push(RowWarning {
                line: 0,
                message: t!(
                    "import-without-ids",
                    n = without_id,
                    column = id_column(kind)
                ),
            });
        }
        report.import_id = Some(import_id);
        Ok(report)
    }

    /// Writes `rows` in chunks under a new journal record: `prepare` runs in the first
    /// transaction (and returns undo entries for what it created), `write_row` writes one row
    /// and returns what changed with the entry that undoes it (`None`: row skipped). Returns
    /// the import id.
    #[allow(clippy::too_many_arguments)]
    fn write_journaled<R>(
        &self,
        kind: Kind,
        source: &str,
        rows: &[R],
        report: &mut ImportReport,
        (total, progress): (u64, Progress<'_>),
        customers: &mut CustomerCache,
        prepare: impl FnOnce(
            &mut CustomerCache,
            &mut Writer<'_>,
            &mut ImportReport,
        ) -> Result<Vec<UndoEntry>, ServiceError>,
        mut write_row: impl FnMut(
            &mut Writer<'_>,
            &R,
            &CustomerCache,
        ) -> Result<Option<(Change, UndoEntry)>, ServiceError>,
    ) -> Result<u64, ServiceError> {
        let mut seq = 0u64;
        let mut journal = self
            .store
            .write(|w| -> Result<ImportRecord, ServiceError> {
                let record = w.begin_import(kind.label(), source, rows.len() as u64)?;
                for undo in prepare(customers, w, report)? {
                    seq += 1;
                    w.record_undo(record.id, seq, &undo)?;
                }
                Ok(record)
            })?;
        let import_id = journal.id;
        let mut next = 0;
        while next < rows.len() {
            if next > 0 {
                std::thread::sleep(CHUNK_PAUSE);
            }
            let mut next_seq = seq;
            let (changes, taken, written) = self.store.write(|w| -> Result<_, ServiceError> {
                let started = std::time::Instant::now();
                let mut changes = Vec::new();
                let mut taken = 0;
                for row in rows[next..].iter().take(CHUNK_ROWS) {
                    taken += 1;
                    if let Some((change, undo)) = write_row(w, row, customers)? {
                        if change != Change::Unchanged {
                            next_seq += 1;
                            w.record_undo(import_id, next_seq, &undo)?;
                        }
                        changes.push(change);
                    }
                    if taken % 64 == 0 && started.elapsed() >= CHUNK_TIME {
                        break;
                    }
                }
                let mut record = journal.clone();
                record.done += taken as u64;
                w.put_import(&record)?;
                Ok((changes, taken, record.done))
            })?;
            next += taken;
            seq = next_seq;
            journal.done = written;
            for change in changes {
                report.count(change);
            }
            progress(written.min(total), total);
        }
        self.store.write(|w| -> Result<(), ServiceError> {
            journal.state = ImportState::Done;
            w.put_import(&journal)?;
            // Earlier runs of this file that stopped half way are finished now.
            let now = w.now();
            for mut earlier in w.imports()? {
                if earlier.id != import_id
                    && earlier.kind == journal.kind
                    && earlier.file == journal.file
                    && earlier.state == ImportState::Running
                    && is_interrupted(&earlier, now)
                {
                    earlier.state = ImportState::Resumed;
                    earlier.finished_by = Some(import_id);
                    w.put_import(&earlier)?;
                }
            }
            let detail = format!(
                "import #{import_id} of {source}: {} rows: {} new, {} updated, {} unchanged, {} skipped, {} customer files created",
                report.rows,
                report.created,
                report.updated,
                report.unchanged,
                report.rejected_rows(),
                report.created_customers
            );
            w.audit(&format!("import.{kind}"), None, &import_id.to_string(), detail)?;
            Ok(())
        })?;
        progress(total, total);
        Ok(import_id)
    }

    /// Follow-ups, care plans or complaints of `kind` in chunks under the import journal
    /// (`source` names the file); a dry run is one rehearsed transaction.
    pub fn import_records_chunked(
        &self,
        source: &str,
        table: &crate::transfer::RawTable,
        kind: Kind,
        options: ImportOptions,
        progress: Progress<'_>,
    ) -> Result<ImportReport, ServiceError> {
        use super::import_journal::ChildOps;
        use crate::domain::UndoEntry;
        use crate::transfer as t;
        match kind {
            Kind::FollowUps => {
                let p = t::parse_followups(table);
                let ops = ChildOps {
                    id_kind: RecordIdKind::FollowUp,
                    get: |w, id| w.followup(id),
                    upsert: |w, r| w.upsert_followup(r),
                    undo: |id, before| UndoEntry::FollowUp { id, before },
                };
                self.import_children_chunked(
                    kind, source, p.inputs, p.errors, options, progress, ops,
                )
            }
            Kind::CarePlans => {
                let p = t::parse_care_plans(table);
                let ops = ChildOps {
                    id_kind: RecordIdKind::CarePlan,
                    get: |w, id| w.care_plan(id),
                    upsert: |w, r| w.upsert_care_plan(r),
                    undo: |id, before| UndoEntry::CarePlan { id, before },
                };
                self.import_children_chunked(
                    kind, source, p.inputs, p.errors, options, progress, ops,
                )
            }
            Kind::Complaints => {
                let p = t::parse_complaints(table);
                let ops = ChildOps {
                    id_kind: RecordIdKind::Complaint,
                    get: |w, id| w.complaint(id),
                    upsert: |w, r| w.upsert_complaint(r),
                    undo: |id, before| UndoEntry::Complaint {
                        id,
                        before: before.map(Box::new),
                    },
                };
                self.import_children_chunked(
                    kind, source, p.inputs, p.errors, options, progress, ops,
                )
            }
            Kind::Customers | Kind::Orders => {
                Err(ServiceError::invalid("kind", t!("import-own-calls")))
            }
        }
    }

    /// Every import run, newest first.
    pub fn imports(&self) -> Result<Vec<ImportRecord>, ServiceError> {
        Ok(self.store.read()?.imports()?)
    }

    /// Runs that stopped half way (their process died): say so on next use.
    pub fn interrupted_imports(&self) -> Result<Vec<ImportRecord>, ServiceError> {
        let now = chrono::Utc::now().timestamp_millis();
        Ok(self
            .imports()?
            .into_iter()
            .filter(|i| is_interrupted(i, now))
            .collect())
    }
}

/// How a journal record reads in a list: `stopped` for a run whose process is gone,
/// `rollback stopped` for a half-done rollback, `resumed by #4`, `done`...
pub fn import_state_text(i: &ImportRecord, now: crate::domain::Millis) -> String {
    match i.state {
        ImportState::Running if is_interrupted(i, now) => t!("import-stopped"),
        ImportState::RollingBack if is_interrupted(i, now) => t!("import-rollback-stopped"),
        ImportState::Resumed => match i.finished_by {
            Some(by) => t!("import-resumed-by", id = by.to_string()),
            None => i.state.title().to_string(),
        },
        state => state.title().to_string(),
    }
}

/// What to tell users about an import that stopped half way (the text is sanitised).
pub fn interrupted_note(i: &ImportRecord) -> String {
    use chrono::TimeZone;
    let when = match chrono::Local.timestamp_millis_opt(i.heartbeat_at) {
        chrono::LocalResult::Single(t) | chrono::LocalResult::Ambiguous(t, _) => {
            t.format("%Y-%m-%d %H:%M").to_string()
        }
        chrono::LocalResult::None => "?".to_string(),
    };
    if i.state == ImportState::RollingBack {
        return t!(
            "import-rollback-interrupted",
            id = i.id.to_string(),
            file = crate::text::sanitize(&i.file),
            kind = crate::transfer::Kind::title_of_label(&i.kind),
            when = when
        );
    }
    t!(
        "import-interrupted",
        id = i.id.to_string(),
        file = crate::text::sanitize(&i.file),
        kind = crate::transfer::Kind::title_of_label(&i.kind),
        done = i.done,
        rows = i.rows,
        when = when,
        staff = crate::text::sanitize(&i.staff)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(state: ImportState, pid: u32) -> ImportRecord {
        ImportRecord {
            id: 3,
            kind: String::from("orders"),
            file: String::from("orders.csv"),
            staff: String::from("ann"),
            os_user: String::from("ann"),
            pid,
            host: crate::store::host_name(),
            started_at: 0,
            // Old for a gone process, so it reads as stopped even where the host has no name.
            heartbeat_at: if pid == u32::MAX {
                -2 * STALE_AFTER_MS
            } else {
                0
            },
            rows: 200_000,
            done: 62_656,
            state,
            finished_by: None,
        }
    }

    #[test]
    fn a_run_or_rollback_whose_process_is_gone_reads_as_stopped() {
        // u32::MAX is never a live process id.
        let gone = u32::MAX;
        let me = std::process::id();
        let text = |state, pid| import_state_text(&record(state, pid), 0);
        assert_eq!(text(ImportState::Running, gone), "stopped");
        assert_eq!(text(ImportState::Running, me), "running");
        assert_eq!(text(ImportState::RollingBack, gone), "rollback stopped");
        assert_eq!(text(ImportState::RollingBack, me), "rolling back");
        assert_eq!(text(ImportState::Done, gone), "done");
        let note = interrupted_note(&record(ImportState::RollingBack, gone));
        assert!(
            note.contains("rollback of import #3") && note.contains("imports rollback 3` again"),
            "{note}"
        );
    }
}
