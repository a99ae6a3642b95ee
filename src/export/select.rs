//! Choosing which quotes to export: all of them, or one speaker's.

use std::collections::BTreeMap;

use super::Citation;
use crate::corpus::Corpus;
use crate::speakers::{speaker_key, surname_of};
use crate::store::StarredQuote;

/// Every quotation of `corpus` (scare quotes and terms left out), in corpus
/// order, named with the corpus-wide speakers.
pub fn citations(corpus: &Corpus) -> Vec<Citation> {
    let mut out = Vec::new();
    for (e, entry) in corpus.entries.iter().enumerate() {
        for (q, quote) in entry.quotes.iter().enumerate() {
            if quote.is_quotation() {
                out.extend(Citation::from_corpus(corpus, e, q));
            }
        }
    }
    out
}

/// Which of `candidates` (each a speaker's written forms) `name` refers to.
///
/// Names are compared by [`speaker_key`], so any written form of a speaker
/// selects them (`Hillary Rodham Clinton` finds `Hillary Clinton`). A family
/// name alone (`Clinton`) that is no candidate's own name selects every
/// candidate of that family name.
fn refer<'a, I, F>(name: &str, candidates: I) -> Vec<usize>
where
    I: Iterator<Item = F> + Clone,
    F: IntoIterator<Item = &'a str>,
{
    let key = speaker_key(name);
    if key.is_empty() {
        return Vec::new();
    }
    let pick = |matches: &dyn Fn(&str) -> bool| -> Vec<usize> {
        candidates
            .clone()
            .enumerate()
            .filter_map(|(i, forms)| forms.into_iter().any(matches).then_some(i))
            .collect()
    };
    let exact = pick(&|form| speaker_key(form) == key);
    if !exact.is_empty() || key.contains(' ') {
        return exact;
    }
    pick(&|form| surname_of(form).is_some_and(|f| speaker_key(f) == key))
}

/// The speakers of `corpus` that `name` refers to, as indices into
/// `corpus.speakers`, most quoted first.
///
/// Any written form of a speaker selects them: `Hillary Rodham Clinton`
/// finds `Hillary Clinton` ([`speaker_key`]). A family name alone (`Clinton`)
/// that is no speaker's own name finds every speaker of that family name; the
/// caller decides what to do when that is more than one.
pub fn find_speakers(corpus: &Corpus, name: &str) -> Vec<usize> {
    let forms = corpus
        .speakers
        .iter()
        .map(|s| std::iter::once(s.name.as_str()).chain(s.aliases.iter().map(String::as_str)));
    refer(name, forms)
}

/// Every quote of the speaker `name` refers to, in corpus order, as
/// citations named with the corpus-wide speaker. Empty when `name` is
/// nobody's, or is a family name shared by several speakers (see
/// [`find_speakers`] to tell those apart).
pub fn filter_by_speaker(corpus: &Corpus, name: &str) -> Vec<Citation> {
    let [speaker] = find_speakers(corpus, name)[..] else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (e, entry) in corpus.entries.iter().enumerate() {
        if !corpus.quotes_speaker(e, speaker) {
            continue;
        }
        for q in 0..entry.quotes.len() {
            if corpus.speaker_of(e, q) == Some(speaker) {
                out.extend(Citation::from_corpus(corpus, e, q));
            }
        }
    }
    out
}

/// The starred quotes of the speaker `name` refers to, as citations, in the
/// order given. Matching is as for [`find_speakers`], among the speakers the
/// stars name; a family name shared by several of them selects none.
pub fn filter_starred_by_speaker(stars: &[StarredQuote], name: &str) -> Vec<Citation> {
    // One written form per speaker key is enough: the key is what is compared.
    let mut speakers: BTreeMap<String, &str> = BTreeMap::new();
    for name in stars.iter().filter_map(|s| s.speaker.as_deref()) {
        speakers.entry(speaker_key(name)).or_insert(name);
    }
    let (keys, forms): (Vec<&String>, Vec<&str>) = speakers.iter().map(|(k, f)| (k, *f)).unzip();
    let [chosen] = refer(name, forms.iter().map(|f| [*f]))[..] else {
        return Vec::new();
    };
    let key = keys[chosen];
    stars
        .iter()
        .filter(|s| s.speaker.as_deref().is_some_and(|n| speaker_key(n) == *key))
        .map(Citation::from)
        .collect()
}
