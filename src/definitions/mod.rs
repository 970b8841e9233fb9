//! Indicator and source definitions: loading the YAML catalogue strictly and
//! checking it. Everything found is a [`Diagnostic`] with `file:line:col`.

mod check;
mod dialect;
mod locate;
mod measure;
mod model;
mod raw;
mod seed_items;
mod structure;
mod vocab;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use sha2::{Digest, Sha256};

use crate::diagnostic::{self, Diagnostic, Location, Severity};
pub(crate) use model::{Aggregate, Bound, InvalidOrgnr, Measure};
pub(crate) use model::{
    AmbitionDef, ColumnType, Direction, Encoding, Frequency, GOALS, Granularity, Indicator,
    IndicatorType, Level, MeasureKind, Method, Readiness, Role, Rollup, Source, UNASSIGNED,
    goal_name, normalise_goal,
};
pub(crate) use model::{Enrich, ORIGINAL_SUFFIX, Snapshot, harmonise_flag};
pub(crate) use raw::Names;
pub(crate) use seed_items::{Coverage, SeedItem};
pub(crate) use structure::Structure;

/// The whole catalogue: every source and indicator under a folder.
#[derive(Debug, Default)]
pub(crate) struct Catalogue {
    /// The folder it was read from.
    pub(crate) root: PathBuf,
    /// Indicators that parsed, sorted by goal order and id.
    pub(crate) indicators: Vec<Indicator>,
    /// Sources that parsed, sorted by id.
    pub(crate) sources: Vec<Source>,
    /// Goals' result goals (`structure/`), as the seeds give them.
    pub(crate) structures: Vec<Structure>,
    /// The seeds' items and what covers each (`structure/seed-items.yaml`).
    pub(crate) seed_items: Vec<SeedItem>,
    /// Every finding, sorted by file and position.
    pub(crate) diagnostics: Vec<Diagnostic>,
}

impl Catalogue {
    /// Reads and checks every `*.yaml`/`*.yml` under `dir` (`sources/` holds
    /// source definitions, everything else indicators).
    ///
    /// # Errors
    /// Only when the folder cannot be read; problems in files are diagnostics.
    pub(crate) fn load(dir: &Path) -> Result<Self> {
        if !dir.is_dir() {
            bail!(
                "indicator folder {} does not exist (pass --indicators DIR)",
                dir.display()
            );
        }
        let mut files = Vec::new();
        collect_yaml(dir, &mut files)
            .with_context(|| format!("reading indicator folder {}", dir.display()))?;
        files.sort();
        let mut texts = Vec::new();
        for file in files {
            let bytes =
                std::fs::read(&file).with_context(|| format!("reading {}", file.display()))?;
            let top = file
                .strip_prefix(dir)
                .ok()
                .and_then(|rel| rel.components().next())
                .map(|c| c.as_os_str().to_os_string());
            let is_source = top.as_deref().is_some_and(|c| c == "sources");
            let is_structure = top.as_deref().is_some_and(|c| c == "structure");
            texts.push(check::FileText {
                sha256: sha256_hex(&bytes),
                // A byte-order mark (editors on Windows write one) is not text.
                text: String::from_utf8_lossy(
                    bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes),
                )
                .into_owned(),
                path: file,
                is_source,
                is_structure,
            });
        }
        let mut catalogue = check::check(&texts);
        catalogue.root = dir.to_path_buf();
        diagnostic::sort(&mut catalogue.diagnostics);
        Ok(catalogue)
    }

    /// Whether any finding is an error.
    pub(crate) fn has_errors(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error)
    }

    /// Fails with a readable list of errors when the catalogue has any.
    ///
    /// # Errors
    /// When there are error findings.
    pub(crate) fn ensure_valid(&self) -> Result<()> {
        if !self.has_errors() {
            return Ok(());
        }
        let mut msg = format!(
            "the definitions under {} have errors (run `ehelse validate`):\n",
            self.root.display()
        );
        for d in self
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .take(20)
        {
            let _ = write!(msg, "{}", d.render());
        }
        bail!(msg.trim_end().to_string())
    }

    /// An indicator by id.
    pub(crate) fn indicator(&self, id: &str) -> Option<&Indicator> {
        self.indicators.iter().find(|i| i.id() == id)
    }

    /// The population-weighted variants of an indicator (those naming it in
    /// `population-variant-of`).
    pub(crate) fn population_variants(&self, id: &str) -> Vec<&str> {
        self.indicators
            .iter()
            .filter(|i| i.population_variant_of.iter().any(|t| t == id))
            .map(Indicator::id)
            .collect()
    }

    /// A source by id.
    pub(crate) fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id() == id)
    }

    /// Indicators of one goal, in catalogue order.
    /// The indicators of `goal` from the seeds (not `origin: example`).
    pub(crate) fn of_goal(&self, goal: &str) -> Vec<&Indicator> {
        self.indicators
            .iter()
            .filter(|i| i.goal == goal && !i.example)
            .collect()
    }
}

/// Location of the value of `field` (a dotted path) in a definition file;
/// the file without a position when it cannot be read.
pub(crate) fn field_location(path: &Path, field: &str) -> Location {
    let Ok(text) = std::fs::read_to_string(path) else {
        return file_location(path);
    };
    let (line, column) = locate::Locator::new(&text).value(field);
    Location {
        file: path.to_path_buf(),
        line,
        column,
    }
}

/// Location of a file without a position.
pub(crate) fn file_location(path: &Path) -> Location {
    Location {
        file: path.to_path_buf(),
        line: 0,
        column: 0,
    }
}

fn collect_yaml(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let path = entry.path();
        if entry.file_type()?.is_dir() {
            collect_yaml(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "yaml" || e == "yml") {
            out.push(path);
        }
    }
    Ok(())
}

/// Lower-case hex SHA-256 of bytes.
pub(crate) fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut s = String::with_capacity(64);
    for b in digest {
        let _ = write!(s, "{b:02x}");
    }
    s
}
