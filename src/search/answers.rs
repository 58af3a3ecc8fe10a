//! Finding canned answers as one types: words of the title, text and tags by prefix or with a
//! typo, Chinese by its characters, by pinyin (`tuikuan`, `liucheng`) and by initials (`tk`),
//! from any syllable on. The library is small (hundreds of answers), so a query scores each
//! answer's keys, built from the same folding and pinyin as the customer lookup's terms. A
//! picker builds the keys once ([`AnswerIndex`]) and searches them on every key.

use super::fold::{is_han, words};
use super::fuzzy::{max_typos, typo_distance};
use crate::domain::Answer;
use pinyin::ToPinyin;

/// The search keys of one answer.
#[derive(Debug, Clone, Default)]
pub struct AnswerKeys {
    /// Folded words of the title and tags.
    title_words: Vec<String>,
    /// Folded words of the text.
    text_words: Vec<String>,
    /// The title and tags' Han characters, as written.
    title_han: String,
    text_han: String,
    /// Pinyin of each run of Han characters in the title and tags: its syllables...
    syllables: Vec<Vec<&'static str>>,
    /// ...and their initials, one ASCII letter per syllable.
    initials: Vec<String>,
}

impl AnswerKeys {
    pub fn of(answer: &Answer) -> AnswerKeys {
        let head = format!("{} {}", answer.title, answer.tags.join(" "));
        let han = |text: &str| text.chars().filter(|c| is_han(*c)).collect::<String>();
        let mut syllables = Vec::new();
        let mut run = Vec::new();
        for c in head.chars() {
            match c.to_pinyin() {
                Some(p) => run.push(p.plain()),
                None if !run.is_empty() => syllables.push(std::mem::take(&mut run)),
                None => {}
            }
        }
        if !run.is_empty() {
            syllables.push(run);
        }
        // Each distinct word once: a text repeats its words, and order does not matter here.
        let mut text_words = words(&answer.text);
        text_words.sort_unstable();
        text_words.dedup();
        let initials = syllables
            .iter()
            .map(|run| run.iter().filter_map(|s| s.chars().next()).collect())
            .collect();
        AnswerKeys {
            initials,
            title_words: words(&head),
            text_words,
            title_han: han(&head),
            text_han: han(&answer.text),
            syllables,
        }
    }

    /// How well `query` matches (higher is better), or `None` when a word of it matches
    /// nothing. Every word of the query must match somewhere.
    pub fn score(&self, query: &str) -> Option<u32> {
        self.score_words(&words(query))
    }

    /// [`AnswerKeys::score`] of a query already split into folded words.
    fn score_words(&self, query: &[String]) -> Option<u32> {
        if query.is_empty() {
            return Some(1);
        }
        query.iter().map(|word| self.word_score(word)).sum()
    }

    fn word_score(&self, word: &str) -> Option<u32> {
        if word.chars().any(is_han) {
            return if self.title_han.contains(word)
                || self.title_words.iter().any(|w| w.contains(word))
            {
                Some(100)
            } else if self.text_han.contains(word) {
                Some(50)
            } else {
                None
            };
        }
        let in_words = |list: &[String], full: u32, prefix: u32| {
            if list.iter().any(|w| w == word) {
                Some(full)
            } else if list.iter().any(|w| w.starts_with(word)) {
                Some(prefix)
            } else {
                None
            }
        };
        let pinyin = self.pinyin_score(word);
        let typo = || {
            let chars = word.chars().count();
            let allowed = max_typos(chars);
            // Only words of about the query's length can be a typo of it: the length check
            // spares most words the edit distance.
            (allowed > 0
                && self
                    .title_words
                    .iter()
                    .chain(&self.text_words)
                    .filter(|w| w.len().abs_diff(word.len()) <= allowed * 4)
                    .any(|w| {
                        w.chars().count().abs_diff(chars) <= allowed
                            && typo_distance(w, word) <= allowed
                    }))
            .then_some(20)
        };
        [
            in_words(&self.title_words, 100, 80),
            pinyin,
            in_words(&self.text_words, 50, 40),
        ]
        .into_iter()
        .flatten()
        .max()
        .or_else(typo)
    }

    /// `word` as pinyin from a syllable on (full syllables, the last maybe cut short) or as
    /// initials from a syllable on (at least three of them past the first syllable).
    fn pinyin_score(&self, word: &str) -> Option<u32> {
        let mut best = None;
        for (run, initials) in self.syllables.iter().zip(&self.initials) {
            for start in 0..run.len() {
                let initials = initials.get(start..).unwrap_or("");
                // From the first syllable two letters are enough (`tk`); from a later one, where
                // short runs of initials match almost anything, three (`klc`).
                let needed = if start == 0 { 2 } else { 3 };
                if word.len() >= needed && initials.starts_with(word) {
                    best = best.max(Some(if start == 0 { 70 } else { 60 }));
                }
                if spells_from(&run[start..], word) {
                    best = best.max(Some(if start == 0 { 90 } else { 75 }));
                }
            }
        }
        best
    }
}

/// Whether `word` is the syllables of `run` written one after another, the last one maybe
/// only begun (`tuikuanliu` for tui-kuan-liu-cheng).
fn spells_from(run: &[&str], word: &str) -> bool {
    let mut rest = word;
    for (i, syllable) in run.iter().enumerate() {
        if rest.is_empty() {
            return true;
        }
        if let Some(after) = rest.strip_prefix(syllable) {
            rest = after;
        } else {
            // A lone letter is an initial, not a syllable begun, unless whole ones came first.
            return syllable.starts_with(rest) && (i > 0 || rest.len() >= 2);
        }
    }
    rest.is_empty()
}

/// `answers` that match `query`, best first (then the most used, then by id); an empty query
/// gives them all, the most used first.
pub fn search_answers<'a>(answers: &'a [Answer], query: &str) -> Vec<&'a Answer> {
    let query = words(query);
    rank(
        answers
            .iter()
            .filter_map(|a| AnswerKeys::of(a).score_words(&query).map(|s| (s, a))),
    )
}

/// Scored answers best first, then the most used, then by id.
fn rank<'a>(scored: impl Iterator<Item = (u32, &'a Answer)>) -> Vec<&'a Answer> {
    let mut scored: Vec<(u32, &Answer)> = scored.collect();
    scored.sort_by(|(sa, a), (sb, b)| {
        sb.cmp(sa)
            .then(b.uses.cmp(&a.uses))
            .then_with(|| a.id.cmp(&b.id))
    });
    scored.into_iter().map(|(_, a)| a).collect()
}

/// A library with its search keys built once: what a picker searches on every key (building
/// the keys, pinyin above all, is most of the cost of a search).
#[derive(Debug, Clone, Default)]
pub struct AnswerIndex {
    answers: Vec<Answer>,
    keys: Vec<AnswerKeys>,
}

impl AnswerIndex {
    pub fn new(answers: Vec<Answer>) -> AnswerIndex {
        let keys = answers.iter().map(AnswerKeys::of).collect();
        AnswerIndex { answers, keys }
    }

    pub fn len(&self) -> usize {
        self.answers.len()
    }

    pub fn is_empty(&self) -> bool {
        self.answers.is_empty()
    }

    /// The same answers, in the same order, as [`search_answers`] over the library.
    pub fn search(&self, query: &str) -> Vec<&Answer> {
        let query = words(query);
        rank(
            self.answers
                .iter()
                .zip(&self.keys)
                .filter_map(|(a, keys)| keys.score_words(&query).map(|s| (s, a))),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answer(id: &str, title: &str, text: &str) -> Answer {
        Answer {
            id: id.into(),
            title: title.into(),
            text: text.into(),
            tags: vec![],
            lang: None,
            created_by: String::new(),
            created_at: 0,
            changed_by: String::new(),
            changed_at: 0,
            uses: 0,
            version: 1,
        }
    }

    fn ids(found: Vec<&Answer>) -> Vec<&str> {
        found.iter().map(|a| a.id.as_str()).collect()
    }

    #[test]
    fn chinese_titles_are_found_by_characters_pinyin_and_initials() {
        let library = vec![
            answer(
                "A-1",
                "退款流程",
                "{name}您好，退款将在3个工作日内原路退回。",
            ),
            answer("A-2", "物流查询", "您的包裹正在派送中。"),
            answer(
                "A-3",
                "Refund policy",
                "Refunds are paid back within 3 working days.",
            ),
        ];
        for query in [
            "退款", "tuikuan", "tk", "tklc", "klc", "liucheng", "tuik", "流程",
        ] {
            assert_eq!(ids(search_answers(&library, query)), ["A-1"], "{query}");
        }
        assert_eq!(ids(search_answers(&library, "wuliu")), ["A-2"]);
        // Two initials past the first syllable would match too much (wu-Liu-Cha-xun).
        assert!(search_answers(&library, "lc").is_empty());
        assert_eq!(ids(search_answers(&library, "派送")), ["A-2"]);
        // English by word, prefix and typo; every word must match.
        assert_eq!(ids(search_answers(&library, "refund")), ["A-3"]);
        assert_eq!(ids(search_answers(&library, "ref pol")), ["A-3"]);
        assert_eq!(ids(search_answers(&library, "refnud")), ["A-3"]);
        assert!(search_answers(&library, "refund shipping").is_empty());
        assert!(search_answers(&library, "t").is_empty());
        // An empty query lists them all.
        assert_eq!(search_answers(&library, " ").len(), 3);
    }

    #[test]
    fn title_hits_rank_above_text_hits_then_the_most_used() {
        let mut text_only = answer("A-1", "Delivery", "about a refund");
        text_only.uses = 9;
        let titled = answer("A-2", "Refund", "money back");
        let mut titled_used = answer("A-3", "Refunding", "money back");
        titled_used.uses = 5;
        let library = vec![text_only, titled, titled_used];
        // A whole word before a prefix, the title before the text, whatever the use.
        assert_eq!(
            ids(search_answers(&library, "refund")),
            ["A-2", "A-3", "A-1"]
        );
        // Equal matches: the most used first.
        assert_eq!(ids(search_answers(&library, "ref")), ["A-3", "A-2", "A-1"]);
    }

    #[test]
    fn the_index_finds_what_a_search_of_the_library_finds_in_the_same_order() {
        let mut used = answer("A-4", "退款说明", "refund, tuikuan");
        used.uses = 3;
        let library = vec![
            answer(
                "A-1",
                "退款流程",
                "{name}您好，退款将在3个工作日内原路退回。",
            ),
            answer("A-2", "物流查询", "您的包裹正在派送中。"),
            answer(
                "A-3",
                "Refund policy",
                "Refunds are paid back within 3 days.",
            ),
            used,
        ];
        let index = AnswerIndex::new(library.clone());
        assert_eq!(index.len(), 4);
        for query in [
            "", "tk", "退款", "refund", "refnud", "tuikuan", "days", "xyzzy",
        ] {
            assert_eq!(
                ids(index.search(query)),
                ids(search_answers(&library, query)),
                "{query}"
            );
        }
        assert_eq!(
            ids(index.search("tk")),
            ["A-4", "A-1"],
            "the most used first"
        );
    }

    #[test]
    fn a_pinyin_word_spells_whole_syllables() {
        assert!(spells_from(&["tui", "kuan"], "tuikuan"));
        assert!(spells_from(&["tui", "kuan"], "tuiku"));
        assert!(spells_from(&["tui", "kuan"], "tuik"));
        assert!(!spells_from(&["tui", "kuan"], "t"));
        assert!(!spells_from(&["tui", "kuan"], "tuikuanx"));
        assert!(!spells_from(&["tui", "kuan"], "tk"));
    }
}
