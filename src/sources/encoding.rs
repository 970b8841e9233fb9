//! Windows-1252 files transcoded to UTF-8 (polars reads UTF-8 only); the
//! encodings a definition may name are `definitions::Encoding`.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use super::Dialect;

pub(crate) use crate::definitions::Encoding;

/// A readable UTF-8 path for `path`: the file itself, or a transcoded copy
/// in the cache folder for Windows-1252 files (keyed by content hash).
pub(super) fn utf8_path(path: &Path, dialect: &Dialect, sha256: &str) -> Result<PathBuf> {
    if dialect.encoding == Encoding::Utf8 {
        return Ok(path.to_path_buf());
    }
    let dir = super::cache::cache_dir().join("utf8");
    std::fs::create_dir_all(&dir)
        .with_context(|| format!("creating cache folder {}", dir.display()))?;
    let target = dir.join(format!("{sha256}.csv"));
    if target.exists() {
        return Ok(target);
    }
    let bytes = std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
    let (text, _, _) = encoding_rs::WINDOWS_1252.decode(&bytes);
    let tmp = tempfile::NamedTempFile::new_in(&dir)?;
    std::fs::write(tmp.path(), text.as_bytes())?;
    tmp.persist(&target)
        .with_context(|| format!("writing {}", target.display()))?;
    Ok(target)
}
