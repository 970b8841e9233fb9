//! The facts of an indicator page as definition lists: the assessment (with
//! its warnings and arithmetic), the definition and the provenance. [`Cell`]
//! is a fact's value as `macros.html` draws it.

use serde::Serialize;

use crate::assessment::{Assessment, Method, Status};
use crate::definitions::AmbitionDef;
use crate::lang::{Lang, Word, fill};

use super::site::{Entry, Site, goal_file, goal_label, value_with_ci};
use super::text::{
    Badge, badge, breakdown_title, frequency_text, level_text, readiness_text, status_label,
    type_text, unit_text,
};

/// A row of a definition list.
#[derive(Serialize)]
pub(super) struct Fact {
    label: &'static str,
    value: Cell,
}

impl Fact {
    /// A fact labelled with `word`.
    pub(super) fn new(word: Word, lang: Lang, value: Cell) -> Self {
        Self {
            label: word.text(lang),
            value,
        }
    }
}

/// The value of a fact, by kind (`macros.html`, `cell`).
#[derive(Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub(super) enum Cell {
    /// Plain text.
    Text { text: String },
    /// Text with a note in brackets after it.
    Sub { text: String, sub: String },
    /// Text with notes on lines below.
    Lines { text: String, subs: Vec<String> },
    /// Code (an id, a measure kind).
    Code { text: String },
    /// A link.
    Link { href: String, text: String },
    /// A status.
    Badge(Badge),
    /// Sources by name, publisher and id; `–` when none.
    Sources { sources: Vec<SourceRef> },
}

impl Cell {
    /// Plain text.
    pub(super) fn text(text: impl Into<String>) -> Self {
        Self::Text { text: text.into() }
    }

    /// Text with a note.
    pub(super) fn sub(text: impl Into<String>, sub: &str) -> Self {
        Self::Sub {
            text: text.into(),
            sub: sub.to_string(),
        }
    }
}

/// A source of an indicator; without a name when the catalogue lacks it.
#[derive(Serialize)]
pub(super) struct SourceRef {
    name: Option<String>,
    publisher: String,
    id: String,
}

/// The assessment section (`assessment.html`).
#[derive(Serialize)]
pub(super) struct AssessmentFacts {
    rows: Vec<Fact>,
    warnings: Vec<String>,
    steps: Vec<String>,
}

/// The national assessment in facts, its warnings and its steps.
pub(super) fn assessment(e: &Entry<'_>, a: &Assessment, lang: Lang) -> AssessmentFacts {
    let unit = e.unit();
    let n = |v: f64| crate::output::number(Some(v), unit, lang);
    let mut rows = Vec::new();
    if e.components.is_empty() && matches!(e.indicator.ambition, AmbitionDef::Target { .. }) {
        let method = match a.method {
            Method::Linear => Word::MethodLinear,
            Method::Cagr => Word::MethodCagr,
        };
        rows.push(Fact::new(Word::Method, lang, Cell::text(method.text(lang))));
    }
    if let Some(bp) = &a.baseline {
        let text = format!("{}: {}", bp.period, n(bp.value));
        rows.push(Fact::new(Word::Baseline, lang, Cell::text(text)));
    }
    if let Some(c) = &a.current {
        let text = format!("{}: {}", c.period, value_with_ci(c.value, c.ci, unit, lang));
        rows.push(Fact::new(Word::Current, lang, Cell::text(text)));
    }
    if let Some(r) = a.required_now {
        rows.push(Fact::new(Word::RequiredNow, lang, Cell::text(n(r))));
    }
    let pct = |v: f64| crate::output::number(Some(v * 100.0), "percent", lang);
    if let (Some(o), Some(r)) = (a.observed_growth, a.required_growth) {
        let text = fill(lang, Word::GrowthObservedRequired, &[&pct(o), &pct(r)]);
        rows.push(Fact::new(Word::AnnualGrowth, lang, Cell::text(text)));
    }
    if let Some(p) = a.progress_ratio {
        rows.push(Fact::new(
            Word::ProgressRatio,
            lang,
            Cell::text(progress(a, p, lang)),
        ));
    }
    if let Some(text) = trend(a, unit, lang) {
        rows.push(Fact::new(Word::Trend, lang, Cell::text(text)));
    }
    if a.ci_spans_categories.len() > 1 {
        let spans: Vec<&str> = a
            .ci_spans_categories
            .iter()
            .map(|s| status_label(*s, lang))
            .collect();
        let text = fill(lang, Word::CiSpans, &[&spans.join(", ")]);
        rows.push(Fact::new(Word::Uncertainty, lang, Cell::text(text)));
    }
    let status = Cell::Badge(badge(e.status, lang, e.status_extra(lang)));
    rows.push(Fact::new(Word::Status, lang, status));
    let mut steps = a.steps.clone();
    if !steps.is_empty() && a.steps.last() != Some(&a.rule) {
        steps.push(format!("Rule: {}", a.rule));
    }
    AssessmentFacts {
        rows,
        warnings: a.warnings.clone(),
        steps,
    }
}

/// The progress ratio with the thresholds it is judged against.
fn progress(a: &Assessment, p: f64, lang: Lang) -> String {
    let ratio = |v: f64| {
        let s = format!("{v:.2}");
        if lang == Lang::En {
            s
        } else {
            s.replace('.', ",")
        }
    };
    format!(
        "{} ({} ≥ {}, {} ≥ {}, {} ≥ {})",
        ratio(p),
        status_label(Status::OnTrack, lang).to_lowercase(),
        ratio(a.thresholds[0]),
        Word::Moderate.text(lang),
        ratio(a.thresholds[1]),
        Word::Limited.text(lang),
        ratio(a.thresholds[2])
    )
}

/// The trend: slope per year, value at the deadline, when it reaches the target.
fn trend(a: &Assessment, unit: &str, lang: Lang) -> Option<String> {
    let p = a.projection.as_ref()?;
    let slope_unit = if unit == "percent" {
        "percentage-points"
    } else {
        unit
    };
    let slope = format!(
        "{}{}",
        if p.slope_per_year > 0.0 { "+" } else { "" },
        crate::output::number(Some(p.slope_per_year), slope_unit, lang)
    );
    let mut text = fill(
        lang,
        Word::TrendSlope,
        &[&slope, &p.points_used.to_string()],
    );
    if let Some(v) = p.value_at_deadline {
        let v = crate::output::number(Some(v), unit, lang);
        text.push_str(&fill(lang, Word::AtDeadline, &[&v]));
    }
    match &p.reaches_target_in {
        Some(w) => text.push_str(&fill(lang, Word::ReachesTargetIn, &[w])),
        None if p.value_at_deadline.is_some() => text.push_str(Word::NotBy2100.text(lang)),
        None => {}
    }
    Some(text)
}

/// The definition section (`definition.html`).
#[derive(Serialize)]
pub(super) struct DefinitionFacts {
    description: Option<String>,
    rows: Vec<Fact>,
    caveats: Vec<String>,
}

/// What the indicator is, from its definition.
pub(super) fn definition(site: &Site<'_>, e: &Entry<'_>) -> DefinitionFacts {
    let lang = site.lang;
    let en = lang == Lang::En;
    let ind = e.indicator;
    let d = ind;
    let word = |w: Word| Cell::text(w.text(lang));
    let mut rows = vec![
        Fact {
            label: Word::Id.text(lang),
            value: Cell::Code {
                text: ind.id().to_string(),
            },
        },
        Fact::new(
            Word::Goal,
            lang,
            Cell::Link {
                href: goal_file(&ind.goal),
                text: format!(
                    "{} {}",
                    goal_label(&ind.goal, lang),
                    crate::definitions::goal_name(&ind.goal, en).unwrap_or("")
                ),
            },
        ),
        Fact::new(Word::Level, lang, word(level_text(ind.level))),
        Fact::new(Word::Type, lang, word(type_text(ind.kind))),
        Fact::new(Word::Readiness, lang, word(readiness_text(ind.readiness))),
        Fact::new(
            Word::Unit,
            lang,
            Cell::text(unit_text(d.unit.as_str(), lang)),
        ),
        Fact::new(Word::Frequency, lang, word(frequency_text(ind.frequency))),
    ];
    let sources = sources(site, ind.source_ids(), en);
    rows.push(Fact::new(Word::Source, lang, Cell::Sources { sources }));
    if let Some(m) = &d.measure {
        let kind = Cell::Code {
            text: m.measure_kind().as_str().to_string(),
        };
        rows.push(Fact::new(Word::Measure, lang, kind));
    }
    let none = match &d.ambition {
        AmbitionDef::None(reason) => Some(reason),
        AmbitionDef::Target { .. } => None,
    };
    let subs = [none, d.ambition_note.as_ref()]
        .into_iter()
        .flatten()
        .cloned()
        .collect();
    let ambition = Cell::Lines {
        text: e.ambition.clone(),
        subs,
    };
    rows.push(Fact::new(Word::Ambition, lang, ambition));
    if !d.breakdowns.is_empty() {
        let names: Vec<String> = d
            .breakdowns
            .iter()
            .map(|b| breakdown_title(b, lang).to_lowercase())
            .collect();
        rows.push(Fact::new(
            Word::Breakdowns,
            lang,
            Cell::text(names.join(", ")),
        ));
    }
    if let Some(r) = &d.reference {
        rows.push(Fact::new(Word::Reference, lang, Cell::text(r)));
    }
    DefinitionFacts {
        description: d
            .description
            .as_ref()
            .map(|desc| (if en { &desc.en } else { &desc.nb }).clone()),
        rows,
        caveats: d.caveats.clone(),
    }
}

/// The sources by name and publisher, as the catalogue has them.
fn sources(site: &Site<'_>, ids: Vec<String>, en: bool) -> Vec<SourceRef> {
    ids.into_iter()
        .map(|id| match site.catalogue.source(&id) {
            Some(src) => SourceRef {
                name: Some((if en { &src.name.en } else { &src.name.nb }).clone()),
                publisher: src.publisher.clone(),
                id,
            },
            None => SourceRef {
                name: None,
                publisher: String::new(),
                id,
            },
        })
        .collect()
}

/// The provenance section (`provenance.html`).
#[derive(Serialize)]
pub(super) struct Provenance {
    definition: String,
    files: Vec<FileRow>,
    notes: Vec<String>,
    data_notes: Vec<String>,
}

/// A data file read.
#[derive(Serialize)]
struct FileRow {
    source: String,
    path: String,
    sha256: String,
}

/// Where the figures come from.
pub(super) fn provenance(e: &Entry<'_>) -> Provenance {
    let definition = e.definition.map_or_else(
        || {
            format!(
                "{} v{} sha256:{}",
                e.indicator.path.display(),
                e.indicator.version,
                e.indicator.sha256
            )
        },
        str::to_string,
    );
    Provenance {
        definition,
        files: e
            .files
            .iter()
            .map(|f| FileRow {
                source: f.source.clone(),
                path: f.path.display().to_string(),
                sha256: f.sha256.clone(),
            })
            .collect(),
        notes: e.notes.to_vec(),
        data_notes: e.data_notes.clone(),
    }
}
