//! CSV dialect: what the definition says, with the rest detected from the
//! file's first bytes (encoding, separator, decimal mark, title lines).

use std::io::Read;
use std::path::Path;

use anyhow::{Context, Result, bail};

use super::Encoding;
use crate::definitions::{ColumnType, Source};

/// The dialect of one file, as used to read it.
#[derive(Debug, Clone)]
pub(crate) struct Dialect {
    /// Encoding of the original file.
    pub(crate) encoding: Encoding,
    /// Whether the file starts with a UTF-8 BOM.
    pub(crate) bom: bool,
    /// Field separator.
    pub(crate) separator: u8,
    /// Decimal comma.
    pub(crate) decimal_comma: bool,
    /// Lines above the header.
    pub(crate) skip_lines: usize,
    /// Lines right below the header.
    pub(crate) skip_after_header: usize,
    /// The header's column names.
    pub(crate) header: Vec<String>,
    /// Every value of the period column in the sniffed head (the complete
    /// lines of the first 64 KiB) is empty or a plain `YYYY-MM-DD` date, so
    /// the CSV reader may parse a day-granularity period column as dates;
    /// when false (say, ISO timestamps), the column is read as text and
    /// parsed by `typed::typed`.
    pub(crate) plain_dates: bool,
}

/// How many bytes are sniffed.
const SNIFF_BYTES: usize = 64 * 1024;

/// Detects the dialect of `path`, honouring what `def` declares.
pub(super) fn detect(path: &Path, def: &Source) -> Result<Dialect> {
    let mut head = Vec::with_capacity(SNIFF_BYTES);
    std::fs::File::open(path)
        .with_context(|| format!("opening {}", path.display()))?
        .take(SNIFF_BYTES as u64)
        .read_to_end(&mut head)
        .with_context(|| format!("reading {}", path.display()))?;
    let bom = head.starts_with(&[0xEF, 0xBB, 0xBF]);
    let body = if bom { &head[3..] } else { &head[..] };
    check_bytes(path, body, head.len() == SNIFF_BYTES)?;
    let encoding = def.dialect.encoding.unwrap_or_else(|| sniff_encoding(body));
    let text = match encoding {
        Encoding::Utf8 => String::from_utf8_lossy(body).into_owned(),
        Encoding::Windows1252 => encoding_rs::WINDOWS_1252.decode(body).0.into_owned(),
    };
    let lines: Vec<&str> = text.lines().take(50).collect();
    if lines.is_empty() {
        bail!("{} is empty", path.display());
    }
    let separator = def
        .dialect
        .separator
        .unwrap_or_else(|| guess_separator(&lines));
    let wanted: Vec<&str> = def
        .columns
        .iter()
        .map(|c| c.name.as_str())
        .filter(|n| {
            def.wide
                .as_ref()
                .is_none_or(|w| *n != w.key && *n != w.value)
        })
        .collect();
    let skip_lines = def
        .dialect
        .skip_lines
        .unwrap_or_else(|| title_lines(&lines, separator, &wanted));
    let header_line = lines.get(skip_lines).copied().unwrap_or("");
    let header = split_fields(header_line, separator);
    let skip_after_header = def
        .dialect
        .skip_after_header
        .unwrap_or_else(|| note_lines(&lines, separator, skip_lines, header.len()));
    let decimal_comma = def.dialect.decimal_comma.unwrap_or(separator == b';');
    let cut = head.len() == SNIFF_BYTES;
    let data_start = skip_lines + 1 + skip_after_header;
    let plain_dates = plain_period_dates(def, &text, cut, &header, separator, data_start);
    Ok(Dialect {
        encoding,
        bom,
        separator,
        decimal_comma,
        skip_lines,
        skip_after_header,
        header,
        plain_dates,
    })
}

/// Refuses a head that is not a text table, at its line: control
/// characters or NUL (a binary file), lines that end in CR only, or a first
/// line longer than the head (`cut`: the head is a prefix of the file).
fn check_bytes(path: &Path, body: &[u8], cut: bool) -> Result<()> {
    if let Some(at) = body
        .iter()
        .position(|&b| b == 0 || (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c | 0x1a)))
    {
        let line = body[..at].split(|&b| b == b'\n').count();
        let what = if body[at] == 0 {
            "a NUL byte"
        } else {
            "a control character"
        };
        bail!(
            "{}:{line}: the line holds {what}, which is not text: is the file a binary one, \
             such as a spreadsheet or a picture, rather than a CSV table?",
            path.display()
        );
    }
    let lone_cr = body
        .windows(2)
        .filter(|w| w[0] == b'\r' && w[1] != b'\n')
        .count()
        + usize::from(body.last() == Some(&b'\r'));
    let lf = body.split(|&b| b == b'\n').count() - 1;
    if lone_cr > lf {
        bail!(
            "{}:1: the lines of this file end in a carriage return only (CR, as on old \
             Macs); save it again with Windows (CRLF) or Unix (LF) line endings",
            path.display()
        );
    }
    if !body.contains(&b'\n') && cut {
        bail!(
            "{}:1: the first line is longer than {} KiB with no line break: the header of a \
             table is not that long; is this the right file?",
            path.display(),
            SNIFF_BYTES / 1024
        );
    }
    Ok(())
}

/// Whether the period column is declared a date and its every value on the
/// complete data lines of `text` (from line `data_start`, 0-based; the last
/// line is left out when the head was `cut`) is empty or `YYYY-MM-DD`.
fn plain_period_dates(
    def: &Source,
    text: &str,
    cut: bool,
    header: &[String],
    separator: u8,
    data_start: usize,
) -> bool {
    if def.column_type(&def.period_column) != Some(ColumnType::Date) {
        return false;
    }
    let Some(i) = header.iter().position(|h| *h == def.period_column) else {
        return false;
    };
    let mut sample: Vec<&str> = text.lines().skip(data_start).collect();
    if cut && !text.ends_with('\n') {
        // The last line may be cut off.
        sample.pop();
    }
    sample
        .iter()
        .all(|l| is_plain_date_or_empty(split_fields(l, separator).get(i)))
}

/// An absent or empty field, or `YYYY-MM-DD`.
fn is_plain_date_or_empty(field: Option<&String>) -> bool {
    field.is_none_or(|f| {
        let b = f.as_bytes();
        b.is_empty()
            || (b.len() == 10
                && b.iter().enumerate().all(|(i, c)| {
                    if i == 4 || i == 7 {
                        *c == b'-'
                    } else {
                        c.is_ascii_digit()
                    }
                }))
    })
}

/// Valid UTF-8 (ignoring a cut multi-byte sequence at the end) → UTF-8,
/// else Windows-1252.
fn sniff_encoding(body: &[u8]) -> Encoding {
    match std::str::from_utf8(body) {
        Ok(_) => Encoding::Utf8,
        Err(e) if e.error_len().is_none() => Encoding::Utf8,
        Err(_) => Encoding::Windows1252,
    }
}

/// Lines above the header: the header is the first line naming a declared
/// column (0 when none does).
fn title_lines(lines: &[&str], separator: u8, wanted: &[&str]) -> usize {
    lines
        .iter()
        .position(|l| {
            let fields = split_fields(l, separator);
            wanted.iter().any(|w| fields.iter().any(|f| f == w))
        })
        .unwrap_or(0)
}

/// Note rows right under the header: first field filled, the rest empty,
/// or no separator at all.
fn note_lines(lines: &[&str], separator: u8, skip_lines: usize, header_len: usize) -> usize {
    let mut n = 0;
    for l in lines.iter().skip(skip_lines + 1) {
        let fields = split_fields(l, separator);
        let filled = fields.iter().filter(|f| !f.trim().is_empty()).count();
        if header_len > 2 && filled <= 1 {
            n += 1;
        } else {
            break;
        }
    }
    n
}

/// The separator that gives the same, largest field count on most lines.
fn guess_separator(lines: &[&str]) -> u8 {
    let mut best = (b',', 0usize);
    for sep in [b';', b',', b'\t', b'|'] {
        // The separator that gives the same, largest field count on most lines.
        let counts: Vec<usize> = lines.iter().map(|l| split_fields(l, sep).len()).collect();
        let max = counts.iter().copied().max().unwrap_or(0);
        let agree = counts.iter().filter(|c| **c == max).count();
        if max > 1 && agree * max > best.1 {
            best = (sep, agree * max);
        }
    }
    best.0
}

/// Splits a CSV line, honouring double quotes.
pub(super) fn split_fields(line: &str, sep: u8) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut quoted = false;
    let sep = sep as char;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                cur.push('"');
                chars.next();
            }
            '"' => quoted = !quoted,
            c if c == sep && !quoted => out.push(std::mem::take(&mut cur)),
            c => cur.push(c),
        }
    }
    out.push(cur);
    out.into_iter()
        .map(|s| s.trim().trim_start_matches('\u{feff}').to_string())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_quoted_fields() {
        assert_eq!(
            split_fields("a;\"b;c\";\"d \"\"e\"\"\"", b';'),
            vec!["a", "b;c", "d \"e\""]
        );
        assert_eq!(guess_separator(&["a;b;c", "1;2,5;3"]), b';');
        assert_eq!(guess_separator(&["a,b,c", "1,2.5,3"]), b',');
    }

    #[test]
    fn plain_dates_are_told_from_timestamps() {
        let plain = |f: &str| is_plain_date_or_empty(Some(&f.to_string()));
        assert!(plain("2025-02-11"));
        assert!(plain(""));
        assert!(is_plain_date_or_empty(None));
        assert!(!plain("2025-02-11T10:00:00"));
        assert!(!plain("2025-02-11 10:00"));
        assert!(!plain("11.02.2025"));
        assert!(!plain("2025-2-11"));
        assert!(!plain("."));
    }
}
