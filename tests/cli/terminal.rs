//! Issue 21: tables that fit the terminal. Every table-producing command,
//! at 80 and at 200 columns: no line wider than the width, and no word of an
//! indicator's name split across lines (a word is whole, or shortened with
//! `…`); below 100 columns the compact layout, above it the wide one;
//! `TERM=dumb` draws ASCII borders.

use crate::support::{Run, Workdir, repo};

/// The table-producing commands (after `ehelse`).
const COMMANDS: &[&[&str]] = &[
    &["compute", "--goal", "1"],
    &["compute", "--all", "--by", "region"],
    &["status"],
    &["list"],
    &["sources"],
    &["inequality", "--all"],
];

/// Runs `args` on the shipped catalogue and sample data with `env`.
fn shipped(w: &Workdir, args: &[&str], env: &[(&str, &str)]) -> Run {
    let indicators = repo().join("indicators").display().to_string();
    let data = repo().join("sample-data").display().to_string();
    let mut all = args.to_vec();
    all.extend(["--indicators", &indicators]);
    if args[0] != "list" {
        all.extend(["--data", &data]);
    }
    w.run_with_env(&all, env)
}

/// Every indicator of the shipped catalogue: id, goal and name (bokmål).
fn indicators(w: &Workdir) -> Vec<(String, String, String)> {
    let run = shipped(w, &["compute", "--all", "--format", "json"], &[]);
    let json = run.json();
    let text = |v: &serde_json::Value| v.as_str().unwrap_or_default().to_string();
    json["indicators"]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|i| (text(&i["id"]), text(&i["goal"]), text(&i["name"])))
                .collect()
        })
        .unwrap_or_default()
}

/// The ids `inequality --all` shows a row for.
fn inequality_ids(w: &Workdir) -> Vec<String> {
    let run = shipped(w, &["inequality", "--all", "--format", "json"], &[]);
    run.json()
        .as_array()
        .map(|a| {
            a.iter()
                .filter(|v| {
                    let empty = v["spreads"].as_array().is_none_or(Vec::is_empty);
                    !(empty && v["outside"].is_null() && v["none"] == "no-groups")
                })
                .filter_map(|v| v["indicator"].as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

/// The words of `name` split across lines in `out`: those neither found
/// whole nor shortened with `…` (a prefix of at least 5 characters).
fn split_words<'n>(out: &str, name: &'n str) -> Vec<&'n str> {
    name.split(' ')
        .filter(|word| word.chars().count() >= 4)
        .filter(|word| {
            if out.contains(*word) {
                return false;
            }
            let chars: Vec<char> = word.chars().collect();
            !(5..chars.len()).any(|n| {
                let prefix: String = chars[..n].iter().collect();
                out.contains(&format!("{prefix}…"))
            })
        })
        .collect()
}

fn check_width(width: usize) {
    let w = Workdir::new();
    let all = indicators(&w);
    assert!(all.len() > 50, "{all:?}");
    let unequal = inequality_ids(&w);
    let columns = width.to_string();
    for args in COMMANDS {
        let run = shipped(&w, args, &[("COLUMNS", &columns)]);
        assert!(run.code() <= 1, "{args:?}: {}", run.stderr());
        let out = run.stdout();
        for line in out.lines() {
            assert!(
                line.chars().count() <= width,
                "{args:?} at {width}: a line of {} columns:\n{line}",
                line.chars().count()
            );
        }
        // The names the command shows.
        let shown = all.iter().filter(|(id, goal, _)| match *args {
            ["compute", "--goal", ..] => goal == "1",
            ["compute" | "list", ..] => true,
            ["inequality", ..] => unequal.contains(id),
            _ => false,
        });
        for (_, _, name) in shown {
            let split = split_words(&out, name);
            assert!(
                split.is_empty(),
                "{args:?} at {width}: {split:?} of «{name}» split:\n{out}"
            );
        }
    }
}

#[test]
fn tables_fit_80_columns_and_split_no_word() {
    check_width(80);
}

#[test]
fn tables_fit_200_columns_and_split_no_word() {
    check_width(200);
}

#[test]
fn narrow_windows_get_the_compact_layout_and_wide_ones_every_column() {
    let w = Workdir::new();
    let narrow = shipped(&w, &["compute", "--goal", "1"], &[("COLUMNS", "80")]);
    let wide = shipped(&w, &["compute", "--goal", "1"], &[("COLUMNS", "200")]);
    // «Projeksjon» is a column of the wide layout only.
    assert!(
        !narrow.stdout().contains("Projeksjon"),
        "{}",
        narrow.stdout()
    );
    assert!(narrow.stdout().contains("ehelse explain ID"));
    assert!(wide.stdout().contains("Projeksjon"), "{}", wide.stdout());
    assert!(!wide.stdout().contains("ehelse explain ID"));
}

#[test]
fn a_dumb_terminal_gets_ascii_borders() {
    let w = Workdir::new();
    for env in [[("TERM", "dumb")], [("EHELSE_ASCII", "1")]] {
        let run = shipped(&w, &["status"], &env);
        run.expect_code(0);
        let out = run.stdout();
        assert!(out.contains("+--"), "{out}");
        assert!(
            !out.chars().any(|c| ('\u{2500}'..='\u{257f}').contains(&c)),
            "box drawing under {env:?}:\n{out}"
        );
    }
    let run = shipped(&w, &["status"], &[("TERM", "xterm")]);
    assert!(run.stdout().contains('│'), "{}", run.stdout());
}
