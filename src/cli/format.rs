//! One output switch on every command that prints data: `--format table|csv|json` (table for
//! people, CSV and JSON for programs; `--json` is a hidden alias of `--format json`), and the
//! writers they share: terminal-safe standard output, CSV, and JSON in its public form.

use clap::{Args, ValueEnum};

/// How a command prints what it found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    Table,
    Csv,
    Json,
}

/// `--format` (and the hidden `--json`), flattened into every command that prints data.
#[derive(Debug, Clone, Args)]
pub struct FormatArg {
    /// table for people; csv or json for programs (README lists the JSON of each command)
    #[arg(long, value_enum, default_value = "table")]
    format: OutputFormat,
    /// The same as --format json
    #[arg(long, hide = true)]
    json: bool,
}

impl FormatArg {
    /// The format asked for (`--json` wins, as it can only mean one thing).
    pub fn get(&self) -> OutputFormat {
        if self.json {
            OutputFormat::Json
        } else {
            self.format
        }
    }
}

/// A CSV writer on standard output (terminal-safe, see [`super::data_out`]).
pub fn csv_out() -> csv::Writer<Box<dyn std::io::Write>> {
    csv::Writer::from_writer(data_out())
}

/// Writes `header` and `rows` as CSV on standard output.
pub fn print_csv<R, F>(header: &[&str], rows: R) -> anyhow::Result<()>
where
    R: IntoIterator<Item = F>,
    F: IntoIterator,
    F::Item: AsRef<[u8]>,
{
    let mut w = csv_out();
    w.write_record(header)?;
    for row in rows {
        w.write_record(row)?;
    }
    w.flush()?;
    Ok(())
}

/// One record as one row of `loyal export KIND`, under the export's header: what the
/// single-record commands print with `--format csv`.
pub fn print_export_row(
    kind: crate::transfer::Kind,
    row: impl serde::Serialize,
) -> anyhow::Result<()> {
    use crate::transfer::{Format, write_rows};
    write_rows(data_out(), Format::Csv, kind, std::iter::once(Ok(row)))?;
    Ok(())
}

/// Standard output for data (CSV, exports): as it is to a file or a pipe, line by line through
/// [`crate::text::sanitize`] to a terminal, where an escape sequence in a cell would run.
pub(crate) fn data_out() -> Box<dyn std::io::Write> {
    use std::io::IsTerminal;
    let out = std::io::stdout();
    if out.is_terminal() {
        Box::new(crate::text::TerminalWriter::new(out.lock()))
    } else {
        Box::new(out.lock())
    }
}

/// Prints `value` as indented JSON on stdout. Every `--json` output goes through here, so C1
/// controls, DEL and bidirectional controls in names and notes are written as `\uXXXX`, never
/// raw (see [`crate::transfer::write_json`]).
pub(crate) fn print_json(
    service: &crate::service::Service,
    value: &(impl serde::Serialize + ?Sized),
) -> anyhow::Result<()> {
    use std::io::Write as _;
    // Customers by external id, read from one snapshot taken now (after this run's writes).
    let names = service.external_ids()?;
    crate::domain::with_external_ids(names, || {
        let mut out = std::io::stdout().lock();
        crate::transfer::write_json(&mut out, value, true)?;
        writeln!(out)?;
        Ok(())
    })
}
