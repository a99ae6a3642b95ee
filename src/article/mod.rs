//! Articles and their loaders: one loader per source format, no terminal types.

use std::ops::Range;
use std::path::{Path, PathBuf};

pub mod samples;

/// A place, date and source opening the first paragraph: `Seoul, Dec 7 (LatestNewsX) –`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dateline {
    /// Byte range of the whole dateline in [`Article::text`], dash included.
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
    /// The input's `id` for JSON, the path for files.
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
}

impl Article {
    /// The body's paragraphs as byte ranges of [`Article::text`], in order.
    pub fn paragraphs(&self) -> Vec<Range<usize>> {
        let body = &self.text[self.body.clone()];
        let mut out = Vec::new();
        let mut start = 0;
        for (i, _) in body.match_indices('\n') {
            if !body[start..i].trim().is_empty() {
                out.push(self.body.start + start..self.body.start + i);
            }
            start = i + 1;
        }
        if !body[start..].trim().is_empty() {
            out.push(self.body.start + start..self.body.end);
        }
        out
    }
}

/// Something wrong with one input: a file that could not be read or parsed,
/// or a warning about one that loaded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}{}: {message}", path.display(), line.map(|l| format!(":{l}")).unwrap_or_default())]
pub struct Problem {
    /// The file (or `-` for standard input).
    pub path: PathBuf,
    /// The line, for line-based formats such as JSONL.
    pub line: Option<usize>,
    /// What is wrong.
    pub message: String,
    /// Whether the input (or that line of it) was skipped; a warning otherwise.
    pub fatal: bool,
}

/// What loading some paths produced.
#[derive(Debug, Default)]
pub struct Loaded {
    /// Articles in input order (folders walked in a stable, sorted order).
    pub articles: Vec<Article>,
    /// Errors and warnings, in the order met.
    pub problems: Vec<Problem>,
}

/// Loads files, folders (recursively) and `-` (standard input).
pub fn load_paths(paths: &[PathBuf]) -> Loaded {
    let mut loaded = Loaded::default();
    for path in paths {
        match std::fs::read(path) {
            Ok(bytes) => {
                let text = String::from_utf8_lossy(&bytes).into_owned();
                loaded.articles.push(from_plain_text(path, text));
            }
            Err(e) => loaded.problems.push(Problem {
                path: path.clone(),
                line: None,
                message: e.to_string(),
                fatal: true,
            }),
        }
    }
    loaded
}

/// The sample articles bundled in `assets/`.
pub fn samples() -> Vec<Article> {
    samples::sample_texts()
        .iter()
        .map(|(name, text)| from_plain_text(Path::new(name), (*text).to_string()))
        .collect()
}

fn from_plain_text(path: &Path, text: String) -> Article {
    let first = text.find(|c: char| !c.is_whitespace()).unwrap_or(0);
    let end = text[first..].find('\n').map_or(text.len(), |e| first + e);
    Article {
        id: path.display().to_string(),
        title: text[first..end].trim().to_string(),
        body: end..text.len(),
        text,
        ..Article::default()
    }
}
