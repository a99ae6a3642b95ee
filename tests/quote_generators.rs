//! Each generator of candidate speakers on an invented sentence: the
//! candidate it proposes, and that the precedence ranker picks the first.

use hearsay::quote::rank::{Considered, Generator, PrecedenceRanker};
use hearsay::quote::{Source, extract_with};

/// The candidates of the quote holding `quoted`.
fn considered(text: &str, quoted: &str) -> Considered {
    let at = text.find(quoted).expect("the quote is in the text");
    let (_, all) = extract_with(text, &PrecedenceRanker, true);
    all.into_iter()
        .find(|c| c.span.start <= at && at < c.span.end)
        .expect("the quote has candidates")
}

/// The one candidate of `generator`, its mention and speaker.
fn proposed(c: &Considered, text: &str, generator: Generator) -> (String, Option<String>) {
    let found: Vec<_> = c
        .candidates
        .iter()
        .filter(|v| v.generator == generator)
        .collect();
    assert_eq!(found.len(), 1, "{generator:?} in {:?}", c.candidates);
    (
        text[found[0].mention.clone()].to_string(),
        found[0].speaker.clone(),
    )
}

#[test]
fn cue_after() {
    let text = "“The bridge opens in May,” said Tomas Ferreira, the engineer.";
    let c = considered(text, "bridge");
    let (m, s) = proposed(&c, text, Generator::CueAfter);
    assert_eq!(
        (m.as_str(), s.as_deref()),
        ("Tomas Ferreira", Some("Tomas Ferreira"))
    );
    assert_eq!(c.chosen, Some(0));
    assert_eq!(c.candidates[0].source, Source::CueAfter);
}

#[test]
fn cue_before_and_the_dash_cue() {
    let text = "Ilse Varga said: “The budget is balanced.”";
    let c = considered(text, "budget");
    let (m, _) = proposed(&c, text, Generator::CueBefore);
    assert_eq!(m, "Ilse Varga");
    let text = "The mayor was asked about the fares — “why now?” asked Rui Costa.";
    let c = considered(text, "why now");
    let (m, _) = proposed(&c, text, Generator::DashCue);
    assert_eq!(m, "Rui Costa");
    assert_eq!(
        c.candidates[c.chosen.expect("a winner")].generator,
        Generator::DashCue
    );
}

#[test]
fn according_to_is_a_cue_before() {
    let text = "The plan is “dead in the water,” according to Nell Abara.";
    let c = considered(text, "dead");
    let won = &c.candidates[c.chosen.expect("a winner")];
    assert_eq!(won.source, Source::AccordingTo);
    assert_eq!(won.speaker.as_deref(), Some("Nell Abara"));
}

#[test]
fn colon() {
    let text = "Councillor Ada Brennock (Lab.): “We need more buses.”";
    let c = considered(text, "buses");
    let (m, _) = proposed(&c, text, Generator::Colon);
    assert!(m.ends_with("Ada Brennock"), "{m}");
}

#[test]
fn possessive() {
    let text = "Oren Lasky spoke at noon. Critics mocked his call for “a fare freeze for ever.”";
    let c = considered(text, "fare freeze");
    let (m, _) = proposed(&c, text, Generator::Possessive);
    assert_eq!(m, "his");
}

#[test]
fn sentence_subject() {
    let text = "Marta Quill issued a statement: “The port stays open.”";
    let c = considered(text, "port");
    let (m, s) = proposed(&c, text, Generator::SentenceSubject);
    assert_eq!(m, "Marta Quill");
    assert_eq!(s.as_deref(), Some("Marta Quill"));
}

#[test]
fn previous_sentence() {
    let text = "The vote was close.\n\nDalia Penn continued her remarks. “We lost by nine votes.”";
    let c = considered(text, "nine votes");
    let (m, _) = proposed(&c, text, Generator::PreviousSentence);
    assert_eq!(m, "Dalia Penn");
}

#[test]
fn previous_quote() {
    let text = "“We will appeal,” said Joss Arden. “The ruling is wrong.”";
    let c = considered(text, "ruling");
    let (_, s) = proposed(&c, text, Generator::PreviousQuote);
    assert_eq!(s.as_deref(), Some("Joss Arden"));
    assert_eq!(
        c.candidates[c.chosen.expect("a winner")].generator,
        Generator::PreviousQuote
    );
}

#[test]
fn a_quote_with_two_candidates_lists_both_and_precedence_takes_the_first() {
    // The cue after and the cue before both find a speaker.
    let text = "Pia Lund told the meeting that the work was “slow, very slow,” Ben Okafor said.";
    let c = considered(text, "very slow");
    assert!(c.candidates.len() >= 2, "{:?}", c.candidates);
    assert_eq!(c.chosen, Some(0));
}
