//! Importing a file from the workbench: the import runs on a background thread with a gauge on
//! the status line; when it ends its report opens, or, when nothing was written, every bad row
//! with its line and field.

use super::*;
use crate::service::{ImportReport, ServiceError};
use crate::tui::purpose::ImportRequest;

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
        } = request;
        self.importing = Some(ImportProgress {
            name: name.clone(),
            done: 0,
            total: 0,
        });
        self.jobs
            .spawn_reporting(JobKind::Import, move |s, progress| {
                let result = crate::transfer::TableFile::open(&path, format, kind)
                    .map_err(|e| {
                        ServiceError::invalid(
                            "file",
                            t!("cannot-open", path = name.as_str(), reason = e.to_string()),
                        )
                    })
                    .and_then(|file| s.import_file(&file, options, Some(&name), progress));
                JobOutput::Imported(name, result)
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
                let mut lines = vec![report.summary(&name)];
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
