//! One file per subcommand; the only place the stages meet. Subcommands
//! share only `evaluate` and `output`, never each other.

mod completions;
mod compute;
mod dashboard;
mod docs;
mod evaluate;
mod explain;
mod inequality;
mod list;
mod man;
mod report;
mod show;
mod sources;
mod status;
mod validate;

use crate::cli::{Cli, Command};
use crate::error::{ExitStatus, Result};
use crate::output::verbosity::{self, Verbosity};

/// Runs a parsed command line at the verbosity of `--quiet`/`--verbose`
/// (under `--verbose` the whole run is a stage of its own).
///
/// # Errors
/// Errors that stop the command: usage errors found after parsing,
/// unreadable input, broken definitions.
pub(crate) fn dispatch(cli: Cli) -> Result<ExitStatus> {
    verbosity::set(if cli.quiet {
        Verbosity::Quiet
    } else if cli.verbose {
        Verbosity::Verbose
    } else {
        Verbosity::Normal
    });
    let _total = verbosity::stage("total");
    match cli.command {
        Command::Validate(args) => validate::run(&args),
        Command::List(args) => list::run(&args),
        Command::Show(args) => show::run(&args),
        Command::Docs(args) => docs::run(&args),
        Command::Sources(args) => sources::run(&args),
        Command::Compute(args) => compute::run(&args),
        Command::Explain(args) => explain::run(&args),
        Command::Status(args) => status::run(&args),
        Command::Report(args) => report::run(&args),
        Command::Inequality(args) => inequality::run(&args),
        Command::Dashboard(args) => dashboard::run(&args),
        Command::Completions(args) => completions::run(&args),
        Command::Man => man::run(),
    }
}
