//! The written arithmetic ("steps") of an assessment: number formatting
//! and the trend line.

use std::fmt::Write;

use super::Assessment;

/// Formats a number for the steps: at most 6 decimals, trailing zeros cut.
pub(super) fn num(x: f64) -> String {
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

/// Adds the projection, if any, as the last step.
pub(super) fn push_trend_step(out: &mut Assessment) {
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
        let _ = write!(line, "; {} at the deadline", num(v));
    }
    match &p.reaches_target_in {
        Some(period) => {
            let _ = write!(line, "; reaches the target in {period}");
        }
        None if p.value_at_deadline.is_some() => {
            line.push_str("; does not reach the target by 2100");
        }
        None => {}
    }
    line.push('.');
    out.steps.push(line);
}
