//! Reading the audit's collected frames back into [`Audit`] parts.

use std::collections::BTreeMap;

use anyhow::Result;
use polars::prelude::*;

use super::flags::{Flag, SYMBOLS};
use super::{AuditFile, ColumnAudit, Problem};
use crate::definitions::{ColumnType, Granularity, Source};
use crate::diagnostic::Severity;
use crate::period::Period;
use crate::sources::{FILE, Opened, ROW};

/// Most example lines per problem.
const LINES: usize = 5;

/// The one-row totals frame.
pub(super) struct Totals<'a>(pub(super) &'a DataFrame);

impl Totals<'_> {
    /// A count (0 when missing).
    pub(super) fn u64(&self, name: &str) -> u64 {
        self.0
            .column(name)
            .ok()
            .and_then(|c| c.get(0).ok())
            .and_then(|v| v.extract::<u64>())
            .unwrap_or(0)
    }

    /// A period key (`_first`, `_last`) as a label at the source's
    /// granularity (months for day data).
    pub(super) fn period(&self, source: &Source, name: &str) -> Option<String> {
        let k = self
            .0
            .column(name)
            .ok()
            .and_then(|c| c.get(0).ok())
            .and_then(|v| v.extract::<i64>())?;
        Some(
            Period::from_key(Granularity::Month, k)
                .coarsen(source.granularity.min(Granularity::Month))
                .label(),
        )
    }
}

/// Rows read and rows excluded, per file index.
pub(super) fn file_rows(per_file: &DataFrame) -> Result<BTreeMap<u32, (u64, u64)>> {
    let mut file_rows = BTreeMap::new();
    let f = per_file.column(FILE)?.cast(&DataType::UInt32)?;
    let r = per_file.column("rows")?.cast(&DataType::UInt64)?;
    let x = per_file.column("excluded")?.cast(&DataType::UInt64)?;
    for ((f, r), x) in f.u32()?.iter().zip(r.u64()?.iter()).zip(x.u64()?.iter()) {
        if let Some(f) = f {
            file_rows.insert(f, (r.unwrap_or(0), x.unwrap_or(0)));
        }
    }
    Ok(file_rows)
}

/// Symbols over all columns, and each column's symbols and unreadable cells.
pub(super) fn column_audits(
    source: &Source,
    flags: &[Flag],
    totals: &Totals<'_>,
) -> (BTreeMap<String, u64>, Vec<ColumnAudit>) {
    let mut symbols: BTreeMap<String, u64> = BTreeMap::new();
    let mut column_audits = Vec::new();
    for c in &source.columns {
        let ty = c.ty;
        let mut col_symbols = BTreeMap::new();
        if matches!(ty, ColumnType::Integer | ColumnType::Decimal) {
            for (i, s) in SYMBOLS.iter().enumerate() {
                let n = totals.u64(&format!("{}__sym{i}", c.name));
                if n > 0 {
                    col_symbols.insert((*s).to_string(), n);
                    *symbols.entry((*s).to_string()).or_default() += n;
                }
            }
        }
        let unparseable = flags
            .iter()
            .enumerate()
            .filter(|(_, f)| {
                f.column == c.name && (f.code == "unparseable" || f.code == "invalid-orgnr")
            })
            .map(|(i, _)| totals.u64(&format!("_flag{i}")))
            .sum();
        column_audits.push(ColumnAudit {
            name: c.name.clone(),
            kind: c.ty.as_str().to_string(),
            symbols: col_symbols,
            unparseable,
        });
    }
    (symbols, column_audits)
}

/// One problem per flag that any row has, with example lines (the first
/// file with the problem, up to [`LINES`] lines); most severe first.
pub(super) fn problems(
    opened: &Opened<'_>,
    flags: &[Flag],
    totals: &Totals<'_>,
    examples: &DataFrame,
) -> Result<Vec<Problem>> {
    let file_idx = examples.column(FILE)?.cast(&DataType::UInt32)?;
    let file_idx = file_idx.u32()?.clone();
    let rows = examples.column(ROW)?.cast(&DataType::UInt64)?;
    let rows = rows.u64()?.clone();
    let mut problems = Vec::new();
    for (i, flag) in flags.iter().enumerate() {
        let count = totals.u64(&format!("_flag{i}"));
        if count == 0 {
            continue;
        }
        let hits = examples.column(&format!("_flag{i}"))?.bool()?.clone();
        let mut file: Option<u32> = None;
        let mut lines = Vec::new();
        for ((f, r), hit) in file_idx.iter().zip(rows.iter()).zip(hits.iter()) {
            if hit != Some(true) {
                continue;
            }
            let (Some(f), Some(r)) = (f, r) else { continue };
            if file.is_none_or(|x| x == f) && lines.len() < LINES {
                file = Some(f);
                lines.push(opened.line_of(f as usize, r));
            }
        }
        let (severity, message) = message(opened.source, flag, count);
        problems.push(Problem {
            severity,
            code: flag.code,
            file: opened.files[file.unwrap_or(0) as usize].path.clone(),
            lines,
            column: flag.column.clone(),
            count,
            message,
        });
    }
    problems.sort_by(|a, b| (a.severity, &a.column, a.code).cmp(&(b.severity, &b.column, b.code)));
    Ok(problems)
}

/// Severity and one-line message of a flag that `count` rows have.
fn message(source: &Source, flag: &Flag, count: u64) -> (Severity, String) {
    let def = source;
    match flag.code {
        "invalid-orgnr" => {
            let reject = def.invalid_orgnr == crate::definitions::InvalidOrgnr::Reject;
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
            format!("{count} row(s) with a municipality code not in the shipped tables (2020–)"),
        ),
        "unmatched-key" => {
            let from = def
                .enrich
                .iter()
                .find(|e| e.on == flag.column)
                .map_or("?", |e| e.from.id());
            (
                Severity::Warning,
                format!(
                    "{count} row(s) whose `{}` has no match in source `{from}`; their looked-up columns are empty",
                    flag.column
                ),
            )
        }
        "unmapped-code" => (
            Severity::Warning,
            format!(
                "{count} row(s) with a code not in the SN2007 → SN2025 table; the code is kept as it is"
            ),
        ),
        "bad-period" => (
            Severity::Error,
            format!(
                "{count} row(s) whose period is not a {} label; they are left out",
                source.granularity.as_str()
            ),
        ),
        _ => {
            let col_def = def.columns.iter().find(|c| c.name == flag.column);
            let ty = col_def.map_or("text", |c| c.ty.as_str());
            (
                Severity::Error,
                format!("{count} value(s) cannot be read as `{ty}`; they are left out as missing"),
            )
        }
    }
}

/// The files of the audit, with their dialect and row counts.
pub(super) fn files(opened: &Opened<'_>, file_rows: &BTreeMap<u32, (u64, u64)>) -> Vec<AuditFile> {
    opened
        .files
        .iter()
        .zip(0_u32..)
        .map(|(f, i)| AuditFile {
            rows: file_rows.get(&i).map_or(0, |r| r.0),
            excluded: file_rows.get(&i).map_or(0, |r| r.1),
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
        .collect()
}
