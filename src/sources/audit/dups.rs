//! Rows read more than once: two rows of a reported table with the same
//! series, period and area would be added up (a copied row doubles the
//! figure). The figures plan counts them; this finds where the first copy
//! is, on the error path only (one extra scan of a small table).

use std::path::PathBuf;

use anyhow::{Context, Result};
use polars::prelude::*;

use crate::sources::{FILE, FrameOptions, Opened, ROW};

/// Where the first row that repeats another's key (every declared column
/// but `value`) is: the file, the line of the first row and of its copy,
/// and how many rows repeat an earlier one in all. `filter` is the
/// measure's SQL filter.
///
/// # Errors
/// When polars fails to read the files or the filter does not parse.
pub(crate) fn first_duplicate(
    opened: &Opened<'_>,
    value: &str,
    filter: Option<&str>,
) -> Result<Option<(PathBuf, u64, u64, u64)>> {
    let names = opened.declared();
    let opts = FrameOptions {
        row_index: true,
        ..FrameOptions::default()
    };
    let mut lf = opened.frame(&names, opts)?;
    if let Some(f) = filter {
        lf = lf.filter(polars::sql::sql_expr(f)?);
    }
    let keys: Vec<Expr> = names
        .iter()
        .filter(|n| **n != value)
        .map(|n| col(*n))
        .collect();
    let second = |c: &str| col(c).slice(lit(1), lit(1)).first();
    let df = lf
        .group_by(keys)
        .agg([
            len().cast(DataType::UInt64).alias("_n"),
            col(FILE).first().alias("_f"),
            col(ROW).first().alias("_r1"),
            second(FILE).alias("_f2"),
            second(ROW).alias("_r2"),
        ])
        .filter(col("_n").gt(lit(1_u64)))
        .with_column((col("_n") - lit(1_u64)).sum().alias("_extra"))
        .sort(["_f2", "_r2"], SortMultipleOptions::default())
        .limit(1)
        .collect()
        .map_err(anyhow::Error::from)
        .with_context(|| format!("reading source `{}`", opened.source.id()))?;
    if df.height() == 0 {
        return Ok(None);
    }
    let get = |name: &str| -> Option<u64> {
        df.column(name)
            .ok()?
            .cast(&DataType::UInt64)
            .ok()?
            .u64()
            .ok()?
            .get(0)
    };
    let (Some(f1), Some(r1), Some(f2), Some(r2), Some(extra)) =
        (get("_f"), get("_r1"), get("_f2"), get("_r2"), get("_extra"))
    else {
        return Ok(None);
    };
    let (f1, f2) = (
        usize::try_from(f1).unwrap_or(0),
        usize::try_from(f2).unwrap_or(0),
    );
    let Some(file) = opened.files.get(f2) else {
        return Ok(None);
    };
    let first_line = if f1 == f2 { opened.line_of(f1, r1) } else { 0 };
    Ok(Some((
        file.path.clone(),
        first_line,
        opened.line_of(f2, r2),
        extra,
    )))
}
