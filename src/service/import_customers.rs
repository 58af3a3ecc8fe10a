//! Customer files in two passes, like the other kinds (see [`super::import_stream`]): the
//! checking pass settles everything that looks across rows against a read snapshot (ids given
//! twice, the twin an unknown id matches by phone or email, referrers in the file or the
//! database, chains of referrals to rejected rows), so the writing pass can go in journaled
//! chunks that a colleague's save passes between, and each chunk can be undone.
//!
//! Matching: a known `customer_id` updates that file; an unknown one whose phone or email
//! matches exactly one existing file updates that file (the id becomes an alias of it, the
//! stored name is kept) with a warning; several matches reject the row; otherwise a new file is
//! created. Files the same import creates are never matched (two new rows are two people).

use super::customers::{apply_input, find_duplicates, same_facts};
use super::import::{ImportOptions, ImportReport, Progress, RowWarning, reject};
use super::import_stream::{PROBE_EVERY, Pacer, Pass, Replay, replay_rows};
use super::{CustomerKey, Service, ServiceError};
use crate::domain::{Customer, CustomerId, ImportRecord, Role, UndoEntry};
use crate::store::{Change, StoreError, Writer};
use crate::transfer::{CustomerInput, Kind, Lined, RowError};
use rustc_hash::FxHashMap;
use std::collections::HashSet;

const PROGRESS_EVERY: u64 = 8192;
/// The largest chunk of customer files while nobody else writes: fewer, larger commits
/// rewrite the spread-out search index's pages fewer times.
const MAX_CUSTOMER_CHUNK: usize = 65_536;
/// The first chunk of customer files: small, because among a million files its commit takes
/// 100 ms at 2,000 files (each file's index entries land on pages of their own), and a
/// colleague who is at work when the import begins would wait for it.
const FIRST_CUSTOMER_CHUNK: usize = 512;
/// The largest chunk while a colleague is at work ([`GENTLE_FOR`]): a chunk that fills while
/// someone waits commits all the pages it changed.
const GENTLE_CHUNK: usize = 16_384;
/// A chunk that finds a colleague waiting, while it writes files or their held-back index
/// entries, gives up (its transaction rolled back: finishing it would make them wait for all
/// its entries and changed pages); the next chunk, at most this many files, commits what it
/// has even if someone waits, so the import goes on however often colleagues save.
const COMMIT_UP_TO: usize = 2_048;
/// After a colleague was seen waiting, for this long chunks are short ([`GENTLE_BUDGET`]) and
/// the held-back entries are also written every [`COMMIT_UP_TO`] files. Alone, a chunk writes
/// them once, at its end: in larger sorted batches, a quarter faster at 1M files.
const GENTLE_FOR: std::time::Duration = std::time::Duration::from_secs(30);
/// While a colleague is at work, a chunk commits after this much writing files: at a million
/// files each file's index entries land on pages of their own, so writing the held-back
/// entries and committing take about four times as long again (measured: 15 ms of files, then
/// 30 ms of entries and 30 ms of commit), and a colleague who arrives during a commit waits
/// for all of it.
const GENTLE_BUDGET: std::time::Duration = std::time::Duration::from_millis(4);

/// What the checking pass settled.
struct Plan {
    report: ImportReport,
    skip: HashSet<u64>,
    /// Unknown ids that match one existing file: they become its aliases.
    twins: FxHashMap<Box<str>, CustomerId>,
    /// Referrals to a file a later row creates: set once every row is in.
    deferred: Vec<(CustomerId, String)>,
}

impl Service {
    /// Imports customer files in one transaction (see the module documentation).
    pub fn import_customers(
        &self,
        inputs: Vec<Lined<CustomerInput>>,
        parse_errors: Vec<RowError>,
        options: ImportOptions,
        progress: Progress<'_>,
    ) -> Result<ImportReport, ServiceError> {
        let replay = |_: Pass, sink: super::import_stream::RowSink<'_, CustomerInput>| {
            replay_rows(&inputs, &parse_errors, sink)
        };
        self.import_customer_rows(&replay, options, None, progress)
    }

    /// Imports customer files from `replay`: in journaled chunks under `journal` (the file's
    /// name), or in one transaction without it or for a dry run.
    pub(super) fn import_customer_rows(
        &self,
        replay: Replay<'_, CustomerInput>,
        options: ImportOptions,
        journal: Option<&str>,
        progress: Progress<'_>,
    ) -> Result<ImportReport, ServiceError> {
        self.require(Role::Agent, "import")?;
        let mut plan = self.plan_customers(replay, options, progress)?;
        plan.report.gate(options)?;
        match journal {
            Some(source) if !options.dry_run => {
                self.write_customers_chunked(replay, plan, source, progress)
            }
            _ => {
                let total = plan.report.rows;
                self.run_import(options, move |w| {
                    w.hold_back_bulk_writes();
                    let mut done = 0u64;
                    replay(Pass::Write, &mut |row, _| {
                        let Ok(row) = row else { return Ok(()) };
                        done += 1;
                        if done.is_multiple_of(PROGRESS_EVERY) {
                            progress(done, total);
                        }
                        if !plan.skip.contains(&row.line) {
                            let (change, _) = write_customer(w, &row, &mut plan)?;
                            plan.report.count(change);
                        }
                        Ok(())
                    })?;
                    for (id, referrer) in std::mem::take(&mut plan.deferred) {
                        refer(w, id, &referrer)?;
                    }
                    progress(total, total);
                    Ok(plan.report)
                })
            }
        }
    }

    /// The checking pass: every row against a read snapshot, nothing written.
    fn plan_customers(
        &self,
        replay: Replay<'_, CustomerInput>,
        options: ImportOptions,
        progress: Progress<'_>,
    ) -> Result<Plan, ServiceError> {
        let r = self.store.read()?;
        let mut report = ImportReport::new(Kind::Customers, options, 0, Vec::new());
        // Each id once, with its line: for repeats, and for referrers given in the file.
        let mut first_line: FxHashMap<Box<str>, u64> = FxHashMap::default();
        let mut referrals: Vec<(u64, Box<str>)> = Vec::new();
        let mut twins = FxHashMap::default();
        let mut rows = 0u64;
        replay(Pass::Check, &mut |row, _| {
            rows += 1;
            if rows.is_multiple_of(PROGRESS_EVERY) {
                progress(rows, 0);
            }
            let row = match row {
                Ok(row) => row,
                Err(errors) => {
                    report.rejected.extend(errors);
                    return Ok(());
                }
            };
            let input = &row.value;
            let ext = input.external_id.as_str();
            if let Some(reason) = CustomerKey::external_id_problem(ext) {
                reject(&mut report, row.line, "customer_id", reason);
            } else if let Some(first) = first_line.get(ext) {
                let reason = t!("row-twice", id = format!("{ext:?}"), first = *first);
                reject(&mut report, row.line, "customer_id", reason);
            } else {
                first_line.insert(ext.into(), row.line);
            }
            if input.name.trim().is_empty() {
                reject(&mut report, row.line, "name", t!("row-required"));
            }
            if let Some(Some(referrer)) = &input.referred_by {
                if referrer == &input.external_id {
                    let reason = t!("customer-refers-self");
                    reject(&mut report, row.line, "referred_by", reason);
                } else {
                    referrals.push((row.line, referrer.as_str().into()));
                }
            }
            if r.resolve_external(ext)?.is_none() {
                let phones = input.phones.clone().unwrap_or_default();
                let email = input.email.clone().flatten();
                match find_duplicates(&r, &phones, email.as_deref(), None)?.as_slice() {
                    [] => {}
                    [m] => {
                        report.warnings.push(RowWarning {
                            line: row.line,
                            message: format!(
                                "{} matches existing customer {} {} by {}: updated that file instead of creating a twin",
                                input.external_id, m.external_id, m.name, m.reason
                            ),
                        });
                        twins.insert(ext.into(), m.id);
                    }
                    several => {
                        let names: Vec<String> = several
                            .iter()
                            .map(|m| format!("{} ({})", m.external_id, m.reason))
                            .collect();
                        let reason = t!("row-several-matches", matches = names.join(", "));
                        reject(&mut report, row.line, "phone", reason);
                    }
                }
            }
            Ok(())
        })?;
        report.rows = rows;
        for (line, referrer) in &referrals {
            if !first_line.contains_key(referrer) && r.resolve_external(referrer)?.is_none() {
                let reason = t!("row-no-referrer", id = format!("{referrer:?}"));
                reject(&mut report, *line, "referred_by", reason);
            }
        }
        // A row whose referrer appears only in the file, on a rejected row, goes too (and so
        // on down the chain).
        loop {
            let rejected = report.rejected_lines();
            let mut more = Vec::new();
            for (line, referrer) in referrals.iter().filter(|(l, _)| !rejected.contains(l)) {
                if let Some(first) = first_line.get(referrer)
                    && rejected.contains(first)
                    && r.resolve_external(referrer)?.is_none()
                {
                    let reason = t!(
                        "row-referrer-rejected",
                        id = format!("{referrer:?}"),
                        line = *first
                    );
                    more.push((*line, reason));
                }
            }
            if more.is_empty() {
                break;
            }
            for (line, reason) in more {
                reject(&mut report, line, "referred_by", reason);
            }
        }
        let skip = report.rejected_lines();
        report.warnings.retain(|w| !skip.contains(&w.line));
        Ok(Plan {
            report,
            skip,
            twins,
            deferred: Vec::new(),
        })
    }

    /// The writing pass in journaled chunks, then the referrals to files created after the
    /// rows that name them.
    fn write_customers_chunked(
        &self,
        replay: Replay<'_, CustomerInput>,
        mut plan: Plan,
        source: &str,
        progress: Progress<'_>,
    ) -> Result<ImportReport, ServiceError> {
        let to_write = plan.report.rows - plan.report.rejected_rows();
        let journal = self
            .store
            .write(|w| -> Result<ImportRecord, ServiceError> {
                Ok(w.begin_import(Kind::Customers.label(), source, to_write)?)
            })?;
        let mut chunks = CustomerChunks {
            journal,
            seq: 0,
            pacer: Pacer::up_to(&self.store, FIRST_CUSTOMER_CHUNK, MAX_CUSTOMER_CHUNK),
            pending: Vec::new(),
            waiter_seen: None,
            gave_up: false,
        };
        replay(Pass::Write, &mut |row, _| {
            let Ok(row) = row else { return Ok(()) };
            if plan.skip.contains(&row.line) {
                return Ok(());
            }
            chunks.pending.push(row);
            if chunks.pending.len() >= chunks.pacer.target {
                chunks.write(self, &mut plan, &mut *progress, to_write)?;
            }
            Ok(())
        })?;
        while !chunks.pending.is_empty() {
            chunks.write(self, &mut plan, &mut *progress, to_write)?;
        }
        // Few, usually: a referral to a file that a later row of the file created.
        for deferred in std::mem::take(&mut plan.deferred).chunks(GENTLE_CHUNK) {
            let journal = &mut chunks.journal;
            let seq = &mut chunks.seq;
            self.store.write(|w| -> Result<(), ServiceError> {
                for (id, referrer) in deferred {
                    if let Some(before) = refer(w, *id, referrer)? {
                        *seq += 1;
                        let undo = UndoEntry::CustomerUpdated {
                            before: Box::new(before),
                        };
                        w.record_undo(journal.id, *seq, &undo)?;
                    }
                }
                w.put_import(journal)?;
                Ok(())
            })?;
        }
        let import_id = chunks.journal.id;
        self.finish_journal(chunks.journal, &plan.report)?;
        plan.report.import_id = Some(import_id);
        progress(to_write, to_write);
        Ok(plan.report)
    }
}

/// The rows waiting to be written and the journal they are written under.
struct CustomerChunks {
    journal: ImportRecord,
    seq: u64,
    pacer: Pacer,
    pending: Vec<Lined<CustomerInput>>,
    /// When a chunk last ended for a waiting colleague.
    waiter_seen: Option<std::time::Instant>,
    /// Whether the last chunk was given up: the next one commits even if someone waits, so
    /// the import goes on however often colleagues save.
    gave_up: bool,
}

impl CustomerChunks {
    /// Writes pending rows in one transaction: up to the pacer's target, fewer when another
    /// writer starts waiting.
    fn write(
        &mut self,
        service: &Service,
        plan: &mut Plan,
        progress: Progress<'_>,
        total: u64,
    ) -> Result<(), ServiceError> {
        let gentle = self.waiter_seen.is_some_and(|at| at.elapsed() < GENTLE_FOR);
        let take = self.pending.len().min(self.pacer.target).min(if gentle {
            GENTLE_CHUNK
        } else {
            usize::MAX
        });
        let mut seq = self.seq;
        let mut journal = self.journal.clone();
        let mut changes = Vec::with_capacity(take);
        let deferred_before = plan.deferred.len();
        let written = service
            .store
            .write_or_abandon(|w| -> Result<_, ServiceError> {
                w.hold_back_bulk_writes();
                let started = std::time::Instant::now();
                let mut taken = 0;
                let mut ended_early = false;
                for row in &self.pending[..take] {
                    if self.pacer.should_end(taken) {
                        // Given up at once, so the colleague waits for a rollback only; right
                        // after giving up, committed (the import must go on).
                        if !self.gave_up {
                            return Ok(None);
                        }
                        ended_early = true;
                        break;
                    }
                    if gentle
                        && taken > 0
                        && taken.is_multiple_of(PROBE_EVERY)
                        && started.elapsed() > GENTLE_BUDGET
                    {
                        break;
                    }
                    if gentle && taken > 0 && taken.is_multiple_of(COMMIT_UP_TO) {
                        // What a chunk ending now would still have to write stays small.
                        w.write_held_back_entries()?;
                    }
                    taken += 1;
                    let (change, undo) = write_customer(w, row, plan)?;
                    for entry in undo {
                        seq += 1;
                        w.record_undo(journal.id, seq, &entry)?;
                    }
                    changes.push(change);
                }
                // The held-back entries are most of the work left: a colleague who starts
                // waiting while they are written need not wait for them either.
                let may_give_up = !self.gave_up;
                let pacer = &mut self.pacer;
                if !w
                    .write_held_back_entries_until(&mut || may_give_up && pacer.someone_waiting())?
                {
                    return Ok(None);
                }
                journal.done += taken as u64;
                w.put_import(&journal)?;
                Ok(Some((taken, ended_early)))
            });
        let (taken, ended_early) = match written {
            Ok(Some(done)) => done,
            Ok(None) => {
                // Given up for a waiting colleague: nothing of the chunk was written, and the
                // next one is small enough to commit when someone waits again.
                plan.deferred.truncate(deferred_before);
                self.pacer.abandoned(COMMIT_UP_TO);
                self.waiter_seen = Some(std::time::Instant::now());
                self.gave_up = true;
                return Ok(());
            }
            Err(e) => {
                // Nothing of the chunk was written: neither are its deferred referrals.
                plan.deferred.truncate(deferred_before);
                return Err(e);
            }
        };
        self.gave_up = false;
        self.pending.drain(..taken);
        self.seq = seq;
        self.journal = journal;
        for change in changes {
            plan.report.count(change);
        }
        progress(self.journal.done.min(total), total);
        if ended_early {
            self.waiter_seen = Some(std::time::Instant::now());
        }
        self.pacer.committed(ended_early);
        Ok(())
    }
}

/// Creates or updates the file of one row; returns what changed and the undo entries.
fn write_customer(
    w: &mut Writer<'_>,
    row: &Lined<CustomerInput>,
    plan: &mut Plan,
) -> Result<(Change, Vec<UndoEntry>), ServiceError> {
    let input = &row.value;
    let ext = input.external_id.trim();
    let mut undo = Vec::new();
    // The referrer now: earlier rows of this file are in; a later one is referred to at the end.
    let referrer = match &input.referred_by {
        Some(Some(r)) => w.resolve_external(r)?.map(Some),
        Some(None) => Some(None),
        None => None,
    };
    let existing = match w.resolve_external(ext)? {
        Some(id) => Some(id),
        None => match plan.twins.get(ext) {
            Some(&twin) => {
                w.add_external_alias(ext, twin)?;
                undo.push(UndoEntry::AliasAdded {
                    external_id: ext.to_string(),
                    id: twin,
                });
                Some(twin)
            }
            None => None,
        },
    };
    let (id, change) = match existing {
        Some(id) => {
            let current = w.customer(id)?.ok_or(StoreError::MissingCustomer(id))?;
            let mut changed = current.clone();
            if current.external_id == ext {
                apply_input(&mut changed, input);
            } else {
                // Found through an alias or a shared phone/email: the row names the same person
                // another way; the file keeps its own name.
                let mut input = input.clone();
                input.name = current.name.clone();
                apply_input(&mut changed, &input);
            }
            if let Some(target) = referrer
                && target != Some(id)
            {
                changed.referred_by = target;
            }
            if same_facts(&current, &changed) {
                (id, Change::Unchanged)
            } else {
                changed.updated_at = w.now();
                w.update_customer(changed)?;
                undo.push(UndoEntry::CustomerUpdated {
                    before: Box::new(current),
                });
                (id, Change::Updated)
            }
        }
        None => {
            let mut customer = Customer::new(ext, input.name.trim(), w.now());
            apply_input(&mut customer, input);
            if let Some(target) = referrer {
                customer.referred_by = target;
            }
            let id = w.insert_customer(customer)?;
            undo.push(UndoEntry::CustomerCreated { id });
            (id, Change::Created)
        }
    };
    if let (Some(Some(r)), None) = (&input.referred_by, referrer) {
        plan.deferred.push((id, r.clone()));
    }
    Ok((change, undo))
}

/// Sets the referrer of `id` to the file `referrer` names, if it is not already; returns the
/// file as it was before when it changed.
fn refer(
    w: &mut Writer<'_>,
    id: CustomerId,
    referrer: &str,
) -> Result<Option<Customer>, ServiceError> {
    let target = w.resolve_external(referrer)?;
    let Some(mut customer) = w.customer(id)? else {
        return Ok(None);
    };
    if customer.referred_by == target || target == Some(id) {
        return Ok(None);
    }
    let before = customer.clone();
    customer.referred_by = target;
    w.update_customer(customer)?;
    Ok(Some(before))
}
