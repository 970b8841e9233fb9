//! Typed values from raw text: numbers (SSB symbols, decimal comma),
//! zero-padded codes, organisation numbers (MOD11) and period keys.

use polars::prelude::*;

use super::{MONTH, YEAR};
use crate::definitions::{ColumnType, Granularity};

/// Whitespace-trimmed text.
pub(super) fn trimmed(raw: Expr) -> Expr {
    raw.str().strip_chars(lit(" \t\r\u{a0}"))
}

/// The typed value of a raw text column.
pub(crate) fn typed(raw: Expr, ty: ColumnType, decimal_comma: bool) -> Expr {
    match ty {
        ColumnType::Text => raw,
        ColumnType::Integer => number(raw, decimal_comma).cast(DataType::Int64),
        ColumnType::Decimal => number(raw, decimal_comma),
        ColumnType::Date => trimmed(raw).str().to_date(StrptimeOptions {
            format: Some(PlSmallStr::from_static("%Y-%m-%d")),
            strict: false,
            exact: true,
            cache: true,
        }),
        ColumnType::Municipality => code(raw, 4, Some("K-")),
        ColumnType::County => code(raw, 2, None),
        ColumnType::Orgnr => orgnr(raw),
    }
}

/// A number from text: SSB symbols → null, `-` → 0, spaces as thousand
/// separators removed, decimal comma honoured. Unparseable text → null.
fn number(raw: Expr, decimal_comma: bool) -> Expr {
    let t = trimmed(raw);
    let mut cleaned = t.clone().str().replace_all(lit(" "), lit(""), true);
    cleaned = cleaned.str().replace_all(lit("\u{a0}"), lit(""), true);
    if decimal_comma {
        cleaned = cleaned.str().replace_all(lit(","), lit("."), true);
    }
    when(t.eq(lit("-")))
        .then(lit(0.0))
        .otherwise(cleaned.cast(DataType::Float64))
}

/// A zero-padded code of `width` digits (`301` → `0301`), null when not 1–width digits.
fn code(raw: Expr, width: i32, prefix: Option<&str>) -> Expr {
    let mut t = trimmed(raw);
    if let Some(p) = prefix {
        t = t.str().strip_prefix(lit(p));
    }
    let n = t.clone().cast(DataType::Int64);
    let max = 10_i64.pow(width as u32);
    let digits_only = t.clone().str().len_chars().lt_eq(lit(width as u32));
    when(n.clone().gt_eq(lit(0)).and(n.lt(lit(max))).and(digits_only))
        .then(t.str().zfill(lit(width)))
        .otherwise(lit(NULL).cast(DataType::String))
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

/// `_y` and `_m` from a period column of the given granularity.
pub(super) fn period_exprs(raw: Expr, granularity: Granularity) -> (Expr, Expr) {
    let t = trimmed(raw);
    let year = t.clone().str().slice(lit(0), lit(4)).cast(DataType::Int32);
    let month = match granularity {
        Granularity::Year => lit(1_i32),
        Granularity::Quarter => {
            let q = t.str().slice(lit(-1), lit(1)).cast(DataType::Int32);
            (q - lit(1_i32)) * lit(3_i32) + lit(1_i32)
        }
        Granularity::Month | Granularity::Day => {
            t.str().slice(lit(5), lit(2)).cast(DataType::Int32)
        }
    };
    let month = when(
        month
            .clone()
            .gt_eq(lit(1))
            .and(month.clone().lt_eq(lit(12))),
    )
    .then(month)
    .otherwise(lit(NULL).cast(DataType::Int32));
    let year = when(month.clone().is_not_null())
        .then(year)
        .otherwise(lit(NULL).cast(DataType::Int32));
    (year, month.cast(DataType::Int8))
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
