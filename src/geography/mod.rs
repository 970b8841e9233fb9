//! Norwegian municipalities, counties and regional health authorities (RHF),
//! from the reference tables shipped in `reference/` (facts from SSB KLASS
//! classifications 131 and 104; see `reference/README.md`).
//!
//! The tables cover the municipality structure of 2020–2023 (356
//! municipalities, 11 counties) and the structure from 2024 (357
//! municipalities, 15 counties). Years before the first structure are
//! answered with the first structure, years after the last known change with
//! the latest one.
//!
//! Codes are text with leading zeros: municipalities `"0301"`, counties
//! `"03"`. Lookups accept unpadded codes (`"301"`, `"K-0301"`) and pad them
//! with [`pad_municipality_code`] / [`pad_county_code`].

mod data;
#[cfg(test)]
mod tests;

use std::collections::BTreeSet;
use std::sync::OnceLock;

use data::{Change, ChangeKind, County};

/// The documented choice of the "larger part" for every split in
/// `reference/kommuneendringer.csv`: `(year, old code, part chosen)`.
///
/// 2024: 1507 Ålesund was divided into 1508 Ålesund (about 58 000 residents
/// on 1 January 2024) and 1580 Haram (about 9 500), so [`SplitPolicy::Largest`]
/// maps 1507 to 1508. Populations from SSB table 07459; a fixed choice, not
/// computed at run time.
pub const LARGEST_PART: &[(i32, &str, &str)] = &[(2024, "1507", "1508")];

/// One municipality code in one structure period (a row of
/// `reference/kommuner.csv`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Municipality {
    /// Four-digit municipality code, e.g. `"0301"`.
    pub code: String,
    /// Norwegian short name, e.g. `"Oslo"`; duplicated names carry SSB's
    /// county qualifier (`"Herøy (Nordland)"`).
    pub name: String,
    /// Two-digit county code: the first two digits of `code`.
    pub county: String,
    /// First year (1 January) the code is in use; 2020 means "at least since 2020".
    pub valid_from: i32,
    /// Last year the code is in use; `None` while still in use.
    pub valid_to: Option<i32>,
}

impl Municipality {
    /// Whether the code is in use in `year` (no clamping of the year).
    fn valid_in(&self, year: i32) -> bool {
        self.valid_from <= year && self.valid_to.is_none_or(|t| year <= t)
    }
}

/// A municipality valid in a given year, with its county name and RHF: the
/// rows of [`Geography::municipality_years`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MunicipalityYear {
    /// The calendar year.
    pub year: i32,
    /// Four-digit municipality code.
    pub code: String,
    /// Municipality name.
    pub name: String,
    /// Two-digit county code.
    pub county: String,
    /// County name in that year.
    pub county_name: String,
    /// Regional health authority, e.g. `"Helse Nord"` (no "RHF" suffix).
    pub rhf: String,
}

/// What to do with a municipality that was split between the two years.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SplitPolicy {
    /// Report the split without choosing a part.
    Flag,
    /// Choose the part with the larger population, as documented in
    /// [`LARGEST_PART`].
    Largest,
}

/// The result of [`Geography::harmonise`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Harmonised {
    /// The code maps to exactly one code of the target year (possibly itself).
    Exact(String),
    /// The code's area is divided between several codes of the target year.
    Split {
        /// All target codes sharing the area, sorted.
        parts: Vec<String>,
        /// The part chosen by the policy: `None` under [`SplitPolicy::Flag`],
        /// the documented larger part under [`SplitPolicy::Largest`] (or
        /// `None` if no choice is documented, e.g. when going backwards
        /// through a merge).
        chosen: Option<String>,
    },
    /// The code is not a municipality valid in the source year.
    Unknown,
}

/// The shipped municipality, county and RHF tables, parsed once.
#[derive(Debug)]
pub struct Geography {
    /// Sorted by (code, `valid_from`).
    municipalities: Vec<Municipality>,
    /// Sorted by (code, `valid_from`).
    counties: Vec<County>,
    /// Sorted by (year, old code, new code).
    changes: Vec<Change>,
    /// First year of the first structure (2020).
    first_year: i32,
    /// First year of the latest structure (2024).
    last_year: i32,
}

impl Geography {
    /// The tables embedded in the binary, parsed on first use.
    ///
    /// # Panics
    /// Only if the embedded tables are malformed (a build defect caught by the tests).
    pub fn shipped() -> &'static Geography {
        static SHIPPED: OnceLock<Geography> = OnceLock::new();
        SHIPPED.get_or_init(|| {
            Geography::from_tables(
                data::municipalities(data::KOMMUNER),
                data::counties(data::FYLKER),
                data::changes(data::ENDRINGER),
            )
        })
    }

    /// Builds a geography from parsed tables.
    fn from_tables(
        municipalities: Vec<Municipality>,
        counties: Vec<County>,
        changes: Vec<Change>,
    ) -> Geography {
        let first_year = municipalities
            .iter()
            .map(|m| m.valid_from)
            .min()
            .expect("reference/kommuner.csv is empty");
        let last_year = municipalities
            .iter()
            .map(|m| m.valid_from)
            .chain(changes.iter().map(|c| c.year))
            .max()
            .unwrap_or(first_year);
        check_splits(&changes);
        Geography {
            municipalities,
            counties,
            changes,
            first_year,
            last_year,
        }
    }

    /// Maps a year onto the range of known structures.
    fn clamp_year(&self, year: i32) -> i32 {
        year.clamp(self.first_year, self.last_year)
    }

    /// The municipalities valid in `year`, sorted by code. Years before 2020
    /// give the 2020 structure; years after the last known change give the
    /// latest structure.
    #[must_use]
    pub fn municipalities_in(&self, year: i32) -> Vec<&Municipality> {
        let year = self.clamp_year(year);
        self.municipalities
            .iter()
            .filter(|m| m.valid_in(year))
            .collect()
    }

    /// The municipality with `code` (padded if needed) valid in `year`, if any.
    #[must_use]
    pub fn municipality(&self, code: &str, year: i32) -> Option<&Municipality> {
        let code = pad_municipality_code(code)?;
        let year = self.clamp_year(year);
        self.municipalities
            .iter()
            .find(|m| m.code == code && m.valid_in(year))
    }

    /// Whether `code` (padded if needed) is a municipality code valid in any year.
    #[must_use]
    pub fn is_known_code(&self, code: &str) -> bool {
        pad_municipality_code(code).is_some_and(|c| self.municipalities.iter().any(|m| m.code == c))
    }

    /// Every municipality code valid in any year, sorted and without duplicates.
    pub fn known_codes(&self) -> Vec<String> {
        let set: BTreeSet<&str> = self
            .municipalities
            .iter()
            .map(|m| m.code.as_str())
            .collect();
        set.into_iter().map(str::to_owned).collect()
    }

    /// The county row for `county` valid in `year` (clamped).
    fn county(&self, county: &str, year: i32) -> Option<&County> {
        let county = pad_county_code(county)?;
        let year = self.clamp_year(year);
        self.counties.iter().find(|c| {
            c.code == county && c.valid_from <= year && c.valid_to.is_none_or(|t| year <= t)
        })
    }

    /// The name of `county` (two digits, padded if needed) in `year`, if the
    /// county exists that year.
    #[must_use]
    pub fn county_name(&self, county: &str, year: i32) -> Option<&str> {
        self.county(county, year).map(|c| c.name.as_str())
    }

    /// The regional health authority of a county (any year it existed), e.g.
    /// `"Helse Vest"` for `"46"`.
    #[must_use]
    pub fn rhf_of_county(&self, county: &str) -> Option<&str> {
        let county = pad_county_code(county)?;
        self.counties
            .iter()
            .find(|c| c.code == county)
            .map(|c| c.rhf.as_str())
    }

    /// The regional health authority of the municipality `code` valid in
    /// `year`: the RHF of its county (no municipality is an exception; 1811
    /// Bindal follows Nordland to Helse Nord).
    #[must_use]
    pub fn rhf_of_municipality(&self, code: &str, year: i32) -> Option<&str> {
        let m = self.municipality(code, year)?;
        self.rhf_of_county(&m.county)
    }

    /// Every municipality valid in each year `first..=last`, with county name
    /// and RHF, sorted by (year, code). Empty if `first > last`.
    #[must_use]
    pub fn municipality_years(&self, first: i32, last: i32) -> Vec<MunicipalityYear> {
        let mut out = Vec::new();
        for year in first..=last {
            for m in self.municipalities_in(year) {
                out.push(MunicipalityYear {
                    year,
                    code: m.code.clone(),
                    name: m.name.clone(),
                    county: m.county.clone(),
                    county_name: self
                        .county_name(&m.county, year)
                        .unwrap_or_default()
                        .to_owned(),
                    rhf: self.rhf_of_county(&m.county).unwrap_or_default().to_owned(),
                });
            }
        }
        out
    }

    /// Maps the municipality `code` valid in `from_year` onto the structure
    /// of `to_year`, following every change in between (either direction).
    ///
    /// Renumberings and merges map exactly. A split forward (or a merge
    /// backward) gives [`Harmonised::Split`] with all parts; under
    /// [`SplitPolicy::Largest`] `chosen` is the documented larger part from
    /// [`LARGEST_PART`] (1507 Ålesund → 1508 Ålesund). A code not valid in
    /// `from_year` gives [`Harmonised::Unknown`].
    #[must_use]
    pub fn harmonise(
        &self,
        code: &str,
        from_year: i32,
        to_year: i32,
        policy: SplitPolicy,
    ) -> Harmonised {
        let Some(start) = self.municipality(code, from_year) else {
            return Harmonised::Unknown;
        };
        let from = self.clamp_year(from_year);
        let to = self.clamp_year(to_year);
        let mut parts: Vec<String> = vec![start.code.clone()];
        let mut chosen: Option<String> = Some(start.code.clone());
        let mut years: Vec<i32> = self
            .changes
            .iter()
            .map(|c| c.year)
            .filter(|&y| {
                if from <= to {
                    from < y && y <= to
                } else {
                    to < y && y <= from
                }
            })
            .collect();
        years.dedup();
        if from > to {
            years.reverse();
        }
        for year in years {
            let forward = from <= to;
            let mut next: Vec<String> = Vec::new();
            for code in &parts {
                next.extend(self.step(code, year, forward));
            }
            next.sort();
            next.dedup();
            parts = next;
            chosen = chosen.and_then(|c| {
                let targets = self.step(&c, year, forward);
                match targets.as_slice() {
                    [one] => Some(one.clone()),
                    _ => LARGEST_PART
                        .iter()
                        .find(|(y, old, _)| forward && *y == year && *old == c)
                        .map(|(_, _, part)| (*part).to_owned()),
                }
            });
        }
        match parts.as_slice() {
            [one] => Harmonised::Exact(one.clone()),
            _ => Harmonised::Split {
                parts,
                chosen: match policy {
                    SplitPolicy::Flag => None,
                    SplitPolicy::Largest => chosen,
                },
            },
        }
    }

    /// The codes `code` becomes across the change on 1 January `year`
    /// (forward), or came from (backward); itself if unchanged.
    fn step(&self, code: &str, year: i32, forward: bool) -> Vec<String> {
        let rows = self.changes.iter().filter(|c| c.year == year);
        let targets: Vec<String> = if forward {
            rows.filter(|c| c.old_code == code)
                .map(|c| c.new_code.clone())
                .collect()
        } else {
            rows.filter(|c| c.new_code == code)
                .map(|c| c.old_code.clone())
                .collect()
        };
        if targets.is_empty() {
            vec![code.to_owned()]
        } else {
            targets
        }
    }

    /// `(old code, target code)` for every municipality valid in `from_year`,
    /// harmonised onto `to_year`, sorted by old code. Under
    /// [`SplitPolicy::Flag`] split codes are left out; under
    /// [`SplitPolicy::Largest`] they map to the documented larger part.
    #[must_use]
    pub fn harmonisation_pairs(
        &self,
        from_year: i32,
        to_year: i32,
        policy: SplitPolicy,
    ) -> Vec<(String, String)> {
        self.municipalities_in(from_year)
            .into_iter()
            .filter_map(|m| {
                let target = match self.harmonise(&m.code, from_year, to_year, policy) {
                    Harmonised::Exact(t) => Some(t),
                    Harmonised::Split { chosen, .. } => chosen,
                    Harmonised::Unknown => None,
                }?;
                Some((m.code.clone(), target))
            })
            .collect()
    }
}

/// Checks that every code with several successors in one year is a documented
/// split with a [`LARGEST_PART`] entry naming one of its parts.
///
/// # Panics
/// If `reference/kommuneendringer.csv` and [`LARGEST_PART`] disagree (a build
/// defect caught by the tests).
fn check_splits(changes: &[Change]) {
    for c in changes {
        let parts: Vec<&Change> = changes
            .iter()
            .filter(|d| d.year == c.year && d.old_code == c.old_code)
            .collect();
        let is_split = c.kind == ChangeKind::Split;
        assert_eq!(
            is_split,
            parts.len() > 1,
            "kommuneendringer.csv: {} {} has {} successors but kind {:?}",
            c.year,
            c.old_code,
            parts.len(),
            c.kind
        );
        if is_split {
            let largest = LARGEST_PART
                .iter()
                .find(|(y, old, _)| *y == c.year && *old == c.old_code);
            assert!(
                largest.is_some_and(|(_, _, part)| parts.iter().any(|p| p.new_code == *part)),
                "no documented larger part for the split of {} in {}",
                c.old_code,
                c.year
            );
        }
    }
}

/// Normalises a municipality code: trims, strips a `K-` prefix (as in SSB
/// statbank region codes), accepts 1–4 ASCII digits and pads them with
/// leading zeros to four (`"301"` → `"0301"`). Anything else gives `None`.
#[must_use]
pub fn pad_municipality_code(raw: &str) -> Option<String> {
    let s = raw.trim();
    let s = s
        .strip_prefix("K-")
        .or_else(|| s.strip_prefix("k-"))
        .unwrap_or(s);
    pad_digits(s, 4)
}

/// Normalises a county code: trims, accepts 1–2 ASCII digits and pads them
/// to two (`"3"` → `"03"`). Anything else gives `None`.
#[must_use]
pub fn pad_county_code(raw: &str) -> Option<String> {
    pad_digits(raw.trim(), 2)
}

/// Zero-pads 1..=`width` ASCII digits to `width`.
fn pad_digits(s: &str, width: usize) -> Option<String> {
    (!s.is_empty() && s.len() <= width && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| format!("{s:0>width$}"))
}
