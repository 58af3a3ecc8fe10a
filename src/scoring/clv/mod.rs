//! Who is still a customer and what each is worth: the BG/NBD model of repeat purchasing, the
//! Gamma-Gamma model of spend, and customer lifetime value from the two, as pure functions of
//! each customer's purchase days. Definitions (README, "Lifetime value"): for a calibration
//! end date E and a customer whose first order is on or before E, orders of one calendar day
//! are one purchase; x is the number of purchase days after the first, t_x the weeks from the
//! first to the last, T the weeks from the first to E.

mod bgnbd;
mod gamma_gamma;
mod optimize;
mod special;

pub use bgnbd::{BgNbd, FitError};
pub use gamma_gamma::GammaGamma;
pub use special::{SeriesError, hyp2f1};

/// One customer's history as the models see it (days are whole calendar days).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct History {
    /// Purchase days after the first (repeat purchases).
    pub x: u32,
    /// Days from the first purchase day to the last.
    pub t_x_days: u32,
    /// Days from the first purchase day to the calibration end.
    pub t_days: u32,
    /// What the repeat purchase days (every day but the first) add up to, in cents.
    pub repeat_cents: i64,
}

impl History {
    /// From a customer's orders as (day number, cents), in any order, as of the calibration
    /// end `end` (a day number): `None` when there is no order on or before it.
    pub fn from_orders(orders: &mut [(i32, i64)], end: i32) -> Option<History> {
        orders.sort_unstable();
        let mut days = orders.iter().filter(|(day, _)| *day <= end);
        let &(first, _) = days.next()?;
        let (mut x, mut last, mut repeat_cents) = (0u32, first, 0i64);
        for &(day, cents) in orders.iter().filter(|(day, _)| *day <= end) {
            if day == first {
                continue;
            }
            if day != last {
                x += 1;
                last = day;
            }
            repeat_cents = repeat_cents.saturating_add(cents);
        }
        Some(History {
            x,
            t_x_days: u32::try_from(last - first).unwrap_or(0),
            t_days: u32::try_from(end - first).unwrap_or(0),
            repeat_cents,
        })
    }

    pub fn t_x_weeks(&self) -> f64 {
        f64::from(self.t_x_days) / 7.0
    }

    pub fn t_weeks(&self) -> f64 {
        f64::from(self.t_days) / 7.0
    }

    /// Mean spend per repeat purchase day in currency units (0 without repeats).
    pub fn mean_repeat_spend(&self) -> f64 {
        if self.x == 0 {
            0.0
        } else {
            self.repeat_cents as f64 / 100.0 / f64::from(self.x)
        }
    }
}

/// Both models, fitted to the same customers.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct Models {
    pub bgnbd: BgNbd,
    pub gamma_gamma: GammaGamma,
}

/// Fits both models to `histories`.
pub fn fit(histories: &[History]) -> Result<Models, FitError> {
    Ok(Models {
        bgnbd: bgnbd::fit(histories)?,
        gamma_gamma: gamma_gamma::fit(histories)?,
    })
}

/// The parameters as people read them: BG/NBD to three decimals, Gamma-Gamma to two.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShownParams {
    pub r: String,
    pub alpha: String,
    pub a: String,
    pub b: String,
    pub p: String,
    pub q: String,
    pub v: String,
}

impl Models {
    pub fn shown(&self) -> ShownParams {
        let (bg, gg) = (&self.bgnbd, &self.gamma_gamma);
        ShownParams {
            r: format!("{:.3}", bg.r),
            alpha: format!("{:.3}", bg.alpha),
            a: format!("{:.3}", bg.a),
            b: format!("{:.3}", bg.b),
            p: format!("{:.2}", gg.p),
            q: format!("{:.2}", gg.q),
            v: format!("{:.2}", gg.v),
        }
    }
}

/// How lifetime value is counted.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ClvTerms {
    /// Months summed (default 12).
    pub months: u32,
    /// Share of revenue that is margin.
    pub margin_rate: f64,
    /// The team's annual discount rate (0.10 for 10%).
    pub annual_discount_rate: f64,
}

impl Default for ClvTerms {
    fn default() -> Self {
        ClvTerms {
            months: 12,
            margin_rate: 1.0,
            annual_discount_rate: 0.10,
        }
    }
}

/// A month in weeks: 365.25 / 12 days.
pub const MONTH_WEEKS: f64 = 365.25 / 12.0 / 7.0;

/// What the models say about one customer.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct CustomerValue {
    pub p_alive: f64,
    /// Expected purchases in the next `horizon` weeks.
    pub expected_purchases: f64,
    /// Expected average spend per purchase (`None` when the spend model has q <= 1).
    pub expected_avg_spend: Option<f64>,
    /// Lifetime value over the terms' months, discounted, at the margin rate.
    pub clv: Option<f64>,
}

impl Models {
    /// P(alive), expected purchases in the next `horizon_weeks`, expected spend and CLV.
    pub fn value(
        &self,
        h: &History,
        horizon_weeks: f64,
        terms: &ClvTerms,
    ) -> Result<CustomerValue, SeriesError> {
        let (t_x, t) = (h.t_x_weeks(), h.t_weeks());
        let model = &self.bgnbd;
        let spend = self.gamma_gamma.expected_spend(h.x, h.mean_repeat_spend());
        let clv = match spend {
            Some(spend) => {
                let monthly = (1.0 + terms.annual_discount_rate).powf(1.0 / 12.0);
                let mut total = 0.0;
                let mut before = 0.0;
                let mut discount = 1.0;
                for m in 1..=terms.months {
                    let upto = model.expected_purchases(h.x, t_x, t, f64::from(m) * MONTH_WEEKS)?;
                    discount /= monthly;
                    total += (upto - before) * discount;
                    before = upto;
                }
                Some(terms.margin_rate * total * spend)
            }
            None => None,
        };
        Ok(CustomerValue {
            p_alive: model.p_alive(h.x, t_x, t),
            expected_purchases: model.expected_purchases(h.x, t_x, t, horizon_weeks)?,
            expected_avg_spend: spend,
            clv,
        })
    }
}

/// The published CDNOW parameters (Fader, Hardie & Lee 2005; Fader & Hardie 2013), for tests.
#[cfg(test)]
pub(crate) fn published_cdnow() -> Models {
    Models {
        bgnbd: BgNbd {
            r: 0.243,
            alpha: 4.414,
            a: 0.793,
            b: 2.426,
            log_likelihood: 0.0,
        },
        gamma_gamma: GammaGamma {
            p: 6.25,
            q: 3.74,
            v: 15.44,
        },
    }
}

/// Checks a likelihood's gradient with respect to the log-parameters against central
/// differences in ln p.
#[cfg(test)]
fn assert_log_gradient<const N: usize>(ll: impl Fn([f64; N]) -> (f64, [f64; N]), p: [f64; N]) {
    let (_, grad) = ll(p);
    let step = 1e-6f64;
    for i in 0..N {
        let (mut up, mut down) = (p, p);
        up[i] *= step.exp();
        down[i] *= (-step).exp();
        let numeric = (ll(up).0 - ll(down).0) / (2.0 * step);
        assert!(
            (numeric - grad[i]).abs() < 1e-6 * grad[i].abs().max(1.0),
            "{i}: {numeric} against {}",
            grad[i]
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_history_counts_purchase_days_not_orders() {
        // Two orders on day 10 are one purchase; day 40 is after the end and left out.
        let mut orders = vec![
            (20, 500),
            (10, 1000),
            (10, 250),
            (30, 700),
            (30, 100),
            (40, 9),
        ];
        let h = History::from_orders(&mut orders, 35).unwrap();
        assert_eq!(
            h,
            History {
                x: 2,
                t_x_days: 20,
                t_days: 25,
                repeat_cents: 1300
            }
        );
        assert!((h.mean_repeat_spend() - 6.5).abs() < 1e-12);
        assert_eq!(History::from_orders(&mut [(50, 1)], 35), None);
        let single = History::from_orders(&mut [(5, 100), (5, 200)], 12).unwrap();
        assert_eq!(
            single,
            History {
                x: 0,
                t_x_days: 0,
                t_days: 7,
                repeat_cents: 0
            }
        );
    }

    #[test]
    fn lifetime_value_discounts_month_by_month() {
        let models = published_cdnow();
        let h = History {
            x: 2,
            t_x_days: 213,
            t_days: 272,
            repeat_cents: 5000,
        };
        let terms = ClvTerms {
            months: 12,
            margin_rate: 0.3,
            annual_discount_rate: 0.10,
        };
        let value = models.value(&h, 13.0, &terms).unwrap();
        // The same sum written out: purchases in month m times spend, discounted.
        let spend = models.gamma_gamma.expected_spend(2, 25.0).unwrap();
        let d = 1.1f64.powf(1.0 / 12.0);
        let mut want = 0.0;
        for m in 1..=12 {
            let e = |k: f64| {
                models
                    .bgnbd
                    .expected_purchases(2, h.t_x_weeks(), h.t_weeks(), k * MONTH_WEEKS)
                    .unwrap()
            };
            want += (e(m as f64) - e(m as f64 - 1.0)) * spend / d.powi(m);
        }
        assert!(
            (value.clv.unwrap() - 0.3 * want).abs() < 1e-9,
            "{value:?} {want}"
        );
        // Undiscounted and at full margin it is 12 months of purchases times spend.
        let plain = ClvTerms {
            months: 12,
            margin_rate: 1.0,
            annual_discount_rate: 0.0,
        };
        let undiscounted = models.value(&h, 13.0, &plain).unwrap().clv.unwrap();
        let year = models
            .bgnbd
            .expected_purchases(2, h.t_x_weeks(), h.t_weeks(), 12.0 * MONTH_WEEKS)
            .unwrap();
        assert!((undiscounted - year * spend).abs() < 1e-9);
        assert!(undiscounted > value.clv.unwrap() / 0.3);
    }
}
