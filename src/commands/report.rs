//! `ehelse report`: the quarterly files for cron jobs — status per goal and
//! for all, the long time series, a manifest with provenance, and `report.md`
//! — written into a temporary folder and renamed into place, so a failed run
//! never leaves a half-written report or touches the previous one.

use super::evaluate::{self, Options, Pick, Run};
use crate::cli::{CsvDialect, FailOn, ReportArgs};
use crate::definitions::{Catalogue, Readiness};
use crate::error::{Error, ExitStatus, Result};
use crate::output::log::log;
use crate::output::report::{Settings, commentary, manifest};
use crate::output::{self, tidy};
use crate::sources::{self, Audit};

/// Whether the report may be written to `target`: a new folder, or an
/// earlier report with `--force`; never a folder that holds something else.
fn may_write(target: &std::path::Path, label: &str, force: bool) -> Result<()> {
    if !target.exists() {
        return Ok(());
    }
    let dir = [("dir", target.display().to_string())];
    if !force {
        log("error", "exists", &dir);
        return Err(Error::Usage(format!(
            "a report for {label} already exists in {}; use --force to replace it",
            target.display()
        )));
    }
    if !target.join("manifest.json").is_file() {
        log("error", "not-a-report", &dir);
        return Err(Error::Usage(format!(
            "{} exists but holds no report (no manifest.json), so it is not replaced, \
             not even with --force; move it away or give another --out",
            target.display()
        )));
    }
    Ok(())
}

/// Runs `report`.
pub(super) fn run(args: &ReportArgs) -> Result<ExitStatus> {
    // Under `--strict` warnings decide the exit code, so `--quiet` keeps them.
    output::verbosity::warnings_decide_exit(args.strict);
    let quarter = args.quarter;
    let label = quarter.label();
    let target = args.out.join(&label);
    may_write(&target, &label, args.force)?;
    let given = commentary::read(args.commentary.as_deref())?;
    let catalogue = evaluate::load(&args.paths.indicators)?;
    let opts = Options {
        by: vec!["region".to_string(), "county".to_string()],
        suppress_below: args.suppress_below,
        // Freshness is judged as of the quarter's last day.
        as_of: Some(quarter.last_day()),
        ..Options::new(Pick::All, Some(quarter))
    };
    let run = evaluate::evaluate(&catalogue, &args.paths.data, &opts)?;
    let mut findings = warnings(&run)?;
    let series = tidy::rows(&run);
    let suppressed = series
        .iter()
        .filter(|r| r[tidy::SUPPRESSED] == "true")
        .count();
    if suppressed > 0 {
        // Routine disclosure control: information, unless --fail-on asks.
        log(
            "info",
            "suppressed-cells",
            &[("count", suppressed.to_string())],
        );
        findings.push((FailOn::Suppressed, String::new()));
    }
    // The manifest lists the warnings (stale data, failed optional
    // indicators); suppression and exclusions have counts of their own.
    let warnings: Vec<String> = findings
        .iter()
        .filter(|(kind, _)| FailOn::STRICT.contains(kind))
        .map(|(_, text)| text.clone())
        .collect();
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
    findings.extend(excluded(&audits));
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
    Ok(outcome(args, &findings))
}

/// 1 when anything `--strict` or `--fail-on` names happened, else 0.
fn outcome(args: &ReportArgs, findings: &[(FailOn, String)]) -> ExitStatus {
    let strict: &[FailOn] = if args.strict { &FailOn::STRICT } else { &[] };
    let fails = |kind: &FailOn| strict.contains(kind) || args.fail_on.contains(kind);
    if findings.iter().any(|(kind, _)| fails(kind)) {
        ExitStatus::Failure
    } else {
        ExitStatus::Success
    }
}

/// Sources with excluded rows, logged as information.
fn excluded(audits: &[(String, Audit)]) -> Vec<(FailOn, String)> {
    let mut found = Vec::new();
    for (id, audit) in audits {
        let rows: u64 = audit.files.iter().map(|f| f.excluded).sum();
        if rows > 0 {
            log(
                "info",
                "rows-excluded",
                &[("source", id.clone()), ("count", rows.to_string())],
            );
            found.push((FailOn::Excluded, String::new()));
        }
    }
    found
}

/// Failures of ready indicators stop the report; failed optional indicators
/// and stale data are warnings (logged as they are found), each with the
/// text the manifest lists.
fn warnings(run: &Run<'_>) -> Result<Vec<(FailOn, String)>> {
    let mut warnings = Vec::new();
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
            warnings.push((
                FailOn::Failed,
                format!("optional indicator {} failed: {e}", ind.id()),
            ));
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
            warnings.push((FailOn::Stale, format!("stale data: {}", ind.id())));
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
