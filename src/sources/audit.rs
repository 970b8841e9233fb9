//! A source's audit: rows, period range, SSB symbols per column, and the
//! problems (unparseable values, invalid organisation numbers, unknown
//! municipality codes) with file, line and column. One lazy plan per source.

use std::collections::BTreeMap;
use std::path::PathBuf;

use anyhow::{Context, Result};
use polars::prelude::*;
use serde::Serialize;

use super::{FILE, FrameOptions, MONTH, NULL_SYMBOLS, Opened, ROW, YEAR, trimmed};
use crate::definitions::{ColumnType, Granularity, InvalidOrgnr};
use crate::diagnostic::Severity;
use crate::period::Period;

/// Symbols counted per column (`-` is a true zero but still reported).
const SYMBOLS: [&str; 6] = [".", "..", "...", ":", "-", "*"];

/// Symbol counts and problems of one column.
#[derive(Debug, Clone, Serialize)]
pub struct ColumnAudit {
    /// Column name.
    pub name: String,
    /// Declared type.
    #[serde(rename = "type")]
    pub kind: String,
    /// Cells per SSB symbol.
    pub symbols: BTreeMap<String, u64>,
    /// Cells that could not be read as the declared type.
    pub unparseable: u64,
}

/// A problem found in the data.
#[derive(Debug, Clone, Serialize)]
pub struct Problem {
    /// Error or warning.
    pub severity: Severity,
    /// Stable code: `unparseable`, `invalid-orgnr`, `unknown-municipality`, `bad-period`.
    pub code: &'static str,
    /// The file of the first example.
    pub file: PathBuf,
    /// Lines of the first examples (1-based).
    pub lines: Vec<u64>,
    /// The column.
    pub column: String,
    /// Rows affected.
    pub count: u64,
    /// One-line message.
    pub message: String,
}

/// What a source holds.
#[derive(Debug, Clone, Serialize)]
pub struct Audit {
    /// Source id.
    pub source: String,
    /// Files: path, SHA-256, bytes, encoding, separator, decimal mark, title lines.
    pub files: Vec<AuditFile>,
    /// Data rows (after turning wide tables long).
    pub rows: u64,
    /// Declared columns.
    pub columns: Vec<String>,
    /// First period in the data.
    pub first_period: Option<String>,
    /// Last period in the data.
    pub last_period: Option<String>,
    /// Symbols over all columns.
    pub symbols: BTreeMap<String, u64>,
    /// Per column.
    pub column_audits: Vec<ColumnAudit>,
    /// Problems, most severe first.
    pub problems: Vec<Problem>,
}

/// A file in an audit.
#[derive(Debug, Clone, Serialize)]
pub struct AuditFile {
    /// Path.
    pub path: PathBuf,
    /// SHA-256.
    pub sha256: String,
    /// Size.
    pub bytes: u64,
    /// Encoding (and whether a BOM was present).
    pub encoding: String,
    /// Separator.
    pub separator: String,
    /// Decimal mark.
    pub decimal: String,
    /// Lines above the header.
    pub skip_lines: usize,
    /// Data rows read from the file.
    pub rows: u64,
    /// Rows left out of every figure (invalid organisation number, bad period).
    pub excluded: u64,
}

/// Audits an opened source: one plan over all its files.
///
/// # Errors
/// When polars fails to read the files.
pub fn audit(opened: &Opened<'_>) -> Result<Audit> {
    let source = opened.source;
    let def = source;
    let names: Vec<&str> = def.columns.iter().map(|c| c.name.as_str()).collect();
    let lf = opened.frame(
        &names,
        FrameOptions {
            row_index: true,
            keep_raw: true,
            keep_invalid_orgnr: true,
        },
    )?;
    let known: Series = Series::new(
        PlSmallStr::from_static("known"),
        crate::measures::known_codes(),
    );

    // Flags per row and column, then sums.
    let mut flags: Vec<(String, &'static str, Expr)> = Vec::new();
    let mut aggs = vec![len().alias("rows")];
    for c in &def.columns {
        let ty = c.ty;
        let raw = col(format!("{}__raw", c.name));
        let t = trimmed(raw.clone());
        let present = t.clone().is_not_null().and(t.clone().neq(lit("")));
        let is_symbol = t.clone().is_in(
            lit(Series::new(
                PlSmallStr::from_static("s"),
                NULL_SYMBOLS.to_vec(),
            )),
            false,
        );
        if matches!(ty, ColumnType::Integer | ColumnType::Decimal) {
            for (i, s) in SYMBOLS.iter().enumerate() {
                aggs.push(
                    t.clone()
                        .eq(lit(*s))
                        .cast(DataType::UInt32)
                        .sum()
                        .alias(format!("{}__sym{i}", c.name)),
                );
            }
        }
        if ty != ColumnType::Text {
            let bad = present
                .clone()
                .and(is_symbol.not())
                .and(col(c.name.as_str()).is_null());
            let code = if ty == ColumnType::Orgnr {
                "invalid-orgnr"
            } else {
                "unparseable"
            };
            flags.push((c.name.clone(), code, bad));
        }
        if ty == ColumnType::Municipality {
            let unknown = col(c.name.as_str()).is_not_null().and(
                col(c.name.as_str())
                    .is_in(lit(known.clone()).implode(false), false)
                    .not(),
            );
            flags.push((c.name.clone(), "unknown-municipality", unknown));
        }
    }
    flags.push((def.period_column.clone(), "bad-period", col(YEAR).is_null()));
    for (i, (_, _, e)) in flags.iter().enumerate() {
        aggs.push(
            e.clone()
                .cast(DataType::UInt32)
                .sum()
                .alias(format!("_flag{i}")),
        );
    }
    let key = col(YEAR).cast(DataType::Int64) * lit(100_i64) + col(MONTH).cast(DataType::Int64);
    aggs.push(key.clone().min().alias("_first"));
    aggs.push(key.max().alias("_last"));

    let any_flag = flags.iter().fold(lit(false), |acc, (_, _, e)| {
        acc.or(e.clone().fill_null(lit(false)))
    });
    let mut example_cols = vec![col(FILE), col(ROW)];
    for (i, (_, _, e)) in flags.iter().enumerate() {
        example_cols.push(e.clone().fill_null(lit(false)).alias(format!("_flag{i}")));
    }
    let examples = lf.clone().filter(any_flag).select(example_cols).limit(500);
    // Rows read and left out, per file.
    let excluded_flag = flags
        .iter()
        .filter(|(_, code, _)| *code == "invalid-orgnr" || *code == "bad-period")
        .fold(lit(false), |acc, (_, _, e)| {
            acc.or(e.clone().fill_null(lit(false)))
        });
    let per_file = lf.clone().group_by([col(FILE)]).agg([
        len().cast(DataType::UInt64).alias("rows"),
        excluded_flag.cast(DataType::UInt64).sum().alias("excluded"),
    ]);
    let per_file = super::collect(per_file)
        .map_err(anyhow::Error::from)
        .with_context(|| format!("auditing source `{}`", source.id()))?;
    let mut file_rows: BTreeMap<u32, (u64, u64)> = BTreeMap::new();
    {
        let f = per_file.column(FILE)?.cast(&DataType::UInt32)?;
        let r = per_file.column("rows")?.cast(&DataType::UInt64)?;
        let x = per_file.column("excluded")?.cast(&DataType::UInt64)?;
        for ((f, r), x) in f.u32()?.iter().zip(r.u64()?.iter()).zip(x.u64()?.iter()) {
            if let Some(f) = f {
                file_rows.insert(f, (r.unwrap_or(0), x.unwrap_or(0)));
            }
        }
    }
    let totals = lf.select(aggs);
    let totals = super::collect(totals)
        .map_err(anyhow::Error::from)
        .with_context(|| format!("auditing source `{}`", source.id()))?;
    let examples = super::collect(examples)
        .map_err(anyhow::Error::from)
        .with_context(|| format!("auditing source `{}`", source.id()))?;
    let (totals, examples) = (&totals, &examples);

    let get_u64 = |name: &str| -> u64 {
        totals
            .column(name)
            .ok()
            .and_then(|c| c.get(0).ok())
            .and_then(|v| v.extract::<u64>())
            .unwrap_or(0)
    };
    let get_i64 = |name: &str| -> Option<i64> {
        totals
            .column(name)
            .ok()
            .and_then(|c| c.get(0).ok())
            .and_then(|v| v.extract::<i64>())
    };
    let label = |k: Option<i64>| {
        k.map(|k| {
            Period::from_key(Granularity::Month, k)
                .coarsen(source.granularity.min(Granularity::Month))
                .label()
        })
    };

    let mut symbols: BTreeMap<String, u64> = BTreeMap::new();
    let mut column_audits = Vec::new();
    for c in &def.columns {
        let ty = c.ty;
        let mut col_symbols = BTreeMap::new();
        if matches!(ty, ColumnType::Integer | ColumnType::Decimal) {
            for (i, s) in SYMBOLS.iter().enumerate() {
                let n = get_u64(&format!("{}__sym{i}", c.name));
                if n > 0 {
                    col_symbols.insert((*s).to_string(), n);
                    *symbols.entry((*s).to_string()).or_default() += n;
                }
            }
        }
        let unparseable = flags
            .iter()
            .enumerate()
            .filter(|(_, (name, code, _))| {
                name == &c.name && (*code == "unparseable" || *code == "invalid-orgnr")
            })
            .map(|(i, _)| get_u64(&format!("_flag{i}")))
            .sum();
        column_audits.push(ColumnAudit {
            name: c.name.clone(),
            kind: c.ty.as_str().to_string(),
            symbols: col_symbols,
            unparseable,
        });
    }

    // Example lines per flag (first file with the problem, up to 5 lines).
    let file_idx = examples.column(FILE)?.cast(&DataType::UInt32)?;
    let file_idx = file_idx.u32()?.clone();
    let rows = examples.column(ROW)?.cast(&DataType::UInt64)?;
    let rows = rows.u64()?.clone();
    let mut problems = Vec::new();
    for (i, (column, code, _)) in flags.iter().enumerate() {
        let count = get_u64(&format!("_flag{i}"));
        if count == 0 {
            continue;
        }
        let flag = examples.column(&format!("_flag{i}"))?.bool()?.clone();
        let mut file: Option<u32> = None;
        let mut lines = Vec::new();
        for ((f, r), hit) in file_idx.iter().zip(rows.iter()).zip(flag.iter()) {
            if hit != Some(true) {
                continue;
            }
            let (Some(f), Some(r)) = (f, r) else { continue };
            if file.is_none_or(|x| x == f) && lines.len() < 5 {
                file = Some(f);
                lines.push(opened.files[f as usize].line_of_row(r));
            }
        }
        let file_path = opened.files[file.unwrap_or(0) as usize].path.clone();
        let col_def = def.columns.iter().find(|c| &c.name == column);
        let ty = col_def.map_or("text", |c| c.ty.as_str());
        let (severity, message) = match *code {
            "invalid-orgnr" => {
                let reject = def.invalid_orgnr == InvalidOrgnr::Reject;
                (
                    if reject {
                        Severity::Error
                    } else {
                        Severity::Warning
                    },
                    format!(
                        "{count} row(s) with an organisation number that fails the MOD11 check; {}",
                        if reject {
                            "the source rejects them"
                        } else {
                            "they are excluded"
                        }
                    ),
                )
            }
            "unknown-municipality" => (
                Severity::Warning,
                format!(
                    "{count} row(s) with a municipality code not in the shipped tables (2020–)"
                ),
            ),
            "bad-period" => (
                Severity::Error,
                format!(
                    "{count} row(s) whose period is not a {} label; they are left out",
                    source.granularity.as_str()
                ),
            ),
            _ => (
                Severity::Error,
                format!("{count} value(s) cannot be read as `{ty}`; they are left out as missing"),
            ),
        };
        problems.push(Problem {
            severity,
            code,
            file: file_path,
            lines,
            column: column.clone(),
            count,
            message,
        });
    }
    problems.sort_by(|a, b| (a.severity, &a.column, a.code).cmp(&(b.severity, &b.column, b.code)));

    let files = opened
        .files
        .iter()
        .enumerate()
        .map(|(i, f)| AuditFile {
            rows: file_rows.get(&(i as u32)).map_or(0, |r| r.0),
            excluded: file_rows.get(&(i as u32)).map_or(0, |r| r.1),
            path: f.path.clone(),
            sha256: f.sha256(),
            bytes: f.bytes,
            encoding: format!(
                "{}{}",
                f.dialect.encoding.as_str(),
                if f.dialect.bom { " (BOM)" } else { "" }
            ),
            separator: match f.dialect.separator {
                b'\t' => "\\t".to_string(),
                b => (b as char).to_string(),
            },
            decimal: if f.dialect.decimal_comma { "," } else { "." }.to_string(),
            skip_lines: f.dialect.skip_lines,
        })
        .collect();
    Ok(Audit {
        source: source.id().to_string(),
        files,
        rows: get_u64("rows"),
        columns: names.iter().map(|s| (*s).to_string()).collect(),
        first_period: label(get_i64("_first")),
        last_period: label(get_i64("_last")),
        symbols,
        column_audits,
        problems,
    })
}

/// For a source that rejects invalid organisation numbers
/// (`invalid-orgnr: reject`): fails when any row has one, naming the file,
/// lines and column. Sources that exclude them (the default) pass.
///
/// # Errors
/// Rows with an organisation number that fails MOD11, or a polars failure.
pub fn check_rejected_orgnr(opened: &Opened<'_>) -> Result<()> {
    let def = opened.source;
    if def.invalid_orgnr != InvalidOrgnr::Reject {
        return Ok(());
    }
    let Some(column) = def
        .columns
        .iter()
        .find(|c| c.ty == ColumnType::Orgnr)
        .map(|c| c.name.as_str())
    else {
        return Ok(());
    };
    let lf = opened.frame(
        &[column],
        FrameOptions {
            row_index: true,
            keep_raw: true,
            keep_invalid_orgnr: true,
        },
    )?;
    let raw = trimmed(col(format!("{column}__raw")));
    let bad = raw
        .clone()
        .is_not_null()
        .and(raw.neq(lit("")))
        .and(col(column).is_null());
    let bad_rows = lf.filter(bad);
    let count = super::collect(bad_rows.clone().select([len().alias("n")]))
        .map_err(anyhow::Error::from)
        .with_context(|| format!("checking organisation numbers of `{}`", opened.source.id()))?;
    let n = count
        .column("n")?
        .get(0)
        .ok()
        .and_then(|v| v.extract::<u64>())
        .unwrap_or(0);
    if n == 0 {
        return Ok(());
    }
    let first = super::collect(bad_rows.select([col(FILE), col(ROW)]).limit(5))?;
    let files = first.column(FILE)?.cast(&DataType::UInt32)?;
    let rows = first.column(ROW)?.cast(&DataType::UInt64)?;
    let mut at: Vec<(usize, u64)> = Vec::new();
    for (f, r) in files.u32()?.iter().zip(rows.u64()?.iter()) {
        if let (Some(f), Some(r)) = (f, r) {
            at.push((f as usize, r));
        }
    }
    let (file, _) = at.first().copied().unwrap_or((0, 0));
    let info = &opened.files[file];
    let lines: Vec<String> = at
        .iter()
        .filter(|(f, _)| *f == file)
        .map(|(_, r)| info.line_of_row(*r).to_string())
        .collect();
    anyhow::bail!(
        "{}:{}: {n} row(s) of source `{}` have an organisation number in column `{column}` that fails the MOD11 check (lines {}), and the source rejects them (`invalid-orgnr: reject`)",
        info.path.display(),
        lines.first().map_or("?", String::as_str),
        opened.source.id(),
        lines.join(", ")
    )
}
