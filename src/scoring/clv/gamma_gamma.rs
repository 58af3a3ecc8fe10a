//! The Gamma-Gamma model of spend per purchase (Fader & Hardie, "The Gamma-Gamma Model of
//! Monetary Value", 2013): fitted by maximum likelihood on the customers with repeat purchases
//! (their mean spend per repeat purchase day), and the expected average spend it gives each
//! customer.

use super::History;
use super::bgnbd::FitError;
use super::optimize::minimize;
use super::special::{digamma, ln_gamma};
use std::collections::HashMap;

/// The fitted parameters: spend per purchase is gamma(p, nu) with nu gamma(q, v) across
/// customers.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct GammaGamma {
    pub p: f64,
    pub q: f64,
    pub v: f64,
}

struct Group {
    x: usize,
    /// Mean spend per repeat purchase day, in currency units.
    mean: f64,
    ln_mean: f64,
    count: f64,
}

/// The log-likelihood and its gradient with respect to (ln p, ln q, ln v).
fn log_likelihood(groups: &[Group], max_x: usize, [p, q, v]: [f64; 3]) -> (f64, [f64; 3]) {
    let (lg_q, dg_q, ln_v) = (ln_gamma(q), digamma(q), v.ln());
    // For each x: ln Γ(px+q) - ln Γ(px), ψ(px+q) - ψ(px), ψ(px+q), ln x.
    let per_x: Vec<(f64, f64, f64, f64)> = (0..=max_x)
        .map(|x| {
            let px = p * x as f64;
            if x == 0 {
                return (0.0, 0.0, 0.0, 0.0);
            }
            let dg_pxq = digamma(px + q);
            (
                ln_gamma(px + q) - ln_gamma(px),
                dg_pxq - digamma(px),
                dg_pxq,
                (x as f64).ln(),
            )
        })
        .collect();
    let mut ll = 0.0;
    let mut grad = [0.0; 3];
    for g in groups {
        let (lg_ratio, dg_ratio, dg_pxq, ln_x) = per_x[g.x];
        let xf = g.x as f64;
        let px = p * xf;
        let ln_vmx = (v + g.mean * xf).ln();
        let n = g.count;
        ll += n
            * (lg_ratio - lg_q + q * ln_v + (px - 1.0) * g.ln_mean + px * ln_x - (px + q) * ln_vmx);
        grad[0] += n * p * xf * (dg_ratio + g.ln_mean + ln_x - ln_vmx);
        grad[1] += n * q * (dg_pxq - dg_q + ln_v - ln_vmx);
        grad[2] += n * v * (q / v - (px + q) / (v + g.mean * xf));
    }
    (ll, grad)
}

/// Fits p, q, v over the customers of `histories` with repeat purchases of positive spend.
pub fn fit(histories: &[History]) -> Result<GammaGamma, FitError> {
    let mut counts: HashMap<(u32, i64), u64> = HashMap::new();
    for h in histories.iter().filter(|h| h.x > 0 && h.repeat_cents > 0) {
        *counts.entry((h.x, h.repeat_cents)).or_default() += 1;
    }
    if counts.is_empty() {
        return Err(FitError::NoRepeats);
    }
    let mut groups: Vec<Group> = counts
        .into_iter()
        .map(|((x, cents), n)| {
            let mean = cents as f64 / 100.0 / f64::from(x);
            Group {
                x: x as usize,
                mean,
                ln_mean: mean.ln(),
                count: n as f64,
            }
        })
        .collect();
    groups.sort_unstable_by(|a, b| {
        (a.x, a.mean)
            .partial_cmp(&(b.x, b.mean))
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    let max_x = groups.iter().map(|g| g.x).max().unwrap_or(0);
    let total: f64 = groups.iter().map(|g| g.count).sum();
    let mean_spend = groups.iter().map(|g| g.mean * g.count).sum::<f64>() / total;
    let mut objective = |theta: &[f64]| {
        let p = [theta[0].exp(), theta[1].exp(), theta[2].exp()];
        if p.iter().any(|v| !v.is_finite() || *v <= 0.0) {
            return (f64::NAN, vec![f64::NAN; 3]);
        }
        let (ll, grad) = log_likelihood(&groups, max_x, p);
        (-ll / total, grad.iter().map(|g| -g / total).collect())
    };
    // Start: p = 1, q = 2, and v so that the population mean v p / (q - 1) is the mean spend.
    let start = [0.0, 2f64.ln(), mean_spend.max(1e-6).ln()];
    let found = minimize(&mut objective, &start, 1e-9)?;
    Ok(GammaGamma {
        p: found.point[0].exp(),
        q: found.point[1].exp(),
        v: found.point[2].exp(),
    })
}

impl GammaGamma {
    /// The expected average spend per purchase of a customer with `x` repeat purchase days of
    /// mean spend `mean` (currency units): the population mean v p / (q - 1) weighted against
    /// the customer's own. `None` when q <= 1 (the population mean is infinite).
    pub fn expected_spend(&self, x: u32, mean: f64) -> Option<f64> {
        if self.q <= 1.0 {
            return None;
        }
        let population = self.v * self.p / (self.q - 1.0);
        if x == 0 {
            return Some(population);
        }
        let px = self.p * f64::from(x);
        let weight = px / (px + self.q - 1.0);
        Some((1.0 - weight) * population + weight * mean)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_gradient_is_the_likelihood_s_slope() {
        let groups = vec![
            Group {
                x: 1,
                mean: 20.0,
                ln_mean: 20f64.ln(),
                count: 3.0,
            },
            Group {
                x: 4,
                mean: 35.5,
                ln_mean: 35.5f64.ln(),
                count: 1.0,
            },
        ];
        let p = [6.0, 3.7, 15.0];
        super::super::assert_log_gradient(|p| log_likelihood(&groups, 4, p), p);
    }

    #[test]
    fn expected_spend_weighs_the_population_against_the_customer() {
        let model = GammaGamma {
            p: 6.25,
            q: 3.74,
            v: 15.44,
        };
        let population = 15.44 * 6.25 / 2.74;
        assert!((model.expected_spend(0, 0.0).unwrap() - population).abs() < 1e-12);
        // Many purchases: close to the customer's own mean.
        let many = model.expected_spend(200, 50.0).unwrap();
        assert!((many - 50.0).abs() < 0.1 * (50.0 - population), "{many}");
        assert_eq!(GammaGamma { q: 0.9, ..model }.expected_spend(1, 10.0), None);
    }
}
