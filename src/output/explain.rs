//! `explain`: every step of one indicator's assessment — definition,
//! sources with their files, the national series, the rule and projection.

use std::fmt::Write as _;

use crate::assessment::Assessment;
use crate::definitions::Indicator;
use crate::measures::Computed;
use crate::output::Lang;
use crate::output::evaluated::Evaluated;
use crate::sources::Audit;

use super::number;
use super::text::{ambition_text, shown, status_label};

/// The head: id, name, vocabulary and ambition.
pub(crate) fn head(ind: &Indicator, lang: Lang) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "{} — {}", ind.id(), ind.name(lang == Lang::En));
    let _ = writeln!(
        s,
        "goal {} · {} · {} · unit {} · {}",
        ind.goal,
        ind.level.as_str(),
        ind.kind.as_str(),
        ind.unit.as_str(),
        ind.frequency.as_str()
    );
    let _ = writeln!(s, "ambition: {}", ambition_text(ind, lang));
    s
}

/// Why the indicator was not computed.
pub(crate) fn not_computed(ind: &Indicator, error: &str, lang: Lang) -> String {
    format!("{}\nnot computed: {error}\n", head(ind, lang))
}

/// The whole explanation; `audits` are the sources the figures came from.
pub(crate) fn explain(
    ind: &Indicator,
    ev: &Evaluated,
    audits: &[(String, Audit)],
    lang: Lang,
) -> String {
    let mut s = head(ind, lang);
    if let Some(c) = &ev.computed {
        computed(&mut s, ind, c, audits, lang);
    }
    if let Some(a) = &ev.assessment {
        assessment(&mut s, a, lang);
    }
    for (g, a) in &ev.regional {
        let _ = writeln!(s, "  {g}: {} ({})", a.status.as_str(), a.rule);
    }
    s
}

/// Definition, sources and the national series.
fn computed(s: &mut String, ind: &Indicator, c: &Computed, audits: &[(String, Audit)], lang: Lang) {
    let unit = ind.unit.as_str();
    let _ = writeln!(s, "\nDefinition: {}", c.definition);
    let _ = writeln!(s, "Sources:");
    for (sid, audit) in audits {
        let _ = writeln!(
            s,
            "  {sid}: {} rows, periods {} – {}",
            audit.rows,
            audit.first_period.as_deref().unwrap_or("?"),
            audit.last_period.as_deref().unwrap_or("?")
        );
        for f in &audit.files {
            let _ = writeln!(
                s,
                "    {} sha256:{} ({} bytes)",
                f.path.display(),
                f.sha256,
                f.bytes
            );
        }
        for p in &audit.problems {
            let _ = writeln!(
                s,
                "    excluded/flagged: {} ({}, column {})",
                p.message, p.code, p.column
            );
        }
    }
    for n in &c.notes {
        let _ = writeln!(s, "  note: {n}");
    }
    let _ = writeln!(s, "\nSeries (national):");
    for f in c.national() {
        let ci = match (f.ci_low, f.ci_high) {
            (Some(l), Some(h)) => format!(
                "  95 % CI {} – {}",
                number(Some(l), unit, lang),
                number(Some(h), unit, lang)
            ),
            _ => String::new(),
        };
        let _ = writeln!(
            s,
            "  {:<10} {:>14}  n={}{ci}",
            f.period,
            shown(Some(f), unit, lang),
            f.n.map_or("–".to_string(), |n| n.to_string())
        );
    }
}

/// Method, steps, thresholds, rule, status and projection.
fn assessment(s: &mut String, a: &Assessment, lang: Lang) {
    let _ = writeln!(s, "\nAssessment ({}):", a.method.as_str());
    for step in &a.steps {
        let _ = writeln!(s, "  {step}");
    }
    let _ = writeln!(
        s,
        "  thresholds: on-track ≥ {}, moderate ≥ {}, limited ≥ {}, else deterioration",
        a.thresholds[0], a.thresholds[1], a.thresholds[2]
    );
    let _ = writeln!(s, "  rule: {}", a.rule);
    let _ = writeln!(
        s,
        "  status: {} ({})",
        a.status.as_str(),
        status_label(a.status, lang)
    );
    if a.ci_spans_categories.len() > 1 {
        let _ = writeln!(
            s,
            "  the 95 % confidence interval spans: {}",
            a.ci_spans_categories
                .iter()
                .map(|s| s.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    if let Some(p) = &a.projection {
        let _ = writeln!(
            s,
            "  projection: least squares over {} points, slope {:.3}/year, value at deadline {}, target reached in {}",
            p.points_used,
            p.slope_per_year,
            p.value_at_deadline
                .map_or("–".to_string(), |v| format!("{v:.2}")),
            p.reaches_target_in
                .as_deref()
                .unwrap_or("not within the horizon")
        );
    }
    for w in &a.warnings {
        let _ = writeln!(s, "  warning: {w}");
    }
}
