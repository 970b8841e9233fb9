//! Finding a source's files (the glob under the data folder) and checking
//! each file's header against the declared columns.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

use super::hash::{hash_file, hash_memo};
use super::{Dialect, Encoding, FileInfo, HashState, Opened, dialect, encoding};
use crate::definitions::Source;

/// Finds and opens the files of a source under `data_dir`.
///
/// # Errors
/// No file matches, a file cannot be read, or a declared column is missing
/// from a file's header (the error names the file, line and column).
pub(crate) fn open<'a>(source: &'a Source, data_dir: &Path) -> Result<Opened<'a>> {
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
    let files = paths
        .into_iter()
        .map(|path| open_file(source, path))
        .collect::<Result<Vec<_>>>()?;
    // The snapshot sources this one is enriched from, their keys unique.
    let mut lookups = Vec::new();
    for e in &source.enrich {
        let lookup = open(&e.from, data_dir)?;
        super::enrich::check_unique_key(&lookup, &e.from_on, source.id())?;
        lookups.push(lookup);
    }
    Ok(Opened {
        source,
        files,
        shared: std::sync::OnceLock::new(),
        base: std::sync::OnceLock::new(),
        cache_step_done: std::sync::atomic::AtomicBool::new(false),
        lookups,
    })
}

/// Detects one file's dialect, checks its header and starts its hash (in
/// the background for UTF-8; a Windows-1252 file is hashed and transcoded
/// now).
fn open_file(source: &Source, path: PathBuf) -> Result<FileInfo> {
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
        (
            encoding::utf8_path(&path, &dialect, &h)?,
            HashState::Done(h),
        )
    };
    Ok(FileInfo {
        path,
        bytes,
        seen_before,
        dialect,
        read_path,
        hash: std::sync::Mutex::new(hash),
    })
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

pub(super) fn year_columns(dialect: &Dialect) -> Vec<String> {
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
