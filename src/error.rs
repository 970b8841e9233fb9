//! How a command ends: the [`ExitStatus`] of a command that ran, the typed
//! [`Error`] of one that did not, and the one place both become exit codes
//! (0 ok, 1 findings or failed indicators, 2 usage, 3 could not run).

use std::io::Write as _;
use std::process::ExitCode;

/// How a command that ran to the end finished.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ExitStatus {
    /// 0: everything passed.
    Success,
    /// 1: finished, but found problems (validation findings, warnings under
    /// `--strict`, indicators that could not be computed).
    Failure,
}

/// Why a command stopped.
#[derive(Debug, thiserror::Error)]
pub(crate) enum Error {
    /// 2: a usage error found after parsing (an unknown id, an existing
    /// report without `--force`, an `--out` that must not be replaced).
    #[error("{0}")]
    Usage(String),
    /// 3: input that cannot be read (a missing data folder).
    #[error("{0}")]
    Input(String),
    /// 3: definitions that cannot be read or do not validate.
    #[error(transparent)]
    Definitions(anyhow::Error),
    /// 3: anything else that stopped the command.
    #[error(transparent)]
    Failed(#[from] anyhow::Error),
}

/// The result of a command.
pub(crate) type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// The causes below the error itself (for `Definitions` and `Failed`).
    fn causes(&self) -> Vec<String> {
        match self {
            Self::Definitions(e) | Self::Failed(e) => {
                e.chain().skip(1).map(ToString::to_string).collect()
            }
            Self::Usage(_) | Self::Input(_) => Vec::new(),
        }
    }

    /// Whether the error is a closed stdout (`ehelse … | head`).
    fn is_broken_pipe(&self) -> bool {
        let (Self::Definitions(e) | Self::Failed(e)) = self else {
            return false;
        };
        e.chain().any(|cause| {
            cause
                .downcast_ref::<std::io::Error>()
                .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
        })
    }
}

/// Maps the outcome of a command to the process exit code, printing an
/// error with its causes to stderr; a broken pipe ends quietly with 0, as
/// ripgrep does.
pub(crate) fn exit_code(outcome: &Result<ExitStatus>) -> ExitCode {
    let err = match outcome {
        Ok(ExitStatus::Success) => return ExitCode::SUCCESS,
        Ok(ExitStatus::Failure) => return ExitCode::from(1),
        Err(err) => err,
    };
    if err.is_broken_pipe() {
        return ExitCode::SUCCESS;
    }
    let mut stderr = std::io::stderr().lock();
    let _ = writeln!(stderr, "error: {err}");
    for cause in err.causes() {
        let _ = writeln!(stderr, "  cause: {cause}");
    }
    match err {
        Error::Usage(_) => ExitCode::from(2),
        Error::Input(_) | Error::Definitions(_) | Error::Failed(_) => ExitCode::from(3),
    }
}
