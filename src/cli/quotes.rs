//! `hearsay quotes`: every quote of every article as JSONL, CSV or text.
//!
//! Articles are streamed: each is loaded, its quotes found and printed, then
//! dropped, so memory stays flat however many articles a JSONL file holds.
//! Offsets in the output are char (Unicode scalar value) offsets into the
//! article's `text`, end exclusive.

use std::io::{self, Write};
use std::ops::{ControlFlow, Range};
use std::path::PathBuf;

use serde::Serialize;

use super::Format;
use crate::article::{self, Item, LoadOptions};
use crate::corpus::Entry;
use crate::quote::{Quote, QuoteKind};
use crate::text::CharCounter;

/// What a run printed.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Summary {
    /// Articles loaded and printed.
    pub articles: usize,
    /// Quotes printed.
    pub quotes: usize,
    /// Problems reported (errors and warnings).
    pub problems: usize,
    /// Errors among them: inputs, or parts of them, that could not be read.
    pub failed: usize,
}

/// Why `hearsay quotes` failed.
#[derive(Debug, thiserror::Error)]
pub enum QuotesError {
    /// No path was given.
    #[error("no input: give files or folders of articles, or `-` to read standard input")]
    NoPaths,
    /// Every input failed to load.
    #[error("no articles loaded ({} reported above)", crate::text::plural(*.0, "problem"))]
    NothingLoaded(usize),
    /// Writing the output failed.
    #[error("writing the output: {0}")]
    Io(#[from] io::Error),
}

/// Runs the command on standard output and standard error. A closed output
/// pipe (`| head`) ends the run quietly.
pub fn run_stdio(
    paths: &[PathBuf],
    format: Format,
    options: LoadOptions,
) -> Result<Summary, QuotesError> {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut err = io::stderr();
    match run(paths, format, options, &mut out, &mut err)
        .and_then(|s| out.flush().map(|()| s).map_err(QuotesError::Io))
    {
        Err(QuotesError::Io(e)) if e.kind() == io::ErrorKind::BrokenPipe => Ok(Summary::default()),
        other => other,
    }
}

/// Loads `paths` article by article and writes their quotes to `out` in
/// `format`; problems go to `err` as they are met.
pub fn run(
    paths: &[PathBuf],
    format: Format,
    options: LoadOptions,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<Summary, QuotesError> {
    if paths.is_empty() {
        return Err(QuotesError::NoPaths);
    }
    let mut summary = Summary::default();
    let mut failure: Option<io::Error> = None;
    if format == Format::Csv {
        writeln!(out, "id,title,start,end,kind,speaker,text")?;
    }
    article::load_paths_each_with(paths, &options, |item| {
        let written = match item {
            Item::Article(a) => {
                let entry = Entry::new(a);
                summary.articles += 1;
                summary.quotes += entry.quotes.len();
                // Flushed per article so a pipe reader sees each as it is done.
                write_entry(&entry, format, out).and_then(|()| out.flush())
            }
            Item::Problem(p) => {
                summary.problems += 1;
                summary.failed += usize::from(p.is_fatal());
                // Problems name user paths and input text: keep control characters off the terminal.
                writeln!(err, "{}", super::problem_line(&p))
            }
        };
        match written {
            Ok(()) => ControlFlow::Continue(()),
            Err(e) => {
                failure = Some(e);
                ControlFlow::Break(())
            }
        }
    });
    if let Some(e) = failure {
        return Err(e.into());
    }
    if summary.articles == 0 && summary.failed > 0 {
        return Err(QuotesError::NothingLoaded(summary.problems));
    }
    if summary.articles == 0 {
        // Every input read as it should and held nothing (an empty feed):
        // nothing to print, and nothing failed.
        writeln!(err, "hearsay: note: no articles in the input")?;
    }
    Ok(summary)
}

/// A byte range as char offsets.
#[derive(Debug, Serialize)]
struct Span {
    start: usize,
    end: usize,
}

#[derive(Serialize)]
struct QuoteLine<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    kind: QuoteKind,
    speaker: Option<&'a str>,
    speaker_mention: Option<Span>,
    cue: Option<Span>,
}

#[derive(Serialize)]
struct ArticleLine<'a> {
    id: &'a str,
    title: &'a str,
    quotes: Vec<QuoteLine<'a>>,
}

fn write_entry(entry: &Entry, format: Format, out: &mut dyn Write) -> io::Result<()> {
    let text = &entry.article.text;
    let chars = CharMap::new(text, &entry.quotes);
    let quotes: Vec<QuoteLine<'_>> = entry
        .quotes
        .iter()
        .map(|q| {
            let span = chars.span(&q.span);
            QuoteLine {
                start: span.start,
                end: span.end,
                text: text.get(q.span.clone()).unwrap_or_default(),
                kind: q.kind,
                speaker: q.speaker.as_deref(),
                speaker_mention: q.mention.as_ref().map(|m| chars.span(m)),
                cue: q.cue.as_ref().map(|c| chars.span(c)),
            }
        })
        .collect();
    let line = ArticleLine {
        id: &entry.article.id,
        title: &entry.article.title,
        quotes,
    };
    match format {
        Format::Jsonl => {
            serde_json::to_writer(&mut *out, &line)?;
            writeln!(out)
        }
        Format::Csv => write_csv(&line, out),
        Format::Text => write_text(&line, out),
    }
}

fn kind_name(kind: QuoteKind) -> &'static str {
    match kind {
        QuoteKind::Direct => "direct",
        QuoteKind::Embedded => "embedded",
        QuoteKind::Reported => "reported",
        QuoteKind::Term => "term",
    }
}

fn write_csv(line: &ArticleLine<'_>, out: &mut dyn Write) -> io::Result<()> {
    for q in &line.quotes {
        let fields = [
            csv_field(line.id),
            csv_field(line.title),
            q.start.to_string(),
            q.end.to_string(),
            kind_name(q.kind).to_string(),
            csv_field(q.speaker.unwrap_or_default()),
            csv_field(q.text),
        ];
        writeln!(out, "{}", fields.join(","))?;
    }
    Ok(())
}

/// One CSV field, quoted when it must be (RFC 4180), control characters
/// other than line breaks and tabs replaced.
fn csv_field(value: &str) -> String {
    let clean: String = value
        .chars()
        .map(|c| {
            if c.is_control() && !matches!(c, '\n' | '\r' | '\t') {
                '\u{FFFD}'
            } else {
                c
            }
        })
        .collect();
    if clean.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", clean.replace('"', "\"\""))
    } else {
        clean
    }
}

fn write_text(line: &ArticleLine<'_>, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "{}  [{}]", printable(line.title), printable(line.id))?;
    if line.quotes.is_empty() {
        writeln!(out, "  (no quotes)")?;
    }
    for q in &line.quotes {
        let speaker = q.speaker.unwrap_or("?");
        writeln!(
            out,
            "  {:>6}-{:<6} {:<8} {}: {}",
            q.start,
            q.end,
            kind_name(q.kind),
            printable(speaker),
            printable(q.text)
        )?;
    }
    writeln!(out)
}

/// `s` on one line with whitespace runs as one space and no control characters.
fn printable(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s
        .split(|c: char| c.is_whitespace() || c.is_control())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Byte to char offsets for the offsets a set of quotes needs, found in one
/// pass over the text.
struct CharMap {
    bytes: Vec<usize>,
    chars: Vec<usize>,
}

impl CharMap {
    fn new(text: &str, quotes: &[Quote]) -> Self {
        let mut bytes: Vec<usize> = quotes
            .iter()
            .flat_map(|q| [Some(&q.span), q.mention.as_ref(), q.cue.as_ref()])
            .flatten()
            .flat_map(|r| [r.start, r.end])
            .collect();
        bytes.sort_unstable();
        bytes.dedup();
        let mut counter = CharCounter::new(text);
        let chars = bytes.iter().map(|&b| counter.chars_at(b)).collect();
        Self { bytes, chars }
    }

    fn at(&self, byte: usize) -> usize {
        // Every offset asked for was collected in `new`.
        self.bytes.binary_search(&byte).map_or(0, |i| self.chars[i])
    }

    fn span(&self, range: &Range<usize>) -> Span {
        Span {
            start: self.at(range.start),
            end: self.at(range.end),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_fields_are_quoted_when_needed() {
        assert_eq!(csv_field("plain"), "plain");
        assert_eq!(csv_field("a, \"b\""), "\"a, \"\"b\"\"\"");
        assert_eq!(csv_field("x\u{3}"), "x\u{FFFD}");
    }

    #[test]
    fn char_map_counts_chars() {
        let text = "“Ja,” sagte Wi Sung‑lac.";
        let quotes = crate::quote::extract(text);
        let map = CharMap::new(text, &quotes);
        let span = map.span(&quotes[0].span);
        assert_eq!((span.start, span.end), (0, 5));
    }

    #[test]
    fn printable_drops_control_characters() {
        assert_eq!(printable("a\u{1b}[31m\n b"), "a [31m b");
    }
}
