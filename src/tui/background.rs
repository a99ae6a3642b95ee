//! The effects that take time, done away from the UI thread: a refresh of
//! every subscription (the fetch of `hearsay fetch`, on a worker thread of
//! its own), cache searches (on one searching thread that answers the
//! latest query), opening a link (the platform opener through `opener`,
//! or `$BROWSER`, the URL as its one argument, never through a shell) and
//! the refresh interval. Each sends its results back as
//! [`Event::Report`]s, which [`super::WithLoading`] merges with the keys.

use std::io::{self, Write as _};
use std::ops::ControlFlow;
use std::path::PathBuf;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::Duration;

use super::Event;
use crate::app::full::FullText;
use crate::app::{Effect, Report};
use crate::article::{Item, LoadOptions};
use crate::cli::fetch::{Outcome, fetch_all};
use crate::config::Feed;
use crate::corpus::{self, Entry};
use crate::fetch::FetchOptions;
use crate::loader::Batch;
use crate::store::Store;

/// Cache search results kept: more than anyone reads down a list.
const SEARCH_LIMIT: usize = 500;

/// What a refresh fetches, and where it keeps what it finds.
#[derive(Debug, Clone)]
pub struct Subscriptions {
    /// The feeds.
    pub feeds: Vec<Feed>,
    /// The data folder holding the cache.
    pub data_dir: PathBuf,
    /// How to fetch.
    pub options: FetchOptions,
    /// Feeds fetched at once.
    pub concurrency: usize,
}

/// Performs the run loop's effects, sending what comes of them back as
/// events through `reports`.
#[derive(Debug)]
pub struct Performer {
    reports: Sender<Event>,
    subscriptions: Option<Subscriptions>,
    searcher: Option<Sender<String>>,
    /// How a full article is read from its link.
    load: LoadOptions,
    /// The number of the latest text search: an older one stops.
    text_search: std::sync::Arc<AtomicUsize>,
}

impl Performer {
    /// A performer whose results arrive on the receiver it returns (give it
    /// to [`super::WithLoading::with_reports`]).
    pub fn new() -> (Performer, Receiver<Event>) {
        let (reports, rx) = channel();
        let performer = Performer {
            reports,
            subscriptions: None,
            searcher: None,
            load: LoadOptions::default(),
            text_search: Default::default(),
        };
        (performer, rx)
    }

    /// Lets `r` refresh these subscriptions.
    pub fn with_subscriptions(mut self, subscriptions: Subscriptions) -> Performer {
        self.subscriptions = Some(subscriptions);
        self
    }

    /// Reads full articles from their links with these settings (the
    /// `--max-size` limit).
    pub fn with_load_options(mut self, options: LoadOptions) -> Performer {
        self.load = options;
        self
    }

    /// Lets `/` search the cache in `data_dir`, on a thread of its own.
    pub fn with_cache_search(mut self, data_dir: PathBuf) -> Performer {
        let (tx, rx) = channel::<String>();
        let reports = self.reports.clone();
        std::thread::spawn(move || search_worker(&data_dir, &rx, &reports));
        self.searcher = Some(tx);
        self
    }

    /// Asks for a refresh every `minutes` (none when 0), and one at once
    /// when `now`.
    pub fn refresh_every(self, minutes: u64, now: bool) -> Performer {
        if now {
            let _ = self.reports.send(report(Report::RefreshDue));
        }
        if minutes > 0 {
            let reports = self.reports.clone();
            let every = Duration::from_secs(minutes.saturating_mul(60));
            std::thread::spawn(move || {
                loop {
                    std::thread::sleep(every);
                    if reports.send(report(Report::RefreshDue)).is_err() {
                        return;
                    }
                }
            });
        }
        self
    }

    /// Does `effect`; what takes time goes to another thread.
    pub fn perform(&mut self, effect: Effect) -> io::Result<()> {
        match effect {
            Effect::Copy(text) => {
                let mut out = io::stdout();
                out.write_all(super::osc52(&text).as_bytes())?;
                out.flush()
            }
            Effect::Refresh => {
                match &self.subscriptions {
                    Some(subs) => refresh(subs.clone(), self.reports.clone()),
                    // The app asked with nothing to fetch: say it is over.
                    None => {
                        let _ = self.reports.send(report(Report::Refreshed));
                    }
                }
                Ok(())
            }
            Effect::SearchText(job) => {
                // A newer search makes the one running stop at its next chunk.
                let generation = self.text_search.fetch_add(1, Ordering::SeqCst) + 1;
                let current = std::sync::Arc::clone(&self.text_search);
                let reports = self.reports.clone();
                std::thread::spawn(move || {
                    let query = job.query.clone();
                    job.run(&mut |hits, done| {
                        if current.load(Ordering::SeqCst) != generation {
                            return ControlFlow::Break(());
                        }
                        let r = Report::TextHits {
                            query: query.clone(),
                            hits,
                            done,
                        };
                        match reports.send(report(r)) {
                            Ok(()) => ControlFlow::Continue(()),
                            Err(_) => ControlFlow::Break(()),
                        }
                    });
                });
                Ok(())
            }
            Effect::SearchCache(query) => {
                let sent = self.searcher.as_ref().map(|s| s.send(query.clone()));
                if !matches!(sent, Some(Ok(()))) {
                    let keys = Err("the cache cannot be searched".to_string());
                    let _ = self.reports.send(report(Report::Found { query, keys }));
                }
                Ok(())
            }
            // The run loop keeps these itself (app::perform_kept), with
            // the app's store, before anything reaches a performer.
            Effect::Store(_) | Effect::Export { .. } | Effect::LoadFeeds(_) => Err(
                io::Error::other("a store or export effect was handed to the background performer"),
            ),
            Effect::FetchArticle { key, url } => {
                let reports = self.reports.clone();
                let options = self.load;
                std::thread::spawn(move || {
                    let result = full_story(&url, &options).map(Box::new);
                    let _ = reports.send(report(Report::FullArticle { key, url, result }));
                });
                Ok(())
            }
            Effect::OpenUrl(url) => {
                let reports = self.reports.clone();
                // Starting a browser may take a moment; keys go on meanwhile.
                std::thread::spawn(move || {
                    if let Err(e) = opener::open_browser(&url) {
                        let _ = reports.send(report(Report::OpenFailed(e.to_string())));
                    }
                });
                Ok(())
            }
        }
    }
}

/// The story of the page at `url`, read the way `hearsay URL` reads it,
/// with its quotes found; or why there is none (the reason the loader
/// gives: refused, timeout, an HTTP status, too big, no story text).
fn full_story(url: &str, options: &LoadOptions) -> Result<FullText, String> {
    let mut article = None;
    let mut failure = None;
    let mut feed = false;
    crate::article::load_paths_each_with(&[PathBuf::from(url)], options, |item| {
        match item {
            Item::Article(a) if article.is_none() => article = Some(a),
            Item::Article(_) => {
                feed = true;
                return std::ops::ControlFlow::Break(());
            }
            Item::Problem(p) if p.is_fatal() && failure.is_none() => failure = Some(p.message),
            Item::Problem(_) => {}
        }
        std::ops::ControlFlow::Continue(())
    });
    match (article, failure) {
        _ if feed => Err("the link holds a feed, not an article's page".into()),
        (Some(article), _) => Ok(FullText::new(article)),
        (None, Some(why)) => Err(why),
        (None, None) => Err("no story text found at the link".into()),
    }
}

fn report(r: Report) -> Event {
    Event::Report(Box::new(r))
}

/// Answers cache searches until the performer goes, skipping queries that
/// a newer one has replaced while the last was searched.
fn search_worker(data_dir: &std::path::Path, queries: &Receiver<String>, reports: &Sender<Event>) {
    let mut store = None;
    while let Ok(mut query) = queries.recv() {
        while let Ok(newer) = queries.try_recv() {
            query = newer;
        }
        // Opened at the first search: the cache may not exist before.
        if store.is_none() {
            store = Store::open_read_only(data_dir).ok();
        }
        let keys = match &store {
            Some(store) => store
                .search_keys(&query, SEARCH_LIMIT)
                .map_err(|e| e.to_string()),
            None => Err("the offline cache cannot be opened".to_string()),
        };
        if reports.send(report(Report::Found { query, keys })).is_err() {
            return;
        }
    }
}

/// Fetches every subscription on a thread of its own, reporting each feed
/// as it finishes and the articles it brought, then the end.
pub fn refresh(subs: Subscriptions, reports: Sender<Event>) {
    std::thread::spawn(move || {
        let send = |r: Report| {
            let _ = reports.send(report(r));
        };
        let store = match Store::open(&subs.data_dir) {
            Ok(store) => store,
            Err(e) => {
                for feed in &subs.feeds {
                    send(Report::Fetched {
                        feed: feed.label().to_string(),
                        new: 0,
                        failure: Some(format!("the cache: {e}")),
                    });
                }
                send(Report::Refreshed);
                return;
            }
        };
        // A second connection reads back what the fetch keeps.
        let reader = Store::open(&subs.data_dir).ok();
        let newest = reader
            .as_ref()
            .and_then(|r| r.cached(1).ok())
            .and_then(|c| c.first().map(|c| c.row))
            .unwrap_or(0);
        let cursor = Mutex::new((reader, newest));
        let progress = |feed: &Feed, outcome: &Outcome| {
            let (new, failure) = match outcome {
                Outcome::Updated { new, .. } => (*new, None),
                Outcome::Failed(why) => (0, Some(why.clone())),
                Outcome::Unchanged | Outcome::Waiting(_) => (0, None),
            };
            if new > 0 {
                let mut cursor = cursor
                    .lock()
                    .unwrap_or_else(std::sync::PoisonError::into_inner);
                let (reader, newest) = &mut *cursor;
                if let Some(batch) = reader.as_ref().map(|r| kept_since(r, newest)) {
                    send(Report::Fresh(Box::new(batch)));
                }
            }
            send(Report::Fetched {
                feed: feed.label().to_string(),
                new,
                failure,
            });
        };
        fetch_all(
            &subs.feeds,
            store,
            &subs.options,
            subs.concurrency,
            &progress,
        );
        send(Report::Refreshed);
    });
}

/// The articles kept after row `newest`, newest first, as a batch with
/// their quotes; moves `newest` on to the newest read.
fn kept_since(store: &Store, newest: &mut i64) -> Batch {
    const PAGE: usize = 200;
    let mut batch = Batch::default();
    let mut before = None;
    let mut top = *newest;
    loop {
        let page = store.cached_before(before, PAGE).unwrap_or_default();
        let full = page.len() == PAGE;
        before = page.last().map(|c| c.row);
        let mut older = false;
        for cached in page {
            if cached.row <= *newest {
                older = true;
                break;
            }
            top = top.max(cached.row);
            let entry = Entry::new(cached.article);
            batch.names.push(corpus::resolved_speakers(&entry));
            batch.entries.push(entry);
        }
        if older || !full {
            break;
        }
    }
    *newest = top;
    batch
}
