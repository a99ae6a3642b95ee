//! A starred quote and what identifies it.

use std::ops::Range;

use serde::Serialize;

use super::article_key;
use crate::corpus::{Corpus, Entry};
use crate::quote::Quote;

/// Which quote a star is on: the article's key and the quote's byte span.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct StarKey {
    /// [`article_key`] of the article.
    pub article_key: String,
    /// Byte offset of the quote's start in the article's text.
    pub start: usize,
    /// Byte offset of the quote's end in the article's text.
    pub end: usize,
}

impl StarKey {
    /// The key of the quote at `span` of the article keyed `article_key`.
    pub fn new(article_key: impl Into<String>, span: Range<usize>) -> Self {
        Self {
            article_key: article_key.into(),
            start: span.start,
            end: span.end,
        }
    }
}

/// A quote kept in the collection, with a snapshot of where it came from, so
/// the collection can be listed and exported without the article loaded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StarredQuote {
    /// [`article_key`] of the article.
    pub article_key: String,
    /// Byte offset of the quote's start in the article's text.
    pub start: usize,
    /// Byte offset of the quote's end in the article's text.
    pub end: usize,
    /// The quote as written, marks included.
    pub quote: String,
    /// Who said it, when known.
    pub speaker: Option<String>,
    /// The article's headline.
    pub headline: String,
    /// The publisher or agency.
    pub source: Option<String>,
    /// The publication date as written.
    pub date: Option<String>,
    /// Where the article was published.
    pub url: Option<String>,
    /// When it was starred, in seconds since the Unix epoch.
    pub starred_at: i64,
}

impl StarredQuote {
    /// A star on `quote` of `entry`, said by `speaker`, starred now.
    ///
    /// Pass the corpus-wide speaker name when there is one (see
    /// [`StarredQuote::from_corpus`]); `quote.speaker` is the name within the
    /// article.
    pub fn new(entry: &Entry, quote: &Quote, speaker: Option<&str>) -> Self {
        // A text let go is read back: the key and the words come from it
        // (a file changed since loading leaves the words empty, never wrong).
        let whole = entry.with_text();
        let article = whole.as_ref().map_or(&entry.article, |e| &e.article);
        let dateline = article.dateline.as_ref();
        Self {
            article_key: article_key(article),
            start: quote.span.start,
            end: quote.span.end,
            quote: article
                .text
                .get(quote.span.clone())
                .unwrap_or_default()
                .to_string(),
            speaker: speaker.map(str::to_string),
            headline: article.title.clone(),
            source: article
                .source
                .clone()
                .or_else(|| dateline.and_then(|d| d.source.clone())),
            date: article
                .published
                .clone()
                .or_else(|| dateline.and_then(|d| d.date.clone())),
            url: article.url.clone(),
            starred_at: now(),
        }
    }

    /// A star on quote `quote` of entry `entry` of `corpus`, named with the
    /// corpus-wide speaker; `None` when there is no such quote.
    pub fn from_corpus(corpus: &Corpus, entry: usize, quote: usize) -> Option<Self> {
        let e = corpus.entries.get(entry)?;
        let q = e.quotes.get(quote)?;
        let speaker = corpus
            .speaker_of(entry, quote)
            .and_then(|s| corpus.speakers.get(s))
            .map(|s| s.name.as_str())
            .or(q.speaker.as_deref());
        Some(Self::new(e, q, speaker))
    }

    /// Which quote this star is on.
    pub fn key(&self) -> StarKey {
        StarKey::new(self.article_key.clone(), self.start..self.end)
    }
}

/// Seconds since the Unix epoch; 0 if the clock is before it.
/// Seconds since the epoch, now.
pub fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
}
