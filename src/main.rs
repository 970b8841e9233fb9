//! `ehelse` binary: parse arguments, run, map the outcome to an exit code.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = ehelse::cli::Cli::parse();
    match ehelse::run(cli) {
        Ok(status) => status.into(),
        Err(err) => ehelse::report_error(&err),
    }
}
