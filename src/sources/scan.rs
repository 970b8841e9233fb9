//! Reading a source as one lazy frame: the one `LazyCsvReader` builder per
//! file, wide tables turned long, typed columns and `_y`/`_m`, the files
//! stacked, and the frame every plan of a run shares.

use std::sync::Arc;

use anyhow::{Context, Result, anyhow, bail};
use polars::prelude::*;

use super::calendar::Stages;
use super::discover::year_columns;
use super::typed::{orgnr_check, period_exprs, typed};
use super::{Dialect, FILE, FileInfo, MONTH, Opened, ROW, ReadFrom, YEAR, cache};
use crate::definitions::{ColumnType, Granularity};

/// Options for [`Opened::frame`].
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct FrameOptions {
    /// Add `_file` and `_row` (for line numbers).
    pub(crate) row_index: bool,
    /// Keep the raw text of each column as `<name>__raw` (for audits).
    pub(crate) keep_raw: bool,
    /// Keep rows whose organisation number fails MOD11 (audits).
    pub(crate) keep_invalid_orgnr: bool,
}

impl FrameOptions {
    /// Whether the frame carries the `<column>__bad` flags: the frame every
    /// plan shares (and the extract cache) does; audits have their own.
    pub(super) fn flags(self) -> bool {
        !self.row_index && !self.keep_raw && !self.keep_invalid_orgnr
    }
}

/// The name of the flag column that is true where `column`'s cell could not
/// be read (present, not an SSB symbol, but no value came out).
pub(crate) fn bad_flag(column: &str) -> String {
    format!("{column}__bad")
}

/// True where the raw cell of `name` holds something that is not an SSB
/// symbol but `value` (its typed value) is null. When the CSV reader parsed
/// the column itself (`by_reader`) the raw text is gone: a null value is
/// then counted as unreadable (an empty cell included).
fn unreadable(name: &str, by_reader: bool, value: Expr) -> Expr {
    if by_reader {
        return value.is_null();
    }
    let t = super::typed::trimmed(col(name));
    let symbol = t.clone().is_in(
        lit(Series::new(
            PlSmallStr::from_static("s"),
            super::NULL_SYMBOLS.to_vec(),
        )),
        false,
    );
    t.clone()
        .is_not_null()
        .and(t.neq(lit("")))
        .and(symbol.not())
        .and(value.is_null())
}

impl Opened<'_> {
    /// A lazy frame over every file with the requested declared columns
    /// (plus the period and organisation-number columns), typed, and `_y`/`_m`.
    ///
    /// # Errors
    /// A column is not declared, or polars cannot set up the scan.
    pub(crate) fn frame(&self, columns: &[&str], opts: FrameOptions) -> Result<LazyFrame> {
        if !opts.flags() {
            // Lookups in snapshot sources and harmonised codes.
            return self.enriched(self.build_frame(columns, opts)?, columns);
        }
        // Every plan of a run reads the source through one and the same
        // frame of all declared columns, so polars sees one scan that the
        // plans share (common subplan elimination), and projection pushdown
        // still reads only the columns some plan uses.
        for c in columns {
            self.ensure_declared(c)?;
        }
        if let Some(lf) = self.shared.get() {
            return Ok(lf.clone());
        }
        let (base, orgnr_col) = self.base()?;
        // No select here: a select would make the plans differ; polars'
        // projection pushdown drops the columns nobody uses.
        let lf = match orgnr_col {
            // Rows whose organisation number is empty or fails MOD11 are
            // excluded (counted per indicator; the audit lists the lines).
            Some(o) => base.filter(col(o.as_str()).is_not_null()),
            None => base,
        };
        let _ = self.shared.set(lf.clone());
        Ok(lf)
    }

    /// The shared frame before rows with an invalid organisation number are
    /// left out, with `_file` and the `<column>__bad` flags: what the counts
    /// of unreadable cells are taken from, in the same scan as the figures.
    /// Also the name of the organisation-number column, if any.
    ///
    /// # Errors
    /// Polars cannot set up the scan.
    pub(crate) fn base(&self) -> Result<(LazyFrame, Option<String>)> {
        let all = self.declared();
        let (_, orgnr_col) = self.wanted_columns(&all)?;
        if let Some(lf) = self.base.get() {
            return Ok((lf.clone(), orgnr_col));
        }
        // Lookups in snapshot sources and harmonised codes.
        let lf = self.enriched(self.stacked(&all, FrameOptions::default())?, &all)?;
        let _ = self.base.set(lf.clone());
        Ok((lf, orgnr_col))
    }

    fn build_frame(&self, columns: &[&str], opts: FrameOptions) -> Result<LazyFrame> {
        let (_, orgnr_col) = self.wanted_columns(columns)?;
        let lf = self.stacked(columns, opts)?;
        Ok(match orgnr_col {
            Some(o) if !opts.keep_invalid_orgnr => lf.filter(col(o.as_str()).is_not_null()),
            _ => lf,
        })
    }

    /// The typed frames of every file (through the extract cache where it
    /// applies), stacked; with `_file` on the shared frame.
    fn stacked(&self, columns: &[&str], opts: FrameOptions) -> Result<LazyFrame> {
        let (wanted, _) = self.wanted_columns(columns)?;
        let mut frames = Vec::new();
        for run in self.runs() {
            if run.len() > 1 {
                frames.push(self.typed_run(run, &wanted, opts)?);
                continue;
            }
            let (i, file) = (run.start, &self.files[run.start]);
            let typed = self.typed_file(i, file, &wanted, opts)?;
            frames.push(if opts.flags() {
                cache::frame(file, self.source, &wanted, typed)?
                    .with_column(lit(i as u32).alias(FILE))
            } else {
                typed
            });
        }
        Ok(if frames.len() == 1 {
            frames.pop().ok_or_else(|| anyhow!("no frames"))?
        } else {
            concat(frames, UnionArgs::default())?
        })
    }

    /// Fails when the source does not declare `column`.
    fn ensure_declared(&self, column: &str) -> Result<()> {
        // `column()` also knows enriched and `_original` columns.
        if self.source.column(column).is_some() {
            return Ok(());
        }
        bail!(
            "column `{column}` is not declared by source `{}` ({})",
            self.source.id(),
            self.source.path.display()
        )
    }

    /// The declared columns a frame of `columns` reads, in order: those
    /// asked for, the period column and the organisation-number column
    /// (returned apart as well).
    fn wanted_columns(&self, columns: &[&str]) -> Result<(Vec<&str>, Option<String>)> {
        let def = self.source;
        let mut wanted: Vec<&str> = Vec::new();
        let mut push = |n: &str| {
            if let Some(c) = def.columns.iter().find(|c| c.name == n)
                && !wanted.contains(&c.name.as_str())
            {
                wanted.push(c.name.as_str());
            }
        };
        for c in columns {
            self.ensure_declared(c)?;
            push(c);
        }
        push(&def.period_column);
        let orgnr_col = def
            .columns
            .iter()
            .find(|c| c.ty == ColumnType::Orgnr)
            .map(|c| c.name.clone());
        if let Some(o) = &orgnr_col {
            push(o);
        }
        Ok((wanted, orgnr_col))
    }

    /// The names of every column the source declares, in order.
    pub(super) fn declared(&self) -> Vec<&str> {
        self.source
            .columns
            .iter()
            .map(|c| c.name.as_str())
            .collect()
    }

    /// The columns of the shared frame every plan reads (all declared
    /// columns), as the extract cache keys them.
    pub(super) fn shared_columns(&self) -> Vec<&str> {
        let all = self.declared();
        self.wanted_columns(&all).map(|(w, _)| w).unwrap_or(all)
    }

    /// One file's frame, typed.
    pub(super) fn typed_file(
        &self,
        index: usize,
        file: &FileInfo,
        wanted: &[&str],
        opts: FrameOptions,
    ) -> Result<LazyFrame> {
        self.typed(
            self.file_frame(index, file, wanted, opts)?,
            file,
            wanted,
            opts,
        )
    }

    /// Typed columns of one file's raw frame, and `_y`/`_m`.
    pub(super) fn typed(
        &self,
        lf: LazyFrame,
        file: &FileInfo,
        wanted: &[&str],
        opts: FrameOptions,
    ) -> Result<LazyFrame> {
        let def = self.source;
        let flags = opts.flags();
        let mut exprs = Vec::new();
        let mut st = Stages::new("_typed");
        for name in wanted {
            let c = def
                .columns
                .iter()
                .find(|c| c.name == *name)
                .ok_or_else(|| anyhow!("column {name}"))?;
            let ty = c.ty;
            let reader = self.reader_type(name, opts);
            let e = match reader {
                // Parsed by the CSV reader already: only the MOD11 check remains.
                Some(DataType::Int64) => orgnr_check(col(*name)),
                Some(_) => col(*name),
                None => typed(&mut st, col(*name), ty, file.dialect.decimal_comma),
            };
            if flags && ty != ColumnType::Text && *name != def.period_column {
                exprs.push(unreadable(name, reader.is_some(), e.clone()).alias(bad_flag(name)));
            }
            exprs.push(e.alias(*name));
            if opts.keep_raw {
                exprs.push(col(*name).alias(format!("{name}__raw")));
            }
        }
        // A snapshot: `_y`/`_m` from the as-of date.
        if let Some(s) = &def.snapshot {
            exprs.extend(super::enrich::snapshot_period(s));
            return Ok(st.drop(st.apply(lf).with_columns(exprs)));
        }
        let period_col = col(def.period_column.as_str());
        let period_by_reader = self.reader_type(&def.period_column, opts).is_some();
        let (y, m) = if period_by_reader {
            (
                period_col.clone().dt().year().cast(DataType::Int32),
                period_col.dt().month().cast(DataType::Int8),
            )
        } else {
            period_exprs(&mut st, period_col, self.source.granularity)
        };
        if flags {
            // The period column is unreadable where no period comes out of it.
            exprs.push(
                unreadable(&def.period_column, period_by_reader, y.clone())
                    .alias(bad_flag(&def.period_column)),
            );
        }
        exprs.push(y.alias(YEAR));
        exprs.push(m.alias(MONTH));
        Ok(st.drop(st.apply(lf).with_columns(exprs)))
    }

    /// The type the CSV reader parses a column as, when not text. Only when
    /// the raw text is not needed (audits keep it): organisation numbers as
    /// integers and a day period as dates, the two columns large logs have;
    /// the period only when every file's head holds plain `YYYY-MM-DD`
    /// dates (ISO timestamps are read as text and turned into the Oslo date
    /// by `typed`). Values the reader cannot parse become null and are left
    /// out, as the expression path would; `ehelse sources` reports them with
    /// line numbers.
    fn reader_type(&self, name: &str, opts: FrameOptions) -> Option<DataType> {
        if opts.keep_raw {
            return None;
        }
        let def = self.source;
        let c = def.columns.iter().find(|c| c.name == name)?;
        match Some(c.ty)? {
            ColumnType::Orgnr => Some(DataType::Int64),
            ColumnType::Date
                if def.period_column == name
                    && self.source.granularity == Granularity::Day
                    && self.files.iter().all(|f| f.dialect.plain_dates) =>
            {
                Some(DataType::Date)
            }
            _ => None,
        }
    }

    fn file_frame(
        &self,
        index: usize,
        file: &FileInfo,
        wanted: &[&str],
        opts: FrameOptions,
    ) -> Result<LazyFrame> {
        let reader = match &file.read {
            ReadFrom::Path(p) => LazyCsvReader::new(PlRefPath::new(p.to_string_lossy().as_ref())),
            ReadFrom::Memory(b) => {
                LazyCsvReader::new_with_sources(ScanSources::Buffers(Arc::from([b.clone()])))
            }
        };
        let d = &file.dialect;
        let reader = self.configure(reader, d, wanted, opts);
        let mut lf = reader
            .finish()
            .map_err(anyhow::Error::from)
            .with_context(|| format!("scanning {}", file.path.display()))?;
        if self.source.wide.is_some() {
            lf = self.wide_to_long(lf, d, opts)?;
        }
        let mut select: Vec<Expr> = wanted.iter().map(|n| col(*n)).collect();
        if opts.row_index {
            select.push(col(ROW).cast(DataType::UInt64));
            select.push(lit(index as u32).alias(FILE));
        }
        Ok(lf.select(select))
    }

    /// The reader's options for files of dialect `d`.
    pub(super) fn configure(
        &self,
        reader: LazyCsvReader,
        d: &Dialect,
        wanted: &[&str],
        opts: FrameOptions,
    ) -> LazyCsvReader {
        let mut overwrites = Schema::default();
        for name in wanted {
            if let Some(t) = self.reader_type(name, opts) {
                overwrites.with_column(PlSmallStr::from(*name), t);
            }
        }
        let has_overwrites = !overwrites.is_empty();
        let mut reader = reader
            .with_separator(d.separator)
            .with_has_header(true)
            .with_skip_lines(d.skip_lines)
            .with_skip_rows_after_header(d.skip_after_header)
            .with_infer_schema_length(Some(0))
            .with_dtype_overwrite(Some(Arc::new(overwrites)))
            .with_ignore_errors(has_overwrites)
            .with_truncate_ragged_lines(true)
            .with_missing_is_null(true);
        if opts.row_index {
            reader = reader.with_row_index(Some(RowIndex {
                name: PlSmallStr::from_static(ROW),
                offset: 0,
            }));
        }
        reader
    }

    /// Wide → long: one select per year column, stacked (a lazy unpivot).
    fn wide_to_long(&self, lf: LazyFrame, d: &Dialect, opts: FrameOptions) -> Result<LazyFrame> {
        let def = self.source;
        let Some(w) = &def.wide else {
            return Ok(lf);
        };
        let years = year_columns(def, d);
        let index_cols: Vec<PlSmallStr> = d
            .header
            .iter()
            .filter(|h| def.columns.iter().any(|c| &c.name == *h))
            .map(|h| PlSmallStr::from(h.as_str()))
            .chain(opts.row_index.then(|| PlSmallStr::from_static(ROW)))
            .collect();
        let parts: Vec<LazyFrame> = years
            .iter()
            .map(|(header, year)| {
                let mut cols: Vec<Expr> = index_cols.iter().map(|c| col(c.clone())).collect();
                // The key is the year the header names (`Personer 2024` → `2024`).
                cols.push(lit(year.as_str()).alias(w.key.as_str()));
                cols.push(col(header.as_str()).alias(w.value.as_str()));
                lf.clone().select(cols)
            })
            .collect();
        Ok(concat(parts, UnionArgs::default())?)
    }
}
