//! The source rows a plan starts from: the columns it needs, the measure's
//! filter, the period key `_k` and the group `_g` (with the geography joins
//! for region, county and municipality).

use anyhow::{Result, anyhow, bail};
use polars::prelude::*;

use super::super::geo::region_frame;
use super::{Ctx, GROUP, KEY};
use crate::definitions::Measure;
use crate::definitions::{Granularity, MeasureKind, Role};
use crate::geography::SplitPolicy;
use crate::sources::{FrameOptions, Opened, YEAR, period_key};

/// Columns a measure reads from its source.
pub(in crate::measures) fn needed_columns(
    opened: &Opened<'_>,
    m: &Measure,
    breakdown: &str,
) -> Result<Vec<String>> {
    let mut cols: Vec<String> = Vec::new();
    for sql in [m.filter.as_deref(), m.condition()].into_iter().flatten() {
        let e = polars::sql::sql_expr(sql)?;
        for n in e.meta().root_names() {
            cols.push(n.to_string());
        }
    }
    for c in [m.column(), m.distinct(), m.answer(), m.status_column()]
        .into_iter()
        .flatten()
    {
        cols.push(c.to_string());
    }
    let src = opened.source;
    if m.measure_kind() == MeasureKind::Reported {
        // Every column: rows that repeat one another are counted over the
        // whole row (see `simple::duplicates`).
        cols.extend(src.columns.iter().map(|c| c.name.clone()));
    }
    if m.measure_kind() == MeasureKind::SurveyShare {
        for role in [Role::Respondent, Role::Weight] {
            if let Some(c) = src.column_with_role(role) {
                cols.push(c.to_string());
            }
        }
    }
    if is_geo(breakdown) || m.measure_kind() == MeasureKind::ShareOfUnits {
        let mc = src
            .municipality_column()
            .ok_or_else(|| anyhow!("source `{}` has no municipality column", src.id()))?;
        cols.push(mc.to_string());
    } else if !breakdown.is_empty() {
        if src.column(breakdown).is_none() {
            bail!(
                "breakdown `{breakdown}` is not a column of source `{}`",
                src.id()
            );
        }
        cols.push(breakdown.to_string());
    }
    cols.sort();
    cols.dedup();
    Ok(cols)
}

/// Whether a breakdown is geographic (region, county, municipality).
pub(super) fn is_geo(b: &str) -> bool {
    super::super::GEO_BREAKDOWNS.contains(&b)
}

/// The source rows before the measure's filter and without a group: the
/// frame every plan of a run reads the source through (`Opened::frame`
/// returns one shared frame), so national and breakdown plans, and plans of
/// different indicators, share one scan.
pub(super) fn unfiltered(ctx: &Ctx<'_, '_>, m: &Measure, breakdown: &str) -> Result<LazyFrame> {
    let opened = ctx.source_for(m)?;
    let cols = needed_columns(opened, m, breakdown)?;
    let refs: Vec<&str> = cols.iter().map(String::as_str).collect();
    Ok(opened
        .frame(&refs, FrameOptions::default())?
        .filter(col(YEAR).is_not_null()))
}

/// The source rows that pass the measure's filter, with `_k` and `_g`.
pub(super) fn filtered(
    ctx: &Ctx<'_, '_>,
    m: &Measure,
    breakdown: &str,
    g: Granularity,
) -> Result<LazyFrame> {
    let mut lf = unfiltered(ctx, m, breakdown)?;
    if let Some(f) = &m.filter {
        lf = lf.filter(polars::sql::sql_expr(f)?);
    }
    let lf = lf.with_column(period_key(g).alias(KEY));
    with_group(lf, ctx.source_for(m)?, breakdown, ctx.split_policy)
}

/// Adds `_g` for a breakdown: geography joins for region/county/municipality,
/// the column itself otherwise, an empty string for national.
fn with_group(
    lf: LazyFrame,
    opened: &Opened<'_>,
    breakdown: &str,
    policy: SplitPolicy,
) -> Result<LazyFrame> {
    if breakdown.is_empty() {
        return Ok(lf.with_column(lit("").alias(GROUP)));
    }
    if is_geo(breakdown) {
        let mc = opened
            .source
            .municipality_column()
            .ok_or_else(|| anyhow!("no municipality column"))?;
        let regions = region_frame(policy)?.lazy();
        let lf = lf.join(
            regions,
            [col(mc)],
            [col("_code")],
            JoinArgs::new(JoinType::Left),
        );
        return Ok(lf.with_column(geo_group(breakdown).alias(GROUP)));
    }
    Ok(lf.with_column(col(breakdown).cast(DataType::String).alias(GROUP)))
}

/// The group label of a geographic breakdown, from the region columns.
pub(super) fn geo_group(breakdown: &str) -> Expr {
    match breakdown {
        "region" => col("_rhf"),
        "county" => concat_str([col("_county"), col("_county_name")], " ", true),
        _ => concat_str([col("_hcode"), col("_mname")], " ", true),
    }
}
