//! `ehelse docs --check`: up to date exits 0; out of date exits 1 and
//! prints what would change as a unified diff (issue 21).

use crate::support::Workdir;

#[test]
fn check_prints_a_unified_diff_when_out_of_date() {
    let w = Workdir::new();
    w.copy_from_repo("indicators");
    w.copy_from_repo("docs");
    w.run(&["docs", "--check"])
        .expect_code(0)
        .expect_output("is up to date");

    // Drop one line the generator writes; the diff must put it back.
    let text = w.read("docs/catalogue.md");
    let line = text
        .lines()
        .find(|l| l.starts_with("| ") && l.contains("pll-nasjonalt"))
        .expect("a catalogue row for pll-nasjonalt")
        .to_string();
    w.write(
        "docs/catalogue.md",
        text.replacen(&format!("{line}\n"), "", 1),
    );
    let run = w.run(&["docs", "--check"]);
    run.expect_code(1).expect_output("is out of date");
    let out = run.stdout();
    assert!(
        out.starts_with("--- docs/catalogue.md (as it is)\n"),
        "{out}"
    );
    assert!(
        out.contains("\n+++ docs/catalogue.md (from the definitions)\n"),
        "{out}"
    );
    assert!(out.contains("\n@@ "), "{out}");
    assert!(out.contains(&format!("\n+{line}\n")), "{out}");
}
