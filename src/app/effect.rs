//! What `update` asks the run loop to do outside the app: the app holds no
//! terminal, clipboard, browser or database connection it writes through,
//! so tests read the effects instead of performing them. What comes back
//! from the work (a refresh, a cache search, a write to the store) returns
//! as a [`Report`](super::Report).

use std::path::PathBuf;

use super::feeds::Subscription;
use crate::export::{Citation, ExportFormat};
use crate::store::StarredQuote;

/// One thing for the run loop to do after an action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Put this text (already sanitised: no control characters) on the
    /// clipboard.
    Copy(String),
    /// Fetch every subscription in the background, reporting back with
    /// [`Report`](super::Report)s.
    Refresh,
    /// Open this link (sanitised, `http`, `https` or `file`) in the browser.
    OpenUrl(String),
    /// Fetch the page at `url` and read its story, reporting back with
    /// [`Report::FullArticle`](super::Report::FullArticle).
    FetchArticle {
        /// [`article_key`](crate::store::article_key) of the article whose
        /// full story it is.
        key: String,
        /// Its link (`http` or `https`, no whitespace).
        url: String,
    },
    /// Search the offline cache for this query, reporting back with
    /// [`Report::Found`](super::Report::Found).
    SearchCache(String),
    /// Search the texts of the listed articles away from the UI thread
    /// (they are read back from their files), reporting the hits back
    /// with [`Report::TextHits`] as they are found; a newer search
    /// replaces it.
    SearchText(Box<super::search::TextSearch>),
    /// Keep this change in the store, reporting back with
    /// [`Report::Kept`](super::Report::Kept).
    Store(StoreWrite),
    /// Read what the store knows of these subscriptions (their articles'
    /// keys, last fetch and error), reporting back with
    /// [`Report::FeedsLoaded`](super::Report::FeedsLoaded).
    LoadFeeds(Vec<Subscription>),
    /// Write these quotes to a new file `stem.EXT` in `dir` (`stem-2.EXT`…
    /// when taken: never over a file), reporting back with
    /// [`Report::Exported`](super::Report::Exported).
    Export {
        /// The folder to write in.
        dir: PathBuf,
        /// The file name before any number and the extension.
        stem: String,
        /// How to write them.
        format: ExportFormat,
        /// The quotes.
        citations: Vec<Citation>,
    },
}

/// A change to the collection kept in the store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreWrite {
    /// Mark the article with this key read, or unread.
    SetRead {
        /// [`article_key`](crate::store::article_key) of the article.
        key: String,
        /// Read when true.
        read: bool,
    },
    /// Mark every article with these keys read, or unread, all or none.
    SetReadAll {
        /// [`article_key`](crate::store::article_key)s of the articles.
        keys: Vec<String>,
        /// Read when true.
        read: bool,
    },
    /// Star this quote.
    Star(Box<StarredQuote>),
    /// Take the star off this quote.
    Unstar(Box<StarredQuote>),
    /// Keep this text (a full story fetched from the article's link) in
    /// place of what the cache holds of the article, if it holds it.
    FullText {
        /// [`article_key`](crate::store::article_key) of the article.
        key: String,
        /// The article with its new text.
        article: Box<crate::article::Article>,
        /// Its speakers, canonical names.
        speakers: Vec<String>,
    },
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::{Action, App, Mode, Report, perform_all_kept, receive, step};
    use crate::article::Article;
    use crate::corpus::{Corpus, Entry};

    fn app() -> App {
        let text = "Bridge vote delayed\n\n“We will build the bridge,” said Ana Ruiz, \
                    the mayor of Port Vell.\n\nThe council meets again in May.\n";
        let entry = Entry::new(Article::from_text("bridge.txt", text.to_string()));
        let second = Entry::new(Article::from_text(
            "ferry.txt",
            "Ferry fares fall\n\nFares fall by a fifth from April.\n".to_string(),
        ));
        let mut app = App::new(Corpus::from_entries(vec![entry, second]), Vec::new());
        step(&mut app, Action::Resize(120, 30));
        app
    }

    fn stores(effects: &[Effect]) -> Vec<&StoreWrite> {
        effects
            .iter()
            .filter_map(|e| match e {
                Effect::Store(w) => Some(w),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn reading_an_article_asks_the_store_to_mark_it_and_nothing_changes_until_kept() {
        let mut app = app();
        let effects = step(&mut app, Action::Open);
        let key = app.collection().key(0).expect("a key").to_string();
        assert_eq!(
            effects,
            [Effect::Store(StoreWrite::SetRead {
                key: key.clone(),
                read: true
            })]
        );
        assert!(!app.collection().is_read(0));
        assert!(perform_all_kept(&mut app, effects).is_empty());
        assert!(app.collection().is_read(0));
        assert_eq!(app.collection().unread(), 1);
        // Read already: opening it again asks for nothing.
        step(&mut app, Action::FocusList);
        assert!(step(&mut app, Action::Open).is_empty());
    }

    #[test]
    fn m_asks_for_the_mark_and_a_failed_write_says_so_and_changes_nothing() {
        let mut app = app();
        let effects = step(&mut app, Action::ToggleRead);
        let [StoreWrite::SetRead { read: true, .. }] = stores(&effects)[..] else {
            panic!("{effects:?}");
        };
        let Some(Effect::Store(write)) = effects.into_iter().next() else {
            panic!("no write");
        };
        let result = Err("disk full".to_string());
        assert!(receive(&mut app, Report::Kept { write, result }).is_empty());
        assert_eq!(
            app.message().as_deref(),
            Some("The read mark was not saved: disk full")
        );
        assert!(!app.collection().is_read(0));
    }

    #[test]
    fn star_asks_to_star_then_to_unstar_once_it_is_kept() {
        let mut app = app();
        step(&mut app, Action::NextQuote);
        let effects = step(&mut app, Action::ToggleStar);
        let [StoreWrite::Star(star)] = stores(&effects)[..] else {
            panic!("{effects:?}");
        };
        assert_eq!(star.speaker.as_deref(), Some("Ana Ruiz"));
        assert_eq!(star.quote, "“We will build the bridge,”");
        assert_eq!(app.collection().stars_in(0), 0);
        perform_all_kept(&mut app, effects);
        assert_eq!(app.collection().stars_in(0), 1);
        let message = app.message().unwrap_or_default();
        assert!(
            message.contains("(kept for this session only)"),
            "{message}"
        );
        let again = step(&mut app, Action::ToggleStar);
        assert!(
            matches!(stores(&again)[..], [StoreWrite::Unstar(_)]),
            "{again:?}"
        );
        perform_all_kept(&mut app, again);
        assert_eq!(app.collection().stars_in(0), 0);
    }

    #[test]
    fn export_asks_for_a_file_and_says_where_it_went() {
        let mut app = app();
        let dir = std::path::PathBuf::from("exports");
        app.set_export_dir(dir.clone());
        step(&mut app, Action::NextQuote);
        let starred = step(&mut app, Action::ToggleStar);
        perform_all_kept(&mut app, starred);
        step(&mut app, Action::Export);
        assert_eq!(app.mode(), Mode::Export);
        step(&mut app, Action::CycleFormat);
        let effects = step(&mut app, Action::Confirm);
        let [
            Effect::Export {
                dir: d,
                stem,
                format,
                citations,
            },
        ] = &effects[..]
        else {
            panic!("{effects:?}");
        };
        assert_eq!((d, stem.as_str()), (&dir, "hearsay-starred"));
        assert_eq!(*format, crate::export::ExportFormat::Csv);
        assert_eq!(citations.len(), 1);
        assert_eq!(app.mode(), Mode::Browse);
        let path = dir.join("hearsay-starred.csv");
        receive(&mut app, Report::Exported(Ok((path.clone(), 1))));
        let said = app.message().unwrap_or_default();
        assert!(said.starts_with("Wrote 1 quote to "), "{said}");
        receive(&mut app, Report::Exported(Err("read-only".into())));
        assert_eq!(app.message().as_deref(), Some("Export failed: read-only"));
    }

    #[test]
    fn the_link_and_the_clipboard_are_effects_too() {
        let mut app = app();
        step(&mut app, Action::NextQuote);
        let copied = step(&mut app, Action::CopyQuote);
        assert_eq!(copied, [Effect::Copy("“We will build the bridge”".into())]);
        // The text file has no link: nothing to open, and it says so.
        assert!(step(&mut app, Action::OpenLink).is_empty());
        assert_eq!(app.message().as_deref(), Some("This article has no link"));
    }
}
