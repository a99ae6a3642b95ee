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
pub mod confidence;
pub mod explain;
mod layouts;
mod lexicon;
mod marks;
mod names;
mod paragraphs;
mod pipeline;
pub mod rank;
mod tokens;

pub(crate) use lexicon::ends_sentence;
pub use lexicon::{Case, Gender, Lexicon, PronounKind};

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

/// The rule that found a quote's speaker: which step of attribution won,
/// so a wrong name can be traced to it (and weighed by [`confidence`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    /// A cue after the quote: `“…,” Ruiz said`.
    CueAfter,
    /// A cue before the quote: `Ruiz said: “…”`.
    CueBefore,
    /// `according to Ruiz`.
    AccordingTo,
    /// A speaker before a colon with no cue: `Rep. Ana Ruiz (D-Ore.): “…”`.
    Colon,
    /// The owner of a noun of speech: `his call for “…”`.
    Possessive,
    /// The subject of the quote's sentence: `Ruiz issued a statement: “…”`.
    SentenceSubject,
    /// The cue of the sentence before: `Ruiz went on. “…”`.
    PreviousSentence,
    /// The attribution of the quote before, continued.
    PreviousQuote,
    /// The cue and subject of reported speech: `Ruiz said that …`.
    Reported,
}

impl Source {
    /// Every rule, in the order of the model's features.
    pub const ALL: [Source; 9] = [
        Source::CueAfter,
        Source::CueBefore,
        Source::AccordingTo,
        Source::Colon,
        Source::Possessive,
        Source::SentenceSubject,
        Source::PreviousSentence,
        Source::PreviousQuote,
        Source::Reported,
    ];

    /// The rule's name as the output and the model file write it.
    pub fn name(self) -> &'static str {
        match self {
            Source::CueAfter => "cue_after",
            Source::CueBefore => "cue_before",
            Source::AccordingTo => "according_to",
            Source::Colon => "colon",
            Source::Possessive => "possessive",
            Source::SentenceSubject => "sentence_subject",
            Source::PreviousSentence => "previous_sentence",
            Source::PreviousQuote => "previous_quote",
            Source::Reported => "reported",
        }
    }
}

/// One quotation found in a text. All ranges are byte offsets into that text.
#[derive(Debug, Clone, PartialEq)]
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
    /// The rule that found the mention and cue, when one did.
    pub source: Option<Source>,
    /// The probability that `speaker` is right (see [`confidence`]); `None`
    /// exactly when there is no speaker.
    pub confidence: Option<f32>,
}

// `confidence` is a sigmoid of finite numbers, never NaN, so equality is
// an equivalence and quotes (and what holds them) can stay `Eq`.
impl Eq for Quote {}

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

    /// The role written before the speaker's name in the mention (`Tory
    /// MP` of `Tory MP Boris Johnson`, `analyst` of `said analyst Brian
    /// Singer`), as a slice of `text`, the text the quote was found in.
    /// `None` when the mention is a pronoun or description, or holds only
    /// the name and a courtesy title (`Mr Blair`).
    pub fn role<'t>(&self, text: &'t str) -> Option<&'t str> {
        let speaker = self.speaker.as_deref()?;
        let mention = text.get(self.mention.clone()?)?;
        let names: Vec<&str> = speaker.split_whitespace().collect();
        let bare = |w: &str| {
            lexicon::trim_possessives(w.trim_end_matches(['’', '\'', ',', '.'])).to_string()
        };
        // Where the name starts: the first word of the mention that is a
        // word of the speaker's name.
        let mut at = None;
        for (i, _) in mention.match_indices(|c: char| !c.is_whitespace()) {
            let word_start = i == 0 || mention[..i].ends_with(char::is_whitespace);
            if !word_start {
                continue;
            }
            let w = mention[i..].split_whitespace().next().unwrap_or_default();
            if names.iter().any(|n| *n == bare(w)) {
                at = Some(i);
                break;
            }
        }
        let role = mention[..at?]
            .trim_end_matches([' ', ',', '\u{a0}'])
            .trim_start_matches("the ")
            .trim_start_matches("The ");
        let courtesy =
            |w: &str| matches!(w.trim_end_matches('.'), "Mr" | "Mrs" | "Ms" | "Miss" | "Mx");
        (!role.is_empty() && !role.split_whitespace().all(courtesy)).then_some(role)
    }

    /// Whether the speaker is named with a confidence below `min`: still
    /// given, but flagged, shown dim and counted only when asked.
    pub fn is_uncertain(&self, min: f32) -> bool {
        self.speaker.is_some() && self.confidence.is_some_and(|c| c < min)
    }
}

/// Finds every quotation in `text`, sorted by start offset (a nested quote
/// comes right after its parent).
pub fn extract(text: &str) -> Vec<Quote> {
    pipeline::run(text, ranker(), false).0
}

/// The ranker [`extract`] uses: precedence, since the learned ranker's
/// cross-validated figures do not beat it on every set (see
/// [`crate::cli::rank_train`]); the learned one is chosen with
/// [`extract_with`] (`hearsay eval --ranker learned`).
pub fn ranker() -> &'static dyn rank::Ranker {
    &rank::PrecedenceRanker
}

/// [`extract`] with the candidates ranked by `ranker`; with `collect`,
/// also every quote's candidates (in text order of the quotes), each
/// resolved to the speaker it would name, with the ranker's score.
pub fn extract_with(
    text: &str,
    ranker: &dyn rank::Ranker,
    collect: bool,
) -> (Vec<Quote>, Vec<rank::Considered>) {
    pipeline::run(text, ranker, collect)
}

#[cfg(test)]
mod tests {
    use super::extract;

    fn roles(text: &str) -> Vec<Option<&str>> {
        extract(text).iter().map(|q| q.role(text)).collect()
    }

    #[test]
    fn the_role_before_a_name_is_kept_apart() {
        let t = "Tory MP Gareth Pellow said the rise was “a tax on islanders”. “It is fair,” said Mr Pellow. “No,” she said.";
        let q = extract(t);
        assert_eq!(q[0].speaker.as_deref(), Some("Gareth Pellow"));
        assert_eq!(roles(t), [Some("Tory MP"), None, None]);
    }
}
