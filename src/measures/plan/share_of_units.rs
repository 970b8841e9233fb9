//! share_of_units: share of the municipalities valid in each period that
//! meet the condition, optionally weighted and cumulative.

use anyhow::{Result, anyhow, bail};
use polars::prelude::*;

use super::super::geo::{TARGET_YEAR, reference_frame, region_frame};
use super::rows::{filtered, geo_group, is_geo};
use super::{Ctx, GROUP, KEY};
use crate::definitions::Measure;
use crate::definitions::{Granularity, Role};
use crate::sources::{FrameOptions, YEAR};

/// share_of_units: share of the municipalities valid in each period that meet
/// the condition; units absent from the data do not meet it. Optionally
/// weighted by a population source; optionally cumulative (met in this or an
/// earlier period, over the latest structure).
pub(super) fn share_of_units(
    ctx: &Ctx<'_, '_>,
    m: &Measure,
    breakdown: &str,
    g: Granularity,
) -> Result<LazyFrame> {
    if !breakdown.is_empty() && !is_geo(breakdown) {
        bail!("share_of_units can only be broken down by region, county or municipality");
    }
    let opened = ctx.source_for(m)?;
    let mc = opened
        .source
        .municipality_column()
        .ok_or_else(|| anyhow!("no municipality column"))?
        .to_string();
    let lf = filtered(ctx, m, "", g)?;
    let periods = lf
        .clone()
        .select([col(KEY), col(YEAR)])
        .unique(None, UniqueKeepStrategy::Any);
    let cond = polars::sql::sql_expr(
        m.condition()
            .ok_or_else(|| anyhow!("share_of_units needs a condition"))?,
    )?;
    let met_rows = lf
        .filter(cond)
        .select([col(KEY), col(mc.as_str()).alias("_code")]);
    let regions = region_frame(ctx.split_policy)?.lazy();
    let mut units = if m.cumulative() {
        cumulative_units(periods, met_rows, &regions)?
    } else {
        units_per_period(periods, met_rows)?
    };
    let weighted = m.weight_by().is_some();
    if let Some(w) = m.weight_by() {
        units = units.join(
            weights(ctx, w, m.cumulative())?,
            [col(YEAR), col("_code")],
            [col(YEAR), col("_code")],
            JoinArgs::new(JoinType::Left),
        );
    }
    let units = if breakdown.is_empty() {
        units.with_column(lit("").alias(GROUP))
    } else {
        units
            .join(
                regions,
                [col("_code")],
                [col("_code")],
                JoinArgs::new(JoinType::Left),
            )
            .with_column(geo_group(breakdown).alias(GROUP))
    };
    Ok(shares(units, weighted, m.scale.unwrap_or(1.0)))
}

/// Cumulative: the latest structure for every period; a unit counts from
/// its first period met.
fn cumulative_units(
    periods: LazyFrame,
    met_rows: LazyFrame,
    regions: &LazyFrame,
) -> Result<LazyFrame> {
    let latest = reference_frame(TARGET_YEAR, TARGET_YEAR)?
        .lazy()
        .select([col("_code")]);
    let first = met_rows
        .join(
            regions.clone().select([col("_code"), col("_hcode")]),
            [col("_code")],
            [col("_code")],
            JoinArgs::new(JoinType::Inner),
        )
        .group_by([col("_hcode")])
        .agg([col(KEY).min().alias("_first")]);
    Ok(periods
        .cross_join(latest, None)
        .join(
            first,
            [col("_code")],
            [col("_hcode")],
            JoinArgs::new(JoinType::Left),
        )
        .with_column(
            col("_first")
                .lt_eq(col(KEY))
                .fill_null(lit(false))
                .alias("_met"),
        ))
}

/// Not cumulative: the municipalities valid in each period's year, met or
/// not in that period.
fn units_per_period(periods: LazyFrame, met_rows: LazyFrame) -> Result<LazyFrame> {
    let reference = reference_frame(2000, 2040)?.lazy();
    let met = met_rows
        .unique(None, UniqueKeepStrategy::Any)
        .with_column(lit(true).alias("_met"));
    Ok(periods
        .join(
            reference,
            [col(YEAR)],
            [col(YEAR)],
            JoinArgs::new(JoinType::Inner),
        )
        .join(
            met,
            [col(KEY), col("_code")],
            [col(KEY), col("_code")],
            JoinArgs::new(JoinType::Left),
        )
        .with_column(col("_met").fill_null(lit(false))))
}

/// The weight of each unit and year (`_y`, `_code`, `_w`) from the
/// population source `w`. Cumulative shares count the units of the latest
/// structure in every year: see [`latest_structure_weights`].
fn weights(ctx: &Ctx<'_, '_>, w: &str, cumulative: bool) -> Result<LazyFrame> {
    let pop_src = ctx
        .opened
        .get(w)
        .copied()
        .ok_or_else(|| anyhow!("weight source `{w}` is not open"))?;
    let pmc = pop_src
        .source
        .municipality_column()
        .ok_or_else(|| anyhow!("weight source `{w}` has no municipality column"))?
        .to_string();
    let pv = pop_src
        .source
        .column_with_role(Role::Value)
        .ok_or_else(|| anyhow!("weight source `{w}` has no value column"))?
        .to_string();
    let mut pop = pop_src
        .frame(&[pmc.as_str(), pv.as_str()], FrameOptions::default())?
        .select([
            col(YEAR),
            col(pmc.as_str()).alias("_code"),
            col(pv.as_str()).cast(DataType::Float64).alias("_w"),
        ]);
    // A code's empty cell (`.`: the code did not exist that year) is no
    // weight; a sum over nothing would be 0 and hide it.
    pop = pop
        .filter(col("_w").is_not_null())
        .group_by([col(YEAR), col("_code")])
        .agg([col("_w").sum()]);
    if cumulative {
        pop = latest_structure_weights(pop)?;
    }
    Ok(pop)
}

/// Weights for the latest structure in every year of the population
/// source: a unit's own population that year; a unit that did not exist yet
/// (1508 Ålesund and 1580 Haram before the 2024 split) its population in
/// the first year it has one. Codes that no longer exist (1507) carry no
/// weight: their inhabitants are counted in the units that replaced them.
fn latest_structure_weights(pop: LazyFrame) -> Result<LazyFrame> {
    let latest = reference_frame(TARGET_YEAR, TARGET_YEAR)?
        .lazy()
        .select([col("_code")]);
    let own = pop.clone().join(
        latest.clone(),
        [col("_code")],
        [col("_code")],
        JoinArgs::new(JoinType::Inner),
    );
    let first = own.clone().group_by([col("_code")]).agg([col("_w")
        .sort_by([col(YEAR)], SortMultipleOptions::default())
        .first()
        .alias("_w0")]);
    let years = pop
        .select([col(YEAR)])
        .unique(None, UniqueKeepStrategy::Any);
    Ok(years
        .cross_join(latest, None)
        .join(
            own,
            [col(YEAR), col("_code")],
            [col(YEAR), col("_code")],
            JoinArgs::new(JoinType::Left),
        )
        .join(
            first,
            [col("_code")],
            [col("_code")],
            JoinArgs::new(JoinType::Left),
        )
        .select([
            col(YEAR),
            col("_code"),
            col("_w").fill_null(col("_w0")).alias("_w"),
        ]))
}

/// The share per period and group from the units (`_met`, and `_w` when
/// weighted).
fn shares(units: LazyFrame, weighted: bool, scale: f64) -> LazyFrame {
    let (num, den) = if weighted {
        (
            (col("_w") * col("_met").cast(DataType::Float64)).sum(),
            col("_w").sum(),
        )
    } else {
        (
            col("_met").cast(DataType::Float64).sum(),
            len().cast(DataType::Float64),
        )
    };
    let mut aggs = vec![
        num.alias("num"),
        den.alias("den"),
        len().cast(DataType::Float64).alias("n"),
    ];
    if weighted {
        // Missing population for a unit makes the weighted share unknown.
        aggs.push(col("_w").null_count().alias("_missing_w"));
    }
    let out = units.group_by([col(KEY), col(GROUP)]).agg(aggs);
    let mut value = when(col("den").gt(lit(0.0)))
        .then(col("num") / col("den") * lit(scale))
        .otherwise(lit(NULL).cast(DataType::Float64));
    if weighted {
        value = when(col("_missing_w").gt(lit(0)))
            .then(lit(NULL).cast(DataType::Float64))
            .otherwise(value);
    }
    out.with_column(value.alias("value")).select([
        col(KEY),
        col(GROUP),
        col("value"),
        col("num"),
        col("den"),
        col("n"),
    ])
}
