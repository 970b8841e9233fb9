//! The values assessment works on: a series of [`Point`]s, an [`Ambition`],
//! and what it gives back ([`Assessment`], [`Projection`]).

use serde::Serialize;

use super::{Direction, Method, Status};

/// One observation of an indicator.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub(crate) struct Point {
    /// Period label as reported (`2023`, `2024Q1`, `2024-01`, `2024-01-31`).
    pub(crate) period: String,
    /// Time in fractional years, normally [`period_time`] of `period`.
    pub(crate) t: f64,
    /// The value, in the indicator's unit.
    pub(crate) value: f64,
    /// Confidence interval (lower, upper) for survey estimates.
    pub(crate) ci: Option<(f64, f64)>,
}

/// An ambition: a target value by a deadline.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub(crate) struct Ambition {
    /// Target value in the indicator's unit.
    pub(crate) target: f64,
    /// Deadline in fractional years, the deadline's [`crate::period::Period::end_time`].
    pub(crate) deadline: f64,
    /// Deadline as written in the definition (e.g. `2030-12-31`).
    pub(crate) deadline_label: String,
    /// Which way is better.
    pub(crate) direction: Direction,
    /// Explicit baseline from the definition: period label and value. When
    /// the definition gives only the period, the caller takes the value from
    /// the series. `None`: the first point of the series is the baseline.
    pub(crate) baseline: Option<(String, f64)>,
}

/// A least-squares trend over the series.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub(crate) struct Projection {
    /// Slope of the trend line, in units per year.
    pub(crate) slope_per_year: f64,
    /// Value of the trend line at t = 0, so that value = intercept +
    /// slope_per_year · t.
    pub(crate) intercept: f64,
    /// Trend value at the deadline (`None` without an ambition).
    pub(crate) value_at_deadline: Option<f64>,
    /// First period, in the granularity of the last observation, whose
    /// midpoint trend value meets the target (not earlier than the first
    /// observation). `None` without an ambition, when the trend is flat or
    /// moves away from the target, or when the crossing is after 2100.
    pub(crate) reaches_target_in: Option<String>,
    /// Number of points the line was fitted to.
    pub(crate) points_used: usize,
}

/// The judgement of one series against its ambition.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub(crate) struct Assessment {
    /// The progress category.
    pub(crate) status: Status,
    /// The method actually used (after any fallback from `cagr` to `linear`).
    pub(crate) method: Method,
    /// The baseline point (explicit or the first point of the series).
    pub(crate) baseline: Option<Point>,
    /// The current (latest) point.
    pub(crate) current: Option<Point>,
    /// Linear method: value the required path reaches at the current time.
    pub(crate) required_now: Option<f64>,
    /// Progress ratio compared with [`Assessment::thresholds`].
    pub(crate) progress_ratio: Option<f64>,
    /// Cagr method: observed compound annual growth rate (0.05 = 5 %/year).
    pub(crate) observed_growth: Option<f64>,
    /// Cagr method: compound annual growth rate required to reach the target.
    pub(crate) required_growth: Option<f64>,
    /// Thresholds for on-track, moderate and limited ([`THRESHOLDS`]).
    pub(crate) thresholds: [f64; 3],
    /// The rule that decided the status, in one line.
    pub(crate) rule: String,
    /// Least-squares trend (at least 3 points), with or without an ambition.
    pub(crate) projection: Option<Projection>,
    /// When the current point's confidence interval ends give different
    /// statuses: the distinct statuses of the lower end, the point estimate
    /// and the upper end, best first. Empty otherwise.
    pub(crate) ci_spans_categories: Vec<Status>,
    /// Anything the reader should know: fallbacks, dropped points, guards.
    pub(crate) warnings: Vec<String>,
    /// The arithmetic, one line per step, in English.
    pub(crate) steps: Vec<String>,
}
