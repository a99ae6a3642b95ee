//! Work the reader asks for and hears back from later: refreshing the
//! subscriptions, searching the offline cache, opening a link. `update`
//! only returns an [`Effect`]; the run loop does the work away from the UI
//! thread and hands each result back as a [`Report`] to [`receive`], so no
//! key ever waits on the network or the database.

use std::collections::HashSet;

use super::search::{self, Search};
use super::{App, Effect, Mode, StoreWrite};
use crate::loader::Batch;
use crate::store::article_key;

/// A result of work done outside the app.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Report {
    /// The refresh interval has passed: refresh unless one is running.
    RefreshDue,
    /// One feed of a refresh was fetched.
    Fetched {
        /// The feed's name (or URL).
        feed: String,
        /// Articles new to the cache.
        new: usize,
        /// Why it failed, if it did.
        failure: Option<String>,
    },
    /// Articles that a refresh brought, new to the cache, newest first.
    Fresh(Box<Batch>),
    /// The refresh is over.
    Refreshed,
    /// What a cache search found: the keys of the matching articles, best
    /// first, or why the search failed.
    Found {
        /// The query searched for.
        query: String,
        /// Article keys, best first, or the error.
        keys: Result<Vec<String>, String>,
    },
    /// More hits of a search of the texts, in list order after those
    /// reported before.
    TextHits {
        /// The query searched for.
        query: String,
        /// The hits.
        hits: Vec<search::Hit>,
        /// Whether the search is over.
        done: bool,
    },
    /// The browser could not be started.
    OpenFailed(String),
    /// What came of fetching an article's full story from its link.
    FullArticle {
        /// [`article_key`](crate::store::article_key) of the article.
        key: String,
        /// The link fetched.
        url: String,
        /// The story with its quotes, or why it could not be had.
        result: Result<Box<super::full::FullText>, String>,
    },
    /// What came of a write to the store: the write, and why it failed.
    Kept {
        /// The write asked for.
        write: StoreWrite,
        /// Why it was not kept, if it was not.
        result: Result<(), String>,
    },
    /// What the store knows of each subscription, in their order, or why
    /// it could not be read.
    FeedsLoaded(Result<Vec<super::feeds::FeedRecord>, String>),
    /// What came of an export: the file written and how many quotes went
    /// in, or why it failed.
    Exported(Result<(std::path::PathBuf, usize), String>),
}

/// How far a refresh has got, for the status line.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Refreshing {
    /// Feeds to fetch.
    pub total: usize,
    /// Feeds fetched so far.
    pub done: usize,
    /// Articles new to the cache so far.
    pub new: usize,
    /// Feeds that failed so far.
    pub failed: usize,
}

/// What the reader knows of the subscriptions and the cache behind it.
#[derive(Debug, Default)]
pub(super) struct Follow {
    /// How many subscriptions `r` fetches (0: none).
    pub(super) feeds: usize,
    /// Whether the list is the offline cache, so `/` searches it.
    pub(super) cache: bool,
    /// The refresh running, if one is.
    pub(super) refresh: Option<Refreshing>,
    /// Corpus indices of the entries refreshes brought, newest first: they
    /// head the list.
    pub(super) fresh: Vec<usize>,
    /// The cache search whose results are awaited.
    pub(super) searching: Option<String>,
    /// The query whose matches the list shows, after a cache search.
    pub(super) found: Option<String>,
    /// Keys of the articles whose full story is being fetched.
    pub(super) full: Vec<String>,
}

/// Applies a report to the app; returns what the run loop is to do next.
pub fn receive(app: &mut App, report: Report) -> Vec<Effect> {
    app.receive(report);
    std::mem::take(&mut app.effects)
}

impl App {
    /// Tells the app how many subscriptions `r` refreshes, and whether its
    /// list is the offline cache (then `/` searches the cache).
    pub fn follow(&mut self, feeds: usize, cache: bool) {
        self.follow.feeds = feeds;
        self.follow.cache = cache;
    }

    /// The refresh running, if one is.
    pub fn refreshing(&self) -> Option<Refreshing> {
        self.follow.refresh
    }

    /// Applies a report of work done outside the app.
    pub fn receive(&mut self, report: Report) {
        match report {
            Report::RefreshDue => {
                if self.follow.refresh.is_none() && self.follow.feeds > 0 {
                    self.refresh();
                }
            }
            Report::Fetched { feed, new, failure } => {
                if let Some(r) = self.follow.refresh.as_mut() {
                    r.done += 1;
                    r.new += new;
                    r.failed += usize::from(failure.is_some());
                }
                if let Some(why) = failure {
                    self.log_line(format!("refresh: {feed}: {why}"));
                }
            }
            Report::Fresh(batch) => self.append_fresh(*batch),
            Report::TextHits { query, hits, done } => self.take_hits(&query, hits, done),
            Report::Refreshed => {
                let r = self.follow.refresh.take().unwrap_or_default();
                let mut said = format!("{}: {} new", crate::text::plural(r.total, "feed"), r.new);
                if r.failed > 0 {
                    let key = self.hint_key(super::Action::OpenMessages);
                    said.push_str(&format!(", {} failed (press {key} for details)", r.failed));
                }
                self.message = Some(said);
            }
            Report::Found { query, keys } => {
                if self.follow.searching.as_deref() != Some(query.as_str()) {
                    return; // a later query is on its way
                }
                self.follow.searching = None;
                match keys {
                    Ok(keys) => self.show_found(query, &keys),
                    Err(why) => self.message = Some(format!("Search failed: {why}")),
                }
            }
            Report::OpenFailed(why) => {
                self.message = Some(format!("Could not open the link: {why}"))
            }
            Report::FullArticle { key, url, result } => self.full_article(&key, &url, result),
            Report::Kept { write, result } => self.kept(write, result),
            Report::Exported(result) => self.exported(result),
            Report::FeedsLoaded(records) => self.feeds_loaded(records),
        }
        self.count_feeds_unread();
        self.fill_snippets();
        self.log_message();
    }

    /// The key the help shows for `action` in the list, for messages.
    fn hint_key(&self, action: super::Action) -> String {
        self.hints
            .iter()
            .find(|(a, _)| *a == action)
            .map_or_else(|| "!".to_string(), |(_, k)| k.clone())
    }

    /// Starts a refresh of every subscription, unless one is running.
    pub(super) fn refresh(&mut self) {
        if self.follow.refresh.is_some() {
            self.message = Some("Already refreshing".into());
            return;
        }
        if self.follow.feeds == 0 {
            self.message =
                Some("No subscriptions to refresh: add one with `hearsay add URL`".into());
            return;
        }
        if !self.follow.cache {
            self.message =
                Some("r refreshes the subscriptions when hearsay opens on them (no paths)".into());
            return;
        }
        self.follow.refresh = Some(Refreshing {
            total: self.follow.feeds,
            ..Refreshing::default()
        });
        self.effects.push(Effect::Refresh);
    }

    /// Asks for the selected article's link to be opened in the browser.
    pub(super) fn open_link(&mut self) {
        let Some(article) = self
            .shown
            .get(self.selected)
            .and_then(|&e| self.corpus.entries.get(e))
            .map(|e| &e.article)
        else {
            return;
        };
        match article.url.as_deref().map(str::trim) {
            None | Some("") => self.message = Some("This article has no link".into()),
            Some(url) => match web_link(url) {
                Some(url) => {
                    self.message = Some(format!("Opening {url}"));
                    self.effects.push(Effect::OpenUrl(url));
                }
                None => {
                    let shown = crate::text::sanitize(url);
                    self.message = Some(format!("Not a web link, not opened: {shown}"));
                }
            },
        }
    }

    /// Whether `/` searches the offline cache.
    pub(super) fn searches_cache(&self) -> bool {
        self.follow.cache
    }

    /// Asks the cache for what is typed so far, so matches show while typing.
    pub(super) fn search_cache(&mut self, query: String) {
        if query.trim().is_empty() {
            self.follow.searching = None;
            if self.follow.found.is_some() {
                self.end_found();
            }
            return;
        }
        let asked = self
            .follow
            .searching
            .as_ref()
            .or(self.follow.found.as_ref());
        if asked == Some(&query) {
            return;
        }
        self.follow.searching = Some(query.clone());
        self.effects.push(Effect::SearchCache(query));
    }

    /// The list back to every article after a cache search.
    pub(super) fn end_found(&mut self) {
        self.follow.found = None;
        self.follow.searching = None;
        self.search = Search::default();
        self.relist();
    }

    /// Whether the list shows a cache search's matches.
    pub(super) fn showing_found(&self) -> bool {
        self.follow.found.is_some()
    }

    /// Shows the articles a cache search found, best first.
    fn show_found(&mut self, query: String, keys: &[String]) {
        let open = self.reader.entry;
        let mut seen = HashSet::new();
        let filter = self.filter;
        let shown: Vec<usize> = keys
            .iter()
            .filter_map(|k| self.collection.entry_of_stored(k))
            .filter(|&e| filter.is_none_or(|f| self.corpus.quotes_speaker(e, f)))
            .filter(|&e| seen.insert(e))
            .collect();
        self.shown = shown;
        self.follow.found = Some(query.clone());
        self.search = Search {
            input: std::mem::take(&mut self.search.input),
            hits: search::find(&self.corpus.entries, &self.shown, &query),
            query: Some(query.clone()),
            current: None,
            searching: false,
        };
        self.reselect(open);
        let n = self.shown.len();
        let close = self.hint_key(super::Action::Close);
        self.message = Some(if n == 0 {
            format!("No article matches “{query}”")
        } else {
            let verb = if n == 1 { "matches" } else { "match" };
            format!(
                "{} {verb} “{query}” · {close} lists every article",
                crate::text::plural(n, "article")
            )
        });
        if self.mode == Mode::Search {
            // Typing goes on; the message would hide nothing but is noise.
            self.message = None;
        }
    }

    /// Every entry in list order: what refreshes brought (newest first),
    /// then the rest as loaded.
    pub(super) fn list_order(&self) -> Vec<usize> {
        let fresh: HashSet<usize> = self.follow.fresh.iter().copied().collect();
        self.follow
            .fresh
            .iter()
            .copied()
            .chain((0..self.corpus.entries.len()).filter(|e| !fresh.contains(e)))
            .collect()
    }

    /// Lists every entry again (under the speaker filter, if any), keeping
    /// the open one selected.
    pub(super) fn relist(&mut self) {
        let open = self.reader.entry;
        let filter = self.filter;
        self.shown = self
            .list_order()
            .into_iter()
            .filter(|&e| filter.is_none_or(|f| self.corpus.quotes_speaker(e, f)))
            .filter(|&e| self.in_shown_feed(e))
            .collect();
        self.reselect(open);
    }

    /// Adds what a refresh brought at the top of the list, leaving out what
    /// is listed already, without moving the selection.
    fn append_fresh(&mut self, mut batch: Batch) {
        let mut seen = HashSet::new();
        let keep: Vec<bool> = batch
            .entries
            .iter()
            .map(|e| {
                let key = article_key(&e.article);
                self.collection.entry_of(&key).is_none() && seen.insert(key)
            })
            .collect();
        let mut flags = keep.iter();
        batch
            .entries
            .retain(|_| flags.next().copied().unwrap_or(false));
        let mut flags = keep.iter();
        batch
            .names
            .retain(|_| flags.next().copied().unwrap_or(false));
        if batch.entries.is_empty() {
            return;
        }
        let first = self.corpus.entries.len();
        let added = self.append_entries(batch, false);
        let new: Vec<usize> = (first..self.corpus.entries.len()).collect();
        self.follow.fresh.splice(0..0, new);
        if self.follow.found.is_some() {
            return; // the search's list stays as it is
        }
        let listed = added.len();
        self.shown.splice(0..0, added);
        if self.reader.entry.is_some() {
            self.selected += listed;
            // At the top the new headlines show; scrolled down, the rows
            // on screen stay where they are.
            if self.list_top > 0 {
                self.list_top += listed;
            }
            self.keep_in_view();
        } else {
            self.select(0);
            self.count_visits();
            self.order_speakers();
        }
    }

    /// Adds `line` to the messages view without showing it.
    pub(super) fn log_line(&mut self, line: String) {
        self.log.push(line);
        if self.log.len() > super::LOG_SIZE {
            self.log.remove(0);
        }
    }

    /// Keeps the message shown in the messages view, once.
    pub(super) fn log_message(&mut self) {
        if let Some(m) = self.message.as_ref().filter(|m| self.log.last() != Some(m)) {
            let m = m.clone();
            self.log_line(m);
        }
    }
}

/// `url` if it is a web link that is safe to hand a browser as its one
/// argument: `http` or `https`, no whitespace or control characters (so it
/// cannot be read as an option or split into two).
pub fn web_link(url: &str) -> Option<String> {
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    let web = lower.starts_with("http://") || lower.starts_with("https://");
    let clean = !url.chars().any(|c| c.is_whitespace() || c.is_control());
    (web && clean).then(|| url.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::{Action, update};
    use crate::article::Article;
    use crate::corpus::{Corpus, Entry, resolved_speakers};
    use crate::loader::Progress;

    fn article(title: &str, url: Option<&str>) -> Article {
        let mut a = Article::from_text(title, format!("{title}\n\n“Yes,” Ana Ruiz said.\n"));
        a.url = url.map(str::to_string);
        a
    }

    fn batch(titles: &[&str], done: bool) -> Batch {
        let entries: Vec<Entry> = titles
            .iter()
            .map(|t| Entry::new(article(t, None)))
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

    fn titles(app: &App) -> Vec<String> {
        app.shown()
            .iter()
            .map(|&e| app.corpus().entries[e].article.title.clone())
            .collect()
    }

    #[test]
    fn a_refresh_is_asked_for_once_and_reported_in_the_status() {
        let mut app = App::new(Corpus::default(), Vec::new());
        update(&mut app, Action::Refresh);
        assert!(app.message().is_some_and(|m| m.contains("hearsay add")));
        app.follow(3, false);
        update(&mut app, Action::Refresh);
        assert!(app.message().is_some_and(|m| m.contains("no paths")));
        app.follow(3, true);
        assert_eq!(update(&mut app, Action::Refresh), vec![Effect::Refresh]);
        assert!(
            update(&mut app, Action::Refresh).is_empty(),
            "one at a time"
        );
        assert!(receive(&mut app, Report::RefreshDue).is_empty());
        let fetched = |feed: &str, new, failure: Option<&str>| Report::Fetched {
            feed: feed.into(),
            new,
            failure: failure.map(str::to_string),
        };
        receive(&mut app, fetched("Bay", 2, None));
        receive(&mut app, fetched("Down", 0, Some("HTTP 500")));
        assert_eq!(
            app.refreshing(),
            Some(Refreshing {
                total: 3,
                done: 2,
                new: 2,
                failed: 1
            })
        );
        receive(&mut app, fetched("Hill", 1, None));
        receive(&mut app, Report::Refreshed);
        assert_eq!(app.refreshing(), None);
        assert_eq!(
            app.message().as_deref(),
            Some("3 feeds: 3 new, 1 failed (press ! for details)")
        );
        assert!(app.log().iter().any(|l| l == "refresh: Down: HTTP 500"));
        // The interval starts the next one.
        assert_eq!(receive(&mut app, Report::RefreshDue), vec![Effect::Refresh]);
    }

    #[test]
    fn fresh_articles_head_the_list_without_moving_the_selection() {
        let mut app = App::new(Corpus::default(), Vec::new());
        app.start_loading();
        app.append(batch(&["Old one", "Old two", "Old three"], true));
        update(&mut app, Action::Down);
        assert_eq!(
            app.open_entry().map(|e| e.article.title.as_str()),
            Some("Old two")
        );
        receive(
            &mut app,
            Report::Fresh(Box::new(batch(&["New A", "Old one"], false))),
        );
        assert_eq!(titles(&app), ["New A", "Old one", "Old two", "Old three"]);
        assert_eq!(
            app.open_entry().map(|e| e.article.title.as_str()),
            Some("Old two")
        );
        assert_eq!(app.shown()[app.selected()], app.open_index().unwrap_or(99));
        // The newest refresh goes on top; a speaker filter keeps the order.
        receive(&mut app, Report::Fresh(Box::new(batch(&["New B"], false))));
        assert_eq!(titles(&app)[..2], ["New B", "New A"]);
        update(&mut app, Action::OpenSpeakers);
        update(&mut app, Action::Confirm);
        update(&mut app, Action::ClearFilter);
        assert_eq!(titles(&app)[..3], ["New B", "New A", "Old one"]);
        // Loading goes on after a refresh (the speaker index was kept).
        assert_eq!(app.corpus().speakers.len(), 1);
        assert_eq!(app.corpus().speakers[0].quotes, 5);
    }

    #[test]
    fn o_opens_only_a_web_link() {
        let with = |url: Option<&str>| {
            let mut app = App::new(Corpus::from_articles(vec![article("T", url)]), Vec::new());
            (update(&mut app, Action::OpenLink), app.message())
        };
        let (effects, _) = with(Some("https://news.example.org/a?b=1"));
        assert_eq!(
            effects,
            vec![Effect::OpenUrl("https://news.example.org/a?b=1".into())]
        );
        let (effects, said) = with(None);
        assert!(effects.is_empty());
        assert_eq!(said.as_deref(), Some("This article has no link"));
        for bad in [
            "-x",
            "javascript:alert(1)",
            "https://a b",
            "https://a\u{1b}[2J",
        ] {
            let (effects, said) = with(Some(bad));
            assert!(effects.is_empty(), "{bad}");
            assert!(said.is_some_and(|m| !m.contains('\u{1b}')), "{bad}");
        }
    }

    #[test]
    fn a_cache_search_lists_its_matches_and_esc_lists_all_again() {
        let mut app = App::new(Corpus::default(), Vec::new());
        app.start_loading();
        app.append(batch(&["Ferry strike", "Rain", "Ferry fares"], true));
        app.follow(0, true);
        update(&mut app, Action::StartSearch);
        let effects: Vec<Effect> = "fer"
            .chars()
            .flat_map(|c| update(&mut app, Action::Input(c)))
            .collect();
        assert_eq!(effects.last(), Some(&Effect::SearchCache("fer".into())));
        let key = |i: usize| app.collection().key(i).unwrap_or_default().to_string();
        let (k0, k2) = (key(0), key(2));
        assert!(k0.starts_with("id:"), "{k0}");
        // An answer to an older query is dropped.
        receive(
            &mut app,
            Report::Found {
                query: "fe".into(),
                keys: Ok(vec![k0.clone()]),
            },
        );
        assert_eq!(app.shown().len(), 3);
        receive(
            &mut app,
            Report::Found {
                query: "fer".into(),
                // The cache's own key of an article it gave without a link.
                keys: Ok(vec![
                    k2,
                    k0.trim_start_matches("id:").into(),
                    "not loaded".into(),
                ]),
            },
        );
        assert_eq!(titles(&app), ["Ferry fares", "Ferry strike"]);
        update(&mut app, Action::Confirm);
        assert!(
            app.message()
                .is_some_and(|m| m.starts_with("2 articles match")),
            "{:?}",
            app.message()
        );
        update(&mut app, Action::Close);
        assert_eq!(titles(&app), ["Ferry strike", "Rain", "Ferry fares"]);
    }

    #[test]
    fn web_links_are_http_without_spaces() {
        assert!(web_link("HTTPS://x.example/").is_some());
        assert!(web_link("http://x.example/a").is_some());
        assert!(web_link("file:///etc/passwd").is_none());
        assert!(web_link("http://x.example/\u{7}").is_none());
    }
}
