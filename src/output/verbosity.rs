//! How much the tool says on stderr besides its results: `--quiet` drops
//! the informational lines (progress, `level=info` log lines, "wrote …"),
//! `--verbose` adds one line per stage with its wall time. Errors, and
//! warnings that decide the exit code, are always written. The level is
//! set once per process from the command line ([`set`]) and read by
//! [`super::info`], [`super::log::log`], the progress spinner and [`stage`].

use std::io::Write as _;
use std::sync::atomic::{AtomicBool, AtomicU8, Ordering};
use std::time::Instant;

/// How much to say on stderr.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Verbosity {
    /// Errors and warnings that decide the exit code only.
    Quiet,
    /// The default: informational lines too.
    Normal,
    /// Also one line per stage with its wall time.
    Verbose,
}

/// The level of this process (a `Verbosity` as a number).
static LEVEL: AtomicU8 = AtomicU8::new(1);

/// Whether the running command's warnings decide its exit code (`report
/// --strict`), so `--quiet` must keep them.
static WARNINGS_DECIDE: AtomicBool = AtomicBool::new(false);

/// Sets the level of this process.
pub(crate) fn set(v: Verbosity) {
    let n = match v {
        Verbosity::Quiet => 0,
        Verbosity::Normal => 1,
        Verbosity::Verbose => 2,
    };
    LEVEL.store(n, Ordering::Relaxed);
}

/// The level of this process.
pub(crate) fn get() -> Verbosity {
    match LEVEL.load(Ordering::Relaxed) {
        0 => Verbosity::Quiet,
        1 => Verbosity::Normal,
        _ => Verbosity::Verbose,
    }
}

/// Whether informational lines (and progress) are silenced.
pub(crate) fn quiet() -> bool {
    get() == Verbosity::Quiet
}

/// Marks the running command's warnings as deciding its exit code, so that
/// `--quiet` still writes them.
pub(crate) fn warnings_decide_exit(decide: bool) {
    WARNINGS_DECIDE.store(decide, Ordering::Relaxed);
}

/// Whether a line of this log level is written under the current level:
/// errors always, warnings unless quiet and they do not decide the exit
/// code, anything else unless quiet.
pub(crate) fn shows(level: &str) -> bool {
    match level {
        "error" => true,
        "warning" => !quiet() || WARNINGS_DECIDE.load(Ordering::Relaxed),
        _ => !quiet(),
    }
}

/// A stage of a command being timed: under `--verbose`, dropping it writes
/// `ehelse: <name> (<seconds> s)` to stderr; otherwise it does nothing.
#[must_use = "the stage is timed until it is dropped"]
pub(crate) struct Stage {
    /// The stage's name.
    name: &'static str,
    /// When it began.
    started: Instant,
}

/// Starts timing a stage (see [`Stage`]).
pub(crate) fn stage(name: &'static str) -> Stage {
    Stage {
        name,
        started: Instant::now(),
    }
}

impl Drop for Stage {
    fn drop(&mut self) {
        if get() != Verbosity::Verbose {
            return;
        }
        let line = format!(
            "ehelse: {} ({:.3} s)\n",
            self.name,
            self.started.elapsed().as_secs_f64()
        );
        let _ = std::io::stderr().lock().write_all(line.as_bytes());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn log_levels_follow_the_verbosity() {
        // One test touches the process-wide level, so tests do not race.
        set(Verbosity::Quiet);
        assert!(shows("error"));
        assert!(!shows("warning"));
        assert!(!shows("info"));
        warnings_decide_exit(true);
        assert!(shows("warning"));
        warnings_decide_exit(false);
        set(Verbosity::Verbose);
        assert!(shows("info") && shows("warning"));
        set(Verbosity::Normal);
        assert!(shows("info") && !quiet());
    }
}
