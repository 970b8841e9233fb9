//! What a figure leaves out, counted in the same pass as the figure: per
//! source file and column the cells that could not be read, and the rows
//! left out because a key (period, unit, organisation number) could not be
//! read. Past the source's threshold (default: any unreadable key) the
//! indicator fails with a located error; `--strict` makes any count fail.

use std::collections::BTreeMap;
use std::path::PathBuf;

use anyhow::Result;
use polars::prelude::*;
use serde::Serialize;

use super::plan;
use crate::definitions::{ColumnType, Indicator, InvalidOrgnr, Measure, MeasureKind, Role};
use crate::sources::{FILE, Opened, bad_flag};

/// Cells of one column of one file that could not be read.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub(crate) struct Cells {
    /// Source id.
    pub(crate) source: String,
    /// The file.
    pub(crate) file: PathBuf,
    /// The column.
    pub(crate) column: String,
    /// The declared type the cells could not be read as.
    pub(crate) expected: String,
    /// A key column (period, unit, organisation number): its rows are left out.
    pub(crate) key: bool,
    /// How many.
    pub(crate) count: u64,
}

/// What the figures of an indicator left out.
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub(crate) struct Quality {
    /// Data rows in the files read.
    pub(crate) rows_read: u64,
    /// Rows left out because a key cell is missing or unreadable (or the
    /// organisation number fails MOD11).
    pub(crate) rows_excluded: u64,
    /// Cells of other columns the figure reads (values, weights, filter
    /// and breakdown columns) that could not be read: they count as missing.
    pub(crate) cells_unreadable: u64,
    /// Per file and column, where any.
    pub(crate) cells: Vec<Cells>,
}

/// The columns one source contributes to an indicator: name → is a key.
pub(super) type Used = BTreeMap<String, bool>;

/// The columns an indicator's plans read, per source, with whether each is
/// a key whose unreadable cells leave the row out.
pub(super) fn used_columns(
    ind: &Indicator,
    measure: &Measure,
    opened: &BTreeMap<&str, &Opened<'_>>,
    breakdowns: &[String],
) -> Result<BTreeMap<String, Used>> {
    let mut used: BTreeMap<String, Used> = BTreeMap::new();
    let mut sides = vec![measure];
    if let Some((n, d)) = measure.sides() {
        sides = vec![n, d];
    }
    for m in sides {
        let Some(id) = ind.source_of(m) else { continue };
        let Some(o) = opened.get(id.as_str()) else {
            continue;
        };
        let src = o.source;
        let entry = used.entry(id.clone()).or_default();
        for b in breakdowns {
            for c in plan::needed_columns(o, m, b)? {
                entry.entry(c).or_insert(false);
            }
        }
        let mut keys = vec![Some(src.period_column.as_str()), m.distinct()];
        keys.push(
            src.columns
                .iter()
                .find(|c| c.ty == ColumnType::Orgnr)
                .map(|c| c.name.as_str()),
        );
        match m.measure_kind() {
            MeasureKind::ShareOfUnits => keys.push(src.municipality_column()),
            MeasureKind::SurveyShare => keys.push(src.column_with_role(Role::Respondent)),
            _ => {}
        }
        for k in keys.into_iter().flatten() {
            entry.insert(k.to_string(), true);
        }
    }
    if let Some(w) = measure.weight_by()
        && let Some(o) = opened.get(w)
    {
        let entry = used.entry(w.to_string()).or_default();
        entry.insert(o.source.period_column.clone(), true);
        if let Some(mc) = o.source.municipality_column() {
            entry.insert(mc.to_string(), true);
        }
    }
    // Text columns always read; only typed columns (and the period) can fail.
    for (id, cols) in &mut used {
        if let Some(o) = opened.get(id.as_str()) {
            let src = o.source;
            cols.retain(|c, _| {
                *c == src.period_column
                    || src.column_type(c).is_some_and(|t| t != ColumnType::Text)
            });
        }
    }
    Ok(used)
}

/// The counting plan of one source for one indicator: per file the rows,
/// the rows with an unreadable key and each used column's unreadable cells.
pub(super) fn plan(opened: &Opened<'_>, used: &Used) -> Result<LazyFrame> {
    let (base, _) = opened.base()?;
    let mut aggs = vec![len().cast(DataType::UInt64).alias("_rows")];
    let mut any_key: Option<Expr> = None;
    for (c, key) in used {
        let flag = col(bad_flag(c));
        if *key {
            any_key = Some(any_key.map_or_else(|| flag.clone(), |a| a.or(flag.clone())));
        }
        aggs.push(flag.cast(DataType::UInt64).sum().alias(c.as_str()));
    }
    let excluded = any_key.map_or_else(|| lit(0_u64), |a| a.cast(DataType::UInt64).sum());
    aggs.push(excluded.alias("_excluded"));
    Ok(base
        .group_by([col(FILE)])
        .agg(aggs)
        .sort([FILE], SortMultipleOptions::default()))
}

/// Adds one source's collected counting frame to `q`.
pub(super) fn read(
    q: &mut Quality,
    opened: &Opened<'_>,
    used: &Used,
    df: &DataFrame,
) -> PolarsResult<()> {
    let u64s = |name: &str| -> PolarsResult<Vec<u64>> {
        Ok(df
            .column(name)?
            .cast(&DataType::UInt64)?
            .u64()?
            .iter()
            .map(|v| v.unwrap_or(0))
            .collect())
    };
    let files = u64s(FILE)?;
    let rows = u64s("_rows")?;
    let excluded = u64s("_excluded")?;
    q.rows_read += rows.iter().sum::<u64>();
    q.rows_excluded += excluded.iter().sum::<u64>();
    let src = opened.source;
    for (c, key) in used {
        for (file, count) in files.iter().zip(u64s(c)?) {
            if count == 0 {
                continue;
            }
            if !key {
                q.cells_unreadable += count;
            }
            let path = usize::try_from(*file)
                .ok()
                .and_then(|i| opened.files.get(i))
                .map(|f| f.path.clone())
                .unwrap_or_default();
            q.cells.push(Cells {
                source: src.id().to_string(),
                file: path,
                column: c.clone(),
                expected: if *c == src.period_column {
                    format!("{} period", src.granularity.as_str())
                } else {
                    src.column_type(c)
                        .map_or("text", ColumnType::as_str)
                        .to_string()
                },
                key: *key,
                count,
            });
        }
    }
    Ok(())
}

/// The first count that makes the indicator fail: a key column past the
/// source's threshold (invalid organisation numbers a source excludes are
/// tolerated), or under `strict` any count at all.
pub(super) fn violation<'q>(
    q: &'q Quality,
    opened: &BTreeMap<String, &Opened<'_>>,
    strict: bool,
) -> Option<&'q Cells> {
    let mut per_column: BTreeMap<(&str, &str), u64> = BTreeMap::new();
    for c in &q.cells {
        *per_column
            .entry((c.source.as_str(), c.column.as_str()))
            .or_default() += c.count;
    }
    q.cells.iter().find(|c| {
        if strict {
            return true;
        }
        if !c.key {
            return false;
        }
        let Some(o) = opened.get(&c.source) else {
            return true;
        };
        let src = o.source;
        if src.column_type(&c.column) == Some(ColumnType::Orgnr)
            && src.invalid_orgnr == InvalidOrgnr::Exclude
        {
            return false;
        }
        let total = per_column
            .get(&(c.source.as_str(), c.column.as_str()))
            .copied()
            .unwrap_or(0);
        total > src.max_unreadable_keys.allowed(q.rows_read)
    })
}
