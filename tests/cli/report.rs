//! `ehelse report`: determinism, safe writes, `--force`, exit codes, the
//! `excel-nb` dialect and the manifest's hashes.

use std::collections::BTreeMap;
use std::path::Path;

use crate::support::{Workdir, sha256_hex};

/// A workdir with the shipped definitions and sample data.
fn shipped() -> Workdir {
    let w = Workdir::new();
    w.copy_from_repo("indicators");
    w.copy_from_repo("sample-data");
    w
}

fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    std::fs::read_dir(dir)
        .expect("report dir")
        .map(|e| {
            let e = e.expect("entry");
            (
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read(e.path()).expect("read"),
            )
        })
        .collect()
}

/// The manifest without its one run-dependent field.
fn manifest_without_time(bytes: &[u8]) -> serde_json::Value {
    let mut v: serde_json::Value = serde_json::from_slice(bytes).expect("manifest JSON");
    v.as_object_mut().expect("object").remove("generated_at");
    v
}

#[test]
fn two_runs_are_byte_identical() {
    let w = shipped();
    w.run(&["report", "--quarter", "2026Q2", "--out", "a"])
        .expect_code(0);
    w.run(&["report", "--quarter", "2026Q2", "--out", "b"])
        .expect_code(0);
    let a = files(&w.path().join("a/2026Q2"));
    let b = files(&w.path().join("b/2026Q2"));
    assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>());
    for name in [
        "status.csv",
        "status.json",
        "status-goal-1.csv",
        "timeseries.csv",
        "timeseries.json",
        "report.md",
    ] {
        assert!(a.contains_key(name), "missing {name}");
    }
    for (name, bytes) in &a {
        if name == "manifest.json" {
            assert_eq!(
                manifest_without_time(bytes),
                manifest_without_time(&b[name])
            );
        } else {
            assert!(bytes == &b[name], "{name} differs between runs");
        }
    }
}

#[test]
fn existing_report_needs_force() {
    let w = shipped();
    w.run(&["report", "--quarter", "2026Q2", "--out", "out"])
        .expect_code(0);
    let before = files(&w.path().join("out/2026Q2"));
    w.run(&["report", "--quarter", "2026Q2", "--out", "out"])
        .expect_code(2)
        .expect_output("use --force");
    assert_eq!(before, files(&w.path().join("out/2026Q2")));
    w.run(&["report", "--quarter", "2026Q2", "--out", "out", "--force"])
        .expect_code(0);
    let after = files(&w.path().join("out/2026Q2"));
    assert_eq!(before["status.csv"], after["status.csv"]);
}

#[test]
fn a_failing_run_leaves_the_previous_report_intact() {
    let w = shipped();
    w.run(&["report", "--quarter", "2026Q2", "--out", "out"])
        .expect_code(0);
    let before = files(&w.path().join("out/2026Q2"));
    // The population file is read late (by the PLL ratio after many other
    // indicators); make it unreadable as a wide table.
    w.write(
        "sample-data/ssb/befolkning_07459.csv",
        "tittel\nkommunenr;kommunenavn\n0301;Oslo\n",
    );
    let run = w.run(&["report", "--quarter", "2026Q2", "--out", "out", "--force"]);
    run.expect_code(3).expect_output("no report was written");
    assert_eq!(before, files(&w.path().join("out/2026Q2")));
    let leftovers: Vec<String> = std::fs::read_dir(w.path().join("out"))
        .expect("out")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n != "2026Q2")
        .collect();
    assert!(
        leftovers.is_empty(),
        "temporary files left behind: {leftovers:?}"
    );
}

#[test]
fn exit_codes() {
    let w = shipped();
    // Bad quarter: usage.
    w.run(&["report", "--quarter", "2026", "--out", "out"])
        .expect_code(2);
    w.run(&["report", "--quarter", "2026Q7", "--out", "out"])
        .expect_code(2)
        .expect_output("not a quarter");
    // `report --quarter 2026Q2 --out OUT` with more arguments.
    let q2 = |out: &str, more: &[&str]| {
        let mut args = vec!["report", "--quarter", "2026Q2", "--out", out];
        args.extend_from_slice(more);
        w.run(&args)
    };
    // Sample data has suppressed county cells and 47 excluded rows: routine
    // information, so --strict (stale data, failed indicators) exits 0 …
    q2("strict", &["--strict"])
        .expect_code(0)
        .expect_output("level=info event=suppressed-cells count=251")
        .expect_output("level=info event=rows-excluded source=nhn-pjd-logg count=47");
    // … unless --fail-on names them.
    for what in ["suppressed", "excluded", "stale,suppressed"] {
        q2(&format!("fail-on-{what}"), &["--fail-on", what]).expect_code(1);
    }
    q2("fail-on-stale", &["--fail-on", "stale,failed"]).expect_code(0);
    q2("x", &["--fail-on", "slow"]).expect_code(2);
    // Missing definitions folder: cannot run.
    q2("x", &["--indicators", "nowhere"]).expect_code(3);
}

#[test]
fn excel_nb_round_trips() {
    let w = shipped();
    w.run(&["report", "--quarter", "2026Q2", "--out", "std"])
        .expect_code(0);
    w.run(&[
        "report",
        "--quarter",
        "2026Q2",
        "--out",
        "nb",
        "--csv-dialect",
        "excel-nb",
    ])
    .expect_code(0);
    let std_bytes = std::fs::read(w.path().join("std/2026Q2/status.csv")).expect("std");
    let nb_bytes = std::fs::read(w.path().join("nb/2026Q2/status.csv")).expect("nb");
    assert!(
        nb_bytes.starts_with(&[0xEF, 0xBB, 0xBF]),
        "excel-nb has a BOM"
    );
    let read = |bytes: &[u8], sep: u8| -> Vec<Vec<String>> {
        let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF][..]).unwrap_or(bytes);
        csv::ReaderBuilder::new()
            .delimiter(sep)
            .from_reader(bytes)
            .records()
            .map(|r| r.expect("record").iter().map(str::to_string).collect())
            .collect()
    };
    let a = read(&std_bytes, b',');
    let b = read(&nb_bytes, b';');
    assert_eq!(a.len(), b.len());
    let mut numbers = 0;
    for (ra, rb) in a.iter().zip(&b) {
        for (x, y) in ra.iter().zip(rb) {
            if let Ok(v) = x.parse::<f64>() {
                let back: f64 = y.replace(',', ".").parse().expect("number in excel-nb");
                assert!((v - back).abs() < 1e-12, "{x} vs {y}");
                numbers += 1;
            } else {
                assert_eq!(x, y);
            }
        }
    }
    assert!(numbers > 100, "few numbers compared: {numbers}");
}

#[test]
fn manifest_hashes_match_inputs_and_outputs() {
    let w = shipped();
    w.run(&["report", "--quarter", "2026Q2", "--out", "out"])
        .expect_code(0);
    let dir = w.path().join("out/2026Q2");
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("manifest.json")).expect("manifest"))
            .expect("JSON");
    let inputs = manifest["inputs"].as_array().expect("inputs");
    assert!(inputs.len() >= 12, "every sample file is listed");
    for input in inputs {
        let path = w.path().join(input["path"].as_str().expect("path"));
        let bytes = std::fs::read(&path).expect("input file");
        assert_eq!(input["sha256"], sha256_hex(&bytes), "{}", path.display());
        assert_eq!(input["bytes"], bytes.len());
        assert!(input["rows_read"].as_u64().expect("rows") > 0);
    }
    let pjd: u64 = inputs
        .iter()
        .filter(|i| i["source"] == "nhn-pjd-logg")
        .map(|i| i["rows_excluded"].as_u64().expect("excluded"))
        .sum();
    assert!(
        pjd > 0,
        "the invalid organisation numbers are counted as excluded"
    );
    for output in manifest["outputs"].as_array().expect("outputs") {
        let bytes = std::fs::read(dir.join(output["file"].as_str().expect("file"))).expect("out");
        assert_eq!(output["sha256"], sha256_hex(&bytes));
    }
    assert!(manifest["suppressed_cells"].as_u64().expect("count") > 0);
    assert_eq!(manifest["schema_version"], "1");
}

/// A goal's overall status is the analyst's, from the commentary file;
/// without it the report says it is not set (seed 002 gives it as a
/// judgement, not a computed figure).
#[test]
fn the_overall_status_of_a_goal_is_the_analysts() {
    let w = shipped();
    w.write(
        "kommentar.yaml",
        "goals:\n  \"1\":\n    status: \"Framdriften er ikke som ønsket.\"\n",
    );
    w.run(&[
        "report",
        "--quarter",
        "2026Q2",
        "--out",
        "out",
        "--commentary",
        "kommentar.yaml",
    ])
    .expect_code(0);
    let md = w.read("out/2026Q2/report.md");
    let goal = |code: &str| {
        let start = md
            .find(&format!("## Mål {code}:"))
            .unwrap_or_else(|| panic!("no goal {code} in\n{md}"));
        let rest = &md[start + 4..];
        rest[..rest.find("\n## ").unwrap_or(rest.len())].to_string()
    };
    let one = goal("1");
    assert!(
        one.contains(
            "Samlet status for målet (analytikerens vurdering): Framdriften er ikke som ønsket."
        ),
        "{one}"
    );
    assert!(one.contains("Strategiske indikatorer: "), "{one}");
    assert!(one.contains("Veikart-delmål: "), "{one}");
    let two = goal("2");
    assert!(two.contains("Samlet status for målet: ikke satt"), "{two}");
}
