//! `ehelse sources`: each declared source with its files, rows, columns,
//! period range, SSB symbol counts and problems.

use super::evaluate;
use crate::cli::{Format, SourcesArgs};
use crate::diagnostic::Severity;
use crate::error::{Error, ExitStatus, Result};
use crate::output;
use crate::sources::{self, Audit};

/// Runs `sources`.
pub(super) fn run(args: &SourcesArgs) -> Result<ExitStatus> {
    let catalogue = evaluate::load(&args.paths.indicators)?;
    let mut audits: Vec<Audit> = Vec::new();
    let mut failures: Vec<(String, String)> = Vec::new();
    let chosen = catalogue
        .sources
        .iter()
        .filter(|source| args.source.as_ref().is_none_or(|s| s == source.id()));
    for (source, result) in sources::audit_all(chosen, &args.paths.data) {
        match result {
            Ok(a) => audits.push(a),
            Err(e) => failures.push((source.id().to_string(), format!("{e:#}"))),
        }
    }
    if let Some(s) = &args.source
        && audits.is_empty()
        && failures.is_empty()
    {
        return Err(Error::Usage(format!(
            "no source with id `{s}` (see `ehelse list` and indicators/sources/)"
        )));
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
            output::emit(None, &output::json::pretty(&value)?)?;
        }
        Format::Csv => {
            // Data on stdout, problems on stderr, so the CSV stays a table.
            output::emit(None, &output::csv::sources(&audits)?)?;
            output::note(&output::table::source_problems(
                &audits, &failures, args.lang,
            ));
        }
        Format::Table => {
            output::print_wrapped(&output::table::sources(&audits, &failures, args.lang))?;
        }
    }
    let has_errors = !failures.is_empty()
        || audits
            .iter()
            .any(|a| a.problems.iter().any(|p| p.severity == Severity::Error));
    Ok(if has_errors {
        ExitStatus::Failure
    } else {
        ExitStatus::Success
    })
}
