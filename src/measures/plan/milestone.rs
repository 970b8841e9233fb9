//! milestone: the latest reported status per period.

use anyhow::{Result, anyhow};
use polars::prelude::*;

use super::rows::filtered;
use super::{Ctx, GROUP, KEY};
use crate::definitions::Granularity;
use crate::definitions::Measure;
use crate::sources::{MONTH, YEAR};

/// milestone: the latest reported status per period.
pub(super) fn milestone(
    ctx: &Ctx<'_, '_>,
    m: &Measure,
    breakdown: &str,
    g: Granularity,
) -> Result<LazyFrame> {
    let lf = filtered(ctx, m, breakdown, g)?;
    let s = m
        .status_column()
        .ok_or_else(|| anyhow!("milestone needs `status-column`"))?;
    Ok(lf
        .sort(
            [YEAR, MONTH],
            SortMultipleOptions::default().with_maintain_order(true),
        )
        .group_by_stable([col(KEY), col(GROUP)])
        .agg([
            col(s).drop_nulls().last().alias("text"),
            len().cast(DataType::Float64).alias("n"),
        ])
        .with_column(lit(NULL).cast(DataType::Float64).alias("value")))
}
