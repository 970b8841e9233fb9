//! The checked measure: how rows of a source become one value per period.
//! Every kind carries exactly the fields it uses, already parsed; the
//! accessors give later stages one way to read a field whatever the kind.

use super::raw::RawMeasure;
use serde::Serialize;

use super::vocab::{Aggregate, MeasureKind, Rollup, Units};

/// A checked measure: what every kind shares, and the kind with its fields.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Measure {
    /// The source it reads, when it names one (else the indicator's first).
    pub(crate) source: Option<String>,
    /// SQL filter applied to the rows before aggregation.
    pub(crate) filter: Option<String>,
    /// Multiplies the result (100 for percent); only on the top measure.
    pub(crate) scale: Option<f64>,
    /// The kind and its own fields.
    pub(crate) kind: Kind,
}

/// The kinds of measure, each with the fields it uses.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Kind {
    /// Rows, or distinct values of a column.
    Count {
        /// Count distinct values of this column instead of rows.
        distinct: Option<String>,
        /// Multiplies the value.
        factor: Option<f64>,
        /// The units seen in this or any earlier period (with `distinct`).
        cumulative: bool,
    },
    /// Sum of a numeric column.
    Sum {
        /// The value column.
        column: String,
        /// Multiplies the value.
        factor: Option<f64>,
    },
    /// Mean of a numeric column.
    Mean {
        /// The value column.
        column: String,
        /// Multiplies the value.
        factor: Option<f64>,
    },
    /// Median of a numeric column.
    Median {
        /// The value column.
        column: String,
        /// Multiplies the value.
        factor: Option<f64>,
    },
    /// A value reported by the publisher.
    Reported {
        /// The value column.
        column: String,
        /// How several rows in one period combine.
        aggregate: Option<Aggregate>,
    },
    /// One measure divided by another.
    Ratio {
        /// The numerator.
        numerator: Box<Measure>,
        /// The denominator.
        denominator: Box<Measure>,
        /// Periods of the denominator are years.
        cumulative: bool,
        /// The denominator of this year for every period.
        denominator_year: Option<i32>,
    },
    /// Share of municipalities whose rows meet a condition.
    ShareOfUnits {
        /// The reference set, when written (always municipalities).
        units: Option<Units>,
        /// SQL condition a unit's rows must meet.
        condition: String,
        /// Weight units by this source's value (population).
        weight_by: Option<String>,
        /// Units count from the first period they met the condition.
        cumulative: bool,
    },
    /// Weighted share of survey respondents giving certain answers.
    SurveyShare {
        /// The answer column.
        answer: String,
        /// Answers that count as yes.
        answers: Vec<String>,
        /// Answers removed from the denominator.
        exclude: Vec<String>,
        /// Multi-select: one share per answer option.
        per_option: bool,
    },
    /// The statuses of other indicators rolled up.
    Composite {
        /// Component indicator ids.
        components: Vec<String>,
        /// How component statuses combine.
        rollup: Option<Rollup>,
    },
    /// A status read from a column.
    Milestone {
        /// The column holding the status.
        status_column: String,
    },
}

impl Measure {
    /// Converts a raw measure whose findings were all warnings; `None` when
    /// a required field is missing or a word is not in its vocabulary.
    pub(crate) fn from_raw(m: &RawMeasure) -> Option<Self> {
        let column = || m.column.clone();
        let kind = match MeasureKind::parse(&m.kind)? {
            MeasureKind::Count => Kind::Count {
                distinct: m.distinct.clone(),
                factor: m.factor,
                cumulative: m.cumulative,
            },
            MeasureKind::Sum => Kind::Sum {
                column: column()?,
                factor: m.factor,
            },
            MeasureKind::Mean => Kind::Mean {
                column: column()?,
                factor: m.factor,
            },
            MeasureKind::Median => Kind::Median {
                column: column()?,
                factor: m.factor,
            },
            MeasureKind::Reported => Kind::Reported {
                column: column()?,
                aggregate: match &m.aggregate {
                    None => None,
                    Some(a) => Some(Aggregate::parse(a)?),
                },
            },
            MeasureKind::Ratio => Kind::Ratio {
                numerator: Box::new(Self::from_raw(m.numerator.as_deref()?)?),
                denominator: Box::new(Self::from_raw(m.denominator.as_deref()?)?),
                cumulative: m.cumulative,
                denominator_year: m.denominator_year,
            },
            MeasureKind::ShareOfUnits => Kind::ShareOfUnits {
                units: match &m.units {
                    None => None,
                    Some(u) => Some(Units::parse(u)?),
                },
                condition: m.condition.clone()?,
                weight_by: m.weight_by.clone(),
                cumulative: m.cumulative,
            },
            MeasureKind::SurveyShare => Kind::SurveyShare {
                answer: m.answer.clone()?,
                answers: m.answers.clone(),
                exclude: m.exclude.clone(),
                per_option: m.per_option,
            },
            MeasureKind::Composite => Kind::Composite {
                components: m.components.clone(),
                rollup: match &m.rollup {
                    None => None,
                    Some(r) => Some(Rollup::parse(r)?),
                },
            },
            MeasureKind::Milestone => Kind::Milestone {
                status_column: m.status_column.clone()?,
            },
        };
        Some(Self {
            source: m.source.clone(),
            filter: m.filter.clone(),
            scale: m.scale,
            kind,
        })
    }

    /// The kind, without its fields.
    pub(crate) fn measure_kind(&self) -> MeasureKind {
        match &self.kind {
            Kind::Count { .. } => MeasureKind::Count,
            Kind::Sum { .. } => MeasureKind::Sum,
            Kind::Mean { .. } => MeasureKind::Mean,
            Kind::Median { .. } => MeasureKind::Median,
            Kind::Reported { .. } => MeasureKind::Reported,
            Kind::Ratio { .. } => MeasureKind::Ratio,
            Kind::ShareOfUnits { .. } => MeasureKind::ShareOfUnits,
            Kind::SurveyShare { .. } => MeasureKind::SurveyShare,
            Kind::Composite { .. } => MeasureKind::Composite,
            Kind::Milestone { .. } => MeasureKind::Milestone,
        }
    }

    /// The value column of `sum`, `mean`, `median` and `reported`.
    pub(crate) fn column(&self) -> Option<&str> {
        match &self.kind {
            Kind::Sum { column, .. }
            | Kind::Mean { column, .. }
            | Kind::Median { column, .. }
            | Kind::Reported { column, .. } => Some(column),
            _ => None,
        }
    }

    /// The column a `count` counts distinct values of.
    pub(crate) fn distinct(&self) -> Option<&str> {
        match &self.kind {
            Kind::Count { distinct, .. } => distinct.as_deref(),
            _ => None,
        }
    }

    /// The factor of `count`, `sum`, `mean` and `median`.
    pub(crate) fn factor(&self) -> Option<f64> {
        match &self.kind {
            Kind::Count { factor, .. }
            | Kind::Sum { factor, .. }
            | Kind::Mean { factor, .. }
            | Kind::Median { factor, .. } => *factor,
            _ => None,
        }
    }

    /// The aggregate of `reported`.
    pub(crate) fn aggregate(&self) -> Option<Aggregate> {
        match &self.kind {
            Kind::Reported { aggregate, .. } => *aggregate,
            _ => None,
        }
    }

    /// The sides of a `ratio`.
    pub(crate) fn sides(&self) -> Option<(&Measure, &Measure)> {
        match &self.kind {
            Kind::Ratio {
                numerator,
                denominator,
                ..
            } => Some((numerator, denominator)),
            _ => None,
        }
    }

    /// `denominator-year` of a `ratio`: its denominator is that year's for
    /// every period.
    pub(crate) fn denominator_year(&self) -> Option<i32> {
        match &self.kind {
            Kind::Ratio {
                denominator_year, ..
            } => *denominator_year,
            _ => None,
        }
    }

    /// `cumulative` of `count`, `ratio` and `share_of_units`.
    pub(crate) fn cumulative(&self) -> bool {
        match &self.kind {
            Kind::Count { cumulative, .. }
            | Kind::Ratio { cumulative, .. }
            | Kind::ShareOfUnits { cumulative, .. } => *cumulative,
            _ => false,
        }
    }

    /// The condition of `share_of_units`.
    pub(crate) fn condition(&self) -> Option<&str> {
        match &self.kind {
            Kind::ShareOfUnits { condition, .. } => Some(condition),
            _ => None,
        }
    }

    /// The weight source of `share_of_units`.
    pub(crate) fn weight_by(&self) -> Option<&str> {
        match &self.kind {
            Kind::ShareOfUnits { weight_by, .. } => weight_by.as_deref(),
            _ => None,
        }
    }

    /// The component ids of a `composite` (empty for other kinds).
    pub(crate) fn components(&self) -> &[String] {
        match &self.kind {
            Kind::Composite { components, .. } => components,
            _ => &[],
        }
    }

    /// The rollup of a `composite`.
    pub(crate) fn rollup(&self) -> Option<Rollup> {
        match &self.kind {
            Kind::Composite { rollup, .. } => *rollup,
            _ => None,
        }
    }

    /// The status column of a `milestone`.
    pub(crate) fn status_column(&self) -> Option<&str> {
        match &self.kind {
            Kind::Milestone { status_column } => Some(status_column),
            _ => None,
        }
    }

    /// The numerator of a `ratio`.
    pub(crate) fn numerator(&self) -> Option<&Measure> {
        self.sides().map(|(n, _)| n)
    }

    /// The denominator of a `ratio`.
    pub(crate) fn denominator(&self) -> Option<&Measure> {
        self.sides().map(|(_, d)| d)
    }

    /// The answer column of a `survey_share`.
    pub(crate) fn answer(&self) -> Option<&str> {
        match &self.kind {
            Kind::SurveyShare { answer, .. } => Some(answer),
            _ => None,
        }
    }

    /// The answers that count as yes in a `survey_share` (empty for other kinds).
    pub(crate) fn answers(&self) -> &[String] {
        match &self.kind {
            Kind::SurveyShare { answers, .. } => answers,
            _ => &[],
        }
    }

    /// The answers left out of a `survey_share`'s denominator.
    pub(crate) fn exclude(&self) -> &[String] {
        match &self.kind {
            Kind::SurveyShare { exclude, .. } => exclude,
            _ => &[],
        }
    }

    /// Whether a `survey_share` gives one share per answer option.
    pub(crate) fn per_option(&self) -> bool {
        matches!(
            &self.kind,
            Kind::SurveyShare {
                per_option: true,
                ..
            }
        )
    }
}

impl Serialize for Measure {
    /// Serialises as written in the definition (as [`RawMeasure`]).
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.to_raw().serialize(serializer)
    }
}

impl Measure {
    /// The measure as it would be written in a definition file.
    fn to_raw(&self) -> RawMeasure {
        let mut raw = RawMeasure {
            kind: self.measure_kind().as_str().to_string(),
            source: self.source.clone(),
            filter: self.filter.clone(),
            distinct: self.distinct().map(str::to_string),
            column: self.column().map(str::to_string),
            numerator: self.numerator().map(|n| Box::new(n.to_raw())),
            denominator: self.denominator().map(|d| Box::new(d.to_raw())),
            factor: self.factor(),
            scale: self.scale,
            units: None,
            condition: self.condition().map(str::to_string),
            weight_by: self.weight_by().map(str::to_string),
            answer: self.answer().map(str::to_string),
            answers: self.answers().to_vec(),
            exclude: self.exclude().to_vec(),
            per_option: self.per_option(),
            aggregate: self.aggregate().map(|a| a.as_str().to_string()),
            components: self.components().to_vec(),
            rollup: self.rollup().map(|r| r.as_str().to_string()),
            status_column: self.status_column().map(str::to_string),
            cumulative: self.cumulative(),
            denominator_year: self.denominator_year(),
        };
        if let Kind::ShareOfUnits { units, .. } = &self.kind {
            raw.units = units.map(|u| u.as_str().to_string());
        }
        raw
    }
}
