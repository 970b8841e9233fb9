//! Baselines, insufficient data, warnings and survey confidence intervals.

use super::*;

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
