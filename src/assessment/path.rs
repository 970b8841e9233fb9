//! The required path of an ambition: where the indicator should be at each
//! time between its baseline and the deadline if it is to reach the target,
//! a straight line (method linear) or constant growth (method CAGR). The
//! dashboard chart draws it; the formulas are in `docs/methodology.md`.

use super::{Assessment, Method};

/// Points `(time, value)` on the required path from the assessment's
/// baseline to `target` at `deadline`: the two ends for a straight line, 25
/// points for constant growth (CAGR, when baseline and target are positive).
/// Empty without a baseline or when the deadline is not after it.
pub(crate) fn required_path(a: &Assessment, target: f64, deadline: f64) -> Vec<(f64, f64)> {
    let Some(b) = a.baseline.as_ref().filter(|b| deadline > b.t) else {
        return Vec::new();
    };
    let cagr = a.method == Method::Cagr && b.value > 0.0 && target > 0.0;
    let steps = if cagr { 24 } else { 1 };
    (0..=steps)
        .map(|i| {
            let f = f64::from(i) / f64::from(steps);
            let t = b.t + (deadline - b.t) * f;
            let v = if cagr {
                b.value * (target / b.value).powf(f)
            } else {
                b.value + (target - b.value) * f
            };
            (t, v)
        })
        .collect()
}
