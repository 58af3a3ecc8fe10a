//! Writing rows as an .xlsx workbook for managers, through rust_xlsxwriter: one sheet with a
//! bold, frozen header row, widths that fit the column's kind of value, dates and times as
//! Excel dates (in local time, which is what an import reads a time without a zone as),
//! amounts and counts as numbers. Rows are written in constant memory (the library spills
//! them to a temporary file), so an export of a million rows costs no more than one of ten.

use rust_xlsxwriter::{ExcelDateTime, Format as CellFormat, Workbook};
use serde::Serialize;
use std::io::Write;

/// Columns holding a date alone.
const DATE_ONLY: &[&str] = &["birthday", "due", "series_start"];

/// Columns holding an amount of money.
const AMOUNTS: &[&str] = &["amount"];

/// The width (in characters) a column of this name is given.
fn width_of(column: &str) -> f64 {
    match column {
        c if DATE_ONLY.contains(&c) => 12.0,
        c if c.ends_with("_at") || c == "at" || c == "next_contact" => 20.0,
        c if AMOUNTS.contains(&c) => 12.0,
        "email" | "address" | "summary" | "description" | "note" | "items" | "history" => 36.0,
        "name" | "company" => 22.0,
        "phone" => 18.0,
        c => (c.chars().count() as f64 + 4.0).clamp(10.0, 24.0),
    }
}

/// An instant as loyal writes it (RFC 3339), as the local date-time Excel shows.
fn local_date_time(text: &str) -> Option<ExcelDateTime> {
    let at = chrono::DateTime::parse_from_rfc3339(text).ok()?;
    let local = at.with_timezone(&chrono::Local).naive_local();
    excel_date_time(local)
}

pub(super) fn excel_date_time(at: chrono::NaiveDateTime) -> Option<ExcelDateTime> {
    use chrono::{Datelike, Timelike};
    let date = ExcelDateTime::from_ymd(
        u16::try_from(at.year()).ok()?,
        at.month() as u8,
        at.day() as u8,
    )
    .ok()?;
    let millis = at.and_utc().timestamp_subsec_millis();
    date.and_hms_milli(
        at.hour() as u16,
        at.minute() as u8,
        at.second() as u8,
        millis as u16,
    )
    .ok()
}

/// Writes `rows` under `header` as a workbook with one sheet named `sheet`; returns how many.
pub fn write_workbook<R: Serialize>(
    mut out: impl Write,
    sheet: &str,
    header: &[&str],
    rows: impl Iterator<Item = anyhow::Result<R>>,
) -> anyhow::Result<u64> {
    let mut workbook = Workbook::new();
    let bold = CellFormat::new().set_bold();
    let date = CellFormat::new().set_num_format("yyyy-mm-dd");
    let date_time = CellFormat::new().set_num_format("yyyy-mm-dd hh:mm:ss");
    let money = CellFormat::new().set_num_format("0.00");
    let mut count = 0u64;
    {
        let worksheet = workbook.add_worksheet_with_constant_memory()?;
        worksheet.set_name(sheet_name(sheet))?;
        for (at, column) in header.iter().enumerate() {
            worksheet.set_column_width(at as u16, width_of(column))?;
            worksheet.write_string_with_format(0, at as u16, *column, &bold)?;
        }
        worksheet.set_freeze_panes(1, 0)?;
        for row in rows {
            let value = serde_json::to_value(row?)?;
            count += 1;
            let line = u32::try_from(count).map_err(|_| anyhow::anyhow!("too many rows"))?;
            for (at, column) in header.iter().enumerate() {
                let at = at as u16;
                match value.get(*column) {
                    None | Some(serde_json::Value::Null) => {}
                    Some(serde_json::Value::Bool(b)) => {
                        worksheet.write_boolean(line, at, *b)?;
                    }
                    Some(serde_json::Value::Number(n)) => {
                        worksheet.write_number(line, at, n.as_f64().unwrap_or_default())?;
                    }
                    Some(serde_json::Value::String(text)) if text.is_empty() => {}
                    Some(serde_json::Value::String(text)) => {
                        let dated = if DATE_ONLY.contains(column) {
                            chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d")
                                .ok()
                                .and_then(|d| excel_date_time(d.and_time(chrono::NaiveTime::MIN)))
                                .map(|d| (d, &date))
                        } else {
                            local_date_time(text).map(|d| (d, &date_time))
                        };
                        let amount = AMOUNTS
                            .contains(column)
                            .then(|| text.parse::<f64>().ok())
                            .flatten();
                        if let Some((d, format)) = dated {
                            worksheet.write_datetime_with_format(line, at, d, format)?;
                        } else if let Some(amount) = amount {
                            worksheet.write_number_with_format(line, at, amount, &money)?;
                        } else {
                            worksheet.write_string(line, at, text)?;
                        }
                    }
                    Some(other) => {
                        worksheet.write_string(line, at, other.to_string())?;
                    }
                }
            }
        }
    }
    // Saved to a private temporary file (the writer need not seek), then copied out.
    let temp = tempfile::NamedTempFile::new()?;
    workbook.save(temp.path())?;
    std::io::copy(&mut std::fs::File::open(temp.path())?, &mut out)?;
    out.flush()?;
    Ok(count)
}

/// A sheet name Excel accepts: at most 31 characters, none of `[]:*?/\`.
pub(super) fn sheet_name(name: &str) -> String {
    let clean: String = name
        .chars()
        .filter(|c| !"[]:*?/\\".contains(*c) && !c.is_control())
        .take(31)
        .collect();
    if clean.trim().is_empty() {
        String::from("Sheet1")
    } else {
        clean
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sheet_names_are_ones_excel_takes() {
        assert_eq!(sheet_name("客户"), "客户");
        assert_eq!(sheet_name("a/b:c"), "abc");
        assert_eq!(sheet_name("[]"), "Sheet1");
        assert_eq!(sheet_name(&"x".repeat(40)).len(), 31);
    }
}
