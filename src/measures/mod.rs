//! Measures: each indicator's definition compiled to one polars lazy plan
//! (scan → filter → group → join → aggregate), collected once with the
//! streaming engine, giving tidy [`Figure`] rows per period and breakdown.

mod geo;
mod plan;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, anyhow, bail};
use polars::prelude::*;
use serde::Serialize;

use crate::definitions::{
    Catalogue, ColumnType, Granularity, Indicator, MeasureKind, Readiness, Source,
};
use crate::geography::SplitPolicy;
use crate::period::Period;
use crate::sources::{self, Opened};

/// Breakdowns derived from municipality codes.
pub const GEO_BREAKDOWNS: [&str; 3] = ["region", "county", "municipality"];

/// One computed value: an indicator in a period, nationally or for one group
/// of a breakdown.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Figure {
    /// Period label (`2025`, `2025Q2`, `2025-06`).
    pub period: String,
    /// Breakdown name; empty for the national figure.
    pub breakdown: String,
    /// Group within the breakdown (e.g. `Helse Vest`); empty for national.
    pub group: String,
    /// The value in the indicator's unit; `None` when missing or suppressed.
    pub value: Option<f64>,
    /// Numerator (ratio, share) or the counted quantity.
    pub numerator: Option<f64>,
    /// Denominator (ratio, share).
    pub denominator: Option<f64>,
    /// Units behind the figure (rows, respondents, municipalities).
    pub n: Option<u64>,
    /// Lower end of the 95 % confidence interval (survey shares).
    pub ci_low: Option<f64>,
    /// Upper end of the 95 % confidence interval.
    pub ci_high: Option<f64>,
    /// The cell was below the suppression threshold; value withheld.
    pub suppressed: bool,
    /// Text value (milestone status).
    pub text: Option<String>,
}

/// A file behind a figure.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct SourceFile {
    /// Source id.
    pub source: String,
    /// File path.
    pub path: PathBuf,
    /// SHA-256 of the file.
    pub sha256: String,
}

/// The figures of one indicator, with where they came from.
#[derive(Debug, Clone, Serialize)]
pub struct Computed {
    /// Indicator id.
    pub indicator: String,
    /// Granularity of the periods.
    pub granularity: String,
    /// Figures sorted by breakdown, group and period.
    pub figures: Vec<Figure>,
    /// Files read.
    pub files: Vec<SourceFile>,
    /// Definition version and file hash.
    pub definition: String,
    /// Notes on rows left out and why.
    pub notes: Vec<String>,
}

impl Computed {
    /// National figures in period order.
    pub fn national(&self) -> Vec<&Figure> {
        self.figures
            .iter()
            .filter(|f| f.breakdown.is_empty())
            .collect()
    }

    /// Figures of one group of a breakdown, in period order.
    pub fn group(&self, breakdown: &str, group: &str) -> Vec<&Figure> {
        self.figures
            .iter()
            .filter(|f| f.breakdown == breakdown && f.group == group)
            .collect()
    }

    /// The granularity of the periods.
    pub fn period_granularity(&self) -> Granularity {
        Granularity::parse(&self.granularity).unwrap_or(Granularity::Year)
    }
}

/// Computes indicators against a data folder, opening each source once.
pub struct Engine<'a> {
    catalogue: &'a Catalogue,
    data_dir: PathBuf,
    opened: BTreeMap<String, Opened<'a>>,
    suppress_below: u64,
    split_policy: SplitPolicy,
}

impl<'a> Engine<'a> {
    /// A new engine. Breakdown cells with fewer than `suppress_below` units
    /// are suppressed; municipalities split before the latest structure are
    /// mapped by `split_policy`.
    pub fn new(
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
        }
    }

    /// Opens a source (once).
    ///
    /// # Errors
    /// Unknown source, missing files or columns.
    pub fn open(&mut self, id: &str) -> Result<&Opened<'a>> {
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

    /// Computes one indicator, nationally and for each of `breakdowns` it
    /// allows (see [`Engine::plan`] and [`Engine::collect`]).
    ///
    /// # Errors
    /// When the indicator has no measure, a source cannot be read, or polars fails.
    pub fn compute(&mut self, ind: &Indicator, breakdowns: &[String]) -> Result<Computed> {
        let planned = self.plan(ind, breakdowns)?;
        self.collect(vec![planned])
            .pop()
            .unwrap_or_else(|| Err(anyhow!("`{}` was not computed", ind.id())))
    }

    /// Builds the lazy plans of one indicator: one per breakdown (national
    /// first), reading each source through the same scan.
    ///
    /// # Errors
    /// When the indicator has no measure or is planned, a source cannot be
    /// opened, or the measure cannot be planned.
    pub fn plan(&mut self, ind: &Indicator, breakdowns: &[String]) -> Result<Planned> {
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
        let mut notes = Vec::new();
        for (id, o) in &opened {
            if o.source.columns.iter().any(|c| c.ty == ColumnType::Orgnr) {
                notes.push(format!(
                    "{id}: rows with an empty organisation number or one failing MOD11 are excluded (see `ehelse sources --source {id}`)"
                ));
            }
        }
        if wanted.iter().any(|b| GEO_BREAKDOWNS.contains(&b.as_str())) {
            notes.push(harmonisation_note(self.split_policy));
        }
        notes.push("SSB symbols (. .. ... : *) are missing values; `-` is zero".to_string());
        Ok(Planned {
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
    pub fn collect(&self, planned: Vec<Planned>) -> Vec<Result<Computed>> {
        let all: Vec<LazyFrame> = planned
            .iter()
            .flat_map(|p| p.frames.iter().map(|(_, lf)| lf.clone()))
            .collect();
        match sources::collect_all(all) {
            Ok(mut dfs) => {
                let mut out = Vec::with_capacity(planned.len());
                for p in planned {
                    let rest = dfs.split_off(p.frames.len().min(dfs.len()));
                    let mine = std::mem::replace(&mut dfs, rest);
                    out.push(self.finish(p, mine));
                }
                out
            }
            Err(_) if planned.len() > 1 => planned
                .into_iter()
                .map(|p| {
                    let frames = p.frames.iter().map(|(_, lf)| lf.clone()).collect();
                    match sources::collect_all(frames) {
                        Ok(dfs) => self.finish(p, dfs),
                        Err(e) => Err(collect_error(&p, e)),
                    }
                })
                .collect(),
            Err(e) => planned
                .into_iter()
                .map(|p| Err(collect_error(&p, e.clone())))
                .collect(),
        }
    }

    /// Turns the collected frames of one indicator into its figures.
    fn finish(&self, p: Planned, dfs: Vec<DataFrame>) -> Result<Computed> {
        let mut figures = Vec::new();
        let mut data_end: Option<i64> = None;
        for ((b, _), df) in p.frames.iter().zip(&dfs) {
            if let Ok(c) = df.column(plan::LAST)
                && let Some(max) = c.cast(&DataType::Int64)?.i64()?.max()
            {
                data_end = Some(data_end.map_or(max, |d| d.max(max)));
            }
            figures.extend(to_figures(df, b, p.granularity, self.suppress_below)?);
        }
        let mut notes = Vec::new();
        // A period the data do not cover to its end (2026 when the log ends
        // in June 2026) is left out rather than shown as a low value.
        if let Some(end) = data_end {
            let end_p = Period::from_key(Granularity::Month, end);
            let before = figures.len();
            figures.retain(|f| {
                Period::parse(&f.period)
                    .is_none_or(|p| (p.year, p.last_month()) <= (end_p.year, end_p.sub))
            });
            if figures.len() < before {
                notes.push(format!(
                    "periods that end after the data ({}) are incomplete and left out",
                    end_p.label()
                ));
            }
        }
        notes.extend(p.notes);
        figures.sort_by(|a, b| {
            (
                a.breakdown.as_str(),
                a.group.as_str(),
                Period::parse(&a.period),
            )
                .cmp(&(
                    b.breakdown.as_str(),
                    b.group.as_str(),
                    Period::parse(&b.period),
                ))
        });
        let mut files = Vec::new();
        for id in &p.sources {
            for f in self
                .opened
                .get(id)
                .map(|o| o.files.as_slice())
                .unwrap_or(&[])
            {
                files.push(SourceFile {
                    source: id.clone(),
                    path: f.path.clone(),
                    sha256: f.sha256(),
                });
            }
        }
        Ok(Computed {
            indicator: p.indicator,
            granularity: p.granularity.as_str().to_string(),
            figures,
            files,
            definition: p.definition,
            notes,
        })
    }
}

/// An indicator's plans, ready to be collected with others.
pub struct Planned {
    indicator: String,
    granularity: Granularity,
    /// One plan per breakdown (`""` = national first).
    frames: Vec<(String, LazyFrame)>,
    /// Ids of the sources read.
    sources: Vec<String>,
    definition: String,
    notes: Vec<String>,
}

impl Planned {
    /// The indicator id.
    pub fn indicator(&self) -> &str {
        &self.indicator
    }
}

fn collect_error(p: &Planned, e: PolarsError) -> anyhow::Error {
    anyhow::Error::from(e).context(format!("computing `{}`", p.indicator))
}

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

/// Turns a result frame (`_k`, `_g`, `value`, `num`, `den`, `n`, `ci_low`,
/// `ci_high`, `text`) into figures, suppressing small breakdown cells.
fn to_figures(
    df: &DataFrame,
    breakdown: &str,
    granularity: Granularity,
    suppress_below: u64,
) -> Result<Vec<Figure>> {
    let height = df.height();
    let f64_col = |name: &str| -> Result<Vec<Option<f64>>> {
        match df.column(name) {
            Ok(c) => Ok(c
                .cast(&DataType::Float64)?
                .f64()?
                .iter()
                .map(|v| v.filter(|x| x.is_finite()))
                .collect()),
            Err(_) => Ok(vec![None; height]),
        }
    };
    let keys: Vec<Option<i64>> = df
        .column(plan::KEY)?
        .cast(&DataType::Int64)?
        .i64()?
        .iter()
        .collect();
    let groups: Vec<Option<String>> = match df.column(plan::GROUP) {
        Ok(c) => c
            .cast(&DataType::String)?
            .str()?
            .iter()
            .map(|s| s.map(str::to_string))
            .collect(),
        Err(_) => vec![None; height],
    };
    let texts: Vec<Option<String>> = match df.column("text") {
        Ok(c) => c
            .cast(&DataType::String)?
            .str()?
            .iter()
            .map(|s| s.map(str::to_string))
            .collect(),
        Err(_) => vec![None; height],
    };
    let value = f64_col("value")?;
    let num = f64_col("num")?;
    let den = f64_col("den")?;
    let n = f64_col("n")?;
    let lo = f64_col("ci_low")?;
    let hi = f64_col("ci_high")?;
    let mut out = Vec::with_capacity(height);
    for i in 0..height {
        let Some(k) = keys[i] else { continue };
        let count = n[i].map(|x| x.max(0.0).round() as u64);
        let suppressed = !breakdown.is_empty() && count.is_some_and(|c| c < suppress_below);
        let group = if breakdown.is_empty() {
            String::new()
        } else {
            groups[i].clone().unwrap_or_else(|| "(ukjent)".to_string())
        };
        out.push(Figure {
            period: Period::from_key(granularity, k).label(),
            breakdown: breakdown.to_string(),
            group,
            value: if suppressed { None } else { round(value[i]) },
            numerator: if suppressed { None } else { round(num[i]) },
            denominator: if suppressed { None } else { round(den[i]) },
            n: if suppressed { None } else { count },
            ci_low: if suppressed { None } else { round(lo[i]) },
            ci_high: if suppressed { None } else { round(hi[i]) },
            suppressed,
            text: texts[i].clone(),
        });
    }
    Ok(out)
}

/// Rounds to 6 decimals so outputs are stable across platforms.
fn round(v: Option<f64>) -> Option<f64> {
    v.map(|x| (x * 1e6).round() / 1e6)
}

/// The municipality reference tables as polars frames (used by plans).
pub use geo::{known_codes, reference_frame, region_frame};
