//! Judging one current value against the ambition's required path: the
//! early verdicts, the progress ratio of the linear and cagr methods, and
//! the thresholds that categorise it.

use super::steps::num;
use super::{Ambition, Direction, Method, Point, Status, THRESHOLDS};

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

pub(super) fn comparison(direction: Direction) -> &'static str {
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
pub(super) struct Judgement {
    pub(super) status: Status,
    pub(super) method: Method,
    pub(super) required_now: Option<f64>,
    pub(super) progress_ratio: Option<f64>,
    pub(super) observed_growth: Option<f64>,
    pub(super) required_growth: Option<f64>,
    pub(super) rule: String,
    pub(super) steps: Vec<String>,
    pub(super) warnings: Vec<String>,
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

    /// Sets the verdict.
    fn settle(&mut self, status: Status, rule: String) {
        self.status = status;
        self.rule = rule;
    }
}

/// Judges `current_value` at time `current_t` against the ambition, given
/// the baseline (if any could be resolved).
pub(super) fn judge(
    baseline: Option<&Point>,
    current_t: f64,
    current_value: f64,
    amb: &Ambition,
    method: Method,
) -> Judgement {
    let mut j = Judgement::new(method);
    if let Some(b) = early_verdict(&mut j, baseline, current_t, current_value, amb) {
        judge_progress(&mut j, b, current_t, current_value, amb, method);
    }
    j
}

/// The verdicts that need no progress ratio: achieved, no baseline, no
/// time elapsed, deterioration from a baseline that met the target. Returns
/// the baseline when progress must be measured.
fn early_verdict<'p>(
    j: &mut Judgement,
    baseline: Option<&'p Point>,
    current_t: f64,
    current_value: f64,
    amb: &Ambition,
) -> Option<&'p Point> {
    let (target, dir) = (amb.target, amb.direction);
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
        j.settle(Status::Achieved, rule);
        return None;
    }
    let Some(b) = baseline else {
        let rule = "insufficient data: target not met and no baseline to measure progress from \
                    (needs two points or an explicit baseline)"
            .to_string();
        j.settle(Status::InsufficientData, rule);
        return None;
    };
    let (b_t, b_v) = (b.t, b.value);
    if current_t <= b_t {
        let rule = format!(
            "insufficient data: current time {} is not after baseline time {}",
            num(current_t),
            num(b_t)
        );
        j.settle(Status::InsufficientData, rule);
        return None;
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
        j.settle(Status::Deterioration, rule);
        return None;
    }
    Some(b)
}

/// Measures progress from the baseline with the method (after any
/// fallback) and categorises the ratio.
fn judge_progress(
    j: &mut Judgement,
    b: &Point,
    current_t: f64,
    current_value: f64,
    amb: &Ambition,
    requested: Method,
) {
    let method = usable_method(j, b, current_value, amb, requested);
    j.method = method;
    j.steps.push(if method == requested {
        format!("Method: {method}.")
    } else {
        format!("Method: {method} (fallback from {requested}).")
    });

    let ratio = match method {
        Method::Linear => linear_ratio(j, b, current_t, current_value, amb),
        Method::Cagr => cagr_ratio(j, b, current_t, current_value, amb),
    };
    if !ratio.is_finite() {
        j.warnings.push(format!(
            "progress ratio is not a finite number ({}); cannot categorise",
            num(ratio)
        ));
        let rule = format!("insufficient data: {method} progress ratio is undefined");
        j.settle(Status::InsufficientData, rule);
        return;
    }
    j.progress_ratio = Some(ratio);
    if current_t > amb.deadline {
        j.warnings.push(format!(
            "the deadline {} has passed and the target is not met",
            amb.deadline_label
        ));
    }
    let status = categorise(ratio);
    let rule = format!("{method}: progress ratio {}", threshold_text(ratio, status));
    j.settle(status, rule);
}

/// The requested method, or linear (with a warning) when cagr cannot be
/// computed: a value that is not positive, or a deadline not after the
/// baseline.
fn usable_method(
    j: &mut Judgement,
    b: &Point,
    current_value: f64,
    amb: &Ambition,
    requested: Method,
) -> Method {
    let (b_t, b_v) = (b.t, b.value);
    let (target, deadline) = (amb.target, amb.deadline);
    let mut method = requested;
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
    method
}

/// Linear method: actual change over the change the straight path from
/// the baseline to the target requires by now.
fn linear_ratio(
    j: &mut Judgement,
    b: &Point,
    current_t: f64,
    current_value: f64,
    amb: &Ambition,
) -> f64 {
    let (b_t, b_v) = (b.t, b.value);
    let (target, deadline) = (amb.target, amb.deadline);
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

/// Cagr method: observed over required compound annual growth.
fn cagr_ratio(
    j: &mut Judgement,
    b: &Point,
    current_t: f64,
    current_value: f64,
    amb: &Ambition,
) -> f64 {
    let (b_t, b_v) = (b.t, b.value);
    let (target, deadline) = (amb.target, amb.deadline);
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
