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
    // A panic is a bug in ehelse or a library, never the user's data: say
    // so in one line (no backtrace, no data) and exit 3 ("could not run").
    std::panic::set_hook(Box::new(|info| {
        let place = info
            .location()
            .map_or(String::new(), |l| format!(" at {}:{}", l.file(), l.line()));
        let _ = writeln!(
            std::io::stderr(),
            "ehelse: internal error{place}; the run stopped before it finished. This is a bug in ehelse, \
             not a problem in your data: please report it with the command you ran."
        );
    }));
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| commands::dispatch(cli))) {
        Ok(outcome) => error::exit_code(&outcome),
        Err(_) => ExitCode::from(3),
    }
}
