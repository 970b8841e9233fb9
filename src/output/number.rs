//! Numbers for people and for machines: `number()` (decimal comma and
//! grouping per language, with a unit), `target()` (as written) and
//! `plain()` (CSV/JSON).

use crate::output::Lang;

/// Formats a number for people: `71,3` (nb) or `71.3` (en), with a unit.
pub(crate) fn number(value: Option<f64>, unit: &str, lang: Lang) -> String {
    let Some(v) = value else {
        return "–".to_string();
    };
    let whole = v.fract().abs() < 1e-9;
    let decimals = match unit {
        "count" | "number" => usize::from(!whole),
        "days" => 0,
        _ => 1,
    };
    with_decimals(v, decimals, unit, lang)
}

/// A whole count for people, grouped per language (`8\u{a0}552`, `8,552`).
#[allow(
    clippy::cast_precision_loss,
    reason = "counts of cells are far below 2^53"
)]
pub(crate) fn count(value: u64, lang: Lang) -> String {
    with_decimals(value as f64, 0, "count", lang)
}

/// Formats a target as written: a whole number without decimals (`≥ 75 %`,
/// not `≥ 75,0 %`), anything else as [`number`] does.
pub(crate) fn target(value: f64, unit: &str, lang: Lang) -> String {
    if value.fract().abs() < 1e-9 {
        with_decimals(value, 0, unit, lang)
    } else {
        number(Some(value), unit, lang)
    }
}

/// A number with a fixed count of decimals, grouped, with its unit. In
/// bokmål: decimal comma, a narrow no-break space between thousands
/// (`17\u{202f}278`), the minus sign U+2212; in both languages a no-break
/// space before `%` and a unit word, so a table never breaks `13,0 %`.
fn with_decimals(v: f64, decimals: usize, unit: &str, lang: Lang) -> String {
    let mut s = format!("{v:.decimals$}");
    // `-0.0` prints as `-0`; a rounded zero has no sign.
    if s.starts_with('-') && s[1..].bytes().all(|b| b == b'0' || b == b'.') {
        s.remove(0);
    }
    if lang == Lang::Nb {
        s = s.replace('.', ",");
    }
    let mut s = group_thousands(&s, if lang == Lang::Nb { '\u{202f}' } else { ',' });
    if lang == Lang::Nb && s.starts_with('-') {
        s.replace_range(..1, "\u{2212}");
    }
    match unit {
        "percent" => format!("{s}\u{a0}%"),
        "days" => format!(
            "{s}\u{a0}{}",
            if lang == Lang::Nb { "dager" } else { "days" }
        ),
        "percentage-points" => format!("{s}\u{a0}pp"),
        _ => s,
    }
}

/// A signed number as [`number`] writes it, with `+` before a positive
/// one (a change): `+4\u{202f}254`, `−1,2\u{a0}%`.
pub(crate) fn signed(value: f64, unit: &str, lang: Lang) -> String {
    let s = number(Some(value), unit, lang);
    let zero = s
        .trim_start_matches(['-', '\u{2212}'])
        .chars()
        .all(|c| !c.is_ascii_digit() || c == '0');
    if value > 0.0 && !zero {
        format!("+{s}")
    } else {
        s
    }
}

/// Groups the integer part in threes with `sep`.
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
pub(crate) fn plain(value: Option<f64>) -> String {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_numbers_per_language() {
        assert_eq!(number(Some(71.25), "percent", Lang::Nb), "71,2\u{a0}%");
        assert_eq!(number(Some(1234.0), "count", Lang::En), "1,234");
        assert_eq!(
            number(Some(1_234_567.0), "count", Lang::Nb),
            "1\u{202f}234\u{202f}567"
        );
        assert_eq!(
            number(Some(-17_278.0), "days", Lang::Nb),
            "\u{2212}17\u{202f}278\u{a0}dager"
        );
        assert_eq!(number(Some(-0.01), "percent", Lang::Nb), "0,0\u{a0}%");
        assert_eq!(number(Some(-1234.5), "count", Lang::En), "-1,234.5");
        assert_eq!(number(Some(158.6), "days", Lang::En), "159\u{a0}days");
        assert_eq!(signed(4254.0, "count", Lang::Nb), "+4\u{202f}254");
        assert_eq!(signed(-1.25, "percent", Lang::Nb), "\u{2212}1,2\u{a0}%");
        assert_eq!(signed(0.01, "percent", Lang::Nb), "0,0\u{a0}%");
        assert_eq!(number(None, "percent", Lang::En), "–");
        assert_eq!(plain(Some(0.5)), "0.5");
        assert_eq!(plain(None), "");
    }

    #[test]
    fn targets_are_written_as_given() {
        assert_eq!(target(75.0, "percent", Lang::Nb), "75\u{a0}%");
        assert_eq!(target(22.5, "percent", Lang::Nb), "22,5\u{a0}%");
        assert_eq!(target(4.0, "stage", Lang::En), "4");
        assert_eq!(target(120.0, "days", Lang::En), "120\u{a0}days");
    }
}
