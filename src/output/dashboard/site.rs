//! What the dashboard shows: the [`Site`] and its [`Entry`]s as the
//! `dashboard` command hands them over, and the small derived facts several
//! pages share (file names, the period shown, status qualifiers, values).

use crate::assessment::{Assessment, Status};
use crate::definitions::{Catalogue, GOALS, Indicator};
use crate::lang::{Lang, Word, fill};
use crate::measures::{Figure, SourceFile};

use crate::output::text::milestone_text;

/// Everything the dashboard shows.
pub(crate) struct Site<'a> {
    /// The definitions (goals, indicators, source names).
    pub(crate) catalogue: &'a Catalogue,
    /// Page language.
    pub(crate) lang: Lang,
    /// The quarter shown (`2026Q2`), or `None` for the latest figures.
    pub(crate) quarter: Option<String>,
    /// Breakdown cells with fewer units than this were suppressed.
    pub(crate) suppress_below: u64,
    /// One entry per indicator, in catalogue order.
    pub(crate) entries: Vec<Entry<'a>>,
}

/// One indicator after a run, as the dashboard shows it.
pub(crate) struct Entry<'a> {
    /// The definition.
    pub(crate) indicator: &'a Indicator,
    /// Figures up to the period shown: national and per breakdown group.
    pub(crate) figures: Vec<&'a Figure>,
    /// Files the figures were computed from.
    pub(crate) files: &'a [SourceFile],
    /// Definition file, version and hash.
    pub(crate) definition: Option<&'a str>,
    /// Notes on rows left out and why.
    pub(crate) notes: &'a [String],
    /// What the figures left out (unreadable cells, excluded rows,
    /// unmatched keys, incomplete periods, flagged values), in the page's
    /// language.
    pub(crate) data_notes: Vec<String>,
    /// Why the indicator could not be computed.
    pub(crate) error: Option<&'a str>,
    /// The national assessment.
    pub(crate) assessment: Option<&'a Assessment>,
    /// Assessments per group for an ambition that applies per breakdown.
    pub(crate) regional: &'a [(String, Assessment)],
    /// The figure reported and the one before it.
    pub(crate) current: Option<&'a Figure>,
    /// The figure before the current one.
    pub(crate) previous: Option<&'a Figure>,
    /// Whether the current figure is older than the frequency allows.
    pub(crate) stale: bool,
    /// Component statuses of a composite.
    pub(crate) components: &'a [(String, Status)],
    /// The ambition in one line.
    pub(crate) ambition: String,
    /// Freshness in words (`fersk`, `utdatert (18 mnd)`, `planlagt`).
    pub(crate) freshness: String,
    /// The status shown.
    pub(crate) status: Status,
}

impl<'a> Site<'a> {
    /// The entries of one goal, in catalogue order.
    pub(super) fn goal_entries(&self, code: &str) -> Vec<&Entry<'a>> {
        self.entries
            .iter()
            .filter(|e| e.indicator.goal == code)
            .collect()
    }

    /// The goals that have indicators, in order.
    pub(super) fn goals(&self) -> Vec<&'static str> {
        GOALS
            .iter()
            .map(|(code, _, _)| *code)
            .filter(|code| !self.goal_entries(code).is_empty())
            .collect()
    }

    /// The period shown, in words (`Status per 2. kvartal 2026`).
    pub(super) fn period_words(&self) -> String {
        match &self.quarter {
            Some(q) => fill(
                self.lang,
                Word::StatusAsOf,
                &[&crate::output::prose(q, self.lang)],
            ),
            None => Word::LatestFigures.text(self.lang).to_string(),
        }
    }
}

impl Entry<'_> {
    /// The qualifier after the status text (could not be computed, CI spans
    /// categories), or nothing.
    pub(super) fn status_extra(&self, lang: Lang) -> &'static str {
        if self.error.is_some() {
            Word::NotComputedSuffix.text(lang)
        } else if self
            .assessment
            .is_some_and(|a| a.ci_spans_categories.len() > 1)
        {
            Word::CiSpansSuffix.text(lang)
        } else {
            ""
        }
    }

    /// Freshness, with a warning sign when stale.
    pub(super) fn freshness_words(&self) -> String {
        if self.stale {
            format!("⚠ {}", self.freshness)
        } else {
            self.freshness.clone()
        }
    }

    /// The indicator's unit (`percent`, `count`, …).
    pub(super) fn unit(&self) -> &str {
        self.indicator.unit.as_str()
    }

    /// Change from the previous figure (percentage points for percentages).
    pub(super) fn change(&self, lang: Lang) -> Option<String> {
        let c = self.current.and_then(|f| f.value)?;
        let p = self.previous.and_then(|f| f.value)?;
        let d = c - p;
        let unit = match self.unit() {
            "percent" => "percentage-points",
            u => u,
        };
        Some(crate::output::signed(d, unit, lang))
    }
}

/// The file of a goal page.
pub(super) fn goal_file(code: &str) -> String {
    format!("goal-{code}.html")
}

/// The file of an indicator page.
pub(super) fn indicator_file(id: &str) -> String {
    format!("indicator-{id}.html")
}

/// `Mål 2` / `Goal 2`.
pub(super) fn goal_label(code: &str, lang: Lang) -> String {
    if code == crate::definitions::UNASSIGNED {
        return Word::Unassigned.text(lang).to_string();
    }
    fill(lang, Word::GoalLabel, &[code])
}

/// A value with its confidence interval, e.g. `71,2 % (95 % KI 68,0–74,3 %)`.
pub(super) fn value_with_ci(value: f64, ci: Option<(f64, f64)>, unit: &str, lang: Lang) -> String {
    let v = crate::output::number(Some(value), unit, lang);
    match ci {
        Some((l, h)) => fill(
            lang,
            Word::ValueWithCi,
            &[
                &v,
                &crate::output::number(Some(l), unit, lang),
                &crate::output::number(Some(h), unit, lang),
            ],
        ),
        None => v,
    }
}

/// A figure's value for people: milestone text, number, or `–`.
pub(super) fn shown(f: Option<&Figure>, unit: &str, lang: Lang) -> String {
    match f {
        None => "–".to_string(),
        Some(f) => match &f.text {
            Some(t) => milestone_text(t, lang),
            None => crate::output::number(f.value, unit, lang),
        },
    }
}
