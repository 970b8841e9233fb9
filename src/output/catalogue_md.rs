//! `docs/catalogue.md`: the catalogue as Markdown, from
//! `templates/catalogue.md`: every goal's indicators, the seeds' items with
//! what covers each (`structure/seed-items.yaml`) and the goals' result
//! goals with the indicators that link to them (`result-goals`).

use anyhow::Result;
use serde::Serialize;

use crate::definitions::{Catalogue, Coverage, GOALS, Indicator, SeedItem, Structure};
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
    /// The seeds' items, in the file's order.
    seed_items: Vec<SeedItemView>,
    /// Counts of the seeds' items.
    seed_counts: SeedCounts,
    /// Each goal's result goals, where a structure defines them.
    result_goals: Vec<ResultGoalsView>,
}

/// One row of the seeds' items.
#[derive(Serialize)]
struct SeedItemView {
    /// 1-based row number (the audit in `docs/seed-items.md` cites it).
    row: usize,
    seed: String,
    section: String,
    item: String,
    /// Links to what covers it, or «ikke dekket».
    covered: String,
    /// Goals of what covers it.
    goals: String,
    /// Why it is not covered, and the note.
    note: String,
}

/// How many items are covered, partly covered and not covered.
#[derive(Serialize, Default)]
struct SeedCounts {
    items: usize,
    covered: usize,
    partial: usize,
    not_covered: usize,
}

/// A goal's result goals (`structure/`).
#[derive(Serialize)]
struct ResultGoalsView {
    goal: String,
    /// Result goals with at least one indicator.
    covered: usize,
    rows: Vec<ResultGoalView>,
}

/// One result goal and the indicators that link to it.
#[derive(Serialize)]
struct ResultGoalView {
    number: u32,
    name: String,
    /// Links to the indicators, or «ikke dekket».
    covered: String,
}

/// One goal and its indicators.
#[derive(Serialize)]
struct GoalView {
    heading: String,
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
        .filter_map(|(code, _, en)| {
            // Every definition of the goal, examples too (marked).
            let inds: Vec<&Indicator> = catalogue
                .indicators
                .iter()
                .filter(|i| i.goal == *code)
                .collect();
            (!inds.is_empty()).then(|| GoalView {
                heading: crate::output::text::goal_heading(code, crate::lang::Lang::Nb),
                en,
                indicators: inds.iter().map(|i| indicator(catalogue, i)).collect(),
            })
        })
        .collect();
    let view = View {
        indicators: catalogue.indicators.len(),
        sources: catalogue.sources.len(),
        goals,
        seed_items: seed_items(catalogue),
        seed_counts: seed_counts(&catalogue.seed_items),
        result_goals: catalogue
            .structures
            .iter()
            .map(|s| result_goals(catalogue, s))
            .collect(),
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

/// What the table says when nothing covers an item or a result goal.
const NOT_COVERED: &str = "**ikke dekket**";

/// The rows of the seeds' items.
fn seed_items(catalogue: &Catalogue) -> Vec<SeedItemView> {
    catalogue
        .seed_items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let (mut covered, goals, why) = coverage(catalogue, &item.coverage);
            if item.partial {
                covered.push_str(" *(delvis)*");
            }
            let note = why
                .into_iter()
                .chain(&item.note)
                .map(|t| cell(t))
                .collect::<Vec<_>>()
                .join(" ");
            SeedItemView {
                row: i + 1,
                seed: cell(&item.seed),
                section: cell(&item.section),
                item: cell(&item.item),
                covered,
                goals,
                note,
            }
        })
        .collect()
}

/// An item's coverage: the cell with links to what covers it (or «ikke
/// dekket»), the goals of what covers it, and the reason when nothing does.
fn coverage<'a>(
    catalogue: &Catalogue,
    coverage: &'a Coverage,
) -> (String, String, Option<&'a String>) {
    match coverage {
        Coverage::Indicators(names) => {
            let covering: Vec<&Indicator> = names
                .iter()
                .filter_map(|id| catalogue.indicator(id))
                .collect();
            let mut goals: Vec<&str> = Vec::new();
            for ind in &covering {
                if !goals.contains(&ind.goal.as_str()) {
                    goals.push(&ind.goal);
                }
            }
            (links(&covering), goals.join(", "), None)
        }
        Coverage::Goals(codes) => (
            codes
                .iter()
                .map(|c| goal_link(catalogue, c))
                .collect::<Vec<_>>()
                .join(", "),
            codes.join(", "),
            None,
        ),
        Coverage::NotCovered(why) => (NOT_COVERED.to_string(), String::new(), Some(why)),
    }
}

/// Counts of covered, partly covered and uncovered items.
fn seed_counts(items: &[SeedItem]) -> SeedCounts {
    let not_covered = items
        .iter()
        .filter(|i| matches!(i.coverage, Coverage::NotCovered(_)))
        .count();
    SeedCounts {
        items: items.len(),
        covered: items.len() - not_covered,
        partial: items.iter().filter(|i| i.partial).count(),
        not_covered,
    }
}

/// A goal's result goals with the indicators of the goal that link to each.
fn result_goals(catalogue: &Catalogue, structure: &Structure) -> ResultGoalsView {
    let goal = crate::definitions::normalise_goal(&structure.goal)
        .unwrap_or_else(|| structure.goal.clone());
    let rows: Vec<ResultGoalView> = structure
        .result_goals()
        .map(|rg| {
            let inds: Vec<&Indicator> = catalogue
                .indicators
                .iter()
                .filter(|i| i.goal == goal && i.result_goals.contains(&rg.number))
                .collect();
            ResultGoalView {
                number: rg.number,
                name: cell(&rg.name.nb),
                covered: if inds.is_empty() {
                    NOT_COVERED.to_string()
                } else {
                    links(&inds)
                },
            }
        })
        .collect();
    ResultGoalsView {
        covered: rows.iter().filter(|r| r.covered != NOT_COVERED).count(),
        goal,
        rows,
    }
}

/// Indicators as links to their sections, each with its number.
fn links(inds: &[&Indicator]) -> String {
    inds.iter()
        .map(|i| {
            let id = i.id();
            match &i.number {
                Some(n) => format!("[`{id}`](#{id}) ({n})"),
                None => format!("[`{id}`](#{id})"),
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// A goal as a link to its section (the anchor of its heading), or just
/// its name when the catalogue has no section for it.
fn goal_link(catalogue: &Catalogue, code: &str) -> String {
    let text = if code == crate::definitions::UNASSIGNED {
        "uten mål".to_string()
    } else {
        format!("mål {code}")
    };
    if !GOALS.iter().any(|(c, _, _)| *c == code)
        || !catalogue.indicators.iter().any(|i| i.goal == code)
    {
        return text;
    }
    let heading = crate::output::text::goal_heading(code, crate::lang::Lang::Nb);
    format!("[{text}](#{})", anchor(&heading))
}

/// The anchor GitHub gives a heading: lower case, spaces to `-`, other
/// punctuation dropped.
fn anchor(heading: &str) -> String {
    heading
        .to_lowercase()
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c),
            _ => None,
        })
        .collect()
}

/// Text for a table cell: one line, `|` and `*` escaped (the seeds write
/// «h*n»).
fn cell(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace('|', "\\|")
        .replace('*', "\\*")
}
