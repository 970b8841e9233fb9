//! Roll-ups, names and labels.

use super::*;

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

// ------------------------------------------------------------ names

#[test]
fn names_round_trip() {
    for s in Status::ALL {
        assert_eq!(Status::parse(s.as_str()), Some(s));
    }
    assert_eq!(Status::OnTrack.as_str(), "on-track");
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
