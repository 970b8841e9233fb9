//! ehelse: indicators of Nasjonal e-helsestrategi (2023–2030).
//!
//! The pipeline runs one way: `definitions` (YAML catalogue) → `sources`
//! (CSV extracts as polars lazy frames) → `measures` (one lazy plan per
//! indicator) → `assessment` (progress towards each ambition) → `output`
//! (terminal table, CSV, JSON, report, dashboard). Only `commands` connects
//! the stages; `error` maps how a command ended to the exit code.

mod assessment;
mod cli;
mod commands;
mod definitions;
mod diagnostic;
mod error;
pub mod geography;
mod lang;
mod measures;
mod output;
mod period;
mod sources;

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

/// Parses the command line (clap exits 2 on a usage error), runs the
/// command and maps the outcome to the exit code.
pub fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    // polars warns that `x IN (...)` from its own SQL translation uses a
    // deprecated form; that is not the user's to fix, so only other
    // warnings reach stderr.
    polars::error::set_warning_function(|msg, kind| {
        if !matches!(kind, polars::error::PolarsWarning::Deprecation) {
            let _ = writeln!(std::io::stderr(), "polars warning: {msg}");
        }
    });
    error::exit_code(&commands::dispatch(cli))
}
