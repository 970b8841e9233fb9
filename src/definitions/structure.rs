//! The structure a goal is broken into, as a seed gives it: seed 004 splits
//! goal 1 into main areas, citizen needs and numbered result goals
//! (`indicators/structure/*.yaml`). Indicators link to result goals with
//! `result-goals: [n, …]`; the coverage view lists every result goal with
//! its indicators, or none.

use serde::Deserialize;

use super::raw::Names;

/// A goal's structure from one file.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub(crate) struct Structure {
    /// The goal (`1`).
    pub(crate) goal: String,
    /// The seed and section the structure comes from.
    pub(crate) reference: String,
    /// Main areas, in the seed's order.
    pub(crate) areas: Vec<Area>,
}

/// A main area (hovedområde).
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub(crate) struct Area {
    /// Stable slug.
    pub(crate) id: String,
    /// Name as the seed gives it.
    pub(crate) name: Names,
    /// The area's statement, where the seed gives one.
    #[serde(default)]
    pub(crate) statement: Option<Names>,
    /// Citizen needs (innbyggers behov).
    pub(crate) needs: Vec<Need>,
}

/// A citizen need (innbyggers behov).
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub(crate) struct Need {
    /// Stable slug.
    pub(crate) id: String,
    /// The need as the seed words it.
    pub(crate) name: Names,
    /// Numbered result goals (delmål/resultatmål).
    #[serde(rename = "result-goals")]
    pub(crate) result_goals: Vec<ResultGoal>,
}

/// A numbered result goal.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub(crate) struct ResultGoal {
    /// The seed's number.
    pub(crate) number: u32,
    /// The result goal as the seed words it.
    pub(crate) name: Names,
}

impl Structure {
    /// Every result goal, in order.
    pub(crate) fn result_goals(&self) -> impl Iterator<Item = &ResultGoal> {
        self.areas
            .iter()
            .flat_map(|a| &a.needs)
            .flat_map(|n| &n.result_goals)
    }

    /// Problems with the structure itself: an unknown goal, a result goal
    /// number given twice.
    pub(crate) fn problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        if super::normalise_goal(&self.goal).is_none() {
            out.push(format!(
                "`goal: {}` is not a goal of the strategy",
                self.goal
            ));
        }
        let mut seen = std::collections::BTreeSet::new();
        for g in self.result_goals() {
            if !seen.insert(g.number) {
                out.push(format!("result goal {} is given twice", g.number));
            }
        }
        out
    }
}
