//! The shipped municipality tables as small polars frames for joins.

use std::collections::BTreeMap;

use polars::prelude::*;

use crate::geography::{Geography, Harmonised, SplitPolicy};

/// First year of the shipped structures.
pub(super) const FIRST_YEAR: i32 = 2020;
/// The structure breakdowns are harmonised onto (the latest).
pub(super) const TARGET_YEAR: i32 = 2026;

/// Code → harmonised code on the latest structure, its name, county code,
/// county name and RHF. Columns `_code`, `_hcode`, `_mname`, `_county`,
/// `_county_name`, `_rhf`.
///
/// Renumberings and merges map exactly. A code that was split (1507 Ålesund
/// → 1508 Ålesund + 1580 Haram in 2024) maps by `policy`: under
/// [`SplitPolicy::Largest`] to the documented larger part; under
/// [`SplitPolicy::Flag`] it stays its own, flagged group (`1507 Ålesund
/// (delt 2024)`), and keeps a county and RHF only when every part shares
/// them (as Ålesund's parts do), so regional figures stay exact.
///
/// # Errors
/// Only if polars cannot build the frame.
pub(super) fn region_frame(policy: SplitPolicy) -> PolarsResult<DataFrame> {
    let geo = Geography::shipped();
    let latest: BTreeMap<String, crate::geography::MunicipalityYear> = geo
        .municipality_years(TARGET_YEAR, TARGET_YEAR)
        .into_iter()
        .map(|m| (m.code.clone(), m))
        .collect();
    let mut last_seen: BTreeMap<String, crate::geography::MunicipalityYear> = BTreeMap::new();
    for m in geo.municipality_years(FIRST_YEAR, TARGET_YEAR) {
        last_seen.insert(m.code.clone(), m);
    }
    let mut cols: [Vec<Option<String>>; 6] = Default::default();
    for (code, seen) in &last_seen {
        let row: [Option<String>; 5] = match geo.harmonise(code, seen.year, TARGET_YEAR, policy) {
            Harmonised::Exact(c)
            | Harmonised::Split {
                chosen: Some(c), ..
            } => {
                let Some(m) = latest.get(&c) else { continue };
                [
                    Some(m.code.clone()),
                    Some(m.name.clone()),
                    Some(m.county.clone()),
                    Some(m.county_name.clone()),
                    Some(m.rhf.clone()),
                ]
            }
            Harmonised::Split {
                parts,
                chosen: None,
            } => {
                let parts: Vec<&crate::geography::MunicipalityYear> =
                    parts.iter().filter_map(|p| latest.get(p)).collect();
                let shared = |f: fn(&crate::geography::MunicipalityYear) -> &String| {
                    let first = parts.first().map(|m| f(m).clone());
                    first.filter(|v| parts.iter().all(|m| f(m) == v))
                };
                [
                    Some(code.clone()),
                    Some(format!("{} (delt {})", seen.name, seen.year + 1)),
                    shared(|m| &m.county),
                    shared(|m| &m.county_name),
                    shared(|m| &m.rhf),
                ]
            }
            Harmonised::Unknown => continue,
        };
        cols[0].push(Some(code.clone()));
        for (i, v) in row.into_iter().enumerate() {
            cols[i + 1].push(v);
        }
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

/// Codes that a split took out of use before [`TARGET_YEAR`], with the
/// parts they became: `(code, name, parts)`.
pub(super) fn split_codes() -> Vec<(String, String, Vec<String>)> {
    let geo = Geography::shipped();
    let mut last_seen: BTreeMap<String, crate::geography::MunicipalityYear> = BTreeMap::new();
    for m in geo.municipality_years(FIRST_YEAR, TARGET_YEAR) {
        last_seen.insert(m.code.clone(), m);
    }
    last_seen
        .into_iter()
        .filter_map(|(code, seen)| {
            match geo.harmonise(&code, seen.year, TARGET_YEAR, SplitPolicy::Flag) {
                Harmonised::Split { parts, .. } => Some((code, seen.name, parts)),
                _ => None,
            }
        })
        .collect()
}

/// The municipalities valid in each year `first..=last`: `_y` (Int32), `_code`.
///
/// # Errors
/// Only if polars cannot build the frame.
pub(super) fn reference_frame(first: i32, last: i32) -> PolarsResult<DataFrame> {
    let rows = Geography::shipped().municipality_years(first, last);
    let years: Vec<i32> = rows.iter().map(|m| m.year).collect();
    let codes: Vec<String> = rows.into_iter().map(|m| m.code).collect();
    DataFrame::new_infer_height(vec![
        Column::new(PlSmallStr::from_static("_y"), years),
        Column::new(PlSmallStr::from_static("_code"), codes),
    ])
}
