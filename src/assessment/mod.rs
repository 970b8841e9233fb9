//! Progress towards each ambition ("Framdrift mot 2030").
//!
//! Pure functions over a computed series: [`assess`] judges the latest value
//! against the ambition's required path (method [`Method::Linear`] or
//! [`Method::Cagr`]), [`project`] fits a least-squares trend, and [`rollup`]
//! combines statuses for composite indicators and goals. Every formula and
//! threshold is written out in `docs/methodology.md`; the two must agree.
//!
//! Time is fractional years: a period sits at its midpoint
//! ([`period_time`]), a deadline at the end of its day ([`date_time`]).

mod projection;
mod time;

#[cfg(test)]
mod tests;

use serde::{Deserialize, Serialize};
use std::fmt;

pub(crate) use crate::definitions::{Direction, Method, Rollup};
pub use time::{date_time, period_time};

/// Thresholds on the progress ratio: on-track, moderate, limited. A ratio
/// below the last is deterioration.
pub const THRESHOLDS: [f64; 3] = [0.95, 0.6, 0.0];

/// Progress category of an indicator (or of a roll-up).
///
/// The derived ordering is declaration order (best first, then the two
/// unscored categories); it is used for stable listing. Compare progress
/// with [`Status::score`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// The current value meets the target.
    Achieved,
    /// Progress ratio ≥ 0.95.
    OnTrack,
    /// Progress ratio ≥ 0.6 and < 0.95: progress, but acceleration needed.
    Moderate,
    /// Progress ratio ≥ 0 and < 0.6 (no change at all is limited).
    Limited,
    /// Progress ratio < 0, or the baseline met the target and the current
    /// value no longer does.
    Deterioration,
    /// The indicator has no ambition; only the trend is shown.
    NoAmbition,
    /// Too few data to judge.
    InsufficientData,
}

impl Status {
    /// All statuses in declaration order.
    pub const ALL: [Status; 7] = [
        Status::Achieved,
        Status::OnTrack,
        Status::Moderate,
        Status::Limited,
        Status::Deterioration,
        Status::NoAmbition,
        Status::InsufficientData,
    ];

    /// `achieved`, `on-track`, `moderate`, `limited`, `deterioration`,
    /// `no-ambition`, `insufficient-data`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Achieved => "achieved",
            Self::OnTrack => "on-track",
            Self::Moderate => "moderate",
            Self::Limited => "limited",
            Self::Deterioration => "deterioration",
            Self::NoAmbition => "no-ambition",
            Self::InsufficientData => "insufficient-data",
        }
    }

    /// Parses the [`Status::as_str`] form.
    pub fn parse(s: &str) -> Option<Self> {
        let s = s.trim();
        Self::ALL.into_iter().find(|st| st.as_str() == s)
    }

    /// Display text: English when `lang` starts with `en` (e.g. `en`,
    /// `en-GB`), Norwegian bokmål otherwise.
    pub fn label(self, lang: &str) -> &'static str {
        let en = lang.trim().to_ascii_lowercase().starts_with("en");
        match (self, en) {
            (Self::Achieved, false) => "Nådd",
            (Self::Achieved, true) => "Achieved",
            (Self::OnTrack, false) => "I rute",
            (Self::OnTrack, true) => "On track",
            (Self::Moderate, false) => "Moderat framdrift",
            (Self::Moderate, true) => "Moderate progress",
            (Self::Limited, false) => "Begrenset framdrift",
            (Self::Limited, true) => "Limited progress",
            (Self::Deterioration, false) => "Forverring",
            (Self::Deterioration, true) => "Deterioration",
            (Self::NoAmbition, false) => "Ingen ambisjon",
            (Self::NoAmbition, true) => "No ambition",
            (Self::InsufficientData, false) => "For lite data",
            (Self::InsufficientData, true) => "Insufficient data",
        }
    }

    /// Score used by roll-ups: achieved 4, on-track 3, moderate 2, limited
    /// 1, deterioration 0; `None` for no-ambition and insufficient-data.
    pub fn score(self) -> Option<f64> {
        self.int_score().map(f64::from)
    }

    fn int_score(self) -> Option<u32> {
        match self {
            Self::Achieved => Some(4),
            Self::OnTrack => Some(3),
            Self::Moderate => Some(2),
            Self::Limited => Some(1),
            Self::Deterioration => Some(0),
            Self::NoAmbition | Self::InsufficientData => None,
        }
    }

    fn from_int_score(score: u32) -> Self {
        match score {
            0 => Self::Deterioration,
            1 => Self::Limited,
            2 => Self::Moderate,
            3 => Self::OnTrack,
            _ => Self::Achieved,
        }
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One observation of an indicator.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Point {
    /// Period label as reported (`2023`, `2024Q1`, `2024-01`, `2024-01-31`).
    pub period: String,
    /// Time in fractional years, normally [`period_time`] of `period`.
    pub t: f64,
    /// The value, in the indicator's unit.
    pub value: f64,
    /// Confidence interval (lower, upper) for survey estimates.
    pub ci: Option<(f64, f64)>,
}

/// An ambition: a target value by a deadline.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Ambition {
    /// Target value in the indicator's unit.
    pub target: f64,
    /// Deadline in fractional years, normally [`date_time`] of the date.
    pub deadline: f64,
    /// Deadline as written in the definition (e.g. `2030-12-31`).
    pub deadline_label: String,
    /// Which way is better.
    pub direction: Direction,
    /// Explicit baseline from the definition: period label and value. When
    /// the definition gives only the period, the caller takes the value from
    /// the series. `None`: the first point of the series is the baseline.
    pub baseline: Option<(String, f64)>,
}

/// A least-squares trend over the series.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Projection {
    /// Slope of the trend line, in units per year.
    pub slope_per_year: f64,
    /// Value of the trend line at t = 0, so that value = intercept +
    /// slope_per_year · t.
    pub intercept: f64,
    /// Trend value at the deadline (`None` without an ambition).
    pub value_at_deadline: Option<f64>,
    /// First period, in the granularity of the last observation, whose
    /// midpoint trend value meets the target (not earlier than the first
    /// observation). `None` without an ambition, when the trend is flat or
    /// moves away from the target, or when the crossing is after 2100.
    pub reaches_target_in: Option<String>,
    /// Number of points the line was fitted to.
    pub points_used: usize,
}

/// The judgement of one series against its ambition.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Assessment {
    /// The progress category.
    pub status: Status,
    /// The method actually used (after any fallback from `cagr` to `linear`).
    pub method: Method,
    /// The baseline point (explicit or the first point of the series).
    pub baseline: Option<Point>,
    /// The current (latest) point.
    pub current: Option<Point>,
    /// Linear method: value the required path reaches at the current time.
    pub required_now: Option<f64>,
    /// Progress ratio compared with [`Assessment::thresholds`].
    pub progress_ratio: Option<f64>,
    /// Cagr method: observed compound annual growth rate (0.05 = 5 %/year).
    pub observed_growth: Option<f64>,
    /// Cagr method: compound annual growth rate required to reach the target.
    pub required_growth: Option<f64>,
    /// Thresholds for on-track, moderate and limited ([`THRESHOLDS`]).
    pub thresholds: [f64; 3],
    /// The rule that decided the status, in one line.
    pub rule: String,
    /// Least-squares trend (at least 3 points), with or without an ambition.
    pub projection: Option<Projection>,
    /// When the current point's confidence interval ends give different
    /// statuses: the distinct statuses of the lower end, the point estimate
    /// and the upper end, best first. Empty otherwise.
    pub ci_spans_categories: Vec<Status>,
    /// Anything the reader should know: fallbacks, dropped points, guards.
    pub warnings: Vec<String>,
    /// The arithmetic, one line per step, in English.
    pub steps: Vec<String>,
}

/// Combines statuses of components (indicators of a goal, parts of a
/// composite).
///
/// No-ambition and insufficient-data are ignored. If nothing is left, the
/// result is no-ambition when any component has no ambition, else
/// insufficient-data. [`Rollup::Worst`] takes the lowest score;
/// [`Rollup::MeanScore`] takes the mean score rounded half up
/// (⌊mean + ½⌋, computed in integers) and maps it back to a category.
pub fn rollup(statuses: &[Status], how: Rollup) -> Status {
    let scores: Vec<u32> = statuses.iter().filter_map(|s| s.int_score()).collect();
    if scores.is_empty() {
        return if statuses.contains(&Status::NoAmbition) {
            Status::NoAmbition
        } else {
            Status::InsufficientData
        };
    }
    match how {
        Rollup::Worst => Status::from_int_score(scores.iter().copied().min().unwrap_or(0)),
        Rollup::MeanScore => {
            // round_half_up(sum / n) = ⌊(2·sum + n) / (2·n)⌋, exact in integers.
            let n = scores.len() as u64;
            let sum: u64 = scores.iter().map(|&s| u64::from(s)).sum();
            let rounded = (2 * sum + n) / (2 * n);
            Status::from_int_score(u32::try_from(rounded).unwrap_or(4))
        }
    }
}

/// Least-squares trend over the series (at least 3 points with finite time
/// and value, not all at one time); with an ambition also the value at the
/// deadline and the period in which the trend reaches the target.
pub fn project(series: &[Point], ambition: Option<&Ambition>) -> Option<Projection> {
    let mut ignored = Vec::new();
    let points = clean_series(series, &mut ignored);
    projection::project_clean(&points, ambition)
}

/// Formats a number for the steps: at most 6 decimals, trailing zeros cut.
fn num(x: f64) -> String {
    if !x.is_finite() {
        return format!("{x}");
    }
    let s = format!("{x:.6}");
    let s = if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    };
    if s == "-0" { "0".to_string() } else { s }
}

/// Finite points sorted by `t` (stable, so ties keep their input order).
fn clean_series(series: &[Point], warnings: &mut Vec<String>) -> Vec<Point> {
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

/// Tolerance for "meets the target": 1e-9 of the target's magnitude (at
/// least 1e-9), so that 94.99999999999 from floating arithmetic meets 95.
fn tolerance(target: f64) -> f64 {
    1e-9 * target.abs().max(1.0)
}

fn meets(value: f64, target: f64, direction: Direction) -> bool {
    match direction {
        Direction::Increase => value >= target - tolerance(target),
        Direction::Decrease => value <= target + tolerance(target),
    }
}

fn comparison(direction: Direction) -> &'static str {
    match direction {
        Direction::Increase => ">=",
        Direction::Decrease => "<=",
    }
}

/// Maps a progress ratio to a category with [`THRESHOLDS`].
fn categorise(ratio: f64) -> Status {
    let [on_track, moderate, limited] = THRESHOLDS;
    if ratio >= on_track {
        Status::OnTrack
    } else if ratio >= moderate {
        Status::Moderate
    } else if ratio >= limited {
        Status::Limited
    } else {
        Status::Deterioration
    }
}

fn threshold_text(ratio: f64, status: Status) -> String {
    let [on_track, moderate, limited] = THRESHOLDS;
    let r = num(ratio);
    match status {
        Status::OnTrack => format!("{r} >= {} -> on-track", num(on_track)),
        Status::Moderate => format!("{} <= {r} < {} -> moderate", num(moderate), num(on_track)),
        Status::Limited => format!("{} <= {r} < {} -> limited", num(limited), num(moderate)),
        _ => format!("{r} < {} -> deterioration", num(limited)),
    }
}

/// Result of judging one current value (the point estimate or a CI end).
struct Judgement {
    status: Status,
    method: Method,
    required_now: Option<f64>,
    progress_ratio: Option<f64>,
    observed_growth: Option<f64>,
    required_growth: Option<f64>,
    rule: String,
    steps: Vec<String>,
    warnings: Vec<String>,
}

impl Judgement {
    fn new(method: Method) -> Self {
        Self {
            status: Status::InsufficientData,
            method,
            required_now: None,
            progress_ratio: None,
            observed_growth: None,
            required_growth: None,
            rule: String::new(),
            steps: Vec::new(),
            warnings: Vec::new(),
        }
    }

    fn finish(mut self, status: Status, rule: String) -> Self {
        self.status = status;
        self.rule = rule;
        self
    }
}

/// Judges `current_value` at time `current_t` against the ambition, given
/// the baseline (if any could be resolved).
fn judge(
    baseline: Option<&Point>,
    current_t: f64,
    current_value: f64,
    amb: &Ambition,
    method: Method,
) -> Judgement {
    let mut j = Judgement::new(method);
    let (target, deadline, dir) = (amb.target, amb.deadline, amb.direction);
    let cmp = comparison(dir);

    if meets(current_value, target, dir) {
        j.steps.push(format!(
            "Target met: current {} {cmp} target {}.",
            num(current_value),
            num(target)
        ));
        let rule = format!(
            "achieved: current {} {cmp} target {} ({dir})",
            num(current_value),
            num(target)
        );
        return j.finish(Status::Achieved, rule);
    }
    let Some(b) = baseline else {
        let rule = "insufficient data: target not met and no baseline to measure progress from \
                    (needs two points or an explicit baseline)"
            .to_string();
        return j.finish(Status::InsufficientData, rule);
    };
    let (b_t, b_v) = (b.t, b.value);
    if current_t <= b_t {
        let rule = format!(
            "insufficient data: current time {} is not after baseline time {}",
            num(current_t),
            num(b_t)
        );
        return j.finish(Status::InsufficientData, rule);
    }
    if meets(b_v, target, dir) {
        j.steps.push(format!(
            "Baseline {} already met target {} ({cmp}); current {} does not.",
            num(b_v),
            num(target),
            num(current_value)
        ));
        let rule = format!(
            "deterioration: baseline {} met target {} ({dir}) but current {} does not",
            num(b_v),
            num(target),
            num(current_value)
        );
        return j.finish(Status::Deterioration, rule);
    }

    let requested = method;
    let mut method = method;
    if method == Method::Cagr && !(b_v > 0.0 && current_value > 0.0 && target > 0.0) {
        j.warnings.push(format!(
            "cagr needs positive baseline, current and target values (baseline {}, current {}, \
             target {}); fell back to linear",
            num(b_v),
            num(current_value),
            num(target)
        ));
        method = Method::Linear;
    }
    if method == Method::Cagr && deadline <= b_t {
        j.warnings.push(format!(
            "deadline {} is not after the baseline {}; required growth is undefined; fell back \
             to linear",
            num(deadline),
            num(b_t)
        ));
        method = Method::Linear;
    }
    j.method = method;
    j.steps.push(if method == requested {
        format!("Method: {method}.")
    } else {
        format!("Method: {method} (fallback from {requested}).")
    });

    let ratio = match method {
        Method::Linear => {
            let span = deadline - b_t;
            let elapsed = current_t.min(deadline) - b_t;
            let fraction = if span > 0.0 {
                elapsed / span
            } else {
                j.warnings.push(format!(
                    "deadline {} is not after the baseline {}; the required value is the target \
                     itself",
                    num(deadline),
                    num(b_t)
                ));
                1.0
            };
            let required_now = b_v + (target - b_v) * fraction;
            j.steps.push(format!(
                "Required path: b + (T - b) * (min(t, D) - t0) / (D - t0) = {} + ({} - {}) * \
                 ({} - {}) / ({} - {}) = {}.",
                num(b_v),
                num(target),
                num(b_v),
                num(current_t.min(deadline)),
                num(b_t),
                num(deadline),
                num(b_t),
                num(required_now)
            ));
            let required_change = required_now - b_v;
            let actual_change = current_value - b_v;
            j.required_now = Some(required_now).filter(|v| v.is_finite());
            let ratio = actual_change / required_change;
            j.steps.push(format!(
                "Progress ratio: (c - b) / (required - b) = ({} - {}) / ({} - {}) = {} / {} = {}.",
                num(current_value),
                num(b_v),
                num(required_now),
                num(b_v),
                num(actual_change),
                num(required_change),
                num(ratio)
            ));
            ratio
        }
        Method::Cagr => {
            let observed = (current_value / b_v).powf(1.0 / (current_t - b_t)) - 1.0;
            let required = (target / b_v).powf(1.0 / (deadline - b_t)) - 1.0;
            j.steps.push(format!(
                "Observed growth: (c / b)^(1 / (t - t0)) - 1 = ({} / {})^(1 / ({} - {})) - 1 = {}.",
                num(current_value),
                num(b_v),
                num(current_t),
                num(b_t),
                num(observed)
            ));
            j.steps.push(format!(
                "Required growth: (T / b)^(1 / (D - t0)) - 1 = ({} / {})^(1 / ({} - {})) - 1 = {}.",
                num(target),
                num(b_v),
                num(deadline),
                num(b_t),
                num(required)
            ));
            j.observed_growth = Some(observed).filter(|v| v.is_finite());
            j.required_growth = Some(required).filter(|v| v.is_finite());
            let ratio = observed / required;
            j.steps.push(format!(
                "Progress ratio: observed / required = {} / {} = {}.",
                num(observed),
                num(required),
                num(ratio)
            ));
            ratio
        }
    };
    if !ratio.is_finite() {
        j.warnings.push(format!(
            "progress ratio is not a finite number ({}); cannot categorise",
            num(ratio)
        ));
        let rule = format!("insufficient data: {method} progress ratio is undefined");
        return j.finish(Status::InsufficientData, rule);
    }
    j.progress_ratio = Some(ratio);
    if current_t > deadline {
        j.warnings.push(format!(
            "the deadline {} has passed and the target is not met",
            amb.deadline_label
        ));
    }
    let status = categorise(ratio);
    let rule = format!("{method}: progress ratio {}", threshold_text(ratio, status));
    j.finish(status, rule)
}

/// Resolves the baseline point. Returns `None` (with a reason in
/// `warnings`/`steps`) when it cannot be placed.
fn resolve_baseline(
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
pub fn assess(series: &[Point], ambition: Option<&Ambition>, method: Method) -> Assessment {
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
    let baseline = resolve_baseline(&points, amb, &mut out.warnings, &mut baseline_steps);
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
    push_trend_step(&mut out);
    out
}

/// The range a value in `unit` can take, when it is bounded: 0–100 for
/// percentages. `None` for unbounded units (counts, days, scores).
pub fn unit_bounds(unit: &str) -> Option<(f64, f64)> {
    match unit.trim().to_ascii_lowercase().as_str() {
        "percent" | "percentage" | "pct" | "%" => Some((0.0, 100.0)),
        _ => None,
    }
}

/// Keeps the projected value at the deadline within `bounds` (a share of
/// municipalities cannot pass 100 %, whatever a straight line says), and says
/// so in the steps when it had to. The trend line and the period in which it
/// reaches the target are left as they are.
pub fn bound_projection(a: &mut Assessment, bounds: Option<(f64, f64)>) {
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

/// Adds the projection, if any, as the last step.
fn push_trend_step(out: &mut Assessment) {
    let Some(p) = &out.projection else {
        return;
    };
    let mut line = format!(
        "Trend (least squares over {} points): value = {} + {} * t",
        p.points_used,
        num(p.intercept),
        num(p.slope_per_year)
    );
    if let Some(v) = p.value_at_deadline {
        line.push_str(&format!("; {} at the deadline", num(v)));
    }
    match &p.reaches_target_in {
        Some(period) => line.push_str(&format!("; reaches the target in {period}")),
        None if p.value_at_deadline.is_some() => {
            line.push_str("; does not reach the target by 2100")
        }
        None => {}
    }
    line.push('.');
    out.steps.push(line);
}
