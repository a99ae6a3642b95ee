//! The snippets a cache search's matches show in the list: the words of
//! the article around what was searched for, the matched words marked.
//! The search itself returns keys only (`Store::search_keys`), so a
//! snippet is made here from the article's text, and only for the rows on
//! screen: after each action at most a page of them, never the hundreds of
//! matches a search filters the list by.

use std::collections::HashMap;
use std::ops::Range;

use super::App;
use crate::store::{Term, snippet_of, snippet_terms};

/// One snippet: its text (no control characters) and the byte ranges of
/// the marked words in it.
pub type Snippet = (String, Vec<Range<usize>>);

/// The snippets made for one query.
#[derive(Debug, Default)]
pub(super) struct Snippets {
    /// The query they were made for.
    query: Option<String>,
    /// Its words, as the snippets mark them.
    terms: Vec<Term>,
    /// By corpus index.
    made: HashMap<usize, Snippet>,
}

impl App {
    /// The snippet the list shows under headline `entry`, while the list
    /// shows a cache search's matches and it has been made.
    pub fn snippet(&self, entry: usize) -> Option<&Snippet> {
        self.follow.found.as_ref()?;
        self.snippets.made.get(&entry)
    }

    /// Makes the snippets of the matches on screen that have none yet.
    pub(super) fn fill_snippets(&mut self) {
        let Some(query) = self.follow.found.as_ref() else {
            if self.snippets.query.is_some() {
                self.snippets = Snippets::default();
            }
            return;
        };
        if self.snippets.query.as_ref() != Some(query) {
            self.snippets = Snippets {
                query: Some(query.clone()),
                terms: snippet_terms(query),
                made: HashMap::new(),
            };
        }
        let end = (self.list_top + self.list_page()).min(self.shown.len());
        for &e in self.shown.get(self.list_top..end).unwrap_or_default() {
            if self.snippets.made.contains_key(&e) {
                continue;
            }
            let Some(entry) = self.corpus.entries.get(e) else {
                continue;
            };
            let article = &entry.article;
            let text = entry.text().unwrap_or_default();
            // The headline is shown above it: the snippet is of the body.
            let body = text.get(article.body.clone()).unwrap_or(&text);
            let made = snippet_of(&article.title, body, &self.snippets.terms);
            self.snippets.made.insert(e, made);
        }
    }

    /// How many snippets are made for the query shown (for tests of the
    /// bound).
    pub fn snippets_made(&self) -> usize {
        self.snippets.made.len()
    }
}

#[cfg(test)]
mod tests {
    use crate::app::{Action, App, Report, receive, step};
    use crate::article::Article;
    use crate::corpus::{Corpus, Entry};

    #[test]
    fn snippets_are_made_for_the_rows_on_screen_only() {
        let entries = (0..200)
            .map(|i| {
                let text = format!("Tide table {i}\n\nThe tide turns at noon in berth {i}.\n");
                Entry::new(Article::from_text(format!("t{i}.txt"), text))
            })
            .collect();
        let mut app = App::new(Corpus::from_entries(entries), Vec::new());
        app.follow(0, true);
        step(&mut app, Action::Resize(100, 24));
        let keys = (0..200)
            .map(|e| app.collection().key(e).unwrap_or_default().to_string())
            .collect();
        step(&mut app, Action::StartSearch);
        for c in "tide".chars() {
            step(&mut app, Action::Input(c));
        }
        let query = "tide".to_string();
        receive(
            &mut app,
            Report::Found {
                query,
                keys: Ok(keys),
            },
        );
        assert_eq!(app.shown().len(), 200);
        let page = app.snippets_made();
        assert!(
            (1..=12).contains(&page),
            "{page} snippets for a 24-row screen"
        );
        let (text, marks) = app.snippet(0).expect("the first row's snippet");
        assert_eq!(text[marks[0].clone()].to_lowercase(), "tide");
        // A page down makes the next page's, and no more.
        step(&mut app, Action::Confirm);
        step(&mut app, Action::PageDown);
        assert!(
            app.snippets_made() <= 2 * page + 1,
            "{}",
            app.snippets_made()
        );
        assert!(app.snippet(199).is_none());
    }
}
