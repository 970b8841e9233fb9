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
//! `EHELSE_NO_CACHE=1` turns the cache off: nothing is read from or written
//! to the folder. The folder may be deleted at any time (`EHELSE_CACHE`, see
//! [`cache_dir`]); the folders the tool makes in it are readable by the
//! user only (0700), its files 0600.
//!
//! An entry is used only while it is the very file this tool wrote: beside
//! it a seal (`….arrow.seal`) holds the entry's identity (size, change time,
//! inode) at the time of writing, so an entry copied over from elsewhere
//! (an older version, another source) is dropped and made anew, never read.
//! A run killed while writing leaves a temporary file (`.tmp-PID-…`), which
//! the next run removes once that process is gone.
//!
//! Planning only reads the cache ([`frame`]). The entry is written during
//! the collection: [`Opened::extract_cache_writes`] gives a sink plan per
//! entry due, which the engine collects beside the indicators' plans (one
//! `collect_all`, so the CSV is parsed once for both) and then moves into
//! place ([`CacheWrite::finish`]).

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use polars::prelude::*;

use super::{FileInfo, FrameOptions, Opened};
use crate::definitions::Source;

/// The layout of an entry: bumped when the typed frame gains columns (2: the
/// `<column>__bad` flags of unreadable cells).
const FORMAT: u32 = 2;

/// Smallest file (bytes) whose parsed columns are cached.
pub(super) const MIN_BYTES: u64 = 16 * 1024 * 1024;

/// Whether `file` is read through the cache at all: large enough, and the
/// cache not turned off.
pub(super) fn applies(file: &FileInfo) -> bool {
    file.bytes >= min_bytes() && enabled()
}

/// Whether the cache is on (`EHELSE_NO_CACHE` unset).
pub(crate) fn enabled() -> bool {
    std::env::var_os("EHELSE_NO_CACHE").is_none()
}

/// Creates a folder of the cache readable by the user only (0700; the
/// folders above it too when they are made now), and removes temporary
/// files left in it by killed runs. An existing folder the tool made keeps
/// or gets 0700; the cache root itself is never changed when it exists.
pub(super) fn private_dir(dir: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
        std::fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(dir)?;
        let _ = std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700));
    }
    #[cfg(not(unix))]
    std::fs::create_dir_all(dir)?;
    sweep(dir);
    Ok(())
}

/// A temporary file in a cache folder (0600), named after this process so
/// a later run can tell a killed run's leftovers from a running one's.
pub(super) fn temp_file(dir: &Path) -> std::io::Result<tempfile::NamedTempFile> {
    tempfile::Builder::new()
        .prefix(&format!(".tmp-{}-", std::process::id()))
        .tempfile_in(dir)
}

/// Removes the temporary files of processes that are gone.
fn sweep(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let name = e.file_name();
        let Some(rest) = name.to_str().and_then(|n| n.strip_prefix(".tmp-")) else {
            continue;
        };
        let pid = rest.split('-').next().and_then(|p| p.parse::<u32>().ok());
        if pid.is_some_and(|p| p != std::process::id() && !process_running(p)) {
            let _ = std::fs::remove_file(e.path());
        }
    }
}

/// The frame to read `file` through: a scan of the cached IPC entry when
/// there is a readable one, else `typed` (the CSV plan). Reads only: the
/// entry is written by a [`CacheWrite`].
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
    if !path.exists() || usable(&path, columns).is_err() {
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

/// One entry of the parsed-extract cache to write during a collection: a
/// sink of the file's typed CSV plan into a temporary file. Collected beside
/// the indicators' plans (one `collect_all`), it shares their scan, so the
/// CSV is parsed once for both.
pub(crate) struct CacheWrite {
    /// The sink plan.
    plan: LazyFrame,
    /// Where the sink writes; removed when dropped unless persisted.
    tmp: tempfile::TempPath,
    /// The cache folder, the entry's prefix and the entry.
    dir: PathBuf,
    prefix: String,
    path: PathBuf,
    /// The extract, for notes.
    file: PathBuf,
}

impl CacheWrite {
    /// The sink plan, to collect with the others.
    pub(crate) fn plan(&self) -> LazyFrame {
        self.plan.clone()
    }

    /// After the collection: moves the entry into place and removes older
    /// entries of the same file. A failure is a note, not an error.
    pub(crate) fn finish(self) {
        if let Err(e) = self
            .tmp
            .persist(&self.path)
            .map_err(|e| e.error)
            .and_then(|()| seal(&self.path))
        {
            note(&format!(
                "could not cache the parsed columns of {}: writing {}: {e}",
                self.file.display(),
                self.path.display()
            ));
            let _ = std::fs::remove_file(&self.path);
            return;
        }
        remove_older(&self.dir, &self.prefix, &self.path);
    }

    /// After a failed collection: the note; the temporary file goes.
    pub(crate) fn abandon(self, e: &PolarsError) {
        note(&format!(
            "could not cache the parsed columns of {}: {e}",
            self.file.display()
        ));
    }
}

impl Opened<'_> {
    /// The parsed-extract cache entries due for this source, once per
    /// opened source (later calls give none): an unreadable entry (cut
    /// short, say) is dropped with a note; a large file read before (its
    /// second run on) whose entry is missing gets a [`CacheWrite`]. Nothing
    /// with `EHELSE_NO_CACHE`. Planning never writes the cache: the engine
    /// collects these sinks beside the plans. A cache that cannot be set up
    /// is not an error: a note goes to stderr and the CSV is read.
    pub(crate) fn extract_cache_writes(&self) -> Vec<CacheWrite> {
        if self
            .cache_step_done
            .swap(true, std::sync::atomic::Ordering::Relaxed)
        {
            return Vec::new();
        }
        let columns = self.shared_columns();
        let mut writes = Vec::new();
        for (i, file) in self.files.iter().enumerate() {
            if !applies(file) {
                continue;
            }
            match self.cache_write(i, file, &columns) {
                Ok(Some(w)) => writes.push(w),
                Ok(None) => {}
                Err(e) => note(&format!(
                    "could not cache the parsed columns of {}: {e:#}",
                    file.path.display()
                )),
            }
        }
        writes
    }

    /// The write due for one file, if any.
    fn cache_write(
        &self,
        index: usize,
        file: &FileInfo,
        columns: &[&str],
    ) -> Result<Option<CacheWrite>> {
        let (dir, prefix, path) = entry(file, self.source, columns)?;
        if path.exists()
            && let Err(e) = usable(&path, columns)
        {
            // A damaged or foreign entry is dropped and made anew.
            note(&format!(
                "the cached columns {} cannot be used ({e}); reading {} instead",
                path.display(),
                file.path.display()
            ));
            let _ = std::fs::remove_file(&path);
            let _ = std::fs::remove_file(seal_path(&path));
        }
        if path.exists() || !file.seen_before {
            return Ok(None);
        }
        private_dir(&dir).with_context(|| format!("creating {}", dir.display()))?;
        let tmp = temp_file(&dir)?.into_temp_path();
        let target = SinkTarget::Path(PlRefPath::new(tmp.to_string_lossy().as_ref()));
        let plan = self
            .typed_file(index, file, columns, FrameOptions::default())?
            .sink(
                SinkDestination::File { target },
                FileWriteFormat::Ipc(IpcWriterOptions {
                    compression: Some(IpcCompression::LZ4),
                    ..IpcWriterOptions::default()
                }),
                UnifiedSinkArgs::default(),
            )?;
        Ok(Some(CacheWrite {
            plan,
            tmp,
            dir,
            prefix,
            path,
            file: file.path.clone(),
        }))
    }
}

/// One `note:` line on stderr.
fn note(text: &str) {
    let _ = std::io::Write::write_all(&mut std::io::stderr(), format!("note: {text}\n").as_bytes());
}

/// Whether an entry may be read: its seal names this very file (not one
/// copied over it), its footer and schema can be read (the footer is at
/// the end of the file, so a file cut short fails) and it holds the columns
/// the run reads.
fn usable(path: &Path, columns: &[&str]) -> Result<()> {
    let f = std::fs::File::open(path)?;
    let schema = IpcReader::new(f)
        .schema()
        .map_err(|e| anyhow::anyhow!("it is unreadable: {e}"))?;
    let sealed = std::fs::read_to_string(seal_path(path)).unwrap_or_default();
    if sealed.trim() != stamp(path)? {
        anyhow::bail!("it is not the file this tool wrote there");
    }
    if let Some(c) = columns.iter().find(|c| schema.get(c).is_none()) {
        anyhow::bail!("it lacks the column `{c}`");
    }
    Ok(())
}

/// The seal of an entry: its identity when written.
fn seal_path(path: &Path) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".seal");
    PathBuf::from(name)
}

/// An entry's identity (size, modification and change time, inode) as text.
fn stamp(path: &Path) -> std::io::Result<String> {
    let (_, bytes, stamp) = super::hash::identity(path)?;
    Ok(format!("{bytes} {stamp}"))
}

/// Writes the seal of an entry just moved into place.
fn seal(path: &Path) -> std::io::Result<()> {
    let dir = path.parent().unwrap_or_else(|| Path::new("."));
    let tmp = temp_file(dir)?;
    std::fs::write(tmp.path(), stamp(path)?)?;
    tmp.persist(seal_path(path)).map_err(|e| e.error)?;
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
        "{}\0{FORMAT}\0{}\0{bytes}\0{stamp}\0{:?}\0{}",
        env!("CARGO_PKG_VERSION"),
        source.sha256,
        file.dialect,
        columns.join(",")
    ));
    let dir = cache_dir().join("extracts");
    let path = dir.join(format!("{prefix}-{version}.arrow"));
    Ok((dir, prefix, path))
}

/// Removes the entries of the same file and source other than `path`.
fn remove_older(dir: &Path, prefix: &str, path: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for old in entries.flatten() {
        let name = old.file_name();
        let name = name.to_string_lossy();
        let is_entry = name.ends_with(".arrow") || name.ends_with(".arrow.seal");
        if name.starts_with(&format!("{prefix}-"))
            && is_entry
            && old.path() != path
            && old.path() != seal_path(path)
        {
            let _ = std::fs::remove_file(old.path());
        }
    }
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

/// Whether process `pid` runs (Linux: `/proc/PID`); `true` when unknown.
pub(crate) fn process_running(pid: u32) -> bool {
    let proc = Path::new("/proc");
    !proc.join("self").exists() || proc.join(pid.to_string()).exists()
}
