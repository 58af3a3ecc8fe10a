//! Rows of named text cells, each with its line number, and a whole (small) table of them.
//! Rows are compact (one `StringRecord` each, column names shared); an import never holds a
//! whole file of them (see [`super::scan`], which produces them one at a time).

use super::RowError;
use super::columns::Kind;
use csv::StringRecord;
use rustc_hash::FxHashMap;
use std::io::Read;
use std::sync::Arc;

/// File format of an import or export.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, serde::Serialize, serde::Deserialize,
)]
pub enum Format {
    Csv,
    Json,
    /// A workbook: .xlsx (also .xlsm, .xlsb, .xls and .ods when read).
    #[value(alias = "excel", alias = "xls", alias = "ods")]
    Xlsx,
    /// vCard contacts (customers only).
    #[value(alias = "vcf")]
    Vcard,
}

/// The most columns a file may have. A kind has at most a few dozen; this leaves room for the
/// extra columns of another system's export while bounding the work per row and per header.
pub const MAX_COLUMNS: usize = 1024;

pub(super) fn too_many_columns(line: u64, found: usize) -> RowError {
    file_error(
        line,
        t!("file-too-many-columns", found = found, most = MAX_COLUMNS),
    )
}

/// Column name -> position in every record of one file.
pub(super) type ColumnIndex = Arc<FxHashMap<String, usize>>;

/// One data row: cells by column name, and the line (CSV) or record number (JSON) it came from.
#[derive(Debug, Clone)]
pub struct RawRow {
    pub line: u64,
    columns: ColumnIndex,
    record: StringRecord,
    /// Which columns this row has (JSON objects may each have different keys); `None`: all.
    present: Option<Vec<bool>>,
    /// Why cells of the row cannot be read at all (a workbook's error cell, a phone number
    /// stored as a number): the row is refused for these before it is parsed.
    refused: Option<Box<[RowError]>>,
}

impl RawRow {
    pub(super) fn new(
        line: u64,
        columns: ColumnIndex,
        record: StringRecord,
        present: Option<Vec<bool>>,
    ) -> RawRow {
        RawRow {
            line,
            columns,
            record,
            present,
            refused: None,
        }
    }

    /// The row refused for `errors` in its cells.
    pub(super) fn with_refusals(mut self, errors: Vec<RowError>) -> RawRow {
        if !errors.is_empty() {
            self.refused = Some(errors.into_boxed_slice());
        }
        self
    }

    /// Why the row's cells cannot be read, when they cannot.
    pub fn refusals(&self) -> Option<&[RowError]> {
        self.refused.as_deref()
    }

    /// The cell of `column`, trimmed; `None` when the row has no such column (so an import
    /// leaves the stored value alone).
    pub fn get(&self, column: &str) -> Option<&str> {
        let at = *self.columns.get(column)?;
        if self
            .present
            .as_ref()
            .is_some_and(|p| !p.get(at).copied().unwrap_or(false))
        {
            return None;
        }
        Some(self.record.get(at).unwrap_or("").trim())
    }

    /// The cell of `column`, trimmed, `None` when the column is missing or the cell empty.
    pub fn non_empty(&self, column: &str) -> Option<&str> {
        self.get(column).filter(|s| !s.is_empty())
    }

    pub fn has(&self, column: &str) -> bool {
        self.get(column).is_some()
    }

    /// The cells as the file holds them, by position (for the samples of a mapping preview).
    pub(super) fn cells(&self) -> impl Iterator<Item = &str> {
        self.record.iter().enumerate().map(|(at, cell)| {
            let absent = self
                .present
                .as_ref()
                .is_some_and(|p| !p.get(at).copied().unwrap_or(false));
            if absent { "" } else { cell.trim() }
        })
    }

    /// The cells in `columns` order (empty where absent), for writing a reject file.
    pub fn cells_in(&self, columns: &[String]) -> Vec<String> {
        columns
            .iter()
            .map(|c| self.get(c).unwrap_or("").to_string())
            .collect()
    }
}

/// A whole file: its columns as found and its rows.
#[derive(Debug, Clone)]
pub struct RawTable {
    pub columns: Vec<String>,
    pub rows: Vec<RawRow>,
    /// Columns this kind does not know (ignored; reported as a warning).
    pub unknown_columns: Vec<String>,
}

pub(super) fn column_index(columns: &[String]) -> ColumnIndex {
    Arc::new(
        columns
            .iter()
            .enumerate()
            .map(|(i, c)| (c.clone(), i))
            .collect(),
    )
}

pub(super) fn file_error(line: u64, reason: impl Into<String>) -> RowError {
    RowError {
        line,
        field: String::from("file"),
        reason: reason.into(),
    }
}

/// Reads `input` as a table of `kind`, every row in memory (small files, tests, the demo; an
/// import streams with [`super::scan`] instead). Structural problems (a missing required
/// column, a malformed CSV line, invalid JSON) are errors naming the line; cell values are not
/// checked here.
pub fn read_table(input: impl Read, format: Format, kind: Kind) -> Result<RawTable, RowError> {
    let mut rows = Vec::new();
    let columns = super::scan::scan(input, format, kind, |row| -> Result<(), RowError> {
        rows.push(row);
        Ok(())
    })?;
    Ok(RawTable {
        columns: columns.columns,
        rows,
        unknown_columns: columns.unknown,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_rows_carry_their_line_numbers() {
        let text = "customer_id,name,phone\nC1,Ann,123\n\nC2,\"Bob, Jr\",456\nC3,\"two\nlines\",7\nC4,Di,8\n";
        let table = read_table(text.as_bytes(), Format::Csv, Kind::Customers).unwrap();
        let lines: Vec<u64> = table.rows.iter().map(|r| r.line).collect();
        assert_eq!(lines, vec![2, 4, 5, 7]);
        assert_eq!(table.rows[1].get("name"), Some("Bob, Jr"));
        assert_eq!(table.rows[1].get("email"), None);
    }

    #[test]
    fn missing_required_column_is_named() {
        let err = read_table(
            "customer_id,nom\nC1,Ann\n".as_bytes(),
            Format::Csv,
            Kind::Customers,
        )
        .unwrap_err();
        assert_eq!((err.line, err.field.as_str()), (1, "name"));
    }

    #[test]
    fn ragged_csv_line_is_named() {
        let text = "customer_id,name\nC1,Ann\n\nC2,Bob,extra\n";
        let err = read_table(text.as_bytes(), Format::Csv, Kind::Customers).unwrap_err();
        assert_eq!(err.line, 4);
        assert!(err.reason.contains("3 fields"), "{err}");
    }

    #[test]
    fn invalid_utf8_is_named() {
        let mut bytes = b"customer_id,name\nC1,Ann\nC2,".to_vec();
        bytes.extend([0xff, 0xfe, b'\n']);
        let err = read_table(&bytes[..], Format::Csv, Kind::Customers).unwrap_err();
        assert_eq!(err.line, 3);
        assert!(err.reason.contains("UTF-8"), "{err}");
    }

    #[test]
    fn headers_are_bounded_and_checked_for_duplicates_in_one_pass() {
        let wide = |n: usize, last: &str| {
            let mut header: Vec<String> = vec!["customer_id".into(), "name".into()];
            header.extend((2..n - 1).map(|i| format!("c{i}")));
            header.push(last.to_string());
            format!("{}\n", header.join(","))
        };
        let err = read_table(
            wide(MAX_COLUMNS, "c2").as_bytes(),
            Format::Csv,
            Kind::Customers,
        )
        .unwrap_err();
        assert_eq!((err.line, err.field.as_str()), (1, "c2"));
        assert!(
            read_table(
                wide(MAX_COLUMNS, "x").as_bytes(),
                Format::Csv,
                Kind::Customers
            )
            .is_ok()
        );
        let err =
            read_table(wide(100_000, "x").as_bytes(), Format::Csv, Kind::Customers).unwrap_err();
        assert_eq!((err.line, err.field.as_str()), (1, "file"));
        assert!(err.reason.contains("at most 1024"), "{err}");
        let keys: Vec<String> = (0..=MAX_COLUMNS).map(|i| format!("\"k{i}\":1")).collect();
        let json = format!(
            "[{{\"customer_id\":\"C1\",\"name\":\"A\"}},{{{}}}]",
            keys.join(",")
        );
        let err = read_table(json.as_bytes(), Format::Json, Kind::Customers).unwrap_err();
        assert_eq!((err.line, err.field.as_str()), (2, "file"));
    }

    #[test]
    fn json_records_are_numbered() {
        let text = r#"[{"customer_id":"C1","name":"Ann"},{"customer_id":"C2","name":"Bo","x":1}]"#;
        let table = read_table(text.as_bytes(), Format::Json, Kind::Customers).unwrap();
        assert_eq!(table.rows[1].line, 2);
        assert_eq!(table.unknown_columns, vec!["x"]);
        // A key one object lacks is absent for that row, not empty: the stored value stays.
        assert_eq!(table.rows[0].get("x"), None);
        assert!(!table.rows[0].has("x") && table.rows[1].has("x"));
        let lists = r#"[{"customer_id":"C1","name":"A","phone":["1 23", "456"],"tags":null}]"#;
        let table = read_table(lists.as_bytes(), Format::Json, Kind::Customers).unwrap();
        assert_eq!(table.rows[0].get("phone"), Some("1 23; 456"));
        assert_eq!(table.rows[0].get("tags"), Some(""));
        assert!(read_table("{}".as_bytes(), Format::Json, Kind::Customers).is_err());
    }

    #[test]
    fn a_json_key_given_twice_is_refused_not_overwritten() {
        for text in [
            r#"[{"customer_id":"C1","name":"Ann"},{"customer_id":"C2","name":"Bo","name":"Al"}]"#,
            r#"[{"customer_id":"C1","name":"Ann"},{"customer_id":"C2","Name":"Bo","name":"Al"}]"#,
        ] {
            let err = read_table(text.as_bytes(), Format::Json, Kind::Customers).unwrap_err();
            assert_eq!((err.line, err.field.as_str()), (2, "name"), "{err}");
            assert!(err.reason.contains("twice"), "{err}");
        }
    }

    #[test]
    fn a_json_object_is_not_a_cell() {
        let text = r#"[{"customer_id":"C1","name":{"first":"Ann"}}]"#;
        let err = read_table(text.as_bytes(), Format::Json, Kind::Customers).unwrap_err();
        assert_eq!(err.to_string(), "1: name: is a JSON object, not text");
        let text = r#"[{"customer_id":"C1","name":"Ann","phone":["1",{"n":"2"}]}]"#;
        let err = read_table(text.as_bytes(), Format::Json, Kind::Customers).unwrap_err();
        assert_eq!((err.line, err.field.as_str()), (1, "phone"));
        let not_objects = r#"[{"customer_id":"C1","name":"Ann"}, 5]"#;
        let err = read_table(not_objects.as_bytes(), Format::Json, Kind::Customers).unwrap_err();
        assert_eq!((err.line, err.field.as_str()), (2, "record"));
    }
}
