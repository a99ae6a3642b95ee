//! The speaker picker: every speaker of the corpus, filtered as you type.
//! Names with a whole word typed come first (`blair` finds `Tony Blair`),
//! then names with a word that starts so, then fuzzy matches, each group in
//! nucleo's order: a fuzzy matcher alone ranks `Abdullatif Sener` (a-b-…-l-a-i-r
//! scattered) as high as `Tony Blair`.

use nucleo_matcher::pattern::{CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher};

/// What the picker shows: the typed query and the speakers matching it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Picker {
    /// What has been typed.
    pub query: String,
    /// Indices into the corpus's speakers, best match first.
    pub matches: Vec<usize>,
    /// Index into `matches` of the highlighted speaker.
    pub selected: usize,
}

impl Picker {
    /// A picker listing all `count` speakers in corpus order.
    pub fn new(count: usize) -> Picker {
        Picker {
            query: String::new(),
            matches: (0..count).collect(),
            selected: 0,
        }
    }

    /// Re-filters the speakers `names` after the query changed: an empty
    /// query keeps them all in order, otherwise best fuzzy match first.
    pub fn refilter<'a>(&mut self, names: impl ExactSizeIterator<Item = &'a str>) {
        self.selected = 0;
        if self.query.is_empty() {
            self.matches = (0..names.len()).collect();
            return;
        }
        let pattern = Pattern::parse(&self.query, CaseMatching::Ignore, Normalization::Smart);
        let mut matcher = Matcher::new(Config::DEFAULT);
        let named = names.enumerate().map(|(i, s)| Named(i, s));
        let mut ranked: Vec<(u8, usize)> = pattern
            .match_list(named, &mut matcher)
            .into_iter()
            .map(|(n, _)| (tier(n.1, &self.query), n.0))
            .collect();
        // Stable: within a tier, nucleo's order.
        ranked.sort_by_key(|&(t, _)| t);
        self.matches = ranked.into_iter().map(|(_, i)| i).collect();
    }

    /// Moves the highlight by `delta`, staying inside the matches.
    pub fn step(&mut self, delta: isize) {
        let last = self.matches.len().saturating_sub(1);
        self.selected = self.selected.saturating_add_signed(delta).min(last);
    }

    /// The index into the corpus's speakers of the highlighted speaker.
    pub fn chosen(&self) -> Option<usize> {
        self.matches.get(self.selected).copied()
    }
}

/// How well `name` matches `query`, best 0: every typed word is a whole
/// word of the name (0), or starts one (1), or the match is fuzzy (2).
/// Case and the kind of hyphen do not count.
pub fn tier(name: &str, query: &str) -> u8 {
    let fold = |s: &str| s.to_lowercase().replace(['\u{2011}', '\u{2010}'], "-");
    let name = fold(name);
    // `Jae-Myung`, `Jae` and `Myung` are all words of `Lee Jae-Myung`.
    let whole = name.split_whitespace();
    let parts = name.split(|c: char| c.is_whitespace() || c == '-');
    let words: Vec<&str> = whole.chain(parts).filter(|w| !w.is_empty()).collect();
    let query = fold(query);
    let typed: Vec<&str> = query.split_whitespace().collect();
    if typed.is_empty() {
        return 2;
    }
    if typed.iter().all(|t| words.contains(t)) {
        0
    } else if typed.iter().all(|t| words.iter().any(|w| w.starts_with(t))) {
        1
    } else {
        2
    }
}

/// A speaker's index with its name, so matches can be traced back.
struct Named<'a>(usize, &'a str);

impl AsRef<str> for Named<'_> {
    fn as_ref(&self) -> &str {
        self.1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typing_narrows_to_fuzzy_matches() {
        let all = ["Mara Okonkwo", "Teodor Wilk", "Harbour Authority"];
        let mut p = Picker::new(all.len());
        assert_eq!(p.matches, vec![0, 1, 2]);
        p.query = "wlk".into();
        p.refilter(all.into_iter());
        assert_eq!(p.chosen(), Some(1));
        p.query = "zzz".into();
        p.refilter(all.into_iter());
        assert_eq!(p.chosen(), None);
    }

    #[test]
    fn whole_words_then_prefixes_then_fuzzy_matches() {
        let all = ["Abdullatif Sener", "Blairsville Mayor", "Tony Blair"];
        let mut p = Picker::new(all.len());
        p.query = "blair".into();
        p.refilter(all.into_iter());
        assert_eq!(p.matches, vec![2, 1, 0]);
        assert_eq!(tier("Lee Jae‑Myung", "jae-myung"), 0);
        assert_eq!(tier("Tony Blair", "to bl"), 1);
        assert_eq!(tier("Abdullatif Sener", "blair"), 2);
    }

    #[test]
    fn step_stays_in_range() {
        let mut p = Picker::new(2);
        p.step(5);
        assert_eq!(p.selected, 1);
        p.step(-9);
        assert_eq!(p.selected, 0);
    }
}
