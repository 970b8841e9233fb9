//! Unit tests of the shipped tables and the lookups.

use super::*;

fn geo() -> &'static Geography {
    Geography::shipped()
}

#[test]
fn counts_per_year() {
    for year in 2020..=2023 {
        assert_eq!(geo().municipalities_in(year).len(), 356, "{year}");
    }
    for year in 2024..=2026 {
        assert_eq!(geo().municipalities_in(year).len(), 357, "{year}");
    }
    // Before the first and after the last structure: clamped.
    assert_eq!(geo().municipalities_in(2015).len(), 356);
    assert_eq!(geo().municipalities_in(2040).len(), 357);
}

#[test]
fn municipalities_in_is_sorted_and_unique() {
    for year in [2020, 2024] {
        let codes: Vec<&str> = geo()
            .municipalities_in(year)
            .iter()
            .map(|m| m.code.as_str())
            .collect();
        let mut sorted = codes.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(codes, sorted);
    }
}

#[test]
fn counties_per_year() {
    let counties = |year: i32| -> BTreeSet<String> {
        geo()
            .municipalities_in(year)
            .iter()
            .map(|m| m.county.clone())
            .collect()
    };
    assert_eq!(counties(2023).len(), 11);
    assert_eq!(counties(2024).len(), 15);
    for year in [2020, 2024] {
        for c in counties(year) {
            assert!(geo().county_name(&c, year).is_some(), "{c} {year}");
            assert!(geo().rhf_of_county(&c).is_some(), "{c}");
        }
    }
    assert_eq!(geo().county_name("30", 2023), Some("Viken"));
    assert_eq!(geo().county_name("30", 2024), None);
    assert_eq!(geo().county_name("31", 2024), Some("Østfold"));
    assert_eq!(geo().county_name("3", 2024), Some("Oslo"));
    assert_eq!(geo().rhf_of_county("46"), Some("Helse Vest"));
    assert_eq!(geo().rhf_of_county("54"), Some("Helse Nord"));
    assert_eq!(geo().rhf_of_county("99"), None);
}

#[test]
fn oslo_in_both_structures() {
    for year in [2019, 2020, 2023, 2024, 2030] {
        let m = geo().municipality("0301", year).expect("Oslo");
        assert_eq!(m.name, "Oslo");
        assert_eq!(m.county, "03");
        assert_eq!(m.valid_to, None);
    }
    assert_eq!(
        geo().municipality("301", 2024).map(|m| m.code.as_str()),
        Some("0301")
    );
    assert_eq!(
        geo().rhf_of_municipality("0301", 2024),
        Some("Helse Sør-Øst")
    );
}

#[test]
fn renumbered_halden() {
    let old = geo().municipality("3001", 2023).expect("3001 in 2023");
    assert_eq!((old.name.as_str(), old.valid_to), ("Halden", Some(2023)));
    assert!(geo().municipality("3001", 2024).is_none());
    assert!(geo().municipality("3101", 2023).is_none());
    assert_eq!(
        geo().municipality("3101", 2024).map(|m| m.name.as_str()),
        Some("Halden")
    );
    assert!(geo().is_known_code("3001") && geo().is_known_code("3101"));
    assert!(!geo().is_known_code("0101") && !geo().is_known_code("abc"));
    for policy in [SplitPolicy::Flag, SplitPolicy::Largest] {
        assert_eq!(
            geo().harmonise("3001", 2022, 2025, policy),
            Harmonised::Exact("3101".into())
        );
        assert_eq!(
            geo().harmonise("3101", 2025, 2021, policy),
            Harmonised::Exact("3001".into())
        );
    }
    assert_eq!(
        geo().harmonise("0301", 2020, 2024, SplitPolicy::Flag),
        Harmonised::Exact("0301".into())
    );
    assert_eq!(
        geo().harmonise("3101", 2020, 2024, SplitPolicy::Flag),
        Harmonised::Unknown
    );
    assert_eq!(
        geo().harmonise("9999", 2020, 2024, SplitPolicy::Flag),
        Harmonised::Unknown
    );
}

#[test]
fn alesund_split() {
    let parts = vec!["1508".to_owned(), "1580".to_owned()];
    assert_eq!(
        geo().harmonise("1507", 2023, 2024, SplitPolicy::Flag),
        Harmonised::Split {
            parts: parts.clone(),
            chosen: None
        }
    );
    assert_eq!(
        geo().harmonise("1507", 2020, 2026, SplitPolicy::Largest),
        Harmonised::Split {
            parts,
            chosen: Some("1508".into())
        }
    );
    // Same year: no change.
    assert_eq!(
        geo().harmonise("1507", 2021, 2023, SplitPolicy::Flag),
        Harmonised::Exact("1507".into())
    );
    // Backwards both parts come from 1507.
    for part in ["1508", "1580"] {
        assert_eq!(
            geo().harmonise(part, 2024, 2023, SplitPolicy::Flag),
            Harmonised::Exact("1507".into())
        );
    }
}

#[test]
fn harmonisation_pairs_2023_to_2024() {
    let flag = geo().harmonisation_pairs(2023, 2024, SplitPolicy::Flag);
    assert_eq!(flag.len(), 355);
    assert!(flag.iter().all(|(old, _)| old != "1507"));
    assert!(flag.contains(&("3001".into(), "3101".into())));
    assert!(flag.contains(&("0301".into(), "0301".into())));
    let largest = geo().harmonisation_pairs(2023, 2024, SplitPolicy::Largest);
    assert_eq!(largest.len(), 356);
    assert!(largest.contains(&("1507".into(), "1508".into())));
    let changed = largest.iter().filter(|(o, n)| o != n).count();
    assert_eq!(changed, 114);
    // Every target is a 2024 municipality.
    for (_, new) in &largest {
        assert!(geo().municipality(new, 2024).is_some(), "{new}");
    }
}

#[test]
fn bindal_is_helse_nord() {
    assert_eq!(geo().rhf_of_municipality("1811", 2024), Some("Helse Nord"));
    assert_eq!(geo().rhf_of_municipality("1811", 2020), Some("Helse Nord"));
    assert_eq!(
        geo().rhf_of_municipality("5001", 2024),
        Some("Helse Midt-Norge")
    );
    assert_eq!(geo().rhf_of_municipality("5401", 2023), Some("Helse Nord"));
    assert_eq!(geo().rhf_of_municipality("5401", 2024), None);
}

#[test]
fn municipality_years_rows() {
    let rows = geo().municipality_years(2023, 2024);
    assert_eq!(rows.len(), 356 + 357);
    assert!(
        rows.windows(2)
            .all(|w| (w[0].year, &w[0].code) < (w[1].year, &w[1].code))
    );
    assert!(
        rows.iter()
            .all(|r| !r.county_name.is_empty() && !r.rhf.is_empty())
    );
    let halden = rows.iter().find(|r| r.code == "3001").expect("Halden 2023");
    assert_eq!(
        (
            halden.year,
            halden.county_name.as_str(),
            halden.rhf.as_str()
        ),
        (2023, "Viken", "Helse Sør-Øst")
    );
    assert!(geo().municipality_years(2025, 2024).is_empty());
}

#[test]
fn every_change_is_consistent_with_validity() {
    let g = geo();
    let renumbers = g
        .changes
        .iter()
        .filter(|c| c.kind == ChangeKind::Renumber)
        .count();
    assert_eq!(renumbers, 113);
    for c in &g.changes {
        let old = g
            .municipality(&c.old_code, c.year - 1)
            .expect("old valid the year before");
        assert_eq!(old.valid_to, Some(c.year - 1), "{}", c.old_code);
        let new = g
            .municipality(&c.new_code, c.year)
            .expect("new valid in the year");
        assert_eq!(new.valid_from, c.year, "{}", c.new_code);
    }
    // Every code that ends or starts after 2020 is covered by a change.
    for m in &g.municipalities {
        if let Some(t) = m.valid_to {
            assert!(
                g.changes
                    .iter()
                    .any(|c| c.year == t + 1 && c.old_code == m.code),
                "{}",
                m.code
            );
        }
        if m.valid_from > g.first_year {
            assert!(
                g.changes
                    .iter()
                    .any(|c| c.year == m.valid_from && c.new_code == m.code),
                "{}",
                m.code
            );
        }
    }
    assert_eq!(g.known_codes().len(), 356 + 115);
}

#[test]
fn padding() {
    assert_eq!(pad_municipality_code("301").as_deref(), Some("0301"));
    assert_eq!(pad_municipality_code(" K-0301 ").as_deref(), Some("0301"));
    assert_eq!(pad_municipality_code("K-301").as_deref(), Some("0301"));
    assert_eq!(pad_municipality_code("5001").as_deref(), Some("5001"));
    for bad in ["12345", "abc", "", "K-", "30a1", "-301", "3 01", "K-12345"] {
        assert_eq!(pad_municipality_code(bad), None, "{bad:?}");
    }
    assert_eq!(pad_county_code("3").as_deref(), Some("03"));
    assert_eq!(pad_county_code(" 46 ").as_deref(), Some("46"));
    for bad in ["123", "x", ""] {
        assert_eq!(pad_county_code(bad), None, "{bad:?}");
    }
}

#[test]
fn known_codes_are_the_codes_of_every_year_from_2020() {
    // The audit's unknown-municipality check used to take its codes from
    // the years 2020–2026; `known_codes` must give the same set.
    let g = Geography::shipped();
    let mut from_years: Vec<String> = g
        .municipality_years(2020, 2026)
        .into_iter()
        .map(|m| m.code)
        .collect();
    from_years.sort();
    from_years.dedup();
    assert_eq!(g.known_codes(), from_years);
}
