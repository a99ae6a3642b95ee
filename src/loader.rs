//! Loading and quote extraction on every core, streamed: articles come out
//! in input order, in batches, while later ones are still being read.
//!
//! One thread cuts the inputs into pieces ([`article::pieces`]); a worker per
//! core parses each piece, extracts quotes and turns each [`Entry`] into
//! whatever the caller keeps of it; the calling thread puts the pieces back
//! in order. Channels are bounded, so a slow consumer holds back reading and
//! memory stays near what the consumer keeps.
//!
//! ```
//! use hearsay::loader;
//! use std::ops::ControlFlow;
//!
//! let mut titles = Vec::new();
//! let paths = [std::path::PathBuf::from("assets/samples")];
//! loader::run(&paths, 2, |entry| entry.article.title, |done| {
//!     titles.extend(done.items);
//!     ControlFlow::Continue(())
//! });
//! assert!(!titles.is_empty());
//! ```

use std::collections::BTreeMap;
use std::ops::ControlFlow;
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::article::pieces::{self, Piece};
use crate::article::{Item, LoadOptions, Problem};
use crate::corpus::{self, Entry};

/// What one piece of the input gave, in input order.
#[derive(Debug, Default)]
pub struct Done<T> {
    /// What `work` made of each article.
    pub items: Vec<T>,
    /// Problems met, in order.
    pub problems: Vec<Problem>,
    /// URL inputs fetched and read since the last `Done`.
    pub urls_done: usize,
}

/// The number of workers to use: one per core.
pub fn cores() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// Loads `paths` on `threads` workers, extracting the quotes of each article
/// and mapping the entry with `work` on the worker; `sink` gets the results
/// piece by piece, in input order, on the calling thread. `sink` returning
/// `Break` stops loading.
pub fn run<T, W, S>(paths: &[PathBuf], threads: usize, work: W, sink: S)
where
    T: Send,
    W: Fn(Entry) -> T + Sync,
    S: FnMut(Done<T>) -> ControlFlow<()>,
{
    run_with(paths, LoadOptions::default(), threads, work, sink);
}

/// Like [`run`], reading inputs with `options` (such as the size limit).
pub fn run_with<T, W, S>(
    paths: &[PathBuf],
    options: LoadOptions,
    threads: usize,
    work: W,
    mut sink: S,
) where
    T: Send,
    W: Fn(Entry) -> T + Sync,
    S: FnMut(Done<T>) -> ControlFlow<()>,
{
    let threads = threads.max(1);
    let (job_tx, job_rx) = sync_channel::<(u64, Piece)>(threads * 2);
    let (done_tx, done_rx) = sync_channel::<(u64, Done<T>)>(threads * 2);
    let job_rx = Arc::new(Mutex::new(job_rx));
    std::thread::scope(|scope| {
        scope.spawn(move || cut(paths, options, &job_tx));
        for _ in 0..threads {
            let (jobs, done) = (Arc::clone(&job_rx), done_tx.clone());
            let work = &work;
            scope.spawn(move || parse(&jobs, &done, options, work));
        }
        drop((done_tx, job_rx));
        // Taken by value: dropping it when the sink stops frees blocked workers.
        in_order(done_rx, &mut sink);
    });
}

fn cut(paths: &[PathBuf], options: LoadOptions, jobs: &SyncSender<(u64, Piece)>) {
    let mut seq = 0;
    pieces::cut(paths, options, &mut |piece| {
        seq += 1;
        match jobs.send((seq - 1, piece)) {
            Ok(()) => ControlFlow::Continue(()),
            Err(_) => ControlFlow::Break(()),
        }
    });
}

fn parse<T>(
    jobs: &Mutex<Receiver<(u64, Piece)>>,
    done: &SyncSender<(u64, Done<T>)>,
    options: LoadOptions,
    work: &(impl Fn(Entry) -> T + Sync),
) {
    loop {
        let job = match jobs.lock() {
            Ok(rx) => rx.recv(),
            Err(_) => return,
        };
        let Ok((seq, piece)) = job else { return };
        let mut out = Done {
            items: Vec::new(),
            problems: Vec::new(),
            urls_done: usize::from(matches!(piece, Piece::UrlDone)),
        };
        let _ = pieces::parse(piece, options, &mut |item| {
            match item {
                Item::Article(a) => out.items.push(work(Entry::new(a))),
                Item::Problem(p) => out.problems.push(p),
            }
            ControlFlow::Continue(())
        });
        if done.send((seq, out)).is_err() {
            return;
        }
    }
}

/// Hands the pieces to `sink` in the order they were cut.
fn in_order<T>(done: Receiver<(u64, Done<T>)>, sink: &mut impl FnMut(Done<T>) -> ControlFlow<()>) {
    let mut waiting = BTreeMap::new();
    let mut next = 0;
    for (seq, out) in done {
        waiting.insert(seq, out);
        while let Some(out) = waiting.remove(&next) {
            next += 1;
            if sink(out).is_break() {
                return;
            }
        }
    }
}

/// How far loading has got.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Progress {
    /// Articles loaded and indexed.
    pub articles: usize,
    /// Quotations found in them.
    pub quotes: usize,
    /// URL inputs fetched and read so far, of `urls`.
    pub urls_done: usize,
    /// URL inputs in all.
    pub urls: usize,
    /// Whether every input has been read.
    pub done: bool,
}

/// Entries loaded in the background, for the reader to append.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Batch {
    /// Entries in input order, following those of earlier batches.
    pub entries: Vec<Entry>,
    /// Each entry's quote speakers as [`corpus::resolved_speakers`] names them.
    pub names: Vec<Vec<Option<String>>>,
    /// Problems met while loading these.
    pub problems: Vec<Problem>,
    /// Totals so far, this batch included.
    pub progress: Progress,
}

/// The longest a finished entry waits before it is handed on: short enough
/// to look live, long enough that a frame is not drawn per piece.
const BATCH_WAIT: Duration = Duration::from_millis(50);

/// Loads `paths` on every core, calling `send` with batches of entries in
/// input order: the first as soon as it is ready, then at most one per
/// [`BATCH_WAIT`], and a last one with `progress.done` set. `send` returning
/// `Break` (the reader has gone) stops loading. Runs on the calling thread.
pub fn stream(paths: &[PathBuf], send: impl FnMut(Batch) -> ControlFlow<()>) {
    stream_with(paths, LoadOptions::default(), send);
}

/// Like [`stream`], reading inputs with `options`.
pub fn stream_with(
    paths: &[PathBuf],
    options: LoadOptions,
    mut send: impl FnMut(Batch) -> ControlFlow<()>,
) {
    let mut batch = Batch::default();
    batch.progress.urls = paths
        .iter()
        .filter_map(|p| p.to_str())
        .filter(|a| crate::article::is_url(a))
        .count();
    // Say at once how many URLs there are to fetch: the first may be slow.
    if batch.progress.urls > 0 {
        let progress = batch.progress;
        if send(Batch {
            progress,
            ..Batch::default()
        })
        .is_break()
        {
            return;
        }
    }
    let mut sent = None::<Instant>;
    let work = |entry: Entry| {
        let names = corpus::resolved_speakers(&entry);
        (entry, names)
    };
    let mut flow = ControlFlow::Continue(());
    run_with(paths, options, cores(), work, |done| {
        for (entry, names) in done.items {
            batch.progress.articles += 1;
            batch.progress.quotes += entry.quotes.iter().filter(|q| q.is_quotation()).count();
            batch.entries.push(entry);
            batch.names.push(names);
        }
        batch.problems.extend(done.problems);
        batch.progress.urls_done += done.urls_done;
        // A URL read is news for the status bar even when it brought nothing.
        let due = !batch.entries.is_empty() || done.urls_done > 0;
        if sent.is_none_or(|t| t.elapsed() >= BATCH_WAIT) && due {
            let progress = batch.progress;
            flow = send(std::mem::replace(
                &mut batch,
                Batch {
                    progress,
                    ..Batch::default()
                },
            ));
            sent = Some(Instant::now());
        }
        flow
    });
    if flow.is_continue() {
        batch.progress.done = true;
        let _ = send(batch);
    }
}

/// Streams articles that are already in memory or come from another source
/// (the offline cache) as [`Batch`]es, extracting their quotes on this
/// thread: the first batch after `first` articles so the reader can draw at
/// once, then `rest` at a time. `send` returning `Break` stops it.
pub fn stream_articles(
    mut pages: impl FnMut(usize) -> Vec<crate::article::Article>,
    first: usize,
    rest: usize,
    mut send: impl FnMut(Batch) -> ControlFlow<()>,
) {
    let mut progress = Progress::default();
    let mut size = first;
    loop {
        let articles = pages(size);
        let last = articles.len() < size;
        let mut batch = Batch::default();
        for article in articles {
            let entry = Entry::new(article);
            progress.articles += 1;
            progress.quotes += entry.quotes.iter().filter(|q| q.is_quotation()).count();
            batch.names.push(corpus::resolved_speakers(&entry));
            batch.entries.push(entry);
        }
        progress.done = last;
        batch.progress = progress;
        if send(batch).is_break() || last {
            return;
        }
        size = rest;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn order_and_content_do_not_depend_on_the_number_of_workers() {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut jsonl = String::new();
        for i in 0..5000 {
            jsonl.push_str(&format!(
                "{{\"id\":\"a{i}\",\"title\":\"T{i}\",\"body\":\"“Yes,” Ana Ruiz{} said.\"}}\n",
                i % 7
            ));
        }
        let path = dir.path().join("c.jsonl");
        std::fs::write(&path, jsonl).expect("write");
        let paths = vec![path, PathBuf::from("assets/samples")];
        let collect = |threads| {
            let mut ids = Vec::new();
            run(
                &paths,
                threads,
                |e| e.article.id,
                |done| {
                    ids.extend(done.items);
                    ControlFlow::Continue(())
                },
            );
            ids
        };
        let one = collect(1);
        assert!(one.len() > 5000);
        assert_eq!(one[..3], ["a0", "a1", "a2"]);
        assert_eq!(collect(4), one);
    }

    #[test]
    fn stream_ends_with_a_done_batch_counting_everything() {
        let mut batches = Vec::new();
        stream(&[PathBuf::from("assets/samples")], |b| {
            batches.push(b);
            ControlFlow::Continue(())
        });
        let last = batches.last().expect("a last batch");
        assert!(last.progress.done);
        let entries: usize = batches.iter().map(|b| b.entries.len()).sum();
        assert_eq!(last.progress.articles, entries);
        let quotes: usize = batches
            .iter()
            .flat_map(|b| &b.entries)
            .map(|e| e.quotes.iter().filter(|q| q.is_quotation()).count())
            .sum();
        assert_eq!(last.progress.quotes, quotes);
        assert!(batches.iter().rev().skip(1).all(|b| !b.progress.done));
    }

    #[test]
    fn a_sink_that_stops_ends_loading() {
        let mut calls = 0;
        run(
            &[PathBuf::from("assets/samples")],
            2,
            |_| (),
            |_| {
                calls += 1;
                ControlFlow::Break(())
            },
        );
        assert_eq!(calls, 1);
    }
}
