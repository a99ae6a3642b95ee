//! The full story of a feed item that carries only a summary and a link:
//! `F` asks for the page at the link ([`Effect::FetchArticle`]); the run
//! loop fetches it in the background through the loader `hearsay URL` uses
//! (readability over the page) and hands back the story with its quotes
//! found ([`Report::FullArticle`](super::Report::FullArticle)). The
//! article keeps its headline, link, feed, key, read mark and stars; only
//! its text, and so its quotes, change, and the cache keeps the new text
//! when it holds the article.

use super::background::web_link;
use super::{App, Effect, Reader, StoreWrite};
use crate::article::Article;
use crate::corpus::{Entry, resolved_speakers, speaker_list};

/// A page's story with its quotes found and their speakers named: the work
/// done away from the UI thread.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FullText {
    /// The page's article and its quotes.
    pub entry: Entry,
    /// The speaker of each quote, as [`resolved_speakers`] gives them.
    pub names: Vec<Option<String>>,
}

impl FullText {
    /// Finds the quotes of a page's `article` and names their speakers.
    pub fn new(article: Article) -> FullText {
        let entry = Entry::new(article);
        let names = resolved_speakers(&entry);
        FullText { entry, names }
    }
}

impl App {
    /// How many full articles are being fetched.
    pub fn fetching_full(&self) -> usize {
        self.follow.full.len()
    }

    /// Asks for the selected article's full story from its link.
    pub(super) fn fetch_full_article(&mut self) {
        let Some(e) = self.shown.get(self.selected).copied() else {
            return;
        };
        let Some(entry) = self.corpus.entries.get(e) else {
            return;
        };
        let link = entry.article.url.as_deref().map(str::trim);
        let url = match link {
            None | Some("") => {
                self.message = Some("This article has no link to fetch the full story from".into());
                return;
            }
            Some(link) => match web_link(link) {
                Some(url) => url,
                None => {
                    let shown = crate::text::sanitize(link);
                    self.message = Some(format!("Not a web link, not fetched: {shown}"));
                    return;
                }
            },
        };
        let key = match self.collection.key(e) {
            Some(key) => key.to_string(),
            None => crate::store::article_key(&entry.article),
        };
        if self.follow.full.contains(&key) {
            self.message = Some(format!("Already fetching {url}"));
            return;
        }
        self.follow.full.push(key.clone());
        self.message = Some(format!("Fetching the full article from {url}…"));
        self.effects.push(Effect::FetchArticle { key, url });
    }

    /// Puts a fetched story in place of the text of the article under
    /// `key`, or says why it could not be fetched.
    pub(super) fn full_article(
        &mut self,
        key: &str,
        url: &str,
        result: Result<Box<FullText>, String>,
    ) {
        self.follow.full.retain(|k| k != key);
        let full = match result {
            Ok(full) => full,
            Err(why) => {
                self.message = Some(format!(
                    "Could not fetch the full article from {url}: {why}"
                ));
                return;
            }
        };
        let Some(e) = self.collection.entry_of(key) else {
            self.message = Some(format!(
                "The article fetched from {url} is no longer listed"
            ));
            return;
        };
        let FullText { mut entry, names } = *full;
        entry.article = with_story(&self.corpus.entries[e].article, entry.article);
        let quotes = entry
            .quotes
            .iter()
            .filter(|q| q.is_marked_quotation())
            .count();
        let speakers = speaker_list(&names);
        let article = Box::new(entry.article.clone());
        if !self.replace_entry(e, entry, names) {
            return;
        }
        if self.reader.entry == Some(e) {
            // Rows, quote and scroll belonged to the summary.
            self.reader = Reader {
                entry: Some(e),
                ..Reader::default()
            };
            self.relayout();
        }
        if let Some(query) = self.search.query.clone() {
            self.search.hits = super::search::find(&self.corpus.entries, &self.shown, &query);
            self.search.current = None;
        }
        self.count_visits();
        self.order_speakers();
        self.message = Some(format!(
            "The full article from {url}: {}",
            crate::text::plural(quotes, "quote")
        ));
        self.effects.push(Effect::Store(StoreWrite::FullText {
            key: key.to_string(),
            article,
            speakers,
        }));
    }
}

/// `old` with the page's story as its text: its headline, link, id and
/// feed stay (so does its key), a byline or date it lacked comes from the
/// page.
fn with_story(old: &Article, page: Article) -> Article {
    Article {
        text: page.text,
        body: page.body,
        dateline: page.dateline,
        byline: old.byline.clone().or(page.byline),
        published: old.published.clone().or(page.published),
        source: old.source.clone().or(page.source),
        ..old.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::{Action, Report, receive, step};
    use crate::corpus::Corpus;

    fn item(title: &str, url: Option<&str>, summary: &str) -> Article {
        let mut a = Article::from_text(title, format!("{title}\n\n{summary}\n"));
        a.title = title.to_string();
        a.url = url.map(str::to_string);
        a.source = Some("Bay Courier".into());
        a
    }

    fn page(text: &str) -> Article {
        let mut a = Article::from_text("page.html", format!("Page headline\n\n{text}\n"));
        a.byline = Some("Ivo Lenz".into());
        a
    }

    fn app() -> App {
        let items = vec![
            item(
                "Bridge vote delayed",
                Some("https://news.example.org/bridge"),
                "The council put off the vote.",
            ),
            item(
                "Ferry fares",
                None,
                "“Fares stay,” said Ana Ruiz, the harbour chief.",
            ),
        ];
        let mut app = App::new(Corpus::from_articles(items), Vec::new());
        step(&mut app, Action::Resize(120, 30));
        app
    }

    #[test]
    fn f_asks_for_the_link_once_and_says_so() {
        let mut app = app();
        let effects = step(&mut app, Action::FetchFullArticle);
        let key = app.collection().key(0).unwrap_or_default().to_string();
        assert_eq!(key, "url:https://news.example.org/bridge");
        assert_eq!(
            effects,
            [Effect::FetchArticle {
                key,
                url: "https://news.example.org/bridge".into()
            }]
        );
        assert_eq!(app.fetching_full(), 1);
        let said = app.message().unwrap_or_default();
        assert!(
            said.starts_with("Fetching the full article from https://news"),
            "{said}"
        );
        assert!(step(&mut app, Action::FetchFullArticle).is_empty());
        assert!(
            app.message()
                .is_some_and(|m| m.starts_with("Already fetching"))
        );
        // The second article has no link: nothing to fetch, and it says so.
        step(&mut app, Action::Down);
        assert!(step(&mut app, Action::FetchFullArticle).is_empty());
        assert!(app.message().is_some_and(|m| m.contains("no link")));
    }

    #[test]
    fn the_story_replaces_the_summary_keeping_headline_feed_and_read_mark() {
        let mut app = app();
        // Read, the mark kept as in the reader (`update` performs the write).
        crate::app::update(&mut app, Action::Open);
        let effects = step(&mut app, Action::FetchFullArticle);
        let [Effect::FetchArticle { key, url }] = &effects[..] else {
            panic!("{effects:?}");
        };
        assert_eq!(app.corpus().speakers.len(), 1);
        assert!(app.collection().is_read(0));
        let story = "“We will build the bridge,” said Ana Ruiz. \
                     “Not this year,” said Tom Park, who leads the opposition.";
        let result = Ok(Box::new(FullText::new(page(story))));
        let (key, url) = (key.clone(), url.clone());
        let more = receive(
            &mut app,
            Report::FullArticle {
                key: key.clone(),
                url,
                result,
            },
        );
        assert_eq!(app.fetching_full(), 0);
        let entry = &app.corpus().entries[0];
        assert_eq!(entry.article.title, "Bridge vote delayed");
        assert_eq!(entry.article.source.as_deref(), Some("Bay Courier"));
        assert_eq!(entry.article.byline.as_deref(), Some("Ivo Lenz"));
        assert!(entry.article.text.contains("Tom Park"));
        assert_eq!(entry.quotes.len(), 2);
        assert_eq!(app.collection().key(0), Some(key.as_str()));
        assert!(app.collection().is_read(0));
        assert_eq!(app.open_index(), Some(0));
        assert_eq!(app.quote_position(), Some((None, 2)));
        // Ana Ruiz is quoted in both articles now; Tom Park is new.
        let names: Vec<(&str, usize, usize)> = app
            .corpus()
            .speakers
            .iter()
            .map(|s| (s.name.as_str(), s.quotes, s.articles))
            .collect();
        assert_eq!(names, [("Ana Ruiz", 2, 2), ("Tom Park", 1, 1)]);
        assert_eq!(app.summary(0).map(|s| s.quotes), Some(2));
        assert_eq!(
            app.message().as_deref(),
            Some("The full article from https://news.example.org/bridge: 2 quotes")
        );
        let [
            Effect::Store(StoreWrite::FullText {
                key: k,
                article,
                speakers,
            }),
        ] = &more[..]
        else {
            panic!("{more:?}");
        };
        assert_eq!(k, &key);
        assert_eq!(article.text, entry.article.text);
        assert_eq!(speakers, &["Ana Ruiz", "Tom Park"]);
    }

    #[test]
    fn a_failure_names_the_link_and_the_reason_and_changes_nothing() {
        let mut app = app();
        let effects = step(&mut app, Action::FetchFullArticle);
        let [Effect::FetchArticle { key, url }] = &effects[..] else {
            panic!("{effects:?}");
        };
        let before = app.corpus().entries[0].clone();
        let result = Err("HTTP 404".to_string());
        let report = Report::FullArticle {
            key: key.clone(),
            url: url.clone(),
            result,
        };
        assert!(receive(&mut app, report).is_empty());
        assert_eq!(app.corpus().entries[0], before);
        assert_eq!(app.fetching_full(), 0);
        assert_eq!(
            app.message().as_deref(),
            Some("Could not fetch the full article from https://news.example.org/bridge: HTTP 404")
        );
    }
}
