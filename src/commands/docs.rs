//! `ehelse docs`: writes `docs/catalogue.md` from the definitions, or with
//! `--check` says whether it is up to date.

use super::evaluate;
use crate::cli::DocsArgs;
use crate::error::{ExitStatus, Result};
use crate::output;

/// Runs `docs`.
pub(super) fn run(args: &DocsArgs) -> Result<ExitStatus> {
    let catalogue = evaluate::load(&args.indicators)?;
    let text = output::catalogue_md::markdown(&catalogue)?;
    if args.check {
        let current = std::fs::read_to_string(&args.output).unwrap_or_default();
        if current != text {
            output::note(&format!(
                "{} is out of date; run `ehelse docs` and commit the result\n",
                args.output.display()
            ));
            return Ok(ExitStatus::Failure);
        }
        output::print(&format!("{} is up to date\n", args.output.display()))?;
        return Ok(ExitStatus::Success);
    }
    output::atomic::write_atomic(&args.output, text.as_bytes())?;
    output::print(&format!(
        "wrote {} ({} indicators)\n",
        args.output.display(),
        catalogue.indicators.len()
    ))?;
    Ok(ExitStatus::Success)
}
