//! Typed import inputs: what a row means once its cells have been checked, before it meets the
//! database. `None` in a customer field means "the file has no such column: keep what is stored".

use crate::domain::{
    CarePlan, Channel, Complaint, CustomerStatus, FollowUp, Gender, Millis, Money,
};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A customer row. Outer `Option`: column present or not; inner: empty cell clears the value.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CustomerInput {
    pub external_id: String,
    pub name: String,
    pub phones: Option<Vec<String>>,
    pub email: Option<Option<String>>,
    pub company: Option<Option<String>>,
    pub city: Option<Option<String>>,
    pub address: Option<Option<String>>,
    pub birthday: Option<Option<NaiveDate>>,
    pub gender: Option<Option<Gender>>,
    pub tags: Option<Vec<String>>,
    /// External id of the referrer.
    pub referred_by: Option<Option<String>>,
    pub owner: Option<Option<String>>,
    pub personality: Option<String>,
    pub interests: Option<String>,
    pub habits: Option<String>,
    pub preferred_channel: Option<Option<Channel>>,
    pub status: Option<CustomerStatus>,
    pub churn_reason: Option<Option<String>>,
    pub created_at: Option<Millis>,
}

/// An order row; the customer by external id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderInput {
    pub order_id: String,
    pub customer_id: String,
    pub ordered_at: Millis,
    pub amount: Money,
    pub items: Option<String>,
    pub category: Option<String>,
    pub channel: Option<String>,
}

/// A follow-up, care plan or complaint row: the record (its `customer` still unset, its `id`
/// empty when the file gave none) and the external id of its customer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChildInput<T> {
    pub customer_id: String,
    pub record: T,
}

pub type FollowUpInput = ChildInput<FollowUp>;
pub type CarePlanInput = ChildInput<CarePlan>;
pub type ComplaintInput = ChildInput<Complaint>;
