//! `ehelse list`: the catalogue (or one goal of it) as a table.

use super::evaluate;
use crate::cli::ListArgs;
use crate::error::{ExitStatus, Result};
use crate::output;

/// Runs `list`.
pub(super) fn run(args: &ListArgs) -> Result<ExitStatus> {
    let catalogue = evaluate::load(&args.indicators)?;
    output::print_wrapped(&output::table::list(
        &catalogue,
        args.goal.as_deref(),
        args.lang,
    ))?;
    Ok(ExitStatus::Success)
}
