//! An article wrapped to a width: rows of styled segments, and where each
//! quote starts. Built once per (article, width) and cached by the app, so a
//! frame renders only the visible rows and `n`/`N` is a lookup.
//!
//! No ratatui here: `ui::reader` turns [`Row`]s into styled lines.

use std::ops::Range;

use crate::corpus::Entry;

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

/// Where a segment's text comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// A byte range of the article's text (untrusted: sanitise before display).
    Text(Range<usize>),
    /// Text made by hearsay (a speaker label, the headline, a meta line).
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

/// One screen row.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Row {
    /// The segments, left to right.
    pub segs: Vec<Seg>,
}

/// An article laid out at one width.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ArticleLayout {
    /// The width it was wrapped to, in columns.
    pub width: u16,
    /// Every row, top to bottom.
    pub rows: Vec<Row>,
    /// For each quote of the entry (same index), the row where it starts.
    pub quote_rows: Vec<usize>,
}

/// Lays out `entry` at `width` columns.
pub fn layout(entry: &Entry, width: u16) -> ArticleLayout {
    let _ = entry;
    ArticleLayout {
        width,
        ..ArticleLayout::default()
    }
}
