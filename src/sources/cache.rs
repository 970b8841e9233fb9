//! Parsed-extract cache: the typed columns of a large CSV file, written once
//! as LZ4-compressed Arrow IPC in the cache folder and scanned from there
//! while the file is unchanged, so repeated runs on a national-scale extract
//! skip CSV parsing. (Compressed, the 531 MB benchmark log takes 158 MB
//! instead of 907 MB, and a warm run's peak memory drops by about a third:
//! uncompressed IPC is memory-mapped, so every page read counts.)
//!
//! An entry is keyed by the tool version, the source definition (its
//! SHA-256), the file's canonical path, size and modification time (in
//! nanoseconds), the dialect it is read with and the columns kept; any
//! change gives a new entry, and entries for older versions of the same file
//! are removed.
//! Files below [`MIN_BYTES`] are read directly (parsing them is cheap).
//! An entry is written only on the second run that reads a file: writing it
//! costs about as much as parsing the CSV again, which a job that runs once
//! per extract (a quarterly cron job on a new file) would pay for nothing,
//! and it would leave a copy of the extract behind.
//! `EHELSE_NO_CACHE=1` turns the cache off; the folder may be deleted at any
//! time (`EHELSE_CACHE`, see [`cache_dir`]).
//!
//! Planning only reads the cache ([`frame`]); the entry is written by an
//! explicit step, [`Opened::fill_extract_cache`], which the engine runs when
//! it opens a source for computation, before any plan is built.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use polars::prelude::*;

use super::{FileInfo, FrameOptions, Opened};
use crate::definitions::Source;

/// Smallest file (bytes) whose parsed columns are cached.
pub(super) const MIN_BYTES: u64 = 16 * 1024 * 1024;

/// Whether `file` is read through the cache at all: large enough, and the
/// cache not turned off.
fn applies(file: &FileInfo) -> bool {
    file.bytes >= min_bytes() && std::env::var_os("EHELSE_NO_CACHE").is_none()
}

/// The frame to read `file` through: a scan of the cached IPC entry when
/// there is a readable one, else `typed` (the CSV plan). Reads only: the
/// entry is written by [`Opened::fill_extract_cache`].
pub(super) fn frame(
    file: &FileInfo,
    source: &Source,
    columns: &[&str],
    typed: LazyFrame,
) -> Result<LazyFrame> {
    if !applies(file) {
        return Ok(typed);
    }
    let (_, _, path) = entry(file, source, columns)?;
    if !path.exists() || readable(&path).is_err() {
        return Ok(typed);
    }
    let target = PlRefPath::new(path.to_string_lossy().as_ref());
    let scan = LazyFrame::scan_ipc(
        target,
        IpcScanOptions::default(),
        UnifiedScanArgs::default(),
    );
    anyhow::Context::with_context(scan, || {
        format!("reading the cached columns {}", path.display())
    })
}

impl Opened<'_> {
    /// Writes the parsed-extract cache of this source's files, the explicit
    /// step before planning: for each large file read before (its second
    /// run on), a missing entry is written; an unreadable one (cut short,
    /// say) is dropped with a note and made anew. Does nothing with
    /// `EHELSE_NO_CACHE`. A cache that cannot be written is not an error:
    /// the CSV is read instead and a note goes to stderr.
    ///
    /// # Errors
    /// A file's identity cannot be read, or polars cannot set up the scan.
    pub(crate) fn fill_extract_cache(&self) -> Result<()> {
        let columns = self.shared_columns();
        for (i, file) in self.files.iter().enumerate() {
            if !applies(file) {
                continue;
            }
            let (dir, prefix, path) = entry(file, self.source, &columns)?;
            if path.exists()
                && let Err(e) = readable(&path)
            {
                // A damaged entry (cut short, say) is dropped and made anew.
                note(&format!(
                    "the cached columns {} are unreadable ({e}); reading {} instead",
                    path.display(),
                    file.path.display()
                ));
                let _ = std::fs::remove_file(&path);
            }
            if path.exists() || !file.seen_before {
                continue;
            }
            let typed = self.typed_file(i, file, &columns, FrameOptions::default())?;
            if let Err(e) = write(&dir, &prefix, &path, typed) {
                note(&format!(
                    "could not cache the parsed columns of {}: {e:#}",
                    file.path.display()
                ));
            }
        }
        Ok(())
    }
}

/// One `note:` line on stderr.
fn note(text: &str) {
    let _ = std::io::Write::write_all(&mut std::io::stderr(), format!("note: {text}\n").as_bytes());
}

/// Whether an entry's footer and schema can be read (a cheap check: the
/// footer is at the end of the file, so a file cut short fails it).
fn readable(path: &Path) -> Result<()> {
    let f = std::fs::File::open(path)?;
    IpcReader::new(f).schema()?;
    Ok(())
}

fn min_bytes() -> u64 {
    std::env::var("EHELSE_CACHE_MIN_BYTES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(MIN_BYTES)
}

/// The folder, the file-name prefix shared by every version of this file
/// and source, and the entry for the current version.
fn entry(file: &FileInfo, source: &Source, columns: &[&str]) -> Result<(PathBuf, String, PathBuf)> {
    let (canonical, bytes, stamp) = super::hash::identity(&file.path)
        .with_context(|| format!("reading {}", file.path.display()))?;
    let hash = |s: String| crate::definitions::sha256_hex(s.as_bytes())[..24].to_string();
    let prefix = hash(format!("{}\0{}", canonical.display(), source.id()));
    let version = hash(format!(
        "{}\0{}\0{bytes}\0{stamp}\0{:?}\0{}",
        env!("CARGO_PKG_VERSION"),
        source.sha256,
        file.dialect,
        columns.join(",")
    ));
    let dir = cache_dir().join("extracts");
    let path = dir.join(format!("{prefix}-{version}.arrow"));
    Ok((dir, prefix, path))
}

/// Streams `typed` into a temporary file next to `path`, renames it into
/// place, and removes older entries of the same file.
fn write(dir: &Path, prefix: &str, path: &Path, typed: LazyFrame) -> Result<()> {
    std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    let tmp = tempfile::Builder::new()
        .prefix(&format!("{prefix}-"))
        .suffix(".tmp")
        .tempfile_in(dir)?
        .into_temp_path();
    let target = SinkTarget::Path(PlRefPath::new(tmp.to_string_lossy().as_ref()));
    typed
        .sink(
            SinkDestination::File { target },
            FileWriteFormat::Ipc(IpcWriterOptions {
                compression: Some(IpcCompression::LZ4),
                ..IpcWriterOptions::default()
            }),
            UnifiedSinkArgs::default(),
        )?
        .collect_with_engine(Engine::Streaming)?;
    tmp.persist(path)
        .with_context(|| format!("writing {}", path.display()))?;
    for old in std::fs::read_dir(dir)?.flatten() {
        let name = old.file_name();
        let name = name.to_string_lossy();
        if name.starts_with(&format!("{prefix}-")) && name.ends_with(".arrow") && old.path() != path
        {
            let _ = std::fs::remove_file(old.path());
        }
    }
    Ok(())
}

/// The cache folder: `$EHELSE_CACHE`, else `$XDG_CACHE_HOME/ehelse`, else
/// `~/.cache/ehelse`, else the temp folder.
pub(crate) fn cache_dir() -> PathBuf {
    if let Some(p) = std::env::var_os("EHELSE_CACHE") {
        return PathBuf::from(p);
    }
    if let Some(p) = std::env::var_os("XDG_CACHE_HOME") {
        return PathBuf::from(p).join("ehelse");
    }
    if let Some(p) = std::env::var_os("HOME") {
        return PathBuf::from(p).join(".cache").join("ehelse");
    }
    std::env::temp_dir().join("ehelse")
}
