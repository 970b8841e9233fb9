//! Lazy plans per measure kind. Every plan ends in the columns `_k` (period
//! key), `_g` (group; empty for national), `value`, and where they apply
//! `num`, `den`, `n`, `ci_low`, `ci_high`, `text`.

use std::collections::BTreeMap;

use anyhow::{Result, anyhow, bail};
use polars::prelude::*;

use super::geo::{TARGET_YEAR, reference_frame, region_frame};
use crate::definitions::{Aggregate, Measure};
use crate::definitions::{Granularity, Indicator, MeasureKind, Role};
use crate::geography::SplitPolicy;
use crate::sources::{FrameOptions, MONTH, Opened, YEAR, period_key};

/// Period key column.
pub(super) const KEY: &str = "_k";
/// Group column.
pub(super) const GROUP: &str = "_g";
/// Latest month (`y*100+m`) of the rows behind a figure.
pub(super) const LAST: &str = "_last";
/// z for a two-sided 95 % interval.
const Z: f64 = 1.959_963_984_540_054;

/// What a plan needs.
pub(super) struct Ctx<'a, 'b> {
    pub(super) indicator: &'a Indicator,
    pub(super) opened: &'a BTreeMap<&'b str, &'a Opened<'b>>,
    /// How municipalities split before the target structure are mapped.
    pub(super) split_policy: SplitPolicy,
}

impl<'b> Ctx<'_, 'b> {
    fn source_for(&self, m: &Measure) -> Result<&Opened<'b>> {
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
        | MeasureKind::Reported => {
            simple(ctx, m, breakdown, g)?.with_column((col("value") * lit(scale)).alias("value"))
        }
        MeasureKind::Ratio => ratio(ctx, m, breakdown, g)?,
        MeasureKind::ShareOfUnits => share_of_units(ctx, m, breakdown, g)?,
        MeasureKind::SurveyShare => survey_share(ctx, m, breakdown, g)?,
        MeasureKind::Milestone => milestone(ctx, m, breakdown, g)?,
        MeasureKind::Composite => bail!("composite indicators are computed from their components"),
    };
    Ok(lf.sort([KEY, GROUP], SortMultipleOptions::default()))
}

/// Columns a measure reads from its source.
fn needed_columns(opened: &Opened<'_>, m: &Measure, breakdown: &str) -> Result<Vec<String>> {
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

fn is_geo(b: &str) -> bool {
    super::GEO_BREAKDOWNS.contains(&b)
}

/// The source rows before the measure's filter and without a group: the
/// frame every plan of a run reads the source through (`Opened::frame`
/// returns one shared frame), so national and breakdown plans, and plans of
/// different indicators, share one scan.
fn unfiltered(ctx: &Ctx<'_, '_>, m: &Measure, breakdown: &str) -> Result<LazyFrame> {
    let opened = ctx.source_for(m)?;
    let cols = needed_columns(opened, m, breakdown)?;
    let refs: Vec<&str> = cols.iter().map(String::as_str).collect();
    Ok(opened
        .frame(&refs, FrameOptions::default())?
        .filter(col(YEAR).is_not_null()))
}

/// The source rows that pass the measure's filter, with `_k` and `_g`.
fn filtered(ctx: &Ctx<'_, '_>, m: &Measure, breakdown: &str, g: Granularity) -> Result<LazyFrame> {
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

fn geo_group(breakdown: &str) -> Expr {
    match breakdown {
        "region" => col("_rhf"),
        "county" => concat_str([col("_county"), col("_county_name")], " ", true),
        _ => concat_str([col("_hcode"), col("_mname")], " ", true),
    }
}

/// count, sum, mean, median, reported: one aggregate per period and group.
fn simple(ctx: &Ctx<'_, '_>, m: &Measure, breakdown: &str, g: Granularity) -> Result<LazyFrame> {
    let lf = filtered(ctx, m, breakdown, g)?;
    let all = unfiltered(ctx, m, breakdown)?;
    let kind = m.measure_kind();
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
    let figures = grouped
        .agg([value.alias("value"), n.alias("n")])
        .with_columns([
            (col("value") * lit(factor)).alias("value"),
            (col("value") * lit(factor)).alias("num"),
            lit(NULL).cast(DataType::Int64).alias(LAST),
        ]);
    // One more row, without a period: the last month the source's rows
    // cover, whatever the filter keeps (a row of an annual source covers its
    // whole year, a quarterly one its quarter; `_m` is the first month). It
    // reads the same scan, so the file is parsed once.
    let months_after = match ctx.source_for(m)?.source.granularity {
        Granularity::Year => 11_i64,
        Granularity::Quarter => 2,
        Granularity::Month | Granularity::Day => 0,
    };
    let data_end = all.select([
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
    ]);
    Ok(concat(
        [
            figures.select([
                col(KEY).cast(DataType::Int64),
                col(GROUP).cast(DataType::String),
                col("value").cast(DataType::Float64),
                col("n").cast(DataType::Float64),
                col("num").cast(DataType::Float64),
                col(LAST),
            ]),
            data_end,
        ],
        UnionArgs::default(),
    )?)
}

/// Year of a period key.
fn key_year(g: Granularity) -> Expr {
    match g {
        Granularity::Year => col(KEY),
        Granularity::Quarter => col(KEY).floor_div(lit(10_i64)),
        Granularity::Month | Granularity::Day => col(KEY).floor_div(lit(100_i64)),
    }
}

/// ratio: numerator and denominator side plans joined on period and group.
fn ratio(ctx: &Ctx<'_, '_>, m: &Measure, breakdown: &str, g: Granularity) -> Result<LazyFrame> {
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
    let (left, right) = if gn == gd {
        (vec![col(KEY), col(GROUP)], vec![col("_kd"), col(GROUP)])
    } else {
        (vec![col(YEAR), col(GROUP)], vec![col(YEAR), col(GROUP)])
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

/// share_of_units: share of the municipalities valid in each period that meet
/// the condition; units absent from the data do not meet it. Optionally
/// weighted by a population source; optionally cumulative (met in this or an
/// earlier period, over the latest structure).
fn share_of_units(
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
    let units = if m.cumulative() {
        // Latest structure for every period; a unit counts from its first period met.
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
        periods
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
            )
    } else {
        let reference = reference_frame(2000, 2040)?.lazy();
        let met = met_rows
            .unique(None, UniqueKeepStrategy::Any)
            .with_column(lit(true).alias("_met"));
        periods
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
            .with_column(col("_met").fill_null(lit(false)))
    };
    let mut units = units;
    let weighted = m.weight_by().is_some();
    if let Some(w) = m.weight_by() {
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
        if m.cumulative() {
            pop = pop
                .join(
                    regions.clone().select([col("_code"), col("_hcode")]),
                    [col("_code")],
                    [col("_code")],
                    JoinArgs::new(JoinType::Inner),
                )
                .select([col(YEAR), col("_hcode").alias("_code"), col("_w")]);
        }
        let pop = pop
            .group_by([col(YEAR), col("_code")])
            .agg([col("_w").sum()]);
        units = units.join(
            pop,
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
    let scale = m.scale.unwrap_or(1.0);
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
    let mut out = units.group_by([col(KEY), col(GROUP)]).agg(aggs);
    let mut value = when(col("den").gt(lit(0.0)))
        .then(col("num") / col("den") * lit(scale))
        .otherwise(lit(NULL).cast(DataType::Float64));
    if weighted {
        value = when(col("_missing_w").gt(lit(0)))
            .then(lit(NULL).cast(DataType::Float64))
            .otherwise(value);
    }
    out = out.with_column(value.alias("value"));
    Ok(out.select([
        col(KEY),
        col(GROUP),
        col("value"),
        col("num"),
        col("den"),
        col("n"),
    ]))
}

/// survey_share: weighted share of respondents with an answer in the set,
/// Wilson 95 % interval on the Kish effective sample size. Multi-select
/// questions (several rows per respondent) count once per respondent.
fn survey_share(
    ctx: &Ctx<'_, '_>,
    m: &Measure,
    breakdown: &str,
    g: Granularity,
) -> Result<LazyFrame> {
    let opened = ctx.source_for(m)?;
    let src = opened.source;
    let r = src
        .column_with_role(Role::Respondent)
        .ok_or_else(|| anyhow!("no respondent column"))?;
    let w = src
        .column_with_role(Role::Weight)
        .ok_or_else(|| anyhow!("no weight column"))?;
    let a = m
        .answer()
        .ok_or_else(|| anyhow!("survey_share needs `answer`"))?;
    let per_option = m.per_option() && breakdown == a;
    // For a per-option breakdown, group by nothing first, options come later.
    let lf = filtered(ctx, m, if per_option { "" } else { breakdown }, g)?;
    let set =
        |v: &[String]| lit(Series::new(PlSmallStr::from_static("set"), v.to_vec())).implode(false);
    let excl = if m.exclude().is_empty() {
        lit(false)
    } else {
        col(a).is_in(set(m.exclude()), false).all(true)
    };
    let mut aggs = vec![
        col(w).cast(DataType::Float64).first().alias("_w"),
        excl.alias("_excl"),
        // A multi-select question's headline figure is its first answer;
        // every answer has its own row under the answer breakdown.
        if m.per_option() {
            col(a)
                .eq(lit(m.answers()[0].as_str()))
                .any(true)
                .alias("_yes")
        } else {
            col(a)
                .is_in(set(m.answers()), false)
                .any(true)
                .alias("_yes")
        },
    ];
    if per_option {
        for (i, o) in m.answers().iter().enumerate() {
            aggs.push(
                col(a)
                    .eq(lit(o.as_str()))
                    .any(true)
                    .alias(format!("_yes{i}")),
            );
        }
    }
    let per_respondent = lf
        .group_by([col(KEY), col(GROUP), col(r)])
        .agg(aggs)
        .filter(col("_excl").not().and(col("_w").is_not_null()));
    let scale = m.scale.unwrap_or(1.0);
    let summarise = |lf: LazyFrame, yes: &str| {
        lf.group_by([col(KEY), col(GROUP)])
            .agg([
                col("_w").sum().alias("_sw"),
                (col("_w") * col("_w")).sum().alias("_sw2"),
                (col("_w") * col(yes).cast(DataType::Float64))
                    .sum()
                    .alias("_swy"),
                len().cast(DataType::Float64).alias("n"),
            ])
            .with_columns([
                (col("_swy") / col("_sw")).alias("_p"),
                (col("_sw") * col("_sw") / col("_sw2")).alias("_neff"),
            ])
            .with_columns(wilson(scale))
            .select([
                col(KEY),
                col(GROUP),
                (col("_p") * lit(scale)).alias("value"),
                col("_swy").alias("num"),
                col("_sw").alias("den"),
                col("n"),
                col("ci_low"),
                col("ci_high"),
            ])
    };
    if per_option {
        let frames: Vec<LazyFrame> = m
            .answers()
            .iter()
            .enumerate()
            .map(|(i, o)| {
                summarise(
                    per_respondent
                        .clone()
                        .with_column(lit(o.as_str()).alias(GROUP)),
                    &format!("_yes{i}"),
                )
            })
            .collect();
        return Ok(concat(frames, UnionArgs::default())?);
    }
    Ok(summarise(per_respondent, "_yes"))
}

/// Wilson score interval for `_p` on `_neff`, scaled.
fn wilson(scale: f64) -> Vec<Expr> {
    let z2 = Z * Z;
    let n = col("_neff");
    let p = col("_p");
    let denom = lit(1.0) + lit(z2) / n.clone();
    let centre = (p.clone() + lit(z2) / (lit(2.0) * n.clone())) / denom.clone();
    let half = lit(Z)
        * (p.clone() * (lit(1.0) - p) / n.clone() + lit(z2) / (lit(4.0) * n.clone() * n)).pow(0.5)
        / denom;
    vec![
        ((centre.clone() - half.clone()) * lit(scale)).alias("ci_low"),
        ((centre + half) * lit(scale)).alias("ci_high"),
    ]
}

/// milestone: the latest reported status per period.
fn milestone(ctx: &Ctx<'_, '_>, m: &Measure, breakdown: &str, g: Granularity) -> Result<LazyFrame> {
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
