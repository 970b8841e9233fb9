//! `ehelse status`: one line per goal with its roll-up status and the
//! number of indicators per status.

use super::evaluate::{self, Options, Pick};
use crate::cli::StatusArgs;
use crate::error::{ExitStatus, Result};
use crate::output;

/// Runs `status`.
pub(super) fn run(args: &StatusArgs) -> Result<ExitStatus> {
    let catalogue = evaluate::load(&args.paths.indicators)?;
    let opts = Options::new(Pick::All, args.period.period());
    let run = evaluate::evaluate(&catalogue, &args.paths.data, &opts)?;
    output::print_wrapped(&output::table::status(&catalogue, &run, args.lang))?;
    Ok(if output::text::note_failures(&run) {
        ExitStatus::Failure
    } else {
        ExitStatus::Success
    })
}
