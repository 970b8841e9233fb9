//! Writing files so a reader never sees half of one: a single file through
//! a temporary file and a rename, a folder of files (`report`, `dashboard`)
//! through a temporary folder swapped into place. Files and folders
//! written follow the umask (0644 and 0755 under the usual 022).

use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result, bail};

/// Writes `bytes` to `path` atomically: a temporary file in the same folder,
/// then a rename, so a reader never sees half a file and a failed run leaves
/// the old file in place.
///
/// # Errors
/// When the folder or file cannot be written.
pub(crate) fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    // A device or pipe (`/dev/stdout`, a FIFO) is written to, not replaced;
    // a link is followed, so the file it names is the one replaced.
    if let Ok(meta) = std::fs::metadata(path)
        && !meta.is_file()
    {
        if meta.is_dir() {
            bail!("{} is a folder, not a file", path.display());
        }
        let mut f = std::fs::OpenOptions::new()
            .write(true)
            .open(path)
            .with_context(|| format!("opening {}", path.display()))?;
        return f
            .write_all(bytes)
            .with_context(|| format!("writing {}", path.display()));
    }
    let resolved = std::fs::canonicalize(path).ok();
    let path = resolved.as_deref().unwrap_or(path);
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or_else(|| Path::new("."));
    ensure_folder(dir)?;
    std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    let mut builder = tempfile::Builder::new();
    // Outputs follow the umask, like any file a command writes (0644 under
    // the usual 022); a temporary file alone would be 0600.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut tmp = builder
        .tempfile_in(dir)
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
    ensure_folder(target)?;
    std::fs::create_dir_all(out).with_context(|| format!("creating {}", out.display()))?;
    recover(out, target, label);
    let staging = tempfile::Builder::new()
        .prefix(&format!(".{label}.tmp-{}-", std::process::id()))
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

/// Cleans up after an earlier run of this process's kind that was killed:
/// its staging folders (`.{label}.tmp-PID-…`) and set-aside previous folders
/// (`.{label}.old-PID`) are removed once that process is gone, and when
/// the kill fell between the two renames (no `target`, an old folder
/// aside) the newest old folder is put back first. Folders of a process
/// that still runs are left alone; where it cannot be told whether a
/// process runs (no `/proc`), nothing is removed.
fn recover(out: &Path, target: &Path, label: &str) {
    let Ok(entries) = std::fs::read_dir(out) else {
        return;
    };
    let (old_prefix, tmp_prefix) = (format!(".{label}.old-"), format!(".{label}.tmp-"));
    let mut olds: Vec<(std::time::SystemTime, std::path::PathBuf)> = Vec::new();
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let (rest, is_old) = if let Some(r) = name.strip_prefix(&old_prefix) {
            (r, true)
        } else if let Some(r) = name.strip_prefix(&tmp_prefix) {
            (r, false)
        } else {
            continue;
        };
        let Some(pid) = rest.split('-').next().and_then(|p| p.parse::<u32>().ok()) else {
            continue;
        };
        if pid == std::process::id() || crate::sources::process_running(pid) {
            continue;
        }
        if is_old {
            let modified = entry
                .metadata()
                .and_then(|m| m.modified())
                .unwrap_or(std::time::UNIX_EPOCH);
            olds.push((modified, entry.path()));
        } else {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
    olds.sort();
    if !target.exists()
        && let Some((_, newest)) = olds.pop()
    {
        let _ = std::fs::rename(newest, target);
    }
    for (_, old) in olds {
        let _ = std::fs::remove_dir_all(old);
    }
}

/// The nearest existing ancestor of `dir` (or `dir` itself) must be a
/// folder: a file there is a plain error, not "File exists (os error 17)".
fn ensure_folder(dir: &Path) -> Result<()> {
    let mut at = dir;
    loop {
        if let Ok(meta) = std::fs::metadata(at) {
            if !meta.is_dir() {
                bail!(
                    "{} is a file, not a folder: give a folder to write into",
                    at.display()
                );
            }
            return Ok(());
        }
        match at.parent() {
            Some(p) if !p.as_os_str().is_empty() => at = p,
            _ => return Ok(()),
        }
    }
}
