//! `report`'s greppable log lines on stderr: `ehelse report: level=… event=… k=v …`.

use std::fmt::Write as _;

/// Writes one log line; values with spaces are quoted. Under `--quiet`
/// only errors and the warnings that decide the exit code are written
/// ([`super::verbosity::shows`]).
pub(crate) fn log(level: &str, event: &str, fields: &[(&str, String)]) {
    if !super::verbosity::shows(level) {
        return;
    }
    let mut line = format!("ehelse report: level={level} event={event}");
    for (k, v) in fields {
        if v.contains(' ') {
            let _ = write!(line, " {k}=\"{v}\"");
        } else {
            let _ = write!(line, " {k}={v}");
        }
    }
    line.push('\n');
    super::note(&line);
}
