//! `ehelse` binary: everything happens in [`ehelse::main`], which parses
//! the arguments, runs the command and maps the outcome to an exit code.

use std::process::ExitCode;

fn main() -> ExitCode {
    ehelse::main()
}
