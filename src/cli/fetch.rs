//! `hearsay fetch`: every subscription fetched (a few at a time, each on its
//! own, so one slow or failing feed holds up no other), its new articles
//! kept in the offline cache with their speakers, a progress bar on stderr
//! and a summary at the end.

use std::io::Write;
use std::path::Path;
use std::sync::Mutex;

use crate::article::load_bytes;
use crate::config::Feed;
use crate::corpus::{self, Entry};
use crate::fetch::{FetchOptions, Fetched, Fetcher, Reason};
use crate::store::{Keep, Store, StoreError, now};

/// How one feed's fetch went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// New copy: articles in it, and how many were new to the cache.
    Updated {
        /// Articles in the feed.
        articles: usize,
        /// Of which new.
        new: usize,
    },
    /// 304.
    Unchanged,
    /// Not asked: the server said to wait until then.
    Waiting(i64),
    /// Failed, with why.
    Failed(String),
}

/// The summary of a run.
#[derive(Debug, Default)]
pub struct Summary {
    /// Each feed with its outcome, in the configuration's order.
    pub feeds: Vec<(String, Outcome)>,
}

impl Summary {
    /// Whether any feed failed.
    pub fn failed(&self) -> bool {
        self.feeds
            .iter()
            .any(|(_, o)| matches!(o, Outcome::Failed(_)))
    }
}

/// Fetches one feed and keeps what is new.
fn fetch_one(fetcher: &Fetcher, store: &Mutex<Store>, feed: &Feed) -> Result<Outcome, StoreError> {
    let lock = || {
        store
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    };
    let mut state = lock().feed_state(&feed.url)?;
    let now = now();
    if let Some(at) = state.retry_at.filter(|&at| at > now) {
        return Ok(Outcome::Waiting(at));
    }
    let outcome = match fetcher.fetch(&feed.url, &state.validators) {
        Ok(Fetched::NotModified) => {
            state.last_error = None;
            Outcome::Unchanged
        }
        Ok(Fetched::Body(body)) => {
            let loaded = load_bytes(Path::new(&feed.url), &body.bytes);
            let entries: Vec<Entry> = loaded.articles.into_iter().map(Entry::new).collect();
            let speakers: Vec<Vec<String>> = entries
                .iter()
                .map(|e| corpus::speaker_list(&corpus::resolved_speakers(e)))
                .collect();
            let keep: Vec<Keep<'_>> = entries
                .iter()
                .zip(&speakers)
                .map(|(e, s)| Keep {
                    article: &e.article,
                    speakers: s,
                    feed: Some(feed.label()),
                    guid: Some(e.article.id.as_str()),
                })
                .collect();
            let kept = lock().keep(&keep)?;
            let fatal = loaded.problems.iter().find(|p| p.is_fatal());
            state.validators = body.validators;
            state.articles += kept.added as i64;
            match fatal {
                Some(p) if entries.is_empty() => {
                    state.validators = Default::default();
                    Outcome::Failed(p.message.clone())
                }
                _ => Outcome::Updated {
                    articles: entries.len(),
                    new: kept.added,
                },
            }
        }
        Err(e) => {
            if let Reason::Status {
                retry_after: Some(s),
                ..
            } = e.reason
            {
                state.retry_at = Some(now + i64::try_from(s).unwrap_or(i64::MAX / 2));
            }
            Outcome::Failed(e.reason.to_string())
        }
    };
    state.fetched_at = Some(now);
    if !matches!(outcome, Outcome::Failed(_)) {
        state.retry_at = None;
    }
    state.last_error = match &outcome {
        Outcome::Failed(why) => Some(why.clone()),
        _ => None,
    };
    lock().set_feed_state(&feed.url, &state)?;
    Ok(outcome)
}

/// Fetches `feeds`, `concurrency` at a time; `progress` is told of each
/// finished feed.
pub fn fetch_all(
    feeds: &[Feed],
    store: Store,
    options: &FetchOptions,
    concurrency: usize,
    progress: &(dyn Fn(&Feed, &Outcome) + Sync),
) -> Summary {
    let fetcher = Fetcher::new(options);
    let store = Mutex::new(store);
    let next = Mutex::new(0usize);
    let results: Mutex<Vec<Option<Outcome>>> = Mutex::new(vec![None; feeds.len()]);
    std::thread::scope(|scope| {
        for _ in 0..concurrency.clamp(1, feeds.len().max(1)) {
            scope.spawn(|| {
                loop {
                    let i = {
                        let mut n = next
                            .lock()
                            .unwrap_or_else(std::sync::PoisonError::into_inner);
                        let i = *n;
                        *n += 1;
                        i
                    };
                    let Some(feed) = feeds.get(i) else { break };
                    let outcome = fetch_one(&fetcher, &store, feed)
                        .unwrap_or_else(|e| Outcome::Failed(format!("the cache: {e}")));
                    progress(feed, &outcome);
                    results
                        .lock()
                        .unwrap_or_else(std::sync::PoisonError::into_inner)[i] = Some(outcome);
                }
            });
        }
    });
    let results = results
        .into_inner()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    Summary {
        feeds: feeds
            .iter()
            .zip(results)
            .map(|(f, o)| {
                (
                    f.label().to_string(),
                    o.unwrap_or(Outcome::Failed("not fetched".into())),
                )
            })
            .collect(),
    }
}

/// Writes the summary: a line per feed that failed or brought news, then
/// the totals.
pub fn write_summary(summary: &Summary, out: &mut dyn Write) -> std::io::Result<()> {
    let (mut updated, mut unchanged, mut waiting, mut failed, mut new) = (0, 0, 0, 0, 0);
    for (name, outcome) in &summary.feeds {
        match outcome {
            Outcome::Updated { articles, new: n } => {
                updated += 1;
                new += n;
                writeln!(
                    out,
                    "{name}: {articles} article{}, {n} new",
                    plural(*articles)
                )?;
            }
            Outcome::Unchanged => unchanged += 1,
            Outcome::Waiting(_) => {
                waiting += 1;
                writeln!(out, "{name}: not fetched, the server asked to wait")?;
            }
            Outcome::Failed(why) => {
                failed += 1;
                writeln!(out, "{name}: error: {why}")?;
            }
        }
    }
    writeln!(
        out,
        "{} feed{}: {updated} updated ({new} new article{}), {unchanged} unchanged, {waiting} waiting, {failed} failed",
        summary.feeds.len(),
        plural(summary.feeds.len()),
        plural(new),
    )
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// Runs `hearsay fetch` with a progress bar on stderr (drawn only on a
/// terminal); returns whether every feed was fetched.
pub fn run(
    feeds: &[Feed],
    data_dir: &Path,
    options: &FetchOptions,
    concurrency: usize,
    out: &mut dyn Write,
) -> Result<bool, StoreError> {
    let store = Store::open(data_dir)?;
    let bar = indicatif::ProgressBar::new(feeds.len() as u64);
    bar.set_style(
        indicatif::ProgressStyle::with_template("{bar:30} {pos}/{len} feeds {msg}")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    let progress = |feed: &Feed, _: &Outcome| {
        bar.set_message(crate::text::sanitize(feed.label()).into_owned());
        bar.inc(1);
    };
    let summary = fetch_all(feeds, store, options, concurrency, &progress);
    bar.finish_and_clear();
    let _ = write_summary(&summary, out);
    Ok(!summary.failed())
}
