//! Columns looked up in snapshot sources (`enrich`) and harmonised codes
//! (`harmonise: sn2025`), added to a source's lazy frame.
//!
//! A lookup is a lazy left join on the key (after the snapshot's keys are
//! checked unique when the source is opened), so it never multiplies rows;
//! `_unmatched_<from>` is true where the row has a key the snapshot lacks.
//! A harmonised column holds the SN2025 code, `<name>_original` the code as
//! delivered, and `_unmatched_sn2025_<name>` is true where the code is in
//! neither column of the shipped table (the code is then kept as it is).

use anyhow::{Result, bail};
use polars::prelude::*;

use super::{FILE, FrameOptions, MONTH, Opened, ROW, YEAR, industry};
use crate::definitions::{Enrich, ORIGINAL_SUFFIX, Snapshot};

const KEY: &str = "__enrich_key";
const HIT: &str = "__enrich_hit";
const CODE: &str = "__harmonise_code";
const TARGET: &str = "__harmonise_to";

/// `_y` and `_m` of a snapshot source: the year of its as-of date (its
/// rows belong to that year's period).
pub(super) fn snapshot_period(s: &Snapshot) -> [Expr; 2] {
    [lit(s.as_of.year).alias(YEAR), lit(1_i8).alias(MONTH)]
}

/// The flag column of a harmonised column.
pub(crate) fn unmapped_column(name: &str) -> String {
    crate::definitions::harmonise_flag(name)
}

impl Opened<'_> {
    /// `lf` (a frame of the declared columns `read`) with the looked-up
    /// columns of every `enrich` whose key it has (and their
    /// `_unmatched_<from>` flag) and its harmonised columns.
    ///
    /// # Errors
    /// When the snapshot's frame cannot be set up.
    pub(super) fn enriched(&self, mut lf: LazyFrame, read: &[&str]) -> Result<LazyFrame> {
        for (e, lookup) in self.source.enrich.iter().zip(&self.lookups) {
            if read.contains(&e.on.as_str()) {
                lf = join(lf, e, lookup)?;
            }
        }
        for c in &self.source.columns {
            if c.harmonise.is_some() && read.contains(&c.name.as_str()) {
                lf = harmonise(lf, &c.name);
            }
        }
        Ok(lf)
    }
}

/// A left join that keeps the left rows in their order (audits report the
/// first rows with a problem) and drops the right key.
fn left_join() -> JoinArgs {
    let mut args = JoinArgs::new(JoinType::Left).with_coalesce(JoinCoalesce::CoalesceColumns);
    args.maintain_order = MaintainOrderJoin::Left;
    args
}

/// The lazy left join of one `enrich`.
fn join(lf: LazyFrame, e: &Enrich, lookup: &Opened<'_>) -> Result<LazyFrame> {
    let names: Vec<&str> = e.columns.iter().map(|c| c.name.as_str()).collect();
    let right = lookup.frame(&names, FrameOptions::default())?;
    let mut select = vec![col(e.from_on.as_str()).alias(KEY)];
    let mut flags = Vec::new();
    for c in &e.columns {
        select.push(col(c.name.as_str()));
        if c.harmonise.is_some() {
            select.push(col(format!("{}{ORIGINAL_SUFFIX}", c.name)));
            let flag = unmapped_column(&c.name);
            select.push(col(flag.as_str()));
            flags.push(flag);
        }
    }
    select.push(lit(true).alias(HIT));
    let right = right.select(select).filter(col(KEY).is_not_null());
    let on = col(e.on.as_str());
    let mut fixes = vec![
        on.clone()
            .is_not_null()
            .and(col(HIT).is_null())
            .alias(e.unmatched_column()),
    ];
    fixes.extend(flags.iter().map(|f| col(f.as_str()).fill_null(lit(false))));
    Ok(lf
        .join(right, [on], [col(KEY)], left_join())
        .with_columns(fixes)
        .drop(cols([HIT])))
}

/// Harmonises `name` onto SN2025 with the shipped table.
fn harmonise(lf: LazyFrame, name: &str) -> LazyFrame {
    let (from, to): (Vec<String>, Vec<String>) = industry::sn2025_map().into_iter().unzip();
    let table = DataFrame::new_infer_height(vec![
        Column::new(PlSmallStr::from_static(CODE), from),
        Column::new(PlSmallStr::from_static(TARGET), to),
    ]);
    let Ok(table) = table else {
        return lf;
    };
    let c = col(name);
    lf.join(table.lazy(), [c.clone()], [col(CODE)], left_join())
        .with_columns([
            c.clone().alias(format!("{name}{ORIGINAL_SUFFIX}")),
            when(col(TARGET).is_not_null())
                .then(col(TARGET))
                .otherwise(c.clone())
                .alias(name),
            c.is_not_null()
                .and(col(TARGET).is_null())
                .alias(unmapped_column(name)),
        ])
        .drop(cols([TARGET]))
}

/// Fails when a key appears more than once in the snapshot `lookup`
/// (a lookup must not multiply rows), naming the file and lines.
///
/// # Errors
/// A duplicated key, or the snapshot cannot be read.
pub(super) fn check_unique_key(lookup: &Opened<'_>, key: &str, enriched: &str) -> Result<()> {
    let opts = FrameOptions {
        row_index: true,
        ..FrameOptions::default()
    };
    let dups = lookup
        .frame(&[key], opts)?
        .filter(col(key).is_not_null())
        .group_by_stable([col(key)])
        .agg([
            len().alias("n"),
            col(FILE).first().alias("f1"),
            col(ROW).first().alias("r1"),
            col(FILE).last().alias("f2"),
            col(ROW).last().alias("r2"),
        ])
        .filter(col("n").gt(lit(1)))
        .select([
            col("n").cast(DataType::UInt64),
            col("f1").cast(DataType::UInt32),
            col("f2").cast(DataType::UInt32),
            col("r1").cast(DataType::UInt64),
            col("r2").cast(DataType::UInt64),
            col("n").count().cast(DataType::UInt64).alias("keys"),
        ])
        .limit(1)
        .collect()?;
    if dups.height() == 0 {
        return Ok(());
    }
    let get = |c: &str| -> Result<u64> {
        let s = dups.column(c)?.cast(&DataType::UInt64)?;
        Ok(s.u64()?.get(0).unwrap_or(0))
    };
    let file = |c: &str| -> Result<&super::FileInfo> {
        let i = usize::try_from(get(c)?).unwrap_or(usize::MAX);
        lookup
            .files
            .get(i)
            .ok_or_else(|| anyhow::anyhow!("source `{}`: duplicated key", lookup.source.id()))
    };
    let (first, last) = (file("f1")?, file("f2")?);
    let (n, keys) = (get("n")?, get("keys")?);
    let index = |c: &str| -> Result<usize> { Ok(usize::try_from(get(c)?).unwrap_or(0)) };
    let (l1, l2) = (
        lookup.line_of(index("f1")?, get("r1")?),
        lookup.line_of(index("f2")?, get("r2")?),
    );
    bail!(
        "{}:{l1}: source `{}` cannot enrich `{enriched}`: the key column `{key}` is not unique: \
         {keys} key value(s) appear more than once; the first of them appears {n} times, \
         first on line {l1}, last on line {l2} of {}. A lookup must not multiply rows: \
         remove the duplicate rows",
        first.path.display(),
        lookup.source.id(),
        last.path.display(),
    )
}
