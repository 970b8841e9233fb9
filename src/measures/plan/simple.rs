//! count, sum, mean, median and reported: one aggregate per period and
//! group, plus the row that says where the data end.

use anyhow::{Result, anyhow, bail};
use polars::prelude::*;

use super::rows::{filtered, unfiltered};
use super::{Ctx, DUPS, GROUP, KEY, LAST};
use crate::definitions::{Aggregate, Measure};
use crate::definitions::{Granularity, MeasureKind};
use crate::sources::{MONTH, YEAR};

/// count, sum, mean, median, reported: one aggregate per period and group.
pub(super) fn simple(
    ctx: &Ctx<'_, '_>,
    m: &Measure,
    breakdown: &str,
    g: Granularity,
) -> Result<LazyFrame> {
    let mut lf = filtered(ctx, m, breakdown, g)?;
    let all = unfiltered(ctx, m, breakdown)?;
    let kind = m.measure_kind();
    if kind == MeasureKind::Count && m.cumulative() {
        lf = cumulative(lf, &all, m, g)?;
    }
    let factor = m.factor().unwrap_or(1.0);
    let column = || -> Result<Expr> {
        m.column()
            .map(|c| col(c).cast(DataType::Float64))
            .ok_or_else(|| anyhow!("`{}` needs `column`", m.measure_kind().as_str()))
    };
    let (value, n) = match kind {
        MeasureKind::Count => {
            let e = match m.distinct() {
                Some(d) => col(d).drop_nulls().n_unique(),
                None => len(),
            }
            .cast(DataType::Float64);
            (e.clone(), e)
        }
        MeasureKind::Sum => (column()?.sum(), column()?.count().cast(DataType::Float64)),
        MeasureKind::Mean => (column()?.mean(), column()?.count().cast(DataType::Float64)),
        MeasureKind::Median => (
            column()?.median(),
            column()?.count().cast(DataType::Float64),
        ),
        MeasureKind::Reported => {
            let c = column()?;
            let v = match m.aggregate().unwrap_or(Aggregate::Sum) {
                Aggregate::Mean => c.mean(),
                Aggregate::Median => c.median(),
                Aggregate::Last => c.drop_nulls().last(),
                Aggregate::Sum => c.sum(),
            };
            (v, column()?.count().cast(DataType::Float64))
        }
        _ => bail!("not a simple measure"),
    };
    let grouped = if kind == MeasureKind::Reported && m.aggregate() == Some(Aggregate::Last) {
        lf.group_by_stable([col(KEY), col(GROUP)])
    } else {
        lf.group_by([col(KEY), col(GROUP)])
    };
    // A sum over no readable value (every cell empty or unreadable) is no
    // figure, not 0; a count of nothing is a true 0.
    let value = if matches!(kind, MeasureKind::Sum | MeasureKind::Reported) {
        when(n.clone().gt(lit(0.0)))
            .then(value)
            .otherwise(lit(NULL).cast(DataType::Float64))
    } else {
        value
    };
    let mut aggs = vec![value.alias("value"), n.alias("n")];
    let reported = kind == MeasureKind::Reported;
    if reported {
        aggs.push(duplicates(ctx, m)?.alias(DUPS));
    }
    let figures = grouped.agg(aggs).with_columns([
        (col("value") * lit(factor)).alias("value"),
        (col("value") * lit(factor)).alias("num"),
        lit(NULL).cast(DataType::Int64).alias(LAST),
    ]);
    let mut data_end = data_end(all, ctx.source_for(m)?.source.granularity);
    let mut select = vec![
        col(KEY).cast(DataType::Int64),
        col(GROUP).cast(DataType::String),
        col("value").cast(DataType::Float64),
        col("n").cast(DataType::Float64),
        col("num").cast(DataType::Float64),
        col(LAST),
    ];
    if reported {
        select.push(col(DUPS).cast(DataType::UInt64));
        data_end = data_end.with_column(lit(0_u64).cast(DataType::UInt64).alias(DUPS));
    }
    Ok(concat(
        [figures.select(select), data_end],
        UnionArgs::default(),
    )?)
}

/// Rows of a reported figure that repeat another row's series, period and
/// area (every declared column but the value): a copied row would be added
/// to the figure. The engine refuses a figure with any (`_dups`).
fn duplicates(ctx: &Ctx<'_, '_>, m: &Measure) -> Result<Expr> {
    let src = ctx.source_for(m)?.source;
    let keys: Vec<Expr> = src
        .columns
        .iter()
        .filter(|c| Some(c.name.as_str()) != m.column())
        .map(|c| col(c.name.as_str()))
        .collect();
    Ok(len().cast(DataType::UInt64) - as_struct(keys).n_unique().cast(DataType::UInt64))
}

/// A cumulative count's rows: for every period of the data (whatever the
/// filter keeps), one row per unit (`distinct`) and group first seen in that
/// period or an earlier one, so counting distinct units per period counts
/// the union of the units seen up to its end.
fn cumulative(lf: LazyFrame, all: &LazyFrame, m: &Measure, g: Granularity) -> Result<LazyFrame> {
    let d = m
        .distinct()
        .ok_or_else(|| anyhow!("a cumulative `count` needs `distinct`"))?;
    let first = lf
        .filter(col(d).is_not_null())
        .group_by([col(d), col(GROUP)])
        .agg([col(KEY).min().alias("_first")]);
    let periods = all
        .clone()
        .select([crate::sources::period_key(g).alias(KEY)])
        .filter(col(KEY).is_not_null())
        .unique_stable(None, UniqueKeepStrategy::Any);
    // An equi-join on a constant rather than a cross join: polars turns a
    // cross join with an inequality filter into an inequality join that
    // its streaming engine does not run.
    let one = || lit(0_i32).alias("_one");
    Ok(periods
        .with_column(one())
        .join(
            first.with_column(one()),
            [col("_one")],
            [col("_one")],
            JoinArgs::new(JoinType::Inner),
        )
        .filter(col("_first").lt_eq(col(KEY))))
}

/// One more row, without a period: the last month the source's rows
/// cover, whatever the filter keeps (a row of an annual source covers its
/// whole year, a quarterly one its quarter; `_m` is the first month). It
/// reads the same scan, so the file is parsed once.
fn data_end(all: LazyFrame, source: Granularity) -> LazyFrame {
    let months_after = match source {
        Granularity::Year => 11_i64,
        Granularity::Quarter => 2,
        Granularity::Month | Granularity::Day => 0,
    };
    all.select([
        lit(NULL).cast(DataType::Int64).alias(KEY),
        lit(NULL).cast(DataType::String).alias(GROUP),
        lit(NULL).cast(DataType::Float64).alias("value"),
        lit(NULL).cast(DataType::Float64).alias("n"),
        lit(NULL).cast(DataType::Float64).alias("num"),
        (col(YEAR).cast(DataType::Int64) * lit(100_i64)
            + col(MONTH).cast(DataType::Int64)
            + lit(months_after))
        .max()
        .alias(LAST),
    ])
}
