//! `status` and `list` as CSV and JSON: stable English codes as field
//! names and values, with the label columns (`goal_name`, `name`,
//! `status_label`, `ambition`) in the chosen language beside them.

use serde_json::{Value, json};

use crate::definitions::{Catalogue, GOALS, UNASSIGNED, goal_name};
use crate::lang::{Lang, Word};
use crate::output::evaluated::Run;
use crate::output::text::{ambition_text, milestone_text, status_label};

/// Columns of `status --format csv`.
pub(crate) const STATUS_COLUMNS: [&str; 7] = [
    "goal",
    "goal_name",
    "kind",
    "status",
    "status_label",
    "count",
    "overall_status",
];

/// One row per goal, kind (`strategic` indicators, roadmap `milestone`s)
/// and status, with the count; the overall status is `not-set` (the
/// analyst's, in the report's commentary file).
pub(crate) fn status_rows(catalogue: &Catalogue, run: &Run<'_>, lang: Lang) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    for (code, _, _) in GOALS {
        let inds = catalogue.of_goal(code);
        if inds.is_empty() || code == UNASSIGNED {
            continue;
        }
        let name = goal_name(code, lang == Lang::En).unwrap_or("").to_string();
        let summary = run.goal_summary(code, &inds);
        let mut row = |kind: &str, status: &str, label: String, n: usize| {
            rows.push(vec![
                code.to_string(),
                name.clone(),
                kind.to_string(),
                status.to_string(),
                label,
                n.to_string(),
                "not-set".to_string(),
            ]);
        };
        for s in crate::assessment::Status::ALL {
            let n = summary.strategic.iter().filter(|x| **x == s).count();
            if n > 0 {
                row(
                    "strategic",
                    s.as_str(),
                    status_label(s, lang).to_string(),
                    n,
                );
            }
        }
        let mut seen: Vec<&str> = Vec::new();
        for m in &summary.milestones {
            let status = m.as_deref().unwrap_or("not-reported");
            if seen.contains(&status) {
                continue;
            }
            seen.push(status);
            let n = summary
                .milestones
                .iter()
                .filter(|x| x.as_deref().unwrap_or("not-reported") == status)
                .count();
            let label = m.as_deref().map_or_else(
                || Word::NotReported.text(lang).to_string(),
                |t| milestone_text(t, lang),
            );
            row("milestone", status, label, n);
        }
    }
    rows
}

/// The status rows as JSON objects.
pub(crate) fn status_json(rows: &[Vec<String>]) -> Value {
    objects(&STATUS_COLUMNS, rows, &["count"])
}

/// Columns of `list --format csv`.
pub(crate) const LIST_COLUMNS: [&str; 11] = [
    "goal",
    "id",
    "name",
    "level",
    "type",
    "readiness",
    "measure",
    "unit",
    "frequency",
    "example",
    "ambition",
];

/// One row per indicator (of `goal`, or all): codes, and the name and
/// ambition in the chosen language.
pub(crate) fn list_rows(catalogue: &Catalogue, goal: Option<&str>, lang: Lang) -> Vec<Vec<String>> {
    catalogue
        .indicators
        .iter()
        .filter(|i| goal.is_none_or(|g| i.goal == g))
        .map(|i| {
            vec![
                i.goal.clone(),
                i.id().to_string(),
                i.name(lang == Lang::En).to_string(),
                i.level.as_str().to_string(),
                i.kind.as_str().to_string(),
                i.readiness.as_str().to_string(),
                i.measure_kind()
                    .map_or(String::new(), |k| k.as_str().to_string()),
                i.unit.as_str().to_string(),
                i.frequency.as_str().to_string(),
                i.example.to_string(),
                ambition_text(i, lang),
            ]
        })
        .collect()
}

/// The list rows as JSON objects.
pub(crate) fn list_json(rows: &[Vec<String>]) -> Value {
    objects(&LIST_COLUMNS, rows, &["example"])
}

/// Rows as objects keyed by column; `typed` columns as numbers or booleans.
fn objects(columns: &[&str], rows: &[Vec<String>], typed: &[&str]) -> Value {
    Value::Array(
        rows.iter()
            .map(|r| {
                let mut o = serde_json::Map::new();
                for (c, v) in columns.iter().zip(r) {
                    let value = if typed.contains(c) {
                        serde_json::from_str(v).unwrap_or_else(|_| json!(v))
                    } else {
                        json!(v)
                    };
                    o.insert((*c).to_string(), value);
                }
                Value::Object(o)
            })
            .collect(),
    )
}
