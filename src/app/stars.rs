//! The collection in the reader: starring quotes, read marks, the starred
//! view. The [`Store`] keeps them; this keeps what the screen needs of it
//! (article keys, which quotes are starred, which articles are read), read
//! once when the store is attached, so neither drawing nor `update` asks
//! the database: changes go out as [`Effect::Store`] and are applied here
//! when [`Report::Kept`](super::Report::Kept) says they were kept.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::sync::Arc;

use super::{App, Effect, Focus, Mode, StoreWrite};
use crate::corpus::Corpus;
use crate::store::{Persistence, StarredQuote, Store, article_key};

/// What the reader knows of the collection.
#[derive(Debug, Default)]
pub struct Collection {
    /// Keys of the articles the store has read, as of the last change.
    read_keys: HashSet<String>,
    /// [`article_key`] of each entry, worked out once per entry; shared
    /// with `by_key`, so a million keys are kept once.
    keys: Vec<Arc<str>>,
    /// Entry index of each article key (the first entry, if loaded twice).
    by_key: HashMap<Arc<str>, usize>,
    /// Whether each entry has been read.
    read: Vec<bool>,
    /// How many entries have not been read, kept as marks change so the
    /// list's title costs nothing to draw.
    unread: usize,
    /// Starred quote spans, by article key.
    starred: HashMap<String, BTreeSet<(usize, usize)>>,
    /// Every starred quote, oldest star first.
    stars: Vec<StarredQuote>,
    /// The starred view's rows, as they were when it opened.
    list: Vec<StarredQuote>,
    /// Index into `list` of the highlighted row.
    selected: usize,
    /// The entry whose reading last marked it read, so `m` can unmark it
    /// without reading marking it again at once.
    auto_read: Option<usize>,
    /// Where the collection is kept, once known.
    persistence: Option<Persistence>,
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
        let mut known = known.into_iter();
        for (i, entry) in corpus.entries.iter().enumerate().skip(have) {
            let key = known.next().unwrap_or_else(|| {
                // A key may hash the text: read it back when it was let go.
                let whole = entry.with_text();
                article_key(whole.as_ref().map_or(&entry.article, |e| &e.article))
            });
            let was_read = self.read_keys.contains(&key);
            self.unread += usize::from(!was_read);
            self.read.push(was_read);
            let key: Arc<str> = key.into();
            self.by_key.entry(Arc::clone(&key)).or_insert(i);
            self.keys.push(key);
        }
    }

    /// Reads the read marks and the starred quotes from the store.
    fn load(&mut self, store: &Store) -> Result<(), crate::store::StoreError> {
        self.persistence = Some(store.persistence());
        self.read_keys = store.read_keys()?;
        self.stars = store.starred()?;
        self.starred.clear();
        for star in &self.stars {
            self.starred
                .entry(star.article_key.clone())
                .or_default()
                .insert((star.start, star.end));
        }
        Ok(())
    }

    /// Every starred quote, oldest star first.
    pub(super) fn stars(&self) -> &[StarredQuote] {
        &self.stars
    }

    /// The stable key of entry `entry`.
    pub fn key(&self, entry: usize) -> Option<&str> {
        self.keys.get(entry).map(|k| &**k)
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

    /// The entry of an article the store keeps under `key`: loaded under
    /// that key, or read back from the cache, whose articles carry their
    /// key as id and so may be keyed again as `id:<key>`.
    pub fn entry_of_stored(&self, key: &str) -> Option<usize> {
        self.entry_of(key)
            .or_else(|| self.entry_of(&format!("id:{key}")))
    }

    /// Where the collection is kept; `None` before anything was stored.
    pub fn persistence(&self) -> Option<Persistence> {
        self.persistence
    }

    /// The read mark of every entry under `key` set to `read`.
    fn apply_read(&mut self, key: &str, read: bool) {
        if read {
            self.read_keys.insert(key.to_string());
        } else {
            self.read_keys.remove(key);
        }
        let Some(e) = self.entry_of(key) else {
            return;
        };
        if let Some(r) = self.read.get_mut(e) {
            if *r != read {
                if read {
                    self.unread = self.unread.saturating_sub(1);
                } else {
                    self.unread += 1;
                }
            }
            *r = read;
        }
    }
}

impl App {
    /// Keeps stars and read marks in `store` from now on; `notice` (what
    /// [`Store::open_or_recover`] said, if anything) goes to the message line.
    pub fn attach_store(&mut self, store: Store, notice: Option<String>) {
        self.collection = Collection::default();
        if let Err(e) = self.collection.load(&store) {
            self.message = Some(format!("Cannot read the starred quotes: {e}"));
        }
        self.keeper = super::Keeper::new(store);
        self.collection.sync(&self.corpus);
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

    /// Asks for quote `q` of entry `e` to be starred, or unstarred if it is.
    pub(super) fn toggle_star_of(&mut self, e: usize, q: usize) {
        let Some(star) = StarredQuote::from_corpus(&self.corpus, e, q) else {
            return;
        };
        let write = if self.collection.is_starred(e, &(star.start..star.end)) {
            StoreWrite::Unstar(Box::new(star))
        } else {
            StoreWrite::Star(Box::new(star))
        };
        self.effects.push(Effect::Store(write));
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

    /// Asks for the highlighted star of the starred view to be taken off.
    pub(super) fn unstar_selected(&mut self) {
        if let Some(star) = self.collection.list.get(self.collection.selected) {
            self.effects
                .push(Effect::Store(StoreWrite::Unstar(Box::new(star.clone()))));
        }
    }

    /// Applies a write to the store once it was kept, or says why not.
    pub(super) fn kept(&mut self, write: StoreWrite, result: Result<(), String>) {
        let in_view = self.mode == Mode::Starred;
        match (write, result) {
            (StoreWrite::SetRead { key, read }, Ok(())) => self.collection.apply_read(&key, read),
            (StoreWrite::SetReadAll { keys, read }, Ok(())) => {
                for key in &keys {
                    self.collection.apply_read(key, read);
                }
            }
            (StoreWrite::SetRead { .. } | StoreWrite::SetReadAll { .. }, Err(e)) => {
                self.message = Some(format!("The read mark was not saved: {e}"));
            }
            (StoreWrite::Star(star), Ok(())) => {
                let c = &mut self.collection;
                let spans = c.starred.entry(star.article_key.clone()).or_default();
                spans.insert((star.start, star.end));
                let who = star.speaker.as_deref().unwrap_or("unattributed");
                let memory = self.keeper.persistence() == Some(Persistence::Memory);
                let note = if memory {
                    " (kept for this session only)"
                } else {
                    ""
                };
                self.message = Some(format!("Starred a quote by {who}{note}"));
                c.stars.retain(|s| s.key() != star.key());
                c.stars.push(*star);
            }
            (StoreWrite::Unstar(star), Ok(())) => {
                let c = &mut self.collection;
                if let Some(spans) = c.starred.get_mut(&star.article_key) {
                    spans.remove(&(star.start, star.end));
                }
                c.stars.retain(|s| s.key() != star.key());
                if in_view {
                    if let Some(at) = c.list.iter().position(|s| s.key() == star.key()) {
                        c.list.remove(at);
                    }
                    c.selected = c.selected.min(c.list.len().saturating_sub(1));
                    self.message = Some("Unstarred".into());
                } else {
                    let who = star.speaker.as_deref().unwrap_or("unattributed");
                    self.message = Some(format!("Unstarred a quote by {who}"));
                }
            }
            (StoreWrite::Star(_), Err(e)) => {
                self.message = Some(format!("The star was not saved: {e}"));
            }
            (StoreWrite::Unstar(_), Err(e)) if in_view => {
                self.message = Some(format!("The star was not removed: {e}"));
            }
            (StoreWrite::Unstar(_), Err(e)) => {
                self.message = Some(format!("The star was not saved: {e}"));
            }
            (StoreWrite::FullText { .. }, Ok(())) => {}
            (StoreWrite::FullText { .. }, Err(e)) => {
                self.message = Some(format!("The full text was not kept in the cache: {e}"));
            }
        }
        if self.collection.persistence.is_none() {
            self.collection.persistence = self.keeper.persistence();
        }
    }

    /// Marks the selected article read, or unread if it is read.
    pub(super) fn toggle_read(&mut self) {
        let Some(&e) = self.shown.get(self.selected) else {
            return;
        };
        let read = !self.collection.is_read(e);
        self.ask_read(e, read);
        // Replaced by why not, if the store cannot keep it.
        self.message = Some(if read { "Marked read" } else { "Marked unread" }.into());
    }

    fn ask_read(&mut self, e: usize, read: bool) {
        let key = self.collection.key(e).unwrap_or_default().to_string();
        self.effects
            .push(Effect::Store(StoreWrite::SetRead { key, read }));
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
            self.ask_read(e, true);
        }
    }

    pub(super) fn open_starred(&mut self) {
        self.collection.list = self.collection.stars.clone();
        self.collection.selected = 0;
        self.mode = Mode::Starred;
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
