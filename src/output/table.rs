//! Terminal tables (comfy-table): `compute`'s table per goal, `status`'s
//! line per goal, `list`'s catalogue and `sources`' audit.

use std::fmt::Write as _;

use crate::definitions::{Catalogue, GOALS, Indicator, Level, UNASSIGNED};
use crate::lang::{Word, fill};
use crate::output::Lang;
use crate::output::evaluated::{Evaluated, Run};
use crate::sources::Audit;

use super::term::Grid;

use super::number;
use super::text::{
    ambition_text, ambition_text_opt, change, data_note, frequency_text, level_short, measure_text,
    projected, readiness_text, shown, status_label, status_text, type_text,
};

/// A table for the terminal (see [`super::term`]).
pub(crate) fn table(header: Vec<String>) -> Grid {
    Grid::new(header)
}

/// The table, and under it, when a narrow terminal dropped columns, the
/// note that says where the rest is.
pub(crate) fn shown_table(grid: &Grid, lang: Lang) -> String {
    let width = super::term::width();
    let mut s = grid.render(width);
    if grid.is_compact(width) {
        s.push('\n');
        s.push_str(Word::CompactNote.text(lang));
    }
    s
}

/// Header cells from words, in `lang`.
fn header_words(cells: &[Word], lang: Lang) -> Vec<String> {
    cells.iter().map(|w| w.text(lang).to_string()).collect()
}

/// `compute`: a table per goal, strategic indicators first, and the goal's
/// mean-score status under it.
pub(crate) fn compute(catalogue: &Catalogue, run: &Run<'_>, lang: Lang) -> String {
    let cells = [
        Word::Indicator,
        Word::LevelType,
        Word::Period,
        Word::Value,
        Word::Previous,
        Word::Change,
        Word::Ambition,
        Word::Progress,
        Word::RequiredNowShort,
        Word::Projected,
        Word::Data,
    ];
    let mut out = String::new();
    for (code, _, _) in GOALS {
        let mut inds: Vec<&Indicator> = run
            .selected
            .iter()
            .copied()
            .filter(|i| i.goal == code)
            .collect();
        if inds.is_empty() {
            continue;
        }
        let _ = writeln!(out, "{}", super::text::goal_heading(code, lang));
        let mut table = table(header_words(&cells, lang));
        table.compact(&[0, 2, 3, 7, 10]);
        let mut notes = String::new();
        // Strategic indicators first, as in the quarterly report.
        inds.sort_by_key(|i| i.level != Level::Strategic);
        for ind in inds {
            let Some(ev) = run.results.get(ind.id()) else {
                continue;
            };
            table.add_row(compute_row(ind, ev, lang));
            // A composite's components side by side, each with its own
            // value, change and status.
            for (id, _) in &ev.components {
                if let (Some(c), Some(cev)) = (catalogue.indicator(id), run.results.get(id)) {
                    let mut row = compute_row(c, cev, lang);
                    row[0] = format!("  ↳ {}", row[0]);
                    table.add_row(row);
                }
            }
            for line in super::text::quality_notes(ev, lang) {
                let _ = writeln!(notes, "  - {}: {line}", ind.id());
            }
        }
        let _ = writeln!(out, "{}", shown_table(&table, lang));
        if !notes.is_empty() {
            let _ = write!(out, "{}:\n{notes}", Word::DataNotes.text(lang));
        }
        let goal_inds = catalogue.of_goal(code);
        for line in run.goal_summary(code, &goal_inds).lines(None, lang) {
            let _ = writeln!(out, "{line}");
        }
        out.push('\n');
        // The goal's result goals, when the whole goal was picked.
        let whole = catalogue
            .of_goal(code)
            .iter()
            .all(|i| run.selected.iter().any(|s| s.id() == i.id()));
        if whole
            && let Some((heading, lines)) = super::coverage::view(
                catalogue,
                code,
                &super::coverage::run_status(run, lang),
                lang,
            )
        {
            let _ = writeln!(out, "{}", super::coverage::text(&heading, &lines));
        }
    }
    out
}

/// One indicator's row of the `compute` table.
fn compute_row(ind: &Indicator, ev: &Evaluated, lang: Lang) -> Vec<String> {
    let en = lang == Lang::En;
    let unit = ind.unit.as_str();
    let required = ev
        .assessment
        .as_ref()
        .and_then(|a| a.required_now)
        .map_or("–".to_string(), |v| number(Some(v), unit, lang));
    let mut name = ind.name(en).to_string();
    for (g, a) in &ev.regional {
        let v = a.current.as_ref().map(|p| p.value);
        let _ = write!(
            name,
            "\n  {g}: {} – {}",
            number(v, unit, lang),
            status_label(a.status, lang)
        );
    }
    vec![
        name,
        format!(
            "{}\n{}",
            level_short(ind.level).text(lang),
            type_text(ind.kind).text(lang)
        ),
        ev.current
            .as_ref()
            .map_or("–".to_string(), |f| f.period.clone()),
        shown(ev.current.as_ref(), unit, lang),
        shown(ev.previous.as_ref(), unit, lang),
        change(ev, unit, lang),
        ambition_text_opt(ind, lang, true),
        status_text(ev, lang),
        required,
        projected(ev, unit, lang),
        data_note(ind, ev, lang),
    ]
}

/// `status`: one line per goal: its strategic indicators and roadmap
/// sub-goals per status, and the overall status, which only the analyst
/// sets (so "not set" here).
pub(crate) fn status(catalogue: &Catalogue, run: &Run<'_>, lang: Lang) -> String {
    let en = lang == Lang::En;
    let mut table = table(header_words(
        &[
            Word::Goal,
            Word::StrategicIndicators,
            Word::RoadmapSubGoals,
            Word::OverallStatus,
        ],
        lang,
    ));
    for (code, nb, eng) in GOALS {
        let inds = catalogue.of_goal(code);
        if inds.is_empty() || code == UNASSIGNED {
            continue;
        }
        let summary = run.goal_summary(code, &inds);
        table.add_row(vec![
            format!("{code} {}", if en { eng } else { nb }),
            summary
                .strategic_counts(lang)
                .unwrap_or_else(|| "–".to_string()),
            summary
                .milestone_counts(lang)
                .unwrap_or_else(|| "–".to_string()),
            Word::NotSet.text(lang).to_string(),
        ]);
    }
    format!(
        "{}\n{}\n",
        shown_table(&table, lang),
        Word::OverallSetByAnalyst.text(lang)
    )
}

/// `list`: the catalogue (or one goal of it) and the count.
pub(crate) fn list(catalogue: &Catalogue, goal: Option<&str>, lang: Lang) -> String {
    let en = lang == Lang::En;
    let mut table = table(header_words(
        &[
            Word::Goal,
            Word::Id,
            Word::Name,
            Word::Level,
            Word::Type,
            Word::Readiness,
            Word::Measure,
            Word::Frequency,
            Word::Ambition,
        ],
        lang,
    ));
    table.compact(&[0, 1, 2, 5]);
    let mut n = 0;
    for ind in &catalogue.indicators {
        if goal.is_some_and(|g| ind.goal != g) {
            continue;
        }
        n += 1;
        let name = if ind.example {
            format!("{} ({})", ind.name(en), Word::ExampleMark.text(lang))
        } else {
            ind.name(en).to_string()
        };
        table.add_row(vec![
            if ind.goal == UNASSIGNED {
                Word::Unassigned.text(lang).to_string()
            } else {
                ind.goal.clone()
            },
            ind.id().to_string(),
            name,
            level_short(ind.level).text(lang).to_string(),
            type_text(ind.kind).text(lang).to_string(),
            readiness_text(ind.readiness).text(lang).to_string(),
            ind.measure_kind().map_or("–".to_string(), |k| {
                measure_text(k).text(lang).to_string()
            }),
            frequency_text(ind.frequency).text(lang).to_string(),
            ambition_text(ind, lang),
        ]);
    }
    let count = if n == 1 {
        Word::IndicatorsOne
    } else {
        Word::IndicatorsMany
    };
    let mut out = format!(
        "{}\n{}\n",
        shown_table(&table, lang),
        fill(lang, count, &[&n.to_string()])
    );
    if let Some(g) = goal
        && let Some((heading, lines)) = super::coverage::view(catalogue, g, &|_| None, lang)
    {
        out.push('\n');
        out.push_str(&super::coverage::text(&heading, &lines));
    }
    out
}

/// `sources`: a row per source, then one line per problem and failure.
pub(crate) fn sources(audits: &[Audit], failures: &[(String, String)], lang: Lang) -> String {
    let mut table = table(header_words(
        &[
            Word::SourceHeader,
            Word::FilesHeader,
            Word::RowsHeader,
            Word::ColumnsHeader,
            Word::PeriodsHeader,
            Word::SymbolsHeader,
            Word::ProblemsHeader,
        ],
        lang,
    ));
    table.compact(&[0, 2, 4, 6]);
    for a in audits {
        table.add_row(source_row(a, lang));
    }
    format!(
        "{}\n{}",
        shown_table(&table, lang),
        source_problems(audits, failures, lang)
    )
}

/// One line per problem found in the sources and per source that could not
/// be read.
pub(crate) fn source_problems(
    audits: &[Audit],
    failures: &[(String, String)],
    lang: Lang,
) -> String {
    let mut s = String::new();
    for a in audits {
        for p in &a.problems {
            let sev = match p.severity {
                crate::diagnostic::Severity::Error => Word::SevError,
                crate::diagnostic::Severity::Warning => Word::SevWarning,
            };
            let lines = p
                .lines
                .iter()
                .map(u64::to_string)
                .collect::<Vec<_>>()
                .join(", ");
            let file = p.file.display().to_string();
            let args = [
                sev.text(lang),
                p.code,
                &a.source,
                &p.message,
                &file,
                &p.column,
                &lines,
            ];
            let _ = writeln!(s, "{}", fill(lang, Word::ProblemLine, &args));
        }
    }
    for (id, e) in failures {
        let _ = writeln!(s, "{}", fill(lang, Word::SourceFailed, &[id, e]));
    }
    s
}

/// One source's row of the `sources` table.
fn source_row(a: &Audit, lang: Lang) -> Vec<String> {
    let files = a
        .files
        .iter()
        .map(|f| {
            format!(
                "{} ({}, '{}', {} '{}')",
                f.path.display(),
                f.encoding,
                f.separator,
                Word::DecimalMark.text(lang),
                f.decimal
            )
        })
        .collect::<Vec<_>>()
        .join("\n");
    let symbols = if a.symbols.is_empty() {
        "–".to_string()
    } else {
        a.symbols
            .iter()
            .map(|(s, n)| format!("'{s}' {n}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let problems = if a.problems.is_empty() {
        "–".to_string()
    } else {
        a.problems
            .iter()
            .map(|p| format!("{} {} ({})", p.count, p.code, p.column))
            .collect::<Vec<_>>()
            .join("\n")
    };
    vec![
        a.source.clone(),
        files,
        number::count(a.rows, lang),
        a.columns.len().to_string(),
        format!(
            "{} – {}",
            a.first_period.as_deref().unwrap_or("?"),
            a.last_period.as_deref().unwrap_or("?")
        ),
        symbols,
        problems,
    ]
}
