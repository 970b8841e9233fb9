//! A source's audit: rows, period range, SSB symbols per column, and the
//! problems (unparseable values, invalid organisation numbers, unknown
//! municipality codes) with file, line and column. One `collect_all` over
//! the three plans of a source (per-file counts, totals, example rows).

mod dups;
mod flags;
mod orgnr;
mod read;

pub(crate) use dups::first_duplicate;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use polars::prelude::{LazyFrame, col, lit};
use serde::Serialize;

use super::{FrameOptions, Opened, collect_all};
use crate::definitions::Source;
use crate::diagnostic::Severity;

pub(crate) use orgnr::check_rejected_orgnr;

/// Symbol counts and problems of one column.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct ColumnAudit {
    /// Column name.
    pub(crate) name: String,
    /// Declared type.
    #[serde(rename = "type")]
    pub(crate) kind: String,
    /// Cells per SSB symbol.
    pub(crate) symbols: BTreeMap<String, u64>,
    /// Cells that could not be read as the declared type.
    pub(crate) unparseable: u64,
}

/// A problem found in the data.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Problem {
    /// Error or warning.
    pub(crate) severity: Severity,
    /// Stable code: `unparseable`, `invalid-orgnr`, `unknown-municipality`, `bad-period`.
    pub(crate) code: &'static str,
    /// The file of the first example.
    pub(crate) file: PathBuf,
    /// Lines of the first examples (1-based).
    pub(crate) lines: Vec<u64>,
    /// The column.
    pub(crate) column: String,
    /// Rows affected.
    pub(crate) count: u64,
    /// One-line message.
    pub(crate) message: String,
}

/// What a source holds.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Audit {
    /// Source id.
    pub(crate) source: String,
    /// Files: path, SHA-256, bytes, encoding, separator, decimal mark, title lines.
    pub(crate) files: Vec<AuditFile>,
    /// Data rows (after turning wide tables long).
    pub(crate) rows: u64,
    /// Declared columns.
    pub(crate) columns: Vec<String>,
    /// First period in the data.
    pub(crate) first_period: Option<String>,
    /// Last period in the data.
    pub(crate) last_period: Option<String>,
    /// Symbols over all columns.
    pub(crate) symbols: BTreeMap<String, u64>,
    /// Per column.
    pub(crate) column_audits: Vec<ColumnAudit>,
    /// Problems, most severe first.
    pub(crate) problems: Vec<Problem>,
}

/// A file in an audit.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct AuditFile {
    /// Path.
    pub(crate) path: PathBuf,
    /// SHA-256.
    pub(crate) sha256: String,
    /// Size.
    pub(crate) bytes: u64,
    /// Encoding (and whether a BOM was present).
    pub(crate) encoding: String,
    /// Separator.
    pub(crate) separator: String,
    /// Decimal mark.
    pub(crate) decimal: String,
    /// Lines above the header.
    pub(crate) skip_lines: usize,
    /// Data rows read from the file.
    pub(crate) rows: u64,
    /// Rows left out of every figure (invalid organisation number, bad period).
    pub(crate) excluded: u64,
}

/// Every declared column of a source, typed, with the raw text beside it,
/// the row index and the rows with invalid organisation numbers kept.
fn raw_frame(opened: &Opened<'_>) -> Result<LazyFrame> {
    opened.frame(
        &opened.declared(),
        FrameOptions {
            row_index: true,
            keep_raw: true,
            keep_invalid_orgnr: true,
        },
    )
}

/// Audits an opened source: three plans over all its files (rows and
/// exclusions per file, totals, example rows), collected together so the
/// files are scanned once.
///
/// # Errors
/// When polars fails to read the files.
pub(crate) fn audit(opened: &Opened<'_>) -> Result<Audit> {
    let source = opened.source;
    let lf = raw_frame(opened)?;
    let flags = flags::flags(source);
    let plans = flags::plans(&lf, source, &flags);
    let mut dfs = collect_all(plans)
        .map_err(anyhow::Error::from)
        .with_context(|| format!("auditing source `{}`", source.id()))?;
    let (Some(examples), Some(totals), Some(per_file)) = (dfs.pop(), dfs.pop(), dfs.pop()) else {
        anyhow::bail!("auditing source `{}`: a plan gave no frame", source.id());
    };
    let totals = read::Totals(&totals);
    let file_rows = read::file_rows(&per_file)?;
    let (symbols, column_audits) = read::column_audits(source, &flags, &totals);
    let problems = read::problems(opened, &flags, &totals, &examples)?;
    Ok(Audit {
        source: source.id().to_string(),
        files: read::files(opened, &file_rows),
        rows: totals.u64("rows"),
        columns: source.columns.iter().map(|c| c.name.clone()).collect(),
        first_period: totals.period(source, "_first"),
        last_period: totals.period(source, "_last"),
        symbols,
        column_audits,
        problems,
    })
}

/// Opens and audits each source once, in the order given: what a command
/// that reports on every source (`sources`, `report`, `explain`,
/// `validate --data`) computes once and reuses. A source that cannot be
/// opened or read gives its error in place of the audit.
pub(crate) fn audit_all<'a>(
    sources: impl IntoIterator<Item = &'a Source>,
    data_dir: &Path,
) -> Vec<(&'a Source, Result<Audit>)> {
    sources
        .into_iter()
        .map(|source| {
            let audit = super::open(source, data_dir).and_then(|o| audit(&o));
            (source, audit)
        })
        .collect()
}

/// Where a column's first unreadable cell is: the file, its line (1-based)
/// and the cell's text (cut to 40 characters; `None` for organisation
/// numbers, which may hold a person's identity number by mistake, and for
/// any cell with nine or more digits in a row). The
/// error path of a run whose unreadable cells passed the threshold: one
/// extra scan, stopped at the first hit.
///
/// # Errors
/// When polars fails to read the files.
pub(crate) fn first_unreadable(
    opened: &Opened<'_>,
    column: &str,
) -> Result<Option<(PathBuf, u64, Option<String>)>> {
    let source = opened.source;
    let lf = raw_frame(opened)?;
    // The first row any flag of the column marks (a period cell may be
    // `unparseable` or a `bad-period`; only one of them fires).
    let mut found = None;
    for flag in flags::flags(source).into_iter().filter(|f| {
        f.column == column && matches!(f.code, "unparseable" | "invalid-orgnr" | "bad-period")
    }) {
        let df = lf
            .clone()
            .filter(flag.expr.fill_null(lit(false)))
            .select([
                col(super::FILE),
                col(super::ROW),
                col(format!("{column}__raw")),
            ])
            .limit(1)
            .collect()
            .with_context(|| format!("reading source `{}`", source.id()))?;
        if df.height() > 0 {
            found = Some(df);
            break;
        }
    }
    let Some(df) = found else {
        return Ok(None);
    };
    let get_u64 = |name: &str| -> Option<u64> {
        df.column(name)
            .ok()?
            .cast(&polars::prelude::DataType::UInt64)
            .ok()?
            .u64()
            .ok()?
            .get(0)
    };
    let (Some(file), Some(row)) = (get_u64(super::FILE), get_u64(super::ROW)) else {
        return Ok(None);
    };
    let Some(info) = usize::try_from(file).ok().and_then(|i| opened.files.get(i)) else {
        return Ok(None);
    };
    let is_orgnr = source.column_type(column) == Some(crate::definitions::ColumnType::Orgnr);
    let text = df
        .column(&format!("{column}__raw"))
        .ok()
        .and_then(|c| c.str().ok()?.get(0).map(|s| s.chars().take(40).collect()))
        .filter(|t: &String| !is_orgnr && !may_identify(t));
    let line = opened.line_of(usize::try_from(file).unwrap_or(0), row);
    Ok(Some((info.path.clone(), line, text)))
}

/// A cell with nine or more digits in a row (an organisation number or a
/// person's eleven-digit identity number) is never echoed, whatever the
/// column it is in.
fn may_identify(text: &str) -> bool {
    let mut run = 0;
    for c in text.chars() {
        run = if c.is_ascii_digit() { run + 1 } else { 0 };
        if run >= 9 {
            return true;
        }
    }
    false
}
