//! The closed vocabularies of the definition language: every field that takes
//! one of a fixed set of words is parsed once, here, into an enum. Later
//! stages match on these enums and never look at the YAML spelling again.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::period::Granularity;

macro_rules! string_enum {
    ($(#[$m:meta])* $name:ident { $($(#[$vm:meta])* $variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub(crate) enum $name { $($(#[$vm])* $variant),+ }
        impl $name {
            /// All accepted spellings, in order.
            #[allow(dead_code, reason = "not every vocabulary lists its spellings")]
            pub(crate) const ALL: &'static [&'static str] = &[$($text),+];
            /// Parses the YAML spelling.
            pub(crate) fn parse(s: &str) -> Option<Self> {
                match s { $($text => Some(Self::$variant),)+ _ => None }
            }
            /// The YAML spelling.
            #[allow(dead_code, reason = "not every vocabulary is printed")]
            pub(crate) fn as_str(self) -> &'static str {
                match self { $(Self::$variant => $text),+ }
            }
        }
    };
}

string_enum!(
    /// Strategic indicator or support indicator.
    Level { Strategic = "strategic", Support = "support" }
);
string_enum!(
    /// Structure, process or effect indicator.
    IndicatorType { Structure = "structure", Process = "process", Effect = "effect" }
);
string_enum!(
    /// Whether data is available.
    Readiness { Ready = "ready", InDevelopment = "in-development", Planned = "planned" }
);
string_enum!(
    /// How often the indicator is reported.
    Frequency { Annual = "annual", Quarterly = "quarterly", Monthly = "monthly", Continuous = "continuous" }
);
string_enum!(
    /// Measure kinds.
    MeasureKind {
        Count = "count", Sum = "sum", Mean = "mean", Median = "median", Ratio = "ratio",
        ShareOfUnits = "share_of_units", SurveyShare = "survey_share", Reported = "reported",
        Composite = "composite", Milestone = "milestone",
    }
);
string_enum!(
    /// Declared column types.
    ColumnType {
        Text = "text", Integer = "integer", Decimal = "decimal", Date = "date",
        Municipality = "municipality", County = "county", Orgnr = "orgnr",
    }
);
string_enum!(
    /// Declared column roles.
    Role {
        Period = "period", Municipality = "municipality", Orgnr = "orgnr", Weight = "weight",
        Value = "value", Respondent = "respondent", Category = "category",
    }
);

impl Frequency {
    /// The coarsest source granularity this frequency can be computed from;
    /// `None` for continuous (any).
    pub(crate) fn needs(self) -> Option<Granularity> {
        match self {
            Self::Annual => Some(Granularity::Year),
            Self::Quarterly => Some(Granularity::Quarter),
            Self::Monthly => Some(Granularity::Month),
            Self::Continuous => None,
        }
    }

    /// The grouping granularity for a source of granularity `source`.
    /// Continuous indicators follow the source, capped at months.
    pub(crate) fn grouping(self, source: Granularity) -> Granularity {
        match self {
            Self::Annual => Granularity::Year,
            Self::Quarterly => Granularity::Quarter,
            Self::Monthly => Granularity::Month,
            Self::Continuous => source.min(Granularity::Month),
        }
    }

    /// Months after the end of the latest period before the figure counts as stale.
    pub(crate) fn stale_after_months(self) -> i32 {
        match self {
            Self::Annual => 15,
            Self::Quarterly => 6,
            Self::Monthly | Self::Continuous => 3,
        }
    }
}

/// The desired direction of an indicator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum Direction {
    /// Higher is better; the target is met when the value is ≥ target.
    Increase,
    /// Lower is better; the target is met when the value is ≤ target.
    Decrease,
}

impl Direction {
    /// All accepted spellings, in order.
    pub(crate) const ALL: &'static [&'static str] = &["increase", "decrease"];

    /// Parses the YAML spelling (exact).
    pub(crate) fn parse(s: &str) -> Option<Self> {
        match s {
            "increase" => Some(Self::Increase),
            "decrease" => Some(Self::Decrease),
            _ => None,
        }
    }

    /// `increase` or `decrease`.
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Self::Increase => "increase",
            Self::Decrease => "decrease",
        }
    }
}

impl fmt::Display for Direction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How the progress ratio is computed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum Method {
    /// Actual change since the baseline ÷ change required by now on the
    /// straight line from baseline to target.
    Linear,
    /// Observed compound annual growth rate ÷ the rate required to reach the
    /// target by the deadline (Statistics Canada / Open SDG).
    Cagr,
}

impl Method {
    /// Parses the YAML spelling (exact).
    pub(crate) fn parse(s: &str) -> Option<Self> {
        match s {
            "linear" => Some(Self::Linear),
            "cagr" => Some(Self::Cagr),
            _ => None,
        }
    }

    /// `linear` or `cagr`.
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Self::Linear => "linear",
            Self::Cagr => "cagr",
        }
    }

    /// The default method for an indicator unit: [`Method::Linear`] for
    /// bounded or ordinal units (`percent`, `percentage`, `pct`, `%`,
    /// `share`, `proportion`, `score`, `status`), [`Method::Cagr`] for
    /// everything else (`count`, `days`, other positive quantities). ASCII
    /// case and surrounding whitespace are ignored.
    pub(crate) fn default_for_unit(unit: &str) -> Method {
        match unit.trim().to_ascii_lowercase().as_str() {
            "percent" | "percentage" | "pct" | "%" | "share" | "proportion" | "score"
            | "status" => Method::Linear,
            _ => Method::Cagr,
        }
    }
}

impl fmt::Display for Method {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How statuses are combined for composite indicators and goals.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub(crate) enum Rollup {
    /// The worst scored status.
    Worst,
    /// The mean score, rounded half up to the nearest category.
    MeanScore,
}

impl Rollup {
    /// Parses the YAML spelling (exact).
    pub(crate) fn parse(s: &str) -> Option<Self> {
        match s {
            "worst" => Some(Self::Worst),
            "mean-score" => Some(Self::MeanScore),
            _ => None,
        }
    }

    /// `worst` or `mean-score`.
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Self::Worst => "worst",
            Self::MeanScore => "mean-score",
        }
    }
}

impl fmt::Display for Rollup {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

string_enum!(
    /// How a `reported` measure combines several rows in one period.
    Aggregate { Sum = "sum", Mean = "mean", Median = "median", Last = "last" }
);
string_enum!(
    /// What happens to rows with an invalid organisation number.
    InvalidOrgnr { Exclude = "exclude", Reject = "reject" }
);
string_enum!(
    /// A code harmonisation a column can declare.
    Harmonise { Sn2025 = "sn2025" }
);
string_enum!(
    /// The reference set of a `share_of_units` measure.
    Units { Municipalities = "municipalities" }
);
