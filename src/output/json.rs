//! JSON: `compute --format json` (a summary per indicator with its figures),
//! the report's row files and pretty printing with a final newline.

use anyhow::Result;
use serde::Serialize;

use crate::output::Lang;
use crate::output::evaluated::Run;

use super::text::ambition_text;

/// Version of the output schemas in `docs/outputs.md`.
pub(crate) const SCHEMA_VERSION: &str = "1";

/// Pretty JSON with a final newline.
pub(crate) fn pretty(value: &impl Serialize) -> Result<Vec<u8>> {
    let mut s = serde_json::to_string_pretty(value)?;
    s.push('\n');
    Ok(s.into_bytes())
}

/// `compute --format json`: a summary per indicator plus its figures.
pub(crate) fn compute(run: &Run<'_>, lang: Lang) -> Result<Vec<u8>> {
    let en = lang == Lang::En;
    let mut inds = Vec::new();
    for ind in &run.selected {
        let Some(ev) = run.results.get(ind.id()) else {
            continue;
        };
        let figures = ev.figures_within(run.cut);
        inds.push(serde_json::json!({
            "id": ind.id(),
            "goal": ind.goal,
            "name": ind.name(en),
            "level": ind.level.as_str(),
            "type": ind.kind.as_str(),
            "readiness": ind.readiness.as_str(),
            "unit": ind.unit.as_str(),
            "frequency": ind.frequency.as_str(),
            "ambition": ambition_text(ind, Lang::En),
            "current": ev.current,
            "previous": ev.previous,
            "stale": ev.stale,
            "age_months": ev.age_months,
            "error": ev.error,
            "assessment": ev.assessment,
            "regional": ev.regional.iter().map(|(g, a)| serde_json::json!({"group": g, "assessment": a})).collect::<Vec<_>>(),
            "components": ev.components.iter().map(|(c, s)| serde_json::json!({"id": c, "status": s.as_str()})).collect::<Vec<_>>(),
            "figures": figures,
            "files": ev.computed.as_ref().map(|c| c.files.clone()).unwrap_or_default(),
            "definition": ev.computed.as_ref().map(|c| c.definition.clone()),
            "notes": ev.computed.as_ref().map(|c| c.notes.clone()).unwrap_or_default(),
            "quality": ev.computed.as_ref().map(|c| c.quality.clone()),
            "dropped_periods": ev.computed.as_ref().map(|c| c.dropped.clone()).unwrap_or_default(),
        }));
    }
    pretty(
        &serde_json::json!({ "tool": format!("ehelse {}", env!("CARGO_PKG_VERSION")), "indicators": inds }),
    )
}

/// JSON mirror of a CSV: `{"schema_version", "columns", "rows": [{…}]}`.
pub(crate) fn rows(columns: &[&str], rows: &[Vec<String>]) -> Result<Vec<u8>> {
    let objects: Vec<serde_json::Value> = rows
        .iter()
        .map(|r| {
            let map: serde_json::Map<String, serde_json::Value> = columns
                .iter()
                .zip(r)
                .map(|(c, v)| ((*c).to_string(), serde_json::Value::String(v.clone())))
                .collect();
            serde_json::Value::Object(map)
        })
        .collect();
    pretty(&serde_json::json!({
        "schema_version": SCHEMA_VERSION,
        "columns": columns,
        "rows": objects,
    }))
}
