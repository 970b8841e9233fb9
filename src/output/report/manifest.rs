//! `manifest.json`: provenance of a report — tool, quarter, definitions
//! (each file's SHA-256 and one over all), input files with their rows,
//! output files with their hashes, and the run's warnings.

use std::fmt::Write as _;
use std::path::PathBuf;

use anyhow::Result;
use serde::Serialize;

use crate::definitions::{Catalogue, sha256_hex};
use crate::sources::Audit;

/// An input file in the manifest.
#[derive(Debug, Serialize)]
struct InputFile {
    source: String,
    path: PathBuf,
    bytes: u64,
    modified: String,
    sha256: String,
    rows_read: u64,
    rows_excluded: u64,
}

/// What the manifest records besides the catalogue and the audits.
pub(crate) struct Run<'a> {
    /// The quarter label.
    pub(crate) quarter: &'a str,
    /// CSV dialect of the files.
    pub(crate) dialect: crate::output::csv::Dialect,
    /// `--suppress-below`.
    pub(crate) suppress_below: u64,
    /// Cells suppressed in the time series.
    pub(crate) suppressed: usize,
    /// The run's warnings.
    pub(crate) warnings: &'a [String],
}

/// The manifest for `files`, with the audits of the sources that opened.
pub(crate) fn manifest(
    catalogue: &Catalogue,
    audits: &[(String, Audit)],
    run: &Run<'_>,
    files: &[(String, Vec<u8>)],
) -> Result<Vec<u8>> {
    let mut defs: Vec<(String, String)> = catalogue
        .indicators
        .iter()
        .map(|i| (i.path.display().to_string(), i.sha256.clone()))
        .chain(
            catalogue
                .sources
                .iter()
                .map(|s| (s.path.display().to_string(), s.sha256.clone())),
        )
        .collect();
    defs.sort();
    let joined = defs.iter().fold(String::new(), |mut all, (p, h)| {
        let _ = writeln!(all, "{p} {h}");
        all
    });
    let outputs: Vec<serde_json::Value> = files
        .iter()
        .map(|(name, bytes)| {
            serde_json::json!({
                "file": name,
                "bytes": bytes.len(),
                "sha256": sha256_hex(bytes),
            })
        })
        .collect();
    let value = serde_json::json!({
        "schema_version": crate::output::json::SCHEMA_VERSION,
        "tool": format!("ehelse {}", env!("CARGO_PKG_VERSION")),
        "quarter": run.quarter,
        "generated_at": rfc3339(std::time::SystemTime::now()),
        "csv_dialect": crate::output::csv::name(run.dialect),
        "suppress_below": run.suppress_below,
        "suppressed_cells": run.suppressed,
        "definitions": {
            "folder": catalogue.root,
            "sha256": sha256_hex(joined.as_bytes()),
            "files": defs.iter().map(|(p, h)| serde_json::json!({"path": p, "sha256": h})).collect::<Vec<_>>(),
        },
        "inputs": inputs(audits),
        "outputs": outputs,
        "warnings": run.warnings,
    });
    crate::output::json::pretty(&value)
}

/// Every file of every audited source.
fn inputs(audits: &[(String, Audit)]) -> Vec<InputFile> {
    let mut inputs = Vec::new();
    for (source, audit) in audits {
        for f in &audit.files {
            let modified = std::fs::metadata(&f.path)
                .and_then(|m| m.modified())
                .map(rfc3339)
                .unwrap_or_default();
            inputs.push(InputFile {
                source: source.clone(),
                path: f.path.clone(),
                bytes: f.bytes,
                modified,
                sha256: f.sha256.clone(),
                rows_read: f.rows,
                rows_excluded: f.excluded,
            });
        }
    }
    inputs
}

/// `YYYY-MM-DDTHH:MM:SSZ` for a system time.
fn rfc3339(t: std::time::SystemTime) -> String {
    let secs = t
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let days = secs / 86_400;
    let rem = secs % 86_400;
    let date = crate::period::date_of_days(i64::try_from(days).unwrap_or(0));
    format!(
        "{date}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        (rem % 3600) / 60,
        rem % 60
    )
}
