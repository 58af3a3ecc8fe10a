//! The QA library's table: canned answers read by id or all at once (a library is hundreds of
//! answers, not millions), written and removed one at a time.

use super::access::{decode, get_by_key};
use super::codec::Encoded;
use super::error::StoreError;
use super::schema::ANSWERS;
use super::{Reader, Writer};
use crate::domain::Answer;
use redb::{ReadableTable, TableError};

/// The key of the counter that numbers new answers.
const NEXT_ANSWER: &str = "next.answer";

impl Reader {
    /// Every answer, by id. A file from before the library (opened read-only, not upgraded)
    /// has none.
    pub fn answers(&self) -> Result<Vec<Answer>, StoreError> {
        let table = match self.tables.txn().open_table(ANSWERS) {
            Ok(table) => table,
            Err(TableError::TableDoesNotExist(_)) => return Ok(Vec::new()),
            Err(e) => return Err(e.into()),
        };
        let mut out = Vec::new();
        for entry in table.range::<&str>(..)? {
            let (key, value) = entry?;
            out.push(decode(key.value(), &value.value())?);
        }
        Ok(out)
    }

    /// The answer `id`, if there is one.
    pub fn answer(&self, id: &str) -> Result<Option<Answer>, StoreError> {
        match self.tables.txn().open_table(ANSWERS) {
            Ok(table) => get_by_key(&table, id),
            Err(TableError::TableDoesNotExist(_)) => Ok(None),
            Err(e) => Err(e.into()),
        }
    }
}

impl Writer<'_> {
    /// The answer `id`, if there is one (as this transaction sees it).
    pub fn answer(&self, id: &str) -> Result<Option<Answer>, StoreError> {
        get_by_key(&self.answers, id)
    }

    /// Every answer, by id (as this transaction sees it).
    pub fn answers(&self) -> Result<Vec<Answer>, StoreError> {
        let mut out = Vec::new();
        for entry in self.answers.range::<&str>(..)? {
            let (key, value) = entry?;
            out.push(decode(key.value(), &value.value())?);
        }
        Ok(out)
    }

    /// A new answer id: `A-0001`, `A-0002`, ... (skipping ids an import brought in).
    pub fn next_answer_id(&mut self) -> Result<String, StoreError> {
        loop {
            let n = self.next_counter(NEXT_ANSWER)?;
            let id = format!("A-{n:04}");
            if self.answers.get(id.as_str())?.is_none() {
                return Ok(id);
            }
        }
    }

    /// Writes `answer` under its id, replacing what was there.
    pub fn put_answer(&mut self, answer: &Answer) -> Result<(), StoreError> {
        self.answers
            .insert(answer.id.as_str(), Encoded::encode(answer)?)?;
        Ok(())
    }

    /// Removes the answer `id`; whether there was one.
    pub fn remove_answer(&mut self, id: &str) -> Result<bool, StoreError> {
        Ok(self.answers.remove(id)?.is_some())
    }
}
