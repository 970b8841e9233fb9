//! Source ingest: CSV dialects as Norwegian statistics files arrive, SSB
//! symbols, encodings, code padding, MOD11, bad input with file/line/column,
//! and the harmonisation of municipality codes across the 2020 and 2024
//! structures. Each test writes a small source definition and its files
//! into a temp folder and drives `ehelse sources`, `validate --data` and
//! `compute`.
//!
//! Expected figures are worked out by hand from the fixture rows written in
//! each test (the arithmetic is in the comments).

use serde_json::Value;

use crate::support::{Row, Run, Workdir, value_of};

/// A workdir with one source definition.
fn with_source(id: &str, body: &str) -> Workdir {
    let w = Workdir::new();
    w.source(id, body);
    w
}

/// Adds an indicator without an ambition (see [`Workdir::indicator`]).
fn indicator(w: &Workdir, id: &str, source: &str, frequency: &str, measure: &str, by: &[&str]) {
    w.indicator(id, source, frequency, measure, by, "");
}

/// Windows-1252 bytes of a text (the fixtures use only Latin-1 letters).
fn cp1252(text: &str) -> Vec<u8> {
    text.chars()
        .map(|c| u8::try_from(u32::from(c)).expect("a Latin-1 character"))
        .collect()
}

/// `ehelse sources --format json` for the single source of a workdir.
fn audit(w: &Workdir) -> (Run, Value) {
    let run = w.run(&[
        "sources",
        "--indicators",
        "indicators",
        "--data",
        "data",
        "--format",
        "json",
    ]);
    let json = run.json();
    (run, json)
}

fn figures(w: &Workdir, id: &str, extra: &[&str]) -> Vec<Row> {
    w.figures(id, extra)
}

// ------------------------------------------------------------ dialects and symbols

const KPR_SOURCE: &str = "publisher: SSB/KPR\nfiles: \"kpr/*.csv\"\n\
period: { column: aar, granularity: year }\ncolumns:\n\
  - { name: aar, type: integer, role: period }\n\
  - { name: kommunenr, type: municipality, role: municipality }\n\
  - { name: kommune, type: text }\n\
  - { name: brukere, type: integer, role: value }\n\
  - { name: andel, type: decimal }\n";

/// An SSB web export: Windows-1252, a title line, `;`, decimal comma, every
/// SSB symbol, a code without its leading zero and a thousands space.
const KPR_FILE: &str = "Velferdsteknologi i kommunene, aktive brukere (KPR)\n\
aar;kommunenr;kommune;brukere;andel\n\
2024;301;Oslo;120;12,5\n\
2024;3201;Bærum;.;3,25\n\
2024;5501;Tromsø;..;.\n\
2024;1508;Ålesund;...;:\n\
2024;4601;Bergen;:;*\n\
2024;1804;Bodø;-;-\n\
2024;5001;Trondheim;*;1 234,5\n\
2024;1103;Stavanger;\"1 000\";0,5\n";

fn kpr() -> Workdir {
    let w = with_source("kpr-test", KPR_SOURCE);
    w.write("data/kpr/velferdsteknologi_2024.csv", cp1252(KPR_FILE));
    w
}

/// The KPR fixture with `brukere-sum`, the sum of `brukere`.
fn kpr_with_brukere_sum() -> Workdir {
    let w = kpr();
    indicator(
        &w,
        "brukere-sum",
        "kpr-test",
        "annual",
        "  kind: sum\n  column: brukere\n",
        &[],
    );
    w
}

#[test]
fn windows_1252_title_line_decimal_comma_and_every_ssb_symbol() {
    let w = kpr();
    let (run, json) = audit(&w);
    run.expect_code(0);
    let s = &json["sources"][0];
    let file = &s["files"][0];
    assert_eq!(file["encoding"], "windows-1252", "{s:#}");
    assert_eq!(file["separator"], ";");
    assert_eq!(file["decimal"], ",");
    assert_eq!(file["skip_lines"], 1, "the title line is skipped");
    assert_eq!(s["rows"], 8);
    let column = |name: &str| {
        s["column_audits"]
            .as_array()
            .expect("columns")
            .iter()
            .find(|c| c["name"] == name)
            .cloned()
            .expect("column audit")
    };
    // Every symbol once in `brukere`; `.`, `:`, `*` and `-` in `andel`.
    let brukere = column("brukere");
    for sym in [".", "..", "...", ":", "-", "*"] {
        assert_eq!(brukere["symbols"][sym], 1, "{sym} in {brukere:#}");
    }
    assert_eq!(brukere["unparseable"], 0, "symbols are not parse failures");
    let andel = column("andel");
    for sym in [".", ":", "-", "*"] {
        assert_eq!(andel["symbols"][sym], 1, "{sym} in {andel:#}");
    }
    assert_eq!(s["symbols"]["."], 2);
    assert_eq!(s["problems"].as_array().map(Vec::len), Some(0), "{s:#}");
}

#[test]
fn symbols_are_missing_values_and_dash_is_zero() {
    let w = kpr_with_brukere_sum();
    indicator(
        &w,
        "andel-snitt",
        "kpr-test",
        "annual",
        "  kind: mean\n  column: andel\n",
        &["kommune"],
    );
    // brukere: 120 + 0 (`-`) + 1000 (`"1 000"`); `.`, `..`, `...`, `:`, `*`
    // are missing, so 3 values are counted, not 8.
    let rows = figures(&w, "brukere-sum", &[]);
    assert_eq!(value_of(&rows, "2024", "", ""), "1120");
    assert_eq!(rows[0]["n"], "3");
    // andel: (12.5 + 3.25 + 0 + 1234.5 + 0.5) / 5 = 1250.75 / 5 = 250.15.
    let rows = figures(
        &w,
        "andel-snitt",
        &["--by", "kommune", "--suppress-below", "0"],
    );
    assert_eq!(value_of(&rows, "2024", "", ""), "250.15");
    // æøå come through the Windows-1252 file intact.
    assert_eq!(value_of(&rows, "2024", "kommune", "Bærum"), "3.25");
    assert_eq!(value_of(&rows, "2024", "kommune", "Tromsø"), "");
    assert_eq!(value_of(&rows, "2024", "kommune", "Bodø"), "0");
}

#[test]
fn utf8_bom_comma_separator_decimal_point_quotes_and_a_note_under_the_header() {
    let w = with_source(
        "hds-test",
        "publisher: FHI\nfiles: \"fhi/*.csv\"\nperiod: { column: levert, granularity: day }\ncolumns:\n\
  - { name: levert, type: date, role: period }\n\
  - { name: register, type: text, role: category }\n\
  - { name: dager, type: decimal, role: value }\n",
    );
    w.write(
        "data/fhi/utleveringer.csv",
        "\u{feff}levert,register,dager\nOppdatert per 2024-06-30\n\
2024-01-15,\"NPR, KPR\",100.5\n2024-03-01,NPR,200\n2024-06-03,\"MFR \"\"test\"\"\",50\n",
    );
    indicator(
        &w,
        "dager-snitt",
        "hds-test",
        "quarterly",
        "  kind: mean\n  column: dager\n",
        &["register"],
    );
    let (run, json) = audit(&w);
    run.expect_code(0);
    let file = &json["sources"][0]["files"][0];
    assert_eq!(file["encoding"], "utf-8 (BOM)", "{file:#}");
    assert_eq!(file["separator"], ",");
    assert_eq!(file["decimal"], ".");
    assert_eq!(json["sources"][0]["rows"], 3, "the note row is not data");
    // 2024Q1: (100.5 + 200) / 2 = 150.25; 2024Q2: 50.
    let rows = figures(
        &w,
        "dager-snitt",
        &["--by", "register", "--suppress-below", "0"],
    );
    assert_eq!(value_of(&rows, "2024Q1", "", ""), "150.25");
    assert_eq!(value_of(&rows, "2024Q2", "", ""), "50");
    assert_eq!(value_of(&rows, "2024Q1", "register", "NPR, KPR"), "100.5");
    assert_eq!(value_of(&rows, "2024Q2", "register", "MFR \"test\""), "50");
}

// ------------------------------------------------------------ wide tables and harmonisation

const POPULATION_SOURCE: &str = "publisher: SSB\nfiles: \"ssb/*.csv\"\n\
wide: { key: aar, value: personer, year-columns: true }\n\
period: { column: aar, granularity: year }\ncolumns:\n\
  - { name: kommunenr, type: municipality, role: municipality }\n\
  - { name: kommunenavn, type: text }\n\
  - { name: aar, type: integer, role: period }\n\
  - { name: personer, type: integer, role: value }\n";

/// A wide SSB table (one column per year) with the 2023 and 2024 codes of
/// Halden (3001 → 3101, renumbered), Ålesund (1507 → 1508 + 1580 Haram,
/// split) and Oslo written without its leading zero.
const POPULATION_FILE: &str = "07459: Befolkning, etter region og år\n\
kommunenr;kommunenavn;2023;2024\n\
3001;Halden;31 444;.\n\
3101;Halden;.;31 600\n\
1507;Ålesund;67 114;.\n\
1508;Ålesund;.;58 000\n\
1580;Haram;.;9 500\n\
301;Oslo;709 037;717 710\n";

fn population() -> Workdir {
    let w = with_source("befolkning-test", POPULATION_SOURCE);
    w.write("data/ssb/befolkning.csv", POPULATION_FILE);
    indicator(
        &w,
        "folketall",
        "befolkning-test",
        "annual",
        "  kind: sum\n  column: personer\n",
        &["municipality", "county", "region"],
    );
    w
}

#[test]
fn a_wide_table_is_turned_long() {
    let w = population();
    let (run, json) = audit(&w);
    run.expect_code(0);
    // 6 municipalities × 2 year columns.
    assert_eq!(json["sources"][0]["rows"], 12);
    assert_eq!(json["sources"][0]["first_period"], "2023");
    assert_eq!(json["sources"][0]["last_period"], "2024");
    assert_eq!(json["sources"][0]["symbols"]["."], 5);
    // 2023: 31 444 + 67 114 + 709 037 = 807 595;
    // 2024: 31 600 + 58 000 + 9 500 + 717 710 = 816 810.
    let rows = figures(&w, "folketall", &[]);
    assert_eq!(value_of(&rows, "2023", "", ""), "807595");
    assert_eq!(value_of(&rows, "2024", "", ""), "816810");
}

#[test]
fn codes_are_padded_and_series_harmonised_across_2020_and_2024_codes() {
    let w = population();
    let by = [
        "--by",
        "municipality",
        "--by",
        "county",
        "--suppress-below",
        "1",
    ];
    let rows = figures(&w, "folketall", &by);
    // `301` is Oslo, `0301`.
    assert_eq!(
        value_of(&rows, "2023", "municipality", "0301 Oslo"),
        "709037"
    );
    // Renumbering maps exactly: 3001 Halden (2023) is 3101 Halden.
    assert_eq!(
        value_of(&rows, "2023", "municipality", "3101 Halden"),
        "31444"
    );
    assert_eq!(
        value_of(&rows, "2024", "municipality", "3101 Halden"),
        "31600"
    );
    // A split is flagged: 1507 stays its own group, not added to a part.
    assert_eq!(
        value_of(&rows, "2023", "municipality", "1507 Ålesund (delt 2024)"),
        "67114"
    );
    // 1508 has `.` (not in use) in 2023: no number, and 1507's is not moved there.
    assert_eq!(value_of(&rows, "2023", "municipality", "1508 Ålesund"), "");
    assert_eq!(
        value_of(&rows, "2024", "municipality", "1508 Ålesund"),
        "58000"
    );
    assert_eq!(
        value_of(&rows, "2024", "municipality", "1580 Haram"),
        "9500"
    );
    // Counties are exact for both: 3001 → 31 Østfold; Ålesund's parts share 15.
    assert_eq!(value_of(&rows, "2023", "county", "31 Østfold"), "31444");
    assert_eq!(
        value_of(&rows, "2023", "county", "15 Møre og Romsdal"),
        "67114"
    );
    // 2024: 58 000 + 9 500 = 67 500.
    assert_eq!(
        value_of(&rows, "2024", "county", "15 Møre og Romsdal"),
        "67500"
    );

    // The documented policy maps 1507 to the larger part, 1508 Ålesund.
    let mut largest = by.to_vec();
    largest.extend(["--split-policy", "largest"]);
    let rows = figures(&w, "folketall", &largest);
    assert_eq!(
        value_of(&rows, "2023", "municipality", "1508 Ålesund"),
        "67114"
    );
    assert!(
        !rows.iter().any(|r| r["group"].contains("delt")),
        "{rows:#?}"
    );
}

#[test]
fn regions_follow_the_counties_of_both_structures() {
    let w = population();
    let rows = figures(
        &w,
        "folketall",
        &["--by", "region", "--suppress-below", "1"],
    );
    // 2023: Halden (Østfold) + Oslo in Helse Sør-Øst; Ålesund in Helse Midt-Norge.
    assert_eq!(value_of(&rows, "2023", "region", "Helse Sør-Øst"), "740481");
    assert_eq!(
        value_of(&rows, "2023", "region", "Helse Midt-Norge"),
        "67114"
    );
    assert_eq!(
        value_of(&rows, "2024", "region", "Helse Midt-Norge"),
        "67500"
    );
}

#[test]
fn compute_says_how_codes_were_harmonised() {
    let w = population();
    let run = w.run(&[
        "compute",
        "--indicators",
        "indicators",
        "--data",
        "data",
        "--indicator",
        "folketall",
        "--by",
        "municipality",
        "--format",
        "json",
    ]);
    run.expect_code(0);
    let notes = run.json()["indicators"][0]["notes"].to_string();
    assert!(
        notes.contains("1507 Ålesund → 1508 + 1580") && notes.contains("flagged"),
        "{notes}"
    );
}

// ------------------------------------------------------------ organisation numbers

fn pjd_log(policy: &str) -> Workdir {
    let w = with_source(
        "pjd-test",
        &format!(
            "publisher: NHN\nfiles: \"nhn/*.csv\"\ninvalid-orgnr: {policy}\n\
period: {{ column: dato, granularity: day }}\ncolumns:\n\
  - {{ name: dato, type: date, role: period }}\n\
  - {{ name: orgnr, type: orgnr, role: orgnr }}\n\
  - {{ name: kommunenr, type: municipality, role: municipality }}\n"
        ),
    );
    // 988077917, 889640782 and 974760673 are valid; 988077918 fails the
    // check digit (lines 5), 12345 is not nine digits (line 7).
    w.write(
        "data/nhn/pjd.csv",
        "dato;orgnr;kommunenr\n2024-01-10;988077917;0301\n2024-01-11;889640782;0301\n\
2024-01-12;974760673;4601\n2024-01-13;988077918;4601\n2024-03-01;988077917;0301\n\
2024-03-02;12345;0301\n",
    );
    indicator(
        &w,
        "virksomheter",
        "pjd-test",
        "quarterly",
        "  kind: count\n  distinct: orgnr\n",
        &[],
    );
    w
}

#[test]
fn invalid_organisation_numbers_are_reported_and_excluded() {
    let w = pjd_log("exclude");
    let (run, json) = audit(&w);
    run.expect_code(0);
    let p = &json["sources"][0]["problems"][0];
    assert_eq!(p["code"], "invalid-orgnr", "{json:#}");
    assert_eq!(p["severity"], "warning");
    assert_eq!(p["count"], 2);
    assert_eq!(p["lines"], serde_json::json!([5, 7]));
    assert_eq!(p["column"], "orgnr");
    assert!(
        p["file"]
            .as_str()
            .is_some_and(|f| f.ends_with("nhn/pjd.csv"))
    );
    assert_eq!(json["sources"][0]["files"][0]["excluded"], 2);
    // Distinct valid numbers in 2024Q1: 3 (988077917 twice).
    let rows = figures(&w, "virksomheter", &[]);
    assert_eq!(value_of(&rows, "2024Q1", "", ""), "3");
    // validate --data points at the first bad line and the column.
    let run = w.run(&["validate", "--indicators", "indicators", "--data", "data"]);
    run.expect_code(0)
        .expect_output("warning[invalid-orgnr]")
        .expect_output("data/nhn/pjd.csv:5:2 (field `orgnr`)");
}

#[test]
fn a_source_can_reject_invalid_organisation_numbers() {
    let w = pjd_log("reject");
    let (run, json) = audit(&w);
    run.expect_code(1);
    assert_eq!(json["sources"][0]["problems"][0]["severity"], "error");
    let run = w.run(&[
        "compute",
        "--indicators",
        "indicators",
        "--data",
        "data",
        "--indicator",
        "virksomheter",
    ]);
    run.expect_code(1)
        .expect_output("virksomheter")
        .expect_output("data/nhn/pjd.csv:5")
        .expect_output("lines 5, 7")
        .expect_output("MOD11");
    w.run(&["validate", "--indicators", "indicators", "--data", "data"])
        .expect_code(1)
        .expect_output("error[invalid-orgnr]");
}

// ------------------------------------------------------------ bad input

#[test]
fn a_missing_declared_column_names_the_file_line_and_column() {
    let w = kpr_with_brukere_sum();
    w.write(
        "data/kpr/velferdsteknologi_2024.csv",
        cp1252("Tittel\naar;kommunenr;kommune;andel\n2024;301;Oslo;1\n"),
    );
    let (run, json) = audit(&w);
    run.expect_code(1);
    let err = json["failures"][0]["error"].as_str().unwrap_or_default();
    assert!(
        err.contains("data/kpr/velferdsteknologi_2024.csv:2")
            && err.contains("`brukere`")
            && err.contains("missing from the header"),
        "{json:#}"
    );
    w.run(&[
        "compute",
        "--indicators",
        "indicators",
        "--data",
        "data",
        "--all",
    ])
    .expect_code(1)
    .expect_output("brukere-sum")
    .expect_output("velferdsteknologi_2024.csv:2");
    w.run(&["validate", "--indicators", "indicators", "--data", "data"])
        .expect_code(1)
        .expect_output("error[data-unreadable]")
        .expect_output("`brukere`");
}

#[test]
fn an_unparseable_value_and_an_unknown_code_name_the_file_line_and_column() {
    let w = kpr();
    w.write(
        "data/kpr/velferdsteknologi_2024.csv",
        cp1252(
            "Tittel\naar;kommunenr;kommune;brukere;andel\n2024;301;Oslo;12;1\n\
2024;4601;Bergen;12x;2\n2024;9876;Ukjent;3;4\n2024;1804;Bodø;tolv;5\n",
        ),
    );
    let (run, json) = audit(&w);
    run.expect_code(1);
    let problems = json["sources"][0]["problems"].as_array().expect("problems");
    let find = |code: &str| {
        problems
            .iter()
            .find(|p| p["code"] == code)
            .unwrap_or_else(|| panic!("no {code} in {problems:#?}"))
    };
    // Data rows start on line 3 (title, header): `12x` is on line 4, `tolv` on 6.
    let bad = find("unparseable");
    assert_eq!(bad["severity"], "error");
    assert_eq!(bad["column"], "brukere");
    assert_eq!(bad["count"], 2);
    assert_eq!(bad["lines"], serde_json::json!([4, 6]));
    let unknown = find("unknown-municipality");
    assert_eq!(unknown["severity"], "warning");
    assert_eq!(unknown["count"], 1);
    assert_eq!(unknown["lines"], serde_json::json!([5]));
    // validate --data: file:line:column, the column counted in the header.
    w.run(&["validate", "--indicators", "indicators", "--data", "data"])
        .expect_code(1)
        .expect_output("data/kpr/velferdsteknologi_2024.csv:4:4 (field `brukere`)")
        .expect_output("2 value(s) cannot be read as `integer`")
        .expect_output("data/kpr/velferdsteknologi_2024.csv:5:2 (field `kommunenr`)");
}

#[test]
fn a_missing_file_is_an_error_naming_the_pattern() {
    let w = with_source("kpr-test", KPR_SOURCE);
    std::fs::create_dir_all(w.path().join("data")).expect("mkdir");
    let (run, json) = audit(&w);
    run.expect_code(1);
    let err = json["failures"][0]["error"].as_str().unwrap_or_default();
    assert!(
        err.contains("no file matches") && err.contains("kpr/*.csv"),
        "{err}"
    );
}

// ------------------------------------------------------------ parsed-extract cache

/// The cache on for every file size.
const CACHE_ALL: [(&str, &str); 1] = [("EHELSE_CACHE_MIN_BYTES", "0")];

/// `compute --indicator id --format csv` with the parsed-extract cache on
/// for every file size.
fn cached_figures(w: &Workdir, id: &str) -> Vec<Row> {
    w.figures_with_env(id, &[], &CACHE_ALL)
}

fn cache_entries(w: &Workdir) -> Vec<String> {
    let dir = w.path().join(".cache/extracts");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .map(|d| {
            d.flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                // Each entry has a seal beside it (`….arrow.seal`).
                .filter(|n| {
                    std::path::Path::new(n)
                        .extension()
                        .is_some_and(|e| e == "arrow")
                })
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

#[test]
fn parsed_extracts_are_cached_from_the_second_run_and_refreshed_when_the_file_changes() {
    let w = kpr_with_brukere_sum();
    // The first run that ever reads the file parses the CSV and caches
    // nothing, even with the cache on for every size: a job that runs once
    // per extract would pay for the entry and leave a copy behind.
    // 120 + 0 + 1000 (see symbols_are_missing_values…).
    let first_sight = cached_figures(&w, "brukere-sum");
    assert_eq!(value_of(&first_sight, "2024", "", ""), "1120");
    assert!(cache_entries(&w).is_empty(), "cached on the first sight");
    // Small files are not cached.
    let plain = figures(&w, "brukere-sum", &[]);
    assert_eq!(plain, first_sight);
    assert!(cache_entries(&w).is_empty(), "small files are not cached");
    // From the second run on, the entry is written, then read; both give the
    // same figures as the CSV.
    let first = cached_figures(&w, "brukere-sum");
    let entries = cache_entries(&w);
    assert_eq!(entries.len(), 1, "{entries:?}");
    assert!(
        std::path::Path::new(&entries[0])
            .extension()
            .is_some_and(|e| e == "arrow"),
        "{entries:?}"
    );
    assert_eq!(cached_figures(&w, "brukere-sum"), first);
    assert_eq!(first, plain);
    // A changed file (new size and time) is read from the CSV on its first
    // run; the next run writes its entry and removes the old one.
    std::thread::sleep(std::time::Duration::from_millis(20));
    let changed = KPR_FILE.replace("2024;301;Oslo;120;12,5", "2024;301;Oslo;125;12,5");
    w.write("data/kpr/velferdsteknologi_2024.csv", cp1252(&changed));
    let after = cached_figures(&w, "brukere-sum");
    assert_eq!(value_of(&after, "2024", "", ""), "1125");
    assert_eq!(cache_entries(&w), entries);
    assert_eq!(cached_figures(&w, "brukere-sum"), after);
    let now = cache_entries(&w);
    assert_eq!(now.len(), 1, "{now:?}");
    assert_ne!(now, entries);
}

#[test]
fn a_damaged_cache_entry_is_dropped_and_made_anew() {
    let w = kpr_with_brukere_sum();
    let plain = cached_figures(&w, "brukere-sum");
    assert_eq!(cached_figures(&w, "brukere-sum"), plain);
    let entries = cache_entries(&w);
    assert_eq!(entries.len(), 1, "{entries:?}");
    // Cut the entry short, as a full disk or a killed copy would.
    let entry = w.path().join(".cache/extracts").join(&entries[0]);
    let bytes = std::fs::read(&entry).expect("entry");
    std::fs::write(&entry, &bytes[..bytes.len() / 2]).expect("cut");
    let run = w.compute_csv("brukere-sum", &[], &CACHE_ALL);
    run.expect_code(0)
        .expect_output("it is unreadable")
        .expect_output("velferdsteknologi_2024.csv");
    assert_eq!(crate::support::parse_csv(&run.output.stdout), plain);
    // Made anew: whole again, and read without a note.
    assert_eq!(std::fs::read(&entry).expect("entry").len(), bytes.len());
    let again = w.compute_csv("brukere-sum", &[], &CACHE_ALL);
    again.expect_code(0);
    assert!(!again.stderr().contains("unreadable"), "{}", again.stderr());
}
