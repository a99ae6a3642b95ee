//! Searching headlines and article text.
//!
//! Matching ignores ASCII case only, so byte offsets in the lowered copy are
//! byte offsets in the article: the hit can be found in the layout as is.

use memchr::memmem;

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
        if finder
            .find(article.title.to_ascii_lowercase().as_bytes())
            .is_some()
        {
            hits.push(Hit { entry, at: None });
        }
        // A text let go is read back from its file; one that cannot be
        // (the file changed) is searched by headline alone.
        let text = e.text().unwrap_or_default();
        let body = text.get(article.body.clone()).unwrap_or_default();
        let lowered = body.to_ascii_lowercase();
        let room = MAX_HITS.saturating_sub(hits.len());
        hits.extend(
            finder
                .find_iter(lowered.as_bytes())
                .take(room)
                .map(|i| Hit {
                    entry,
                    at: Some(article.body.start + i),
                }),
        );
        if hits.len() >= MAX_HITS {
            break;
        }
    }
    hits
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
