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
use crate::quote::confidence::{self, Features};
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

/// How sure a speaker must be to be given plainly, and whether to say why.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Show {
    /// Below this confidence a speaker is still given, flagged uncertain.
    pub min_confidence: f32,
    /// Give, for each quote, the rule, cue, mention, features and confidence.
    pub explain: bool,
    /// Give each article's text (the text the offsets count into), link
    /// and metadata (JSONL only).
    pub with_text: bool,
}

impl Default for Show {
    fn default() -> Self {
        Show {
            min_confidence: confidence::default_min_confidence(),
            explain: false,
            with_text: false,
        }
    }
}

/// Runs the command on standard output and standard error. A closed output
/// pipe (`| head`) ends the run quietly.
pub fn run_stdio(
    paths: &[PathBuf],
    format: Format,
    options: LoadOptions,
    show: Show,
) -> Result<Summary, QuotesError> {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut err = io::stderr();
    match run_showing(paths, format, options, show, &mut out, &mut err)
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
    run_showing(paths, format, options, Show::default(), out, err)
}

/// [`run`], with the threshold and explanations of `show`.
pub fn run_showing(
    paths: &[PathBuf],
    format: Format,
    options: LoadOptions,
    show: Show,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<Summary, QuotesError> {
    if paths.is_empty() {
        return Err(QuotesError::NoPaths);
    }
    let mut summary = Summary::default();
    let mut failure: Option<io::Error> = None;
    if format == Format::Csv {
        writeln!(
            out,
            "id,title,start,end,kind,speaker,confidence,uncertain,text,role"
        )?;
    }
    article::load_paths_each_with(paths, &options, |item| {
        let written = match item {
            Item::Article(a) => {
                let entry = Entry::new(a);
                summary.articles += 1;
                summary.quotes += entry.quotes.len();
                // Flushed per article so a pipe reader sees each as it is done.
                write_entry(&entry, format, show, out).and_then(|()| out.flush())
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
    /// The role written before the speaker's name (`Tory MP`).
    #[serde(skip_serializing_if = "Option::is_none")]
    role: Option<&'a str>,
    /// P(speaker right), to three decimals; none without a speaker.
    confidence: Option<f64>,
    /// Below the threshold: the speaker is given but not to be relied on.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    uncertain: bool,
    speaker_mention: Option<Span>,
    cue: Option<Span>,
    /// The index (in this line's `quotes`) of the quote this one sits in.
    parent: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    explain: Option<Explain<'a>>,
}

/// Why a quote has its speaker: the rule that won, the cue and mention as
/// written, the facts the confidence was computed from, and each
/// feature's part in it.
#[derive(Serialize)]
struct Explain<'a> {
    rule: Option<&'static str>,
    cue: Option<&'a str>,
    mention: Option<&'a str>,
    #[serde(flatten)]
    facts: Option<Features>,
    /// Each feature that is not zero: its value and its weight.
    features: Vec<FeatureLine>,
    confidence: Option<f64>,
    /// The generator whose candidate won.
    generator: Option<&'static str>,
    /// Every candidate the generators proposed, in precedence order.
    candidates: Vec<CandidateLine<'a>>,
}

/// One candidate speaker of a quote, with its ranker score.
#[derive(Serialize)]
struct CandidateLine<'a> {
    generator: &'static str,
    rule: &'static str,
    mention: Option<&'a str>,
    cue: Option<&'a str>,
    speaker: Option<String>,
    score: f64,
    won: bool,
}

#[derive(Serialize)]
struct FeatureLine {
    name: &'static str,
    value: f64,
    weight: f64,
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

fn explain<'a>(text: &'a str, e: crate::quote::explain::Explanation) -> Explain<'a> {
    let features = (e.features.iter())
        .map(|f| FeatureLine {
            name: f.name,
            value: round3(f.value),
            weight: round3(f.weight),
        })
        .collect();
    Explain {
        rule: e.rule,
        cue: e.cue.clone().and_then(|c| text.get(c)),
        mention: e.mention.clone().and_then(|m| text.get(m)),
        generator: e.generator(),
        features,
        confidence: e.confidence.map(|c| round3(f64::from(c))),
        candidates: (e.candidates.into_iter().enumerate())
            .map(|(i, v)| CandidateLine {
                generator: v.generator.name(),
                rule: v.source.name(),
                mention: text.get(v.mention.clone()),
                cue: text.get(v.cue.clone()),
                speaker: v.speaker,
                score: round3(f64::from(v.score)),
                won: e.chosen == Some(i),
            })
            .collect(),
        facts: e.facts,
    }
}

#[derive(Serialize)]
struct ArticleLine<'a> {
    id: &'a str,
    title: &'a str,
    quotes: Vec<QuoteLine<'a>>,
    /// With `--with-text`: the article itself.
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    article: Option<ArticleText<'a>>,
}

/// An article's text and what is known of it, for `--with-text`: for HTML
/// pages and feed items the text the offsets count into is otherwise never
/// shown. Offsets are in characters, as the quotes' are.
#[derive(Serialize)]
struct ArticleText<'a> {
    text: &'a str,
    /// Where the story runs in `text`, after the headline and front matter
    /// and before site boilerplate.
    body: Span,
    url: Option<&'a str>,
    source: Option<&'a str>,
    published: Option<&'a str>,
    byline: Option<&'a str>,
    dateline: Option<DatelineText<'a>>,
}

#[derive(Serialize)]
struct DatelineText<'a> {
    start: usize,
    end: usize,
    place: &'a str,
    date: Option<&'a str>,
    source: Option<&'a str>,
}

fn article_text(article: &crate::article::Article) -> ArticleText<'_> {
    // A dateline opens the body, so it is asked after the body's span; the
    // counter walks again from the start for an earlier offset, still right.
    let mut counter = CharCounter::new(&article.text);
    let mut span = |r: &Range<usize>| Span {
        start: counter.chars_at(r.start),
        end: counter.chars_at(r.end),
    };
    let body = span(&article.body);
    ArticleText {
        text: &article.text,
        body,
        url: article.url.as_deref(),
        source: article.source.as_deref(),
        published: article.published.as_deref(),
        byline: article.byline.as_deref(),
        dateline: article.dateline.as_ref().map(|d| {
            let at = span(&d.span);
            DatelineText {
                start: at.start,
                end: at.end,
                place: &d.place,
                date: d.date.as_deref(),
                source: d.source.as_deref(),
            }
        }),
    }
}

fn write_entry(entry: &Entry, format: Format, show: Show, out: &mut dyn Write) -> io::Result<()> {
    let text = &entry.article.text;
    let chars = CharMap::new(text, &entry.quotes);
    let mut explained = if show.explain {
        crate::quote::explain::explain_all(text, &entry.quotes)
    } else {
        Vec::new()
    };
    explained.truncate(entry.quotes.len());
    let mut explained = explained.into_iter();
    let quotes: Vec<QuoteLine<'_>> = (entry.quotes.iter())
        .map(|q| {
            let span = chars.span(&q.span);
            QuoteLine {
                start: span.start,
                end: span.end,
                text: text.get(q.span.clone()).unwrap_or_default(),
                kind: q.kind,
                speaker: q.speaker.as_deref(),
                role: q.role(text),
                confidence: q.confidence.map(|c| round3(f64::from(c))),
                uncertain: q.is_uncertain(show.min_confidence),
                speaker_mention: q.mention.as_ref().map(|m| chars.span(m)),
                cue: q.cue.as_ref().map(|c| chars.span(c)),
                parent: q.parent,
                explain: explained.next().map(|e| explain(text, e)),
            }
        })
        .collect();
    let line = ArticleLine {
        id: &entry.article.id,
        title: &entry.article.title,
        quotes,
        article: show.with_text.then(|| article_text(&entry.article)),
    };
    match format {
        Format::Jsonl => {
            // serde_json writes a few bytes at a time: gathered here, in a
            // buffer whose writes inline, rather than each a call through
            // `dyn Write`.
            let mut buffered = io::BufWriter::with_capacity(1 << 16, &mut *out);
            serde_json::to_writer(&mut buffered, &line)?;
            writeln!(buffered)?;
            buffered.flush()
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
            q.confidence.map_or_else(String::new, |c| format!("{c:.3}")),
            if q.uncertain { "true" } else { "" }.to_string(),
            csv_field(q.text),
            csv_field(q.role.unwrap_or_default()),
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
        let speaker = match (q.speaker, q.confidence) {
            (Some(s), Some(c)) => {
                let mark = if q.uncertain { "?" } else { "" };
                format!("{}{mark} ({c:.2})", printable(s))
            }
            (Some(s), None) => printable(s),
            (None, _) => "?".to_string(),
        };
        writeln!(
            out,
            "  {:>6}-{:<6} {:<8} {speaker}: {}",
            q.start,
            q.end,
            kind_name(q.kind),
            printable(q.text)
        )?;
        if let Some(e) = &q.explain {
            write_explain(e, out)?;
        }
    }
    writeln!(out)
}

/// An explanation for reading, indented under its quote.
fn write_explain(e: &Explain<'_>, out: &mut dyn Write) -> io::Result<()> {
    let shown =
        |s: Option<&str>| s.map_or_else(|| "none".to_string(), |s| format!("“{}”", printable(s)));
    writeln!(
        out,
        "      rule {}, cue {}, mention {}",
        e.rule.unwrap_or("none"),
        shown(e.cue),
        shown(e.mention)
    )?;
    for (i, c) in e.candidates.iter().enumerate() {
        writeln!(
            out,
            "      candidate {} {} ({}): mention {}, cue {}, speaker {}, score {:.3}{}",
            i + 1,
            c.generator,
            c.rule,
            shown(c.mention),
            shown(c.cue),
            c.speaker
                .as_deref()
                .map_or_else(|| "none".into(), printable),
            c.score,
            if c.won { ", won" } else { "" }
        )?;
    }
    let Some(f) = &e.facts else {
        return writeln!(out, "      no speaker, no confidence");
    };
    let kind = f.mention.map_or("none", |k| k.name());
    let yes = |b: bool| if b { "yes" } else { "no" };
    writeln!(
        out,
        "      mention kind {kind}; {} words, {} sentence ends, {} paragraph breaks away; \
         spoke before: {}; resolved: {}",
        f.words_between,
        f.sentences_between,
        f.paragraphs_between,
        yes(f.spoke_before),
        yes(f.resolved)
    )?;
    let parts: Vec<String> = e
        .features
        .iter()
        .map(|l| format!("{} {} × {:+.3}", l.name, l.value, l.weight))
        .collect();
    writeln!(out, "      features: {}", parts.join(", "))?;
    writeln!(
        out,
        "      confidence {:.3}",
        e.confidence.unwrap_or_default()
    )
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
