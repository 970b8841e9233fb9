//! The quarterly report's files: status per goal and for all (CSV in the
//! chosen dialect and JSON), the long time series, `report.md` and
//! `manifest.json`. Writing them is `atomic::write_folder`'s job.

pub(crate) mod commentary;
pub(crate) mod manifest;
mod markdown;
mod status;

use anyhow::Result;

use crate::definitions::{Catalogue, GOALS};
use crate::output::Lang;
use crate::output::evaluated::Run;
use crate::output::tidy::CSV_COLUMNS;
use crate::output::{csv, json};

use commentary::Given;
use status::STATUS_COLUMNS;

/// How the report is written.
pub(crate) struct Settings<'a> {
    /// The quarter label, e.g. `2026Q2`.
    pub(crate) quarter: &'a str,
    /// CSV dialect.
    pub(crate) dialect: crate::output::csv::Dialect,
    /// Language of names and `report.md`.
    pub(crate) lang: Lang,
    /// `--commentary`, read.
    pub(crate) commentary: Option<&'a Given>,
}

/// Every file but the manifest, in the manifest's order; `series` are the
/// tidy rows of the run.
pub(crate) fn files(
    catalogue: &Catalogue,
    run: &Run<'_>,
    series: &[Vec<String>],
    settings: &Settings<'_>,
) -> Result<Vec<(String, Vec<u8>)>> {
    let dialect = settings.dialect;
    let status = status::rows(run, settings.lang);
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    files.push((
        "status.csv".into(),
        csv::encode(&STATUS_COLUMNS, &status, dialect)?,
    ));
    files.push(("status.json".into(), json::rows(&STATUS_COLUMNS, &status)?));
    for (code, _, _) in GOALS {
        let rows: Vec<Vec<String>> = status.iter().filter(|r| r[0] == code).cloned().collect();
        if rows.is_empty() {
            continue;
        }
        files.push((
            format!("status-goal-{code}.csv"),
            csv::encode(&STATUS_COLUMNS, &rows, dialect)?,
        ));
    }
    files.push((
        "timeseries.csv".into(),
        csv::encode(&CSV_COLUMNS, series, dialect)?,
    ));
    files.push(("timeseries.json".into(), json::rows(&CSV_COLUMNS, series)?));
    let md = markdown::markdown(
        catalogue,
        run,
        settings.quarter,
        settings.commentary,
        settings.lang,
    )?;
    files.push(("report.md".into(), md.into_bytes()));
    Ok(files)
}
