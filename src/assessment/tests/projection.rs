//! The least-squares trend and its bounds.

use super::*;

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
