//! The notes a computed indicator carries about how its rows were read:
//! organisation numbers left out, municipality codes harmonised, columns
//! looked up in snapshot sources.

use std::collections::BTreeMap;

use super::{GEO_BREAKDOWNS, geo};
use crate::definitions::{ColumnType, Source};
use crate::geography::SplitPolicy;
use crate::sources::Opened;

/// How municipality codes were mapped for geographic breakdowns.
fn harmonisation_note(policy: SplitPolicy) -> String {
    let splits: Vec<String> = geo::split_codes()
        .into_iter()
        .map(|(code, name, parts)| format!("{code} {name} → {}", parts.join(" + ")))
        .collect();
    let how = match policy {
        SplitPolicy::Flag => {
            "kept apart as their own flagged group (--split-policy largest maps them to the larger part)"
        }
        SplitPolicy::Largest => "mapped to the larger part (--split-policy largest)",
    };
    format!(
        "municipality codes are harmonised onto the {} structure (SSB KLASS 131): renumberings and merges map exactly; split codes ({}) are {how}",
        geo::TARGET_YEAR,
        splits.join(", ")
    )
}

/// The notes every figure of the indicator carries.
pub(super) fn plan_notes(
    opened: &BTreeMap<&str, &Opened<'_>>,
    wanted: &[String],
    split_policy: SplitPolicy,
) -> Vec<String> {
    let mut notes = Vec::new();
    for (id, o) in opened {
        if o.source.columns.iter().any(|c| c.ty == ColumnType::Orgnr) {
            notes.push(format!(
                "{id}: rows with an empty organisation number or one failing MOD11 are excluded (see `ehelse sources --source {id}`)"
            ));
        }
    }
    for (id, o) in opened {
        notes.extend(enrich_notes(id, o.source));
    }
    if wanted.iter().any(|b| GEO_BREAKDOWNS.contains(&b.as_str())) {
        notes.push(harmonisation_note(split_policy));
    }
    notes.push("SSB symbols (. .. ... : *) are missing values; `-` is zero".to_string());
    notes
}

/// What `enrich` and `harmonise` did to a source's rows, as notes.
fn enrich_notes(id: &str, source: &Source) -> Vec<String> {
    let mut notes = Vec::new();
    for e in &source.enrich {
        let names: Vec<&str> = e.columns.iter().map(|c| c.name.as_str()).collect();
        let as_of = e
            .from
            .snapshot
            .map_or(String::new(), |s| format!(" as of {}", s.as_of.label()));
        notes.push(format!(
            "{id}: {} looked up in {}{as_of} by {}; rows whose key has no match are counted ({}) and fall in the unknown group (see `ehelse sources --source {id}`)",
            names.join(", "),
            e.from.id(),
            e.on,
            e.unmatched_column()
        ));
    }
    let harmonised: Vec<&str> = source
        .columns
        .iter()
        .chain(source.enrich.iter().flat_map(|e| e.columns.iter()))
        .filter(|c| c.harmonise.is_some())
        .map(|c| c.name.as_str())
        .collect();
    if !harmonised.is_empty() {
        notes.push(format!(
            "{id}: industry codes in {} are harmonised onto SN2025 (reference/naeringskoder_sn2007_sn2025.csv); the delivered code is in <column>_original, and codes the table lacks are kept and counted",
            harmonised.join(", ")
        ));
    }
    notes
}
