//! How records become bytes in redb: postcard-encoded values under pinned type names, so that a
//! renamed Rust type can never make an existing database unreadable, and a changed layout must
//! come with a new name and a migration.

use crate::domain::{
    CarePlan, Complaint, Customer, FollowUp, MergeRecord, Money, Order, OrderAggregate,
};
use redb::{TypeName, Value};
use serde::Serialize;
use serde::de::DeserializeOwned;
use std::borrow::Cow;
use std::fmt::Debug;
use std::marker::PhantomData;

/// A record type stored whole in one table value.
pub trait StoredRecord: Serialize + DeserializeOwned + Debug + 'static {
    /// The redb type name; part of the file format. Change it (and migrate) when the layout changes.
    const TYPE_NAME: &'static str;
}

impl StoredRecord for Customer {
    const TYPE_NAME: &'static str = "loyal::Customer@1";
}
impl StoredRecord for Order {
    const TYPE_NAME: &'static str = "loyal::Order@1";
}
impl StoredRecord for crate::domain::PointsEntry {
    const TYPE_NAME: &'static str = "loyal::PointsEntry@1";
}
impl StoredRecord for FollowUp {
    const TYPE_NAME: &'static str = "loyal::FollowUp@1";
}
impl StoredRecord for CarePlan {
    const TYPE_NAME: &'static str = "loyal::CarePlan@2";
}
impl StoredRecord for Complaint {
    const TYPE_NAME: &'static str = "loyal::Complaint@3";
}
impl StoredRecord for crate::domain::AuditEntry {
    const TYPE_NAME: &'static str = "loyal::AuditEntry@1";
}
impl StoredRecord for crate::domain::ImportRecord {
    const TYPE_NAME: &'static str = "loyal::ImportRecord@1";
}
impl StoredRecord for crate::domain::UndoEntry {
    const TYPE_NAME: &'static str = "loyal::UndoEntry@1";
}
impl StoredRecord for MergeRecord {
    const TYPE_NAME: &'static str = "loyal::MergeRecord@1";
}
impl StoredRecord for crate::domain::Influence {
    const TYPE_NAME: &'static str = "loyal::Influence@1";
}
impl StoredRecord for crate::domain::Answer {
    const TYPE_NAME: &'static str = "loyal::Answer@1";
}

/// The redb value type of a table holding records of type `T`.
#[derive(Debug)]
pub struct Rec<T>(PhantomData<T>);

/// Encoded bytes of one `T`, as read from or written to a table. Decoding is explicit so that a
/// damaged value is an error, never a panic.
#[derive(Debug)]
pub struct Encoded<'a, T> {
    bytes: Cow<'a, [u8]>,
    _record: PhantomData<T>,
}

impl<T: StoredRecord> Encoded<'static, T> {
    pub fn encode(value: &T) -> Result<Self, postcard::Error> {
        Ok(Encoded {
            bytes: Cow::Owned(postcard::to_stdvec(value)?),
            _record: PhantomData,
        })
    }
}

impl<T: StoredRecord> Encoded<'_, T> {
    pub fn decode(&self) -> Result<T, postcard::Error> {
        postcard::from_bytes(&self.bytes)
    }

    /// Decodes only the leading fields of the record, as `P` (a struct whose fields are the
    /// first fields of `T`, in order); the rest of the bytes are not read.
    pub fn decode_prefix<P: serde::de::DeserializeOwned>(&self) -> Result<P, postcard::Error> {
        postcard::from_bytes(&self.bytes)
    }

    /// [`Encoded::decode_prefix`] into a struct that borrows its text from the stored bytes.
    pub fn decode_prefix_borrowed<'b, P: serde::Deserialize<'b>>(
        &'b self,
    ) -> Result<P, postcard::Error> {
        postcard::from_bytes(&self.bytes)
    }
}

impl<T: StoredRecord> Value for Rec<T> {
    type SelfType<'a>
        = Encoded<'a, T>
    where
        Self: 'a;
    type AsBytes<'a>
        = &'a [u8]
    where
        Self: 'a;

    fn fixed_width() -> Option<usize> {
        None
    }

    fn from_bytes<'a>(data: &'a [u8]) -> Encoded<'a, T>
    where
        Self: 'a,
    {
        Encoded {
            bytes: Cow::Borrowed(data),
            _record: PhantomData,
        }
    }

    fn as_bytes<'a, 'b: 'a>(value: &'a Encoded<'b, T>) -> &'a [u8]
    where
        Self: 'b,
    {
        &value.bytes
    }

    fn type_name() -> TypeName {
        TypeName::new(T::TYPE_NAME)
    }
}

/// Fixed-width (32 bytes, little endian) encoding of [`OrderAggregate`].
#[derive(Debug)]
pub struct AggregateValue;

const AGGREGATE_WIDTH: usize = 32;

fn le_i64(data: &[u8], at: usize) -> i64 {
    data.get(at..at + 8)
        .and_then(|s| <[u8; 8]>::try_from(s).ok())
        .map_or(0, i64::from_le_bytes)
}

impl Value for AggregateValue {
    type SelfType<'a> = OrderAggregate;
    type AsBytes<'a> = [u8; AGGREGATE_WIDTH];

    fn fixed_width() -> Option<usize> {
        Some(AGGREGATE_WIDTH)
    }

    fn from_bytes<'a>(data: &'a [u8]) -> OrderAggregate
    where
        Self: 'a,
    {
        OrderAggregate {
            first_order_at: le_i64(data, 0),
            last_order_at: le_i64(data, 8),
            order_count: le_i64(data, 16) as u64,
            total: Money(le_i64(data, 24)),
        }
    }

    fn as_bytes<'a, 'b: 'a>(value: &'a OrderAggregate) -> [u8; AGGREGATE_WIDTH]
    where
        Self: 'b,
    {
        let mut out = [0u8; AGGREGATE_WIDTH];
        out[0..8].copy_from_slice(&value.first_order_at.to_le_bytes());
        out[8..16].copy_from_slice(&value.last_order_at.to_le_bytes());
        out[16..24].copy_from_slice(&(value.order_count as i64).to_le_bytes());
        out[24..32].copy_from_slice(&value.total.0.to_le_bytes());
        out
    }

    fn type_name() -> TypeName {
        TypeName::new("loyal::OrderAggregate@1")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aggregate_bytes_round_trip() {
        let agg = OrderAggregate {
            first_order_at: -5,
            last_order_at: 1_700_000_000_000,
            order_count: 42,
            total: Money(-1234),
        };
        let bytes = AggregateValue::as_bytes(&agg);
        assert_eq!(AggregateValue::from_bytes(&bytes), agg);
    }

    #[test]
    fn a_customer_head_is_the_customers_leading_fields() {
        let mut customer = Customer::new("C-9", "Ann Lee", 5);
        customer.id = 42;
        customer.phones.push("555".into());
        customer.email = Some("ann@example.com".into());
        let encoded = Encoded::encode(&customer).unwrap();
        let head: crate::domain::CustomerHead = encoded.decode_prefix().unwrap();
        assert_eq!(
            (head.id, head.external_id.as_str(), head.name.as_str()),
            (42, "C-9", "Ann Lee")
        );
    }

    #[test]
    fn damaged_record_is_an_error_not_a_panic() {
        let encoded = <Rec<Customer> as Value>::from_bytes(&[0xff, 0xff, 0x01]);
        assert!(encoded.decode().is_err());
    }
}
