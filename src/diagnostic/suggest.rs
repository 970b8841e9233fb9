//! "Did you mean …?": the known name nearest to a misspelt one.

/// The candidate most similar to `wrong` (Jaro–Winkler ≥ 0.8, ASCII case
/// ignored), or `None` when none is close or `wrong` is itself a candidate.
pub(crate) fn closest<'c>(
    wrong: &str,
    candidates: impl IntoIterator<Item = &'c str>,
) -> Option<&'c str> {
    let wrong_lc = wrong.to_lowercase();
    let mut best: Option<(f64, &str)> = None;
    for c in candidates {
        if c == wrong {
            return None;
        }
        let score = strsim::jaro_winkler(&wrong_lc, &c.to_lowercase());
        if score >= 0.8 && best.is_none_or(|(b, _)| score > b) {
            best = Some((score, c));
        }
    }
    best.map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::closest;

    #[test]
    fn finds_the_nearest_and_only_a_near_one() {
        let fields = [
            "none",
            "target",
            "by",
            "direction",
            "baseline",
            "per",
            "note",
        ];
        assert_eq!(closest("targt", fields), Some("target"));
        assert_eq!(closest("direktion", fields), Some("direction"));
        assert_eq!(closest("xyz", fields), None);
        assert_eq!(closest("target", fields), None);
    }
}
