//! `ehelse sources`: each declared source with its files, rows, columns,
//! period range, SSB symbol counts and problems.

use std::fmt::Write as _;

use anyhow::Result;

use crate::ExitStatus;
use crate::cli::{Format, SourcesArgs};
use crate::definitions::Catalogue;
use crate::sources::{self, Audit};

/// Runs `sources`.
///
/// # Errors
/// When the definitions cannot be read or are invalid.
pub(super) fn run(args: &SourcesArgs) -> Result<ExitStatus> {
    let catalogue = Catalogue::load(&args.paths.indicators)?;
    catalogue.ensure_valid()?;
    let mut audits: Vec<Audit> = Vec::new();
    let mut failures: Vec<(String, String)> = Vec::new();
    for source in &catalogue.sources {
        if args.source.as_ref().is_some_and(|s| s != source.id()) {
            continue;
        }
        let result = sources::open(source, &args.paths.data).and_then(|o| sources::audit(&o));
        match result {
            Ok(a) => audits.push(a),
            Err(e) => failures.push((source.id().to_string(), format!("{e:#}"))),
        }
    }
    if let Some(s) = &args.source
        && audits.is_empty()
        && failures.is_empty()
    {
        anyhow::bail!("no source with id `{s}` (see `ehelse list` and indicators/sources/)");
    }
    match args.format {
        Format::Json => {
            let value = serde_json::json!({
                "sources": audits,
                "failures": failures
                    .iter()
                    .map(|(id, e)| serde_json::json!({"source": id, "error": e}))
                    .collect::<Vec<_>>(),
            });
            let mut s = serde_json::to_string_pretty(&value)?;
            s.push('\n');
            super::print(&s)?;
        }
        Format::Csv | Format::Table => super::print(&render(&audits, &failures))?,
    }
    let has_errors = !failures.is_empty()
        || audits.iter().any(|a| {
            a.problems
                .iter()
                .any(|p| p.severity == crate::diagnostic::Severity::Error)
        });
    Ok(if has_errors {
        ExitStatus::Failure
    } else {
        ExitStatus::Success
    })
}

fn render(audits: &[Audit], failures: &[(String, String)]) -> String {
    let mut table = crate::output::table(
        [
            "Source", "Files", "Rows", "Columns", "Periods", "Symbols", "Problems",
        ]
        .iter()
        .map(|s| (*s).to_string())
        .collect(),
    );
    for a in audits {
        let files = a
            .files
            .iter()
            .map(|f| {
                format!(
                    "{} ({}, '{}', dec '{}')",
                    f.path.display(),
                    f.encoding,
                    f.separator,
                    f.decimal
                )
            })
            .collect::<Vec<_>>()
            .join("\n");
        let symbols = if a.symbols.is_empty() {
            "–".to_string()
        } else {
            a.symbols
                .iter()
                .map(|(s, n)| format!("'{s}' {n}"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let problems = if a.problems.is_empty() {
            "–".to_string()
        } else {
            a.problems
                .iter()
                .map(|p| format!("{} {} ({})", p.count, p.code, p.column))
                .collect::<Vec<_>>()
                .join("\n")
        };
        table.add_row(vec![
            a.source.clone(),
            files,
            a.rows.to_string(),
            a.columns.len().to_string(),
            format!(
                "{} – {}",
                a.first_period.as_deref().unwrap_or("?"),
                a.last_period.as_deref().unwrap_or("?")
            ),
            symbols,
            problems,
        ]);
    }
    let mut s = format!("{table}\n");
    let mut details = String::new();
    for a in audits {
        for p in &a.problems {
            let sev = match p.severity {
                crate::diagnostic::Severity::Error => "error",
                crate::diagnostic::Severity::Warning => "warning",
            };
            let lines = p
                .lines
                .iter()
                .map(u64::to_string)
                .collect::<Vec<_>>()
                .join(", ");
            let _ = writeln!(
                details,
                "{sev}[{}]: {}: {} — {}, column `{}`, line(s) {lines}",
                p.code,
                a.source,
                p.message,
                p.file.display(),
                p.column
            );
        }
    }
    for (id, e) in failures {
        let _ = writeln!(details, "error: {id}: {e}");
    }
    s.push_str(&details);
    s
}
