//! The customers table of the workbench: one compact row per customer (name, owner, tags,
//! stage, RFM, value class, last contact, next expected order) for sorting and filtering a
//! million customers in memory. Built once in the background, then kept current from the
//! store's change log: a commit that touched a few customers costs re-reading those few and
//! one pass of threshold comparisons over the rows ([`crate::scoring::Ranks`]), not a rebuild.

use super::facts::{customer_facts, one_customer_facts};
use super::lifetime::{self, Lifetime, LifetimeFit};
use super::local_dates::LocalDates;
use super::reports::{
    Scored, SegmentRow, StageRow, ValueRow, pareto_of_sorted, segment_rows, stage_rows, value_rows,
};
use super::{ScoreOptions, Service, ServiceError};
use crate::domain::{Customer, CustomerId, FollowUp, Money};
use crate::scoring::clv::ClvTerms;
use crate::scoring::{CustomerFacts, Metrics, OrderSummary, Pareto, ScoringParams};
use crate::scoring::{Rfm, Stage, ValueClass};
use crate::store::{Changed, Reader};
use chrono::NaiveDate;
use std::collections::HashMap;
use std::sync::Arc;

/// One customer as the table sorts and filters it. Names of owners and tags are interned in
/// the [`Roster`] (a few hundred distinct values shared by a million rows); the name and tags
/// are shared with the roster a later update makes, so an update copies no strings.
#[derive(Debug, Clone, PartialEq)]
pub struct RosterRow {
    pub id: CustomerId,
    pub name: Arc<str>,
    pub status: crate::domain::CustomerStatus,
    /// Index into [`Roster::owners`].
    pub owner: Option<u32>,
    /// Indexes into [`Roster::tags`].
    pub tags: Arc<[u32]>,
    pub stage: Stage,
    pub rfm: Option<Rfm>,
    pub value_class: Option<ValueClass>,
    pub last_contact: Option<NaiveDate>,
    pub last_order: Option<NaiveDate>,
    pub total: Money,
    /// The scoring inputs as of the roster's date (see [`CustomerFacts`]).
    pub orders: Option<OrderSummary>,
    pub followups: u32,
    pub complaints: u32,
    pub referred_buyers: u32,
    /// The influence staff noted, for an opinion leader.
    pub influence: Option<crate::domain::InfluenceKind>,
    /// What the lifetime models say (`None`: no order by the date, or no fit).
    pub lifetime: Option<Lifetime>,
}

impl RosterRow {
    /// What scoring knows of this customer.
    pub fn facts(&self) -> CustomerFacts {
        CustomerFacts {
            customer: self.id,
            orders: self.orders,
            followups: u64::from(self.followups),
            complaints: u64::from(self.complaints),
            referred_buyers: u64::from(self.referred_buyers),
        }
    }
}

impl Scored for RosterRow {
    fn rfm(&self) -> Option<&Rfm> {
        self.rfm.as_ref()
    }
    fn value_class(&self) -> Option<ValueClass> {
        self.value_class
    }
    fn stage(&self) -> Stage {
        self.stage
    }
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
#[derive(Debug, Clone, PartialEq)]
pub struct Roster {
    pub as_of: NaiveDate,
    pub rows: Vec<RosterRow>,
    pub owners: Vec<String>,
    pub tags: Vec<String>,
    pub reports: ScoreReports,
    /// The change counter the roster was read at.
    pub change_counter: u64,
    /// What the rows were scored with; another date or rate means a rebuild.
    params: ScoringParams,
    /// The sorted values every score is ranked against.
    metrics: Metrics,
    /// The lifetime models fitted when the roster was built, or why there are none.
    pub lifetime: Result<Arc<LifetimeFit>, String>,
    /// Valuable and slipping away: P(alive) fell over the last 30 days, most CLV first.
    pub slipping: Vec<CustomerId>,
}

impl Roster {
    /// The date and rates the roster was scored with.
    pub fn params(&self) -> &ScoringParams {
        &self.params
    }

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

/// What [`Service::roster_update`] did.
#[derive(Debug)]
pub enum RosterUpdate {
    /// Only what changed was read again.
    Updated(Roster),
    /// Everything was read again.
    Rebuilt(Roster),
    /// Only a rebuild would do, and none was allowed.
    RebuildDue,
}

/// Hands out small numbers for repeated strings.
#[derive(Default)]
struct Interner {
    names: Vec<String>,
    index: HashMap<String, u32>,
}

impl Interner {
    /// An interner that goes on from `names` (the numbers they already have stay).
    fn from_names(names: Vec<String>) -> Interner {
        let index = names
            .iter()
            .enumerate()
            .map(|(i, n)| (n.clone(), u32::try_from(i).unwrap_or(u32::MAX)))
            .collect();
        Interner { names, index }
    }

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

/// What a row is built from besides the file: its facts and its latest follow-up.
fn row_of(
    c: Customer,
    facts: &CustomerFacts,
    last_contact: Option<NaiveDate>,
    influence: Option<crate::domain::InfluenceKind>,
    owners: &mut Interner,
    tags: &mut Interner,
) -> RosterRow {
    let small = |n: u64| u32::try_from(n).unwrap_or(u32::MAX);
    RosterRow {
        id: c.id,
        status: c.status,
        name: c.name.into(),
        owner: c.owner.as_deref().map(|o| owners.intern(o)),
        tags: c.tags.iter().map(|t| tags.intern(t)).collect(),
        // Scored below, against everyone.
        stage: Stage::Prospect,
        rfm: None,
        value_class: None,
        last_contact,
        last_order: facts.orders.map(|o| o.last),
        total: facts.orders.map_or(Money(0), |o| o.total),
        orders: facts.orders,
        followups: small(facts.followups),
        complaints: small(facts.complaints),
        referred_buyers: small(facts.referred_buyers),
        influence,
        lifetime: None,
    }
}

/// The rows scored against `metrics` (which hold every row's orders), and their reports.
fn scored(
    mut rows: Vec<RosterRow>,
    metrics: Metrics,
    owners: Vec<String>,
    tags: Vec<String>,
    params: ScoringParams,
    change_counter: u64,
    lifetime: Result<Arc<LifetimeFit>, String>,
) -> Result<Roster, ServiceError> {
    let ranks = metrics.ranks();
    for row in rows.iter_mut() {
        let score = ranks.score(&row.facts(), &params);
        row.rfm = score.rfm;
        row.value_class = score.value_class;
        row.stage = score.stage;
    }
    let reports = ScoreReports {
        segments: segment_rows(&rows)?,
        stages: stage_rows(&rows),
        values: value_rows(rows.iter().map(|r| (r, r.facts())), &params)?,
        pareto: pareto_of_sorted(metrics.monetary())?,
        scored: metrics.len(),
    };
    let slipping = lifetime::slipping_list(
        rows.iter()
            .filter_map(|r| r.lifetime.as_ref().map(|l| (r.id, l))),
    );
    Ok(Roster {
        as_of: params.as_of,
        rows,
        owners,
        tags,
        reports,
        change_counter,
        params,
        metrics,
        lifetime,
        slipping,
    })
}

/// The date of a customer's latest follow-up (whatever the roster's date, as the table shows).
fn last_followup(
    r: &Reader,
    id: CustomerId,
    dates: &mut LocalDates,
) -> Result<Option<NaiveDate>, ServiceError> {
    let times = r.contact_times_of(id, false)?;
    Ok(times.iter().map(|t| dates.date(*t)).max())
}

/// Beyond this many changed customers, an update sorts the metrics again instead of moving
/// values one by one.
const RESORT_FROM: usize = 512;

impl Service {
    /// Builds the roster: every customer's facts as of `options`, the last contact of
    /// everyone, and the customer files, in one read snapshot; then scores them.
    pub fn roster(&self, options: &ScoreOptions) -> Result<Roster, ServiceError> {
        let params = self.scoring_params(options)?;
        let r = self.store.read()?;
        let change_counter = r.change_counter()?;
        let facts = customer_facts(&r, params.as_of)?;
        // Customers, facts and contact points all come in customer id order: one merge walk,
        // no maps over a million customers.
        let mut dates = LocalDates::default();
        let mut facts_walk = facts.iter().peekable();
        let mut contacts = r.contact_points(false)?.peekable();
        let mut owners = Interner::default();
        let mut tags = Interner::default();
        let mut rows = Vec::with_capacity(facts.len());
        // Opinion leaders are few: a map, not a walk.
        let influence: std::collections::HashMap<CustomerId, crate::domain::InfluenceKind> = r
            .influencers()?
            .into_iter()
            .map(|(id, i)| (id, i.kind))
            .collect();
        for customer in r.customers()? {
            let c = customer?;
            while facts_walk.next_if(|f| f.customer < c.id).is_some() {}
            let none = CustomerFacts {
                customer: c.id,
                orders: None,
                followups: 0,
                complaints: 0,
                referred_buyers: 0,
            };
            let f = facts_walk.next_if(|f| f.customer == c.id).unwrap_or(&none);
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
            let kind = influence.get(&c.id).copied();
            rows.push(row_of(c, f, last_contact, kind, &mut owners, &mut tags));
        }
        drop(facts);
        let lifetime = self.value_lifetimes(&r, &params, change_counter, &mut rows)?;
        let metrics = Metrics::of(rows.iter().filter_map(|row| row.orders.as_ref()));
        scored(
            rows,
            metrics,
            owners.names,
            tags.names,
            params,
            change_counter,
            lifetime,
        )
    }

    /// How lifetime value is counted: twelve months at the scoring margin, discounted at the
    /// team's rate.
    fn clv_terms(&self, params: &ScoringParams) -> Result<ClvTerms, ServiceError> {
        Ok(ClvTerms {
            months: 12,
            margin_rate: params.margin_bp as f64 / 10_000.0,
            annual_discount_rate: super::clv::rate(&self.team_setting("clv.discount_rate")?),
        })
    }

    /// Fits the lifetime models on `r` as of the roster's date and values every row (rows and
    /// histories are both in id order).
    fn value_lifetimes(
        &self,
        r: &Reader,
        params: &ScoringParams,
        change_counter: u64,
        rows: &mut [RosterRow],
    ) -> Result<Result<Arc<LifetimeFit>, String>, ServiceError> {
        let terms = self.clv_terms(params)?;
        let histories = lifetime::all_histories(r, lifetime::day_number(params.as_of))?;
        let (fit, values) = match lifetime::fit_all(&histories, terms, change_counter) {
            Ok(fitted) => fitted,
            Err(why) => return Ok(Err(why)),
        };
        let mut values = histories.iter().map(|(id, _)| *id).zip(values).peekable();
        for row in rows.iter_mut() {
            while values.next_if(|(id, _)| *id < row.id).is_some() {}
            row.lifetime = values.next_if(|(id, _)| *id == row.id).and_then(|(_, v)| v);
        }
        Ok(Ok(Arc::new(fit)))
    }

    /// `previous` brought up to date (see [`Service::roster_update`]), rebuilt when it
    /// cannot be updated.
    pub fn roster_since(
        &self,
        previous: &Roster,
        options: &ScoreOptions,
    ) -> Result<Roster, ServiceError> {
        match self.roster_changes(previous, options)? {
            Some(roster) => Ok(roster),
            None => self.roster(options),
        }
    }

    /// `previous` brought up to date: only the customers the commits since it touched are
    /// read again (and the referrers of those, whose counts of referred buyers may move);
    /// everyone is scored again against the updated metrics. A full [`Service::roster`] is
    /// needed when the date or the rates changed, or the change log cannot say what changed
    /// (a big import chunk): built when `rebuild` allows it, else [`RosterUpdate::RebuildDue`].
    pub fn roster_update(
        &self,
        previous: &Roster,
        options: &ScoreOptions,
        rebuild: bool,
    ) -> Result<RosterUpdate, ServiceError> {
        Ok(match self.roster_changes(previous, options)? {
            Some(roster) => RosterUpdate::Updated(roster),
            None if rebuild => RosterUpdate::Rebuilt(self.roster(options)?),
            None => RosterUpdate::RebuildDue,
        })
    }

    /// `previous` with the changes since it applied; `None` when only a rebuild will do.
    fn roster_changes(
        &self,
        previous: &Roster,
        options: &ScoreOptions,
    ) -> Result<Option<Roster>, ServiceError> {
        let params = self.scoring_params(options)?;
        if params != previous.params {
            return Ok(None);
        }
        // Another discount rate values everyone differently: a rebuild.
        if let Ok(fit) = &previous.lifetime
            && fit.terms != self.clv_terms(&params)?
        {
            return Ok(None);
        }
        let end = lifetime::day_number(params.as_of);
        let r = self.store.read()?;
        let change_counter = r.change_counter()?;
        let ids = match r.changed_since(previous.change_counter)? {
            Changed::Customers(ids) => ids,
            Changed::Everyone => return Ok(None),
        };
        let mut rows = previous.rows.clone();
        let mut metrics = previous.metrics.clone();
        let mut owners = Interner::from_names(previous.owners.clone());
        let mut tags = Interner::from_names(previous.tags.clone());
        let mut dates = LocalDates::default();
        // The files first: a referrer of a changed customer is read again too.
        let mut files: Vec<(CustomerId, Option<Customer>)> = Vec::with_capacity(ids.len());
        let mut referrers: Vec<CustomerId> = Vec::new();
        for id in &ids {
            let file = r.customer_file(*id)?;
            referrers.extend(file.as_ref().and_then(|c| c.referred_by));
            files.push((*id, file));
        }
        referrers.retain(|id| ids.binary_search(id).is_err());
        referrers.sort_unstable();
        referrers.dedup();
        for id in referrers {
            files.push((id, r.customer_file(id)?));
        }
        files.sort_unstable_by_key(|(id, _)| *id);
        let resort = files.len() >= RESORT_FROM;
        for (id, file) in files {
            let at = rows.binary_search_by_key(&id, |row| row.id);
            if let (Ok(i), false) = (at, resort)
                && let Some(orders) = &rows[i].orders
            {
                metrics.remove(orders);
            }
            let Some(c) = file else {
                if let Ok(i) = at {
                    rows.remove(i);
                }
                continue;
            };
            let facts = one_customer_facts(&r, id, params.as_of, &mut dates)?;
            let last_contact = last_followup(&r, id, &mut dates)?;
            let kind = r.influence(c.id)?.map(|i| i.kind);
            let mut row = row_of(c, &facts, last_contact, kind, &mut owners, &mut tags);
            // Valued again with the roster's fit (the models move little with a few orders;
            // the next build fits them again).
            if let Ok(fit) = &previous.lifetime
                && let Some(h) = lifetime::histories_of_customer(&r, id, end, &mut dates)?
            {
                // As in a build: a history the series cannot value is left unvalued.
                row.lifetime = fit.value(&h).ok();
            }
            if let (Some(orders), false) = (&row.orders, resort) {
                metrics.add(orders);
            }
            match at {
                Ok(i) => rows[i] = row,
                Err(i) => rows.insert(i, row),
            }
        }
        if resort {
            metrics = Metrics::of(rows.iter().filter_map(|row| row.orders.as_ref()));
        }
        scored(
            rows,
            metrics,
            owners.names,
            tags.names,
            params,
            change_counter,
            previous.lifetime.clone(),
        )
        .map(Some)
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

    /// The customers the commits after `counter` touched (see [`crate::store::Changed`]).
    pub fn changed_since(&self, counter: u64) -> Result<Changed, ServiceError> {
        Ok(self.store.read()?.changed_since(counter)?)
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
