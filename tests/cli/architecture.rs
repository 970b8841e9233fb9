//! The layering of `src/` as `docs/architecture.md` states it: each stage
//! imports only the stages before it, no two modules import each other
//! (directly or round a cycle), and no file or function outgrows the limits
//! (500 lines per file here; 80 lines per function is clippy's
//! `too_many_lines`, set in `clippy.toml`).
//!
//! Imports are read from the source text: every `crate::<module>` path in a
//! file under `src/<module>/` (or `src/<module>.rs`) is an edge.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use crate::support::repo;

/// Which top-level modules each module may import (besides itself).
const ALLOWED: &[(&str, &[&str])] = &[
    ("period", &[]),
    ("lang", &[]),
    ("diagnostic", &[]),
    ("geography", &[]),
    ("definitions", &["period", "diagnostic", "geography"]),
    (
        "sources",
        &["definitions", "period", "diagnostic", "geography"],
    ),
    (
        "measures",
        &["sources", "definitions", "period", "geography"],
    ),
    ("assessment", &["measures", "definitions", "period"]),
    (
        "output",
        &[
            "assessment",
            "measures",
            "sources",
            "definitions",
            "period",
            "diagnostic",
            "geography",
            "lang",
        ],
    ),
    ("cli", &["lang", "period", "definitions", "geography"]),
    (
        "error",
        &["definitions", "sources", "measures", "diagnostic", "period"],
    ),
    (
        "commands",
        &[
            "cli",
            "error",
            "output",
            "assessment",
            "measures",
            "sources",
            "definitions",
            "period",
            "diagnostic",
            "geography",
            "lang",
        ],
    ),
];

/// The top-level module a file belongs to (`src/<m>.rs` or `src/<m>/…`).
fn module_of(rel: &Path) -> Option<String> {
    let first = rel.components().next()?.as_os_str().to_string_lossy();
    let name = first.strip_suffix(".rs").unwrap_or(&first).to_string();
    (name != "lib" && name != "main").then_some(name)
}

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("read src") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Every `crate::<name>` in `text`, outside comments.
fn crate_paths(text: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    for line in text.lines() {
        let code = line.split("//").next().unwrap_or("");
        let mut rest = code;
        while let Some(at) = rest.find("crate::") {
            let after = &rest[at + "crate::".len()..];
            let name: String = after
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            if !name.is_empty() {
                found.insert(name);
            }
            rest = after;
        }
        // `use crate::{a, b}` groups.
        if let Some(at) = code.find("crate::{") {
            let group = &code[at + "crate::{".len()..];
            for part in group.split([',', '}', '{']) {
                let name: String = part
                    .trim()
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                    .collect();
                if !name.is_empty() {
                    found.insert(name);
                }
            }
        }
    }
    found
}

/// Module → the modules its files import.
fn import_graph() -> BTreeMap<String, BTreeSet<String>> {
    let src = repo().join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let modules: BTreeSet<String> = files
        .iter()
        .filter_map(|f| module_of(f.strip_prefix(&src).expect("under src")))
        .collect();
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in &files {
        let Some(module) = module_of(file.strip_prefix(&src).expect("under src")) else {
            continue;
        };
        let text = std::fs::read_to_string(file).expect("read");
        let edges = graph.entry(module.clone()).or_default();
        for name in crate_paths(&text) {
            if name != module && modules.contains(&name) {
                edges.insert(name);
            }
        }
    }
    graph
}

#[test]
fn stages_import_only_earlier_stages() {
    let allowed: BTreeMap<&str, &[&str]> = ALLOWED.iter().copied().collect();
    let mut wrong = Vec::new();
    for (module, imports) in import_graph() {
        let Some(ok) = allowed.get(module.as_str()) else {
            wrong.push(format!(
                "module `{module}` is not in the layering table (docs/architecture.md)"
            ));
            continue;
        };
        for import in imports {
            if !ok.contains(&import.as_str()) {
                wrong.push(format!("`{module}` imports `{import}`"));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "imports against the layering:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn no_import_cycles() {
    let graph = import_graph();
    // Kahn's algorithm: whatever cannot be ordered is on a cycle.
    let mut indegree: BTreeMap<&str, usize> = graph.keys().map(|k| (k.as_str(), 0)).collect();
    for imports in graph.values() {
        for i in imports {
            *indegree.entry(i.as_str()).or_default() += 1;
        }
    }
    let mut ready: Vec<&str> = indegree
        .iter()
        .filter(|(_, d)| **d == 0)
        .map(|(m, _)| *m)
        .collect();
    let mut ordered = 0;
    while let Some(m) = ready.pop() {
        ordered += 1;
        for i in graph.get(m).into_iter().flatten() {
            let d = indegree.get_mut(i.as_str()).expect("known");
            *d -= 1;
            if *d == 0 {
                ready.push(i.as_str());
            }
        }
    }
    let on_cycle: Vec<&str> = indegree
        .iter()
        .filter(|(_, d)| **d > 0)
        .map(|(m, _)| *m)
        .collect();
    assert_eq!(
        ordered,
        indegree.len(),
        "import cycle among: {on_cycle:?}\n{graph:#?}"
    );
}

#[test]
fn no_file_over_500_lines() {
    let src = repo().join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let long: Vec<String> = files
        .iter()
        .filter_map(|f| {
            let n = std::fs::read_to_string(f).expect("read").lines().count();
            (n > 500).then(|| format!("{} ({n} lines)", f.display()))
        })
        .collect();
    assert!(
        long.is_empty(),
        "files over 500 lines:\n{}",
        long.join("\n")
    );
}
