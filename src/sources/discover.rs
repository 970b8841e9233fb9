//! Finding a source's files (the glob under the data folder) and checking
//! each file's header against the declared columns.

use std::fmt::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

use super::hash::{self, hash_file, hash_memo};
use super::structure::Checker;
use super::{Dialect, Encoding, FileInfo, HashState, Opened, ReadFrom, dialect};
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
/// in memory now).
fn open_file(source: &Source, path: PathBuf) -> Result<FileInfo> {
    let dialect = dialect::detect(&path, source)?;
    check_header(source, &path, &dialect)?;
    let bytes = std::fs::metadata(&path)
        .with_context(|| format!("reading {}", path.display()))?
        .len();
    // Asked before the hash below is started (which remembers it).
    let seen_before = hash_memo(&path).is_ok_and(|m| m.exists());
    let utf8 = dialect.encoding == Encoding::Utf8;
    let checker = Checker::new(
        dialect.separator,
        utf8,
        dialect.skip_lines,
        dialect.skip_after_header,
    );
    let (read, hash) = if utf8 {
        let p = path.clone();
        let handle = std::thread::spawn(move || hash_file(&p, checker));
        (
            ReadFrom::Path(path.clone()),
            HashState::Pending(Some(handle)),
        )
    } else {
        // Read whole to be transcoded in memory: no copy of the extract is
        // written anywhere.
        let raw = std::fs::read(&path).with_context(|| format!("reading {}", path.display()))?;
        let hashed = hash::hash_bytes(&path, &raw, checker);
        let (text, _, _) = encoding_rs::WINDOWS_1252.decode(&raw);
        let text = polars_buffer::Buffer::from_vec(text.into_owned().into_bytes());
        (ReadFrom::Memory(text), HashState::Done(hashed))
    };
    Ok(FileInfo {
        path,
        bytes,
        seen_before,
        dialect,
        read,
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

/// The year columns of a wide file's header, with the year each holds: a
/// header that is not a declared column and holds exactly one run of four
/// digits, a year 1900–2100, apart from any shorter numbers (`2024`,
/// `Personer 2024`, `2024 Personer`, `Folkemengde 1. januar 2025`).
pub(super) fn year_columns(source: &Source, dialect: &Dialect) -> Vec<(String, String)> {
    dialect
        .header
        .iter()
        .filter(|h| source.column(h).is_none())
        .filter_map(|h| header_year(h).map(|y| (h.clone(), y)))
        .collect()
}

/// The year a column header names: its only run of exactly four digits,
/// when that is a year 1900–2100.
fn header_year(header: &str) -> Option<String> {
    let mut years = header
        .split(|c: char| !c.is_ascii_digit())
        .filter(|run| run.len() == 4);
    let year = years.next()?;
    if years.next().is_some()
        || header
            .split(|c: char| !c.is_ascii_digit())
            .any(|r| r.len() > 4)
    {
        return None;
    }
    let n: u32 = year.parse().ok()?;
    (1900..=2100).contains(&n).then(|| year.to_string())
}

/// Why the header line does not look like column names (binary bytes,
/// numbers, long digit runs, very long cells): a file without its header,
/// say, whose first line is a data row that no message may show.
fn not_a_header(header: &[String]) -> Option<&'static str> {
    let binary = |h: &String| {
        h.chars()
            .any(|c| c == '\u{FFFD}' || (c.is_control() && c != '\t'))
    };
    if header.iter().any(binary) {
        return Some("it holds bytes that are not text: is this a binary file?");
    }
    let digit_run = |h: &String| {
        h.split(|c: char| !c.is_ascii_digit())
            .any(|run| run.len() > 4)
    };
    let number = |h: &String| {
        let t = h.trim();
        let year = t.len() == 4 && (t.starts_with("19") || t.starts_with("20"));
        !t.is_empty() && !year && t.replace(',', ".").parse::<f64>().is_ok()
    };
    if header
        .iter()
        .any(|h| digit_run(h) || number(h) || h.chars().count() > 80)
    {
        return Some(
            "it holds numbers or long cells where column names belong: is the header \
             missing? (its cells are not shown, as they may be data)",
        );
    }
    None
}

/// What the header holds, in words, for a missing column: the declared
/// columns it has, how many others (not shown: a header may be a data row),
/// and the one nearest to the missing name.
fn found(source: &Source, header: &[String], missing: &str) -> String {
    let declared: Vec<String> = header
        .iter()
        .filter(|h| source.column(h).is_some())
        .map(|h| format!("`{h}`"))
        .collect();
    let others = header.len() - declared.len();
    let mut text = format!("the header has {} column(s)", header.len());
    if !declared.is_empty() {
        let _ = write!(text, "; declared ones found: {}", declared.join(", "));
    }
    if others > 0 {
        let _ = write!(text, "; {others} other(s), not shown");
    }
    let undeclared = header.iter().filter(|h| source.column(h).is_none());
    if let Some(near) = crate::diagnostic::closest(missing, undeclared.map(String::as_str)) {
        let _ = write!(text, "; did you mean `{near}`?");
    }
    text
}

fn check_header(source: &Source, path: &Path, dialect: &Dialect) -> Result<()> {
    let line = dialect.skip_lines + 1;
    let wrong = header_columns(source)
        .iter()
        .any(|n| !dialect.header.iter().any(|h| h == n))
        || (1..dialect.header.len()).any(|i| dialect.header[..i].contains(&dialect.header[i]));
    if wrong && let Some(why) = not_a_header(&dialect.header) {
        bail!(
            "{}:{line}: the line where the header of source `{}` should be does not look \
             like one: {why}",
            path.display(),
            source.id()
        );
    }
    for (i, name) in dialect.header.iter().enumerate() {
        if dialect.header[..i].contains(name) {
            bail!(
                "{}:{}: the header names column `{name}` twice (columns {} and {}); \
                 a table cannot tell them apart: rename or remove one",
                path.display(),
                line,
                dialect
                    .header
                    .iter()
                    .position(|h| h == name)
                    .map_or(0, |p| p + 1),
                i + 1
            );
        }
    }
    for name in header_columns(source) {
        if !dialect.header.iter().any(|h| h == name) {
            bail!(
                "{}:{}: declared column `{}` of source `{}` is missing from the header ({})",
                path.display(),
                line,
                name,
                source.id(),
                found(source, &dialect.header, name)
            );
        }
    }
    if source.wide.is_none() {
        return Ok(());
    }
    let years = year_columns(source, dialect);
    if years.is_empty() {
        bail!(
            "{}:{}: source `{}` is declared wide, but the header has no year columns",
            path.display(),
            line,
            source.id()
        );
    }
    for (i, (header, year)) in years.iter().enumerate() {
        if let Some((other, _)) = years[..i].iter().find(|(_, y)| y == year) {
            bail!(
                "{}:{}: source `{}` is declared wide, but columns `{other}` and `{header}` \
                 both hold year {year}; keep one of them in the file",
                path.display(),
                line,
                source.id()
            );
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::header_year;

    #[test]
    fn year_headers_with_text() {
        let year = |h: &str| header_year(h);
        assert_eq!(year("2024").as_deref(), Some("2024"));
        assert_eq!(year("Personer 2024").as_deref(), Some("2024"));
        assert_eq!(year("2024 Personer").as_deref(), Some("2024"));
        assert_eq!(year("Folkemengde 1. januar 2025").as_deref(), Some("2025"));
        assert_eq!(year("\u{feff}2020").as_deref(), Some("2020"));
        assert_eq!(year("kommunenr"), None);
        assert_eq!(year("2024-2025"), None);
        assert_eq!(year("20245"), None);
        assert_eq!(year("Personer 12024"), None);
        assert_eq!(year("0301 Oslo"), None);
        assert_eq!(year("1850"), None);
        assert_eq!(year("Personer"), None);
    }
}
