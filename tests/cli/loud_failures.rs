//! The silent failures of issue 15, now loud or right: an unreadable key
//! cell stops the figure with a located error (exit 1) unless the source
//! tolerates it, and is counted where the figure is shown; `--strict` makes
//! any exclusion an error; `--by` outside the declared breakdowns is a usage
//! error (exit 2); a quarter the data do not cover is left out, reported and
//! refused by `--period` unless `complete-through` says the extract is
//! complete; implausible figures are flagged and warned about; industry
//! codes line up across the SN2007 → SN2025 change. Every expected figure
//! is counted by hand from the fixture rows, as the comments say.

use crate::support::{Row, Workdir, parse_csv, row, value_of};

// ------------------------------------------------------------ unreadable keys

/// A KPR-like table whose municipality column holds, on line 4, `Oslo`
/// without a code: a key that cannot be read. Line 5 has `mange` as its
/// value: an unreadable value cell, not a key.
const KPR: &str = "aar;kommune;tjeneste;brukere\n\
2025;0301;trygghetsalarm;12\n\
2025;4601 Bergen;trygghetsalarm;3\n\
2025;Oslo;hemmelig-tjeneste;7\n\
2025;5001;trygghetsalarm;mange\n\
2025;1508;trygghetsalarm;0\n";

fn kpr(extra: &str) -> Workdir {
    let w = Workdir::new();
    w.source(
        "kpr",
        &format!(
            "publisher: SSB/KPR\nfiles: \"kpr/*.csv\"\n{extra}\
period: {{ column: aar, granularity: year }}\ncolumns:\n\
  - {{ name: aar, type: integer, role: period }}\n\
  - {{ name: kommune, type: municipality, role: municipality }}\n\
  - {{ name: tjeneste, type: text, role: category }}\n\
  - {{ name: brukere, type: integer, role: value }}\n"
        ),
    );
    w.write("data/kpr/brukere_2025.csv", KPR);
    w.indicator(
        "kommuner-med-brukere",
        "kpr",
        "annual",
        "  kind: share_of_units\n  condition: \"brukere >= 1\"\n  scale: 100\n",
        &[],
        "",
    );
    w
}

#[test]
fn an_unreadable_municipality_key_stops_the_figure_with_a_located_error() {
    let w = kpr("");
    let run = w.compute_csv("kommuner-med-brukere", &[], &[]);
    run.expect_code(1);
    let err = run.stderr();
    // File, line, column (number and name), the cell and what was expected.
    for needle in [
        "kpr/brukere_2025.csv",
        "line 4",
        "column 2",
        "`kommune`",
        "«Oslo»",
        "municipality",
        "max-unreadable-keys",
    ] {
        assert!(err.contains(needle), "{needle:?} not in:\n{err}");
    }
    // The rest of the row is not echoed.
    assert!(!err.contains("hemmelig-tjeneste"), "{err}");
    // No figure is shown as if it were good.
    assert!(
        !parse_csv(&run.output.stdout)
            .iter()
            .any(|r| r["value"].parse::<f64>().is_ok()),
        "{}",
        run.stdout()
    );
}

#[test]
fn a_cell_that_may_be_an_identity_number_is_never_echoed() {
    let w = kpr("");
    // Line 4 now holds eleven digits where the municipality belongs.
    w.write(
        "data/kpr/brukere_2025.csv",
        KPR.replace("2025;Oslo;", "2025;01017012345;"),
    );
    let run = w.compute_csv("kommuner-med-brukere", &[], &[]);
    run.expect_code(1).expect_output("line 4");
    assert!(!run.stderr().contains("01017012345"), "{}", run.stderr());
}

#[test]
fn a_tolerated_unreadable_key_is_counted_where_the_figure_is() {
    let w = kpr("max-unreadable-keys: 1\n");
    let rows = w.figures("kommuner-med-brukere", &[]);
    // Line 4 (`Oslo`) is left out; of the other four rows, 0301 (12) and
    // 4601 (3) have brukere >= 1; 5001 (`mange`, unreadable, missing) and
    // 1508 (0) do not → 2 of the 357 municipalities of 2025.
    let r = row(&rows, "2025", "", "");
    assert_eq!(r["numerator"], "2", "{rows:#?}");
    assert_eq!(r["denominator"], "357", "{rows:#?}");
    assert_eq!(r["rows_excluded"], "1", "{rows:#?}");
    assert_eq!(r["cells_unreadable"], "1", "{rows:#?}");
    assert_eq!(r["unmatched_keys"], "0", "{rows:#?}");
    // JSON: the counts per file and column.
    let run = w.on_data(
        "compute",
        &["--indicator", "kommuner-med-brukere", "--format", "json"],
    );
    run.expect_code(0);
    let text = run.stdout();
    for needle in [
        "\"rows_excluded\": 1",
        "\"cells_unreadable\": 1",
        "\"column\": \"kommune\"",
        "\"column\": \"brukere\"",
    ] {
        assert!(text.contains(needle), "{needle:?} not in:\n{text}");
    }
    // The terminal table says so under the figures.
    let run = w.on_data("compute", &["--indicator", "kommuner-med-brukere"]);
    run.expect_code(0)
        .expect_output("Merknader om dataene")
        .expect_output("kpr/brukere_2025.csv");
    // The report and the dashboard page say so too.
    w.on_data("report", &["--quarter", "2025Q4", "--out", "out"])
        .expect_code(0);
    let md = w.read("out/2025Q4/report.md");
    assert!(md.contains("Merknader om dataene:"), "{md}");
    assert!(
        md.contains("kommuner-med-brukere: rader utelatt fordi en nøkkel"),
        "{md}"
    );
    w.on_data("dashboard", &["--out", "site"]).expect_code(0);
    let page = w.read("site/indicator-kommuner-med-brukere.html");
    assert!(page.contains("Merknader om dataene"), "{page}");
    assert!(page.contains("brukere_2025.csv"), "{page}");
    // --strict: any exclusion or unreadable cell is an error.
    let run = w.compute_csv("kommuner-med-brukere", &["--strict"], &[]);
    run.expect_code(1).expect_output("--strict");
}

#[test]
fn a_share_threshold_counts_against_the_rows_read() {
    // 1 unreadable key in 5 rows is 20 %: over 10 %, within 25 %.
    let w = kpr("max-unreadable-keys: \"10%\"\n");
    w.compute_csv("kommuner-med-brukere", &[], &[])
        .expect_code(1)
        .expect_output("line 4");
    let w = kpr("max-unreadable-keys: \"25%\"\n");
    let rows = w.figures("kommuner-med-brukere", &[]);
    assert_eq!(row(&rows, "2025", "", "")["numerator"], "2");
}

// ------------------------------------------------------------ --by

#[test]
fn by_outside_the_declared_breakdowns_is_a_usage_error() {
    let w = kpr("max-unreadable-keys: 1\n");
    // Declares `tjeneste` only.
    w.indicator(
        "rader",
        "kpr",
        "annual",
        "  kind: count\n",
        &["tjeneste"],
        "",
    );
    // A typo: exit 2, with the name it was probably meant to be.
    let run = w.compute_csv("rader", &["--by", "tjenste"], &[]);
    run.expect_code(2).expect_output("tjeneste");
    assert!(run.stdout().is_empty(), "{}", run.stdout());
    // A breakdown the indicator does not declare: exit 2, listing those it does.
    w.compute_csv("rader", &["--by", "municipality"], &[])
        .expect_code(2)
        .expect_output("tjeneste");
    // Declared, it works: 4 readable rows of trygghetsalarm in 2025
    // (0301, 4601, 5001, 1508; line 4 is left out).
    let rows = w.figures("rader", &["--by", "tjeneste", "--suppress-below", "0"]);
    assert_eq!(value_of(&rows, "2025", "tjeneste", "trygghetsalarm"), "4");
}

// ------------------------------------------------------------ incomplete periods

/// Look-ups in 2025Q3 (July to September) and in the first half of October.
/// Distinct organisations: 2025Q3 988077917, 889640782, 974760673 → 3;
/// 2025Q4 (October only) 988077917, 931111116 → 2.
const LOG: &str = "dato;orgnr\n\
2025-07-01;988077917\n\
2025-07-20;889640782\n\
2025-08-11;974760673\n\
2025-09-30;988077917\n\
2025-10-02;988077917\n\
2025-10-15;931111116\n";

fn log(extra: &str) -> Workdir {
    let w = Workdir::new();
    w.source(
        "logg",
        &format!(
            "publisher: NHN\nfiles: \"nhn/*.csv\"\n{extra}\
period: {{ column: dato, granularity: day }}\ncolumns:\n\
  - {{ name: dato, type: date, role: period }}\n\
  - {{ name: orgnr, type: orgnr, role: orgnr }}\n"
        ),
    );
    w.write("data/nhn/logg.csv", LOG);
    w.indicator(
        "virksomheter",
        "logg",
        "quarterly",
        "  kind: count\n  distinct: orgnr\n",
        &[],
        "",
    );
    w
}

fn national(rows: &[Row]) -> Vec<(String, String, String)> {
    rows.iter()
        .filter(|r| r["breakdown"].is_empty())
        .map(|r| (r["period"].clone(), r["value"].clone(), r["flags"].clone()))
        .collect()
}

#[test]
fn a_quarter_with_data_only_in_its_first_month_is_left_out_and_reported() {
    let w = log("");
    let rows = w.figures("virksomheter", &[]);
    assert_eq!(
        national(&rows),
        [
            ("2025Q3".into(), "3".into(), String::new()),
            ("2025Q4".into(), String::new(), "incomplete-period".into()),
        ],
        "{rows:#?}"
    );
    // Asking for it is refused, not answered with 2025Q3.
    let run = w.compute_csv("virksomheter", &["--period", "2025Q4"], &[]);
    run.expect_code(1).expect_output("2025Q4");
    assert!(!run.stdout().contains("2025Q3,"), "{}", run.stdout());
    // The table says which period was left out and why.
    w.on_data("compute", &["--indicator", "virksomheter"])
        .expect_code(0)
        .expect_output("2025Q4");
}

#[test]
fn complete_through_decides_which_periods_are_complete() {
    // Complete through the end of the year: October's look-ups are all of
    // 2025Q4 → 2.
    let w = log("complete-through: 2025-12-31\n");
    let rows = w.figures("virksomheter", &[]);
    assert_eq!(value_of(&rows, "2025Q4", "", ""), "2", "{rows:#?}");
    assert_eq!(value_of(&rows, "2025Q3", "", ""), "3");
    let rows = w.figures("virksomheter", &["--period", "2025Q4"]);
    assert_eq!(value_of(&rows, "2025Q4", "", ""), "2");
    // Complete only through August: 2025Q3 is not covered either.
    let w = log("complete-through: 2025-08-31\n");
    let rows = w.figures("virksomheter", &[]);
    assert_eq!(
        national(&rows),
        [
            ("2025Q3".into(), String::new(), "incomplete-period".into()),
            ("2025Q4".into(), String::new(), "incomplete-period".into()),
        ],
        "{rows:#?}"
    );
}

// ------------------------------------------------------------ plausibility

#[test]
fn a_count_above_its_plausible_maximum_is_flagged_and_warned_about() {
    let w = kpr("max-unreadable-keys: 1\n");
    // Distinct readable municipalities in 2025: 0301, 4601, 5001, 1508 → 4,
    // above the declared maximum of 3.
    w.indicator(
        "kommuner",
        "kpr",
        "annual",
        "  kind: count\n  distinct: kommune\n",
        &[],
        "plausible:\n  max: 3\n",
    );
    let rows = w.figures("kommuner", &[]);
    let r = row(&rows, "2025", "", "");
    assert_eq!(
        (r["value"].as_str(), r["flags"].as_str()),
        ("4", "implausible")
    );
    let run = w.on_data("validate", &["--format", "json"]);
    let json = run.json();
    let found = json
        .as_array()
        .into_iter()
        .flatten()
        .find(|d| d["code"] == "implausible-figure")
        .unwrap_or_else(|| panic!("{json:#}"));
    assert!(
        found["location"]["file"]
            .as_str()
            .is_some_and(|f| f.ends_with("kommuner.yaml")),
        "{found:#}"
    );
    // `plausible:` is the 15th line of the file the helper writes.
    assert_eq!(found["location"]["line"], 15, "{found:#}");
    // Within bounds: no flag.
    w.indicator(
        "kommuner",
        "kpr",
        "annual",
        "  kind: count\n  distinct: kommune\n",
        &[],
        "plausible:\n  max: municipalities\n",
    );
    let rows = w.figures("kommuner", &[]);
    assert_eq!(row(&rows, "2025", "", "")["flags"], "");
}

// ------------------------------------------------------------ SN2007 → SN2025

#[test]
fn industry_codes_line_up_across_the_2025_change() {
    let w = Workdir::new();
    w.source(
        "virksomheter",
        "publisher: BRREG\nfiles: \"brreg/*.csv\"\n\
period: { column: aar, granularity: year }\ncolumns:\n\
  - { name: aar, type: integer, role: period }\n\
  - { name: orgnr, type: orgnr, role: orgnr }\n\
  - { name: naeringskode, type: text, role: category, harmonise: sn2025 }\n",
    );
    // 2024 in SN2007, 2025 in SN2025 (86.211 → 86.210 general practice,
    // 86.901 → 86.941 home nursing).
    w.write(
        "data/brreg/virksomheter.csv",
        "aar;orgnr;naeringskode\n\
2024;988077917;86.211\n\
2024;889640782;86.211\n\
2024;974760673;86.901\n\
2025;988077917;86.210\n\
2025;889640782;86.210\n\
2025;931111116;86.210\n\
2025;974760673;86.941\n",
    );
    w.indicator(
        "virksomheter",
        "virksomheter",
        "annual",
        "  kind: count\n  distinct: orgnr\n",
        &["naeringskode", "naeringskode_original"],
        "",
    );
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
    let v = |p: &str, b: &str, g: &str| value_of(&rows, p, b, g);
    // Harmonised: 86.210 has 2 in 2024 and 3 in 2025; 86.941 1 and 1.
    assert_eq!(v("2024", "naeringskode", "86.210"), "2");
    assert_eq!(v("2025", "naeringskode", "86.210"), "3");
    assert_eq!(v("2024", "naeringskode", "86.941"), "1");
    assert_eq!(v("2025", "naeringskode", "86.941"), "1");
    // As delivered: the SN2007 codes in 2024 only.
    assert_eq!(v("2024", "naeringskode_original", "86.211"), "2");
    assert_eq!(v("2024", "naeringskode_original", "86.901"), "1");
    assert_eq!(v("2025", "naeringskode_original", "86.210"), "3");
    assert!(
        !rows
            .iter()
            .any(|r| r["period"] == "2025" && r["group"] == "86.211"),
        "{rows:#?}"
    );
}

// ------------------------------------------------------------ cumulative count

#[test]
fn a_cumulative_count_is_the_union_of_units_up_to_each_period() {
    let w = Workdir::new();
    w.source(
        "logg",
        "publisher: NHN\nfiles: \"nhn/*.csv\"\ncomplete-through: 2025-12-31\n\
period: { column: dato, granularity: day }\ncolumns:\n\
  - { name: dato, type: date, role: period }\n\
  - { name: orgnr, type: orgnr, role: orgnr }\n\
  - { name: type, type: text, role: category }\n",
    );
    // A = 988077917, B = 889640782. Q2: A; Q3: A, B; Q4: A only.
    w.write(
        "data/nhn/logg.csv",
        "dato;orgnr;type\n2025-04-10;988077917;fastlege\n2025-07-01;988077917;fastlege\n\
2025-07-20;889640782;sykehus\n2025-10-02;988077917;fastlege\n",
    );
    w.indicator(
        "virksomheter-hittil",
        "logg",
        "quarterly",
        "  kind: count\n  distinct: orgnr\n  cumulative: true\n",
        &["type"],
        "",
    );
    let rows = w.figures(
        "virksomheter-hittil",
        &["--by", "type", "--suppress-below", "0"],
    );
    // Seen up to the end of Q2: A → 1; Q3: A, B → 2; Q4: still A, B → 2
    // (not the 1 of Q4 alone).
    let v = |p: &str, b: &str, g: &str| value_of(&rows, p, b, g);
    assert_eq!(
        [
            v("2025Q2", "", ""),
            v("2025Q3", "", ""),
            v("2025Q4", "", "")
        ],
        ["1", "2", "2"],
        "{rows:#?}"
    );
    // Per group: sykehus (B) first seen in Q3, still counted in Q4.
    assert_eq!(v("2025Q3", "type", "sykehus"), "1");
    assert_eq!(v("2025Q4", "type", "sykehus"), "1");
    assert_eq!(v("2025Q4", "type", "fastlege"), "1");
    // Without `distinct` it is refused.
    w.indicator(
        "virksomheter-hittil",
        "logg",
        "quarterly",
        "  kind: count\n  cumulative: true\n",
        &[],
        "",
    );
    w.run(&["validate", "--indicators", "indicators"])
        .expect_code(1)
        .expect_output("distinct");
}
