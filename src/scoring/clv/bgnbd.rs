//! The BG/NBD model of repeat purchasing (Fader, Hardie & Lee, "Counting Your Customers the
//! Easy Way", Marketing Science 2005): its likelihood (equation 6) with exact gradients,
//! fitted by maximum likelihood, P(alive) (equation 13) and the expected purchases in the next
//! t weeks (equation 10).

use super::History;
use super::optimize::{MinimizeError, minimize};
use super::special::{SeriesError, digamma, hyp2f1, ln_gamma};
use std::collections::HashMap;

/// The fitted parameters: purchase rates are gamma(r, alpha) per week, the chance of dropping
/// out after a purchase beta(a, b).
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct BgNbd {
    pub r: f64,
    pub alpha: f64,
    pub a: f64,
    pub b: f64,
    pub log_likelihood: f64,
}

/// Customers with the same (x, t_x, T) in days: the likelihood is summed once per group.
struct Group {
    x: usize,
    t_x: usize,
    t: usize,
    count: f64,
}

fn groups(histories: &[History]) -> Vec<Group> {
    let mut counts: HashMap<(u32, u32, u32), u64> = HashMap::new();
    for h in histories {
        *counts.entry((h.x, h.t_x_days, h.t_days)).or_default() += 1;
    }
    let mut groups: Vec<Group> = counts
        .into_iter()
        .map(|((x, t_x, t), n)| Group {
            x: x as usize,
            t_x: t_x as usize,
            t: t as usize,
            count: n as f64,
        })
        .collect();
    // A fixed order, so that the sums (and so the fit) are the same on every run.
    groups.sort_unstable_by_key(|g| (g.x, g.t_x, g.t));
    groups
}

/// The log-likelihood and its gradient with respect to (ln r, ln alpha, ln a, ln b).
fn log_likelihood(groups: &[Group], max_x: usize, max_day: usize, p: [f64; 4]) -> (f64, [f64; 4]) {
    let [r, alpha, a, b] = p;
    // What depends on x only.
    let (lg_r, lg_b, lg_ab) = (ln_gamma(r), ln_gamma(b), ln_gamma(a + b));
    let (dg_r, dg_b, dg_ab) = (digamma(r), digamma(b), digamma(a + b));
    struct PerX {
        ln_a12: f64,
        d_r: f64,
        d_a: f64,
        d_b: f64,
        ln_a_over: f64,
        inv_bx1: f64,
    }
    let per_x: Vec<PerX> = (0..=max_x)
        .map(|x| {
            let xf = x as f64;
            let ln_a12 = ln_gamma(r + xf) - lg_r + r * alpha.ln() + lg_ab + ln_gamma(b + xf)
                - lg_b
                - ln_gamma(a + b + xf);
            let dg_abx = digamma(a + b + xf);
            PerX {
                ln_a12,
                d_r: digamma(r + xf) - dg_r + alpha.ln(),
                d_a: dg_ab - dg_abx,
                d_b: dg_ab + digamma(b + xf) - dg_b - dg_abx,
                ln_a_over: if x > 0 {
                    a.ln() - (b + xf - 1.0).ln()
                } else {
                    0.0
                },
                inv_bx1: if x > 0 { 1.0 / (b + xf - 1.0) } else { 0.0 },
            }
        })
        .collect();
    // ln(alpha + day / 7) and 1 / (alpha + day / 7) for every day.
    let ln_day: Vec<f64> = (0..=max_day)
        .map(|d| (alpha + d as f64 / 7.0).ln())
        .collect();
    let inv_day: Vec<f64> = (0..=max_day)
        .map(|d| 1.0 / (alpha + d as f64 / 7.0))
        .collect();
    let mut ll = 0.0;
    let mut grad = [0.0; 4];
    for g in groups {
        let px = &per_x[g.x];
        let rx = r + g.x as f64;
        let ln_a3 = -rx * ln_day[g.t];
        // w: the share of the likelihood that says "dropped out after the last purchase".
        let (ln_tail, w) = if g.x > 0 {
            let ln_a4 = px.ln_a_over - rx * ln_day[g.t_x];
            let (hi, lo) = if ln_a3 > ln_a4 {
                (ln_a3, ln_a4)
            } else {
                (ln_a4, ln_a3)
            };
            let tail = hi + (lo - hi).exp().ln_1p();
            (tail, (ln_a4 - tail).exp())
        } else {
            (ln_a3, 0.0)
        };
        let n = g.count;
        ll += n * (px.ln_a12 + ln_tail);
        let d_r = px.d_r - (1.0 - w) * ln_day[g.t] - w * ln_day[g.t_x];
        let d_alpha = r / alpha - rx * ((1.0 - w) * inv_day[g.t] + w * inv_day[g.t_x]);
        let d_a = px.d_a + w / a;
        let d_b = px.d_b - w * px.inv_bx1;
        grad[0] += n * d_r * r;
        grad[1] += n * d_alpha * alpha;
        grad[2] += n * d_a * a;
        grad[3] += n * d_b * b;
    }
    (ll, grad)
}

/// Why a model could not be fitted.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum FitError {
    #[error("no customers to fit the model to")]
    Empty,
    #[error("no customer has bought twice: repeat purchasing cannot be estimated")]
    NoRepeats,
    #[error("the fit did not converge: {0}")]
    Minimize(#[from] MinimizeError),
}

/// Fits r, alpha, a, b by maximum likelihood over `histories`.
pub fn fit(histories: &[History]) -> Result<BgNbd, FitError> {
    if histories.is_empty() {
        return Err(FitError::Empty);
    }
    if histories.iter().all(|h| h.x == 0) {
        return Err(FitError::NoRepeats);
    }
    let groups = groups(histories);
    let max_x = groups.iter().map(|g| g.x).max().unwrap_or(0);
    let max_day = groups.iter().map(|g| g.t.max(g.t_x)).max().unwrap_or(0);
    let total: f64 = groups.iter().map(|g| g.count).sum();
    let mut objective = |theta: &[f64]| {
        let p = [
            theta[0].exp(),
            theta[1].exp(),
            theta[2].exp(),
            theta[3].exp(),
        ];
        if p.iter().any(|v| !v.is_finite() || *v <= 0.0) {
            return (f64::NAN, vec![f64::NAN; 4]);
        }
        let (ll, grad) = log_likelihood(&groups, max_x, max_day, p);
        // Minimised per customer, so the tolerance means the same at any size.
        (-ll / total, grad.iter().map(|g| -g / total).collect())
    };
    // Start: a rate of one purchase per mean T, drop-out even odds.
    let mean_t = histories.iter().map(|h| h.t_days as f64 / 7.0).sum::<f64>() / total;
    let start = [0.0, mean_t.max(1.0).ln(), 0.0, 0.0];
    let found = minimize(&mut objective, &start, 1e-9)?;
    let p: Vec<f64> = found.point.iter().map(|v| v.exp()).collect();
    Ok(BgNbd {
        r: p[0],
        alpha: p[1],
        a: p[2],
        b: p[3],
        log_likelihood: -found.value * total,
    })
}

impl BgNbd {
    /// ln of a / (b + x - 1) ((alpha + T) / (alpha + t_x))^(r + x): the odds of "dropped out"
    /// against "alive" given the history (x > 0 only).
    fn ln_dropout_odds(&self, x: f64, t_x: f64, t: f64) -> f64 {
        (self.a / (self.b + x - 1.0)).ln()
            + (self.r + x) * ((self.alpha + t) / (self.alpha + t_x)).ln()
    }

    /// P(alive | x, t_x, T), times in weeks.
    pub fn p_alive(&self, x: u32, t_x: f64, t: f64) -> f64 {
        if x == 0 {
            return 1.0;
        }
        1.0 / (1.0 + self.ln_dropout_odds(f64::from(x), t_x, t).exp())
    }

    /// E[Y(h) | x, t_x, T]: the expected number of purchases in the next `h` weeks.
    pub fn expected_purchases(&self, x: u32, t_x: f64, t: f64, h: f64) -> Result<f64, SeriesError> {
        if h <= 0.0 {
            return Ok(0.0);
        }
        let xf = f64::from(x);
        let (r, alpha, a, b) = (self.r, self.alpha, self.a, self.b);
        let z = h / (alpha + t + h);
        // ((alpha+T)/(alpha+T+h))^(r+x) 2F1(r+x, b+x; a+b+x-1; z), by Euler's transformation
        // (1-z)^(a-1) 2F1(a+b-1-r, a-1; a+b+x-1; z): the same number, whose series does not
        // grow with x.
        let c = a + b + xf - 1.0;
        let product = (1.0 - z).powf(a - 1.0) * hyp2f1(a + b - 1.0 - r, a - 1.0, c, z)?;
        let numerator = c / (a - 1.0) * (1.0 - product);
        let denominator = if x == 0 {
            1.0
        } else {
            1.0 + self.ln_dropout_odds(xf, t_x, t).exp()
        };
        Ok(numerator / denominator)
    }
}

// The reference values carry all the digits mpmath gave.
#[cfg(test)]
#[allow(clippy::excessive_precision)]
mod tests {
    use super::*;

    const PAPER: BgNbd = BgNbd {
        r: 0.243,
        alpha: 4.414,
        a: 0.793,
        b: 2.426,
        log_likelihood: 0.0,
    };

    #[test]
    fn the_gradient_is_the_likelihood_s_slope() {
        let histories = [
            History {
                x: 0,
                t_x_days: 0,
                t_days: 200,
                repeat_cents: 0,
            },
            History {
                x: 2,
                t_x_days: 60,
                t_days: 250,
                repeat_cents: 3000,
            },
            History {
                x: 5,
                t_x_days: 240,
                t_days: 260,
                repeat_cents: 9000,
            },
        ];
        let groups = groups(&histories);
        let p = [0.5, 3.0, 0.8, 2.0];
        super::super::assert_log_gradient(|p| log_likelihood(&groups, 5, 260, p), p);
    }

    // Reference values computed independently with mpmath 1.3.0 at 30 digits from the
    // paper's equations as printed (eq. 13 for P(alive); eq. 10 for E[Y(t)] with mp.hyp2f1 of
    // the untransformed arguments r+x, b+x, a+b+x-1), at the paper's parameters.
    #[test]
    fn p_alive_and_expected_purchases_match_an_independent_computation() {
        for (x, t_x, t, h, alive, expected) in REFERENCE {
            let got_alive = PAPER.p_alive(x, t_x, t);
            let got_expected = PAPER.expected_purchases(x, t_x, t, h).unwrap();
            assert!(
                (got_alive - alive).abs() < 1e-12,
                "P(alive) {x} {t_x} {t}: {got_alive} vs {alive}"
            );
            assert!(
                (got_expected - expected).abs() < 1e-10 * expected.max(1.0),
                "E[Y] {x} {t_x} {t} {h}: {got_expected} vs {expected}"
            );
        }
    }

    // x, t_x, T, h (weeks), P(alive), E[Y(h)]. The third row is the paper's own example
    // (section 5: E[Y(39)] = 1.226 for x = 2, t_x = 30.43, T = 38.86).
    const REFERENCE: [(u32, f64, f64, f64, f64, f64); 9] = [
        (0, 0.0, 38.86, 39.0, 1.0, 0.19509805201126264),
        (
            1,
            30.43,
            38.86,
            39.0,
            0.70032663912303341,
            0.67089391179356402,
        ),
        (
            2,
            30.43,
            38.86,
            39.0,
            0.72657857008067291,
            1.2260281747671445,
        ),
        (
            7,
            29.43,
            32.71,
            39.0,
            0.84465276074214252,
            4.9704022482923944,
        ),
        (
            7,
            35.43,
            38.86,
            39.0,
            0.85385050590185934,
            4.4399165586009145,
        ),
        (0, 0.0, 31.0, 13.0, 1.0, 0.084694821616066375),
        (3, 10.0, 38.0, 13.0, 0.1442201748016344, 0.13283064369391851),
        (
            25,
            36.0,
            38.0,
            52.0,
            0.90779356397657528,
            20.310405084537974,
        ),
        (
            1,
            1.0,
            38.86,
            52.0,
            0.18763076600030263,
            0.22984747407661836,
        ),
    ];
}
