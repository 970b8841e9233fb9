//! Text encodings: which a definition may name, and Windows-1252 files
//! transcoded to UTF-8 (polars reads UTF-8 only).

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use super::Dialect;

/// Text encodings the tool reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Encoding {
    /// UTF-8, with or without a byte-order mark.
    Utf8,
    /// Windows-1252 (also used for latin1 / ISO-8859-1, its subset).
    Windows1252,
}

impl Encoding {
    /// Parses a definition's `encoding`.
    pub(crate) fn parse(s: &str) -> Option<Self> {
        match s.to_ascii_lowercase().replace('_', "-").as_str() {
            "utf-8" | "utf8" => Some(Self::Utf8),
            "windows-1252" | "cp1252" | "latin1" | "latin-1" | "iso-8859-1" => {
                Some(Self::Windows1252)
            }
            _ => None,
        }
    }

    /// Name for reports.
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Self::Utf8 => "utf-8",
            Self::Windows1252 => "windows-1252",
        }
    }
}

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
