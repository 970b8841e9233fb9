//! `ehelse validate`: the shipped catalogue is clean, and each class of
//! mistake, planted in a copy of a shipped definition, is an error that
//! points at the right file, line, column and field.
//!
//! Expected positions are computed from the planted text (the line and column
//! where it ends up in the file that was written), never written down by hand.

use crate::support::{Run, Workdir, repo};

/// A copy of the shipped `indicators/` in a temp folder.
fn catalogue() -> Workdir {
    let w = Workdir::new();
    w.copy_from_repo("indicators");
    w
}

/// Replaces the only occurrence of `from` in `rel` with `to` and returns the
/// new text.
#[track_caller]
fn plant(w: &Workdir, rel: &str, from: &str, to: &str) -> String {
    let text = w.read(rel);
    assert_eq!(
        text.matches(from).count(),
        1,
        "{rel}: expected exactly one {from:?} to replace\n{text}"
    );
    let new = text.replacen(from, to, 1);
    w.write(rel, &new);
    new
}

/// 1-based line and column (in characters) where the only occurrence of
/// `needle` starts in `text`.
#[track_caller]
fn position(text: &str, needle: &str) -> (usize, usize) {
    assert_eq!(
        text.matches(needle).count(),
        1,
        "expected exactly one {needle:?} in\n{text}"
    );
    let at = text.find(needle).expect("found");
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = text[line_start..at].chars().count() + 1;
    (line, column)
}

/// Where `needle` starts, counted from the start of the line holding `anchor`
/// (for text that occurs several times in the file, e.g. a list item).
#[track_caller]
fn position_in_line(text: &str, anchor: &str, needle: &str) -> (usize, usize) {
    let (line, _) = position(text, anchor);
    let content = text.lines().nth(line - 1).expect("line");
    let at = content
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not on line {line}: {content:?}"));
    (line, content[..at].chars().count() + 1)
}

/// Everything the binary printed, for failure messages.
fn dump(run: &Run) -> String {
    format!(
        "command: ehelse {}\nexit: {}\n--- stdout ---\n{}\n--- stderr ---\n{}",
        run.args.join(" "),
        run.code(),
        run.stdout(),
        run.stderr()
    )
}

/// Asserts the human output has a finding `severity[code]` whose location
/// line is exactly `  --> rel:line:col (field `field`)`; returns its message.
#[track_caller]
fn expect_finding(
    run: &Run,
    severity: &str,
    code: &str,
    rel: &str,
    (line, col): (usize, usize),
    field: &str,
) -> String {
    let want = format!("  --> {rel}:{line}:{col} (field `{field}`)");
    find_finding(run, severity, code, &want)
}

/// Asserts the human output has a finding `severity[code]` whose location
/// line is exactly `want`; returns its message.
#[track_caller]
fn find_finding(run: &Run, severity: &str, code: &str, want: &str) -> String {
    let out = run.stdout();
    let lines: Vec<&str> = out.lines().collect();
    let header = format!("{severity}[{code}]: ");
    let found: Vec<(&str, &str)> = lines
        .windows(2)
        .filter(|w| w[0].starts_with(&header))
        .map(|w| (w[0], w[1]))
        .collect();
    assert!(
        !found.is_empty(),
        "no `{severity}[{code}]` finding at all\n{}",
        dump(run)
    );
    let hit = found.iter().find(|(_, location)| *location == want);
    assert!(
        hit.is_some(),
        "`{severity}[{code}]` found, but not at\n{want}\nfindings with that code:\n{}\n\n{}",
        found
            .iter()
            .map(|(h, l)| format!("{h}\n{l}"))
            .collect::<Vec<_>>()
            .join("\n"),
        dump(run)
    );
    hit.map(|(h, _)| h[header.len()..].to_string())
        .unwrap_or_default()
}

/// Runs `validate` on the copy, asserting exit 1 and an error `code` at the
/// given place; returns the message.
#[track_caller]
fn expect_error(w: &Workdir, code: &str, rel: &str, pos: (usize, usize), field: &str) -> String {
    let run = w.run(&["validate"]);
    run.expect_code(1);
    expect_finding(&run, "error", code, rel, pos, field)
}

/// Number of `*.yaml` files below a folder of the repository.
fn yaml_files(rel: &str) -> usize {
    fn walk(dir: &std::path::Path) -> usize {
        std::fs::read_dir(dir)
            .expect("read dir")
            .map(|e| e.expect("entry").path())
            .map(|p| {
                if p.is_dir() {
                    walk(&p)
                } else {
                    usize::from(p.extension().is_some_and(|e| e == "yaml"))
                }
            })
            .sum()
    }
    walk(&repo().join(rel))
}

// ------------------------------------------------------------ the shipped catalogue

#[test]
fn shipped_catalogue_is_valid() {
    let w = catalogue();
    let sources = yaml_files("indicators/sources");
    // `structure/` holds goals' result goals, not indicators.
    let indicators = yaml_files("indicators") - sources - yaml_files("indicators/structure");
    let run = w.run(&["validate"]);
    run.expect_code(0).expect_output(&format!(
        "{indicators} indikator(er) og {sources} kilde(r) sjekket: 0 feil"
    ));
    assert!(
        !run.stdout().contains("error["),
        "unexpected errors\n{}",
        dump(&run)
    );
}

#[test]
fn shipped_catalogue_json_has_no_errors() {
    let w = catalogue();
    let run = w.run(&["validate", "--indicators", "indicators", "--format", "json"]);
    run.expect_code(0);
    let json = run.json();
    let findings = json
        .as_array()
        .unwrap_or_else(|| panic!("not an array\n{}", dump(&run)));
    let errors: Vec<_> = findings
        .iter()
        .filter(|f| f["severity"] == "error")
        .collect();
    assert!(errors.is_empty(), "errors: {errors:#?}");
    for f in findings {
        assert_eq!(f["severity"], "warning", "{f:#}");
    }
}

// ------------------------------------------------------------ one planted mistake each

/// Where a planted mistake's finding must point.
#[derive(Clone, Copy)]
enum At {
    /// Where this text starts (it occurs once in the planted file).
    Text(&'static str),
    /// Where `.1` starts on the line holding `.0`.
    InLine(&'static str, &'static str),
    /// The start of the file (the mapping that lacks a field is the file).
    FileStart,
}

/// One class of mistake: replace `from` by `to` in `file` (a shipped
/// definition) and expect exit 1 with an error `code` at `at` for `field`,
/// whose message contains each of `says`.
struct Plant {
    name: &'static str,
    file: &'static str,
    from: &'static str,
    to: &'static str,
    code: &'static str,
    at: At,
    field: &'static str,
    says: &'static [&'static str],
}

const VELFERD: &str = "indicators/goal-1/velferdsteknologi-kommuner.yaml";
const HDS: &str = "indicators/goal-3/hds-soknader.yaml";
const MEDIAN: &str = "indicators/goal-3/hds-leveringstid-median.yaml";
const PLL: &str = "indicators/goal-2/pll-nasjonalt.yaml";
const TILLIT: &str = "indicators/goal-4/tillit-helseopplysninger.yaml";
const SUM_DAYS: &str = "indicators/goal-3/leveringstid-sum-dager.yaml";
const PLL_SOURCE: &str = "indicators/sources/nhn-pll.yaml";

#[rustfmt::skip]
const PLANTS: &[Plant] = &[
    // Parsing: fields and types.
    Plant { name: "unknown field at top level", file: HDS, from: "\ncaveats:\n", to: "\ncaveat:\n",
        code: "unknown-field", at: At::Text("caveat:"), field: "caveat", says: &["unknown field `caveat`"] },
    Plant { name: "unknown field in ambition", file: VELFERD, from: "  target: 100\n", to: "  targt: 100\n",
        code: "unknown-field", at: At::Text("targt"), field: "ambition.targt", says: &["unknown field `targt`"] },
    Plant { name: "wrong type at the value", file: VELFERD, from: "  target: 100\n", to: "  target: \"hundre\"\n",
        code: "wrong-type", at: At::Text("\"hundre\""), field: "ambition.target", says: &["invalid type"] },
    Plant { name: "missing field at top level", file: HDS, from: "level: strategic\n", to: "",
        code: "missing-field", at: At::FileStart, field: "level", says: &["missing field `level`"] },
    // The `name` mapping that lacks `en` starts at its first key.
    Plant { name: "missing field in names", file: HDS, from: "  en: \"Applications to Helsedataservice\"\n", to: "",
        code: "missing-field", at: At::Text("nb: \"Antall søknader til"), field: "name.en", says: &["missing field `en`"] },
    Plant { name: "bad enum value", file: HDS, from: "level: strategic\n", to: "level: strategisk\n",
        code: "bad-value", at: At::Text("strategisk"), field: "level", says: &["`strategisk`"] },
    Plant { name: "bad measure kind", file: MEDIAN, from: "kind: median\n", to: "kind: medianen\n",
        code: "bad-value", at: At::Text("medianen"), field: "measure.kind", says: &[] },
    // Ids and references.
    Plant { name: "unknown source", file: HDS, from: "source: fhi-hds-soknader\n", to: "source: fhi-hds-soknad\n",
        code: "unknown-source", at: At::Text("fhi-hds-soknad\n"), field: "source", says: &["`fhi-hds-soknad`"] },
    Plant { name: "unknown source in a list", file: PLL, from: "source: [nhn-pll, ssb-befolkning]", to: "source: [nhn-pll, ssb-folketall]",
        code: "unknown-source", at: At::Text("ssb-folketall"), field: "source[1]", says: &[] },
    Plant { name: "unknown weight source", file: "indicators/goal-1/velferdsteknologi-befolkning.yaml",
        from: "weight-by: ssb-befolkning\n", to: "weight-by: ssb-folketall\n",
        code: "unknown-source", at: At::Text("ssb-folketall"), field: "measure.weight-by", says: &[] },
    Plant { name: "unknown goal", file: HDS, from: "goal: 3\n", to: "goal: 6\n",
        code: "unknown-goal", at: At::Text("6\nlevel"), field: "goal", says: &["`6`"] },
    Plant { name: "composite with unknown component", file: "indicators/goal-1/helsenorge-medvirkning.yaml",
        from: "helsenorge-fullmakter,", to: "helsenorge-fullmakt,",
        code: "unknown-component", at: At::Text("helsenorge-fullmakt,"), field: "measure.components[2]", says: &["`helsenorge-fullmakt`"] },
    // SQL and columns.
    Plant { name: "SQL that does not parse", file: VELFERD, from: "AND aktive_brukere >= 1\"", to: "AND (aktive_brukere >= 1\"",
        code: "bad-sql", at: At::Text("\"teknologi <>"), field: "measure.condition", says: &["does not parse"] },
    Plant { name: "SQL column not declared by the source", file: "indicators/goal-1/innbygger-mer-involvert.yaml",
        from: "filter: \"sporsmal = ", to: "filter: \"sporsmaal = ",
        code: "unknown-column", at: At::Text("\"sporsmaal"), field: "measure.filter", says: &["`sporsmaal`", "innbyggerundersokelsen"] },
    Plant { name: "measure column not declared by the source", file: MEDIAN, from: "column: leveringstid_dager\n", to: "column: leveringstid\n",
        code: "unknown-column", at: At::Text("leveringstid\n"), field: "measure.column", says: &["`leveringstid`"] },
    Plant { name: "ratio side column not declared by its source", file: PLL, from: "column: personer_med_pll }", to: "column: personer_pll }",
        code: "unknown-column", at: At::Text("personer_pll"), field: "measure.numerator.column", says: &["nhn-pll"] },
    Plant { name: "breakdown column not declared by the source", file: MEDIAN, from: "breakdowns: [register]", to: "breakdowns: [registre]",
        code: "unknown-column", at: At::InLine("breakdowns: [registre]", "registre"), field: "breakdowns[0]", says: &[] },
    Plant { name: "sum of a text column", file: SUM_DAYS, from: "column: leveringstid_dager\n", to: "column: register\n",
        code: "bad-column-type", at: At::Text("register\n"), field: "measure.column", says: &[] },
    Plant { name: "field the measure kind does not use", file: SUM_DAYS,
        from: "  column: leveringstid_dager\n", to: "  column: leveringstid_dager\n  distinct: register\n",
        code: "unused-field", at: At::Text("register\n"), field: "measure.distinct", says: &[] },
    // The side has no `source`; the finding points at the side itself.
    Plant { name: "ratio side without source when the indicator has several", file: PLL,
        from: "{ kind: sum, source: nhn-pll, column: personer_med_pll }", to: "{ kind: sum, column: personer_med_pll }",
        code: "missing-field", at: At::Text("{ kind: sum, column: personer_med_pll }"), field: "measure.numerator.source", says: &["numerator"] },
    // Ambitions.
    Plant { name: "direction contradicts baseline and target", file: TILLIT,
        from: "baseline: { period: 2023 }", to: "baseline: { period: 2023, value: 80 }",
        code: "direction-contradiction", at: At::Text("increase"), field: "ambition.direction", says: &["80", "75"] },
    Plant { name: "deadline before baseline", file: TILLIT, from: "baseline: { period: 2023 }", to: "baseline: { period: 2031 }",
        code: "deadline-before-baseline", at: At::Text("2030-12-31"), field: "ambition.by", says: &["2031"] },
    Plant { name: "percent target outside 0 to 100", file: VELFERD, from: "  target: 100\n", to: "  target: 120\n",
        code: "bad-target", at: At::Text("120"), field: "ambition.target", says: &["120"] },
    // `ambition:` holds a block mapping: the finding points at the key.
    Plant { name: "ambition with neither target nor none", file: VELFERD, from: "  target: 100\n", to: "",
        code: "bad-ambition", at: At::Text("ambition:"), field: "ambition", says: &[] },
    Plant { name: "ambition with both target and none", file: VELFERD,
        from: "  target: 100\n", to: "  target: 100\n  none: \"Ingen ambisjon\"\n",
        code: "bad-ambition", at: At::Text("\"Ingen ambisjon\""), field: "ambition.none", says: &[] },
    Plant { name: "ambition target without direction", file: VELFERD, from: "  direction: increase\n", to: "",
        code: "missing-field", at: At::Text("ambition:"), field: "ambition.direction", says: &[] },
    // Frequency.
    Plant { name: "frequency finer than the source", file: VELFERD, from: "frequency: annual\n", to: "frequency: quarterly\n",
        code: "frequency-too-fine", at: At::Text("quarterly"), field: "frequency", says: &["kpr-velferdsteknologi"] },
    // Source definitions.
    Plant { name: "source with bad column type", file: PLL_SOURCE,
        from: "{ name: personer_med_pll, type: integer,", to: "{ name: personer_med_pll, type: heltall,",
        code: "bad-value", at: At::Text("heltall"), field: "columns[2].type", says: &[] },
    Plant { name: "source period column not declared", file: PLL_SOURCE, from: "period: { column: maaned,", to: "period: { column: maned,",
        code: "unknown-column", at: At::Text("maned"), field: "period.column", says: &[] },
];

/// Plants each mistake in a fresh copy of the catalogue and checks the
/// finding; every case is checked and all failures are reported together.
#[test]
fn each_planted_mistake_is_located() {
    let mut failures = Vec::new();
    for plant_case in PLANTS {
        let outcome = std::panic::catch_unwind(|| check_plant(plant_case));
        if let Err(panic) = outcome {
            let why = panic
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| panic.downcast_ref::<&str>().map(|s| (*s).to_string()))
                .unwrap_or_default();
            failures.push(format!("--- {}:\n{why}", plant_case.name));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} planted mistakes were not reported as expected:\n{}",
        failures.len(),
        PLANTS.len(),
        failures.join("\n")
    );
}

fn check_plant(p: &Plant) {
    let w = catalogue();
    let text = plant(&w, p.file, p.from, p.to);
    let pos = match p.at {
        At::Text(needle) => position(&text, needle),
        At::InLine(anchor, needle) => position_in_line(&text, anchor, needle),
        At::FileStart => (1, 1),
    };
    let msg = expect_error(&w, p.code, p.file, pos, p.field);
    for want in p.says {
        assert!(msg.contains(want), "message lacks {want:?}: {msg}");
    }
}

#[test]
fn bad_enum_value_lists_the_allowed_words() {
    let w = catalogue();
    plant(&w, HDS, "level: strategic\n", "level: strategisk\n");
    let run = w.run(&["validate"]);
    run.expect_code(1)
        .expect_output("help: expected one of: strategic, support");
}

// ------------------------------------------------------------ ids that clash, cycles, broken YAML

#[test]
fn duplicate_indicator_id() {
    let w = catalogue();
    let original = "indicators/goal-3/hds-soknader.yaml";
    // Sorted after the original, so the copy is the second definition.
    let copy = "indicators/goal-5/hds-soknader-kopi.yaml";
    let text = w.read(original);
    w.write(copy, &text);
    let msg = expect_error(
        &w,
        "duplicate-id",
        copy,
        position_in_line(&text, "id: hds-soknader\n", "hds-soknader"),
        "id",
    );
    assert!(msg.contains(original), "{msg}");
}

#[test]
fn duplicate_source_id() {
    let w = catalogue();
    let original = "indicators/sources/nhn-pll.yaml";
    let copy = "indicators/sources/nhn-pll-kopi.yaml";
    let text = w.read(original);
    w.write(copy, &text);
    // `nhn-pll-kopi.yaml` sorts before `nhn-pll.yaml`: the original is second.
    let msg = expect_error(
        &w,
        "duplicate-id",
        original,
        position(&text, "nhn-pll\n"),
        "id",
    );
    assert!(msg.contains(copy), "{msg}");
}

#[test]
fn composite_cycle() {
    let w = catalogue();
    // A second composite that contains the first, which then contains it.
    let rel = "indicators/goal-1/helsenorge-medvirkning.yaml";
    let other = "indicators/goal-1/helsenorge-medvirkning-utvidet.yaml";
    let text = w.read(rel);
    let other_text = text
        .replace(
            "id: helsenorge-medvirkning\n",
            "id: helsenorge-medvirkning-utvidet\n",
        )
        .replace("components: [", "components: [helsenorge-medvirkning, ");
    w.write(other, &other_text);
    let text = plant(
        &w,
        rel,
        "components: [",
        "components: [helsenorge-medvirkning-utvidet, ",
    );
    expect_error(
        &w,
        "composite-cycle",
        rel,
        position_in_line(&text, "components: [", "["),
        "measure.components",
    );
}

#[test]
fn yaml_syntax_error() {
    let w = catalogue();
    let rel = "indicators/goal-3/hds-soknader.yaml";
    let text = plant(&w, rel, "unit: count\n", "unit: count: stk\n");
    let run = w.run(&["validate"]);
    run.expect_code(1);
    // The second `: ` on the line is where the YAML breaks; a broken file has
    // no field path.
    let (line, col) = position(&text, ": stk");
    find_finding(
        &run,
        "error",
        "yaml-syntax",
        &format!("  --> {rel}:{line}:{col}"),
    );
}

// ------------------------------------------------------------ command line

#[test]
fn usage_error_exits_2() {
    let w = catalogue();
    let run = w.run(&["validate", "--bogus"]);
    run.expect_code(2).expect_output("--bogus");
}

#[test]
fn missing_indicator_folder_exits_3() {
    let w = Workdir::new();
    let run = w.run(&["validate", "--indicators", "finnes-ikke"]);
    run.expect_code(3).expect_output("finnes-ikke");
}

#[test]
fn deny_warnings_fails_on_an_unknown_unit() {
    let w = catalogue();
    let rel = "indicators/goal-3/hds-soknader.yaml";
    let text = plant(&w, rel, "unit: count\n", "unit: antall\n");
    let pos = position(&text, "antall\n");

    let run = w.run(&["validate"]);
    run.expect_code(0).expect_output("0 feil, 1 advarsel(er)");
    expect_finding(&run, "warning", "unknown-unit", rel, pos, "unit");

    let run = w.run(&["validate", "--deny-warnings"]);
    run.expect_code(1);
    expect_finding(&run, "warning", "unknown-unit", rel, pos, "unit");
}

#[test]
fn deny_warnings_fails_on_an_id_that_differs_from_the_file_name() {
    let w = catalogue();
    let rel = "indicators/goal-3/hds-soknader.yaml";
    let renamed = "indicators/goal-3/hds-soknader-2.yaml";
    let text = w.read(rel);
    std::fs::rename(w.path().join(rel), w.path().join(renamed)).expect("rename");
    let pos = position_in_line(&text, "id: hds-soknader\n", "hds-soknader");

    let run = w.run(&["validate"]);
    run.expect_code(0);
    expect_finding(&run, "warning", "id-file-mismatch", renamed, pos, "id");

    let run = w.run(&["validate", "--deny-warnings"]);
    run.expect_code(1);
    expect_finding(&run, "warning", "id-file-mismatch", renamed, pos, "id");
}

#[test]
fn json_findings_of_a_broken_catalogue() {
    let w = catalogue();
    let rel = "indicators/goal-1/velferdsteknologi-kommuner.yaml";
    let text = plant(&w, rel, "  target: 100\n", "  target: 120\n");
    let (line, column) = position(&text, "120");
    let run = w.run(&["validate", "--format", "json"]);
    run.expect_code(1);
    let json = run.json();
    let findings = json
        .as_array()
        .unwrap_or_else(|| panic!("not an array\n{}", dump(&run)));
    let f = findings
        .iter()
        .find(|f| f["code"] == "bad-target")
        .unwrap_or_else(|| panic!("no bad-target finding\n{}", dump(&run)));
    assert_eq!(f["severity"], "error", "{f:#}");
    assert_eq!(f["field"], "ambition.target", "{f:#}");
    assert_eq!(f["location"]["line"], line, "{f:#}");
    assert_eq!(f["location"]["column"], column, "{f:#}");
    let file = f["location"]["file"].as_str().expect("file is a string");
    assert!(file.ends_with("velferdsteknologi-kommuner.yaml"), "{f:#}");
    assert!(
        f["message"].as_str().is_some_and(|m| m.contains("120")),
        "{f:#}"
    );
    // Exactly the planted mistake, nothing else.
    let errors = findings.iter().filter(|f| f["severity"] == "error").count();
    assert_eq!(errors, 1, "{json:#}");
}

#[test]
fn a_link_to_a_result_goal_the_goal_lacks_is_an_error() {
    let w = crate::support::Workdir::new();
    w.write(
        "indicators/structure/goal-1.yaml",
        "goal: \"1\"\nreference: \"test\"\nareas:\n  - id: a\n    name: { nb: \"A\", en: \"A\" }\n    needs:\n      - id: n\n        name: { nb: \"N\", en: \"N\" }\n        result-goals:\n          - { number: 1, name: { nb: \"R1\", en: \"R1\" } }\n",
    );
    w.write(
        "indicators/goal-1/x.yaml",
        "id: x\nname: { nb: \"x\", en: \"x\" }\ngoal: 1\nlevel: support\ntype: process\nreadiness: planned\nunit: count\nfrequency: annual\nambition: { none: \"test\" }\nresult-goals: [1, 7]\n",
    );
    let run = w.run(&["validate", "--indicators", "indicators"]);
    run.expect_code(1)
        .expect_output("unknown-result-goal")
        .expect_output("no result goal 7");
    assert!(
        !run.stdout().contains("no result goal 1 "),
        "{}",
        run.stdout()
    );
}

/// The findings of `validate --format json` on `w`, as `code` strings.
fn codes(w: &Workdir) -> Vec<String> {
    let run = w.run(&["validate", "--indicators", "indicators", "--format", "json"]);
    let json = run.json();
    json.as_array()
        .map(|a| {
            a.iter()
                .map(|d| d["code"].as_str().unwrap_or_default().to_string())
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn a_broken_source_is_one_error_not_one_per_definition_that_uses_it() {
    // Each broken in its own way; each is used by several indicators (and
    // brreg-enheter by another source's `enrich`, ssb-befolkning by the
    // population-weighted variants).
    let cases = [
        (
            "indicators/sources/brreg-enheter.yaml",
            "  - { name: orgnr",
            "  - { name: orgnr, type: text }\n  - { name: orgnr",
            "duplicate-column",
        ),
        (
            "indicators/sources/ssb-befolkning.yaml",
            "\ncolumns:",
            "\nkolonner: 1\ncolumns:",
            "unknown-field",
        ),
        (
            "indicators/sources/hdir-rapporterte-tall.yaml",
            "\ncolumns:",
            "\ncolumns: 3\ncolumnz:",
            "wrong-type",
        ),
    ];
    for (rel, from, to, code) in cases {
        let w = catalogue();
        let text = w.read(rel);
        assert!(text.contains(from), "{rel} lacks {from:?}");
        w.write(rel, text.replacen(from, to, 1));
        let codes = codes(&w);
        assert_eq!(codes, vec![code.to_string()], "{rel}");
    }
}
