//! The points a judgement starts from: the cleaned series and its baseline.

use super::steps::num;
use super::{Ambition, Point, period_time};

/// Finite points sorted by `t` (stable, so ties keep their input order).
pub(super) fn clean_series(series: &[Point], warnings: &mut Vec<String>) -> Vec<Point> {
    let mut points: Vec<Point> = Vec::with_capacity(series.len());
    for p in series {
        if p.t.is_finite() && p.value.is_finite() {
            let mut p = p.clone();
            if let Some((lo, hi)) = p.ci {
                if lo.is_finite() && hi.is_finite() {
                    p.ci = Some(if lo <= hi { (lo, hi) } else { (hi, lo) });
                } else {
                    warnings.push(format!(
                        "confidence interval of point {} ignored: an end is not a finite number",
                        p.period
                    ));
                    p.ci = None;
                }
            }
            points.push(p);
        } else {
            warnings.push(format!(
                "point {} ignored: time or value is not a finite number",
                p.period
            ));
        }
    }
    points.sort_by(|a, b| a.t.total_cmp(&b.t));
    points
}

/// Resolves the baseline point. Returns `None` (with a reason in
/// `warnings`/`steps`) when it cannot be placed.
pub(super) fn resolve_baseline(
    points: &[Point],
    amb: &Ambition,
    warnings: &mut Vec<String>,
    steps: &mut Vec<String>,
) -> Option<Point> {
    match &amb.baseline {
        Some((label, value)) => {
            if !value.is_finite() {
                warnings.push(format!(
                    "explicit baseline {label} has a value that is not a finite number"
                ));
                return None;
            }
            let t = period_time(label)
                .or_else(|| points.iter().find(|p| p.period == *label).map(|p| p.t));
            let Some(t) = t else {
                warnings.push(format!(
                    "explicit baseline period {label:?} is not a recognised period label and is \
                     not in the series"
                ));
                return None;
            };
            steps.push(format!(
                "Baseline (explicit): {label} (t0 = {}) = {}.",
                num(t),
                num(*value)
            ));
            Some(Point {
                period: label.clone(),
                t,
                value: *value,
                ci: None,
            })
        }
        None if points.len() >= 2 => {
            let b = points.first().cloned()?;
            steps.push(format!(
                "Baseline (first point): {} (t0 = {}) = {}.",
                b.period,
                num(b.t),
                num(b.value)
            ));
            Some(b)
        }
        None => None,
    }
}
