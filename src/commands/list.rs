//! `ehelse list`: the catalogue (or one goal of it) as a table.

use super::evaluate;
use crate::cli::{Format, ListArgs};
use crate::error::{ExitStatus, Result};
use crate::output;

/// Runs `list`.
pub(super) fn run(args: &ListArgs) -> Result<ExitStatus> {
    let catalogue = evaluate::load(&args.indicators)?;
    let goal = args.goal.as_deref();
    match args.format {
        Format::Table => {
            output::print_wrapped(&output::table::list(&catalogue, goal, args.lang))?;
        }
        Format::Csv => output::emit(
            None,
            &output::csv::encode(
                &output::overview::LIST_COLUMNS,
                &output::overview::list_rows(&catalogue, goal, args.lang),
                output::csv::Dialect::Standard,
            )?,
        )?,
        Format::Json => output::emit(
            None,
            &output::json::pretty(&output::overview::list_json(&output::overview::list_rows(
                &catalogue, goal, args.lang,
            )))?,
        )?,
    }
    Ok(ExitStatus::Success)
}
