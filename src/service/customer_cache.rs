//! Resolving the customer ids an import file names, once each, and creating minimal files for
//! unknown ones when the user asked for that (`--create-missing`).

use super::ServiceError;
use super::import::{ImportOptions, ImportReport, reject};
use crate::domain::{Customer, CustomerId};
use crate::store::Writer;
use std::collections::HashMap;

/// Resolves the customer ids of a file once each, remembering the unknown ones.
#[derive(Default)]
pub(super) struct CustomerCache {
    known: HashMap<String, Option<CustomerId>>,
    /// Unknown ids to create (with `create_missing`), in first-seen order.
    missing: Vec<String>,
}

impl CustomerCache {
    pub(super) fn check(
        &mut self,
        w: &Writer<'_>,
        line: u64,
        external_id: &str,
        options: ImportOptions,
        report: &mut ImportReport,
    ) -> Result<(), ServiceError> {
        let found = match self.known.get(external_id) {
            Some(found) => *found,
            None => {
                let found = w.resolve_external(external_id)?;
                self.known.insert(external_id.to_string(), found);
                if found.is_none() && options.create_missing {
                    self.missing.push(external_id.to_string());
                }
                found
            }
        };
        if found.is_none() && !options.create_missing {
            reject(
                report,
                line,
                "customer_id",
                format!(
                    "no customer {external_id:?} (import customers first, or pass --create-missing)"
                ),
            );
        }
        Ok(())
    }

    pub(super) fn create_missing(
        &mut self,
        w: &mut Writer<'_>,
        report: &mut ImportReport,
    ) -> Result<(), ServiceError> {
        for external_id in std::mem::take(&mut self.missing) {
            let mut customer = Customer::new(external_id.as_str(), external_id.as_str(), w.now());
            customer.tags.push(String::from("auto-created"));
            let id = w.insert_customer(customer)?;
            self.known.insert(external_id, Some(id));
            report.created_customers += 1;
        }
        Ok(())
    }

    pub(super) fn id(&self, external_id: &str) -> Option<CustomerId> {
        self.known.get(external_id).copied().flatten()
    }
}
