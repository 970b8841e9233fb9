//! Least-squares trend and projection to the deadline.

use super::steps::num;
use super::{Ambition, Assessment, Direction, Point, Projection};
use crate::period::{Granularity, Period};

/// Minimum number of points for a trend.
pub(crate) const MIN_POINTS: usize = 3;

/// The last calendar year a target can be projected to be reached in; later
/// crossings are reported as `None` ("not within the horizon").
pub(crate) const HORIZON_YEAR: i32 = 2100;

/// Slack (in years, about 0.03 s) when comparing the crossing time with a
/// period midpoint, so that a crossing exactly at a midpoint is not pushed to
/// the next period by floating-point rounding.
const TIME_TOLERANCE: f64 = 1e-9;

/// Least-squares line through `points` (already finite and sorted by `t`).
///
/// Returns `None` with fewer than [`MIN_POINTS`] points or when all points
/// share one time (the slope is undefined).
pub(crate) fn project_clean(points: &[Point], ambition: Option<&Ambition>) -> Option<Projection> {
    let n = points.len();
    if n < MIN_POINTS {
        return None;
    }
    // n is small; the conversion is exact for any realistic series length.
    let nf = n as f64;
    let mean_t = points.iter().map(|p| p.t).sum::<f64>() / nf;
    let mean_v = points.iter().map(|p| p.value).sum::<f64>() / nf;
    let sxx: f64 = points.iter().map(|p| (p.t - mean_t).powi(2)).sum();
    let sxy: f64 = points
        .iter()
        .map(|p| (p.t - mean_t) * (p.value - mean_v))
        .sum();
    if !sxx.is_finite() || sxx <= 0.0 || !sxy.is_finite() {
        return None;
    }
    let slope = sxy / sxx;
    let intercept = mean_v - slope * mean_t;
    if !slope.is_finite() || !intercept.is_finite() {
        return None;
    }
    let at = |t: f64| mean_v + slope * (t - mean_t);

    let mut projection = Projection {
        slope_per_year: slope,
        intercept,
        value_at_deadline: None,
        reaches_target_in: None,
        points_used: n,
    };
    let Some(amb) = ambition else {
        return Some(projection);
    };
    if amb.deadline.is_finite() {
        let v = at(amb.deadline);
        projection.value_at_deadline = v.is_finite().then_some(v);
    }
    if !amb.target.is_finite() {
        return Some(projection);
    }
    let improving = match amb.direction {
        Direction::Increase => slope > 0.0,
        Direction::Decrease => slope < 0.0,
    };
    if !improving {
        return Some(projection);
    }
    // The trend line crosses the target at t*; the answer is the first
    // period (in the granularity of the last observation) whose midpoint is
    // at or after t*, but not before the first observation.
    let first_t = points.first().map_or(mean_t, |p| p.t);
    let crossing = (mean_t + (amb.target - mean_v) / slope).max(first_t);
    if !crossing.is_finite() || crossing >= f64::from(HORIZON_YEAR + 1) {
        return Some(projection);
    }
    let granularity = points
        .last()
        .and_then(|p| Period::parse_time_label(&p.period))
        .map_or(Granularity::Year, |p| p.granularity);
    projection.reaches_target_in =
        Period::first_with_midpoint_at_or_after(granularity, crossing - TIME_TOLERANCE)
            .filter(|p| p.year <= HORIZON_YEAR)
            .map(Period::label);
    Some(projection)
}

/// Least-squares trend over the series (at least 3 points with finite time
/// and value, not all at one time); with an ambition also the value at the
/// deadline and the period in which the trend reaches the target.
#[cfg(test)]
pub(crate) fn project(series: &[Point], ambition: Option<&Ambition>) -> Option<Projection> {
    let mut ignored = Vec::new();
    let points = super::baseline::clean_series(series, &mut ignored);
    project_clean(&points, ambition)
}

/// The range a value in `unit` can take, when it is bounded: 0–100 for
/// percentages. `None` for unbounded units (counts, days, scores).
pub(crate) fn unit_bounds(unit: &str) -> Option<(f64, f64)> {
    match unit.trim().to_ascii_lowercase().as_str() {
        "percent" | "percentage" | "pct" | "%" => Some((0.0, 100.0)),
        _ => None,
    }
}

/// Keeps the projected value at the deadline within `bounds` (a share of
/// municipalities cannot pass 100 %, whatever a straight line says), and says
/// so in the steps when it had to. The trend line and the period in which it
/// reaches the target are left as they are.
pub(crate) fn bound_projection(a: &mut Assessment, bounds: Option<(f64, f64)>) {
    let Some((lo, hi)) = bounds else {
        return;
    };
    let Some(p) = a.projection.as_mut() else {
        return;
    };
    let Some(v) = p.value_at_deadline else {
        return;
    };
    let bounded = v.clamp(lo, hi);
    if bounded != v {
        p.value_at_deadline = Some(bounded);
        a.steps.push(format!(
            "The trend line gives {} at the deadline, outside the unit's range {}–{}; the \
             projected value is {}.",
            num(v),
            num(lo),
            num(hi),
            num(bounded)
        ));
    }
}
