//! Raw definition files as written by analysts: serde types that mirror the YAML
//! one to one. Every struct denies unknown fields; semantic checks live in
//! `validate.rs`, which turns these into the checked `model` types.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// A Norwegian and an English text.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Names {
    /// Norwegian (bokmål) text.
    pub nb: String,
    /// English text.
    pub en: String,
}

/// One source or several (ratios may combine sources).
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(untagged)]
pub enum OneOrMany {
    /// A single source id.
    One(String),
    /// Several source ids.
    Many(Vec<String>),
}

impl OneOrMany {
    /// The ids as a list.
    pub fn to_vec(&self) -> Vec<String> {
        match self {
            Self::One(s) => vec![s.clone()],
            Self::Many(v) => v.clone(),
        }
    }
}

/// An indicator definition file (`indicators/**/*.yaml`, except `sources/`).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawIndicator {
    /// Stable slug, e.g. `velferdsteknologi-kommuner`.
    pub id: String,
    /// Definition version; bump when the definition changes meaning.
    #[serde(default)]
    pub version: Option<u32>,
    /// Seed or strategy reference number, e.g. `1.4`.
    #[serde(default)]
    pub number: Option<String>,
    /// Names in Norwegian and English.
    pub name: Names,
    /// Goal: `1`–`5` or `O1`–`O3`.
    pub goal: serde_yaml::Value,
    /// `strategic` or `support`.
    pub level: String,
    /// `structure`, `process` or `effect`.
    #[serde(rename = "type")]
    pub kind: String,
    /// `ready`, `in-development` or `planned`.
    pub readiness: String,
    /// `percent`, `count`, `days`, `score`, `status`, ...
    pub unit: String,
    /// `annual`, `quarterly`, `monthly` or `continuous`.
    pub frequency: String,
    /// Source id(s); may be absent for planned indicators and composites.
    #[serde(default)]
    pub source: Option<OneOrMany>,
    /// How the figure is computed; may be absent only for planned indicators.
    #[serde(default)]
    pub measure: Option<RawMeasure>,
    /// The proposed ambition, or explicitly none.
    pub ambition: RawAmbition,
    /// Allowed disaggregations: `region`, `county`, `municipality` or source columns.
    #[serde(default)]
    pub breakdowns: Vec<String>,
    /// What the indicator measures (from the source document).
    #[serde(default)]
    pub description: Option<Names>,
    /// Known weaknesses of the figure.
    #[serde(default)]
    pub caveats: Vec<String>,
    /// Where the definition comes from (seed document and section).
    #[serde(default)]
    pub reference: Option<String>,
    /// Assessment method override: `linear` or `cagr`.
    #[serde(default)]
    pub method: Option<String>,
}

/// An ambition: a target, or `none` with a reason.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawAmbition {
    /// Reason there is no ambition (exclusive with `target`).
    #[serde(default)]
    pub none: Option<String>,
    /// Target value in the indicator's unit.
    #[serde(default)]
    pub target: Option<f64>,
    /// Deadline, `YYYY-MM-DD`.
    #[serde(default)]
    pub by: Option<String>,
    /// `increase` or `decrease`; always explicit.
    #[serde(default)]
    pub direction: Option<String>,
    /// Baseline period and value; else taken from the data.
    #[serde(default)]
    pub baseline: Option<RawBaseline>,
    /// The ambition applies to each value of this breakdown as well (e.g. `region`).
    #[serde(default)]
    pub per: Option<String>,
    /// Free text from the source document.
    #[serde(default)]
    pub note: Option<String>,
}

/// Baseline of an ambition.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawBaseline {
    /// Period label, e.g. `2023` or `2024Q1`.
    pub period: serde_yaml::Value,
    /// Value; when absent it is read from the computed series.
    #[serde(default)]
    pub value: Option<f64>,
}

/// A measure: how rows of a source become one value per period (and breakdown).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawMeasure {
    /// `count`, `sum`, `mean`, `median`, `ratio`, `share_of_units`,
    /// `survey_share`, `reported`, `composite`, `milestone`.
    pub kind: String,
    /// Source id, when the indicator has several (ratio sides).
    #[serde(default)]
    pub source: Option<String>,
    /// SQL filter applied to the rows before aggregation.
    #[serde(default)]
    pub filter: Option<String>,
    /// `count`: count distinct values of this column instead of rows.
    #[serde(default)]
    pub distinct: Option<String>,
    /// `sum`/`mean`/`median`/`reported`: the value column.
    #[serde(default)]
    pub column: Option<String>,
    /// `ratio`: the numerator measure.
    #[serde(default)]
    pub numerator: Option<Box<RawMeasure>>,
    /// `ratio`: the denominator measure.
    #[serde(default)]
    pub denominator: Option<Box<RawMeasure>>,
    /// Multiplies the side's value (e.g. `0.30` of the population).
    #[serde(default)]
    pub factor: Option<f64>,
    /// Multiplies the result (100 for percent).
    #[serde(default)]
    pub scale: Option<f64>,
    /// `share_of_units`: the reference set (`municipalities` or `counties`).
    #[serde(default)]
    pub units: Option<String>,
    /// `share_of_units`: SQL condition a unit's rows must meet.
    #[serde(default)]
    pub condition: Option<String>,
    /// `share_of_units`: weight units by this source's value (population).
    #[serde(default)]
    pub weight_by: Option<String>,
    /// `survey_share`: the answer column.
    #[serde(default)]
    pub answer: Option<String>,
    /// `survey_share`: answers that count as yes.
    #[serde(default)]
    pub answers: Vec<String>,
    /// `survey_share`: answers removed from the denominator (e.g. "Vet ikke").
    #[serde(default)]
    pub exclude: Vec<String>,
    /// `survey_share`: multi-select: one share per answer option.
    #[serde(default)]
    pub per_option: bool,
    /// `reported`: how several rows in one period combine: `sum`, `mean`, `last`.
    #[serde(default)]
    pub aggregate: Option<String>,
    /// `composite`: component indicator ids.
    #[serde(default)]
    pub components: Vec<String>,
    /// `composite`: roll-up of component statuses: `worst` or `mean-score`.
    #[serde(default)]
    pub rollup: Option<String>,
    /// `milestone`: the column holding the status.
    #[serde(default)]
    pub status_column: Option<String>,
    /// `ratio`/`share_of_units`: periods of the denominator are years.
    #[serde(default)]
    pub cumulative: bool,
}

/// A source definition file (`indicators/sources/*.yaml`).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawSource {
    /// Stable slug, e.g. `kpr-velferdsteknologi`.
    pub id: String,
    /// Names in Norwegian and English.
    pub name: Names,
    /// `SSB/KPR`, `NHN`, `BRREG`, `FHI`, `HTO`, `survey`, `Hdir`.
    pub publisher: String,
    /// Glob under the data directory, e.g. `kpr/velferdsteknologi*.csv`.
    pub files: String,
    /// CSV dialect; anything left out is detected.
    #[serde(default)]
    pub dialect: RawDialect,
    /// Wide layout: columns whose names match are turned into rows.
    #[serde(default)]
    pub wide: Option<RawWide>,
    /// The period column and its granularity.
    pub period: RawPeriod,
    /// The columns the tool uses, with types and roles.
    pub columns: Vec<RawColumn>,
    /// Invalid organisation numbers: `exclude` (default) or `reject`.
    #[serde(default)]
    pub invalid_orgnr: Option<String>,
    /// Notes for analysts.
    #[serde(default)]
    pub description: Option<String>,
}

/// CSV dialect options.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawDialect {
    /// Field separator, one character (`;`, `,`, tab).
    #[serde(default)]
    pub separator: Option<String>,
    /// Decimal mark: `,` or `.`.
    #[serde(default)]
    pub decimal: Option<String>,
    /// `utf-8` or `windows-1252` (`latin1`, `iso-8859-1` accepted).
    #[serde(default)]
    pub encoding: Option<String>,
    /// Title lines above the header.
    #[serde(default)]
    pub skip_lines: Option<usize>,
    /// Comment or note lines right below the header.
    #[serde(default)]
    pub skip_after_header: Option<usize>,
}

/// Wide-to-long settings.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawWide {
    /// Name given to the column that holds the former column names (e.g. `aar`).
    pub key: String,
    /// Name given to the value column.
    pub value: String,
    /// Only columns whose name is four digits (years) are unpivoted when true.
    #[serde(default)]
    pub year_columns: Option<bool>,
}

/// The period column.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawPeriod {
    /// Column name.
    pub column: String,
    /// `year`, `quarter` (`2024Q1`), `month` (`2024-01`) or `day` (`2024-01-31`).
    pub granularity: String,
}

/// A declared column.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawColumn {
    /// Column name in the file.
    pub name: String,
    /// `text`, `integer`, `decimal`, `date`, `municipality`, `county`, `orgnr`.
    #[serde(rename = "type")]
    pub kind: String,
    /// `period`, `municipality`, `orgnr`, `weight`, `value`, `respondent`, `category`.
    #[serde(default)]
    pub role: Option<String>,
    /// Human description.
    #[serde(default)]
    pub description: Option<String>,
    /// Labels for codes (e.g. NACE group names), used in output.
    #[serde(default)]
    pub labels: BTreeMap<String, String>,
}
