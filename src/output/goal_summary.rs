//! What a goal shows in place of one computed status: its strategic
//! indicators and its roadmap sub-goals, each counted once in its own goal,
//! with their statuses. Seed 002 gives a goal's overall status as the
//! analyst's judgement, so the tool sets none itself: the overall status is
//! the analyst's (the report's commentary file) or "not set".

use crate::assessment::Status;
use crate::definitions::{Indicator, Level, MeasureKind};
use crate::lang::{Lang, Word, fill};
use crate::output::text::{milestone_text, status_label};

/// An indicator's status and, for a roadmap sub-goal, its reported text.
pub(crate) type StatusOf<'a> = &'a dyn Fn(&Indicator) -> Option<(Status, Option<String>)>;

/// A goal's strategic indicators and roadmap sub-goals with their statuses.
pub(crate) struct Summary {
    /// Strategic indicators (not roadmap sub-goals) and their statuses.
    pub(crate) strategic: Vec<Status>,
    /// Roadmap sub-goals and their reported status (`in-progress`, …;
    /// `None` when none is reported).
    pub(crate) milestones: Vec<Option<String>>,
    /// False for the indicators placed under no goal: no goal, no summary.
    pub(crate) is_goal: bool,
}

/// The summary of `goal` over the indicators `inds` (of any goal: only
/// those of `goal` count), with each one's status and reported text from
/// `status`.
pub(crate) fn summary(goal: &str, inds: &[&Indicator], status: StatusOf<'_>) -> Summary {
    let mut out = Summary {
        strategic: Vec::new(),
        milestones: Vec::new(),
        is_goal: goal != crate::definitions::UNASSIGNED,
    };
    for ind in inds.iter().filter(|i| i.goal == goal) {
        let Some((st, text)) = status(ind) else {
            continue;
        };
        if ind.measure_kind() == Some(MeasureKind::Milestone) {
            out.milestones.push(text);
        } else if ind.level == Level::Strategic {
            out.strategic.push(st);
        }
    }
    out
}

impl Summary {
    /// The strategic indicators per status, in words (`I rute 1, …`), or
    /// `None` when the goal has none.
    pub(crate) fn strategic_counts(&self, lang: Lang) -> Option<String> {
        let parts: Vec<String> = Status::ALL
            .iter()
            .filter_map(|s| {
                let n = self.strategic.iter().filter(|x| *x == s).count();
                (n > 0).then(|| format!("{} {n}", status_label(*s, lang)))
            })
            .collect();
        (!parts.is_empty()).then(|| parts.join(", "))
    }

    /// The roadmap sub-goals per reported status, in words, or `None`.
    pub(crate) fn milestone_counts(&self, lang: Lang) -> Option<String> {
        let mut counts: Vec<(String, usize)> = Vec::new();
        for m in &self.milestones {
            let word = m.as_deref().map_or_else(
                || Word::NotReported.text(lang).to_string(),
                |t| milestone_text(t, lang),
            );
            match counts.iter_mut().find(|(w, _)| *w == word) {
                Some((_, n)) => *n += 1,
                None => counts.push((word, 1)),
            }
        }
        (!counts.is_empty()).then(|| {
            counts
                .iter()
                .map(|(w, n)| format!("{w} {n}"))
                .collect::<Vec<_>>()
                .join(", ")
        })
    }

    /// The lines under a goal: strategic indicators, roadmap sub-goals and
    /// the overall status (`overall`: the analyst's words, else not set).
    pub(crate) fn lines(&self, overall: Option<&str>, lang: Lang) -> Vec<String> {
        let mut out = Vec::new();
        if !self.is_goal {
            return out;
        }
        if let Some(c) = self.strategic_counts(lang) {
            out.push(fill(lang, Word::GoalStrategicCounts, &[&c]));
        }
        if let Some(c) = self.milestone_counts(lang) {
            out.push(fill(lang, Word::GoalMilestoneCounts, &[&c]));
        }
        out.push(match overall {
            Some(text) => fill(lang, Word::GoalOverallAnalyst, &[text]),
            None => Word::GoalOverallNotSet.text(lang).to_string(),
        });
        out
    }
}
