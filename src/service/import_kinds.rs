//! What each kind of import row is keyed by and how it is written, for [`super::import_stream`];
//! and the public entry points: a file that streams, or rows already parsed.

use super::import::{ImportOptions, ImportReport, Progress, WithId, overflow_row};
use super::import_stream::{Found, Pass, Replay, RowKind, RowSink, Written, each_row, replay_rows};
use super::{Service, ServiceError};
use crate::domain::{Order, UndoEntry};
use crate::store::{Change, ChildRecord, Reader, RecordIdKind, StoreError, Writer};
use crate::transfer::{
    self, CarePlanInput, ChildInput, ComplaintInput, FollowUpInput, Kind, Lined, OrderInput,
    RawTable, RowError, RowResult, TableFile,
};
use std::cell::RefCell;

fn order_of(input: &OrderInput, customer: u64) -> Order {
    Order {
        order_id: input.order_id.clone(),
        customer,
        ordered_at: input.ordered_at,
        amount: input.amount,
        items: input.items.clone(),
        category: input.category.clone(),
        channel: input.channel.clone(),
    }
}

/// On the reader thread: is the order there already, and the same? (The writer then neither
/// looks it up nor, when it is the same, writes anything.)
fn probe_order(r: &Reader, input: &OrderInput) -> Result<Found, StoreError> {
    let Some(customer) = r.resolve_external(&input.customer_id)? else {
        return Ok(Found::Unknown);
    };
    Ok(match r.order(&input.order_id)? {
        None => Found::Absent,
        Some(stored) if stored == order_of(input, customer) => Found::Same(customer),
        Some(_) => Found::Unknown,
    })
}

pub(super) fn orders() -> RowKind<OrderInput> {
    RowKind {
        kind: Kind::Orders,
        keys: |o| (o.order_id.as_str(), o.customer_id.as_str()),
        probe: Some(probe_order),
        write: Box::new(|w, row, customer, found, _| {
            let input = &row.value;
            if found == Found::Same(customer) {
                return Ok((Change::Unchanged, None));
            }
            let order = order_of(input, customer);
            let written = match found {
                Found::Absent => w.insert_unseen_order(&order),
                _ => w.upsert_order_replacing(&order),
            };
            let (change, before) =
                written.map_err(|e| match overflow_row(&e, row.line, input) {
                    Some(error) => ServiceError::Rejected(vec![error]),
                    None => e.into(),
                })?;
            let undo = (change != Change::Unchanged).then_some(UndoEntry::Order {
                order_id: order.order_id,
                before,
            });
            Ok((change, undo))
        }),
    }
}

/// How a child record is read, written and undone in the store.
struct ChildOps<T> {
    id_kind: RecordIdKind,
    get: fn(&Writer<'_>, &str) -> Result<Option<T>, StoreError>,
    upsert: fn(&mut Writer<'_>, &T) -> Result<Change, StoreError>,
    undo: fn(String, Option<T>) -> UndoEntry,
}

/// Follow-ups, care plans, complaints: keyed by their id column; a row without an id gets a
/// fresh one that the file does not give (so such a file is not idempotent; exports always
/// carry ids).
fn children<T: ChildRecord + WithId + Clone + 'static>(
    kind: Kind,
    ops: ChildOps<T>,
) -> RowKind<ChildInput<T>> {
    RowKind {
        kind,
        keys: |c| (c.record.id(), c.customer_id.as_str()),
        probe: None,
        write: Box::new(move |w, row, customer, _, written: &Written| {
            let mut record = row.value.record.clone();
            record.set_customer(customer);
            if record.id().is_empty() {
                let mut id = w.next_record_id(ops.id_kind)?;
                while written.ids.may_contain(&id) {
                    id = w.next_record_id(ops.id_kind)?;
                }
                record.set_id(id);
                written.without_id.set(written.without_id.get() + 1);
            }
            let before = (ops.get)(w, record.id())?;
            let change = (ops.upsert)(w, &record)?;
            let undo =
                (change != Change::Unchanged).then(|| (ops.undo)(record.id().to_string(), before));
            Ok((change, undo))
        }),
    }
}

fn followups() -> RowKind<FollowUpInput> {
    children(
        Kind::FollowUps,
        ChildOps {
            id_kind: RecordIdKind::FollowUp,
            get: |w, id| w.followup(id),
            upsert: |w, r| w.upsert_followup(r),
            undo: |id, before| UndoEntry::FollowUp { id, before },
        },
    )
}

fn care_plans() -> RowKind<CarePlanInput> {
    children(
        Kind::CarePlans,
        ChildOps {
            id_kind: RecordIdKind::CarePlan,
            get: |w, id| w.care_plan(id),
            upsert: |w, r| w.upsert_care_plan(r),
            undo: |id, before| UndoEntry::CarePlan { id, before },
        },
    )
}

fn complaints() -> RowKind<ComplaintInput> {
    children(
        Kind::Complaints,
        ChildOps {
            id_kind: RecordIdKind::Complaint,
            get: |w, id| w.complaint(id),
            upsert: |w, r| w.upsert_complaint(r),
            undo: |id, before| UndoEntry::Complaint {
                id,
                before: before.map(Box::new),
            },
        },
    )
}

impl Service {
    /// Imports `file` (its kind and format said when it was opened), streaming: see
    /// [`super::import_stream`] and [`super::import_customers`]. With `journal` (the name to
    /// record) the rows go in journaled chunks; without, or for a dry run, in one transaction.
    /// The report names the columns the kind does not know (`unknown_columns`).
    pub fn import_file(
        &self,
        file: &TableFile,
        options: ImportOptions,
        journal: Option<&str>,
        progress: Progress<'_>,
    ) -> Result<ImportReport, ServiceError> {
        match file.kind() {
            Kind::Customers => from_file(file, transfer::parse_customer, None, |replay| {
                self.import_customer_rows(replay, options, journal, progress)
            }),
            Kind::Orders => self.import_file_as(
                &orders(),
                file,
                transfer::parse_order,
                options,
                journal,
                progress,
            ),
            Kind::FollowUps => self.import_file_as(
                &followups(),
                file,
                transfer::parse_followup,
                options,
                journal,
                progress,
            ),
            Kind::CarePlans => self.import_file_as(
                &care_plans(),
                file,
                transfer::parse_care_plan,
                options,
                journal,
                progress,
            ),
            Kind::Complaints => self.import_file_as(
                &complaints(),
                file,
                transfer::parse_complaint,
                options,
                journal,
                progress,
            ),
        }
    }

    fn import_file_as<T: Send>(
        &self,
        how: &RowKind<T>,
        file: &TableFile,
        parse: fn(&transfer::RawRow) -> RowResult<T>,
        options: ImportOptions,
        journal: Option<&str>,
        progress: Progress<'_>,
    ) -> Result<ImportReport, ServiceError> {
        let probe = how.probe.map(|probe| (&self.store, probe));
        from_file(file, parse, probe, |replay| {
            self.import_streamed(how, replay, options, journal, progress)
        })
    }

    /// Imports orders, keyed by `order_id`, in one transaction: an identical row changes
    /// nothing, a changed row replaces the order, and the customers' aggregates follow.
    pub fn import_orders(
        &self,
        inputs: Vec<Lined<OrderInput>>,
        parse_errors: Vec<RowError>,
        options: ImportOptions,
        progress: Progress<'_>,
    ) -> Result<ImportReport, ServiceError> {
        let replay =
            |_: Pass, sink: RowSink<'_, OrderInput>| replay_rows(&inputs, &parse_errors, sink);
        self.import_streamed(&orders(), &replay, options, None, progress)
    }

    /// Imports orders in journaled chunks (see [`super::import_stream`]); `source` names
    /// the file in the journal.
    pub fn import_orders_chunked(
        &self,
        source: &str,
        inputs: Vec<Lined<OrderInput>>,
        parse_errors: Vec<RowError>,
        options: ImportOptions,
        progress: Progress<'_>,
    ) -> Result<ImportReport, ServiceError> {
        let replay =
            |_: Pass, sink: RowSink<'_, OrderInput>| replay_rows(&inputs, &parse_errors, sink);
        self.import_streamed(&orders(), &replay, options, Some(source), progress)
    }

    pub fn import_followups(
        &self,
        inputs: Vec<Lined<FollowUpInput>>,
        parse_errors: Vec<RowError>,
        options: ImportOptions,
        progress: Progress<'_>,
    ) -> Result<ImportReport, ServiceError> {
        self.import_parsed(
            &followups(),
            &inputs,
            &parse_errors,
            options,
            None,
            progress,
        )
    }

    pub fn import_care_plans(
        &self,
        inputs: Vec<Lined<CarePlanInput>>,
        parse_errors: Vec<RowError>,
        options: ImportOptions,
        progress: Progress<'_>,
    ) -> Result<ImportReport, ServiceError> {
        self.import_parsed(
            &care_plans(),
            &inputs,
            &parse_errors,
            options,
            None,
            progress,
        )
    }

    pub fn import_complaints(
        &self,
        inputs: Vec<Lined<ComplaintInput>>,
        parse_errors: Vec<RowError>,
        options: ImportOptions,
        progress: Progress<'_>,
    ) -> Result<ImportReport, ServiceError> {
        self.import_parsed(
            &complaints(),
            &inputs,
            &parse_errors,
            options,
            None,
            progress,
        )
    }

    /// Follow-ups, care plans or complaints of a table in memory, in journaled chunks under
    /// `source` (one rehearsed transaction for a dry run).
    pub fn import_records_chunked(
        &self,
        source: &str,
        table: &RawTable,
        kind: Kind,
        options: ImportOptions,
        progress: Progress<'_>,
    ) -> Result<ImportReport, ServiceError> {
        let journal = Some(source);
        match kind {
            Kind::FollowUps => {
                let p = transfer::parse_followups(table);
                self.import_parsed(
                    &followups(),
                    &p.inputs,
                    &p.errors,
                    options,
                    journal,
                    progress,
                )
            }
            Kind::CarePlans => {
                let p = transfer::parse_care_plans(table);
                self.import_parsed(
                    &care_plans(),
                    &p.inputs,
                    &p.errors,
                    options,
                    journal,
                    progress,
                )
            }
            Kind::Complaints => {
                let p = transfer::parse_complaints(table);
                self.import_parsed(
                    &complaints(),
                    &p.inputs,
                    &p.errors,
                    options,
                    journal,
                    progress,
                )
            }
            Kind::Customers | Kind::Orders => {
                Err(ServiceError::invalid("kind", t!("import-own-calls")))
            }
        }
    }

    fn import_parsed<T: Clone>(
        &self,
        how: &RowKind<T>,
        inputs: &[Lined<T>],
        parse_errors: &[RowError],
        options: ImportOptions,
        journal: Option<&str>,
        progress: Progress<'_>,
    ) -> Result<ImportReport, ServiceError> {
        let replay = |_: Pass, sink: RowSink<'_, T>| replay_rows(inputs, parse_errors, sink);
        self.import_streamed(how, &replay, options, journal, progress)
    }
}

/// Runs `import` over the rows of `file` (read again for each pass; `probe` looks rows up
/// during the writing pass) and puts the file's unknown columns in its report.
fn from_file<T: Send>(
    file: &TableFile,
    parse: fn(&transfer::RawRow) -> RowResult<T>,
    probe: Option<(&crate::store::Store, super::import_stream::Probe<T>)>,
    import: impl FnOnce(Replay<'_, T>) -> Result<ImportReport, ServiceError>,
) -> Result<ImportReport, ServiceError> {
    let found = RefCell::new(transfer::Columns::default());
    let replay = |pass: Pass, sink: RowSink<'_, T>| {
        let probe = probe.filter(|_| pass == Pass::Write);
        *found.borrow_mut() = each_row(file, parse, probe, sink)?;
        Ok(())
    };
    let mut report = import(&replay)?;
    let found = found.into_inner();
    report.columns = found.uses(file.kind());
    report.unknown_columns = found.unknown;
    Ok(report)
}
