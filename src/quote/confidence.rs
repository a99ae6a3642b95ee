//! How sure we are of each speaker: a calibrated probability that the name
//! beside a quote is right.
//!
//! A wrong name is worse than none, so every attribution carries the
//! probability, and one below a threshold is shown as uncertain. The
//! [`features`] of an attributed quote are read from the final quotes, the
//! text and the rule that won ([`Source`]): the rule, what kind of mention
//! names the speaker, where the cue is, how far the mention is from the
//! quote in words, sentences and paragraphs, the quote's length and place,
//! whether the speaker spoke before, whether the name was resolved from a
//! pronoun or description. A logistic regression over them gives
//! P(speaker right); its weights are compiled in from
//! `assets/model/confidence.json`, which `cargo run --release --example
//! train-confidence` writes (see [`crate::cli::calibrate`]).
//!
//! Inference is a dot product per quote and the feature scan is bounded
//! (at most [`GAP_SCAN`] bytes between a mention and its quote), so the
//! cost stays linear in the article. The model is hand-written rather
//! than taken from a crate: it is one dot product and a sigmoid.

use std::ops::Range;
use std::sync::LazyLock;

use rustc_hash::FxHashSet as HashSet;
use serde::{Deserialize, Serialize};

use super::{Quote, QuoteKind, Source, lexicon, tokens};

/// The most bytes between a mention and its quote that are read for the
/// distance features; a longer gap counts as this long.
pub const GAP_SCAN: usize = 1024;

/// The number of features.
pub const N: usize = FEATURES.len();

/// The features' names, in the order of the model's weights.
pub const FEATURES: [&str; 37] = [
    "bias",
    "source:cue_after",
    "source:cue_before",
    "source:according_to",
    "source:colon",
    "source:possessive",
    "source:sentence_subject",
    "source:previous_sentence",
    "source:previous_quote",
    "source:reported",
    "mention:full_name",
    "mention:surname",
    "mention:pronoun",
    "mention:description",
    "mention:organisation",
    "cue:before",
    "cue:after",
    "cue:said",
    "mention_before_quote",
    "log_words_between",
    "sentences_between",
    "paragraphs_between",
    "log_quote_words",
    "spoke_before",
    "log_speakers_before",
    "resolved",
    "speaker_one_word",
    "paragraph_start",
    "early_paragraph",
    "nested",
    "kind:embedded",
    "kind:reported",
    "quote_ends_comma",
    "pronoun_x_sentences",
    "mention_inside_quote",
    "mention_titled",
    "log_paragraph",
];

/// What kind of words name the speaker at the mention.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MentionKind {
    /// A name of two words or more: `Ana Ruiz`.
    FullName,
    /// One word of a name: `Ruiz`.
    Surname,
    /// `he`, `she`, `they`.
    Pronoun,
    /// `the minister`, `a spokesman`.
    Description,
    /// `the Treasury`, `Acme Corp`.
    Organisation,
}

impl MentionKind {
    /// The kind's name as the output writes it.
    pub fn name(self) -> &'static str {
        match self {
            MentionKind::FullName => "full_name",
            MentionKind::Surname => "surname",
            MentionKind::Pronoun => "pronoun",
            MentionKind::Description => "description",
            MentionKind::Organisation => "organisation",
        }
    }
}

/// The features of one attributed quote, in [`FEATURES`] order, with the
/// facts behind them for `--explain`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Features {
    /// The values, in [`FEATURES`] order.
    #[serde(skip)]
    pub values: [f64; N],
    /// The rule that found the speaker.
    #[serde(skip)]
    pub source: Option<Source>,
    /// What kind of mention names the speaker.
    #[serde(rename = "mention_kind")]
    pub mention: Option<MentionKind>,
    /// Words between the mention and the quote.
    pub words_between: usize,
    /// Sentence ends between the mention and the quote.
    pub sentences_between: usize,
    /// Paragraph breaks between the mention and the quote.
    pub paragraphs_between: usize,
    /// Whether the same speaker was given to an earlier quote.
    pub spoke_before: bool,
    /// Whether the speaker's name is not written in the mention (a pronoun
    /// or description resolved, or a quote continued).
    pub resolved: bool,
}

/// The compiled-in model: one weight per feature, and the default threshold.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Model {
    /// The features' names, which must be [`FEATURES`].
    pub features: Vec<String>,
    /// One weight per feature.
    pub weights: Vec<f64>,
    /// The default `min_confidence`: the lowest threshold at which at most
    /// 1.5% of shown names were wrong on held-out folds.
    pub min_confidence: f64,
}

impl Model {
    /// P(speaker right) for these features.
    pub fn predict(&self, x: &[f64; N]) -> f64 {
        let z: f64 = self.weights.iter().zip(x).map(|(w, v)| w * v).sum();
        sigmoid(z)
    }

    /// Parses a model file, checking its features are this build's.
    pub fn parse(json: &str) -> Result<Model, String> {
        let m: Model = serde_json::from_str(json).map_err(|e| e.to_string())?;
        if m.features != FEATURES || m.weights.len() != N {
            return Err(format!(
                "the model's {} features are not this build's {N}",
                m.features.len()
            ));
        }
        if !(0.0..=1.0).contains(&m.min_confidence) {
            return Err("min_confidence must be between 0 and 1".into());
        }
        Ok(m)
    }
}

/// The logistic function.
pub fn sigmoid(z: f64) -> f64 {
    1.0 / (1.0 + (-z).exp())
}

static MODEL: LazyLock<Model> = LazyLock::new(|| {
    // A unit test checks the file parses; a model that does not fit gives
    // every speaker an even chance rather than no confidence at all.
    Model::parse(include_str!("../../assets/model/confidence.json")).unwrap_or_else(|_| Model {
        features: FEATURES.iter().map(|f| f.to_string()).collect(),
        weights: vec![0.0; N],
        min_confidence: 0.5,
    })
});

/// The compiled-in model.
pub fn model() -> &'static Model {
    &MODEL
}

/// The default threshold below which a speaker is uncertain.
pub fn default_min_confidence() -> f32 {
    model().min_confidence as f32
}

/// Sets every attributed quote's confidence with the compiled-in model.
pub fn score(text: &str, quotes: &mut [Quote]) {
    score_with(model(), text, quotes);
}

/// Sets every attributed quote's confidence with `model`, and clears it
/// where there is no speaker.
///
/// Each quote's features are scored as they are made: a list of them all
/// first took some 350 bytes a quote, written once and read once, which
/// an article of many quotes paid for in page faults.
pub fn score_with(model: &Model, text: &str, quotes: &mut [Quote]) {
    let scores: Vec<Option<f32>> = each_features(text, quotes)
        .map(|f| f.map(|f| model.predict(&f.values) as f32))
        .collect();
    for (q, s) in quotes.iter_mut().zip(scores) {
        q.confidence = s;
    }
}

/// The features of each quote that has a speaker (`None` for the others),
/// in one pass over the quotes in text order.
pub fn features(text: &str, quotes: &[Quote]) -> Vec<Option<Features>> {
    each_features(text, quotes).collect()
}

/// [`features`], one quote at a time.
fn each_features<'q>(
    text: &'q str,
    quotes: &'q [Quote],
) -> impl Iterator<Item = Option<Features>> + 'q {
    let mut seen: HashSet<&str> = HashSet::default();
    let mut lines = LineCounter::default();
    quotes.iter().map(move |q| {
        let speaker = q.speaker.as_deref()?;
        let paragraph = lines.paragraph_at(text, q.span.start);
        let f = one(text, q, speaker, paragraph, &seen);
        seen.insert(speaker);
        Some(f)
    })
}

/// Paragraph numbers (line breaks before an offset), counted forward.
#[derive(Default)]
struct LineCounter {
    at: usize,
    lines: usize,
}

impl LineCounter {
    fn paragraph_at(&mut self, text: &str, at: usize) -> usize {
        if at >= self.at {
            let part = text.as_bytes().get(self.at..at).unwrap_or_default();
            self.lines += memchr::memchr_iter(b'\n', part).count();
            self.at = at;
        }
        self.lines
    }
}

// Indices into [`FEATURES`].
const BIAS: usize = 0;
const SOURCE: usize = 1;
const MENTION: usize = 10;
const CUE_BEFORE: usize = 15;
const CUE_AFTER: usize = 16;
const CUE_SAID: usize = 17;
const MENTION_BEFORE: usize = 18;
const WORDS: usize = 19;
const SENTENCES: usize = 20;
const PARAGRAPHS: usize = 21;
const QUOTE_WORDS: usize = 22;
const SPOKE_BEFORE: usize = 23;
const SPEAKERS_BEFORE: usize = 24;
const RESOLVED: usize = 25;
const ONE_WORD: usize = 26;
const PARAGRAPH_START: usize = 27;
const EARLY: usize = 28;
const NESTED: usize = 29;
const EMBEDDED: usize = 30;
const REPORTED: usize = 31;
const ENDS_COMMA: usize = 32;
const PRONOUN_SENTENCES: usize = 33;
const MENTION_INSIDE: usize = 34;
const TITLED: usize = 35;
const LOG_PARAGRAPH: usize = 36;

fn flag(b: bool) -> f64 {
    f64::from(u8::from(b))
}

fn one(text: &str, q: &Quote, speaker: &str, paragraph: usize, seen: &HashSet<&str>) -> Features {
    let mut x = [0.0; N];
    x[BIAS] = 1.0;
    if let Some(i) = q
        .source
        .and_then(|s| Source::ALL.iter().position(|&a| a == s))
    {
        x[SOURCE + i] = 1.0;
    }
    let mention_text = q.mention.as_ref().and_then(|m| text.get(m.clone()));
    let mention = mention_text.map(|m| mention_kind(m, speaker));
    if let Some(k) = mention {
        x[MENTION + k as usize] = 1.0;
    }
    if let Some(c) = &q.cue {
        x[CUE_BEFORE] = flag(c.end <= q.span.start);
        x[CUE_AFTER] = flag(c.start >= q.span.end);
        let said = text.get(c.clone()).is_some_and(|w| {
            matches!(
                w,
                "said" | "says" | "say" | "saying" | "told" | "tells" | "Said" | "Says"
            )
        });
        x[CUE_SAID] = flag(said);
    }
    let gap = q.mention.as_ref().map(|m| gap(text, m, &q.span));
    let (words, sentences, paragraphs) = gap.as_ref().map_or((0, 0, 0), |g| g.counts);
    if let Some(g) = &gap {
        x[MENTION_BEFORE] = flag(g.before);
        x[MENTION_INSIDE] = flag(g.inside);
    }
    x[WORDS] = (words as f64).ln_1p();
    x[SENTENCES] = sentences.min(3) as f64;
    x[PARAGRAPHS] = paragraphs.min(3) as f64;
    let inner = text.get(q.span.clone()).unwrap_or_default();
    x[QUOTE_WORDS] = (word_counts(inner).0 as f64).ln_1p();
    let spoke_before = seen.contains(speaker);
    x[SPOKE_BEFORE] = flag(spoke_before);
    x[SPEAKERS_BEFORE] = (seen.len() as f64).ln_1p();
    let resolved = mention_text.is_none_or(|m| !writes_name(m, speaker));
    x[RESOLVED] = flag(resolved);
    x[ONE_WORD] = flag(!speaker.trim().contains(' '));
    let before = text.get(..q.span.start).unwrap_or_default();
    let before = before.trim_end_matches([' ', '\t', '\u{a0}']);
    x[PARAGRAPH_START] = flag(before.is_empty() || before.ends_with('\n'));
    x[EARLY] = flag(paragraph < 6);
    x[LOG_PARAGRAPH] = (paragraph as f64).ln_1p();
    // `Sen. Ruiz`, `Mr Wilk`: a title says a person is named.
    let titled = mention_text
        .and_then(|m| self::words(m).next())
        .is_some_and(lexicon::is_title);
    x[TITLED] = flag(titled);
    x[NESTED] = flag(q.parent.is_some());
    x[EMBEDDED] = flag(q.kind == QuoteKind::Embedded);
    x[REPORTED] = flag(q.kind == QuoteKind::Reported);
    let comma = inner
        .trim_end_matches(|c: char| !tokens::is_alphanumeric(c) && c != ',')
        .ends_with(',');
    x[ENDS_COMMA] = flag(comma);
    if mention == Some(MentionKind::Pronoun) {
        x[PRONOUN_SENTENCES] = sentences.min(3) as f64;
    }
    Features {
        values: x,
        source: q.source,
        mention,
        words_between: words,
        sentences_between: sentences,
        paragraphs_between: paragraphs,
        spoke_before,
        resolved,
    }
}

/// Where a mention is relative to its quote, and what lies between.
struct Gap {
    before: bool,
    inside: bool,
    /// Words, sentence ends and line breaks between.
    counts: (usize, usize, usize),
}

fn gap(text: &str, mention: &Range<usize>, quote: &Range<usize>) -> Gap {
    let (before, inside, range) = if mention.end <= quote.start {
        (true, false, mention.end..quote.start)
    } else if mention.start >= quote.end {
        (false, false, quote.end..mention.start)
    } else {
        (false, true, 0..0)
    };
    // Read at most GAP_SCAN bytes, the ones nearest the quote.
    let mut lo = range.start.max(range.end.saturating_sub(GAP_SCAN));
    if before {
        while lo < range.end && !text.is_char_boundary(lo) {
            lo += 1;
        }
    }
    let mut hi = if before {
        range.end
    } else {
        range.end.min(range.start + GAP_SCAN)
    };
    while hi > lo && !text.is_char_boundary(hi) {
        hi -= 1;
    }
    let lo = if before { lo } else { range.start };
    let between = text.get(lo..hi.max(lo)).unwrap_or_default();
    Gap {
        before,
        inside,
        counts: counts(between),
    }
}

/// Words, sentence ends (`.`, `?`, `!` before a space, perhaps after a
/// closing mark) and line breaks in `s`.
fn counts(s: &str) -> (usize, usize, usize) {
    let words = word_counts(s).1;
    let bytes = s.as_bytes();
    let mut sentences = 0;
    for i in memchr::memchr3_iter(b'.', b'?', b'!', bytes) {
        let next = s[i + 1..]
            .trim_start_matches(['"', '\'', '”', '’', '»', ')'])
            .chars()
            .next();
        if next.is_some_and(char::is_whitespace) {
            sentences += 1;
        }
    }
    let lines = memchr::memchr_iter(b'\n', bytes).count();
    (words, sentences, lines)
}

/// The words of `s` as `split_whitespace` cuts them, and how many of
/// those hold a letter or digit. Every quote and every gap is counted, so
/// eight ASCII bytes are classed at a time (SWAR): where no word starts
/// with a mark and no word of marks only runs on, every word starting in
/// them starts with a letter or digit, and only the starts need counting.
/// Other bytes go one char at a time.
fn word_counts(s: &str) -> (usize, usize) {
    let b = s.as_bytes();
    let mut w = WordCounter::default();
    let mut i = 0;
    while i < b.len() {
        if let Some(chunk) = b.get(i..i + 8)
            && (!w.in_word || w.has_alnum)
        {
            let mut x = [0u8; 8];
            x.copy_from_slice(chunk);
            let x = u64::from_le_bytes(x);
            if x & HIGH == 0 {
                let space = eq(x, b' ') | (ge(x, b'\t') & !ge(x, b'\r' + 1));
                let alnum = (ge(x, b'0') & !ge(x, b'9' + 1))
                    | (ge(x, b'A') & !ge(x, b'Z' + 1))
                    | (ge(x, b'a') & !ge(x, b'z' + 1));
                // Each byte's flag moved onto the next byte: the previous
                // byte was a space (or no word was open before the chunk).
                let after_space = (space << 8) | (u64::from(!w.in_word) << 7);
                let starts = !space & HIGH & after_space;
                if starts & !alnum == 0 {
                    let n = starts.count_ones() as usize;
                    w.words += n;
                    w.alnum_words += n;
                    w.in_word = space >> 63 == 0;
                    w.has_alnum = w.in_word;
                    i += 8;
                    continue;
                }
            }
        }
        let end = (i + 8).min(b.len());
        while i < end {
            let c = b[i];
            if c < 0x80 {
                // `char::is_whitespace` of ASCII: tab to carriage return, space.
                let space = matches!(c, b'\t'..=b'\r' | b' ');
                w.push(space, || c.is_ascii_alphanumeric());
                i += 1;
            } else {
                let ch = s.get(i..).and_then(|r| r.chars().next()).unwrap_or(' ');
                w.push(ch.is_whitespace(), || tokens::is_alphanumeric(ch));
                i += ch.len_utf8();
            }
        }
    }
    (w.words, w.alnum_words)
}

/// The high bit of every byte of a `u64`.
const HIGH: u64 = 0x8080_8080_8080_8080;
/// The low bit of every byte of a `u64`.
const ONES: u64 = 0x0101_0101_0101_0101;

/// The high bit of each byte of `x` (all below 0x80) that is `>= n`
/// (`n <= 0x80`): adding `0x80 - n` reaches the high bit without carrying
/// into the next byte.
fn ge(x: u64, n: u8) -> u64 {
    x.wrapping_add(ONES * u64::from(0x80 - n)) & HIGH
}

/// The high bit of each byte of `x` (all below 0x80) that is `n`.
fn eq(x: u64, n: u8) -> u64 {
    ge(x, n) & !ge(x, n + 1)
}

/// The state of [`word_counts`] between chars.
#[derive(Default)]
struct WordCounter {
    words: usize,
    alnum_words: usize,
    in_word: bool,
    has_alnum: bool,
}

impl WordCounter {
    /// One more char: whitespace or not, and whether it is a letter or
    /// digit (asked only while the word has none yet).
    fn push(&mut self, space: bool, alnum: impl FnOnce() -> bool) {
        if space {
            self.in_word = false;
            return;
        }
        if !self.in_word {
            self.words += 1;
            self.in_word = true;
            self.has_alnum = false;
        }
        if !self.has_alnum && alnum() {
            self.has_alnum = true;
            self.alnum_words += 1;
        }
    }
}

/// Whether `mention` writes a word of `speaker`'s name.
/// Case is folded for ASCII only, so nothing is allocated per quote.
fn writes_name(mention: &str, speaker: &str) -> bool {
    words(speaker).any(|w| words(mention).any(|m| m.eq_ignore_ascii_case(w)))
}

fn words(s: &str) -> impl Iterator<Item = &str> {
    s.split(|c: char| c.is_whitespace() || matches!(c, ',' | '(' | ')'))
        .map(lexicon::trim_possessives)
        .map(|w| w.trim_matches(|c: char| !tokens::is_alphanumeric(c)))
        .filter(|w| !w.is_empty())
}

/// What kind of words `mention` is, for a speaker named `speaker`.
pub fn mention_kind(mention: &str, speaker: &str) -> MentionKind {
    let ws: Vec<&str> = words(mention).collect();
    // `councillor Mary Oduya`, `Sen. Ruiz`: the name after its titles.
    let titles = ws.iter().take_while(|w| lexicon::is_title(w)).count();
    let ws = if titles < ws.len() {
        &ws[titles..]
    } else {
        &ws[..]
    };
    let first = ws.first().copied().unwrap_or_default();
    const PRONOUNS: [&str; 14] = [
        "he", "she", "they", "it", "we", "i", "his", "her", "their", "its", "our", "him", "them",
        "you",
    ];
    let pronoun = ws.len() == 1 && PRONOUNS.iter().any(|p| p.eq_ignore_ascii_case(first));
    if pronoun {
        return MentionKind::Pronoun;
    }
    if words(speaker).any(lexicon::is_org_word) || ws.iter().copied().any(lexicon::is_org_word) {
        return MentionKind::Organisation;
    }
    if first.starts_with(|c: char| c.is_lowercase()) || !writes_name(mention, speaker) {
        return MentionKind::Description;
    }
    let capitalised = ws
        .iter()
        .filter(|w| w.starts_with(|c: char| c.is_uppercase()) && !lexicon::is_title(w))
        .count();
    if capitalised >= 2 {
        MentionKind::FullName
    } else {
        MentionKind::Surname
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quote::extract;

    #[test]
    fn the_compiled_model_fits_this_build() {
        let m = Model::parse(include_str!("../../assets/model/confidence.json"));
        assert!(m.is_ok(), "{m:?}");
    }

    #[test]
    fn confidence_is_a_probability_exactly_when_there_is_a_speaker() {
        let text = "Ana Ruiz spoke on Monday. “We will win,” Ruiz said. \
                    “And soon.” Later she added: “No doubt.” The “Fair Deal” plan \
                    is “popular”, a report said.";
        let quotes = extract(text);
        assert!(quotes.iter().any(|q| q.speaker.is_none()));
        assert!(quotes.iter().filter(|q| q.speaker.is_some()).count() >= 2);
        for q in &quotes {
            assert_eq!(q.confidence.is_some(), q.speaker.is_some(), "{q:?}");
            if let Some(c) = q.confidence {
                assert!((0.0..=1.0).contains(&c), "{c}");
            }
        }
    }

    #[test]
    fn mention_kinds() {
        assert_eq!(mention_kind("Ana Ruiz", "Ana Ruiz"), MentionKind::FullName);
        assert_eq!(mention_kind("Sen. Ruiz", "Ana Ruiz"), MentionKind::Surname);
        assert_eq!(
            mention_kind("councillor Ana Ruiz", "Ana Ruiz"),
            MentionKind::FullName
        );
        assert_eq!(mention_kind("she", "Ana Ruiz"), MentionKind::Pronoun);
        assert_eq!(
            mention_kind("the senator", "Ana Ruiz"),
            MentionKind::Description
        );
    }

    #[test]
    fn gaps_count_words_sentences_and_paragraphs() {
        let text = "Ruiz spoke. Then more.\n“Yes,” she said.";
        let m = 0..4;
        let q = text.find('“').unwrap_or_default()..text.len() - 10;
        let g = gap(text, &m, &q);
        assert!(g.before && !g.inside);
        assert_eq!(g.counts, (3, 2, 1));
    }

    #[test]
    fn word_counts_are_those_of_split_whitespace() {
        let samples = [
            "",
            "   ",
            "one",
            " Ruiz said,\tthen\u{b}left.\n",
            "“Yes” — she\u{a0}said\u{2003}— …  ’ ",
            "a\u{1c}b \u{3000}c\u{85}d\u{2028}e ,, -- 12",
            "日本語 テキスト ， «Oui»",
            "- -- & ... ab -x- -- (y) a-b-c-d-e-f-g-h-i \"quoted words\" end",
            "        -------- abcdefgh        ,,,,,,,, ,,,,,,,a ........",
        ];
        for s in samples {
            let words = s.split_whitespace().count();
            let alnum = s
                .split_whitespace()
                .filter(|w| w.chars().any(char::is_alphanumeric))
                .count();
            assert_eq!(word_counts(s), (words, alnum), "{s:?}");
        }
    }

    #[test]
    fn word_counts_are_those_of_split_whitespace_at_every_alignment() {
        // Every string of up to five bytes from a few classes, so that
        // each class meets each other at every place in a chunk of eight.
        let parts = [" ", "a", "-", "\t", "’", "\u{a0}", "Z9", ".."];
        let mut cases = vec![String::new()];
        for _ in 0..5 {
            let longer: Vec<String> = cases
                .iter()
                .flat_map(|c| parts.iter().map(move |p| format!("{c}{p}")))
                .collect();
            cases.extend(longer);
            cases.dedup();
        }
        for c in &cases {
            for pad in ["", "abc", "abcdefg ", " .", "x.y.z,w."] {
                let s = format!("{pad}{c}{pad}{c}");
                let words = s.split_whitespace().count();
                let alnum = s
                    .split_whitespace()
                    .filter(|w| w.chars().any(char::is_alphanumeric))
                    .count();
                assert_eq!(word_counts(&s), (words, alnum), "{s:?}");
            }
        }
    }

    #[test]
    fn a_long_gap_is_read_only_so_far() {
        let filler = "word ".repeat(5000);
        let text = format!("Ruiz spoke. {filler}“Yes.”");
        let q = text.find('“').unwrap_or_default()..text.len();
        let g = gap(&text, &(0..4), &q);
        assert!(g.counts.0 <= GAP_SCAN / 5 + 1, "{:?}", g.counts);
    }
}
