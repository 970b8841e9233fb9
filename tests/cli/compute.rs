//! `ehelse compute`: every measure kind checked against figures worked out
//! by hand from small fixtures (the arithmetic is in the comments; survey
//! intervals were evaluated with Python's floats from the Wilson formula in
//! docs/methodology.md), plus periods, breakdowns, suppression, freshness,
//! failures and the output formats.

use std::fmt::Write as _;

use serde_json::Value;

use crate::support::{Row, Workdir, parse_csv, repo, row, value_of};

// ------------------------------------------------------------ fixtures

/// An NHN-style look-up log: daily rows with an organisation number, a
/// municipality, a type and a count.
const LOG_SOURCE: &str = "publisher: NHN\nfiles: \"nhn/logg*.csv\"\n\
period: { column: dato, granularity: day }\ncolumns:\n\
  - { name: dato, type: date, role: period }\n\
  - { name: orgnr, type: orgnr, role: orgnr }\n\
  - { name: kommunenr, type: municipality, role: municipality }\n\
  - { name: type, type: text, role: category }\n\
  - { name: antall, type: integer, role: value }\n";

/// 2024Q1: antall 2, 5, 1, 10; 2024Q2: 3, 6, 9. Three distinct (valid)
/// organisation numbers in each quarter. Oslo (0301, Helse Sør-Øst) 3 rows,
/// Bergen (4601, Helse Vest) 2, Trondheim (5001, Helse Midt-Norge) 2.
const LOG_FILE: &str = "dato;orgnr;kommunenr;type;antall\n\
2024-01-05;988077917;0301;legevakt;2\n\
2024-01-20;889640782;0301;fastlege;5\n\
2024-02-11;988077917;4601;legevakt;1\n\
2024-03-30;974760673;4601;fastlege;10\n\
2024-04-02;988077917;0301;fastlege;3\n\
2024-05-15;889640782;5001;legevakt;6\n\
2024-06-30;974760673;5001;fastlege;9\n";

fn log() -> Workdir {
    let w = Workdir::new();
    w.source("logg", LOG_SOURCE);
    w.write("data/nhn/logg.csv", LOG_FILE);
    w
}

fn measure(kind: &str, rest: &str) -> String {
    format!("  kind: {kind}\n{rest}")
}

/// `compute … --format json` for one indicator: its JSON object.
fn json_of(w: &Workdir, id: &str, extra: &[&str]) -> Value {
    let mut args = vec![
        "compute",
        "--indicators",
        "indicators",
        "--data",
        "data",
        "--indicator",
        id,
        "--format",
        "json",
    ];
    args.extend_from_slice(extra);
    let run = w.run(&args);
    run.expect_code(0);
    run.json()["indicators"][0].clone()
}

#[track_caller]
fn close(actual: &str, expected: f64, tol: f64) {
    let v: f64 = actual
        .parse()
        .unwrap_or_else(|_| panic!("not a number: {actual:?}"));
    assert!(
        (v - expected).abs() <= tol,
        "{v} differs from {expected} by more than {tol}"
    );
}

// ------------------------------------------------------------ count, sum, mean, median

#[test]
fn count_rows_and_distinct_values_per_quarter_and_year() {
    let w = log();
    w.indicator("rader", "logg", "quarterly", &measure("count", ""), &[], "");
    w.indicator(
        "virksomheter",
        "logg",
        "quarterly",
        &measure("count", "  distinct: orgnr\n"),
        &[],
        "",
    );
    w.indicator(
        "legevakt",
        "logg",
        "quarterly",
        &measure(
            "count",
            "  distinct: orgnr\n  filter: \"type = 'legevakt'\"\n",
        ),
        &[],
        "",
    );
    w.indicator(
        "virksomheter-aar",
        "logg",
        "annual",
        &measure("count", "  distinct: orgnr\n"),
        &[],
        "",
    );
    // Daily rows become one value per quarter: 4 rows in Q1, 3 in Q2.
    let rows = w.figures("rader", &[]);
    assert_eq!(rows.len(), 2, "{rows:#?}");
    assert_eq!(value_of(&rows, "2024Q1", "", ""), "4");
    assert_eq!(value_of(&rows, "2024Q2", "", ""), "3");
    // 988077917, 889640782, 974760673 in both quarters.
    let rows = w.figures("virksomheter", &[]);
    assert_eq!(value_of(&rows, "2024Q1", "", ""), "3");
    assert_eq!(value_of(&rows, "2024Q2", "", ""), "3");
    // Legevakt rows: Q1 988077917 twice → 1; Q2 889640782 → 1.
    let rows = w.figures("legevakt", &[]);
    assert_eq!(value_of(&rows, "2024Q1", "", ""), "1");
    assert_eq!(value_of(&rows, "2024Q2", "", ""), "1");
    // Annual: one value for 2024 (a year that the log covers only to June
    // is incomplete, so the figure is left out with a note).
    let json = json_of(&w, "virksomheter-aar", &[]);
    assert_eq!(
        json["figures"].as_array().map(Vec::len),
        Some(0),
        "{json:#}"
    );
    assert!(json["notes"].to_string().contains("incomplete"), "{json:#}");
}

#[test]
fn sum_mean_and_median_per_quarter() {
    let w = log();
    for kind in ["sum", "mean", "median"] {
        w.indicator(
            kind,
            "logg",
            "quarterly",
            &measure(kind, "  column: antall\n"),
            &[],
            "",
        );
    }
    // Q1: 2 + 5 + 1 + 10 = 18; Q2: 3 + 6 + 9 = 18.
    let rows = w.figures("sum", &[]);
    assert_eq!(value_of(&rows, "2024Q1", "", ""), "18");
    assert_eq!(value_of(&rows, "2024Q2", "", ""), "18");
    // Q1: 18 / 4 = 4.5; Q2: 18 / 3 = 6.
    let rows = w.figures("mean", &[]);
    assert_eq!(value_of(&rows, "2024Q1", "", ""), "4.5");
    assert_eq!(value_of(&rows, "2024Q2", "", ""), "6");
    // Q1 sorted 1, 2, 5, 10 → (2 + 5) / 2 = 3.5; Q2 sorted 3, 6, 9 → 6.
    let rows = w.figures("median", &[]);
    assert_eq!(value_of(&rows, "2024Q1", "", ""), "3.5");
    assert_eq!(value_of(&rows, "2024Q2", "", ""), "6");
}

// ------------------------------------------------------------ breakdowns and suppression

#[test]
fn small_cells_are_suppressed_in_breakdowns_never_nationally() {
    let w = log();
    w.indicator(
        "rader",
        "logg",
        "quarterly",
        &measure("count", ""),
        &["region", "type"],
        "",
    );
    // Q1 by region: Helse Sør-Øst 2 rows (01-05, 01-20), Helse Vest 2.
    // Threshold 2: nothing below it; threshold 3: both suppressed.
    let rows = w.figures("rader", &["--by", "region", "--suppress-below", "2"]);
    assert_eq!(value_of(&rows, "2024Q1", "region", "Helse Sør-Øst"), "2");
    assert_eq!(value_of(&rows, "2024Q1", "region", "Helse Vest"), "2");
    let rows = w.figures("rader", &["--by", "region", "--suppress-below", "3"]);
    for g in ["Helse Sør-Øst", "Helse Vest"] {
        let r = row(&rows, "2024Q1", "region", g);
        assert_eq!(r["suppressed"], "true", "{r:#?}");
        assert_eq!(r["value"], "", "{r:#?}");
        assert_eq!(r["n"], "", "{r:#?}");
        assert_eq!(r["numerator"], "", "{r:#?}");
    }
    // The national figure is never suppressed.
    assert_eq!(value_of(&rows, "2024Q1", "", ""), "4");
    // The default threshold is 5; the terminal table shows no number either.
    let run = w.run(&[
        "compute",
        "--indicators",
        "indicators",
        "--data",
        "data",
        "--indicator",
        "rader",
        "--by",
        "type",
        "--format",
        "json",
    ]);
    run.expect_code(0);
    let figs = run.json()["indicators"][0]["figures"].clone();
    for f in figs.as_array().expect("figures") {
        if f["breakdown"] == "type" {
            assert_eq!(f["suppressed"], true, "{f:#}");
            assert!(f["value"].is_null() && f["n"].is_null(), "{f:#}");
        }
    }
}

// ------------------------------------------------------------ ratio

/// PLL-like: persons with a list per month and municipality, population
/// per year and municipality.
fn pll() -> Workdir {
    let w = Workdir::new();
    w.source(
        "pll",
        "publisher: NHN\nfiles: \"nhn/pll.csv\"\nperiod: { column: maaned, granularity: month }\n\
columns:\n- { name: maaned, type: text, role: period }\n\
  - { name: kommunenr, type: municipality, role: municipality }\n\
  - { name: personer_med_pll, type: integer, role: value }\n",
    );
    // The population is a wide SSB table (one column per year), as 07459.
    w.source(
        "folketall",
        "publisher: SSB\nfiles: \"ssb/folketall.csv\"\n\
wide: { key: aar, value: personer, year-columns: true }\n\
period: { column: aar, granularity: year }\ncolumns:\n\
- { name: kommunenr, type: municipality, role: municipality }\n\
- { name: aar, type: integer, role: period }\n\
- { name: personer, type: integer, role: value }\n",
    );
    w.write(
        "data/nhn/pll.csv",
        "maaned;kommunenr;personer_med_pll\n2024-11;0301;30000\n2024-11;4601;9000\n\
2024-12;0301;33000\n2024-12;4601;9900\n",
    );
    w.write(
        "data/ssb/folketall.csv",
        "kommunenr;2023;2024\n0301;690000;700000\n4601;285000;290000\n",
    );
    w.write(
        "indicators/goal-2/pll-andel.yaml",
        "id: pll-andel\nname: { nb: \"PLL\", en: \"PLL\" }\ngoal: 2\nlevel: strategic\n\
type: process\nreadiness: ready\nunit: percent\nfrequency: continuous\nsource: [pll, folketall]\n\
measure:\n  kind: ratio\n  numerator: { kind: sum, source: pll, column: personer_med_pll }\n  \
denominator: { kind: sum, source: folketall, column: personer, factor: 0.30 }\n  scale: 100\n\
ambition: { target: 100, by: 2029-12-31, direction: increase, per: region }\n\
breakdowns: [region]\n",
    );
    w
}

#[test]
fn ratio_across_sources_with_factor_and_scale_per_region_and_nationally() {
    let w = pll();
    let rows = w.figures("pll-andel", &["--suppress-below", "1"]);
    // Two months, nationally and for two regions: six rows, each once.
    assert_eq!(rows.len(), 6, "{rows:#?}");
    // December: (33 000 + 9 900) / (0.30 × (700 000 + 290 000)) × 100
    //         = 42 900 / 297 000 × 100 = 14.444444 %.
    close(&value_of(&rows, "2024-12", "", ""), 14.444_444, 1e-6);
    // November: 39 000 / 297 000 × 100 = 13.131313 %.
    close(&value_of(&rows, "2024-11", "", ""), 13.131_313, 1e-6);
    let dec = row(&rows, "2024-12", "", "");
    assert_eq!(dec["numerator"], "42900");
    assert_eq!(dec["denominator"], "297000");
    // Per region (the ambition is per region, so the regions are computed
    // without asking): Helse Sør-Øst 33 000 / 210 000 × 100 = 15.714286 %,
    // Helse Vest 9 900 / 87 000 × 100 = 11.37931 %.
    close(
        &value_of(&rows, "2024-12", "region", "Helse Sør-Øst"),
        15.714_286,
        1e-6,
    );
    close(
        &value_of(&rows, "2024-12", "region", "Helse Vest"),
        11.379_31,
        1e-6,
    );
}

// ------------------------------------------------------------ share_of_units

const VT_SOURCE: &str = "publisher: SSB/KPR\nfiles: \"kpr/vt.csv\"\n\
period: { column: aar, granularity: year }\ncolumns:\n\
  - { name: aar, type: integer, role: period }\n\
  - { name: kommunenr, type: municipality, role: municipality }\n\
  - { name: teknologi, type: text }\n\
  - { name: aktive_brukere, type: integer, role: value }\n";

/// 2023 (356 municipalities): 0301, 3001 and 1507 meet the condition; 4601
/// has a welfare technology without users and 5001 only the safety alarm.
/// 2024 (357): 0301, 3101, 1508 and 1580 meet it.
const VT_FILE: &str = "aar;kommunenr;teknologi;aktive_brukere\n\
2023;0301;lokaliseringsteknologi;5\n2023;0301;trygghetsalarm;100\n\
2023;4601;medisineringsstøtte;0\n2023;3001;digitalt tilsyn;2\n\
2023;1507;medisineringsstøtte;1\n2023;5001;trygghetsalarm;50\n\
2024;0301;lokaliseringsteknologi;7\n2024;3101;digitalt tilsyn;1\n\
2024;1508;medisineringsstøtte;2\n2024;1580;digitalt tilsyn;1\n";

/// Population per municipality for 2023 and 2024: 1 000 everywhere except
/// 2023: 0301 700 000, 3001 31 000, 1507 67 000; 2024: 0301 717 000,
/// 3101 31 600, 1508 58 000, 1580 9 500. The list of municipalities is the
/// shipped reference table (so the file covers every unit of each year).
fn population_file() -> String {
    let table = std::fs::read_to_string(repo().join("reference/kommuner.csv")).expect("kommuner");
    let special = [
        (2023, "0301", 700_000),
        (2023, "3001", 31_000),
        (2023, "1507", 67_000),
        (2024, "0301", 717_000),
        (2024, "3101", 31_600),
        (2024, "1508", 58_000),
        (2024, "1580", 9_500),
    ];
    let mut out = String::from("aar;kommunenr;personer\n");
    for line in table.lines().skip(1) {
        let f: Vec<&str> = line.split(',').collect();
        let (code, from, to) = (f[0], f[3].parse::<i32>().expect("from"), f[4]);
        for year in [2023, 2024] {
            let to: i32 = to.parse().unwrap_or(9999);
            if from <= year && year <= to {
                let p = special
                    .iter()
                    .find(|(y, c, _)| *y == year && *c == code)
                    .map_or(1000, |s| s.2);
                let _ = writeln!(out, "{year};{code};{p}");
            }
        }
    }
    out
}

fn welfare_technology() -> Workdir {
    let w = Workdir::new();
    w.source("vt", VT_SOURCE);
    w.source(
        "befolkning",
        "publisher: SSB\nfiles: \"ssb/befolkning.csv\"\nperiod: { column: aar, granularity: year }\n\
columns:\n- { name: aar, type: integer, role: period }\n\
  - { name: kommunenr, type: municipality, role: municipality }\n\
  - { name: personer, type: integer, role: value }\n",
    );
    w.write("data/kpr/vt.csv", VT_FILE);
    w.write("data/ssb/befolkning.csv", population_file());
    let cond =
        "  condition: \"teknologi <> 'trygghetsalarm' AND aktive_brukere >= 1\"\n  scale: 100\n";
    w.indicator(
        "andel-kommuner",
        "vt",
        "annual",
        &measure("share_of_units", cond),
        &[],
        "",
    );
    w.indicator(
        "andel-innbyggere",
        "vt",
        "annual",
        &measure(
            "share_of_units",
            &format!("{cond}  weight-by: befolkning\n"),
        ),
        &[],
        "",
    );
    w
}

#[test]
fn share_of_units_counts_absent_units_and_follows_356_then_357() {
    let w = welfare_technology();
    let rows = w.figures("andel-kommuner", &[]);
    // 2023: 3 of 356 = 0.842697 %; 2024: 4 of 357 = 1.120448 %.
    let r = row(&rows, "2023", "", "");
    assert_eq!(
        (r["numerator"].as_str(), r["denominator"].as_str()),
        ("3", "356")
    );
    close(&r["value"], 0.842_697, 1e-6);
    let r = row(&rows, "2024", "", "");
    assert_eq!(
        (r["numerator"].as_str(), r["denominator"].as_str()),
        ("4", "357")
    );
    close(&r["value"], 1.120_448, 1e-6);
}

#[test]
fn share_of_units_weighted_by_population() {
    let w = welfare_technology();
    let rows = w.figures("andel-innbyggere", &[]);
    // 2023: met 700 000 + 31 000 + 67 000 = 798 000 of
    //       353 × 1 000 + 798 000 = 1 151 000 → 69.331017 %.
    let r = row(&rows, "2023", "", "");
    assert_eq!(r["numerator"], "798000");
    assert_eq!(r["denominator"], "1151000");
    close(&r["value"], 69.331_017, 1e-6);
    // 2024: met 717 000 + 31 600 + 58 000 + 9 500 = 816 100 of
    //       353 × 1 000 + 816 100 = 1 169 100 → 69.805834 %.
    let r = row(&rows, "2024", "", "");
    assert_eq!(r["denominator"], "1169100");
    close(&r["value"], 69.805_834, 1e-6);
}

// ------------------------------------------------------------ survey_share

fn survey() -> Workdir {
    let w = Workdir::new();
    w.source(
        "survey",
        "publisher: survey\nfiles: \"survey/*.csv\"\nperiod: { column: aar, granularity: year }\n\
columns:\n- { name: aar, type: integer, role: period }\n\
  - { name: respondent, type: text, role: respondent }\n\
  - { name: vekt, type: decimal, role: weight }\n\
  - { name: sporsmal, type: text }\n- { name: svar, type: text }\n",
    );
    w.write(
        "data/survey/svar.csv",
        "aar;respondent;vekt;sporsmal;svar\n\
2024;r1;1;tillit;Helt enig\n2024;r2;2;tillit;Ganske enig\n2024;r3;1;tillit;Helt uenig\n\
2024;r4;0,5;tillit;Vet ikke\n2024;r5;1,5;tillit;Ganske uenig\n2024;r6;1;tillit;Helt enig\n\
2025;a;1;onsker;Journal\n2025;a;1;onsker;Timebestilling\n2025;b;2;onsker;Journal\n\
2025;c;1;onsker;Prøvesvar\n2025;d;0,5;onsker;Timebestilling\n2025;d;0,5;onsker;Prøvesvar\n\
2025;d;0,5;onsker;Journal\n",
    );
    w.indicator(
        "tillit",
        "survey",
        "annual",
        &measure(
            "survey_share",
            "  filter: \"sporsmal = 'tillit'\"\n  answer: svar\n  answers: [\"Helt enig\", \"Ganske enig\"]\n  exclude: [\"Vet ikke\"]\n  scale: 100\n",
        ),
        &[],
        "",
    );
    w.indicator(
        "onsker",
        "survey",
        "annual",
        &measure(
            "survey_share",
            "  filter: \"sporsmal = 'onsker'\"\n  answer: svar\n  answers: [Journal, Timebestilling, Prøvesvar]\n  per-option: true\n  scale: 100\n",
        ),
        &["svar"],
        "",
    );
    w
}

#[test]
fn survey_share_is_weighted_with_a_wilson_interval_on_the_kish_size() {
    let w = survey();
    let rows = w.figures("tillit", &[]);
    let r = row(&rows, "2024", "", "");
    // "Vet ikke" (r4) leaves the denominator. Σw = 1 + 2 + 1 + 1.5 + 1 = 6.5;
    // yes (r1, r2, r6): 1 + 2 + 1 = 4 → p = 4 / 6.5 = 61.538462 %.
    assert_eq!(r["numerator"], "4");
    assert_eq!(r["denominator"], "6.5");
    assert_eq!(r["n"], "5");
    close(&r["value"], 61.538_462, 1e-6);
    // Kish: n_eff = Σw² / Σw² = 6.5² / (1 + 4 + 1 + 2.25 + 1) = 42.25 / 9.25
    // = 4.567568. Wilson with z = 1.959964: centre = (p + z²/2n)/(1 + z²/n),
    // half = z·√(p(1−p)/n + z²/4n²)/(1 + z²/n) → 22.965321 % – 89.569472 %.
    close(&r["ci_low"], 22.965_321, 1e-5);
    close(&r["ci_high"], 89.569_472, 1e-5);
}

#[test]
fn multi_select_answers_are_counted_per_respondent() {
    let w = survey();
    let rows = w.figures("onsker", &["--suppress-below", "0"]);
    // Four respondents (a, b, c, d; 7 rows), Σw = 1 + 2 + 1 + 0.5 = 4.5.
    // Journal: a, b, d → 3.5 / 4.5 = 77.777778 %; Timebestilling: a, d →
    // 1.5 / 4.5 = 33.333333 %; Prøvesvar: c, d → 33.333333 %.
    for (option, expected) in [
        ("Journal", 77.777_778),
        ("Timebestilling", 33.333_333),
        ("Prøvesvar", 33.333_333),
    ] {
        let r = row(&rows, "2025", "svar", option);
        close(&r["value"], expected, 1e-6);
        assert_eq!(r["n"], "4", "respondents, not rows: {r:#?}");
    }
    // The headline figure of a multi-select question is its first answer.
    close(&value_of(&rows, "2025", "", ""), 77.777_778, 1e-6);
}

// ------------------------------------------------------------ reported, composite, milestone

fn reported() -> Workdir {
    let w = Workdir::new();
    w.source(
        "tall",
        "publisher: Hdir\nfiles: \"hdir/tall.csv\"\nperiod: { column: periode, granularity: year }\n\
columns:\n- { name: serie, type: text, role: category }\n\
  - { name: periode, type: integer, role: period }\n\
  - { name: omraade, type: text, role: category }\n- { name: verdi, type: decimal, role: value }\n",
    );
    // a: 2023 mean of 3 and 5 = 4, 2024 mean of 4 and 6 = 5.
    // b: 8 then 7.
    w.write(
        "data/hdir/tall.csv",
        "serie;periode;omraade;verdi\na;2023;Vest;3\na;2023;Nord;5\na;2024;Vest;4\na;2024;Nord;6\n\
b;2023;Norge;8\nb;2024;Norge;7\n",
    );
    let ambition =
        "ambition: { target: 10, by: 2030-12-31, direction: increase }\nmethod: linear\n";
    for (id, serie) in [("a", "a"), ("b", "b")] {
        w.indicator(
            id,
            "tall",
            "annual",
            &measure(
                "reported",
                &format!("  filter: \"serie = '{serie}'\"\n  column: verdi\n  aggregate: mean\n"),
            ),
            &[],
            ambition,
        );
    }
    for (id, rollup) in [("ab-verst", "worst"), ("ab-snitt", "mean-score")] {
        w.write(
            &format!("indicators/goal-1/{id}.yaml"),
            format!(
                "id: {id}\nname: {{ nb: \"{id}\", en: \"{id}\" }}\ngoal: 1\nlevel: strategic\n\
type: process\nreadiness: ready\nunit: score\nfrequency: annual\n\
measure: {{ kind: composite, components: [a, b], rollup: {rollup} }}\n\
ambition: {{ none: \"sammensatt\" }}\n"
            ),
        );
    }
    w
}

#[test]
fn reported_values_are_read_as_they_are() {
    let w = reported();
    let rows = w.figures("a", &[]);
    assert_eq!(value_of(&rows, "2023", "", ""), "4");
    assert_eq!(value_of(&rows, "2024", "", ""), "5");
}

#[test]
fn composites_roll_up_their_components() {
    let w = reported();
    // a: baseline 2023 (t0 = 2023.5) = 4, current 2024 (t = 2024.5) = 5,
    // deadline 2031.0: required now 4 + (10 − 4) × 1 / 7.5 = 4.8; ratio
    // (5 − 4) / 0.8 = 1.25 ≥ 0.95 → on-track. b: 8 → 7, ratio < 0 →
    // deterioration. Worst: deterioration; mean score (3 + 0) / 2 = 1.5,
    // rounded half up to 2 → moderate.
    let status = |id: &str| json_of(&w, id, &[])["assessment"]["status"].clone();
    assert_eq!(status("a"), "on-track");
    assert_eq!(status("b"), "deterioration");
    assert_eq!(status("ab-verst"), "deterioration");
    assert_eq!(status("ab-snitt"), "moderate");
    let json = json_of(&w, "ab-verst", &[]);
    assert_eq!(
        json["components"],
        serde_json::json!([{"id": "a", "status": "on-track"}, {"id": "b", "status": "deterioration"}])
    );
    close(
        &json_of(&w, "a", &[])["assessment"]["required_now"].to_string(),
        4.8,
        1e-9,
    );
}

#[test]
fn explain_prints_the_arithmetic_of_the_assessment() {
    let w = reported();
    let run = w.run(&[
        "explain",
        "a",
        "--indicators",
        "indicators",
        "--data",
        "data",
    ]);
    run.expect_code(0);
    // The worked example of composites_roll_up_their_components: required
    // now 4 + (10 − 4) × (2024.5 − 2023.5) / (2031 − 2023.5) = 4.8, ratio
    // (5 − 4) / (4.8 − 4) = 1.25 ≥ 0.95 → on-track.
    run.expect_output("Baseline")
        .expect_output("= 4.8.")
        .expect_output("= 1.25.")
        .expect_output("progress ratio 1.25 >= 0.95 -> on-track")
        .expect_output("thresholds: on-track ≥ 0.95, moderate ≥ 0.6, limited ≥ 0")
        .expect_output("data/hdir/tall.csv sha256:");
}

#[test]
fn status_prints_one_line_per_goal_with_counts_per_status() {
    let w = reported();
    // a and b made strategic, like the composites ab-verst and ab-snitt.
    for id in ["a", "b"] {
        let path = format!("indicators/goal-1/{id}.yaml");
        let text = w.read(&path).replace("level: support", "level: strategic");
        w.write(&path, text);
    }
    let run = w.run(&[
        "status",
        "--indicators",
        "indicators",
        "--data",
        "data",
        "--lang",
        "en",
    ]);
    run.expect_code(0);
    let out = run.stdout();
    let header: Vec<String> = out
        .lines()
        .find(|l| l.contains("Goal"))
        .expect("header")
        .split(['│', '┆'])
        .map(|c| c.trim().to_string())
        .filter(|c| !c.is_empty())
        .collect();
    let line: Vec<String> = out
        .lines()
        .find(|l| l.trim_start_matches('│').trim_start().starts_with("1 "))
        .unwrap_or_else(|| panic!("no line for goal 1:\n{out}"))
        .split(['│', '┆'])
        .map(|c| c.trim().to_string())
        .filter(|c| !c.is_empty())
        .collect();
    let cell = |name: &str| {
        let i = header.iter().position(|h| h == name).expect(name);
        line[i].clone()
    };
    // a on track, b deterioration, ab-verst deterioration (worst of the
    // two), ab-snitt moderate (mean score (3 + 0) / 2 = 1.5 → 2): each
    // counted once. No overall status is computed (seed 002: the analyst's
    // judgement), so no mean score over them either.
    assert_eq!(
        cell("Strategic indicators"),
        "On track 1, Moderate progress 1, Deterioration 2",
        "{out}"
    );
    assert_eq!(cell("Roadmap sub-goals"), "–", "{out}");
    assert_eq!(cell("Overall status"), "not set", "{out}");
    assert!(!out.contains("Limited progress"), "{out}");
    // Only goals with indicators are listed.
    assert_eq!(out.matches("not set").count(), 1, "{out}");
}

#[test]
fn milestones_show_the_latest_reported_status() {
    let w = Workdir::new();
    w.source(
        "veikart",
        "publisher: Hdir\nfiles: \"hdir/veikart.csv\"\nperiod: { column: kvartal, granularity: quarter }\n\
columns:\n- { name: delmaal, type: text, role: category }\n\
  - { name: kvartal, type: text, role: period }\n- { name: status, type: text }\n",
    );
    w.write(
        "data/hdir/veikart.csv",
        "delmaal,kvartal,status\n1A,2024Q1,not-started\n1B,2024Q2,delayed\n1A,2024Q2,in-progress\n",
    );
    w.indicator(
        "veikart-1a",
        "veikart",
        "quarterly",
        &measure(
            "milestone",
            "  filter: \"delmaal = '1A'\"\n  status-column: status\n",
        ),
        &[],
        "",
    );
    let rows = w.figures("veikart-1a", &[]);
    assert_eq!(row(&rows, "2024Q1", "", "")["text"], "not-started");
    assert_eq!(row(&rows, "2024Q2", "", "")["text"], "in-progress");
    let run = w.run(&[
        "compute",
        "--indicators",
        "indicators",
        "--data",
        "data",
        "--indicator",
        "veikart-1a",
        "--lang",
        "en",
    ]);
    run.expect_code(0).expect_output("in progress");
}

// ------------------------------------------------------------ periods, freshness, failures, formats

#[test]
fn period_cut_and_stable_tidy_csv() {
    let w = log();
    w.indicator("rader", "logg", "quarterly", &measure("count", ""), &[], "");
    let run = w.run(&[
        "compute",
        "--indicators",
        "indicators",
        "--data",
        "data",
        "--all",
        "--period",
        "2024Q1",
        "--format",
        "csv",
    ]);
    run.expect_code(0);
    let header = run.stdout().lines().next().unwrap_or_default().to_string();
    assert_eq!(
        header,
        "goal,indicator,period,breakdown,group,value,unit,numerator,denominator,n,ci_low,ci_high,\
suppressed,text,status,required_now,projected_at_deadline,stale,flags,rows_excluded,\
cells_unreadable,unmatched_keys"
    );
    let rows: Vec<Row> = parse_csv(&run.output.stdout);
    assert_eq!(rows.len(), 1, "only periods up to 2024Q1: {rows:#?}");
    assert_eq!(rows[0]["period"], "2024Q1");
    // Same inputs, same bytes.
    let again = w.run(&[
        "compute",
        "--indicators",
        "indicators",
        "--data",
        "data",
        "--all",
        "--period",
        "2024Q1",
        "--format",
        "csv",
    ]);
    assert_eq!(run.output.stdout, again.output.stdout);
}

#[test]
fn an_annual_figure_over_15_months_old_is_stale() {
    let w = reported();
    // The latest period, 2024, ends 2024-12; 2026-03-31 is 15 months later
    // (fresh), 2026-04-30 16 months (stale).
    let json = json_of(&w, "a", &["--as-of", "2026-03-31"]);
    assert_eq!(
        (json["stale"].clone(), json["age_months"].clone()),
        (false.into(), 15.into())
    );
    let json = json_of(&w, "a", &["--as-of", "2026-04-30"]);
    assert_eq!(json["stale"], true);
    let run = w.run(&[
        "compute",
        "--indicators",
        "indicators",
        "--data",
        "data",
        "--indicator",
        "a",
        "--as-of",
        "2026-04-30",
        "--lang",
        "en",
    ]);
    run.expect_code(0).expect_output("stale (16 mo)");
}

#[test]
fn a_failing_indicator_is_listed_and_the_rest_still_shown() {
    let w = log();
    w.indicator("rader", "logg", "quarterly", &measure("count", ""), &[], "");
    w.source(
        "mangler",
        "publisher: NHN\nfiles: \"nhn/finnes-ikke*.csv\"\nperiod: { column: dato, granularity: day }\n\
columns:\n- { name: dato, type: date, role: period }\n",
    );
    w.indicator(
        "uten-data",
        "mangler",
        "quarterly",
        &measure("count", ""),
        &[],
        "",
    );
    // A planned indicator is listed, not failed.
    w.write(
        "indicators/goal-1/planlagt.yaml",
        "id: planlagt\nname: { nb: \"Planlagt indikator\", en: \"Planned indicator\" }\ngoal: 1\n\
level: support\ntype: effect\nreadiness: planned\nunit: count\nfrequency: annual\n\
ambition: { none: \"planlagt\" }\n",
    );
    let run = w.run(&[
        "compute",
        "--indicators",
        "indicators",
        "--data",
        "data",
        "--goal",
        "1",
        "--lang",
        "en",
    ]);
    run.expect_code(1)
        .expect_output("1 indicator(s) could not be computed")
        .expect_output("uten-data: ")
        .expect_output("no file matches")
        .expect_output("Planned indicator")
        .expect_output("planned");
    // The table still has the indicator that worked.
    assert!(run.stdout().contains("rader"), "{}", run.stdout());
}

#[test]
fn usage_errors_exit_2_and_a_missing_data_folder_exits_3() {
    let w = Workdir::new();
    w.copy_from_repo("indicators");
    // Every bad argument value is a usage error, reported by clap.
    w.run(&["compute", "--goal", "9"])
        .expect_code(2)
        .expect_output("not a goal");
    w.run(&["compute", "--all", "--period", "2026Q5"])
        .expect_code(2)
        .expect_output("--period");
    w.run(&["compute", "--all", "--as-of", "2026-03"])
        .expect_code(2)
        .expect_output("not a date");
    w.run(&["list", "--goal", "9"]).expect_code(2);
    w.run(&["status", "--period", "latest2"]).expect_code(2);
    w.run(&["explain", "finnes-ikke"])
        .expect_code(2)
        .expect_output("finnes-ikke");
    w.run(&["compute"])
        .expect_code(2)
        .expect_output("say which indicators");
    // Goals are case-insensitive.
    w.run(&["list", "--goal", "o1"]).expect_code(0);
    // Input that is not there: could not run.
    w.run(&["compute", "--all", "--data", "finnes-ikke"])
        .expect_code(3)
        .expect_output("finnes-ikke");
}
