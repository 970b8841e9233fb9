//! The chart in words: the alternative text (the SVG's `<desc>`) and the
//! legend, which names each line by its dash pattern as well as its colour.

use serde::Serialize;

use crate::lang::{Lang, Word, fill};

use super::{ChartInput, Goal, MAX_MARKERS, Obs};

/// A legend entry: which swatch (`chart.html`) and its words.
#[derive(Serialize)]
pub(super) struct Legend {
    kind: &'static str,
    marker_x: u8,
    text: String,
}

impl Legend {
    fn new(kind: &'static str, text: String) -> Self {
        Self {
            kind,
            marker_x: 0,
            text,
        }
    }
}

/// The legend: series, intervals, required path, trend, target.
pub(super) fn legend(
    input: &ChartInput<'_>,
    obs: &[Obs],
    goal: Option<&Goal>,
    required: &[(f64, f64)],
    trend: bool,
) -> Vec<Legend> {
    let lang = input.lang;
    let a = input.assessment;
    let markers = obs.len() <= MAX_MARKERS;
    let line = if markers {
        Word::SolidWithPoints
    } else {
        Word::SolidLatestPoint
    };
    let mut items = vec![Legend {
        kind: "series",
        marker_x: if markers { 18 } else { 31 },
        text: fill(lang, Word::MeasuredValue, &[line.text(lang)]),
    }];
    if obs.iter().any(|o| o.ci.is_some()) {
        items.push(Legend::new("ci", Word::CiErrorBar.text(lang).to_string()));
    }
    if required.len() >= 2 {
        let from = a
            .and_then(|a| a.baseline.as_ref())
            .map_or("", |b| b.period.as_str());
        let path = if required.len() > 2 {
            Word::RequiredCurve
        } else {
            Word::RequiredPath
        };
        let mut text = fill(lang, path, &[from]);
        if a.and_then(|a| a.required_now).is_some() {
            text.push_str(Word::OpenCircle.text(lang));
        }
        items.push(Legend::new("required", text));
    }
    if trend {
        let words = if goal.is_some() {
            Word::TrendProjected
        } else {
            Word::TrendOnly
        };
        items.push(Legend::new("trend", words.text(lang).to_string()));
    }
    if let Some(g) = goal {
        let unit = input.indicator.unit.as_str();
        let target = crate::output::target(g.target, unit, lang);
        let text = format!(
            "{} ({})",
            fill(
                lang,
                Word::TargetBy,
                &[g.cmp(), &target, &crate::output::prose(&g.by, lang)]
            ),
            Word::Diamond.text(lang)
        );
        items.push(Legend::new("target", text));
    }
    items
}

/// The chart in words (the SVG's `<desc>`).
pub(super) fn description(
    input: &ChartInput<'_>,
    obs: &[Obs],
    goal: Option<&Goal>,
    required_now: Option<f64>,
) -> String {
    let lang = input.lang;
    let unit = input.indicator.unit.as_str();
    let n = |v: f64| crate::output::number(Some(v), unit, lang);
    let (Some(first), Some(last)) = (obs.first(), obs.last()) else {
        return String::new();
    };
    let ci = ci_words(last.ci, unit, lang);
    let mut s = if obs.len() == 1 {
        let period = crate::output::prose(&last.period, lang);
        fill(lang, Word::OneValue, &[&n(last.value), &period, &ci])
    } else {
        let count = obs.len().to_string();
        let (from, to) = (
            crate::output::prose(&first.period, lang),
            crate::output::prose(&last.period, lang),
        );
        let args = [
            count.as_str(),
            &from,
            &to,
            &n(first.value),
            &n(last.value),
            &ci,
        ];
        fill(lang, Word::LineChart, &args)
    };
    if let Some(g) = goal {
        s.push(' ');
        let by = crate::output::prose(&g.by, lang);
        s.push_str(&fill(lang, Word::TargetBy, &[g.cmp(), &n(g.target), &by]));
        s.push('.');
    }
    if let Some(r) = required_now {
        s.push_str(&fill(lang, Word::LevelRequiredNow, &[&n(r)]));
    }
    if let Some(v) = input
        .assessment
        .and_then(|a| a.projection.as_ref())
        .and_then(|p| p.value_at_deadline)
    {
        s.push_str(&fill(lang, Word::TrendGives, &[&n(v)]));
    }
    s.push_str(" Status: ");
    s.push_str(input.status);
    s.push('.');
    s
}

/// ` (95 % KI low–high)`, or nothing.
fn ci_words(ci: Option<(f64, f64)>, unit: &str, lang: Lang) -> String {
    ci.map_or(String::new(), |(l, h)| {
        fill(
            lang,
            Word::ValueWithCi,
            &[
                "",
                &crate::output::number(Some(l), unit, lang),
                &crate::output::number(Some(h), unit, lang),
            ],
        )
    })
}
