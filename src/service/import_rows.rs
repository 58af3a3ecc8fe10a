//! Where an import's rows come from, for each pass: a file, split into rows on one helper
//! thread and parsed on another beside the writing, or rows already in memory (the request
//! API, the tests).

use super::ServiceError;
use super::import_stream::MAX_CHUNK;
use crate::store::{Reader, Store, StoreError};
use crate::transfer::{Columns, Kind, Lined, RawRow, RowError, RowResult, TableFile};
use std::collections::BTreeMap;

/// Replays the rows of an import, in file order, as often as asked: parsed rows, and the
/// errors of rows that did not parse (one `Err` per bad row). For the writing pass
/// (`Pass::Write`) a file's rows come with what the reader thread found in the database.
pub(super) type Replay<'a, T> = &'a dyn Fn(Pass, RowSink<'_, T>) -> Result<(), ServiceError>;
pub(super) type RowSink<'s, T> = &'s mut dyn FnMut(RowResult<T>, Found) -> Result<(), ServiceError>;

/// Which pass a replay is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Pass {
    Check,
    Write,
}

/// What the reader thread found of a row's record in its own snapshot, taken when the writing
/// pass began, so that the writer need not look: a writer that finds otherwise (someone wrote
/// in between) takes the ordinary way.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Found {
    /// Nobody looked: the writer does.
    Unknown,
    /// No such record.
    Absent,
    /// The same record, for this customer: nothing to write.
    Same(u64),
}

/// Looks a parsed row's record up in a read snapshot (run on the reader thread).
pub(super) type Probe<T> = fn(&Reader, &T) -> Result<Found, StoreError>;

/// Rows the reading thread hands over at once.
const BATCH: usize = 1024;
/// Batches read and not yet parsed.
const RAW_AHEAD: usize = 8;
/// Batches parsed and not yet taken: a whole chunk of the largest size, so that reading and
/// parsing go on while a chunk is written.
const AHEAD: usize = MAX_CHUNK / BATCH + 8;

/// Why the reader thread stopped early.
enum ScanStop {
    Row(RowError),
    Store(StoreError),
    /// The consumer stopped listening (it failed; its error is the one to report).
    Gone,
}

impl From<RowError> for ScanStop {
    fn from(e: RowError) -> Self {
        ScanStop::Row(e)
    }
}

/// Reads `file` on one helper thread and parses its rows on another, handing each row to
/// `consume` on this thread (which holds the database transaction), in file order. With
/// `probe`, the parsing thread also looks each parsed row up in its own read snapshot of
/// `store`. Up to [`AHEAD`] batches wait parsed (fewer of customer files), so the rows of a
/// writer's next chunk are read while it writes the current one. Returns the file's columns.
pub(super) fn each_row<T: Send>(
    file: &TableFile,
    parse: fn(&RawRow) -> RowResult<T>,
    probe: Option<(&Store, Probe<T>)>,
    consume: RowSink<'_, T>,
) -> Result<Columns, ServiceError> {
    type Batch<T> = Vec<(RowResult<T>, Found)>;
    let (raw_sender, raw_receiver) = std::sync::mpsc::sync_channel::<Vec<RawRow>>(RAW_AHEAD);
    // A customer row is large and its chunks are written more slowly than it is read: its
    // rows wait in a short queue only, which keeps a million-customer import in bounded memory.
    let ahead = if file.kind() == Kind::Customers {
        RAW_AHEAD
    } else {
        AHEAD
    };
    let (sender, receiver) = std::sync::mpsc::sync_channel::<Batch<T>>(ahead);
    std::thread::scope(|scope| {
        let scanner = scope.spawn(move || {
            let mut batch = Vec::with_capacity(BATCH);
            let scanned = file.scan(|row| -> Result<(), ScanStop> {
                batch.push(row);
                if batch.len() == BATCH {
                    let full = std::mem::replace(&mut batch, Vec::with_capacity(BATCH));
                    raw_sender.send(full).map_err(|_| ScanStop::Gone)?;
                }
                Ok(())
            });
            if scanned.is_ok() && !batch.is_empty() {
                raw_sender.send(batch).map_err(|_| ScanStop::Gone)?;
            }
            scanned
        });
        let parser = scope.spawn(move || -> Result<(), ScanStop> {
            let snapshot = match probe {
                Some((store, look)) => Some((store.read().map_err(ScanStop::Store)?, look)),
                None => None,
            };
            for raw in raw_receiver.iter() {
                let mut batch = Vec::with_capacity(raw.len());
                for row in &raw {
                    let parsed = parse(row);
                    let found = match (&parsed, &snapshot) {
                        (Ok(row), Some((snapshot, look))) => {
                            look(snapshot, &row.value).map_err(ScanStop::Store)?
                        }
                        _ => Found::Unknown,
                    };
                    batch.push((parsed, found));
                }
                sender.send(batch).map_err(|_| ScanStop::Gone)?;
            }
            Ok(())
        });
        let mut failed = None;
        'batches: for batch in receiver.iter() {
            for (row, found) in batch {
                if let Err(e) = consume(row, found) {
                    failed = Some(e);
                    break 'batches;
                }
            }
        }
        drop(receiver);
        let parsed = parser
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        let scanned = scanner
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        if let Some(e) = failed {
            return Err(e);
        }
        if let Err(ScanStop::Store(e)) = parsed {
            return Err(e.into());
        }
        match scanned {
            Ok(columns) => Ok(columns),
            Err(ScanStop::Row(e)) => Err(ServiceError::Unreadable(e)),
            Err(ScanStop::Store(e)) => Err(e.into()),
            Err(ScanStop::Gone) => Err(ServiceError::invalid("file", t!("import-stopped"))),
        }
    })
}

/// Replays rows already parsed: the inputs, and the errors grouped by line (one bad row each).
pub(super) fn replay_rows<T: Clone>(
    inputs: &[Lined<T>],
    errors: &[RowError],
    sink: RowSink<'_, T>,
) -> Result<(), ServiceError> {
    let mut by_line: BTreeMap<u64, Vec<RowError>> = BTreeMap::new();
    for e in errors {
        by_line.entry(e.line).or_default().push(e.clone());
    }
    for (_, errors) in by_line {
        sink(Err(errors), Found::Unknown)?;
    }
    for row in inputs {
        sink(Ok(row.clone()), Found::Unknown)?;
    }
    Ok(())
}
