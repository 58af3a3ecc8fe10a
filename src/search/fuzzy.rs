//! Typo tolerance by single-character deletions (the SymSpell idea): two words within one edit
//! share a deletion variant, so a fuzzy lookup is a handful of exact index probes.

/// The word itself plus every distinct string made by deleting one character. Deleting any
/// character of a run of equal characters gives the same string, so only the first of a run is
/// deleted: no search through the variants made so far.
pub fn deletion_variants(word: &str) -> Vec<String> {
    let chars: Vec<char> = word.chars().collect();
    let mut out: Vec<String> = Vec::with_capacity(chars.len() + 1);
    out.push(word.to_string());
    for skip in 0..chars.len() {
        if skip > 0 && chars[skip - 1] == chars[skip] {
            continue;
        }
        let variant: String = chars
            .iter()
            .enumerate()
            .filter(|(i, _)| *i != skip)
            .map(|(_, c)| *c)
            .collect();
        out.push(variant);
    }
    out
}

/// How many typos a query word of this many characters may contain and still match.
pub fn max_typos(chars: usize) -> usize {
    match chars {
        0..=2 => 0,
        3..=5 => 1,
        _ => 2,
    }
}

/// Optimal-string-alignment distance (insertions, deletions, substitutions, adjacent swaps).
pub fn typo_distance(a: &str, b: &str) -> usize {
    strsim::osa_distance(a, b)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn share_variant(a: &str, b: &str) -> bool {
        let va = deletion_variants(a);
        deletion_variants(b).iter().any(|v| va.contains(v))
    }

    #[test]
    fn one_edit_always_shares_a_variant() {
        assert!(share_variant("smith", "smyth")); // substitution
        assert!(share_variant("smith", "smiths")); // insertion
        assert!(share_variant("smith", "smth")); // deletion
        assert!(share_variant("smith", "msith")); // transposition
        assert!(!share_variant("smith", "jones"));
        assert_eq!(deletion_variants("aab"), vec!["aab", "ab", "aa"]);
        assert_eq!(deletion_variants("abba"), vec!["abba", "bba", "aba", "abb"]);
        // The word itself is never a variant; a word of one repeated letter has one.
        assert_eq!(deletion_variants("aaaa"), vec!["aaaa", "aaa"]);
    }

    #[test]
    fn distance_counts_swaps_as_one() {
        assert_eq!(typo_distance("zhangsan", "zhnagsan"), 1);
        assert_eq!(typo_distance("wang", "wnag"), 1);
        assert_eq!(typo_distance("li", "liu"), 1);
    }
}
