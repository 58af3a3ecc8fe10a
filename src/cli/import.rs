//! `loyal import` and `loyal export`: files in, files out, with progress, clear row errors and
//! reject files.

use super::{Context, ImportArgs};
use crate::service::{ImportOptions, ImportReport, ServiceError};
use crate::transfer::{self, Format, Kind, RawTable, RowError, TableFile};
use anyhow::Context as _;
use indicatif::{ProgressBar, ProgressStyle};
use std::path::Path;

/// How many row errors to print before summarising the rest.
const SHOWN_ERRORS: usize = 20;

fn format_for(path: &Path, explicit: Option<Format>) -> Format {
    explicit.unwrap_or_else(|| {
        match path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_lowercase)
            .as_deref()
        {
            Some("json") => Format::Json,
            Some("xlsx" | "xlsm" | "xlsb" | "xls" | "ods") => Format::Xlsx,
            Some("vcf" | "vcard") => Format::Vcard,
            _ => Format::Csv,
        }
    })
}

/// The file to import: a named file, or standard input (`-`) copied to a temporary file so
/// that it can be read twice (checked, then written).
fn open_table(
    path: &Path,
    format: Format,
    kind: Kind,
    encoding: Option<&str>,
) -> anyhow::Result<TableFile> {
    let encoding = match encoding {
        Some(label) => Some(transfer::TextEncoding::named(label).ok_or_else(|| {
            super::exit::refused(t!(
                "cli-unknown-encoding",
                name = crate::text::sanitize(label).into_owned()
            ))
        })?),
        None => None,
    };
    let opened = if path.as_os_str() == "-" {
        TableFile::spool(std::io::stdin().lock(), format, kind, encoding)
    } else {
        TableFile::open_as(path, format, kind, encoding)
    };
    opened.map_err(|e| match transfer::DecodeError::of(&e) {
        // Bytes that no encoding tried reads: the first one named with its line.
        Some(bad) => super::exit::refused(format!(
            "{}:{}: row: {bad}",
            crate::text::sanitize(&path.display().to_string()),
            bad.line
        )),
        None if path.as_os_str() == "-" => anyhow::Error::new(e).context(t!("cli-reading-stdin")),
        None => {
            anyhow::Error::new(e).context(t!("cannot-open-file", path = path.display().to_string()))
        }
    })
}

/// `--list-profiles`, `--save-profile`, `--remove-profile`: true when nothing is left to do.
fn profiles(context: &Context, args: &ImportArgs) -> anyhow::Result<bool> {
    if args.list_profiles {
        let profiles = context.open()?.import_profiles()?;
        if profiles.is_empty() {
            println!("{}", t!("profile-none"));
        }
        let width = profiles
            .iter()
            .map(|p| crate::text::width(&p.name))
            .max()
            .unwrap_or(0);
        for profile in profiles {
            println!(
                "{}  {}",
                crate::text::fit(&profile.name, width),
                crate::text::sanitize(&profile.map)
            );
        }
        return Ok(true);
    }
    if let Some(name) = &args.remove_profile {
        context.open()?.save_import_profile(name, None)?;
        eprintln!(
            "{}",
            t!(
                "cli-profile-removed",
                name = crate::text::sanitize(name).into_owned()
            )
        );
        return Ok(true);
    }
    if let Some(name) = &args.save_profile {
        context
            .open()?
            .save_import_profile(name, args.map.as_deref())?;
        eprintln!(
            "{}",
            t!(
                "cli-profile-saved",
                name = crate::text::sanitize(name).into_owned()
            )
        );
    }
    Ok(args.kind.is_none() || args.file.is_none())
}

/// The column names `--profile` and `--map` give.
fn column_map(context: &Context, args: &ImportArgs) -> anyhow::Result<transfer::ColumnMap> {
    let mut map = match &args.profile {
        Some(name) => context.open()?.import_profile(name)?,
        None => transfer::ColumnMap::default(),
    };
    if let Some(text) = &args.map {
        map.extend(text)
            .map_err(|reason| super::exit::refused(format!("--map: {reason}")))?;
    }
    Ok(map)
}

/// The `--dry-run` preview (see [`ImportReport::mapping_lines`]).
fn print_mapping(report: &ImportReport) {
    for line in report.mapping_lines() {
        println!("{line}");
    }
}

pub fn run(context: &Context, args: &ImportArgs) -> anyhow::Result<()> {
    if profiles(context, args)? {
        return Ok(());
    }
    let (Some(kind), Some(path)) = (args.kind, args.file.as_ref()) else {
        return Ok(());
    };
    let kind: Kind = kind.into();
    let name = path.display().to_string();
    let format = format_for(path, args.format);
    let map = column_map(context, args)?;
    let file = open_table(path, format, kind, args.encoding.as_deref())?.with_map(map);
    let file = match &args.sheet {
        Some(sheet) => file.with_sheet(transfer::SheetChoice::parse(sheet)),
        None => file,
    };
    let encoding = file.encoding();
    if !(encoding.is_utf8() && encoding.how == transfer::Settled::Valid) {
        let how = match encoding.how {
            transfer::Settled::Bom => "bom",
            transfer::Settled::Guessed => "guessed",
            _ => "given",
        };
        eprintln!(
            "{}",
            t!(
                "cli-read-as",
                file = crate::text::sanitize(&name).into_owned(),
                encoding = encoding.name(),
                how = how
            )
        );
    }
    let options = ImportOptions {
        dry_run: args.dry_run,
        skip_bad: args.skip_bad.is_some(),
        create_missing: args.create_missing,
    };
    let service = context.open()?;
    // Open the reject file before anything is written, so an unwritable path fails first.
    // `-` is standard output.
    let reject_writer = match &args.skip_bad {
        Some(path) if path.as_os_str() == "-" => Some(super::format::csv_out()),
        Some(path) => Some(csv::Writer::from_writer(Box::new(
            std::fs::File::create(path)
                .with_context(|| t!("cannot-write", path = path.display().to_string()))?,
        )
            as Box<dyn std::io::Write>)),
        None => None,
    };
    let source = if args.one_transaction {
        None
    } else {
        Some(name.as_str())
    };
    let report = import_file(&service, &file, options, true, source);
    let row_error = |e: &RowError| match format {
        Format::Csv => format!("{name}:{e}"),
        Format::Json => format!("{name}: record {e}"),
        Format::Vcard => format!("{name}:{e}"),
        // `book.xlsx:Sheet1!C17: phone: ...`
        Format::Xlsx => match file.cell_name(e.line, &e.field) {
            Some(cell) if e.line > 0 => format!("{name}:{cell}: {}: {}", e.field, e.reason),
            _ => format!("{name}:{e}"),
        },
    };
    let report = match report {
        Ok(report) => report,
        Err(ServiceError::Rejected(errors)) => {
            print_row_errors(&errors, row_error);
            return Err(super::exit::refused(t!(
                "cli-import-refused",
                name = &name,
                n = errors.len()
            )));
        }
        Err(ServiceError::Unreadable(e)) => {
            return Err(super::exit::refused(format!("{name}:{e}")));
        }
        Err(e) => return Err(e).with_context(|| t!("cli-importing", name = &name)),
    };
    if report.dry_run {
        print_mapping(&report);
    }
    if !report.unknown_columns.is_empty() {
        let columns: Vec<String> = report
            .unknown_columns
            .iter()
            .map(|column| match transfer::column_suggestion(kind, column) {
                Some(near) => t!("cli-unknown-column-near", column = column, near = near),
                None => column.clone(),
            })
            .collect();
        eprintln!(
            "{}",
            t!(
                "cli-unknown-columns",
                file = crate::text::sanitize(&name).into_owned(),
                columns = crate::text::sanitize(&columns.join(", ")).into_owned(),
                known = transfer::columns_of(kind).join(",")
            )
        );
    }
    if let (Some(writer), Some(reject_path)) = (reject_writer, &args.skip_bad) {
        write_rejects(writer, &file, &report.rejected)
            .with_context(|| t!("cli-writing", file = reject_path.display().to_string()))?;
        if !report.rejected.is_empty() {
            eprintln!(
                "{}",
                t!(
                    "cli-rows-skipped",
                    n = report.rejected_rows(),
                    file = reject_path.display().to_string()
                )
            );
        }
    }
    for warning in &report.warnings {
        let line = if warning.line > 0 {
            format!(":{}", warning.line)
        } else {
            String::new()
        };
        eprintln!(
            "{}",
            t!(
                "cli-warning",
                where = format!("{name}{line}"),
                message = crate::text::sanitize(&warning.message).into_owned()
            )
        );
    }
    print_report(&name, &report);
    Ok(())
}

/// A progress bar in the catalogue's words, with the rate in whole rows a second
/// (`41,999 rows/s`, not indicatif's `41,998.5688/s`); hidden unless `shown`.
fn progress_bar(shown: bool, kind: Kind) -> ProgressBar {
    let bar = if shown {
        ProgressBar::new(0)
    } else {
        ProgressBar::hidden()
    };
    bar.set_style(bar_style(&t!("cli-import-progress")));
    bar.set_message(kind.title());
    bar
}

fn bar_style(template: &str) -> ProgressStyle {
    ProgressStyle::with_template(template)
        .unwrap_or_else(|_| ProgressStyle::default_bar())
        .with_key(
            "rate",
            |state: &indicatif::ProgressState, w: &mut dyn std::fmt::Write| {
                let rate = state.per_sec();
                let rate = if rate.is_finite() { rate.max(0.0) } else { 0.0 };
                let _ = w.write_str(&t!(
                    "cli-import-rate",
                    rate = crate::text::thousands(rate.round() as u64)
                ));
            },
        )
        .progress_chars("=> ")
}

/// `progress(done, total)` for a bar: `total` 0 while the rows are being checked (their
/// number not known yet), then the rows to write.
fn follow(bar: &ProgressBar) -> impl FnMut(u64, u64) + '_ {
    let mut checking = false;
    move |done: u64, total: u64| {
        if total == 0 && !checking {
            checking = true;
            bar.set_style(bar_style(&t!("cli-import-checking")));
        } else if total > 0 && checking {
            checking = false;
            bar.set_style(bar_style(&t!("cli-import-progress")));
            bar.reset();
        }
        bar.set_length(total);
        bar.set_position(done);
    }
}

/// Imports `file` streaming; `progress_bar` shows progress on a terminal.
pub fn import_file(
    service: &crate::service::Service,
    file: &TableFile,
    options: ImportOptions,
    progress_bar: bool,
    journal: Option<&str>,
) -> Result<ImportReport, ServiceError> {
    let bar = self::progress_bar(progress_bar, file.kind());
    let result = service.import_file(file, options, journal, &mut follow(&bar));
    bar.finish_and_clear();
    result
}

/// Parses `table` (in memory) as `kind` and imports it; `progress_bar` shows progress.
pub fn import_table(
    service: &crate::service::Service,
    kind: Kind,
    table: RawTable,
    options: ImportOptions,
    progress_bar: bool,
    chunked_source: Option<&str>,
) -> Result<ImportReport, ServiceError> {
    let bar = self::progress_bar(progress_bar, kind);
    let result = service.import_table(kind, table, options, chunked_source, &mut follow(&bar));
    bar.finish_and_clear();
    result
}

fn print_row_errors(errors: &[RowError], describe: impl Fn(&RowError) -> String) {
    for error in errors.iter().take(SHOWN_ERRORS) {
        eprintln!("{}", crate::text::sanitize(&describe(error)));
    }
    if errors.len() > SHOWN_ERRORS {
        eprintln!("{}", t!("cli-and-more", n = errors.len() - SHOWN_ERRORS));
    }
}

/// The rejected rows with their original cells plus `_line`, `_field`, `_error` columns; the
/// file imports again once fixed (columns starting with `_` are ignored). The rows come from
/// another read of the file, so none are held but the rejected ones' errors.
fn write_rejects(
    mut writer: csv::Writer<Box<dyn std::io::Write>>,
    file: &TableFile,
    rejected: &[RowError],
) -> anyhow::Result<()> {
    let mut by_line: std::collections::BTreeMap<u64, Vec<&RowError>> =
        std::collections::BTreeMap::new();
    for error in rejected {
        by_line.entry(error.line).or_default().push(error);
    }
    // JSON rows may each have other keys: the header is known once the file has been read,
    // so the rejected rows' cells wait (they are few) until then.
    let mut found: std::collections::HashMap<u64, transfer::RawRow> =
        std::collections::HashMap::new();
    let columns = file
        .scan(|row| -> Result<(), RowError> {
            if by_line.contains_key(&row.line) {
                found.insert(row.line, row);
            }
            Ok(())
        })
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    let mut header: Vec<String> = columns
        .columns
        .iter()
        .filter(|c| !c.starts_with('_'))
        .cloned()
        .collect();
    let cells = header.clone();
    header.extend(["_line", "_field", "_error"].map(String::from));
    writer.write_record(&header)?;
    for (line, errors) in by_line {
        let mut record = found
            .get(&line)
            .map(|r| r.cells_in(&cells))
            .unwrap_or_else(|| vec![String::new(); cells.len()]);
        record.push(line.to_string());
        record.push(
            errors
                .iter()
                .map(|e| e.field.as_str())
                .collect::<Vec<_>>()
                .join("; "),
        );
        record.push(
            errors
                .iter()
                .map(|e| format!("{}: {}", e.field, e.reason))
                .collect::<Vec<_>>()
                .join("; "),
        );
        writer.write_record(&record)?;
    }
    writer.flush()?;
    Ok(())
}

fn print_report(name: &str, report: &ImportReport) {
    println!("{}", report.summary(name));
}

pub fn export(
    context: &Context,
    kind: Kind,
    format: Format,
    out: Option<&Path>,
    (encoding, bom): (Option<&str>, bool),
) -> anyhow::Result<()> {
    if format == Format::Vcard && kind != Kind::Customers {
        return Err(super::exit::refused(t!("vcard-customers-only")));
    }
    if !matches!(format, Format::Csv | Format::Vcard) && (encoding.is_some() || bom) {
        return Err(super::exit::refused(t!("cli-encoding-json")));
    }
    {
        use std::io::IsTerminal;
        let to_screen = out.is_none_or(|p| p.as_os_str() == "-");
        if format == Format::Xlsx && to_screen && std::io::stdout().is_terminal() {
            return Err(super::exit::refused(t!("cli-workbook-to-screen")));
        }
    }
    let encoding = transfer::OutputEncoding::new(encoding, bom).ok_or_else(|| {
        super::exit::refused(t!(
            "cli-unknown-encoding",
            name = crate::text::sanitize(encoding.unwrap_or_default()).into_owned()
        ))
    })?;
    let service = context.open()?;
    // `--out -` is standard output, as `-` is standard input for an import.
    let count = match out.filter(|p| p.as_os_str() != "-") {
        Some(path) => {
            let file = std::fs::File::create(path)
                .with_context(|| t!("cannot-write", path = path.display().to_string()))?;
            let out = encoding.writer(std::io::BufWriter::new(file))?;
            let count = service.export(kind, format, out)?;
            eprintln!(
                "{}",
                t!(
                    "cli-exported",
                    n = count,
                    kind = kind.title(),
                    file = path.display().to_string()
                )
            );
            count
        }
        None if encoding == transfer::OutputEncoding::UTF8 => {
            service.export(kind, format, super::data_out())?
        }
        None => {
            use std::io::IsTerminal;
            let encoded = encoding.writer(std::io::stdout().lock())?;
            if std::io::stdout().is_terminal() {
                // Made safe for the screen before it is encoded.
                service.export(kind, format, crate::text::TerminalWriter::new(encoded))?
            } else {
                service.export(kind, format, encoded)?
            }
        }
    };
    let _ = count;
    Ok(())
}

/// `loyal imports`: the journal; `loyal imports rollback ID`: undo one run.
pub fn imports(
    context: &Context,
    rollback: Option<u64>,
    format: super::format::OutputFormat,
) -> anyhow::Result<()> {
    use super::format::OutputFormat;
    let service = context.open()?;
    if let Some(id) = rollback {
        let bar = ProgressBar::new(0);
        let mut progress = |done: u64, total: u64| {
            bar.set_length(total);
            bar.set_position(done);
        };
        let undone = service.rollback_import(id, &mut progress)?;
        bar.finish_and_clear();
        println!("{}", t!("cli-rolled-back", id = id, n = undone));
        return Ok(());
    }
    let imports = service.imports()?;
    let now = chrono::Utc::now().timestamp_millis();
    match format {
        OutputFormat::Json => return super::print_json(&service, &imports),
        OutputFormat::Csv => {
            return super::format::print_csv(
                &[
                    "id",
                    "kind",
                    "file",
                    "state",
                    "rows",
                    "done",
                    "started_at",
                    "staff",
                    "os_user",
                ],
                imports.iter().map(|i| {
                    [
                        i.id.to_string(),
                        i.kind.clone(),
                        i.file.clone(),
                        i.state.label().to_string(),
                        i.rows.to_string(),
                        i.done.to_string(),
                        crate::domain::rfc3339(i.started_at),
                        i.staff.clone(),
                        i.os_user.clone(),
                    ]
                }),
            );
        }
        OutputFormat::Table => {}
    }
    if imports.is_empty() {
        println!("{}", t!("cli-no-imports"));
    }
    for i in imports {
        let when = crate::tui::widgets::local_time(i.started_at);
        let state = crate::service::import_state_text(&i, now);
        let by = t!(
            "cli-import-by",
            when = when,
            staff = crate::text::sanitize(&i.staff).into_owned(),
            user = crate::text::sanitize(&i.os_user).into_owned()
        );
        println!(
            "#{:<5} {} {} {:>9}/{:<9} {by}  {}",
            i.id,
            crate::text::fit(
                crate::transfer::Kind::ALL
                    .into_iter()
                    .find(|k| k.label() == i.kind)
                    .map_or(i.kind.as_str(), |k| k.title()),
                10
            ),
            crate::text::fit(&state, 16),
            i.done,
            i.rows,
            crate::text::sanitize(&i.file)
        );
    }
    Ok(())
}
