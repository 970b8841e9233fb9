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
    // A panic on one of polars' worker threads is remembered rather than
    // printed: polars cancels the other tasks of a failed run, and joining
    // a cancelled task panics there ("joined on cancelled task") although
    // the run goes on and reports the real error. It is printed only if it
    // reaches the main thread and stops the run.
    std::panic::set_hook(Box::new(|info| {
        let place = info
            .location()
            .map_or(String::new(), |l| format!(" at {}:{}", l.file(), l.line()));
        if std::thread::current().name() == Some("main") {
            internal_error(&place);
        } else if let Ok(mut worker) = WORKER_PANIC.lock() {
            worker.get_or_insert(place);
        }
    }));
    let outcome =
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| commands::dispatch(cli)));
    if let Ok(outcome) = outcome {
        return error::exit_code(&outcome);
    }
    let worker = WORKER_PANIC.lock().ok().and_then(|mut w| w.take());
    if let Some(place) = worker
        && !PRINTED.load(std::sync::atomic::Ordering::Relaxed)
    {
        internal_error(&place);
    }
    ExitCode::from(3)
}

/// Where a worker thread panicked, if one did.
static WORKER_PANIC: std::sync::Mutex<Option<String>> = std::sync::Mutex::new(None);

/// Whether the internal-error line was printed.
static PRINTED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// The one line of an internal error.
fn internal_error(place: &str) {
    PRINTED.store(true, std::sync::atomic::Ordering::Relaxed);
    let _ = writeln!(
        std::io::stderr(),
        "ehelse: internal error{place}; the run stopped before it finished. This is a bug in ehelse, \
         not a problem in your data: please report it with the command you ran."
    );
}
