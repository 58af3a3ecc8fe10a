//! A small BFGS minimiser with a backtracking (Armijo) line search, for the handful of
//! log-parameters of the lifetime models: their likelihoods are smooth and come with exact
//! gradients, so a few dozen iterations reach the optimum where Nelder-Mead needs hundreds of
//! evaluations of a million-customer sum.

/// What the minimiser found.
#[derive(Debug, Clone, PartialEq)]
pub struct Minimum {
    pub point: Vec<f64>,
    pub value: f64,
    pub iterations: usize,
}

/// Why no minimum was found.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum MinimizeError {
    #[error("the starting point has no finite value")]
    BadStart,
    #[error("no minimum within {0} iterations")]
    NoConvergence(usize),
}

const MAX_ITERATIONS: usize = 1000;

/// What is minimised: the value at a point and the gradient there.
pub type Objective<'a> = dyn FnMut(&[f64]) -> (f64, Vec<f64>) + 'a;

/// Minimises `f`, which returns the value and the gradient at a point (a non-finite value
/// marks a point outside the domain; the line search backs off from it). Stops when the
/// gradient's largest component is below `tolerance`.
pub fn minimize(
    f: &mut Objective<'_>,
    start: &[f64],
    tolerance: f64,
) -> Result<Minimum, MinimizeError> {
    let n = start.len();
    let mut x = start.to_vec();
    let (mut fx, mut g) = f(&x);
    if !fx.is_finite() || g.iter().any(|v| !v.is_finite()) {
        return Err(MinimizeError::BadStart);
    }
    // The inverse Hessian estimate, row-major, starting from the identity.
    let mut h = identity(n);
    for iteration in 0..MAX_ITERATIONS {
        if max_abs(&g) < tolerance {
            return Ok(Minimum {
                point: x,
                value: fx,
                iterations: iteration,
            });
        }
        let mut d: Vec<f64> = (0..n)
            .map(|i| -(0..n).map(|j| h[i * n + j] * g[j]).sum::<f64>())
            .collect();
        let mut slope = dot(&g, &d);
        if slope >= 0.0 {
            // Not a descent direction (the estimate went bad): start over from steepest descent.
            h = identity(n);
            d = g.iter().map(|v| -v).collect();
            slope = dot(&g, &d);
        }
        let mut step = 1.0;
        let (next, f_next, g_next) = loop {
            let candidate: Vec<f64> = x.iter().zip(&d).map(|(xi, di)| xi + step * di).collect();
            let (fc, gc) = f(&candidate);
            if fc.is_finite() && gc.iter().all(|v| v.is_finite()) && fc <= fx + 1e-4 * step * slope
            {
                break (candidate, fc, gc);
            }
            step *= 0.5;
            if step < 1e-20 {
                // No progress along any step: as good as this gets from here.
                return if max_abs(&g) < tolerance.sqrt() {
                    Ok(Minimum {
                        point: x,
                        value: fx,
                        iterations: iteration,
                    })
                } else {
                    Err(MinimizeError::NoConvergence(iteration))
                };
            }
        };
        // Rounding stops the gradient short of the tolerance: a step that no longer changes
        // the value, with a gradient that small, is the minimum.
        if (fx - f_next).abs() <= 1e-15 * fx.abs() && max_abs(&g_next) < tolerance.sqrt() {
            return Ok(Minimum {
                point: next,
                value: f_next,
                iterations: iteration + 1,
            });
        }
        let s: Vec<f64> = next.iter().zip(&x).map(|(a, b)| a - b).collect();
        let y: Vec<f64> = g_next.iter().zip(&g).map(|(a, b)| a - b).collect();
        let sy = dot(&s, &y);
        if sy > 1e-12 * dot(&s, &s).sqrt() * dot(&y, &y).sqrt() {
            // H <- (I - ρ s yᵀ) H (I - ρ y sᵀ) + ρ s sᵀ
            let rho = 1.0 / sy;
            let hy: Vec<f64> = (0..n)
                .map(|i| (0..n).map(|j| h[i * n + j] * y[j]).sum())
                .collect();
            let yhy = dot(&y, &hy);
            for i in 0..n {
                for j in 0..n {
                    h[i * n + j] += -rho * (hy[i] * s[j] + s[i] * hy[j])
                        + (rho * rho * yhy + rho) * s[i] * s[j];
                }
            }
        }
        x = next;
        fx = f_next;
        g = g_next;
    }
    Err(MinimizeError::NoConvergence(MAX_ITERATIONS))
}

fn identity(n: usize) -> Vec<f64> {
    let mut h = vec![0.0; n * n];
    for i in 0..n {
        h[i * n + i] = 1.0;
    }
    h
}

fn dot(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

fn max_abs(v: &[f64]) -> f64 {
    v.iter().fold(0.0, |m, x| m.max(x.abs()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_rosenbrock_minimum() {
        let mut rosenbrock = |p: &[f64]| {
            let (x, y) = (p[0], p[1]);
            let value = (1.0 - x).powi(2) + 100.0 * (y - x * x).powi(2);
            let gx = -2.0 * (1.0 - x) - 400.0 * x * (y - x * x);
            let gy = 200.0 * (y - x * x);
            (value, vec![gx, gy])
        };
        let found = minimize(&mut rosenbrock, &[-1.2, 1.0], 1e-10).unwrap();
        assert!((found.point[0] - 1.0).abs() < 1e-8, "{found:?}");
        assert!((found.point[1] - 1.0).abs() < 1e-8, "{found:?}");
    }

    #[test]
    fn backs_off_from_points_outside_the_domain() {
        // ln-barrier: only x > 0 has a value; the minimum of x - ln x is at 1.
        let mut f = |p: &[f64]| {
            let x = p[0];
            if x <= 0.0 {
                (f64::NAN, vec![f64::NAN])
            } else {
                (x - x.ln(), vec![1.0 - 1.0 / x])
            }
        };
        let found = minimize(&mut f, &[8.0], 1e-12).unwrap();
        assert!((found.point[0] - 1.0).abs() < 1e-9, "{found:?}");
    }

    #[test]
    fn a_start_without_a_value_is_refused() {
        let mut f = |_: &[f64]| (f64::INFINITY, vec![0.0]);
        assert_eq!(minimize(&mut f, &[0.0], 1e-9), Err(MinimizeError::BadStart));
    }
}
