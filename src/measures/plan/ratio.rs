//! ratio: a numerator and a denominator plan joined on period and group.

use anyhow::{Result, anyhow, bail};
use polars::prelude::*;

use super::simple::simple;
use super::{Ctx, GROUP, KEY, LAST};
use crate::definitions::Granularity;
use crate::definitions::Measure;
use crate::sources::YEAR;

/// ratio: numerator and denominator side plans joined on period and group.
pub(super) fn ratio(
    ctx: &Ctx<'_, '_>,
    m: &Measure,
    breakdown: &str,
    g: Granularity,
) -> Result<LazyFrame> {
    let num_m = m
        .numerator()
        .ok_or_else(|| anyhow!("ratio needs numerator"))?;
    let den_m = m
        .denominator()
        .ok_or_else(|| anyhow!("ratio needs denominator"))?;
    let side_g = |side: &Measure| -> Result<Granularity> {
        let src = ctx.source_for(side)?;
        Ok(g.min(src.source.granularity))
    };
    let (gn, gd) = (side_g(num_m)?, side_g(den_m)?);
    let num = simple(ctx, num_m, breakdown, gn)?
        .select([
            col(KEY),
            col(GROUP),
            col("value").alias("num"),
            col("n"),
            col(LAST),
        ])
        .with_column(key_year(gn).alias(YEAR));
    let den = simple(ctx, den_m, breakdown, gd)?
        .with_column(key_year(gd).alias(YEAR))
        .select([
            col(KEY).alias("_kd"),
            col(GROUP),
            col("value").alias("den"),
            col(YEAR),
        ]);
    // `denominator-year`: that year's denominator for every period (a fixed
    // base, e.g. the 2025 population), joined on the group alone.
    let (den, left, right) = if let Some(year) = m.denominator_year() {
        if gd != Granularity::Year {
            bail!("`denominator-year` needs a denominator read from yearly data");
        }
        (
            den.filter(col(YEAR).eq(lit(i64::from(year)))),
            vec![col(GROUP)],
            vec![col(GROUP)],
        )
    } else if gn == gd {
        (
            den,
            vec![col(KEY), col(GROUP)],
            vec![col("_kd"), col(GROUP)],
        )
    } else {
        (
            den,
            vec![col(YEAR), col(GROUP)],
            vec![col(YEAR), col(GROUP)],
        )
    };
    let scale = m.scale.unwrap_or(1.0);
    Ok(num
        .join(den, left, right, JoinArgs::new(JoinType::Left))
        .with_column(
            when(col("den").gt(lit(0.0)))
                .then(col("num") / col("den") * lit(scale))
                .otherwise(lit(NULL).cast(DataType::Float64))
                .alias("value"),
        )
        .select([
            col(KEY),
            col(GROUP),
            col("value"),
            col("num"),
            col("den"),
            col("n"),
            col(LAST),
        ]))
}

/// Year of a period key.
fn key_year(g: Granularity) -> Expr {
    match g {
        Granularity::Year => col(KEY),
        Granularity::Quarter => col(KEY).floor_div(lit(10_i64)),
        Granularity::Month | Granularity::Day => col(KEY).floor_div(lit(100_i64)),
    }
}
