//! The cagr method and its fallbacks.

use super::*;

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
