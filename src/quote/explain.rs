//! Why a quote has its speaker: the rule that won, the cue and the mention,
//! every candidate the generators proposed with its score, and the facts the
//! confidence was computed from with each one's weight. `hearsay quotes
//! --explain` writes it as JSON and the reader's `w` key shows it.
//!
//! The extraction that names speakers keeps none of this (it would cost
//! every article for the few a reader asks about), so it is worked out
//! again for one article when asked: the same pipeline, collecting its
//! candidates, and the confidence's features.

use std::ops::Range;

use super::rank::CandidateView;
use super::{Quote, confidence};

/// Why one quote has its speaker.
#[derive(Debug, Clone)]
pub struct Explanation {
    /// The rule that found the speaker.
    pub rule: Option<&'static str>,
    /// The speech cue (`said`), as byte offsets into the text.
    pub cue: Option<Range<usize>>,
    /// Where the speaker is named, as byte offsets into the text.
    pub mention: Option<Range<usize>>,
    /// The confidence that the speaker is right.
    pub confidence: Option<f32>,
    /// The facts the confidence was computed from.
    pub facts: Option<confidence::Features>,
    /// Each feature that is not zero, with its value and its weight.
    pub features: Vec<FeatureWeight>,
    /// Every candidate the generators proposed, in precedence order.
    pub candidates: Vec<CandidateView>,
    /// The index in `candidates` of the one that won.
    pub chosen: Option<usize>,
}

/// One feature of the confidence model, as it counted for one quote.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FeatureWeight {
    /// The feature's name (`rule:cue_after`, `distance`…).
    pub name: &'static str,
    /// Its value for the quote.
    pub value: f64,
    /// Its weight in the model.
    pub weight: f64,
}

impl Explanation {
    /// The generator whose candidate won, if one did.
    pub fn generator(&self) -> Option<&'static str> {
        let won = self.candidates.get(self.chosen?)?;
        Some(won.generator.name())
    }
}

/// Explains every quote of `quotes` (what [`super::extract`] found in `text`),
/// in their order.
pub fn explain_all(text: &str, quotes: &[Quote]) -> Vec<Explanation> {
    let mut facts = confidence::features(text, quotes);
    facts.resize(quotes.len(), None);
    let considered = super::extract_with(text, super::ranker(), true).1;
    let model = confidence::model();
    quotes
        .iter()
        .zip(facts)
        .map(|(q, facts)| {
            let found = considered
                .binary_search_by(|c| c.span.start.cmp(&q.span.start))
                .ok()
                .map(|i| &considered[i])
                .filter(|c| c.span == q.span);
            let features = facts.as_ref().map_or_else(Vec::new, |f| {
                (confidence::FEATURES
                    .iter()
                    .zip(&f.values)
                    .zip(&model.weights))
                .filter(|((_, v), _)| **v != 0.0)
                .map(|((name, v), w)| FeatureWeight {
                    name,
                    value: *v,
                    weight: *w,
                })
                .collect()
            });
            Explanation {
                rule: q.source.map(|s| s.name()),
                cue: q.cue.clone(),
                mention: q.mention.clone(),
                confidence: q.confidence,
                facts,
                features,
                candidates: found.map_or_else(Vec::new, |c| c.candidates.clone()),
                chosen: found.and_then(|c| c.chosen),
            }
        })
        .collect()
}

/// Explains quote `i` of `quotes`; `None` when there is no such quote.
pub fn explain_one(text: &str, quotes: &[Quote], i: usize) -> Option<Explanation> {
    (i < quotes.len()).then(|| explain_all(text, quotes).swap_remove(i))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_winner_is_the_speaker_and_its_cue_is_kept() {
        let text = "Port director Mirela Stoyan spoke on Monday. \
                    \"We have waited long enough,\" Stoyan said.";
        let quotes = super::super::extract(text);
        let e = explain_one(text, &quotes, 0).expect("one quote");
        assert_eq!(e.cue.clone().map(|c| &text[c]), Some("said"));
        assert_eq!(e.mention.clone().map(|m| &text[m]), Some("Stoyan"));
        let won = &e.candidates[e.chosen.expect("a winner")];
        assert_eq!(won.speaker.as_deref(), Some("Mirela Stoyan"));
        assert_eq!(e.generator(), Some(won.generator.name()));
        assert!(!e.features.is_empty());
        assert!(e.confidence.is_some_and(|c| c > 0.5));
    }

    #[test]
    fn a_quote_with_no_speaker_names_nobody() {
        let text = "The plan was called a \"fair deal\" by nobody in particular.";
        let quotes = super::super::extract(text);
        let e = explain_one(text, &quotes, 0).expect("one quote");
        let won = e.chosen.and_then(|i| e.candidates[i].speaker.clone());
        assert_eq!(won, None);
        assert!(e.features.is_empty());
        assert!(explain_one(text, &quotes, 1).is_none());
    }
}
