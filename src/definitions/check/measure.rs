//! Checks of a measure: its kind, which fields that kind uses, the source it
//! reads, the frequency that source allows, and the per-kind fields and
//! columns (ratio sides are checked as measures of their own).

use std::collections::BTreeSet;

use super::{Ctx, sql};
use crate::definitions::model::{ColumnType, Frequency, MeasureKind, Role, Source};
use crate::definitions::raw::RawMeasure;

/// What a measure is checked against: the indicator around it.
pub(super) struct Scope<'s> {
    /// The indicator's first source, read when the measure names none.
    pub(super) default_source: Option<&'s str>,
    /// Every source the indicator lists.
    pub(super) source_ids: &'s [String],
    /// Every checked source.
    pub(super) sources: &'s [Source],
    /// Every indicator id in the catalogue.
    pub(super) indicator_ids: &'s BTreeSet<String>,
    /// The indicator's own id.
    pub(super) self_id: &'s str,
    /// The indicator's frequency, when it parsed.
    pub(super) frequency: Option<Frequency>,
}

/// One measure being checked: its field path, definition and source.
struct At<'m> {
    path: &'m str,
    m: &'m RawMeasure,
    source: Option<&'m Source>,
}

/// Checks the measure at `path`; `top` is false for ratio sides.
pub(super) fn check(ctx: &mut Ctx<'_>, scope: &Scope<'_>, path: &str, m: &RawMeasure, top: bool) {
    let Some(kind) = ctx.enum_value(
        &format!("{path}.kind"),
        &m.kind,
        MeasureKind::parse,
        MeasureKind::ALL,
    ) else {
        return;
    };
    check_fields(ctx, path, m, kind, top);
    if !top
        && matches!(
            kind,
            MeasureKind::Ratio
                | MeasureKind::Composite
                | MeasureKind::Milestone
                | MeasureKind::SurveyShare
                | MeasureKind::ShareOfUnits
        )
    {
        ctx.error(
            "bad-value",
            &format!("{path}.kind"),
            format!(
                "a ratio side must be count, sum, mean, median or reported, not `{}`",
                m.kind
            ),
        );
        return;
    }
    let source = resolve_source(ctx, scope, path, m);
    check_frequency(ctx, scope, path, kind, source);
    for (field, expr) in [("filter", &m.filter), ("condition", &m.condition)] {
        if let Some(sql) = expr {
            sql::check(ctx, &format!("{path}.{field}"), sql, source);
        }
    }
    let at = At { path, m, source };
    match kind {
        MeasureKind::Count => {
            if m.cumulative && m.distinct.is_none() {
                ctx.error(
                    "missing-field",
                    &format!("{path}.distinct"),
                    "a cumulative `count` counts distinct units: name their column in `distinct`"
                        .to_string(),
                );
            }
            if m.distinct.is_some() {
                need_column(
                    ctx,
                    &at,
                    "distinct",
                    m.distinct.as_ref(),
                    "the column to count distinct values of",
                );
            }
        }
        MeasureKind::Sum | MeasureKind::Mean | MeasureKind::Median => check_numeric(ctx, &at),
        MeasureKind::Reported => check_reported(ctx, &at),
        MeasureKind::Ratio => check_ratio(ctx, scope, &at),
        MeasureKind::ShareOfUnits => check_share_of_units(ctx, scope, &at),
        MeasureKind::SurveyShare => check_survey_share(ctx, &at),
        MeasureKind::Composite => check_composite(ctx, scope, &at),
        MeasureKind::Milestone => {
            need_column(
                ctx,
                &at,
                "status-column",
                m.status_column.as_ref(),
                "the column with the status",
            );
        }
    }
}

/// Which fields each kind uses (besides `kind`, `source`, `filter`, `scale`).
fn allowed_fields(kind: MeasureKind) -> &'static [&'static str] {
    match kind {
        MeasureKind::Count => &["distinct", "factor", "cumulative"],
        MeasureKind::Sum | MeasureKind::Mean | MeasureKind::Median => &["column", "factor"],
        MeasureKind::Ratio => &["numerator", "denominator", "cumulative", "denominator-year"],
        MeasureKind::ShareOfUnits => &["units", "condition", "weight-by", "cumulative"],
        MeasureKind::SurveyShare => &["answer", "answers", "exclude", "per-option"],
        MeasureKind::Reported => &["column", "aggregate"],
        MeasureKind::Composite => &["components", "rollup"],
        MeasureKind::Milestone => &["status-column"],
    }
}

/// The fields set on a raw measure, by YAML name.
fn set_fields(m: &RawMeasure) -> Vec<&'static str> {
    [
        (m.distinct.is_some(), "distinct"),
        (m.column.is_some(), "column"),
        (m.numerator.is_some(), "numerator"),
        (m.denominator.is_some(), "denominator"),
        (m.factor.is_some(), "factor"),
        (m.units.is_some(), "units"),
        (m.condition.is_some(), "condition"),
        (m.weight_by.is_some(), "weight-by"),
        (m.answer.is_some(), "answer"),
        (!m.answers.is_empty(), "answers"),
        (!m.exclude.is_empty(), "exclude"),
        (m.per_option, "per-option"),
        (m.aggregate.is_some(), "aggregate"),
        (!m.components.is_empty(), "components"),
        (m.rollup.is_some(), "rollup"),
        (m.status_column.is_some(), "status-column"),
        (m.cumulative, "cumulative"),
        (m.denominator_year.is_some(), "denominator-year"),
    ]
    .into_iter()
    .filter_map(|(set, name)| set.then_some(name))
    .collect()
}

/// Fields the kind does not use, and `scale` on a ratio side.
fn check_fields(ctx: &mut Ctx<'_>, path: &str, m: &RawMeasure, kind: MeasureKind, top: bool) {
    let allowed = allowed_fields(kind);
    for f in set_fields(m) {
        if !allowed.contains(&f) {
            ctx.error(
                "unused-field",
                &format!("{path}.{f}"),
                format!("field `{f}` is not used by a `{}` measure", m.kind),
            )
            .help = Some(format!(
                "`{}` uses: kind, source, filter, scale, {}",
                m.kind,
                allowed.join(", ")
            ));
        }
    }
    if !top && m.scale.is_some() {
        ctx.error(
            "unused-field",
            &format!("{path}.scale"),
            "`scale` belongs on the ratio, not on its sides".into(),
        );
    }
}

/// The source this measure reads: its own `source` (which must be defined,
/// and should be listed), else the indicator's first.
fn resolve_source<'s>(
    ctx: &mut Ctx<'_>,
    scope: &Scope<'s>,
    path: &str,
    m: &RawMeasure,
) -> Option<&'s Source> {
    if let Some(sid) = &m.source {
        if !scope.sources.iter().any(|s| s.id() == sid) {
            ctx.error(
                "unknown-source",
                &format!("{path}.source"),
                format!("source `{sid}` is not defined under sources/"),
            )
            .suggest(sid, scope.sources.iter().map(Source::id));
        } else if !scope.source_ids.is_empty() && !scope.source_ids.contains(sid) {
            ctx.warning(
                "unlisted-source",
                &format!("{path}.source"),
                format!("source `{sid}` is not listed in the indicator's `source`"),
            );
        }
    }
    let source_id = m.source.as_deref().or(scope.default_source);
    source_id.and_then(|id| scope.sources.iter().find(|s| s.id() == id))
}

/// The source's periods are fine enough for the indicator's frequency.
/// A ratio's denominator may be coarser (population per year for a monthly
/// share): it is joined on the year.
fn check_frequency(
    ctx: &mut Ctx<'_>,
    scope: &Scope<'_>,
    path: &str,
    kind: MeasureKind,
    source: Option<&Source>,
) {
    if let (Some(src), Some(freq)) = (source, scope.frequency)
        && kind != MeasureKind::Composite
        && !path.ends_with(".denominator")
        && let Some(needed) = freq.needs()
        && src.granularity < needed
    {
        ctx.error(
            "frequency-too-fine",
            "frequency",
            format!(
                "frequency `{}` is finer than source `{}`, whose periods are {}s",
                freq.as_str(),
                src.id(),
                src.granularity.as_str()
            ),
        );
    }
}

/// A column field: present, and declared by the source.
fn need_column(ctx: &mut Ctx<'_>, at: &At<'_>, field: &str, name: Option<&String>, what: &str) {
    let path = at.path;
    let Some(col) = name else {
        ctx.error(
            "missing-field",
            &format!("{path}.{field}"),
            format!("a `{}` measure needs `{field}` ({what})", at.m.kind),
        );
        return;
    };
    if let Some(src) = at.source
        && src.column(col).is_none()
    {
        let names = src.column_names();
        ctx.error(
            "unknown-column",
            &format!("{path}.{field}"),
            format!("column `{col}` is not declared by source `{}`", src.id()),
        )
        .suggest(col, names.iter().map(String::as_str))
        .help = Some(format!("declared: {}", names.join(", ")));
    }
}

/// `sum`, `mean`, `median`: a numeric value column.
fn check_numeric(ctx: &mut Ctx<'_>, at: &At<'_>) {
    need_column(ctx, at, "column", at.m.column.as_ref(), "the value column");
    if let (Some(src), Some(col)) = (at.source, &at.m.column)
        && let Some(t) = src.column_type(col)
        && !matches!(t, ColumnType::Integer | ColumnType::Decimal)
    {
        ctx.error(
            "bad-column-type",
            &format!("{}.column", at.path),
            format!("column `{col}` is `{}`, not a number", t.as_str()),
        );
    }
}

/// `reported`: a value column and a known aggregate.
fn check_reported(ctx: &mut Ctx<'_>, at: &At<'_>) {
    need_column(ctx, at, "column", at.m.column.as_ref(), "the value column");
    if let Some(a) = &at.m.aggregate
        && !["sum", "mean", "last", "median"].contains(&a.as_str())
    {
        ctx.error(
            "bad-value",
            &format!("{}.aggregate", at.path),
            format!("aggregate `{a}` must be sum, mean, median or last"),
        );
    }
}

/// `ratio`: both sides present, each naming its source when the indicator
/// has several, each checked as a measure.
fn check_ratio(ctx: &mut Ctx<'_>, scope: &Scope<'_>, at: &At<'_>) {
    let path = at.path;
    for (side, sub) in [
        ("numerator", &at.m.numerator),
        ("denominator", &at.m.denominator),
    ] {
        let Some(sub) = sub else {
            ctx.error(
                "missing-field",
                &format!("{path}.{side}"),
                format!("a ratio needs a `{side}` measure"),
            );
            continue;
        };
        if sub.source.is_none() && scope.source_ids.len() > 1 {
            ctx.error(
                "missing-field",
                &format!("{path}.{side}.source"),
                format!("the indicator has several sources; say which one the {side} reads"),
            );
        }
        check(ctx, scope, &format!("{path}.{side}"), sub, false);
    }
}

/// `share_of_units`: municipalities, a condition, and a usable weight source.
fn check_share_of_units(ctx: &mut Ctx<'_>, scope: &Scope<'_>, at: &At<'_>) {
    let (path, m) = (at.path, at.m);
    if let Some(other) = m.units.as_deref()
        && other != "municipalities"
    {
        ctx.error(
            "bad-value",
            &format!("{path}.units"),
            format!("units `{other}` must be `municipalities`"),
        );
    }
    if m.condition.is_none() {
        ctx.error(
            "missing-field",
            &format!("{path}.condition"),
            "a share_of_units measure needs a `condition`".into(),
        );
    }
    if let Some(src) = at.source
        && src.municipality_column().is_none()
    {
        ctx.error(
            "bad-source",
            &format!("{path}.units"),
            format!("source `{}` has no municipality column", src.id()),
        );
    }
    let Some(w) = &m.weight_by else { return };
    match scope.sources.iter().find(|s| s.id() == w) {
        None => {
            ctx.error(
                "unknown-source",
                &format!("{path}.weight-by"),
                format!("source `{w}` is not defined under sources/"),
            )
            .suggest(w, scope.sources.iter().map(Source::id));
        }
        Some(ws) => {
            if ws.municipality_column().is_none() || ws.column_with_role(Role::Value).is_none() {
                ctx.error(
                    "bad-source",
                    &format!("{path}.weight-by"),
                    format!("weight source `{w}` needs a municipality column and a value column"),
                );
            }
        }
    }
}

/// `survey_share`: the answer column, answers that count, no overlap with
/// the excluded ones, and respondent and weight columns in the source.
fn check_survey_share(ctx: &mut Ctx<'_>, at: &At<'_>) {
    let (path, m) = (at.path, at.m);
    need_column(ctx, at, "answer", m.answer.as_ref(), "the answer column");
    if m.answers.is_empty() {
        ctx.error(
            "missing-field",
            &format!("{path}.answers"),
            "a survey_share measure needs `answers` (the answers that count as yes)".into(),
        );
    }
    if let Some(overlap) = m.answers.iter().find(|a| m.exclude.contains(a)) {
        ctx.error(
            "bad-value",
            &format!("{path}.exclude"),
            format!("answer `{overlap}` is both counted and excluded"),
        );
    }
    let Some(src) = at.source else { return };
    for role in [Role::Respondent, Role::Weight] {
        if src.column_with_role(role).is_none() {
            ctx.error(
                "bad-source",
                &format!("{path}.kind"),
                format!(
                    "survey_share needs a `{}` column, and source `{}` has none",
                    role.as_str(),
                    src.id()
                ),
            );
        }
    }
}

/// `composite`: components that are other defined indicators, and a known rollup.
fn check_composite(ctx: &mut Ctx<'_>, scope: &Scope<'_>, at: &At<'_>) {
    let (path, m) = (at.path, at.m);
    if m.components.is_empty() {
        ctx.error(
            "missing-field",
            &format!("{path}.components"),
            "a composite needs `components` (indicator ids)".into(),
        );
    }
    for (i, c) in m.components.iter().enumerate() {
        if c == scope.self_id {
            ctx.error(
                "bad-component",
                &format!("{path}.components[{i}]"),
                "a composite cannot contain itself".into(),
            );
        } else if !scope.indicator_ids.contains(c) {
            ctx.error(
                "unknown-component",
                &format!("{path}.components[{i}]"),
                format!("component `{c}` is not a defined indicator"),
            )
            .suggest(c, scope.indicator_ids.iter().map(String::as_str));
        }
    }
    if let Some(r) = &m.rollup
        && r != "worst"
        && r != "mean-score"
    {
        ctx.error(
            "bad-value",
            &format!("{path}.rollup"),
            format!("rollup `{r}` must be `worst` or `mean-score`"),
        );
    }
}
