//! The influence table: the few customers noted as opinion leaders, read one at a time (the
//! card) or all at once (the report, the roster), written one at a time.

use super::access::decode;
use super::codec::Encoded;
use super::error::StoreError;
use super::schema::INFLUENCE;
use super::{Reader, Writer};
use crate::domain::{CustomerId, Influence};
use redb::{ReadableTable, TableError};

impl Reader {
    /// Every customer noted as an influencer, by id. A file from before the table (opened
    /// read-only, not upgraded) has none.
    pub fn influencers(&self) -> Result<Vec<(CustomerId, Influence)>, StoreError> {
        let table = match self.tables.txn().open_table(INFLUENCE) {
            Ok(table) => table,
            Err(TableError::TableDoesNotExist(_)) => return Ok(Vec::new()),
            Err(e) => return Err(e.into()),
        };
        let mut out = Vec::new();
        for entry in table.range::<u64>(..)? {
            let (key, value) = entry?;
            let id = key.value();
            out.push((id, decode(format!("#{id}"), &value.value())?));
        }
        Ok(out)
    }

    /// The influence noted on `customer`, if any.
    pub fn influence(&self, customer: CustomerId) -> Result<Option<Influence>, StoreError> {
        let table = match self.tables.txn().open_table(INFLUENCE) {
            Ok(table) => table,
            Err(TableError::TableDoesNotExist(_)) => return Ok(None),
            Err(e) => return Err(e.into()),
        };
        match table.get(customer)? {
            Some(value) => Ok(Some(decode(format!("#{customer}"), &value.value())?)),
            None => Ok(None),
        }
    }
}

impl Writer<'_> {
    /// The influence noted on `customer` (as this transaction sees it).
    pub fn influence(&self, customer: CustomerId) -> Result<Option<Influence>, StoreError> {
        match self.influence.get(customer)? {
            Some(value) => Ok(Some(decode(format!("#{customer}"), &value.value())?)),
            None => Ok(None),
        }
    }

    /// Notes `influence` on `customer`, or clears it (`None`); the customer counts as changed.
    pub fn set_influence(
        &mut self,
        customer: CustomerId,
        influence: Option<&Influence>,
    ) -> Result<(), StoreError> {
        match influence {
            Some(i) => {
                self.influence.insert(customer, Encoded::encode(i)?)?;
            }
            None => {
                self.influence.remove(customer)?;
            }
        }
        self.touch(customer);
        Ok(())
    }
}
