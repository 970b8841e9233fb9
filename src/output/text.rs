//! Short texts for people shared by the table, report and dashboard: the
//! ambition, the data note (fresh, stale, failed…), a value, a change, a
//! projection, status words, level and type. Every word comes from
//! [`crate::lang`].

use std::fmt::Write as _;

use crate::assessment::Status;
use crate::definitions::{
    AmbitionDef, Frequency, Indicator, IndicatorType, Level, MeasureKind, Readiness,
};
use crate::lang::{Word, fill};
use crate::measures::Figure;
use crate::output::Lang;
use crate::output::evaluated::{Evaluated, Run};

use super::number;

/// The words of a status (`I rute`, `On track`).
pub(crate) fn status_word(status: Status) -> Word {
    match status {
        Status::Achieved => Word::StatusAchieved,
        Status::OnTrack => Word::StatusOnTrack,
        Status::Moderate => Word::StatusModerate,
        Status::Limited => Word::StatusLimited,
        Status::Deterioration => Word::StatusDeterioration,
        Status::NoAmbition => Word::StatusNoAmbition,
        Status::InsufficientData => Word::StatusInsufficientData,
    }
}

/// A status in words, in `lang`.
pub(crate) fn status_label(status: Status, lang: Lang) -> &'static str {
    status_word(status).text(lang)
}

/// One-line ambition text.
pub(crate) fn ambition_text(ind: &Indicator, lang: Lang) -> String {
    ambition_text_opt(ind, lang, false)
}

/// Ambition text; `short` leaves out the reason for no ambition.
pub(crate) fn ambition_text_opt(ind: &Indicator, lang: Lang, short: bool) -> String {
    match &ind.ambition {
        AmbitionDef::None(_) if short => Word::AmbitionNone.text(lang).to_string(),
        AmbitionDef::None(reason) => {
            fill(lang, Word::AmbitionNoneBecause, &[&nb_only(reason, lang)])
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
                Word::By.text(lang),
                super::prose(&by.label(), lang)
            )
        }
    }
}

/// Value of a figure for people (text for milestones).
pub(crate) fn shown(f: Option<&Figure>, unit: &str, lang: Lang) -> String {
    match f {
        None => "–".to_string(),
        Some(f) => match &f.text {
            Some(t) => milestone_text(t, lang),
            None => number(f.value, unit, lang),
        },
    }
}

/// Planned, failed, composite, no data, stale or fresh (and in development).
pub(crate) fn data_note(ind: &Indicator, ev: &Evaluated, lang: Lang) -> String {
    let word = |w: Word| w.text(lang).to_string();
    if ind.readiness == Readiness::Planned {
        return word(Word::Planned);
    }
    if ev.error.is_some() {
        return word(Word::Failed);
    }
    if ind.measure_kind() == Some(MeasureKind::Composite) {
        return word(Word::Composite);
    }
    let mut s = match (ev.current.as_ref(), ev.age_months) {
        (None, _) => word(Word::NoData),
        (Some(_), Some(age)) if ev.stale => fill(lang, Word::StaleMonths, &[&age.to_string()]),
        _ => word(Word::Fresh),
    };
    if ind.readiness == Readiness::InDevelopment {
        s.push_str(Word::InDevelopmentSuffix.text(lang));
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
        (Some(c), Some(p)) => super::number::signed(c - p, difference_unit(unit), lang),
        _ => "–".to_string(),
    }
}

/// The status label, noting when the confidence interval spans categories.
pub(crate) fn status_text(ev: &Evaluated, lang: Lang) -> String {
    let Some(a) = &ev.assessment else {
        return if ev.error.is_some() {
            "–"
        } else {
            status_label(Status::InsufficientData, lang)
        }
        .to_string();
    };
    let mut s = status_label(a.status, lang).to_string();
    if a.ci_spans_categories.len() > 1 {
        s.push_str(Word::CiSpansSuffix.text(lang));
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
        (Some(v), Some(when)) => fill(
            lang,
            Word::ProjectedTargetIn,
            &[&number(Some(v), unit, lang), when],
        ),
        (Some(v), None) => number(Some(v), unit, lang),
        (None, _) => {
            // A trend in a percentage moves in percentage points.
            let slope = number(Some(p.slope_per_year), difference_unit(unit), lang);
            fill(lang, Word::TrendPerYear, &[&slope])
        }
    }
}

/// The level in a table cell (`støtte`).
pub(crate) fn level_short(level: Level) -> Word {
    match level {
        Level::Strategic => Word::Strategic,
        Level::Support => Word::SupportShort,
    }
}

/// Structure, process or effect.
pub(crate) fn type_text(kind: IndicatorType) -> Word {
    match kind {
        IndicatorType::Structure => Word::Structure,
        IndicatorType::Process => Word::Process,
        IndicatorType::Effect => Word::Effect,
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

/// What an indicator's figures left out, one line each, in `lang`: rows
/// excluded for an unreadable key, unreadable cells, unmatched keys, the
/// files and columns behind them, dropped periods and flagged values.
/// Empty when nothing was left out.
pub(crate) fn quality_notes(ev: &Evaluated, lang: Lang) -> Vec<String> {
    let Some(c) = ev.computed.as_ref() else {
        return Vec::new();
    };
    let q = &c.quality;
    let mut out = Vec::new();
    let n = |v: u64| super::number::count(v, lang);
    for (count, word) in [
        (q.rows_excluded, Word::RowsExcludedKeys),
        (q.cells_unreadable, Word::CellsUnreadable),
        (q.unmatched, Word::KeysUnmatched),
    ] {
        if count > 0 {
            out.push(fill(lang, word, &[&n(count)]));
        }
    }
    for cells in &q.cells {
        let file = cells.file.display().to_string();
        out.push(fill(
            lang,
            Word::CellsIn,
            &[&file, &n(cells.count), &cells.column, &cells.expected],
        ));
    }
    if !c.dropped.is_empty() {
        out.push(fill(
            lang,
            Word::PeriodsIncomplete,
            &[&c.dropped.join(", ")],
        ));
    }
    let flagged: Vec<&str> = c
        .figures
        .iter()
        .filter(|f| f.flags.iter().any(|x| x == "implausible"))
        .map(|f| f.period.as_str())
        .collect();
    if !flagged.is_empty() {
        out.push(fill(lang, Word::FlaggedImplausible, &[&flagged.join(", ")]));
    }
    out
}

/// Milestone status words; an unknown status as written.
pub(crate) fn milestone_text(text: &str, lang: Lang) -> String {
    let word = match text {
        "not-started" => Word::NotStarted,
        "in-progress" => Word::InProgress,
        "at-risk" => Word::AtRisk,
        "delayed" => Word::Delayed,
        "completed" => Word::Completed,
        t => return t.to_string(),
    };
    word.text(lang).to_string()
}

/// The level in running text (`støtteindikator`).
pub(crate) fn level_text(level: Level) -> Word {
    match level {
        Level::Strategic => Word::Strategic,
        Level::Support => Word::SupportLong,
    }
}

/// Ready, in development or planned.
pub(crate) fn readiness_text(r: Readiness) -> Word {
    match r {
        Readiness::Ready => Word::Ready,
        Readiness::InDevelopment => Word::InDevelopment,
        Readiness::Planned => Word::Planned,
    }
}

/// How often the indicator is measured.
pub(crate) fn frequency_text(f: Frequency) -> Word {
    match f {
        Frequency::Annual => Word::Annual,
        Frequency::Quarterly => Word::Quarterly,
        Frequency::Monthly => Word::Monthly,
        Frequency::Continuous => Word::Continuous,
    }
}

/// A unit in words; an unknown unit as written.
pub(crate) fn unit_text(unit: &str, lang: Lang) -> String {
    let word = match unit {
        "percent" => Word::UnitPercent,
        "count" => Word::UnitCount,
        "days" => Word::UnitDays,
        "nok" => Word::UnitNok,
        "score" => Word::UnitScore,
        "stage" => Word::UnitStage,
        "status" => Word::UnitStatus,
        u => return u.to_string(),
    };
    word.text(lang).to_string()
}

/// A measure kind in words.
pub(crate) fn measure_text(kind: MeasureKind) -> Word {
    match kind {
        MeasureKind::Count => Word::MkCount,
        MeasureKind::Sum => Word::MkSum,
        MeasureKind::Mean => Word::MkMean,
        MeasureKind::Median => Word::MkMedian,
        MeasureKind::Ratio => Word::MkRatio,
        MeasureKind::ShareOfUnits => Word::MkShareOfUnits,
        MeasureKind::SurveyShare => Word::MkSurveyShare,
        MeasureKind::Reported => Word::MkReported,
        MeasureKind::Composite => Word::MkComposite,
        MeasureKind::Milestone => Word::MkMilestone,
    }
}

/// Text from a definition that has only a Norwegian form: as it is in
/// bokmål, marked in English.
pub(crate) fn nb_only(text: &str, lang: Lang) -> String {
    fill(lang, Word::NbOnly, &[text])
}

/// A breakdown's title; an unknown one capitalised.
pub(crate) fn breakdown_title(b: &str, lang: Lang) -> String {
    let word = match b {
        "region" => Word::BdRegion,
        "county" => Word::BdCounty,
        "municipality" => Word::BdMunicipality,
        "aldersgruppe" => Word::BdAgeGroup,
        "kjonn" => Word::BdSex,
        "yrkesgruppe" => Word::BdOccupation,
        "tjenesteniva" => Word::BdServiceLevel,
        "virksomhetstype" => Word::BdOrganisation,
        "naeringskode" => Word::BdIndustry,
        "teknologi" => Word::BdTechnology,
        "soknadstype" => Word::BdApplication,
        "omraade" => Word::BdArea,
        "kategori" => Word::BdCategory,
        "register" => Word::BdRegister,
        "svar" => Word::BdAnswer,
        other => {
            let mut c = other.chars();
            return c.next().map_or(String::new(), |f| {
                f.to_uppercase().collect::<String>() + c.as_str()
            });
        }
    };
    word.text(lang).to_string()
}

/// A goal's heading: `Mål 2: …` / `Goal 2: …`, or only the name for the
/// indicators the seeds place under no goal.
pub(crate) fn goal_heading(code: &str, lang: Lang) -> String {
    let name = crate::definitions::goal_name(code, lang == Lang::En).unwrap_or("");
    if code == crate::definitions::UNASSIGNED {
        name.to_string()
    } else {
        format!("{} {code}: {name}", Word::Goal.text(lang))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_labels() {
        assert_eq!(status_label(Status::OnTrack, Lang::Nb), "I rute");
        assert_eq!(status_label(Status::OnTrack, Lang::En), "On track");
        assert_eq!(status_label(Status::Achieved, Lang::Nb), "Nådd");
        assert_eq!(
            status_label(Status::InsufficientData, Lang::En),
            "Insufficient data"
        );
    }
}
