//! Entries arriving from the background loader: appended to the corpus, their
//! speakers filed, the list and the speaker filter kept in step. The cost of a
//! batch is its entries plus one ranking of the speakers: the quote speakers
//! of entries loaded before it are not touched, so no key or frame waits on
//! a million articles loaded already.

use std::collections::HashMap;

use crate::corpus::SpeakerIndex;
use crate::loader::{Batch, Progress};
use crate::store::article_key;

use super::{App, Visits, summarise};

/// The speaker index behind a corpus that is still growing. The corpus's
/// quote speakers are this index's ids, which never change; only the map
/// from id to rank ([`crate::corpus::Corpus::speaker_rank`]) is made anew
/// per batch, so a batch costs its entries plus the speakers, however many
/// entries came before it.
#[derive(Debug, Default)]
pub(super) struct Growing {
    index: SpeakerIndex,
    /// For each place in the corpus's ranked speakers, the id in `index`.
    rank_to_id: Vec<usize>,
    progress: Progress,
}

impl Growing {
    /// The index of a corpus loaded whole, for entries added to it later:
    /// its quote speakers become the index's ids (once, not per batch).
    fn of(corpus: &mut crate::corpus::Corpus) -> Growing {
        let mut growing = Growing::default();
        let ids: Vec<Vec<Option<usize>>> = corpus
            .entries
            .iter()
            .map(|entry| {
                let names = crate::corpus::resolved_speakers(entry);
                growing.index.add_names(names)
            })
            .collect();
        let (speakers, renumber) = growing.index.ranked();
        growing.set_ranks(&renumber);
        corpus.quote_speakers = ids;
        corpus.speaker_rank = renumber;
        corpus.speakers = speakers;
        growing.progress.done = true;
        growing.progress.articles = corpus.entries.len();
        growing
    }

    /// Keeps, for each rank of `renumber` (id to rank), an id with it.
    fn set_ranks(&mut self, renumber: &[usize]) {
        self.rank_to_id = vec![0; renumber.len()];
        for (id, &rank) in renumber.iter().enumerate() {
            self.rank_to_id[rank] = id;
        }
    }
}

impl App {
    /// How far background loading has got; `None` when nothing is loading.
    pub fn loading(&self) -> Option<Progress> {
        self.growing
            .as_ref()
            .map(|g| g.progress)
            .filter(|p| !p.done)
    }

    /// Marks the app as waiting for batches from [`crate::loader::stream`].
    pub fn start_loading(&mut self) {
        self.growing = Some(Growing::default());
    }

    /// Appends a batch of loaded entries, files their speakers and shows
    /// them in the list (if they quote the filtered speaker, under a filter).
    pub fn append(&mut self, batch: Batch) {
        for e in self.append_entries(batch, true) {
            self.shown.push(e);
        }
        if self.reader.entry.is_none() {
            self.select(self.selected);
            self.count_visits();
            self.order_speakers();
        }
    }

    /// Adds a batch's entries to the corpus and files their speakers;
    /// returns the new entries the list is to show (under a filter, those
    /// quoting the filtered speaker). `progress` says whether the batch's
    /// figures are loading's (a refresh's are not).
    pub(super) fn append_entries(&mut self, batch: Batch, progress: bool) -> Vec<usize> {
        let (batch, keys) = self.drop_copies(batch);
        let mut growing = match self.growing.take() {
            Some(g) => g,
            None => Growing::of(&mut self.corpus),
        };
        let first = self.corpus.entries.len();
        for names in batch.names {
            let ids = growing.index.add_names(names);
            self.corpus.quote_speakers.push(ids);
        }
        self.rank_speakers(&mut growing);
        self.corpus.entries.extend(batch.entries);
        // Texts that can be read back from their file are let go: the
        // reader keeps the line's place, and reads the text when wanted.
        for entry in &mut self.corpus.entries[first..] {
            entry.drop_text();
        }
        let mut listed = Vec::new();
        for e in first..self.corpus.entries.len() {
            let summary = summarise(&self.corpus, e);
            self.summaries.push(summary);
            if self.filter.is_none_or(|f| self.corpus.quotes_speaker(e, f)) {
                listed.push(e);
            }
        }
        // Keys and read marks of the new entries, so stars show on them.
        self.collection.sync_keyed(&self.corpus, keys);
        self.problems.extend(batch.problems);
        if progress {
            growing.progress = batch.progress;
        }
        // Kept once loading is done too: a refresh files its speakers in it.
        self.growing = Some(growing);
        // Speaker numbers may have changed under the same filter number.
        self.visits = Visits::default();
        self.count_visits();
        self.order_speakers();
        listed
    }

    /// Ranks the speakers of `growing` anew and renumbers every quote's
    /// speaker, the filter and the picker's matches to follow.
    fn rank_speakers(&mut self, growing: &mut Growing) {
        let (speakers, renumber) = growing.index.ranked();
        // Speaker numbers follow the ranking, which new quotes reorder.
        let rerank = |old: usize| growing.rank_to_id.get(old).map(|&id| renumber[id]);
        self.filter = self.filter.and_then(rerank);
        self.picker.matches = self
            .picker
            .matches
            .iter()
            .filter_map(|&m| rerank(m))
            .collect();
        growing.set_ranks(&renumber);
        self.corpus.speaker_rank = renumber;
        self.corpus.speakers = speakers;
    }

    /// Puts `entry` (the same article with another text: its full story
    /// fetched in place of a summary) in the place of entry `e`, its
    /// speakers `names` (as [`crate::corpus::resolved_speakers`] gives
    /// them) filed in place of the old text's. Its key, read mark and stars
    /// stay. Returns false when there is no entry `e`.
    pub(super) fn replace_entry(
        &mut self,
        e: usize,
        entry: crate::corpus::Entry,
        names: Vec<Option<String>>,
    ) -> bool {
        let Some(old) = self.corpus.entries.get(e) else {
            return false;
        };
        // Surnames resolve against the text: read it back if it was let go.
        let old_names = match old.with_text() {
            Ok(whole) => crate::corpus::resolved_speakers(&whole),
            Err(_) => crate::corpus::resolved_speakers(old),
        };
        let mut growing = match self.growing.take() {
            Some(g) => g,
            None => Growing::of(&mut self.corpus),
        };
        growing.index.remove_names(old_names);
        let ids = growing.index.add_names(names);
        if let Some(raw) = self.corpus.quote_speakers.get_mut(e) {
            *raw = ids;
        }
        self.rank_speakers(&mut growing);
        self.growing = Some(growing);
        self.corpus.entries[e] = entry;
        if let Some(summary) = self.summaries.get_mut(e) {
            *summary = summarise(&self.corpus, e);
        }
        self.visits = Visits::default();
        true
    }
}

impl App {
    /// Leaves out of `batch` the articles listed already (the same key:
    /// the same link, id, or headline and text), counting them as copies
    /// of the one listed; returns the rest with their keys.
    fn drop_copies(&mut self, mut batch: Batch) -> (Batch, Vec<String>) {
        let first = self.corpus.entries.len();
        let mut fresh: HashMap<String, usize> = HashMap::new();
        let mut keys = Vec::new();
        let mut keep = Vec::with_capacity(batch.entries.len());
        for entry in &batch.entries {
            let key = article_key(&entry.article);
            let listed = self
                .collection
                .entry_of(&key)
                .or_else(|| fresh.get(&key).copied());
            match listed {
                Some(e) => {
                    // What a refresh listed first is the same article read
                    // back from the cache, not a second copy.
                    if !self.follow.fresh.contains(&e) {
                        *self.copies.entry(e).or_insert(1) += 1;
                    }
                    keep.push(false);
                }
                None => {
                    fresh.insert(key.clone(), first + keys.len());
                    keys.push(key);
                    keep.push(true);
                }
            }
        }
        if keys.len() < batch.entries.len() {
            let mut flags = keep.iter();
            batch
                .entries
                .retain(|_| flags.next().copied().unwrap_or(true));
            let mut flags = keep.iter();
            batch
                .names
                .retain(|_| flags.next().copied().unwrap_or(true));
        }
        (batch, keys)
    }

    /// How many times entry `e` was loaded (1 unless copies of it came).
    pub fn copies(&self, e: usize) -> usize {
        self.copies.get(&e).copied().unwrap_or(1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::{Action, update};
    use crate::article::Article;
    use crate::corpus::{Corpus, Entry, resolved_speakers};

    fn batch(texts: &[&str], done: bool) -> Batch {
        let entries: Vec<Entry> = texts
            .iter()
            .map(|t| Entry::new(Article::from_text(*t, format!("Title\n\n{t}\n"))))
            .collect();
        Batch {
            names: entries.iter().map(resolved_speakers).collect(),
            progress: Progress {
                articles: entries.len(),
                quotes: 0,
                done,
                ..Progress::default()
            },
            entries,
            problems: Vec::new(),
        }
    }

    /// Every quote of `corpus` as (entry, quote).
    fn every_quote(corpus: &Corpus) -> Vec<(usize, usize)> {
        let each = |(e, entry): (usize, &Entry)| (0..entry.quotes.len()).map(move |q| (e, q));
        corpus.entries.iter().enumerate().flat_map(each).collect()
    }

    /// The speaker name of every quote of `corpus`, in order.
    fn every_speaker(corpus: &Corpus) -> Vec<Option<String>> {
        every_quote(corpus)
            .into_iter()
            .map(|(e, q)| {
                let s = corpus.speaker_of(e, q)?;
                Some(corpus.speakers.get(s)?.name.clone())
            })
            .collect()
    }

    #[test]
    fn batches_build_the_corpus_a_whole_load_builds() {
        let texts = [
            "“Yes,” Ana Ruiz said.",
            "“No,” Ivo Lenz said. “Never,” Ivo Lenz said.",
            "“Maybe,” Ana Ruiz said. “Later,” Ana Ruiz said. “Soon,” Ana Ruiz said.",
        ];
        let mut app = App::new(Corpus::default(), Vec::new());
        app.start_loading();
        app.append(batch(&texts[..2], false));
        assert_eq!(app.shown().len(), 2);
        assert!(app.loading().is_some_and(|p| !p.done));
        assert_eq!(app.open_index(), Some(0));
        app.append(batch(&texts[2..], true));
        assert!(app.loading().is_none());
        let whole = Corpus::from_entries(batch(&texts, true).entries);
        assert_eq!(app.corpus().speakers, whole.speakers);
        assert_eq!(every_speaker(app.corpus()), every_speaker(&whole));
        for (e, q) in every_quote(&whole) {
            assert_eq!(app.speaker_of(e, q), whole.speaker_of(e, q));
        }
    }

    #[test]
    fn an_append_leaves_earlier_entries_alone_as_the_ranking_changes() {
        let mut app = App::new(Corpus::default(), Vec::new());
        app.start_loading();
        app.append(batch(
            &["“Yes,” Ana Ruiz said.", "“No,” Ivo Lenz said."],
            false,
        ));
        let before = app.corpus().quote_speakers.clone();
        assert_eq!(app.corpus().speakers[0].name, "Ana Ruiz");
        app.append(batch(
            &["“A,” Ivo Lenz said. “B,” Ivo Lenz said. “C,” Ivo Lenz said."],
            true,
        ));
        // Ivo Lenz now ranks first, yet the first entries' ids are as they were.
        assert_eq!(app.corpus().speakers[0].name, "Ivo Lenz");
        assert_eq!(app.corpus().quote_speakers[..2], before[..]);
        assert_eq!(app.speaker_of(1, 0), Some(0));
        assert_eq!(app.speaker_of(0, 0), Some(1));
        assert_eq!(
            app.summary(2).map(|s| s.speakers.clone()),
            Some(vec!["Ivo Lenz".to_string()])
        );
    }

    #[test]
    fn a_batch_added_to_a_corpus_loaded_whole_ranks_with_it() {
        let texts = ["“Yes,” Ana Ruiz said.", "“No,” Ivo Lenz said."];
        let mut app = App::new(
            Corpus::from_entries(batch(&texts, true).entries),
            Vec::new(),
        );
        let more = ["“A,” Ivo Lenz said. “B,” Ivo Lenz said."];
        app.append(batch(&more, true));
        let all: Vec<&str> = texts.iter().chain(&more).copied().collect();
        let whole = Corpus::from_entries(batch(&all, true).entries);
        assert_eq!(app.corpus().speakers, whole.speakers);
        assert_eq!(every_speaker(app.corpus()), every_speaker(&whole));
        assert!(app.corpus().quotes_speaker(1, 0) && !app.corpus().quotes_speaker(0, 0));
    }

    #[test]
    fn an_article_loaded_twice_is_listed_once_with_a_count() {
        let mut app = App::new(Corpus::default(), Vec::new());
        app.start_loading();
        app.append(batch(
            &["“Yes,” Ana Ruiz said.", "“No,” Ivo Lenz said."],
            false,
        ));
        app.append(batch(
            &[
                "“Yes,” Ana Ruiz said.",
                "“Soon,” Ana Ruiz said.",
                "“Soon,” Ana Ruiz said.",
            ],
            true,
        ));
        assert_eq!(app.shown(), [0, 1, 2]);
        assert_eq!((app.copies(0), app.copies(1), app.copies(2)), (2, 1, 2));
        // The copies' quotes are not counted twice.
        assert_eq!(app.corpus().speakers[0].name, "Ana Ruiz");
        assert_eq!(app.corpus().speakers[0].quotes, 2);
        assert_eq!(
            app.collection().key(2),
            Some(article_key(&app.corpus().entries[2].article).as_str())
        );
    }

    #[test]
    fn a_filter_follows_its_speaker_as_the_ranking_changes() {
        let mut app = App::new(Corpus::default(), Vec::new());
        app.start_loading();
        app.append(batch(
            &["“Yes,” Ana Ruiz said. “Yes,” Ana Ruiz said."],
            false,
        ));
        app.append(batch(&["“No,” Ivo Lenz said."], false));
        update(&mut app, Action::OpenSpeakers);
        update(&mut app, Action::PickerDown);
        update(&mut app, Action::Confirm);
        assert_eq!(app.filter().map(|s| s.name.as_str()), Some("Ivo Lenz"));
        app.append(batch(
            &["“A,” Ivo Lenz said. “B,” Ivo Lenz said. “C,” Ivo Lenz said."],
            true,
        ));
        assert_eq!(app.filter().map(|s| s.name.as_str()), Some("Ivo Lenz"));
        assert_eq!(app.corpus().speakers[0].name, "Ivo Lenz");
        assert_eq!(app.shown(), [1, 2]);
    }

    /// The status line's "quote i/n" against a count of the open article's
    /// visited quotes made afresh.
    fn fresh_position(app: &App) -> Option<(Option<usize>, usize)> {
        let e = app.open_index()?;
        let n = app.open_entry()?.quotes.len();
        let visited: Vec<usize> = (0..n).filter(|&q| app.is_visited(e, q)).collect();
        let at = app.reader().quote;
        let at = at.and_then(|q| visited.iter().position(|&v| v == q));
        Some((at.map(|p| p + 1), visited.len()))
    }

    #[test]
    fn quote_position_is_counted_afresh_as_batches_arrive() {
        let mut app = App::new(Corpus::default(), Vec::new());
        app.start_loading();
        assert_eq!(app.quote_position(), None);
        // The first batch opens its first article, with three quotations.
        app.append(batch(
            &["“Yes,” Ana Ruiz said. “No,” Ivo Lenz said. “Again,” Ana Ruiz said."],
            false,
        ));
        assert_eq!(app.quote_position(), Some((None, 3)));
        update(&mut app, Action::NextQuote);
        update(&mut app, Action::NextQuote);
        assert_eq!(app.quote_position(), Some((Some(2), 3)));
        // Only Ivo Lenz's quote is visited under his filter.
        update(&mut app, Action::OpenSpeakers);
        update(&mut app, Action::PickerDown);
        update(&mut app, Action::Confirm);
        assert_eq!(app.filter().map(|s| s.name.as_str()), Some("Ivo Lenz"));
        update(&mut app, Action::NextQuote);
        assert_eq!(app.quote_position(), Some((Some(1), 1)));
        // He overtakes Ana Ruiz: both speaker numbers change.
        app.append(batch(
            &["“A,” Ivo Lenz said. “B,” Ivo Lenz said. “C,” Ivo Lenz said."],
            true,
        ));
        assert_eq!(app.corpus().speakers[0].name, "Ivo Lenz");
        assert_eq!(app.quote_position(), fresh_position(&app));
        assert_eq!(app.quote_position(), Some((Some(1), 1)));
        update(&mut app, Action::Down);
        assert_eq!(app.quote_position(), Some((None, 3)));
        update(&mut app, Action::ClearFilter);
        assert_eq!(app.quote_position(), fresh_position(&app));
    }
}
