//! [`assess`]: the judgement of a whole series against its ambition.

use super::baseline::{clean_series, resolve_baseline};
use super::progress::{comparison, judge};
use super::steps::{num, push_trend_step};
use super::{Ambition, Assessment, Method, Point, Status, THRESHOLDS, projection};

/// Judges a series against an ambition.
///
/// The rules, in the order applied (documented in `docs/methodology.md`):
/// points with non-finite time or value are dropped (warning) and the rest
/// sorted by `t`; a trend is projected when there are at least 3 points;
/// the current point is the last. Without an ambition the status is
/// no-ambition. Without any point it is insufficient-data. If the current
/// value meets the target (≥ for increase, ≤ for decrease) it is achieved.
/// The baseline is the explicit one or else the first point; with fewer than
/// 2 points and no explicit baseline, or current time ≤ baseline time, it is
/// insufficient-data. A baseline that met the target while the current value
/// does not is deterioration. Otherwise the progress ratio of `method`
/// (`cagr` falls back to `linear` with a warning when baseline, current or
/// target is not positive) is compared with [`THRESHOLDS`]. When the current
/// point has a confidence interval, both ends are judged the same way and
/// [`Assessment::ci_spans_categories`] is filled if they differ.
pub(crate) fn assess(series: &[Point], ambition: Option<&Ambition>, method: Method) -> Assessment {
    let mut warnings = Vec::new();
    let points = clean_series(series, &mut warnings);
    let projection = projection::project_clean(&points, ambition);
    if projection.is_none() && points.len() >= projection::MIN_POINTS {
        warnings.push("no trend: all points are at the same time".to_string());
    }
    let current = points.last().cloned();
    let mut out = Assessment {
        status: Status::InsufficientData,
        method,
        baseline: None,
        current: current.clone(),
        required_now: None,
        progress_ratio: None,
        observed_growth: None,
        required_growth: None,
        thresholds: THRESHOLDS,
        rule: String::new(),
        projection,
        ci_spans_categories: Vec::new(),
        warnings,
        steps: Vec::new(),
    };
    let Some(amb) = ambition else {
        out.status = Status::NoAmbition;
        out.rule = "no ambition: trend shown only".to_string();
        push_trend_step(&mut out);
        return out;
    };
    if !amb.target.is_finite() || !amb.deadline.is_finite() {
        out.warnings
            .push("the ambition's target or deadline is not a finite number".to_string());
        out.rule = "insufficient data: ambition is not usable".to_string();
        return out;
    }
    let Some(current) = current else {
        out.rule = "insufficient data: the series is empty".to_string();
        return out;
    };
    judge_current(&mut out, &points, &current, amb, method);
    push_trend_step(&mut out);
    out
}

/// Judges the current point (and the ends of its confidence interval)
/// against the ambition, from the resolved baseline.
fn judge_current(
    out: &mut Assessment,
    points: &[Point],
    current: &Point,
    amb: &Ambition,
    method: Method,
) {
    out.steps.push(format!(
        "Current: {} (t = {}) = {}; target {} {} by {} (D = {}).",
        current.period,
        num(current.t),
        num(current.value),
        comparison(amb.direction),
        num(amb.target),
        amb.deadline_label,
        num(amb.deadline)
    ));

    let mut baseline_steps = Vec::new();
    let baseline = resolve_baseline(points, amb, &mut out.warnings, &mut baseline_steps);
    out.steps.append(&mut baseline_steps);

    let main = judge(baseline.as_ref(), current.t, current.value, amb, method);
    out.status = main.status;
    out.method = main.method;
    out.required_now = main.required_now;
    out.progress_ratio = main.progress_ratio;
    out.observed_growth = main.observed_growth;
    out.required_growth = main.required_growth;
    out.rule = main.rule;
    out.steps.extend(main.steps);
    out.warnings.extend(main.warnings);

    if let Some((lo, hi)) = current.ci {
        // clean_series has made both ends finite and ordered.
        let lo_j = judge(baseline.as_ref(), current.t, lo, amb, method);
        let hi_j = judge(baseline.as_ref(), current.t, hi, amb, method);
        out.steps.push(format!(
            "Confidence interval ends judged as the current value: lower {} -> {} ({}); upper \
             {} -> {} ({}).",
            num(lo),
            lo_j.status,
            lo_j.rule,
            num(hi),
            hi_j.status,
            hi_j.rule
        ));
        if lo_j.status != hi_j.status {
            let mut spans = vec![lo_j.status, out.status, hi_j.status];
            spans.sort();
            spans.dedup();
            out.ci_spans_categories = spans;
        }
    }
    out.baseline = baseline;
}
