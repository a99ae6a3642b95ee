//! `hearsay speakers`: the speaker index, headless. Who dominates a corpus,
//! and how long the whole pipeline takes without a terminal.

use std::io::{self, Write};
use std::ops::ControlFlow;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use serde::Serialize;

use crate::article::{self, Article, LoadOptions};
use crate::corpus::{self, Entry, Speaker, SpeakerIndex};
use crate::loader;

use super::Format;

/// What one run measured, for `--stats`.
#[derive(Debug, Default, Clone, Copy)]
pub struct Stats {
    /// Articles loaded.
    pub articles: usize,
    /// Bytes of article text.
    pub bytes: usize,
    /// Quotations found (scare quotes and terms not counted).
    pub quotes: usize,
    /// Wall time reading, parsing and extracting quotes: they overlap, on
    /// every core, so they are timed together.
    pub load: Duration,
    /// Wall time ranking the speakers once everything is indexed.
    pub extract: Duration,
    /// Worker threads used.
    pub threads: usize,
}

#[derive(Serialize)]
struct Line<'a> {
    name: &'a str,
    aliases: &'a [String],
    quotes: usize,
    articles: usize,
}

/// Loads `paths`, extracts quotes on every core and prints the merged
/// speakers, most quoted first; attributions below the model's default
/// confidence are not counted. Problems go to `err`. Returns false when
/// nothing could be loaded.
pub fn run(
    paths: &[PathBuf],
    format: Format,
    stats: bool,
    options: LoadOptions,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<bool> {
    let min = Some(crate::quote::confidence::default_min_confidence());
    run_counting(paths, format, stats, options, min, out, err)
}

/// [`run`], counting only attributions with a confidence of at least
/// `min_confidence` (every one with `None`).
pub fn run_counting(
    paths: &[PathBuf],
    format: Format,
    stats: bool,
    options: LoadOptions,
    min_confidence: Option<f32>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<bool> {
    let summarise = |entry: Entry| summarise(entry, min_confidence);
    let started = Instant::now();
    let threads = loader::cores();
    let mut st = Stats {
        threads,
        ..Stats::default()
    };
    let mut index = SpeakerIndex::default();
    let mut file = |names: Vec<Option<String>>, quotes: usize, bytes: usize| {
        st.articles += 1;
        st.quotes += quotes;
        st.bytes += bytes;
        index.add_names(names);
    };
    if paths.is_empty() {
        for a in article::samples() {
            let (names, quotes, bytes) = summarise(Entry::new(a));
            file(names, quotes, bytes);
        }
    } else {
        let mut failed = None;
        // Only names and counts leave the workers, so no article is held.
        loader::run_with(paths, options, threads, summarise, |done| {
            for (names, quotes, bytes) in done.items {
                file(names, quotes, bytes);
            }
            for p in &done.problems {
                if let Err(e) = writeln!(err, "{}", super::problem_line(p)) {
                    failed = Some(e);
                    return ControlFlow::Break(());
                }
            }
            ControlFlow::Continue(())
        });
        if let Some(e) = failed {
            return Err(e);
        }
    }
    st.load = started.elapsed();
    let started = Instant::now();
    let speakers = index.speakers();
    st.extract = started.elapsed();

    write_speakers(&speakers, format, out)?;
    if stats {
        writeln!(
            err,
            "{} articles, {:.1} MB, {} quotes, {} speakers; \
             load and extract {:.2} s on {} threads, rank {:.2} s",
            st.articles,
            st.bytes as f64 / 1e6,
            st.quotes,
            speakers.len(),
            st.load.as_secs_f64(),
            st.threads,
            st.extract.as_secs_f64()
        )?;
    }
    Ok(st.articles > 0)
}

/// The ranked speakers in `format`: aligned text, JSON lines, or CSV
/// with a header (aliases joined by `; `).
fn write_speakers(speakers: &[Speaker], format: Format, out: &mut dyn Write) -> io::Result<()> {
    if format == Format::Csv {
        let mut w = csv::Writer::from_writer(out);
        w.write_record(["name", "quotes", "articles", "aliases"])?;
        for s in speakers {
            let (quotes, articles) = (s.quotes.to_string(), s.articles.to_string());
            w.write_record([s.name.as_str(), &quotes, &articles, &s.aliases.join("; ")])?;
        }
        return w.flush();
    }
    for s in speakers {
        if format == Format::Jsonl {
            let line = Line {
                name: &s.name,
                aliases: &s.aliases,
                quotes: s.quotes,
                articles: s.articles,
            };
            serde_json::to_writer(&mut *out, &line)?;
            writeln!(out)?;
            continue;
        }
        let name: String = s.name.chars().filter(|c| !c.is_control()).collect();
        let quotes = if s.quotes == 1 { "quote" } else { "quotes" };
        let articles = if s.articles == 1 {
            "article"
        } else {
            "articles"
        };
        writeln!(
            out,
            "{:>6} {quotes:<6} {:>5} {articles:<8}  {name}",
            s.quotes, s.articles
        )?;
    }
    Ok(())
}

/// What the index needs of an entry: its speakers' names (none where the
/// attribution is below `min_confidence`), its quotations and its bytes of
/// text.
fn summarise(entry: Entry, min_confidence: Option<f32>) -> (Vec<Option<String>>, usize, usize) {
    let quotes = entry.quotes.iter().filter(|q| q.is_quotation()).count();
    let mut names = corpus::resolved_speakers(&entry);
    if let Some(min) = min_confidence {
        for (name, q) in names.iter_mut().zip(&entry.quotes) {
            if q.is_uncertain(min) {
                *name = None;
            }
        }
    }
    (names, quotes, entry.article.text.len())
}

/// Extracts quotes of all articles on every core and files their speakers.
/// Returns the index and the number of quotations found.
pub fn index_parallel(articles: Vec<Article>) -> (SpeakerIndex, usize) {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let chunk = articles.len().div_ceil(threads).max(1);
    let mut chunks = Vec::with_capacity(threads);
    let mut rest = articles;
    while rest.len() > chunk {
        let tail = rest.split_off(chunk);
        chunks.push(rest);
        rest = tail;
    }
    chunks.push(rest);
    let mut index = SpeakerIndex::default();
    let mut quotes = 0;
    std::thread::scope(|scope| {
        let handles: Vec<_> = chunks
            .into_iter()
            .map(|part| {
                scope.spawn(move || {
                    part.into_iter()
                        .map(|a| {
                            let entry = Entry::new(a);
                            let n = entry
                                .quotes
                                .iter()
                                .filter(|q| q.is_marked_quotation())
                                .count();
                            (corpus::resolved_speakers(&entry), n)
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        // Joined in order, so the index is the same however many cores ran.
        for h in handles {
            // A panicking worker is a bug; its articles count as having no quotes.
            for (names, n) in h.join().unwrap_or_default() {
                quotes += n;
                index.add_names(names);
            }
        }
    });
    (index, quotes)
}
