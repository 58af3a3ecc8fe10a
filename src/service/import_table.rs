//! A whole table of one kind into the database: parsing its rows and choosing the import path
//! (journaled chunks when a source is named, else one transaction), the same for every front
//! end (the command line with its progress bar, the workbench with its gauge).

use super::{ImportOptions, ImportReport, Service, ServiceError};
use crate::transfer::{self, Kind, RawTable};

impl Service {
    /// Parses `table` as `kind` and imports it. With `chunked_source` (the file's name for the
    /// journal) orders, follow-ups, care plans and complaints go in journaled chunks that a
    /// colleague's save can pass between; customers always go in one transaction.
    /// `progress(done, total)` is called as rows are written.
    pub fn import_table(
        &self,
        kind: Kind,
        table: RawTable,
        options: ImportOptions,
        chunked_source: Option<&str>,
        progress: &mut dyn FnMut(u64, u64),
    ) -> Result<ImportReport, ServiceError> {
        match kind {
            Kind::Customers => {
                let parsed = transfer::parse_customers(table);
                self.import_customers(parsed.inputs, parsed.errors, options, progress)
            }
            Kind::Orders => {
                let parsed = transfer::parse_orders(table);
                match chunked_source {
                    Some(source) => self.import_orders_chunked(
                        source,
                        parsed.inputs,
                        parsed.errors,
                        options,
                        progress,
                    ),
                    None => self.import_orders(parsed.inputs, parsed.errors, options, progress),
                }
            }
            Kind::FollowUps | Kind::CarePlans | Kind::Complaints => match chunked_source {
                Some(source) => {
                    self.import_records_chunked(source, &table, kind, options, progress)
                }
                None => match kind {
                    Kind::FollowUps => {
                        let parsed = transfer::parse_followups(&table);
                        self.import_followups(parsed.inputs, parsed.errors, options, progress)
                    }
                    Kind::CarePlans => {
                        let parsed = transfer::parse_care_plans(&table);
                        self.import_care_plans(parsed.inputs, parsed.errors, options, progress)
                    }
                    _ => {
                        let parsed = transfer::parse_complaints(&table);
                        self.import_complaints(parsed.inputs, parsed.errors, options, progress)
                    }
                },
            },
        }
    }
}

impl ImportReport {
    /// One line saying what the import of `name` did (or, dry, would do).
    pub fn summary(&self, name: &str) -> String {
        let rows = self.rows.saturating_sub(self.rejected_rows());
        let kind = self.kind.title();
        let mut line = t!(
            "import-summary",
            name = name,
            dry = if self.dry_run { "yes" } else { "no" },
            rows = rows,
            kind = kind,
            created = self.created,
            updated = self.updated,
            unchanged = self.unchanged
        );
        if self.created_customers > 0 {
            let created = t!("import-summary-created", n = self.created_customers);
            line.push_str(&format!(", {created}"));
        }
        if !self.rejected.is_empty() {
            let skipped = t!("import-summary-skipped", n = self.rejected_rows());
            line.push_str(&format!(", {skipped}"));
        }
        if self.dry_run {
            line.push_str(&format!(" {}", t!("import-summary-dry-note")));
        }
        if let Some(id) = self.import_id {
            line.push_str(&format!(" {}", t!("import-summary-undo", id = id)));
        }
        line
    }
}
