//! Worked examples. Every expected number is derived by hand in the comment
//! above the assertion; `docs/methodology.md` repeats several of them.
//!
//! Time convention used throughout: an annual period `YYYY` sits at
//! t = YYYY.5, a deadline `2030-12-31` at D = 2031.0.

use super::*;

const EPS: f64 = 1e-9;

fn pt(period: &str, value: f64) -> Point {
    Point {
        period: period.to_string(),
        t: period_time(period).unwrap_or(f64::NAN),
        value,
        ci: None,
    }
}

fn pt_ci(period: &str, value: f64, lo: f64, hi: f64) -> Point {
    Point {
        ci: Some((lo, hi)),
        ..pt(period, value)
    }
}

fn ambition(target: f64, deadline: &str, direction: Direction) -> Ambition {
    Ambition {
        target,
        deadline: date_time(deadline).unwrap_or(f64::NAN),
        deadline_label: deadline.to_string(),
        direction,
        baseline: None,
    }
}

fn close(actual: Option<f64>, expected: f64, tol: f64) -> bool {
    actual.is_some_and(|a| (a - expected).abs() <= tol)
}

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

// ------------------------------------------------------------------- linear

/// Baseline 2022 = 40 (t0 = 2022.5), target ≥ 80 by 2030-12-31 (D = 2031.0),
/// current in 2024 (t = 2024.5). Required path at t:
///   required_now = 40 + (80 − 40)·(2024.5 − 2022.5)/(2031.0 − 2022.5)
///                = 40 + 40·2/8.5 = 40 + 9.411765 = 49.411765
/// and ratio = (c − 40)/9.411765 = (c − 40)·8.5/80.
fn linear_case(current: f64) -> Assessment {
    let series = [pt("2022", 40.0), pt("2023", 44.0), pt("2024", current)];
    assess(
        &series,
        Some(&ambition(80.0, "2030-12-31", Direction::Increase)),
        Method::Linear,
    )
}

#[test]
fn linear_on_track() {
    // c = 50: ratio = 10·8.5/80 = 85/80 = 1.0625 ≥ 0.95 → on-track.
    let a = linear_case(50.0);
    assert_eq!(a.status, Status::OnTrack);
    assert_eq!(a.method, Method::Linear);
    assert!(close(a.required_now, 40.0 + 80.0 / 8.5, EPS));
    assert!(close(a.progress_ratio, 1.0625, EPS));
    assert_eq!(a.thresholds, [0.95, 0.6, 0.0]);
    assert!(a.warnings.is_empty(), "{:?}", a.warnings);
    assert!(a.rule.starts_with("linear: progress ratio 1.0625 >= 0.95"));
}

#[test]
fn linear_moderate() {
    // c = 47: ratio = 7·8.5/80 = 59.5/80 = 0.74375; 0.6 ≤ 0.74375 < 0.95.
    let a = linear_case(47.0);
    assert_eq!(a.status, Status::Moderate);
    assert!(close(a.progress_ratio, 0.74375, EPS));
}

#[test]
fn linear_limited() {
    // c = 42: ratio = 2·8.5/80 = 17/80 = 0.2125; 0 ≤ 0.2125 < 0.6.
    let a = linear_case(42.0);
    assert_eq!(a.status, Status::Limited);
    assert!(close(a.progress_ratio, 0.2125, EPS));
}

#[test]
fn linear_no_change_is_limited() {
    // c = 40 = baseline: ratio = 0·8.5/80 = 0, and 0 ≥ 0 → limited.
    let a = linear_case(40.0);
    assert_eq!(a.status, Status::Limited);
    assert!(close(a.progress_ratio, 0.0, EPS));
}

#[test]
fn linear_deterioration() {
    // c = 38: ratio = −2·8.5/80 = −0.2125 < 0 → deterioration.
    let a = linear_case(38.0);
    assert_eq!(a.status, Status::Deterioration);
    assert!(close(a.progress_ratio, -0.2125, EPS));
}

#[test]
fn linear_decrease_is_better() {
    // Lower is better: baseline 2023 = 30 (t0 = 2023.5), target ≤ 10 by
    // 2030-12-31 (D = 2031.0, D − t0 = 7.5), current 2025 = 26 (t = 2025.5).
    //   required_now = 30 + (10 − 30)·2/7.5 = 30 − 5.333333 = 24.666667
    //   ratio = (26 − 30)/(24.666667 − 30) = −4/−5.333333 = 0.75 → moderate.
    let series = [pt("2023", 30.0), pt("2024", 28.0), pt("2025", 26.0)];
    let a = assess(
        &series,
        Some(&ambition(10.0, "2030-12-31", Direction::Decrease)),
        Method::Linear,
    );
    assert_eq!(a.status, Status::Moderate);
    assert!(close(a.required_now, 30.0 - 40.0 / 7.5, EPS));
    assert!(close(a.progress_ratio, 0.75, EPS));
}

#[test]
fn already_achieved() {
    // c = 81 ≥ 80 = target → achieved, whatever the ratio would be.
    let a = linear_case(81.0);
    assert_eq!(a.status, Status::Achieved);
    assert_eq!(a.progress_ratio, None);
    assert!(a.rule.starts_with("achieved: current 81 >= target 80"));
}

#[test]
fn achieved_needs_only_the_current_value() {
    // One point, 96 ≥ 95 → achieved even though no progress ratio exists.
    let a = assess(
        &[pt("2024", 96.0)],
        Some(&ambition(95.0, "2030-12-31", Direction::Increase)),
        Method::Linear,
    );
    assert_eq!(a.status, Status::Achieved);
    assert_eq!(a.baseline, None);
}

#[test]
fn target_of_100_percent() {
    // Baseline 2023 = 90 (t0 = 2023.5), target ≥ 100 by 2030-12-31
    // (D − t0 = 7.5), current 2025 = 95 (t − t0 = 2):
    //   required_now = 90 + 10·2/7.5 = 92.666667
    //   ratio = (95 − 90)/(92.666667 − 90) = 5/2.666667 = 1.875 → on-track.
    let amb = ambition(100.0, "2030-12-31", Direction::Increase);
    let a = assess(
        &[pt("2023", 90.0), pt("2024", 93.0), pt("2025", 95.0)],
        Some(&amb),
        Method::Linear,
    );
    assert_eq!(a.status, Status::OnTrack);
    assert!(close(a.progress_ratio, 1.875, EPS));
    // 100 ≥ 100 → achieved; 99.99999999999 is within the 1e-9·100
    // tolerance of 100 → achieved too.
    for c in [100.0, 100.0 - 1e-11] {
        let a = assess(
            &[pt("2023", 90.0), pt("2025", c)],
            Some(&amb),
            Method::Linear,
        );
        assert_eq!(a.status, Status::Achieved);
    }
}

#[test]
fn baseline_beyond_target_then_worse_is_deterioration() {
    // Lower is better, target ≤ 10; the baseline 8 already met it, the
    // current 12 does not → deterioration (no ratio: the required change
    // from 8 to 10 points the wrong way).
    let a = assess(
        &[pt("2023", 8.0), pt("2024", 12.0)],
        Some(&ambition(10.0, "2030-12-31", Direction::Decrease)),
        Method::Linear,
    );
    assert_eq!(a.status, Status::Deterioration);
    assert_eq!(a.progress_ratio, None);
}

#[test]
fn quarterly_series() {
    // 2024Q1..Q4 at t = 2024.125, .375, .625, .875 with 20, 22, 24, 26;
    // target ≥ 50 by 2026-12-31 (D = 2027.0). Baseline = first point.
    //   D − t0 = 2027.0 − 2024.125 = 2.875; t − t0 = 0.75
    //   required_now = 20 + 30·0.75/2.875 = 20 + 7.826087 = 27.826087
    //   ratio = 6/7.826087 = 6·2.875/22.5 = 17.25/22.5 = 0.766667 → moderate.
    // Trend: values rise 2 per quarter = 8 per year; mean t = 2024.5,
    // mean value = 23. At D: 23 + 8·(2027.0 − 2024.5) = 43.
    // Crossing 50: t* = 2024.5 + (50 − 23)/8 = 2027.875 = midpoint of
    // 2027Q4 → reaches the target in "2027Q4".
    let series = [
        pt("2024Q1", 20.0),
        pt("2024Q2", 22.0),
        pt("2024Q3", 24.0),
        pt("2024Q4", 26.0),
    ];
    let a = assess(
        &series,
        Some(&ambition(50.0, "2026-12-31", Direction::Increase)),
        Method::Linear,
    );
    assert_eq!(a.status, Status::Moderate);
    assert!(close(a.required_now, 20.0 + 30.0 * 0.75 / 2.875, EPS));
    assert!(close(a.progress_ratio, 17.25 / 22.5, EPS));
    let p = a.projection.as_ref().expect("4 points give a projection");
    assert!((p.slope_per_year - 8.0).abs() < EPS);
    // intercept = 23 − 8·2024.5 = −16173.
    assert!((p.intercept - (23.0 - 8.0 * 2024.5)).abs() < 1e-6);
    assert!(close(p.value_at_deadline, 43.0, 1e-9));
    assert_eq!(p.reaches_target_in.as_deref(), Some("2027Q4"));
    assert_eq!(p.points_used, 4);
}

// --------------------------------------------------------------------- cagr

/// Counts, baseline 2020 = 1000 (t0 = 2020.5), target ≥ 2000 by 2030-12-31
/// (D − t0 = 10.5). Required growth:
///   (2000/1000)^(1/10.5) − 1 = e^(ln 2/10.5) − 1 = e^0.0660140 − 1 = 0.0682417
fn cagr_case(current: f64) -> Assessment {
    assess(
        &[pt("2020", 1000.0), pt("2023", current)],
        Some(&ambition(2000.0, "2030-12-31", Direction::Increase)),
        Method::Cagr,
    )
}

#[test]
fn cagr_on_track() {
    // Current 2023 (t − t0 = 3) = 1000·1.08³ = 1259.712:
    //   observed = (1259.712/1000)^(1/3) − 1 = 1.08 − 1 = 0.08
    //   ratio = 0.08/0.0682417 = 1.17230 ≥ 0.95 → on-track.
    let a = cagr_case(1259.712);
    assert_eq!(a.status, Status::OnTrack);
    assert_eq!(a.method, Method::Cagr);
    assert!(close(a.observed_growth, 0.08, 1e-12));
    assert!(close(a.required_growth, 0.068_241_7, 1e-7));
    assert!(close(a.progress_ratio, 1.172_30, 1e-5));
    assert_eq!(a.required_now, None);
}

#[test]
fn cagr_moderate_with_round_numbers() {
    // Deadline 2030-06 ends at D = 2030.5, so D − t0 = 10 exactly; target
    // 1000·1.1^10 = 2593.7424601 needs 10 %/year. Current 1000·1.08³:
    //   observed 0.08, required 0.1, ratio 0.8 → moderate.
    let a = assess(
        &[pt("2020", 1000.0), pt("2023", 1259.712)],
        Some(&ambition(2_593.742_460_1, "2030-06", Direction::Increase)),
        Method::Cagr,
    );
    assert_eq!(a.status, Status::Moderate);
    assert!(close(a.required_growth, 0.1, 1e-9));
    assert!(close(a.progress_ratio, 0.8, 1e-8));
}

#[test]
fn cagr_limited() {
    // Current 1000·1.02³ = 1061.208: observed 0.02,
    //   ratio = 0.02/0.0682417 = 0.29308 → limited.
    let a = cagr_case(1061.208);
    assert_eq!(a.status, Status::Limited);
    assert!(close(a.progress_ratio, 0.293_08, 1e-5));
}

#[test]
fn cagr_deterioration() {
    // Current 950: observed = 0.95^(1/3) − 1 = −0.0169524,
    //   ratio = −0.0169524/0.0682417 = −0.24842 < 0 → deterioration.
    let a = cagr_case(950.0);
    assert_eq!(a.status, Status::Deterioration);
    assert!(close(a.observed_growth, -0.016_952_4, 1e-7));
    assert!(close(a.progress_ratio, -0.248_42, 1e-5));
}

#[test]
fn cagr_decrease_is_better() {
    // Waiting days, lower is better: baseline 2020 = 100 (t0 = 2020.5),
    // target ≤ 50 by 2030-06 (D = 2030.5, D − t0 = 10), current 2022 = 90
    // (t − t0 = 2):
    //   required = 0.5^(1/10) − 1 = −0.0669670
    //   observed = 0.9^(1/2) − 1 = 0.9486833 − 1 = −0.0513167
    //   ratio = −0.0513167/−0.0669670 = 0.76630 (positive: right way) → moderate.
    let a = assess(
        &[pt("2020", 100.0), pt("2021", 96.0), pt("2022", 90.0)],
        Some(&ambition(50.0, "2030-06", Direction::Decrease)),
        Method::Cagr,
    );
    assert_eq!(a.status, Status::Moderate);
    assert!(close(a.required_growth, -0.066_967_0, 1e-7));
    assert!(close(a.observed_growth, -0.051_316_7, 1e-7));
    assert!(close(a.progress_ratio, 0.766_30, 1e-5));
}

#[test]
fn zero_baseline_falls_back_to_linear() {
    // Cagr requested, but the baseline 2020 = 0 has no growth rate.
    // Linear instead: t0 = 2020.5, D = 2030.5 (2030-06), t = 2022.5:
    //   required_now = 0 + (100 − 0)·2/10 = 20
    //   ratio = (10 − 0)/(20 − 0) = 0.5 → limited.
    let a = assess(
        &[pt("2020", 0.0), pt("2021", 4.0), pt("2022", 10.0)],
        Some(&ambition(100.0, "2030-06", Direction::Increase)),
        Method::Cagr,
    );
    assert_eq!(a.method, Method::Linear);
    assert_eq!(a.status, Status::Limited);
    assert!(close(a.required_now, 20.0, EPS));
    assert!(close(a.progress_ratio, 0.5, EPS));
    assert_eq!(a.observed_growth, None);
    assert!(
        a.warnings.iter().any(|w| w.contains("fell back to linear")),
        "{:?}",
        a.warnings
    );
}

#[test]
fn negative_current_under_cagr_falls_back_to_linear() {
    // Net change counts can go negative: baseline 10, current −5, target 40
    // (t0 = 2020.5, t = 2022.5, D = 2030.5):
    //   required_now = 10 + 30·2/10 = 16; ratio = −15/6 = −2.5 → deterioration.
    let a = assess(
        &[pt("2020", 10.0), pt("2022", -5.0)],
        Some(&ambition(40.0, "2030-06", Direction::Increase)),
        Method::Cagr,
    );
    assert_eq!(a.method, Method::Linear);
    assert_eq!(a.status, Status::Deterioration);
    assert!(close(a.progress_ratio, -2.5, EPS));
}

// ------------------------------------------------------ baseline and limits

#[test]
fn explicit_baseline_is_used() {
    // Explicit baseline 2021 = 40 (t0 = 2021.5), not in the series; target
    // 80 by 2030-12-31 (D − t0 = 9.5); current 2024 = 55 (t − t0 = 3):
    //   required_now = 40 + 40·3/9.5 = 52.631579
    //   ratio = 15/12.631579 = 15·9.5/120 = 1.1875 → on-track.
    let mut amb = ambition(80.0, "2030-12-31", Direction::Increase);
    amb.baseline = Some(("2021".to_string(), 40.0));
    let a = assess(&[pt("2024", 55.0)], Some(&amb), Method::Linear);
    assert_eq!(a.status, Status::OnTrack);
    assert!(close(a.progress_ratio, 1.1875, EPS));
    assert_eq!(a.baseline.as_ref().map(|b| b.t), Some(2021.5));
}

#[test]
fn insufficient_data() {
    let amb = ambition(80.0, "2030-12-31", Direction::Increase);
    // Empty series.
    let a = assess(&[], Some(&amb), Method::Linear);
    assert_eq!(a.status, Status::InsufficientData);
    // One point below target, no explicit baseline.
    let a = assess(&[pt("2024", 50.0)], Some(&amb), Method::Linear);
    assert_eq!(a.status, Status::InsufficientData);
    // Explicit baseline at the current period: t = t0.
    let mut later = amb.clone();
    later.baseline = Some(("2024".to_string(), 45.0));
    let a = assess(
        &[pt("2023", 40.0), pt("2024", 50.0)],
        Some(&later),
        Method::Linear,
    );
    assert_eq!(a.status, Status::InsufficientData);
    // Explicit baseline period that cannot be placed in time.
    let mut odd = amb.clone();
    odd.baseline = Some(("before the reform".to_string(), 45.0));
    let a = assess(
        &[pt("2023", 40.0), pt("2024", 50.0)],
        Some(&odd),
        Method::Linear,
    );
    assert_eq!(a.status, Status::InsufficientData);
    assert!(!a.warnings.is_empty());
}

#[test]
fn no_ambition_still_projects() {
    // 2021 = 40, 2022 = 45, 2023 = 50: slope 5 per year, no deadline or
    // target, so no value at deadline and no crossing.
    let series = [pt("2021", 40.0), pt("2022", 45.0), pt("2023", 50.0)];
    let a = assess(&series, None, Method::Linear);
    assert_eq!(a.status, Status::NoAmbition);
    let p = a.projection.expect("3 points give a projection");
    assert!((p.slope_per_year - 5.0).abs() < EPS);
    assert_eq!(p.value_at_deadline, None);
    assert_eq!(p.reaches_target_in, None);
    // Two points: no projection.
    assert_eq!(project(&series[..2], None), None);
}

#[test]
fn deadline_passed_warns() {
    // Baseline 2020 = 40 (t0 = 2020.5), target 80 by 2022-12-31 (D = 2023.0),
    // current 2024 = 70 (t = 2024.5 > D, so min(t, D) = D):
    //   required_now = 80; ratio = 30/40 = 0.75 → moderate, with a warning.
    let a = assess(
        &[pt("2020", 40.0), pt("2024", 70.0)],
        Some(&ambition(80.0, "2022-12-31", Direction::Increase)),
        Method::Linear,
    );
    assert_eq!(a.status, Status::Moderate);
    assert!(close(a.required_now, 80.0, EPS));
    assert!(close(a.progress_ratio, 0.75, EPS));
    assert!(a.warnings.iter().any(|w| w.contains("has passed")));
}

#[test]
fn unsorted_and_non_finite_points() {
    // Same as linear_on_track but shuffled, plus a NaN point that is dropped.
    let mut nan = pt("2021", f64::NAN);
    nan.t = 2021.5;
    let series = [pt("2024", 50.0), nan, pt("2022", 40.0), pt("2023", 44.0)];
    let a = assess(
        &series,
        Some(&ambition(80.0, "2030-12-31", Direction::Increase)),
        Method::Linear,
    );
    assert_eq!(a.status, Status::OnTrack);
    assert!(close(a.progress_ratio, 1.0625, EPS));
    assert_eq!(a.warnings.len(), 1);
    // Deterministic.
    let b = assess(
        &series,
        Some(&ambition(80.0, "2030-12-31", Direction::Increase)),
        Method::Linear,
    );
    assert_eq!(a, b);
}

// ---------------------------------------------------------- survey CI spans

#[test]
fn ci_spanning_categories_is_flagged() {
    // Baseline 2023 = 50 (t0 = 2023.5), target 80 by 2030-12-31
    // (D − t0 = 7.5), current 2025 (t − t0 = 2):
    //   ratio(c) = (c − 50)·7.5/(30·2) = (c − 50)/8
    //   point 55 → 0.625 moderate; lower 51 → 0.125 limited;
    //   upper 59 → 1.125 on-track.
    let amb = ambition(80.0, "2030-12-31", Direction::Increase);
    let series = [pt("2023", 50.0), pt_ci("2025", 55.0, 51.0, 59.0)];
    let a = assess(&series, Some(&amb), Method::Linear);
    assert_eq!(a.status, Status::Moderate);
    assert!(close(a.progress_ratio, 0.625, EPS));
    assert_eq!(
        a.ci_spans_categories,
        vec![Status::OnTrack, Status::Moderate, Status::Limited]
    );
    // CI 54..56 → ratios 0.5 and 0.75: limited and moderate.
    let series = [pt("2023", 50.0), pt_ci("2025", 55.0, 54.0, 56.0)];
    let a = assess(&series, Some(&amb), Method::Linear);
    assert_eq!(
        a.ci_spans_categories,
        vec![Status::Moderate, Status::Limited]
    );
    // CI 54.9..57 → ratios 0.6125 and 0.875: both moderate → not flagged.
    let series = [pt("2023", 50.0), pt_ci("2025", 55.0, 54.9, 57.0)];
    let a = assess(&series, Some(&amb), Method::Linear);
    assert!(a.ci_spans_categories.is_empty());
    // Ends given in the wrong order are swapped: same as (54, 56).
    let series = [pt("2023", 50.0), pt_ci("2025", 55.0, 56.0, 54.0)];
    let a = assess(&series, Some(&amb), Method::Linear);
    assert_eq!(
        a.ci_spans_categories,
        vec![Status::Moderate, Status::Limited]
    );
    // A non-finite end: the interval is ignored with a warning.
    let series = [pt("2023", 50.0), pt_ci("2025", 55.0, f64::NAN, 59.0)];
    let a = assess(&series, Some(&amb), Method::Linear);
    assert!(a.ci_spans_categories.is_empty());
    assert_eq!(a.current.as_ref().and_then(|c| c.ci), None);
    assert_eq!(a.warnings.len(), 1);
    // Upper end 81 ≥ 80: achieved; point 79 → (79 − 50)/8 = 3.625 on-track.
    let series = [pt("2023", 50.0), pt_ci("2025", 79.0, 77.0, 81.0)];
    let a = assess(&series, Some(&amb), Method::Linear);
    assert_eq!(
        a.ci_spans_categories,
        vec![Status::Achieved, Status::OnTrack]
    );
}

// --------------------------------------------------------------- projection

#[test]
fn projection_yearly_crossing() {
    // 2021 = 40, 2022 = 45, 2023 = 50 (t = 2021.5 … 2023.5): slope 5/year,
    // mean t = 2022.5, mean value 45. Target 80:
    //   t* = 2022.5 + (80 − 45)/5 = 2029.5 = midpoint of 2029 → "2029".
    //   value at D = 2031.0: 45 + 5·8.5 = 87.5.
    let series = [pt("2021", 40.0), pt("2022", 45.0), pt("2023", 50.0)];
    let amb = ambition(80.0, "2030-12-31", Direction::Increase);
    let p = project(&series, Some(&amb)).expect("projection");
    assert!(close(p.value_at_deadline, 87.5, 1e-9));
    assert_eq!(p.reaches_target_in.as_deref(), Some("2029"));
    // Target 82: t* = 2022.5 + 37/5 = 2029.9, after the 2029 midpoint →
    // the first year whose midpoint value is ≥ 82 is 2030.
    let p = project(
        &series,
        Some(&ambition(82.0, "2030-12-31", Direction::Increase)),
    )
    .expect("projection");
    assert_eq!(p.reaches_target_in.as_deref(), Some("2030"));
    // Moving away from a decrease target: never.
    let p = project(
        &series,
        Some(&ambition(30.0, "2030-12-31", Direction::Decrease)),
    )
    .expect("projection");
    assert_eq!(p.reaches_target_in, None);
    // Target 500: t* = 2022.5 + 455/5 = 2113.5 > 2100 → None.
    let p = project(
        &series,
        Some(&ambition(500.0, "2030-12-31", Direction::Increase)),
    )
    .expect("projection");
    assert_eq!(p.reaches_target_in, None);
    // Target already below the whole line: t* = 2022.5 + (30 − 45)/5 =
    // 2019.5, before the first observation → the first period, "2021".
    let p = project(&series, Some(&amb_target(30.0))).expect("projection");
    assert_eq!(p.reaches_target_in.as_deref(), Some("2021"));
}

fn amb_target(target: f64) -> Ambition {
    ambition(target, "2030-12-31", Direction::Increase)
}

#[test]
fn projection_monthly_crossing() {
    // 2024-01, -02, -03 = 1, 2, 3 at t = 2024 + 0.5/12, 1.5/12, 2.5/12:
    // +1 per month = 12 per year; mean t = 2024 + 1.5/12, mean value 2.
    // Target 6: t* = 2024 + 1.5/12 + 4/12 = 2024 + 5.5/12 = midpoint of June.
    let series = [pt("2024-01", 1.0), pt("2024-02", 2.0), pt("2024-03", 3.0)];
    let p = project(&series, Some(&amb_target(6.0))).expect("projection");
    assert!((p.slope_per_year - 12.0).abs() < 1e-6);
    assert_eq!(p.reaches_target_in.as_deref(), Some("2024-06"));
}

#[test]
fn projection_daily_crossing() {
    // 2024-01-01, -02, -03 = 1, 2, 3: +1 per day = 366 per year (2024 is a
    // leap year); mean t = midpoint of 2 January, mean value 2. Target 10:
    // (10 − 2)/1 = 8 days after the middle of 2 January = the middle of
    // 10 January → "2024-01-10".
    let series = [
        pt("2024-01-01", 1.0),
        pt("2024-01-02", 2.0),
        pt("2024-01-03", 3.0),
    ];
    let p = project(&series, Some(&amb_target(10.0))).expect("projection");
    assert_eq!(p.reaches_target_in.as_deref(), Some("2024-01-10"));
}

#[test]
fn projection_needs_distinct_times() {
    let series = [pt("2024", 1.0), pt("2024", 2.0), pt("2024", 3.0)];
    assert_eq!(project(&series, None), None);
    let a = assess(&series, None, Method::Linear);
    assert!(a.warnings.iter().any(|w| w.contains("no trend")));
}

// ------------------------------------------------------------------ roll-up

#[test]
fn rollup_worst() {
    use Status::*;
    // Scores 3, 2, 4 → minimum 2 → moderate; unscored are ignored.
    assert_eq!(
        rollup(
            &[OnTrack, Moderate, Achieved, NoAmbition, InsufficientData],
            Rollup::Worst
        ),
        Moderate
    );
    assert_eq!(
        rollup(&[Achieved, Deterioration], Rollup::Worst),
        Deterioration
    );
}

#[test]
fn rollup_mean_score() {
    use Status::*;
    // (3 + 2)/2 = 2.5 → rounded half up to 3 → on-track.
    assert_eq!(rollup(&[OnTrack, Moderate], Rollup::MeanScore), OnTrack);
    // (4 + 0 + 1)/3 = 1.667 → 2 → moderate.
    assert_eq!(
        rollup(&[Achieved, Deterioration, Limited], Rollup::MeanScore),
        Moderate
    );
    // (1 + 1 + 2)/3 = 1.333 → 1 → limited; no-ambition ignored.
    assert_eq!(
        rollup(&[Limited, Limited, Moderate, NoAmbition], Rollup::MeanScore),
        Limited
    );
    // (0 + 1)/2 = 0.5 → 1 → limited.
    assert_eq!(
        rollup(&[Deterioration, Limited], Rollup::MeanScore),
        Limited
    );
}

#[test]
fn rollup_without_scores() {
    use Status::*;
    for how in [Rollup::Worst, Rollup::MeanScore] {
        assert_eq!(rollup(&[], how), InsufficientData);
        assert_eq!(rollup(&[InsufficientData], how), InsufficientData);
        assert_eq!(rollup(&[NoAmbition, InsufficientData], how), NoAmbition);
    }
}

// ------------------------------------------------------------ names, labels

#[test]
fn names_round_trip() {
    for s in Status::ALL {
        assert_eq!(Status::parse(s.as_str()), Some(s));
    }
    assert_eq!(Status::OnTrack.as_str(), "on-track");
    assert_eq!(Status::OnTrack.label("nb"), "I rute");
    assert_eq!(Status::OnTrack.label("en"), "On track");
    assert_eq!(Status::Achieved.label("nb"), "Nådd");
    assert_eq!(Status::InsufficientData.label("en"), "Insufficient data");
    assert_eq!(Status::Moderate.score(), Some(2.0));
    assert_eq!(Status::NoAmbition.score(), None);
    for d in [Direction::Increase, Direction::Decrease] {
        assert_eq!(Direction::parse(d.as_str()), Some(d));
    }
    for m in [Method::Linear, Method::Cagr] {
        assert_eq!(Method::parse(m.as_str()), Some(m));
    }
    for r in [Rollup::Worst, Rollup::MeanScore] {
        assert_eq!(Rollup::parse(r.as_str()), Some(r));
    }
    assert_eq!(Direction::parse("sideways"), None);
    assert_eq!(Method::default_for_unit("percent"), Method::Linear);
    assert_eq!(Method::default_for_unit("score"), Method::Linear);
    assert_eq!(Method::default_for_unit("count"), Method::Cagr);
    assert_eq!(Method::default_for_unit("days"), Method::Cagr);
}

// ---------------------------------------------------------------- bounded projection

#[test]
fn a_projected_share_stays_within_0_and_100_percent() {
    // 70, 80, 90 % in 2023–2025: slope 10 points a year, so the line is at
    // 90 + 10 * (2031.0 - 2025.5) = 145 at the 2030-12-31 deadline; a share
    // cannot be 145 %, so the projection is 100 and a step says why.
    let series = [pt("2023", 70.0), pt("2024", 80.0), pt("2025", 90.0)];
    let amb = ambition(100.0, "2030-12-31", Direction::Increase);
    let mut a = assess(&series, Some(&amb), Method::Linear);
    let p = a.projection.clone().expect("projection");
    assert!(close(p.value_at_deadline, 145.0, EPS), "{p:?}");
    bound_projection(&mut a, unit_bounds("percent"));
    let p = a.projection.clone().expect("projection");
    assert!(close(p.value_at_deadline, 100.0, EPS), "{p:?}");
    // 90 + 10 * (t - 2025.5) = 100 at t = 2026.5, the midpoint of 2026.
    assert_eq!(p.reaches_target_in.as_deref(), Some("2026"));
    assert!(
        a.steps.last().is_some_and(|s| s.contains("145")),
        "{:?}",
        a.steps
    );
    // Counts are not bounded.
    let mut c = assess(&series, Some(&amb), Method::Linear);
    bound_projection(&mut c, unit_bounds("count"));
    assert!(close(
        c.projection.and_then(|p| p.value_at_deadline),
        145.0,
        EPS
    ));
}
