//! A goal's result goals (`structure/`, seed 004 for goal 1) with the
//! indicators linked to each and their statuses after a run, or plainly
//! "no indicator yet": the coverage view of `compute`, `list` and the
//! report.

use crate::definitions::{Catalogue, Indicator, Names};
use crate::lang::{Word, fill};
use crate::output::Lang;
use crate::output::evaluated::Run;
use crate::output::text::{milestone_text, status_label};

/// One line of the view, at a depth (0 area, 1 need, 2 result goal).
pub(crate) struct Line {
    /// 0 for a main area, 1 for a citizen need, 2 for a result goal.
    pub(crate) depth: usize,
    /// The text.
    pub(crate) text: String,
}

/// The status of each indicator after a run, in words: a roadmap
/// sub-goal's reported status, else the progress status.
pub(crate) fn run_status<'r>(
    run: &'r Run<'_>,
    lang: Lang,
) -> impl Fn(&Indicator) -> Option<String> + 'r {
    move |i| {
        let ev = run.results.get(i.id())?;
        let text = ev.current.as_ref().and_then(|f| f.text.as_deref());
        Some(text.map_or_else(
            || status_label(ev.status(), lang).to_string(),
            |t| milestone_text(t, lang),
        ))
    }
}

/// The heading and the lines of `goal`'s coverage; `None` when no structure
/// is defined for it. Each linked indicator carries what `status` gives.
pub(crate) fn view(
    catalogue: &Catalogue,
    goal: &str,
    status: &dyn Fn(&Indicator) -> Option<String>,
    lang: Lang,
) -> Option<(String, Vec<Line>)> {
    let structure = catalogue
        .structures
        .iter()
        .find(|s| crate::definitions::normalise_goal(&s.goal).as_deref() == Some(goal))?;
    let en = lang == Lang::En;
    let linked = |n: u32| -> Vec<&Indicator> {
        catalogue
            .indicators
            .iter()
            .filter(|i| i.goal == goal && i.result_goals.contains(&n))
            .collect()
    };
    let mut lines = Vec::new();
    let (mut total, mut covered) = (0, 0);
    for area in &structure.areas {
        lines.push(Line {
            depth: 0,
            text: name(&area.name, en),
        });
        for need in &area.needs {
            lines.push(Line {
                depth: 1,
                text: name(&need.name, en),
            });
            for rg in &need.result_goals {
                total += 1;
                let inds = linked(rg.number);
                if !inds.is_empty() {
                    covered += 1;
                }
                lines.push(Line {
                    depth: 2,
                    text: format!(
                        "({}) {}: {}",
                        rg.number,
                        name(&rg.name, en),
                        indicators(&inds, status, lang)
                    ),
                });
            }
        }
    }
    let heading = fill(
        lang,
        Word::CoverageHeading,
        &[
            goal,
            &covered.to_string(),
            &total.to_string(),
            &structure.reference,
        ],
    );
    Some((heading, lines))
}

/// The coverage as indented text (terminal).
pub(crate) fn text(heading: &str, lines: &[Line]) -> String {
    let mut out = format!("{heading}\n");
    for l in lines {
        out.push_str(&"  ".repeat(l.depth + 1));
        out.push_str(&l.text);
        out.push('\n');
    }
    out
}

fn name(n: &Names, en: bool) -> String {
    if en { n.en.clone() } else { n.nb.clone() }
}

/// The linked indicators, each with its status where there is one.
fn indicators(
    inds: &[&Indicator],
    status: &dyn Fn(&Indicator) -> Option<String>,
    lang: Lang,
) -> String {
    if inds.is_empty() {
        return Word::NoIndicatorYet.text(lang).to_string();
    }
    let en = lang == Lang::En;
    inds.iter()
        .map(|i| match status(i) {
            Some(st) => format!("{} ({st})", i.name(en)),
            None => i.name(en).to_string(),
        })
        .collect::<Vec<_>>()
        .join("; ")
}
