//! An article wrapped to a width: rows of styled segments, and where each
//! quote starts. Built once per (article, width) and cached by the app, so a
//! frame renders only the visible rows and `n`/`N` is a lookup.
//!
//! No ratatui here: `ui::reader` turns [`Row`]s into styled lines, taking
//! each segment's display text from [`Seg::text`], which sanitises it.
//!
//! Rows are the headline, a meta line (dateline, source, date, byline), the
//! link when there is one, a blank row, then the body's paragraphs with a
//! blank row between them.
//! Inside a paragraph every run of white space shows as one space. Rows
//! break at white space, and after a hyphen or dash when a word does not fit
//! (never at a no-break space or the no-break hyphen U+2011); a word still
//! wider than the row is broken between characters. Each quotation with a
//! speaker (direct, embedded or reported) is followed by a label,
//! ` — Wi Sung‑lac`, placed like a word after the word where the quote ends.
//! Laying out is linear in the text and the quotes: quotes are flattened
//! once into sorted role spans that a cursor walks alongside the words.
//!
//! ```
//! use hearsay::article::Article;
//! use hearsay::corpus::Entry;
//! use hearsay::layout::{layout, Role};
//! use hearsay::quote::{Quote, QuoteKind};
//!
//! let text = "“We will win,” Ana Ruiz said.".to_string();
//! let quote = Quote {
//!     span: 0..text.find(',').unwrap() + 4,
//!     kind: QuoteKind::Direct,
//!     speaker: Some("Ana Ruiz".into()),
//!     mention: text.find("Ana").map(|a| a..a + 8),
//!     cue: None,
//!     parent: None,
//!     source: None,
//!     confidence: None,
//! };
//! let body = 0..text.len();
//! let article = Article { title: "Match".into(), text, body, ..Article::default() };
//! let entry = Entry { article, quotes: vec![quote] };
//! let lay = layout(&entry, 30);
//! let rows: Vec<String> = (0..lay.rows.len()).map(|r| lay.row_text(r, &entry.article.text)).collect();
//! assert_eq!(rows, ["Match", "", "“We will win,” — Ana Ruiz Ana", "Ruiz said."]);
//! assert_eq!(lay.quote_rows, [2]);
//! let roles: Vec<Role> = lay.rows[2].segs.iter().map(|s| s.role).collect();
//! assert_eq!(roles, [Role::Quote(0), Role::Speaker(0), Role::Body, Role::Mention(0)]);
//! ```

use std::borrow::Cow;
use std::ops::Range;

use crate::article::Article;
use crate::corpus::Entry;
use crate::quote::{Quote, QuoteKind};
use crate::text::{display_width, sanitize};

mod roles;
mod wrap;

use roles::Cursor;
use wrap::{Builder, Sep, Words};

/// What a segment of a row is, which decides its style.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// The headline.
    Headline,
    /// Dateline, source, date, byline.
    Meta,
    /// Ordinary body text.
    Body,
    /// Text inside quote `n` (index into the entry's quotes) that has a speaker.
    Quote(usize),
    /// Text of quote `n` that is nobody's quote (a scare quote or term), or has no speaker.
    Unattributed(usize),
    /// The clause of reported speech `n`.
    Reported(usize),
    /// The mention in the text that names the speaker of quote `n`.
    Mention(usize),
    /// The speaker label shown after quote `n` (generated text).
    Speaker(usize),
}

impl Role {
    /// The index of the quote this role belongs to, if any.
    pub fn quote(self) -> Option<usize> {
        match self {
            Role::Quote(n)
            | Role::Unattributed(n)
            | Role::Reported(n)
            | Role::Mention(n)
            | Role::Speaker(n) => Some(n),
            Role::Headline | Role::Meta | Role::Body => None,
        }
    }
}

/// Where a segment's text comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// A byte range of the article's text (untrusted: sanitise before display).
    Text(Range<usize>),
    /// Text made by hearsay (a speaker label, the headline, a meta line),
    /// already sanitised.
    Owned(String),
}

/// A run of text in one style.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Seg {
    /// The text.
    pub source: Source,
    /// How it is shown.
    pub role: Role,
}

impl Seg {
    /// The text to show for this segment, sanitised (see [`sanitize`]):
    /// `article_text` is the text of the article the layout was made from.
    /// A text segment may hold one white-space byte between words (a tab or
    /// newline included), which shows as a space.
    pub fn text<'a>(&'a self, article_text: &'a str) -> Cow<'a, str> {
        match &self.source {
            Source::Text(r) => sanitize(article_text.get(r.clone()).unwrap_or_default()),
            Source::Owned(s) => Cow::Borrowed(s),
        }
    }
}

/// One screen row.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Row {
    /// The segments, left to right.
    pub segs: Vec<Seg>,
}

/// Where the speaker labels of quotations go.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Labels {
    /// After the word where the quote ends, in the text: `“…,” — Ana Ruiz`.
    /// Breaks the sentence; kept for [`layout`], which tests and fuzzing use.
    Inline,
    /// In a margin column beside each quote's first row: the layout holds
    /// none in its rows, only [`ArticleLayout::margin`], for the ui to draw.
    #[default]
    Margin,
    /// On a row of their own after the paragraph where their quotes end.
    Paragraph,
    /// None: the speaker's colour alone tells.
    Off,
}

/// An article laid out at one width.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ArticleLayout {
    /// The width it was wrapped to, in columns.
    pub width: u16,
    /// Where it put the speaker labels.
    pub labels: Labels,
    /// With [`Labels::Margin`], the labels to draw beside the text: the row
    /// and the quote, rows strictly increasing (a label that would share a
    /// row with the one before moves down a row).
    pub margin: Vec<(usize, usize)>,
    /// Every row, top to bottom.
    pub rows: Vec<Row>,
    /// For each quote of the entry (same index), the row where it starts.
    pub quote_rows: Vec<usize>,
    /// For each row, the offset in the article's text of its first byte of
    /// text; rows without any (headline, meta, blank, label-only rows) take
    /// the offset of the next row that has some, or `usize::MAX` at the end.
    /// Non-decreasing, so [`ArticleLayout::row_of_offset`] can bisect it.
    pub row_starts: Vec<usize>,
}

impl ArticleLayout {
    /// The rows from `top` on, at most `height` of them (empty past the end).
    pub fn visible(&self, top: usize, height: usize) -> &[Row] {
        let start = top.min(self.rows.len());
        let end = top.saturating_add(height).min(self.rows.len());
        &self.rows[start..end]
    }

    /// The row showing byte `offset` of the article's text: for white space,
    /// the row of the word before it; before the body, the body's first row;
    /// 0 when there is no body.
    pub fn row_of_offset(&self, offset: usize) -> usize {
        let Some(&first) = self.row_starts.first() else {
            return 0;
        };
        let at = offset.max(first);
        self.row_starts
            .partition_point(|&s| s <= at)
            .saturating_sub(1)
    }

    /// The margin labels on rows `top..top + height`, in order.
    pub fn margin_in(&self, top: usize, height: usize) -> &[(usize, usize)] {
        let from = self.margin.partition_point(|&(r, _)| r < top);
        let to = self
            .margin
            .partition_point(|&(r, _)| r < top.saturating_add(height));
        &self.margin[from..to.max(from)]
    }

    /// The text shown on row `row`, sanitised (empty past the end).
    pub fn row_text(&self, row: usize, article_text: &str) -> String {
        let Some(r) = self.rows.get(row) else {
            return String::new();
        };
        r.segs.iter().map(|s| s.text(article_text)).collect()
    }
}

/// Lays out `entry` at `width` columns (0 is taken as 1).
///
/// A row is at most `width` columns wide, measured with `unicode-width` on
/// its sanitised text, unless it holds a single character wider than that.
pub fn layout(entry: &Entry, width: u16) -> ArticleLayout {
    layout_with(entry, width, Labels::Inline)
}

/// Lays out `entry` at `width` columns with its speaker labels placed as
/// `labels` says. With [`Labels::Margin`], `width` is the text's alone.
///
/// A label is left out where the quote's own mention names its speaker in
/// full close by: on the quote's first row (margin), in the same paragraph
/// (end of paragraph); and a margin label is not repeated for the same
/// speaker's next quote in one paragraph.
pub fn layout_with(entry: &Entry, width: u16, labels: Labels) -> ArticleLayout {
    layout_paragraphs(entry, width, &paragraphs(&entry.article), labels)
}

/// Lays out `entry` with the body split into `paras`, byte ranges of the
/// text on char boundaries.
fn layout_paragraphs(
    entry: &Entry,
    width: u16,
    paras: &[Range<usize>],
    place: Labels,
) -> ArticleLayout {
    let article = &entry.article;
    let text = article.text.as_str();
    let mut b = Builder::new(text, usize::from(width));
    header(&mut b, article);
    let dateline = article.dateline.as_ref().map(|d| &d.span);
    let spans = roles::role_spans(text, &entry.quotes, dateline);
    let mut labels = LabelQueue::new(text, &entry.quotes, place);
    body(&mut b, text, paras, &mut Cursor::new(&spans), &mut labels);
    let (rows, row_starts) = b.finish();
    let mut out = ArticleLayout {
        width,
        labels: place,
        margin: Vec::new(),
        rows,
        quote_rows: Vec::new(),
        row_starts,
    };
    out.quote_rows = (entry.quotes.iter())
        .map(|q| out.row_of_offset(roles::clamp(text, &q.span).start))
        .collect();
    if place == Labels::Margin {
        out.margin = margin(&out, paras, &labels.order);
    }
    out
}

/// The margin labels of `order`'s quotes: beside each quote's first row,
/// left out when the mention names the speaker in full on that row or the
/// same speaker's label was the last one in the paragraph, moved down a
/// row when the row above took it.
fn margin(lay: &ArticleLayout, paras: &[Range<usize>], order: &[Label]) -> Vec<(usize, usize)> {
    let mut by_start: Vec<&Label> = order.iter().collect();
    by_start.sort_by_key(|l| (l.start, l.quote));
    let mut out: Vec<(usize, usize)> = Vec::new();
    let mut last: Option<(usize, &str)> = None;
    for l in by_start {
        let Some(row) = lay.quote_rows.get(l.quote).copied() else {
            continue;
        };
        let para = paras.partition_point(|p| p.end <= l.start);
        if paras.get(para).is_none_or(|p| p.start > l.start) {
            continue;
        }
        let named_on_row = l.named_at.is_some_and(|at| lay.row_of_offset(at) == row);
        if named_on_row || last == Some((para, l.name.as_str())) {
            continue;
        }
        last = Some((para, l.name.as_str()));
        let row = out.last().map_or(row, |&(prev, _)| row.max(prev + 1));
        out.push((row, l.quote));
    }
    out
}

/// The headline, the meta line and the link, each wrapped.
fn header(b: &mut Builder, article: &Article) {
    b.owned_text(&sanitize(&article.title), Role::Headline);
    b.break_row();
    b.owned_text(&sanitize(&meta_line(article)), Role::Meta);
    b.break_row();
    if let Some(url) = article
        .url
        .as_deref()
        .map(str::trim)
        .filter(|u| !u.is_empty())
    {
        b.owned_text(&sanitize(url), Role::Meta);
        b.break_row();
    }
}

/// Dateline place, date and source, the publisher, date and byline, each
/// once, joined by a dot that stays on the row of the item before it.
/// The publication date reads as a date (`26 Feb 1987 15:01`, local time
/// for a zoned one); a dateline date on that same day is left out.
fn meta_line(a: &Article) -> String {
    let published = a.published.as_deref().map(str::trim);
    let when = published.and_then(crate::dates::parse);
    let shown =
        published.map(|p| crate::dates::reading_date(p).map_or(Cow::Borrowed(p), Cow::Owned));
    let mut parts: Vec<&str> = Vec::new();
    if let Some(d) = &a.dateline {
        parts.push(&d.place);
        let repeats = |date: &&String| when.is_some_and(|w| crate::dates::same_day(date, w));
        parts.extend(d.date.as_ref().filter(|d| !repeats(d)).map(String::as_str));
        parts.extend(d.source.as_deref());
    }
    parts.extend(a.source.as_deref());
    parts.extend(shown.as_deref());
    parts.extend(a.byline.as_deref());
    let mut seen: Vec<&str> = Vec::new();
    for p in parts.into_iter().map(str::trim).filter(|p| !p.is_empty()) {
        if !seen.contains(&p) {
            seen.push(p);
        }
    }
    seen.join("\u{a0}· ")
}

/// The body's paragraphs, limited to the text and in order: none when the
/// body range is not a valid range of the text (rather than a panic), and
/// a paragraph that starts before the previous one ends is dropped.
fn paragraphs(a: &Article) -> Vec<Range<usize>> {
    if a.text.get(a.body.clone()).is_none() {
        return Vec::new();
    }
    let mut paras = a.paragraphs();
    let mut end = 0;
    paras.retain(|p| {
        let keep = p.start >= end && a.text.get(p.clone()).is_some();
        if keep {
            end = p.end;
        }
        keep
    });
    paras
}

/// Lays out the paragraphs, with a blank row before each unless it is first.
fn body(
    b: &mut Builder,
    text: &str,
    paras: &[Range<usize>],
    roles: &mut Cursor,
    labels: &mut LabelQueue,
) {
    // Labels after a word are placed once the next word's start is known;
    // labels at a paragraph's end once the next paragraph is reached.
    let mut prev: Option<Range<usize>> = None;
    let mut prev_para: Option<&Range<usize>> = None;
    for para in paras {
        let mut sep = None;
        for word in Words::new(text, para.clone()) {
            if let Some(p) = &prev {
                if sep.is_none() {
                    labels.end_paragraph(b, prev_para, para.start);
                }
                labels.place(b, p, word.range.start);
            }
            if sep.is_none() && !b.is_empty() {
                b.blank_row();
            }
            let w = if word.ascii {
                word.range.len()
            } else {
                display_width(text.get(word.range.clone()).unwrap_or_default())
            };
            b.text_word(&word, w, sep, roles);
            sep = Some(match text.as_bytes().get(word.range.end) {
                Some(c) if c.is_ascii() => Sep::Text(word.range.end),
                _ => Sep::Space(word.range.end),
            });
            prev = Some(word.range);
            prev_para = Some(para);
        }
    }
    if let Some(p) = prev {
        labels.place(b, &p, usize::MAX);
        labels.end_paragraph(b, prev_para, usize::MAX);
    }
}

/// A speaker label: where its quote starts and ends, the quote, the
/// speaker's name, the text and its width, and where the quote's mention
/// names the speaker in full, if it does.
struct Label {
    start: usize,
    end: usize,
    quote: usize,
    name: String,
    text: String,
    width: usize,
    named_at: Option<usize>,
}

/// The speaker labels, handed out in order of the ends of their quotes.
struct LabelQueue {
    order: Vec<Label>,
    next: usize,
    place: Labels,
}

/// Whether `mention` (`Mara Okonkwo said`) holds `name` in full, as whole
/// words: `Lee Jae‑Myung` and `lee jae-myung` are one name (case, runs of
/// white space and the kind of hyphen do not count).
fn names_in_full(mention: &str, name: &str) -> bool {
    let fold = |s: &str| -> String {
        let words: Vec<&str> = s
            .split(wrap::is_break_space)
            .filter(|w| !w.is_empty())
            .collect();
        format!(" {} ", words.join(" "))
            .replace(['\u{2011}', '\u{2010}'], "-")
            .to_lowercase()
    };
    let name = fold(name);
    name.trim() != "" && fold(mention).contains(&name)
}

impl LabelQueue {
    /// Labels for the quotations of `quotes` that have a speaker.
    fn new(text: &str, quotes: &[Quote], place: Labels) -> Self {
        let mut order: Vec<Label> = (quotes.iter().enumerate())
            .filter(|(_, q)| q.kind != QuoteKind::Term)
            .filter_map(|(i, q)| {
                let name = q
                    .speaker
                    .as_deref()?
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ");
                let named_at = q
                    .mention
                    .as_ref()
                    .filter(|m| {
                        text.get((*m).clone())
                            .is_some_and(|t| names_in_full(t, &name))
                    })
                    .map(|m| m.start);
                let name = sanitize(&name).into_owned();
                let text = format!("— {name}");
                let width = display_width(&text);
                let (start, end) = (q.span.start, q.span.end);
                Some(Label {
                    start,
                    end,
                    quote: i,
                    name,
                    text,
                    width,
                    named_at,
                })
            })
            .collect();
        // Of quotes ending together the inner one, which starts later, first.
        order.sort_by_key(|l| (l.end, std::cmp::Reverse(l.start), l.quote));
        Self {
            order,
            next: 0,
            place,
        }
    }

    /// After `word`, places the labels of quotes ending by `bound` (the
    /// next word's start) that overlap the word: others show no text.
    /// Inline labels only; the others wait for the paragraph's end.
    fn place(&mut self, b: &mut Builder, word: &Range<usize>, bound: usize) {
        if self.place != Labels::Inline {
            return;
        }
        while let Some(l) = self.order.get(self.next).filter(|l| l.end <= bound) {
            if l.start < word.end && l.end > word.start {
                b.owned_word(&l.text, l.width, Role::Speaker(l.quote));
            }
            self.next += 1;
        }
    }

    /// At the end of paragraph `para`, the next one starting at `bound`:
    /// with end-of-paragraph labels, a row naming once each speaker of the
    /// quotes that end in it, unless the paragraph names them in full.
    fn end_paragraph(&mut self, b: &mut Builder, para: Option<&Range<usize>>, bound: usize) {
        match self.place {
            Labels::Inline | Labels::Margin | Labels::Off => {}
            Labels::Paragraph => {
                let Some(para) = para.cloned() else {
                    return;
                };
                let from = self.next;
                while self.order.get(self.next).is_some_and(|l| l.end <= bound) {
                    self.next += 1;
                }
                let ending = &self.order[from..self.next];
                let inside = |l: &&Label| l.start < para.end && l.end > para.start;
                // A speaker one of the paragraph's quotes names in full is
                // named for all of them.
                let named: Vec<&str> = (ending.iter().filter(inside))
                    .filter(|l| l.named_at.is_some_and(|at| para.contains(&at)))
                    .map(|l| l.name.as_str())
                    .collect();
                let mut names: Vec<(usize, &Label)> = Vec::new();
                for l in ending.iter().filter(inside) {
                    let seen = names.iter().any(|(_, n)| n.name == l.name);
                    if !seen && !named.contains(&l.name.as_str()) {
                        names.push((l.quote, l));
                    }
                }
                let mut first = true;
                for (q, l) in names {
                    if first {
                        b.break_row();
                        b.owned_word(&l.text, l.width, Role::Speaker(q));
                    } else {
                        let more = format!("· {}", l.name);
                        b.owned_word(&more, display_width(&more), Role::Speaker(q));
                    }
                    first = false;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests;
