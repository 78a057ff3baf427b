//! "Did you mean …?": the closest known name to a misspelt one.

/// The candidate closest to `word`, when it is close enough to be a likely typo: a few edits
/// away for its length, or a word the author started and did not finish (`warn` → `warning`).
pub fn did_you_mean<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let word = word.to_lowercase();
    let length = word.chars().count();
    candidates
        .into_iter()
        // An edit distance is at least the difference in length: skip the candidates too long or
        // too short to reach the threshold (unless `word` starts them) without measuring it.
        .filter_map(|c| {
            let lower = c.to_lowercase();
            let other = lower.chars().count();
            let bound = 1.0 - length.abs_diff(other) as f64 / length.max(other).max(1) as f64;
            (bound >= 0.7 || length >= 3 && other > length).then(|| (similarity(&word, &lower), c))
        })
        .filter(|(score, _)| *score >= 0.7)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

fn similarity(word: &str, candidate: &str) -> f64 {
    // Edit distance relative to length, not a prefix-weighted measure: ids often share a long
    // prefix (`working-memory-…`) without being the same id.
    let edits = strsim::normalized_damerau_levenshtein(word, candidate);
    let started = word.chars().count() >= 3 && candidate.starts_with(word);
    if started { edits.max(0.7) } else { edits }
}

#[cfg(test)]
mod tests {
    use super::did_you_mean;

    #[test]
    fn suggests_close_names_only() {
        let fields = ["summary", "competency", "key_method", "research"];
        assert_eq!(did_you_mean("sumary", fields), Some("summary"));
        assert_eq!(did_you_mean("competencies", fields), Some("competency"));
        assert_eq!(did_you_mean("keymethod", fields), Some("key_method"));
        assert_eq!(did_you_mean("colour", fields), None);
        assert_eq!(did_you_mean("warn", ["error", "warning", "off"]), Some("warning"));
        assert_eq!(did_you_mean("wm.understnad", ["wm.understand", "wm.partner"]), Some("wm.understand"));
        let ids = ["working-memory-support-strategies", "working-memory-demonstrate-understanding"];
        assert_eq!(did_you_mean("working-memory-capstone-project", ids), None);
        assert_eq!(
            did_you_mean("working-memory-demonstrate-understandin", ids),
            Some("working-memory-demonstrate-understanding")
        );
    }
}
