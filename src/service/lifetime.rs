//! Lifetime value in the roster: the BG/NBD and Gamma-Gamma models fitted when the roster is
//! built (in the background, on its read snapshot), kept with it, and every customer's P(alive),
//! purchases expected in the next 90 days and 12-month CLV; a changed customer is valued again
//! with the same fit. Also who is "valuable and slipping away": P(alive) fell over the last 30
//! days, listed by CLV.

use super::local_dates::LocalDates;
use crate::domain::CustomerId;
use crate::scoring::clv::{self, ClvTerms, History, Models};
use crate::store::Reader;
use chrono::{Datelike, NaiveDate};

/// The horizon of "expected purchases" in the workbench.
pub const NEXT_DAYS: u32 = 90;
/// P(alive) is compared with what it was this many days ago...
pub const SLIPPING_WINDOW_DAYS: i32 = 30;
/// ...and a customer is slipping away when it fell by at least this much.
pub const SLIPPING_DROP: f32 = 0.05;
/// The longest "valuable and slipping away" list kept with the roster.
pub const SLIPPING_KEPT: usize = 200;

/// The models as fitted for one roster (one date, one data version), and how values are
/// counted.
#[derive(Debug, Clone, PartialEq)]
pub struct LifetimeFit {
    pub models: Models,
    pub terms: ClvTerms,
    /// Customers the models were fitted on (everyone with an order on or before the date).
    pub customers: usize,
    /// The change counter of the snapshot fitted on.
    pub fitted_at: u64,
}

/// What the models say about one customer (single precision: a million of them ride in the
/// roster).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Lifetime {
    /// Purchase days after the first.
    pub repeats: u32,
    pub p_alive: f32,
    /// P(alive) [`SLIPPING_WINDOW_DAYS`] ago (equal to now for a customer who bought since).
    pub p_alive_before: f32,
    /// Expected purchases in the next [`NEXT_DAYS`] days.
    pub next_purchases: f32,
    /// Lifetime value over the terms' months (`None` when the spend model cannot say).
    pub clv: Option<f32>,
}

impl Lifetime {
    /// A repeat buyer whose P(alive) fell by [`SLIPPING_DROP`] or more over the window.
    pub fn slipping(&self) -> bool {
        self.repeats > 0 && self.p_alive_before - self.p_alive >= SLIPPING_DROP
    }
}

pub(super) fn day_number(date: NaiveDate) -> i32 {
    date.num_days_from_ce()
}

/// A customer's history as of `end` and as of the window before it.
#[derive(Debug, Clone, Copy)]
pub(super) struct Histories {
    pub now: History,
    pub before: Option<History>,
}

/// From a customer's orders as (day number, cents), in any order.
pub(super) fn histories_of(orders: &mut [(i32, i64)], end: i32) -> Option<Histories> {
    let now = History::from_orders(orders, end)?;
    let before = History::from_orders(orders, end - SLIPPING_WINDOW_DAYS);
    Some(Histories { now, before })
}

/// Every customer's histories as of `end` (a day number), in id order, from the order index.
pub(super) fn all_histories(
    r: &Reader,
    end: i32,
) -> Result<Vec<(CustomerId, Histories)>, crate::store::StoreError> {
    let mut dates = LocalDates::default();
    let mut out = Vec::new();
    let mut current: Option<CustomerId> = None;
    let mut orders: Vec<(i32, i64)> = Vec::new();
    let mut flush = |id: Option<CustomerId>, orders: &mut Vec<(i32, i64)>| {
        if let Some(id) = id
            && let Some(h) = histories_of(orders, end)
        {
            out.push((id, h));
        }
        orders.clear();
    };
    for point in r.order_points()? {
        let (customer, at, amount) = point?;
        if current != Some(customer) {
            flush(current, &mut orders);
            current = Some(customer);
        }
        orders.push((day_number(dates.date(at)), amount.0));
    }
    flush(current, &mut orders);
    Ok(out)
}

/// One customer's histories, read from their orders in the index.
pub(super) fn histories_of_customer(
    r: &Reader,
    id: CustomerId,
    end: i32,
    dates: &mut LocalDates,
) -> Result<Option<Histories>, crate::store::StoreError> {
    let mut orders: Vec<(i32, i64)> = r
        .order_points_of(id)?
        .into_iter()
        .map(|(at, amount)| (day_number(dates.date(at)), amount.0))
        .collect();
    Ok(histories_of(&mut orders, end))
}

impl LifetimeFit {
    /// One customer's value under this fit.
    pub(super) fn value(&self, h: &Histories) -> Result<Lifetime, clv::SeriesError> {
        let next = f64::from(NEXT_DAYS) / 7.0;
        let v = self.models.value(&h.now, next, &self.terms)?;
        if !(v.p_alive.is_finite()
            && v.expected_purchases.is_finite()
            && v.clv.is_none_or(f64::is_finite))
        {
            return Err(clv::SeriesError::NotConverged {
                terms: 0,
                z: f64::NAN,
            });
        }
        let before = h.before.map_or(v.p_alive, |b| {
            self.models.bgnbd.p_alive(b.x, b.t_x_weeks(), b.t_weeks())
        });
        // A purchase since the window began is no slip, whatever the numbers say.
        let bought_since = h.before.is_none_or(|b| b.x != h.now.x);
        Ok(Lifetime {
            repeats: h.now.x,
            p_alive: v.p_alive as f32,
            p_alive_before: if bought_since { v.p_alive } else { before } as f32,
            next_purchases: v.expected_purchases as f32,
            clv: v.clv.map(|c| c as f32),
        })
    }
}

/// `each` over `items`, the two halves on the machine's two cores, results in order.
pub(super) fn on_two_threads<T: Sync, U: Send, E: Send>(
    items: &[T],
    each: impl Fn(&T) -> Result<U, E> + Sync,
) -> Result<Vec<U>, E> {
    let (front, back) = items.split_at(items.len() / 2);
    let all = |part: &[T]| -> Result<Vec<U>, E> { part.iter().map(&each).collect() };
    let (front, back) = std::thread::scope(|s| {
        let back = s.spawn(|| all(back));
        let front = all(front);
        (
            front,
            back.join().unwrap_or_else(|p| std::panic::resume_unwind(p)),
        )
    });
    let mut out = front?;
    out.extend(back?);
    Ok(out)
}

/// The fit and every customer's value, for a roster being built; `Err` says why there is no
/// fit (too few customers with repeat purchases, say), which the workbench shows instead.
pub(super) fn fit_all(
    histories: &[(CustomerId, Histories)],
    terms: ClvTerms,
    fitted_at: u64,
) -> Result<(LifetimeFit, Vec<Option<Lifetime>>), String> {
    let now: Vec<History> = histories.iter().map(|(_, h)| h.now).collect();
    let models = clv::fit(&now).map_err(|e| e.to_string())?;
    let fit = LifetimeFit {
        models,
        terms,
        customers: now.len(),
        fitted_at,
    };
    // A history the series cannot value (far outside the fitted range) is left unvalued
    // rather than costing everyone their values.
    let values = on_two_threads(histories, |(_, h)| {
        Ok::<_, std::convert::Infallible>(fit.value(h).ok())
    })
    .unwrap_or_default();
    Ok((fit, values))
}

/// The "valuable and slipping away" list: who is slipping, most CLV first, at most
/// [`SLIPPING_KEPT`].
pub fn slipping_list<'a>(
    rows: impl Iterator<Item = (CustomerId, &'a Lifetime)>,
) -> Vec<CustomerId> {
    let mut slipping: Vec<(f32, CustomerId)> = rows
        .filter(|(_, l)| l.slipping())
        .map(|(id, l)| (l.clv.unwrap_or(0.0), id))
        .collect();
    let by_value =
        |a: &(f32, CustomerId), b: &(f32, CustomerId)| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1));
    if slipping.len() > SLIPPING_KEPT {
        slipping.select_nth_unstable_by(SLIPPING_KEPT - 1, by_value);
        slipping.truncate(SLIPPING_KEPT);
    }
    slipping.sort_by(by_value);
    slipping.into_iter().map(|(_, id)| id).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fit() -> LifetimeFit {
        LifetimeFit {
            models: clv::published_cdnow(),
            terms: ClvTerms::default(),
            customers: 0,
            fitted_at: 0,
        }
    }

    #[test]
    fn a_frequent_buyer_gone_quiet_is_slipping_and_a_recent_buyer_is_not() {
        // Bought every two weeks for a year, then nothing for 60 days.
        let mut quiet: Vec<(i32, i64)> = (0..27).map(|i| (i * 14, 5000)).collect();
        let end = 26 * 14 + 60;
        let h = histories_of(&mut quiet, end).unwrap();
        let v = fit().value(&h).unwrap();
        assert!(v.p_alive_before - v.p_alive >= SLIPPING_DROP, "{v:?}");
        assert!(v.slipping());
        // The same buyer with a purchase ten days ago: P(alive) went up, no slip.
        quiet.push((end - 10, 5000));
        let h = histories_of(&mut quiet, end).unwrap();
        let v = fit().value(&h).unwrap();
        assert_eq!(v.p_alive, v.p_alive_before);
        assert!(!v.slipping());
        // One purchase only: P(alive) is 1 in BG/NBD, never slipping.
        let h = histories_of(&mut [(0, 100)], 400).unwrap();
        let v = fit().value(&h).unwrap();
        assert_eq!(v.p_alive, 1.0);
        assert!(!v.slipping());
    }

    #[test]
    fn the_workbench_values_agree_with_the_clv_command() {
        let mut orders = vec![(0, 1000), (30, 2000), (61, 1500), (200, 3000)];
        let h = histories_of(&mut orders, 300).unwrap();
        let f = fit();
        let v = f.value(&h).unwrap();
        let want = f.models.value(&h.now, 90.0 / 7.0, &f.terms).unwrap();
        assert_eq!(v.p_alive, want.p_alive as f32);
        assert_eq!(v.next_purchases, want.expected_purchases as f32);
        assert_eq!(v.clv, want.clv.map(|c| c as f32));
        assert_eq!(v.repeats, 3);
    }

    #[test]
    fn the_slipping_list_keeps_the_most_valuable_first() {
        let slip = |clv: f32| Lifetime {
            repeats: 2,
            p_alive: 0.4,
            p_alive_before: 0.6,
            next_purchases: 0.1,
            clv: Some(clv),
        };
        let steady = Lifetime {
            p_alive_before: 0.42,
            ..slip(1e6)
        };
        let rows: Vec<(CustomerId, Lifetime)> = (0..500u64)
            .map(|i| (i, if i == 7 { steady } else { slip(i as f32) }))
            .collect();
        let list = slipping_list(rows.iter().map(|(id, l)| (*id, l)));
        assert_eq!(list.len(), SLIPPING_KEPT);
        assert_eq!(list[0], 499);
        assert_eq!(list[SLIPPING_KEPT - 1], 300);
        assert!(!list.contains(&7));
    }
}
