//! `ehelse compute`: figures of a selection, their assessment against the
//! ambitions, as a table per goal, tidy CSV or JSON.

use super::evaluate::{self, Options, Pick};
use crate::cli::{ComputeArgs, Format, Selection};
use crate::error::{Error, ExitStatus, Result};
use crate::output::{self, tidy};

/// Runs `compute`.
pub(super) fn run(args: &ComputeArgs) -> Result<ExitStatus> {
    let catalogue = evaluate::load(&args.paths.indicators)?;
    let mut opts = options(&args.selection)?;
    opts.strict = args.strict;
    for note in evaluate::check_by(&catalogue, &opts.pick, &opts.by)? {
        output::info(&format!("note: {note}"));
    }
    let run = evaluate::evaluate(&catalogue, &args.paths.data, &opts)?;
    let bytes = match args.format {
        Format::Table => output::term::wrap(
            &output::table::compute(&catalogue, &run, args.lang),
            output::term::width(),
        )
        .into_bytes(),
        Format::Csv => output::csv::encode(
            &tidy::CSV_COLUMNS,
            &tidy::rows(&run),
            output::csv::Dialect::Standard,
        )?,
        Format::Json => output::json::compute(&run, args.lang)?,
    };
    output::emit(args.output.as_deref(), &bytes)?;
    Ok(if output::text::note_failures(&run) {
        ExitStatus::Failure
    } else {
        ExitStatus::Success
    })
}

/// The evaluation options of `--goal`/`--indicator`/`--all` and the rest.
pub(super) fn options(sel: &Selection) -> Result<Options> {
    let pick = if let Some(goal) = &sel.goal {
        Pick::Goal(goal.clone())
    } else if !sel.indicator.is_empty() {
        Pick::Ids(sel.indicator.clone())
    } else if sel.all {
        Pick::All
    } else {
        return Err(Error::Usage(
            "say which indicators: --goal N, --indicator ID or --all".to_string(),
        ));
    };
    Ok(Options {
        pick,
        upto: sel.period.period(),
        by: sel.by.clone(),
        suppress_below: sel.suppress_below,
        as_of: sel.as_of,
        split_policy: sel.split_policy.into(),
        strict: false,
    })
}
