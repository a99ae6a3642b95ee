//! The few words around a search hit, with the matched words marked.
//!
//! FTS5 has `snippet()`, but it runs the query's MATCH again for each row,
//! and for a prefix query (the word being typed) that means merging the
//! prefix's whole doclist once per hit: 500 ms for 20 hits of a common
//! prefix in a cache of 100,000 articles. The hits are few and short, so
//! they are read here instead: words are runs of letters and digits, and
//! compared as FTS5's `unicode61 remove_diacritics 2` tokenizer indexes
//! them (case folded, accents dropped), which no crate offers apart from
//! SQLite itself.

use std::ops::Range;

use unicode_normalization::UnicodeNormalization as _;
use unicode_normalization::char::is_combining_mark;

/// A word of the query: the whole word, or a prefix of it (the word being
/// typed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    /// As indexed: case folded, accents dropped.
    pub word: String,
    /// Whether a longer word matches too.
    pub prefix: bool,
}

impl Term {
    fn matches(&self, word: &str) -> bool {
        if self.prefix {
            word.starts_with(&self.word)
        } else {
            word == self.word
        }
    }
}

/// A word as FTS5's tokenizer indexes it.
pub fn fold(word: &str) -> String {
    word.nfd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// How many words a snippet shows.
const WORDS: usize = 16;

/// The words of `text`, as byte ranges.
fn words(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(s..i);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(s..text.len());
    }
    out
}

/// The best few words of `text` for `terms`: the window of [`WORDS`] words
/// with the most different terms in it (then the most matches), starting a
/// little before its first match; `…` where the text goes on. Returns the
/// snippet, one line, and the byte ranges of its matched words; `None` when
/// no word of `text` matches.
pub fn snippet(text: &str, terms: &[Term]) -> Option<(String, Vec<Range<usize>>)> {
    let words = words(text);
    let hit: Vec<Option<usize>> = words
        .iter()
        .map(|w| {
            let folded = fold(&text[w.clone()]);
            terms.iter().position(|t| t.matches(&folded))
        })
        .collect();
    if hit.iter().all(Option::is_none) {
        return None;
    }
    // Slide a window over the words, counting each term's matches in it.
    let mut counts = vec![0usize; terms.len()];
    let (mut distinct, mut total) = (0, 0);
    let mut best = (0, 0, 0);
    for i in 0..words.len() {
        if let Some(t) = hit[i] {
            counts[t] += 1;
            total += 1;
            if counts[t] == 1 {
                distinct += 1;
            }
        }
        if i >= WORDS
            && let Some(t) = hit[i - WORDS]
        {
            counts[t] -= 1;
            total -= 1;
            if counts[t] == 0 {
                distinct -= 1;
            }
        }
        if (distinct, total) > (best.0, best.1) {
            best = (distinct, total, (i + 1).saturating_sub(WORDS));
        }
    }
    // Start a couple of words before the window's first match, and earlier
    // still when the text ends before the window is full.
    let first_hit = (best.2..words.len())
        .find(|&i| hit[i].is_some())
        .unwrap_or(best.2);
    let start = first_hit
        .saturating_sub(2)
        .min(words.len().saturating_sub(WORDS));
    let end = (start + WORDS).min(words.len());
    let (from, to) = (words[start].start, words[end - 1].end);
    let mut out = String::new();
    let mut marks = Vec::new();
    if start > 0 {
        out.push('…');
    }
    let mut at = from;
    for (w, h) in words[start..end].iter().zip(&hit[start..end]) {
        push_plain(&mut out, &text[at..w.start]);
        let begin = out.len();
        push_plain(&mut out, &text[w.clone()]);
        if h.is_some() {
            marks.push(begin..out.len());
        }
        at = w.end;
    }
    debug_assert_eq!(at, to);
    if end < words.len() {
        out.push('…');
    }
    Some((out, marks))
}

/// `s` on one line: line breaks and other control characters as one space
/// each, runs of white space as one.
fn push_plain(out: &mut String, s: &str) {
    for c in s.chars() {
        let c = if c.is_control() || c.is_whitespace() {
            ' '
        } else {
            c
        };
        if c == ' ' && (out.ends_with(' ') || out.is_empty()) {
            continue;
        }
        out.push(c);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn term(word: &str, prefix: bool) -> Term {
        Term {
            word: word.into(),
            prefix,
        }
    }

    fn marked(s: &(String, Vec<Range<usize>>)) -> Vec<&str> {
        s.1.iter().map(|m| &s.0[m.clone()]).collect()
    }

    #[test]
    fn words_fold_as_the_index_does() {
        assert_eq!(fold("Zürich"), "zurich");
        assert_eq!(fold("CAFÉ"), "cafe");
        assert_eq!(fold("Åsa"), "asa");
    }

    #[test]
    fn the_window_with_most_terms_wins_and_is_marked() {
        let text = "Calm talk. ".repeat(3)
            + "Then the harbour budget passed after a long night of talks in the town hall. "
            + &"Nothing else. ".repeat(20);
        let s = snippet(&text, &[term("harbour", false), term("budget", false)]).expect("a match");
        assert!(
            s.0.starts_with("…Then the harbour") && s.0.ends_with('…'),
            "{s:?}"
        );
        assert_eq!(marked(&s), ["harbour", "budget"]);
        assert!(s.0.contains("Then the harbour budget passed"), "{s:?}");
    }

    #[test]
    fn a_prefix_matches_longer_words_and_accents_do_not_matter() {
        let s = snippet(
            "The Zürich harbourmaster spoke.",
            &[term("harbo", true), term("zurich", false)],
        )
        .expect("a match");
        assert_eq!(s.0, "The Zürich harbourmaster spoke");
        assert_eq!(marked(&s), ["Zürich", "harbourmaster"]);
        assert_eq!(snippet("The harbour.", &[term("harbo", false)]), None);
    }

    #[test]
    fn control_characters_and_line_breaks_become_spaces() {
        let s = snippet(
            "A\u{1b}[2J storm\n\nhit  the coast",
            &[term("storm", false)],
        )
        .expect("a match");
        assert!(!s.0.chars().any(char::is_control), "{s:?}");
        assert_eq!(s.0, "A [2J storm hit the coast");
        assert_eq!(marked(&s), ["storm"]);
    }

    #[test]
    fn no_match_no_snippet() {
        assert_eq!(snippet("Calm seas.", &[term("storm", true)]), None);
        assert_eq!(snippet("", &[term("storm", true)]), None);
    }
}
