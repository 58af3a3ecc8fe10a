//! `loyal report cross-sell`: what the buyers of one thing also buy, from every order's items
//! (or categories).

use super::{Service, ServiceError};
use crate::domain::Order;
use crate::scoring::CoCounts;
use serde::Serialize;
use std::collections::HashMap;

/// What a basket is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CrossSellBy {
    /// The order's `items` (a list separated by `;`, `,` or `、`)
    #[default]
    Items,
    /// The order's `category`
    Category,
}

/// One rule of the report: buyers of `from` also bought `to`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CrossSellRow {
    pub from: String,
    pub to: String,
    /// Customers who bought both.
    pub customers: u64,
    pub support: f64,
    pub confidence: f64,
    pub lift: f64,
}

/// The report: customers with a basket and the rules above the minimum support.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CrossSellReport {
    pub by: CrossSellBy,
    pub customers: u64,
    pub rules: Vec<CrossSellRow>,
}

/// The most distinct things counted (ids fit in 24 bits beside the customer's 40).
const MAX_THINGS: u32 = 1 << 24;

/// The things an order holds, by `by`.
fn things(order: &Order, by: CrossSellBy) -> impl Iterator<Item = &str> {
    let text = match by {
        CrossSellBy::Items => order.items.as_deref(),
        CrossSellBy::Category => order.category.as_deref(),
    };
    let split: &[char] = match by {
        CrossSellBy::Items => &[';', ',', '、', '，', '；'],
        CrossSellBy::Category => &[],
    };
    text.unwrap_or("")
        .split(split)
        .map(str::trim)
        .filter(|t| !t.is_empty())
}

/// Every customer's basket, counted; with the catalogue's names.
struct Counted {
    names: Vec<String>,
    ids: HashMap<String, u32>,
    counts: CoCounts,
}

/// The co-purchase counts of every customer's items, as of one data version and time.
pub(super) struct Suggester {
    change_counter: u64,
    built: std::time::Instant,
    counted: Counted,
}

impl std::fmt::Debug for Suggester {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Suggester")
            .field("change_counter", &self.change_counter)
            .field("things", &self.counted.names.len())
            .finish_non_exhaustive()
    }
}

/// How long counts of the whole base serve cards after the data moved on (a few orders do
/// not change what the buyers of a thing also buy; the customer's own orders are read fresh).
pub const SUGGESTIONS_REFRESH: std::time::Duration = std::time::Duration::from_secs(600);

/// Something a customer has not bought that buyers of what they have bought usually buy.
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
pub struct Suggestion {
    pub thing: String,
    /// What they bought that it follows from.
    pub because: String,
    /// Share of `because`'s buyers who bought it.
    pub confidence: f64,
    pub lift: f64,
}

fn count(
    orders: impl Iterator<Item = Result<Order, crate::store::StoreError>>,
    by: CrossSellBy,
) -> Result<Counted, ServiceError> {
    let mut ids: HashMap<String, u32> = HashMap::new();
    let mut names: Vec<String> = Vec::new();
    // customer << 24 | thing, 8 bytes an order line, sorted once: baskets without a map of
    // a million vectors.
    let mut pairs: Vec<u64> = Vec::new();
    for order in orders {
        let order = order?;
        for thing in things(&order, by) {
            let id = match ids.get(thing) {
                Some(&id) => id,
                None => {
                    let id = u32::try_from(names.len()).unwrap_or(u32::MAX);
                    if id >= MAX_THINGS {
                        return Err(ServiceError::invalid("items", t!("cross-sell-too-many")));
                    }
                    ids.insert(thing.to_string(), id);
                    names.push(thing.to_string());
                    id
                }
            };
            if order.customer >= 1 << 40 {
                return Err(ServiceError::invalid("customer", t!("cross-sell-too-many")));
            }
            pairs.push(order.customer << 24 | u64::from(id));
        }
    }
    pairs.sort_unstable();
    pairs.dedup();
    let mut counts = CoCounts::new(names.len());
    let mut basket: Vec<u32> = Vec::new();
    let mut at = 0;
    while at < pairs.len() {
        let customer = pairs[at] >> 24;
        basket.clear();
        while at < pairs.len() && pairs[at] >> 24 == customer {
            basket.push((pairs[at] & 0xff_ffff) as u32);
            at += 1;
        }
        counts.add_basket(&mut basket);
    }
    Ok(Counted { names, ids, counts })
}

impl Service {
    /// Up to `limit` things `customer` has not bought that the buyers of their items buy more
    /// often than customers at large (best confidence first). The counts of the whole base
    /// are built once and serve every card until the data changed and
    /// [`SUGGESTIONS_REFRESH`] passed; building them reads every order (seconds at 10M), so
    /// this runs off the screen's thread.
    pub fn suggestions(
        &self,
        customer: crate::domain::CustomerId,
        limit: usize,
    ) -> Result<Vec<Suggestion>, ServiceError> {
        let model = {
            // Held while building: a second card waits for these counts, not for its own.
            // The snapshot a build reads is opened under the lock, so a waiting card holds
            // none.
            let mut kept = self
                .suggester
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            let counter = self.store.read()?.change_counter()?;
            let fresh = kept.as_ref().is_some_and(|m| {
                m.change_counter == counter || m.built.elapsed() < SUGGESTIONS_REFRESH
            });
            if !fresh {
                // The old counts go first: never two sets in memory at once.
                *kept = None;
                let r = self.store.read()?;
                *kept = Some(std::sync::Arc::new(Suggester {
                    change_counter: r.change_counter()?,
                    built: std::time::Instant::now(),
                    counted: count(r.orders()?, CrossSellBy::Items)?,
                }));
            }
            match kept.as_ref() {
                Some(model) => model.clone(),
                None => return Ok(Vec::new()),
            }
        };
        let r = self.store.read()?;
        let counted = &model.counted;
        let mut bought: Vec<u32> = Vec::new();
        for order in r.orders_of(customer)? {
            bought.extend(
                things(&order, CrossSellBy::Items).filter_map(|t| counted.ids.get(t).copied()),
            );
        }
        bought.sort_unstable();
        bought.dedup();
        let name = |id: u32| counted.names[id as usize].clone();
        Ok(counted
            .counts
            .suggest(&bought, limit)
            .into_iter()
            .map(|rule| Suggestion {
                thing: name(rule.to),
                because: name(rule.from),
                confidence: rule.confidence,
                lift: rule.lift,
            })
            .collect())
    }

    /// Rules A -> B over all customers' baskets with support of at least `min_support`.
    pub fn cross_sell_report(
        &self,
        by: CrossSellBy,
        min_support: f64,
    ) -> Result<CrossSellReport, ServiceError> {
        if !(0.0..=1.0).contains(&min_support) {
            return Err(ServiceError::invalid(
                "min_support",
                t!("cross-sell-bad-support"),
            ));
        }
        let r = self.store.read()?;
        let counted = count(r.orders()?, by)?;
        let name = |id: u32| counted.names[id as usize].clone();
        let rules = counted
            .counts
            .rules(min_support)
            .into_iter()
            .map(|rule| CrossSellRow {
                from: name(rule.from),
                to: name(rule.to),
                customers: rule.both,
                support: rule.support,
                confidence: rule.confidence,
                lift: rule.lift,
            })
            .collect();
        Ok(CrossSellReport {
            by,
            customers: counted.counts.customers(),
            rules,
        })
    }
}
