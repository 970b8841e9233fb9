//! The required path of an ambition: where the indicator should be at each
//! time between its baseline and the deadline if it is to reach the target,
//! a straight line (method linear) or constant growth (method CAGR). The
//! dashboard chart draws it; the formulas are in `docs/methodology.md`.

use super::{Assessment, Method};

/// Points `(time, value)` on the required path from the assessment's
/// baseline to `target` at `deadline`: the two ends for a straight line, 25
/// points for constant growth (CAGR, when baseline and target are positive).
/// Empty without a baseline or when the deadline is not after it.
pub(crate) fn required_path(
    assessment: &Assessment,
    target: f64,
    deadline: f64,
) -> Vec<(f64, f64)> {
    let Some(base) = assessment.baseline.as_ref().filter(|b| deadline > b.t) else {
        return Vec::new();
    };
    let cagr = assessment.method == Method::Cagr && base.value > 0.0 && target > 0.0;
    let steps = if cagr { 24 } else { 1 };
    (0..=steps)
        .map(|step| {
            let share = f64::from(step) / f64::from(steps);
            let time = base.t + (deadline - base.t) * share;
            let value = if cagr {
                base.value * (target / base.value).powf(share)
            } else {
                base.value + (target - base.value) * share
            };
            (time, value)
        })
        .collect()
}
