//! The seeds' items (`indicators/structure/seed-items.yaml`): `validate`
//! locates an item that names an undefined indicator or says nothing about
//! its coverage, and `docs` writes the items and the result goals with the
//! indicators that cover them into `docs/catalogue.md`.

use crate::support::{Run, Workdir};

const ITEMS: &str = "indicators/structure/seed-items.yaml";

/// A copy of the shipped `indicators/` (and `docs/`) in a temp folder.
fn catalogue() -> Workdir {
    let w = Workdir::new();
    w.copy_from_repo("indicators");
    w.copy_from_repo("docs");
    w
}

/// Replaces the only occurrence of `from` in `rel` with `to`; the new text.
#[track_caller]
fn plant(w: &Workdir, rel: &str, from: &str, to: &str) -> String {
    let text = w.read(rel);
    assert_eq!(
        text.matches(from).count(),
        1,
        "{rel}: one {from:?} expected"
    );
    let new = text.replacen(from, to, 1);
    w.write(rel, &new);
    new
}

/// 1-based line and column where the only `needle` starts in `text`.
#[track_caller]
fn position(text: &str, needle: &str) -> (usize, usize) {
    assert_eq!(text.matches(needle).count(), 1, "one {needle:?} expected");
    let at = text.find(needle).expect("found");
    let before = &text[..at];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (
        before.matches('\n').count() + 1,
        text[line_start..at].chars().count() + 1,
    )
}

/// The message of the finding `error[code]` located exactly at `want`.
#[track_caller]
fn finding(run: &Run, code: &str, want: &str) -> String {
    let out = run.stdout();
    let lines: Vec<&str> = out.lines().collect();
    let header = format!("error[{code}]: ");
    let hit = lines
        .windows(2)
        .find(|w| w[0].starts_with(&header) && w[1] == want)
        .unwrap_or_else(|| panic!("no {header}at\n{want}\n--- stdout ---\n{out}"));
    hit[0][header.len()..].to_string()
}

#[test]
fn an_item_naming_an_undefined_indicator_is_located() {
    let w = catalogue();
    let text = plant(
        &w,
        ITEMS,
        "indicators: [velferdsteknologi-antall-kommuner]\n",
        "indicators: [velferdsteknologi-antall-kommunene]\n",
    );
    let (line, col) = position(&text, "velferdsteknologi-antall-kommunene");
    let items_before = text[..text.find("kommunene").expect("planted")]
        .matches("\n  - seed:")
        .count();
    let field = format!("items[{}].covered-by.indicators[0]", items_before - 1);
    let run = w.run(&["validate"]);
    run.expect_code(1);
    let msg = finding(
        &run,
        "unknown-indicator",
        &format!("  --> {ITEMS}:{line}:{col} (field `{field}`)"),
    );
    assert!(
        msg.contains("`velferdsteknologi-antall-kommunene`"),
        "{msg}"
    );
    run.expect_output("did you mean `velferdsteknologi-antall-kommuner`?");
}

#[test]
fn an_item_with_neither_covered_by_nor_not_covered_is_located() {
    let w = catalogue();
    let text = plant(
        &w,
        ITEMS,
        "    not-covered: \"Announced only; nothing to define yet\"\n",
        "",
    );
    // The finding points at the item: its first field, after `  - `.
    let anchor = text
        .find("KI Norge Rundt")
        .expect("the item of seed 002, line 199");
    let start = text[..anchor].rfind("\n  - seed:").expect("item start") + 1;
    let line = text[..start].matches('\n').count() + 1;
    let index = text[..anchor].matches("\n  - seed:").count() - 1;
    let run = w.run(&["validate"]);
    run.expect_code(1);
    let msg = finding(
        &run,
        "bad-coverage",
        &format!("  --> {ITEMS}:{line}:5 (field `items[{index}].covered-by`)"),
    );
    assert!(
        msg.contains("neither `covered-by` nor `not-covered`"),
        "{msg}"
    );
}

#[test]
fn an_indicator_no_item_names_is_a_warning() {
    let w = catalogue();
    plant(&w, ITEMS, "indicators: [veikart-4c]\n", "goals: [\"4\"]\n");
    let run = w.run(&["validate", "--deny-warnings"]);
    run.expect_code(1)
        .expect_output("warning[unnamed-indicator]")
        .expect_output("`veikart-4c`");
}

#[test]
fn the_catalogue_lists_the_seed_items_and_the_result_goals() {
    let w = catalogue();
    w.run(&["docs"]).expect_code(0);
    let doc = w.read("docs/catalogue.md");
    let row = |needle: &str| -> &str {
        doc.lines()
            .find(|l| l.starts_with("| ") && l.contains(needle))
            .unwrap_or_else(|| panic!("no row with {needle:?} in\n{doc}"))
    };
    assert!(doc.contains("\n## Seedenes punkter og indikatorene som dekker dem\n"));

    let velferd = row("Målindikator 1.4 Utbredelse av velferdsteknologi");
    assert!(velferd.starts_with("| 18 | 000 | "), "{velferd}");
    assert!(
        velferd.contains(
            "| [`velferdsteknologi-antall-kommuner`](#velferdsteknologi-antall-kommuner) (1.4) | 1 |"
        ),
        "{velferd}"
    );
    let partial = row("Kritisk informasjon (Måleverdi");
    assert!(
        partial.contains("(4.3.2)") && partial.contains("*(delvis)*"),
        "{partial}"
    );
    let goals = row("| Mål 1–5 |");
    assert!(
        goals.contains("[mål 1](#mål-1-aktiv-medvirkning-i-egen-og-næres-helse)"),
        "{goals}"
    );
    let uncovered = row("Avventer ferdigstilling av «KI Norge Rundt»");
    assert!(
        uncovered.contains("| **ikke dekket** |  | Announced only; nothing to define yet |"),
        "{uncovered}"
    );

    assert!(doc.contains("\n## Resultatmålene for mål 1 og indikatorene som dekker dem\n"));
    let rg2 = row("enkel helseoversikt (Dashbord)");
    assert!(rg2.starts_with("| 2 | "), "{rg2}");
    assert!(rg2.ends_with("| **ikke dekket** |"), "{rg2}");
    let rg5 = row("tilgang til samvalgsverktøy");
    assert!(
        rg5.ends_with("| [`helsenorge-samvalgsverktoy`](#helsenorge-samvalgsverktoy) (1.1.2) |"),
        "{rg5}"
    );
    // The intro no longer sends readers to the hand-written table.
    assert!(
        !doc.contains("[seed-items.md](seed-items.md). Goal 1"),
        "{doc}"
    );
}

#[test]
fn future_indicators_no_seed_places_under_a_goal_are_unassigned() {
    // Seed 003 lists its future indicators without a goal; the catalogue
    // used to put three of them under O1–O3 by analogy.
    let indicators = crate::support::repo()
        .join("indicators")
        .display()
        .to_string();
    let w = Workdir::new();
    let list = w.run(&["list", "--indicators", &indicators, "--goal", "unassigned"]);
    list.expect_code(0);
    for id in [
        "pasientskader-legemiddelinformasjon",
        "effektiv-ressursbruk",
        "kjop-investeringer-samarbeid",
    ] {
        assert!(
            list.stdout().replace('\n', "").contains(&id[..20]),
            "{id}:\n{}",
            list.stdout()
        );
    }
    assert!(list.stdout().contains("Uten mål"), "{}", list.stdout());
    let all = crate::support::on_shipped(&w, &["compute", "--all"]);
    all.expect_code(0)
        .expect_output("Ikke plassert under et mål (seedene sier ikke hvilket)");
    assert!(!all.stdout().contains("Mål O1"), "{}", all.stdout());
    let status = crate::support::on_shipped(&w, &["status"]);
    status.expect_code(0);
    assert!(
        !status.stdout().contains("Ikke plassert"),
        "{}",
        status.stdout()
    );
}
