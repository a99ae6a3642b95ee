//! The reader's state and everything that changes it: [`App`], the
//! [`Action`] enum and [`update`]. No terminal types here, so the whole reader
//! can be driven and checked with plain actions.
//!
//! ```
//! use hearsay::app::{update, Action, App};
//! use hearsay::corpus::Corpus;
//!
//! let mut app = App::new(Corpus::default(), Vec::new());
//! update(&mut app, Action::Quit);
//! assert!(app.should_quit());
//! ```

mod action;
pub mod background;
mod copy;
mod effect;
pub mod explain;
pub mod export;
pub mod feeds;
pub mod full;
pub mod geometry;
mod keep;
mod loading;
mod nav;
pub mod picker;
pub mod search;
pub mod snippets;
pub mod speakers_view;
pub mod stars;
mod views;

pub use action::Action;
pub use background::{Refreshing, Report, receive};
pub use effect::{Effect, StoreWrite};
pub use keep::{Keeper, perform_all_kept, perform_each, perform_kept};

use crate::article::Problem;
use crate::corpus::{Corpus, Entry, Speaker};
use crate::layout::{self, ArticleLayout, Labels};
use geometry::Screen;
use picker::Picker;
use search::Search;

/// Lays out an entry at a width with its labels placed so;
/// [`layout::layout_with`] unless a test swaps it.
pub type LayoutFn = fn(&Entry, u16, Labels) -> ArticleLayout;

/// The widest an article's text is shown unless told otherwise.
pub const DEFAULT_READING_WIDTH: u16 = 80;

/// What keys mean right now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Mode {
    /// Reading: the list and the reading pane.
    Browse,
    /// Choosing a speaker to filter by.
    Speakers,
    /// Typing a search.
    Search,
    /// The key help is open.
    Help,
    /// The speakers view: every speaker, filtered as you type.
    SpeakerList,
    /// One speaker's quotes across articles.
    SpeakerQuotes,
    /// The starred quotes.
    Starred,
    /// Every loading problem and every message so far.
    Messages,
    /// Why the current quote has its speaker.
    Explain,
    /// Choosing the format of an export.
    Export,
    /// The subscriptions, with unread counts.
    Feeds,
}

/// The pane that scrolling keys move.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    /// The headline list.
    List,
    /// The reading pane.
    Reader,
}

/// A headline's figures, worked out once when the app starts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    /// Number of quotations (terms and scare quotes not counted).
    pub quotes: usize,
    /// The most quoted speakers, most quoted first, at most three.
    pub speakers: Vec<String>,
}

/// The article in the reading pane, laid out at the pane's width.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Reader {
    /// Index of the entry in the corpus.
    pub entry: Option<usize>,
    /// Its layout at the pane's inner width.
    pub layout: ArticleLayout,
    /// The top row shown.
    pub scroll: usize,
    /// Index of the current quote in the entry's quotes.
    pub quote: Option<usize>,
    /// The article's speakers (corpus indices) in order of appearance:
    /// the colour key, and the order their colours are handed out in.
    pub speakers: Vec<usize>,
    /// The entry, its quote count and the corpus's speaker count that
    /// `speakers` was worked out for.
    speakers_key: Option<(usize, usize, usize)>,
}

/// Rows the colour key may take at most.
pub const KEY_ROWS: usize = 2;

/// Everything the reader shows.
#[derive(Debug)]
pub struct App {
    corpus: Corpus,
    summaries: Vec<Summary>,
    problems: Vec<Problem>,
    /// Entries shown in the list, as corpus indices.
    shown: Vec<usize>,
    /// Index into `shown` of the selected headline.
    selected: usize,
    /// Index into `shown` of the first headline on screen.
    list_top: usize,
    reader: Reader,
    focus: Focus,
    mode: Mode,
    /// Index of the speaker whose quotes alone are visited.
    filter: Option<usize>,
    picker: Picker,
    search: Search,
    help_scroll: usize,
    /// What the explain view shows, made when it opened.
    explained: Option<explain::Explained>,
    size: (u16, u16),
    message: Option<String>,
    layout_fn: LayoutFn,
    quit: bool,
    collection: stars::Collection,
    speakers_view: speakers_view::SpeakersView,
    export: Option<export::ExportPrompt>,
    export_dir: std::path::PathBuf,
    /// The speaker index while entries are still arriving.
    growing: Option<loading::Growing>,
    /// The quotes `n` visits in the open article, kept for the status line
    /// so a frame does not walk every quote of a long article.
    visits: Visits,
    /// Where speaker labels go, as chosen (margin falls back to the end of
    /// the paragraph when the pane is too narrow).
    labels: Labels,
    /// The widest the article's text is shown, in columns (0: no limit).
    reading_width: u16,
    /// Whether the text is centred in the reading pane, else at the left.
    centred: bool,
    /// Below this confidence a speaker is shown as uncertain.
    min_confidence: f32,
    /// What the run loop is to do once this action is applied.
    effects: Vec<Effect>,
    /// How many loading problems the message line has already announced:
    /// a new problem shows once, then lives in the messages view.
    problems_told: usize,
    /// Every message shown, oldest first (at most [`LOG_SIZE`]).
    log: Vec<String>,
    /// Subscriptions, refreshes and the cache behind the list.
    follow: background::Follow,
    /// The keys of a few actions, for messages that name them.
    hints: Vec<(Action, String)>,
    /// The time of the frame being drawn, seconds since the epoch (dates
    /// in the list are told from it); `None` shows them as days.
    clock: Option<i64>,
    /// Entries loaded more than once (the same key), with how many times.
    copies: std::collections::HashMap<usize, usize>,
    /// Snippets of the cache search's matches on screen.
    snippets: snippets::Snippets,
    /// The subscriptions and the feeds view.
    feeds: feeds::Feeds,
    /// The store the collection is kept in, written by the run loop
    /// through [`perform_kept`], never by `update`.
    keeper: Keeper,
}

/// Messages the messages view keeps.
pub const LOG_SIZE: usize = 200;

/// The visited quotes of one article under one speaker filter.
#[derive(Debug, Default)]
struct Visits {
    /// Entry, filter and the entry's quote count they were computed for.
    key: Option<(usize, Option<usize>, usize)>,
    /// Indices of the visited quotes, ascending.
    quotes: Vec<usize>,
}

/// Applies one action to the app and returns every effect it asks for,
/// performing none: what tests of `update`'s decisions read.
pub fn step(app: &mut App, action: Action) -> Vec<Effect> {
    app.update(action);
    std::mem::take(&mut app.effects)
}

/// Applies one action, performs the writes to the store and to files it
/// asks for ([`perform_all_kept`]) and returns the effects left for the run
/// loop (the clipboard, the browser, fetching, searching).
pub fn update(app: &mut App, action: Action) -> Vec<Effect> {
    let effects = step(app, action);
    perform_all_kept(app, effects)
}

impl App {
    /// An app over `corpus` at 80×24 until told the real size, with the
    /// first headline open. `problems` are shown in the message line.
    pub fn new(corpus: Corpus, problems: Vec<Problem>) -> App {
        App::with_layout(corpus, problems, layout::layout_with)
    }

    /// Like [`App::new`] with another layout function.
    pub fn with_layout(corpus: Corpus, problems: Vec<Problem>, layout_fn: LayoutFn) -> App {
        let summaries = (0..corpus.entries.len())
            .map(|e| summarise(&corpus, e))
            .collect();
        let shown = (0..corpus.entries.len()).collect();
        let mut app = App {
            corpus,
            summaries,
            problems,
            shown,
            selected: 0,
            list_top: 0,
            reader: Reader::default(),
            focus: Focus::List,
            mode: Mode::Browse,
            filter: None,
            picker: Picker::default(),
            search: Search::default(),
            help_scroll: 0,
            explained: None,
            size: (80, 24),
            message: None,
            layout_fn,
            quit: false,
            collection: stars::Collection::default(),
            speakers_view: speakers_view::SpeakersView::default(),
            export: None,
            export_dir: std::path::PathBuf::from("."),
            growing: None,
            visits: Visits::default(),
            labels: Labels::Margin,
            reading_width: DEFAULT_READING_WIDTH,
            centred: true,
            min_confidence: crate::quote::confidence::default_min_confidence(),
            effects: Vec::new(),
            problems_told: 0,
            log: Vec::new(),
            follow: background::Follow::default(),
            hints: Vec::new(),
            clock: None,
            copies: std::collections::HashMap::new(),
            snippets: snippets::Snippets::default(),
            feeds: feeds::Feeds::default(),
            keeper: Keeper::default(),
        };
        app.collection.sync(&app.corpus);
        app.select(0);
        app.count_visits();
        app.order_speakers();
        app
    }

    /// Applies one action.
    pub fn update(&mut self, action: Action) {
        match action {
            Action::Resize(..) | Action::Scroll { .. } | Action::Click { .. } => {}
            _ => {
                self.message = None;
                // The problems announced until now were seen.
                self.problems_told = self.problems.len();
            }
        }
        self.dispatch(action);
        self.collection.sync(&self.corpus);
        self.mark_open_read();
        self.count_visits();
        self.order_speakers();
        self.count_feeds_unread();
        self.fill_snippets();
        self.log_message();
    }

    /// Tells the app which keys do `actions`, for messages that name them
    /// ("press ! for details").
    pub fn set_key_names(&mut self, names: Vec<(Action, String)>) {
        self.hints = names;
    }

    /// Sets the time dates are told from, seconds since the epoch.
    pub fn set_clock(&mut self, now: i64) {
        self.clock = Some(now);
    }

    /// The time dates are told from, if set.
    pub fn clock(&self) -> Option<i64> {
        self.clock
    }

    /// Every message shown so far, oldest first.
    pub fn log(&self) -> &[String] {
        &self.log
    }

    /// Sets the widest the text is shown (0: no limit) and whether it is
    /// centred in the reading pane.
    pub fn set_reading_width(&mut self, width: u16, centred: bool) {
        self.reading_width = width;
        self.centred = centred;
        self.resize_reader();
    }

    /// Sets the confidence below which a speaker is shown as uncertain.
    pub fn set_min_confidence(&mut self, min: f32) {
        self.min_confidence = min;
    }

    /// The confidence below which a speaker is shown as uncertain.
    pub fn min_confidence(&self) -> f32 {
        self.min_confidence
    }

    /// Where speaker labels go, as chosen.
    pub fn labels(&self) -> Labels {
        self.labels
    }

    /// How the reading pane's inside is shared between the speaker margin
    /// and the text.
    pub fn reading(&self) -> geometry::Reading {
        let inner = self.reader_inner();
        let plain = geometry::reading(
            inner,
            self.labels == Labels::Margin,
            self.reading_width,
            self.centred,
            0,
        );
        let key = self.key_rows(
            usize::from(plain.text.width) + plain.margin.map_or(0, |m| usize::from(m.width) + 1),
        );
        geometry::reading(
            inner,
            self.labels == Labels::Margin,
            self.reading_width,
            self.centred,
            u16::try_from(key.len()).unwrap_or(0),
        )
    }

    /// The colour key cut into rows `width` columns wide: each row the
    /// range of [`Reader::speakers`] it shows, at most [`KEY_ROWS`]; the
    /// last row leaves room for `+N more` when not all fit.
    pub fn key_rows(&self, width: usize) -> Vec<std::ops::Range<usize>> {
        let names = self.reader.speakers.iter().map(|&s| {
            self.corpus
                .speakers
                .get(s)
                .map_or(0, |s| crate::text::display_width(&s.name))
        });
        key_rows(names, self.reader.speakers.len(), width)
    }

    /// Works out the open article's speakers in order of appearance, when
    /// the article, its quotes or the speaker index changed.
    pub(super) fn order_speakers(&mut self) {
        let key = self
            .reader
            .entry
            .zip(self.open_entry())
            .map(|(e, entry)| (e, entry.quotes.len(), self.corpus.speakers.len()));
        if key == self.reader.speakers_key {
            return;
        }
        let mut order: Vec<usize> = Vec::new();
        if let Some((e, n, _)) = key {
            for q in 0..n {
                if let Some(s) = self.speaker_of(e, q).filter(|s| !order.contains(s)) {
                    order.push(s);
                }
            }
        }
        self.reader.speakers = order;
        self.reader.speakers_key = key;
        self.resize_reader();
    }

    /// Whether the reader should close.
    pub fn should_quit(&self) -> bool {
        self.quit
    }

    /// The loaded articles.
    pub fn corpus(&self) -> &Corpus {
        &self.corpus
    }

    /// The figures of entry `i`.
    pub fn summary(&self, i: usize) -> Option<&Summary> {
        self.summaries.get(i)
    }

    /// Problems met while loading.
    pub fn problems(&self) -> &[Problem] {
        &self.problems
    }

    /// Corpus indices of the entries in the list, in order.
    pub fn shown(&self) -> &[usize] {
        &self.shown
    }

    /// Index into [`App::shown`] of the selected headline.
    pub fn selected(&self) -> usize {
        self.selected
    }

    /// Index into [`App::shown`] of the first headline on screen.
    pub fn list_top(&self) -> usize {
        self.list_top
    }

    /// The reading pane's article.
    pub fn reader(&self) -> &Reader {
        &self.reader
    }

    /// The entry in the reading pane.
    pub fn open_entry(&self) -> Option<&Entry> {
        self.reader.entry.and_then(|i| self.corpus.entries.get(i))
    }

    /// The focused pane.
    pub fn focus(&self) -> Focus {
        self.focus
    }

    /// What keys mean now.
    pub fn mode(&self) -> Mode {
        self.mode
    }

    /// The speaker whose quotes alone are visited, if any.
    pub fn filter(&self) -> Option<&Speaker> {
        self.filter.and_then(|i| self.corpus.speakers.get(i))
    }

    /// The speaker of quote `quote` of entry `entry`, as an index into the
    /// corpus's speakers.
    pub fn speaker_of(&self, entry: usize, quote: usize) -> Option<usize> {
        self.corpus.speaker_of(entry, quote)
    }

    /// The open entry's index in the corpus.
    pub fn open_index(&self) -> Option<usize> {
        self.reader.entry
    }

    /// The speaker picker.
    pub fn picker(&self) -> &Picker {
        &self.picker
    }

    /// The search box and hits.
    pub fn search(&self) -> &Search {
        &self.search
    }

    /// Byte range in the open article of the current search match.
    pub fn search_mark(&self) -> Option<std::ops::Range<usize>> {
        let hit = self.search.hits.get(self.search.current?)?;
        let at = hit.at.filter(|_| Some(hit.entry) == self.reader.entry)?;
        Some(at..at + self.search.query.as_ref()?.len())
    }

    /// Rows of help scrolled past.
    pub fn help_scroll(&self) -> usize {
        self.help_scroll
    }

    /// The terminal's columns and rows.
    pub fn size(&self) -> (u16, u16) {
        self.size
    }

    /// The one-line message to show: what just happened, else the loading
    /// problems not yet announced, until the next key; all of them stay in
    /// the messages view.
    pub fn message(&self) -> Option<String> {
        if let Some(m) = &self.message {
            return Some(m.clone());
        }
        let new = self.problems.get(self.problems_told..)?;
        let first = new.first()?;
        let more = match new.len() {
            1 => String::new(),
            n => format!(" (+{} more)", n - 1),
        };
        Some(format!("{first}{more} · ! lists every message"))
    }

    /// Whether the message line shows.
    pub(super) fn has_message(&self) -> bool {
        self.message.is_some() || self.problems.len() > self.problems_told
    }

    /// Where each pane is on the current screen.
    pub fn screen(&self) -> Screen {
        Screen::new(self.size.0, self.size.1, self.focus, self.has_message())
    }

    /// Whether quote `q` of entry `entry` is one `n`/`N` visit: a
    /// quotation, by the filtered speaker when there is a filter.
    pub fn is_visited(&self, entry: usize, q: usize) -> bool {
        let quotation = self
            .corpus
            .entries
            .get(entry)
            .and_then(|e| e.quotes.get(q))
            .is_some_and(|quote| quote.is_marked_quotation());
        quotation
            && self
                .filter
                .is_none_or(|f| self.speaker_of(entry, q) == Some(f))
    }

    /// The current quote's number among those `n` visits in the open
    /// article (from 1), and how many there are.
    pub fn quote_position(&self) -> Option<(Option<usize>, usize)> {
        self.open_entry()?;
        let visits = &self.visits.quotes;
        let current = self
            .reader
            .quote
            .and_then(|q| visits.binary_search(&q).ok());
        Some((current.map(|p| p + 1), visits.len()))
    }

    /// Counts the open article's visited quotes anew if the article, the
    /// filter or the article's quotes changed: once per change, so a frame
    /// (which only reads) costs the same for a long article as a short one.
    fn count_visits(&mut self) {
        let key = self
            .reader
            .entry
            .zip(self.open_entry())
            .map(|(e, entry)| (e, self.filter, entry.quotes.len()));
        if key == self.visits.key {
            return;
        }
        let quotes = key.map_or_else(Vec::new, |(e, _, n)| {
            (0..n).filter(|&q| self.is_visited(e, q)).collect()
        });
        self.visits = Visits { key, quotes };
    }

    fn set_focus(&mut self, focus: Focus) {
        self.focus = focus;
        self.keep_in_view();
    }

    fn apply_filter(&mut self, speaker: usize) {
        let open = self.reader.entry;
        self.shown = self
            .list_order()
            .into_iter()
            .filter(|&e| self.corpus.quotes_speaker(e, speaker))
            .collect();
        let name = self
            .corpus
            .speakers
            .get(speaker)
            .map_or("", |s| s.name.as_str());
        let n = self.shown.len();
        let verb = if n == 1 { "quotes" } else { "quote" };
        self.message = Some(format!(
            "{} {verb} {name}",
            crate::text::plural(n, "article")
        ));
        self.filter = Some(speaker);
        self.search = Search::default();
        self.follow.found = None;
        self.reselect(open);
    }

    fn clear_filter(&mut self) {
        if self.showing_found() {
            self.end_found();
            return;
        }
        if self.end_feed() {
            return;
        }
        if self.filter.is_none() {
            self.search = Search::default();
            return;
        }
        self.filter = None;
        self.search = Search::default();
        self.relist();
    }

    /// Selects `entry` again after the list changed, or the first headline.
    fn reselect(&mut self, entry: Option<usize>) {
        let at = entry.and_then(|e| self.shown.iter().position(|&s| s == e));
        self.list_top = 0;
        self.reader.quote = None;
        self.select(at.unwrap_or(0));
    }

    fn resize(&mut self, width: u16, height: u16) {
        self.size = (width, height);
        self.resize_reader();
    }
}

/// Rows of a colour key of `count` names, `widths` columns each, shown as
/// `■ name` two columns apart, in rows `width` wide (see [`App::key_rows`]).
fn key_rows(
    widths: impl Iterator<Item = usize>,
    count: usize,
    width: usize,
) -> Vec<std::ops::Range<usize>> {
    const MORE: usize = 10; // "  +99 more"
    let mut rows: Vec<std::ops::Range<usize>> = Vec::new();
    let (mut start, mut used) = (0, 0);
    for (i, w) in widths.enumerate() {
        let item = 2 + w + if i > start { 2 } else { 0 };
        let last = rows.len() + 1 == KEY_ROWS;
        let room = if last && i + 1 < count {
            width.saturating_sub(MORE)
        } else {
            width
        };
        if used + item > room && i > start {
            rows.push(start..i);
            if rows.len() == KEY_ROWS {
                return rows;
            }
            (start, used) = (i, 2 + w);
        } else {
            used += item;
        }
    }
    if start < count {
        rows.push(start..count);
    }
    rows
}

/// The figures of entry `e` of `corpus`.
fn summarise(corpus: &Corpus, e: usize) -> Summary {
    let (speakers, entry) = (&corpus.speakers, &corpus.entries[e]);
    let mut counts: Vec<(usize, usize)> = Vec::new();
    for id in corpus.speakers_of(e).flatten() {
        match counts.iter_mut().find(|(s, _)| *s == id) {
            Some((_, c)) => *c += 1,
            None => counts.push((id, 1)),
        }
    }
    // Stable: equally quoted speakers keep their order of appearance.
    counts.sort_by_key(|c| std::cmp::Reverse(c.1));
    let names = counts.iter().take(3).filter_map(|(s, _)| speakers.get(*s));
    Summary {
        quotes: entry
            .quotes
            .iter()
            .filter(|q| q.is_marked_quotation())
            .count(),
        speakers: names.map(|s| s.name.clone()).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::key_rows;

    #[test]
    fn the_colour_key_wraps_into_two_rows_then_counts_the_rest() {
        // "■ Ana  ■ Bo" is 11 columns.
        assert_eq!(key_rows([3, 2].into_iter(), 2, 11), vec![0..2]);
        assert_eq!(key_rows([3, 2].into_iter(), 2, 10), [0..1, 1..2]);
        // Four names of 8: two a row, with room for "+N more" on the last.
        let rows = key_rows([8; 10].into_iter(), 10, 22);
        assert_eq!(rows, [0..2, 2..3]);
        assert!(key_rows(std::iter::empty(), 0, 20).is_empty());
    }
}
