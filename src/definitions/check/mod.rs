//! The checker: strict serde parsing (unknown fields and wrong types are
//! errors with serde's position), then semantic checks per concern with
//! positions from [`Locator`]. This file holds the entry point ([`check`]):
//! duplicate ids, the order sources and indicators are checked and sorted in,
//! and the per-file context [`Ctx`] every check reports through.

mod ambition;
mod composite;
mod enrich;
mod indicator;
mod measure;
mod plausible;
mod seed_items;
mod source;
mod sql;
mod variants;
mod yaml;

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use super::Catalogue;
use super::locate::Locator;
use super::model::{GOALS, Indicator, Source};
use super::raw::{RawIndicator, RawSource};
use super::seed_items::RawSeedItems;
use super::structure::Structure;
use crate::diagnostic::{Diagnostic, Location, Severity};
use yaml::parse;

/// A definition file's text.
pub(super) struct FileText {
    /// Where it was read from.
    pub(super) path: PathBuf,
    /// SHA-256 of its bytes.
    pub(super) sha256: String,
    /// Its text (lossy UTF-8).
    pub(super) text: String,
    /// Whether it lies under `sources/`.
    pub(super) is_source: bool,
    /// Whether it lies under `structure/` (a goal's result goals).
    pub(super) is_structure: bool,
}

/// Collects findings for one file.
struct Ctx<'a> {
    file: &'a FileText,
    loc: Locator,
    out: &'a mut Vec<Diagnostic>,
}

impl<'a> Ctx<'a> {
    fn new(file: &'a FileText, out: &'a mut Vec<Diagnostic>) -> Self {
        Self {
            file,
            loc: Locator::new(&file.text),
            out,
        }
    }

    fn at(&self, field: &str) -> Location {
        let (line, column) = self.loc.value(field);
        Location {
            file: self.file.path.clone(),
            line,
            column,
        }
    }

    fn error(&mut self, code: &'static str, field: &str, message: String) -> &mut Diagnostic {
        let d = Diagnostic::error(code, self.at(field), field, message);
        self.out.push(d);
        self.out.last_mut().expect("just pushed")
    }

    fn warning(&mut self, code: &'static str, field: &str, message: String) -> &mut Diagnostic {
        let d = Diagnostic::warning(code, self.at(field), field, message);
        self.out.push(d);
        self.out.last_mut().expect("just pushed")
    }

    /// Checks a string against an enum's spellings.
    fn enum_value<T>(
        &mut self,
        field: &str,
        value: &str,
        parse: fn(&str) -> Option<T>,
        all: &[&str],
    ) -> Option<T> {
        let parsed = parse(value);
        if parsed.is_none() {
            self.error(
                "bad-value",
                field,
                format!("`{value}` is not a valid {field}"),
            )
            .suggest(value, all.iter().copied())
            .help = Some(format!("expected one of: {}", all.join(", ")));
        }
        parsed
    }

    /// Whether an error was reported since the finding count was `before`.
    fn errors_since(&self, before: usize) -> bool {
        self.out[before..]
            .iter()
            .any(|d| d.severity == Severity::Error)
    }

    /// Warns when the id differs from the file name.
    fn check_file_name(&mut self, id: &str) {
        let stem = self
            .file
            .path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        if stem != id {
            self.warning(
                "id-file-mismatch",
                "id",
                format!("id `{id}` differs from the file name `{stem}`"),
            );
        }
    }
}

/// Checks every file and builds the catalogue.
pub(super) fn check(files: &[FileText]) -> Catalogue {
    let mut diagnostics = Vec::new();
    let mut raw_sources: Vec<(&FileText, RawSource)> = Vec::new();
    let mut raw_indicators: Vec<(&FileText, RawIndicator)> = Vec::new();
    let mut structures = Vec::new();
    let mut raw_seed_items: Vec<(&FileText, RawSeedItems)> = Vec::new();
    // Sources defined but with errors of their own.
    let mut broken_sources: BTreeSet<String> = BTreeSet::new();
    for file in files {
        if seed_items::is_seed_items(file) {
            if let Some(items) = parse::<RawSeedItems>(file, &mut diagnostics) {
                raw_seed_items.push((file, items));
            }
        } else if file.is_structure {
            if let Some(st) = parse_structure(file, &mut diagnostics) {
                structures.push(st);
            }
        } else if file.is_source {
            if let Some(s) = parse::<RawSource>(file, &mut diagnostics) {
                raw_sources.push((file, s));
            } else if let Some(stem) = file.path.file_stem() {
                // Named by its file (which must match its id).
                broken_sources.insert(stem.to_string_lossy().into_owned());
            }
        } else if let Some(i) = parse::<RawIndicator>(file, &mut diagnostics) {
            raw_indicators.push((file, i));
        }
    }
    // Sources first: indicators refer to them.
    broken_sources.extend(raw_sources.iter().map(|(_, r)| r.id.clone()));
    let sources = check_sources(raw_sources, &mut diagnostics);
    for s in &sources {
        broken_sources.remove(s.id());
    }
    let indicator_ids: BTreeSet<String> =
        raw_indicators.iter().map(|(_, r)| r.id.clone()).collect();
    // Indicators some definition names as weighted, even one with errors.
    let claimed: BTreeSet<String> = raw_indicators
        .iter()
        .flat_map(|(_, r)| r.population_variant_of.iter().cloned())
        .collect();
    let mut indicators = check_indicators(raw_indicators, &sources, &mut diagnostics);
    composite::check_cycles(&indicators, files, &mut diagnostics);
    check_result_goal_links(&indicators, &structures, &mut diagnostics);
    variants::check(
        &indicators,
        &indicator_ids,
        &claimed,
        &sources,
        &mut diagnostics,
    );
    let has_seed_items = !raw_seed_items.is_empty();
    let mut seed_items = Vec::new();
    for (file, raw) in raw_seed_items {
        seed_items.extend(seed_items::check(
            file,
            raw,
            &indicator_ids,
            &mut diagnostics,
        ));
    }
    if has_seed_items {
        seed_items::unnamed_indicators(&indicators, &seed_items, &mut diagnostics);
    }
    drop_cascades(&mut diagnostics, &broken_sources);
    let goal_rank = |g: &str| GOALS.iter().position(|(c, _, _)| *c == g).unwrap_or(99);
    indicators.sort_by(|a, b| (goal_rank(&a.goal), a.id()).cmp(&(goal_rank(&b.goal), b.id())));
    Catalogue {
        root: PathBuf::new(),
        indicators,
        sources,
        structures,
        seed_items,
        diagnostics,
    }
}

/// A goal's result goals, with a finding per problem in its areas.
fn parse_structure(file: &FileText, out: &mut Vec<Diagnostic>) -> Option<Structure> {
    let st = parse::<Structure>(file, out)?;
    for problem in st.problems() {
        out.push(Diagnostic::error(
            "bad-value",
            Location {
                file: file.path.clone(),
                line: 0,
                column: 0,
            },
            "areas",
            problem,
        ));
    }
    Some(st)
}

/// A source with errors of its own is left out of the catalogue; the
/// definitions that use it would each add a false "not defined": those
/// findings go (the source's own errors say what to fix).
fn drop_cascades(diagnostics: &mut Vec<Diagnostic>, broken: &BTreeSet<String>) {
    diagnostics.retain(|d| {
        d.code != "unknown-source"
            || !broken
                .iter()
                .any(|b| d.message == format!("source `{b}` is not defined under sources/"))
    });
}

/// `result-goals` of an indicator must name result goals of its goal's
/// structure (`unknown-result-goal`).
fn check_result_goal_links(
    indicators: &[crate::definitions::Indicator],
    structures: &[Structure],
    out: &mut Vec<Diagnostic>,
) {
    for ind in indicators {
        if ind.result_goals.is_empty() {
            continue;
        }
        let structure = structures.iter().find(|s| {
            crate::definitions::normalise_goal(&s.goal).as_deref() == Some(ind.goal.as_str())
        });
        for n in &ind.result_goals {
            if structure.is_some_and(|s| s.result_goals().any(|g| g.number == *n)) {
                continue;
            }
            out.push(Diagnostic::error(
                "unknown-result-goal",
                crate::definitions::field_location(&ind.path, "result-goals"),
                "result-goals",
                format!(
                    "goal {} has no result goal {n} (`structure/` holds the goals' result goals)",
                    ind.goal
                ),
            ));
        }
    }
}

/// Whether `id` is defined here for the first time (remembering where);
/// a repeated id is reported at the second definition.
fn first_definition(
    ctx: &mut Ctx<'_>,
    seen: &mut BTreeMap<String, PathBuf>,
    what: &str,
    id: &str,
) -> bool {
    if let Some(first) = seen.get(id) {
        ctx.error(
            "duplicate-id",
            "id",
            format!("{what} id `{id}` is already defined in {}", first.display()),
        );
        return false;
    }
    seen.insert(id.to_string(), ctx.file.path.clone());
    true
}

/// Checks the sources in file order (a repeated id is reported and skipped);
/// returns those without errors, sorted by id.
fn check_sources(raw: Vec<(&FileText, RawSource)>, out: &mut Vec<Diagnostic>) -> Vec<Source> {
    let mut sources: Vec<Source> = Vec::new();
    let mut enrich = Vec::new();
    let mut seen: BTreeMap<String, PathBuf> = BTreeMap::new();
    for (file, raw) in raw {
        let mut ctx = Ctx::new(file, out);
        if !first_definition(&mut ctx, &mut seen, "source", &raw.id) {
            continue;
        }
        let raw_enrich = raw.enrich.clone();
        if let Some(source) = source::check(&mut ctx, raw) {
            enrich.push((file, raw_enrich));
            sources.push(source);
        }
    }
    // `enrich` refers to other sources: checked once all are known.
    let resolved: Vec<_> = enrich
        .iter()
        .zip(&sources)
        .map(|((file, raw), source)| {
            let mut ctx = Ctx::new(file, out);
            enrich::check(&mut ctx, source, raw, &sources)
        })
        .collect();
    // A source whose `enrich` has errors is left out like any source with
    // errors (its indicators would miss the looked-up columns).
    let mut kept = Vec::with_capacity(sources.len());
    for ((source, e), (_, raw)) in sources.into_iter().zip(resolved).zip(&enrich) {
        if e.len() == raw.len() {
            kept.push(Source {
                enrich: e,
                ..source
            });
        }
    }
    let mut sources = kept;
    sources.sort_by(|a, b| a.id().cmp(b.id()));
    sources
}

/// Checks the indicators in file order (a repeated id is reported and
/// skipped); returns those without errors.
fn check_indicators(
    raw: Vec<(&FileText, RawIndicator)>,
    sources: &[Source],
    out: &mut Vec<Diagnostic>,
) -> Vec<Indicator> {
    let ids: BTreeSet<String> = raw.iter().map(|(_, r)| r.id.clone()).collect();
    let mut indicators: Vec<Indicator> = Vec::new();
    let mut seen: BTreeMap<String, PathBuf> = BTreeMap::new();
    for (file, raw) in raw {
        let mut ctx = Ctx::new(file, out);
        if !first_definition(&mut ctx, &mut seen, "indicator", &raw.id) {
            continue;
        }
        if let Some(ind) = indicator::check(&mut ctx, raw, sources, &ids) {
            indicators.push(ind);
        }
    }
    indicators
}

/// Whether `s` is a lower-case slug (a-z, 0-9, `-`, not starting with `-`).
fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !s.starts_with('-')
}
