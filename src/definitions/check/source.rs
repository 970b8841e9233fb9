//! Checks of a source definition: id, publisher, file pattern, CSV dialect,
//! period, declared columns and wide layout.

use std::collections::BTreeSet;

use super::{Ctx, is_slug};
use crate::definitions::model::{
    Column, ColumnType, DialectSpec, Encoding, Granularity, Harmonise, InvalidOrgnr,
    ORIGINAL_SUFFIX, Role, Snapshot, Source, Tolerance, Wide,
};
use crate::definitions::raw::{RawDialect, RawSource};
use crate::period::Period;

/// Publishers the tool knows; others are allowed with a warning.
const PUBLISHERS: &[&str] = &[
    "SSB", "SSB/KPR", "KPR", "NHN", "BRREG", "FHI", "HTO", "survey", "Hdir",
];

/// Checks one source; `None` when it has errors.
pub(super) fn check(ctx: &mut Ctx<'_>, raw: RawSource) -> Option<Source> {
    let errors_before = ctx.out.len();
    check_header(ctx, &raw);
    check_dialect(ctx, &raw.dialect);
    let timing = check_timing(ctx, &raw);
    check_columns(ctx, &raw);
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
    let tolerance = tolerance(ctx, raw.max_unreadable_keys.as_ref());
    let complete_through = complete_through(ctx, raw.complete_through.as_deref());
    ctx.check_file_name(&raw.id);
    let has_new_errors = ctx.errors_since(errors_before);
    let timing = timing?;
    if has_new_errors {
        return None;
    }
    let mut source = build(ctx, &raw, timing)?;
    source.max_unreadable_keys = tolerance?;
    source.complete_through = complete_through.ok()?;
    Some(source)
}

/// `max-unreadable-keys`: a count or a share written with `%`.
fn tolerance(ctx: &mut Ctx<'_>, raw: Option<&serde_yaml::Value>) -> Option<Tolerance> {
    let Some(v) = raw else {
        return Some(Tolerance::Count(0));
    };
    if let Some(n) = v.as_u64() {
        return Some(Tolerance::Count(n));
    }
    let share = v
        .as_str()
        .and_then(|t| t.trim().strip_suffix('%'))
        .and_then(|t| t.trim().replace(',', ".").parse::<f64>().ok())
        .filter(|p| (0.0..=100.0).contains(p));
    if let Some(p) = share {
        return Some(Tolerance::Share(p / 100.0));
    }
    ctx.error(
        "bad-value",
        "max-unreadable-keys",
        "must be a whole number of cells (`0`) or a share of the rows with `%` (`\"0.1%\"`)"
            .to_string(),
    );
    None
}

/// `complete-through`: a date.
/// `Err` when malformed (an error is given).
fn complete_through(ctx: &mut Ctx<'_>, raw: Option<&str>) -> Result<Option<Period>, ()> {
    let Some(t) = raw else { return Ok(None) };
    match Period::parse(t) {
        Some(p) if p.granularity == Granularity::Day => Ok(Some(p)),
        _ => {
            ctx.error(
                "bad-value",
                "complete-through",
                format!("`{t}` must be a date like 2025-10-15"),
            );
            Err(())
        }
    }
}

/// A source's period column and granularity, or its snapshot date.
enum Timing {
    Period(String, Granularity),
    Snapshot(Period),
}

/// Either `period` (column and granularity) or `snapshot` (as-of date).
fn check_timing(ctx: &mut Ctx<'_>, raw: &RawSource) -> Option<Timing> {
    match (&raw.period, &raw.snapshot) {
        (Some(_), Some(_)) => {
            ctx.error(
                "snapshot-with-period",
                "snapshot",
                "a source has either `period` or `snapshot`, not both".into(),
            )
            .help = Some("a register extract without a period column is a snapshot".into());
            None
        }
        (None, None) => {
            ctx.error(
                "missing-field",
                "id",
                "missing field `period` (or `snapshot: { as-of: YYYY-MM-DD }`)".into(),
            );
            None
        }
        (Some(p), None) => ctx
            .enum_value(
                "period.granularity",
                &p.granularity,
                Granularity::parse,
                Granularity::ALL,
            )
            .map(|g| Timing::Period(p.column.clone(), g)),
        (None, Some(s)) => {
            let day = Period::parse(s.as_of.trim()).filter(|p| p.granularity == Granularity::Day);
            if day.is_none() {
                ctx.error(
                    "bad-value",
                    "snapshot.as-of",
                    format!("`{}` is not a date (YYYY-MM-DD)", s.as_of),
                );
            }
            day.map(Timing::Snapshot)
        }
    }
}

/// The typed source from a raw one without errors.
fn build(ctx: &Ctx<'_>, raw: &RawSource, timing: Timing) -> Option<Source> {
    let columns = raw
        .columns
        .iter()
        .map(|c| {
            Some(Column {
                name: c.name.clone(),
                ty: ColumnType::parse(&c.kind)?,
                role: match &c.role {
                    None => None,
                    Some(r) => Some(Role::parse(r)?),
                },
                labels: c.labels.clone(),
                description: c.description.clone(),
                harmonise: match &c.harmonise {
                    None => None,
                    Some(h) => Some(Harmonise::parse(h)?),
                },
            })
        })
        .collect::<Option<Vec<_>>>()?;
    // A snapshot's rows belong to the year of its as-of date.
    let (period_column, granularity, snapshot) = match timing {
        Timing::Period(c, g) => (c, g, None),
        Timing::Snapshot(as_of) => (String::new(), Granularity::Year, Some(Snapshot { as_of })),
    };
    let invalid_orgnr = match &raw.invalid_orgnr {
        None => InvalidOrgnr::Exclude,
        Some(p) => InvalidOrgnr::parse(p)?,
    };
    Some(Source {
        path: ctx.file.path.clone(),
        sha256: ctx.file.sha256.clone(),
        id: raw.id.clone(),
        name: raw.name.clone(),
        publisher: raw.publisher.clone(),
        files: raw.files.clone(),
        dialect: DialectSpec::from_raw(&raw.dialect)?,
        wide: raw.wide.as_ref().map(|w| Wide {
            key: w.key.clone(),
            value: w.value.clone(),
            year_columns: w.year_columns,
        }),
        period_column,
        granularity,
        columns,
        invalid_orgnr,
        max_unreadable_keys: Tolerance::Count(0),
        complete_through: None,
        future_periods_allowed: raw.future_periods
            == Some(super::super::raw::FuturePeriods::Allowed),
        snapshot,
        enrich: Vec::new(),
    })
}

/// Id, publisher and file pattern.
fn check_header(ctx: &mut Ctx<'_>, raw: &RawSource) {
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
    } else if outside_data(&raw.files) {
        ctx.error(
            "files-outside-data",
            "files",
            "the file pattern reaches outside the data folder (an absolute path or `..`)".into(),
        )
        .help = Some(
            "write the pattern relative to the folder given with --data, e.g. `kpr/*.csv`; \
             put the extract under that folder"
                .into(),
        );
    }
}

/// Whether a `files` pattern could name a file outside `--data`: an
/// absolute path (also `C:` or `\\server`) or a `..` component.
fn outside_data(pattern: &str) -> bool {
    let p = pattern.trim();
    p.starts_with('/')
        || p.starts_with('\\')
        || p.as_bytes().get(1) == Some(&b':')
        || p.split(['/', '\\']).any(|part| part == "..")
}

/// Separator, decimal mark and encoding.
fn check_dialect(ctx: &mut Ctx<'_>, dialect: &RawDialect) {
    if let Some(sep) = &dialect.separator
        && sep.chars().count() != 1
        && sep != "\\t"
    {
        ctx.error(
            "bad-value",
            "dialect.separator",
            format!("separator `{sep}` must be one character"),
        );
    }
    if let Some(dec) = &dialect.decimal
        && dec != ","
        && dec != "."
    {
        ctx.error(
            "bad-value",
            "dialect.decimal",
            format!("decimal mark `{dec}` must be `,` or `.`"),
        );
    }
    if let Some(enc) = &dialect.encoding
        && Encoding::parse(enc).is_none()
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
}

/// Declared columns (names unique, types and roles known), and the period
/// and wide columns among them.
fn check_columns(ctx: &mut Ctx<'_>, raw: &RawSource) {
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
    check_harmonise(ctx, raw, &names);
    if let Some(period) = &raw.period
        && !names.contains(period.column.as_str())
    {
        ctx.error(
            "unknown-column",
            "period.column",
            format!(
                "period column `{}` is not among the declared columns",
                period.column
            ),
        )
        .suggest(&period.column, names.iter().copied());
    }
    if let Some(w) = &raw.wide {
        for (field, name) in [("wide.key", &w.key), ("wide.value", &w.value)] {
            if !names.contains(name.as_str()) {
                ctx.error(
                    "unknown-column",
                    field,
                    format!("`{name}` is not among the declared columns"),
                )
                .suggest(name, names.iter().copied());
            }
        }
    }
}

/// `harmonise` on columns: a known harmonisation, on a text column whose
/// `<name>_original` is not declared as well.
fn check_harmonise(ctx: &mut Ctx<'_>, raw: &RawSource, names: &BTreeSet<&str>) {
    for (i, col) in raw.columns.iter().enumerate() {
        let Some(h) = &col.harmonise else { continue };
        let field = format!("columns[{i}].harmonise");
        ctx.enum_value(&field, h, Harmonise::parse, Harmonise::ALL);
        if ColumnType::parse(&col.kind).is_some_and(|t| t != ColumnType::Text) {
            ctx.error(
                "bad-column-type",
                &field,
                format!(
                    "`harmonise` needs a text column; `{}` is `{}`",
                    col.name, col.kind
                ),
            );
        }
        let original = format!("{}{ORIGINAL_SUFFIX}", col.name);
        if names.contains(original.as_str()) {
            ctx.error(
                "duplicate-column",
                &field,
                format!("`{original}` is declared, but a harmonised column adds it"),
            );
        }
    }
}
