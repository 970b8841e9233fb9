//! Checks of an ambition: either `none` with a reason, or a target with a
//! deadline, an explicit direction and an optional baseline.

use super::Ctx;
use crate::definitions::model::{AmbitionDef, Direction, Granularity};
use crate::definitions::raw::{RawAmbition, RawBaseline, RawIndicator};
use crate::period::Period;

/// Checks the indicator's ambition; `None` when it has errors.
pub(super) fn check(ctx: &mut Ctx<'_>, raw: &RawIndicator) -> Option<AmbitionDef> {
    let a = &raw.ambition;
    match (&a.none, a.target) {
        (Some(_), Some(_)) => {
            ctx.error(
                "bad-ambition",
                "ambition.none",
                "an ambition is either `none` (with a reason) or a `target`, not both".into(),
            );
            None
        }
        (None, None) => {
            ctx.error(
                "bad-ambition",
                "ambition",
                "give `target`, `by` and `direction`, or `none: \"reason\"`".into(),
            );
            None
        }
        (Some(reason), None) => Some(check_none(ctx, a, reason)),
        (None, Some(target)) => check_target(ctx, raw, target),
    }
}

/// `none: reason`: the reason is given and no target field is set.
fn check_none(ctx: &mut Ctx<'_>, a: &RawAmbition, reason: &str) -> AmbitionDef {
    if reason.trim().is_empty() {
        ctx.error(
            "bad-ambition",
            "ambition.none",
            "`none` needs a reason, e.g. \"illustrated projection only\"".into(),
        );
    }
    for (set, f) in [
        (a.by.is_some(), "by"),
        (a.direction.is_some(), "direction"),
        (a.baseline.is_some(), "baseline"),
        (a.per.is_some(), "per"),
    ] {
        if set {
            ctx.error(
                "unused-field",
                &format!("ambition.{f}"),
                format!("`{f}` has no meaning without a target"),
            );
        }
    }
    AmbitionDef::None(reason.to_string())
}

/// A target: deadline, direction, range, baseline and `per`.
fn check_target(ctx: &mut Ctx<'_>, raw: &RawIndicator, target: f64) -> Option<AmbitionDef> {
    let a = &raw.ambition;
    let mut ok = true;
    let Some(by) = &a.by else {
        ctx.error(
            "missing-field",
            "ambition.by",
            "a target needs a deadline `by: YYYY-MM-DD`".into(),
        );
        return None;
    };
    let deadline = Period::parse(by).filter(|p| p.granularity == Granularity::Day);
    if deadline.is_none() {
        ctx.error(
            "bad-value",
            "ambition.by",
            format!("`{by}` is not a date YYYY-MM-DD"),
        );
        ok = false;
    }
    let direction = check_direction(ctx, a.direction.as_deref());
    if raw.unit == "percent" && !(0.0..=100.0).contains(&target) {
        ctx.error(
            "bad-target",
            "ambition.target",
            format!("a percent target must lie in 0–100, not {target}"),
        );
        ok = false;
    }
    let mut baseline = None;
    if let Some(b) = &a.baseline {
        let period = check_baseline(ctx, b, by, deadline, direction, target);
        ok &= period.is_some();
        baseline = period.map(|p| (p, b.value));
    }
    if let Some(per) = &a.per
        && !raw.breakdowns.contains(per)
    {
        ctx.error(
            "bad-value",
            "ambition.per",
            format!("`per: {per}` must be one of the indicator's breakdowns"),
        );
        ok = false;
    }
    let (direction, by) = (direction?, deadline?);
    ok.then(|| AmbitionDef::Target {
        target,
        by,
        direction,
        baseline,
        per: a.per.clone(),
    })
}

/// The direction is never assumed.
fn check_direction(ctx: &mut Ctx<'_>, direction: Option<&str>) -> Option<Direction> {
    match direction {
        None => {
            ctx.error(
                "missing-field",
                "ambition.direction",
                "the direction is never assumed: give `direction: increase` or `decrease`".into(),
            );
            None
        }
        Some(d) => ctx.enum_value("ambition.direction", d, Direction::parse, Direction::ALL),
    }
}

/// The baseline period parses and lies before the deadline, and its value
/// agrees with the direction. Returns the period when all is well.
fn check_baseline(
    ctx: &mut Ctx<'_>,
    b: &RawBaseline,
    by: &str,
    deadline: Option<Period>,
    direction: Option<Direction>,
    target: f64,
) -> Option<Period> {
    let mut ok = true;
    let label = match &b.period {
        serde_yaml::Value::Number(n) => n.to_string(),
        serde_yaml::Value::String(s) => s.clone(),
        other => format!("{other:?}"),
    };
    let period = Period::parse(&label);
    match period {
        None => {
            ctx.error(
                "bad-value",
                "ambition.baseline.period",
                format!("`{label}` is not a period (2023, 2024Q1 or 2024-01)"),
            );
            ok = false;
        }
        Some(p) => {
            if let Some(d) = deadline
                && p.start_time() >= d.start_time()
            {
                ctx.error(
                    "deadline-before-baseline",
                    "ambition.by",
                    format!("the deadline {by} is not after the baseline period {label}"),
                );
                ok = false;
            }
        }
    }
    if let (Some(v), Some(dir)) = (b.value, direction) {
        let contradicts = match dir {
            Direction::Increase => target < v,
            Direction::Decrease => target > v,
        };
        if contradicts {
            ctx.error(
                "direction-contradiction",
                "ambition.direction",
                format!(
                    "direction `{}` contradicts baseline {v} and target {target}",
                    dir.as_str()
                ),
            )
            .help = Some("check the direction, or the baseline and target values".into());
            ok = false;
        }
    }
    period.filter(|_| ok)
}
