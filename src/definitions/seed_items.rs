//! The items the seeds name (indicators, statistics, roadmap sub-goals,
//! planned indicators, goals), each with what in the catalogue covers it or
//! why nothing does (`indicators/structure/seed-items.yaml`). The raw form
//! mirrors the file; the checks (`check/seed_items.rs`) turn it into
//! [`SeedItem`]s whose [`Coverage`] names only defined indicators and goals.
//! `ehelse docs` writes them as a table into `docs/catalogue.md`.

use serde::Deserialize;

/// The file name (without `.yaml`) under `structure/` that holds the items.
pub(super) const FILE_STEM: &str = "seed-items";

/// The file as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawSeedItems {
    /// The items, in the order the table shows them.
    pub(super) items: Vec<RawSeedItem>,
}

/// One item as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(super) struct RawSeedItem {
    /// The seed's number (`000`).
    pub(super) seed: String,
    /// The seed's section with line numbers.
    pub(super) section: String,
    /// The item as the seed words it.
    pub(super) item: String,
    /// What covers it.
    #[serde(default)]
    pub(super) covered_by: Option<RawCoveredBy>,
    /// Why nothing covers it.
    #[serde(default)]
    pub(super) not_covered: Option<String>,
    /// The catalogue measures less than the seed asks for.
    #[serde(default)]
    pub(super) partial: bool,
    /// A remark.
    #[serde(default)]
    pub(super) note: Option<String>,
}

/// `covered-by:` as written: indicator ids or goal codes (one of the two).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawCoveredBy {
    /// Indicator ids.
    #[serde(default)]
    pub(super) indicators: Vec<String>,
    /// Goal codes (`1`–`5`, `O1`–`O3`).
    #[serde(default)]
    pub(super) goals: Vec<serde_yaml::Value>,
}

/// A checked seed item.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct SeedItem {
    /// The seed's number (`000`).
    pub(crate) seed: String,
    /// The seed's section with line numbers.
    pub(crate) section: String,
    /// The item as the seed words it.
    pub(crate) item: String,
    /// What covers it, or why nothing does.
    pub(crate) coverage: Coverage,
    /// The catalogue measures less than the seed asks for.
    pub(crate) partial: bool,
    /// A remark.
    pub(crate) note: Option<String>,
}

/// What covers a seed item.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Coverage {
    /// Defined indicators, by id.
    Indicators(Vec<String>),
    /// Goals of the strategy, by normalised code (`1`, `O1`).
    Goals(Vec<String>),
    /// Nothing; the reason.
    NotCovered(String),
}

impl SeedItem {
    /// The indicator ids the item names (none for goals or not covered).
    pub(crate) fn indicators(&self) -> &[String] {
        match &self.coverage {
            Coverage::Indicators(ids) => ids,
            Coverage::Goals(_) | Coverage::NotCovered(_) => &[],
        }
    }
}
