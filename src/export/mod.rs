//! Quotes written out for use elsewhere: Markdown citation blocks a journalist
//! can paste, CSV for spreadsheets, JSON and JSON Lines for scripts.
//!
//! Every format carries the same fields of a [`Citation`]: speaker, quote,
//! headline, source, date and URL (plus whether the quote is word for word).
//!
//! ```
//! use hearsay::export::{Citation, ExportFormat, to_string};
//! let c = Citation {
//!     speaker: Some("Ona Brisk".into()),
//!     quote: "Boats come first.".into(),
//!     headline: "Harbour reopens".into(),
//!     source: Some("Tidewire".into()),
//!     date: Some("March 3".into()),
//!     url: None,
//!     location: None,
//!     verbatim: true,
//! };
//! let md = to_string(&[c], ExportFormat::Markdown)?;
//! assert_eq!(md, "> “Boats come first.”\n>\n> — Ona Brisk, *Harbour reopens*, Tidewire, March 3.\n");
//! # Ok::<(), hearsay::export::ExportError>(())
//! ```

use std::io::Write;
use std::path::Path;

use serde::Serialize;

use crate::article::Article;
use crate::corpus::{Corpus, Entry};
use crate::quote::{Quote, QuoteKind};
use crate::store::StarredQuote;

mod select;

pub use select::{citations, filter_by_speaker, filter_starred_by_speaker, find_speakers};

/// One quote with where it came from, cleaned for export: whitespace runs
/// (line breaks too) are single spaces and control characters are gone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Citation {
    /// Who said it, when known.
    pub speaker: Option<String>,
    /// The quote's words, without the quotation marks around them.
    pub quote: String,
    /// The article's headline.
    pub headline: String,
    /// The publisher or agency.
    pub source: Option<String>,
    /// The publication date as written.
    pub date: Option<String>,
    /// Where the article was published.
    pub url: Option<String>,
    /// Where the article came from: its URL, else the input it was read
    /// from (a text file's path, `path:line` for a JSON line without an id,
    /// else the article's own id). Starred quotes keep only the URL.
    pub location: Option<String>,
    /// Whether the quote is word for word (it was in quotation marks), rather
    /// than reported speech.
    pub verbatim: bool,
}

impl Citation {
    /// The citation of `quote` in `article`, said by `speaker`.
    pub fn new(article: &Article, quote: &Quote, speaker: Option<&str>) -> Self {
        let raw = article.text.get(quote.span.clone()).unwrap_or_default();
        let (words, marked) = unquote(raw);
        let dateline = article.dateline.as_ref();
        Self {
            speaker: speaker.map(clean).filter(|s| !s.is_empty()),
            quote: words,
            headline: clean(&article.title),
            source: field(
                article
                    .source
                    .as_deref()
                    .or_else(|| dateline.and_then(|d| d.source.as_deref())),
            ),
            date: field(
                article
                    .published
                    .as_deref()
                    .or_else(|| dateline.and_then(|d| d.date.as_deref())),
            ),
            url: field(article.url.as_deref()),
            location: field(article.url.as_deref()).or_else(|| field(Some(&article.id))),
            verbatim: marked && quote.kind != QuoteKind::Reported,
        }
    }

    /// The citation of quote `quote` of entry `entry` of `corpus`, named with
    /// the corpus-wide speaker; `None` when there is no such quote.
    pub fn from_corpus(corpus: &Corpus, entry: usize, quote: usize) -> Option<Self> {
        let e = corpus.entries.get(entry)?;
        let q = e.quotes.get(quote)?;
        let speaker = corpus
            .speaker_of(entry, quote)
            .and_then(|s| corpus.speakers.get(s))
            .map(|s| s.name.as_str())
            .or(q.speaker.as_deref());
        let whole = e.with_text().ok()?;
        Some(Self::new(&whole.article, q, speaker))
    }
}

impl From<(&Entry, &Quote)> for Citation {
    /// Names the speaker as the article does (`quote.speaker`); use
    /// [`Citation::from_corpus`] for the corpus-wide name.
    fn from((entry, quote): (&Entry, &Quote)) -> Self {
        let whole = entry.with_text();
        let article = whole.as_ref().map_or(&entry.article, |e| &e.article);
        Self::new(article, quote, quote.speaker.as_deref())
    }
}

impl From<&StarredQuote> for Citation {
    fn from(star: &StarredQuote) -> Self {
        let (quote, verbatim) = unquote(&star.quote);
        Self {
            speaker: field(star.speaker.as_deref()),
            quote,
            headline: clean(&star.headline),
            source: field(star.source.as_deref()),
            date: field(star.date.as_deref()),
            url: field(star.url.as_deref()),
            location: field(star.url.as_deref()),
            verbatim,
        }
    }
}

impl From<StarredQuote> for Citation {
    fn from(star: StarredQuote) -> Self {
        Self::from(&star)
    }
}

/// Text on one line: whitespace runs become one space, control characters go.
fn clean(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().filter(|c| !c.is_control()));
    }
    out
}

fn field(text: Option<&str>) -> Option<String> {
    text.map(clean).filter(|t| !t.is_empty())
}

/// A quote's words without the marks around it, and whether it had them.
/// The comma that hands a quote over to its attribution (`“We won,” she
/// said`) goes too: it belongs to the sentence, not to the quote.
fn unquote(raw: &str) -> (String, bool) {
    const OPEN: &[char] = &['“', '"', '«', '„', '‘', '\'', '‹', '「'];
    const CLOSE: &[char] = &['”', '"', '»', '“', '’', '\'', '›', '」'];
    let text = clean(raw);
    let mut chars = text.chars();
    let (Some(first), Some(last)) = (chars.next(), chars.next_back()) else {
        return (text, false);
    };
    if !(OPEN.contains(&first) && CLOSE.contains(&last)) {
        return (text, false);
    }
    let inner = chars.as_str().trim();
    let inner = inner.strip_suffix(',').unwrap_or(inner).trim_end();
    (inner.to_string(), true)
}

/// The formats quotes can be exported in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    /// Citation blocks to paste into an article or notes.
    Markdown,
    /// Comma-separated values with a header row.
    Csv,
    /// One pretty-printed JSON array of objects.
    Json,
    /// One JSON object per line.
    Jsonl,
}

impl ExportFormat {
    /// The usual file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Self::Markdown => "md",
            Self::Csv => "csv",
            Self::Json => "json",
            Self::Jsonl => "jsonl",
        }
    }
}

/// Why quotes could not be written.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// Writing failed.
    #[error("cannot write the quotes: {0}")]
    Io(#[from] std::io::Error),
    /// The CSV writer failed.
    #[error("cannot write CSV: {0}")]
    Csv(#[from] csv::Error),
    /// The JSON writer failed.
    #[error("cannot write JSON: {0}")]
    Json(#[from] serde_json::Error),
}

/// Writes `citations` to `out` in `format`.
pub fn write<W: Write>(
    mut out: W,
    citations: &[Citation],
    format: ExportFormat,
) -> Result<(), ExportError> {
    match format {
        ExportFormat::Markdown => out.write_all(markdown(citations).as_bytes())?,
        ExportFormat::Csv => {
            let mut csv = csv::WriterBuilder::new()
                .has_headers(false)
                .from_writer(&mut out);
            // Written by hand rather than from the first record, so that an
            // export of nothing still says what its columns are.
            csv.write_record([
                "speaker", "quote", "headline", "source", "date", "url", "location", "verbatim",
            ])?;
            for c in citations {
                csv.serialize(c)?;
            }
            csv.flush()?;
        }
        ExportFormat::Json => {
            serde_json::to_writer_pretty(&mut out, citations)?;
            out.write_all(b"\n")?;
        }
        ExportFormat::Jsonl => {
            for c in citations {
                serde_json::to_writer(&mut out, c)?;
                out.write_all(b"\n")?;
            }
        }
    }
    out.flush()?;
    Ok(())
}

/// `citations` in `format`, as a string.
pub fn to_string(citations: &[Citation], format: ExportFormat) -> Result<String, ExportError> {
    let mut out = Vec::new();
    write(&mut out, citations, format)?;
    // Every writer above writes only `str` data.
    Ok(String::from_utf8_lossy(&out).into_owned())
}

/// Writes `citations` to the file `path` in `format`, replacing it whole:
/// the file is written beside it first, so a failure leaves the old one.
pub fn save(path: &Path, citations: &[Citation], format: ExportFormat) -> Result<(), ExportError> {
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(".partial");
    let tmp = std::path::PathBuf::from(tmp);
    let result = std::fs::File::create(&tmp)
        .map_err(ExportError::from)
        .and_then(|f| write(std::io::BufWriter::new(f), citations, format))
        .and_then(|()| std::fs::rename(&tmp, path).map_err(ExportError::from));
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// Citation blocks, one per quote, separated by blank lines:
///
/// ```text
/// > “Boats come first.”
/// >
/// > — Ona Brisk, *Harbour reopens*, Tidewire, March 3. https://…
/// ```
///
/// Reported speech is marked `(reported)` instead of put in quotation marks.
pub fn markdown(citations: &[Citation]) -> String {
    let mut out = String::new();
    for (i, c) in citations.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        if c.verbatim {
            out.push_str(&format!("> “{}”\n", c.quote));
        } else {
            out.push_str(&format!("> (reported) {}\n", c.quote));
        }
        out.push_str(">\n> —");
        let headline =
            (!c.headline.is_empty()).then(|| format!("*{}*", escape_emphasis(&c.headline)));
        let parts: Vec<&str> = [
            c.speaker.as_deref(),
            headline.as_deref(),
            c.source.as_deref(),
            c.date.as_deref(),
        ]
        .into_iter()
        .flatten()
        .collect();
        if !parts.is_empty() {
            out.push(' ');
            let credit = parts.join(", ");
            out.push_str(credit.strip_suffix('.').unwrap_or(&credit));
            out.push('.');
        }
        if let Some(at) = c.url.as_ref().or(c.location.as_ref()) {
            out.push(' ');
            out.push_str(at);
        }
        out.push('\n');
    }
    out
}

/// The quote's words in quotation marks when they were quoted word for
/// word, else as they are (reported speech).
pub fn quoted(c: &Citation) -> String {
    if c.verbatim {
        format!("“{}”", c.quote)
    } else {
        c.quote.clone()
    }
}

/// A citation on one line, to paste: `“Boats come first.” — Ona Brisk,
/// “Harbour reopens”, Tidewire, March 3. https://…` (the location, the URL
/// or file path, last).
pub fn citation_line(c: &Citation) -> String {
    let mut out = quoted(c);
    let headline = (!c.headline.is_empty()).then(|| format!("“{}”", c.headline));
    let parts: Vec<&str> = [
        c.speaker.as_deref(),
        headline.as_deref(),
        c.source.as_deref(),
        c.date.as_deref(),
    ]
    .into_iter()
    .flatten()
    .collect();
    if !parts.is_empty() {
        out.push_str(" — ");
        out.push_str(&parts.join(", "));
        out.push('.');
    }
    if let Some(at) = &c.location {
        out.push(' ');
        out.push_str(at);
    }
    out
}

/// Makes `*`, `_` and `\` in a headline literal inside `*…*`.
fn escape_emphasis(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '*' | '_' | '\\' | '`') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_and_the_handing_over_comma_are_taken_off() {
        assert_eq!(unquote("“We won,”"), ("We won".into(), true));
        assert_eq!(unquote("\"Fine.\""), ("Fine.".into(), true));
        assert_eq!(unquote("« Oui »"), ("Oui".into(), true));
        assert_eq!(
            unquote("the port would reopen"),
            ("the port would reopen".into(), false)
        );
        assert_eq!(unquote("“"), ("“".into(), false));
        assert_eq!(unquote(""), ("".into(), false));
    }

    #[test]
    fn control_characters_and_line_breaks_do_not_survive() {
        assert_eq!(clean("a\u{1b}[31m b\n\n c\r\t"), "a[31m b c");
    }
}
