//! Attribution as candidates and a ranker.
//!
//! Every way of finding a quote's speaker is a [`Generator`]: the cue
//! after the quote, the cue before it, a speaker before a colon, the owner
//! of a noun of speech, the sentence's subject, the previous sentence's
//! cue, the previous quote's attribution. Each proposes at most one
//! [`Candidate`] (its mention and cue, and the [`FEATURES`] a ranker
//! reads); a [`Ranker`] picks one or none. [`PrecedenceRanker`] picks the
//! first in the generators' order of precedence, which is how attribution
//! worked before it was split into steps; [`LearnedRanker`] scores each
//! candidate with a logistic regression whose weights are compiled in from
//! `assets/model/ranker.json` (written by `cargo run --release --example
//! train-ranker`, see [`crate::cli::rank_train`]).
//!
//! The ranker is hand-written: one dot product per candidate, at most
//! eight candidates per quote, so the cost stays linear in the article.

use std::ops::Range;
use std::sync::LazyLock;

use serde::{Deserialize, Serialize};

use super::Source;
use super::attrib::{Attr, Ctx, NpKind};
use super::lexicon;

/// A way of finding a quote's speaker, in the order of precedence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Generator {
    /// After `—` or `:`, a cue right after the quote: `— “why?” asked Dunn`.
    DashCue,
    /// A cue before the quote in its sentence: `Ruiz said: “…”`.
    CueBefore,
    /// A cue after the quote in its sentence: `“…,” Ruiz said`.
    CueAfter,
    /// A name before a colon: `Rep. Ana Ruiz (D-Ore.): “…”`.
    Colon,
    /// A possessive and a noun of speech: `his call for “…”`.
    Possessive,
    /// The sentence's subject: `Ruiz issued a statement: “…”`.
    SentenceSubject,
    /// The sentence before: `Ruiz went on. “…”`.
    PreviousSentence,
    /// The attribution of the quote before, continued.
    PreviousQuote,
}

impl Generator {
    /// Every generator, in the order of precedence (and of the features).
    pub const ALL: [Generator; 8] = [
        Generator::DashCue,
        Generator::CueBefore,
        Generator::CueAfter,
        Generator::Colon,
        Generator::Possessive,
        Generator::SentenceSubject,
        Generator::PreviousSentence,
        Generator::PreviousQuote,
    ];

    /// The generator's name as output and the model file write it.
    pub fn name(self) -> &'static str {
        match self {
            Generator::DashCue => "dash_cue",
            Generator::CueBefore => "cue_before",
            Generator::CueAfter => "cue_after",
            Generator::Colon => "colon",
            Generator::Possessive => "possessive",
            Generator::SentenceSubject => "sentence_subject",
            Generator::PreviousSentence => "previous_sentence",
            Generator::PreviousQuote => "previous_quote",
        }
    }
}

/// The number of candidate features.
pub const NF: usize = FEATURES.len();

/// The candidate features' names, in the order of the ranker's weights.
pub const FEATURES: [&str; 36] = [
    "bias",
    "gen:dash_cue",
    "gen:cue_before",
    "gen:cue_after",
    "gen:colon",
    "gen:possessive",
    "gen:sentence_subject",
    "gen:previous_sentence",
    "gen:previous_quote",
    "first_in_precedence",
    "precedence_index",
    "candidates",
    "same_mention_elsewhere",
    "kind:name",
    "kind:pronoun",
    "kind:description",
    "kind:organisation",
    "pronoun_resolved_in_sentence",
    "pronoun_gendered",
    "name_words",
    "mention_before_quote",
    "mention_in_sentence",
    "log_tokens_between",
    "paragraphs_between",
    "mention_in_other_quote",
    "mention_opens_sentence",
    "cue:said",
    "cue:told",
    "cue:according",
    "cue:punctuation",
    "cue:other",
    "cue_adjacent",
    "spoke_before",
    "previous_quote_same_mention",
    "quote_opens_paragraph",
    "first_paragraph",
];

/// The index of feature `name` (a compile-time error when there is none).
const fn pos(name: &str) -> usize {
    let mut i = 0;
    while i < NF {
        let (a, b) = (FEATURES[i].as_bytes(), name.as_bytes());
        if a.len() == b.len() {
            let mut j = 0;
            while j < a.len() && a[j] == b[j] {
                j += 1;
            }
            if j == a.len() {
                return i;
            }
        }
        i += 1;
    }
    panic!("no such feature")
}

macro_rules! f {
    ($name:literal) => {{
        const I: usize = pos($name);
        I
    }};
}

/// One proposed attribution of a quote.
#[derive(Debug, Clone)]
pub struct Candidate {
    pub(crate) attr: Attr,
    /// The generator that proposed it.
    pub generator: Generator,
    /// The rule recorded when it wins.
    pub source: Source,
    /// Its features, in [`FEATURES`] order.
    pub x: [f32; NF],
}

/// Picks one candidate of a quote, or none.
pub trait Ranker: Sync {
    /// The index of the chosen candidate in `cands` (in precedence order).
    fn pick(&self, cands: &[Candidate]) -> Option<usize>;
    /// A score per candidate, for `--explain` (higher is better).
    fn score(&self, c: &Candidate, index: usize) -> f32;
}

/// Today's precedence: the first candidate proposed wins.
#[derive(Debug, Clone, Copy, Default)]
pub struct PrecedenceRanker;

impl Ranker for PrecedenceRanker {
    fn pick(&self, cands: &[Candidate]) -> Option<usize> {
        (!cands.is_empty()).then_some(0)
    }
    fn score(&self, _: &Candidate, index: usize) -> f32 {
        1.0 / (1.0 + index as f32)
    }
}

/// A logistic regression over the candidate features: the candidate with
/// the highest probability wins, none when that is below `threshold`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LearnedRanker {
    /// The feature names the weights were fitted for.
    pub features: Vec<String>,
    /// One weight per feature.
    pub weights: Vec<f64>,
    /// The lowest probability a winning candidate may have.
    pub threshold: f64,
}

impl LearnedRanker {
    /// Reads a model file; its features must be this build's.
    pub fn parse(json: &str) -> Result<LearnedRanker, String> {
        let m: LearnedRanker = serde_json::from_str(json).map_err(|e| e.to_string())?;
        if m.features.len() != NF
            || m.weights.len() != NF
            || m.features.iter().zip(FEATURES).any(|(a, b)| a != b)
        {
            return Err("the model's features are not this build's".into());
        }
        Ok(m)
    }

    /// P(candidate right).
    pub fn probability(&self, x: &[f32; NF]) -> f64 {
        let z: f64 = self
            .weights
            .iter()
            .zip(x)
            .map(|(w, &v)| w * f64::from(v))
            .sum();
        1.0 / (1.0 + (-z).exp())
    }
}

impl Ranker for LearnedRanker {
    fn pick(&self, cands: &[Candidate]) -> Option<usize> {
        let mut best: Option<(usize, f64)> = None;
        for (i, c) in cands.iter().enumerate() {
            let p = self.probability(&c.x);
            if best.is_none_or(|(_, b)| p > b) {
                best = Some((i, p));
            }
        }
        best.filter(|&(_, p)| p >= self.threshold).map(|(i, _)| i)
    }
    fn score(&self, c: &Candidate, _: usize) -> f32 {
        self.probability(&c.x) as f32
    }
}

static LEARNED: LazyLock<Option<LearnedRanker>> =
    LazyLock::new(|| LearnedRanker::parse(include_str!("../../assets/model/ranker.json")).ok());

/// The compiled-in learned ranker, when its file fits this build.
pub fn learned() -> Option<&'static LearnedRanker> {
    LEARNED.as_ref()
}

/// What the features of a quote's candidates are read from.
pub(crate) struct QuoteSite {
    pub qs: usize,
    pub qe: usize,
    pub lo: usize,
    pub hi: usize,
    pub paragraph: usize,
    pub opens_paragraph: bool,
    /// The mention of the previous quote's attribution (first token).
    pub prev_mention: Option<usize>,
}

/// Fills in every candidate's features once all of a quote's are known.
pub(crate) fn featurize(
    ctx: &Ctx,
    site: &QuoteSite,
    para_of: &dyn Fn(usize) -> usize,
    spoke: &dyn Fn(&str) -> bool,
    cands: &mut [Candidate],
) {
    let n = cands.len();
    let firsts: Vec<usize> = cands.iter().map(|c| c.attr.np.first).collect();
    for (i, c) in cands.iter_mut().enumerate() {
        let a = c.attr;
        let np = a.np;
        let mut x = [0f32; NF];
        let mut set = |k: usize, v: f32| x[k] = v;
        set(f!("bias"), 1.0);
        set(f!("gen:dash_cue") + c.generator as usize, 1.0);
        set(f!("first_in_precedence"), f32::from(u8::from(i == 0)));
        set(f!("precedence_index"), i as f32);
        set(f!("candidates"), n as f32);
        let same = firsts
            .iter()
            .enumerate()
            .any(|(j, &f)| j != i && f == np.first);
        set(f!("same_mention_elsewhere"), f32::from(u8::from(same)));
        let words: Vec<&str> = (np.name_first..=np.name_last)
            .filter_map(|k| ctx.word(k))
            .collect();
        let org = words.iter().any(|w| lexicon::is_org_word(w))
            || matches!(ctx.word(np.first), Some("the" | "The"));
        match np.kind {
            NpKind::Name if org => set(f!("kind:organisation"), 1.0),
            NpKind::Name => set(f!("kind:name"), 1.0),
            NpKind::Pronoun => set(f!("kind:pronoun"), 1.0),
            NpKind::Description => set(f!("kind:description"), 1.0),
        }
        if np.kind == NpKind::Pronoun {
            set(
                f!("pronoun_resolved_in_sentence"),
                f32::from(u8::from(np.name_first != np.first)),
            );
            let gendered = matches!(
                ctx.word(np.first),
                Some("he" | "He" | "she" | "She" | "his" | "His" | "her" | "Her")
            );
            set(f!("pronoun_gendered"), f32::from(u8::from(gendered)));
        } else {
            set(f!("name_words"), words.len().min(4) as f32);
        }
        let before = np.last < site.qs;
        set(f!("mention_before_quote"), f32::from(u8::from(before)));
        let in_sentence = np.first >= site.lo && np.last < site.hi;
        set(f!("mention_in_sentence"), f32::from(u8::from(in_sentence)));
        let between = if before {
            site.qs - np.last
        } else {
            np.first.saturating_sub(site.qe)
        };
        set(f!("log_tokens_between"), (1.0 + between as f32).ln());
        let pm = para_of(np.first);
        set(
            f!("paragraphs_between"),
            site.paragraph.abs_diff(pm).min(5) as f32,
        );
        set(
            f!("mention_in_other_quote"),
            f32::from(u8::from(ctx.inq[np.first] != 0)),
        );
        let opens = np.first == 0 || ctx.is_boundary(np.first - 1);
        set(f!("mention_opens_sentence"), f32::from(u8::from(opens)));
        let cue_class = match ctx.word(a.cue) {
            None => f!("cue:punctuation"),
            Some("said" | "says" | "say" | "saying") => f!("cue:said"),
            Some("told" | "tells" | "tell" | "telling") => f!("cue:told"),
            Some("according" | "According") => f!("cue:according"),
            Some(_) => f!("cue:other"),
        };
        set(cue_class, 1.0);
        let adjacent = a.cue + 1 == site.qs || a.cue == site.qe + 1 || a.cue == site.qe + 2;
        set(f!("cue_adjacent"), f32::from(u8::from(adjacent)));
        let surname = ctx.word(np.name_last).unwrap_or_default();
        let spoke_before = np.kind != NpKind::Description && !surname.is_empty() && spoke(surname);
        set(f!("spoke_before"), f32::from(u8::from(spoke_before)));
        set(
            f!("previous_quote_same_mention"),
            f32::from(u8::from(site.prev_mention == Some(np.first))),
        );
        set(
            f!("quote_opens_paragraph"),
            f32::from(u8::from(site.opens_paragraph)),
        );
        set(
            f!("first_paragraph"),
            f32::from(u8::from(site.paragraph <= 1)),
        );
        c.x = x;
    }
}

/// A quote's candidates as `--explain` and training see them.
#[derive(Debug, Clone)]
pub struct Considered {
    /// The quote's span (byte offsets, marks included).
    pub span: Range<usize>,
    /// Every candidate, in precedence order.
    pub candidates: Vec<CandidateView>,
    /// The index of the winner, if any.
    pub chosen: Option<usize>,
}

/// One candidate, resolved.
#[derive(Debug, Clone)]
pub struct CandidateView {
    /// The generator that proposed it.
    pub generator: Generator,
    /// The rule recorded had it won.
    pub source: Source,
    /// Where the speaker is named.
    pub mention: Range<usize>,
    /// The cue.
    pub cue: Range<usize>,
    /// The speaker it names (resolved as if it had won).
    pub speaker: Option<String>,
    /// The ranker's score.
    pub score: f32,
    /// Its features.
    pub x: [f32; NF],
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_compiled_model_fits_this_build() {
        assert!(learned().is_some());
    }

    #[test]
    fn precedence_picks_the_first() {
        assert_eq!(PrecedenceRanker.pick(&[]), None);
    }
}
