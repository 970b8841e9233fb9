//! `show`: one indicator or source definition in readable form.

use std::fmt::Write as _;

use crate::definitions::{Indicator, Source, goal_name};
use crate::output::Lang;

use super::text::ambition_text;

/// A readable description of an indicator; `variants` are its
/// population-weighted variants.
pub(crate) fn indicator(ind: &Indicator, variants: &[&str], lang: Lang) -> String {
    let en = lang == Lang::En;
    let d = ind;
    let mut s = String::new();
    let _ = writeln!(s, "{} — {}", d.id, ind.name(en));
    let _ = writeln!(
        s,
        "  goal:        {} {}",
        ind.goal,
        goal_name(&ind.goal, en).unwrap_or("")
    );
    let _ = writeln!(
        s,
        "  level/type:  {} / {}",
        ind.level.as_str(),
        ind.kind.as_str()
    );
    let _ = writeln!(s, "  readiness:   {}", ind.readiness.as_str());
    let _ = writeln!(s, "  unit:        {}", d.unit.as_str());
    let _ = writeln!(s, "  frequency:   {}", ind.frequency.as_str());
    let _ = writeln!(s, "  source:      {}", ind.source_ids().join(", "));
    if let Some(m) = &d.measure {
        let yaml = serde_yaml::to_string(m).unwrap_or_default();
        let _ = writeln!(s, "  measure:");
        for line in yaml
            .lines()
            .filter(|l| !l.ends_with(": null") && !l.ends_with(": []") && !l.ends_with(": false"))
        {
            let _ = writeln!(s, "    {line}");
        }
    }
    let _ = writeln!(s, "  ambition:    {}", ambition_text(ind, lang));
    if !d.breakdowns.is_empty() {
        let _ = writeln!(s, "  breakdowns:  {}", d.breakdowns.join(", "));
    }
    if let Some(desc) = &d.description {
        let _ = writeln!(
            s,
            "  description: {}",
            if en { &desc.en } else { &desc.nb }.trim()
        );
    }
    let weighted = if en {
        (
            "population-weighted variant:",
            "population-weighted variant of:",
        )
    } else {
        (
            "befolkningsvektet variant:",
            "befolkningsvektet variant av:",
        )
    };
    if !variants.is_empty() {
        let _ = writeln!(s, "  {} {}", weighted.0, variants.join(", "));
    }
    if !d.population_variant_of.is_empty() {
        let _ = writeln!(s, "  {} {}", weighted.1, d.population_variant_of.join(", "));
    }
    for c in &d.caveats {
        let _ = writeln!(s, "  caveat:      {c}");
    }
    let _ = writeln!(
        s,
        "  definition:  {} (version {}, sha256 {})",
        ind.path.display(),
        d.version,
        &ind.sha256[..12]
    );
    s
}

/// A readable description of a source.
pub(crate) fn source(src: &Source, lang: Lang) -> String {
    let en = lang == Lang::En;
    let mut s = String::new();
    let d = src;
    let _ = writeln!(s, "{} — {}", d.id, if en { &d.name.en } else { &d.name.nb });
    let _ = writeln!(s, "  publisher:   {}", d.publisher);
    let _ = writeln!(s, "  files:       {}", d.files);
    if let Some(snap) = &d.snapshot {
        let _ = writeln!(s, "  snapshot:    as of {}", snap.as_of.label());
    } else {
        let _ = writeln!(
            s,
            "  period:      {} ({})",
            d.period_column,
            d.granularity.as_str()
        );
    }
    for e in &d.enrich {
        let names: Vec<&str> = e.columns.iter().map(|c| c.name.as_str()).collect();
        let _ = writeln!(
            s,
            "  enrich:      {} from {} by {} = {}",
            names.join(", "),
            e.from.id(),
            e.on,
            e.from_on
        );
    }
    let _ = writeln!(s, "  definition:  {}", src.path.display());
    let _ = writeln!(s, "  columns:");
    for c in &d.columns {
        let _ = writeln!(
            s,
            "    {:<22} {:<13} {}",
            c.name,
            c.ty.as_str(),
            c.role.map_or("", crate::definitions::Role::as_str)
        );
    }
    s
}
