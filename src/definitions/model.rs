//! Checked definitions: the raw YAML plus the parsed enums the later stages use.

use std::path::PathBuf;

use std::collections::BTreeMap;

pub(crate) use super::dialect::DialectSpec;
pub(crate) use super::dialect::Encoding;
pub(crate) use super::measure::Measure;
use super::raw::Names;
pub(crate) use super::vocab::{Aggregate, Harmonise, InvalidOrgnr};
pub(crate) use super::vocab::{
    ColumnType, Direction, Frequency, IndicatorType, Level, MeasureKind, Method, Readiness, Role,
    Rollup,
};
pub(crate) use crate::period::Granularity;
use crate::period::Period;

/// The eight goals: five strategic goals and three overarching ones.
pub(crate) const GOALS: [(&str, &str, &str); 9] = [
    (
        "1",
        "Aktiv medvirkning i egen og næres helse",
        "Active participation in one's own and one's family's health",
    ),
    (
        "2",
        "Enklere arbeidshverdag",
        "A simpler working day for health personnel",
    ),
    (
        "3",
        "Helsedata til fornying og forbedring",
        "Health data for renewal and improvement",
    ),
    (
        "4",
        "Tilgjengelig informasjon og styrket samhandling",
        "Available information and stronger collaboration",
    ),
    (
        "5",
        "Samarbeid og virkemidler som styrker gjennomføringskraft",
        "Collaboration and instruments that strengthen delivery",
    ),
    (
        "O1",
        "Kvalitet og sammenheng i tjenestene",
        "Quality and coherence in the services",
    ),
    (
        "O2",
        "Bærekraftig helse- og omsorgssektor",
        "A sustainable health and care sector",
    ),
    (
        "O3",
        "Innovasjonskraft i sektoren",
        "Innovation capacity in the sector",
    ),
    (
        UNASSIGNED,
        "Ikke plassert under et mål (seedene sier ikke hvilket)",
        "Not assigned to a goal (the seeds do not say which)",
    ),
];

/// The "goal" of an indicator the seeds name without placing it under a
/// goal (seed 003's future indicators): listed on its own, not a goal.
pub(crate) const UNASSIGNED: &str = "unassigned";

/// Name of a goal in the given language (`nb` or `en`).
pub(crate) fn goal_name(code: &str, en: bool) -> Option<&'static str> {
    GOALS
        .iter()
        .find(|(c, _, _)| c.eq_ignore_ascii_case(code))
        .map(|(_, nb, eng)| if en { *eng } else { *nb })
}

/// Normalises a goal code (`o1` → `O1`); `None` when it is not a goal.
pub(crate) fn normalise_goal(code: &str) -> Option<String> {
    GOALS
        .iter()
        .find(|(c, _, _)| c.eq_ignore_ascii_case(code.trim()))
        .map(|(c, _, _)| (*c).to_string())
}

/// An indicator unit: any word (unknown ones are warned about), with what
/// the tool derives from it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Unit(String);

impl Unit {
    /// The unit as written.
    pub(crate) fn new(unit: &str) -> Self {
        Self(unit.to_string())
    }

    /// The unit as written (`percent`, `count`, …).
    pub(crate) fn as_str(&self) -> &str {
        &self.0
    }

    /// The assessment method used when the indicator gives none.
    pub(crate) fn default_method(&self) -> Method {
        Method::default_for_unit(&self.0)
    }
}

/// A declared source column.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Column {
    /// Column name in the file.
    pub(crate) name: String,
    /// Declared type.
    pub(crate) ty: ColumnType,
    /// Declared role.
    pub(crate) role: Option<Role>,
    /// Labels for codes (e.g. NACE group names), used in output.
    pub(crate) labels: BTreeMap<String, String>,
    /// Human description.
    pub(crate) description: Option<String>,
    /// Code harmonisation (`harmonise: sn2025`): the column holds the
    /// harmonised code, `<name>_original` the code as delivered.
    pub(crate) harmonise: Option<Harmonise>,
}

/// A snapshot source: a register extract without a period column,
/// describing the state on one date. Its rows belong to the period of the
/// as-of date's year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Snapshot {
    /// The as-of date (a day period).
    pub(crate) as_of: Period,
}

/// Columns added to a source's rows from a snapshot source by key (a left
/// join; every key of the snapshot must be unique).
#[derive(Debug, Clone)]
pub(crate) struct Enrich {
    /// The snapshot source's definition.
    pub(crate) from: Box<Source>,
    /// The key column of this source.
    pub(crate) on: String,
    /// The key column of the snapshot source.
    pub(crate) from_on: String,
    /// The snapshot's columns added, as the snapshot declares them.
    pub(crate) columns: Vec<Column>,
}

impl Enrich {
    /// The Boolean column that is true where the key has no match.
    pub(crate) fn unmatched_column(&self) -> String {
        format!("_unmatched_{}", self.from.id())
    }
}

/// Wide-to-long settings: columns turned into rows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Wide {
    /// Name given to the column that holds the former column names.
    pub(crate) key: String,
    /// Name given to the value column.
    pub(crate) value: String,
    /// Only four-digit (year) column names are unpivoted when true.
    pub(crate) year_columns: Option<bool>,
}

/// The flag column of a harmonised column: true where its code is in
/// neither column of the SN2007 → SN2025 table (kept as it is).
pub(crate) fn harmonise_flag(name: &str) -> String {
    format!("_unmatched_sn2025_{name}")
}

/// Suffix of the column that keeps a harmonised column's delivered code.
pub(crate) const ORIGINAL_SUFFIX: &str = "_original";

/// A checked source definition.
#[derive(Debug, Clone)]
pub(crate) struct Source {
    /// The definition file.
    pub(crate) path: PathBuf,
    /// SHA-256 of the definition file.
    pub(crate) sha256: String,
    /// Stable slug.
    pub(crate) id: String,
    /// Names in Norwegian and English.
    pub(crate) name: Names,
    /// Publisher (`SSB/KPR`, `NHN`, …).
    pub(crate) publisher: String,
    /// Glob under the data directory.
    pub(crate) files: String,
    /// The declared CSV dialect.
    pub(crate) dialect: DialectSpec,
    /// Wide layout, when the file has one column per period.
    pub(crate) wide: Option<Wide>,
    /// The period column.
    pub(crate) period_column: String,
    /// Period granularity.
    pub(crate) granularity: Granularity,
    /// The declared columns.
    pub(crate) columns: Vec<Column>,
    /// What happens to invalid organisation numbers.
    pub(crate) invalid_orgnr: InvalidOrgnr,
    /// Unreadable key cells tolerated before an indicator fails.
    pub(crate) max_unreadable_keys: Tolerance,
    /// The last day the data are complete through, when declared.
    pub(crate) complete_through: Option<Period>,
    /// Periods after today are expected (planned years), not an error.
    pub(crate) future_periods_allowed: bool,
    /// A snapshot source (no period column; `period_column` is empty).
    pub(crate) snapshot: Option<Snapshot>,
    /// Columns added from snapshot sources.
    pub(crate) enrich: Vec<Enrich>,
}

/// How many unreadable cells are tolerated.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Tolerance {
    /// At most this many.
    Count(u64),
    /// At most this share (0–1) of the rows read.
    Share(f64),
}

impl Tolerance {
    /// The most cells tolerated out of `rows`.
    pub(crate) fn allowed(self, rows: u64) -> u64 {
        match self {
            Self::Count(n) => n,
            #[allow(clippy::cast_precision_loss, clippy::cast_sign_loss)]
            Self::Share(s) => (s * rows as f64).floor() as u64,
        }
    }

    /// As written in a definition (`0`, `0.1%`).
    pub(crate) fn label(self) -> String {
        match self {
            Self::Count(n) => n.to_string(),
            Self::Share(s) => format!("{}%", s * 100.0),
        }
    }
}

impl Source {
    /// The source id.
    pub(crate) fn id(&self) -> &str {
        &self.id
    }

    /// A declared column by name: read from the files, added from a
    /// snapshot source (`enrich`), or the delivered code of a harmonised
    /// column (`<name>_original`, type text).
    pub(crate) fn column(&self, name: &str) -> Option<&Column> {
        self.columns
            .iter()
            .chain(self.enrich.iter().flat_map(|e| e.columns.iter()))
            .find(|c| c.name == name)
            .or_else(|| {
                let base = name.strip_suffix(ORIGINAL_SUFFIX)?;
                self.column(base).filter(|c| c.harmonise.is_some())
            })
    }

    /// The `_unmatched_…` flag columns that concern a figure reading the
    /// columns `used`: `_unmatched_<from>` when it reads a column looked up
    /// from `<from>` (a row whose key has no match lacks that value), and
    /// `_unmatched_sn2025_<name>` when it reads a harmonised `<name>` (its
    /// code is not in the table). Flags of columns the figure does not read
    /// are left out (the figure is right whatever they say).
    pub(crate) fn unmatched_flags(&self, used: &[&str]) -> Vec<String> {
        let mut out = Vec::new();
        for e in &self.enrich {
            if e.columns.iter().any(|c| {
                used.contains(&c.name.as_str())
                    || used.contains(&format!("{}{ORIGINAL_SUFFIX}", c.name).as_str())
            }) {
                out.push(e.unmatched_column());
            }
        }
        for c in self
            .columns
            .iter()
            .chain(self.enrich.iter().flat_map(|e| e.columns.iter()))
        {
            if c.harmonise.is_some() && used.contains(&c.name.as_str()) {
                out.push(harmonise_flag(&c.name));
            }
        }
        out
    }

    /// Every column a plan can read, by name: the declared ones, those
    /// added by `enrich`, and `<name>_original` of harmonised columns.
    pub(crate) fn column_names(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for c in self
            .columns
            .iter()
            .chain(self.enrich.iter().flat_map(|e| e.columns.iter()))
        {
            out.push(c.name.clone());
            if c.harmonise.is_some() {
                out.push(format!("{}{ORIGINAL_SUFFIX}", c.name));
            }
        }
        out
    }

    /// The declared type of a column.
    pub(crate) fn column_type(&self, name: &str) -> Option<ColumnType> {
        self.column(name).map(|c| c.ty)
    }

    /// The first column with this role.
    pub(crate) fn column_with_role(&self, role: Role) -> Option<&str> {
        self.columns
            .iter()
            .find(|c| c.role == Some(role))
            .map(|c| c.name.as_str())
    }

    /// The municipality column, by role or type.
    pub(crate) fn municipality_column(&self) -> Option<&str> {
        self.column_with_role(Role::Municipality).or_else(|| {
            self.columns
                .iter()
                .find(|c| c.ty == ColumnType::Municipality)
                .map(|c| c.name.as_str())
        })
    }
}

/// A checked ambition.
#[derive(Debug, Clone)]
pub(crate) enum AmbitionDef {
    /// No ambition, with the reason.
    None(String),
    /// A target.
    Target {
        /// Target value in the indicator's unit.
        target: f64,
        /// Deadline: a day.
        by: Period,
        /// Increase or decrease.
        direction: Direction,
        /// Baseline period and optional value.
        baseline: Option<(Period, Option<f64>)>,
        /// Breakdown the ambition also applies to per value (e.g. `region`).
        per: Option<String>,
    },
}

/// A plausibility bound.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Bound {
    /// A number in the indicator's unit.
    Value(f64),
    /// The number of municipalities valid in the figure's year.
    Municipalities,
    /// The number of counties valid in the figure's year.
    Counties,
}

/// Bounds a figure must lie within to be taken at face value; besides these,
/// a percentage outside 0–100, a negative count and a share whose numerator
/// exceeds its denominator are always implausible.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub(crate) struct Plausible {
    /// Lowest plausible value.
    pub(crate) min: Option<Bound>,
    /// Highest plausible value.
    pub(crate) max: Option<Bound>,
}

/// A checked indicator definition.
#[derive(Debug, Clone)]
pub(crate) struct Indicator {
    /// The definition file.
    pub(crate) path: PathBuf,
    /// SHA-256 of the definition file.
    pub(crate) sha256: String,
    /// Stable slug.
    pub(crate) id: String,
    /// Definition version (1 when not given).
    pub(crate) version: u32,
    /// Seed or strategy reference number, e.g. `1.4`.
    pub(crate) number: Option<String>,
    /// Names in Norwegian and English.
    pub(crate) name: Names,
    /// Goal code (`1`–`5`, `O1`–`O3`).
    pub(crate) goal: String,
    /// Level.
    pub(crate) level: Level,
    /// Type.
    pub(crate) kind: IndicatorType,
    /// Readiness.
    pub(crate) readiness: Readiness,
    /// Unit.
    pub(crate) unit: Unit,
    /// Frequency.
    pub(crate) frequency: Frequency,
    /// Source ids listed on the indicator.
    pub(crate) sources: Vec<String>,
    /// How the figure is computed; `None` only for planned indicators.
    pub(crate) measure: Option<Measure>,
    /// The ambition.
    pub(crate) ambition: AmbitionDef,
    /// Free text about the ambition from the source document.
    pub(crate) ambition_note: Option<String>,
    /// Allowed disaggregations.
    pub(crate) breakdowns: Vec<String>,
    /// What the indicator measures.
    pub(crate) description: Option<Names>,
    /// Known weaknesses of the figure.
    pub(crate) caveats: Vec<String>,
    /// Where the definition comes from.
    pub(crate) reference: Option<String>,
    /// The assessment method: the override, else the unit's default.
    pub(crate) method: Method,
    /// Declared plausibility bounds.
    pub(crate) plausible: Plausible,
    /// Result goals of its goal it helps measure (`structure/`).
    pub(crate) result_goals: Vec<u32>,
    /// `origin: example`: not in the seeds; left out of goal summaries,
    /// `--all`, `--goal`, the report and the dashboard (pick it by id).
    pub(crate) example: bool,
    /// The year the progress chart runs to, when the definition sets it.
    pub(crate) chart_horizon: Option<i32>,
    /// The indicators counting municipalities this one weights by population
    /// (seed 001: inhabitants rather than municipalities).
    pub(crate) population_variant_of: Vec<String>,
}

impl Indicator {
    /// The indicator id.
    pub(crate) fn id(&self) -> &str {
        &self.id
    }

    /// Name in Norwegian or English.
    pub(crate) fn name(&self, en: bool) -> &str {
        if en { &self.name.en } else { &self.name.nb }
    }

    /// The measure kind, if a measure is defined.
    pub(crate) fn measure_kind(&self) -> Option<MeasureKind> {
        self.measure.as_ref().map(Measure::measure_kind)
    }

    /// Source ids listed on the indicator.
    pub(crate) fn source_ids(&self) -> Vec<String> {
        self.sources.clone()
    }

    /// The source a measure (or ratio side) reads: its own `source`, else the
    /// indicator's first source.
    pub(crate) fn source_of(&self, measure: &Measure) -> Option<String> {
        measure
            .source
            .clone()
            .or_else(|| self.sources.first().cloned())
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use crate::definitions::Catalogue;

    #[test]
    fn unmatched_flags_follow_the_columns_a_figure_reads() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("indicators");
        let catalogue = Catalogue::load(&dir).expect("shipped catalogue");
        let log = catalogue.source("nhn-pjd-logg").expect("nhn-pjd-logg");
        assert!(
            log.unmatched_flags(&["orgnr", "virksomhetstype"])
                .is_empty()
        );
        assert_eq!(
            log.unmatched_flags(&["orgnr", "naeringskode"]),
            ["_unmatched_brreg-enheter", "_unmatched_sn2025_naeringskode"]
        );
        assert_eq!(
            log.unmatched_flags(&["naeringskode_original"]),
            ["_unmatched_brreg-enheter"]
        );
        assert!(log.column("naeringskode_original").is_some());
        assert!(log.column("virksomhetstype_original").is_none());
    }
}
