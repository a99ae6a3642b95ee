//! The speakers view: every speaker with quote and article counts, sorted by
//! count or name and filtered as you type; then one speaker's quotes across
//! articles, each a key away from its article.
//!
//! Each speaker's quotes are listed once, when the view first opens (and
//! again only if the corpus grew), so a key press costs at most a pass over
//! the speakers' names, never over the articles.

use super::picker::Picker;
use super::{App, Mode};
use crate::corpus::Corpus;

/// How the speakers view is ordered.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum SpeakerSort {
    /// Most quoted first (the corpus's order).
    #[default]
    Count,
    /// By name, A to Z.
    Name,
    /// By the last word of the name (the family name in most), A to Z.
    Surname,
}

/// The key `Surname` sorts by: the name's last word, then the name.
fn surname_key(name: &str) -> (String, String) {
    let lower = name.to_lowercase();
    let last = lower
        .split_whitespace()
        .last()
        .unwrap_or_default()
        .to_string();
    (last, lower)
}

/// The speakers view's state.
#[derive(Debug, Clone, Default)]
pub struct SpeakersView {
    /// The typed filter and the speakers matching it, in the chosen order.
    pub picker: Picker,
    /// The order shown.
    pub sort: SpeakerSort,
    /// The speaker whose quotes are listed.
    pub chosen: Option<usize>,
    /// Index into the chosen speaker's quotes of the highlighted one.
    pub quote: usize,
    /// For each speaker, its quotes as (entry, quote), in corpus order.
    quotes: Vec<Vec<(usize, usize)>>,
    /// Speakers by name, as indices.
    by_name: Vec<usize>,
    /// Entries and speakers the index was built for.
    built_for: (usize, usize),
}

impl SpeakersView {
    /// Builds the per-speaker quote lists, unless already built for this corpus.
    fn index(&mut self, corpus: &Corpus) {
        let size = (corpus.entries.len(), corpus.speakers.len());
        if self.built_for == size && !self.quotes.is_empty() {
            return;
        }
        self.quotes = vec![Vec::new(); corpus.speakers.len()];
        for e in 0..corpus.entries.len() {
            for (q, s) in corpus.speakers_of(e).enumerate() {
                if let Some(list) = s.and_then(|s| self.quotes.get_mut(s)) {
                    list.push((e, q));
                }
            }
        }
        self.by_name = (0..corpus.speakers.len()).collect();
        self.by_name
            .sort_by_cached_key(|&i| corpus.speakers[i].name.to_lowercase());
        self.built_for = size;
    }

    /// Re-filters after the query or the order changed.
    fn refilter(&mut self, corpus: &Corpus) {
        let names = corpus.speakers.iter().map(|s| s.name.as_str());
        self.picker.refilter(names);
        let query = self.picker.query.as_str();
        let name = |i: usize| corpus.speakers[i].name.as_str();
        // Matches are few next to all speakers; sort just those. With a
        // query, how well a name matches comes before the order chosen.
        let tier = |i: usize| {
            if query.is_empty() {
                0
            } else {
                super::picker::tier(name(i), query)
            }
        };
        let matches = &mut self.picker.matches;
        match self.sort {
            SpeakerSort::Name if query.is_empty() => matches.clone_from(&self.by_name),
            SpeakerSort::Name => matches.sort_by_cached_key(|&i| (tier(i), name(i).to_lowercase())),
            SpeakerSort::Surname => {
                matches.sort_by_cached_key(|&i| (tier(i), surname_key(name(i))))
            }
            SpeakerSort::Count if query.is_empty() => {}
            SpeakerSort::Count => matches.sort_by_key(|&i| (tier(i), i)),
        }
    }

    /// The quotes of the chosen speaker, as (entry, quote).
    pub fn chosen_quotes(&self) -> &[(usize, usize)] {
        self.chosen
            .and_then(|s| self.quotes.get(s))
            .map_or(&[], Vec::as_slice)
    }

    /// The highlighted quote of the chosen speaker, as (entry, quote).
    pub fn chosen_quote(&self) -> Option<(usize, usize)> {
        self.chosen_quotes().get(self.quote).copied()
    }
}

impl App {
    /// The speakers view.
    pub fn speakers_view(&self) -> &SpeakersView {
        &self.speakers_view
    }

    /// Opens the speakers view with `query` typed.
    pub(super) fn open_speaker_list(&mut self, query: String) {
        self.speakers_view.index(&self.corpus);
        self.speakers_view.picker.query = query;
        self.speakers_view.refilter(&self.corpus);
        self.mode = Mode::SpeakerList;
    }

    pub(super) fn toggle_sort(&mut self) {
        let view = &mut self.speakers_view;
        view.sort = match view.sort {
            SpeakerSort::Count => SpeakerSort::Name,
            SpeakerSort::Name => SpeakerSort::Surname,
            SpeakerSort::Surname => SpeakerSort::Count,
        };
        view.refilter(&self.corpus);
    }

    pub(super) fn speaker_list_edit(&mut self, change: impl FnOnce(&mut String)) {
        change(&mut self.speakers_view.picker.query);
        self.speakers_view.refilter(&self.corpus);
    }

    /// Lists the highlighted speaker's quotes.
    pub(super) fn choose_speaker(&mut self) {
        let Some(s) = self.speakers_view.picker.chosen() else {
            return;
        };
        self.speakers_view.chosen = Some(s);
        self.speakers_view.quote = 0;
        self.mode = Mode::SpeakerQuotes;
    }

    pub(super) fn speaker_quotes_step(&mut self, delta: isize) {
        let view = &mut self.speakers_view;
        let last = view.chosen_quotes().len().saturating_sub(1);
        view.quote = view.quote.saturating_add_signed(delta).min(last);
    }

    /// Opens the article of the highlighted quote, scrolled to it.
    pub(super) fn open_speaker_quote(&mut self) {
        if let Some((e, q)) = self.speakers_view.chosen_quote() {
            self.open_at(e, Some(q));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::surname_key;

    #[test]
    fn the_surname_is_the_last_word() {
        let mut names = ["Zoe Abel", "Ann Young", "Bo Marr"];
        names.sort_by_key(|n| surname_key(n));
        assert_eq!(names, ["Zoe Abel", "Bo Marr", "Ann Young"]);
    }
}
