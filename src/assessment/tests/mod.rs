//! Worked examples. Every expected number is derived by hand in the comment
//! above the assertion; `docs/methodology.md` repeats several of them.
//!
//! Time convention used throughout: an annual period `YYYY` sits at
//! t = YYYY.5, a deadline `2030-12-31` at D = 2031.0.

use super::*;

mod cagr;
mod limits;
mod linear;
mod projection;
mod rollup;
mod time;

pub(super) const EPS: f64 = 1e-9;

pub(super) fn pt(period: &str, value: f64) -> Point {
    Point {
        period: period.to_string(),
        t: period_time(period).unwrap_or(f64::NAN),
        value,
        ci: None,
    }
}

pub(super) fn pt_ci(period: &str, value: f64, lo: f64, hi: f64) -> Point {
    Point {
        ci: Some((lo, hi)),
        ..pt(period, value)
    }
}

pub(super) fn ambition(target: f64, deadline: &str, direction: Direction) -> Ambition {
    Ambition {
        target,
        deadline: date_time(deadline).unwrap_or(f64::NAN),
        deadline_label: deadline.to_string(),
        direction,
        baseline: None,
    }
}

pub(super) fn close(actual: Option<f64>, expected: f64, tol: f64) -> bool {
    actual.is_some_and(|a| (a - expected).abs() <= tol)
}
