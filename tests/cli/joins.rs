//! Snapshot sources, `enrich` (a log joined to a register by organisation
//! number) and industry codes harmonised across the 2025 change
//! (SN2007 → SN2025). Every expected figure is counted by hand from the
//! fixture rows written here (the counting is in the comments).

use crate::support::{Row, Workdir, row, value_of};

/// A BRREG-like register: one row per organisation, as of a date.
const REGISTER: &str = "publisher: BRREG\nfiles: \"brreg/enheter*.csv\"\n\
snapshot: { as-of: 2025-07-01 }\ncolumns:\n\
  - { name: organisasjonsnummer, type: orgnr, role: orgnr }\n\
  - { name: navn, type: text }\n\
  - { name: naeringskode, type: text, role: category, harmonise: sn2025 }\n";

/// A look-up log without the industry code; it comes from the register.
const LOG: &str = "publisher: NHN\nfiles: \"nhn/logg*.csv\"\n\
period: { column: dato, granularity: day }\n\
enrich:\n\
  - { from: enheter, on: orgnr, from-on: organisasjonsnummer, columns: [naeringskode] }\n\
columns:\n\
  - { name: dato, type: date, role: period }\n\
  - { name: orgnr, type: orgnr, role: orgnr }\n";

/// Three organisations of the log plus one (931111116) that never looks
/// anything up. 889640782 is registered with its SN2007 code 86.211, which
/// the harmonisation reads as 86.210.
const REGISTER_FILE: &str = "organisasjonsnummer;navn;naeringskode\n\
988077917;Legesenter A;86.210\n\
889640782;Legesenter B;86.211\n\
974760673;Sykehus C;86.101\n\
931111116;Kommune E;86.941\n";

/// 2025Q1: 988077917, 889640782, 974760673 and 920000002 (valid MOD11,
/// not in the register); 2025Q2: 988077917 and 920000002 again (the last
/// row, on 30 June, makes Q2 complete).
const LOG_FILE: &str = "dato;orgnr\n\
2025-01-05;988077917\n\
2025-01-20;889640782\n\
2025-02-11;974760673\n\
2025-03-01;920000002\n\
2025-03-02;988077917\n\
2025-04-02;988077917\n\
2025-05-15;920000002\n\
2025-06-30;988077917\n";

fn joined() -> Workdir {
    let w = Workdir::new();
    w.source("enheter", REGISTER);
    w.source("logg", LOG);
    w.write("data/brreg/enheter_2025-07-01.csv", REGISTER_FILE);
    w.write("data/nhn/logg.csv", LOG_FILE);
    w.indicator(
        "virksomheter",
        "logg",
        "quarterly",
        "  kind: count\n  distinct: orgnr\n",
        &["naeringskode", "naeringskode_original"],
        "",
    );
    w
}

fn groups(rows: &[Row], period: &str, breakdown: &str) -> Vec<(String, String)> {
    let mut g: Vec<(String, String)> = rows
        .iter()
        .filter(|r| r["period"] == period && r["breakdown"] == breakdown)
        .map(|r| (r["group"].clone(), r["value"].clone()))
        .collect();
    g.sort();
    g
}

fn pairs(v: &[(&str, &str)]) -> Vec<(String, String)> {
    v.iter()
        .map(|(a, b)| ((*a).to_string(), (*b).to_string()))
        .collect()
}

#[test]
fn a_log_is_enriched_from_a_snapshot_by_key_and_unmatched_keys_are_counted() {
    let w = joined();
    w.run(&["validate", "--indicators", "indicators"])
        .expect_code(0);
    let rows = w.figures(
        "virksomheter",
        &[
            "--by",
            "naeringskode",
            "--by",
            "naeringskode_original",
            "--suppress-below",
            "0",
        ],
    );
    // National: Q1 has four distinct numbers (988077917, 889640782,
    // 974760673, 920000002; 988077917 twice); Q2 two (988077917, 920000002).
    // The join never multiplies rows and keeps the unmatched number.
    assert_eq!(value_of(&rows, "2025Q1", "", ""), "4");
    assert_eq!(value_of(&rows, "2025Q2", "", ""), "2");
    // By the looked-up code, harmonised: 988077917 (86.210) and 889640782
    // (86.211 → 86.210) are two in 86.210; 974760673 one in 86.101. The
    // unmatched 920000002 has no code: it is counted in the explicit
    // "(ukjent)" group, never in a code's group.
    assert_eq!(
        groups(&rows, "2025Q1", "naeringskode"),
        pairs(&[("(ukjent)", "1"), ("86.101", "1"), ("86.210", "2")])
    );
    assert_eq!(
        groups(&rows, "2025Q2", "naeringskode"),
        pairs(&[("(ukjent)", "1"), ("86.210", "1")])
    );
    // The code as delivered stays available.
    assert_eq!(
        groups(&rows, "2025Q1", "naeringskode_original"),
        pairs(&[
            ("(ukjent)", "1"),
            ("86.101", "1"),
            ("86.210", "1"),
            ("86.211", "1")
        ])
    );
    // The unmatched key is counted with its lines: 920000002 on data rows
    // 4 and 7 of the log, lines 5 and 8 of the file (header on line 1).
    w.run(&[
        "sources",
        "--indicators",
        "indicators",
        "--data",
        "data",
        "--source",
        "logg",
    ])
    .expect_output("2 row(s) whose `orgnr` has no match in source `enheter`")
    .expect_output("5, 8");
}

#[test]
fn a_snapshot_source_gives_one_figure_in_the_year_of_its_date() {
    let w = joined();
    w.indicator(
        "registrerte",
        "enheter",
        "annual",
        "  kind: count\n  distinct: organisasjonsnummer\n",
        &["naeringskode"],
        "",
    );
    let rows = w.figures(
        "registrerte",
        &["--by", "naeringskode", "--suppress-below", "0"],
    );
    // Four organisations as of 2025-07-01: one figure, for 2025. Codes
    // harmonised: 86.210 twice (86.210, 86.211), 86.101 and 86.941 once.
    let national: Vec<&Row> = rows.iter().filter(|r| r["breakdown"].is_empty()).collect();
    assert_eq!(national.len(), 1, "{rows:#?}");
    assert_eq!(value_of(&rows, "2025", "", ""), "4");
    assert_eq!(
        groups(&rows, "2025", "naeringskode"),
        pairs(&[("86.101", "1"), ("86.210", "2"), ("86.941", "1")])
    );
}

/// A log that carries the code itself: SN2007 in 2024, SN2025 in 2025.
const CODED_LOG: &str = "publisher: NHN\nfiles: \"nhn/kodet*.csv\"\n\
period: { column: dato, granularity: day }\ncolumns:\n\
  - { name: dato, type: date, role: period }\n\
  - { name: orgnr, type: orgnr, role: orgnr }\n\
  - { name: naeringskode, type: text, role: category, harmonise: sn2025 }\n";

/// Whole years 2024 and 2025 (rows up to 31 December, so neither year is
/// incomplete). 988077917: general practice (86.211 → 86.210 in 2025);
/// 889640782: home nursing (86.901 → 86.941); 974760673: physiotherapy
/// (86.902 → 86.950); 931111116: 86.905 (psychologists, not in the table:
/// kept as it is and flagged) in both years.
const CODED_FILE: &str = "dato;orgnr;naeringskode\n\
2024-01-10;988077917;86.211\n\
2024-03-01;889640782;86.901\n\
2024-06-01;974760673;86.902\n\
2024-12-31;931111116;86.905\n\
2025-01-10;988077917;86.210\n\
2025-03-01;889640782;86.941\n\
2025-06-01;974760673;86.950\n\
2025-12-31;931111116;86.905\n";

#[test]
fn sn2007_and_sn2025_codes_form_one_continuous_group() {
    let w = Workdir::new();
    w.source("kodet", CODED_LOG);
    w.write("data/nhn/kodet.csv", CODED_FILE);
    w.indicator(
        "per-kode",
        "kodet",
        "annual",
        "  kind: count\n  distinct: orgnr\n",
        &["naeringskode", "naeringskode_original"],
        "",
    );
    let by = [
        "--by",
        "naeringskode",
        "--by",
        "naeringskode_original",
        "--suppress-below",
        "0",
    ];
    let rows = w.figures("per-kode", &by);
    // Harmonised: the same four groups, one organisation each, in both
    // years (SN2007 2024 codes mapped by reference/naeringskoder_sn2007_sn2025.csv).
    let expected = pairs(&[
        ("86.210", "1"),
        ("86.905", "1"),
        ("86.941", "1"),
        ("86.950", "1"),
    ]);
    assert_eq!(groups(&rows, "2024", "naeringskode"), expected);
    assert_eq!(groups(&rows, "2025", "naeringskode"), expected);
    // Unharmonised: the codes as written.
    assert_eq!(
        groups(&rows, "2024", "naeringskode_original"),
        pairs(&[
            ("86.211", "1"),
            ("86.901", "1"),
            ("86.902", "1"),
            ("86.905", "1")
        ])
    );
    assert_eq!(row(&rows, "2025", "", "")["value"], "4");
    // The unmapped code is counted with its lines (data rows 4 and 8:
    // lines 5 and 9).
    w.run(&[
        "sources",
        "--indicators",
        "indicators",
        "--data",
        "data",
        "--source",
        "kodet",
    ])
    .expect_output("2 row(s) with a code not in the SN2007 → SN2025 table")
    .expect_output("5, 9");
}

#[test]
fn a_duplicated_key_in_the_snapshot_is_refused_with_its_file_and_lines() {
    let w = joined();
    // 988077917 is registered on lines 2 and 4.
    w.write(
        "data/brreg/enheter_2025-07-01.csv",
        "organisasjonsnummer;navn;naeringskode\n\
         988077917;Legesenter A;86.210\n\
         889640782;Legesenter B;86.211\n\
         988077917;Legesenter A (ny);86.210\n",
    );
    let run = w.compute_csv("virksomheter", &[], &[]);
    assert_ne!(run.code(), 0, "{}", run.stderr());
    run.expect_output("enheter_2025-07-01.csv:2:")
        .expect_output("not unique")
        .expect_output("first on line 2, last on line 4");
    assert!(!run.stdout().contains("2025Q1"), "{}", run.stdout());
}

#[test]
fn enrich_needs_a_snapshot_source_and_declared_keys() {
    let w = joined();
    // The log itself is no snapshot; the key is misspelt.
    w.source(
        "logg2",
        "publisher: NHN\nfiles: \"nhn/logg*.csv\"\n\
         period: { column: dato, granularity: day }\n\
         enrich:\n  - { from: logg, on: orgnr, columns: [orgnr] }\n\
         \x20 - { from: enheter, on: orgnrr, from-on: organisasjonsnummer, columns: [navn] }\n\
         columns:\n  - { name: dato, type: date, role: period }\n\
         \x20 - { name: orgnr, type: orgnr, role: orgnr }\n",
    );
    w.run(&["validate", "--indicators", "indicators"])
        .expect_code(1)
        .expect_output("bad-enrich")
        .expect_output("`logg` is not a snapshot source")
        .expect_output("key `orgnrr` is not among the declared columns");
}

#[test]
fn snapshot_and_harmonise_definitions_are_checked() {
    let w = Workdir::new();
    // Both `period` and `snapshot`; a snapshot date that is no date;
    // `harmonise` on a number; `<name>_original` declared beside a
    // harmonised column.
    w.source(
        "begge",
        "publisher: BRREG\nfiles: \"a*.csv\"\n\
         period: { column: aar, granularity: year }\nsnapshot: { as-of: 2026-01-01 }\n\
         columns:\n  - { name: aar, type: integer }\n",
    );
    w.source(
        "dato",
        "publisher: BRREG\nfiles: \"b*.csv\"\nsnapshot: { as-of: 2026-13-01 }\n\
         columns:\n  - { name: orgnr, type: orgnr }\n",
    );
    w.source(
        "kode",
        "publisher: BRREG\nfiles: \"c*.csv\"\nsnapshot: { as-of: 2026-01-01 }\n\
         columns:\n  - { name: antall, type: integer, harmonise: sn2025 }\n\
         \x20 - { name: kode, type: text, harmonise: sn2025 }\n\
         \x20 - { name: kode_original, type: text }\n\
         \x20 - { name: annen, type: text, harmonise: sn2007 }\n",
    );
    w.run(&["validate", "--indicators", "indicators"])
        .expect_code(1)
        .expect_output("snapshot-with-period")
        .expect_output("`2026-13-01` is not a date")
        .expect_output("`harmonise` needs a text column")
        .expect_output("`kode_original` is declared, but a harmonised column adds it")
        .expect_output("`sn2007` is not a valid columns[3].harmonise");
}
