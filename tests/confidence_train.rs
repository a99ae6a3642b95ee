//! The confidence model: training is deterministic and writes a model this
//! build reads; the compiled-in model ranks a plain attribution above a
//! far-fetched one. Invented fixtures only (tests/fixtures/confidence).

use std::path::Path;

use hearsay::cli::{calibrate, eval};
use hearsay::quote::confidence::Model;
use hearsay::quote::{Source, extract};

fn fixture_sets() -> Vec<(String, Vec<eval::GoldArticle>)> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/confidence/gold.jsonl");
    let articles = eval::read_gold(&path).expect("the fixture reads");
    vec![("fixture".to_string(), articles)]
}

#[test]
fn training_twice_gives_the_same_bytes() {
    let sets = fixture_sets();
    let a = calibrate::train(&sets, 3, 7);
    let b = calibrate::train(&sets, 3, 7);
    assert_eq!(a.json, b.json);
    assert_eq!(a.report, b.report);
    let model = Model::parse(&a.json).expect("the written model reads back");
    assert_eq!(model, a.model);
    // The fixture has right and wrong names, so the fit is not flat.
    assert!(model.weights.iter().any(|w| w.abs() > 1e-3), "{model:?}");
    // Every held-out figure is printed.
    for figure in [
        "reliability",
        "Brier",
        "ECE",
        "leave one publisher out",
        "harbour",
    ] {
        assert!(a.report.contains(figure), "{figure}: {}", a.report);
    }
    // Another seed makes other folds, but the model fitted on everything is
    // the same.
    let c = calibrate::train(&sets, 3, 8);
    assert_eq!(c.model.weights, a.model.weights);
}

#[test]
fn the_fixture_gives_right_and_wrong_examples() {
    let sets = fixture_sets();
    let examples: Vec<_> = (sets[0].1.iter().enumerate())
        .flat_map(|(i, a)| calibrate::article_examples(a, 0, i))
        .collect();
    assert!(examples.len() >= 10, "{}", examples.len());
    assert!(examples.iter().any(|e| e.right));
    assert!(examples.iter().any(|e| !e.right));
}

#[test]
fn a_cue_after_full_name_beats_a_pronoun_two_sentences_back() {
    let text = "Pier repairs\n\n“The pier opens in May,” said Vera Holm, who runs the works. \
                Anton Lusk, her engineer, inspected the piles. The tide was low. \
                “We found rot in six of them,” he said.\n";
    let quotes = extract(text);
    let plain = quotes
        .iter()
        .find(|q| text[q.span.clone()].contains("pier opens"))
        .expect("the first quote");
    let far = quotes
        .iter()
        .find(|q| text[q.span.clone()].contains("rot in six"))
        .expect("the second quote");
    assert_eq!(plain.source, Some(Source::CueAfter));
    assert_eq!(plain.speaker.as_deref(), Some("Vera Holm"));
    let mention = far.mention.clone().expect("a mention");
    assert_eq!(&text[mention], "he");
    let (p, f) = (
        plain.confidence.expect("a confidence"),
        far.confidence.expect("a confidence"),
    );
    assert!(p > f, "cue-after full name {p} <= pronoun {f}");
}
