//! Plausibility: figures outside what the unit or the definition allows are
//! flagged `implausible` (never changed or dropped): a percentage outside
//! 0–100, a negative count, a share whose numerator exceeds its
//! denominator, and the bounds a definition declares (`plausible`), where
//! `municipalities` and `counties` are the numbers valid in the figure's
//! year (SSB KLASS 131 and 104, `reference/`).

use std::collections::BTreeSet;

use super::Figure;
use crate::definitions::{Bound, Indicator};
use crate::geography::Geography;
use crate::period::Period;

/// The flag set on an implausible figure.
pub(crate) const IMPLAUSIBLE: &str = "implausible";

/// Rounding slack when comparing with a bound.
const SLACK: f64 = 1e-9;

/// Flags the implausible figures of `ind`; returns how many.
pub(super) fn flag(figures: &mut [Figure], ind: &Indicator) -> usize {
    let mut flagged = 0;
    for f in figures.iter_mut() {
        if why(f, ind).is_some() {
            f.flags.push(IMPLAUSIBLE.to_string());
            flagged += 1;
        }
    }
    flagged
}

/// Why a figure is implausible, in words, or `None`.
pub(crate) fn why(f: &Figure, ind: &Indicator) -> Option<String> {
    let v = f.value?;
    let unit = ind.unit.as_str();
    if unit == "percent" && !(-SLACK..=100.0 + SLACK).contains(&v) {
        return Some(format!("{v} is a percentage outside 0–100"));
    }
    if unit == "count" && v < -SLACK {
        return Some(format!("{v} is a negative count"));
    }
    if unit == "percent"
        && let (Some(n), Some(d)) = (f.numerator, f.denominator)
        && n > d + SLACK
    {
        return Some(format!("the numerator {n} exceeds the denominator {d}"));
    }
    if !f.breakdown.is_empty() {
        return None;
    }
    let year = Period::parse(&f.period).map(|p| p.year)?;
    let p = ind.plausible;
    if let Some(min) = p.min.map(|b| bound(b, year))
        && v < min - SLACK
    {
        return Some(format!("{v} is below the plausible minimum {min} ({year})"));
    }
    if let Some(max) = p.max.map(|b| bound(b, year))
        && v > max + SLACK
    {
        let what = match p.max {
            Some(Bound::Municipalities) => " municipalities valid",
            Some(Bound::Counties) => " counties valid",
            _ => "",
        };
        return Some(format!(
            "{v} is above the plausible maximum: {max}{what} in {year}"
        ));
    }
    None
}

/// A bound's value in `year`.
#[allow(clippy::cast_precision_loss, reason = "a few hundred municipalities")]
fn bound(b: Bound, year: i32) -> f64 {
    let geo = Geography::shipped();
    match b {
        Bound::Value(x) => x,
        Bound::Municipalities => geo.municipalities_in(year).len() as f64,
        Bound::Counties => {
            let counties: BTreeSet<&str> = geo
                .municipalities_in(year)
                .into_iter()
                .map(|m| m.county.as_str())
                .collect();
            counties.len() as f64
        }
    }
}
