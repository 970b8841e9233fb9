//! `ehelse inequality`: the spread between regions, counties and survey
//! groups of each picked indicator's latest figure, and the population in
//! municipalities that do not meet the condition (seed 001).

use super::evaluate::{self, Pick};
use crate::assessment::inequality::{Inequality, compared_breakdowns, inequality};
use crate::cli::{Format, InequalityArgs};
use crate::definitions::{Catalogue, Indicator, MeasureKind};
use crate::error::{ExitStatus, Result};
use crate::output;
use crate::output::evaluated::Run;

/// Runs `inequality`.
pub(super) fn run(args: &InequalityArgs) -> Result<ExitStatus> {
    let catalogue = evaluate::load(&args.paths.indicators)?;
    let mut opts = super::compute::options(&args.selection)?;
    let picked = evaluate::select(&catalogue, &opts.pick)?;
    if opts.by.is_empty() {
        let mut by: Vec<String> = picked.iter().flat_map(|i| compared_breakdowns(i)).collect();
        by.sort();
        by.dedup();
        opts.by = by;
    }
    // The population-weighted variants are computed alongside.
    let mut ids: Vec<String> = picked.iter().map(|i| i.id().to_string()).collect();
    for ind in &picked {
        for v in catalogue.population_variants(ind.id()) {
            if !ids.iter().any(|i| i == v) {
                ids.push(v.to_string());
            }
        }
    }
    opts.pick = Pick::Ids(ids);
    let run = evaluate::evaluate(&catalogue, &args.paths.data, &opts)?;
    let views: Vec<(&Indicator, Inequality)> = picked
        .iter()
        .map(|ind| (*ind, view(&catalogue, &run, ind)))
        .collect();
    let bytes = match args.format {
        Format::Table => output::term::wrap(
            &output::inequality::table(&views, args.lang),
            output::term::width(),
        )
        .into_bytes(),
        Format::Csv => output::csv::encode(
            &output::inequality::CSV_COLUMNS,
            &output::inequality::rows(&views),
            output::csv::Dialect::Standard,
        )?,
        Format::Json => output::inequality::json(&views)?,
    };
    output::emit(args.output.as_deref(), &bytes)?;
    Ok(if output::text::note_failures(&run) {
        ExitStatus::Failure
    } else {
        ExitStatus::Success
    })
}

/// The inequality view of one indicator from the run.
fn view(catalogue: &Catalogue, run: &Run<'_>, ind: &Indicator) -> Inequality {
    let ev = run.results.get(ind.id());
    let computed = ev.and_then(|e| e.computed.as_ref());
    let period = ev
        .and_then(|e| e.current.as_ref())
        .map(|f| f.period.as_str());
    let own_weighted = ind.measure_kind() == Some(MeasureKind::ShareOfUnits)
        && ind.measure.as_ref().and_then(|m| m.weight_by()).is_some();
    let weighted = if own_weighted {
        computed.map(|c| (ind.id(), c))
    } else {
        catalogue
            .population_variants(ind.id())
            .into_iter()
            .find_map(|v| Some((v, run.results.get(v)?.computed.as_ref()?)))
    };
    inequality(ind, computed, period, weighted)
}
