//! A report as sheets of typed cells, and the two places they go: CSV for programs (the first
//! sheet, with machine column names and labels) and an .xlsx workbook for managers (every
//! sheet, headed in the reader's language, amounts and counts as numbers, shares as
//! percentages, dates as dates). Rows are pushed one at a time, so a report of a million rows
//! is written in constant memory.

use crate::domain::Money;
use chrono::{NaiveDate, NaiveDateTime};
use rust_xlsxwriter::{DocProperties, Format as CellFormat, Workbook};
use std::io::Write;

/// One cell of a report.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    /// A fixed label: its code in CSV (`champions`), its title in a workbook (`冠军客户`).
    Label {
        code: &'static str,
        title: String,
    },
    Count(i64),
    Money(Money),
    /// A share of a whole (0..=1): with `decimals` digits in CSV, as a percentage in a workbook.
    Share {
        value: f64,
        decimals: usize,
    },
    /// A number with `decimals` digits (an average score), plain in a workbook.
    Number {
        value: f64,
        decimals: usize,
    },
    Date(NaiveDate),
    /// A local date and time, minutes shown (CSV: `2026-06-30 14:05`).
    LocalTime(NaiveDateTime),
    Flag(bool),
}

impl Cell {
    /// The cell as CSV writes it.
    pub fn csv_text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(text) => text.clone(),
            Cell::Label { code, .. } => (*code).to_owned(),
            Cell::Count(n) => n.to_string(),
            Cell::Money(m) => m.to_string(),
            Cell::Share { value, decimals } | Cell::Number { value, decimals } => {
                format!("{value:.decimals$}")
            }
            Cell::Date(d) => d.to_string(),
            Cell::LocalTime(t) => t.format("%Y-%m-%d %H:%M").to_string(),
            Cell::Flag(b) => b.to_string(),
        }
    }
}

/// What a column holds, for its width and number format in a workbook.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnKind {
    /// Text about this many characters wide.
    Text(u8),
    Count,
    Money,
    Share,
    Number,
    Date,
    Time,
}

/// A column: its machine name (the CSV header) and its title (a workbook's header).
#[derive(Debug, Clone, PartialEq)]
pub struct SheetColumn {
    pub code: &'static str,
    pub title: String,
    pub kind: ColumnKind,
}

/// Where a report's sheets go, row by row.
pub trait SheetSink {
    /// Starts a sheet named `name` with these columns.
    fn begin(&mut self, name: &str, columns: &[SheetColumn]) -> anyhow::Result<()>;
    /// One row of the sheet begun last, a cell per column.
    fn row(&mut self, cells: &[Cell]) -> anyhow::Result<()>;
}

/// CSV: the first sheet only, under its machine column names (later sheets are summaries and
/// lists a program asks for separately, or reads from `--format json`).
pub struct CsvSheets<W: Write> {
    writer: csv::Writer<W>,
    sheets: usize,
}

impl<W: Write> CsvSheets<W> {
    pub fn new(out: W) -> CsvSheets<W> {
        CsvSheets {
            writer: csv::Writer::from_writer(out),
            sheets: 0,
        }
    }

    /// Flushes what was written.
    pub fn finish(mut self) -> anyhow::Result<()> {
        self.writer.flush()?;
        Ok(())
    }
}

impl<W: Write> SheetSink for CsvSheets<W> {
    fn begin(&mut self, _name: &str, columns: &[SheetColumn]) -> anyhow::Result<()> {
        self.sheets += 1;
        if self.sheets == 1 {
            self.writer.write_record(columns.iter().map(|c| c.code))?;
        }
        Ok(())
    }

    fn row(&mut self, cells: &[Cell]) -> anyhow::Result<()> {
        if self.sheets == 1 {
            self.writer.write_record(cells.iter().map(Cell::csv_text))?;
        }
        Ok(())
    }
}

/// An .xlsx workbook: a sheet per [`SheetSink::begin`], each with a bold, frozen header row.
pub struct WorkbookSheets {
    workbook: Workbook,
    sheet: Option<usize>,
    columns: Vec<ColumnKind>,
    line: u32,
    rows: u64,
    names: Vec<String>,
    formats: Formats,
}

struct Formats {
    bold: CellFormat,
    money: CellFormat,
    share: CellFormat,
    number: CellFormat,
    date: CellFormat,
    time: CellFormat,
}

impl WorkbookSheets {
    /// A workbook whose document title (File > Properties) is `title`.
    pub fn new(title: &str) -> WorkbookSheets {
        let mut workbook = Workbook::new();
        workbook.set_properties(&DocProperties::new().set_title(title).set_author("loyal"));
        WorkbookSheets {
            workbook,
            sheet: None,
            columns: Vec::new(),
            line: 0,
            rows: 0,
            names: Vec::new(),
            formats: Formats {
                bold: CellFormat::new().set_bold(),
                money: CellFormat::new().set_num_format("#,##0.00"),
                share: CellFormat::new().set_num_format("0.0%"),
                number: CellFormat::new().set_num_format("0.00"),
                date: CellFormat::new().set_num_format("yyyy-mm-dd"),
                time: CellFormat::new().set_num_format("yyyy-mm-dd hh:mm"),
            },
        }
    }

    /// Writes the workbook to `out`; returns how many rows its sheets hold (headers not
    /// counted).
    pub fn finish(mut self, mut out: impl Write) -> anyhow::Result<u64> {
        if self.sheet.is_none() {
            self.begin("Sheet1", &[])?;
        }
        // Saved to a private temporary file (the writer need not seek), then copied out.
        let temp = tempfile::NamedTempFile::new()?;
        self.workbook.save(temp.path())?;
        std::io::copy(&mut std::fs::File::open(temp.path())?, &mut out)?;
        out.flush()?;
        Ok(self.rows)
    }
}

impl SheetSink for WorkbookSheets {
    fn begin(&mut self, name: &str, columns: &[SheetColumn]) -> anyhow::Result<()> {
        let name = unique_name(&super::workbook_out::sheet_name(name), &self.names);
        self.names.push(name.clone());
        let worksheet = self.workbook.add_worksheet_with_constant_memory()?;
        worksheet.set_name(&name)?;
        for (at, column) in columns.iter().enumerate() {
            let at = u16::try_from(at)?;
            worksheet.set_column_width(at, width_of(column))?;
            worksheet.write_string_with_format(0, at, &column.title, &self.formats.bold)?;
        }
        worksheet.set_freeze_panes(1, 0)?;
        self.sheet = Some(self.names.len() - 1);
        self.columns = columns.iter().map(|c| c.kind).collect();
        self.line = 0;
        Ok(())
    }

    fn row(&mut self, cells: &[Cell]) -> anyhow::Result<()> {
        let Some(index) = self.sheet else {
            anyhow::bail!("a row before any sheet");
        };
        self.line = self
            .line
            .checked_add(1)
            .filter(|&line| line < 1_048_576)
            .ok_or_else(|| anyhow::anyhow!("more rows than an Excel sheet holds (1,048,575)"))?;
        self.rows += 1;
        let line = self.line;
        let f = &self.formats;
        let worksheet = self.workbook.worksheet_from_index(index)?;
        for (at, cell) in cells.iter().enumerate() {
            let at = u16::try_from(at)?;
            match cell {
                Cell::Empty => {}
                Cell::Text(text) if text.is_empty() => {}
                Cell::Text(text) => {
                    worksheet.write_string(line, at, text)?;
                }
                Cell::Label { title, .. } => {
                    worksheet.write_string(line, at, title)?;
                }
                Cell::Count(n) => {
                    worksheet.write_number(line, at, *n as f64)?;
                }
                Cell::Money(m) => {
                    worksheet.write_number_with_format(line, at, m.0 as f64 / 100.0, &f.money)?;
                }
                Cell::Share { value, .. } => {
                    worksheet.write_number_with_format(line, at, *value, &f.share)?;
                }
                Cell::Number { value, .. } => {
                    worksheet.write_number_with_format(line, at, *value, &f.number)?;
                }
                Cell::Date(d) => {
                    match super::workbook_out::excel_date_time(d.and_time(chrono::NaiveTime::MIN)) {
                        Some(d) => {
                            worksheet.write_datetime_with_format(line, at, d, &f.date)?;
                        }
                        None => {
                            worksheet.write_string(line, at, d.to_string())?;
                        }
                    }
                }
                Cell::LocalTime(t) => match super::workbook_out::excel_date_time(*t) {
                    Some(d) => {
                        worksheet.write_datetime_with_format(line, at, d, &f.time)?;
                    }
                    None => {
                        worksheet.write_string(line, at, cell.csv_text())?;
                    }
                },
                Cell::Flag(b) => {
                    worksheet.write_boolean(line, at, *b)?;
                }
            }
        }
        Ok(())
    }
}

/// `name`, or `name 2`, `name 3`... when a sheet already has it (Excel compares names without
/// regard to case).
fn unique_name(name: &str, taken: &[String]) -> String {
    let free = |candidate: &str| {
        !taken
            .iter()
            .any(|t| t.to_lowercase() == candidate.to_lowercase())
    };
    if free(name) {
        return name.to_owned();
    }
    (2..)
        .map(|n| {
            let suffix = format!(" {n}");
            let keep: String = name.chars().take(31 - suffix.len()).collect();
            format!("{keep}{suffix}")
        })
        .find(|candidate| free(candidate))
        .unwrap_or_default()
}

/// A column's width in characters: wide enough for its title and for what its kind holds.
fn width_of(column: &SheetColumn) -> f64 {
    let content = match column.kind {
        ColumnKind::Text(width) => f64::from(width),
        ColumnKind::Count => 10.0,
        ColumnKind::Money => 14.0,
        ColumnKind::Share | ColumnKind::Number => 9.0,
        ColumnKind::Date => 12.0,
        ColumnKind::Time => 17.0,
    };
    let title = crate::text::width(&column.title) as f64 + 2.0;
    content.max(title).min(60.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn columns() -> Vec<SheetColumn> {
        vec![
            SheetColumn {
                code: "segment",
                title: "细分".into(),
                kind: ColumnKind::Text(18),
            },
            SheetColumn {
                code: "revenue",
                title: "收入".into(),
                kind: ColumnKind::Money,
            },
            SheetColumn {
                code: "share",
                title: "占比".into(),
                kind: ColumnKind::Share,
            },
        ]
    }

    fn row() -> Vec<Cell> {
        vec![
            Cell::Label {
                code: "champions",
                title: "冠军客户".into(),
            },
            Cell::Money(Money(123_450)),
            Cell::Share {
                value: 0.123456,
                decimals: 4,
            },
        ]
    }

    #[test]
    fn csv_has_codes_and_the_first_sheet_only() {
        let mut out = Vec::new();
        let mut sink = CsvSheets::new(&mut out);
        sink.begin("main", &columns()).unwrap();
        sink.row(&row()).unwrap();
        sink.begin("more", &columns()).unwrap();
        sink.row(&row()).unwrap();
        sink.finish().unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "segment,revenue,share\nchampions,1234.50,0.1235\n"
        );
    }

    #[test]
    fn csv_cells_are_written_as_elsewhere() {
        let at = NaiveDate::from_ymd_opt(2026, 6, 30).unwrap();
        assert_eq!(Cell::Date(at).csv_text(), "2026-06-30");
        let t = at.and_hms_opt(14, 5, 59).unwrap();
        assert_eq!(Cell::LocalTime(t).csv_text(), "2026-06-30 14:05");
        assert_eq!(Cell::Flag(true).csv_text(), "true");
        assert_eq!(Cell::Count(-3).csv_text(), "-3");
        assert_eq!(Cell::Empty.csv_text(), "");
    }

    #[test]
    fn sheet_names_stay_unique() {
        let taken = vec![String::from("Summary")];
        assert_eq!(unique_name("summary", &taken), "summary 2");
        assert_eq!(unique_name("Other", &taken), "Other");
        let long = "x".repeat(31);
        let got = unique_name(&long, std::slice::from_ref(&long));
        assert_eq!(got.chars().count(), 31);
        assert!(got.ends_with(" 2"));
    }

    #[test]
    fn widths_fit_titles_and_kinds() {
        let mut c = columns().remove(0);
        assert_eq!(width_of(&c), 18.0);
        c.title = "一个很长很长很长很长的中文标题".into();
        assert_eq!(width_of(&c), 32.0);
    }

    #[test]
    fn a_workbook_reads_back_typed() {
        use calamine::{Data, Reader, Xlsx};
        let mut sink = WorkbookSheets::new("test");
        sink.begin("细分", &columns()).unwrap();
        sink.row(&row()).unwrap();
        sink.begin("细分", &columns()).unwrap();
        let mut out = Vec::new();
        assert_eq!(sink.finish(&mut out).unwrap(), 1);
        let mut book = Xlsx::new(std::io::Cursor::new(out)).unwrap();
        assert_eq!(book.sheet_names(), vec!["细分", "细分 2"]);
        let range = book.worksheet_range("细分").unwrap();
        let rows: Vec<Vec<Data>> = range.rows().map(|r| r.to_vec()).collect();
        assert_eq!(rows[0][0], Data::String("细分".into()));
        assert_eq!(rows[1][0], Data::String("冠军客户".into()));
        assert_eq!(rows[1][1], Data::Float(1234.5));
        assert_eq!(rows[1][2], Data::Float(0.123456));
    }
}
