//! Finding quotations in an article and naming who said them.
//!
//! Everything here is a pure function of `&str`: no terminal, no I/O, no
//! model. [`extract`] runs in linear time, in steps:
//!
//! 0. `paragraphs`: the breaks that only wrap a paragraph (hard-wrapped
//!    wire copy) become spaces, so later steps see paragraphs as written.
//! 1. `marks`: one byte scan finds the spans between quotation marks
//!    (curly, straight, guillemets, corner brackets; single marks only
//!    nested), multi-paragraph quotes and unclosed ones.
//! 2. `tokens`: words (with abbreviation periods), punctuation, line breaks.
//! 3. `attrib`: for each quote, the speech cue and its subject in the
//!    sentence around it (after the quote, before it, the sentence's
//!    subject, the previous sentence, or the previous quote), in bounded
//!    windows of tokens; `lexicon` holds the word lists.
//! 4. `pipeline`: kinds (direct, embedded, term, reported), pronouns and
//!    descriptions resolved to the last fitting speaker, names made
//!    canonical by `names` (the fullest unambiguous form in the article).
//!
//! ```
//! use hearsay::quote::{extract, QuoteKind};
//! let text = "Sen. Ana Ruiz spoke. “We will win,” Ruiz said of her “Fair Deal” plan.";
//! let q = extract(text);
//! assert_eq!(q[0].speaker.as_deref(), Some("Ana Ruiz"));
//! assert_eq!(q[1].kind, QuoteKind::Term);
//! ```

use std::ops::Range;

use serde::Serialize;

mod attrib;
mod lexicon;
mod marks;
mod names;
mod paragraphs;
mod pipeline;
mod tokens;

pub(crate) use lexicon::ends_sentence;

/// Whether `w` is a title, role, party or nationality word written before a
/// name (`Sen.`, `Lord`, `Tory`), never a first name.
pub(crate) fn is_role_word(w: &str) -> bool {
    lexicon::is_title(w) || lexicon::is_affiliation(w)
}

/// What a quoted span is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// A statement quoted whole.
    Direct,
    /// A quoted fragment inside a paraphrase: calling it the “most sensitive” topic.
    Embedded,
    /// Reported speech without quotation marks; the span is the reported clause.
    Reported,
    /// Quoted text that is nobody's quote: a scare quote, title, nickname or term.
    Term,
}

/// One quotation found in a text. All ranges are byte offsets into that text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    /// The quoted span, marks included (for `Reported`, the reported clause).
    pub span: Range<usize>,
    /// What kind of quotation this is.
    pub kind: QuoteKind,
    /// The speaker's canonical name, or `None` when it is not known.
    pub speaker: Option<String>,
    /// Where the speaker is named for this quote (`Wi` of `Wi added`, `He`).
    pub mention: Option<Range<usize>>,
    /// The speech cue (`said`, `according to`).
    pub cue: Option<Range<usize>>,
    /// Index (in the same `Vec`) of the quote this one is nested inside.
    pub parent: Option<usize>,
}

impl Quote {
    /// Whether this span is someone's quotation (not a scare quote or term).
    pub fn is_quotation(&self) -> bool {
        self.kind != QuoteKind::Term
    }

    /// Whether this is a quotation between marks (direct or embedded): what
    /// `n`/`N` visit and what quote counts count. Reported speech is shown,
    /// more quietly, but is not counted as a quote.
    pub fn is_marked_quotation(&self) -> bool {
        matches!(self.kind, QuoteKind::Direct | QuoteKind::Embedded)
    }
}

/// Finds every quotation in `text`, sorted by start offset (a nested quote
/// comes right after its parent).
pub fn extract(text: &str) -> Vec<Quote> {
    pipeline::run(text)
}
