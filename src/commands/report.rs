//! `ehelse report`: the quarterly files for cron jobs — status per goal and
//! for all, the long time series, a manifest with provenance, and `report.md`
//! — written into a temporary folder and renamed into place, so a failed run
//! never leaves a half-written report or touches the previous one.

use super::evaluate::{self, Options, Pick, Run};
use crate::cli::{CsvDialect, ReportArgs};
use crate::definitions::{Catalogue, Readiness};
use crate::error::{Error, ExitStatus, Result};
use crate::output::log::log;
use crate::output::report::{Settings, commentary, manifest};
use crate::output::{self, tidy};
use crate::period::Period;
use crate::sources::{self, Audit};

/// Runs `report`.
pub(super) fn run(args: &ReportArgs) -> Result<ExitStatus> {
    // Under `--strict` warnings decide the exit code, so `--quiet` keeps them.
    output::verbosity::warnings_decide_exit(args.strict);
    let quarter = args.quarter;
    let label = quarter.label();
    let target = args.out.join(&label);
    if target.exists() && !args.force {
        log("error", "exists", &[("dir", target.display().to_string())]);
        return Err(Error::Usage(format!(
            "a report for {label} already exists in {}; use --force to replace it",
            target.display()
        )));
    }
    let given = commentary::read(args.commentary.as_deref())?;
    let catalogue = evaluate::load(&args.paths.indicators)?;
    let opts = Options {
        by: vec!["region".to_string(), "county".to_string()],
        suppress_below: args.suppress_below,
        // Freshness is judged as of the quarter's last day.
        as_of: Period::parse(&quarter.last_day()),
        ..Options::new(Pick::All, Some(quarter))
    };
    let run = evaluate::evaluate(&catalogue, &args.paths.data, &opts)?;
    let mut warnings = warnings(&run)?;
    let series = tidy::rows(&run);
    let suppressed = series
        .iter()
        .filter(|r| r[tidy::SUPPRESSED] == "true")
        .count();
    if suppressed > 0 {
        log(
            "warning",
            "suppressed-cells",
            &[("count", suppressed.to_string())],
        );
        warnings.push(format!("{suppressed} small cell(s) suppressed"));
    }
    let settings = Settings {
        quarter: &label,
        dialect: dialect(args.csv_dialect),
        lang: args.lang,
        commentary: given.as_ref(),
    };
    let stage = output::stage("render");
    let mut files = output::report::files(&catalogue, &run, &series, &settings)?;
    let about = manifest::Run {
        quarter: &label,
        dialect: dialect(args.csv_dialect),
        suppress_below: args.suppress_below,
        suppressed,
        warnings: &warnings,
    };
    let audits = audits(&catalogue, args)?;
    let manifest = manifest::manifest(&catalogue, &audits, &about, &files)?;
    files.push(("manifest.json".into(), manifest));
    drop(stage);
    let stage = output::stage("write");

    output::atomic::write_folder(&args.out, &target, &label, &files, |name| {
        log("info", "staged", &[("file", name.to_string())]);
    })?;
    drop(stage);
    log(
        "info",
        "written",
        &[
            ("dir", target.display().to_string()),
            ("files", files.len().to_string()),
            ("warnings", warnings.len().to_string()),
        ],
    );
    Ok(if args.strict && !warnings.is_empty() {
        ExitStatus::Failure
    } else {
        ExitStatus::Success
    })
}

/// Failures of ready indicators stop the report; failed optional indicators
/// and stale data are warnings (logged as they are found).
fn warnings(run: &Run<'_>) -> Result<Vec<String>> {
    let mut warnings: Vec<String> = Vec::new();
    for ind in &run.selected {
        let Some(ev) = run.results.get(ind.id()) else {
            continue;
        };
        if let Some(e) = &ev.error {
            if ind.readiness == Readiness::Ready {
                log(
                    "error",
                    "indicator-failed",
                    &[("indicator", ind.id().to_string())],
                );
                return Err(Error::Failed(anyhow::anyhow!(
                    "indicator `{}` could not be computed, so no report was written: {e}",
                    ind.id()
                )));
            }
            log(
                "warning",
                "optional-indicator-failed",
                &[("indicator", ind.id().to_string())],
            );
            warnings.push(format!("optional indicator {} failed: {e}", ind.id()));
        }
        if ev.stale {
            log(
                "warning",
                "stale",
                &[
                    ("indicator", ind.id().to_string()),
                    (
                        "period",
                        ev.current
                            .as_ref()
                            .map(|f| f.period.clone())
                            .unwrap_or_default(),
                    ),
                    ("age_months", ev.age_months.unwrap_or(0).to_string()),
                ],
            );
            warnings.push(format!("stale data: {}", ind.id()));
        }
    }
    Ok(warnings)
}

/// Every source that opens, audited again for the manifest (see issue 14:
/// the audit is not yet shared with the evaluation).
fn audits(catalogue: &Catalogue, args: &ReportArgs) -> Result<Vec<(String, Audit)>> {
    let mut audits = Vec::new();
    for source in &catalogue.sources {
        let Ok(opened) = sources::open(source, &args.paths.data) else {
            continue;
        };
        audits.push((source.id().to_string(), sources::audit(&opened)?));
    }
    Ok(audits)
}

/// The output dialect of `--csv-dialect`.
fn dialect(d: CsvDialect) -> output::csv::Dialect {
    match d {
        CsvDialect::Standard => output::csv::Dialect::Standard,
        CsvDialect::ExcelNb => output::csv::Dialect::ExcelNb,
    }
}
