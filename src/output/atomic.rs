//! Writing files so a reader never sees half of one: a single file through
//! a temporary file and a rename, a folder of files (`report`, `dashboard`)
//! through a temporary folder swapped into place.

use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result};

/// Writes `bytes` to `path` atomically: a temporary file in the same folder,
/// then a rename, so a reader never sees half a file and a failed run leaves
/// the old file in place.
///
/// # Errors
/// When the folder or file cannot be written.
pub(crate) fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or_else(|| Path::new("."));
    std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    let mut tmp = tempfile::NamedTempFile::new_in(dir)
        .with_context(|| format!("creating a temporary file in {}", dir.display()))?;
    tmp.write_all(bytes)
        .with_context(|| format!("writing {}", path.display()))?;
    tmp.as_file()
        .sync_all()
        .with_context(|| format!("writing {}", path.display()))?;
    tmp.persist(path)
        .with_context(|| format!("writing {}", path.display()))?;
    Ok(())
}

/// Writes `files` (flat names) into a temporary folder in `parent` and
/// renames it to `target`; an existing `target` is moved aside first and
/// removed only after the new folder is in place (put back if the rename
/// fails). `label` names the temporary folders; `staged` is called per file.
pub(crate) fn write_folder(
    parent: &Path,
    target: &Path,
    label: &str,
    files: &[(String, Vec<u8>)],
    staged: impl Fn(&str),
) -> Result<()> {
    let out = parent;
    std::fs::create_dir_all(out).with_context(|| format!("creating {}", out.display()))?;
    let staging = tempfile::Builder::new()
        .prefix(&format!(".{label}.tmp-"))
        .tempdir_in(out)
        .with_context(|| format!("creating a temporary folder in {}", out.display()))?;
    for (name, bytes) in files {
        let path = staging.path().join(name);
        std::fs::write(&path, bytes).with_context(|| format!("writing {}", path.display()))?;
        staged(name);
    }
    let old = if target.exists() {
        let old = out.join(format!(".{label}.old-{}", std::process::id()));
        std::fs::rename(target, &old)
            .with_context(|| format!("moving the previous {} aside", target.display()))?;
        Some(old)
    } else {
        None
    };
    let staged = staging.keep();
    if let Err(e) = std::fs::rename(&staged, target) {
        // Put the previous folder back.
        if let Some(old) = &old {
            let _ = std::fs::rename(old, target);
        }
        let _ = std::fs::remove_dir_all(&staged);
        return Err(e).with_context(|| format!("moving the new files into {}", target.display()));
    }
    if let Some(old) = old {
        let _ = std::fs::remove_dir_all(old);
    }
    Ok(())
}
