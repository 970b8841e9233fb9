//! Composite indicators must not contain themselves, directly or through
//! other composites.

use std::collections::{BTreeMap, BTreeSet};

use super::FileText;
use crate::definitions::file_location;
use crate::definitions::locate::Locator;
use crate::definitions::model::Indicator;
use crate::diagnostic::{Diagnostic, Location};

/// Each composite on a cycle gets a finding at its `measure.components`.
pub(super) fn check_cycles(
    indicators: &[Indicator],
    files: &[FileText],
    out: &mut Vec<Diagnostic>,
) {
    let children: BTreeMap<&str, Vec<&str>> = indicators
        .iter()
        .map(|i| {
            let comps = i
                .measure
                .as_ref()
                .map(|m| m.components().iter().map(String::as_str).collect())
                .unwrap_or_default();
            (i.id(), comps)
        })
        .collect();
    for ind in indicators {
        let mut stack: Vec<&str> = children.get(ind.id()).cloned().unwrap_or_default();
        let mut seen = BTreeSet::new();
        while let Some(c) = stack.pop() {
            if c == ind.id() {
                out.push(Diagnostic::error(
                    "composite-cycle",
                    components_location(ind, files),
                    "measure.components",
                    format!(
                        "composite `{}` contains itself through its components",
                        ind.id()
                    ),
                ));
                break;
            }
            if seen.insert(c) {
                stack.extend(children.get(c).cloned().unwrap_or_default());
            }
        }
    }
}

/// Where an indicator's `measure.components` is written.
fn components_location(ind: &Indicator, files: &[FileText]) -> Location {
    files.iter().find(|f| f.path == ind.path).map_or_else(
        || file_location(&ind.path),
        |f| {
            let (line, column) = Locator::new(&f.text).value("measure.components");
            Location {
                file: f.path.clone(),
                line,
                column,
            }
        },
    )
}
