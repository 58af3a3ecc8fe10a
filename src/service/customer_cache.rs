//! Resolving the customer ids an import file names, once each, and creating minimal files for
//! unknown ones when the user asked for that (`--create-missing`).

use super::import::{ImportOptions, ImportReport, reject};
use super::{CustomerKey, ServiceError};
use crate::domain::{Customer, CustomerId};
use crate::store::{Reader, StoreError, Writer};
use rustc_hash::FxHashMap;

/// Where an import looks customer ids up: its own write transaction, or a read snapshot when
/// a chunked import validates every row before writing any.
pub(super) trait ResolveExternal {
    fn resolve(&self, external_id: &str) -> Result<Option<CustomerId>, StoreError>;
}

impl ResolveExternal for Writer<'_> {
    fn resolve(&self, external_id: &str) -> Result<Option<CustomerId>, StoreError> {
        self.resolve_external(external_id)
    }
}

impl ResolveExternal for Reader {
    fn resolve(&self, external_id: &str) -> Result<Option<CustomerId>, StoreError> {
        self.resolve_external(external_id)
    }
}

/// Resolves the customer ids of a file once each, remembering the unknown ones.
/// The value [`CustomerCache`] keeps for an id no customer file has (no file's id: ids count
/// up from 1).
const UNKNOWN: CustomerId = CustomerId::MAX;

#[derive(Default)]
pub(super) struct CustomerCache {
    /// External id -> customer id, [`UNKNOWN`] for an id no file has: compact, as an orders
    /// file may name a million customers.
    known: FxHashMap<Box<str>, CustomerId>,
    /// Unknown ids to create (with `create_missing`), in first-seen order.
    missing: Vec<String>,
}

impl CustomerCache {
    pub(super) fn check(
        &mut self,
        w: &impl ResolveExternal,
        line: u64,
        external_id: &str,
        options: ImportOptions,
        report: &mut ImportReport,
    ) -> Result<(), ServiceError> {
        let found = match self.known.get(external_id) {
            Some(&found) => (found != UNKNOWN).then_some(found),
            None => {
                let found = w.resolve(external_id)?;
                self.known
                    .insert(external_id.into(), found.unwrap_or(UNKNOWN));
                if found.is_none()
                    && options.create_missing
                    && CustomerKey::external_id_problem(external_id).is_none()
                {
                    self.missing.push(external_id.to_string());
                }
                found
            }
        };
        if found.is_none()
            && options.create_missing
            && let Some(reason) = CustomerKey::external_id_problem(external_id)
        {
            let reason = t!(
                "row-cannot-create",
                id = format!("{external_id:?}"),
                reason = reason
            );
            reject(report, line, "customer_id", reason);
        }
        if found.is_none() && !options.create_missing {
            reject(
                report,
                line,
                "customer_id",
                t!("row-no-customer", id = format!("{external_id:?}")),
            );
        }
        Ok(())
    }

    /// Creates the missing customers; returns their ids.
    pub(super) fn create_missing(
        &mut self,
        w: &mut Writer<'_>,
        report: &mut ImportReport,
    ) -> Result<Vec<CustomerId>, ServiceError> {
        let mut created = Vec::new();
        for external_id in std::mem::take(&mut self.missing) {
            let mut customer = Customer::new(external_id.as_str(), external_id.as_str(), w.now());
            customer.tags.push(String::from("auto-created"));
            let id = w.insert_customer(customer)?;
            self.known.insert(external_id.into(), id);
            report.created_customers += 1;
            created.push(id);
        }
        Ok(created)
    }

    pub(super) fn id(&self, external_id: &str) -> Option<CustomerId> {
        self.known
            .get(external_id)
            .copied()
            .filter(|&id| id != UNKNOWN)
    }
}
