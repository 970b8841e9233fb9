//! The progress categories ([`Status`]) and the thresholds on the progress
//! ratio that separate them.

use serde::{Deserialize, Serialize};
use std::fmt;

/// Thresholds on the progress ratio: on-track, moderate, limited. A ratio
/// below the last is deterioration.
pub(crate) const THRESHOLDS: [f64; 3] = [0.95, 0.6, 0.0];

/// Progress category of an indicator (or of a roll-up).
///
/// The derived ordering is declaration order (best first, then the two
/// unscored categories); it is used for stable listing. Compare progress
/// with [`Status::score`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub(crate) enum Status {
    /// The current value meets the target.
    Achieved,
    /// Progress ratio ≥ 0.95.
    OnTrack,
    /// Progress ratio ≥ 0.6 and < 0.95: progress, but acceleration needed.
    Moderate,
    /// Progress ratio ≥ 0 and < 0.6 (no change at all is limited).
    Limited,
    /// Progress ratio < 0, or the baseline met the target and the current
    /// value no longer does.
    Deterioration,
    /// The indicator has no ambition; only the trend is shown.
    NoAmbition,
    /// Too few data to judge.
    InsufficientData,
}

impl Status {
    /// All statuses in declaration order.
    pub(crate) const ALL: [Status; 7] = [
        Status::Achieved,
        Status::OnTrack,
        Status::Moderate,
        Status::Limited,
        Status::Deterioration,
        Status::NoAmbition,
        Status::InsufficientData,
    ];

    /// `achieved`, `on-track`, `moderate`, `limited`, `deterioration`,
    /// `no-ambition`, `insufficient-data`.
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Self::Achieved => "achieved",
            Self::OnTrack => "on-track",
            Self::Moderate => "moderate",
            Self::Limited => "limited",
            Self::Deterioration => "deterioration",
            Self::NoAmbition => "no-ambition",
            Self::InsufficientData => "insufficient-data",
        }
    }

    /// Parses the [`Status::as_str`] form.
    #[cfg(test)]
    pub(crate) fn parse(s: &str) -> Option<Self> {
        let s = s.trim();
        Self::ALL.into_iter().find(|st| st.as_str() == s)
    }

    /// Score used by roll-ups: achieved 4, on-track 3, moderate 2, limited
    /// 1, deterioration 0; `None` for no-ambition and insufficient-data.
    #[cfg(test)]
    pub(crate) fn score(self) -> Option<f64> {
        self.int_score().map(f64::from)
    }

    pub(super) fn int_score(self) -> Option<u32> {
        match self {
            Self::Achieved => Some(4),
            Self::OnTrack => Some(3),
            Self::Moderate => Some(2),
            Self::Limited => Some(1),
            Self::Deterioration => Some(0),
            Self::NoAmbition | Self::InsufficientData => None,
        }
    }

    pub(super) fn from_int_score(score: u32) -> Self {
        match score {
            0 => Self::Deterioration,
            1 => Self::Limited,
            2 => Self::Moderate,
            3 => Self::OnTrack,
            _ => Self::Achieved,
        }
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}
