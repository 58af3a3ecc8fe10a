//! Reading a sheet of a workbook (.xlsx, .xlsm, .xlsb, .xls, .ods) as a table, through
//! calamine: the first row with anything in it is the header, every later row a record, its
//! line the sheet's row number. Cells become text as an import reads it: dates as ISO dates
//! and times, whole numbers without a decimal point, serial numbers in date columns as the
//! dates they are. What Excel may have mangled is refused with the cell named, never guessed:
//! a phone number stored as a number (its leading zero and `+` are gone, and past 15 digits
//! so are the last ones), an id stored as a number that is not whole, an error cell (`#N/A`).
//! An .xlsx sheet is read cell by cell, so its size costs no memory; the older formats have
//! no such reader and are read a sheet at a time.

use super::RowError;
use super::columns::Kind;
use super::headers::ColumnMap;
use super::raw::{ColumnIndex, MAX_COLUMNS, RawRow, column_index, file_error, too_many_columns};
use super::scan::{Columns, check_required, header_columns};
use calamine::{Data, DataRef, Reader};
use csv::StringRecord;
use std::io::BufReader;
use std::path::Path;

/// Columns whose cells are instants or dates: a number in one is an Excel serial date.
const DATE_COLUMNS: &[&str] = &[
    "birthday",
    "created_at",
    "ordered_at",
    "at",
    "next_contact",
    "due",
    "series_start",
    "completed_at",
    "opened_at",
    "first_response_at",
    "resolved_at",
    "closed_at",
];

/// Columns that hold an identifier: a number in one must be whole.
const ID_COLUMNS: &[&str] = &[
    "customer_id",
    "order_id",
    "followup_id",
    "care_plan_id",
    "complaint_id",
    "referred_by",
];

/// Which sheet: by name, or by its place (1 is the first).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SheetChoice {
    First,
    Named(String),
    Number(usize),
}

impl SheetChoice {
    /// `--sheet NAME|N`.
    pub fn parse(text: &str) -> SheetChoice {
        match text.trim().parse::<usize>() {
            Ok(n) if n > 0 => SheetChoice::Number(n),
            _ => SheetChoice::Named(text.trim().to_string()),
        }
    }
}

/// The sheet a scan read, and the letter of each of its columns: for naming a cell
/// (`Sheet1!C17`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SheetLayout {
    pub sheet: String,
    /// (column as the import names it, its letter), in sheet order.
    pub letters: Vec<(String, String)>,
}

impl SheetLayout {
    /// `Sheet1!C17` for the cell of `field` on row `line`, `Sheet1!17` for the row.
    pub fn cell(&self, line: u64, field: &str) -> String {
        match self.letters.iter().find(|(column, _)| column == field) {
            Some((_, letter)) => format!("{}!{letter}{line}", self.sheet),
            None => format!("{}!{line}", self.sheet),
        }
    }
}

/// The letters of the column at `index` (0: A, 25: Z, 26: AA).
pub fn column_letter(mut index: u32) -> String {
    let mut letters = Vec::new();
    loop {
        letters.push(b'A' + (index % 26) as u8);
        if index < 26 {
            break;
        }
        index = index / 26 - 1;
    }
    letters.reverse();
    String::from_utf8(letters).unwrap_or_default()
}

fn unreadable(reason: impl std::fmt::Display) -> RowError {
    file_error(0, t!("file-unreadable", reason = reason.to_string()))
}

/// Whether `path` names a workbook by its extension.
pub fn is_workbook_name(path: &Path) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
        matches!(
            e.to_ascii_lowercase().as_str(),
            "xlsx" | "xlsm" | "xlsb" | "xls" | "ods"
        )
    })
}

/// Reads the chosen sheet of the workbook at `path`, calling `visit` with every record; returns
/// the columns and the sheet's layout.
pub fn scan_workbook<E: From<RowError>>(
    path: &Path,
    choice: &SheetChoice,
    kind: Kind,
    map: &ColumnMap,
    layout: &std::sync::OnceLock<SheetLayout>,
    mut visit: impl FnMut(RawRow) -> Result<(), E>,
) -> Result<Columns, E> {
    let mut sheets = open(path)?;
    let names = sheets.sheet_names();
    let name = match choice {
        SheetChoice::First => names.first().cloned(),
        SheetChoice::Named(wanted) => names.iter().find(|n| *n == wanted).cloned(),
        SheetChoice::Number(n) => names.get(n - 1).cloned(),
    }
    .ok_or_else(|| {
        let wanted = match choice {
            SheetChoice::First => String::new(),
            SheetChoice::Named(n) => n.clone(),
            SheetChoice::Number(n) => n.to_string(),
        };
        file_error(
            0,
            t!(
                "file-no-such-sheet",
                sheet = wanted,
                sheets = names.join(", ")
            ),
        )
    })?;
    let mut table = Table::new(kind, map, name.clone(), layout);
    match &mut sheets {
        calamine::Sheets::Xlsx(xlsx) => {
            let mut cells = xlsx.worksheet_cells_reader(&name).map_err(unreadable)?;
            while let Some(cell) = cells.next_cell().map_err(unreadable)? {
                let (row, column) = cell.get_position();
                let value = match cell.get_value() {
                    DataRef::SharedString(s) => Data::String((*s).to_string()),
                    other => owned(other),
                };
                table.cell(row, column, value, &mut visit)?;
            }
        }
        other => {
            let range = other.worksheet_range(&name).map_err(unreadable)?;
            let (top, left) = range.start().unwrap_or((0, 0));
            for (r, row) in range.rows().enumerate() {
                for (c, value) in row.iter().enumerate() {
                    table.cell(top + r as u32, left + c as u32, value.clone(), &mut visit)?;
                }
            }
        }
    }
    table.end_row(&mut visit)?;
    table.finish()
}

fn owned(value: &DataRef<'_>) -> Data {
    match value {
        DataRef::Int(i) => Data::Int(*i),
        DataRef::Float(f) => Data::Float(*f),
        DataRef::String(s) => Data::String(s.clone()),
        DataRef::SharedString(s) => Data::String((*s).to_string()),
        DataRef::Bool(b) => Data::Bool(*b),
        DataRef::DateTime(d) => Data::DateTime(*d),
        DataRef::DateTimeIso(s) => Data::DateTimeIso(s.clone()),
        DataRef::DurationIso(s) => Data::DurationIso(s.clone()),
        DataRef::Error(e) => Data::Error(e.clone()),
        DataRef::Empty => Data::Empty,
    }
}

/// The workbook in whichever format it is: by its extension, else (a file from standard
/// input) each format in turn.
fn open(path: &Path) -> Result<calamine::Sheets<BufReader<std::fs::File>>, RowError> {
    use calamine::{Error, Ods, Sheets, Xls, Xlsb, Xlsx, open_workbook};
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    let xlsx = || {
        open_workbook::<Xlsx<_>, _>(path)
            .map(Sheets::Xlsx)
            .map_err(Error::Xlsx)
    };
    let xlsb = || {
        open_workbook::<Xlsb<_>, _>(path)
            .map(Sheets::Xlsb)
            .map_err(Error::Xlsb)
    };
    let xls = || {
        open_workbook::<Xls<_>, _>(path)
            .map(Sheets::Xls)
            .map_err(Error::Xls)
    };
    let ods = || {
        open_workbook::<Ods<_>, _>(path)
            .map(Sheets::Ods)
            .map_err(Error::Ods)
    };
    let opened = match extension.as_deref() {
        Some("xlsx" | "xlsm") => xlsx(),
        Some("xlsb") => xlsb(),
        Some("xls") => xls(),
        Some("ods") => ods(),
        _ => xlsx()
            .or_else(|_| ods())
            .or_else(|_| xls())
            .or_else(|_| xlsb()),
    };
    opened.map_err(unreadable)
}

/// Rows of cells as they arrive, turned into records.
struct Table<'m> {
    kind: Kind,
    map: &'m ColumnMap,
    sheet: String,
    /// Set once the header is read, so that errors in any row can name their cells.
    layout: &'m std::sync::OnceLock<SheetLayout>,
    /// The header's columns (as fields) and headers, once read.
    columns: Option<(Vec<String>, Vec<String>)>,
    index: ColumnIndex,
    /// The sheet column of each header column.
    positions: Vec<u32>,
    /// The row being gathered: its number and its cells by sheet column.
    row: Option<u32>,
    cells: Vec<(u32, Data)>,
    rows: u64,
}

impl<'m> Table<'m> {
    fn new(
        kind: Kind,
        map: &'m ColumnMap,
        sheet: String,
        layout: &'m std::sync::OnceLock<SheetLayout>,
    ) -> Self {
        Table {
            kind,
            map,
            sheet,
            layout,
            columns: None,
            index: column_index(&[]),
            positions: Vec::new(),
            row: None,
            cells: Vec::new(),
            rows: 0,
        }
    }

    fn cell<E: From<RowError>>(
        &mut self,
        row: u32,
        column: u32,
        value: Data,
        visit: &mut impl FnMut(RawRow) -> Result<(), E>,
    ) -> Result<(), E> {
        if self.row != Some(row) {
            self.end_row(visit)?;
            self.row = Some(row);
        }
        if value != Data::Empty {
            self.cells.push((column, value));
        }
        Ok(())
    }

    /// Ends the row gathered so far: the header, when none was read yet, else a record.
    fn end_row<E: From<RowError>>(
        &mut self,
        visit: &mut impl FnMut(RawRow) -> Result<(), E>,
    ) -> Result<(), E> {
        let Some(row) = self.row.take() else {
            return Ok(());
        };
        let cells = std::mem::take(&mut self.cells);
        let line = u64::from(row) + 1;
        let blank = |v: &Data| matches!(v, Data::String(s) if s.trim().is_empty());
        if cells.iter().all(|(_, v)| blank(v)) {
            return Ok(());
        }
        let Some((columns, _)) = &self.columns else {
            return self.header(line, cells).map_err(Into::into);
        };
        let mut record = vec![String::new(); columns.len()];
        let mut refusals = Vec::new();
        for (column, value) in cells {
            let Some(at) = self.positions.iter().position(|p| *p == column) else {
                if blank(&value) {
                    continue;
                }
                refusals.push(RowError {
                    line,
                    field: column_letter(column),
                    reason: t!("file-cell-without-header"),
                });
                continue;
            };
            let field = &columns[at];
            match cell_text(&value, field) {
                Ok(text) => record[at] = text,
                Err(reason) => {
                    // Kept as calamine shows it, for the reject file.
                    record[at] = value.to_string();
                    refusals.push(RowError {
                        line,
                        field: field.clone(),
                        reason,
                    });
                }
            }
        }
        self.rows += 1;
        visit(
            RawRow::new(line, self.index.clone(), StringRecord::from(record), None)
                .with_refusals(refusals),
        )
    }

    fn header(&mut self, line: u64, cells: Vec<(u32, Data)>) -> Result<(), RowError> {
        if cells.len() > MAX_COLUMNS {
            return Err(too_many_columns(line, cells.len()));
        }
        let header: Vec<String> = cells
            .iter()
            .map(|(column, value)| match value {
                Data::String(s) if !s.trim().is_empty() => s.clone(),
                Data::Empty => format!("({})", column_letter(*column)),
                other => other.to_string(),
            })
            .collect();
        let (columns, sources) =
            header_columns(self.kind, &header, self.map).map_err(|e| RowError { line, ..e })?;
        check_required(&columns, &sources, self.kind).map_err(|e| RowError { line, ..e })?;
        self.positions = cells.iter().map(|(c, _)| *c).collect();
        let _ = self.layout.set(SheetLayout {
            sheet: self.sheet.clone(),
            letters: columns
                .iter()
                .zip(&self.positions)
                .map(|(column, at)| (column.clone(), column_letter(*at)))
                .collect(),
        });
        self.index = column_index(&columns);
        self.columns = Some((columns, sources));
        Ok(())
    }

    fn finish<E: From<RowError>>(self) -> Result<Columns, E> {
        let Some((columns, sources)) = self.columns else {
            // An empty sheet: no header, so no columns to name the required ones by.
            check_required(&[], &[], self.kind)?;
            return Ok(Columns::default());
        };
        Ok(Columns::of(self.kind, columns, sources))
    }
}

/// The text an import reads from a cell of column `field` (see the module documentation).
fn cell_text(value: &Data, field: &str) -> Result<String, String> {
    let dated = DATE_COLUMNS.contains(&field);
    match value {
        Data::Empty => Ok(String::new()),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => Ok(s.clone()),
        Data::Bool(b) => Ok(b.to_string()),
        Data::Error(e) => Err(t!("cell-error", error = e.to_string())),
        Data::DateTime(d) if d.is_duration() || d.as_f64() < 1.0 => {
            Ok(excel_date(d.as_f64().fract(), "due_time"))
        }
        Data::DateTime(d) => {
            let (year, month, day, hour, minute, second, milli) = d.to_ymd_hms_milli();
            let at = chrono::NaiveDate::from_ymd_opt(year.into(), month.into(), day.into())
                .and_then(|date| {
                    date.and_hms_milli_opt(hour.into(), minute.into(), second.into(), milli.into())
                })
                .ok_or_else(|| t!("cell-not-serial-date", number = d.as_f64().to_string()))?;
            Ok(date_time_text(at, field))
        }
        Data::Int(i) => number_text(*i as f64, field, dated),
        Data::Float(f) => number_text(*f, field, dated),
    }
}

fn number_text(n: f64, field: &str, dated: bool) -> Result<String, String> {
    if field == "phone" {
        return Err(t!("cell-phone-number", number = format!("{n:E}")));
    }
    if dated {
        // Excel's serial dates run from 1900-01-01 (1) to 9999-12-31 (2958465).
        if (1.0..2_958_466.0).contains(&n) {
            return Ok(excel_date(n, field));
        }
        return Err(t!("cell-not-serial-date", number = n.to_string()));
    }
    let whole = n.fract() == 0.0 && n.abs() < 9_007_199_254_740_992.0;
    if ID_COLUMNS.contains(&field) && !whole {
        return Err(t!("cell-id-number", number = n.to_string()));
    }
    Ok(if whole {
        format!("{}", n as i64)
    } else {
        n.to_string()
    })
}

/// An Excel serial date-time (days since 1899-12-30, the fraction the time of day) as an
/// import reads it: a date alone when there is no time of day, a local date-time otherwise,
/// a time of day alone when there is no date (`due_time`).
fn excel_date(serial: f64, field: &str) -> String {
    let epoch = chrono::NaiveDate::from_ymd_opt(1899, 12, 30).unwrap_or_default();
    let millis = (serial * 86_400_000.0).round() as i64;
    let at =
        epoch.and_hms_opt(0, 0, 0).unwrap_or_default() + chrono::Duration::milliseconds(millis);
    if serial < 1.0 || field == "due_time" {
        return at.format("%H:%M").to_string();
    }
    date_time_text(at, field)
}

/// A date alone at midnight, else a local date-time (with milliseconds when it has them).
fn date_time_text(at: chrono::NaiveDateTime, field: &str) -> String {
    if field == "due_time" {
        return at.format("%H:%M").to_string();
    }
    if at.time() == chrono::NaiveTime::MIN {
        return at.format("%Y-%m-%d").to_string();
    }
    if at.and_utc().timestamp_subsec_millis() == 0 {
        at.format("%Y-%m-%d %H:%M:%S").to_string()
    } else {
        at.format("%Y-%m-%d %H:%M:%S%.3f").to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_have_their_letters() {
        assert_eq!(column_letter(0), "A");
        assert_eq!(column_letter(2), "C");
        assert_eq!(column_letter(25), "Z");
        assert_eq!(column_letter(26), "AA");
        assert_eq!(column_letter(27), "AB");
        assert_eq!(column_letter(701), "ZZ");
        assert_eq!(column_letter(702), "AAA");
    }

    #[test]
    fn cells_read_as_an_import_reads_text() {
        assert_eq!(
            cell_text(&Data::Float(1001.0), "customer_id").unwrap(),
            "1001"
        );
        assert!(cell_text(&Data::Float(10.5), "order_id").is_err());
        assert_eq!(cell_text(&Data::Float(199.5), "amount").unwrap(), "199.5");
        assert_eq!(cell_text(&Data::Int(12), "amount").unwrap(), "12");
        let phone = cell_text(&Data::Float(13_912_345_678.0), "phone").unwrap_err();
        assert!(phone.contains("1.3912345678E10"), "{phone}");
        // 2026-11-01 is serial 46327; noon is half a day.
        assert_eq!(
            cell_text(&Data::Float(46327.0), "ordered_at").unwrap(),
            "2026-11-01"
        );
        assert_eq!(
            cell_text(&Data::Float(46327.5), "ordered_at").unwrap(),
            "2026-11-01 12:00:00"
        );
        assert_eq!(excel_date(0.375, "due_time"), "09:00");
        assert!(cell_text(&Data::Float(-3.0), "birthday").is_err());
        assert!(
            cell_text(&Data::Error(calamine::CellErrorType::NA), "name")
                .unwrap_err()
                .contains("#N/A")
        );
    }
}
