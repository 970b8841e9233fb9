//! File identity and content hashes: SHA-256 of an extract, remembered
//! across runs under the file's path, size and modification time.

use std::fmt::Write;
use std::path::{Path, PathBuf};

use super::structure::{Checker, Problem};

/// A file's SHA-256 and the first problem in its structure (see
/// [`super::structure`]).
pub(crate) type Hashed = (String, Option<Problem>);

/// SHA-256 of a file and its structure, checked in the same read and
/// remembered in the cache folder under the file's path, size and
/// modification time, so a large extract that has not changed is not read
/// twice across runs (the same rule `make` uses to see changes).
pub(super) fn hash_file(path: &Path, checker: Checker) -> std::io::Result<Hashed> {
    let remembered = hash_memo(path)?;
    if let Ok(text) = std::fs::read_to_string(&remembered)
        && let Some(hashed) = parse_memo(&text)
    {
        return Ok(hashed);
    }
    let (h, problem) = hash_contents(path, checker)?;
    let memo = match &problem {
        None => format!("{h}\nok\n"),
        Some(p) => format!("{h}\nproblem\t{}\t{}\t{}\n", p.line, p.count, p.what),
    };
    // Best effort: a cache that cannot be written only costs time.
    if let Some(dir) = remembered.parent()
        && std::fs::create_dir_all(dir).is_ok()
        && let Ok(tmp) = tempfile::NamedTempFile::new_in(dir)
        && std::fs::write(tmp.path(), memo).is_ok()
    {
        let _ = tmp.persist(&remembered);
    }
    Ok((h, problem))
}

/// A remembered hash and structure; `None` for anything else (an entry of
/// an older version without the structure is read again).
fn parse_memo(text: &str) -> Option<Hashed> {
    let mut lines = text.lines();
    let h = lines.next()?;
    if h.len() != 64 || !h.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let status = lines.next()?;
    if status == "ok" {
        return Some((h.to_string(), None));
    }
    let mut parts = status.splitn(4, '\t');
    if parts.next()? != "problem" {
        return None;
    }
    let line = parts.next()?.parse().ok()?;
    let count = parts.next()?.parse().ok()?;
    let what = parts.next()?.to_string();
    Some((h.to_string(), Some(Problem { line, what, count })))
}

/// Where the SHA-256 of `path` is remembered: keyed by its canonical path,
/// size and modification time (nanoseconds).
pub(super) fn hash_memo(path: &Path) -> std::io::Result<PathBuf> {
    let (canonical, bytes, stamp) = identity(path)?;
    let key = crate::definitions::sha256_hex(
        format!("{}\0{bytes}\0{stamp}", canonical.display()).as_bytes(),
    );
    Ok(super::cache::cache_dir().join("sha256").join(key))
}

/// What tells one version of a file from another without reading it: its
/// canonical path, size and modification time (nanoseconds since 1970),
/// and on Unix also its inode and change time, which `cp -p` or `touch -r`
/// cannot set back: an extract corrected in place with the same size and
/// modification time is read again.
pub(super) fn identity(path: &Path) -> std::io::Result<(PathBuf, u64, u128)> {
    let meta = std::fs::metadata(path)?;
    let mut stamp = meta
        .modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos());
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let changed = u128::try_from(meta.ctime()).unwrap_or(0) * 1_000_000_000
            + u128::try_from(meta.ctime_nsec()).unwrap_or(0);
        // Mixed into one number: a change in any of the three changes it.
        stamp = stamp
            .wrapping_mul(0x9E37_79B9_7F4A_7C15)
            .wrapping_add(changed)
            .wrapping_mul(0x9E37_79B9_7F4A_7C15)
            .wrapping_add(u128::from(meta.ino()));
    }
    let canonical = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    Ok((canonical, meta.len(), stamp))
}

fn hash_contents(path: &Path, mut checker: Checker) -> std::io::Result<Hashed> {
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
        checker.feed(&buf[..n]);
    }
    let hex = hasher
        .finalize()
        .iter()
        .fold(String::with_capacity(64), |mut hex, b| {
            let _ = write!(hex, "{b:02x}");
            hex
        });
    Ok((hex, checker.finish()))
}
