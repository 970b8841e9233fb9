//! File identity and content hashes: SHA-256 of an extract, remembered
//! across runs under the file's path, size and modification time.

use std::fmt::Write;
use std::path::{Path, PathBuf};

use super::structure::{Checker, Problem, Shape};

/// A file's SHA-256 and its structure (see [`super::structure`]).
pub(crate) type Hashed = (String, Shape);

/// SHA-256 of a file and its structure, checked in the same read and
/// remembered in the cache folder under the file's path, size and
/// modification time, so a large extract that has not changed is not read
/// twice across runs (the same rule `make` uses to see changes).
pub(super) fn hash_file(path: &Path, checker: Checker) -> std::io::Result<Hashed> {
    let remembered = hash_memo(path)?;
    if super::cache::enabled()
        && let Ok(text) = std::fs::read_to_string(&remembered)
        && let Some(hashed) = parse_memo(&text)
    {
        return Ok(hashed);
    }
    let hashed = hash_contents(path, checker)?;
    remember(&remembered, &hashed);
    Ok(hashed)
}

/// SHA-256 and structure of a file's bytes already in memory (a
/// Windows-1252 file, read whole to be transcoded), remembered like
/// [`hash_file`]'s.
pub(super) fn hash_bytes(path: &Path, bytes: &[u8], mut checker: Checker) -> Hashed {
    use sha2::Digest;
    checker.feed(bytes);
    let hashed = (
        hex(sha2::Sha256::digest(bytes).as_slice()),
        checker.finish(),
    );
    if let Ok(remembered) = hash_memo(path) {
        remember(&remembered, &hashed);
    }
    hashed
}

/// Writes the memo of a hash (best effort: a cache that cannot be written
/// only costs time; nothing when the cache is off).
fn remember(remembered: &Path, (h, shape): &Hashed) {
    if !super::cache::enabled() {
        return;
    }
    let mut memo = match &shape.problem {
        None => format!("{h}\nok\n"),
        Some(p) => format!("{h}\nproblem\t{}\t{}\t{}\n", p.line, p.count, p.what),
    };
    let _ = writeln!(memo, "rows\t{}", shape.rows);
    if !shape.breaks.is_empty() {
        memo.push_str("breaks");
        for (row, line) in &shape.breaks {
            let _ = write!(memo, "\t{row}:{line}");
        }
        memo.push('\n');
    }
    if let Some(dir) = remembered.parent()
        && super::cache::private_dir(dir).is_ok()
        && let Ok(tmp) = super::cache::temp_file(dir)
        && std::fs::write(tmp.path(), memo).is_ok()
    {
        let _ = tmp.persist(remembered);
    }
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
    let problem = if status == "ok" {
        None
    } else {
        let mut parts = status.splitn(4, '\t');
        if parts.next()? != "problem" {
            return None;
        }
        let line = parts.next()?.parse().ok()?;
        let count = parts.next()?.parse().ok()?;
        let what = parts.next()?.to_string();
        Some(Problem { line, what, count })
    };
    // The row count is required: a memo of an older version is read again.
    let rows = lines.next()?.strip_prefix("rows\t")?.parse().ok()?;
    let mut breaks = Vec::new();
    if let Some(b) = lines.next() {
        let mut parts = b.split('\t');
        if parts.next()? != "breaks" {
            return None;
        }
        for part in parts {
            let (row, line) = part.split_once(':')?;
            breaks.push((row.parse().ok()?, line.parse().ok()?));
        }
    }
    Some((
        h.to_string(),
        Shape {
            problem,
            breaks,
            rows,
        },
    ))
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
    Ok((hex(hasher.finalize().as_slice()), checker.finish()))
}

/// Lower-case hex of a digest.
fn hex(digest: &[u8]) -> String {
    digest.iter().fold(String::with_capacity(64), |mut hex, b| {
        let _ = write!(hex, "{b:02x}");
        hex
    })
}
