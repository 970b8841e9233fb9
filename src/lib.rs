//! ehelse: indicators of Nasjonal e-helsestrategi (2023–2030).
//!
//! The pipeline runs one way: `definitions` (YAML catalogue) → `sources`
//! (CSV extracts as polars lazy frames) → `measures` (one lazy plan per
//! indicator) → `assessment` (progress towards each ambition) → `output`
//! (terminal table, CSV, JSON, report, dashboard). Only `commands` connects
//! the stages.

mod assessment;
pub mod cli;
mod commands;
mod definitions;
mod diagnostic;
pub mod geography;
mod lang;
mod measures;
mod output;
mod period;
mod sources;

use std::io::Write;
use std::process::ExitCode;

/// How a command ended; maps to the process exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExitStatus {
    /// 0: everything passed.
    Success,
    /// 1: finished, but found problems (validation errors, warnings under `--strict`).
    Failure,
    /// 2: usage error found after parsing (e.g. a report exists and `--force` is missing).
    Usage,
    /// 3: could not run (missing or unreadable input, broken definitions).
    Error,
}

impl From<ExitStatus> for ExitCode {
    fn from(status: ExitStatus) -> Self {
        match status {
            ExitStatus::Success => ExitCode::SUCCESS,
            ExitStatus::Failure => ExitCode::from(1),
            ExitStatus::Usage => ExitCode::from(2),
            ExitStatus::Error => ExitCode::from(3),
        }
    }
}

/// Runs the parsed command line.
///
/// # Errors
/// Any error that stops the command; `report_error` prints it.
pub fn run(cli: cli::Cli) -> anyhow::Result<ExitStatus> {
    // polars warns that `x IN (...)` from its own SQL translation uses a
    // deprecated form; that is not the user's to fix, so only other
    // warnings reach stderr.
    polars::error::set_warning_function(|msg, kind| {
        if !matches!(kind, polars::error::PolarsWarning::Deprecation) {
            let _ = writeln!(std::io::stderr(), "polars warning: {msg}");
        }
    });
    commands::dispatch(cli)
}

/// Prints an error with its causes to stderr and returns exit code 3
/// (0 for a broken pipe, as ripgrep does).
#[allow(clippy::print_stderr)]
pub fn report_error(err: &anyhow::Error) -> ExitCode {
    for cause in err.chain() {
        if let Some(io) = cause.downcast_ref::<std::io::Error>()
            && io.kind() == std::io::ErrorKind::BrokenPipe
        {
            return ExitCode::SUCCESS;
        }
    }
    let mut stderr = std::io::stderr().lock();
    let _ = writeln!(stderr, "error: {err}");
    for cause in err.chain().skip(1) {
        let _ = writeln!(stderr, "  cause: {cause}");
    }
    ExitCode::from(3)
}
