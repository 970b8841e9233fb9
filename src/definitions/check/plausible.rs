//! Checks of `plausible`: the bounds a figure must lie within to be taken at
//! face value (`min`/`max` numbers, or `municipalities`/`counties`: the
//! number valid in the figure's year).

use super::Ctx;
use crate::definitions::model::{Bound, Plausible};
use crate::definitions::raw::RawPlausible;

/// The checked bounds; `None` when one is malformed (an error is given).
pub(super) fn check(ctx: &mut Ctx<'_>, raw: Option<&RawPlausible>) -> Option<Plausible> {
    let Some(raw) = raw else {
        return Some(Plausible::default());
    };
    let min = bound(ctx, "plausible.min", raw.min.as_ref());
    let max = bound(ctx, "plausible.max", raw.max.as_ref());
    let (Ok(min), Ok(max)) = (min, max) else {
        return None;
    };
    if let (Some(Bound::Value(lo)), Some(Bound::Value(hi))) = (min, max)
        && lo > hi
    {
        ctx.error(
            "bad-value",
            "plausible",
            format!("`min` ({lo}) is above `max` ({hi})"),
        );
        return None;
    }
    Some(Plausible { min, max })
}

/// A bound, `Ok(None)` when absent, `Err` when malformed (an error is given).
fn bound(
    ctx: &mut Ctx<'_>,
    field: &str,
    raw: Option<&serde_yaml::Value>,
) -> Result<Option<Bound>, ()> {
    let Some(v) = raw else { return Ok(None) };
    if let Some(x) = v.as_f64() {
        return Ok(Some(Bound::Value(x)));
    }
    match v.as_str() {
        Some("municipalities") => Ok(Some(Bound::Municipalities)),
        Some("counties") => Ok(Some(Bound::Counties)),
        _ => {
            ctx.error(
                "bad-value",
                field,
                "must be a number, `municipalities` or `counties` (the number valid in the figure's year)"
                    .to_string(),
            );
            Err(())
        }
    }
}
