//! Customer files through the service: the card, adding with duplicate warnings, applying
//! field changes, and merging two files.

use super::{CustomerKey, Service, ServiceError};
use crate::domain::Role;
use crate::domain::{
    CarePlan, Complaint, Customer, CustomerId, CustomerStatus, FollowUp, Millis, Money, Order,
    OrderAggregate,
};
use crate::store::{MergeCounts, Reader, StoreError, Writer};
use crate::transfer::CustomerInput;
use serde::{Deserialize, Serialize};

/// The few facts shown in a result list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CustomerSummary {
    #[serde(with = "crate::domain::internal_key")]
    pub id: CustomerId,
    #[serde(rename = "customer_id")]
    pub external_id: String,
    pub name: String,
    pub phones: Vec<String>,
    pub email: Option<String>,
    pub company: Option<String>,
    pub city: Option<String>,
    pub owner: Option<String>,
    pub status: CustomerStatus,
    pub order_count: u64,
    pub total: Money,
    #[serde(with = "crate::domain::instant_opt")]
    pub last_order_at: Option<Millis>,
}

impl CustomerSummary {
    /// The summary of a stored customer, with its order aggregate read from `r`.
    pub fn read(r: &Reader, c: &Customer) -> Result<Self, StoreError> {
        Ok(Self::new(c, r.aggregate(c.id)?))
    }

    pub fn new(c: &Customer, aggregate: OrderAggregate) -> Self {
        CustomerSummary {
            id: c.id,
            external_id: c.external_id.clone(),
            name: c.name.clone(),
            phones: c.phones.clone(),
            email: c.email.clone(),
            company: c.company.clone(),
            city: c.city.clone(),
            owner: c.owner.clone(),
            status: c.status,
            order_count: aggregate.order_count,
            total: aggregate.total,
            last_order_at: (aggregate.order_count > 0).then_some(aggregate.last_order_at),
        }
    }
}

/// One entry of a customer's timeline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "type", content = "record")]
pub enum TimelineEntry {
    Order(Order),
    FollowUp(FollowUp),
    CarePlan(CarePlan),
    Complaint(Box<Complaint>),
}

impl TimelineEntry {
    pub fn at(&self) -> Millis {
        use crate::store::ChildRecord;
        match self {
            TimelineEntry::Order(o) => o.ordered_at,
            TimelineEntry::FollowUp(f) => f.sort_time(),
            TimelineEntry::CarePlan(p) => p.sort_time(),
            TimelineEntry::Complaint(c) => c.sort_time(),
        }
    }
}

/// Everything about one customer, for `customer show` and the customer card.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CustomerCard {
    pub customer: Customer,
    pub aggregate: OrderAggregate,
    pub referred_by: Option<CustomerSummary>,
    pub referrals: Vec<CustomerSummary>,
    /// External ids of files merged into this one.
    pub merged_ids: Vec<String>,
    /// Orders, follow-ups, care plans and complaints, newest first.
    pub timeline: Vec<TimelineEntry>,
    /// The latest change to this customer: who, when, what.
    pub last_change: Option<crate::domain::AuditEntry>,
    /// The influence staff noted, for an opinion leader.
    pub influence: Option<crate::domain::Influence>,
}

/// An existing file that looks like the same person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DuplicateMatch {
    #[serde(with = "crate::domain::internal_key")]
    pub id: CustomerId,
    #[serde(rename = "customer_id")]
    pub external_id: String,
    pub name: String,
    /// `phone 13800138000` or `email a@b.c`.
    pub reason: String,
}

/// A new customer for `customer add`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NewCustomer {
    pub input: CustomerInput,
    /// Create it even if the phone or email matches an existing file.
    pub allow_duplicate: bool,
}

/// Where duplicates are looked for: a write transaction, or an import's read snapshot.
pub(super) trait Owners {
    fn phone_owners(&self, digits: &str) -> Result<Vec<CustomerId>, StoreError>;
    fn email_owners(&self, email: &str) -> Result<Vec<CustomerId>, StoreError>;
    fn customer(&self, id: CustomerId) -> Result<Option<Customer>, StoreError>;
}

impl Owners for Writer<'_> {
    fn phone_owners(&self, digits: &str) -> Result<Vec<CustomerId>, StoreError> {
        Writer::phone_owners(self, digits)
    }
    fn email_owners(&self, email: &str) -> Result<Vec<CustomerId>, StoreError> {
        Writer::email_owners(self, email)
    }
    fn customer(&self, id: CustomerId) -> Result<Option<Customer>, StoreError> {
        Writer::customer(self, id)
    }
}

impl Owners for Reader {
    fn phone_owners(&self, digits: &str) -> Result<Vec<CustomerId>, StoreError> {
        Reader::phone_owners(self, digits)
    }
    fn email_owners(&self, email: &str) -> Result<Vec<CustomerId>, StoreError> {
        self.term_owners(&email.trim().to_lowercase(), crate::search::TermKind::EMAIL)
    }
    fn customer(&self, id: CustomerId) -> Result<Option<Customer>, StoreError> {
        Reader::customer(self, id)
    }
}

/// Files that share a phone number or the email of `phones`/`email`, excluding `except`.
pub(super) fn find_duplicates<O: Owners>(
    w: &O,
    phones: &[String],
    email: Option<&str>,
    except: Option<CustomerId>,
) -> Result<Vec<DuplicateMatch>, StoreError> {
    let mut out: Vec<DuplicateMatch> = Vec::new();
    let mut push = |id: CustomerId, reason: String, w: &O| -> Result<(), StoreError> {
        if Some(id) == except || out.iter().any(|m| m.id == id) {
            return Ok(());
        }
        if let Some(c) = w.customer(id)? {
            out.push(DuplicateMatch {
                id,
                external_id: c.external_id,
                name: c.name,
                reason,
            });
        }
        Ok(())
    };
    for phone in phones {
        let digits = crate::search::phone_digits(phone);
        if digits.len() < 3 {
            continue;
        }
        for id in w.phone_owners(&digits)? {
            push(id, format!("phone {digits}"), w)?;
        }
    }
    if let Some(email) = email {
        for id in w.email_owners(email)? {
            push(id, format!("email {}", email.trim().to_lowercase()), w)?;
        }
    }
    Ok(out)
}

/// Applies the fields present in `input` to `c` (not `referred_by`, which needs the other file
/// resolved, nor the external id).
pub(super) fn apply_input(c: &mut Customer, input: &CustomerInput) {
    c.name = input.name.trim().to_string();
    if let Some(phones) = &input.phones {
        c.phones = phones.clone();
    }
    macro_rules! set {
        ($($field:ident),+) => {
            $(if let Some(value) = &input.$field {
                c.$field = value.clone();
            })+
        };
    }
    set!(
        email,
        company,
        city,
        address,
        birthday,
        gender,
        tags,
        owner,
        personality,
        interests
    );
    set!(habits, preferred_channel, churn_reason);
    if let Some(status) = input.status {
        c.status = status;
    }
    if let Some(created_at) = input.created_at {
        c.created_at = created_at;
    }
}

/// The names of the fields that differ between two versions of a file.
pub(super) fn changed_fields(a: &Customer, b: &Customer) -> Vec<&'static str> {
    let mut out = Vec::new();
    macro_rules! check {
        ($($field:ident),+) => {
            $(if a.$field != b.$field {
                out.push(stringify!($field));
            })+
        };
    }
    check!(
        external_id,
        name,
        phones,
        email,
        company,
        city,
        address,
        birthday,
        gender,
        tags
    );
    check!(
        personality,
        interests,
        habits,
        preferred_channel,
        referred_by,
        owner,
        status,
        churn_reason
    );
    out
}

/// The refusal of a save made against an older version: who changed the record last, when.
pub(super) fn stale(
    w: &Writer<'_>,
    what: &str,
    version: u64,
    customer: Option<CustomerId>,
) -> Result<ServiceError, StoreError> {
    let last = w.last_audit(customer, what)?;
    Ok(ServiceError::Stale {
        what: what.to_string(),
        version,
        by: last.as_ref().map_or_else(
            || String::from("someone"),
            |e| format!("{} ({})", e.staff, e.os_user),
        ),
        at: last.map_or_else(String::new, |e| super::local_time(e.at)),
    })
}

/// Whether two versions of a file differ in anything but bookkeeping.
pub(super) fn same_facts(a: &Customer, b: &Customer) -> bool {
    let strip = |c: &Customer| Customer {
        updated_at: 0,
        version: 0,
        ..c.clone()
    };
    strip(a) == strip(b)
}

pub(super) fn resolve_key_read(r: &Reader, key: &CustomerKey) -> Result<CustomerId, ServiceError> {
    let found = match key {
        CustomerKey::External(ext) => r.resolve_external(ext)?,
        CustomerKey::Internal(id) => r.resolve_id(*id)?,
    };
    found.ok_or_else(|| ServiceError::UnknownCustomer(key.to_string()))
}

pub(super) fn resolve_key_write(
    w: &Writer<'_>,
    key: &CustomerKey,
) -> Result<CustomerId, ServiceError> {
    let found = match key {
        CustomerKey::External(ext) => w.resolve_external(ext)?,
        CustomerKey::Internal(id) => w.resolve_id(*id)?,
    };
    found.ok_or_else(|| ServiceError::UnknownCustomer(key.to_string()))
}

impl Service {
    /// The internal id a key names (following merges).
    pub fn resolve(&self, key: &CustomerKey) -> Result<CustomerId, ServiceError> {
        resolve_key_read(&self.store.read()?, key)
    }

    /// The full card of one customer; `timeline_limit` caps the timeline (newest kept).
    pub fn customer_card(
        &self,
        key: &CustomerKey,
        timeline_limit: usize,
    ) -> Result<CustomerCard, ServiceError> {
        let r = self.store.read()?;
        let id = resolve_key_read(&r, key)?;
        let customer = r
            .customer(id)?
            .ok_or_else(|| ServiceError::UnknownCustomer(key.to_string()))?;
        let summary = |id: CustomerId| -> Result<Option<CustomerSummary>, StoreError> {
            r.customer(id)?
                .map(|c| CustomerSummary::read(&r, &c))
                .transpose()
        };
        let referred_by = match customer.referred_by {
            Some(referrer) => summary(referrer)?,
            None => None,
        };
        let mut referrals = Vec::new();
        for referred in r.referrals_of(id)? {
            referrals.extend(summary(referred)?);
        }
        let mut timeline: Vec<TimelineEntry> = Vec::new();
        timeline.extend(r.orders_of(id)?.into_iter().map(TimelineEntry::Order));
        timeline.extend(r.followups_of(id)?.into_iter().map(TimelineEntry::FollowUp));
        timeline.extend(
            r.care_plans_of(id)?
                .into_iter()
                .map(TimelineEntry::CarePlan),
        );
        timeline.extend(
            r.complaints_of(id)?
                .into_iter()
                .map(|c| TimelineEntry::Complaint(Box::new(c))),
        );
        timeline.sort_by_key(|e| std::cmp::Reverse(e.at()));
        timeline.truncate(timeline_limit);
        let mut merged_ids = Vec::new();
        for merged in r.merged_from(id)? {
            if let Some(record) = r.merge_record(merged)? {
                merged_ids.push(record.merged_snapshot.external_id);
            }
        }
        let last_change = r.audit_entries(Some(id), 1, |_| true)?.into_iter().next();
        Ok(CustomerCard {
            last_change,
            influence: r.influence(id)?,
            aggregate: r.aggregate(id)?,
            customer,
            referred_by,
            referrals,
            merged_ids,
            timeline,
        })
    }

    /// Creates a customer file. Refuses (naming the match) when a file with the same phone or
    /// email exists, unless `allow_duplicate` is set.
    pub fn add_customer(&self, new: NewCustomer) -> Result<Customer, ServiceError> {
        let input = new.input;
        if let Some(reason) = CustomerKey::external_id_problem(&input.external_id) {
            return Err(ServiceError::invalid("customer_id", reason));
        }
        if input.name.trim().is_empty() {
            return Err(ServiceError::invalid("name", "is required"));
        }
        self.write(Role::Agent, "change customer files", |w| {
            if w.resolve_external(&input.external_id)?.is_some() {
                return Err(ServiceError::invalid(
                    "customer_id",
                    t!("customer-exists", id = input.external_id.trim()),
                ));
            }
            if !new.allow_duplicate {
                let phones = input.phones.clone().unwrap_or_default();
                let email = input.email.clone().flatten();
                let dups = find_duplicates(w, &phones, email.as_deref(), None)?;
                if !dups.is_empty() {
                    return Err(ServiceError::PossibleDuplicate(dups));
                }
            }
            let now = w.now();
            let mut customer = Customer::new(input.external_id.trim(), input.name.trim(), now);
            apply_input(&mut customer, &input);
            if let Some(Some(referrer)) = &input.referred_by {
                let id = w.resolve_external(referrer)?.ok_or_else(|| {
                    ServiceError::invalid("referred_by", format!("no customer {referrer:?}"))
                })?;
                customer.referred_by = Some(id);
            }
            let name = customer.name.clone();
            let id = w.insert_customer(customer)?;
            w.audit("customer.add", Some(id), input.external_id.trim(), name)?;
            Ok(w.customer(id)?.ok_or(StoreError::MissingCustomer(id))?)
        })
    }

    /// Changes the fields present in `input` on the file `key` names.
    pub fn update_customer(
        &self,
        key: &CustomerKey,
        input: &CustomerInput,
        expected_version: Option<u64>,
    ) -> Result<Customer, ServiceError> {
        self.write(Role::Agent, "change customer files", |w| {
            let id = resolve_key_write(w, key)?;
            let mut customer = w
                .customer(id)?
                .ok_or_else(|| ServiceError::UnknownCustomer(key.to_string()))?;
            if let Some(expected) = expected_version
                && expected != customer.version
            {
                return Err(stale(w, &customer.external_id, customer.version, Some(id))?);
            }
            let before = customer.clone();
            let mut input = input.clone();
            if input.name.trim().is_empty() {
                input.name = customer.name.clone();
            }
            apply_input(&mut customer, &input);
            if let Some(referrer) = &input.referred_by {
                customer.referred_by = match referrer {
                    Some(r) => {
                        let rid = w.resolve_external(r)?.ok_or_else(|| {
                            ServiceError::invalid("referred_by", format!("no customer {r:?}"))
                        })?;
                        if rid == id {
                            return Err(ServiceError::invalid(
                                "referred_by",
                                t!("customer-refers-self"),
                            ));
                        }
                        Some(rid)
                    }
                    None => None,
                };
            }
            customer.updated_at = w.now();
            let saved = w.update_customer(customer)?;
            let fields = changed_fields(&before, &saved);
            w.audit(
                "customer.update",
                Some(id),
                &saved.external_id,
                fields.join(", "),
            )?;
            Ok(saved)
        })
    }

    /// Folds `other` into `keep` (see [`Writer::merge_customers`]).
    pub fn merge_customers(
        &self,
        keep: &CustomerKey,
        other: &CustomerKey,
    ) -> Result<(Customer, MergeCounts), ServiceError> {
        self.write(Role::Admin, "merge (delete) customer files", |w| {
            let keep_id = resolve_key_write(w, keep)?;
            let other_id = resolve_key_write(w, other)?;
            if keep_id == other_id {
                return Err(ServiceError::invalid(
                    "OTHER",
                    t!("customer-same-file", other = other.to_string(), keep = keep.to_string()),
                ));
            }
            let (customer, moved) = w.merge_customers(keep_id, other_id)?;
            let detail = format!(
                "merged {other}: {} orders, {} follow-ups, {} complaints, {} care plans, {} referrals",
                moved.orders, moved.followups, moved.complaints, moved.care_plans, moved.referrals
            );
            w.audit("customer.merge", Some(keep_id), &customer.external_id, detail)?;
            Ok((customer, moved))
        })
    }
}
