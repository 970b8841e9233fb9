//! Raw definition files as written by analysts: serde types that mirror the YAML
//! one to one. Every struct denies unknown fields; semantic checks live in
//! `validate.rs`, which turns these into the checked `model` types.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// A Norwegian and an English text.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub(crate) struct Names {
    /// Norwegian (bokmål) text.
    pub(crate) nb: String,
    /// English text.
    pub(crate) en: String,
}

/// One source or several (ratios may combine sources).
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(untagged)]
pub(crate) enum OneOrMany {
    /// A single source id.
    One(String),
    /// Several source ids.
    Many(Vec<String>),
}

impl OneOrMany {
    /// The ids as a list.
    pub(crate) fn to_vec(&self) -> Vec<String> {
        match self {
            Self::One(s) => vec![s.clone()],
            Self::Many(v) => v.clone(),
        }
    }
}

/// An indicator definition file (`indicators/**/*.yaml`, except `sources/`).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(crate) struct RawIndicator {
    /// Stable slug, e.g. `velferdsteknologi-kommuner`.
    pub(crate) id: String,
    /// Definition version; bump when the definition changes meaning.
    #[serde(default)]
    pub(crate) version: Option<u32>,
    /// Seed or strategy reference number, e.g. `1.4`.
    #[serde(default)]
    pub(crate) number: Option<String>,
    /// Names in Norwegian and English.
    pub(crate) name: Names,
    /// Goal: `1`–`5` or `O1`–`O3`.
    pub(crate) goal: serde_yaml::Value,
    /// `strategic` or `support`.
    pub(crate) level: String,
    /// `structure`, `process` or `effect`.
    #[serde(rename = "type")]
    pub(crate) kind: String,
    /// `ready`, `in-development` or `planned`.
    pub(crate) readiness: String,
    /// `percent`, `count`, `days`, `score`, `status`, ...
    pub(crate) unit: String,
    /// `annual`, `quarterly`, `monthly` or `continuous`.
    pub(crate) frequency: String,
    /// Source id(s); may be absent for planned indicators and composites.
    #[serde(default)]
    pub(crate) source: Option<OneOrMany>,
    /// How the figure is computed; may be absent only for planned indicators.
    #[serde(default)]
    pub(crate) measure: Option<RawMeasure>,
    /// The proposed ambition, or explicitly none.
    pub(crate) ambition: RawAmbition,
    /// Allowed disaggregations: `region`, `county`, `municipality` or source columns.
    #[serde(default)]
    pub(crate) breakdowns: Vec<String>,
    /// What the indicator measures (from the source document).
    #[serde(default)]
    pub(crate) description: Option<Names>,
    /// Known weaknesses of the figure.
    #[serde(default)]
    pub(crate) caveats: Vec<String>,
    /// Where the definition comes from (seed document and section).
    #[serde(default)]
    pub(crate) reference: Option<String>,
    /// Assessment method override: `linear` or `cagr`.
    #[serde(default)]
    pub(crate) method: Option<String>,
    /// Bounds a figure must lie within to be taken at face value.
    #[serde(default)]
    pub(crate) plausible: Option<RawPlausible>,
    /// Result goals of the indicator's goal it helps measure.
    #[serde(default, rename = "result-goals")]
    pub(crate) result_goals: Vec<u32>,
    /// `seed` (default) or `example`: not in the seeds, kept as an example.
    #[serde(default)]
    pub(crate) origin: Option<String>,
    /// The year the dashboard's progress chart runs to (default: the
    /// ambition's deadline, else 2030).
    #[serde(default, rename = "chart-horizon")]
    pub(crate) chart_horizon: Option<i32>,
    /// The indicators counting municipalities this one weights by population.
    #[serde(default, rename = "population-variant-of")]
    pub(crate) population_variant_of: Vec<String>,
}

/// `plausible`: `min` and `max`, each a number, `municipalities` or `counties`.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawPlausible {
    /// Lowest plausible value.
    #[serde(default)]
    pub(crate) min: Option<serde_yaml::Value>,
    /// Highest plausible value.
    #[serde(default)]
    pub(crate) max: Option<serde_yaml::Value>,
}

/// An ambition: a target, or `none` with a reason.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(crate) struct RawAmbition {
    /// Reason there is no ambition (exclusive with `target`).
    #[serde(default)]
    pub(crate) none: Option<String>,
    /// Target value in the indicator's unit.
    #[serde(default)]
    pub(crate) target: Option<f64>,
    /// Deadline, `YYYY-MM-DD`.
    #[serde(default)]
    pub(crate) by: Option<String>,
    /// `increase` or `decrease`; always explicit.
    #[serde(default)]
    pub(crate) direction: Option<String>,
    /// Baseline period and value; else taken from the data.
    #[serde(default)]
    pub(crate) baseline: Option<RawBaseline>,
    /// The ambition applies to each value of this breakdown as well (e.g. `region`).
    #[serde(default)]
    pub(crate) per: Option<String>,
    /// Free text from the source document.
    #[serde(default)]
    pub(crate) note: Option<String>,
}

/// Baseline of an ambition.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(crate) struct RawBaseline {
    /// Period label, e.g. `2023` or `2024Q1`.
    pub(crate) period: serde_yaml::Value,
    /// Value; when absent it is read from the computed series.
    #[serde(default)]
    pub(crate) value: Option<f64>,
}

/// A measure: how rows of a source become one value per period (and breakdown).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(crate) struct RawMeasure {
    /// `count`, `sum`, `mean`, `median`, `ratio`, `share_of_units`,
    /// `survey_share`, `reported`, `composite`, `milestone`.
    pub(crate) kind: String,
    /// Source id, when the indicator has several (ratio sides).
    #[serde(default)]
    pub(crate) source: Option<String>,
    /// SQL filter applied to the rows before aggregation.
    #[serde(default)]
    pub(crate) filter: Option<String>,
    /// `count`: count distinct values of this column instead of rows.
    #[serde(default)]
    pub(crate) distinct: Option<String>,
    /// `sum`/`mean`/`median`/`reported`: the value column.
    #[serde(default)]
    pub(crate) column: Option<String>,
    /// `ratio`: the numerator measure.
    #[serde(default)]
    pub(crate) numerator: Option<Box<RawMeasure>>,
    /// `ratio`: the denominator measure.
    #[serde(default)]
    pub(crate) denominator: Option<Box<RawMeasure>>,
    /// Multiplies the side's value (e.g. `0.30` of the population).
    #[serde(default)]
    pub(crate) factor: Option<f64>,
    /// Multiplies the result (100 for percent).
    #[serde(default)]
    pub(crate) scale: Option<f64>,
    /// `share_of_units`: the reference set (`municipalities` or `counties`).
    #[serde(default)]
    pub(crate) units: Option<String>,
    /// `share_of_units`: SQL condition a unit's rows must meet.
    #[serde(default)]
    pub(crate) condition: Option<String>,
    /// `share_of_units`: weight units by this source's value (population).
    #[serde(default)]
    pub(crate) weight_by: Option<String>,
    /// `survey_share`: the answer column.
    #[serde(default)]
    pub(crate) answer: Option<String>,
    /// `survey_share`: answers that count as yes.
    #[serde(default)]
    pub(crate) answers: Vec<String>,
    /// `survey_share`: answers removed from the denominator (e.g. "Vet ikke").
    #[serde(default)]
    pub(crate) exclude: Vec<String>,
    /// `survey_share`: multi-select: one share per answer option.
    #[serde(default)]
    pub(crate) per_option: bool,
    /// `reported`: how several rows in one period combine: `sum`, `mean`, `last`.
    #[serde(default)]
    pub(crate) aggregate: Option<String>,
    /// `composite`: component indicator ids.
    #[serde(default)]
    pub(crate) components: Vec<String>,
    /// `composite`: roll-up of component statuses: `worst` or `mean-score`.
    #[serde(default)]
    pub(crate) rollup: Option<String>,
    /// `milestone`: the column holding the status.
    #[serde(default)]
    pub(crate) status_column: Option<String>,
    /// `ratio`/`share_of_units`: periods of the denominator are years.
    #[serde(default)]
    pub(crate) cumulative: bool,
    /// Ratio: the denominator of this year for every period (a fixed base).
    #[serde(default, rename = "denominator-year")]
    pub(crate) denominator_year: Option<i32>,
}

/// A source definition file (`indicators/sources/*.yaml`).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(crate) struct RawSource {
    /// Stable slug, e.g. `kpr-velferdsteknologi`.
    pub(crate) id: String,
    /// Names in Norwegian and English.
    pub(crate) name: Names,
    /// `SSB/KPR`, `NHN`, `BRREG`, `FHI`, `HTO`, `survey`, `Hdir`.
    pub(crate) publisher: String,
    /// Glob under the data directory, e.g. `kpr/velferdsteknologi*.csv`.
    pub(crate) files: String,
    /// CSV dialect; anything left out is detected.
    #[serde(default)]
    pub(crate) dialect: RawDialect,
    /// Wide layout: columns whose names match are turned into rows.
    #[serde(default)]
    pub(crate) wide: Option<RawWide>,
    /// The period column and its granularity (not with `snapshot`).
    #[serde(default)]
    pub(crate) period: Option<RawPeriod>,
    /// A register extract without a period column, as of a date (not with `period`).
    #[serde(default)]
    pub(crate) snapshot: Option<RawSnapshot>,
    /// Columns added from snapshot sources, looked up by key.
    #[serde(default)]
    pub(crate) enrich: Vec<RawEnrich>,
    /// The columns the tool uses, with types and roles.
    pub(crate) columns: Vec<RawColumn>,
    /// Invalid organisation numbers: `exclude` (default) or `reject`.
    #[serde(default)]
    pub(crate) invalid_orgnr: Option<String>,
    /// Unreadable key cells tolerated before an indicator fails: a count
    /// (`0`, the default) or a share of the rows read (`"0.1%"`).
    #[serde(default)]
    pub(crate) max_unreadable_keys: Option<serde_yaml::Value>,
    /// The last day the data are complete through (`2025-10-15`): periods
    /// that end after it are incomplete.
    #[serde(default)]
    pub(crate) complete_through: Option<String>,
    /// Periods after today are expected (planned procurements): not an error.
    #[serde(default)]
    pub(crate) future_periods: Option<FuturePeriods>,
    /// Notes for analysts.
    #[serde(default)]
    pub(crate) description: Option<String>,
}

/// CSV dialect options.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(crate) struct RawDialect {
    /// Field separator, one character (`;`, `,`, tab).
    #[serde(default)]
    pub(crate) separator: Option<String>,
    /// Decimal mark: `,` or `.`.
    #[serde(default)]
    pub(crate) decimal: Option<String>,
    /// `utf-8` or `windows-1252` (`latin1`, `iso-8859-1` accepted).
    #[serde(default)]
    pub(crate) encoding: Option<String>,
    /// Title lines above the header.
    #[serde(default)]
    pub(crate) skip_lines: Option<usize>,
    /// Comment or note lines right below the header.
    #[serde(default)]
    pub(crate) skip_after_header: Option<usize>,
}

/// Wide-to-long settings.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(crate) struct RawWide {
    /// Name given to the column that holds the former column names (e.g. `aar`).
    pub(crate) key: String,
    /// Name given to the value column.
    pub(crate) value: String,
    /// Only columns whose name is four digits (years) are unpivoted when true.
    #[serde(default)]
    pub(crate) year_columns: Option<bool>,
}

/// The period column.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(crate) struct RawPeriod {
    /// Column name.
    pub(crate) column: String,
    /// `year`, `quarter` (`2024Q1`), `month` (`2024-01`) or `day` (`2024-01-31`).
    pub(crate) granularity: String,
}

/// A snapshot source's date.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(crate) struct RawSnapshot {
    /// The date the register extract describes, `YYYY-MM-DD`.
    pub(crate) as_of: String,
}

/// Columns looked up in a snapshot source by key.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(crate) struct RawEnrich {
    /// The snapshot source's id.
    pub(crate) from: String,
    /// The key column of this source.
    pub(crate) on: String,
    /// The key column of the snapshot source; default: the same name as `on`.
    #[serde(default)]
    pub(crate) from_on: Option<String>,
    /// The snapshot's columns added to this source's rows.
    pub(crate) columns: Vec<String>,
}

/// A declared column.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(crate) struct RawColumn {
    /// Column name in the file.
    pub(crate) name: String,
    /// `text`, `integer`, `decimal`, `date`, `municipality`, `county`, `orgnr`.
    #[serde(rename = "type")]
    pub(crate) kind: String,
    /// `period`, `municipality`, `orgnr`, `weight`, `value`, `respondent`, `category`.
    #[serde(default)]
    pub(crate) role: Option<String>,
    /// Human description.
    #[serde(default)]
    pub(crate) description: Option<String>,
    /// Labels for codes (e.g. NACE group names), used in output.
    #[serde(default)]
    pub(crate) labels: BTreeMap<String, String>,
    /// Code harmonisation: `sn2025` (industry codes SN2007 → SN2025).
    #[serde(default)]
    pub(crate) harmonise: Option<String>,
}

/// `future-periods`: whether a period after today is a wrong date in the
/// extract (`refused`, the default) or expected (`allowed`: planned years).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, Default)]
#[serde(rename_all = "kebab-case")]
pub(crate) enum FuturePeriods {
    /// A period after today fails the indicators that read it.
    #[default]
    Refused,
    /// Periods after today are shown.
    Allowed,
}
