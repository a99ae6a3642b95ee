//! Articles and their loaders: one loader per source format, no terminal types.
//!
//! [`load_paths`] reads files, folders (recursively, sorted, hidden files
//! skipped) and `-` for standard input; [`load_paths_each`] does the same
//! article by article. The format is told by content first, extension
//! second: plain text (headline line, then paragraphs, hard-wrapped or not),
//! JSON, JSONL, JSON Feed, RSS/Atom and web pages. Nothing here panics on
//! bad input: what cannot be read becomes a [`Problem`].
//!
//! ```
//! use hearsay::article::load_bytes;
//! use std::path::Path;
//!
//! let text = "Ferry fares frozen\n\nPORTO AZUL, Nov 14 (Wire) - Fares stay flat.\nStay informed: follow us on social media.\n";
//! let loaded = load_bytes(Path::new("story.txt"), text.as_bytes());
//! let article = &loaded.articles[0];
//! assert_eq!(article.title, "Ferry fares frozen");
//! assert_eq!(article.dateline.as_ref().map(|d| d.place.as_str()), Some("PORTO AZUL"));
//! assert!(article.text[article.body.clone()].ends_with("Fares stay flat."));
//! ```

use std::ops::Range;
use std::path::PathBuf;

mod boilerplate;
mod dateline;
mod detect;
mod encoding;
mod feed;
mod fetch;
mod front;
mod html;
mod json;
mod load;
mod open_files;
pub mod pieces;
pub mod samples;
mod text;
mod walk;

pub(crate) use fetch::is_url;
pub(crate) use load::human_size;
pub use load::{
    DEFAULT_MAX_SIZE, LoadOptions, ReadBackError, load_bytes, load_paths, load_paths_each,
    load_paths_each_with, load_paths_with, read_back,
};
pub use text::decode_entities;

/// A place, date and source opening the first paragraph: `Seoul, Dec 7 (LatestNewsX) –`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dateline {
    /// Byte range of the whole dateline in [`Article::text`], dash included;
    /// empty, at the body's start, when it came in a field of its own
    /// (Reuters' JSON `dateline`) and is not in the text.
    pub span: Range<usize>,
    /// The place, `Seoul`.
    pub place: String,
    /// The date as written, `Dec 7`.
    pub date: Option<String>,
    /// The source in parentheses, `LatestNewsX`.
    pub source: Option<String>,
}

/// One news article. Quote offsets refer to [`Article::text`], kept exactly as given.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Article {
    /// The input's `id` for JSON (`path:line` or `path:index` when it has
    /// none), the entry's `guid`/`id` for feeds, the path for files.
    pub id: String,
    /// The headline, normalised for display (one line).
    pub title: String,
    /// The article's text exactly as given: a text file's whole decoded content,
    /// or the `body`/`text` field of a JSON article.
    pub text: String,
    /// Byte range of [`Article::text`] shown as the body: no headline, no boilerplate.
    pub body: Range<usize>,
    /// A dateline opening the body, when there is one.
    pub dateline: Option<Dateline>,
    /// Publisher or agency.
    pub source: Option<String>,
    /// Where the article was published.
    pub url: Option<String>,
    /// Publication date as written in the input.
    pub published: Option<String>,
    /// The author line.
    pub byline: Option<String>,
    /// Where the article's line lies in a JSONL file, when it was cut from
    /// one: the reader keeps this instead of the text and reads the line
    /// again ([`read_back`]) when the text is wanted.
    pub at: Option<LineAt>,
}

/// A JSONL file articles were cut from, as it was when it was opened: a
/// line is read back only from the file it was read from.
#[derive(Debug, PartialEq, Eq)]
pub struct SourceFile {
    /// The file's path as given.
    pub path: PathBuf,
    /// Its length in bytes.
    pub len: u64,
    /// Its modification time, where the system tells it.
    pub modified: Option<std::time::SystemTime>,
}

/// The place of one article's line in a JSONL file: tens of bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineAt {
    /// The file.
    pub file: std::sync::Arc<SourceFile>,
    /// Byte offset of the line's start.
    pub offset: u64,
    /// Its length in bytes, the newline included when there is one.
    pub len: u32,
    /// Its line number, from 1.
    pub number: u32,
}

impl Article {
    /// The body's paragraphs as byte ranges of [`Article::text`], in order,
    /// trimmed. A hard-wrapped paragraph is one range: its line breaks are
    /// inside it and read as spaces.
    pub fn paragraphs(&self) -> Vec<Range<usize>> {
        text::paragraphs(&self.text, self.body.clone())
    }

    /// An article from plain text whose first non-blank line is the headline.
    pub fn from_text(id: impl Into<String>, text: String) -> Self {
        let mut article = Article {
            id: id.into(),
            text,
            ..Article::default()
        };
        set_title_and_body(&mut article, None);
        article
    }
}

/// A first line longer than this (chars) that ends a sentence is story, not headline.
const MAX_HEADLINE: usize = 200;

/// Sets the title (`title`, or else the text's first line) and the body of
/// an article, and finds its dateline and trailing boilerplate. When the
/// first line cannot be a headline (nothing follows it, or it is a long
/// sentence), the title is that line shortened and the body keeps it.
pub(crate) fn set_title_and_body(article: &mut Article, title: Option<&str>) {
    let whole = text::trim_range(&article.text, 0..article.text.len());
    if let Some(t) = title.map(text::one_line).filter(|t| !t.is_empty()) {
        article.title = text::tame_capitals(&t);
        return finish_body(article, whole.start);
    }
    let Some((line, after)) = text::headline(&article.text) else {
        article.body = whole;
        return;
    };
    let first = text::tame_capitals(&text::one_line(&article.text[line]));
    let more = !article.text[after..]
        .trim_matches(text::is_blank)
        .is_empty();
    let sentence =
        first.chars().count() > MAX_HEADLINE && first.ends_with(['.', '"', '”', '!', '?']);
    if more && !sentence {
        article.title = first;
        finish_body(article, after);
    } else {
        article.title = text::shorten(&first, 80);
        finish_body(article, whole.start);
    }
}

/// Sets the body to the text from `start`, trimmed, without trailing
/// boilerplate or an opening byline or date line, and finds a dateline
/// opening it.
fn finish_body(article: &mut Article, start: usize) {
    let text = &article.text;
    let body = text::trim_range(text, text::clamp_range(text, start..text.len()));
    let end = boilerplate::body_end(text, body.clone());
    let mut body = body.start..end;
    front::skip_front_matter(article, &mut body);
    article.dateline = dateline::find(&article.text, body.start);
    article.body = body;
}

/// How much a [`Problem`] matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Level {
    /// Said for the record: something skipped on purpose (a feed item with
    /// no text, a feed with no items yet). The input loaded as it should.
    Note,
    /// The input loaded, but not all of it as written (a broken line read
    /// past, an encoding guessed).
    Warning,
    /// The input, or that line or item of it, was skipped.
    Error,
}

impl Level {
    /// The word messages print: `error`, `warning`, `note`.
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Note => "note",
            Level::Warning => "warning",
            Level::Error => "error",
        }
    }

    /// `Error` when `skipped`, else `Warning`.
    pub fn of(skipped: bool) -> Self {
        if skipped {
            Level::Error
        } else {
            Level::Warning
        }
    }
}

/// Something wrong with one input: a file that could not be read or parsed,
/// or a warning or note about one that loaded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}{}: {message}", path.display(), line.map(|l| format!(":{l}")).unwrap_or_default())]
pub struct Problem {
    /// The file (or `-` for standard input).
    pub path: PathBuf,
    /// The line, for line-based formats such as JSONL.
    pub line: Option<usize>,
    /// What is wrong.
    pub message: String,
    /// Whether the input (or that line of it) was skipped ([`Level::Error`]),
    /// or loaded with a warning or a note.
    pub level: Level,
}

impl Problem {
    /// Whether the input, or that line or item of it, was skipped.
    pub fn is_fatal(&self) -> bool {
        self.level == Level::Error
    }
}

/// What loading some paths produced.
#[derive(Debug, Default)]
pub struct Loaded {
    /// Articles in input order (folders walked in a stable, sorted order).
    pub articles: Vec<Article>,
    /// Errors and warnings, in the order met.
    pub problems: Vec<Problem>,
}

/// One thing met while loading: an article, or a problem with an input.
/// Every format's loader yields these and the loading loop hands them on,
/// so the type lives here, below both (no format imports the loop).
// Items are handed on one at a time, never stored in bulk: boxing the
// article would cost an allocation per article for no memory saved.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Item {
    /// An article that loaded.
    Article(Article),
    /// An error or warning.
    Problem(Problem),
}

impl Loaded {
    /// Adds an article or a problem, in the order met.
    pub fn push(&mut self, item: Item) {
        match item {
            Item::Article(a) => self.articles.push(a),
            Item::Problem(p) => self.problems.push(p),
        }
    }
}

/// The sample articles bundled in `assets/`.
pub fn samples() -> Vec<Article> {
    samples::sample_texts()
        .iter()
        .map(|(name, text)| Article::from_text(*name, (*text).to_string()))
        .collect()
}
