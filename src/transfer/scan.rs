//! Streaming a CSV or JSON file row by row: each row is handed to the caller as soon as it is
//! read, so a file of any size costs a buffer and one row of memory. An import scans its file
//! twice (check every row, then write), which is why nothing here keeps what it has read.

mod json_items;

use super::RowError;
use super::columns::{Kind, columns_of, required_columns_of};
use super::headers::{ColumnMap, map_header};
use super::raw::too_many_columns;
use super::raw::{ColumnIndex, Format, MAX_COLUMNS, RawRow, column_index};
use csv::StringRecord;
use std::collections::{HashSet, VecDeque};
use std::io::Read;

/// The columns a scan found: the header (CSV) or every key of every object (JSON), and those
/// the kind does not know (ignored; reported as a warning).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Columns {
    /// The field each column fills, or for a column the kind does not know its lowercase
    /// header.
    pub columns: Vec<String>,
    /// The headers as the file wrote them, in the same order (`客户编号` for `customer_id`).
    pub sources: Vec<String>,
    /// The headers of the columns the kind does not know, as the file wrote them.
    pub unknown: Vec<String>,
    /// Up to [`SAMPLES`] values of each column from its first rows (see [`Columns::uses`]).
    pub samples: Vec<Vec<String>>,
}

/// How many values of each column a mapping preview shows.
pub const SAMPLES: usize = 2;
/// The rows looked at for samples.
const SAMPLE_ROWS: u64 = 1000;
/// A sample is cut to this many characters.
const SAMPLE_CHARS: usize = 40;

/// One column of a file as an import reads it: the header the file gives, the field it fills
/// (`None`: ignored) and the first values in it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ColumnUse {
    pub source: String,
    pub field: Option<String>,
    pub samples: Vec<String>,
}

impl Columns {
    /// The columns of a file of `kind` (fields, and headers as written), naming those the
    /// kind does not know; columns starting with `_` (a reject file's) are passed over.
    pub(super) fn of(kind: Kind, columns: Vec<String>, sources: Vec<String>) -> Columns {
        let known = columns_of(kind);
        let unknown = columns
            .iter()
            .zip(&sources)
            .filter(|(c, _)| !known.contains(&c.as_str()) && !c.starts_with('_'))
            .map(|(_, source)| source.clone())
            .collect();
        Columns {
            columns,
            sources,
            unknown,
            samples: Vec::new(),
        }
    }

    /// Which column became which field, with samples (the `--dry-run` preview).
    pub fn uses(&self, kind: Kind) -> Vec<ColumnUse> {
        let known = columns_of(kind);
        self.columns
            .iter()
            .zip(&self.sources)
            .enumerate()
            .map(|(at, (column, source))| ColumnUse {
                source: source.clone(),
                field: known.contains(&column.as_str()).then(|| column.clone()),
                samples: self.samples.get(at).cloned().unwrap_or_default(),
            })
            .collect()
    }

    /// Notes the first values of each column of `row` (of the first rows only).
    pub(super) fn sample(&mut self, row: &RawRow) {
        if row.line > SAMPLE_ROWS + 1 {
            return;
        }
        for (at, cell) in row.cells().enumerate() {
            if at >= self.samples.len() {
                self.samples.resize(at + 1, Vec::new());
            }
            let samples = &mut self.samples[at];
            if !cell.is_empty() && samples.len() < SAMPLES {
                samples.push(cell.chars().take(SAMPLE_CHARS).collect());
            }
        }
    }
}

/// Reads `input` as a table of `kind`, calling `visit` with every row in file order. Stops at
/// the first structural problem (a malformed CSV line, invalid JSON, a missing required column),
/// returned as a [`RowError`] naming the line, or at the first error `visit` returns. For JSON
/// the required columns are checked at the end (a key may first appear in any object).
pub fn scan<R: Read, E: From<RowError>>(
    input: R,
    format: Format,
    kind: Kind,
    visit: impl FnMut(RawRow) -> Result<(), E>,
) -> Result<Columns, E> {
    scan_mapped(input, format, kind, &ColumnMap::default(), visit)
}

/// [`scan`], with CSV headers turned into fields by their other names and `map` (see
/// [`super::headers`]); JSON keys are the fields' own names.
pub fn scan_mapped<R: Read, E: From<RowError>>(
    input: R,
    format: Format,
    kind: Kind,
    map: &ColumnMap,
    visit: impl FnMut(RawRow) -> Result<(), E>,
) -> Result<Columns, E> {
    let ((columns, sources), rows) = match format {
        Format::Csv => scan_csv(input, kind, map, visit)?,
        Format::Json => {
            let (columns, rows) = json_items::scan_json(input, visit)?;
            ((columns.clone(), columns), rows)
        }
        Format::Vcard => {
            return super::vcard::scan_vcards(std::io::BufReader::new(input), visit);
        }
        // A workbook is read from its file (see `TableFile::scan`), never as a stream.
        Format::Xlsx => {
            return Err(RowError {
                line: 0,
                field: String::from("file"),
                reason: t!("file-workbook-stream"),
            }
            .into());
        }
    };
    // An empty JSON array has no keys to carry the columns: it is an empty table, as a CSV
    // file with only its header is (an export of nothing imports back as nothing).
    if !(format == Format::Json && rows == 0) {
        check_required(&columns, &sources, kind)?;
    }
    Ok(Columns::of(kind, columns, sources))
}

/// The columns of a header row, as fields (see [`Columns::columns`]), and the headers as the
/// file wrote them; refuses a header given twice and two headers for one field.
pub(super) fn header_columns(
    kind: Kind,
    header: &[String],
    map: &ColumnMap,
) -> Result<(Vec<String>, Vec<String>), RowError> {
    let sources: Vec<String> = header
        .iter()
        .map(|h| h.trim().trim_start_matches('\u{feff}').trim().to_string())
        .collect();
    let fields = map_header(kind, &sources, map)?;
    let columns: Vec<String> = sources
        .iter()
        .zip(&fields)
        .map(|(source, field)| field.map_or_else(|| source.to_lowercase(), str::to_string))
        .collect();
    let mut seen = HashSet::with_capacity(columns.len());
    if let Some(dup) = columns.iter().find(|c| !seen.insert(c.as_str())) {
        return Err(RowError {
            line: 1,
            field: dup.clone(),
            reason: t!("file-column-twice"),
        });
    }
    Ok((columns, sources))
}

/// Refuses a header without a column the kind needs, naming the headers as the file wrote
/// them (`sources`, in the order of `columns`).
pub(super) fn check_required(
    columns: &[String],
    sources: &[String],
    kind: Kind,
) -> Result<(), RowError> {
    for required in required_columns_of(kind) {
        if !columns.iter().any(|c| c == required) {
            return Err(RowError {
                line: 1,
                field: (*required).to_string(),
                reason: t!(
                    "file-column-missing",
                    columns = sources.join(","),
                    field = *required
                ),
            });
        }
    }
    Ok(())
}

/// Passes bytes through while noting where the line breaks are, so that a record's byte offset
/// turns into the line an editor shows (the csv crate's own line count skips blank lines).
/// Only the breaks not yet counted are kept: at most what the csv reader has read ahead.
struct LineTracker<R> {
    inner: R,
    /// Bytes handed out so far.
    read: u64,
    /// Offsets of `\n` (true) and `\r` (false) bytes handed out and not yet counted.
    breaks: VecDeque<(u64, bool)>,
    /// The line of the first byte not yet counted.
    line: u64,
}

impl<R: Read> Read for LineTracker<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        for at in memchr::memchr2_iter(b'\n', b'\r', &buf[..n]) {
            self.breaks
                .push_back((self.read + at as u64, buf[at] == b'\n'));
        }
        self.read += n as u64;
        Ok(n)
    }
}

impl<R> LineTracker<R> {
    /// The line of the first character at or after `byte` that is not a line break (the csv
    /// crate reports a record after blank lines as starting at the first blank line). Offsets
    /// asked for never go backwards.
    fn line_at(&mut self, byte: u64) -> u64 {
        while let Some(&(at, newline)) = self.breaks.front() {
            if at >= byte {
                break;
            }
            self.breaks.pop_front();
            self.line += u64::from(newline);
        }
        let mut next = byte;
        while let Some(&(at, newline)) = self.breaks.front() {
            if at != next {
                break;
            }
            self.breaks.pop_front();
            self.line += u64::from(newline);
            next += 1;
        }
        self.line
    }
}

fn csv_error<R>(e: &csv::Error, lines: &mut LineTracker<R>) -> RowError {
    let line = e.position().map_or(0, |p| lines.line_at(p.byte()));
    let reason = match e.kind() {
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => {
            t!("file-field-count", len = *len, expected = *expected_len)
        }
        csv::ErrorKind::Utf8 { .. } => t!("file-not-utf8"),
        csv::ErrorKind::Io(e) => match super::encoding::DecodeError::of(e) {
            Some(bad) => {
                return RowError {
                    line: bad.line,
                    field: String::from("row"),
                    reason: bad.to_string(),
                };
            }
            None => t!("file-unreadable", reason = e.to_string()),
        },
        _ => e.to_string(),
    };
    RowError {
        line,
        field: String::from("row"),
        reason,
    }
}

/// Returns the columns and headers, and how many rows were visited.
#[allow(clippy::type_complexity)]
fn scan_csv<R: Read, E: From<RowError>>(
    input: R,
    kind: Kind,
    map: &ColumnMap,
    mut visit: impl FnMut(RawRow) -> Result<(), E>,
) -> Result<((Vec<String>, Vec<String>), u64), E> {
    let tracker = LineTracker {
        inner: input,
        read: 0,
        breaks: VecDeque::new(),
        line: 1,
    };
    let mut reader = csv::ReaderBuilder::new()
        .flexible(false)
        .buffer_capacity(1 << 16)
        .from_reader(tracker);
    let (columns, sources) = match reader.headers() {
        Ok(headers) if headers.len() > MAX_COLUMNS => {
            return Err(too_many_columns(1, headers.len()).into());
        }
        Ok(headers) => {
            let header: Vec<String> = headers.iter().map(str::to_string).collect();
            header_columns(kind, &header, map)?
        }
        Err(e) => return Err(csv_error(&e, reader.get_mut()).into()),
    };
    // Missing required columns are named before any row is read.
    check_required(&columns, &sources, kind)?;
    let index: ColumnIndex = column_index(&columns);
    let mut record = StringRecord::new();
    let mut rows = 0u64;
    loop {
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => return Err(csv_error(&e, reader.get_mut()).into()),
        }
        let line = record
            .position()
            .map_or(0, |p| reader.get_mut().line_at(p.byte()));
        if record.iter().all(|cell| cell.trim().is_empty()) {
            continue;
        }
        rows += 1;
        visit(RawRow::new(line, index.clone(), record.clone(), None))?;
    }
    Ok(((columns, sources), rows))
}

#[cfg(test)]
mod tests {
    use super::super::raw::file_error;
    use super::*;

    /// A reader that hands out one byte at a time: line numbers must not depend on where the
    /// reads split the file.
    struct Trickle<'a>(&'a [u8]);

    impl Read for Trickle<'_> {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            let Some((first, rest)) = self.0.split_first() else {
                return Ok(0);
            };
            if buf.is_empty() {
                return Ok(0);
            }
            buf[0] = *first;
            self.0 = rest;
            Ok(1)
        }
    }

    fn lines_of(input: impl Read) -> Vec<u64> {
        let mut lines = Vec::new();
        scan(
            input,
            Format::Csv,
            Kind::Customers,
            |row| -> Result<(), RowError> {
                lines.push(row.line);
                Ok(())
            },
        )
        .unwrap();
        lines
    }

    #[test]
    fn line_numbers_count_blank_lines_quoted_breaks_and_crlf_however_the_reads_split() {
        let text = "customer_id,name\r\nC1,Ann\r\n\r\n\r\nC2,\"two\r\nlines\"\r\nC3,Di\n\nC4,Eve\n";
        let expected = vec![2, 5, 7, 9];
        assert_eq!(lines_of(text.as_bytes()), expected);
        assert_eq!(lines_of(Trickle(text.as_bytes())), expected);
    }

    #[test]
    fn a_missing_required_column_is_named_before_any_row_is_visited() {
        let mut visited = 0;
        let err = scan(
            "customer_id,nom\nC1,Ann\n".as_bytes(),
            Format::Csv,
            Kind::Customers,
            |_| -> Result<(), RowError> {
                visited += 1;
                Ok(())
            },
        )
        .unwrap_err();
        assert_eq!((err.line, err.field.as_str(), visited), (1, "name", 0));
    }

    #[test]
    fn the_visitor_can_stop_the_scan() {
        let mut seen = 0;
        let err = scan(
            "customer_id,name\nC1,A\nC2,B\nC3,C\n".as_bytes(),
            Format::Csv,
            Kind::Customers,
            |row| {
                seen += 1;
                if row.line == 3 {
                    return Err(file_error(3, "enough"));
                }
                Ok(())
            },
        )
        .unwrap_err();
        assert_eq!((err.line, seen), (3, 2));
    }
}
