//! The learned ranker: training is deterministic, writes a model this
//! build reads, and reports every held-out figure beside the precedence
//! ranker's. Invented fixtures only (tests/fixtures/confidence).

use std::path::Path;

use hearsay::cli::{eval, rank_train};
use hearsay::quote::rank::LearnedRanker;

fn fixture_sets() -> Vec<(String, Vec<eval::GoldArticle>)> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/confidence/gold.jsonl");
    let articles = eval::read_gold(&path).expect("the fixture reads");
    vec![("fixture".to_string(), articles)]
}

#[test]
fn training_twice_gives_the_same_bytes() {
    let sets = fixture_sets();
    let a = rank_train::train(&sets, 3, 7);
    let b = rank_train::train(&sets, 3, 7);
    assert_eq!(a.json, b.json);
    assert_eq!(a.report, b.report);
    let model = LearnedRanker::parse(&a.json).expect("the written model reads back");
    assert_eq!(model, a.model);
    assert!(model.weights.iter().any(|w| w.abs() > 1e-3), "{model:?}");
    for figure in [
        "fixture precedence",
        "fixture learned (k-fold)",
        "leave one publisher out",
        "harbour learned",
        "some candidate",
    ] {
        assert!(a.report.contains(figure), "{figure}: {}", a.report);
    }
}

#[test]
fn the_compiled_model_is_the_one_training_reads_back() {
    let json = include_str!("../assets/model/ranker.json");
    assert!(LearnedRanker::parse(json).is_ok());
}
