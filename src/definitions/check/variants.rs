//! Population-weighted variants (seed 001: "antall innbyggere som bor i
//! kommuner som tilbyr …" rather than the number of municipalities). A
//! variant names the indicators it weights in `population-variant-of`; it
//! must be a weighted `share_of_units`, and every indicator that counts
//! municipalities should have one (`no-population-variant`).

use std::collections::BTreeSet;

use crate::definitions::measure::Kind;
use crate::definitions::model::{Bound, Indicator, Source};
use crate::definitions::{Role, field_location};
use crate::diagnostic::Diagnostic;

/// Checks the links both ways; `defined` are the ids of every indicator
/// file, also those with errors of their own (no second error for them).
pub(super) fn check(
    indicators: &[Indicator],
    defined: &BTreeSet<String>,
    claimed: &BTreeSet<String>,
    sources: &[Source],
    out: &mut Vec<Diagnostic>,
) {
    let mut weighted: BTreeSet<&str> = BTreeSet::new();
    for ind in indicators
        .iter()
        .filter(|i| !i.population_variant_of.is_empty())
    {
        let at = || field_location(&ind.path, "population-variant-of");
        if ind.measure.as_ref().and_then(|m| m.weight_by()).is_none() {
            out.push(Diagnostic::error(
                "variant-not-weighted",
                at(),
                "population-variant-of",
                "a population-weighted variant must be a `share_of_units` measure with `weight-by`"
                    .to_string(),
            ));
        }
        for target in &ind.population_variant_of {
            match indicators.iter().find(|i| i.id() == target) {
                Some(t) if counts_municipalities(t, sources) => {
                    weighted.insert(target.as_str());
                }
                Some(_) => out.push(Diagnostic::error(
                    "variant-of-non-municipal",
                    at(),
                    "population-variant-of",
                    format!("`{target}` does not count municipalities, so it has no population-weighted variant"),
                )),
                None if defined.contains(target) => {}
                None => out.push(Diagnostic::error(
                    "unknown-indicator",
                    at(),
                    "population-variant-of",
                    format!("there is no indicator `{target}`"),
                )),
            }
        }
    }
    for ind in indicators {
        // `claimed`: a variant with errors of its own still names it.
        if ind.example
            || weighted.contains(ind.id())
            || claimed.contains(ind.id())
            || !counts_municipalities(ind, sources)
        {
            continue;
        }
        out.push(Diagnostic::warning(
            "no-population-variant",
            field_location(&ind.path, "measure"),
            "measure",
            format!(
                "`{}` counts municipalities but no indicator is its population-weighted variant \
                 (`population-variant-of`); seed 001 asks for the number of inhabitants as well",
                ind.id()
            ),
        ));
    }
}

/// Whether the figure is a number or unweighted share of municipalities: a
/// distinct count of a municipality column, an unweighted `share_of_units`,
/// or a reported count bounded by the number of municipalities.
fn counts_municipalities(ind: &Indicator, sources: &[Source]) -> bool {
    let Some(m) = ind.measure.as_ref() else {
        return false;
    };
    match &m.kind {
        Kind::Count {
            distinct: Some(c), ..
        } => ind
            .source_of(m)
            .and_then(|s| sources.iter().find(|x| x.id == s))
            .and_then(|s| s.column(c))
            .is_some_and(|col| col.role == Some(Role::Municipality)),
        Kind::ShareOfUnits { weight_by, .. } => weight_by.is_none(),
        Kind::Reported { .. } => matches!(ind.plausible.max, Some(Bound::Municipalities)),
        _ => false,
    }
}
