//! The linear method.

use super::*;

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
