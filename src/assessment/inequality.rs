//! Inequality between groups (seed 001: how the indicators show «ulikhet i
//! helse»). For an indicator's figure in one period: the spread between the
//! health regions or counties, or between the groups of respondents a
//! survey carries (age group, gender, …), with the highest and lowest group
//! and the gap; for surveys a 95 % interval for the gap; and, for indicators
//! over municipalities, the share of the population living in municipalities
//! that do not meet the condition (from the population-weighted variant).
//! The formulas are in `docs/methodology.md`, section "Inequality".

use serde::Serialize;

use crate::definitions::{Indicator, MeasureKind};
use crate::measures::{Computed, Figure};

/// The geographic breakdowns a spread is shown for (not municipalities:
/// a municipality either meets a condition or not).
pub(crate) const GEO: [&str; 2] = ["region", "county"];

/// z for a two-sided 95 % interval.
const Z95: f64 = 1.959_963_984_540_054;

/// One group's figure.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub(crate) struct Group {
    /// The group (`Helse Vest`, `18-29`).
    pub(crate) name: String,
    /// Its value in the indicator's unit.
    pub(crate) value: f64,
    /// Its 95 % interval, for survey shares.
    pub(crate) ci: Option<(f64, f64)>,
}

/// The spread over the groups of one breakdown.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub(crate) struct Spread {
    /// The breakdown (`region`, `county`, `aldersgruppe`, …).
    pub(crate) breakdown: String,
    /// Groups with a value.
    pub(crate) groups: usize,
    /// Groups whose value is withheld (suppressed or missing).
    pub(crate) withheld: usize,
    /// The group with the highest value.
    pub(crate) highest: Group,
    /// The group with the lowest value.
    pub(crate) lowest: Group,
    /// Highest minus lowest, in the indicator's unit (points for percent).
    pub(crate) gap: f64,
    /// Approximate 95 % interval of the gap (surveys).
    pub(crate) gap_ci: Option<(f64, f64)>,
}

/// The population living in municipalities that do not meet the condition.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub(crate) struct Outside {
    /// The population-weighted indicator it is read from.
    pub(crate) from: String,
    /// Percent of the national population.
    pub(crate) national: Option<f64>,
    /// Percent of each group's population, per geographic breakdown.
    pub(crate) by_group: Vec<(String, String, f64)>,
}

/// Why an indicator has no spread.
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub(crate) enum NoSpread {
    /// Counts of groups of different size are not compared.
    Count,
    /// The indicator has no geographic or respondent breakdown.
    NoGroups,
    /// No figure in the period asked for.
    NoFigure,
}

/// The inequality view of one indicator.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub(crate) struct Inequality {
    /// Indicator id.
    pub(crate) indicator: String,
    /// The period of the figures compared.
    pub(crate) period: Option<String>,
    /// The indicator's unit.
    pub(crate) unit: String,
    /// One spread per breakdown with at least two groups with a value.
    pub(crate) spreads: Vec<Spread>,
    /// Why there are no spreads, when there are none.
    pub(crate) none: Option<NoSpread>,
    /// Population in municipalities not meeting the condition.
    pub(crate) outside: Option<Outside>,
}

/// The breakdowns of `ind` whose groups are compared: region and county,
/// and, for survey shares, the respondent groups (not the answer column of
/// a multi-select question).
pub(crate) fn compared_breakdowns(ind: &Indicator) -> Vec<String> {
    let survey = ind.measure_kind() == Some(MeasureKind::SurveyShare);
    let answer = ind.measure.as_ref().and_then(|m| m.answer());
    ind.breakdowns
        .iter()
        .filter(|b| {
            GEO.contains(&b.as_str())
                || (survey && Some(b.as_str()) != answer && *b != "municipality")
        })
        .cloned()
        .collect()
}

/// The inequality view of `ind` in `period` (its latest figure), with the
/// figures of its population-weighted variant when it has one.
pub(crate) fn inequality(
    ind: &Indicator,
    computed: Option<&Computed>,
    period: Option<&str>,
    weighted: Option<(&str, &Computed)>,
) -> Inequality {
    let mut out = Inequality {
        indicator: ind.id().to_string(),
        period: period.map(str::to_string),
        unit: ind.unit.as_str().to_string(),
        spreads: Vec::new(),
        none: None,
        outside: None,
    };
    let breakdowns = compared_breakdowns(ind);
    out.none = match (computed, period) {
        _ if breakdowns.is_empty() => Some(NoSpread::NoGroups),
        _ if ind.unit.as_str() == "count" => Some(NoSpread::Count),
        (Some(c), Some(p)) => {
            out.spreads = breakdowns.iter().filter_map(|b| spread(c, p, b)).collect();
            None
        }
        _ => Some(NoSpread::NoFigure),
    };
    if let (Some((from, w)), Some(p)) = (weighted, period) {
        out.outside = Some(outside(from, w, p));
    }
    out
}

/// The spread of one breakdown in `period`; `None` with fewer than two
/// groups with a value.
fn spread(c: &Computed, period: &str, breakdown: &str) -> Option<Spread> {
    let figures: Vec<&Figure> = c
        .figures
        .iter()
        .filter(|f| f.period == period && f.breakdown == breakdown)
        .collect();
    let mut groups: Vec<Group> = figures
        .iter()
        .filter(|f| !f.suppressed && f.flags.is_empty())
        .filter_map(|f| {
            Some(Group {
                name: f.group.clone(),
                value: f.value?,
                ci: f.ci_low.zip(f.ci_high),
            })
        })
        .collect();
    if groups.len() < 2 {
        return None;
    }
    // Highest first; ties by name, so the choice is stable.
    groups.sort_by(|a, b| {
        b.value
            .total_cmp(&a.value)
            .then_with(|| a.name.cmp(&b.name))
    });
    let highest = groups.first()?.clone();
    let lowest = groups.last()?.clone();
    let gap = highest.value - lowest.value;
    let gap_ci = match (highest.ci, lowest.ci) {
        (Some(h), Some(l)) => {
            let se = ((half_width(h) / Z95).powi(2) + (half_width(l) / Z95).powi(2)).sqrt();
            Some((gap - Z95 * se, gap + Z95 * se))
        }
        _ => None,
    };
    Some(Spread {
        breakdown: breakdown.to_string(),
        groups: groups.len(),
        withheld: figures.len() - groups.len(),
        highest,
        lowest,
        gap,
        gap_ci,
    })
}

/// Half the width of an interval.
fn half_width((low, high): (f64, f64)) -> f64 {
    (high - low) / 2.0
}

/// 100 minus the population-weighted share, nationally and per group.
fn outside(from: &str, w: &Computed, period: &str) -> Outside {
    let at = |f: &&Figure| f.period == period && !f.suppressed && f.flags.is_empty();
    Outside {
        from: from.to_string(),
        national: w
            .figures
            .iter()
            .filter(at)
            .find(|f| f.breakdown.is_empty())
            .and_then(|f| f.value)
            .map(|v| 100.0 - v),
        by_group: w
            .figures
            .iter()
            .filter(at)
            .filter(|f| GEO.contains(&f.breakdown.as_str()))
            .filter_map(|f| Some((f.breakdown.clone(), f.group.clone(), 100.0 - f.value?)))
            .collect(),
    }
}
