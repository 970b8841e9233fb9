//! The evaluated run as output renders it: per indicator its figures, the
//! current and previous figure, freshness and assessments, made by
//! `commands/evaluate.rs` and read by every format.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::assessment::{Assessment, Status};
use crate::definitions::Indicator;
use crate::measures::{Computed, Figure};
use crate::period::Period;

/// Everything known about one indicator after a run.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Evaluated {
    /// Indicator id.
    pub(crate) id: String,
    /// Figures and provenance (absent when not computed).
    pub(crate) computed: Option<Computed>,
    /// Why it was not computed.
    pub(crate) error: Option<String>,
    /// National assessment.
    pub(crate) assessment: Option<Assessment>,
    /// Per-group assessments for an ambition `per` a breakdown.
    pub(crate) regional: Vec<(String, Assessment)>,
    /// The figure reported (latest up to the period asked for).
    pub(crate) current: Option<Figure>,
    /// The figure before it.
    pub(crate) previous: Option<Figure>,
    /// Months since the end of the current period, and whether that is stale.
    pub(crate) age_months: Option<i32>,
    /// Stale against the frequency.
    pub(crate) stale: bool,
    /// Component statuses for composites.
    pub(crate) components: Vec<(String, Status)>,
}

impl Evaluated {
    /// Nothing known yet about `ind`.
    pub(crate) fn empty(ind: &Indicator) -> Self {
        Self {
            id: ind.id().to_string(),
            computed: None,
            error: None,
            assessment: None,
            regional: Vec::new(),
            current: None,
            previous: None,
            age_months: None,
            stale: false,
            components: Vec::new(),
        }
    }

    /// The figures (all breakdowns) of periods that end by `cut`.
    pub(crate) fn figures_within(&self, cut: Option<i64>) -> Vec<&Figure> {
        self.computed.as_ref().map_or_else(Vec::new, |c| {
            c.figures.iter().filter(|f| c.within(f, cut)).collect()
        })
    }

    /// The status shown for the indicator.
    pub(crate) fn status(&self) -> Status {
        self.assessment
            .as_ref()
            .map_or(Status::InsufficientData, |a| a.status)
    }
}

/// A run over a selection of indicators.
pub(crate) struct Run<'a> {
    /// The indicators picked, in catalogue (or `--indicator`) order.
    pub(crate) selected: Vec<&'a Indicator>,
    /// Every indicator evaluated (the selection and composites' components).
    pub(crate) results: BTreeMap<String, Evaluated>,
    /// Month index of the end of `--period` (`None`: latest).
    pub(crate) cut: Option<i64>,
}

impl Run<'_> {
    /// A goal's strategic indicators and roadmap sub-goals with their
    /// statuses (see [`crate::output::goal_summary`]).
    pub(crate) fn goal_summary(
        &self,
        goal: &str,
        inds: &[&Indicator],
    ) -> crate::output::goal_summary::Summary {
        crate::output::goal_summary::summary(goal, inds, &|i| {
            let ev = self.results.get(i.id())?;
            Some((
                ev.status(),
                ev.current.as_ref().and_then(|f| f.text.clone()),
            ))
        })
    }

    /// Ready or optional indicators of the selection that could not be
    /// computed: id and reason.
    pub(crate) fn failures(&self) -> Vec<(&str, &str)> {
        self.selected
            .iter()
            .filter_map(|i| {
                self.results
                    .get(i.id())
                    .and_then(|e| e.error.as_deref())
                    .map(|e| (i.id(), e))
            })
            .collect()
    }
}

/// Whether a period label ends by the `--period` cut (always without one).
pub(crate) fn label_within(period: &str, cut: Option<i64>) -> bool {
    cut.is_none_or(|c| Period::parse(period).is_some_and(|p| p.end_index() <= c))
}
