//! Issue 17: hostile and broken input. One table of small cases, each a
//! fault planted in a working fixture, driven by one test that checks for
//! every case: the exit code, no panic (exit 101 or "internal error"), the
//! file, line and field in the message, no data row in any message, and
//! that an earlier output file is still intact.

use std::fmt::Write;

use crate::support::{Run, Workdir};

/// A working fixture: a KPR-like source and an indicator of goal 1.
const CSV: &str = "aar;kommune;teknologi;brukere\n\
2024;0301;trygghetsalarm;12\n\
2024;4601;gps;3\n\
2025;0301;trygghetsalarm;14\n\
2025;4601;gps;5\n\
2025;5001;gps;9\n";

/// A cell value that marks a data row: it must never appear in a message.
const SECRET: &str = "hemmelig-tjeneste";

fn fixture() -> Workdir {
    let w = Workdir::new();
    w.source(
        "kpr",
        "publisher: SSB/KPR\nfiles: \"kpr/*.csv\"\n\
period: { column: aar, granularity: year }\ncolumns:\n\
  - { name: aar, type: integer, role: period }\n\
  - { name: kommune, type: municipality, role: municipality }\n\
  - { name: teknologi, type: text, role: category }\n\
  - { name: brukere, type: integer, role: value }\n",
    );
    w.write("data/kpr/brukere.csv", CSV);
    w.indicator(
        "brukere",
        "kpr",
        "annual",
        "  kind: sum\n  column: brukere\n  filter: \"brukere >= 1\"\n",
        &[],
        "",
    );
    // An earlier output that no failed run may touch.
    w.write("earlier.csv", "earlier output\n");
    w
}

/// Replaces `from` by `to` in a fixture file (which must contain it).
fn plant(w: &Workdir, rel: &str, from: &str, to: &str) {
    let text = w.read(rel);
    assert!(text.contains(from), "{rel} lacks {from:?}");
    w.write(rel, text.replacen(from, to, 1));
}

const INDICATOR: &str = "indicators/goal-1/brukere.yaml";
const DATA: &str = "data/kpr/brukere.csv";

/// One planted fault.
struct Case {
    /// What is planted.
    name: &'static str,
    /// Plants it.
    plant: fn(&Workdir),
    /// The command after `ehelse` (run with `--indicators indicators
    /// --data data` when it takes them).
    args: &'static [&'static str],
    /// The exit code expected.
    code: i32,
    /// Text the output (stdout and stderr) must contain: file, line, field
    /// and the words that say what is wrong.
    needles: &'static [&'static str],
}

fn validate() -> &'static [&'static str] {
    &["validate", "--indicators", "indicators"]
}

const COMPUTE: &[&str] = &[
    "compute",
    "--indicators",
    "indicators",
    "--data",
    "data",
    "--all",
    "--format",
    "csv",
];

fn cases() -> Vec<Case> {
    let mut all = definition_cases();
    all.extend(yaml_cases());
    all.extend(more_yaml_cases());
    all.extend(data_cases());
    all.extend(more_data_cases());
    all.extend(wrong_file_cases());
    all
}

/// Faults planted in the definitions.
fn definition_cases() -> Vec<Case> {
    vec![
        Case {
            name: "a filter that is a number",
            plant: |w| plant(w, INDICATOR, "filter: \"brukere >= 1\"", "filter: 1"),
            args: validate(),
            code: 1,
            needles: &["brukere.yaml:", "measure.filter", "not a condition"],
        },
        Case {
            name: "a filter that is a number, computed",
            plant: |w| plant(w, INDICATOR, "filter: \"brukere >= 1\"", "filter: 0"),
            args: COMPUTE,
            // Definitions with errors: compute cannot run.
            code: 3,
            needles: &["brukere.yaml:", "measure.filter", "not a condition"],
        },
        Case {
            name: "a filter that is a period code",
            plant: |w| plant(w, INDICATOR, "filter: \"brukere >= 1\"", "filter: 2026Q2"),
            args: validate(),
            code: 1,
            needles: &["brukere.yaml:", "measure.filter"],
        },
        Case {
            name: "a filter that is a bare column",
            plant: |w| plant(w, INDICATOR, "filter: \"brukere >= 1\"", "filter: brukere"),
            args: COMPUTE,
            code: 3,
            needles: &["brukere.yaml:", "measure.filter", "not a condition"],
        },
        Case {
            name: "a filter with a subquery",
            plant: |w| {
                plant(
                    w,
                    INDICATOR,
                    "filter: \"brukere >= 1\"",
                    "filter: \"brukere > (SELECT max(brukere) FROM kpr)\"",
                );
            },
            args: validate(),
            code: 1,
            needles: &["brukere.yaml:", "measure.filter", "holds a query"],
        },
        Case {
            name: "a text column compared with a number",
            plant: |w| {
                plant(
                    w,
                    INDICATOR,
                    "filter: \"brukere >= 1\"",
                    "filter: \"teknologi = 3\"",
                );
            },
            args: validate(),
            code: 1,
            needles: &[
                "brukere.yaml:",
                "measure.filter",
                "text column with a number",
            ],
        },
    ]
}

/// Faults in the YAML of a definition, and an output path that is a file.
fn yaml_cases() -> Vec<Case> {
    vec![
        Case {
            name: "a definition nested 80 000 levels deep",
            plant: |w| {
                let mut text = w.read(INDICATOR);
                text.push_str("description: ");
                text.push_str(&"{".repeat(80_000));
                text.push('\n');
                w.write(INDICATOR, text);
            },
            args: validate(),
            code: 1,
            needles: &["brukere.yaml:", "too-deep", "more than 64 levels"],
        },
        Case {
            name: "a key written twice",
            plant: |w| {
                let text = w.read(INDICATOR);
                w.write(INDICATOR, format!("{text}level: strategic\n"));
            },
            args: validate(),
            code: 1,
            needles: &["brukere.yaml:16", "duplicate field `level`"],
        },
        Case {
            name: "two YAML documents in one file",
            plant: |w| {
                let text = w.read(INDICATOR);
                w.write(INDICATOR, format!("{text}---\n{text}"));
            },
            args: validate(),
            code: 1,
            needles: &["brukere.yaml:16", "more than one YAML document"],
        },
        Case {
            name: "a definition that is a list",
            plant: |w| {
                w.write(INDICATOR, "- id: brukere\n- goal: 1\n");
            },
            args: validate(),
            code: 1,
            needles: &["brukere.yaml:1", "is a list"],
        },
    ]
}

/// Faults planted in definition files and output paths, part two.
fn more_yaml_cases() -> Vec<Case> {
    vec![
        Case {
            name: "a NUL byte in a definition",
            plant: |w| {
                let text = w.read(INDICATOR);
                w.write(INDICATOR, format!("{text}caveats: [\"a\0b\"]\n"));
            },
            args: validate(),
            code: 1,
            needles: &["brukere.yaml:16", "NUL byte"],
        },
        Case {
            name: "a billion laughs of YAML aliases",
            plant: |w| {
                let mut goal = String::from("goal:\n  - &a [x, x, x, x, x, x, x, x, x]\n");
                for (from, to) in "abcdefgh".chars().zip("bcdefghi".chars()) {
                    let refs = vec![format!("*{from}"); 9].join(", ");
                    let _ = writeln!(goal, "  - &{to} [{refs}]");
                }
                plant(w, INDICATOR, "goal: 1\n", &goal);
            },
            args: validate(),
            code: 1,
            // The first alias is on line 5 (after id, name, `goal:`, `&a`).
            needles: &["brukere.yaml:5", "too-large", "anchored values"],
        },
        Case {
            name: "--out at a file",
            plant: |w| {
                w.write("out", "a file");
            },
            args: &[
                "report",
                "--quarter",
                "2025Q4",
                "--out",
                "out",
                "--indicators",
                "indicators",
                "--data",
                "data",
            ],
            code: 3,
            needles: &["out is a file, not a folder"],
        },
    ]
}

/// Faults planted in the data files.
fn data_cases() -> Vec<Case> {
    vec![
        Case {
            name: "a period after today",
            plant: |w| {
                plant(
                    w,
                    DATA,
                    "2025;5001;gps;9\n",
                    "2025;5001;gps;9\n2031;5001;gps;4\n",
                );
            },
            args: COMPUTE,
            code: 1,
            needles: &["2031", "after today", "kpr/brukere.csv"],
        },
        Case {
            name: "an unclosed quote on line 100",
            plant: |w| {
                let mut csv = String::from("aar;kommune;teknologi;brukere\n");
                csv.push_str(&"2025;0301;gps;1\n".repeat(98));
                csv.push_str("2025;4601;\"gps;3\n");
                csv.push_str(&"2025;5001;gps;9\n".repeat(50));
                w.write(DATA, csv);
            },
            args: COMPUTE,
            code: 1,
            needles: &["kpr/brukere.csv:100", "never closed"],
        },
        Case {
            name: "an unreadable cell after a quoted line break",
            plant: |w| {
                plant(
                    w,
                    DATA,
                    "0301;trygghetsalarm;12",
                    "0301;\"trygghets\nalarm\";12",
                );
                plant(
                    w,
                    DATA,
                    "2025;0301;trygghetsalarm;14",
                    "2025;0301;trygghetsalarm;14x",
                );
            },
            args: &["validate", "--indicators", "indicators", "--data", "data"],
            code: 1,
            // Line 5 of the file, though it is the reader's fourth row.
            needles: &["kpr/brukere.csv:5:4", "field `brukere`"],
        },
        Case {
            name: "a year period that is not a year",
            plant: |w| {
                plant(
                    w,
                    DATA,
                    "2025;5001;gps;9\n",
                    "2025;5001;gps;9\n20;5001;gps;9\n",
                );
            },
            args: COMPUTE,
            code: 1,
            needles: &["kpr/brukere.csv, line 7", "`aar`", "«20»"],
        },
        Case {
            name: "a ragged row",
            plant: |w| plant(w, DATA, "2024;4601;gps;3\n", "2024;4601;gps\n"),
            args: COMPUTE,
            code: 1,
            needles: &["kpr/brukere.csv:3", "3 field(s) where the header has 4"],
        },
    ]
}

/// Faults planted in the data files, part two.
fn more_data_cases() -> Vec<Case> {
    vec![
        Case {
            name: "line endings that are CR only",
            plant: |w| {
                w.write(DATA, CSV.replace('\n', "\r"));
            },
            args: COMPUTE,
            code: 1,
            needles: &["kpr/brukere.csv:1", "carriage return only"],
        },
        Case {
            name: "a file that is one 100 KiB line",
            plant: |w| {
                w.write(DATA, "aar;kommune;".repeat(10_000));
            },
            args: COMPUTE,
            code: 1,
            needles: &["kpr/brukere.csv:1", "longer than 64 KiB"],
        },
        Case {
            name: "a row of 5 MiB",
            plant: |w| {
                let long = format!("2024;4601;{};3\n", "x".repeat(5 << 20));
                plant(w, DATA, "2024;4601;gps;3\n", &long);
            },
            args: COMPUTE,
            code: 1,
            needles: &["kpr/brukere.csv:3", "at most 4 MiB"],
        },
        Case {
            name: "a column named twice in the header",
            plant: |w| {
                plant(
                    w,
                    DATA,
                    "aar;kommune;teknologi;brukere\n",
                    "aar;kommune;brukere;brukere\n",
                );
            },
            args: COMPUTE,
            code: 1,
            needles: &["kpr/brukere.csv:1", "`brukere` twice"],
        },
    ]
}

/// Files that are not the table they should be.
fn wrong_file_cases() -> Vec<Case> {
    vec![
        Case {
            name: "a file without its header",
            plant: |w| {
                let rows = CSV.split_once('\n').map_or(CSV, |(_, rest)| rest);
                w.write(DATA, format!("2024;0301;{SECRET} 01017012345;7\n{rows}"));
            },
            args: COMPUTE,
            code: 1,
            needles: &["kpr/brukere.csv:1", "is the header missing"],
        },
        Case {
            name: "a file without its header and no number in its first row",
            plant: |w| {
                let rows = CSV.split_once('\n').map_or(CSV, |(_, rest)| rest);
                w.write(DATA, format!("Ola;{SECRET};kommune;x\n{rows}"));
            },
            args: COMPUTE,
            code: 1,
            needles: &["kpr/brukere.csv:1", "missing from the header", "not shown"],
        },
        Case {
            name: "a binary file",
            plant: |w| {
                let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
                png.extend_from_slice(SECRET.as_bytes());
                w.write(DATA, png);
            },
            args: COMPUTE,
            code: 1,
            needles: &["kpr/brukere.csv:3", "not text"],
        },
        Case {
            name: "a NUL byte",
            plant: |w| plant(w, DATA, "2024;4601;gps;3\n", "2024;4601;g\0ps;3\n"),
            args: COMPUTE,
            code: 1,
            needles: &["kpr/brukere.csv:3", "NUL byte"],
        },
        Case {
            name: "invalid UTF-8 in a source declared UTF-8",
            plant: |w| {
                plant(
                    w,
                    "indicators/sources/kpr.yaml",
                    "files: \"kpr/*.csv\"\n",
                    "files: \"kpr/*.csv\"\ndialect: { separator: \";\", encoding: utf-8 }\n",
                );
                let mut bytes = w.read(DATA).into_bytes();
                bytes.extend_from_slice(b"2025;1103;gps\xff;2\n");
                w.write(DATA, bytes);
            },
            args: COMPUTE,
            code: 1,
            needles: &["kpr/brukere.csv:7", "not valid UTF-8"],
        },
        Case {
            name: "a file pattern that climbs out of the data folder",
            plant: |w| {
                plant(
                    w,
                    "indicators/sources/kpr.yaml",
                    "files: \"kpr/*.csv\"",
                    "files: \"../../etc/passwd\"",
                );
            },
            args: COMPUTE,
            code: 3,
            needles: &["kpr.yaml:", "files", "outside the data folder"],
        },
        Case {
            name: "an absolute file pattern",
            plant: |w| {
                plant(
                    w,
                    "indicators/sources/kpr.yaml",
                    "files: \"kpr/*.csv\"",
                    "files: \"/etc/passwd\"",
                );
            },
            args: validate(),
            code: 1,
            needles: &["kpr.yaml:", "files", "outside the data folder"],
        },
    ]
}

/// Every message, stdout and stderr together.
fn all_output(run: &Run) -> String {
    format!("{}{}", run.stdout(), run.stderr())
}

#[test]
fn every_planted_fault_is_refused_with_a_located_message_and_no_panic() {
    let mut failures = Vec::new();
    for case in cases() {
        let w = fixture();
        (case.plant)(&w);
        // The secret marks a data row: plant it in the data, so that a
        // message echoing a row would show it.
        let mut data = std::fs::read(w.path().join(DATA)).expect("data");
        data.extend_from_slice(format!("2025;1103;{SECRET};1\n").as_bytes());
        w.write(DATA, data);
        let run = w.run(case.args);
        let out = all_output(&run);
        let mut problems = Vec::new();
        if run.code() != case.code {
            problems.push(format!("exit {} (expected {})", run.code(), case.code));
        }
        if run.code() == 101 || out.contains("panicked") || out.contains("internal error") {
            problems.push("panicked".to_string());
        }
        for needle in case.needles {
            if !out.contains(needle) {
                problems.push(format!("lacks {needle:?}"));
            }
        }
        if out.contains(SECRET) {
            problems.push("echoes a data row".to_string());
        }
        if w.read("earlier.csv") != "earlier output\n" {
            problems.push("an earlier output changed".to_string());
        }
        if !problems.is_empty() {
            failures.push(format!("{}: {}\n{out}", case.name, problems.join("; ")));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn the_fixture_itself_computes() {
    let w = fixture();
    let run = w.run(COMPUTE);
    run.expect_code(0).expect_output("brukere");
}

#[test]
fn non_finite_numbers_are_unreadable_cells_not_a_dropped_year() {
    let w = fixture();
    plant(
        &w,
        DATA,
        "2025;5001;gps;9\n",
        "2025;5001;gps;1e309\n2025;1103;gps;NaN\n",
    );
    let rows = w.figures("brukere", &[]);
    let r = crate::support::row(&rows, "2025", "", "");
    // 14 + 5: the two unreadable cells are counted, not summed, not dropped.
    assert_eq!(r["value"], "19", "{r:?}");
    assert_eq!(r["cells_unreadable"], "2", "{r:?}");
}

#[test]
fn a_sum_over_only_empty_cells_is_no_figure_not_zero() {
    let w = fixture();
    plant(
        &w,
        DATA,
        "2025;5001;gps;9\n",
        "2025;5001;gps;9\n2026;5001;gps;\n2026;0301;gps; \n",
    );
    plant(&w, INDICATOR, "  filter: \"brukere >= 1\"\n", "");
    let rows = w.figures("brukere", &[]);
    let r = crate::support::row(&rows, "2026", "", "");
    assert_eq!(r["value"], "", "{r:?}");
    assert_eq!(r["n"], "0", "{r:?}");
}

#[test]
fn one_suppressed_group_takes_the_next_smallest_with_it() {
    // Rows per health region in 2025: Sør-Øst 10 (0301), Vest 3 (4601),
    // Midt-Norge 6 (5001), Nord 8 (1804). Vest is below 5 and suppressed;
    // the national 27 minus the other three would give it away, so
    // Midt-Norge (the next smallest) is suppressed too.
    let w = fixture();
    let mut csv = String::from("aar;kommune;teknologi;brukere\n");
    for (code, rows) in [("0301", 10), ("4601", 3), ("5001", 6), ("1804", 8)] {
        for _ in 0..rows {
            csv.push_str("2025;");
            csv.push_str(code);
            csv.push_str(";gps;1\n");
        }
    }
    w.write(DATA, csv);
    plant(&w, INDICATOR, "breakdowns: []", "breakdowns: [region]");
    plant(
        &w,
        INDICATOR,
        "  kind: sum\n  column: brukere\n",
        "  kind: count\n",
    );
    let rows = w.figures("brukere", &["--by", "region"]);
    let cell = |g: &str| crate::support::row(&rows, "2025", "region", g);
    assert_eq!(crate::support::row(&rows, "2025", "", "")["value"], "27");
    assert_eq!(cell("Helse Vest")["suppressed"], "true");
    assert_eq!(cell("Helse Midt-Norge")["suppressed"], "true");
    assert_eq!(cell("Helse Midt-Norge")["value"], "");
    assert_eq!(cell("Helse Sør-Øst")["value"], "10");
    assert_eq!(cell("Helse Nord")["value"], "8");
}

/// `report --quarter 2026Q2 --out out` over the shipped catalogue and data.
fn shipped_report(w: &Workdir, extra: &[&str]) -> Run {
    let mut args = vec!["report", "--quarter", "2026Q2", "--out", "out"];
    args.extend_from_slice(extra);
    crate::support::on_shipped(w, &args)
}

#[test]
fn force_never_replaces_a_folder_that_holds_no_report() {
    let w = Workdir::new();
    w.write("out/2026Q2/thesis.docx", "three years of work");
    shipped_report(&w, &["--force"])
        .expect_code(2)
        .expect_output("holds no report");
    assert_eq!(w.read("out/2026Q2/thesis.docx"), "three years of work");
}

#[test]
fn a_run_killed_between_its_renames_is_recovered_by_the_next() {
    // What a kill leaves: the previous report set aside under the dead
    // process's id, no 2026Q2, and a half-staged folder.
    let w = Workdir::new();
    w.write("out/.2026Q2.old-4000000000/manifest.json", "{}");
    w.write("out/.2026Q2.tmp-4000000000-abc/status.csv", "half");
    shipped_report(&w, &["--force"]).expect_code(0);
    let left: Vec<String> = std::fs::read_dir(w.path().join("out"))
        .expect("out")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(left, ["2026Q2"], "{left:?}");
    assert!(
        w.read("out/2026Q2/manifest.json").len() > 2,
        "the new report is in place"
    );
}

#[test]
fn a_byte_order_mark_before_a_definition_is_not_an_error() {
    let w = fixture();
    let text = w.read(INDICATOR);
    w.write(INDICATOR, format!("\u{feff}{text}"));
    w.run(validate()).expect_code(0);
}

#[cfg(unix)]
#[test]
fn output_through_a_link_replaces_the_file_it_names_not_the_link() {
    let w = fixture();
    w.write("real/figures.csv", "old");
    std::os::unix::fs::symlink(w.path().join("real/figures.csv"), w.path().join("link.csv"))
        .expect("symlink");
    let mut args = COMPUTE.to_vec();
    args.extend(["--output", "link.csv"]);
    w.run(&args).expect_code(0);
    let link = std::fs::symlink_metadata(w.path().join("link.csv")).expect("link");
    assert!(
        link.file_type().is_symlink(),
        "the link was replaced by a file"
    );
    assert!(w.read("real/figures.csv").starts_with("goal,"));
}

#[test]
fn an_extract_corrected_in_place_with_its_old_size_and_time_is_read_again() {
    // The extract cache on for this small file, so a stale entry would show.
    let env = [("EHELSE_CACHE_MIN_BYTES", "0")];
    let run = |w: &Workdir| {
        let mut args = COMPUTE.to_vec();
        args[COMPUTE.len() - 1] = "json";
        let run = w.run_with_env(&args, &env);
        run.expect_code(0);
        let json = run.json();
        let text = json.to_string();
        let sha = text
            .split("\"sha256\":\"")
            .nth(1)
            .and_then(|rest| rest.get(..64))
            .expect("a file hash")
            .to_string();
        let rows = w.figures_with_env("brukere", &[], &env);
        (
            crate::support::row(&rows, "2025", "", "")["value"].clone(),
            sha,
        )
    };
    let (value, sha) = run(&fixture());
    assert_eq!(value, "28");
    let w = fixture();
    run(&w);
    // As `cp -p` would: the same size and modification time, other content.
    let path = w.path().join(DATA);
    let modified = std::fs::metadata(&path)
        .and_then(|m| m.modified())
        .expect("mtime");
    std::thread::sleep(std::time::Duration::from_millis(20));
    plant(&w, DATA, "2025;5001;gps;9\n", "2025;5001;gps;8\n");
    std::fs::File::options()
        .write(true)
        .open(&path)
        .and_then(|f| f.set_modified(modified))
        .expect("set mtime");
    let (value, new_sha) = run(&w);
    assert_eq!(value, "27");
    assert_ne!(new_sha, sha, "the manifest keeps the old file's hash");
    let bytes = std::fs::read(&path).expect("data");
    assert_eq!(new_sha, crate::support::sha256_hex(&bytes));
}

#[test]
fn a_repeated_row_of_a_reported_table_is_refused_not_added_twice() {
    let w = Workdir::new();
    w.copy_from_repo("indicators");
    w.copy_from_repo("sample-data");
    let rel = "sample-data/hdir/rapporterte_tall.csv";
    let text = w.read(rel);
    let row = "helsenorge_innlogginger;2020;Norge;52694564;innlogginger\n";
    let line = text
        .lines()
        .position(|l| format!("{l}\n") == row)
        .expect("the row")
        + 1;
    w.write(rel, text.replacen(row, &format!("{row}{row}"), 1));
    let args = [
        "compute",
        "--indicator",
        "helsenorge-innlogginger",
        "--indicators",
        "indicators",
        "--data",
        "sample-data",
        "--format",
        "csv",
    ];
    let run = w.run(&args);
    run.expect_code(1).expect_output(&format!(
        "hdir/rapporterte_tall.csv:{}: the row has the same cells as line {line}",
        line + 1
    ));
    assert!(!run.stdout().contains("52694564"), "{}", run.stdout());
    assert!(
        !run.stderr().contains("52694564"),
        "a message echoes a cell"
    );
    // A reported figure of the same table without repeated rows still computes.
    let mut other = args.to_vec();
    other[2] = "helsenorge-timeavtaler";
    w.run(&other).expect_code(0);
}
