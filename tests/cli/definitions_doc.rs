//! `docs/definitions.md` and `docs/sources.md` stay true: every example
//! marked as a complete file (a ```yaml block whose first line is
//! `# file: <path>`) passes `ehelse validate` next to the shipped sources
//! (each document's examples together), the examples of
//! `docs/definitions.md` cover every measure kind, and its table of
//! diagnostic codes lists every code the checks can give.

use std::collections::BTreeSet;

use crate::support::{Run, Workdir, repo};

/// The measure kinds of the definition language.
const KINDS: [&str; 10] = [
    "count",
    "sum",
    "mean",
    "median",
    "ratio",
    "share_of_units",
    "survey_share",
    "reported",
    "composite",
    "milestone",
];

/// The documents whose complete-file examples are checked.
const DEFINITIONS: &str = "docs/definitions.md";
const SOURCES: &str = "docs/sources.md";
const DOCS: [&str; 2] = [DEFINITIONS, SOURCES];

/// One complete-file example from the documentation.
struct Example {
    /// Relative path from the `# file:` line.
    path: String,
    /// The block, including the `# file:` line.
    text: String,
    /// 1-based line of the block's opening fence in the documentation.
    doc_line: usize,
}

/// The text of a document (`docs/….md`, relative to the repository).
fn doc(name: &str) -> String {
    let path = repo().join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Every ```yaml block of document `name` whose first line is `# file: …`.
fn examples(name: &str) -> Vec<Example> {
    let doc = doc(name);
    let mut out = Vec::new();
    let mut lines = doc.lines().enumerate();
    while let Some((i, line)) = lines.next() {
        if line.trim_end() != "```yaml" {
            continue;
        }
        let mut body = Vec::new();
        let mut closed = false;
        for (_, l) in lines.by_ref() {
            if l.trim_end() == "```" {
                closed = true;
                break;
            }
            body.push(l);
        }
        assert!(closed, "{name}:{}: unclosed ```yaml block", i + 1);
        if let Some(path) = body.first().and_then(|l| l.strip_prefix("# file: ")) {
            let mut text = body.join("\n");
            text.push('\n');
            out.push(Example {
                path: path.trim().to_string(),
                text,
                doc_line: i + 1,
            });
        }
    }
    out
}

fn dump(run: &Run) -> String {
    format!(
        "command: ehelse {}\nexit: {}\n--- stdout ---\n{}\n--- stderr ---\n{}",
        run.args.join(" "),
        run.code(),
        run.stdout(),
        run.stderr()
    )
}

fn is_source(ex: &Example) -> bool {
    ex.path.starts_with("indicators/sources/")
}

#[test]
fn examples_are_complete_files_in_the_catalogue_layout() {
    let n = examples(DEFINITIONS).len();
    assert!(
        n >= KINDS.len(),
        "only {n} complete-file examples in {DEFINITIONS}"
    );
    assert!(
        examples(SOURCES).iter().any(is_source),
        "no complete source example in {SOURCES}"
    );
    for name in DOCS {
        check_layout(name);
    }
}

/// Paths of the examples of `name`: unique, in the catalogue layout, not
/// replacing a shipped source.
fn check_layout(name: &str) {
    let mut paths = BTreeSet::new();
    for ex in &examples(name) {
        let where_ = format!("{name}:{} ({})", ex.doc_line, ex.path);
        assert!(paths.insert(ex.path.clone()), "{where_}: path used twice");
        assert!(
            ex.path.starts_with("indicators/")
                && std::path::Path::new(&ex.path)
                    .extension()
                    .is_some_and(|e| e == "yaml"),
            "{where_}: not a definition file under indicators/"
        );
        if !is_source(ex) {
            let folder = ex.path.split('/').nth(1).unwrap_or_default();
            assert!(
                (folder.starts_with("goal-") || folder == "unassigned")
                    && ex.path.matches('/').count() == 2,
                "{where_}: indicators go in indicators/goal-N/<id>.yaml or indicators/unassigned/<id>.yaml"
            );
        }
        // Examples are checked next to the shipped sources; a source example
        // must add a source, not replace one.
        assert!(
            !is_source(ex) || !repo().join(&ex.path).exists(),
            "{where_}: has the path of a shipped source"
        );
    }
}

#[test]
fn every_example_passes_validate() {
    examples_pass_validate(DEFINITIONS);
}

#[test]
fn every_sources_example_passes_validate() {
    examples_pass_validate(SOURCES);
}

/// The examples of document `name`, written together next to the shipped
/// sources, give not a single finding.
fn examples_pass_validate(name: &str) {
    let examples = examples(name);
    let w = Workdir::new();
    w.copy_from_repo("indicators/sources");
    let shipped_sources = std::fs::read_dir(w.path().join("indicators/sources"))
        .expect("sources")
        .count();
    for ex in &examples {
        assert!(
            !w.path().join(&ex.path).exists(),
            "{name}:{}: {} is written twice",
            ex.doc_line,
            ex.path
        );
        w.write(&ex.path, &ex.text);
    }
    let sources = shipped_sources + examples.iter().filter(|e| is_source(e)).count();
    let indicators = examples.iter().filter(|e| !is_source(e)).count();

    let run = w.run(&["validate", "--indicators", "indicators"]);
    run.expect_code(0).expect_output(&format!(
        "{indicators} indikator(er) og {sources} kilde(r) sjekket: 0 feil, 0 advarsel(er)"
    ));

    // The same through JSON: not a single finding.
    let run = w.run(&["validate", "--indicators", "indicators", "--format", "json"]);
    run.expect_code(0);
    let json = run.json();
    let findings = json
        .as_array()
        .unwrap_or_else(|| panic!("not an array\n{}", dump(&run)));
    assert!(findings.is_empty(), "{name}: findings: {json:#}");
}

#[test]
fn each_example_is_valid_on_its_own_terms() {
    // Every example names the file it belongs in: the id equals the file
    // name, so the catalogue could hold it as it is.
    for name in DOCS {
        for ex in examples(name) {
            let value: serde_yaml::Value = serde_yaml::from_str(&ex.text)
                .unwrap_or_else(|e| panic!("{name}:{}: {e}", ex.doc_line));
            let stem = ex
                .path
                .rsplit('/')
                .next()
                .and_then(|f| f.strip_suffix(".yaml"))
                .unwrap_or_default();
            assert_eq!(
                value["id"].as_str(),
                Some(stem),
                "{name}:{}: id and file name differ",
                ex.doc_line
            );
        }
    }
}

#[test]
fn examples_cover_every_measure_kind() {
    let mut covered = BTreeSet::new();
    for ex in examples(DEFINITIONS).iter().filter(|e| !is_source(e)) {
        // The measure's own `kind:` line (two spaces in, under `measure:`),
        // not the kinds of ratio sides.
        let mut in_measure = false;
        for line in ex.text.lines() {
            if !line.starts_with(' ') {
                in_measure = line.trim_end() == "measure:";
                continue;
            }
            if in_measure && let Some(kind) = line.strip_prefix("  kind:") {
                let kind = kind.trim().to_string();
                assert!(
                    KINDS.contains(&kind.as_str()),
                    "docs/definitions.md:{} ({}): unknown kind `{kind}`",
                    ex.doc_line,
                    ex.path
                );
                covered.insert(kind);
            }
        }
    }
    let missing: Vec<&str> = KINDS
        .iter()
        .copied()
        .filter(|k| !covered.contains(*k))
        .collect();
    assert!(
        missing.is_empty(),
        "no complete example for measure kind(s): {missing:?}"
    );
}

/// The codes the checker (`src/definitions/check/*.rs`) gives: string literals that are
/// the first argument of `error(`/`warning(`, or the value of a block (the
/// serde error classification).
fn codes_in_validate_rs() -> BTreeSet<String> {
    let dir = repo().join("src/definitions/check");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("entry").path())
        .collect();
    files.sort();
    let src: String = files
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display())))
        .collect::<Vec<_>>()
        .join("\n");
    let mut codes = BTreeSet::new();
    let bytes = src.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'"' {
            i += 1;
            continue;
        }
        // A string literal from `i`; `\"` inside it does not end it.
        let start = i + 1;
        let mut end = start;
        while end < bytes.len() && bytes[end] != b'"' {
            end += if bytes[end] == b'\\' { 2 } else { 1 };
        }
        let literal = &src[start..end.min(src.len())];
        let before = src[..i].trim_end();
        let is_code =
            literal.contains('-') && literal.bytes().all(|b| b.is_ascii_lowercase() || b == b'-');
        if is_code
            && (before.ends_with("error(") || before.ends_with("warning(") || before.ends_with('{'))
        {
            codes.insert(literal.to_string());
        }
        i = end + 1;
    }
    codes
}

#[test]
fn every_diagnostic_code_is_documented() {
    let codes = codes_in_validate_rs();
    for expected in [
        "unknown-field",
        "bad-sql",
        "frequency-too-fine",
        "composite-cycle",
    ] {
        assert!(
            codes.contains(expected),
            "reading codes from validate.rs failed: no {expected} in {codes:?}"
        );
    }
    let doc = doc(DEFINITIONS);
    let missing: Vec<&String> = codes
        .iter()
        .filter(|c| !doc.contains(&format!("| `{c}` |")))
        .collect();
    assert!(
        missing.is_empty(),
        "codes without a row in the table of docs/definitions.md: {missing:?}"
    );
}
