//! Applying parsed import rows: all-or-nothing by default (one bad row and nothing is written),
//! or skipping bad rows when asked, with every skipped row and its reason reported. Matching is
//! idempotent: re-importing the same rows changes nothing.

use super::{Service, ServiceError};
use crate::domain::Money;
use crate::store::{Change, StoreError, Writer};
use crate::transfer::{Kind, OrderInput, RowError};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

/// How to import.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportOptions {
    /// Check everything, report what would happen, write nothing.
    pub dry_run: bool,
    /// Import the good rows and report the bad ones instead of aborting.
    pub skip_bad: bool,
    /// Orders and records of an unknown customer create a minimal customer file.
    pub create_missing: bool,
}

/// Something worth knowing about a row that was imported anyway.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RowWarning {
    pub line: u64,
    pub message: String,
}

/// What an import did (or, with `dry_run`, would do).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ImportReport {
    pub kind: Kind,
    pub dry_run: bool,
    pub rows: u64,
    pub created: u64,
    pub updated: u64,
    pub unchanged: u64,
    /// Customer files created for unknown customer ids (`create_missing`).
    pub created_customers: u64,
    pub rejected: Vec<RowError>,
    pub warnings: Vec<RowWarning>,
    /// The journal id of a chunked import (`loyal imports rollback ID` undoes it).
    #[serde(default)]
    pub import_id: Option<u64>,
    /// Columns of the file this kind does not know (ignored).
    #[serde(default)]
    pub unknown_columns: Vec<String>,
    /// Which column of the file became which field, with its first values.
    #[serde(default)]
    pub columns: Vec<crate::transfer::ColumnUse>,
}

impl ImportReport {
    /// Which column of the file became which field, with its samples, as lines under a title
    /// (the dry run's preview, on the command line and in the workbench); none without columns.
    pub fn mapping_lines(&self) -> Vec<String> {
        if self.columns.is_empty() {
            return Vec::new();
        }
        let ignored = t!("cli-mapping-ignored");
        let source_width = self
            .columns
            .iter()
            .map(|c| crate::text::width(&c.source).min(30))
            .max()
            .unwrap_or(0);
        let field_width = self
            .columns
            .iter()
            .map(|c| crate::text::width(c.field.as_deref().unwrap_or(&ignored)))
            .max()
            .unwrap_or(0);
        let mut lines = vec![t!("cli-mapping-title")];
        for column in &self.columns {
            let samples: Vec<String> = column
                .samples
                .iter()
                .map(|s| crate::text::sanitize(s).into_owned())
                .collect();
            lines.push(format!(
                "  {} -> {}  {}",
                crate::text::fit(&column.source, source_width),
                crate::text::fit(column.field.as_deref().unwrap_or(&ignored), field_width),
                samples.join(" | ")
            ));
        }
        lines
    }

    pub(super) fn new(
        kind: Kind,
        options: ImportOptions,
        rows: usize,
        parse_errors: Vec<RowError>,
    ) -> Self {
        ImportReport {
            kind,
            dry_run: options.dry_run,
            rows: rows as u64,
            created: 0,
            updated: 0,
            unchanged: 0,
            created_customers: 0,
            rejected: parse_errors,
            import_id: None,
            warnings: Vec::new(),
            unknown_columns: Vec::new(),
            columns: Vec::new(),
        }
    }

    pub(super) fn count(&mut self, change: Change) {
        match change {
            Change::Created => self.created += 1,
            Change::Updated => self.updated += 1,
            Change::Unchanged => self.unchanged += 1,
        }
    }

    /// Lines that were rejected, for filtering rows out.
    pub(super) fn rejected_lines(&self) -> HashSet<u64> {
        self.rejected.iter().map(|e| e.line).collect()
    }

    /// What the audit trail says the import did (in the words loyal writes its records in).
    pub(super) fn audit_detail(&self) -> String {
        format!(
            "{} rows: {} new, {} updated, {} unchanged, {} skipped, {} customer files created",
            self.rows,
            self.created,
            self.updated,
            self.unchanged,
            self.rejected_rows(),
            self.created_customers
        )
    }

    /// How many rows were rejected (a row can have several errors).
    pub fn rejected_rows(&self) -> u64 {
        self.rejected_lines().len() as u64
    }

    /// Fails the whole import if anything was rejected and bad rows may not be skipped.
    pub(super) fn gate(&mut self, options: ImportOptions) -> Result<(), ServiceError> {
        if !self.rejected.is_empty() && !options.skip_bad {
            self.rejected.sort_by_key(|e| e.line);
            return Err(ServiceError::Rejected(std::mem::take(&mut self.rejected)));
        }
        Ok(())
    }
}

/// The row error of an order whose amount would take its customer's total beyond what a
/// [`Money`] holds; `None` for any other error.
pub(super) fn overflow_row(e: &StoreError, line: u64, input: &OrderInput) -> Option<RowError> {
    matches!(e, StoreError::TotalOverflow { .. }).then(|| RowError {
        line,
        field: String::from("amount"),
        reason: format!(
            "{} would take the order total of customer {} beyond ±{}",
            input.amount,
            input.customer_id,
            Money::MAX_TOTAL
        ),
    })
}

pub(super) fn reject(report: &mut ImportReport, line: u64, field: &str, reason: impl Into<String>) {
    report.rejected.push(RowError {
        line,
        field: field.to_string(),
        reason: reason.into(),
    });
}

/// Called now and then with (rows done, rows in all).
pub type Progress<'a> = &'a mut dyn FnMut(u64, u64);

impl Service {
    pub(super) fn run_import(
        &self,
        options: ImportOptions,
        action: impl FnOnce(&mut Writer<'_>) -> Result<ImportReport, ServiceError>,
    ) -> Result<ImportReport, ServiceError> {
        self.require(crate::domain::Role::Agent, "import")?;
        if options.dry_run {
            return self.store.rehearse(action);
        }
        self.store.write(|w| {
            let report = action(w)?;
            let detail = report.audit_detail();
            w.audit(&format!("import.{}", report.kind), None, "", detail)?;
            Ok(report)
        })
    }
}

pub(super) fn id_column(kind: Kind) -> &'static str {
    match kind {
        Kind::Customers => "customer_id",
        Kind::Orders => "order_id",
        Kind::FollowUps => "followup_id",
        Kind::CarePlans => "care_plan_id",
        Kind::Complaints => "complaint_id",
    }
}

/// Records whose id the importer may assign.
pub trait WithId {
    fn set_id(&mut self, id: String);
}

impl WithId for crate::domain::FollowUp {
    fn set_id(&mut self, id: String) {
        self.id = id;
    }
}
impl WithId for crate::domain::CarePlan {
    fn set_id(&mut self, id: String) {
        self.id = id;
    }
}
impl WithId for crate::domain::Complaint {
    fn set_id(&mut self, id: String) {
        self.id = id;
    }
}
