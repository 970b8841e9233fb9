//! Snapshot tests: the exit code, stdout and stderr of every subcommand in
//! each output format and language, on the bundled sample data and on small
//! broken fixtures, compared whole (not by substring) with the files under
//! `tests/cli/snapshots/`.
//!
//! A change to any output shows up here as a diff to review: run
//! `cargo insta review` (or set `INSTA_UPDATE=always` and read the diff in
//! git) and commit the new snapshots only when the change is intended.
//! Runs use a fixed "today" (`EHELSE_TODAY`) so that freshness does not
//! move with the calendar, and no extract cache.

use std::path::Path;
use std::process::Command;

use insta_cmd::{assert_cmd_snapshot, get_cargo_bin};

use crate::support::{Workdir, repo, sha256_hex};

/// The date every snapshot run is judged at.
const TODAY: &str = "2026-12-03";

/// `ehelse` with `args`, run in `dir` with a fixed date and no cache.
fn ehelse(dir: &Path, args: &[&str]) -> Command {
    let mut cmd = Command::new(get_cargo_bin("ehelse"));
    cmd.args(args)
        .current_dir(dir)
        .env("EHELSE_TODAY", TODAY)
        .env("EHELSE_NO_CACHE", "1")
        .env("NO_COLOR", "1")
        .env("COLUMNS", "160")
        .env_remove("EHELSE_LANG")
        .env_remove("EHELSE_CACHE_MIN_BYTES");
    cmd
}

/// Snapshot settings: temp folders and the repository path are replaced by
/// `[TMP]` and `[REPO]`, so snapshots do not depend on where tests run.
fn settings() -> insta::Settings {
    let mut s = insta::Settings::clone_current();
    s.set_snapshot_path("snapshots");
    s.set_prepend_module_to_snapshot(false);
    let repo = regex_escape(&repo().display().to_string());
    s.add_filter(&repo, "[REPO]");
    s.add_filter(r"/tmp/\.tmp[A-Za-z0-9]+", "[TMP]");
    s.add_filter(r"/tmp/[A-Za-z0-9._-]*\.tmp[A-Za-z0-9]+", "[TMP]");
    // Wall times differ from run to run.
    s.add_filter(r" in \d+(\.\d+)? s\b", " in [TIME] s");
    s
}

fn regex_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if "\\.+*?()|[]{}^$#&-~".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Snapshots one command per case, each named `<group>-<case>`.
fn snapshot_cases(group: &str, dir: &Path, cases: &[(&str, &[&str])]) {
    settings().bind(|| {
        for (name, args) in cases {
            assert_cmd_snapshot!(format!("{group}-{name}"), ehelse(dir, args));
        }
    });
}

#[test]
fn validate_outputs() {
    snapshot_cases(
        "validate",
        &repo(),
        &[
            ("human", &["validate"]),
            ("json", &["validate", "--format", "json"]),
            ("data", &["validate", "--data", "sample-data"]),
            (
                "deny-warnings",
                &["validate", "--data", "sample-data", "--deny-warnings"],
            ),
        ],
    );
}

#[test]
fn catalogue_outputs() {
    snapshot_cases(
        "catalogue",
        &repo(),
        &[
            ("list", &["list"]),
            ("list-en", &["list", "--lang", "en"]),
            ("list-goal-2", &["list", "--goal", "2"]),
            ("show", &["show", "pll-nasjonalt"]),
            ("show-en", &["show", "pll-nasjonalt", "--lang", "en"]),
            ("show-unknown", &["show", "pll-nasjonal"]),
            ("docs-check", &["docs", "--check"]),
        ],
    );
}

#[test]
fn sources_outputs() {
    snapshot_cases(
        "sources",
        &repo(),
        &[
            ("table", &["sources"]),
            ("json", &["sources", "--format", "json"]),
            ("csv", &["sources", "--format", "csv"]),
        ],
    );
}

#[test]
fn compute_outputs() {
    let mut cases: Vec<(String, Vec<&str>)> = Vec::new();
    for format in ["table", "csv", "json"] {
        for lang in ["nb", "en"] {
            cases.push((
                format!("all-{format}-{lang}"),
                vec!["compute", "--all", "--format", format, "--lang", lang],
            ));
        }
    }
    for goal in ["1", "2", "3", "4", "5", "O1", "O2", "O3"] {
        cases.push((format!("goal-{goal}"), vec!["compute", "--goal", goal]));
    }
    cases.push((
        "goal-2-region-csv".into(),
        vec![
            "compute", "--goal", "2", "--by", "region", "--format", "csv",
        ],
    ));
    cases.push((
        "period-2025-csv".into(),
        vec!["compute", "--all", "--period", "2025", "--format", "csv"],
    ));
    let cases: Vec<(&str, &[&str])> = cases
        .iter()
        .map(|(n, a)| (n.as_str(), a.as_slice()))
        .collect();
    snapshot_cases("compute", &repo(), &cases);
}

#[test]
fn explain_and_status_outputs() {
    snapshot_cases(
        "explain",
        &repo(),
        &[
            ("tillit", &["explain", "tillit-helseopplysninger"]),
            (
                "tillit-en",
                &["explain", "tillit-helseopplysninger", "--lang", "en"],
            ),
            ("pll", &["explain", "pll-nasjonalt"]),
            ("status", &["status"]),
            ("status-en", &["status", "--lang", "en"]),
        ],
    );
}

/// Every usage error exits 2; a missing input folder exits 3.
#[test]
fn usage_errors() {
    snapshot_cases(
        "usage",
        &repo(),
        &[
            ("unknown-command", &["frobnicate"]),
            ("goal-9", &["compute", "--goal", "9"]),
            ("period-2026q5", &["compute", "--all", "--period", "2026Q5"]),
            ("list-goal-9", &["list", "--goal", "9"]),
            ("quarter-2026q7", &["report", "--quarter", "2026Q7"]),
            ("no-selection", &["compute"]),
            (
                "missing-data",
                &["compute", "--all", "--data", "/nonexistent"],
            ),
            (
                "missing-indicators",
                &["validate", "--indicators", "/nonexistent"],
            ),
        ],
    );
}

/// Names and SHA-256 of every file under `dir`, one per line, sorted.
fn listing(dir: &Path) -> String {
    let mut files = Vec::new();
    collect(dir, dir, &mut files);
    files.sort();
    files
        .iter()
        .map(|(rel, bytes)| format!("{}  {rel}", sha256_hex(bytes)))
        .collect::<Vec<_>>()
        .join("\n")
}

fn collect(root: &Path, dir: &Path, out: &mut Vec<(String, Vec<u8>)>) {
    for entry in std::fs::read_dir(dir).expect("read dir") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            collect(root, &path, out);
        } else {
            let rel = path.strip_prefix(root).expect("under root");
            let mut bytes = std::fs::read(&path).expect("read");
            if rel.ends_with("manifest.json") {
                bytes = without_generation_time(&bytes);
            }
            out.push((rel.display().to_string(), bytes));
        }
    }
}

/// A manifest without its `generated_at` and the input files' `modified`
/// lines: the time of the run and of the checkout, which differ between
/// two runs on the same inputs (the files' SHA-256 stay in).
fn without_generation_time(bytes: &[u8]) -> Vec<u8> {
    String::from_utf8_lossy(bytes)
        .lines()
        .filter(|l| {
            let l = l.trim_start();
            !l.starts_with("\"generated_at\"") && !l.starts_with("\"modified\"")
        })
        .collect::<Vec<_>>()
        .join("\n")
        .into_bytes()
}

/// The report folder: the command's output, every file's hash, and the
/// whole text of the human-readable files.
#[test]
fn report_outputs() {
    let w = Workdir::new();
    let out = w.path().join("rapporter");
    let out_s = out.display().to_string();
    settings().bind(|| {
        assert_cmd_snapshot!(
            "report-run",
            ehelse(&repo(), &["report", "--quarter", "2026Q2", "--out", &out_s])
        );
        assert_cmd_snapshot!(
            "report-exists",
            ehelse(&repo(), &["report", "--quarter", "2026Q2", "--out", &out_s])
        );
        let folder = out.join("2026Q2");
        insta::assert_snapshot!("report-files", listing(&folder));
        let md = std::fs::read_to_string(folder.join("report.md")).expect("report.md");
        insta::assert_snapshot!("report-markdown", md);
    });
}

/// The report in English: the command's output and `report.md`.
#[test]
fn report_outputs_en() {
    let w = Workdir::new();
    let out = w.path().join("reports");
    let out_s = out.display().to_string();
    let args = [
        "report",
        "--quarter",
        "2026Q2",
        "--out",
        &out_s,
        "--lang",
        "en",
    ];
    settings().bind(|| {
        assert_cmd_snapshot!("report-run-en", ehelse(&repo(), &args));
        let md = std::fs::read_to_string(out.join("2026Q2/report.md")).expect("report.md");
        insta::assert_snapshot!("report-markdown-en", md);
    });
}

/// The dashboard: the command's output and every file's hash, in both
/// languages.
#[test]
fn dashboard_outputs() {
    let w = Workdir::new();
    for (lang, args) in [
        ("nb", vec!["dashboard", "--quarter", "2026Q2"]),
        (
            "en",
            vec!["dashboard", "--quarter", "2026Q2", "--lang", "en"],
        ),
    ] {
        let out = w.path().join(format!("site-{lang}"));
        let out_s = out.display().to_string();
        let mut args = args.clone();
        args.extend(["--out", out_s.as_str()]);
        settings().bind(|| {
            assert_cmd_snapshot!(format!("dashboard-run-{lang}"), ehelse(&repo(), &args));
            insta::assert_snapshot!(format!("dashboard-files-{lang}"), listing(&out));
        });
    }
}

/// Broken definitions: what `validate` says about each, with its location.
#[test]
fn validate_broken_fixtures() {
    let dir = repo().join("tests/fixtures/broken");
    let mut cases = Vec::new();
    for entry in std::fs::read_dir(&dir).expect("fixtures") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            cases.push(
                path.file_name()
                    .expect("name")
                    .to_string_lossy()
                    .into_owned(),
            );
        }
    }
    cases.sort();
    assert!(!cases.is_empty(), "no fixtures under {}", dir.display());
    settings().bind(|| {
        for case in &cases {
            let folder = format!("tests/fixtures/broken/{case}");
            assert_cmd_snapshot!(
                format!("broken-{case}"),
                ehelse(&repo(), &["validate", "--indicators", &folder])
            );
        }
    });
}
