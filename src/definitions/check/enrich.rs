//! Checks of `enrich` (columns looked up in a snapshot source by key),
//! made once every source is checked: the snapshot source exists and is a
//! snapshot, the keys are declared with the same type, the added columns
//! are declared by the snapshot and do not clash with this source's own.

use super::Ctx;
use crate::definitions::model::{Enrich, ORIGINAL_SUFFIX, Source};
use crate::definitions::raw::RawEnrich;

/// The checked `enrich` entries of `source` (those without errors).
pub(super) fn check(
    ctx: &mut Ctx<'_>,
    source: &Source,
    raw: &[RawEnrich],
    sources: &[Source],
) -> Vec<Enrich> {
    let mut out: Vec<Enrich> = Vec::new();
    let mut taken: Vec<String> = source.column_names();
    for (i, e) in raw.iter().enumerate() {
        if let Some(checked) = check_one(ctx, source, i, e, sources, &taken) {
            for c in &checked.columns {
                taken.push(c.name.clone());
                taken.push(format!("{}{ORIGINAL_SUFFIX}", c.name));
            }
            taken.push(checked.unmatched_column());
            out.push(checked);
        }
    }
    out
}

fn check_one(
    ctx: &mut Ctx<'_>,
    source: &Source,
    i: usize,
    e: &RawEnrich,
    sources: &[Source],
    taken: &[String],
) -> Option<Enrich> {
    let before = ctx.out.len();
    let field = |f: &str| format!("enrich[{i}].{f}");
    if source.snapshot.is_some() {
        ctx.error(
            "bad-enrich",
            &field("from"),
            "a snapshot source cannot itself be enriched".into(),
        );
        return None;
    }
    let Some(from) = sources.iter().find(|s| s.id() == e.from) else {
        ctx.error(
            "unknown-source",
            &field("from"),
            format!("source `{}` is not defined under sources/", e.from),
        )
        .suggest(&e.from, sources.iter().map(Source::id));
        return None;
    };
    if from.snapshot.is_none() || from.id() == source.id() {
        ctx.error(
            "bad-enrich",
            &field("from"),
            format!(
                "`{}` is not a snapshot source; only a source with `snapshot: {{ as-of: … }}` \
                 (one row per key) can enrich another",
                e.from
            ),
        );
        return None;
    }
    let from_on = e.from_on.clone().unwrap_or_else(|| e.on.clone());
    let on_type = source.columns.iter().find(|c| c.name == e.on).map(|c| c.ty);
    if on_type.is_none() {
        ctx.error(
            "unknown-column",
            &field("on"),
            format!("key `{}` is not among the declared columns", e.on),
        )
        .suggest(&e.on, source.columns.iter().map(|c| c.name.as_str()));
    }
    let from_field = match e.from_on {
        Some(_) => "from-on",
        None => "on",
    };
    match (from.column(&from_on).map(|c| c.ty), on_type) {
        (None, _) => {
            ctx.error(
                "unknown-column",
                &field(from_field),
                format!("key `{from_on}` is not declared by source `{}`", from.id()),
            )
            .suggest(&from_on, from.columns.iter().map(|c| c.name.as_str()));
        }
        (Some(a), Some(b)) if a != b => {
            ctx.error(
                "bad-enrich",
                &field(from_field),
                format!(
                    "the keys have different types: `{}` is `{}` here, `{from_on}` is `{}` in `{}`",
                    e.on,
                    b.as_str(),
                    a.as_str(),
                    from.id()
                ),
            );
        }
        _ => {}
    }
    let columns = check_columns(ctx, i, e, from, taken);
    if ctx.errors_since(before) {
        return None;
    }
    Some(Enrich {
        from: Box::new(from.clone()),
        on: e.on.clone(),
        from_on,
        columns,
    })
}

/// The snapshot's columns named in `columns`, declared there and new here.
fn check_columns(
    ctx: &mut Ctx<'_>,
    i: usize,
    e: &RawEnrich,
    from: &Source,
    taken: &[String],
) -> Vec<crate::definitions::model::Column> {
    let mut out = Vec::new();
    if e.columns.is_empty() {
        ctx.error(
            "bad-enrich",
            &format!("enrich[{i}].columns"),
            "list at least one column of the snapshot source".into(),
        );
    }
    for (j, name) in e.columns.iter().enumerate() {
        let field = format!("enrich[{i}].columns[{j}]");
        match from.columns.iter().find(|c| &c.name == name) {
            None => {
                ctx.error(
                    "unknown-column",
                    &field,
                    format!("`{name}` is not declared by source `{}`", from.id()),
                )
                .suggest(name, from.columns.iter().map(|c| c.name.as_str()));
            }
            Some(_)
                if taken.contains(name)
                    || out
                        .iter()
                        .any(|c: &crate::definitions::model::Column| &c.name == name) =>
            {
                ctx.error(
                    "duplicate-column",
                    &field,
                    format!("`{name}` is already a column of this source"),
                );
            }
            Some(c) => out.push(c.clone()),
        }
    }
    out
}
