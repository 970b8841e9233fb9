//! Progress towards each ambition ("Framdrift mot 2030").
//!
//! Pure functions over a computed series: [`assess`] judges the latest value
//! against the ambition's required path (method [`Method::Linear`] or
//! [`Method::Cagr`]), [`project`] fits a least-squares trend, and [`rollup`]
//! combines statuses for composite indicators and goals. Every formula and
//! threshold is written out in `docs/methodology.md`; the two must agree.
//!
//! Time is fractional years: a period sits at its midpoint
//! ([`period_time`]), a deadline at the end of its day ([`Period::end_time`]).

mod assess;
mod baseline;
pub(crate) mod inequality;
mod path;
mod progress;
mod projection;
mod rollup;
mod status;
mod steps;
mod types;

#[cfg(test)]
mod tests;

pub(crate) use crate::definitions::{Direction, Method, Rollup};
pub(crate) use assess::assess;
#[cfg(test)]
pub(crate) use projection::project;
pub(crate) use projection::{bound_projection, unit_bounds};
pub(crate) use rollup::rollup;
pub(crate) use status::{Status, THRESHOLDS};
pub(crate) use types::{Ambition, Assessment, Point, Projection};

pub(crate) use path::required_path;

use crate::period::Period;

/// The time of a period label: its midpoint in fractional years.
///
/// `"2023"` → 2023.5, `"2024Q1"` → 2024.125, `"2024-01"` → 2024 + 0.5/12,
/// `"2024-01-31"` → 2024 + 30.5/366 (the middle of that day). Quarters may
/// also be written `2024-Q1` or `2024q1`. Anything else gives `None`.
pub(crate) fn period_time(label: &str) -> Option<f64> {
    Period::parse_time_label(label).map(Period::midpoint)
}

/// The time of a deadline: the end of the given day in fractional years.
///
/// `"2030-12-31"` → 2031.0, `"2029-12-31"` → 2030.0. A coarser label means
/// the end of that period: `"2030"` → 2031.0, `"2030Q2"` → 2030.5,
/// `"2030-06"` → 2030.5. Anything else gives `None`. The program itself
/// takes the typed deadline's [`Period::end_time`]; the tests state the
/// rule with labels.
#[cfg(test)]
pub(crate) fn date_time(date: &str) -> Option<f64> {
    Period::parse_time_label(date).map(Period::end_time)
}
