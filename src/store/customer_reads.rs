//! Reads that keep the workbench's scores current and stream `loyal rfm`: one customer's own
//! file and contact times (no merges followed), and every customer's external id borrowed
//! from the stored bytes (or with its name, decoding nothing else).

use super::codec::{Encoded, StoredRecord};
use super::error::StoreError;
use super::reader::{MAX_CHAR_STR, Reader, get_by_id};
use crate::domain::{Customer, CustomerHead, CustomerId};

impl Reader {
    /// Every customer's id, external id and name, in id order, decoding only those fields.
    pub fn customer_heads(
        &self,
    ) -> Result<impl Iterator<Item = Result<CustomerHead, StoreError>>, StoreError> {
        Ok(self.tables.customers()?.range::<u64>(..)?.map(|entry| {
            let (key, value) = entry?;
            let encoded: Encoded<'_, Customer> = value.value();
            encoded.decode_prefix().map_err(|e| StoreError::Corrupt {
                what: Customer::TYPE_NAME,
                key: key.value().to_string(),
                reason: e.to_string(),
            })
        }))
    }

    /// The file stored under `id` itself (`None` for a file merged away: no merges followed).
    pub fn customer_file(&self, id: CustomerId) -> Result<Option<Customer>, StoreError> {
        get_by_id(self.tables.customers()?, id)
    }

    /// The times of a customer's follow-ups (or complaints), oldest first, from the index.
    pub fn contact_times_of(
        &self,
        customer: CustomerId,
        complaints: bool,
    ) -> Result<Vec<i64>, StoreError> {
        let index = if complaints {
            self.tables.customer_complaints()?
        } else {
            self.tables.customer_followups()?
        };
        let range = (customer, i64::MIN, "")..=(customer, i64::MAX, MAX_CHAR_STR);
        let mut out = Vec::new();
        for entry in index.range(range)? {
            out.push(entry?.0.value().1);
        }
        Ok(out)
    }

    /// Calls `each` with every customer's id and external id, in id order, decoding only those
    /// and allocating nothing per customer.
    pub fn for_each_external_id(
        &self,
        mut each: impl FnMut(CustomerId, &str),
    ) -> Result<(), StoreError> {
        for entry in self.tables.customers()?.range::<u64>(..)? {
            let (key, value) = entry?;
            let encoded: Encoded<'_, Customer> = value.value();
            let head: crate::domain::CustomerIdRef<'_> =
                encoded
                    .decode_prefix_borrowed()
                    .map_err(|e| StoreError::Corrupt {
                        what: Customer::TYPE_NAME,
                        key: key.value().to_string(),
                        reason: e.to_string(),
                    })?;
            each(head.id, head.external_id);
        }
        Ok(())
    }
}
