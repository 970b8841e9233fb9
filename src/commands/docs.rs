//! `ehelse docs`: writes `docs/catalogue.md` from the definitions, or with
//! `--check` says whether it is up to date and, when not, prints what would
//! change as a unified diff.

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
            // What would change, as a unified diff on stdout (the file as it
            // is → as `ehelse docs` would write it); the verdict on stderr.
            let name = args.output.display().to_string();
            let diff = similar::TextDiff::from_lines(&current, &text)
                .unified_diff()
                .context_radius(3)
                .header(
                    &format!("{name} (as it is)"),
                    &format!("{name} (from the definitions)"),
                )
                .to_string();
            output::print(&diff)?;
            output::note(&format!(
                "{name} is out of date; run `ehelse docs` and commit the result\n"
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
