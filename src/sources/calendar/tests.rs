//! Expected values are worked out by hand from the calendar: the EU
//! daylight-saving dates (2024: 31 March and 27 October; 2025: 30 March and
//! 26 October, changes at 01:00 UTC) and ISO weeks (2024 starts on a
//! Monday, so 2024-W01 is 1–7 January; 2025-W01 starts Monday 30 December
//! 2024; 2020 has 53 weeks, 2021 has 52).

use polars::prelude::*;

use super::{Stages, oslo_date, period_parts};
use crate::definitions::Granularity;

fn eval(cells: &[&str], expr: impl Fn(&mut Stages, Expr) -> Expr) -> Vec<String> {
    super::eval_cells(cells, expr)
}

fn dates(cells: &[(&str, &str)]) {
    let input: Vec<&str> = cells.iter().map(|c| c.0).collect();
    let got = eval(&input, oslo_date);
    for ((cell, want), got) in cells.iter().zip(&got) {
        assert_eq!(got, want, "{cell}");
    }
}

#[test]
fn dates_and_local_timestamps_keep_their_date() {
    dates(&[
        ("2025-02-11", "2025-02-11"),
        ("2025-02-11T10:00:00", "2025-02-11"),
        ("2025-02-11 23:59:59", "2025-02-11"),
        ("2025-02-11T23:59:59.123456", "2025-02-11"),
        ("2025-02-11T23:59", "2025-02-11"),
        ("2025-02-11 00:00:00,5", "2025-02-11"),
    ]);
}

#[test]
fn timestamps_with_an_offset_become_the_oslo_date() {
    dates(&[
        // Winter, UTC+1: 23:30Z is 00:30 the next day in Oslo.
        ("2025-02-11T23:30:00Z", "2025-02-12"),
        ("2025-02-11T22:59:59Z", "2025-02-11"),
        ("2025-02-11T23:00:00Z", "2025-02-12"),
        ("2025-12-31T23:00:00.000Z", "2026-01-01"),
        // Already in Oslo winter time.
        ("2025-02-11T23:30:00+01:00", "2025-02-11"),
        // 01:30+03:00 is 22:30Z the day before: 23:30 in Oslo.
        ("2025-02-11T01:30:00+0300", "2025-02-10"),
        // 20:00-05:00 is 01:00Z: 02:00 in Oslo.
        ("2025-02-11T20:00:00-05:00", "2025-02-12"),
        ("2025-02-11 20:00:00 -05", "2025-02-12"),
        // Summer, UTC+2: 22:30Z is 00:30 the next day.
        ("2025-06-30T22:30:00Z", "2025-07-01"),
        ("2025-06-30T21:59:00Z", "2025-06-30"),
        ("2025-06-30T23:30:00+0200", "2025-06-30"),
    ]);
}

#[test]
fn daylight_saving_starts_and_ends_on_the_eu_sundays() {
    dates(&[
        // 2024: CEST from 31 March 01:00Z to 27 October 01:00Z.
        ("2024-03-30T22:30:00Z", "2024-03-30"),
        ("2024-03-31T22:30:00Z", "2024-04-01"),
        ("2024-10-26T22:30:00Z", "2024-10-27"),
        ("2024-10-27T22:30:00Z", "2024-10-27"),
        // 2025: 30 March and 26 October.
        ("2025-03-29T22:30:00Z", "2025-03-29"),
        ("2025-03-30T22:30:00Z", "2025-03-31"),
        ("2025-10-25T22:30:00Z", "2025-10-26"),
        ("2025-10-26T22:30:00Z", "2025-10-26"),
        // Around the change itself (times in UTC): 00:59 is 01:59 CET,
        // 01:00 is 03:00 CEST; on 26 October 00:59 is 02:59 CEST, 01:00 is
        // 02:00 CET. The date is the same either way.
        ("2025-03-30T00:59:00Z", "2025-03-30"),
        ("2025-03-30T01:00:00Z", "2025-03-30"),
        ("2025-10-26T00:59:00Z", "2025-10-26"),
    ]);
}

#[test]
fn malformed_dates_and_timestamps_are_unreadable() {
    dates(&[
        ("2025-02-30", "-"),
        ("2025-13-01", "-"),
        ("2025-02-11T24:00:00", "-"),
        ("2025-02-11T10:60:00", "-"),
        ("2025-02-11T10:00:00+15:00", "-"),
        ("2025-02-11T10:00:00+01:60", "-"),
        ("2025-02-11T10", "-"),
        ("2025-02-11Z", "-"),
        ("11.02.2025", "-"),
        ("2025-2-11", "-"),
        ("20250211", "-"),
        ("", "-"),
        ("2025-02-11 Oslo", "-"),
    ]);
}

/// `(cell, expected "year/first month")` at `granularity`.
fn periods(granularity: Granularity, cells: &[(&str, &str)]) {
    let input: Vec<&str> = cells.iter().map(|c| c.0).collect();
    let got = eval(&input, |st, t| {
        let (y, m) = period_parts(st, t, granularity);
        concat_str(
            [y.cast(DataType::String), m.cast(DataType::String)],
            "/",
            false,
        )
        .fill_null(lit("-"))
    });
    for ((cell, want), got) in cells.iter().zip(&got) {
        assert_eq!(got, want, "{cell} at {granularity:?}");
    }
}

#[test]
fn period_codes_at_month_granularity() {
    periods(
        Granularity::Month,
        &[
            ("2024-12", "2024/12"),
            ("2024M12", "2024/12"),
            ("2024M01", "2024/1"),
            ("2024-12-31", "2024/12"),
            ("2024-12-31T23:30:00Z", "2025/1"),
            // 2024-W05: Monday 29 January, Thursday 1 February.
            ("2024U05", "2024/2"),
            ("2024-W05", "2024/2"),
            ("2024W04", "2024/1"),
            // 2025-W01: Thursday 2 January 2025 (Monday 30 December 2024).
            ("2025U01", "2025/1"),
            ("2024M13", "-"),
            ("2024M00", "-"),
            ("2024-13", "-"),
            ("2024Q2", "-"),
            ("2024K2", "-"),
            ("2024", "-"),
            ("2024M1", "-"),
            ("24-12", "-"),
            ("desember 2024", "-"),
        ],
    );
}

#[test]
fn period_codes_at_quarter_granularity() {
    periods(
        Granularity::Quarter,
        &[
            ("2024Q2", "2024/4"),
            ("2024-Q2", "2024/4"),
            ("2024K2", "2024/4"),
            ("2024-K4", "2024/10"),
            ("2024q1", "2024/1"),
            ("2024-06", "2024/4"),
            ("2024M07", "2024/7"),
            ("2024-09-30", "2024/7"),
            // 2025-W27: Monday 30 June, Thursday 3 July: the third quarter.
            ("2025U27", "2025/7"),
            // 2024-W13: Monday 25 March, Thursday 28 March.
            ("2024U13", "2024/1"),
            ("2024Q5", "-"),
            ("2024Q0", "-"),
            ("2024K", "-"),
            ("2024", "-"),
            ("Q2 2024", "-"),
        ],
    );
}

#[test]
fn period_codes_at_year_granularity() {
    periods(
        Granularity::Year,
        &[
            ("2024", "2024/1"),
            (" 2024 ", "-"), // cells are trimmed before (see `typed::trimmed`)
            ("2024K3", "2024/1"),
            ("2024M12", "2024/1"),
            ("2024-12-31T23:30:00Z", "2025/1"),
            // 2020 has 53 ISO weeks (Thursday 31 December 2020), 2021 has not.
            ("2020U53", "2020/1"),
            ("2021U53", "-"),
            ("2021U00", "-"),
            // 2026-W01: Thursday 1 January 2026.
            ("2026U01", "2026/1"),
            ("20245", "-"),
            ("2024.0", "-"),
            ("år 2024", "-"),
        ],
    );
}

#[test]
fn day_granularity_reads_only_dates() {
    periods(
        Granularity::Day,
        &[
            ("2025-02-11", "2025/2"),
            ("2025-01-31T23:30:00Z", "2025/2"),
            ("2025-01-31T23:30:00", "2025/1"),
            ("2025-02", "-"),
            ("2025U06", "-"),
            ("2025", "-"),
        ],
    );
}
