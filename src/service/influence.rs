//! Opinion leaders: noting the influence a customer carries, and the report of what each
//! influencer brought (the customers they referred, those who bought, and their revenue).

use super::customers::{CustomerSummary, resolve_key_read, resolve_key_write};
use super::{CustomerKey, Service, ServiceError};
use crate::domain::{INFLUENCE_NOTE_MAX, Influence, InfluenceKind, Money, Role};
use serde::{Deserialize, Serialize};

/// One influencer and what their word brought.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InfluencerRow {
    pub customer: CustomerSummary,
    pub influence: Influence,
    /// Customers whose file says this customer referred them...
    pub referrals: u64,
    /// ...those of them who placed at least one order...
    pub referred_buyers: u64,
    /// ...and the revenue of all their orders.
    pub referred_revenue: Money,
}

impl Service {
    /// Notes (`Some`) or clears (`None`) the influence `customer` carries; the influence as
    /// it is now. A note longer than [`INFLUENCE_NOTE_MAX`] is refused, not cut.
    pub fn set_influence(
        &self,
        customer: &CustomerKey,
        influence: Option<(InfluenceKind, String)>,
    ) -> Result<Option<Influence>, ServiceError> {
        if let Some((_, note)) = &influence
            && note.trim().chars().count() > INFLUENCE_NOTE_MAX
        {
            return Err(ServiceError::invalid(
                "note",
                t!("influence-note-long", max = INFLUENCE_NOTE_MAX),
            ));
        }
        self.write(Role::Agent, "change customer files", |w| {
            let id = resolve_key_write(w, customer)?;
            let before = w.influence(id)?;
            let now = influence.map(|(kind, note)| Influence {
                kind,
                note: note.trim().to_string(),
                set_by: w.staff().to_string(),
                set_at: w.now(),
            });
            w.set_influence(id, now.as_ref())?;
            let detail = match (&before, &now) {
                (_, Some(i)) if i.note.is_empty() => i.kind.label().to_string(),
                (_, Some(i)) => format!("{}: {}", i.kind.label(), i.note),
                (Some(b), None) => format!("{} -> -", b.kind.label()),
                (None, None) => String::from("-"),
            };
            let subject = w.customer(id)?.map(|c| c.external_id).unwrap_or_default();
            w.audit("customer.influence", Some(id), &subject, &detail)?;
            Ok(now)
        })
    }

    /// The influence noted on `customer`, if any.
    pub fn influence_of(&self, customer: &CustomerKey) -> Result<Option<Influence>, ServiceError> {
        let r = self.store.read()?;
        let id = resolve_key_read(&r, customer)?;
        Ok(r.influence(id)?)
    }

    /// Every influencer with their referrals, referred buyers and the revenue those brought;
    /// most revenue first, then most referrals, then by customer id.
    pub fn influencers_report(&self) -> Result<Vec<InfluencerRow>, ServiceError> {
        let r = self.store.read()?;
        let mut out = Vec::new();
        for (id, influence) in r.influencers()? {
            let Some(customer) = r.customer(id)? else {
                continue;
            };
            let mut row = InfluencerRow {
                customer: CustomerSummary::read(&r, &customer)?,
                influence,
                referrals: 0,
                referred_buyers: 0,
                referred_revenue: Money(0),
            };
            for referred in r.referrals_of(id)? {
                let aggregate = r.aggregate(referred)?;
                row.referrals += 1;
                if aggregate.order_count > 0 {
                    row.referred_buyers += 1;
                    row.referred_revenue = row
                        .referred_revenue
                        .checked_add(aggregate.total)
                        .ok_or_else(|| {
                            ServiceError::invalid(
                                "revenue",
                                crate::domain::TotalOverflow.to_string(),
                            )
                        })?;
                }
            }
            out.push(row);
        }
        out.sort_by(|a, b| {
            b.referred_revenue
                .cmp(&a.referred_revenue)
                .then(b.referrals.cmp(&a.referrals))
                .then(a.customer.external_id.cmp(&b.customer.external_id))
        });
        Ok(out)
    }
}
