//! Reading a CSV or JSON file into rows of named text cells, each with its line number.

use super::RowError;
use super::columns::{Kind, columns_of, required_columns_of};
use std::collections::HashMap;
use std::io::Read;

/// File format of an import or export.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, serde::Serialize, serde::Deserialize,
)]
pub enum Format {
    Csv,
    Json,
}

/// One data row: cells by column name, and where it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct RawRow {
    pub line: u64,
    cells: HashMap<String, String>,
}

impl RawRow {
    pub fn new(line: u64, cells: HashMap<String, String>) -> Self {
        RawRow { line, cells }
    }

    /// The cell of `column`, trimmed; `None` when the file has no such column.
    pub fn get(&self, column: &str) -> Option<&str> {
        self.cells.get(column).map(|s| s.trim())
    }

    /// The cell of `column`, trimmed, `None` when the column is missing or the cell empty.
    pub fn non_empty(&self, column: &str) -> Option<&str> {
        self.get(column).filter(|s| !s.is_empty())
    }

    pub fn has(&self, column: &str) -> bool {
        self.cells.contains_key(column)
    }

    /// The cells in `columns` order (empty where absent), for writing a reject file.
    pub fn cells_in(&self, columns: &[String]) -> Vec<String> {
        columns
            .iter()
            .map(|c| self.cells.get(c).cloned().unwrap_or_default())
            .collect()
    }
}

/// A whole file: its columns as found and its rows.
#[derive(Debug, Clone, PartialEq)]
pub struct RawTable {
    pub columns: Vec<String>,
    pub rows: Vec<RawRow>,
    /// Columns this kind does not know (ignored; reported as a warning).
    pub unknown_columns: Vec<String>,
}

/// Reads `input` as a table of `kind`. Structural problems (a missing required column, a
/// malformed CSV line, invalid JSON) are errors naming the line; cell values are not checked here.
pub fn read_table(mut input: impl Read, format: Format, kind: Kind) -> Result<RawTable, RowError> {
    let table = match format {
        Format::Csv => read_csv(input)?,
        Format::Json => {
            let mut text = String::new();
            input.read_to_string(&mut text).map_err(|e| RowError {
                line: 0,
                field: String::from("file"),
                reason: e.to_string(),
            })?;
            read_json(&text)?
        }
    };
    let known = columns_of(kind);
    for required in required_columns_of(kind) {
        if !table.columns.iter().any(|c| c == required) {
            return Err(RowError {
                line: 1,
                field: (*required).to_string(),
                reason: format!(
                    "required column missing (the header has: {})",
                    table.columns.join(",")
                ),
            });
        }
    }
    let unknown_columns = table
        .columns
        .iter()
        .filter(|c| !known.contains(&c.as_str()) && !c.starts_with('_'))
        .cloned()
        .collect();
    Ok(RawTable {
        unknown_columns,
        ..table
    })
}

fn read_csv(input: impl Read) -> Result<RawTable, RowError> {
    let mut reader = csv::ReaderBuilder::new().flexible(false).from_reader(input);
    let csv_error = |e: csv::Error| {
        let line = e.position().map_or(0, |p| p.line());
        let reason = match e.kind() {
            csv::ErrorKind::UnequalLengths {
                expected_len, len, ..
            } => {
                format!("has {len} fields, the header has {expected_len}")
            }
            csv::ErrorKind::Utf8 { .. } => String::from("is not valid UTF-8 text"),
            _ => e.to_string(),
        };
        RowError {
            line,
            field: String::from("row"),
            reason,
        }
    };
    let columns: Vec<String> = reader
        .headers()
        .map_err(csv_error)?
        .iter()
        .map(|h| h.trim().trim_start_matches('\u{feff}').to_lowercase())
        .collect();
    if let Some(dup) = columns
        .iter()
        .enumerate()
        .find(|(i, c)| columns[..*i].contains(c))
    {
        return Err(RowError {
            line: 1,
            field: dup.1.clone(),
            reason: String::from("column appears twice in the header"),
        });
    }
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(csv_error)?;
        let line = record.position().map_or(0, |p| p.line());
        if record.iter().all(|cell| cell.trim().is_empty()) {
            continue;
        }
        let cells = columns
            .iter()
            .cloned()
            .zip(record.iter().map(str::to_string))
            .collect();
        rows.push(RawRow { line, cells });
    }
    Ok(RawTable {
        columns,
        rows,
        unknown_columns: Vec::new(),
    })
}

fn read_json(text: &str) -> Result<RawTable, RowError> {
    let value: serde_json::Value = serde_json::from_str(text).map_err(|e| RowError {
        line: e.line() as u64,
        field: String::from("file"),
        reason: format!("invalid JSON: {e}"),
    })?;
    let serde_json::Value::Array(items) = value else {
        return Err(RowError {
            line: 1,
            field: String::from("file"),
            reason: String::from("expected a JSON array of objects"),
        });
    };
    let mut columns: Vec<String> = Vec::new();
    let mut rows = Vec::with_capacity(items.len());
    for (index, item) in items.into_iter().enumerate() {
        let record = index as u64 + 1;
        let serde_json::Value::Object(map) = item else {
            return Err(RowError {
                line: record,
                field: String::from("record"),
                reason: String::from("is not a JSON object"),
            });
        };
        let mut cells = HashMap::with_capacity(map.len());
        for (key, value) in map {
            let key = key.to_lowercase();
            let text = match value {
                serde_json::Value::Null => String::new(),
                serde_json::Value::String(s) => s,
                serde_json::Value::Bool(b) => b.to_string(),
                serde_json::Value::Number(n) => n.to_string(),
                other => other.to_string(),
            };
            if !columns.contains(&key) {
                columns.push(key.clone());
            }
            cells.insert(key, text);
        }
        rows.push(RawRow {
            line: record,
            cells,
        });
    }
    Ok(RawTable {
        columns,
        rows,
        unknown_columns: Vec::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_rows_carry_their_line_numbers() {
        let text = "customer_id,name,phone\nC1,Ann,123\n\nC2,\"Bob, Jr\",456\n";
        let table = read_table(text.as_bytes(), Format::Csv, Kind::Customers).unwrap();
        assert_eq!(table.rows.len(), 2);
        assert_eq!(table.rows[0].line, 2);
        assert_eq!(table.rows[1].line, 4);
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
        let text = "customer_id,name\nC1,Ann\nC2,Bob,extra\n";
        let err = read_table(text.as_bytes(), Format::Csv, Kind::Customers).unwrap_err();
        assert_eq!(err.line, 3);
        assert!(err.reason.contains("3 fields"), "{err}");
    }

    #[test]
    fn json_records_are_numbered() {
        let text = r#"[{"customer_id":"C1","name":"Ann"},{"customer_id":"C2","name":"Bo","x":1}]"#;
        let table = read_table(text.as_bytes(), Format::Json, Kind::Customers).unwrap();
        assert_eq!(table.rows[1].line, 2);
        assert_eq!(table.unknown_columns, vec!["x"]);
        assert!(read_table("{}".as_bytes(), Format::Json, Kind::Customers).is_err());
    }
}
