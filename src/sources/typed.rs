//! Typed values from raw text: numbers (SSB symbols, decimal comma),
//! zero-padded codes (also written with a name), dates (also ISO
//! timestamps, as the Oslo date), organisation numbers (MOD11) and period
//! keys.

use polars::prelude::*;

use super::calendar::{Stages, oslo_date, period_parts};
use super::{MONTH, YEAR};
use crate::definitions::{ColumnType, Granularity};

/// Whitespace-trimmed text.
pub(super) fn trimmed(raw: Expr) -> Expr {
    raw.str().strip_chars(lit(" \t\r\u{a0}"))
}

/// The typed value of a raw text column (dates read helper columns of `st`).
pub(crate) fn typed(st: &mut Stages, raw: Expr, ty: ColumnType, decimal_comma: bool) -> Expr {
    match ty {
        ColumnType::Text => raw,
        ColumnType::Integer => number(raw, decimal_comma).cast(DataType::Int64),
        ColumnType::Decimal => number(raw, decimal_comma),
        ColumnType::Date => oslo_date(st, trimmed(raw)),
        ColumnType::Municipality => code(raw, 4, "(?:K-)?"),
        ColumnType::County => code(raw, 2, ""),
        ColumnType::Orgnr => orgnr(raw),
    }
}

/// A number from text: SSB symbols → null, `-` → 0, spaces as thousand
/// separators removed, decimal comma honoured. Unparseable text → null, and
/// so is anything that is not a finite number (`NaN`, `inf`, `1e309`). In a
/// decimal-comma source a dot is a thousands separator: `80.917` and
/// `1.234.567,5` are read with the dots as groups of three digits, and a
/// dot anywhere else (`80.91`) makes the cell unreadable, never a decimal.
fn number(raw: Expr, decimal_comma: bool) -> Expr {
    let t = trimmed(raw);
    let mut cleaned = t.clone().str().replace_all(lit(" "), lit(""), true);
    cleaned = cleaned.str().replace_all(lit("\u{a0}"), lit(""), true);
    let mut value = if decimal_comma {
        let grouped = cleaned
            .clone()
            .str()
            .contains(lit(r"^[+-]?[0-9]{1,3}(\.[0-9]{3})+(,[0-9]*)?$"), true);
        let plain = cleaned
            .clone()
            .str()
            .replace_all(lit("."), lit(""), true)
            .str()
            .replace_all(lit(","), lit("."), true)
            .cast(DataType::Float64);
        when(
            cleaned
                .clone()
                .str()
                .contains_literal(lit("."))
                .not()
                .or(grouped),
        )
        .then(plain)
        .otherwise(lit(NULL).cast(DataType::Float64))
    } else {
        cleaned.cast(DataType::Float64)
    };
    value = when(value.clone().is_finite())
        .then(value)
        .otherwise(lit(NULL).cast(DataType::Float64));
    when(t.eq(lit("-"))).then(lit(0.0)).otherwise(value)
}

/// A zero-padded code of `width` digits (`301` → `0301`) from a cell that
/// starts with 1–`width` digits (after an optional `prefix`, a regular
/// expression) followed by the end of the cell or by whitespace and anything
/// (a name: `0301 Oslo`, `301 Oslo`, `K-0301 Oslo`, `0301 Oslo - Oslo`);
/// null for any other cell (`Oslo`, `03011`, `0301-Oslo`).
fn code(raw: Expr, width: usize, prefix: &str) -> Expr {
    let t = trimmed(raw);
    // Digits only (the common case) without a regular expression: at most
    // `width` bytes, a number ≥ 0, no sign.
    let n = t.clone().cast(DataType::Int64);
    let digits = t
        .clone()
        .str()
        .len_bytes()
        .lt_eq(lit(width as u32))
        .and(n.gt_eq(lit(0_i64)))
        .and(t.clone().str().starts_with(lit("+")).not())
        .fill_null(lit(false));
    // Anything else through the pattern (only those rows: the others are
    // null here, which the pattern skips).
    let other = when(digits.clone())
        .then(lit(NULL).cast(DataType::String))
        .otherwise(t.clone());
    let pattern = format!(r"(?s)^{prefix}(\d{{1,{width}}})(?:\s.*)?$");
    when(digits)
        .then(t)
        .otherwise(other.str().extract(lit(pattern), 1))
        .str()
        .zfill(lit(width as i32))
}

/// An organisation number as an integer, null when it fails the MOD11 rule
/// (weights 3,2,7,6,5,4,3,2; check digit 11 − sum mod 11, 11 → 0, 10 invalid).
fn orgnr(raw: Expr) -> Expr {
    let t = trimmed(raw).str().replace_all(lit(" "), lit(""), true);
    orgnr_check(t.cast(DataType::Int64))
}

/// The MOD11 check on an integer organisation number; null when invalid.
pub(super) fn orgnr_check(n: Expr) -> Expr {
    let weights = [3_i64, 2, 7, 6, 5, 4, 3, 2];
    let digit = |i: u32| n.clone().floor_div(lit(10_i64.pow(8 - i))) % lit(10_i64);
    let mut sum = lit(0_i64);
    for (i, w) in weights.iter().enumerate() {
        sum = sum + digit(i as u32) * lit(*w);
    }
    let check = lit(11_i64) - (sum % lit(11_i64));
    let check = when(check.clone().eq(lit(11_i64)))
        .then(lit(0_i64))
        .otherwise(check);
    let valid = n
        .clone()
        .gt_eq(lit(100_000_000_i64))
        .and(n.clone().lt_eq(lit(999_999_999_i64)))
        .and(check.eq(digit(8)));
    when(valid)
        .then(n)
        .otherwise(lit(NULL).cast(DataType::Int64))
}

/// `_y` and `_m` (the year and the first month of the period) from the
/// raw text of a period column of the given granularity; both null when
/// the cell names no period of it (see [`period_parts`] for the forms).
pub(super) fn period_exprs(st: &mut Stages, raw: Expr, granularity: Granularity) -> (Expr, Expr) {
    period_parts(st, trimmed(raw), granularity)
}

/// The period key of a row at a grouping granularity: `_y`, `_y*10+q`, `_y*100+m`.
pub(crate) fn period_key(granularity: Granularity) -> Expr {
    let y = col(YEAR).cast(DataType::Int64);
    let m = col(MONTH).cast(DataType::Int64);
    match granularity {
        Granularity::Year => y,
        Granularity::Quarter => {
            y * lit(10_i64) + (m - lit(1_i64)).floor_div(lit(3_i64)) + lit(1_i64)
        }
        Granularity::Month | Granularity::Day => y * lit(100_i64) + m,
    }
}

#[cfg(test)]
mod tests {

    use super::typed;
    use crate::definitions::ColumnType;
    use crate::sources::calendar::eval_cells;

    /// The typed value of each cell, as text (`-` for null).
    fn typed_cells(ty: ColumnType, cells: &[&str]) -> Vec<String> {
        eval_cells(cells, |st, t| typed(st, t, ty, false))
    }

    #[test]
    fn municipality_cells_with_code_and_name() {
        let cells = [
            ("0301", "0301"),
            ("301", "0301"),
            (" 301 ", "0301"),
            ("0301 Oslo", "0301"),
            ("301 Oslo", "0301"),
            ("K-0301 Oslo", "0301"),
            ("K-0301", "0301"),
            ("K-301", "0301"),
            ("0301 Oslo - Oslo", "0301"),
            ("0301 - Oslo", "0301"),
            ("4601 Bergen", "4601"),
            ("1508 Ålesund", "1508"),
            ("5001\tTrondheim - Tråante", "5001"),
            ("Oslo", "-"),
            ("Oslo 0301", "-"),
            ("03011", "-"),
            ("03011 Oslo", "-"),
            ("0301-Oslo", "-"),
            ("0301Oslo", "-"),
            ("K0301", "-"),
            ("-301", "-"),
            ("+301", "-"),
            ("+3011", "-"),
            ("3.01", "-"),
            ("", "-"),
        ];
        let input: Vec<&str> = cells.iter().map(|c| c.0).collect();
        let got = typed_cells(ColumnType::Municipality, &input);
        for ((cell, want), got) in cells.iter().zip(&got) {
            assert_eq!(got, want, "{cell:?}");
        }
    }

    #[test]
    fn county_cells_with_code_and_name() {
        let cells = [
            ("03", "03"),
            ("3", "03"),
            ("03 Oslo", "03"),
            ("3 Oslo", "03"),
            ("46 Vestland", "46"),
            ("46 Vestland - Vestlande", "46"),
            ("460 Vestland", "-"),
            ("Vestland", "-"),
            ("K-46", "-"),
            ("46-Vestland", "-"),
        ];
        let input: Vec<&str> = cells.iter().map(|c| c.0).collect();
        let got = typed_cells(ColumnType::County, &input);
        for ((cell, want), got) in cells.iter().zip(&got) {
            assert_eq!(got, want, "{cell:?}");
        }
    }

    #[test]
    fn numbers_are_finite_and_a_dot_is_a_thousands_separator_after_a_decimal_comma() {
        let cells = [
            "80,9",
            "80.917",
            "1.234.567,5",
            "80.91",
            "1,5",
            "12 345",
            "NaN",
            "inf",
            "-inf",
            "1e309",
            "1e3",
            "-",
            ":",
            "",
        ];
        let comma = eval_cells(&cells, |st, t| typed(st, t, ColumnType::Decimal, true));
        assert_eq!(
            comma,
            [
                "80.9",
                "80917.0",
                "1234567.5",
                "-",
                "1.5",
                "12345.0",
                "-",
                "-",
                "-",
                "-",
                "1000.0",
                "0.0",
                "-",
                "-"
            ]
        );
        let point = eval_cells(&["80.917", "NaN", "1e309", "1e3"], |st, t| {
            typed(st, t, ColumnType::Decimal, false)
        });
        assert_eq!(point, ["80.917", "-", "-", "1000.0"]);
    }

    #[test]
    fn date_cells_are_oslo_dates() {
        let got = typed_cells(
            ColumnType::Date,
            &[
                "2025-02-11",
                "2025-02-11T23:30:00Z",
                "2025-02-11 23:30",
                "11/02/2025",
            ],
        );
        assert_eq!(got, ["2025-02-11", "2025-02-12", "2025-02-11", "-"]);
    }
}
