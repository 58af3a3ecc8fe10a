//! Reading a CSV or JSON file into rows of named text cells, each with its line number.
//! Rows are compact (one `StringRecord` each, column names shared), so a file of millions of
//! rows costs little more memory than its text.

use super::RowError;
use super::columns::{Kind, columns_of, required_columns_of};
use csv::StringRecord;
use std::collections::{HashMap, HashSet};
use std::io::Read;
use std::sync::Arc;

/// File format of an import or export.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, serde::Serialize, serde::Deserialize,
)]
pub enum Format {
    Csv,
    Json,
}

/// The most columns a file may have. A kind has at most a few dozen; this leaves room for the
/// extra columns of another system's export while bounding the work per row and per header.
pub const MAX_COLUMNS: usize = 1024;

fn too_many_columns(line: u64, found: usize) -> RowError {
    file_error(
        line,
        t!("file-too-many-columns", found = found, most = MAX_COLUMNS),
    )
}

/// Column name -> position in every record of one file.
type ColumnIndex = Arc<HashMap<String, usize>>;

/// One data row: cells by column name, and the line (CSV) or record number (JSON) it came from.
#[derive(Debug, Clone)]
pub struct RawRow {
    pub line: u64,
    columns: ColumnIndex,
    record: StringRecord,
    /// Which columns this row has (JSON objects may each have different keys); `None`: all.
    present: Option<Vec<bool>>,
}

impl RawRow {
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

fn column_index(columns: &[String]) -> ColumnIndex {
    Arc::new(
        columns
            .iter()
            .enumerate()
            .map(|(i, c)| (c.clone(), i))
            .collect(),
    )
}

fn file_error(line: u64, reason: impl Into<String>) -> RowError {
    RowError {
        line,
        field: String::from("file"),
        reason: reason.into(),
    }
}

/// Reads `input` as a table of `kind`. Structural problems (a missing required column, a
/// malformed CSV line, invalid JSON) are errors naming the line; cell values are not checked here.
pub fn read_table(mut input: impl Read, format: Format, kind: Kind) -> Result<RawTable, RowError> {
    let mut bytes = Vec::new();
    input
        .read_to_end(&mut bytes)
        .map_err(|e| file_error(0, e.to_string()))?;
    let table = match format {
        Format::Csv => read_csv(&bytes)?,
        Format::Json => read_json(&bytes)?,
    };
    let known = columns_of(kind);
    // An empty JSON array has no keys to carry the columns: it is an empty table, as a CSV
    // file with only its header is (an export of nothing imports back as nothing).
    let headerless_empty = format == Format::Json && table.rows.is_empty();
    for required in required_columns_of(kind) {
        if !headerless_empty && !table.columns.iter().any(|c| c == required) {
            return Err(RowError {
                line: 1,
                field: (*required).to_string(),
                reason: t!("file-column-missing", columns = table.columns.join(",")),
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

/// Counts lines by byte offset, so blank lines and quoted line breaks are counted as the user
/// sees them in an editor (the csv crate's own line count skips blank lines).
struct LineCounter<'a> {
    bytes: &'a [u8],
    offset: usize,
    line: u64,
}

impl LineCounter<'_> {
    /// The line of the first character at or after `byte` that is not a line break (the csv
    /// crate reports a record after blank lines as starting at the first blank line).
    fn line_at(&mut self, byte: u64) -> u64 {
        let mut target = (byte as usize).min(self.bytes.len());
        while target < self.bytes.len() && matches!(self.bytes[target], b'\n' | b'\r') {
            target += 1;
        }
        if target > self.offset {
            self.line += self.bytes[self.offset..target]
                .iter()
                .filter(|b| **b == b'\n')
                .count() as u64;
            self.offset = target;
        }
        self.line
    }
}

fn csv_error(e: &csv::Error, lines: &mut LineCounter<'_>) -> RowError {
    let line = e.position().map_or(0, |p| lines.line_at(p.byte()));
    let reason = match e.kind() {
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => {
            t!("file-field-count", len = *len, expected = *expected_len)
        }
        csv::ErrorKind::Utf8 { .. } => t!("file-not-utf8"),
        _ => e.to_string(),
    };
    RowError {
        line,
        field: String::from("row"),
        reason,
    }
}

fn read_csv(bytes: &[u8]) -> Result<RawTable, RowError> {
    let mut reader = csv::ReaderBuilder::new().flexible(false).from_reader(bytes);
    let mut lines = LineCounter {
        bytes,
        offset: 0,
        line: 1,
    };
    let columns: Vec<String> = match reader.headers() {
        Ok(headers) if headers.len() > MAX_COLUMNS => {
            return Err(too_many_columns(1, headers.len()));
        }
        Ok(headers) => headers
            .iter()
            .map(|h| h.trim().trim_start_matches('\u{feff}').to_lowercase())
            .collect(),
        Err(e) => return Err(csv_error(&e, &mut lines)),
    };
    let mut seen = HashSet::with_capacity(columns.len());
    if let Some(dup) = columns.iter().find(|c| !seen.insert(c.as_str())) {
        return Err(RowError {
            line: 1,
            field: dup.clone(),
            reason: t!("file-column-twice"),
        });
    }
    let index = column_index(&columns);
    let mut rows = Vec::new();
    let mut record = StringRecord::new();
    loop {
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => return Err(csv_error(&e, &mut lines)),
        }
        let line = record.position().map_or(0, |p| lines.line_at(p.byte()));
        if record.iter().all(|cell| cell.trim().is_empty()) {
            continue;
        }
        rows.push(RawRow {
            line,
            columns: index.clone(),
            record: record.clone(),
            present: None,
        });
    }
    Ok(RawTable {
        columns,
        rows,
        unknown_columns: Vec::new(),
    })
}

fn read_json(bytes: &[u8]) -> Result<RawTable, RowError> {
    let top: json::Top = serde_json::from_slice(bytes)
        .map_err(|e| file_error(e.line() as u64, format!("invalid JSON: {e}")))?;
    let json::Top::Array(items) = top else {
        return Err(file_error(1, t!("file-not-json-array")));
    };
    let mut columns: Vec<String> = Vec::new();
    let mut seen: HashSet<String> = HashSet::new();
    let mut objects = Vec::with_capacity(items.len());
    for (index, item) in items.into_iter().enumerate() {
        let record_error = |field: &str, reason: String| RowError {
            line: index as u64 + 1,
            field: field.to_string(),
            reason,
        };
        let map = match item {
            json::Item::Object(map) => map,
            json::Item::Duplicate(key) => {
                return Err(record_error(&key, t!("file-key-twice")));
            }
            json::Item::Other => {
                return Err(record_error("record", t!("file-not-json-object")));
            }
        };
        for (key, value) in &map {
            if let Some(kind) = nested_object(value) {
                return Err(record_error(key, t!("file-not-text", kind = kind)));
            }
            if !seen.contains(key) {
                seen.insert(key.clone());
                columns.push(key.clone());
            }
        }
        if columns.len() > MAX_COLUMNS {
            return Err(too_many_columns(index as u64 + 1, columns.len()));
        }
        objects.push(map);
    }
    let index = column_index(&columns);
    let rows = objects
        .into_iter()
        .enumerate()
        .map(|(i, map)| {
            let mut cells = vec![String::new(); columns.len()];
            let mut present = vec![false; columns.len()];
            for (key, value) in map {
                if let Some(&at) = index.get(&key) {
                    cells[at] = json_cell(value);
                    present[at] = true;
                }
            }
            RawRow {
                line: i as u64 + 1,
                columns: index.clone(),
                record: StringRecord::from(cells),
                present: Some(present),
            }
        })
        .collect();
    Ok(RawTable {
        columns,
        rows,
        unknown_columns: Vec::new(),
    })
}

/// Whether `value` holds a JSON object (itself or inside a list): a cell is text, a number, a
/// boolean or a list of those, never an object (which would otherwise be stored as its JSON
/// text, say as a customer's name).
fn nested_object(value: &serde_json::Value) -> Option<&'static str> {
    match value {
        serde_json::Value::Object(_) => Some("a JSON object"),
        serde_json::Value::Array(items) => items
            .iter()
            .any(|v| nested_object(v).is_some())
            .then_some("a list holding a JSON object"),
        _ => None,
    }
}

/// A JSON value as cell text: strings as they are, `null` empty, a list (of phones, tags) joined
/// with `; ` like the CSV form. (Objects are refused before this, by [`nested_object`].)
fn json_cell(value: serde_json::Value) -> String {
    match value {
        serde_json::Value::Null => String::new(),
        serde_json::Value::String(s) => s,
        serde_json::Value::Bool(b) => b.to_string(),
        serde_json::Value::Number(n) => n.to_string(),
        serde_json::Value::Array(items) => items
            .into_iter()
            .map(json_cell)
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join("; "),
        other => other.to_string(),
    }
}

/// Reading the JSON file's records with every key kept: `serde_json::Value` maps keep only the
/// last of two equal keys, which would silently drop a value the file gives.
mod json {
    use serde::de::{self, Deserialize, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
    use std::fmt;

    /// The whole file: an array of items, or anything else.
    pub(super) enum Top {
        Array(Vec<Item>),
        Other,
    }

    /// One item of the array: an object's entries (keys lowercased) in file order, the first
    /// key an object gives twice, or something that is not an object.
    pub(super) enum Item {
        Object(Vec<(String, serde_json::Value)>),
        Duplicate(String),
        Other,
    }

    /// Visitor methods for the JSON values that are neither the wanted kind nor containers.
    macro_rules! scalars_are {
        ($other:expr) => {
            fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> {
                Ok($other)
            }
            fn visit_i64<E: de::Error>(self, _: i64) -> Result<Self::Value, E> {
                Ok($other)
            }
            fn visit_u64<E: de::Error>(self, _: u64) -> Result<Self::Value, E> {
                Ok($other)
            }
            fn visit_f64<E: de::Error>(self, _: f64) -> Result<Self::Value, E> {
                Ok($other)
            }
            fn visit_str<E: de::Error>(self, _: &str) -> Result<Self::Value, E> {
                Ok($other)
            }
            fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok($other)
            }
        };
    }

    struct TopVisitor;

    impl<'de> Visitor<'de> for TopVisitor {
        type Value = Top;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a JSON array of objects")
        }

        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Top, A::Error> {
            let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0));
            while let Some(item) = seq.next_element::<Item>()? {
                items.push(item);
            }
            Ok(Top::Array(items))
        }

        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Top, A::Error> {
            while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
            Ok(Top::Other)
        }

        scalars_are!(Top::Other);
    }

    impl<'de> Deserialize<'de> for Top {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Top, D::Error> {
            d.deserialize_any(TopVisitor)
        }
    }

    struct ItemVisitor;

    impl<'de> Visitor<'de> for ItemVisitor {
        type Value = Item;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a JSON object")
        }

        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Item, A::Error> {
            let mut entries: Vec<(String, serde_json::Value)> = Vec::new();
            let mut seen = std::collections::HashSet::new();
            let mut duplicate = None;
            while let Some(key) = map.next_key::<String>()? {
                let value: serde_json::Value = map.next_value()?;
                let key = key.to_lowercase();
                if !seen.insert(key.clone()) {
                    duplicate.get_or_insert(key);
                } else {
                    entries.push((key, value));
                }
            }
            Ok(match duplicate {
                Some(key) => Item::Duplicate(key),
                None => Item::Object(entries),
            })
        }

        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Item, A::Error> {
            while seq.next_element::<IgnoredAny>()?.is_some() {}
            Ok(Item::Other)
        }

        scalars_are!(Item::Other);
    }

    impl<'de> Deserialize<'de> for Item {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Item, D::Error> {
            d.deserialize_any(ItemVisitor)
        }
    }
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
