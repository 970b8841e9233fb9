//! Many files of one source read by one scan. A source split into hundreds
//! of files (a log delivered per day, say) would otherwise give the
//! streaming engine one scan per file, and its work grows with the square
//! of the number of nodes (500 files: 47 s). Consecutive files read the same
//! way (same dialect and header, from disk, not through the extract cache,
//! not wide) form a *run* of [`MIN_RUN`] or more files, read by one
//! `LazyCsvReader` over all their paths.
//!
//! The reader numbers rows across the run, so a row number of a run is
//! turned into the file's own row with the row counts of the structure
//! check ([`super::structure::Shape::rows`]), and the file index comes from
//! the path polars reports per row, looked up in a small table.

use std::ops::Range;

use anyhow::{Context, Result};
use polars::prelude::*;

use super::{Dialect, FILE, FileInfo, FrameOptions, Opened, ROW, ReadFrom, cache};

/// The fewest consecutive files read by one scan.
pub(super) const MIN_RUN: usize = 4;

/// The column the reader puts each row's file path in (dropped again).
const PATH: &str = "_path";

/// Whether two dialects read the same way.
fn same_reading(a: &Dialect, b: &Dialect) -> bool {
    a.encoding == b.encoding
        && a.bom == b.bom
        && a.separator == b.separator
        && a.decimal_comma == b.decimal_comma
        && a.skip_lines == b.skip_lines
        && a.skip_after_header == b.skip_after_header
        && a.header == b.header
}

/// Whether `file` may be part of a run at all.
fn runnable(file: &FileInfo) -> bool {
    matches!(file.read, ReadFrom::Path(_)) && !cache::applies(file)
}

impl Opened<'_> {
    /// The files in order, as runs: ranges of file indices read by one scan
    /// (one file each, or [`MIN_RUN`] or more read the same way).
    pub(super) fn runs(&self) -> Vec<Range<usize>> {
        let mut out: Vec<Range<usize>> = Vec::new();
        let mut start = 0;
        while start < self.files.len() {
            let first = &self.files[start];
            let mut end = start + 1;
            if self.source.wide.is_none() && runnable(first) {
                while end < self.files.len()
                    && runnable(&self.files[end])
                    && same_reading(&first.dialect, &self.files[end].dialect)
                {
                    end += 1;
                }
            }
            if end - start >= MIN_RUN {
                out.push(start..end);
            } else {
                out.extend((start..end).map(|i| i..i + 1));
            }
            start = end;
        }
        out
    }

    /// The typed frame of a run of files, with `_file` (and `_row`, the
    /// row within the run) where the options ask for them.
    pub(super) fn typed_run(
        &self,
        run: Range<usize>,
        wanted: &[&str],
        opts: FrameOptions,
    ) -> Result<LazyFrame> {
        let first = &self.files[run.start];
        let paths: Vec<String> = self.files[run.clone()]
            .iter()
            .map(|f| match &f.read {
                ReadFrom::Path(p) => p.to_string_lossy().into_owned(),
                ReadFrom::Memory(_) => String::new(),
            })
            .collect();
        let sources = paths.iter().map(|p| PlRefPath::new(p.as_str()));
        let with_file = opts.row_index || opts.flags();
        let reader = LazyCsvReader::new_paths(sources.collect())
            .with_include_file_paths(with_file.then(|| PlSmallStr::from_static(PATH)));
        let mut lf = self
            .configure(reader, &first.dialect, wanted, opts)
            .finish()
            .map_err(anyhow::Error::from)
            .with_context(|| format!("scanning {} and the files after it", first.path.display()))?;
        let mut select: Vec<Expr> = wanted.iter().map(|n| col(*n)).collect();
        if with_file {
            let index: Vec<u32> = run.clone().map(|i| i as u32).collect();
            let table = DataFrame::new_infer_height(vec![
                Column::new(PlSmallStr::from_static(PATH), paths),
                Column::new(PlSmallStr::from_static(FILE), index),
            ])?;
            let mut args = JoinArgs::new(JoinType::Left);
            args.maintain_order = MaintainOrderJoin::Left;
            lf = lf.join(table.lazy(), [col(PATH)], [col(PATH)], args);
            select.push(col(FILE));
        }
        if opts.row_index {
            select.push(col(ROW).cast(DataType::UInt64));
        }
        self.typed(lf.select(select), first, wanted, opts)
    }

    /// The line (1-based) in file `file` of row `row` as a frame numbers it:
    /// within the file, or within its run.
    pub(crate) fn line_of(&self, file: usize, row: u64) -> u64 {
        let run = self
            .runs()
            .into_iter()
            .find(|r| r.contains(&file))
            .unwrap_or(file..file + 1);
        let before: u64 = self.files[run.start..file].iter().map(FileInfo::rows).sum();
        self.files[file].line_of_row(row.saturating_sub(before))
    }
}
