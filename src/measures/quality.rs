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
    /// A key without a match in a looked-up source or code table.
    pub(crate) unmatched: bool,
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
    /// Keys without a match in a looked-up source or code table.
    pub(crate) unmatched: u64,
    /// Per file and column, where any.
    pub(crate) cells: Vec<Cells>,
    /// Data rows read per source (for shares in thresholds).
    #[serde(skip)]
    pub(crate) rows_per_source: BTreeMap<String, u64>,
}

/// What one counted flag column stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Counted {
    /// The column the cells are in.
    pub(super) column: String,
    /// A key: its unreadable cells leave the row out.
    pub(super) key: bool,
    /// A key that found no match (a join, a code table) rather than a cell
    /// that could not be read.
    pub(super) unmatched: bool,
}

/// The flag columns one source contributes to an indicator's counts, by
/// flag column name.
pub(super) type Used = BTreeMap<String, Counted>;

/// The columns an indicator's plans read, per source, with whether each is
/// a key whose unreadable cells leave the row out.
pub(super) fn used_columns(
    ind: &Indicator,
    measure: &Measure,
    opened: &BTreeMap<&str, &Opened<'_>>,
    breakdowns: &[String],
) -> Result<BTreeMap<String, Used>> {
    let mut read: BTreeMap<String, BTreeMap<String, bool>> = BTreeMap::new();
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
        let entry = read.entry(id.clone()).or_default();
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
        let entry = read.entry(w.to_string()).or_default();
        entry.insert(o.source.period_column.clone(), true);
        if let Some(mc) = o.source.municipality_column() {
            entry.insert(mc.to_string(), true);
        }
    }
    let mut used = BTreeMap::new();
    for (id, cols) in read {
        if let Some(o) = opened.get(id.as_str()) {
            used.insert(id, counted(o, &cols));
        }
    }
    Ok(used)
}

/// The flag columns of the columns a source contributes: `<column>__bad`
/// for typed columns read from its files and the period, and the
/// unmatched-key flags of looked-up and harmonised columns.
fn counted(o: &Opened<'_>, cols: &BTreeMap<String, bool>) -> Used {
    let src = o.source;
    let mut used = Used::new();
    for (c, key) in cols {
        let in_file = src
            .columns
            .iter()
            .any(|d| d.name == *c && d.ty != ColumnType::Text);
        let is_period = !c.is_empty() && *c == src.period_column;
        if in_file || is_period {
            let counted = Counted {
                column: c.clone(),
                key: *key,
                unmatched: false,
            };
            used.insert(bad_flag(c), counted);
        }
    }
    let names: Vec<&str> = cols.keys().map(String::as_str).collect();
    for flag in src.unmatched_flags(&names) {
        let counted = Counted {
            column: flag.trim_start_matches("_unmatched_").to_string(),
            key: false,
            unmatched: true,
        };
        used.insert(flag, counted);
    }
    used
}

/// The counting plan of one source for one indicator: per file the rows,
/// the rows with an unreadable key and each flag's count.
pub(super) fn plan(opened: &Opened<'_>, used: &Used) -> Result<LazyFrame> {
    let (base, _) = opened.base()?;
    let mut aggs = vec![len().cast(DataType::UInt64).alias("_rows")];
    let mut any_key: Option<Expr> = None;
    for (flag, c) in used {
        let f = col(flag.as_str());
        if c.key {
            any_key = Some(any_key.map_or_else(|| f.clone(), |a| a.or(f.clone())));
        }
        aggs.push(f.cast(DataType::UInt64).sum().alias(flag.as_str()));
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
    *q.rows_per_source
        .entry(opened.source.id().to_string())
        .or_default() += rows.iter().sum::<u64>();
    q.rows_excluded += excluded.iter().sum::<u64>();
    let src = opened.source;
    for (flag, c) in used {
        for (file, count) in files.iter().zip(u64s(flag)?) {
            if count == 0 {
                continue;
            }
            if c.unmatched {
                q.unmatched += count;
            } else if !c.key {
                q.cells_unreadable += count;
            }
            let path = usize::try_from(*file)
                .ok()
                .and_then(|i| opened.files.get(i))
                .map(|f| f.path.clone())
                .unwrap_or_default();
            let expected = if c.unmatched {
                "a key with a match".to_string()
            } else if c.column == src.period_column {
                format!("a {} period", src.granularity.as_str())
            } else {
                src.column_type(&c.column)
                    .map_or("text", ColumnType::as_str)
                    .to_string()
            };
            q.cells.push(Cells {
                source: src.id().to_string(),
                file: path,
                column: c.column.clone(),
                expected,
                key: c.key,
                unmatched: c.unmatched,
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
        let rows = q.rows_per_source.get(&c.source).copied().unwrap_or(0);
        total > src.max_unreadable_keys.allowed(rows)
    })
}
