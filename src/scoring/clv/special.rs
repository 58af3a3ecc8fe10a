//! The special functions the lifetime models need: log-gamma (libm's, from musl), digamma and
//! the Gaussian hypergeometric function 2F1 by its series, with a bound on what is left out.

/// ln Γ(x) for x > 0.
pub fn ln_gamma(x: f64) -> f64 {
    libm::lgamma(x)
}

/// ψ(x) = d/dx ln Γ(x) for x > 0: the recurrence ψ(x) = ψ(x + 1) - 1/x up to x >= 10, then the
/// asymptotic series (its first left-out term is below 1e-14 there).
pub fn digamma(mut x: f64) -> f64 {
    let mut shift = 0.0;
    while x < 10.0 {
        shift -= 1.0 / x;
        x += 1.0;
    }
    let inv = 1.0 / x;
    let inv2 = inv * inv;
    // Bernoulli numbers B2k / 2k: 1/12, -1/120, 1/252, -1/240, 1/132, -691/32760
    let series = inv2
        * (1.0 / 12.0
            - inv2
                * (1.0 / 120.0
                    - inv2
                        * (1.0 / 252.0
                            - inv2
                                * (1.0 / 240.0 - inv2 * (1.0 / 132.0 - inv2 * 691.0 / 32760.0)))));
    shift + x.ln() - 0.5 * inv - series
}

/// Why 2F1 could not be given.
#[derive(Debug, Clone, Copy, PartialEq, thiserror::Error)]
pub enum SeriesError {
    #[error("the hypergeometric series needs 0 <= z < 1 and c > 0 (z = {z}, c = {c})")]
    OutOfRange { z: f64, c: f64 },
    #[error("the hypergeometric series did not converge in {terms} terms (z = {z})")]
    NotConverged { terms: usize, z: f64 },
}

/// The most terms summed before giving up (z = 0.999 needs about 40,000 for 1e-15).
const MAX_TERMS: usize = 1_000_000;

/// 2F1(a, b; c; z) = Σ (a)k (b)k / ((c)k k!) z^k for c > 0 and 0 <= z < 1. Stops when what
/// is left out is provably below 1e-15 of the sum. Term k+1 is term k times
/// ρk = z (a+k)/(c+k) (b+k)/(k+1); once a+k, b+k > 0 each of the two fractions moves
/// monotonically toward 1 as k grows, so every later ratio is at most
/// z max(1, (a+k)/(c+k)) max(1, (b+k)/(k+1)) = ρ (or the same with a and b swapped), and while
/// ρ < 1 the tail after term tk is at most |tk| ρ / (1 - ρ).
pub fn hyp2f1(a: f64, b: f64, c: f64, z: f64) -> Result<f64, SeriesError> {
    if !(0.0..1.0).contains(&z) || c.is_nan() || c <= 0.0 || a.is_nan() || b.is_nan() {
        return Err(SeriesError::OutOfRange { z, c });
    }
    let mut term = 1.0f64;
    let mut sum = 1.0f64;
    for k in 0..MAX_TERMS {
        let kf = k as f64;
        term *= z * (a + kf) * (b + kf) / ((c + kf) * (kf + 1.0));
        sum += term;
        if term == 0.0 {
            return Ok(sum);
        }
        // The bound for the terms after this one (index k + 1 on).
        let next = kf + 1.0;
        if a + next > 0.0 && b + next > 0.0 {
            let up = |p: f64, q: f64| (p / q).max(1.0);
            let rho = z
                * (up(a + next, c + next) * up(b + next, next + 1.0))
                    .min(up(b + next, c + next) * up(a + next, next + 1.0));
            if rho < 1.0 && term.abs() * rho / (1.0 - rho) <= 1e-15 * sum.abs() {
                return Ok(sum);
            }
        }
    }
    Err(SeriesError::NotConverged {
        terms: MAX_TERMS,
        z,
    })
}

// The reference values carry all the digits mpmath gave.
#[cfg(test)]
#[allow(clippy::excessive_precision)]
mod tests {
    use super::*;

    fn close(got: f64, want: f64, rel: f64) {
        assert!(
            (got - want).abs() <= rel * want.abs().max(1e-300),
            "got {got}, want {want}"
        );
    }

    // Reference values from mpmath 1.3.0 at 30 digits (mp.digamma, mp.loggamma, mp.hyp2f1).
    #[test]
    fn digamma_and_log_gamma_match_mpmath() {
        for (x, psi, lng) in [
            (0.1, -10.423754940411076232, 2.252712651734205902),
            (1.0, -0.57721566490153286061, 0.0),
            (2.5, 0.70315664064524318723, 0.28468287047291915963),
            (6.0, 1.7061176684318004727, 4.7874917427820459942),
            (30.0, 3.3844381326855248766, 71.25703896716800901),
        ] {
            close(digamma(x), psi, 1e-13);
            if lng == 0.0 {
                assert!(ln_gamma(x).abs() < 1e-15);
            } else {
                close(ln_gamma(x), lng, 1e-14);
            }
        }
    }

    #[test]
    fn hyp2f1_matches_closed_forms_and_mpmath() {
        // 2F1(1, 1; 2; z) = -ln(1 - z) / z
        close(hyp2f1(1.0, 1.0, 2.0, 0.5).unwrap(), 2.0 * 2f64.ln(), 1e-14);
        // 2F1(1/2, 1/2; 3/2; z^2) = asin(z) / z
        close(
            hyp2f1(0.5, 0.5, 1.5, 0.25).unwrap(),
            0.5f64.asin() / 0.5,
            1e-14,
        );
        close(
            hyp2f1(3.243, 5.426, 5.219, 0.5).unwrap(),
            10.45086515554229053,
            1e-13,
        );
        close(
            hyp2f1(2.5, 1.5, 4.25, 0.9).unwrap(),
            4.6715379925162331282,
            1e-13,
        );
        close(
            hyp2f1(10.3, 12.1, 14.2, 0.75).unwrap(),
            146519.045222317927,
            1e-12,
        );
        // A negative parameter, c below a and b, and z near 1 (as the lifetime models use it).
        close(
            hyp2f1(2.26, -0.207, 5.2, 0.95).unwrap(),
            0.88658206792560633043,
            1e-13,
        );
        close(
            hyp2f1(27.5, 0.03, 60.1, 0.97).unwrap(),
            1.0179556931338892591,
            1e-13,
        );
        close(
            hyp2f1(0.5, 1.5, 0.25, 0.6).unwrap(),
            8.5046326761510688657,
            1e-13,
        );
        assert_eq!(hyp2f1(2.0, 3.0, 4.0, 0.0).unwrap(), 1.0);
    }

    #[test]
    fn hyp2f1_refuses_what_it_cannot_sum() {
        assert!(matches!(
            hyp2f1(1.0, 1.0, 2.0, 1.0),
            Err(SeriesError::OutOfRange { .. })
        ));
        assert!(matches!(
            hyp2f1(1.0, 1.0, 0.0, 0.5),
            Err(SeriesError::OutOfRange { .. })
        ));
        assert!(hyp2f1(1.0, 1.0, 2.0, f64::NAN).is_err());
    }
}
