//! The feeds view's state: each subscription with its unread count, the
//! time of its last fetch and its last error, as newsboat opens on. What
//! the store knows of the feeds is read when the view opens (an
//! [`Effect::LoadFeeds`]); the counts are worked out again after each
//! action for the feeds on screen only.

use std::collections::{HashMap, HashSet};

use super::{App, Effect, Mode, StoreWrite};

/// One subscription, as the configuration names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Subscription {
    /// Its name, else its URL: what the cache files its articles under.
    pub label: String,
    /// Where it is fetched from.
    pub url: String,
}

impl From<&crate::config::Feed> for Subscription {
    fn from(feed: &crate::config::Feed) -> Self {
        Subscription {
            label: feed.label().to_string(),
            url: feed.url.clone(),
        }
    }
}

/// What the store knows of one subscription.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FeedRecord {
    /// Keys of its kept articles, newest first.
    pub keys: Vec<String>,
    /// When it was last fetched, seconds since the epoch.
    pub fetched_at: Option<i64>,
    /// Why its last fetch failed, if it did.
    pub last_error: Option<String>,
}

/// One row of the feeds view.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FeedRow {
    /// The subscription's name, else its URL.
    pub label: String,
    /// Its URL.
    pub url: String,
    /// Corpus indices of its articles loaded this session.
    pub entries: Vec<usize>,
    /// How many of them are unread (for the rows on screen, as of the
    /// last action).
    pub unread: usize,
    /// When it was last fetched, seconds since the epoch.
    pub fetched_at: Option<i64>,
    /// Why its last fetch failed, if it did.
    pub last_error: Option<String>,
}

/// The feeds view.
#[derive(Debug, Default)]
pub struct Feeds {
    /// The subscriptions, in the configuration's order.
    subscriptions: Vec<Subscription>,
    /// The view's rows, one a subscription, once the store has answered.
    rows: Vec<FeedRow>,
    /// Index into `rows` of the highlighted one.
    selected: usize,
    /// Whether the store's answer is awaited.
    loading: bool,
    /// The feed whose articles alone the list shows, by index into `rows`.
    shown: Option<usize>,
    /// Its entries, for the list to be filtered by at once.
    shown_entries: HashSet<usize>,
}

impl Feeds {
    /// The view's rows.
    pub fn rows(&self) -> &[FeedRow] {
        &self.rows
    }

    /// Index into [`Feeds::rows`] of the highlighted row.
    pub fn selected(&self) -> usize {
        self.selected
    }

    /// Whether the store's answer is awaited.
    pub fn loading(&self) -> bool {
        self.loading
    }

    /// The feed whose articles alone the list shows.
    pub fn showing(&self) -> Option<&FeedRow> {
        self.rows.get(self.shown?)
    }
}

impl App {
    /// The subscriptions the feeds view lists.
    pub fn set_subscriptions(&mut self, subscriptions: Vec<Subscription>) {
        self.feeds.subscriptions = subscriptions;
    }

    /// The feeds view.
    pub fn feeds(&self) -> &Feeds {
        &self.feeds
    }

    /// Opens the feeds view and asks the store what it knows of them.
    pub(super) fn open_feeds(&mut self) {
        if self.feeds.subscriptions.is_empty() {
            self.message = Some("No subscriptions: add one with `hearsay add URL`".into());
            return;
        }
        self.mode = Mode::Feeds;
        self.feeds.loading = true;
        self.effects
            .push(Effect::LoadFeeds(self.feeds.subscriptions.clone()));
    }

    /// Fills the view with what the store said, by subscription.
    pub(super) fn feeds_loaded(&mut self, records: Result<Vec<FeedRecord>, String>) {
        self.feeds.loading = false;
        let records = match records {
            Ok(r) => r,
            Err(why) => {
                self.message = Some(format!("Cannot read the feeds: {why}"));
                Vec::new()
            }
        };
        let mut records = records.into_iter();
        self.feeds.rows = (self.feeds.subscriptions.iter())
            .map(|sub| {
                let record = records.next().unwrap_or_default();
                let mut seen = HashSet::new();
                let entries = (record.keys.iter())
                    .filter_map(|k| self.collection.entry_of_stored(k))
                    .filter(|&e| seen.insert(e))
                    .collect();
                FeedRow {
                    label: sub.label.clone(),
                    url: sub.url.clone(),
                    entries,
                    unread: 0,
                    fetched_at: record.fetched_at,
                    last_error: record.last_error,
                }
            })
            .collect();
        self.feeds.selected = self
            .feeds
            .selected
            .min(self.feeds.rows.len().saturating_sub(1));
        self.count_feeds_unread();
    }

    /// Counts the unread articles of the feeds on screen.
    pub(super) fn count_feeds_unread(&mut self) {
        if self.mode != Mode::Feeds {
            return;
        }
        let page = self.view_page();
        let top = self.feeds.selected.saturating_sub(page - 1);
        let end = (top + page).min(self.feeds.rows.len());
        for row in self.feeds.rows.get_mut(top..end).unwrap_or_default() {
            row.unread = (row.entries.iter())
                .filter(|&&e| !self.collection.is_read(e))
                .count();
        }
    }

    pub(super) fn feeds_step(&mut self, delta: isize) {
        let last = self.feeds.rows.len().saturating_sub(1);
        self.feeds.selected = self.feeds.selected.saturating_add_signed(delta).min(last);
    }

    /// Lists the highlighted feed's articles alone.
    pub(super) fn open_feed(&mut self) {
        let Some(row) = self.feeds.rows.get(self.feeds.selected) else {
            return;
        };
        let n = row.entries.len();
        let label = crate::text::sanitize(&row.label).into_owned();
        self.mode = Mode::Browse;
        self.feeds.shown_entries = row.entries.iter().copied().collect();
        self.feeds.shown = Some(self.feeds.selected);
        self.relist();
        self.message = Some(format!(
            "{} from {label}",
            crate::text::plural(n, "article")
        ));
    }

    /// Whether entry `e` is in the list: in the feed shown, if one is.
    pub(super) fn in_shown_feed(&self, e: usize) -> bool {
        self.feeds.shown.is_none() || self.feeds.shown_entries.contains(&e)
    }

    /// Lists every feed's articles again, after a feed's alone.
    pub(super) fn end_feed(&mut self) -> bool {
        if self.feeds.shown.take().is_none() {
            return false;
        }
        self.feeds.shown_entries.clear();
        self.relist();
        true
    }

    /// Marks these entries read, in one write, saying how many.
    fn mark_entries_read(&mut self, entries: &[usize], what: &str) {
        let keys: Vec<String> = (entries.iter())
            .filter(|&&e| !self.collection.is_read(e))
            .filter_map(|&e| self.collection.key(e).map(str::to_string))
            .collect();
        if keys.is_empty() {
            self.message = Some(format!("Nothing unread {what}"));
            return;
        }
        let n = keys.len();
        self.effects
            .push(Effect::Store(StoreWrite::SetReadAll { keys, read: true }));
        self.message = Some(format!(
            "Marked {} read {what}",
            crate::text::plural(n, "article")
        ));
    }

    /// Marks every article of the highlighted feed read.
    pub(super) fn mark_feed_read(&mut self) {
        let Some(row) = self.feeds.rows.get(self.feeds.selected) else {
            return;
        };
        let entries = row.entries.clone();
        let what = format!("in {}", crate::text::sanitize(&row.label));
        self.mark_entries_read(&entries, &what);
    }

    /// Marks every article in the list read.
    pub(super) fn mark_list_read(&mut self) {
        let shown = self.shown.clone();
        self.mark_entries_read(&shown, "in the list");
    }
}

/// What the store knows of each of `subscriptions`, in their order.
pub(super) fn records(
    store: &crate::store::Store,
    subscriptions: &[Subscription],
) -> Result<Vec<FeedRecord>, crate::store::StoreError> {
    let mut keys: HashMap<String, Vec<String>> = store.feed_article_keys()?;
    subscriptions
        .iter()
        .map(|sub| {
            let state = store.feed_state(&sub.url)?;
            Ok(FeedRecord {
                keys: keys.remove(&sub.label).unwrap_or_default(),
                fetched_at: state.fetched_at,
                last_error: state.last_error,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::{Action, Report, perform_all_kept, receive, step};
    use crate::article::Article;
    use crate::corpus::{Corpus, Entry};

    fn app() -> App {
        let entries = ["Pier lights", "Gull count", "Tide tables"]
            .iter()
            .map(|t| {
                let text = format!("{t}\n\nText of {t}.\n");
                Entry::new(Article::from_text(t.to_lowercase(), text))
            })
            .collect();
        let mut app = App::new(Corpus::from_entries(entries), Vec::new());
        step(&mut app, Action::Resize(100, 30));
        app.set_subscriptions(vec![
            Subscription {
                label: "Bay Courier".into(),
                url: "https://bay.example.org/feed".into(),
            },
            Subscription {
                label: "Hill Gazette".into(),
                url: "https://hills.example.org/feed".into(),
            },
        ]);
        app
    }

    fn key(app: &App, e: usize) -> String {
        app.collection().key(e).unwrap_or_default().to_string()
    }

    fn loaded(app: &mut App) {
        let effects = step(app, Action::OpenFeeds);
        assert_eq!(
            effects,
            [Effect::LoadFeeds(app.feeds.subscriptions.clone())]
        );
        assert_eq!(app.mode(), Mode::Feeds);
        assert!(app.feeds().loading());
        let records = vec![
            FeedRecord {
                keys: vec![key(app, 0), key(app, 2)],
                fetched_at: Some(1_700_000_000),
                last_error: None,
            },
            FeedRecord {
                keys: vec![key(app, 1), "not-loaded".into()],
                fetched_at: None,
                last_error: Some("503 Service Unavailable".into()),
            },
        ];
        receive(app, Report::FeedsLoaded(Ok(records)));
    }

    #[test]
    fn the_feeds_view_counts_each_feeds_unread_articles() {
        let mut app = app();
        loaded(&mut app);
        let rows = app.feeds().rows();
        assert_eq!(rows.len(), 2);
        assert_eq!((rows[0].entries.clone(), rows[0].unread), (vec![0, 2], 2));
        assert_eq!((rows[1].entries.clone(), rows[1].unread), (vec![1], 1));
        assert_eq!(
            rows[1].last_error.as_deref(),
            Some("503 Service Unavailable")
        );
    }

    #[test]
    fn enter_lists_one_feeds_articles_and_esc_lists_all_again() {
        let mut app = app();
        loaded(&mut app);
        step(&mut app, Action::Open);
        assert_eq!(app.mode(), Mode::Browse);
        assert_eq!(app.shown(), [0, 2]);
        assert_eq!(
            app.message().as_deref(),
            Some("2 articles from Bay Courier")
        );
        step(&mut app, Action::Close);
        assert_eq!(app.shown(), [0, 1, 2]);
    }

    #[test]
    fn a_marks_a_feeds_articles_read_in_one_write_once_kept() {
        let mut app = app();
        loaded(&mut app);
        let effects = step(&mut app, Action::MarkAllRead);
        let expected = StoreWrite::SetReadAll {
            keys: vec![key(&app, 0), key(&app, 2)],
            read: true,
        };
        assert_eq!(effects, [Effect::Store(expected)]);
        assert_eq!(app.feeds().rows()[0].unread, 2);
        assert!(perform_all_kept(&mut app, effects).is_empty());
        assert_eq!(app.feeds().rows()[0].unread, 0);
        assert!(app.collection().is_read(0) && app.collection().is_read(2));
        assert!(!app.collection().is_read(1));
        // Nothing left to mark: no write.
        assert!(step(&mut app, Action::MarkAllRead).is_empty());
        assert_eq!(
            app.message().as_deref(),
            Some("Nothing unread in Bay Courier")
        );
    }

    #[test]
    fn in_the_list_a_marks_every_article_shown_read() {
        let mut app = app();
        let effects = step(&mut app, Action::MarkAllRead);
        let [Effect::Store(StoreWrite::SetReadAll { keys, read: true })] = &effects[..] else {
            panic!("{effects:?}");
        };
        assert_eq!(keys.len(), 3);
        assert_eq!(
            app.message().as_deref(),
            Some("Marked 3 articles read in the list")
        );
    }

    #[test]
    fn without_subscriptions_the_view_does_not_open() {
        let mut app = App::new(Corpus::default(), Vec::new());
        assert!(step(&mut app, Action::OpenFeeds).is_empty());
        assert_eq!(app.mode(), Mode::Browse);
        assert!(app.message().unwrap_or_default().contains("hearsay add"));
    }
}
