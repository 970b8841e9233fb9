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
    let indicators = yaml_files("indicators") - sources;
    let run = w.run(&["validate"]);
    run.expect_code(0).expect_output(&format!(
        "{indicators} indicator(s), {sources} source(s) checked: 0 error(s)"
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

// ------------------------------------------------------------ parsing: fields and types

#[test]
fn unknown_field_at_top_level() {
    let w = catalogue();
    let rel = "indicators/goal-3/hds-soknader.yaml";
    let text = plant(&w, rel, "\ncaveats:\n", "\ncaveat:\n");
    let msg = expect_error(
        &w,
        "unknown-field",
        rel,
        position(&text, "caveat:"),
        "caveat",
    );
    assert!(msg.contains("unknown field `caveat`"), "{msg}");
}

#[test]
fn unknown_field_in_ambition() {
    let w = catalogue();
    let rel = "indicators/goal-1/velferdsteknologi-kommuner.yaml";
    let text = plant(&w, rel, "  target: 100\n", "  targt: 100\n");
    let msg = expect_error(
        &w,
        "unknown-field",
        rel,
        position(&text, "targt"),
        "ambition.targt",
    );
    assert!(msg.contains("unknown field `targt`"), "{msg}");
}

#[test]
fn wrong_type_is_an_error_at_the_value() {
    let w = catalogue();
    let rel = "indicators/goal-1/velferdsteknologi-kommuner.yaml";
    let text = plant(&w, rel, "  target: 100\n", "  target: \"hundre\"\n");
    let msg = expect_error(
        &w,
        "wrong-type",
        rel,
        position(&text, "\"hundre\""),
        "ambition.target",
    );
    assert!(msg.contains("invalid type"), "{msg}");
}

#[test]
fn missing_required_field_at_top_level() {
    let w = catalogue();
    let rel = "indicators/goal-3/hds-soknader.yaml";
    plant(&w, rel, "level: strategic\n", "");
    // The mapping that lacks the field is the whole file.
    let msg = expect_error(&w, "missing-field", rel, (1, 1), "level");
    assert!(msg.contains("missing field `level`"), "{msg}");
}

#[test]
fn missing_required_field_in_names() {
    let w = catalogue();
    let rel = "indicators/goal-3/hds-soknader.yaml";
    let text = plant(&w, rel, "  en: \"Applications to Helsedataservice\"\n", "");
    // The `name` mapping that lacks `en` starts at its first key.
    let msg = expect_error(
        &w,
        "missing-field",
        rel,
        position(&text, "nb: \"Antall søknader til"),
        "name.en",
    );
    assert!(msg.contains("missing field `en`"), "{msg}");
}

#[test]
fn bad_enum_value() {
    let w = catalogue();
    let rel = "indicators/goal-3/hds-soknader.yaml";
    let text = plant(&w, rel, "level: strategic\n", "level: strategisk\n");
    let msg = expect_error(&w, "bad-value", rel, position(&text, "strategisk"), "level");
    assert!(msg.contains("`strategisk`"), "{msg}");
    let run = w.run(&["validate"]);
    run.expect_output("help: expected one of: strategic, support");
}

#[test]
fn bad_measure_kind() {
    let w = catalogue();
    let rel = "indicators/goal-3/hds-leveringstid-median.yaml";
    let text = plant(&w, rel, "kind: median\n", "kind: medianen\n");
    expect_error(
        &w,
        "bad-value",
        rel,
        position(&text, "medianen"),
        "measure.kind",
    );
}

// ------------------------------------------------------------ ids and references

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
fn unknown_source() {
    let w = catalogue();
    let rel = "indicators/goal-3/hds-soknader.yaml";
    let text = plant(
        &w,
        rel,
        "source: fhi-hds-soknader\n",
        "source: fhi-hds-soknad\n",
    );
    let msg = expect_error(
        &w,
        "unknown-source",
        rel,
        position(&text, "fhi-hds-soknad\n"),
        "source",
    );
    assert!(msg.contains("`fhi-hds-soknad`"), "{msg}");
}

#[test]
fn unknown_source_in_a_list() {
    let w = catalogue();
    let rel = "indicators/goal-2/pll-nasjonalt.yaml";
    let text = plant(
        &w,
        rel,
        "source: [nhn-pll, ssb-befolkning]",
        "source: [nhn-pll, ssb-folketall]",
    );
    expect_error(
        &w,
        "unknown-source",
        rel,
        position(&text, "ssb-folketall"),
        "source[1]",
    );
}

#[test]
fn unknown_weight_source() {
    let w = catalogue();
    let rel = "indicators/goal-1/velferdsteknologi-befolkning.yaml";
    let text = plant(
        &w,
        rel,
        "weight-by: ssb-befolkning\n",
        "weight-by: ssb-folketall\n",
    );
    expect_error(
        &w,
        "unknown-source",
        rel,
        position(&text, "ssb-folketall"),
        "measure.weight-by",
    );
}

#[test]
fn unknown_goal() {
    let w = catalogue();
    let rel = "indicators/goal-3/hds-soknader.yaml";
    let text = plant(&w, rel, "goal: 3\n", "goal: 6\n");
    let msg = expect_error(&w, "unknown-goal", rel, position(&text, "6\nlevel"), "goal");
    assert!(msg.contains("`6`"), "{msg}");
}

#[test]
fn composite_with_unknown_component() {
    let w = catalogue();
    let rel = "indicators/goal-1/helsenorge-medvirkning.yaml";
    let text = plant(&w, rel, "helsenorge-fullmakter,", "helsenorge-fullmakt,");
    let msg = expect_error(
        &w,
        "unknown-component",
        rel,
        position(&text, "helsenorge-fullmakt,"),
        "measure.components[2]",
    );
    assert!(msg.contains("`helsenorge-fullmakt`"), "{msg}");
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

// ------------------------------------------------------------ SQL and columns

#[test]
fn sql_that_does_not_parse() {
    let w = catalogue();
    let rel = "indicators/goal-1/velferdsteknologi-kommuner.yaml";
    let text = plant(
        &w,
        rel,
        "AND aktive_brukere >= 1\"",
        "AND (aktive_brukere >= 1\"",
    );
    let msg = expect_error(
        &w,
        "bad-sql",
        rel,
        position(&text, "\"teknologi <>"),
        "measure.condition",
    );
    assert!(msg.contains("does not parse"), "{msg}");
}

#[test]
fn sql_column_not_declared_by_the_source() {
    let w = catalogue();
    let rel = "indicators/goal-1/innbygger-mer-involvert.yaml";
    let text = plant(&w, rel, "filter: \"sporsmal = ", "filter: \"sporsmaal = ");
    let msg = expect_error(
        &w,
        "unknown-column",
        rel,
        position(&text, "\"sporsmaal"),
        "measure.filter",
    );
    assert!(msg.contains("`sporsmaal`"), "{msg}");
    assert!(msg.contains("innbyggerundersokelsen"), "{msg}");
}

#[test]
fn measure_column_not_declared_by_the_source() {
    let w = catalogue();
    let rel = "indicators/goal-3/hds-leveringstid-median.yaml";
    let text = plant(
        &w,
        rel,
        "column: leveringstid_dager\n",
        "column: leveringstid\n",
    );
    let msg = expect_error(
        &w,
        "unknown-column",
        rel,
        position(&text, "leveringstid\n"),
        "measure.column",
    );
    assert!(msg.contains("`leveringstid`"), "{msg}");
}

#[test]
fn ratio_side_column_not_declared_by_its_source() {
    let w = catalogue();
    let rel = "indicators/goal-2/pll-nasjonalt.yaml";
    let text = plant(
        &w,
        rel,
        "column: personer_med_pll }",
        "column: personer_pll }",
    );
    let msg = expect_error(
        &w,
        "unknown-column",
        rel,
        position(&text, "personer_pll"),
        "measure.numerator.column",
    );
    assert!(msg.contains("nhn-pll"), "{msg}");
}

#[test]
fn breakdown_column_not_declared_by_the_source() {
    let w = catalogue();
    let rel = "indicators/goal-3/hds-leveringstid-median.yaml";
    let text = plant(&w, rel, "breakdowns: [register]", "breakdowns: [registre]");
    expect_error(
        &w,
        "unknown-column",
        rel,
        position_in_line(&text, "breakdowns: [registre]", "registre"),
        "breakdowns[0]",
    );
}

#[test]
fn sum_of_a_text_column() {
    let w = catalogue();
    let rel = "indicators/goal-3/leveringstid-sum-dager.yaml";
    let text = plant(
        &w,
        rel,
        "column: leveringstid_dager\n",
        "column: register\n",
    );
    expect_error(
        &w,
        "bad-column-type",
        rel,
        position(&text, "register\n"),
        "measure.column",
    );
}

#[test]
fn field_the_measure_kind_does_not_use() {
    let w = catalogue();
    let rel = "indicators/goal-3/leveringstid-sum-dager.yaml";
    let text = plant(
        &w,
        rel,
        "  column: leveringstid_dager\n",
        "  column: leveringstid_dager\n  distinct: register\n",
    );
    expect_error(
        &w,
        "unused-field",
        rel,
        position(&text, "register\n"),
        "measure.distinct",
    );
}

#[test]
fn ratio_side_without_source_when_the_indicator_has_several() {
    let w = catalogue();
    let rel = "indicators/goal-2/pll-nasjonalt.yaml";
    let text = plant(
        &w,
        rel,
        "{ kind: sum, source: nhn-pll, column: personer_med_pll }",
        "{ kind: sum, column: personer_med_pll }",
    );
    // The side has no `source`; the finding points at the side itself.
    let msg = expect_error(
        &w,
        "missing-field",
        rel,
        position(&text, "{ kind: sum, column: personer_med_pll }"),
        "measure.numerator.source",
    );
    assert!(msg.contains("numerator"), "{msg}");
}

// ------------------------------------------------------------ ambitions

#[test]
fn direction_contradicts_baseline_and_target() {
    let w = catalogue();
    let rel = "indicators/goal-4/tillit-helseopplysninger.yaml";
    let text = plant(
        &w,
        rel,
        "baseline: { period: 2023 }",
        "baseline: { period: 2023, value: 80 }",
    );
    let msg = expect_error(
        &w,
        "direction-contradiction",
        rel,
        position(&text, "increase"),
        "ambition.direction",
    );
    assert!(msg.contains("80") && msg.contains("75"), "{msg}");
}

#[test]
fn deadline_before_baseline() {
    let w = catalogue();
    let rel = "indicators/goal-4/tillit-helseopplysninger.yaml";
    let text = plant(
        &w,
        rel,
        "baseline: { period: 2023 }",
        "baseline: { period: 2031 }",
    );
    let msg = expect_error(
        &w,
        "deadline-before-baseline",
        rel,
        position(&text, "2030-12-31"),
        "ambition.by",
    );
    assert!(msg.contains("2031"), "{msg}");
}

#[test]
fn percent_target_outside_0_to_100() {
    let w = catalogue();
    let rel = "indicators/goal-1/velferdsteknologi-kommuner.yaml";
    let text = plant(&w, rel, "  target: 100\n", "  target: 120\n");
    let msg = expect_error(
        &w,
        "bad-target",
        rel,
        position(&text, "120"),
        "ambition.target",
    );
    assert!(msg.contains("120"), "{msg}");
}

#[test]
fn ambition_with_neither_target_nor_none() {
    let w = catalogue();
    let rel = "indicators/goal-1/velferdsteknologi-kommuner.yaml";
    let text = plant(&w, rel, "  target: 100\n", "");
    // `ambition:` holds a block mapping: the finding points at the key.
    expect_error(
        &w,
        "bad-ambition",
        rel,
        position(&text, "ambition:"),
        "ambition",
    );
}

#[test]
fn ambition_with_both_target_and_none() {
    let w = catalogue();
    let rel = "indicators/goal-1/velferdsteknologi-kommuner.yaml";
    let text = plant(
        &w,
        rel,
        "  target: 100\n",
        "  target: 100\n  none: \"Ingen ambisjon\"\n",
    );
    expect_error(
        &w,
        "bad-ambition",
        rel,
        position(&text, "\"Ingen ambisjon\""),
        "ambition.none",
    );
}

#[test]
fn ambition_target_without_direction() {
    let w = catalogue();
    let rel = "indicators/goal-1/velferdsteknologi-kommuner.yaml";
    let text = plant(&w, rel, "  direction: increase\n", "");
    expect_error(
        &w,
        "missing-field",
        rel,
        position(&text, "ambition:"),
        "ambition.direction",
    );
}

// ------------------------------------------------------------ frequency

#[test]
fn frequency_finer_than_the_source() {
    let w = catalogue();
    let rel = "indicators/goal-1/velferdsteknologi-kommuner.yaml";
    let text = plant(&w, rel, "frequency: annual\n", "frequency: quarterly\n");
    let msg = expect_error(
        &w,
        "frequency-too-fine",
        rel,
        position(&text, "quarterly"),
        "frequency",
    );
    assert!(msg.contains("kpr-velferdsteknologi"), "{msg}");
}

// ------------------------------------------------------------ source definitions

#[test]
fn source_with_bad_column_type() {
    let w = catalogue();
    let rel = "indicators/sources/nhn-pll.yaml";
    let text = plant(
        &w,
        rel,
        "{ name: personer_med_pll, type: integer,",
        "{ name: personer_med_pll, type: heltall,",
    );
    expect_error(
        &w,
        "bad-value",
        rel,
        position(&text, "heltall"),
        "columns[2].type",
    );
}

#[test]
fn source_period_column_not_declared() {
    let w = catalogue();
    let rel = "indicators/sources/nhn-pll.yaml";
    let text = plant(
        &w,
        rel,
        "period: { column: maaned,",
        "period: { column: maned,",
    );
    expect_error(
        &w,
        "unknown-column",
        rel,
        position(&text, "maned"),
        "period.column",
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
    run.expect_code(0).expect_output("0 error(s), 1 warning(s)");
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
