//! Importing a file from the workbench: the import runs on a background thread with a gauge on
//! the status line; when it ends its report opens, or, when nothing was written, every bad row
//! with its line and field.

use super::*;
use crate::service::{ImportReport, ServiceError};
use crate::tui::purpose::ImportRequest;

/// A refusal with each row error naming its workbook cell (`Sheet1!C17`) where it has one.
fn located(error: ServiceError, file: &crate::transfer::TableFile) -> ServiceError {
    match error {
        ServiceError::Rejected(errors) => ServiceError::Rejected(
            errors
                .into_iter()
                .map(|mut e| {
                    if let Some(cell) = file.cell_name(e.line, &e.field).filter(|_| e.line > 0) {
                        e.field = format!("{cell}: {}", e.field);
                    }
                    e
                })
                .collect(),
        ),
        other => other,
    }
}

/// An import under way, for the gauge.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportProgress {
    pub name: String,
    pub done: u64,
    pub total: u64,
}

impl App {
    pub(super) fn start_import(&mut self, request: ImportRequest) {
        if self.jobs.is_running(JobKind::Import) {
            return self.error(t!("import-running"));
        }
        let ImportRequest {
            path,
            name,
            kind,
            format,
            options,
            map,
            profile,
            sheet,
            encoding,
        } = request;
        self.importing = Some(ImportProgress {
            name: name.clone(),
            done: 0,
            total: 0,
        });
        self.jobs
            .spawn_reporting(JobKind::Import, move |s, progress| {
                let cannot_open = |e: std::io::Error| match crate::transfer::DecodeError::of(&e) {
                    Some(bad) => {
                        ServiceError::invalid("file", format!("{name}:{}: {bad}", bad.line))
                    }
                    None => ServiceError::invalid(
                        "file",
                        t!("cannot-open", path = name.as_str(), reason = e.to_string()),
                    ),
                };
                let map = match &profile {
                    Some(profile) => s.import_profile(profile).map(|mut saved| {
                        saved.extend(&map.to_text()).map(|()| saved).unwrap_or(map)
                    }),
                    None => Ok(map),
                };
                let result = map.and_then(|map| {
                    let file = crate::transfer::TableFile::open_as(&path, format, kind, encoding)
                        .map_err(cannot_open)?
                        .with_map(map)
                        .with_sheet(sheet);
                    let report = s.import_file(&file, options, Some(&name), progress);
                    Ok((report, file.encoding(), file))
                });
                JobOutput::Imported(
                    name,
                    result.and_then(|(report, encoding, file)| {
                        let mut report = report.map_err(|e| located(e, &file))?;
                        if !(encoding.is_utf8() && encoding.how == crate::transfer::Settled::Valid)
                        {
                            report.warnings.insert(
                                0,
                                crate::service::RowWarning {
                                    line: 0,
                                    message: t!("import-read-as", encoding = encoding.name()),
                                },
                            );
                        }
                        Ok(report)
                    }),
                )
            });
    }

    pub(super) fn import_progress(&mut self, done: u64, total: u64) {
        if let Some(importing) = &mut self.importing {
            importing.done = done;
            importing.total = total;
        }
    }

    pub(super) fn imported(&mut self, name: String, result: Result<ImportReport, ServiceError>) {
        self.importing = None;
        match result {
            Ok(report) => {
                if !report.dry_run {
                    // Written: the next import starts from an empty form.
                    self.last_import_form = None;
                }
                let mut lines = vec![report.summary(&name)];
                if report.dry_run {
                    lines.extend(report.mapping_lines());
                }
                for warning in &report.warnings {
                    let at = if warning.line > 0 {
                        format!(":{}", warning.line)
                    } else {
                        String::new()
                    };
                    lines.push(t!(
                        "import-warning",
                        where = format!("{name}{at}"),
                        message = &warning.message
                    ));
                }
                for error in &report.rejected {
                    lines.push(t!("import-skipped", where = format!("{name}:{error}")));
                }
                self.change_counter = self.change_counter_now().unwrap_or(0);
                self.refresh(true);
                self.info(report.summary(&name));
                self.show_report(&t!("import-report"), lines);
            }
            Err(ServiceError::Rejected(errors)) => {
                let mut lines = vec![t!("import-refused-head", name = &name, bad = errors.len())];
                lines.extend(errors.iter().map(|e| format!("{name}:{e}")));
                self.error(t!("import-nothing-written", name = &name));
                self.show_report(&t!("import-refused"), lines);
            }
            Err(ServiceError::Unreadable(e)) => self.error(t!(
                "import-failed",
                name = &name,
                error = format!("{name}:{e}")
            )),
            Err(e) => self.error(t!("import-failed", name = &name, error = e.to_string())),
        }
    }
}
