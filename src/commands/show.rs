//! `ehelse show ID`: one indicator or source definition in readable form.

use crate::cli::ShowArgs;
use crate::definitions::Catalogue;
use crate::error::{Error, ExitStatus, Result};
use crate::output;

/// Runs `show` (on definitions that load, valid or not).
pub(super) fn run(args: &ShowArgs) -> Result<ExitStatus> {
    let catalogue = Catalogue::load(&args.indicators).map_err(Error::Definitions)?;
    let text = if let Some(ind) = catalogue.indicator(&args.id) {
        output::show::indicator(ind, &catalogue.population_variants(ind.id()), args.lang)
    } else if let Some(src) = catalogue.source(&args.id) {
        output::show::source(src, args.lang)
    } else {
        return Err(Error::Usage(format!(
            "no indicator or source with id `{}` under {} (see `ehelse list`)",
            args.id,
            args.indicators.display()
        )));
    };
    output::print(&text)?;
    Ok(ExitStatus::Success)
}
