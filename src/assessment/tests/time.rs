//! The time axis: period midpoints and deadline ends.

use super::*;

// ---------------------------------------------------------------- time axis

#[test]
fn period_time_is_the_midpoint() {
    // Year: [2023, 2024) → midpoint 2023.5.
    assert_eq!(period_time("2023"), Some(2023.5));
    // Quarter 1: [2024, 2024.25) → 2024.125.
    assert_eq!(period_time("2024Q1"), Some(2024.125));
    assert_eq!(period_time("2024-Q1"), Some(2024.125));
    assert_eq!(period_time("2024q4"), Some(2024.875));
    // January: [2024, 2024 + 1/12) → 2024 + 0.5/12 = 2024.041666…
    assert!(close(period_time("2024-01"), 2024.0 + 0.5 / 12.0, EPS));
    // 31 January 2024 is day 31 of 366: [2024 + 30/366, 2024 + 31/366)
    // → 2024 + 30.5/366 = 2024.083333…
    assert!(close(period_time("2024-01-31"), 2024.0 + 30.5 / 366.0, EPS));
    // Not periods.
    assert_eq!(period_time("2023-02-29"), None);
    assert_eq!(period_time("2024Q5"), None);
    assert_eq!(period_time("2024-13"), None);
    assert_eq!(period_time("24"), None);
    assert_eq!(period_time("år 2024"), None);
    assert_eq!(period_time(""), None);
}

#[test]
fn date_time_is_the_end_of_the_day() {
    // 31 December 2030 is day 365 of 365: 2030 + 365/365 = 2031.0.
    assert_eq!(date_time("2030-12-31"), Some(2031.0));
    assert_eq!(date_time("2029-12-31"), Some(2030.0));
    // 29 February 2024 is day 60 of 366: 2024 + 60/366.
    assert!(close(date_time("2024-02-29"), 2024.0 + 60.0 / 366.0, EPS));
    // Coarser labels: end of the period.
    assert_eq!(date_time("2030"), Some(2031.0));
    assert_eq!(date_time("2030Q2"), Some(2030.5));
    assert_eq!(date_time("2030-06"), Some(2030.5));
    assert_eq!(date_time("31.12.2030"), None);
}
