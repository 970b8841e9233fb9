//! Cells, headers and periods in the forms publishers really deliver
//! (issue 15): municipality cells with code and name in a Windows-1252 KPR
//! export with a title line, a wide SSB table with text in its year headers
//! and a BOM, ISO timestamps in a day-granularity date column, SSB period
//! codes (`2024M12`, `2024K2`, `2025U14`) and column names with spaces and
//! Norwegian letters in SQL. Every expected figure is counted by hand from
//! the fixture rows, as the comments say.

use crate::support::{Row, Workdir, row, value_of};

fn measure(kind: &str, rest: &str) -> String {
    format!("  kind: {kind}\n{rest}")
}

/// `actual` is `expected` rounded to the 6 decimals of the CSV output.
#[track_caller]
fn close(actual: &str, expected: f64) {
    let v: f64 = actual
        .parse()
        .unwrap_or_else(|_| panic!("not a number: {actual:?}"));
    assert!(
        (v - expected).abs() <= 5e-7,
        "{v} is not {expected} rounded to 6 decimals"
    );
}

/// The periods of the national rows.
fn periods(rows: &[Row]) -> Vec<String> {
    rows.iter()
        .filter(|r| r["breakdown"].is_empty())
        .map(|r| r["period"].clone())
        .collect()
}

// ------------------------------------------------------------ code + name, cp1252

/// A KPR web export: a title line, `;`, Windows-1252 (the title's dashes,
/// `år` in the header and the names hold bytes that are not UTF-8), the
/// municipality written as code and name in every form publishers use.
const KPR_EXPORT: &str = "Velferdsteknologi – aktive brukere etter kommune, 2024–2025\r\n\
år;kommune;teknologi;aktive brukere\r\n\
2024;0301 Oslo;trygghetsalarm;120\r\n\
2024;K-4601 Bergen;digitalt tilsyn;3\r\n\
2024;1508 Ålesund;medisineringsstøtte;:\r\n\
2024;5501 Tromsø;lokaliseringsteknologi;0\r\n\
2024;3201 Bærum;digitalt tilsyn;-\r\n\
2024;3911 Færder - Færder;trygghetsalarm;4\r\n\
2024;301 Oslo;digitalt tilsyn;2\r\n\
2025;301 Oslo;trygghetsalarm;130\r\n\
2025;1508 Ålesund;medisineringsstøtte;2\r\n\
2025;5501 Tromsø;lokaliseringsteknologi;1\r\n\
2025;3201 Bærum;digitalt tilsyn;1\r\n\
2025;K-3911;trygghetsalarm;5\r\n\
2025;1580 Haram;digitalt tilsyn;0\r\n";

fn kpr() -> Workdir {
    let w = Workdir::new();
    // No dialect keys: encoding, separator and the title line are detected.
    w.source(
        "kpr",
        "publisher: SSB/KPR\nfiles: \"kpr/*.csv\"\n\
period: { column: år, granularity: year }\ncolumns:\n\
  - { name: år, type: integer, role: period }\n\
  - { name: kommune, type: municipality, role: municipality }\n\
  - { name: teknologi, type: text, role: category }\n\
  - { name: aktive brukere, type: integer, role: value }\n",
    );
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(KPR_EXPORT);
    assert!(!unmappable);
    assert!(std::str::from_utf8(&bytes).is_err(), "not Windows-1252");
    w.write("data/kpr/velferdsteknologi.csv", bytes);
    w
}

#[test]
fn code_and_name_cells_in_a_windows_1252_export_with_a_title_line() {
    let w = kpr();
    w.indicator(
        "kommuner-med-brukere",
        "kpr",
        "annual",
        &measure(
            "share_of_units",
            "  condition: '\"aktive brukere\" >= 1'\n  scale: 100\n",
        ),
        &["municipality"],
        "",
    );
    let rows = w.figures("kommuner-med-brukere", &[]);
    // 2024 (357 municipalities): at least one row with 1 or more users in
    // 0301 (120 and 2), 4601 (3) and 3911 (4); not 1508 (`:`), 5501 (0),
    // 3201 (`-`, a true zero) → 3 of 357.
    let r = row(&rows, "2024", "", "");
    assert_eq!(
        (r["numerator"].as_str(), r["denominator"].as_str()),
        ("3", "357"),
        "{rows:#?}"
    );
    close(&r["value"], 300.0 / 357.0);
    // 2025: 0301, 1508, 5501, 3201, 3911; not 1580 (0) → 5 of 357.
    let r = row(&rows, "2025", "", "");
    assert_eq!(
        (r["numerator"].as_str(), r["denominator"].as_str()),
        ("5", "357")
    );
    close(&r["value"], 500.0 / 357.0);
    // The codes are the right ones: per municipality, Bergen met it in
    // 2024 only, Bærum in 2025 only.
    let rows = w.figures(
        "kommuner-med-brukere",
        &["--by", "municipality", "--suppress-below", "0"],
    );
    let group = |period: &str, code: &str| {
        rows.iter()
            .find(|r| {
                r["period"] == period
                    && r["breakdown"] == "municipality"
                    && r["group"].starts_with(code)
            })
            .map_or_else(
                || panic!("no {code} in {period}: {rows:#?}"),
                |r| r["value"].clone(),
            )
    };
    close(&group("2024", "4601"), 100.0);
    close(&group("2025", "4601"), 0.0);
    close(&group("2024", "3201"), 0.0);
    close(&group("2025", "3201"), 100.0);
    close(&group("2025", "3911"), 100.0);
    assert!(
        rows.iter()
            .filter(|r| r["breakdown"] == "municipality")
            .find(|r| r["group"].starts_with("4601"))
            .is_some_and(|r| r["group"].contains("Bergen")),
        "{rows:#?}"
    );
}

#[test]
fn a_municipality_cell_without_a_leading_code_stays_unreadable() {
    let w = Workdir::new();
    w.source(
        "k",
        "publisher: SSB\nfiles: \"k.csv\"\nperiod: { column: aar, granularity: year }\n\
columns:\n- { name: aar, type: integer, role: period }\n\
  - { name: kommune, type: municipality, role: municipality }\n\
  - { name: antall, type: integer, role: value }\n",
    );
    // Lines 3, 5, 6 and 7 have no code of 1–4 digits followed by the end of
    // the cell or a space; lines 2 and 4 do.
    w.write(
        "data/k.csv",
        "aar;kommune;antall\n2025;0301 Oslo;1\n2025;Oslo;1\n2025;4601;1\n\
2025;03011 Oslo;1\n2025;0301-Oslo;1\n2025;Oslo 0301;1\n",
    );
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
    let source = &json["sources"][0];
    let kommune = source["column_audits"]
        .as_array()
        .and_then(|a| a.iter().find(|c| c["name"] == "kommune"))
        .unwrap_or_else(|| panic!("{json:#}"));
    assert_eq!(kommune["unparseable"], 4, "{json:#}");
    let problems = source["problems"].as_array().expect("problems");
    let unparseable = problems
        .iter()
        .find(|p| p["code"] == "unparseable" && p["column"] == "kommune")
        .unwrap_or_else(|| panic!("{json:#}"));
    assert_eq!(unparseable["lines"], serde_json::json!([3, 5, 6, 7]));
    // None of them became a (wrong) code.
    assert!(
        !problems.iter().any(|p| p["code"] == "unknown-municipality"),
        "{json:#}"
    );
}

// ------------------------------------------------------------ wide, text in year headers, BOM

#[test]
fn wide_table_with_text_in_its_year_headers_and_a_bom() {
    let w = Workdir::new();
    w.source(
        "folkemengde",
        "publisher: SSB\nfiles: \"ssb/folkemengde.csv\"\n\
wide: { key: aar, value: personer, year-columns: true }\n\
period: { column: aar, granularity: year }\ncolumns:\n\
  - { name: region, type: municipality, role: municipality }\n\
  - { name: aar, type: integer, role: period }\n\
  - { name: personer, type: integer, role: value }\n",
    );
    let mut bytes = vec![0xEF, 0xBB, 0xBF];
    bytes.extend_from_slice(
        "region;Personer 2023;2024 Personer;Folkemengde 1. januar 2025\n\
0301 Oslo;700;717;720\n4601 Bergen;290;291;.\n5001 Trondheim;210;212;214\n"
            .as_bytes(),
    );
    w.write("data/ssb/folkemengde.csv", bytes);
    w.indicator(
        "personer",
        "folkemengde",
        "annual",
        &measure("sum", "  column: personer\n"),
        &[],
        "",
    );
    w.indicator(
        "personer-2025",
        "folkemengde",
        "annual",
        &measure("sum", "  column: personer\n  filter: \"aar = 2025\"\n"),
        &[],
        "",
    );
    // Column sums: 700 + 290 + 210 = 1200; 717 + 291 + 212 = 1220;
    // 720 + 214 = 934 (`.` is missing, not 0).
    let rows = w.figures("personer", &[]);
    assert_eq!(periods(&rows), ["2023", "2024", "2025"], "{rows:#?}");
    assert_eq!(value_of(&rows, "2023", "", ""), "1200");
    assert_eq!(value_of(&rows, "2024", "", ""), "1220");
    assert_eq!(value_of(&rows, "2025", "", ""), "934");
    // The key column holds the year, not the header text.
    let rows = w.figures("personer-2025", &[]);
    assert_eq!(periods(&rows), ["2025"], "{rows:#?}");
    assert_eq!(value_of(&rows, "2025", "", ""), "934");
}

// ------------------------------------------------------------ timestamps

/// Oslo dates of the rows (UTC+1 in winter, UTC+2 from 30 March 01:00 UTC
/// to 26 October 01:00 UTC in 2025; no offset means Oslo time already):
///
/// | cell | Oslo time | quarter |
/// |---|---|---|
/// | 2024-12-31T23:30:00Z | 2025-01-01 00:30 | Q1 |
/// | 2025-02-11T10:00:00 | 2025-02-11 10:00 | Q1 |
/// | 2025-02-11 10:00:00.123 | 2025-02-11 10:00 | Q1 |
/// | 2025-03-31T21:30:00Z | 2025-03-31 23:30 | Q1 |
/// | 2025-03-31T23:30:00Z | 2025-04-01 01:30 | Q2 |
/// | 2025-06-30T23:30:00+02:00 | 2025-06-30 23:30 | Q2 |
/// | 2025-06-30T22:30:00Z | 2025-07-01 00:30 | Q3 |
/// | 2025-07-15T08:00:00+0200 | 2025-07-15 08:00 | Q3 |
/// | 2025-09-30T12:00:00 | 2025-09-30 12:00 | Q3 |
const TIMESTAMPS: &str = "tidspunkt;orgnr;antall\n\
2024-12-31T23:30:00Z;988077917;1\n\
2025-02-11T10:00:00;889640782;2\n\
2025-02-11 10:00:00.123;988077917;4\n\
2025-03-31T21:30:00Z;974760673;8\n\
2025-03-31T23:30:00Z;988077917;16\n\
2025-06-30T23:30:00+02:00;889640782;32\n\
2025-06-30T22:30:00Z;974760673;64\n\
2025-07-15T08:00:00+0200;988077917;128\n\
2025-09-30T12:00:00;889640782;256\n";

#[test]
fn timestamps_in_a_date_column_are_read_as_the_oslo_date() {
    let w = Workdir::new();
    w.source(
        "logg",
        "publisher: NHN\nfiles: \"nhn/logg.csv\"\n\
period: { column: tidspunkt, granularity: day }\ncolumns:\n\
  - { name: tidspunkt, type: date, role: period }\n\
  - { name: orgnr, type: orgnr, role: orgnr }\n\
  - { name: antall, type: integer, role: value }\n",
    );
    w.write("data/nhn/logg.csv", TIMESTAMPS);
    w.indicator(
        "oppslag",
        "logg",
        "quarterly",
        &measure("sum", "  column: antall\n"),
        &[],
        "",
    );
    w.indicator(
        "oppslag-mnd",
        "logg",
        "monthly",
        &measure("count", ""),
        &[],
        "",
    );
    // Sums of the powers of two in each quarter of the table above:
    // Q1 1 + 2 + 4 + 8 = 15, Q2 16 + 32 = 48, Q3 64 + 128 + 256 = 448.
    let rows = w.figures("oppslag", &[]);
    assert_eq!(periods(&rows), ["2025Q1", "2025Q2", "2025Q3"], "{rows:#?}");
    assert_eq!(value_of(&rows, "2025Q1", "", ""), "15");
    assert_eq!(value_of(&rows, "2025Q2", "", ""), "48");
    assert_eq!(value_of(&rows, "2025Q3", "", ""), "448");
    // Rows per month: January 1, February 2, March 1, April 1, June 1,
    // July 2, September 1.
    let rows = w.figures("oppslag-mnd", &[]);
    for (month, n) in [
        ("2025-01", "1"),
        ("2025-02", "2"),
        ("2025-03", "1"),
        ("2025-04", "1"),
        ("2025-06", "1"),
        ("2025-07", "2"),
        ("2025-09", "1"),
    ] {
        assert_eq!(value_of(&rows, month, "", ""), n, "{month}");
    }
    assert!(!periods(&rows).contains(&"2024-12".to_string()));
}

// ------------------------------------------------------------ period codes

#[test]
fn ssb_month_quarter_and_week_codes() {
    let w = Workdir::new();
    w.source(
        "mnd",
        "publisher: SSB\nfiles: \"ssb/mnd.csv\"\n\
period: { column: maaned, granularity: month }\ncolumns:\n\
  - { name: maaned, type: text, role: period }\n\
  - { name: antall, type: integer, role: value }\n",
    );
    w.write(
        "data/ssb/mnd.csv",
        "maaned;antall\n2024M11;10\n2024M12;20\n2024M12;5\n2025M01;7\n",
    );
    w.source(
        "kvartal",
        "publisher: SSB\nfiles: \"ssb/kvartal.csv\"\n\
period: { column: kvartal, granularity: quarter }\ncolumns:\n\
  - { name: kvartal, type: text, role: period }\n\
  - { name: antall, type: integer, role: value }\n",
    );
    w.write(
        "data/ssb/kvartal.csv",
        "kvartal;antall\n2024K1;1\n2024K2;2\n2024K2;3\n2024K3;4\n2024K4;5\n",
    );
    w.source(
        "uke",
        "publisher: SSB\nfiles: \"ssb/uke.csv\"\n\
period: { column: uke, granularity: quarter }\ncolumns:\n\
  - { name: uke, type: text, role: period }\n\
  - { name: antall, type: integer, role: value }\n",
    );
    // ISO weeks of 2025 (week 1 starts Monday 30 December 2024), read by
    // their Thursday: U13 Mon 24 March, Thu 27 March → Q1; U14 Mon 31 March,
    // Thu 3 April → Q2; U26 Thu 26 June → Q2; U27 Mon 30 June, Thu 3 July
    // → Q3.
    w.write(
        "data/ssb/uke.csv",
        "uke;antall\n2025U13;1\n2025U14;10\n2025U26;100\n2025U27;1000\n",
    );
    let sum = measure("sum", "  column: antall\n");
    w.indicator("mnd", "mnd", "monthly", &sum, &[], "");
    w.indicator("kvartal", "kvartal", "quarterly", &sum, &[], "");
    w.indicator("kvartal-aar", "kvartal", "annual", &sum, &[], "");
    w.indicator("uke", "uke", "quarterly", &sum, &[], "");

    // Months: 10; 20 + 5 = 25; 7.
    let rows = w.figures("mnd", &[]);
    assert_eq!(
        periods(&rows),
        ["2024-11", "2024-12", "2025-01"],
        "{rows:#?}"
    );
    assert_eq!(value_of(&rows, "2024-11", "", ""), "10");
    assert_eq!(value_of(&rows, "2024-12", "", ""), "25");
    assert_eq!(value_of(&rows, "2025-01", "", ""), "7");
    // Quarters: 1; 2 + 3 = 5; 4; 5. The year: 1 + 2 + 3 + 4 + 5 = 15.
    let rows = w.figures("kvartal", &[]);
    assert_eq!(
        periods(&rows),
        ["2024Q1", "2024Q2", "2024Q3", "2024Q4"],
        "{rows:#?}"
    );
    assert_eq!(value_of(&rows, "2024Q1", "", ""), "1");
    assert_eq!(value_of(&rows, "2024Q2", "", ""), "5");
    assert_eq!(value_of(&rows, "2024Q3", "", ""), "4");
    assert_eq!(value_of(&rows, "2024Q4", "", ""), "5");
    let rows = w.figures("kvartal-aar", &[]);
    assert_eq!(value_of(&rows, "2024", "", ""), "15");
    // Weeks: Q1 1; Q2 10 + 100 = 110; Q3 1000.
    let rows = w.figures("uke", &[]);
    assert_eq!(periods(&rows), ["2025Q1", "2025Q2", "2025Q3"], "{rows:#?}");
    assert_eq!(value_of(&rows, "2025Q1", "", ""), "1");
    assert_eq!(value_of(&rows, "2025Q2", "", ""), "110");
    assert_eq!(value_of(&rows, "2025Q3", "", ""), "1000");
}

// ------------------------------------------------------------ SQL quoting

#[test]
fn column_names_with_spaces_and_norwegian_letters_in_sql() {
    let w = Workdir::new();
    w.source(
        "brukere",
        "publisher: SSB\nfiles: \"b.csv\"\nperiod: { column: år, granularity: year }\n\
columns:\n- { name: år, type: integer, role: period }\n\
  - { name: antall brukere, type: integer, role: value }\n\
  - { name: tjeneste, type: text, role: category }\n",
    );
    w.write(
        "data/b.csv",
        "år;antall brukere;tjeneste\n2024;0;a\n2024;3;b\n2025;1;a\n2025;0;b\n2025;2;c\n",
    );
    // Quoted in double quotes, and `år` also bare (a letter is a letter).
    for (id, filter) in [
        ("quoted", "'\"antall brukere\" > 0 AND \"år\" = 2025'"),
        ("bare", "'\"antall brukere\" > 0 AND år >= 2025'"),
    ] {
        w.indicator(
            id,
            "brukere",
            "annual",
            &measure("count", &format!("  filter: {filter}\n")),
            &[],
            "",
        );
        // 2025 rows with more than 0 users: a (1) and c (2) → 2.
        let rows = w.figures(id, &[]);
        assert_eq!(periods(&rows), ["2025"], "{id}: {rows:#?}");
        assert_eq!(value_of(&rows, "2025", "", ""), "2", "{id}");
    }
    // Unquoted, a name with a space is a syntax error, located.
    w.indicator(
        "unquoted",
        "brukere",
        "annual",
        &measure("count", "  filter: 'antall brukere > 0'\n"),
        &[],
        "",
    );
    w.run(&["validate", "--indicators", "indicators"])
        .expect_code(1)
        .expect_output("bad-sql")
        .expect_output("unquoted.yaml:");
}
