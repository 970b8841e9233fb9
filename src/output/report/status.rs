//! The report's status rows: per indicator the national figure of its
//! current period, then each breakdown group of that period.

use crate::assessment::{Assessment, Status};
use crate::definitions::Indicator;
use crate::output::Lang;
use crate::output::evaluated::{Evaluated, Run};
use crate::output::plain;
use crate::output::text::ambition_text;

/// Columns of the status files.
pub(crate) const STATUS_COLUMNS: [&str; 20] = [
    "goal",
    "indicator",
    "name",
    "level",
    "type",
    "readiness",
    "period",
    "breakdown",
    "group",
    "value",
    "unit",
    "ci_low",
    "ci_high",
    "suppressed",
    "ambition",
    "status",
    "required_now",
    "projected_at_deadline",
    "age_months",
    "stale",
];

/// Status rows: national and breakdown groups at each indicator's current period.
pub(crate) fn rows(run: &Run<'_>, lang: Lang) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    for ind in &run.selected {
        let Some(ev) = run.results.get(ind.id()) else {
            continue;
        };
        rows.push(national(ind, ev, lang));
        let (Some(c), Some(cur)) = (&ev.computed, &ev.current) else {
            continue;
        };
        for f in c
            .figures
            .iter()
            .filter(|f| !f.breakdown.is_empty() && f.period == cur.period)
        {
            let regional = ev
                .regional
                .iter()
                .find(|(g, _)| g == &f.group)
                .map(|(_, a)| a);
            let mut row = base(ind, &f.period, &f.breakdown, &f.group, lang);
            row.extend([
                plain(f.value),
                ind.unit.as_str().to_string(),
                plain(f.ci_low),
                plain(f.ci_high),
                f.suppressed.to_string(),
                ambition_text(ind, Lang::En),
                regional.map_or_else(String::new, |a| a.status.as_str().to_string()),
            ]);
            row.extend(tail(regional, ev));
            rows.push(row);
        }
    }
    rows
}

/// The first nine cells: who and where.
fn base(ind: &Indicator, period: &str, breakdown: &str, group: &str, lang: Lang) -> Vec<String> {
    vec![
        ind.goal.clone(),
        ind.id().to_string(),
        ind.name(lang == Lang::En).to_string(),
        ind.level.as_str().to_string(),
        ind.kind.as_str().to_string(),
        ind.readiness.as_str().to_string(),
        period.to_string(),
        breakdown.to_string(),
        group.to_string(),
    ]
}

/// The last four cells: required now, projection, age and staleness.
fn tail(a: Option<&Assessment>, ev: &Evaluated) -> [String; 4] {
    [
        plain(a.and_then(|a| a.required_now)),
        plain(
            a.and_then(|a| a.projection.as_ref())
                .and_then(|p| p.value_at_deadline),
        ),
        ev.age_months.map_or_else(String::new, |m| m.to_string()),
        ev.stale.to_string(),
    ]
}

/// The national row at the current period.
fn national(ind: &Indicator, ev: &Evaluated, lang: Lang) -> Vec<String> {
    let a = ev.assessment.as_ref();
    let mut row = base(
        ind,
        ev.current.as_ref().map_or("", |f| f.period.as_str()),
        "",
        "",
        lang,
    );
    row.extend([
        ev.current.as_ref().map_or_else(String::new, |f| {
            f.text.clone().unwrap_or_else(|| plain(f.value))
        }),
        ind.unit.as_str().to_string(),
        plain(ev.current.as_ref().and_then(|f| f.ci_low)),
        plain(ev.current.as_ref().and_then(|f| f.ci_high)),
        "false".into(),
        ambition_text(ind, Lang::En),
        a.map_or(Status::InsufficientData.as_str(), |a| a.status.as_str())
            .to_string(),
    ]);
    row.extend(tail(a, ev));
    row
}
