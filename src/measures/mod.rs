//! Measures: each indicator's definition compiled to one polars lazy plan
//! (scan → filter → group → join → aggregate), collected once with the
//! streaming engine, giving tidy [`Figure`] rows per period and breakdown.
//!
//! `engine` opens sources and plans indicators (`plan/` has one file per
//! measure kind), `figures` turns collected frames into figures, and `geo`
//! holds the municipality tables as frames for joins.

mod engine;
mod figures;
mod geo;
mod notes;
mod plan;
mod plausible;
mod quality;

use std::path::PathBuf;

use serde::Serialize;

pub(crate) use engine::Engine;
pub(crate) use plausible::why as implausible_because;
pub(crate) use quality::Quality;

/// Breakdowns derived from municipality codes.
pub(crate) const GEO_BREAKDOWNS: [&str; 3] = ["region", "county", "municipality"];

/// One computed value: an indicator in a period, nationally or for one group
/// of a breakdown.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub(crate) struct Figure {
    /// Period label (`2025`, `2025Q2`, `2025-06`).
    pub(crate) period: String,
    /// Breakdown name; empty for the national figure.
    pub(crate) breakdown: String,
    /// Group within the breakdown (e.g. `Helse Vest`); empty for national.
    pub(crate) group: String,
    /// The value in the indicator's unit; `None` when missing or suppressed.
    pub(crate) value: Option<f64>,
    /// Numerator (ratio, share) or the counted quantity.
    pub(crate) numerator: Option<f64>,
    /// Denominator (ratio, share).
    pub(crate) denominator: Option<f64>,
    /// Units behind the figure (rows, respondents, municipalities).
    pub(crate) n: Option<u64>,
    /// Lower end of the 95 % confidence interval (survey shares).
    pub(crate) ci_low: Option<f64>,
    /// Upper end of the 95 % confidence interval.
    pub(crate) ci_high: Option<f64>,
    /// The cell was below the suppression threshold; value withheld.
    pub(crate) suppressed: bool,
    /// Text value (milestone status).
    pub(crate) text: Option<String>,
    /// Why the figure is not to be read at face value: `incomplete-period`
    /// (a period the data do not cover to its end, value withheld) or
    /// `implausible` (outside what the unit or the definition allows).
    pub(crate) flags: Vec<String>,
}

/// A file behind a figure.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub(crate) struct SourceFile {
    /// Source id.
    pub(crate) source: String,
    /// File path.
    pub(crate) path: PathBuf,
    /// SHA-256 of the file.
    pub(crate) sha256: String,
}

/// The figures of one indicator, with where they came from.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Computed {
    /// Indicator id.
    pub(crate) indicator: String,
    /// Granularity of the periods.
    pub(crate) granularity: String,
    /// Figures sorted by breakdown, group and period.
    pub(crate) figures: Vec<Figure>,
    /// Files read.
    pub(crate) files: Vec<SourceFile>,
    /// Definition version and file hash.
    pub(crate) definition: String,
    /// Notes on rows left out and why.
    pub(crate) notes: Vec<String>,
    /// Unreadable cells and excluded rows behind the figures.
    pub(crate) quality: Quality,
    /// Periods left out because the data do not cover them to their end.
    pub(crate) dropped: Vec<String>,
    /// When every source read is a snapshot: its as-of date. The figures
    /// (labelled with the year) describe the state on that day, so they
    /// belong to any reporting period that ends on or after it.
    #[serde(skip)]
    pub(crate) as_of: Option<crate::period::Period>,
    /// A source read expects periods after today (planned years).
    #[serde(skip)]
    pub(crate) future_allowed: bool,
}

impl Computed {
    /// Whether a figure belongs to a report whose period ends at month
    /// index `cut` (`year*12 + month`; always without one): its period ends
    /// by then, or, over snapshots, the as-of date lies before.
    pub(crate) fn within(&self, f: &Figure, cut: Option<i64>) -> bool {
        let Some(c) = cut else { return true };
        match self.as_of {
            Some(d) => d.end_index() <= c,
            None => crate::period::Period::parse(&f.period).is_some_and(|p| p.end_index() <= c),
        }
    }

    /// National figures in period order.
    pub(crate) fn national(&self) -> Vec<&Figure> {
        self.figures
            .iter()
            .filter(|f| f.breakdown.is_empty())
            .collect()
    }

    /// Figures of one group of a breakdown, in period order.
    pub(crate) fn group(&self, breakdown: &str, group: &str) -> Vec<&Figure> {
        self.figures
            .iter()
            .filter(|f| f.breakdown == breakdown && f.group == group)
            .collect()
    }
}
