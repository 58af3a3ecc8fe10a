//! The customers table of the workbench: one compact row per customer (name, owner, tags,
//! stage, RFM, value class, last contact, next expected order) for sorting and filtering a
//! million customers in memory, built once in the background and refreshed on demand.

use super::local_dates::LocalDates;
use super::reports::{
    SegmentRow, StageRow, ValueRow, pareto_report, segment_report, stage_report, value_report,
};
use super::{ScoreOptions, Service, ServiceError};
use crate::domain::{CustomerId, FollowUp, Money};
use crate::scoring::Pareto;
use crate::scoring::{Rfm, Stage, ValueClass};
use chrono::NaiveDate;
use std::collections::HashMap;

/// One customer as the table sorts and filters it. Names of owners and tags are interned in
/// the [`Roster`] (a few hundred distinct values shared by a million rows).
#[derive(Debug, Clone, PartialEq)]
pub struct RosterRow {
    pub id: CustomerId,
    pub name: Box<str>,
    pub status: crate::domain::CustomerStatus,
    /// Index into [`Roster::owners`].
    pub owner: Option<u32>,
    /// Indexes into [`Roster::tags`].
    pub tags: Box<[u32]>,
    pub stage: Stage,
    pub rfm: Option<Rfm>,
    pub value_class: Option<ValueClass>,
    pub last_contact: Option<NaiveDate>,
    pub last_order: Option<NaiveDate>,
    pub total: Money,
}

/// The reports of one scoring run (the score table itself is not kept: at a million customers
/// it would double the roster's memory).
#[derive(Debug, Clone, PartialEq)]
pub struct ScoreReports {
    pub segments: Vec<SegmentRow>,
    pub stages: Vec<StageRow>,
    pub values: Vec<ValueRow>,
    pub pareto: Pareto,
    /// Customers with an order on or before the date.
    pub scored: usize,
}

/// Every customer's row as of one date, in id order, with the reports of that scoring.
#[derive(Debug, Clone)]
pub struct Roster {
    pub as_of: NaiveDate,
    pub rows: Vec<RosterRow>,
    pub owners: Vec<String>,
    pub tags: Vec<String>,
    pub reports: ScoreReports,
    /// The change counter the roster was read at.
    pub change_counter: u64,
}

impl Roster {
    /// The row of one customer (rows are in id order).
    pub fn row(&self, id: CustomerId) -> Option<&RosterRow> {
        self.rows
            .binary_search_by_key(&id, |r| r.id)
            .ok()
            .map(|i| &self.rows[i])
    }

    pub fn owner_name(&self, row: &RosterRow) -> Option<&str> {
        row.owner
            .and_then(|o| self.owners.get(o as usize))
            .map(String::as_str)
    }

    pub fn has_tag(&self, row: &RosterRow, tag: &str) -> bool {
        row.tags.iter().any(|t| {
            self.tags
                .get(*t as usize)
                .is_some_and(|name| name.eq_ignore_ascii_case(tag))
        })
    }
}

/// Hands out small numbers for repeated strings.
#[derive(Default)]
struct Interner {
    names: Vec<String>,
    index: HashMap<String, u32>,
}

impl Interner {
    fn intern(&mut self, name: &str) -> u32 {
        if let Some(i) = self.index.get(name) {
            return *i;
        }
        let i = u32::try_from(self.names.len()).unwrap_or(u32::MAX);
        self.names.push(name.to_string());
        self.index.insert(name.to_string(), i);
        i
    }
}

impl Service {
    /// Builds the roster: scores as of `options`, the last contact of everyone, and the
    /// customer files, in one read snapshot.
    pub fn roster(&self, options: &ScoreOptions) -> Result<Roster, ServiceError> {
        let r = self.store.read()?;
        let change_counter = r.change_counter()?;
        let scores = self.score(options)?;
        let as_of = scores.params.as_of;
        let reports = ScoreReports {
            segments: segment_report(&scores)?,
            stages: stage_report(&scores),
            values: value_report(&scores)?,
            pareto: pareto_report(&scores)?,
            scored: scores.scores.iter().filter(|s| s.rfm.is_some()).count(),
        };
        // Customers, scores and contact points all come in customer id order: one merge walk,
        // no maps over a million customers.
        let mut dates = LocalDates::default();
        let mut scored = scores.scores.iter().zip(&scores.facts).peekable();
        let mut contacts = r.contact_points(false)?.peekable();
        let mut owners = Interner::default();
        let mut tags = Interner::default();
        let mut rows = Vec::with_capacity(scores.scores.len());
        for customer in r.customers()? {
            let c = customer?;
            while scored.next_if(|(s, _)| s.customer < c.id).is_some() {}
            let score = scored.next_if(|(s, _)| s.customer == c.id);
            let mut last_contact: Option<NaiveDate> = None;
            while let Some(point) =
                contacts.next_if(|p| p.as_ref().map_or(true, |(id, _)| *id <= c.id))
            {
                let (id, at) = point?;
                if id == c.id {
                    let date = dates.date(at);
                    last_contact = Some(last_contact.map_or(date, |d| d.max(date)));
                }
            }
            let orders = score.and_then(|(_, facts)| facts.orders);
            rows.push(RosterRow {
                id: c.id,
                status: c.status,
                name: c.name.into(),
                owner: c.owner.as_deref().map(|o| owners.intern(o)),
                tags: c.tags.iter().map(|t| tags.intern(t)).collect(),
                stage: score.map_or(Stage::Prospect, |(s, _)| s.stage),
                rfm: score.and_then(|(s, _)| s.rfm),
                value_class: score.and_then(|(s, _)| s.value_class),
                last_contact,
                last_order: orders.map(|o| o.last),
                total: orders.map_or(Money(0), |o| o.total),
            });
        }
        Ok(Roster {
            as_of,
            rows,
            owners: owners.names,
            tags: tags.names,
            reports,
            change_counter,
        })
    }

    /// The newest `limit` follow-ups of all customers, newest first.
    pub fn recent_followups(&self, limit: usize) -> Result<Vec<FollowUp>, ServiceError> {
        let r = self.store.read()?;
        let mut newest: std::collections::BinaryHeap<std::cmp::Reverse<(i64, String)>> =
            std::collections::BinaryHeap::new();
        let mut kept: HashMap<String, FollowUp> = HashMap::new();
        for followup in r.followups()? {
            let f = followup?;
            newest.push(std::cmp::Reverse((f.at, f.id.clone())));
            kept.insert(f.id.clone(), f);
            if newest.len() > limit
                && let Some(std::cmp::Reverse((_, dropped))) = newest.pop()
            {
                kept.remove(&dropped);
            }
        }
        let mut out: Vec<FollowUp> = kept.into_values().collect();
        out.sort_by(|a, b| (b.at, &b.id).cmp(&(a.at, &a.id)));
        Ok(out)
    }

    /// Up to `limit` customer ids after `after`, in id order (paging without a roster).
    pub fn customer_ids_after(
        &self,
        after: Option<CustomerId>,
        limit: usize,
    ) -> Result<Vec<CustomerId>, ServiceError> {
        let r = self.store.read()?;
        Ok(r.customers_after(after, limit)?
            .into_iter()
            .map(|c| c.id)
            .collect())
    }

    /// The summaries of `ids` (one read snapshot); `None` for an id that no longer exists.
    pub fn summaries(
        &self,
        ids: &[CustomerId],
    ) -> Result<Vec<Option<super::CustomerSummary>>, ServiceError> {
        let r = self.store.read()?;
        let mut out = Vec::with_capacity(ids.len());
        for id in ids {
            out.push(match r.customer(*id)? {
                Some(c) => Some(super::CustomerSummary::read(&r, &c)?),
                None => None,
            });
        }
        Ok(out)
    }

    /// The number of customer files.
    pub fn customer_count(&self) -> Result<u64, ServiceError> {
        Ok(self.store.read()?.customer_count()?)
    }

    /// How long a save of this process has been waiting for another process's write lock.
    pub fn writer_wait(&self) -> Option<std::time::Duration> {
        self.store.writer_wait()
    }
}
