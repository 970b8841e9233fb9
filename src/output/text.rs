//! Short texts for people shared by the table, report and dashboard: the
//! ambition, the data note (fresh, stale, failed…), a value, a change, a
//! projection, status words, level and type.

use std::fmt::Write as _;

use crate::assessment::Status;
use crate::definitions::{AmbitionDef, Indicator, IndicatorType, Level, MeasureKind, Readiness};
use crate::measures::Figure;
use crate::output::Lang;
use crate::output::evaluated::{Evaluated, Run};

use super::number;

/// The language code of status labels.
pub(crate) fn lang_code(lang: Lang) -> &'static str {
    match lang {
        Lang::Nb => "nb",
        Lang::En => "en",
    }
}

/// One-line ambition text.
pub(crate) fn ambition_text(ind: &Indicator, lang: Lang) -> String {
    ambition_text_opt(ind, lang, false)
}

/// Ambition text; `short` leaves out the reason for no ambition.
pub(crate) fn ambition_text_opt(ind: &Indicator, lang: Lang, short: bool) -> String {
    let en = lang == Lang::En;
    match &ind.ambition {
        AmbitionDef::None(_) if short => if en { "none" } else { "ingen" }.to_string(),
        AmbitionDef::None(reason) => {
            if en {
                format!("none ({reason})")
            } else {
                format!("ingen ({reason})")
            }
        }
        AmbitionDef::Target {
            target,
            by,
            direction,
            per,
            ..
        } => {
            let value = super::target(*target, ind.unit.as_str(), lang);
            let arrow = match direction {
                crate::definitions::Direction::Increase => "≥",
                crate::definitions::Direction::Decrease => "≤",
            };
            let per = per
                .as_ref()
                .map(|p| format!(", per {p}"))
                .unwrap_or_default();
            format!(
                "{arrow} {value} {} {}{per}",
                if en { "by" } else { "innen" },
                by.label()
            )
        }
    }
}

/// Value of a figure for people (text for milestones).
pub(crate) fn shown(f: Option<&Figure>, unit: &str, lang: Lang) -> String {
    match f {
        None => "–".to_string(),
        Some(f) => match &f.text {
            Some(t) => t.clone(),
            None => number(f.value, unit, lang),
        },
    }
}

/// Planned, failed, composite, no data, stale or fresh (and in development).
pub(crate) fn data_note(ind: &Indicator, ev: &Evaluated, lang: Lang) -> String {
    let en = lang == Lang::En;
    if ind.readiness == Readiness::Planned {
        return if en { "planned" } else { "planlagt" }.to_string();
    }
    if ev.error.is_some() {
        return if en { "FAILED" } else { "FEIL" }.to_string();
    }
    if ind.measure_kind() == Some(MeasureKind::Composite) {
        return if en { "composite" } else { "sammensatt" }.to_string();
    }
    let mut s = match (ev.current.as_ref(), ev.age_months) {
        (None, _) => if en { "no data" } else { "ingen data" }.to_string(),
        (Some(_), Some(age)) if ev.stale => {
            if en {
                format!("stale ({age} mo)")
            } else {
                format!("utdatert ({age} mnd)")
            }
        }
        _ => if en { "fresh" } else { "fersk" }.to_string(),
    };
    if ind.readiness == Readiness::InDevelopment {
        s.push_str(if en {
            ", in development"
        } else {
            ", under arbeid"
        });
    }
    s
}

/// The unit of a difference: a change in a percentage is in percentage points.
fn difference_unit(unit: &str) -> &str {
    if unit == "percent" {
        "percentage-points"
    } else {
        unit
    }
}

/// Change from the previous figure, signed.
pub(crate) fn change(ev: &Evaluated, unit: &str, lang: Lang) -> String {
    match (
        ev.current.as_ref().and_then(|f| f.value),
        ev.previous.as_ref().and_then(|f| f.value),
    ) {
        (Some(c), Some(p)) => {
            let d = c - p;
            let s = number(Some(d), difference_unit(unit), lang);
            if d > 0.0 { format!("+{s}") } else { s }
        }
        _ => "–".to_string(),
    }
}

/// The status label, noting when the confidence interval spans categories.
pub(crate) fn status_text(ev: &Evaluated, lang: Lang) -> String {
    let Some(a) = &ev.assessment else {
        return if ev.error.is_some() {
            "–"
        } else {
            Status::InsufficientData.label(lang_code(lang))
        }
        .to_string();
    };
    let mut s = a.status.label(lang_code(lang)).to_string();
    if a.ci_spans_categories.len() > 1 {
        s.push_str(if lang == Lang::En {
            " (CI spans categories)"
        } else {
            " (KI spenner kategorier)"
        });
    }
    s
}

/// The projected value at the deadline (and when the target is reached), or
/// the trend per year.
pub(crate) fn projected(ev: &Evaluated, unit: &str, lang: Lang) -> String {
    let Some(p) = ev.assessment.as_ref().and_then(|a| a.projection.as_ref()) else {
        return "–".to_string();
    };
    match (p.value_at_deadline, &p.reaches_target_in) {
        (Some(v), Some(when)) => format!(
            "{} ({} {when})",
            number(Some(v), unit, lang),
            if lang == Lang::En {
                "target in"
            } else {
                "mål nås"
            }
        ),
        (Some(v), None) => number(Some(v), unit, lang),
        (None, _) => {
            // A trend in a percentage moves in percentage points.
            let slope = number(Some(p.slope_per_year), difference_unit(unit), lang);
            if lang == Lang::En {
                format!("trend {slope}/yr")
            } else {
                format!("trend {slope}/år")
            }
        }
    }
}

/// Strategic or support, in words.
pub(crate) fn short_level(ind: &Indicator, en: bool) -> &'static str {
    match (ind.level, en) {
        (Level::Strategic, true) => "strategic",
        (Level::Strategic, false) => "strategisk",
        (Level::Support, true) => "support",
        (Level::Support, false) => "støtte",
    }
}

/// Structure, process or effect, in words.
pub(crate) fn short_type(ind: &Indicator, en: bool) -> &'static str {
    match (ind.kind, en) {
        (_, true) => ind.kind.as_str(),
        (IndicatorType::Structure, false) => "struktur",
        (IndicatorType::Process, false) => "prosess",
        (IndicatorType::Effect, false) => "effekt",
    }
}

/// Lists the indicators of a run that could not be computed on stderr;
/// whether there were any.
pub(crate) fn note_failures(run: &Run<'_>) -> bool {
    let failed = run.failures();
    if failed.is_empty() {
        return false;
    }
    let mut msg = format!(
        "error: {} indicator(s) could not be computed:\n",
        failed.len()
    );
    for (id, e) in failed {
        let _ = writeln!(msg, "  {id}: {e}");
    }
    super::note(&msg);
    true
}
