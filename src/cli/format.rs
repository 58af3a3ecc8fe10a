//! One output switch on every command that prints data: `--format table|csv|json` (table for
//! people, CSV and JSON for programs; `--json` is a hidden alias of `--format json`), with
//! `xlsx` and `--out` beside them on the reports, and the writers they share: terminal-safe
//! standard output, CSV, JSON in its public form, and a report's file put in place whole.

use clap::{Args, ValueEnum};
use std::path::{Path, PathBuf};

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

/// How a report prints: as every command does, or as an Excel workbook.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    Table,
    Csv,
    Json,
    Xlsx,
}

/// `--format`, the hidden `--json` and `--out`, flattened into the reports.
#[derive(Debug, Clone, Args)]
pub struct ReportFormatArg {
    /// table for people; csv or json for programs (README lists the JSON of each command); xlsx for a spreadsheet
    #[arg(long, value_enum, default_value = "table")]
    format: ReportFormat,
    /// The same as --format json
    #[arg(long, hide = true)]
    json: bool,
    /// Write the csv, json or xlsx to this file instead of standard output (`-`: standard output)
    #[arg(long, short, value_name = "FILE")]
    out: Option<PathBuf>,
}

impl ReportFormatArg {
    /// The format asked for (`--json` wins, as it can only mean one thing).
    pub fn get(&self) -> ReportFormat {
        if self.json {
            ReportFormat::Json
        } else {
            self.format
        }
    }

    /// The file asked for (`-` is standard output, as no file).
    pub fn out(&self) -> Option<&Path> {
        self.out.as_deref().filter(|p| p.as_os_str() != "-")
    }

    /// Refuses what cannot be done, before any work: a workbook on the screen, a table in a
    /// file.
    pub fn check(&self) -> anyhow::Result<()> {
        use std::io::IsTerminal;
        match self.get() {
            ReportFormat::Xlsx if self.out().is_none() && std::io::stdout().is_terminal() => {
                Err(super::exit::refused(t!("cli-workbook-to-screen")))
            }
            ReportFormat::Table if self.out().is_some() => {
                Err(super::exit::refused(t!("cli-table-to-file")))
            }
            _ => Ok(()),
        }
    }
}

/// Runs `write` on the file `out` (or standard output, terminal-safe, when `None`). A file is
/// written beside its final place and renamed over it once complete and on disk, so a report
/// that fails half way leaves nothing, and one that succeeds never leaves half a file.
pub(crate) fn write_out(
    out: Option<&Path>,
    write: impl FnOnce(&mut dyn std::io::Write) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    use anyhow::Context as _;
    use std::io::Write as _;
    let Some(path) = out else {
        let mut screen = data_out();
        write(&mut screen)?;
        return Ok(screen.flush()?);
    };
    let cannot = || t!("cannot-write", path = path.display().to_string());
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".loyal-");
    // As a file the user creates is made (the umask decides), not private like a temporary.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let temp = builder.tempfile_in(dir).with_context(cannot)?;
    {
        let mut file = std::io::BufWriter::new(temp.as_file());
        write(&mut file)?;
        file.flush().with_context(cannot)?;
    }
    temp.as_file().sync_all().with_context(cannot)?;
    temp.persist(path)
        .map_err(|e| e.error)
        .with_context(cannot)?;
    Ok(())
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
    write_json_to(service, value, &mut std::io::stdout().lock())
}

/// [`print_json`] to `out`.
pub(crate) fn write_json_to(
    service: &crate::service::Service,
    value: &(impl serde::Serialize + ?Sized),
    out: &mut dyn std::io::Write,
) -> anyhow::Result<()> {
    // Customers by external id, read from one snapshot taken now (after this run's writes).
    let names = service.external_ids()?;
    crate::domain::with_external_ids(names, || {
        crate::transfer::write_json(&mut *out, value, true)?;
        writeln!(out)?;
        Ok(())
    })
}
