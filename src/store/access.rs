//! Table access shared by [`super::Reader`] and [`super::Writer`]: decoding records, following
//! merges, and the index probes both need (generic over redb's readable tables).

use super::codec::{Encoded, Rec, StoredRecord};
use super::error::StoreError;
use super::reader::PhoneHit;
use crate::domain::CustomerId;
use crate::search::TermKind;
use redb::ReadableTable;

/// The largest character: `prefix + MAX_CHAR` is an upper bound for every string with `prefix`.
pub(crate) const MAX_CHAR: char = '\u{10FFFF}';

pub(crate) fn decode<T: StoredRecord>(
    key: impl std::fmt::Display,
    encoded: &Encoded<'_, T>,
) -> Result<T, StoreError> {
    encoded.decode().map_err(|e| StoreError::Corrupt {
        what: T::TYPE_NAME,
        key: key.to_string(),
        reason: e.to_string(),
    })
}

pub(crate) fn get_by_id<T: StoredRecord>(
    table: &impl ReadableTable<u64, Rec<T>>,
    id: u64,
) -> Result<Option<T>, StoreError> {
    match table.get(id)? {
        Some(guard) => Ok(Some(decode(id, &guard.value())?)),
        None => Ok(None),
    }
}

pub(crate) fn get_by_key<T: StoredRecord>(
    table: &impl ReadableTable<&'static str, Rec<T>>,
    key: &str,
) -> Result<Option<T>, StoreError> {
    match table.get(key)? {
        Some(guard) => Ok(Some(decode(key, &guard.value())?)),
        None => Ok(None),
    }
}

/// Follows merge links until reaching a customer that was not merged away.
pub(crate) fn follow_merges(
    merged: &impl ReadableTable<u64, u64>,
    mut id: CustomerId,
) -> Result<CustomerId, StoreError> {
    // A chain longer than this would mean a cycle, which merge never writes.
    for _ in 0..64 {
        match merged.get(id)? {
            Some(next) => id = next.value(),
            None => return Ok(id),
        }
    }
    Ok(id)
}

pub(crate) fn resolve_external(
    ext: &impl ReadableTable<&'static str, u64>,
    merged: &impl ReadableTable<u64, u64>,
    external_id: &str,
) -> Result<Option<CustomerId>, StoreError> {
    match ext.get(external_id.trim())? {
        Some(id) => Ok(Some(follow_merges(merged, id.value())?)),
        None => Ok(None),
    }
}

/// Phone entries whose digits end with `suffix`, at most `limit`.
pub(crate) fn phones_ending_with(
    phones: &impl ReadableTable<(&'static str, u64), ()>,
    suffix: &str,
    limit: usize,
) -> Result<Vec<PhoneHit>, StoreError> {
    let low = crate::search::reversed(suffix);
    let high = format!("{low}{MAX_CHAR}");
    let mut out = Vec::new();
    for entry in phones.range((low.as_str(), 0)..=(high.as_str(), u64::MAX))? {
        let (key, _) = entry?;
        let (reversed_digits, customer) = key.value();
        out.push(PhoneHit {
            digits: crate::search::reversed(reversed_digits),
            customer,
        });
        if out.len() >= limit {
            break;
        }
    }
    Ok(out)
}

/// Customers with a phone that is the same number as `digits` (see
/// [`crate::search::same_phone`]: country prefixes do not count).
pub(crate) fn phone_owners(
    phones: &impl ReadableTable<(&'static str, u64), ()>,
    digits: &str,
) -> Result<Vec<CustomerId>, StoreError> {
    let suffix = &digits[digits.len().saturating_sub(8)..];
    let mut out = Vec::new();
    for hit in phones_ending_with(phones, suffix, 1000)? {
        if crate::search::same_phone(&hit.digits, digits) && !out.contains(&hit.customer) {
            out.push(hit.customer);
        }
    }
    Ok(out)
}

/// Customers holding index term `term` with any of the bits of `kind`.
pub(crate) fn term_owners(
    terms: &impl ReadableTable<(&'static str, u64), u8>,
    term: &str,
    kind: TermKind,
) -> Result<Vec<CustomerId>, StoreError> {
    let mut out = Vec::new();
    for entry in terms.range((term, 0)..=(term, u64::MAX))? {
        let (key, bits) = entry?;
        if bits.value() & kind.0 != 0 {
            out.push(key.value().1);
        }
    }
    Ok(out)
}

/// Keys of a per-customer child index, oldest first.
pub(crate) fn child_keys(
    index: &impl ReadableTable<(u64, i64, &'static str), ()>,
    customer: CustomerId,
) -> Result<Vec<String>, StoreError> {
    let mut out = Vec::new();
    for entry in index.range((customer, i64::MIN, "")..=(customer, i64::MAX, MAX_CHAR_STR))? {
        out.push(entry?.0.value().2.to_string());
    }
    Ok(out)
}

pub(crate) const MAX_CHAR_STR: &str = "\u{10FFFF}";
