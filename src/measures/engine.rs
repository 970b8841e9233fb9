//! The engine: opens each source once (writing its parsed-extract cache
//! where due), plans indicators (no side effects) and collects the plans of
//! many indicators together.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, anyhow, bail};
use polars::prelude::*;

use super::{Computed, SourceFile, figures, plan, quality};
use crate::definitions::Measure;
use crate::definitions::{Catalogue, Granularity, Indicator, MeasureKind, Readiness, Source};
use crate::geography::SplitPolicy;
use crate::sources::{self, CacheWrite, Opened};

/// Computes indicators against a data folder, opening each source once.
pub(crate) struct Engine<'a> {
    catalogue: &'a Catalogue,
    data_dir: PathBuf,
    opened: BTreeMap<String, Opened<'a>>,
    suppress_below: u64,
    split_policy: SplitPolicy,
    /// Any unreadable cell or excluded row fails the indicator.
    strict: bool,
}

impl<'a> Engine<'a> {
    /// A new engine. Breakdown cells with fewer than `suppress_below` units
    /// are suppressed; municipalities split before the latest structure are
    /// mapped by `split_policy`.
    pub(crate) fn new(
        catalogue: &'a Catalogue,
        data_dir: &Path,
        suppress_below: u64,
        split_policy: SplitPolicy,
    ) -> Self {
        Self {
            catalogue,
            data_dir: data_dir.to_path_buf(),
            opened: BTreeMap::new(),
            suppress_below,
            split_policy,
            strict: false,
        }
    }

    /// Makes any unreadable cell or excluded row fail its indicator.
    pub(crate) fn strict(mut self, strict: bool) -> Self {
        self.strict = strict;
        self
    }

    /// Opens a source (once).
    ///
    /// # Errors
    /// Unknown source, missing files or columns.
    pub(crate) fn open(&mut self, id: &str) -> Result<&Opened<'a>> {
        if !self.opened.contains_key(id) {
            let source: &'a Source = self
                .catalogue
                .source(id)
                .ok_or_else(|| anyhow!("source `{id}` is not defined"))?;
            let opened = sources::open(source, &self.data_dir)?;
            sources::check_rejected_orgnr(&opened)?;
            self.opened.insert(id.to_string(), opened);
        }
        self.opened
            .get(id)
            .ok_or_else(|| anyhow!("source `{id}` could not be opened"))
    }

    /// Builds the lazy plans of one indicator: one per breakdown (national
    /// first), reading each source through the same scan.
    ///
    /// # Errors
    /// When the indicator has no measure or is planned, a source cannot be
    /// opened, or the measure cannot be planned.
    pub(crate) fn plan(&mut self, ind: &Indicator, breakdowns: &[String]) -> Result<Planned> {
        let Some(measure) = &ind.measure else {
            bail!(
                "`{}` has no measure (readiness: {})",
                ind.id(),
                ind.readiness.as_str()
            );
        };
        if ind.readiness == Readiness::Planned {
            bail!("`{}` is planned; there is nothing to compute yet", ind.id());
        }
        let kind = measure.measure_kind();
        if kind == MeasureKind::Composite {
            bail!("composite indicators are computed from their components");
        }
        let source_ids = source_ids(ind, measure);
        for id in &source_ids {
            self.open(id)
                .with_context(|| format!("computing `{}`", ind.id()))?;
        }
        let opened: BTreeMap<&str, &Opened<'a>> = self
            .opened
            .iter()
            .filter(|(k, _)| source_ids.contains(k))
            .map(|(k, v)| (k.as_str(), v))
            .collect();
        let wanted = wanted_breakdowns(ind, measure, breakdowns);
        let ctx = plan::Ctx {
            indicator: ind,
            opened: &opened,
            split_policy: self.split_policy,
        };
        let granularity = plan::granularity(&ctx, measure)?;
        let mut frames = Vec::new();
        for b in &wanted {
            let lf = plan::build(&ctx, measure, b)
                .with_context(|| format!("planning `{}`", ind.id()))?;
            frames.push((b.clone(), lf));
        }
        let notes = super::notes::plan_notes(&opened, &wanted, self.split_policy);
        let used = quality::used_columns(ind, measure, &opened, &wanted)?;
        let mut counting = Vec::new();
        for (id, cols) in used {
            if let Some(o) = opened.get(id.as_str()) {
                counting.push((id, quality::plan(o, &cols)?, cols));
            }
        }
        let complete_through = opened
            .values()
            .filter_map(|o| o.source.complete_through)
            .min();
        let as_of = snapshot_as_of(ind, &opened);
        let reported = (kind == MeasureKind::Reported)
            .then(|| {
                Some((
                    source_ids.first()?.clone(),
                    measure.column()?.to_string(),
                    measure.filter.clone(),
                ))
            })
            .flatten();
        Ok(Planned {
            reported,
            future_allowed: opened.values().any(|o| o.source.future_periods_allowed),
            as_of,
            complete_through,
            counting,
            indicator: ind.id().to_string(),
            granularity,
            frames,
            sources: opened.keys().map(|k| (*k).to_string()).collect(),
            definition: format!(
                "{} v{} sha256:{}",
                ind.path.display(),
                ind.version,
                ind.sha256
            ),
            notes,
        })
    }

    /// Collects planned indicators together, so a source that several of
    /// them read is scanned once (polars' common subplan elimination over
    /// one combined plan, streaming engine). When the combined run fails,
    /// each indicator is collected on its own, so an error belongs to the
    /// indicator that caused it. Results are in the order given.
    ///
    /// The parsed-extract cache entries due for the sources read are
    /// written in the same combined run (beside the plans, sharing their
    /// scan); planning itself never writes them.
    pub(crate) fn collect(&self, planned: Vec<Planned>) -> Vec<Result<Computed>> {
        let mut all: Vec<LazyFrame> = planned.iter().flat_map(Planned::plans).collect();
        let figures = all.len();
        let writes = self.cache_writes(&planned);
        all.extend(writes.iter().map(CacheWrite::plan));
        let combined = sources::collect_all(all);
        match &combined {
            Ok(_) => writes.into_iter().for_each(CacheWrite::finish),
            Err(e) => writes.into_iter().for_each(|w| w.abandon(e)),
        }
        match combined {
            Ok(mut dfs) => {
                dfs.truncate(figures);
                let mut out = Vec::with_capacity(planned.len());
                for p in planned {
                    let rest = dfs.split_off(p.plan_count().min(dfs.len()));
                    let mine = std::mem::replace(&mut dfs, rest);
                    out.push(self.finish(p, mine));
                }
                out
            }
            Err(_) if planned.len() > 1 => planned
                .into_iter()
                .map(|p| match sources::collect_all(p.plans()) {
                    Ok(dfs) => self.finish(p, dfs),
                    Err(e) => Err(self
                        .structure_error(&p)
                        .unwrap_or_else(|| collect_error(&p, e))),
                })
                .collect(),
            Err(e) => planned
                .into_iter()
                .map(|p| {
                    Err(self
                        .structure_error(&p)
                        .unwrap_or_else(|| collect_error(&p, e.clone())))
                })
                .collect(),
        }
    }

    /// The extract-cache writes due for the sources `planned` reads.
    fn cache_writes(&self, planned: &[Planned]) -> Vec<CacheWrite> {
        let mut ids: Vec<&String> = planned.iter().flat_map(|p| &p.sources).collect();
        ids.sort();
        ids.dedup();
        ids.into_iter()
            .filter_map(|id| self.opened.get(id))
            .flat_map(Opened::extract_cache_writes)
            .collect()
    }

    /// Turns the collected frames of one indicator into its figures, with
    /// the files read.
    fn finish(&self, mut p: Planned, mut dfs: Vec<DataFrame>) -> Result<Computed> {
        let counted = dfs.split_off(p.frames.len().min(dfs.len()));
        let mut q = quality::Quality::default();
        let counting = std::mem::take(&mut p.counting);
        for ((id, _, used), df) in counting.iter().zip(&counted) {
            if let Some(o) = self.opened.get(id) {
                quality::read(&mut q, o, used, df)?;
            }
        }
        let opened: BTreeMap<String, &Opened<'a>> =
            self.opened.iter().map(|(k, v)| (k.clone(), v)).collect();
        if let Some(cells) = quality::violation(&q, &opened, self.strict) {
            return Err(self.located(cells, self.strict));
        }
        if let Some(e) = self.structure_error(&p) {
            return Err(e);
        }
        if let Some(e) = self.duplicate_error(&p, &dfs) {
            return Err(e);
        }
        let mut files = Vec::new();
        for id in &p.sources {
            let Some(o) = self.opened.get(id) else {
                continue;
            };
            // The source's files, then those of the snapshots it is enriched from.
            let read = std::iter::once(o).chain(o.lookups.iter());
            for o in read {
                for f in &o.files {
                    files.push(SourceFile {
                        source: o.source.id().to_string(),
                        path: f.path.clone(),
                        sha256: f.sha256(),
                    });
                }
            }
        }
        let mut computed = figures::finish(p, &dfs, self.suppress_below, files, q)?;
        if let Some(ind) = self.catalogue.indicator(&computed.indicator) {
            super::plausible::flag(&mut computed.figures, ind);
        }
        Ok(computed)
    }
}

impl Engine<'_> {
    /// The first structural problem (unclosed quote, ragged row, NUL byte,
    /// invalid UTF-8) of a file the indicator reads: no figure is computed
    /// from such a file, and the error says where, without its cells.
    fn structure_error(&self, p: &Planned) -> Option<anyhow::Error> {
        for id in &p.sources {
            let o = self.opened.get(id)?;
            for o in std::iter::once(o).chain(o.lookups.iter()) {
                for f in &o.files {
                    let Some(problem) = f.structure() else {
                        continue;
                    };
                    let more = if problem.count > 1 {
                        format!(" ({} rows like it in the file)", problem.count)
                    } else {
                        String::new()
                    };
                    return Some(anyhow!(
                        "{}:{}: {}{more}; the file cannot be read as a table without \
                         losing or shifting rows, so no figure is computed from it",
                        f.path.display(),
                        problem.line,
                        problem.what
                    ));
                }
            }
        }
        None
    }

    /// A reported figure read from rows that repeat one another (a copied
    /// row would double it): refused, at the file and line of the copy.
    fn duplicate_error(&self, p: &Planned, dfs: &[DataFrame]) -> Option<anyhow::Error> {
        let (source, value, filter) = p.reported.as_ref()?;
        let count: u64 = dfs
            .iter()
            .filter_map(|df| {
                df.column(plan::DUPS)
                    .ok()?
                    .as_materialized_series()
                    .sum()
                    .ok()
            })
            .max()?;
        if count == 0 {
            return None;
        }
        let o = self.opened.get(source)?;
        let place = match sources::first_duplicate(o, value, filter.as_deref()) {
            Ok(Some((path, first, copy, _))) if first > 0 => format!(
                "{}:{copy}: the row has the same cells as line {first}",
                path.display()
            ),
            Ok(Some((path, _, copy, _))) => format!(
                "{}:{copy}: the row has the same cells as a row of another file",
                path.display()
            ),
            _ => format!("source `{source}`: rows have the same cells"),
        };
        Some(anyhow!(
            "{place} in every column but `{value}`; {count} such row(s) would add to the \
             figure a second time, so no figure is given: remove the repeated rows"
        ))
    }

    /// The error of an indicator whose unreadable cells passed the
    /// threshold: where the first one is, what was expected, and the rule.
    fn located(&self, cells: &quality::Cells, strict: bool) -> anyhow::Error {
        let Some(o) = self.opened.get(&cells.source) else {
            return anyhow!("source `{}` is not open", cells.source);
        };
        let total: u64 = cells.count;
        let place = match sources::first_unreadable(o, &cells.column) {
            Ok(Some((path, line, value))) => {
                let position = o
                    .files
                    .iter()
                    .find(|f| f.path == path)
                    .and_then(|f| f.dialect.header.iter().position(|h| *h == cells.column))
                    .map_or_else(String::new, |i| format!("column {} ", i + 1));
                let value = value.map_or_else(String::new, |v| format!(" (the cell holds «{v}»)"));
                format!(
                    "first at {}, line {line}, {position}`{}`{value}",
                    path.display(),
                    cells.column
                )
            }
            _ => format!("in {}, column `{}`", cells.file.display(), cells.column),
        };
        let rule = if strict {
            "--strict makes any unreadable cell or excluded row an error".to_string()
        } else {
            format!(
                "a key column may have at most {} unreadable cell(s) (`max-unreadable-keys` in {})",
                o.source.max_unreadable_keys.label(),
                o.source.path.display()
            )
        };
        anyhow!(
            "{total} cell(s) of `{}` in {} cannot be read as {}: {place}. The figure would leave these rows out, so it is not given; {rule}. See `ehelse sources --source {}`",
            cells.column,
            cells.file.display(),
            cells.expected,
            cells.source
        )
    }
}

/// An indicator's plans, ready to be collected with others.
pub(crate) struct Planned {
    pub(super) indicator: String,
    pub(super) granularity: Granularity,
    /// One plan per breakdown (`""` = national first).
    pub(super) frames: Vec<(String, LazyFrame)>,
    /// Per source read: the plan counting unreadable cells and the columns
    /// it counts.
    pub(super) counting: Vec<(String, LazyFrame, quality::Used)>,
    /// The earliest `complete-through` of the sources read.
    pub(super) complete_through: Option<crate::period::Period>,
    /// The as-of date when every source read is a snapshot.
    pub(super) as_of: Option<crate::period::Period>,
    /// A source read expects periods after today (`future-periods: allowed`).
    pub(super) future_allowed: bool,
    /// Ids of the sources read.
    pub(super) sources: Vec<String>,
    /// A reported measure: its source, value column and filter, to locate
    /// rows that repeat one another.
    pub(super) reported: Option<(String, String, Option<String>)>,
    pub(super) definition: String,
    pub(super) notes: Vec<String>,
}

impl Planned {
    /// Every plan to collect: the figures, then the counts.
    fn plans(&self) -> Vec<LazyFrame> {
        self.frames
            .iter()
            .map(|(_, lf)| lf.clone())
            .chain(self.counting.iter().map(|(_, lf, _)| lf.clone()))
            .collect()
    }

    /// How many frames [`Planned::plans`] gives.
    fn plan_count(&self) -> usize {
        self.frames.len() + self.counting.len()
    }

    /// The indicator id.
    pub(crate) fn indicator(&self) -> &str {
        &self.indicator
    }
}

fn collect_error(p: &Planned, e: PolarsError) -> anyhow::Error {
    anyhow::Error::from(e).context(format!("computing `{}`", p.indicator))
}

/// The sources an indicator's measure reads, in order, each once.
fn source_ids(ind: &Indicator, measure: &Measure) -> Vec<String> {
    let mut source_ids: Vec<String> = Vec::new();
    let mut add = |id: Option<String>| {
        if let Some(id) = id
            && !source_ids.contains(&id)
        {
            source_ids.push(id);
        }
    };
    add(ind.source_of(measure));
    if let Some(n) = measure.numerator() {
        add(ind.source_of(n));
    }
    if let Some(d) = measure.denominator() {
        add(ind.source_of(d));
    }
    add(measure.weight_by().map(str::to_string));
    source_ids
}

/// The breakdowns to plan: national (`""`) first, then those asked for
/// that the indicator allows, the answer of a multi-select question, and
/// the breakdown of a per-region ambition.
fn wanted_breakdowns(ind: &Indicator, measure: &Measure, breakdowns: &[String]) -> Vec<String> {
    let mut wanted: Vec<String> = vec![String::new()];
    for b in breakdowns {
        if ind.breakdowns.contains(b) && !wanted.contains(b) {
            wanted.push(b.clone());
        }
    }
    // A multi-select question reports one share per option.
    if measure.per_option()
        && let Some(a) = measure.answer()
        && !wanted.iter().any(|w| w == a)
    {
        wanted.push(a.to_string());
    }
    // A per-region ambition needs the regional figures.
    if let crate::definitions::AmbitionDef::Target { per: Some(p), .. } = &ind.ambition
        && !wanted.contains(p)
    {
        wanted.push(p.clone());
    }
    wanted
}

/// Figures over snapshots only describe the state on the as-of date: the
/// latest as-of date when every source the measure reads is a snapshot (a
/// population source that only weighs the units does not count).
fn snapshot_as_of(
    ind: &Indicator,
    opened: &BTreeMap<&str, &Opened<'_>>,
) -> Option<crate::period::Period> {
    let weight = ind.measure.as_ref().and_then(|m| m.weight_by());
    let measured: Vec<&&Opened<'_>> = opened
        .iter()
        .filter(|(id, _)| Some(**id) != weight)
        .map(|(_, o)| o)
        .collect();
    if measured.is_empty() || measured.iter().any(|o| o.source.snapshot.is_none()) {
        return None;
    }
    measured
        .iter()
        .filter_map(|o| o.source.snapshot.map(|s| s.as_of))
        .max()
}
