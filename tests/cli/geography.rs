//! The shipped geography tables checked against SKDE's code files
//! (`tests/fixtures/skde/`, copies of SKDE-Analyse/sas_codes, GPL-3, used as
//! test inputs only), read as they are: `;`-separated, an optional UTF-8 BOM,
//! a comment row under the header and codes without leading zeros.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use ehelse::geography::{Geography, Harmonised, SplitPolicy, pad_municipality_code};

/// Special codes in `skde-boomr.csv` that are not municipalities: Svalbard,
/// Jan Mayen, the continental shelf, foreigners, unknown and the national total.
const NOT_MUNICIPALITIES: [&str; 8] = [
    "2100", "2211", "2311", "2321", "9000", "9900", "9999", "8888",
];

/// A SKDE file as header names and rows of fields (the comment row and blank
/// lines removed: rows whose first field is empty or not a number).
struct SkdeFile {
    header: Vec<String>,
    rows: Vec<Vec<String>>,
}

impl SkdeFile {
    fn read(name: &str) -> SkdeFile {
        let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/skde")
            .join(name);
        let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let text = String::from_utf8(bytes).expect("SKDE files are UTF-8");
        let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
        let mut lines = text.lines().map(|l| l.trim_end_matches('\r'));
        let header: Vec<String> = lines
            .next()
            .expect("header row")
            .split(';')
            .map(str::to_owned)
            .collect();
        let rows: Vec<Vec<String>> = lines
            .map(|l| l.split(';').map(str::to_owned).collect::<Vec<_>>())
            .filter(|f| {
                f.first()
                    .is_some_and(|c| !c.is_empty() && c.bytes().all(|b| b.is_ascii_digit()))
            })
            .collect();
        assert!(!rows.is_empty(), "{name}: no data rows");
        SkdeFile { header, rows }
    }

    fn col(&self, name: &str) -> usize {
        self.header
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("no column {name}"))
    }
}

/// boomr: municipality code → (name, RHF without " RHF"), without city
/// districts and special codes.
fn boomr_municipalities() -> BTreeMap<String, (String, String)> {
    let f = SkdeFile::read("skde-boomr.csv");
    let (komnr, navn, bydel, borhf) = (
        f.col("komnr"),
        f.col("komnr_navn"),
        f.col("bydel"),
        f.col("borhf_navn"),
    );
    let mut out = BTreeMap::new();
    for r in &f.rows {
        if !r[bydel].is_empty() {
            continue;
        }
        let code = pad_municipality_code(&r[komnr]).expect("boomr komnr pads");
        if NOT_MUNICIPALITIES.contains(&code.as_str()) {
            assert!(!r[borhf].ends_with(" RHF"), "{code} should not have an RHF");
            continue;
        }
        // "1867 Bø (Nordland)" -> "Bø (Nordland)"; "301 Oslo" -> "Oslo".
        let name = r[navn].split_once(' ').map_or(r[navn].as_str(), |(_, n)| n);
        let rhf = r[borhf].strip_suffix(" RHF").unwrap_or(&r[borhf]);
        let prev = out.insert(code.clone(), (name.to_owned(), rhf.to_owned()));
        assert!(prev.is_none(), "{code} twice in boomr");
    }
    out
}

/// Drops a trailing county qualifier: "Våler (Østfold)" -> "Våler".
fn base_name(name: &str) -> &str {
    name.split_once(" (").map_or(name, |(n, _)| n)
}

#[test]
fn structure_2024_matches_skde_boomr() {
    let geo = Geography::shipped();
    let boomr = boomr_municipalities();
    assert_eq!(boomr.len(), 357);
    let ours: BTreeSet<&str> = geo
        .municipalities_in(2024)
        .iter()
        .map(|m| m.code.as_str())
        .collect();
    let theirs: BTreeSet<&str> = boomr.keys().map(String::as_str).collect();
    assert_eq!(ours, theirs);
    for (code, (name, rhf)) in &boomr {
        let m = geo.municipality(code, 2024).expect("in 2024");
        assert_eq!(base_name(&m.name), base_name(name), "name of {code}");
        assert_eq!(
            geo.rhf_of_municipality(code, 2024),
            Some(rhf.as_str()),
            "RHF of {code}"
        );
    }
}

#[test]
fn changes_2024_match_skde_forny_komnr() {
    let geo = Geography::shipped();
    let f = SkdeFile::read("skde-forny_komnr.csv");
    let (aar, gml, ny) = (f.col("aar"), f.col("gml_komnr"), f.col("ny_komnr"));
    let mut theirs: BTreeSet<(String, String)> = BTreeSet::new();
    for r in f.rows.iter().filter(|r| r[aar] == "2024") {
        let old = pad_municipality_code(&r[gml]).expect("gml_komnr pads");
        let new = pad_municipality_code(&r[ny]).expect("ny_komnr pads");
        match geo.harmonise(&old, 2023, 2024, SplitPolicy::Largest) {
            Harmonised::Exact(t) => assert_eq!(t, new, "{old}"),
            Harmonised::Split { parts, chosen } => {
                assert!(parts.contains(&new), "{old}: {parts:?}");
                // SKDE, too, maps a split to its larger part.
                assert_eq!(chosen.as_deref(), Some(new.as_str()), "{old}");
                assert_eq!(
                    geo.harmonise(&old, 2023, 2024, SplitPolicy::Flag),
                    Harmonised::Split {
                        parts,
                        chosen: None
                    }
                );
            }
            Harmonised::Unknown => panic!("{old} unknown in 2023"),
        }
        theirs.insert((old, new));
    }
    assert_eq!(theirs.len(), 114);
    // Conversely, every code we change in 2024 is in SKDE's list.
    let ours: BTreeSet<(String, String)> = geo
        .harmonisation_pairs(2023, 2024, SplitPolicy::Largest)
        .into_iter()
        .filter(|(o, n)| o != n)
        .collect();
    assert_eq!(ours, theirs);
}

#[test]
fn reform_2020_targets_are_in_our_2020_structure() {
    let geo = Geography::shipped();
    let f = SkdeFile::read("skde-forny_komnr.csv");
    let (aar, gml, ny) = (f.col("aar"), f.col("gml_komnr"), f.col("ny_komnr"));
    let rows: Vec<(String, String)> = f
        .rows
        .iter()
        .filter(|r| r[aar] == "2020")
        .map(|r| {
            (
                pad_municipality_code(&r[gml]).expect("pads"),
                pad_municipality_code(&r[ny]).expect("pads"),
            )
        })
        .collect();
    let olds: BTreeSet<&str> = rows.iter().map(|(o, _)| o.as_str()).collect();
    // Intermediate codes (3444 Jevnaker → 3053) and Svalbard are not 2020 municipalities.
    for (_, new) in rows
        .iter()
        .filter(|(_, n)| !olds.contains(n.as_str()) && n != "2100")
    {
        assert!(
            geo.municipality(new, 2020).is_some(),
            "{new} missing from 2020"
        );
    }
}
