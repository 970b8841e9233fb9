//! Sources: declared CSV extracts as polars lazy frames with typed columns,
//! SSB symbols turned into nulls (counted), codes padded, organisation
//! numbers checked (MOD11), and the period split into `_y` (year) and `_m`
//! (first month of the period).

mod audit;
mod dialect;
mod extracts;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::thread::JoinHandle;

use anyhow::{Context, Result, anyhow, bail};
use polars::prelude::*;

pub use audit::{Audit, ColumnAudit, Problem, audit, check_rejected_orgnr};
pub(crate) use dialect::{Dialect, Encoding, cache_dir};

use crate::definitions::{ColumnType, Granularity, Source};

/// SSB symbols that mean "no number here" (`-` is a true zero and handled apart).
pub const NULL_SYMBOLS: [&str; 5] = [".", "..", "...", ":", "*"];

/// Column with the period's year.
pub const YEAR: &str = "_y";
/// Column with the period's first month (1 for annual data).
pub const MONTH: &str = "_m";
/// Column with the 0-based index of the file within the source.
pub const FILE: &str = "_file";
/// Column with the 0-based data-row index within its file.
pub const ROW: &str = "_row";

/// One file of a source.
#[derive(Debug)]
pub struct FileInfo {
    /// The file as found under the data folder.
    pub path: PathBuf,
    /// Size in bytes.
    pub bytes: u64,
    /// An earlier run has read this very file (same path, size and
    /// modification time): its SHA-256 was remembered.
    pub seen_before: bool,
    /// The dialect it is read with.
    pub dialect: Dialect,
    /// The UTF-8 file polars reads (a transcoded copy for Windows-1252).
    read_path: PathBuf,
    /// Hash computed in the background while plans run.
    hash: std::sync::Mutex<HashState>,
}

#[derive(Debug)]
enum HashState {
    Pending(Option<JoinHandle<std::io::Result<String>>>),
    Done(String),
}

impl FileInfo {
    /// SHA-256 of the file (waits for the background hash).
    pub fn sha256(&self) -> String {
        let mut state = self
            .hash
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if let HashState::Pending(handle) = &mut *state {
            let hash = handle
                .take()
                .and_then(|h| h.join().ok())
                .and_then(Result::ok)
                .unwrap_or_else(|| "unreadable".to_string());
            *state = HashState::Done(hash);
        }
        match &*state {
            HashState::Done(h) => h.clone(),
            HashState::Pending(_) => String::new(),
        }
    }

    /// The line number (1-based, in the original file) of data row `row`
    /// (0-based), assuming no line breaks inside quoted fields.
    pub fn line_of_row(&self, row: u64) -> u64 {
        (self.dialect.skip_lines + 1 + self.dialect.skip_after_header) as u64 + row + 1
    }
}

/// A source opened for reading: its files, dialects and checks of the header.
pub struct Opened<'a> {
    /// The definition.
    pub source: &'a Source,
    /// The files, sorted by path.
    pub files: Vec<FileInfo>,
    /// The frame every measure plan reads (all declared columns), built once.
    shared: std::sync::OnceLock<LazyFrame>,
}

impl std::fmt::Debug for Opened<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Opened")
            .field("source", &self.source.id())
            .field("files", &self.files)
            .finish_non_exhaustive()
    }
}

/// Finds and opens the files of a source under `data_dir`.
///
/// # Errors
/// No file matches, a file cannot be read, or a declared column is missing
/// from a file's header (the error names the file, line and column).
pub fn open<'a>(source: &'a Source, data_dir: &Path) -> Result<Opened<'a>> {
    let pattern = data_dir.join(&source.files);
    let pattern_text = pattern.to_string_lossy().into_owned();
    let mut paths: Vec<PathBuf> = glob::glob(&pattern_text)
        .with_context(|| format!("bad file pattern {pattern_text}"))?
        .filter_map(Result::ok)
        .filter(|p| p.is_file())
        .collect();
    paths.sort();
    if paths.is_empty() {
        bail!(
            "source `{}`: no file matches {} (defined in {})",
            source.id(),
            pattern_text,
            source.path.display()
        );
    }
    let mut files = Vec::new();
    for path in paths {
        let dialect = dialect::detect(&path, source)?;
        check_header(source, &path, &dialect)?;
        let bytes = std::fs::metadata(&path)
            .with_context(|| format!("reading {}", path.display()))?
            .len();
        // Asked before the hash below is started (which remembers it).
        let seen_before = hash_memo(&path).is_ok_and(|m| m.exists());
        let (read_path, hash) = if dialect.encoding == Encoding::Utf8 {
            let p = path.clone();
            let handle = std::thread::spawn(move || hash_file(&p));
            (path.clone(), HashState::Pending(Some(handle)))
        } else {
            let h = hash_file(&path).with_context(|| format!("reading {}", path.display()))?;
            (dialect::utf8_path(&path, &dialect, &h)?, HashState::Done(h))
        };
        files.push(FileInfo {
            path,
            bytes,
            seen_before,
            dialect,
            read_path,
            hash: std::sync::Mutex::new(hash),
        });
    }
    Ok(Opened {
        source,
        files,
        shared: std::sync::OnceLock::new(),
    })
}

/// SHA-256 of a file, remembered in the cache folder under the file's path,
/// size and modification time, so a large extract that has not changed is
/// not read twice across runs (the same rule `make` uses to see changes).
fn hash_file(path: &Path) -> std::io::Result<String> {
    let remembered = hash_memo(path)?;
    if let Ok(h) = std::fs::read_to_string(&remembered)
        && h.len() == 64
        && h.bytes().all(|b| b.is_ascii_hexdigit())
    {
        return Ok(h);
    }
    let h = hash_contents(path)?;
    // Best effort: a cache that cannot be written only costs time.
    if let Some(dir) = remembered.parent()
        && std::fs::create_dir_all(dir).is_ok()
        && let Ok(tmp) = tempfile::NamedTempFile::new_in(dir)
        && std::fs::write(tmp.path(), &h).is_ok()
    {
        let _ = tmp.persist(&remembered);
    }
    Ok(h)
}

/// Where the SHA-256 of `path` is remembered: keyed by its canonical path,
/// size and modification time (nanoseconds).
fn hash_memo(path: &Path) -> std::io::Result<PathBuf> {
    let (canonical, bytes, stamp) = identity(path)?;
    let key = crate::definitions::sha256_hex(
        format!("{}\0{bytes}\0{stamp}", canonical.display()).as_bytes(),
    );
    Ok(cache_dir().join("sha256").join(key))
}

/// What tells one version of a file from another without reading it: its
/// canonical path, size and modification time (nanoseconds since 1970).
fn identity(path: &Path) -> std::io::Result<(PathBuf, u64, u128)> {
    let meta = std::fs::metadata(path)?;
    let stamp = meta
        .modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos());
    let canonical = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    Ok((canonical, meta.len(), stamp))
}

fn hash_contents(path: &Path) -> std::io::Result<String> {
    use sha2::Digest;
    use std::io::Read;
    let mut f = std::fs::File::open(path)?;
    let mut hasher = sha2::Sha256::new();
    let mut buf = vec![0u8; 1 << 20];
    loop {
        let n = f.read(&mut buf)?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
    }
    Ok(hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect())
}

/// Columns of the source that come from the file header directly.
fn header_columns(source: &Source) -> Vec<&str> {
    source
        .columns
        .iter()
        .map(|c| c.name.as_str())
        .filter(|n| {
            source
                .wide
                .as_ref()
                .is_none_or(|w| *n != w.key && *n != w.value)
        })
        .collect()
}

fn year_columns(dialect: &Dialect) -> Vec<String> {
    dialect
        .header
        .iter()
        .filter(|h| h.len() == 4 && h.bytes().all(|b| b.is_ascii_digit()))
        .cloned()
        .collect()
}

fn check_header(source: &Source, path: &Path, dialect: &Dialect) -> Result<()> {
    let line = dialect.skip_lines + 1;
    for name in header_columns(source) {
        if !dialect.header.iter().any(|h| h == name) {
            bail!(
                "{}:{}: declared column `{}` of source `{}` is missing from the header (found: {})",
                path.display(),
                line,
                name,
                source.id(),
                dialect.header.join(", ")
            );
        }
    }
    if source.wide.is_some() && year_columns(dialect).is_empty() {
        bail!(
            "{}:{}: source `{}` is declared wide, but the header has no year columns",
            path.display(),
            line,
            source.id()
        );
    }
    Ok(())
}

/// Options for [`Opened::frame`].
#[derive(Debug, Clone, Copy, Default)]
pub struct FrameOptions {
    /// Add `_file` and `_row` (for line numbers).
    pub row_index: bool,
    /// Keep the raw text of each column as `<name>__raw` (for audits).
    pub keep_raw: bool,
    /// Keep rows whose organisation number fails MOD11 (audits).
    pub keep_invalid_orgnr: bool,
}

impl Opened<'_> {
    /// A lazy frame over every file with the requested declared columns
    /// (plus the period and organisation-number columns), typed, and `_y`/`_m`.
    ///
    /// # Errors
    /// A column is not declared, or polars cannot set up the scan.
    pub fn frame(&self, columns: &[&str], opts: FrameOptions) -> Result<LazyFrame> {
        if !opts.row_index && !opts.keep_raw && !opts.keep_invalid_orgnr {
            // Every plan of a run reads the source through one and the same
            // frame of all declared columns, so polars sees one scan that
            // the plans share (common subplan elimination), and projection
            // pushdown still reads only the columns some plan uses.
            let def = self.source;
            for c in columns {
                if def.columns.iter().all(|d| d.name != *c) {
                    bail!(
                        "column `{c}` is not declared by source `{}` ({})",
                        self.source.id(),
                        self.source.path.display()
                    );
                }
            }
            let shared = match self.shared.get() {
                Some(lf) => lf.clone(),
                None => {
                    let all: Vec<&str> = def.columns.iter().map(|c| c.name.as_str()).collect();
                    let lf = self.build_frame(&all, opts)?;
                    let _ = self.shared.set(lf.clone());
                    lf
                }
            };
            // No select here: a select would make the plans differ; polars'
            // projection pushdown drops the columns nobody uses.
            return Ok(shared);
        }
        self.build_frame(columns, opts)
    }

    fn build_frame(&self, columns: &[&str], opts: FrameOptions) -> Result<LazyFrame> {
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
            if def.columns.iter().all(|d| d.name != *c) {
                bail!(
                    "column `{c}` is not declared by source `{}` ({})",
                    self.source.id(),
                    self.source.path.display()
                );
            }
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
        let cacheable = !opts.row_index && !opts.keep_raw && !opts.keep_invalid_orgnr;
        let mut frames = Vec::new();
        for (i, file) in self.files.iter().enumerate() {
            let typed = self.typed(
                self.file_frame(i, file, &wanted, opts)?,
                file,
                &wanted,
                opts,
            )?;
            frames.push(if cacheable {
                extracts::frame(file, self.source, &wanted, typed)?
            } else {
                typed
            });
        }
        let mut lf = if frames.len() == 1 {
            frames.pop().ok_or_else(|| anyhow!("no frames"))?
        } else {
            concat(frames, UnionArgs::default())?
        };
        if let Some(o) = orgnr_col
            && !opts.keep_invalid_orgnr
        {
            // Rows whose organisation number is empty or fails MOD11 are
            // excluded (the audit reports them with file and line).
            lf = lf.filter(col(o.as_str()).is_not_null());
        }
        Ok(lf)
    }

    /// Typed columns of one file's raw frame, and `_y`/`_m`.
    fn typed(
        &self,
        lf: LazyFrame,
        file: &FileInfo,
        wanted: &[&str],
        opts: FrameOptions,
    ) -> Result<LazyFrame> {
        let def = self.source;
        let mut exprs = Vec::new();
        for name in wanted {
            let c = def
                .columns
                .iter()
                .find(|c| c.name == *name)
                .ok_or_else(|| anyhow!("column {name}"))?;
            let ty = c.ty;
            let e = match self.reader_type(name, opts) {
                // Parsed by the CSV reader already: only the MOD11 check remains.
                Some(DataType::Int64) => orgnr_check(col(*name)),
                Some(_) => col(*name),
                None => typed(col(*name), ty, file.dialect.decimal_comma),
            };
            exprs.push(e.alias(*name));
            if opts.keep_raw {
                exprs.push(col(*name).alias(format!("{name}__raw")));
            }
        }
        let period_col = col(def.period_column.as_str());
        let (y, m) = if self.reader_type(&def.period_column, opts) == Some(DataType::Date) {
            (
                period_col.clone().dt().year().cast(DataType::Int32),
                period_col.dt().month().cast(DataType::Int8),
            )
        } else {
            period_exprs(period_col, self.source.granularity)
        };
        exprs.push(y.alias(YEAR));
        exprs.push(m.alias(MONTH));
        Ok(lf.with_columns(exprs))
    }

    /// The type the CSV reader parses a column as, when not text. Only when
    /// the raw text is not needed (audits keep it): organisation numbers as
    /// integers and a day period as dates, the two columns large logs have.
    /// Values the reader cannot parse become null and are left out, as the
    /// expression path would; `ehelse sources` reports them with line numbers.
    fn reader_type(&self, name: &str, opts: FrameOptions) -> Option<DataType> {
        if opts.keep_raw {
            return None;
        }
        let def = self.source;
        let c = def.columns.iter().find(|c| c.name == name)?;
        match c.ty {
            ColumnType::Orgnr => Some(DataType::Int64),
            ColumnType::Date
                if def.period_column == name && self.source.granularity == Granularity::Day =>
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
        let d = &file.dialect;
        let path = file.read_path.to_string_lossy().into_owned();
        let mut overwrites = Schema::default();
        for name in wanted {
            if let Some(t) = self.reader_type(name, opts) {
                overwrites.with_column(PlSmallStr::from(*name), t);
            }
        }
        let has_overwrites = !overwrites.is_empty();
        let mut reader = LazyCsvReader::new(PlRefPath::new(path.as_str()))
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
        let mut lf = reader
            .finish()
            .map_err(anyhow::Error::from)
            .with_context(|| format!("scanning {}", file.path.display()))?;
        let def = self.source;
        if let Some(w) = &def.wide {
            let years = year_columns(d);
            let index_cols: Vec<PlSmallStr> = d
                .header
                .iter()
                .filter(|h| !years.contains(h) && def.columns.iter().any(|c| &c.name == *h))
                .map(|h| PlSmallStr::from(h.as_str()))
                .chain(opts.row_index.then(|| PlSmallStr::from_static(ROW)))
                .collect();
            // Wide → long: one select per year column, stacked (a lazy unpivot).
            let parts: Vec<LazyFrame> = years
                .iter()
                .map(|y| {
                    let mut cols: Vec<Expr> = index_cols.iter().map(|c| col(c.clone())).collect();
                    cols.push(lit(y.as_str()).alias(w.key.as_str()));
                    cols.push(col(y.as_str()).alias(w.value.as_str()));
                    lf.clone().select(cols)
                })
                .collect();
            lf = concat(parts, UnionArgs::default())?;
        }
        let mut select: Vec<Expr> = wanted.iter().map(|n| col(*n)).collect();
        if opts.row_index {
            select.push(col(ROW).cast(DataType::UInt64));
            select.push(lit(index as u32).alias(FILE));
        }
        Ok(lf.select(select))
    }
}

/// Whitespace-trimmed text.
fn trimmed(raw: Expr) -> Expr {
    raw.str().strip_chars(lit(" \t\r\u{a0}"))
}

/// The typed value of a raw text column.
pub(crate) fn typed(raw: Expr, ty: ColumnType, decimal_comma: bool) -> Expr {
    match ty {
        ColumnType::Text => raw,
        ColumnType::Integer => number(raw, decimal_comma).cast(DataType::Int64),
        ColumnType::Decimal => number(raw, decimal_comma),
        ColumnType::Date => trimmed(raw).str().to_date(StrptimeOptions {
            format: Some(PlSmallStr::from_static("%Y-%m-%d")),
            strict: false,
            exact: true,
            cache: true,
        }),
        ColumnType::Municipality => code(raw, 4, Some("K-")),
        ColumnType::County => code(raw, 2, None),
        ColumnType::Orgnr => orgnr(raw),
    }
}

/// A number from text: SSB symbols → null, `-` → 0, spaces as thousand
/// separators removed, decimal comma honoured. Unparseable text → null.
fn number(raw: Expr, decimal_comma: bool) -> Expr {
    let t = trimmed(raw);
    let mut cleaned = t.clone().str().replace_all(lit(" "), lit(""), true);
    cleaned = cleaned.str().replace_all(lit("\u{a0}"), lit(""), true);
    if decimal_comma {
        cleaned = cleaned.str().replace_all(lit(","), lit("."), true);
    }
    when(t.eq(lit("-")))
        .then(lit(0.0))
        .otherwise(cleaned.cast(DataType::Float64))
}

/// A zero-padded code of `width` digits (`301` → `0301`), null when not 1–width digits.
fn code(raw: Expr, width: i32, prefix: Option<&str>) -> Expr {
    let mut t = trimmed(raw);
    if let Some(p) = prefix {
        t = t.str().strip_prefix(lit(p));
    }
    let n = t.clone().cast(DataType::Int64);
    let max = 10_i64.pow(width as u32);
    let digits_only = t.clone().str().len_chars().lt_eq(lit(width as u32));
    when(n.clone().gt_eq(lit(0)).and(n.lt(lit(max))).and(digits_only))
        .then(t.str().zfill(lit(width)))
        .otherwise(lit(NULL).cast(DataType::String))
}

/// An organisation number as an integer, null when it fails the MOD11 rule
/// (weights 3,2,7,6,5,4,3,2; check digit 11 − sum mod 11, 11 → 0, 10 invalid).
fn orgnr(raw: Expr) -> Expr {
    let t = trimmed(raw).str().replace_all(lit(" "), lit(""), true);
    orgnr_check(t.cast(DataType::Int64))
}

/// The MOD11 check on an integer organisation number; null when invalid.
fn orgnr_check(n: Expr) -> Expr {
    let weights = [3_i64, 2, 7, 6, 5, 4, 3, 2];
    let digit = |i: u32| n.clone().floor_div(lit(10_i64.pow(8 - i))) % lit(10_i64);
    let mut sum = lit(0_i64);
    for (i, w) in weights.iter().enumerate() {
        sum = sum + digit(i as u32) * lit(*w);
    }
    let check = lit(11_i64) - (sum % lit(11_i64));
    let check = when(check.clone().eq(lit(11_i64)))
        .then(lit(0_i64))
        .otherwise(check);
    let valid = n
        .clone()
        .gt_eq(lit(100_000_000_i64))
        .and(n.clone().lt_eq(lit(999_999_999_i64)))
        .and(check.eq(digit(8)));
    when(valid)
        .then(n)
        .otherwise(lit(NULL).cast(DataType::Int64))
}

/// `_y` and `_m` from a period column of the given granularity.
fn period_exprs(raw: Expr, granularity: Granularity) -> (Expr, Expr) {
    let t = trimmed(raw);
    let year = t.clone().str().slice(lit(0), lit(4)).cast(DataType::Int32);
    let month = match granularity {
        Granularity::Year => lit(1_i32),
        Granularity::Quarter => {
            let q = t.str().slice(lit(-1), lit(1)).cast(DataType::Int32);
            (q - lit(1_i32)) * lit(3_i32) + lit(1_i32)
        }
        Granularity::Month | Granularity::Day => {
            t.str().slice(lit(5), lit(2)).cast(DataType::Int32)
        }
    };
    let month = when(
        month
            .clone()
            .gt_eq(lit(1))
            .and(month.clone().lt_eq(lit(12))),
    )
    .then(month)
    .otherwise(lit(NULL).cast(DataType::Int32));
    let year = when(month.clone().is_not_null())
        .then(year)
        .otherwise(lit(NULL).cast(DataType::Int32));
    (year, month.cast(DataType::Int8))
}

/// The period key of a row at a grouping granularity: `_y`, `_y*10+q`, `_y*100+m`.
pub fn period_key(granularity: Granularity) -> Expr {
    let y = col(YEAR).cast(DataType::Int64);
    let m = col(MONTH).cast(DataType::Int64);
    match granularity {
        Granularity::Year => y,
        Granularity::Quarter => {
            y * lit(10_i64) + (m - lit(1_i64)).floor_div(lit(3_i64)) + lit(1_i64)
        }
        Granularity::Month | Granularity::Day => y * lit(100_i64) + m,
    }
}

/// The engine plans run on: streaming, unless `EHELSE_ENGINE=in-memory`
/// (for benchmarks comparing the engines).
fn engine() -> Engine {
    match std::env::var("EHELSE_ENGINE").as_deref() {
        Ok("in-memory") => Engine::InMemory,
        _ => Engine::Streaming,
    }
}

/// Collects a plan with the streaming engine.
///
/// # Errors
/// Whatever polars reports.
pub fn collect(lf: LazyFrame) -> PolarsResult<DataFrame> {
    if std::env::var_os("EHELSE_EXPLAIN").is_some() {
        let _ = std::io::Write::write_all(
            &mut std::io::stderr(),
            format!("{}\n", lf.explain(true)?).as_bytes(),
        );
    }
    Ok(lf.collect_with_engine(engine())?.unwrap_single())
}

/// Collects several plans as one, with the streaming engine: a scan that
/// several of them share (the same file with the same dialect) runs once.
///
/// # Errors
/// Whatever polars reports for any of the plans.
pub fn collect_all(plans: Vec<LazyFrame>) -> PolarsResult<Vec<DataFrame>> {
    if plans.is_empty() {
        return Ok(Vec::new());
    }
    let opt_state = plans[0].get_current_optimizations();
    let dsl: Vec<DslPlan> = plans.into_iter().map(|lf| lf.logical_plan).collect();
    if std::env::var_os("EHELSE_EXPLAIN").is_some() {
        let _ = std::io::Write::write_all(
            &mut std::io::stderr(),
            format!("{}\n", LazyFrame::explain_all(dsl.clone(), opt_state)?).as_bytes(),
        );
    }
    LazyFrame::collect_all_with_engine(dsl, engine(), opt_state)
}
