//! Sources: declared CSV extracts as polars lazy frames with typed columns,
//! SSB symbols turned into nulls (counted), codes padded, organisation
//! numbers checked (MOD11), and the period split into `_y` (year) and `_m`
//! (first month of the period).
//!
//! `discover` finds the files and checks headers, `dialect` and `encoding`
//! detect how to read them, `hash` identifies them, `scan` builds the lazy
//! frame (through `cache`, the parsed-extract cache), `typed` turns text
//! into values, `collect` runs plans, and `audit` reports what a source
//! holds.

mod audit;
mod cache;
mod calendar;
mod collect;
mod dialect;
mod discover;
mod encoding;
mod enrich;
mod hash;
mod industry;
mod runs;
mod scan;
pub(crate) mod structure;
mod typed;

use std::path::PathBuf;
use std::thread::JoinHandle;

use polars::prelude::*;

#[allow(unused_imports)] // `audit_all`: for the commands that audit every source
pub(crate) use audit::{
    Audit, audit, audit_all, check_rejected_orgnr, first_duplicate, first_unreadable,
};
pub(crate) use cache::CacheWrite;
pub(crate) use cache::process_running;
pub(crate) use collect::collect_all;
pub(crate) use dialect::Dialect;
pub(crate) use discover::open;
pub(crate) use encoding::Encoding;
pub(crate) use scan::{FrameOptions, bad_flag};
pub(crate) use typed::period_key;

use crate::definitions::Source;

/// SSB symbols that mean "no number here" (`-` is a true zero and handled apart).
pub(crate) const NULL_SYMBOLS: [&str; 5] = [".", "..", "...", ":", "*"];

/// Column with the period's year.
pub(crate) const YEAR: &str = "_y";
/// Column with the period's first month (1 for annual data).
pub(crate) const MONTH: &str = "_m";
/// Column with the 0-based index of the file within the source.
pub(crate) const FILE: &str = "_file";
/// Column with the 0-based data-row index within its file.
pub(crate) const ROW: &str = "_row";

/// One file of a source.
#[derive(Debug)]
pub(crate) struct FileInfo {
    /// The file as found under the data folder.
    pub(crate) path: PathBuf,
    /// Size in bytes.
    pub(crate) bytes: u64,
    /// An earlier run has read this very file (same path, size and
    /// modification time): its SHA-256 was remembered.
    pub(crate) seen_before: bool,
    /// The dialect it is read with.
    pub(crate) dialect: Dialect,
    /// What polars reads: the file, or for Windows-1252 its text
    /// transcoded to UTF-8 in memory (never a copy on disk).
    pub(super) read: ReadFrom,
    /// Hash computed in the background while plans run.
    pub(super) hash: std::sync::Mutex<HashState>,
}

/// Where a file's UTF-8 text is read from.
pub(super) enum ReadFrom {
    /// The file itself (UTF-8).
    Path(PathBuf),
    /// Its text transcoded in memory.
    Memory(polars_buffer::Buffer<u8>),
}

impl std::fmt::Debug for ReadFrom {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Path(p) => write!(f, "Path({})", p.display()),
            Self::Memory(b) => write!(f, "Memory({} bytes)", b.len()),
        }
    }
}

#[derive(Debug)]
pub(super) enum HashState {
    Pending(Option<JoinHandle<std::io::Result<hash::Hashed>>>),
    Done(hash::Hashed),
}

impl FileInfo {
    /// SHA-256 of the file (waits for the background hash).
    pub(crate) fn sha256(&self) -> String {
        let mut state = self
            .hash
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if let HashState::Pending(handle) = &mut *state {
            let hashed = handle
                .take()
                .and_then(|h| h.join().ok())
                .and_then(Result::ok)
                .unwrap_or_else(|| ("unreadable".to_string(), structure::Shape::default()));
            *state = HashState::Done(hashed);
        }
        match &*state {
            HashState::Done((h, _)) => h.clone(),
            HashState::Pending(_) => String::new(),
        }
    }

    /// The first problem in the file's structure (waits for the background
    /// read): an unclosed quote, a ragged row, a NUL byte, invalid UTF-8.
    pub(crate) fn structure(&self) -> Option<structure::Problem> {
        let _ = self.sha256();
        let state = self
            .hash
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        match &*state {
            HashState::Done((_, s)) => s.problem.clone(),
            HashState::Pending(_) => None,
        }
    }

    /// The number of data rows the structure check counted (waits for the
    /// background read).
    pub(crate) fn rows(&self) -> u64 {
        let _ = self.sha256();
        let state = self
            .hash
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        match &*state {
            HashState::Done((_, s)) => s.rows,
            HashState::Pending(_) => 0,
        }
    }

    /// The line number (1-based, in the original file) of data row `row`
    /// (0-based, as the reader numbers them): one row per line, except
    /// where the structure check saw rows start elsewhere (a quoted line
    /// break, a blank line).
    pub(crate) fn line_of_row(&self, row: u64) -> u64 {
        let naive = (self.dialect.skip_lines + 1 + self.dialect.skip_after_header) as u64 + row + 1;
        let _ = self.sha256();
        let state = self
            .hash
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        match &*state {
            HashState::Done((_, s)) => s.line_of_row(row, naive),
            HashState::Pending(_) => naive,
        }
    }
}

/// A source opened for reading: its files, dialects and checks of the header.
pub(crate) struct Opened<'a> {
    /// The definition.
    pub(crate) source: &'a Source,
    /// The files, sorted by path.
    pub(crate) files: Vec<FileInfo>,
    /// The frame every measure plan reads (all declared columns), built once.
    pub(super) shared: std::sync::OnceLock<LazyFrame>,
    /// The same before invalid organisation numbers are left out, with the
    /// flags of unreadable cells (see [`Opened::base`]).
    pub(super) base: std::sync::OnceLock<LazyFrame>,
    /// The extract-cache writes have been handed out (once per source).
    pub(super) cache_step_done: std::sync::atomic::AtomicBool,
    /// The snapshot sources of `source.enrich`, opened, in the same order.
    pub(crate) lookups: Vec<Opened<'a>>,
}

impl std::fmt::Debug for Opened<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Opened")
            .field("source", &self.source.id())
            .field("files", &self.files)
            .finish_non_exhaustive()
    }
}
