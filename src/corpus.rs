//! The loaded articles with their quotes, and the index of who said what.

use std::collections::HashMap;

use crate::article::Article;
use crate::quote::{self, Quote};

/// An article with the quotes found in it.
#[derive(Debug, Clone)]
pub struct Entry {
    /// The article.
    pub article: Article,
    /// Its quotes, sorted by start.
    pub quotes: Vec<Quote>,
}

impl Entry {
    /// Extracts the quotes of `article`.
    pub fn new(article: Article) -> Self {
        let quotes = quote::extract(&article.text);
        Self { article, quotes }
    }
}

/// One speaker across the corpus.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Speaker {
    /// Canonical name.
    pub name: String,
    /// Number of quotes attributed to them.
    pub quotes: usize,
    /// Number of articles quoting them.
    pub articles: usize,
}

/// All loaded articles and the speaker index.
#[derive(Debug, Default)]
pub struct Corpus {
    /// Articles with their quotes, in load order.
    pub entries: Vec<Entry>,
    /// Speakers, most quoted first.
    pub speakers: Vec<Speaker>,
}

impl Corpus {
    /// Builds a corpus from articles, extracting quotes and indexing speakers.
    pub fn from_articles(articles: Vec<Article>) -> Self {
        Self::from_entries(articles.into_iter().map(Entry::new).collect())
    }

    /// Builds the speaker index over entries whose quotes are already found.
    pub fn from_entries(entries: Vec<Entry>) -> Self {
        let mut counts: HashMap<&str, (usize, usize)> = HashMap::new();
        for e in &entries {
            let mut seen = std::collections::HashSet::new();
            for q in &e.quotes {
                if let Some(s) = &q.speaker {
                    let c = counts.entry(s).or_default();
                    c.0 += 1;
                    if seen.insert(s.as_str()) {
                        c.1 += 1;
                    }
                }
            }
        }
        let mut speakers: Vec<Speaker> = counts
            .into_iter()
            .map(|(n, (q, a))| Speaker {
                name: n.to_string(),
                quotes: q,
                articles: a,
            })
            .collect();
        speakers.sort_by(|a, b| b.quotes.cmp(&a.quotes).then_with(|| a.name.cmp(&b.name)));
        Self { entries, speakers }
    }
}
