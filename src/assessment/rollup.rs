//! Roll-up of statuses for composite indicators and goals.

use super::{Rollup, Status};

/// Combines statuses of components (indicators of a goal, parts of a
/// composite).
///
/// No-ambition and insufficient-data are ignored. If nothing is left, the
/// result is no-ambition when any component has no ambition, else
/// insufficient-data. [`Rollup::Worst`] takes the lowest score;
/// [`Rollup::MeanScore`] takes the mean score rounded half up
/// (⌊mean + ½⌋, computed in integers) and maps it back to a category.
pub(crate) fn rollup(statuses: &[Status], how: Rollup) -> Status {
    let scores: Vec<u32> = statuses.iter().filter_map(|s| s.int_score()).collect();
    if scores.is_empty() {
        return if statuses.contains(&Status::NoAmbition) {
            Status::NoAmbition
        } else {
            Status::InsufficientData
        };
    }
    match how {
        Rollup::Worst => Status::from_int_score(scores.iter().copied().min().unwrap_or(0)),
        Rollup::MeanScore => {
            // round_half_up(sum / n) = ⌊(2·sum + n) / (2·n)⌋, exact in integers.
            let n = scores.len() as u64;
            let sum: u64 = scores.iter().map(|&s| u64::from(s)).sum();
            let rounded = (2 * sum + n) / (2 * n);
            Status::from_int_score(u32::try_from(rounded).unwrap_or(4))
        }
    }
}
