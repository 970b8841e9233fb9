//! `ehelse status`: one line per goal with its roll-up status and the
//! number of indicators per status.

use super::evaluate::{self, Options, Pick};
use crate::cli::{Format, StatusArgs};
use crate::error::{ExitStatus, Result};
use crate::output;

/// Runs `status`.
pub(super) fn run(args: &StatusArgs) -> Result<ExitStatus> {
    let catalogue = evaluate::load(&args.paths.indicators)?;
    let opts = Options::new(Pick::All, args.period.period());
    let run = evaluate::evaluate(&catalogue, &args.paths.data, &opts)?;
    match args.format {
        Format::Table => {
            output::print_wrapped(&output::table::status(&catalogue, &run, args.lang))?;
        }
        Format::Csv => output::emit(
            None,
            &output::csv::encode(
                &output::overview::STATUS_COLUMNS,
                &output::overview::status_rows(&catalogue, &run, args.lang),
                output::csv::Dialect::Standard,
            )?,
        )?,
        Format::Json => output::emit(
            None,
            &output::json::pretty(&output::overview::status_json(
                &output::overview::status_rows(&catalogue, &run, args.lang),
            ))?,
        )?,
    }
    Ok(if output::text::note_failures(&run) {
        ExitStatus::Failure
    } else {
        ExitStatus::Success
    })
}
