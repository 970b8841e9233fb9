//! Tidy rows: one per indicator × period × breakdown × group, the shape of
//! `compute --format csv` and the report's `timeseries.csv`.

use crate::output::evaluated::Run;

use super::plain;

/// Tidy CSV columns, in order.
pub(crate) const CSV_COLUMNS: [&str; 22] = [
    "goal",
    "indicator",
    "period",
    "breakdown",
    "group",
    "value",
    "unit",
    "numerator",
    "denominator",
    "n",
    "ci_low",
    "ci_high",
    "suppressed",
    "text",
    "status",
    "required_now",
    "projected_at_deadline",
    "stale",
    "flags",
    "rows_excluded",
    "cells_unreadable",
    "unmatched_keys",
];

/// Index of the `suppressed` column.
pub(crate) const SUPPRESSED: usize = 12;

/// Tidy rows up to the run's cut, in catalogue order; the assessment goes on
/// the national row of the current period.
pub(crate) fn rows(run: &Run<'_>) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    for ind in &run.selected {
        let Some(ev) = run.results.get(ind.id()) else {
            continue;
        };
        let quality = ev.computed.as_ref().map(|c| &c.quality);
        let counts = |n: fn(&crate::measures::Quality) -> u64| {
            quality.map_or_else(String::new, |q| n(q).to_string())
        };
        let counts = [
            counts(|q| q.rows_excluded),
            counts(|q| q.cells_unreadable),
            counts(|q| q.unmatched),
        ];
        for f in ev.figures_within(run.cut) {
            let is_current = f.breakdown.is_empty()
                && ev.current.as_ref().is_some_and(|cf| cf.period == f.period);
            let a = ev.assessment.as_ref().filter(|_| is_current);
            rows.push(vec![
                ind.goal.clone(),
                ind.id().to_string(),
                f.period.clone(),
                f.breakdown.clone(),
                f.group.clone(),
                plain(f.value),
                ind.unit.as_str().to_string(),
                plain(f.numerator),
                plain(f.denominator),
                f.n.map_or_else(String::new, |n| n.to_string()),
                plain(f.ci_low),
                plain(f.ci_high),
                f.suppressed.to_string(),
                f.text.clone().unwrap_or_default(),
                a.map_or_else(String::new, |a| a.status.as_str().to_string()),
                plain(a.and_then(|a| a.required_now)),
                plain(
                    a.and_then(|a| a.projection.as_ref())
                        .and_then(|p| p.value_at_deadline),
                ),
                if is_current {
                    ev.stale.to_string()
                } else {
                    String::new()
                },
                f.flags.join(";"),
            ]);
            if let Some(r) = rows.last_mut() {
                r.extend(counts.iter().cloned());
            }
        }
        // A period the data do not cover to its end: a row without a value
        // that says so, instead of no row at all.
        for period in ev.computed.iter().flat_map(|c| &c.dropped) {
            if !crate::output::evaluated::label_within(period, run.cut) {
                continue;
            }
            let mut row = vec![String::new(); CSV_COLUMNS.len()];
            row[0].clone_from(&ind.goal);
            row[1] = ind.id().to_string();
            row[2].clone_from(period);
            row[6] = ind.unit.as_str().to_string();
            row[SUPPRESSED] = "false".to_string();
            row[18] = "incomplete-period".to_string();
            row[19..].clone_from_slice(&counts);
            rows.push(row);
        }
    }
    rows
}
