//! The dashboard's vocabulary: status badges and counts as the templates
//! draw them, and the words for the catalogue's classifications (level,
//! type, readiness, frequency, unit, milestone, breakdown) from [`crate::lang`].

use std::collections::BTreeMap;

use serde::Serialize;

use crate::assessment::Status;
use crate::lang::{Lang, Word};
pub(super) use crate::output::text::{level_short, status_label, type_text};

/// A status as symbol plus text, coloured by class (`macros.html`).
#[derive(Debug, Clone, Serialize)]
pub(super) struct Badge {
    /// The status key (`on-track`), for the class.
    class: &'static str,
    /// The symbol shown before the words.
    sym: &'static str,
    /// The status words with any qualifier.
    text: String,
}

/// A badge for `status`, with `extra` after the words.
pub(super) fn badge(status: Status, lang: Lang, extra: &str) -> Badge {
    Badge {
        class: status.as_str(),
        sym: symbol(status),
        text: format!("{}{extra}", status_label(status, lang)),
    }
}

/// The badge of a goal's overall status, which only the analyst sets.
pub(super) fn badge_not_set(lang: Lang) -> Badge {
    Badge {
        class: "not-set",
        sym: "○",
        text: Word::NotSet.text(lang).to_string(),
    }
}

/// Counts per status with a proportional bar (`macros.html`, `counts`).
#[derive(Debug, Serialize)]
pub(super) struct Counts {
    /// Bar segments: status class and width in percent.
    bars: Vec<Bar>,
    /// One badge and count per status present.
    items: Vec<Count>,
}

/// A segment of the counts bar.
#[derive(Debug, Serialize)]
struct Bar {
    class: &'static str,
    width: String,
}

/// A status and how many indicators have it.
#[derive(Debug, Serialize)]
struct Count {
    badge: Badge,
    n: usize,
}

/// Counts per status, best first.
pub(super) fn counts(statuses: &[Status], lang: Lang) -> Counts {
    let mut m: BTreeMap<Status, usize> = BTreeMap::new();
    for s in statuses {
        *m.entry(*s).or_insert(0) += 1;
    }
    let total = statuses.len().max(1);
    Counts {
        bars: m
            .iter()
            .map(|(st, n)| Bar {
                class: st.as_str(),
                width: format!("{:.2}", *n as f64 * 100.0 / total as f64),
            })
            .collect(),
        items: m
            .iter()
            .map(|(st, n)| Count {
                badge: badge(*st, lang, ""),
                n: *n,
            })
            .collect(),
    }
}

/// The symbol shown before a status text (a supplement to the words).
pub(super) fn symbol(status: Status) -> &'static str {
    match status {
        Status::Achieved => "✔",
        Status::OnTrack => "●",
        Status::Moderate => "◐",
        Status::Limited => "○",
        Status::Deterioration => "✖",
        Status::NoAmbition => "–",
        Status::InsufficientData => "?",
    }
}

/// What a status means, for the legend.
pub(super) fn meaning(status: Status) -> Word {
    match status {
        Status::Achieved => Word::MeaningAchieved,
        Status::OnTrack => Word::MeaningOnTrack,
        Status::Moderate => Word::MeaningModerate,
        Status::Limited => Word::MeaningLimited,
        Status::Deterioration => Word::MeaningDeterioration,
        Status::NoAmbition => Word::MeaningNoAmbition,
        Status::InsufficientData => Word::MeaningInsufficientData,
    }
}

pub(super) use crate::output::text::{
    breakdown_title, frequency_text, level_text, readiness_text, unit_text,
};
