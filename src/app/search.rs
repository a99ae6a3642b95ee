//! Searching headlines and article text.
//!
//! Matching ignores ASCII case only, so byte offsets in the lowered copy are
//! byte offsets in the article: the hit can be found in the layout as is.
//! When the texts are not kept (a JSONL corpus, whose texts are read back
//! from the file), the search is a [`TextSearch`] run off the UI thread
//! ([`TextSearch::run`]), its hits handed on in list order as it goes.

use std::ops::ControlFlow;

use memchr::memmem;

use crate::article::{LineAt, read_back};
use crate::corpus::Entry;

/// At most this many hits are kept, so a one-letter search of a large corpus
/// stays cheap.
pub const MAX_HITS: usize = 10_000;

/// One place the query was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    /// Index of the entry in the corpus.
    pub entry: usize,
    /// Byte offset in the article's text, or `None` for a match in the headline.
    pub at: Option<usize>,
}

/// The search box and the hits of the last confirmed query.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Search {
    /// What is being typed.
    pub input: String,
    /// The confirmed query, when there is one.
    pub query: Option<String>,
    /// Its hits, in list order.
    pub hits: Vec<Hit>,
    /// Index into `hits` of the current one.
    pub current: Option<usize>,
    /// Whether more hits of `query` are still being looked for.
    pub searching: bool,
}

/// Finds `query` (ASCII case ignored) in the headlines and bodies of `order`'s
/// entries, in that order; at most [`MAX_HITS`].
pub fn find(entries: &[Entry], order: &[usize], query: &str) -> Vec<Hit> {
    let needle = query.to_ascii_lowercase();
    if needle.is_empty() {
        return Vec::new();
    }
    let finder = memmem::Finder::new(needle.as_bytes());
    let mut hits = Vec::new();
    for &entry in order {
        let Some(e) = entries.get(entry) else {
            continue;
        };
        let article = &e.article;
        // A text let go is read back from its file; one that cannot be
        // (the file changed) is searched by headline alone.
        let text = e.text().unwrap_or_default();
        let body = text.get(article.body.clone()).unwrap_or_default();
        hits_in(
            &finder,
            entry,
            &article.title,
            body,
            article.body.start,
            &mut hits,
        );
        if hits.len() >= MAX_HITS {
            break;
        }
    }
    hits
}

/// Adds the hits of one entry (its headline, then its body, which starts
/// at byte `start` of its text) to `hits`, up to [`MAX_HITS`] in all.
fn hits_in(
    finder: &memmem::Finder<'_>,
    entry: usize,
    title: &str,
    body: &str,
    start: usize,
    hits: &mut Vec<Hit>,
) {
    if hits.len() >= MAX_HITS {
        return;
    }
    if finder.find(title.to_ascii_lowercase().as_bytes()).is_some() {
        hits.push(Hit { entry, at: None });
    }
    let lowered = body.to_ascii_lowercase();
    let room = MAX_HITS.saturating_sub(hits.len());
    hits.extend(
        finder
            .find_iter(lowered.as_bytes())
            .take(room)
            .map(|i| Hit {
                entry,
                at: Some(start + i),
            }),
    );
}

/// Whether searching `order`'s entries reads texts back from their files:
/// then it is run as a [`TextSearch`], away from the UI thread.
pub fn reads_back(entries: &[Entry], order: &[usize]) -> bool {
    order
        .iter()
        .any(|&e| entries.get(e).is_some_and(Entry::text_dropped))
}

/// Where a background search reads one entry from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// Its line in a JSONL file, read back and parsed again.
    Line(LineAt),
    /// Its headline and body, kept (an entry not read from a JSONL file).
    Kept {
        /// The headline.
        title: String,
        /// The body.
        body: String,
        /// The body's byte offset in the text.
        start: usize,
    },
}

/// A search of entries' texts, made on the UI thread (the places of the
/// lines, tens of bytes each) and run on another.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextSearch {
    /// The query.
    pub query: String,
    /// The entries in list order, each with where to read it.
    pub entries: Vec<(usize, Source)>,
}

/// Entries a background search reads between two reports of its hits.
pub const SEARCH_CHUNK: usize = 4096;

impl TextSearch {
    /// The search of `query` over `order`'s entries.
    pub fn new(entries: &[Entry], order: &[usize], query: &str) -> TextSearch {
        let places = order
            .iter()
            .filter_map(|&e| {
                let entry = entries.get(e)?;
                let a = &entry.article;
                let source = match &a.at {
                    Some(at) => Source::Line(at.clone()),
                    None => Source::Kept {
                        title: a.title.clone(),
                        body: a.text.get(a.body.clone()).unwrap_or_default().to_string(),
                        start: a.body.start,
                    },
                };
                Some((e, source))
            })
            .collect();
        TextSearch {
            query: query.to_string(),
            entries: places,
        }
    }

    /// Runs the search, handing `send` the hits of each [`SEARCH_CHUNK`]
    /// entries in list order (and whether it is the last), the same hits
    /// [`find`] gives when the files are as they were loaded. A line that
    /// cannot be read back is skipped. `send` returning `Break` stops.
    pub fn run(&self, send: &mut dyn FnMut(Vec<Hit>, bool) -> ControlFlow<()>) {
        let needle = self.query.to_ascii_lowercase();
        if needle.is_empty() {
            let _ = send(Vec::new(), true);
            return;
        }
        let finder = memmem::Finder::new(needle.as_bytes());
        let mut total = 0;
        for chunk in self.entries.chunks(SEARCH_CHUNK) {
            let mut hits = Vec::new();
            for (entry, source) in chunk {
                // Counted against the cap across chunks.
                let mut found = Vec::new();
                match source {
                    Source::Line(at) => {
                        if let Ok(a) = read_back(at) {
                            let body = a.text.get(a.body.clone()).unwrap_or_default();
                            hits_in(&finder, *entry, &a.title, body, a.body.start, &mut found);
                        }
                    }
                    Source::Kept { title, body, start } => {
                        hits_in(&finder, *entry, title, body, *start, &mut found);
                    }
                }
                found.truncate(MAX_HITS - total);
                total += found.len();
                hits.extend(found);
                if total >= MAX_HITS {
                    break;
                }
            }
            let last = total >= MAX_HITS;
            if last {
                let _ = send(hits, true);
                return;
            }
            if send(hits, false).is_break() {
                return;
            }
        }
        let _ = send(Vec::new(), true);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Article;

    fn entry(title: &str, text: &str) -> Entry {
        let article = Article {
            title: title.into(),
            text: text.into(),
            body: 0..text.len(),
            ..Article::default()
        };
        Entry {
            article,
            quotes: Vec::new(),
        }
    }

    #[test]
    fn finds_headlines_and_text_ignoring_case_in_order() {
        let entries = [
            entry("Ferry strike", "The FERRY left. A ferry came."),
            entry("Rain", "dry"),
        ];
        let hits = find(&entries, &[1, 0], "ferry");
        assert_eq!(
            hits,
            vec![
                Hit { entry: 0, at: None },
                Hit {
                    entry: 0,
                    at: Some(4)
                },
                Hit {
                    entry: 0,
                    at: Some(18)
                }
            ]
        );
        assert!(find(&entries, &[0, 1], "").is_empty());
    }
}
