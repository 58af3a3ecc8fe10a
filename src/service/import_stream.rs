//! Imports that stream: the rows of a file are read twice and never held. The first pass
//! checks every row against a read snapshot (cells, ids given twice, unknown customers) and
//! keeps only what the checks across rows need: an 8-byte hash per id and each customer id
//! once. One bad row and nothing is written, unless bad rows may be skipped. The second pass
//! writes: in one transaction (`--one-transaction`, `--dry-run`), or in journaled chunks that
//! grow while nobody else wants to write and end at once when someone does (see
//! [`crate::store::WaitProbe`]), so a colleague's save waits for one short commit, not for the
//! import.
//!
//! Rows come from a [`Replay`] (see [`super::import_rows`]).

use super::customer_cache::CustomerCache;
use super::id_check::IdCheck;
use super::import::{ImportOptions, ImportReport, Progress, id_column, reject};
use super::import_journal::is_interrupted;
pub(super) use super::import_rows::{Found, Pass, Probe, Replay, RowSink, each_row, replay_rows};
use super::{Service, ServiceError};
use crate::domain::{ImportRecord, ImportState, Role, UndoEntry};
use crate::store::{Change, Store, Writer};
use crate::transfer::{Kind, Lined};
use std::collections::{HashMap, HashSet};

/// The first chunk of a journaled import, in rows; each next one is twice as large.
pub const FIRST_CHUNK: usize = 2_000;
/// The largest chunk: bounds the memory of the rows waiting to be written and of one
/// transaction's pages, and the time a commit takes.
pub const MAX_CHUNK: usize = 65_536;
/// Rows between two looks for a waiting writer.
pub(super) const PROBE_EVERY: usize = 128;
/// Created orders per undo entry.
const UNDO_BATCH: usize = 4096;
const PROGRESS_EVERY: u64 = 8192;

/// How one kind of row is checked and written.
pub(super) struct RowKind<T> {
    pub kind: Kind,
    /// The row's own id (empty when the file gives none) and its customer's external id.
    pub keys: fn(&T) -> (&str, &str),
    /// Looks a row's record up on the reader thread during the writing pass, if this kind
    /// can use what it finds.
    pub probe: Option<Probe<T>>,
    /// Writes one row for customer `customer` (`found`: what the reader thread saw); returns
    /// what changed and how to undo it (`None` when nothing did). `Err(Rejected)` for a row
    /// that cannot be written (nothing of it was).
    #[allow(clippy::type_complexity)]
    pub write: Box<
        dyn Fn(
            &mut Writer<'_>,
            &Lined<T>,
            u64,
            Found,
            &Written,
        ) -> Result<(Change, Option<UndoEntry>), ServiceError>,
    >,
}

/// What the writing of one row may need to know about the file.
pub(super) struct Written {
    /// The ids the file gives: a generated id must not take one of them.
    pub ids: IdCheck,
    /// Rows given no id (they were assigned one).
    pub without_id: std::cell::Cell<u64>,
}

/// The outcome of the checking pass.
struct Checked {
    options: ImportOptions,
    report: ImportReport,
    customers: CustomerCache,
    written: Written,
    skip: HashSet<u64>,
}

impl Service {
    /// Imports the rows of `replay` as `how` says (see the module documentation). With
    /// `journal` (the file's name) the writing goes in journaled chunks, else (or for a dry
    /// run) in one transaction.
    pub(super) fn import_streamed<T>(
        &self,
        how: &RowKind<T>,
        replay: Replay<'_, T>,
        options: ImportOptions,
        journal: Option<&str>,
        progress: Progress<'_>,
    ) -> Result<ImportReport, ServiceError> {
        self.require(Role::Agent, "import")?;
        let mut checked = self.check_rows(how, replay, options, progress)?;
        checked.report.gate(options)?;
        let report = match journal {
            Some(source) if !options.dry_run => {
                self.write_chunked(how, replay, &mut checked, source, progress)?;
                checked.report
            }
            _ => self.write_at_once(how, replay, checked, progress)?,
        };
        Ok(report)
    }

    /// The checking pass: every row, nothing written.
    fn check_rows<T>(
        &self,
        how: &RowKind<T>,
        replay: Replay<'_, T>,
        options: ImportOptions,
        progress: Progress<'_>,
    ) -> Result<Checked, ServiceError> {
        let snapshot = self.store.read()?;
        let mut report = ImportReport::new(how.kind, options, 0, Vec::new());
        let mut customers = CustomerCache::default();
        let mut ids = IdCheck::default();
        let mut rows = 0u64;
        let mut any_without_id = false;
        replay(Pass::Check, &mut |row, _| {
            rows += 1;
            if rows.is_multiple_of(PROGRESS_EVERY) {
                progress(rows, 0);
            }
            match row {
                Ok(row) => {
                    let (id, customer) = (how.keys)(&row.value);
                    if id.is_empty() {
                        any_without_id = true;
                    } else {
                        ids.add(id);
                    }
                    customers.check(&snapshot, row.line, customer, options, &mut report)?;
                }
                Err(errors) => report.rejected.extend(errors),
            }
            Ok(())
        })?;
        report.rows = rows;
        let repeated = ids.repeated();
        if !repeated.is_empty() {
            // A second look at just the rows whose id hash repeats: which ids really repeat,
            // and where each was first given.
            let mut first: HashMap<String, u64> = HashMap::new();
            replay(Pass::Check, &mut |row, _| {
                let Ok(row) = row else { return Ok(()) };
                let (id, _) = (how.keys)(&row.value);
                if id.is_empty() || !repeated.contains(&ids.hash(id)) {
                    return Ok(());
                }
                match first.get(id) {
                    Some(&line) => {
                        let reason = t!("row-twice", id = format!("{id:?}"), first = line);
                        reject(&mut report, row.line, id_column(how.kind), reason);
                    }
                    None => {
                        first.insert(id.to_string(), row.line);
                    }
                }
                Ok(())
            })?;
        }
        // The writing pass asks only when it makes up an id for a row without one: otherwise
        // the hashes (8 bytes a row, 80 MB for 10M orders) are given back now.
        if !any_without_id {
            ids = IdCheck::default();
        }
        let skip = report.rejected_lines();
        Ok(Checked {
            options,
            report,
            customers,
            written: Written {
                ids,
                without_id: std::cell::Cell::new(0),
            },
            skip,
        })
    }

    /// The writing pass in one transaction (rehearsed for a dry run).
    fn write_at_once<T>(
        &self,
        how: &RowKind<T>,
        replay: Replay<'_, T>,
        checked: Checked,
        progress: Progress<'_>,
    ) -> Result<ImportReport, ServiceError> {
        let Checked {
            options,
            mut report,
            mut customers,
            written,
            skip,
        } = checked;
        let total = report.rows;
        self.run_import(options, |w| {
            customers.create_missing(w, &mut report)?;
            w.hold_back_bulk_writes();
            let mut done = 0u64;
            replay(Pass::Write, &mut |row, found| {
                let Ok(row) = row else { return Ok(()) };
                done += 1;
                if done.is_multiple_of(PROGRESS_EVERY) {
                    progress(done, total);
                }
                if !skip.is_empty() && skip.contains(&row.line) {
                    return Ok(());
                }
                let (_, customer) = (how.keys)(&row.value);
                let Some(customer) = customers.id(customer) else {
                    return Ok(());
                };
                match (how.write)(w, &row, customer, found, &written) {
                    Ok((change, _)) => report.count(change),
                    Err(ServiceError::Rejected(errors)) if options.skip_bad => {
                        report.rejected.extend(errors);
                    }
                    Err(e) => return Err(e),
                }
                Ok(())
            })?;
            finish_report(&mut report, how.kind, &written);
            progress(total, total);
            Ok(report)
        })
    }

    /// The writing pass in journaled chunks.
    fn write_chunked<T>(
        &self,
        how: &RowKind<T>,
        replay: Replay<'_, T>,
        checked: &mut Checked,
        source: &str,
        progress: Progress<'_>,
    ) -> Result<(), ServiceError> {
        let kind = how.kind;
        let to_write = checked.report.rows - checked.report.rejected_rows();
        let mut seq = 0u64;
        let journal = self
            .store
            .write(|w| -> Result<ImportRecord, ServiceError> {
                let record = w.begin_import(kind.label(), source, to_write)?;
                for id in checked.customers.create_missing(w, &mut checked.report)? {
                    seq += 1;
                    w.record_undo(record.id, seq, &UndoEntry::CustomerCreated { id })?;
                }
                Ok(record)
            })?;
        let mut chunks = Chunks {
            service: self,
            how,
            journal,
            seq,
            pending: Vec::new(),
            pacer: Pacer::new(&self.store),
            total: to_write,
        };
        replay(Pass::Write, &mut |row, found| {
            let Ok(row) = row else { return Ok(()) };
            if !checked.skip.is_empty() && checked.skip.contains(&row.line) {
                return Ok(());
            }
            chunks.pending.push((row, found));
            if chunks.pending.len() >= chunks.pacer.target {
                chunks.write(checked, &mut *progress)?;
            }
            Ok(())
        })?;
        while !chunks.pending.is_empty() {
            chunks.write(checked, &mut *progress)?;
        }
        let import_id = chunks.journal.id;
        finish_report(&mut checked.report, kind, &checked.written);
        self.finish_journal(chunks.journal, &checked.report)?;
        checked.report.import_id = Some(import_id);
        progress(to_write, to_write);
        Ok(())
    }

    /// Marks a journaled run done (and earlier runs of the same file that stopped half way
    /// as finished by it) and writes its audit entry.
    pub(super) fn finish_journal(
        &self,
        mut journal: ImportRecord,
        report: &ImportReport,
    ) -> Result<(), ServiceError> {
        let import_id = journal.id;
        let kind = report.kind;
        self.store.write(|w| -> Result<(), ServiceError> {
            journal.state = ImportState::Done;
            w.put_import(&journal)?;
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
                "import #{import_id} of {}: {}",
                journal.file,
                report.audit_detail()
            );
            w.audit(
                &format!("import.{kind}"),
                None,
                &import_id.to_string(),
                detail,
            )?;
            Ok(())
        })
    }
}

/// How large the next chunk is, and whether to end the one being written: chunks double from
/// [`FIRST_CHUNK`] to [`MAX_CHUNK`] rows while nobody waits; a chunk ends at the first look
/// (every [`PROBE_EVERY`] rows) that finds another writer waiting, which then goes first.
pub(super) struct Pacer {
    pub target: usize,
    max: usize,
    probe: crate::store::WaitProbe,
}

impl Pacer {
    pub(super) fn new(store: &Store) -> Pacer {
        Pacer::up_to(store, FIRST_CHUNK, MAX_CHUNK)
    }

    /// Chunks of `first` rows, then growing to at most `max`.
    pub(super) fn up_to(store: &Store, first: usize, max: usize) -> Pacer {
        Pacer {
            target: first.min(max),
            max,
            probe: store.wait_probe(),
        }
    }

    /// Whether the chunk that has taken `taken` rows should end now.
    pub(super) fn should_end(&mut self, taken: usize) -> bool {
        taken > 0 && taken.is_multiple_of(PROBE_EVERY) && self.probe.someone_waiting()
    }

    /// Whether another writer is waiting now.
    pub(super) fn someone_waiting(&mut self) -> bool {
        self.probe.someone_waiting()
    }

    /// After a chunk was given up for a waiter: steps aside, and the next chunk is at most
    /// `rows` long.
    pub(super) fn abandoned(&mut self, rows: usize) {
        self.probe.step_aside();
        self.target = self.target.min(rows);
    }

    /// After a chunk's commit: steps aside if it ended for a waiter, else grows the next.
    pub(super) fn committed(&mut self, ended_early: bool) {
        if ended_early {
            self.probe.step_aside();
        } else {
            self.target = (self.target * 2).min(self.max);
        }
    }
}

/// The warning about rows given no id, once the rows are written.
fn finish_report(report: &mut ImportReport, kind: Kind, written: &Written) {
    let without_id = written.without_id.get();
    if without_id > 0 {
        report.warnings.push(super::import::RowWarning {
            line: 0,
            message: t!(
                "import-without-ids",
                n = without_id,
                column = id_column(kind)
            ),
        });
    }
}

/// The rows waiting to be written and the journal they are written under.
struct Chunks<'a, T> {
    service: &'a Service,
    how: &'a RowKind<T>,
    journal: ImportRecord,
    /// The last undo entry's number.
    seq: u64,
    pending: Vec<(Lined<T>, Found)>,
    pacer: Pacer,
    total: u64,
}

impl<T> Chunks<'_, T> {
    /// Writes pending rows in one transaction: up to `target` of them, fewer when another
    /// writer starts waiting (then this steps aside before going on).
    fn write(&mut self, checked: &mut Checked, progress: Progress<'_>) -> Result<(), ServiceError> {
        let import_id = self.journal.id;
        let take = self.pending.len().min(self.pacer.target);
        let mut seq = self.seq;
        let mut journal = self.journal.clone();
        let mut changes = Vec::with_capacity(take);
        let mut rejected = Vec::new();
        let skip_bad = checked.options.skip_bad;
        let (taken, yielded) = self.service.store.write(|w| -> Result<_, ServiceError> {
            let mut taken = 0;
            let mut yielded = false;
            let mut created_orders = Vec::new();
            for (row, found) in &self.pending[..take] {
                if self.pacer.should_end(taken) {
                    yielded = true;
                    break;
                }
                taken += 1;
                let (_, customer) = (self.how.keys)(&row.value);
                let Some(customer) = checked.customers.id(customer) else {
                    continue;
                };
                match (self.how.write)(w, row, customer, *found, &checked.written) {
                    Ok((change, None)) => changes.push(change),
                    Ok((
                        change,
                        Some(UndoEntry::Order {
                            order_id,
                            before: None,
                        }),
                    )) => {
                        created_orders.push(order_id);
                        changes.push(change);
                    }
                    Ok((change, Some(undo))) => {
                        seq += 1;
                        w.record_undo(import_id, seq, &undo)?;
                        changes.push(change);
                    }
                    Err(ServiceError::Rejected(errors)) if skip_bad => rejected.extend(errors),
                    Err(e) => return Err(e),
                }
            }
            for order_ids in created_orders.chunks(UNDO_BATCH) {
                seq += 1;
                let undo = UndoEntry::OrdersCreated {
                    order_ids: order_ids.to_vec(),
                };
                w.record_undo(import_id, seq, &undo)?;
            }
            journal.done += taken as u64;
            w.put_import(&journal)?;
            Ok((taken, yielded))
        })?;
        self.pending.drain(..taken);
        self.seq = seq;
        self.journal = journal;
        for change in changes {
            checked.report.count(change);
        }
        checked.report.rejected.extend(rejected);
        progress(self.journal.done.min(self.total), self.total);
        self.pacer.committed(yielded);
        Ok(())
    }
}
