//! `docs/catalogue.md`: the catalogue as Markdown, from
//! `templates/catalogue.md`.

use anyhow::Result;
use serde::Serialize;

use crate::definitions::{Catalogue, GOALS, Indicator};
use crate::output::Lang;

use super::text::ambition_text;

/// The template's view of the catalogue.
#[derive(Serialize)]
struct View {
    /// Number of indicators.
    indicators: usize,
    /// Number of sources.
    sources: usize,
    /// Goals with indicators, in goal order.
    goals: Vec<GoalView>,
}

/// One goal and its indicators.
#[derive(Serialize)]
struct GoalView {
    code: &'static str,
    nb: &'static str,
    en: &'static str,
    indicators: Vec<IndicatorView>,
}

/// One indicator: table cells and the section below the table.
#[derive(Serialize)]
struct IndicatorView {
    id: String,
    name_nb: String,
    name_en: String,
    level: &'static str,
    kind: &'static str,
    readiness: &'static str,
    measure: String,
    unit: String,
    frequency: &'static str,
    sources: String,
    ambition: String,
    /// Description in Norwegian and English, trimmed.
    description: Option<(String, String)>,
    breakdowns: Option<String>,
    reference: Option<String>,
    caveats: Vec<String>,
    definition: String,
    version: String,
}

/// The catalogue as Markdown (`docs/catalogue.md`).
pub(crate) fn markdown(catalogue: &Catalogue) -> Result<String> {
    let goals = GOALS
        .iter()
        .filter_map(|(code, nb, en)| {
            // Every definition of the goal, examples too (marked).
            let inds: Vec<&Indicator> = catalogue
                .indicators
                .iter()
                .filter(|i| i.goal == *code)
                .collect();
            (!inds.is_empty()).then(|| GoalView {
                code,
                nb,
                en,
                indicators: inds.iter().map(|i| indicator(catalogue, i)).collect(),
            })
        })
        .collect();
    let view = View {
        indicators: catalogue.indicators.len(),
        sources: catalogue.sources.len(),
        goals,
    };
    super::templates::render("catalogue.md", crate::lang::Lang::Nb, &view)
}

/// The view of one indicator.
fn indicator(catalogue: &Catalogue, ind: &Indicator) -> IndicatorView {
    IndicatorView {
        id: ind.id().to_string(),
        name_nb: if ind.example {
            format!("{} (eksempel, ikke i seedene)", ind.name(false))
        } else {
            ind.name(false).to_string()
        },
        name_en: if ind.example {
            format!("{} (example, not in the seeds)", ind.name(true))
        } else {
            ind.name(true).to_string()
        },
        level: ind.level.as_str(),
        kind: ind.kind.as_str(),
        readiness: ind.readiness.as_str(),
        measure: ind
            .measure
            .as_ref()
            .map_or("–", |m| m.measure_kind().as_str())
            .to_string(),
        unit: ind.unit.as_str().to_string(),
        frequency: ind.frequency.as_str(),
        sources: ind.source_ids().join(", "),
        ambition: ambition_text(ind, Lang::En).replace('|', "\\|"),
        description: ind
            .description
            .as_ref()
            .map(|d| (d.nb.trim().to_string(), d.en.trim().to_string())),
        breakdowns: (!ind.breakdowns.is_empty()).then(|| ind.breakdowns.join(", ")),
        reference: ind.reference.clone(),
        caveats: ind.caveats.clone(),
        definition: ind
            .path
            .strip_prefix(&catalogue.root)
            .unwrap_or(&ind.path)
            .display()
            .to_string(),
        version: ind.version.to_string(),
    }
}
