//! One function per subcommand; the only place the stages meet.

mod catalogue;
mod compute;
mod dashboard;
mod report;
mod sources;
mod validate;

use anyhow::Result;

use crate::ExitStatus;
use crate::cli::{Cli, Command};

/// Runs a parsed command line.
///
/// # Errors
/// Errors that stop the command (unreadable input, broken definitions).
pub fn dispatch(cli: Cli) -> Result<ExitStatus> {
    match cli.command {
        Command::Validate(args) => validate::run(&args),
        Command::List(args) => catalogue::list(&args),
        Command::Show(args) => catalogue::show(&args),
        Command::Docs(args) => catalogue::docs(&args),
        Command::Sources(args) => sources::run(&args),
        Command::Compute(args) => compute::compute(&args),
        Command::Explain(args) => compute::explain(&args),
        Command::Status(args) => compute::status(&args),
        Command::Report(args) => report::run(&args),
        Command::Dashboard(args) => dashboard::run(&args),
    }
}

/// Prints to stdout, ignoring nothing: a broken pipe becomes an error that
/// `report_error` turns into a quiet exit.
pub(crate) fn print(text: &str) -> Result<()> {
    crate::output::emit(None, text.as_bytes())
}
