//! `show`: one indicator or source definition in readable form.

use std::fmt::Write as _;

use crate::definitions::{Indicator, Source, goal_name};
use crate::lang::{Word, fill};
use crate::output::Lang;

use super::text::{
    ambition_text, breakdown_title, frequency_text, level_text, measure_text, nb_only,
    readiness_text, type_text, unit_text,
};

/// A label and its value, the values aligned after the longest label.
struct Lines {
    out: String,
    lang: Lang,
}

impl Lines {
    /// The width labels are padded to (the longest label of `lang`).
    fn width(&self) -> usize {
        LABELS
            .iter()
            .map(|w| w.text(self.lang).chars().count())
            .max()
            .unwrap_or(0)
            + 2
    }

    fn line(&mut self, label: Word, value: &str) {
        let label = format!("{}:", label.text(self.lang));
        // A label longer than the others is followed by one space.
        let width = self.width().max(label.chars().count() + 1);
        let _ = writeln!(self.out, "  {label:<width$}{value}");
    }
}

/// Every label `show` writes, for the alignment.
const LABELS: &[Word] = &[
    Word::Goal,
    Word::LevelType,
    Word::Readiness,
    Word::Unit,
    Word::Frequency,
    Word::Source,
    Word::Measure,
    Word::Ambition,
    Word::Breakdowns,
    Word::Description,
    Word::CaveatOne,
    Word::Definition,
    Word::Publisher,
    Word::Files,
    Word::Snapshot,
    Word::Period,
    Word::Enrich,
    Word::Columns,
];

/// A readable description of an indicator; `variants` are its
/// population-weighted variants.
pub(crate) fn indicator(ind: &Indicator, variants: &[&str], lang: Lang) -> String {
    let en = lang == Lang::En;
    let d = ind;
    let mut l = Lines {
        out: format!("{} — {}\n", d.id, ind.name(en)),
        lang,
    };
    l.line(
        Word::Goal,
        &format!("{} {}", ind.goal, goal_name(&ind.goal, en).unwrap_or("")),
    );
    l.line(
        Word::LevelType,
        &format!(
            "{} / {}",
            level_text(ind.level).text(lang),
            type_text(ind.kind).text(lang)
        ),
    );
    l.line(Word::Readiness, readiness_text(ind.readiness).text(lang));
    l.line(Word::Unit, &unit_text(d.unit.as_str(), lang));
    l.line(Word::Frequency, frequency_text(ind.frequency).text(lang));
    l.line(Word::Source, &ind.source_ids().join(", "));
    if let Some(m) = &d.measure {
        // The definition's own words (its keys and SQL), as written.
        l.line(Word::Measure, measure_text(m.measure_kind()).text(lang));
        let yaml = serde_yaml::to_string(m).unwrap_or_default();
        for line in yaml
            .lines()
            .filter(|l| !l.ends_with(": null") && !l.ends_with(": []") && !l.ends_with(": false"))
        {
            let _ = writeln!(l.out, "    {line}");
        }
    }
    l.line(Word::Ambition, &ambition_text(ind, lang));
    if !d.breakdowns.is_empty() {
        let titles: Vec<String> = d
            .breakdowns
            .iter()
            .map(|b| breakdown_title(b, lang))
            .collect();
        l.line(Word::Breakdowns, &titles.join(", "));
    }
    if let Some(desc) = &d.description {
        l.line(
            Word::Description,
            if en { &desc.en } else { &desc.nb }.trim(),
        );
    }
    if !variants.is_empty() {
        l.line(Word::PopulationVariant, &variants.join(", "));
    }
    if !d.population_variant_of.is_empty() {
        l.line(
            Word::PopulationVariantOf,
            &d.population_variant_of.join(", "),
        );
    }
    for c in &d.caveats {
        l.line(Word::CaveatOne, &nb_only(c, lang));
    }
    l.line(
        Word::Definition,
        &format!(
            "{} ({})",
            ind.path.display(),
            fill(
                lang,
                Word::VersionSha,
                &[&d.version.to_string(), &ind.sha256[..12]]
            )
        ),
    );
    l.out
}

/// A readable description of a source.
pub(crate) fn source(src: &Source, lang: Lang) -> String {
    let en = lang == Lang::En;
    let d = src;
    let mut l = Lines {
        out: format!("{} — {}\n", d.id, if en { &d.name.en } else { &d.name.nb }),
        lang,
    };
    l.line(Word::Publisher, &d.publisher);
    l.line(Word::Files, &d.files);
    if let Some(snap) = &d.snapshot {
        l.line(
            Word::Snapshot,
            &fill(
                lang,
                Word::AsOf,
                &[&crate::output::prose(&snap.as_of.label(), lang)],
            ),
        );
    } else {
        let granularity = match d.granularity.as_str() {
            "year" => Word::Year,
            "quarter" => Word::TimeQuarter,
            "month" => Word::TimeMonth,
            _ => Word::TimeDay,
        };
        l.line(
            Word::Period,
            &format!(
                "{} ({})",
                d.period_column,
                granularity.text(lang).to_lowercase()
            ),
        );
    }
    for e in &d.enrich {
        let names: Vec<&str> = e.columns.iter().map(|c| c.name.as_str()).collect();
        let args = [
            names.join(", "),
            e.from.id().to_string(),
            e.on.clone(),
            e.from_on.clone(),
        ];
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        l.line(Word::Enrich, &fill(lang, Word::EnrichFrom, &args));
    }
    l.line(Word::Definition, &src.path.display().to_string());
    let mut s = l.out;
    let _ = writeln!(s, "  {}:", Word::Columns.text(lang));
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
