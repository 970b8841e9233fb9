//! From collected frames to figures: one [`Figure`] per row, rounding to 6
//! decimals, suppression of small breakdown cells, and the cut of periods
//! the data do not cover to their end.

use anyhow::Result;
use polars::prelude::*;

use super::engine::Planned;
use super::{Computed, Figure, Quality, SourceFile, plan};
use crate::definitions::Granularity;
use crate::period::Period;

/// Turns the collected frames of one indicator into its figures: one
/// figure per row (small breakdown cells suppressed), periods after the end
/// of the data cut, sorted by breakdown, group and period.
///
/// # Errors
/// A frame lacks the period key or polars cannot read a column.
pub(super) fn finish(
    p: Planned,
    dfs: &[DataFrame],
    suppress_below: u64,
    files: Vec<SourceFile>,
    quality: Quality,
) -> Result<Computed> {
    let mut figures = Vec::new();
    let mut data_end: Option<i64> = None;
    for ((b, _), df) in p.frames.iter().zip(dfs) {
        if let Ok(c) = df.column(plan::LAST)
            && let Some(max) = c.cast(&DataType::Int64)?.i64()?.max()
        {
            data_end = Some(data_end.map_or(max, |d| d.max(max)));
        }
        figures.extend(to_figures(df, b, p.granularity, suppress_below)?);
    }
    let mut notes = Vec::new();
    let mut dropped = Vec::new();
    // A declared `complete-through` decides; else the last month with data.
    let end = match p.complete_through {
        Some(day) => Some(complete_month(day)),
        None => data_end.map(|k| (k, None)),
    };
    if let Some((end, day)) = end {
        let (kept, cut) = cut_after(figures, end);
        figures = kept;
        if !cut.is_empty() {
            dropped = national_periods(&cut);
            notes.push(cut_note(&dropped, end, day));
        }
    }
    notes.extend(p.notes);
    figures.sort_by(|a, b| {
        (
            a.breakdown.as_str(),
            a.group.as_str(),
            Period::parse(&a.period),
        )
            .cmp(&(
                b.breakdown.as_str(),
                b.group.as_str(),
                Period::parse(&b.period),
            ))
    });
    Ok(Computed {
        as_of: p.as_of,
        future_allowed: p.future_allowed,
        indicator: p.indicator,
        granularity: p.granularity.as_str().to_string(),
        figures,
        files,
        definition: p.definition,
        notes,
        quality,
        dropped,
    })
}

/// The last month a `complete-through` day covers to its end (`y*100+m`),
/// and the day.
fn complete_month(day: Period) -> (i64, Option<Period>) {
    let last = Period::new(Granularity::Month, day.year, day.sub).last_day();
    let (y, m) = (i64::from(day.year), i64::from(day.sub));
    let covers_month = day == last;
    let k = if covers_month {
        y * 100 + m
    } else if m == 1 {
        (y - 1) * 100 + 12
    } else {
        y * 100 + m - 1
    };
    (k, Some(day))
}

/// The distinct periods among cut figures, in order.
fn national_periods(cut: &[Figure]) -> Vec<String> {
    let mut periods: Vec<Period> = cut
        .iter()
        .filter_map(|f| Period::parse(&f.period))
        .collect();
    periods.sort();
    periods.dedup();
    periods.into_iter().map(Period::label).collect()
}

/// The note on periods left out.
fn cut_note(dropped: &[String], end: i64, day: Option<Period>) -> String {
    let end_p = Period::from_key(Granularity::Month, end);
    let why = match day {
        Some(d) => format!(
            "the source is complete through {} (`complete-through`)",
            d.label()
        ),
        None => format!("the data end in {}", end_p.label()),
    };
    format!(
        "incomplete period(s) left out: {} ({why}; a period is shown only when the data cover it to its end)",
        dropped.join(", ")
    )
}

/// A period the data do not cover to its end (2026 when the log ends in
/// June 2026) is left out rather than shown as a low value; the note says
/// so when any was. `end` is the last month covered (`y*100+m`).
fn cut_after(figures: Vec<Figure>, end: i64) -> (Vec<Figure>, Vec<Figure>) {
    let end_p = Period::from_key(Granularity::Month, end);
    figures.into_iter().partition(|f| {
        Period::parse(&f.period).is_none_or(|p| (p.year, p.last_month()) <= (end_p.year, end_p.sub))
    })
}

/// Turns a result frame (`_k`, `_g`, `value`, `num`, `den`, `n`, `ci_low`,
/// `ci_high`, `text`) into figures, suppressing small breakdown cells.
fn to_figures(
    df: &DataFrame,
    breakdown: &str,
    granularity: Granularity,
    suppress_below: u64,
) -> Result<Vec<Figure>> {
    let height = df.height();
    let c = Columns::read(df)?;
    let mut out = Vec::with_capacity(height);
    for i in 0..height {
        let Some(k) = c.keys[i] else { continue };
        let count = c.n[i].map(|x| x.max(0.0).round() as u64);
        let suppressed = !breakdown.is_empty() && count.is_some_and(|units| units < suppress_below);
        let group = if breakdown.is_empty() {
            String::new()
        } else {
            c.groups[i]
                .clone()
                .unwrap_or_else(|| "(ukjent)".to_string())
        };
        out.push(Figure {
            period: Period::from_key(granularity, k).label(),
            breakdown: breakdown.to_string(),
            group,
            value: if suppressed { None } else { round(c.value[i]) },
            numerator: if suppressed { None } else { round(c.num[i]) },
            denominator: if suppressed { None } else { round(c.den[i]) },
            n: if suppressed { None } else { count },
            ci_low: if suppressed { None } else { round(c.lo[i]) },
            ci_high: if suppressed { None } else { round(c.hi[i]) },
            suppressed,
            text: c.texts[i].clone(),
            flags: Vec::new(),
        });
    }
    if !breakdown.is_empty() {
        secondary_suppression(&mut out, suppress_below);
    }
    Ok(out)
}

/// Secondary suppression: in a period where exactly one group of the
/// breakdown is suppressed, the national figure minus the others would give
/// it away; the group with the next smallest count is suppressed as well
/// (ties: the first group by name), as Norwegian health statistics do.
fn secondary_suppression(out: &mut [Figure], suppress_below: u64) {
    if suppress_below == 0 {
        return;
    }
    let mut periods: Vec<String> = out.iter().map(|f| f.period.clone()).collect();
    periods.sort();
    periods.dedup();
    for period in periods {
        let idx: Vec<usize> = (0..out.len())
            .filter(|&i| out[i].period == period)
            .collect();
        if idx.iter().filter(|&&i| out[i].suppressed).count() != 1 {
            continue;
        }
        let next = idx
            .iter()
            .copied()
            .filter(|&i| !out[i].suppressed)
            .filter_map(|i| Some((out[i].n?, out[i].group.clone(), i)))
            .min();
        if let Some((_, _, i)) = next {
            let f = &mut out[i];
            f.suppressed = true;
            f.value = None;
            f.numerator = None;
            f.denominator = None;
            f.n = None;
            f.ci_low = None;
            f.ci_high = None;
        }
    }
}

/// Rounds to 6 decimals so outputs are stable across platforms.
fn round(v: Option<f64>) -> Option<f64> {
    v.map(|x| (x * 1e6).round() / 1e6)
}

/// The columns of a result frame; a missing column reads as all null.
struct Columns {
    keys: Vec<Option<i64>>,
    groups: Vec<Option<String>>,
    texts: Vec<Option<String>>,
    value: Vec<Option<f64>>,
    num: Vec<Option<f64>>,
    den: Vec<Option<f64>>,
    n: Vec<Option<f64>>,
    lo: Vec<Option<f64>>,
    hi: Vec<Option<f64>>,
}

impl Columns {
    fn read(df: &DataFrame) -> Result<Self> {
        let height = df.height();
        let f64_col = |name: &str| -> Result<Vec<Option<f64>>> {
            match df.column(name) {
                Ok(c) => Ok(c
                    .cast(&DataType::Float64)?
                    .f64()?
                    .iter()
                    .map(|v| v.filter(|x| x.is_finite()))
                    .collect()),
                Err(_) => Ok(vec![None; height]),
            }
        };
        let keys: Vec<Option<i64>> = df
            .column(plan::KEY)?
            .cast(&DataType::Int64)?
            .i64()?
            .iter()
            .collect();
        let groups = text_column(df, plan::GROUP, height)?;
        let texts = text_column(df, "text", height)?;
        Ok(Self {
            keys,
            groups,
            texts,
            value: f64_col("value")?,
            num: f64_col("num")?,
            den: f64_col("den")?,
            n: f64_col("n")?,
            lo: f64_col("ci_low")?,
            hi: f64_col("ci_high")?,
        })
    }
}

/// A column as text (`None` for nulls); all `None` when the frame lacks it.
fn text_column(df: &DataFrame, name: &str, height: usize) -> PolarsResult<Vec<Option<String>>> {
    match df.column(name) {
        Ok(c) => Ok(c
            .cast(&DataType::String)?
            .str()?
            .iter()
            .map(|s| s.map(str::to_string))
            .collect()),
        Err(_) => Ok(vec![None; height]),
    }
}
