//! Checks of an indicator definition: id, goal, the closed vocabularies,
//! unit, method, sources, breakdowns; the measure and the ambition have
//! their own files.

use std::collections::BTreeSet;

use super::measure::{self, Scope};
use super::{Ctx, ambition, is_slug, plausible};
use crate::definitions::model::{
    AmbitionDef, Frequency, Indicator, IndicatorType, Level, Measure, MeasureKind, Method,
    Readiness, Source, Unit, normalise_goal,
};
use crate::definitions::raw::{OneOrMany, RawIndicator};

/// Units the tool knows; others are allowed with a warning.
const UNITS: &[&str] = &[
    "percent", "count", "days", "score", "status", "ratio", "per-1000", "number", "stage", "nok",
];

/// The indicator's classification, each `None` when it did not parse.
struct Header {
    goal: Option<String>,
    level: Option<Level>,
    kind: Option<IndicatorType>,
    readiness: Option<Readiness>,
    frequency: Option<Frequency>,
}

/// Checks one indicator; `None` when it has errors.
pub(super) fn check(
    ctx: &mut Ctx<'_>,
    raw: RawIndicator,
    sources: &[Source],
    indicator_ids: &BTreeSet<String>,
) -> Option<Indicator> {
    let errors_before = ctx.out.len();
    let header = check_header(ctx, &raw);
    let source_ids = raw
        .source
        .as_ref()
        .map(OneOrMany::to_vec)
        .unwrap_or_default();
    check_sources(ctx, &source_ids, sources);
    check_measure(ctx, &raw, &header, &source_ids, sources, indicator_ids);
    check_breakdowns(ctx, &raw, &source_ids, sources);
    let ambition = ambition::check(ctx, &raw);
    let plausible = plausible::check(ctx, raw.plausible.as_ref());
    if let Some(o) = raw.origin.as_deref()
        && o != "seed"
        && o != "example"
    {
        ctx.error(
            "bad-value",
            "origin",
            format!("`{o}` must be `seed` (the default) or `example`"),
        );
    }
    if ctx.errors_since(errors_before) {
        return None;
    }
    let mut ind = build(ctx, &raw, header, ambition?)?;
    ind.plausible = plausible?;
    Some(ind)
}

/// The typed indicator from a raw one without errors.
fn build(
    ctx: &Ctx<'_>,
    raw: &RawIndicator,
    header: Header,
    ambition: AmbitionDef,
) -> Option<Indicator> {
    let measure = match &raw.measure {
        None => None,
        Some(m) => Some(Measure::from_raw(m)?),
    };
    let unit = Unit::new(&raw.unit);
    let method = match &raw.method {
        None => unit.default_method(),
        Some(m) => Method::parse(m)?,
    };
    Some(Indicator {
        path: ctx.file.path.clone(),
        sha256: ctx.file.sha256.clone(),
        id: raw.id.clone(),
        version: raw.version.unwrap_or(1),
        number: raw.number.clone(),
        name: raw.name.clone(),
        goal: header.goal?,
        level: header.level?,
        kind: header.kind?,
        readiness: header.readiness?,
        unit,
        frequency: header.frequency?,
        sources: raw
            .source
            .as_ref()
            .map(OneOrMany::to_vec)
            .unwrap_or_default(),
        measure,
        ambition,
        ambition_note: raw.ambition.note.clone(),
        breakdowns: raw.breakdowns.clone(),
        description: raw.description.clone(),
        caveats: raw.caveats.clone(),
        reference: raw.reference.clone(),
        method,
        plausible: crate::definitions::model::Plausible::default(),
        result_goals: raw.result_goals.clone(),
        example: raw.origin.as_deref() == Some("example"),
        chart_horizon: raw.chart_horizon,
        population_variant_of: raw.population_variant_of.clone(),
    })
}

/// Id, file name, goal, level, type, readiness, frequency, unit and method.
fn check_header(ctx: &mut Ctx<'_>, raw: &RawIndicator) -> Header {
    if !is_slug(&raw.id) {
        ctx.error(
            "bad-id",
            "id",
            format!(
                "indicator id `{}` must be a lower-case slug (a-z, 0-9, -)",
                raw.id
            ),
        );
    }
    ctx.check_file_name(&raw.id);
    let goal = check_goal(ctx, "goal", &raw.goal);
    let level = ctx.enum_value("level", &raw.level, Level::parse, Level::ALL);
    let kind = ctx.enum_value("type", &raw.kind, IndicatorType::parse, IndicatorType::ALL);
    let readiness = ctx.enum_value(
        "readiness",
        &raw.readiness,
        Readiness::parse,
        Readiness::ALL,
    );
    let frequency = ctx.enum_value(
        "frequency",
        &raw.frequency,
        Frequency::parse,
        Frequency::ALL,
    );
    if !UNITS.contains(&raw.unit.as_str()) {
        ctx.warning(
            "unknown-unit",
            "unit",
            format!("unit `{}` is not one the tool knows", raw.unit),
        )
        .help = Some(format!("known: {}", UNITS.join(", ")));
    }
    if let Some(m) = &raw.method
        && m != "linear"
        && m != "cagr"
    {
        ctx.error(
            "bad-value",
            "method",
            format!("method `{m}` must be `linear` or `cagr`"),
        );
    }
    Header {
        goal,
        level,
        kind,
        readiness,
        frequency,
    }
}

/// The goal at `field`, normalised (`o1` → `O1`).
pub(super) fn check_goal(
    ctx: &mut Ctx<'_>,
    field: &str,
    goal: &serde_yaml::Value,
) -> Option<String> {
    let goal_text = match goal {
        serde_yaml::Value::Number(n) => n.to_string(),
        serde_yaml::Value::String(s) => s.clone(),
        other => format!("{other:?}"),
    };
    let goal = normalise_goal(&goal_text);
    if goal.is_none() {
        ctx.error(
            "unknown-goal",
            field,
            format!("`{goal_text}` is not a goal"),
        )
        .help = Some("goals are 1–5 and O1–O3, or `unassigned` when the seeds place the indicator under no goal".into());
    }
    goal
}

/// Every listed source is defined.
fn check_sources(ctx: &mut Ctx<'_>, source_ids: &[String], sources: &[Source]) {
    for (i, sid) in source_ids.iter().enumerate() {
        if !sources.iter().any(|s| s.id() == sid) {
            let field = if source_ids.len() > 1 {
                format!("source[{i}]")
            } else {
                "source".to_string()
            };
            ctx.error(
                "unknown-source",
                &field,
                format!("source `{sid}` is not defined under sources/"),
            )
            .suggest(sid, sources.iter().map(Source::id));
        }
    }
}

/// The measure: required unless planned; a source unless composite.
fn check_measure(
    ctx: &mut Ctx<'_>,
    raw: &RawIndicator,
    header: &Header,
    source_ids: &[String],
    sources: &[Source],
    indicator_ids: &BTreeSet<String>,
) {
    match &raw.measure {
        None if header.readiness != Some(Readiness::Planned) => {
            ctx.error(
                "missing-field",
                "measure",
                "an indicator that is not `planned` needs a `measure`".into(),
            );
        }
        None => {}
        Some(m) => {
            if source_ids.is_empty()
                && !matches!(
                    MeasureKind::parse(&m.kind),
                    Some(MeasureKind::Composite) | None
                )
            {
                ctx.error(
                    "missing-field",
                    "source",
                    format!("a `{}` measure needs a `source`", m.kind),
                );
            }
            let scope = Scope {
                default_source: source_ids.first().map(String::as_str),
                source_ids,
                sources,
                indicator_ids,
                self_id: &raw.id,
                frequency: header.frequency,
            };
            measure::check(ctx, &scope, "measure", m, true);
        }
    }
}

/// Breakdowns: against the measure's (first) source.
fn check_breakdowns(
    ctx: &mut Ctx<'_>,
    raw: &RawIndicator,
    source_ids: &[String],
    sources: &[Source],
) {
    let primary = raw
        .measure
        .as_ref()
        .and_then(|m| {
            m.source
                .clone()
                .or_else(|| m.numerator.as_ref().and_then(|n| n.source.clone()))
        })
        .or_else(|| source_ids.first().cloned());
    let Some(src) = primary.and_then(|id| sources.iter().find(|s| s.id() == id)) else {
        return;
    };
    for (i, b) in raw.breakdowns.iter().enumerate() {
        let field = format!("breakdowns[{i}]");
        let geo = matches!(b.as_str(), "region" | "county" | "municipality");
        if geo {
            if src.municipality_column().is_none() {
                ctx.error(
                    "bad-breakdown",
                    &field,
                    format!(
                        "breakdown `{b}` needs a municipality column, and source `{}` has none",
                        src.id()
                    ),
                );
            }
        } else if src.column(b).is_none() {
            let names = src.column_names();
            ctx.error(
                "unknown-column",
                &field,
                format!("breakdown `{b}` is not a column of source `{}`", src.id()),
            )
            .suggest(
                b,
                names
                    .iter()
                    .map(String::as_str)
                    .chain(["region", "county", "municipality"]),
            )
            .help = Some("use region, county, municipality or a declared column".into());
        }
    }
}
