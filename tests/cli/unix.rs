//! Unix habits: shell completions that the shells accept, the man page
//! (shipped copy equal to `ehelse man`, rendered by `man -l`), `--quiet`
//! and `--verbose` on stderr.

use std::path::Path;
use std::process::Command;

use crate::support::{Workdir, repo};

/// Whether a program is on PATH.
fn on_path(program: &str) -> bool {
    Command::new("sh")
        .args(["-c", &format!("command -v {program}")])
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Tells the developer why (part of) a test did nothing.
#[allow(clippy::print_stderr)]
fn skipped(why: &str) {
    eprintln!("note: {why}");
}

/// Checks a script's syntax with `shell -n FILE`.
#[track_caller]
fn syntax_ok(shell: &str, file: &Path) {
    let out = Command::new(shell)
        .arg("-n")
        .arg(file)
        .output()
        .expect("run shell");
    assert!(
        out.status.success(),
        "{shell} -n rejects the completion script:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn completions_are_generated_and_parse() {
    let w = Workdir::new();
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let run = w.run(&["completions", shell]);
        run.expect_code(0);
        assert!(run.stdout().contains("ehelse"), "{shell}: {}", run.stdout());
        assert!(
            run.stdout().contains("dashboard"),
            "{shell}: no subcommands"
        );
        assert!(run.stderr().is_empty(), "{shell}: {}", run.stderr());
    }
    let bash = w.write("ehelse.bash", w.run(&["completions", "bash"]).stdout());
    syntax_ok("bash", &bash);
    let zsh = w.write("_ehelse", w.run(&["completions", "zsh"]).stdout());
    if on_path("zsh") {
        syntax_ok("zsh", &zsh);
    } else {
        assert!(
            std::env::var_os("CI").is_none(),
            "zsh is missing under CI (.ci/run installs it)"
        );
        skipped("zsh not on PATH; the zsh completions were not checked");
    }
    w.run(&["completions", "tcsh"]).expect_code(2);
}

#[test]
fn shipped_man_page_is_what_ehelse_man_prints() {
    let w = Workdir::new();
    let run = w.run(&["man"]);
    run.expect_code(0);
    let shipped = std::fs::read_to_string(repo().join("docs/man/ehelse.1"))
        .expect("docs/man/ehelse.1 (make it with `ehelse man > docs/man/ehelse.1`)");
    assert!(
        shipped == run.stdout(),
        "docs/man/ehelse.1 is out of date: run `ehelse man > docs/man/ehelse.1`"
    );
    for section in [".SH NAME", ".SH SYNOPSIS", ".SH OPTIONS", ".SH COMMANDS"] {
        assert!(shipped.contains(section), "no {section}");
    }
    assert!(shipped.contains(".SS \"ehelse report\""));
}

#[test]
fn man_page_renders_with_man() {
    if !on_path("man") {
        assert!(
            std::env::var_os("CI").is_none(),
            "`man` is missing under CI"
        );
        skipped("`man` not on PATH; the man page was not rendered");
        return;
    }
    let out = Command::new("man")
        .arg("-l")
        .arg(repo().join("docs/man/ehelse.1"))
        .env("MANWIDTH", "80")
        .env("MANPAGER", "cat")
        .env("PAGER", "cat")
        .output()
        .expect("run man");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "man -l failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(text.contains("NAME"), "no NAME section:\n{text}");
    assert!(text.contains("ehelse"), "{text}");
    assert!(text.contains("--quiet"), "{text}");
}

/// A workdir with the shipped definitions and sample data.
fn shipped() -> Workdir {
    let w = Workdir::new();
    w.copy_from_repo("indicators");
    w.copy_from_repo("sample-data");
    w
}

const NO_CACHE: &[(&str, &str)] = &[("EHELSE_NO_CACHE", "1")];

#[test]
fn quiet_leaves_stderr_empty_on_the_sample_data() {
    let w = shipped();
    for args in [
        &["report", "--quiet", "--quarter", "2026Q2", "--out", "r"][..],
        &["-q", "dashboard", "--out", "site"],
        &["compute", "--all", "-q"],
    ] {
        let run = w.run_with_env(args, NO_CACHE);
        run.expect_code(0);
        assert!(
            run.stderr().is_empty(),
            "ehelse {}: stderr not empty:\n{}",
            args.join(" "),
            run.stderr()
        );
    }
    assert!(w.path().join("r/2026Q2/report.md").is_file());
    assert!(w.path().join("site/index.html").is_file());
    // Without it, the same runs say what they did.
    let run = w.run_with_env(
        &["report", "--quarter", "2026Q2", "--out", "r", "--force"],
        NO_CACHE,
    );
    run.expect_code(0);
    assert!(run.stderr().contains("level=info"), "{}", run.stderr());
}

#[test]
fn quiet_keeps_warnings_that_decide_the_exit_code() {
    let w = shipped();
    let args = [
        "report",
        "-q",
        "--strict",
        "--quarter",
        "2026Q2",
        "--out",
        "r",
    ];
    let run = w.run_with_env(&args, NO_CACHE);
    if run.code() == 1 {
        assert!(run.stderr().contains("level=warning"), "{}", run.stderr());
    }
    assert!(!run.stderr().contains("level=info"), "{}", run.stderr());
    // Errors are never silenced.
    let run = w.run_with_env(
        &["report", "-q", "--quarter", "2026Q2", "--out", "r"],
        NO_CACHE,
    );
    run.expect_code(2);
    assert!(run.stderr().contains("error"), "{}", run.stderr());
}

#[test]
fn verbose_writes_a_line_per_stage() {
    let w = shipped();
    let run = w.run_with_env(&["compute", "--all", "--verbose"], NO_CACHE);
    run.expect_code(0);
    let stderr = run.stderr();
    for stage in ["load definitions", "plan", "collect", "assess", "total"] {
        let prefix = format!("ehelse: {stage} (");
        let line = stderr
            .lines()
            .find(|l| l.starts_with(&prefix))
            .unwrap_or_else(|| panic!("no {stage} line:\n{stderr}"));
        assert!(line.ends_with(" s)"), "{line}");
    }
    let run = w.run_with_env(&["-v", "dashboard", "--out", "site"], NO_CACHE);
    run.expect_code(0);
    for stage in ["render", "write", "total"] {
        assert!(
            run.stderr().contains(&format!("ehelse: {stage} (")),
            "no {stage} line:\n{}",
            run.stderr()
        );
    }
    // Both at once is a usage error.
    w.run(&["status", "-q", "-v"]).expect_code(2);
}

#[test]
fn without_the_flags_stdout_is_the_same() {
    let w = shipped();
    let plain = w.run_with_env(&["status"], NO_CACHE);
    let quiet = w.run_with_env(&["status", "-q"], NO_CACHE);
    let verbose = w.run_with_env(&["status", "-v"], NO_CACHE);
    assert_eq!(plain.stdout(), quiet.stdout());
    assert_eq!(plain.stdout(), verbose.stdout());
    assert_eq!(plain.code(), quiet.code());
}
