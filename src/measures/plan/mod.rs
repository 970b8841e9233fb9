//! Lazy plans per measure kind. Every plan ends in the columns `_k` (period
//! key), `_g` (group; empty for national), `value`, and where they apply
//! `num`, `den`, `n`, `ci_low`, `ci_high`, `text`. This file dispatches on
//! the kind; `rows` prepares the source rows, one file per kind builds the
//! rest.

mod milestone;
mod ratio;
mod rows;
mod share_of_units;
mod simple;
mod survey_share;

use std::collections::BTreeMap;

use anyhow::{Result, anyhow, bail};
use polars::prelude::*;

use crate::definitions::Measure;
use crate::definitions::{Granularity, Indicator, MeasureKind};
use crate::geography::SplitPolicy;
use crate::sources::Opened;

pub(super) use rows::needed_columns;

/// Period key column.
pub(super) const KEY: &str = "_k";
/// Group column.
pub(super) const GROUP: &str = "_g";
/// Latest month (`y*100+m`) of the rows behind a figure.
pub(super) const LAST: &str = "_last";
/// Rows of a reported figure that repeat another row (see
/// `simple::duplicates`); only reported measures have the column.
pub(in crate::measures) const DUPS: &str = "_dups";

/// What a plan needs.
pub(super) struct Ctx<'a, 'b> {
    pub(super) indicator: &'a Indicator,
    pub(super) opened: &'a BTreeMap<&'b str, &'a Opened<'b>>,
    /// How municipalities split before the target structure are mapped.
    pub(super) split_policy: SplitPolicy,
}

impl<'b> Ctx<'_, 'b> {
    pub(super) fn source_for(&self, m: &Measure) -> Result<&Opened<'b>> {
        let id = self
            .indicator
            .source_of(m)
            .ok_or_else(|| anyhow!("`{}` names no source", self.indicator.id()))?;
        self.opened
            .get(id.as_str())
            .copied()
            .ok_or_else(|| anyhow!("source `{id}` is not open"))
    }
}

/// The period granularity of an indicator's figures.
pub(super) fn granularity(ctx: &Ctx<'_, '_>, m: &Measure) -> Result<Granularity> {
    let kind = m.measure_kind();
    let side = match kind {
        MeasureKind::Composite => return Ok(Granularity::Year),
        MeasureKind::Ratio => m
            .numerator()
            .ok_or_else(|| anyhow!("ratio without numerator"))?,
        _ => m,
    };
    let source = ctx.source_for(side)?;
    Ok(ctx.indicator.frequency.grouping(source.source.granularity))
}

/// The plan of a measure for one breakdown (`""` = national).
pub(super) fn build(ctx: &Ctx<'_, '_>, m: &Measure, breakdown: &str) -> Result<LazyFrame> {
    let kind = m.measure_kind();
    let g = granularity(ctx, m)?;
    let scale = m.scale.unwrap_or(1.0);
    let lf = match kind {
        MeasureKind::Count
        | MeasureKind::Sum
        | MeasureKind::Mean
        | MeasureKind::Median
        | MeasureKind::Reported => simple::simple(ctx, m, breakdown, g)?
            .with_column((col("value") * lit(scale)).alias("value")),
        MeasureKind::Ratio => ratio::ratio(ctx, m, breakdown, g)?,
        MeasureKind::ShareOfUnits => share_of_units::share_of_units(ctx, m, breakdown, g)?,
        MeasureKind::SurveyShare => survey_share::survey_share(ctx, m, breakdown, g)?,
        MeasureKind::Milestone => milestone::milestone(ctx, m, breakdown, g)?,
        MeasureKind::Composite => bail!("composite indicators are computed from their components"),
    };
    Ok(lf.sort([KEY, GROUP], SortMultipleOptions::default()))
}
