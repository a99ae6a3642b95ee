//! The speaker picker: every speaker of the corpus, fuzzy-filtered as you type.

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
        self.matches = pattern
            .match_list(named, &mut matcher)
            .into_iter()
            .map(|(n, _)| n.0)
            .collect();
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
    fn step_stays_in_range() {
        let mut p = Picker::new(2);
        p.step(5);
        assert_eq!(p.selected, 1);
        p.step(-9);
        assert_eq!(p.selected, 0);
    }
}
