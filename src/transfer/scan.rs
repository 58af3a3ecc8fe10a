//! Streaming a CSV or JSON file row by row: each row is handed to the caller as soon as it is
//! read, so a file of any size costs a buffer and one row of memory. An import scans its file
//! twice (check every row, then write), which is why nothing here keeps what it has read.

mod json_items;

use super::RowError;
use super::columns::{Kind, columns_of, required_columns_of};
use super::raw::too_many_columns;
use super::raw::{ColumnIndex, Format, MAX_COLUMNS, RawRow, column_index};
use csv::StringRecord;
use std::collections::{HashSet, VecDeque};
use std::io::Read;

/// The columns a scan found: the header (CSV) or every key of every object (JSON), and those
/// the kind does not know (ignored; reported as a warning).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Columns {
    pub columns: Vec<String>,
    pub unknown: Vec<String>,
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
    let (columns, rows) = match format {
        Format::Csv => scan_csv(input, kind, visit)?,
        Format::Json => json_items::scan_json(input, visit)?,
    };
    // An empty JSON array has no keys to carry the columns: it is an empty table, as a CSV
    // file with only its header is (an export of nothing imports back as nothing).
    if !(format == Format::Json && rows == 0) {
        check_required(&columns, kind)?;
    }
    let known = columns_of(kind);
    let unknown = columns
        .iter()
        .filter(|c| !known.contains(&c.as_str()) && !c.starts_with('_'))
        .cloned()
        .collect();
    Ok(Columns { columns, unknown })
}

fn check_required(columns: &[String], kind: Kind) -> Result<(), RowError> {
    for required in required_columns_of(kind) {
        if !columns.iter().any(|c| c == required) {
            return Err(RowError {
                line: 1,
                field: (*required).to_string(),
                reason: t!("file-column-missing", columns = columns.join(",")),
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

/// Returns the header and how many rows were visited.
fn scan_csv<R: Read, E: From<RowError>>(
    input: R,
    kind: Kind,
    mut visit: impl FnMut(RawRow) -> Result<(), E>,
) -> Result<(Vec<String>, u64), E> {
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
    let columns: Vec<String> = match reader.headers() {
        Ok(headers) if headers.len() > MAX_COLUMNS => {
            return Err(too_many_columns(1, headers.len()).into());
        }
        Ok(headers) => headers
            .iter()
            .map(|h| h.trim().trim_start_matches('\u{feff}').to_lowercase())
            .collect(),
        Err(e) => return Err(csv_error(&e, reader.get_mut()).into()),
    };
    let mut seen = HashSet::with_capacity(columns.len());
    if let Some(dup) = columns.iter().find(|c| !seen.insert(c.as_str())) {
        return Err(RowError {
            line: 1,
            field: dup.clone(),
            reason: t!("file-column-twice"),
        }
        .into());
    }
    // Missing required columns are named before any row is read.
    check_required(&columns, kind)?;
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
    Ok((columns, rows))
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
