//! The customer file: contacts, soft facts, ownership and lifecycle status.

use super::Millis;
use super::labels::{Channel, labelled_enum};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Internal customer number, assigned by the store. Stable; never reused.
pub type CustomerId = u64;

labelled_enum! {
    /// Where the customer stands in the relationship.
    pub enum CustomerStatus as "status" {
        Active = "active" | "正常" | "在用",
        Churned = "churned" | "lost" | "流失",
        WonBack = "won_back" | "wonback" | "won back" | "挽回",
    }
}

labelled_enum! {
    /// Optional, as the customer chose to state it.
    pub enum Gender as "gender" {
        Female = "female" | "f" | "女" | "女士" | "女性",
        Male = "male" | "m" | "男" | "先生" | "男性",
        Other = "other" | "x",
    }
}

/// One customer file.
/// The leading fields of a stored [`Customer`], in the same order: enough to list customers by
/// id and name without decoding their whole files.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct CustomerHead {
    #[serde(with = "crate::domain::internal_key")]
    pub id: CustomerId,
    pub external_id: String,
    pub name: String,
}

/// The first two fields of a stored [`Customer`], borrowed: the id and external id of every
/// customer can be read without one allocation per customer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub struct CustomerIdRef<'a> {
    #[serde(with = "crate::domain::internal_key")]
    pub id: CustomerId,
    #[serde(borrow)]
    pub external_id: &'a str,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Customer {
    #[serde(with = "crate::domain::internal_key")]
    pub id: CustomerId,
    /// The id the company already uses (CRM number, shop account); unique. `customer_id` in
    /// JSON, as in the CSV files (postcard does not store names).
    #[serde(rename = "customer_id")]
    pub external_id: String,
    pub name: String,
    /// As entered; lookups compare digits only.
    pub phones: Vec<String>,
    pub email: Option<String>,
    pub company: Option<String>,
    pub city: Option<String>,
    pub address: Option<String>,
    pub birthday: Option<NaiveDate>,
    pub gender: Option<Gender>,
    pub tags: Vec<String>,
    pub personality: String,
    pub interests: String,
    pub habits: String,
    pub preferred_channel: Option<Channel>,
    #[serde(with = "crate::domain::customer_ref_opt")]
    pub referred_by: Option<CustomerId>,
    /// Staff member who owns the relationship.
    pub owner: Option<String>,
    #[serde(with = "crate::domain::instant")]
    pub created_at: Millis,
    #[serde(with = "crate::domain::instant")]
    pub updated_at: Millis,
    pub status: CustomerStatus,
    pub churn_reason: Option<String>,
    /// Bumped on every save; lets a later save detect that someone else changed the file.
    pub version: u64,
}

impl Customer {
    /// A minimal file with only the required fields set.
    pub fn new(external_id: impl Into<String>, name: impl Into<String>, now: Millis) -> Self {
        Customer {
            id: 0,
            external_id: external_id.into(),
            name: name.into(),
            phones: Vec::new(),
            email: None,
            company: None,
            city: None,
            address: None,
            birthday: None,
            gender: None,
            tags: Vec::new(),
            personality: String::new(),
            interests: String::new(),
            habits: String::new(),
            preferred_channel: None,
            referred_by: None,
            owner: None,
            created_at: now,
            updated_at: now,
            status: CustomerStatus::Active,
            churn_reason: None,
            version: 0,
        }
    }
}

/// What `customer merge` did: kept so the merge can be explained (and OTHER's ids resolved) later.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MergeRecord {
    #[serde(with = "crate::domain::customer_ref")]
    pub kept: CustomerId,
    #[serde(with = "crate::domain::customer_ref")]
    pub merged: CustomerId,
    #[serde(with = "crate::domain::instant")]
    pub at: Millis,
    pub by: String,
    /// The merged file as it was just before the merge.
    pub merged_snapshot: Customer,
    pub moved_orders: u64,
    pub moved_followups: u64,
    pub moved_complaints: u64,
    pub moved_care_plans: u64,
    pub moved_referrals: u64,
}
