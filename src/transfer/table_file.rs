//! An import file that can be read more than once, as a streaming import does (check every
//! row, then write): a named file, or standard input copied to a private temporary file first.

use super::encoding::TextEncoding;
use super::headers::ColumnMap;
use super::scan::{Columns, scan_mapped};
use super::workbook::{SheetChoice, SheetLayout, scan_workbook};
use super::{Format, Kind, RawRow, RowError};
use std::io::{BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// A file of one kind in one format, ready to be scanned any number of times.
#[derive(Debug)]
pub struct TableFile {
    path: PathBuf,
    format: Format,
    kind: Kind,
    encoding: TextEncoding,
    /// The user's names for columns (`--map`, a profile).
    map: ColumnMap,
    /// The sheet of a workbook (`--sheet`).
    sheet: SheetChoice,
    /// The sheet a scan read and its column letters, for naming cells in errors.
    layout: OnceLock<SheetLayout>,
    /// The temporary copy of standard input, deleted when this is dropped.
    _spool: Option<tempfile::TempPath>,
}

/// The text encoding of a file (a workbook holds its own: UTF-8 to the reader).
fn settle(
    path: &Path,
    format: Format,
    encoding: Option<TextEncoding>,
) -> std::io::Result<TextEncoding> {
    if format == Format::Xlsx {
        return Ok(TextEncoding::UTF8);
    }
    TextEncoding::of_file(path, encoding)
}

impl TableFile {
    /// A file on disk, its encoding detected (see [`TextEncoding::of_file`]); fails when it
    /// cannot be opened.
    pub fn open(path: &Path, format: Format, kind: Kind) -> std::io::Result<TableFile> {
        TableFile::open_as(path, format, kind, None)
    }

    /// A file on disk read as `encoding` (`--encoding`), or detected when `None`.
    pub fn open_as(
        path: &Path,
        format: Format,
        kind: Kind,
        encoding: Option<TextEncoding>,
    ) -> std::io::Result<TableFile> {
        Ok(TableFile {
            path: path.to_path_buf(),
            format,
            kind,
            encoding: settle(path, format, encoding)?,
            map: ColumnMap::default(),
            sheet: SheetChoice::First,
            layout: OnceLock::new(),
            _spool: None,
        })
    }

    /// The same file with its columns named by `map` too (see [`super::headers`]).
    pub fn with_map(mut self, map: ColumnMap) -> TableFile {
        self.map = map;
        self
    }

    /// The same workbook read from the sheet `choice`.
    pub fn with_sheet(mut self, choice: SheetChoice) -> TableFile {
        self.sheet = choice;
        self
    }

    /// Where in the workbook the cell of `field` on row `line` is (`Sheet1!C17`), once the
    /// file was scanned; `None` for a text file.
    pub fn cell_name(&self, line: u64, field: &str) -> Option<String> {
        self.layout.get().map(|layout| layout.cell(line, field))
    }

    /// What the file is read as.
    pub fn encoding(&self) -> TextEncoding {
        self.encoding
    }

    /// Copies `input` (standard input, a pipe) to a temporary file readable by this user only,
    /// so that it can be read twice; the copy is removed when the `TableFile` is dropped.
    pub fn spool(
        mut input: impl Read,
        format: Format,
        kind: Kind,
        encoding: Option<TextEncoding>,
    ) -> std::io::Result<TableFile> {
        let mut file = tempfile::Builder::new()
            .prefix("loyal-import-")
            .tempfile()?;
        std::io::copy(&mut input, &mut file)?;
        let path = file.into_temp_path();
        Ok(TableFile {
            path: path.to_path_buf(),
            format,
            kind,
            encoding: settle(&path, format, encoding)?,
            map: ColumnMap::default(),
            sheet: SheetChoice::First,
            layout: OnceLock::new(),
            _spool: Some(path),
        })
    }

    pub fn kind(&self) -> Kind {
        self.kind
    }

    pub fn format(&self) -> Format {
        self.format
    }

    /// Bytes in the file (for estimates and progress).
    pub fn len(&self) -> u64 {
        std::fs::metadata(&self.path).map_or(0, |m| m.len())
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Reads the file from the start, calling `visit` with every row (see
    /// [`super::scan()`]); the columns come back with samples of their first values.
    pub fn scan<E: From<RowError>>(
        &self,
        mut visit: impl FnMut(RawRow) -> Result<(), E>,
    ) -> Result<Columns, E> {
        let unreadable = |e: std::io::Error| RowError {
            line: 0,
            field: String::from("file"),
            reason: t!("file-unreadable", reason = e.to_string()),
        };
        let mut sampled = Columns::default();
        if self.format == Format::Vcard && self.kind != Kind::Customers {
            return Err(RowError {
                line: 0,
                field: String::from("file"),
                reason: t!("vcard-customers-only"),
            }
            .into());
        }
        if self.format == Format::Xlsx {
            let mut columns = scan_workbook(
                &self.path,
                &self.sheet,
                self.kind,
                &self.map,
                &self.layout,
                |row| {
                    sampled.sample(&row);
                    visit(row)
                },
            )?;
            columns.samples = sampled.samples;
            return Ok(columns);
        }
        let file = std::fs::File::open(&self.path).map_err(unreadable)?;
        let text = self.encoding.reader(file).map_err(unreadable)?;
        let mut columns = scan_mapped(
            BufReader::with_capacity(1 << 20, text),
            self.format,
            self.kind,
            &self.map,
            |row| {
                sampled.sample(&row);
                visit(row)
            },
        )?;
        columns.samples = sampled.samples;
        Ok(columns)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_spooled_input_reads_twice_and_is_removed_when_dropped() {
        let text = "customer_id,name\nC1,Ann\nC2,Bo\n";
        let file = TableFile::spool(text.as_bytes(), Format::Csv, Kind::Customers, None).unwrap();
        let path = file.path.clone();
        for _ in 0..2 {
            let mut names = Vec::new();
            file.scan(|row| -> Result<(), RowError> {
                names.push(row.get("name").unwrap_or_default().to_string());
                Ok(())
            })
            .unwrap();
            assert_eq!(names, ["Ann", "Bo"]);
        }
        assert!(path.exists());
        drop(file);
        assert!(!path.exists());
    }
}
