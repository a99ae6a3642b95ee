//! The speaker picker in the real binary ranks whole-word matches first:
//! `blair` finds `Tony Blair` before `Abdullatif Sener`, whose letters a
//! fuzzy match also finds.

mod pty_support;

use std::path::Path;

use pty_support::Launch;

#[test]
fn blair_finds_tony_blair_first() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/picker");
    let loaded = hearsay::article::load_paths(std::slice::from_ref(&dir));
    let corpus = hearsay::corpus::Corpus::from_articles(loaded.articles);
    let names: Vec<&str> = corpus.speakers.iter().map(|s| s.name.as_str()).collect();
    assert!(
        names.contains(&"Tony Blair") && names.contains(&"Abdullatif Sener"),
        "the fixture must name both: {names:?}"
    );
    let mut s = Launch::new([&dir]).fresh_data_dir().start();
    s.settle("the headlines", |sc| sc.contains("Island choir"));
    s.send("s");
    s.settle("the speaker picker", |sc| sc.contains("Speakers "));
    s.send("blair");
    let screen = s.settle("the typed filter", |sc| sc.contains("› blair"));
    let first = screen
        .lines()
        .skip_while(|l| !l.contains("› blair"))
        .find(|l| l.contains("Tony Blair") || l.contains("Abdullatif Sener"))
        .unwrap_or_default();
    assert!(first.contains("Tony Blair"), "{screen}");
    s.send("\x1b");
    s.settle("the picker to close", |sc| !sc.contains("› blair"));

    // The speakers view lists the most quoted first (Sener: three quotes,
    // Blair: one), but a whole-word match still comes before the order.
    s.send("p");
    s.settle("the speakers view", |sc| sc.contains("most quoted first"));
    s.send("blair");
    let screen = s.settle("the typed filter", |sc| sc.contains("› blair"));
    let first = screen
        .lines()
        .skip_while(|l| !l.contains("› blair"))
        .find(|l| l.contains("Tony Blair") || l.contains("Abdullatif Sener"))
        .unwrap_or_default();
    assert!(first.contains("Tony Blair"), "{screen}");
    s.send("\x1b");
    s.settle("the view to close", |sc| !sc.contains("› blair"));
    s.quit_ok();
}
