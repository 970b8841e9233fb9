//! The check a source with `invalid-orgnr: reject` must pass before it is
//! computed.

use anyhow::{Context, Result};
use polars::prelude::*;

use crate::definitions::ColumnType;
use crate::sources::typed::trimmed;
use crate::sources::{FILE, FrameOptions, Opened, ROW, collect_all};

/// For a source that rejects invalid organisation numbers
/// (`invalid-orgnr: reject`): fails when any row has one, naming the file,
/// lines and column. Sources that exclude them (the default) pass.
///
/// # Errors
/// Rows with an organisation number that fails MOD11, or a polars failure.
pub(crate) fn check_rejected_orgnr(opened: &Opened<'_>) -> Result<()> {
    let def = opened.source;
    if def.invalid_orgnr != crate::definitions::InvalidOrgnr::Reject {
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
    // One collection: the count and the first lines share the scan.
    let mut dfs = collect_all(vec![
        bad_rows.clone().select([len().alias("n")]),
        bad_rows.select([col(FILE), col(ROW)]).limit(5),
    ])
    .map_err(anyhow::Error::from)
    .with_context(|| format!("checking organisation numbers of `{}`", opened.source.id()))?;
    let (Some(first), Some(count)) = (dfs.pop(), dfs.pop()) else {
        anyhow::bail!(
            "checking organisation numbers of `{}`: no result",
            opened.source.id()
        );
    };
    let n = count
        .column("n")?
        .get(0)
        .ok()
        .and_then(|v| v.extract::<u64>())
        .unwrap_or(0);
    if n == 0 {
        return Ok(());
    }
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
        .map(|(_, r)| opened.line_of(file, *r).to_string())
        .collect();
    anyhow::bail!(
        "{}:{}: {n} row(s) of source `{}` have an organisation number in column `{column}` that fails the MOD11 check (lines {}), and the source rejects them (`invalid-orgnr: reject`)",
        info.path.display(),
        lines.first().map_or("?", String::as_str),
        opened.source.id(),
        lines.join(", ")
    )
}
