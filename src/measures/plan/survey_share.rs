//! survey_share: weighted share of respondents with an answer in the set,
//! with a Wilson 95 % interval on the Kish effective sample size.

use anyhow::{Result, anyhow};
use polars::prelude::*;

use super::rows::filtered;
use super::{Ctx, GROUP, KEY};
use crate::definitions::Measure;
use crate::definitions::{Granularity, Role};

/// z for a two-sided 95 % interval.
const Z: f64 = 1.959_963_984_540_054;

/// survey_share: weighted share of respondents with an answer in the set,
/// Wilson 95 % interval on the Kish effective sample size. Multi-select
/// questions (several rows per respondent) count once per respondent.
pub(super) fn survey_share(
    ctx: &Ctx<'_, '_>,
    m: &Measure,
    breakdown: &str,
    g: Granularity,
) -> Result<LazyFrame> {
    let opened = ctx.source_for(m)?;
    let src = opened.source;
    let respondent = src
        .column_with_role(Role::Respondent)
        .ok_or_else(|| anyhow!("no respondent column"))?;
    let weight = src
        .column_with_role(Role::Weight)
        .ok_or_else(|| anyhow!("no weight column"))?;
    let answer = m
        .answer()
        .ok_or_else(|| anyhow!("survey_share needs `answer`"))?;
    let per_option = m.per_option() && breakdown == answer;
    // For a per-option breakdown, group by nothing first, options come later.
    let lf = filtered(ctx, m, if per_option { "" } else { breakdown }, g)?;
    let per_respondent = lf
        .group_by([col(KEY), col(GROUP), col(respondent)])
        .agg(respondent_aggs(m, answer, weight, per_option))
        .filter(col("_excl").not().and(col("_w").is_not_null()));
    let scale = m.scale.unwrap_or(1.0);
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
                    scale,
                )
            })
            .collect();
        return Ok(concat(frames, UnionArgs::default())?);
    }
    Ok(summarise(per_respondent, "_yes", scale))
}

/// Per respondent: the weight `_w`, whether every answer is excluded
/// (`_excl`), and whether an answer is in the set (`_yes`, and `_yes<i>`
/// per option).
fn respondent_aggs(m: &Measure, a: &str, w: &str, per_option: bool) -> Vec<Expr> {
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
    aggs
}

/// The weighted share of `yes` per period and group, with its interval.
fn summarise(lf: LazyFrame, yes: &str, scale: f64) -> LazyFrame {
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
