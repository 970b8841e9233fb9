//! Periods and dates in prose: codes (`2026Q2`, `2030-12-31`) stay in
//! tables and machine formats; sentences say "2. kvartal 2026" and
//! "31. desember 2030" (nb) or "Q2 2026" and "31 December 2030" (en).

use crate::output::Lang;

const MONTHS_NB: [&str; 12] = [
    "januar",
    "februar",
    "mars",
    "april",
    "mai",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "desember",
];

const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A period or date code in words: `2026` stays, `2026Q2` → "2. kvartal
/// 2026" / "Q2 2026", `2026-06` → "juni 2026" / "June 2026",
/// `2030-12-31` → "31. desember 2030" / "31 December 2030". Anything else
/// is returned as it is.
pub(crate) fn prose(code: &str, lang: Lang) -> String {
    let nb = lang == Lang::Nb;
    let month = |m: &str| -> Option<&'static str> {
        let i: usize = m.parse().ok()?;
        let names = if nb { &MONTHS_NB } else { &MONTHS_EN };
        names.get(i.checked_sub(1)?).copied()
    };
    let year_ok = |y: &str| y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit());
    if let Some((y, q)) = code.split_once('Q')
        && year_ok(y)
        && matches!(q, "1" | "2" | "3" | "4")
    {
        return if nb {
            format!("{q}. kvartal {y}")
        } else {
            format!("Q{q} {y}")
        };
    }
    let parts: Vec<&str> = code.split('-').collect();
    match parts.as_slice() {
        [y, m] if year_ok(y) && m.len() == 2 => {
            month(m).map_or_else(|| code.to_string(), |name| format!("{name} {y}"))
        }
        [y, m, d] if year_ok(y) && m.len() == 2 && d.len() == 2 => {
            match (
                month(m),
                d.parse::<u32>().ok().filter(|d| (1..=31).contains(d)),
            ) {
                (Some(name), Some(day)) if nb => format!("{day}. {name} {y}"),
                (Some(name), Some(day)) => format!("{day} {name} {y}"),
                _ => code.to_string(),
            }
        }
        _ => code.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::prose;
    use crate::output::Lang;

    #[test]
    fn codes_in_words() {
        assert_eq!(prose("2030-12-31", Lang::Nb), "31. desember 2030");
        assert_eq!(prose("2030-12-31", Lang::En), "31 December 2030");
        assert_eq!(prose("2026Q2", Lang::Nb), "2. kvartal 2026");
        assert_eq!(prose("2026Q2", Lang::En), "Q2 2026");
        assert_eq!(prose("2026-01", Lang::Nb), "januar 2026");
        assert_eq!(prose("2026-06-01", Lang::Nb), "1. juni 2026");
        assert_eq!(prose("2025", Lang::Nb), "2025");
        // Not a code: as it is.
        assert_eq!(prose("2026Q5", Lang::Nb), "2026Q5");
        assert_eq!(prose("2026-13", Lang::Nb), "2026-13");
        assert_eq!(prose("latest", Lang::En), "latest");
    }
}
