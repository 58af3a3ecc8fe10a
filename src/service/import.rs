//! Applying parsed import rows: all-or-nothing by default (one bad row and nothing is written),
//! or skipping bad rows when asked, with every skipped row and its reason reported. Matching is
//! idempotent: re-importing the same rows changes nothing.

use super::customers::{apply_input, find_duplicates, same_facts};
use super::{CustomerKey, Service, ServiceError};
use crate::domain::{Customer, CustomerId, Money};
use crate::store::{Change, StoreError, Writer};
use crate::transfer::{CustomerInput, Kind, Lined, OrderInput, RowError};
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};

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
}

impl ImportReport {
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

/// Rows in a file: those that parsed plus those that did not (a row can have several errors).
pub(super) fn row_count<T>(inputs: &[Lined<T>], parse_errors: &[RowError]) -> usize {
    let mut bad: Vec<u64> = parse_errors.iter().map(|e| e.line).collect();
    bad.sort_unstable();
    bad.dedup();
    inputs.len() + bad.len()
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

const PROGRESS_EVERY: usize = 4096;

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

    /// Imports customer files: a known `customer_id` updates that file; an unknown one whose
    /// phone or email matches exactly one existing file updates that file (the id becomes an
    /// alias of it, the stored name is kept) with a warning; otherwise a new file is created.
    pub fn import_customers(
        &self,
        inputs: Vec<Lined<CustomerInput>>,
        parse_errors: Vec<RowError>,
        options: ImportOptions,
        progress: Progress<'_>,
    ) -> Result<ImportReport, ServiceError> {
        let total = (inputs.len() + parse_errors.len()) as u64;
        let rows = row_count(&inputs, &parse_errors);
        self.run_import(options, |w| {
            let mut report = ImportReport::new(Kind::Customers, options, rows, parse_errors);
            let mut first_line: HashMap<&str, u64> = HashMap::new();
            for row in &inputs {
                let ext = row.value.external_id.as_str();
                if let Some(reason) = CustomerKey::external_id_problem(ext) {
                    reject(&mut report, row.line, "customer_id", reason);
                } else if let Some(first) = first_line.get(ext) {
                    let reason = t!("row-twice", id = format!("{ext:?}"), first = *first);
                    reject(&mut report, row.line, "customer_id", reason);
                } else {
                    first_line.insert(ext, row.line);
                }
                if row.value.name.trim().is_empty() {
                    reject(&mut report, row.line, "name", t!("row-required"));
                }
            }
            for row in &inputs {
                let Some(Some(referrer)) = &row.value.referred_by else {
                    continue;
                };
                if referrer == &row.value.external_id {
                    reject(
                        &mut report,
                        row.line,
                        "referred_by",
                        t!("customer-refers-self"),
                    );
                } else if !first_line.contains_key(referrer.as_str())
                    && w.resolve_external(referrer)?.is_none()
                {
                    let reason = t!("row-no-referrer", id = format!("{referrer:?}"));
                    reject(&mut report, row.line, "referred_by", reason);
                }
            }
            // A row whose referrer appears only in the file, on a rejected row, goes too (and
            // so on down the chain).
            loop {
                let rejected = report.rejected_lines();
                let mut more = Vec::new();
                for row in inputs.iter().filter(|r| !rejected.contains(&r.line)) {
                    let Some(Some(referrer)) = &row.value.referred_by else {
                        continue;
                    };
                    if let Some(line) = first_line.get(referrer.as_str())
                        && rejected.contains(line)
                        && w.resolve_external(referrer)?.is_none()
                    {
                        more.push((
                            row.line,
                            t!(
                                "row-referrer-rejected",
                                id = format!("{referrer:?}"),
                                line = *line
                            ),
                        ));
                    }
                }
                if more.is_empty() {
                    break;
                }
                for (line, reason) in more {
                    reject(&mut report, line, "referred_by", reason);
                }
            }
            report.gate(options)?;

            let skip = report.rejected_lines();
            w.hold_back_bulk_writes();
            let mut created: HashSet<CustomerId> = HashSet::new();
            let mut ids: HashMap<&str, CustomerId> = HashMap::with_capacity(inputs.len());
            for (done, row) in inputs.iter().enumerate() {
                if done % PROGRESS_EVERY == 0 {
                    progress(done as u64, total);
                }
                if skip.contains(&row.line) {
                    continue;
                }
                let input = &row.value;
                match upsert_customer(w, row.line, input, &created, &mut report)? {
                    Some((id, change)) => {
                        if change == Change::Created {
                            created.insert(id);
                        }
                        ids.insert(input.external_id.as_str(), id);
                        report.count(change);
                    }
                    None => report.gate(options)?,
                }
            }
            for row in &inputs {
                let Some(referrer) = &row.value.referred_by else {
                    continue;
                };
                let Some(&id) = ids.get(row.value.external_id.as_str()) else {
                    continue;
                };
                let target = match referrer {
                    Some(r) => match ids.get(r.as_str()) {
                        Some(&t) => Some(t),
                        None => w.resolve_external(r)?,
                    },
                    None => None,
                };
                let Some(mut customer) = w.customer(id)? else {
                    continue;
                };
                if customer.referred_by != target && target != Some(id) {
                    customer.referred_by = target;
                    w.update_customer(customer)?;
                }
            }
            progress(total, total);
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

/// Creates or updates one customer file from an import row; `None` (with the row rejected)
/// when its phone or email matches several existing files, so it is unclear which it is.
/// Files `created` by this same import are never matched: two new rows are two people.
fn upsert_customer(
    w: &mut Writer<'_>,
    line: u64,
    input: &CustomerInput,
    created: &HashSet<CustomerId>,
    report: &mut ImportReport,
) -> Result<Option<(CustomerId, Change)>, ServiceError> {
    let existing = match w.resolve_external(&input.external_id)? {
        Some(id) => Some(id),
        None => {
            let phones = input.phones.clone().unwrap_or_default();
            let email = input.email.clone().flatten();
            let mut dups = find_duplicates(w, &phones, email.as_deref(), None)?;
            dups.retain(|m| !created.contains(&m.id));
            match dups.as_slice() {
                [] => None,
                [m] => {
                    report.warnings.push(RowWarning {
                        line,
                        message: format!(
                            "{} matches existing customer {} {} by {}: updated that file instead of creating a twin",
                            input.external_id, m.external_id, m.name, m.reason
                        ),
                    });
                    w.add_external_alias(&input.external_id, m.id)?;
                    Some(m.id)
                }
                several => {
                    let names: Vec<String> = several
                        .iter()
                        .map(|m| format!("{} ({})", m.external_id, m.reason))
                        .collect();
                    reject(
                        report,
                        line,
                        "phone",
                        t!("row-several-matches", matches = names.join(", ")),
                    );
                    return Ok(None);
                }
            }
        }
    };
    match existing {
        Some(id) => {
            let current = w.customer(id)?.ok_or(StoreError::MissingCustomer(id))?;
            let mut changed = current.clone();
            let mut input = input.clone();
            if current.external_id != input.external_id.trim() {
                // Found through an alias or a shared phone/email: the row names the same
                // person another way; the file keeps its own name.
                input.name = current.name.clone();
            }
            apply_input(&mut changed, &input);
            if same_facts(&current, &changed) {
                return Ok(Some((id, Change::Unchanged)));
            }
            changed.updated_at = w.now();
            w.update_customer(changed)?;
            Ok(Some((id, Change::Updated)))
        }
        None => {
            let mut customer = Customer::new(input.external_id.trim(), input.name.trim(), w.now());
            apply_input(&mut customer, input);
            Ok(Some((w.insert_customer(customer)?, Change::Created)))
        }
    }
}
