//! Output helpers: number formatting per language, atomic file writes,
//! tidy CSV rows and terminal tables.

pub mod dashboard;

use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result};

use crate::cli::Lang;

/// Formats a number for people: `71,3` (nb) or `71.3` (en), with a unit.
pub fn number(value: Option<f64>, unit: &str, lang: Lang) -> String {
    let Some(v) = value else {
        return "–".to_string();
    };
    let decimals = match unit {
        "count" | "number" if v.fract().abs() < 1e-9 => 0,
        "count" | "number" => 1,
        "days" => 0,
        _ => 1,
    };
    with_decimals(v, decimals, unit, lang)
}

/// Formats a target as written: a whole number without decimals (`≥ 75 %`,
/// not `≥ 75,0 %`), anything else as [`number`] does.
pub fn target(value: f64, unit: &str, lang: Lang) -> String {
    if value.fract().abs() < 1e-9 {
        with_decimals(value, 0, unit, lang)
    } else {
        number(Some(value), unit, lang)
    }
}

fn with_decimals(v: f64, decimals: usize, unit: &str, lang: Lang) -> String {
    let mut s = format!("{v:.decimals$}");
    if lang == Lang::Nb {
        s = s.replace('.', ",");
    }
    let s = group_thousands(&s, if lang == Lang::Nb { '\u{a0}' } else { ',' });
    match unit {
        "percent" => format!("{s} %"),
        "days" => format!("{s} {}", if lang == Lang::Nb { "dager" } else { "days" }),
        "percentage-points" => format!("{s} pp"),
        _ => s,
    }
}

fn group_thousands(s: &str, sep: char) -> String {
    let (sign, rest) = s.strip_prefix('-').map_or(("", s), |r| ("-", r));
    let (int, frac) = match rest.find([',', '.']) {
        Some(i) => rest.split_at(i),
        None => (rest, ""),
    };
    if int.len() <= 3 {
        return s.to_string();
    }
    let mut out = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(sep);
        }
        out.push(c);
    }
    format!("{sign}{out}{frac}")
}

/// A machine-readable number: rounded to 6 decimals, shortest round-trip
/// form, empty when missing.
pub fn plain(value: Option<f64>) -> String {
    // Rounded to 6 decimals, so derived figures (required path, projection)
    // print the same on every platform.
    value
        .map(|v| (v * 1e6).round() / 1e6)
        .map_or_else(String::new, |v| {
            if v == 0.0 {
                "0".to_string()
            } else {
                format!("{v}")
            }
        })
}

/// Writes `bytes` to `path` atomically: a temporary file in the same folder,
/// then a rename, so a reader never sees half a file and a failed run leaves
/// the old file in place.
///
/// # Errors
/// When the folder or file cannot be written.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
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

/// Writes to stdout, or atomically to a file.
///
/// # Errors
/// Write failures (a broken pipe is reported as such and ends quietly).
pub fn emit(output: Option<&Path>, bytes: &[u8]) -> Result<()> {
    match output {
        Some(p) => write_atomic(p, bytes),
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(bytes)?;
            out.flush()?;
            Ok(())
        }
    }
}

/// A comfy-table with the house style.
pub fn table(header: Vec<String>) -> comfy_table::Table {
    let mut t = comfy_table::Table::new();
    t.load_preset(comfy_table::presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(comfy_table::ContentArrangement::Dynamic)
        .set_header(header);
    if let Some((w, _)) = terminal_width() {
        t.set_width(w);
    } else {
        t.set_width(160);
    }
    t
}

fn terminal_width() -> Option<(u16, u16)> {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse().ok())
        .map(|w| (w, 0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_numbers_per_language() {
        assert_eq!(number(Some(71.25), "percent", Lang::Nb), "71,2 %");
        assert_eq!(number(Some(1234.0), "count", Lang::En), "1,234");
        assert_eq!(
            number(Some(1234567.0), "count", Lang::Nb),
            "1\u{a0}234\u{a0}567"
        );
        assert_eq!(number(Some(158.6), "days", Lang::En), "159 days");
        assert_eq!(number(None, "percent", Lang::En), "–");
        assert_eq!(plain(Some(0.5)), "0.5");
        assert_eq!(plain(None), "");
    }

    #[test]
    fn targets_are_written_as_given() {
        assert_eq!(target(75.0, "percent", Lang::Nb), "75 %");
        assert_eq!(target(22.5, "percent", Lang::Nb), "22,5 %");
        assert_eq!(target(4.0, "stage", Lang::En), "4");
        assert_eq!(target(120.0, "days", Lang::En), "120 days");
    }
}
