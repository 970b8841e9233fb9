//! Checked definitions: the raw YAML plus the parsed enums the later stages use.

use std::path::PathBuf;

use super::raw::{RawColumn, RawIndicator, RawMeasure, RawSource};
pub use super::vocab::{
    ColumnType, Direction, Frequency, IndicatorType, Level, MeasureKind, Method, Readiness, Role,
    Rollup,
};
pub use crate::period::Granularity;

/// The eight goals: five strategic goals and three overarching ones.
pub const GOALS: [(&str, &str, &str); 8] = [
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
];

/// Name of a goal in the given language (`nb` or `en`).
pub fn goal_name(code: &str, en: bool) -> Option<&'static str> {
    GOALS
        .iter()
        .find(|(c, _, _)| c.eq_ignore_ascii_case(code))
        .map(|(_, nb, eng)| if en { *eng } else { *nb })
}

/// Normalises a goal code (`o1` → `O1`); `None` when it is not a goal.
pub fn normalise_goal(code: &str) -> Option<String> {
    GOALS
        .iter()
        .find(|(c, _, _)| c.eq_ignore_ascii_case(code.trim()))
        .map(|(c, _, _)| (*c).to_string())
}

/// A checked source definition.
#[derive(Debug, Clone)]
pub struct Source {
    /// The definition file.
    pub path: PathBuf,
    /// SHA-256 of the definition file.
    pub sha256: String,
    /// The definition as written.
    pub def: RawSource,
    /// Period granularity.
    pub granularity: Granularity,
}

impl Source {
    /// The source id.
    pub fn id(&self) -> &str {
        &self.def.id
    }

    /// A declared column by name.
    pub fn column(&self, name: &str) -> Option<&RawColumn> {
        self.def.columns.iter().find(|c| c.name == name)
    }

    /// The declared type of a column.
    pub fn column_type(&self, name: &str) -> Option<ColumnType> {
        self.column(name).and_then(|c| ColumnType::parse(&c.kind))
    }

    /// The first column with this role.
    pub fn column_with_role(&self, role: Role) -> Option<&str> {
        self.def
            .columns
            .iter()
            .find(|c| c.role.as_deref().and_then(Role::parse) == Some(role))
            .map(|c| c.name.as_str())
    }

    /// The municipality column, by role or type.
    pub fn municipality_column(&self) -> Option<&str> {
        self.column_with_role(Role::Municipality).or_else(|| {
            self.def
                .columns
                .iter()
                .find(|c| ColumnType::parse(&c.kind) == Some(ColumnType::Municipality))
                .map(|c| c.name.as_str())
        })
    }
}

/// A checked ambition.
#[derive(Debug, Clone)]
pub enum AmbitionDef {
    /// No ambition, with the reason.
    None(String),
    /// A target.
    Target {
        /// Target value in the indicator's unit.
        target: f64,
        /// Deadline date `YYYY-MM-DD`.
        by: String,
        /// Increase or decrease.
        direction: Direction,
        /// Baseline period label and optional value.
        baseline: Option<(String, Option<f64>)>,
        /// Breakdown the ambition also applies to per value (e.g. `region`).
        per: Option<String>,
    },
}

/// A checked indicator definition.
#[derive(Debug, Clone)]
pub struct Indicator {
    /// The definition file.
    pub path: PathBuf,
    /// SHA-256 of the definition file.
    pub sha256: String,
    /// The definition as written.
    pub def: RawIndicator,
    /// Goal code (`1`–`5`, `O1`–`O3`).
    pub goal: String,
    /// Level.
    pub level: Level,
    /// Type.
    pub kind: IndicatorType,
    /// Readiness.
    pub readiness: Readiness,
    /// Frequency.
    pub frequency: Frequency,
    /// The ambition.
    pub ambition: AmbitionDef,
}

impl Indicator {
    /// The indicator id.
    pub fn id(&self) -> &str {
        &self.def.id
    }

    /// Name in Norwegian or English.
    pub fn name(&self, en: bool) -> &str {
        if en {
            &self.def.name.en
        } else {
            &self.def.name.nb
        }
    }

    /// The measure kind, if a measure is defined.
    pub fn measure_kind(&self) -> Option<MeasureKind> {
        self.def
            .measure
            .as_ref()
            .and_then(|m| MeasureKind::parse(&m.kind))
    }

    /// Source ids listed on the indicator.
    pub fn source_ids(&self) -> Vec<String> {
        self.def
            .source
            .as_ref()
            .map(super::raw::OneOrMany::to_vec)
            .unwrap_or_default()
    }

    /// The source a measure (or ratio side) reads: its own `source`, else the
    /// indicator's first source.
    pub fn source_of(&self, measure: &RawMeasure) -> Option<String> {
        measure
            .source
            .clone()
            .or_else(|| self.source_ids().into_iter().next())
    }
}
