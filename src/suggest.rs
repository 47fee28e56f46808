//! "Did you mean …?": the closest known name to a mistyped one, used for profile keys, policy
//! keys, reason codes, document types and expect.json keys.

/// The candidate most similar to `word` (Jaro–Winkler), if its similarity reaches `min_score`
/// (0–1). Ties keep the later candidate, as `Iterator::max_by` does.
pub fn nearest<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
    min_score: f64,
) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(word, c), c))
        .filter(|(score, _)| *score >= min_score)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closest_above_the_cutoff() {
        let known = ["full_name", "native_name", "date_of_birth"];
        assert_eq!(nearest("full_nmae", known, 0.75), Some("full_name"));
        assert_eq!(nearest("zzz", known, 0.75), None);
        assert_eq!(nearest("anything", [], 0.0), None);
    }
}
