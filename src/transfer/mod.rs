//! The import and export file formats: CSV with a header row, or JSON (an array of objects with
//! the same column names). Parsing here is pure: it turns a file into typed inputs or into
//! errors that name the line and the field; the service applies the inputs to the database.

mod answers;
mod columns;
mod encoding;
mod headers;
mod inputs;
mod json;
mod parse;
mod raw;
mod rows;
mod scan;
mod sheet;
mod table_file;
mod vcard;
mod workbook;
mod workbook_out;

pub use answers::{ANSWER_COLUMNS, MAX_ANSWER_ROWS, read_answers, write_answers};
pub use columns::{Kind, columns_of, required_columns_of};
pub use encoding::{DecodeError, OutputEncoding, Settled, TextEncoding};
pub use headers::{ColumnMap, field_of, suggestion as column_suggestion};
pub use inputs::{
    CarePlanInput, ChildInput, ComplaintInput, CustomerInput, FollowUpInput, OrderInput,
};
pub use json::{to_json_pretty, write_json};
pub use parse::{
    Parsed, RowResult, parse_care_plan, parse_care_plans, parse_complaint, parse_complaints,
    parse_customer, parse_customers, parse_followup, parse_followups, parse_order, parse_orders,
    parse_timestamp,
};
pub use raw::{Format, RawRow, RawTable, read_table};
pub use rows::{
    CarePlanRow, ComplaintRow, CustomerRow, FollowUpRow, OrderRow, format_timestamp, write_rows,
};
pub use scan::{ColumnUse, Columns, scan, scan_mapped};
pub use sheet::{Cell, ColumnKind, CsvSheets, SheetColumn, SheetSink, WorkbookSheets};
pub use table_file::TableFile;
pub use vcard::is_vcard_name;
pub use workbook::{SheetChoice, is_workbook_name};

/// A parsed input with the line (CSV) or record number (JSON) it came from.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Lined<T> {
    pub line: u64,
    pub value: T,
}

/// Why one row cannot be imported.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct RowError {
    pub line: u64,
    pub field: String,
    pub reason: String,
}

impl std::fmt::Display for RowError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}: {}", self.line, self.field, self.reason)
    }
}
