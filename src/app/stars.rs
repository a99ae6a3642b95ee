//! The collection in the reader: starring quotes, read marks, the starred
//! view. The [`Store`] keeps them; this keeps what the screen needs of it
//! (article keys, which quotes are starred, which articles are read) so
//! drawing never asks the database.

use std::collections::{BTreeSet, HashMap};

use super::{App, Focus, Mode};
use crate::corpus::Corpus;
use crate::store::{Persistence, StarKey, StarredQuote, Store, article_key};

/// What the reader knows of the collection.
#[derive(Debug, Default)]
pub struct Collection {
    store: Option<Store>,
    /// [`article_key`] of each entry, worked out once per entry.
    keys: Vec<String>,
    /// Entry index of each article key (the first entry, if loaded twice).
    by_key: HashMap<String, usize>,
    /// Whether each entry has been read.
    read: Vec<bool>,
    /// How many entries have not been read, kept as marks change so the
    /// list's title costs nothing to draw.
    unread: usize,
    /// Starred quote spans, by article key.
    starred: HashMap<String, BTreeSet<(usize, usize)>>,
    /// The starred view's rows, oldest star first, read when it opens.
    list: Vec<StarredQuote>,
    /// Index into `list` of the highlighted row.
    selected: usize,
    /// The entry whose reading last marked it read, so `m` can unmark it
    /// without reading marking it again at once.
    auto_read: Option<usize>,
}

impl Collection {
    /// Catches up with entries added to the corpus since the last call:
    /// their keys and read state. Costs nothing when there are none.
    pub(super) fn sync(&mut self, corpus: &Corpus) {
        self.sync_keyed(corpus, Vec::new());
    }

    /// Like [`Collection::sync`], given the keys of the new entries (in
    /// order) when they are known already.
    pub(super) fn sync_keyed(&mut self, corpus: &Corpus, known: Vec<String>) {
        let have = self.keys.len();
        if have >= corpus.entries.len() {
            return;
        }
        let read = self.store.as_ref().and_then(|s| s.read_keys().ok());
        let mut known = known.into_iter();
        for (i, entry) in corpus.entries.iter().enumerate().skip(have) {
            let key = known.next().unwrap_or_else(|| article_key(&entry.article));
            let was_read = read.as_ref().is_some_and(|r| r.contains(&key));
            self.unread += usize::from(!was_read);
            self.read.push(was_read);
            self.by_key.entry(key.clone()).or_insert(i);
            self.keys.push(key);
        }
    }

    /// Reads the starred spans from the store.
    fn load_stars(&mut self) -> Result<(), crate::store::StoreError> {
        self.starred.clear();
        if let Some(store) = &self.store {
            for StarKey {
                article_key,
                start,
                end,
            } in store.starred_keys()?
            {
                self.starred
                    .entry(article_key)
                    .or_default()
                    .insert((start, end));
            }
        }
        Ok(())
    }

    /// The store, made in memory (for this session only) when none was given.
    fn store(&mut self) -> Result<&Store, crate::store::StoreError> {
        if self.store.is_none() {
            self.store = Some(Store::in_memory()?);
        }
        // Set just above when it was missing.
        Ok(self.store.as_ref().expect("the store was just made"))
    }

    /// Every starred quote, oldest star first, read from the store.
    pub(super) fn starred_list(&mut self) -> Result<Vec<StarredQuote>, crate::store::StoreError> {
        self.store()?.starred()
    }

    /// The stable key of entry `entry`.
    pub fn key(&self, entry: usize) -> Option<&str> {
        self.keys.get(entry).map(String::as_str)
    }

    /// How many entries have not been read.
    pub fn unread(&self) -> usize {
        self.unread
    }

    /// Whether entry `entry` has been read.
    pub fn is_read(&self, entry: usize) -> bool {
        self.read.get(entry).copied().unwrap_or(false)
    }

    /// Whether the quote at `span` of entry `entry` is starred.
    pub fn is_starred(&self, entry: usize, span: &std::ops::Range<usize>) -> bool {
        self.key(entry)
            .and_then(|k| self.starred.get(k))
            .is_some_and(|s| s.contains(&(span.start, span.end)))
    }

    /// How many quotes of entry `entry` are starred.
    pub fn stars_in(&self, entry: usize) -> usize {
        self.key(entry)
            .and_then(|k| self.starred.get(k))
            .map_or(0, BTreeSet::len)
    }

    /// The starred view's rows.
    pub fn list(&self) -> &[StarredQuote] {
        &self.list
    }

    /// Index into [`Collection::list`] of the highlighted row.
    pub fn selected(&self) -> usize {
        self.selected
    }

    /// The entry loaded under `key`, if any.
    pub fn entry_of(&self, key: &str) -> Option<usize> {
        self.by_key.get(key).copied()
    }

    /// Where the collection is kept; `None` before anything was stored.
    pub fn persistence(&self) -> Option<Persistence> {
        self.store.as_ref().map(Store::persistence)
    }
}

impl App {
    /// Keeps stars and read marks in `store` from now on; `notice` (what
    /// [`Store::open_or_recover`] said, if anything) goes to the message line.
    pub fn attach_store(&mut self, store: Store, notice: Option<String>) {
        self.collection = Collection {
            store: Some(store),
            ..Collection::default()
        };
        self.collection.sync(&self.corpus);
        if let Err(e) = self.collection.load_stars() {
            self.message = Some(format!("Cannot read the starred quotes: {e}"));
        }
        if notice.is_some() {
            self.message = notice;
        }
    }

    /// Stars, read marks and the starred view.
    pub fn collection(&self) -> &Collection {
        &self.collection
    }

    /// The quote `*` acts on: the one `n`/`N` last visited, else the first
    /// quotation on screen.
    pub fn star_target(&self) -> Option<usize> {
        if let Some(q) = self.reader.quote {
            return Some(q);
        }
        let (e, entry) = self.reader.entry.zip(self.open_entry())?;
        let top = self.reader.scroll;
        let bottom = top + usize::from(self.reading().text.height);
        (0..entry.quotes.len()).find(|&q| {
            let row = self.reader.layout.quote_rows.get(q).copied();
            self.is_visited(e, q) && row.is_some_and(|r| (top..bottom).contains(&r))
        })
    }

    /// Stars or unstars quote `q` of entry `e`, saying which in the message line.
    pub(super) fn toggle_star_of(&mut self, e: usize, q: usize) {
        let Some(star) = StarredQuote::from_corpus(&self.corpus, e, q) else {
            return;
        };
        let result = self
            .collection
            .store()
            .and_then(|store| store.toggle_star(&star));
        match result {
            Ok(now) => {
                let spans = self
                    .collection
                    .starred
                    .entry(star.article_key.clone())
                    .or_default();
                if now {
                    spans.insert((star.start, star.end));
                } else {
                    spans.remove(&(star.start, star.end));
                }
                let who = star.speaker.as_deref().unwrap_or("unattributed");
                let memory = self.collection.persistence() == Some(Persistence::Memory);
                let note = if memory && now {
                    " (kept for this session only)"
                } else {
                    ""
                };
                self.message = Some(match now {
                    true => format!("Starred a quote by {who}{note}"),
                    false => format!("Unstarred a quote by {who}"),
                });
            }
            Err(e) => self.message = Some(format!("The star was not saved: {e}")),
        }
    }

    /// Stars or unstars the quote [`App::star_target`] names.
    pub(super) fn star_current(&mut self) {
        match self.reader.entry.zip(self.star_target()) {
            Some((e, q)) => {
                self.reader.quote = Some(q);
                self.toggle_star_of(e, q);
            }
            None => self.message = Some("No quote here to star: press n to go to one".into()),
        }
    }

    pub(super) fn unstar_selected(&mut self) {
        let Some(star) = self.collection.list.get(self.collection.selected).cloned() else {
            return;
        };
        let result = self
            .collection
            .store()
            .and_then(|store| store.unstar(&star.key()));
        match result {
            Ok(_) => {
                if let Some(spans) = self.collection.starred.get_mut(&star.article_key) {
                    spans.remove(&(star.start, star.end));
                }
                self.collection.list.remove(self.collection.selected);
                self.collection.selected = self
                    .collection
                    .selected
                    .min(self.collection.list.len().saturating_sub(1));
                self.message = Some("Unstarred".into());
            }
            Err(e) => self.message = Some(format!("The star was not removed: {e}")),
        }
    }

    /// Marks the selected article read, or unread if it is read.
    pub(super) fn toggle_read(&mut self) {
        let Some(&e) = self.shown.get(self.selected) else {
            return;
        };
        let read = !self.collection.is_read(e);
        if let Err(err) = self.set_read(e, read) {
            self.message = Some(format!("The read mark was not saved: {err}"));
            return;
        }
        self.message = Some(if read { "Marked read" } else { "Marked unread" }.into());
    }

    fn set_read(&mut self, e: usize, read: bool) -> Result<(), crate::store::StoreError> {
        let key = self.collection.key(e).unwrap_or_default().to_string();
        self.collection.store()?.set_read(&key, read)?;
        if let Some(r) = self.collection.read.get_mut(e) {
            if *r != read {
                if read {
                    self.collection.unread = self.collection.unread.saturating_sub(1);
                } else {
                    self.collection.unread += 1;
                }
            }
            *r = read;
        }
        Ok(())
    }

    /// An article is read once its pane has the focus or a quote in it was
    /// visited. Each article is marked once per time it is opened, so `m`
    /// can make the open one unread again.
    pub(super) fn mark_open_read(&mut self) {
        let Some(e) = self.reader.entry else {
            return;
        };
        let reading = self.focus == Focus::Reader || self.reader.quote.is_some();
        if !reading || self.collection.auto_read == Some(e) {
            return;
        }
        self.collection.auto_read = Some(e);
        if !self.collection.is_read(e) {
            if let Err(err) = self.set_read(e, true) {
                self.message = Some(format!("The read mark was not saved: {err}"));
            }
        }
    }

    pub(super) fn open_starred(&mut self) {
        let listed = self.collection.store().and_then(|s| s.starred());
        match listed {
            Ok(list) => {
                self.collection.list = list;
                self.collection.selected = 0;
                self.mode = Mode::Starred;
            }
            Err(e) => self.message = Some(format!("Cannot read the starred quotes: {e}")),
        }
    }

    pub(super) fn starred_step(&mut self, delta: isize) {
        let last = self.collection.list.len().saturating_sub(1);
        self.collection.selected = self
            .collection
            .selected
            .saturating_add_signed(delta)
            .min(last);
    }

    /// Opens the article of the highlighted star at its quote.
    pub(super) fn open_selected_star(&mut self) {
        let Some(star) = self.collection.list.get(self.collection.selected) else {
            return;
        };
        let Some(e) = self.collection.entry_of(&star.article_key) else {
            self.message = Some(format!(
                "“{}” is not loaded this session",
                star.headline.trim()
            ));
            return;
        };
        let span = star.start..star.end;
        let quote = self
            .corpus
            .entries
            .get(e)
            .and_then(|entry| entry.quotes.iter().position(|q| q.span == span));
        self.open_at(e, quote);
        if quote.is_none() {
            self.message = Some("The starred quote is no longer found in this article".into());
        }
    }

    /// Shows entry `e` in the reading pane, focused, scrolled to quote `q`.
    pub(super) fn open_at(&mut self, e: usize, q: Option<usize>) {
        self.mode = Mode::Browse;
        if !self.shown.contains(&e) {
            self.clear_filter();
        }
        let Some(pos) = self.shown.iter().position(|&s| s == e) else {
            return;
        };
        self.select(pos);
        self.set_focus(Focus::Reader);
        match q {
            Some(q) => self.show_quote(q),
            None => self.reader.quote = None,
        }
    }
}
