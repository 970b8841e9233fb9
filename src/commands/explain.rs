//! `ehelse explain ID`: every step of one indicator's assessment, with the
//! audit of the sources its figures came from.

use anyhow::Context as _;

use super::evaluate::{self, Options, Pick};
use crate::cli::ExplainArgs;
use crate::error::{Error, ExitStatus, Result};
use crate::output;
use crate::sources::{self, Audit};

/// Runs `explain`.
pub(super) fn run(args: &ExplainArgs) -> Result<ExitStatus> {
    let catalogue = evaluate::load(&args.paths.indicators)?;
    let ind = catalogue
        .indicator(&args.id)
        .ok_or_else(|| Error::Usage(format!("no indicator `{}` (see `ehelse list`)", args.id)))?;
    let opts = Options::new(Pick::Ids(vec![args.id.clone()]), args.period.period());
    let run = evaluate::evaluate(&catalogue, &args.paths.data, &opts)?;
    let ev = run
        .results
        .get(ind.id())
        .ok_or_else(|| anyhow::anyhow!("`{}` was not evaluated", ind.id()))?;
    if let Some(e) = &ev.error {
        output::print(&output::explain::not_computed(ind, e, args.lang))?;
        return Ok(ExitStatus::Failure);
    }
    // The sources the figures came from, each audited once.
    let mut audits: Vec<(String, Audit)> = Vec::new();
    if let Some(c) = &ev.computed {
        let mut ids: Vec<&str> = c.files.iter().map(|f| f.source.as_str()).collect();
        ids.dedup();
        let used = ids.into_iter().filter_map(|sid| catalogue.source(sid));
        for (src, audit) in sources::audit_all(used, &args.paths.data) {
            let audit = audit.with_context(|| format!("auditing {}", src.id()))?;
            audits.push((src.id().to_string(), audit));
        }
    }
    output::print(&output::explain::explain(ind, ev, &audits, args.lang))?;
    Ok(ExitStatus::Success)
}
