//! `ehelse validate`: strict checks of the definitions, and with `--data`
//! of the data against the source definitions.

use std::fmt::Write as _;

use super::evaluate;
use crate::cli::{DiagFormat, ValidateArgs};
use crate::definitions::Catalogue;
use crate::diagnostic::{self, Diagnostic, Location, Severity};
use crate::error::{Error, ExitStatus, Result};
use crate::lang::{Word, fill};
use crate::output;
use crate::sources;

/// Runs `validate`.
pub(super) fn run(args: &ValidateArgs) -> Result<ExitStatus> {
    let catalogue = Catalogue::load(&args.indicators).map_err(Error::Definitions)?;
    let mut diags = catalogue.diagnostics.clone();
    if let Some(data) = &args.data {
        diags.extend(check_data(&catalogue, data));
        if !catalogue.has_errors() {
            diags.extend(check_figures(&catalogue, data)?);
        }
    }
    diagnostic::sort(&mut diags);
    let errors = diags
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    let warnings = diags.len() - errors;
    match args.format {
        DiagFormat::Json => {
            output::emit(None, &output::json::pretty(&diags)?)?;
        }
        DiagFormat::Human => {
            let mut out = String::new();
            for d in &diags {
                out.push_str(&d.render());
            }
            let counts = [
                catalogue.indicators.len(),
                catalogue.sources.len(),
                errors,
                warnings,
            ]
            .map(|n| n.to_string());
            let counts = counts.each_ref().map(String::as_str);
            let _ = writeln!(out, "{}", fill(args.lang, Word::ValidateSummary, &counts));
            output::print(&out)?;
        }
    }
    Ok(if errors > 0 || (args.deny_warnings && warnings > 0) {
        ExitStatus::Failure
    } else {
        ExitStatus::Success
    })
}

/// Opens and audits every source; problems become findings.
fn check_data(catalogue: &Catalogue, data: &std::path::Path) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for source in &catalogue.sources {
        let unreadable = |e: &anyhow::Error| {
            Diagnostic::error(
                "data-unreadable",
                Location {
                    file: source.path.clone(),
                    line: 0,
                    column: 0,
                },
                "files",
                format!("{e:#}"),
            )
        };
        let opened = match sources::open(source, data) {
            Ok(o) => o,
            Err(e) => {
                out.push(unreadable(&e));
                continue;
            }
        };
        match sources::audit(&opened) {
            Err(e) => out.push(unreadable(&e)),
            Ok(audit) => {
                for p in audit.problems {
                    let file = opened.files.iter().find(|f| f.path == p.file);
                    let column = file
                        .and_then(|f| f.dialect.header.iter().position(|h| *h == p.column))
                        .map_or(0, |i| i + 1);
                    let line = p.lines.first().copied().unwrap_or(0) as usize;
                    let more = if p.lines.len() > 1 {
                        format!(
                            " (lines {})",
                            p.lines
                                .iter()
                                .map(u64::to_string)
                                .collect::<Vec<_>>()
                                .join(", ")
                        )
                    } else {
                        String::new()
                    };
                    let d = Diagnostic {
                        severity: p.severity,
                        code: p.code,
                        location: Location {
                            file: p.file.clone(),
                            line,
                            column,
                        },
                        field: p.column.clone(),
                        message: format!("{}{more}", p.message),
                        help: None,
                        suggestion: None,
                    };
                    out.push(d);
                }
            }
        }
    }
    out
}

/// Computes every indicator and warns, at the definition, about figures
/// flagged implausible (outside what the unit or `plausible` allows).
fn check_figures(catalogue: &Catalogue, data: &std::path::Path) -> Result<Vec<Diagnostic>> {
    let opts = evaluate::Options::new(evaluate::Pick::All, None);
    let run = evaluate::evaluate(catalogue, data, &opts)?;
    let mut out = Vec::new();
    for ind in &run.selected {
        let Some(computed) = run.results.get(ind.id()).and_then(|e| e.computed.as_ref()) else {
            continue;
        };
        let field = if ind.plausible.max.is_some() || ind.plausible.min.is_some() {
            "plausible"
        } else {
            "unit"
        };
        for f in &computed.figures {
            let Some(why) = crate::measures::implausible_because(f, ind) else {
                continue;
            };
            let group = if f.breakdown.is_empty() {
                String::new()
            } else {
                format!(" ({} {})", f.breakdown, f.group)
            };
            out.push(Diagnostic {
                severity: Severity::Warning,
                code: "implausible-figure",
                location: crate::definitions::field_location(&ind.path, field),
                field: field.to_string(),
                message: format!(
                    "`{}` {}{group}: {why}; the figure is flagged `implausible`",
                    ind.id(),
                    f.period
                ),
                help: Some(
                    "check the extract, or the definition's filter and `plausible` bounds"
                        .to_string(),
                ),
                suggestion: None,
            });
        }
    }
    Ok(out)
}
