//! The points ledger's recorded movements (grants, redemptions) as readers see them: one
//! customer's for a balance, all of them for the report and the export.

use super::Reader;
use super::access::decode;
use super::error::StoreError;
use crate::domain::CustomerId;
use redb::TableError;

impl Reader {
    /// A customer's recorded points movements, oldest first. A file from before the ledger
    /// (opened read-only, not upgraded) has none.
    pub fn points_of(
        &self,
        customer: CustomerId,
    ) -> Result<Vec<crate::domain::PointsEntry>, StoreError> {
        let txn = self.tables.txn();
        let (index, table) = match (
            txn.open_table(super::schema::CUSTOMER_POINTS),
            txn.open_table(super::schema::POINTS),
        ) {
            (Ok(index), Ok(table)) => (index, table),
            (Err(TableError::TableDoesNotExist(_)), _)
            | (_, Err(TableError::TableDoesNotExist(_))) => {
                return Ok(Vec::new());
            }
            (Err(e), _) | (_, Err(e)) => return Err(e.into()),
        };
        let mut out = Vec::new();
        for key in super::reader::child_keys(&index, customer)? {
            if let Some(entry) = super::reader::get_by_key(&table, &key)? {
                out.push(entry);
            }
        }
        Ok(out)
    }

    /// Every recorded points movement, by id.
    pub fn points_entries(&self) -> Result<Vec<crate::domain::PointsEntry>, StoreError> {
        let table = match self.tables.txn().open_table(super::schema::POINTS) {
            Ok(table) => table,
            Err(TableError::TableDoesNotExist(_)) => return Ok(Vec::new()),
            Err(e) => return Err(e.into()),
        };
        let mut out = Vec::new();
        for entry in table.range::<&str>(..)? {
            let (key, value) = entry?;
            out.push(decode(key.value().to_string(), &value.value())?);
        }
        Ok(out)
    }
}
