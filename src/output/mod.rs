//! Rendering: every byte the tool writes for people or machines is made
//! here, one file per format or concern, from the evaluated run. Commands
//! hand the result to [`emit`] (stdout or an atomic file) or to
//! [`atomic::write_folder`].

pub(crate) mod atomic;
pub(crate) mod catalogue_md;
pub(crate) mod coverage;
pub(crate) mod csv;
pub(crate) mod dashboard;
mod dates;
pub(crate) mod evaluated;
pub(crate) mod explain;
pub(crate) mod goal_summary;
pub(crate) mod inequality;
pub(crate) mod json;
pub(crate) mod log;
mod number;
pub(crate) mod overview;
pub(crate) mod report;
pub(crate) mod show;
pub(crate) mod table;
pub(crate) mod templates;
pub(crate) mod term;
pub(crate) mod text;
pub(crate) mod tidy;
pub(crate) mod verbosity;

use std::io::Write;
use std::path::Path;

use anyhow::Result;

pub(crate) use dates::prose;
pub(crate) use number::{number, plain, signed, target};
pub(crate) use verbosity::stage;

/// The output language. It is declared with the command line today; when
/// `lang` holds it, only this line changes.
pub(crate) use crate::lang::Lang;

/// Writes to stdout, or atomically to a file.
///
/// # Errors
/// Write failures (a broken pipe is reported as such and ends quietly).
pub(crate) fn emit(output: Option<&Path>, bytes: &[u8]) -> Result<()> {
    if let Some(p) = output {
        return atomic::write_atomic(p, bytes);
    }
    let mut out = std::io::stdout().lock();
    out.write_all(bytes)?;
    out.flush()?;
    Ok(())
}

/// Prints to stdout; a broken pipe becomes an error that ends quietly.
pub(crate) fn print(text: &str) -> Result<()> {
    emit(None, text.as_bytes())
}

/// Prints text for people with its long lines wrapped to the terminal
/// width (tables are laid out to it already).
pub(crate) fn print_wrapped(text: &str) -> Result<()> {
    print(&term::wrap(text, term::width()))
}

/// Writes an informational message for people to stderr ("wrote …"),
/// unless `--quiet`.
pub(crate) fn info(text: &str) {
    if !verbosity::quiet() {
        note(text);
    }
}

/// Writes a message for people to stderr (not a finding or a log line),
/// whatever the verbosity: for errors and warnings; see [`info`].
pub(crate) fn note(text: &str) {
    let mut err = std::io::stderr().lock();
    let _ = err.write_all(text.as_bytes());
    let _ = err.flush();
}
