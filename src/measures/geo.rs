//! The shipped municipality tables as small polars frames for joins.

use std::collections::BTreeMap;

use polars::prelude::*;

use crate::geography::{Geography, Harmonised, SplitPolicy};

/// First year of the shipped structures.
pub(super) const FIRST_YEAR: i32 = 2020;
/// The structure breakdowns are harmonised onto (the latest).
pub(super) const TARGET_YEAR: i32 = 2026;

/// Code → harmonised code (latest structure, larger part for splits), its
/// name, county code, county name and RHF. Columns `_code`, `_hcode`,
/// `_mname`, `_county`, `_county_name`, `_rhf`.
///
/// # Errors
/// Only if polars cannot build the frame.
pub fn region_frame() -> PolarsResult<DataFrame> {
    let geo = Geography::shipped();
    let latest: BTreeMap<String, crate::geography::MunicipalityYear> = geo
        .municipality_years(TARGET_YEAR, TARGET_YEAR)
        .into_iter()
        .map(|m| (m.code.clone(), m))
        .collect();
    let mut first_year: BTreeMap<String, i32> = BTreeMap::new();
    for m in geo.municipality_years(FIRST_YEAR, TARGET_YEAR) {
        first_year.entry(m.code).or_insert(m.year);
    }
    let mut cols: [Vec<String>; 6] = Default::default();
    for (code, year) in &first_year {
        let target = match geo.harmonise(code, *year, TARGET_YEAR, SplitPolicy::Largest) {
            Harmonised::Exact(c) => Some(c),
            Harmonised::Split { chosen, .. } => chosen,
            Harmonised::Unknown => None,
        };
        let Some(m) = target.and_then(|t| latest.get(&t)) else {
            continue;
        };
        cols[0].push(code.clone());
        cols[1].push(m.code.clone());
        cols[2].push(m.name.clone());
        cols[3].push(m.county.clone());
        cols[4].push(m.county_name.clone());
        cols[5].push(m.rhf.clone());
    }
    let names = [
        "_code",
        "_hcode",
        "_mname",
        "_county",
        "_county_name",
        "_rhf",
    ];
    let columns = names
        .iter()
        .zip(cols)
        .map(|(n, v)| Column::new(PlSmallStr::from(*n), v))
        .collect();
    DataFrame::new_infer_height(columns)
}

/// The municipalities valid in each year `first..=last`: `_y` (Int32), `_code`.
///
/// # Errors
/// Only if polars cannot build the frame.
pub fn reference_frame(first: i32, last: i32) -> PolarsResult<DataFrame> {
    let rows = Geography::shipped().municipality_years(first, last);
    let years: Vec<i32> = rows.iter().map(|m| m.year).collect();
    let codes: Vec<String> = rows.into_iter().map(|m| m.code).collect();
    DataFrame::new_infer_height(vec![
        Column::new(PlSmallStr::from_static("_y"), years),
        Column::new(PlSmallStr::from_static("_code"), codes),
    ])
}

/// Every municipality code the shipped tables know (any year).
pub fn known_codes() -> Vec<String> {
    let mut v: Vec<String> = Geography::shipped()
        .municipality_years(FIRST_YEAR, TARGET_YEAR)
        .into_iter()
        .map(|m| m.code)
        .collect();
    v.sort();
    v.dedup();
    v
}
