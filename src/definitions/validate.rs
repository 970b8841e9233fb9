//! Strict checks of definition files: parse with serde (unknown fields and
//! wrong types are errors with serde's position), then semantic checks with
//! positions from [`Locator`].

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use super::locate::Locator;
use super::model::{
    AmbitionDef, ColumnType, Direction, Frequency, Granularity, Indicator, IndicatorType, Level,
    MeasureKind, Readiness, Role, Source, normalise_goal,
};
use super::raw::{RawIndicator, RawMeasure, RawSource};
use super::{Catalogue, file_location};
use crate::diagnostic::{Diagnostic, Location};
use crate::period::Period;

/// A definition file's text.
pub(super) struct FileText {
    pub(super) path: PathBuf,
    pub(super) sha256: String,
    pub(super) text: String,
    pub(super) is_source: bool,
}

/// Units the tool knows; others are allowed with a warning.
const UNITS: &[&str] = &[
    "percent", "count", "days", "score", "status", "ratio", "per-1000", "number", "stage", "nok",
];

/// Publishers the tool knows; others are allowed with a warning.
const PUBLISHERS: &[&str] = &[
    "SSB", "SSB/KPR", "KPR", "NHN", "BRREG", "FHI", "HTO", "survey", "Hdir",
];

/// Collects findings for one file.
struct Ctx<'a> {
    file: &'a FileText,
    loc: Locator,
    out: &'a mut Vec<Diagnostic>,
}

impl Ctx<'_> {
    fn at(&self, field: &str) -> Location {
        let (line, column) = self.loc.value(field);
        Location {
            file: self.file.path.clone(),
            line,
            column,
        }
    }

    fn error(&mut self, code: &'static str, field: &str, message: String) -> &mut Diagnostic {
        let d = Diagnostic::error(code, self.at(field), field, message);
        self.out.push(d);
        self.out.last_mut().expect("just pushed")
    }

    fn warning(&mut self, code: &'static str, field: &str, message: String) -> &mut Diagnostic {
        let d = Diagnostic::warning(code, self.at(field), field, message);
        self.out.push(d);
        self.out.last_mut().expect("just pushed")
    }

    /// Checks a string against an enum's spellings.
    fn enum_value<T>(
        &mut self,
        field: &str,
        value: &str,
        parse: fn(&str) -> Option<T>,
        all: &[&str],
    ) -> Option<T> {
        let parsed = parse(value);
        if parsed.is_none() {
            self.error(
                "bad-value",
                field,
                format!("`{value}` is not a valid {field}"),
            )
            .help = Some(format!("expected one of: {}", all.join(", ")));
        }
        parsed
    }
}

/// Checks every file and builds the catalogue.
pub(super) fn check(files: &[FileText]) -> Catalogue {
    let mut diagnostics = Vec::new();
    let mut raw_sources: Vec<(&FileText, RawSource)> = Vec::new();
    let mut raw_indicators: Vec<(&FileText, RawIndicator)> = Vec::new();
    for file in files {
        if file.is_source {
            if let Some(s) = parse::<RawSource>(file, &mut diagnostics) {
                raw_sources.push((file, s));
            }
        } else if let Some(i) = parse::<RawIndicator>(file, &mut diagnostics) {
            raw_indicators.push((file, i));
        }
    }

    // Sources first: indicators refer to them.
    let mut sources: Vec<Source> = Vec::new();
    let mut seen: BTreeMap<String, PathBuf> = BTreeMap::new();
    for (file, raw) in raw_sources {
        let mut ctx = Ctx {
            file,
            loc: Locator::new(&file.text),
            out: &mut diagnostics,
        };
        if let Some(first) = seen.get(&raw.id) {
            ctx.error(
                "duplicate-id",
                "id",
                format!(
                    "source id `{}` is already defined in {}",
                    raw.id,
                    first.display()
                ),
            );
            continue;
        }
        seen.insert(raw.id.clone(), file.path.clone());
        if let Some(source) = check_source(&mut ctx, raw) {
            sources.push(source);
        }
    }
    sources.sort_by(|a, b| a.def.id.cmp(&b.def.id));

    let ids: BTreeSet<String> = raw_indicators.iter().map(|(_, r)| r.id.clone()).collect();
    let mut indicators: Vec<Indicator> = Vec::new();
    let mut seen: BTreeMap<String, PathBuf> = BTreeMap::new();
    for (file, raw) in raw_indicators {
        let mut ctx = Ctx {
            file,
            loc: Locator::new(&file.text),
            out: &mut diagnostics,
        };
        if let Some(first) = seen.get(&raw.id) {
            ctx.error(
                "duplicate-id",
                "id",
                format!(
                    "indicator id `{}` is already defined in {}",
                    raw.id,
                    first.display()
                ),
            );
            continue;
        }
        seen.insert(raw.id.clone(), file.path.clone());
        if let Some(ind) = check_indicator(&mut ctx, raw, &sources, &ids) {
            indicators.push(ind);
        }
    }
    check_composite_cycles(&indicators, files, &mut diagnostics);
    let goal_rank = |g: &str| {
        super::model::GOALS
            .iter()
            .position(|(c, _, _)| *c == g)
            .unwrap_or(99)
    };
    indicators.sort_by(|a, b| {
        (goal_rank(&a.goal), a.def.id.as_str()).cmp(&(goal_rank(&b.goal), b.def.id.as_str()))
    });
    Catalogue {
        root: PathBuf::new(),
        indicators,
        sources,
        diagnostics,
    }
}

/// Parses one file with serde, turning its error into a located finding.
fn parse<T: serde::de::DeserializeOwned>(file: &FileText, out: &mut Vec<Diagnostic>) -> Option<T> {
    match serde_yaml::from_str::<T>(&file.text) {
        Ok(v) => Some(v),
        Err(e) => {
            let (line, column) = e.location().map_or((1, 1), |l| (l.line(), l.column()));
            let full = e.to_string();
            let msg = full.split(" at line ").next().unwrap_or(&full).to_string();
            // serde_yaml prefixes the path: `ambition: unknown field ...`.
            let (field, msg) = match msg.split_once(": ") {
                Some((path, rest))
                    if !path.contains(' ') && !path.is_empty() && path != "invalid type" =>
                {
                    (path.to_string(), rest.to_string())
                }
                _ => (String::new(), msg),
            };
            let code = if msg.contains("unknown field") {
                "unknown-field"
            } else if msg.contains("missing field") {
                "missing-field"
            } else if msg.contains("invalid type") {
                "wrong-type"
            } else {
                "yaml-syntax"
            };
            // serde names the mapping; the finding names the field itself
            // (`ambition.targt`, `name.en`, `caveat`).
            let field = match (code, backticked(&msg)) {
                ("unknown-field" | "missing-field", Some(name)) if field.is_empty() => {
                    name.to_string()
                }
                ("unknown-field" | "missing-field", Some(name)) => format!("{field}.{name}"),
                _ => field,
            };
            let mut d = Diagnostic::error(
                code,
                Location {
                    file: file.path.clone(),
                    line,
                    column,
                },
                &field,
                msg,
            );
            if code == "unknown-field" {
                d = d.with_help("check the spelling; docs/definitions.md lists every field");
            }
            out.push(d);
            None
        }
    }
}

/// The first `name` in backticks in a serde message.
fn backticked(msg: &str) -> Option<&str> {
    let start = msg.find('`')? + 1;
    let len = msg[start..].find('`')?;
    Some(&msg[start..start + len])
}

fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !s.starts_with('-')
}

fn check_source(ctx: &mut Ctx<'_>, raw: RawSource) -> Option<Source> {
    let errors_before = ctx.out.len();
    if !is_slug(&raw.id) {
        ctx.error(
            "bad-id",
            "id",
            format!(
                "source id `{}` must be a lower-case slug (a-z, 0-9, -)",
                raw.id
            ),
        );
    }
    if !PUBLISHERS.contains(&raw.publisher.as_str()) {
        ctx.warning(
            "unknown-publisher",
            "publisher",
            format!("publisher `{}` is not one the tool knows", raw.publisher),
        )
        .help = Some(format!("known: {}", PUBLISHERS.join(", ")));
    }
    if raw.files.trim().is_empty() {
        ctx.error(
            "bad-value",
            "files",
            "`files` must be a file pattern".into(),
        );
    } else if let Err(e) = glob::Pattern::new(&raw.files) {
        ctx.error("bad-value", "files", format!("bad file pattern: {e}"));
    }
    if let Some(sep) = &raw.dialect.separator
        && sep.chars().count() != 1
        && sep != "\\t"
    {
        ctx.error(
            "bad-value",
            "dialect.separator",
            format!("separator `{sep}` must be one character"),
        );
    }
    if let Some(dec) = &raw.dialect.decimal
        && dec != ","
        && dec != "."
    {
        ctx.error(
            "bad-value",
            "dialect.decimal",
            format!("decimal mark `{dec}` must be `,` or `.`"),
        );
    }
    if let Some(enc) = &raw.dialect.encoding
        && crate::sources::Encoding::parse(enc).is_none()
    {
        ctx.error(
            "bad-value",
            "dialect.encoding",
            format!("encoding `{enc}` is not supported"),
        )
        .help = Some(
            "use utf-8 or windows-1252 (latin1 and iso-8859-1 are read as windows-1252)".into(),
        );
    }
    let granularity = ctx.enum_value(
        "period.granularity",
        &raw.period.granularity,
        Granularity::parse,
        Granularity::ALL,
    );
    let mut names = BTreeSet::new();
    for (i, col) in raw.columns.iter().enumerate() {
        if !names.insert(col.name.as_str()) {
            ctx.error(
                "duplicate-column",
                &format!("columns[{i}].name"),
                format!("column `{}` is declared twice", col.name),
            );
        }
        ctx.enum_value(
            &format!("columns[{i}].type"),
            &col.kind,
            ColumnType::parse,
            ColumnType::ALL,
        );
        if let Some(role) = &col.role {
            ctx.enum_value(&format!("columns[{i}].role"), role, Role::parse, Role::ALL);
        }
    }
    if !names.contains(raw.period.column.as_str()) {
        ctx.error(
            "unknown-column",
            "period.column",
            format!(
                "period column `{}` is not among the declared columns",
                raw.period.column
            ),
        );
    }
    if let Some(w) = &raw.wide {
        for (field, name) in [("wide.key", &w.key), ("wide.value", &w.value)] {
            if !names.contains(name.as_str()) {
                ctx.error(
                    "unknown-column",
                    field,
                    format!("`{name}` is not among the declared columns"),
                );
            }
        }
    }
    if let Some(p) = &raw.invalid_orgnr
        && p != "exclude"
        && p != "reject"
    {
        ctx.error(
            "bad-value",
            "invalid-orgnr",
            format!("`{p}` must be `exclude` or `reject`"),
        );
    }
    let stem = ctx
        .file
        .path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    if stem != raw.id {
        ctx.warning(
            "id-file-mismatch",
            "id",
            format!("id `{}` differs from the file name `{stem}`", raw.id),
        );
    }
    let has_new_errors = ctx.out[errors_before..]
        .iter()
        .any(|d| d.severity == crate::diagnostic::Severity::Error);
    let granularity = granularity?;
    (!has_new_errors).then(|| Source {
        path: ctx.file.path.clone(),
        sha256: ctx.file.sha256.clone(),
        def: raw,
        granularity,
    })
}

fn check_indicator(
    ctx: &mut Ctx<'_>,
    raw: RawIndicator,
    sources: &[Source],
    indicator_ids: &BTreeSet<String>,
) -> Option<Indicator> {
    let errors_before = ctx.out.len();
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
    let stem = ctx
        .file
        .path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    if stem != raw.id {
        ctx.warning(
            "id-file-mismatch",
            "id",
            format!("id `{}` differs from the file name `{stem}`", raw.id),
        );
    }
    let goal_text = match &raw.goal {
        serde_yaml::Value::Number(n) => n.to_string(),
        serde_yaml::Value::String(s) => s.clone(),
        other => format!("{other:?}"),
    };
    let goal = normalise_goal(&goal_text);
    if goal.is_none() {
        ctx.error(
            "unknown-goal",
            "goal",
            format!("`{goal_text}` is not a goal"),
        )
        .help = Some("goals are 1–5 and O1–O3".into());
    }
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

    // Sources.
    let source_ids = raw
        .source
        .as_ref()
        .map(super::raw::OneOrMany::to_vec)
        .unwrap_or_default();
    for (i, sid) in source_ids.iter().enumerate() {
        if !sources.iter().any(|s| &s.def.id == sid) {
            let field = if source_ids.len() > 1 {
                format!("source[{i}]")
            } else {
                "source".to_string()
            };
            ctx.error(
                "unknown-source",
                &field,
                format!("source `{sid}` is not defined under sources/"),
            );
        }
    }

    // Measure.
    match &raw.measure {
        None if readiness != Some(Readiness::Planned) => {
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
            let default_source = source_ids.first().cloned();
            check_measure(
                ctx,
                "measure",
                m,
                default_source.as_deref(),
                &source_ids,
                sources,
                indicator_ids,
                &raw.id,
                frequency,
                true,
            );
        }
    }

    // Breakdowns: against the measure's (first) source.
    let primary = raw
        .measure
        .as_ref()
        .and_then(|m| {
            m.source
                .clone()
                .or_else(|| m.numerator.as_ref().and_then(|n| n.source.clone()))
        })
        .or_else(|| source_ids.first().cloned());
    let primary = primary.and_then(|id| sources.iter().find(|s| s.def.id == id));
    for (i, b) in raw.breakdowns.iter().enumerate() {
        let field = format!("breakdowns[{i}]");
        let Some(src) = primary else { continue };
        let geo = matches!(b.as_str(), "region" | "county" | "municipality");
        if geo {
            if src.municipality_column().is_none() {
                ctx.error(
                    "bad-breakdown",
                    &field,
                    format!(
                        "breakdown `{b}` needs a municipality column, and source `{}` has none",
                        src.def.id
                    ),
                );
            }
        } else if src.column(b).is_none() {
            ctx.error(
                "unknown-column",
                &field,
                format!("breakdown `{b}` is not a column of source `{}`", src.def.id),
            )
            .help = Some("use region, county, municipality or a declared column".into());
        }
    }

    let ambition = check_ambition(ctx, &raw);

    let has_new_errors = ctx.out[errors_before..]
        .iter()
        .any(|d| d.severity == crate::diagnostic::Severity::Error);
    if has_new_errors {
        return None;
    }
    Some(Indicator {
        path: ctx.file.path.clone(),
        sha256: ctx.file.sha256.clone(),
        goal: goal?,
        level: level?,
        kind: kind?,
        readiness: readiness?,
        frequency: frequency?,
        ambition: ambition?,
        def: raw,
    })
}

/// Which fields each kind uses (besides `kind`, `source`, `filter`, `scale`).
fn allowed_fields(kind: MeasureKind) -> &'static [&'static str] {
    match kind {
        MeasureKind::Count => &["distinct", "factor"],
        MeasureKind::Sum | MeasureKind::Mean | MeasureKind::Median => &["column", "factor"],
        MeasureKind::Ratio => &["numerator", "denominator", "cumulative"],
        MeasureKind::ShareOfUnits => &["units", "condition", "weight-by", "cumulative"],
        MeasureKind::SurveyShare => &["answer", "answers", "exclude", "per-option"],
        MeasureKind::Reported => &["column", "aggregate"],
        MeasureKind::Composite => &["components", "rollup"],
        MeasureKind::Milestone => &["status-column"],
    }
}

/// The fields set on a raw measure, by YAML name.
fn set_fields(m: &RawMeasure) -> Vec<&'static str> {
    let mut v = Vec::new();
    let mut add = |set: bool, name: &'static str| {
        if set {
            v.push(name);
        }
    };
    add(m.distinct.is_some(), "distinct");
    add(m.column.is_some(), "column");
    add(m.numerator.is_some(), "numerator");
    add(m.denominator.is_some(), "denominator");
    add(m.factor.is_some(), "factor");
    add(m.units.is_some(), "units");
    add(m.condition.is_some(), "condition");
    add(m.weight_by.is_some(), "weight-by");
    add(m.answer.is_some(), "answer");
    add(!m.answers.is_empty(), "answers");
    add(!m.exclude.is_empty(), "exclude");
    add(m.per_option, "per-option");
    add(m.aggregate.is_some(), "aggregate");
    add(!m.components.is_empty(), "components");
    add(m.rollup.is_some(), "rollup");
    add(m.status_column.is_some(), "status-column");
    add(m.cumulative, "cumulative");
    v
}

#[allow(clippy::too_many_arguments)]
fn check_measure(
    ctx: &mut Ctx<'_>,
    path: &str,
    m: &RawMeasure,
    default_source: Option<&str>,
    source_ids: &[String],
    sources: &[Source],
    indicator_ids: &BTreeSet<String>,
    self_id: &str,
    frequency: Option<Frequency>,
    top: bool,
) {
    let Some(kind) = ctx.enum_value(
        &format!("{path}.kind"),
        &m.kind,
        MeasureKind::parse,
        MeasureKind::ALL,
    ) else {
        return;
    };
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
    // The source this measure reads.
    let source_id = m.source.as_deref().or(default_source);
    if let Some(sid) = &m.source {
        if !sources.iter().any(|s| &s.def.id == sid) {
            ctx.error(
                "unknown-source",
                &format!("{path}.source"),
                format!("source `{sid}` is not defined under sources/"),
            );
        } else if !source_ids.is_empty() && !source_ids.contains(sid) {
            ctx.warning(
                "unlisted-source",
                &format!("{path}.source"),
                format!("source `{sid}` is not listed in the indicator's `source`"),
            );
        }
    }
    let source = source_id.and_then(|id| sources.iter().find(|s| s.def.id == id));

    // A ratio's denominator may be coarser (population per year for a
    // monthly share): it is joined on the year.
    if let (Some(src), Some(freq)) = (source, frequency)
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
                src.def.id,
                src.granularity.as_str()
            ),
        );
    }

    let need_column = |ctx: &mut Ctx<'_>, field: &str, name: Option<&String>, what: &str| match name
    {
        None => {
            ctx.error(
                "missing-field",
                &format!("{path}.{field}"),
                format!("a `{}` measure needs `{field}` ({what})", m.kind),
            );
        }
        Some(col) => {
            if let Some(src) = source
                && src.column(col).is_none()
            {
                ctx.error(
                    "unknown-column",
                    &format!("{path}.{field}"),
                    format!("column `{col}` is not declared by source `{}`", src.def.id),
                )
                .help = Some(format!(
                    "declared: {}",
                    src.def
                        .columns
                        .iter()
                        .map(|c| c.name.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                ));
            }
        }
    };

    for (field, expr) in [("filter", &m.filter), ("condition", &m.condition)] {
        if let Some(sql) = expr {
            check_sql(ctx, &format!("{path}.{field}"), sql, source);
        }
    }

    match kind {
        MeasureKind::Count => {
            if m.distinct.is_some() {
                need_column(
                    ctx,
                    "distinct",
                    m.distinct.as_ref(),
                    "the column to count distinct values of",
                );
            }
        }
        MeasureKind::Sum | MeasureKind::Mean | MeasureKind::Median => {
            need_column(ctx, "column", m.column.as_ref(), "the value column");
            if let (Some(src), Some(col)) = (source, &m.column)
                && let Some(t) = src.column_type(col)
                && !matches!(t, ColumnType::Integer | ColumnType::Decimal)
            {
                ctx.error(
                    "bad-column-type",
                    &format!("{path}.column"),
                    format!("column `{col}` is `{}`, not a number", t.as_str()),
                );
            }
        }
        MeasureKind::Reported => {
            need_column(ctx, "column", m.column.as_ref(), "the value column");
            if let Some(a) = &m.aggregate
                && !["sum", "mean", "last", "median"].contains(&a.as_str())
            {
                ctx.error(
                    "bad-value",
                    &format!("{path}.aggregate"),
                    format!("aggregate `{a}` must be sum, mean, median or last"),
                );
            }
        }
        MeasureKind::Ratio => {
            for (side, sub) in [("numerator", &m.numerator), ("denominator", &m.denominator)] {
                match sub {
                    None => {
                        ctx.error(
                            "missing-field",
                            &format!("{path}.{side}"),
                            format!("a ratio needs a `{side}` measure"),
                        );
                    }
                    Some(sub) => {
                        if sub.source.is_none() && source_ids.len() > 1 {
                            ctx.error(
                                "missing-field",
                                &format!("{path}.{side}.source"),
                                format!("the indicator has several sources; say which one the {side} reads"),
                            );
                        }
                        check_measure(
                            ctx,
                            &format!("{path}.{side}"),
                            sub,
                            default_source,
                            source_ids,
                            sources,
                            indicator_ids,
                            self_id,
                            frequency,
                            false,
                        );
                    }
                }
            }
        }
        MeasureKind::ShareOfUnits => {
            match m.units.as_deref() {
                None | Some("municipalities") => {}
                Some(other) => {
                    ctx.error(
                        "bad-value",
                        &format!("{path}.units"),
                        format!("units `{other}` must be `municipalities`"),
                    );
                }
            }
            if m.condition.is_none() {
                ctx.error(
                    "missing-field",
                    &format!("{path}.condition"),
                    "a share_of_units measure needs a `condition`".into(),
                );
            }
            if let Some(src) = source
                && src.municipality_column().is_none()
            {
                ctx.error(
                    "bad-source",
                    &format!("{path}.units"),
                    format!("source `{}` has no municipality column", src.def.id),
                );
            }
            if let Some(w) = &m.weight_by {
                match sources.iter().find(|s| &s.def.id == w) {
                    None => {
                        ctx.error(
                            "unknown-source",
                            &format!("{path}.weight-by"),
                            format!("source `{w}` is not defined under sources/"),
                        );
                    }
                    Some(ws) => {
                        if ws.municipality_column().is_none()
                            || ws.column_with_role(Role::Value).is_none()
                        {
                            ctx.error(
                                "bad-source",
                                &format!("{path}.weight-by"),
                                format!("weight source `{w}` needs a municipality column and a value column"),
                            );
                        }
                    }
                }
            }
        }
        MeasureKind::SurveyShare => {
            need_column(ctx, "answer", m.answer.as_ref(), "the answer column");
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
            if let Some(src) = source {
                for role in [Role::Respondent, Role::Weight] {
                    if src.column_with_role(role).is_none() {
                        ctx.error(
                            "bad-source",
                            &format!("{path}.kind"),
                            format!(
                                "survey_share needs a `{}` column, and source `{}` has none",
                                role.as_str(),
                                src.def.id
                            ),
                        );
                    }
                }
            }
        }
        MeasureKind::Composite => {
            if m.components.is_empty() {
                ctx.error(
                    "missing-field",
                    &format!("{path}.components"),
                    "a composite needs `components` (indicator ids)".into(),
                );
            }
            for (i, c) in m.components.iter().enumerate() {
                if c == self_id {
                    ctx.error(
                        "bad-component",
                        &format!("{path}.components[{i}]"),
                        "a composite cannot contain itself".into(),
                    );
                } else if !indicator_ids.contains(c) {
                    ctx.error(
                        "unknown-component",
                        &format!("{path}.components[{i}]"),
                        format!("component `{c}` is not a defined indicator"),
                    );
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
        MeasureKind::Milestone => {
            need_column(
                ctx,
                "status-column",
                m.status_column.as_ref(),
                "the column with the status",
            );
        }
    }
}

/// Parses a SQL expression with polars' parser and checks its columns.
fn check_sql(ctx: &mut Ctx<'_>, field: &str, sql: &str, source: Option<&Source>) {
    match polars::sql::sql_expr(sql) {
        Err(e) => {
            let msg = e.to_string();
            let first = msg.lines().next().unwrap_or(&msg).to_string();
            ctx.error(
                "bad-sql",
                field,
                format!("SQL expression does not parse: {first}"),
            )
            .help = Some("filters use SQL: col = 'text' AND n >= 1, col IN ('a', 'b')".into());
        }
        Ok(expr) => {
            if let Some(src) = source {
                for name in expr.meta().root_names() {
                    if src.column(name.as_str()).is_none() {
                        ctx.error(
                            "unknown-column",
                            field,
                            format!(
                                "column `{name}` in the expression is not declared by source `{}`",
                                src.def.id
                            ),
                        );
                    }
                }
            }
        }
    }
}

fn check_ambition(ctx: &mut Ctx<'_>, raw: &RawIndicator) -> Option<AmbitionDef> {
    let a = &raw.ambition;
    match (&a.none, a.target) {
        (Some(_), Some(_)) => {
            ctx.error(
                "bad-ambition",
                "ambition.none",
                "an ambition is either `none` (with a reason) or a `target`, not both".into(),
            );
            None
        }
        (None, None) => {
            ctx.error(
                "bad-ambition",
                "ambition",
                "give `target`, `by` and `direction`, or `none: \"reason\"`".into(),
            );
            None
        }
        (Some(reason), None) => {
            if reason.trim().is_empty() {
                ctx.error(
                    "bad-ambition",
                    "ambition.none",
                    "`none` needs a reason, e.g. \"illustrated projection only\"".into(),
                );
            }
            for (set, f) in [
                (a.by.is_some(), "by"),
                (a.direction.is_some(), "direction"),
                (a.baseline.is_some(), "baseline"),
                (a.per.is_some(), "per"),
            ] {
                if set {
                    ctx.error(
                        "unused-field",
                        &format!("ambition.{f}"),
                        format!("`{f}` has no meaning without a target"),
                    );
                }
            }
            Some(AmbitionDef::None(reason.clone()))
        }
        (None, Some(target)) => {
            let mut ok = true;
            let Some(by) = &a.by else {
                ctx.error(
                    "missing-field",
                    "ambition.by",
                    "a target needs a deadline `by: YYYY-MM-DD`".into(),
                );
                return None;
            };
            let deadline = Period::parse(by).filter(|p| p.granularity == Granularity::Day);
            if deadline.is_none() {
                ctx.error(
                    "bad-value",
                    "ambition.by",
                    format!("`{by}` is not a date YYYY-MM-DD"),
                );
                ok = false;
            }
            let direction = match &a.direction {
                None => {
                    ctx.error(
                        "missing-field",
                        "ambition.direction",
                        "the direction is never assumed: give `direction: increase` or `decrease`"
                            .into(),
                    );
                    None
                }
                Some(d) => {
                    ctx.enum_value("ambition.direction", d, Direction::parse, Direction::ALL)
                }
            };
            if raw.unit == "percent" && !(0.0..=100.0).contains(&target) {
                ctx.error(
                    "bad-target",
                    "ambition.target",
                    format!("a percent target must lie in 0–100, not {target}"),
                );
                ok = false;
            }
            let mut baseline = None;
            if let Some(b) = &a.baseline {
                let label = match &b.period {
                    serde_yaml::Value::Number(n) => n.to_string(),
                    serde_yaml::Value::String(s) => s.clone(),
                    other => format!("{other:?}"),
                };
                match Period::parse(&label) {
                    None => {
                        ctx.error(
                            "bad-value",
                            "ambition.baseline.period",
                            format!("`{label}` is not a period (2023, 2024Q1 or 2024-01)"),
                        );
                        ok = false;
                    }
                    Some(p) => {
                        if let Some(d) = deadline
                            && p.start_time() >= d.start_time()
                        {
                            ctx.error(
                                "deadline-before-baseline",
                                "ambition.by",
                                format!(
                                    "the deadline {by} is not after the baseline period {label}"
                                ),
                            );
                            ok = false;
                        }
                    }
                }
                if let (Some(v), Some(dir)) = (b.value, direction) {
                    let contradicts = match dir {
                        Direction::Increase => target < v,
                        Direction::Decrease => target > v,
                    };
                    if contradicts {
                        ctx.error(
                            "direction-contradiction",
                            "ambition.direction",
                            format!(
                                "direction `{}` contradicts baseline {v} and target {target}",
                                dir.as_str()
                            ),
                        )
                        .help =
                            Some("check the direction, or the baseline and target values".into());
                        ok = false;
                    }
                }
                baseline = Some((label, b.value));
            }
            if let Some(per) = &a.per
                && !raw.breakdowns.contains(per)
            {
                ctx.error(
                    "bad-value",
                    "ambition.per",
                    format!("`per: {per}` must be one of the indicator's breakdowns"),
                );
                ok = false;
            }
            let direction = direction?;
            ok.then(|| AmbitionDef::Target {
                target,
                by: by.clone(),
                direction,
                baseline,
                per: a.per.clone(),
            })
        }
    }
}

/// Composites must not form cycles; each composite on a cycle gets a finding
/// at its `measure.components`.
fn check_composite_cycles(indicators: &[Indicator], files: &[FileText], out: &mut Vec<Diagnostic>) {
    let children: BTreeMap<&str, Vec<&str>> = indicators
        .iter()
        .map(|i| {
            let comps = i
                .def
                .measure
                .as_ref()
                .map(|m| m.components.iter().map(String::as_str).collect())
                .unwrap_or_default();
            (i.id(), comps)
        })
        .collect();
    for ind in indicators {
        let mut stack: Vec<&str> = children.get(ind.id()).cloned().unwrap_or_default();
        let mut seen = BTreeSet::new();
        while let Some(c) = stack.pop() {
            if c == ind.id() {
                let location = files.iter().find(|f| f.path == ind.path).map_or_else(
                    || file_location(&ind.path),
                    |f| {
                        let (line, column) = Locator::new(&f.text).value("measure.components");
                        Location {
                            file: f.path.clone(),
                            line,
                            column,
                        }
                    },
                );
                out.push(Diagnostic::error(
                    "composite-cycle",
                    location,
                    "measure.components",
                    format!(
                        "composite `{}` contains itself through its components",
                        ind.id()
                    ),
                ));
                break;
            }
            if seen.insert(c) {
                stack.extend(children.get(c).cloned().unwrap_or_default());
            }
        }
    }
}
