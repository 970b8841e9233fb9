//! `report.md`: status per goal with commentary and a table of indicators,
//! from `templates/report.md`.

use anyhow::Result;
use serde::Serialize;

use crate::definitions::{Catalogue, GOALS};
use crate::lang::Word;
use crate::output::Lang;
use crate::output::evaluated::Run;

use super::commentary::Given;
use crate::output::text::{ambition_text_opt, quality_notes, status_label};

/// The template's view of the report.
#[derive(Serialize)]
struct View {
    title: &'static str,
    quarter: String,
    /// Heading and text of the overall status.
    overall: Option<(String, String)>,
    /// Free commentary text, trimmed (none when empty).
    text: Option<String>,
    header: [&'static str; 5],
    /// "Notes on the data", the heading of each goal's quality notes.
    data_notes: &'static str,
    goals: Vec<GoalView>,
}

/// One goal: heading, status, commentary and rows.
#[derive(Serialize)]
struct GoalView {
    heading: String,
    /// Strategic indicators and roadmap sub-goals per status, and the
    /// overall status: the analyst's (commentary `status`) or not set.
    summary: Vec<String>,
    sections: Vec<Section>,
    rows: Vec<[String; 5]>,
    /// What the goal's figures left out, one line per note, each starting
    /// with the indicator's name.
    notes: Vec<String>,
    /// The goal's result goals with their indicators (a heading and nested
    /// Markdown list lines), where the goal has a structure.
    coverage: Option<(String, Vec<String>)>,
}

/// A commentary list under a goal.
#[derive(Serialize)]
struct Section {
    title: &'static str,
    items: Vec<String>,
}

/// The report as Markdown.
pub(crate) fn markdown(
    catalogue: &Catalogue,
    run: &Run<'_>,
    quarter: &str,
    given: Option<&Given>,
    lang: Lang,
) -> Result<String> {
    let overall = given
        .and_then(|g| g.commentary.overall.clone())
        .map(|o| (format!("## {}", Word::OverallStatus.text(lang)), o));
    let text = given
        .map(|g| g.text.trim().to_string())
        .filter(|t| !t.is_empty());
    let view = View {
        title: Word::ReportTitle.text(lang),
        quarter: crate::output::prose(quarter, lang),
        overall,
        text,
        header: [
            Word::Indicator,
            Word::Period,
            Word::Value,
            Word::Ambition,
            Word::ProgressColumn,
        ]
        .map(|w| w.text(lang)),
        data_notes: Word::DataNotes.text(lang),
        goals: GOALS
            .iter()
            .filter_map(|(goal, _, _)| goal_view(catalogue, run, goal, given, lang))
            .collect(),
    };
    crate::output::templates::render("report.md", crate::lang::Lang::Nb, &view)
}

/// The view of one goal (none when it has no indicators).
fn goal_view(
    catalogue: &Catalogue,
    run: &Run<'_>,
    goal: &str,
    given: Option<&Given>,
    lang: Lang,
) -> Option<GoalView> {
    let en = lang == Lang::En;
    let inds = catalogue.of_goal(goal);
    if inds.is_empty() {
        return None;
    }
    let comment = given.and_then(|g| g.commentary.goals.get(goal));
    let sections = comment.map_or_else(Vec::new, |g| {
        [
            (Word::PositiveEvents, &g.positive),
            (Word::Challenges, &g.challenges),
            (Word::StrategicQuestions, &g.questions),
        ]
        .into_iter()
        .filter(|(_, items)| !items.is_empty())
        .map(|(title, items)| Section {
            title: title.text(lang),
            items: items.clone(),
        })
        .collect()
    });
    let rows = inds
        .iter()
        .filter_map(|ind| {
            let ev = run.results.get(ind.id())?;
            let value = crate::output::text::shown(ev.current.as_ref(), ind.unit.as_str(), lang);
            Some([
                ind.name(en).replace('|', "\\|"),
                ev.current
                    .as_ref()
                    .map_or("–", |f| f.period.as_str())
                    .to_string(),
                value,
                ambition_text_opt(ind, lang, true),
                status_label(ev.status(), lang).to_string(),
            ])
        })
        .collect();
    let notes = inds
        .iter()
        .filter_map(|ind| Some((ind, run.results.get(ind.id())?)))
        .flat_map(|(ind, ev)| {
            let name = ind.name(en).to_string();
            quality_notes(ev, lang)
                .into_iter()
                .map(move |n| format!("{name}: {n}"))
        })
        .collect();
    Some(GoalView {
        heading: crate::output::text::goal_heading(goal, lang),
        summary: run
            .goal_summary(goal, &inds)
            .lines(comment.and_then(|g| g.status.as_deref()), lang),
        sections,
        rows,
        notes,
        coverage: crate::output::coverage::view(
            catalogue,
            goal,
            &crate::output::coverage::run_status(run, lang),
            lang,
        )
        .map(|(heading, lines)| {
            let list = lines
                .iter()
                .map(|l| format!("{}- {}", "  ".repeat(l.depth), l.text))
                .collect();
            (heading, list)
        }),
    })
}
