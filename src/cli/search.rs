//! `hearsay search QUERY`: full-text search over the offline cache, best
//! match first, as JSONL for scripts or as text for reading.

use std::io::Write;
use std::path::Path;

use serde::Serialize;

use super::Format;
use crate::store::{Hit, Store, StoreError};

/// One result line of the JSONL output.
#[derive(Debug, Serialize)]
struct Line<'a> {
    article_key: &'a str,
    title: &'a str,
    source: Option<&'a str>,
    published: Option<&'a str>,
    url: Option<&'a str>,
    snippet: &'a str,
    /// Char ranges of the matched words in `snippet`.
    matches: Vec<[usize; 2]>,
    rank: f64,
}

fn char_range(text: &str, r: &std::ops::Range<usize>) -> [usize; 2] {
    let at = |b: usize| text.get(..b).map_or(0, |t| t.chars().count());
    [at(r.start), at(r.end)]
}

/// Writes the hits in `format`; the text format brackets matched words.
pub fn write_hits(hits: &[Hit], format: Format, out: &mut dyn Write) -> std::io::Result<()> {
    for h in hits {
        match format {
            Format::Jsonl | Format::Csv => {
                let line = Line {
                    article_key: &h.article_key,
                    title: &h.title,
                    source: h.source.as_deref(),
                    published: h.published.as_deref(),
                    url: h.url.as_deref(),
                    snippet: &h.snippet,
                    matches: h
                        .matches
                        .iter()
                        .map(|m| char_range(&h.snippet, m))
                        .collect(),
                    rank: h.rank,
                };
                let json = serde_json::to_string(&line).map_err(std::io::Error::other)?;
                writeln!(out, "{json}")?;
            }
            Format::Text => {
                let mut marked = String::new();
                let mut at = 0;
                for m in &h.matches {
                    marked.push_str(&h.snippet[at..m.start]);
                    marked.push('[');
                    marked.push_str(&h.snippet[m.clone()]);
                    marked.push(']');
                    at = m.end;
                }
                marked.push_str(&h.snippet[at..]);
                let title = crate::text::sanitize(&h.title);
                writeln!(out, "{title}\n    {}", crate::text::sanitize(&marked))?;
            }
        }
    }
    Ok(())
}

/// Runs `hearsay search`: opens the cache in `data_dir` and prints at most
/// `limit` hits for `query`. Returns how many were found.
pub fn run(
    query: &str,
    limit: usize,
    format: Format,
    data_dir: &Path,
    out: &mut dyn Write,
) -> Result<usize, SearchError> {
    let store = Store::open(data_dir)?;
    let hits = store.search(query, limit)?;
    match write_hits(&hits, format, out) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
        other => other?,
    }
    Ok(hits.len())
}

/// Why a search failed.
#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    /// The cache could not be opened or read.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The output could not be written.
    #[error("writing the results: {0}")]
    Io(#[from] std::io::Error),
}
